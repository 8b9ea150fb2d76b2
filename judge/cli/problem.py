"""`judge problem check`: validate problem folders before any candidate meets them (docs/authoring.md)."""

from __future__ import annotations

import os

import click
from rich.text import Text

from judge.authoring.check import Check, Checker, ProblemReport
from judge.cli.environment import Environment
from judge.errors import ExitCode
from judge.harness.run import default_hidden_paths
from judge.sandbox import CHOICES, choose_backend

SOME_CHECK_FAILED = 1  # the exit code of a wrong answer: the problem's files disagree with each other


@click.group()
def problem() -> None:
    """For problem authors: check a problem folder."""


@problem.command("check")
@click.argument("slugs", nargs=-1, metavar="[SLUG]...")
@click.option("--sandbox", type=click.Choice(CHOICES), default="auto", show_default=True,
              help="Where the reference, starter and corpus run.")
@click.option("--quick", is_flag=True, help="Leave out the corpus: the files, the reference and the starter only.")
@click.option("--jobs", type=click.IntRange(min=1), default=None,
              help="Corpus files judged side by side [default: the cores].")
@click.pass_context
def check(ctx: click.Context, slugs: tuple[str, ...], sandbox: str, quick: bool, jobs: int | None) -> None:
    """Check problems SLUG... (default: all): problem.toml, spec.md, complexity.py, the reference
    against its hidden tests, the starter, and every corpus file against its header.

    \b
    Exit codes: 0 every check passed, 1 some check failed,
    10 some problem is malformed (a file the judge cannot use at all).
    """
    env: Environment = ctx.find_root().obj
    problems = env.problems
    directories = [problems.directory(slug) for slug in slugs or problems.slugs()]  # unknown slugs fail first
    backend, why = choose_backend(sandbox)
    env.stdout.print(f"sandbox: {why}", highlight=False, markup=False)
    checker = Checker(backend, jobs=jobs or os.cpu_count() or 1,
                      hidden_paths=(*problems.roots, *default_hidden_paths(env.data_dir)),
                      on_check=lambda found: env.stdout.print(_line(found), highlight=False))
    reports = []
    for directory in directories:
        env.stdout.print(Text(directory.name, "bold"))
        reports.append(checker.check(directory, quick=quick))
        env.stdout.print(_summary(reports[-1]), highlight=False)
    if len(reports) > 1:
        env.stdout.print(_overall(reports), highlight=False)
    ctx.exit(_exit_code(reports))


def _line(found: Check) -> Text:
    mark = Text("  ✓ ", "green") if found.passed else Text("  ✗ ", "bold red")
    return mark + Text(found.subject, "bold") + Text(f": {found.detail}", "" if found.passed else "red")


def _summary(report: ProblemReport) -> Text:
    total, failed = len(report.checks), len(report.failed)
    verdict = "malformed" if report.malformed else ("failed" if failed else "passed")
    style = "green" if not failed else "bold red"
    return Text(f"  {report.slug}: {verdict}, {total - failed} of {total} checks passed "
                f"in {report.duration_s:.0f} s", style)


def _overall(reports: list[ProblemReport]) -> Text:
    broken = [r.slug for r in reports if r.failed]
    text = f"{len(reports)} problems checked: {len(reports) - len(broken)} passed"
    return Text(text + (f", {len(broken)} failed ({', '.join(broken)})" if broken else ""),
                "bold red" if broken else "green")


def _exit_code(reports: list[ProblemReport]) -> int:
    if any(r.malformed for r in reports):
        return ExitCode.PROBLEM_CONFIG_ERROR
    return SOME_CHECK_FAILED if any(r.failed for r in reports) else 0
