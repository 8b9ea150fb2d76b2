"""Shell completion of problem slugs (docs/cli.md, "Shell completion").

Click completes commands and options by itself; a SLUG argument names this
judge's problems, which only the problem set knows. Completion runs without
the group's callback, so the Environment may not exist yet.
"""

from __future__ import annotations

import click
from click.shell_completion import CompletionItem

from judge.errors import JudgeError
from judge.problems import ProblemSet, problem_roots


def complete_slug(ctx: click.Context, _param: click.Parameter, incomplete: str) -> list[CompletionItem]:
    """The slugs starting with what was typed; nothing (never a traceback) when the problems cannot be listed."""
    try:
        slugs = _problems(ctx).slugs()
    except (JudgeError, OSError):
        return []
    return [CompletionItem(slug) for slug in slugs if slug.startswith(incomplete)]


def _problems(ctx: click.Context) -> ProblemSet:
    environment = ctx.find_root().obj
    problems = getattr(environment, "problems", None)  # an Environment passed in (tests), else the installed set
    return problems if isinstance(problems, ProblemSet) else ProblemSet(*problem_roots())
