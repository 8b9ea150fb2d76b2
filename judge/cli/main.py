"""`judge`: the command group, its error handling and exit codes.

The only place that prints and maps outcomes to exit codes (docs/cli.md).
"""

from __future__ import annotations

import atexit
import importlib
import os
import shutil
import sys
import threading
import traceback
from pathlib import Path
from typing import NoReturn

import click
from rich.console import Console
from rich.table import Table
from rich.text import Text

from judge import __version__, interrupts
from judge.cli.completion import complete_slug
from judge.cli.environment import Environment
from judge.errors import ExitCode, JudgeError, ProblemConfigError, UsageError
from judge.problems.hints import LEVELS, read_hints
from judge.problems.loader import DIFFICULTIES


class JudgeGroup(click.Group):
    """Formats the judge's own errors in one paragraph; never shows our traceback."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *SUBCOMMANDS})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in SUBCOMMANDS and name not in self.commands:
            self.add_command(_load_subcommand(name), name)
        return super().get_command(ctx, name)

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except JudgeError as exc:
            # One line however long (a log keeps it whole), and the message's own brackets kept as written.
            _environment(ctx).stderr.print(Text.assemble(("error:", "bold red"), f" {exc}"), soft_wrap=True)
            ctx.exit(exc.exit_code)
        except KeyboardInterrupt as exc:
            ctx.exit(_report_interrupt(_environment(ctx).stderr, exc))
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as exc:
            interrupted = interrupts.pending()
            if interrupted is not None:  # the signal surfaced as another exception
                ctx.exit(_report_interrupt(_environment(ctx).stderr, interrupted))
            _report_internal_error(ctx, exc)
            ctx.exit(ExitCode.INTERNAL_ERROR)


def _report_interrupt(stderr: Console, exc: KeyboardInterrupt) -> int:
    """One line, nothing else (never a line of the hidden tests); the exit code for it."""
    name, code = interrupts.describe(exc)
    stderr.print(f"[yellow]interrupted[/] by {name}: the run was stopped and its sandbox removed.", highlight=False)
    return code


def _report_internal_error(ctx: click.Context, exc: Exception) -> None:
    err = _environment(ctx).stderr
    err.print(
        f"[bold magenta]internal error[/]: {type(exc).__name__}: {exc}\n"
        "This is a bug of the judge, not of your solution. Set JUDGE_DEBUG=1 to see the traceback.",
        highlight=False,
    )
    if os.environ.get("JUDGE_DEBUG"):
        err.print("".join(traceback.format_exception(exc)), markup=False, highlight=False)


def _environment(ctx: click.Context) -> Environment:
    root = ctx.find_root()
    if not isinstance(root.obj, Environment):
        root.obj = Environment.from_os()
    return root.obj


pass_env = click.make_pass_decorator(Environment, ensure=False)


@click.group(cls=JudgeGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, "-V", "--version", prog_name="judge")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """A coding-round practice judge: verdicts, shrunk counterexamples, limits and measured complexity."""
    _environment(ctx)


@cli.command("list")
@pass_env
def list_problems(env: Environment) -> None:
    """List the problems by topic and difficulty, with the follow-up question and your last verdict."""
    history = env.history.last_verdicts()
    problems = env.problems
    loaded, broken = _load_all(problems)
    # A slug is what the user types next: never cut. Titles and follow-ups wrap beside it.
    slug_width = max(map(len, problems.slugs()), default=7)
    for topic, members in _by_topic(loaded):
        table = _topic_table(topic, slug_width)
        for problem in members:
            last = history.get(problem.slug, {}).get("verdict", "")
            table.add_row(problem.difficulty, problem.slug, _details(problem, last))
        env.stdout.print(table, "")
    if broken:
        table = _topic_table("broken (`judge problem check SLUG` says more)", slug_width)
        for slug, error in broken.items():  # one broken problem must not hide the others
            table.add_row("", slug, Text(error, "red"))
        env.stdout.print(table, "")
    env.stdout.print(Text("`judge show SLUG` for the statement, `judge init SLUG` for a starter file.", "dim"))


def _load_all(problems) -> tuple[list, dict[str, str]]:
    loaded, broken = [], {}
    for slug in problems.slugs():
        try:
            loaded.append(problems.get(slug))
        except ProblemConfigError as exc:
            broken[slug] = str(exc)
    return loaded, broken


def _by_topic(problems: list) -> list[tuple[str, list]]:
    """Topics in name order; inside one, easy before medium before hard, then by slug."""
    topics: dict[str, list] = {}
    for problem in problems:
        topics.setdefault(problem.topic, []).append(problem)
    rank = {name: i for i, name in enumerate(DIFFICULTIES)}
    return [(topic, sorted(members, key=lambda p: (rank[p.difficulty], p.slug))) for topic, members in sorted(topics.items())]


def _topic_table(topic: str, slug_width: int) -> Table:
    table = Table(title=topic, title_justify="left", title_style="bold", box=None, show_header=False,
                  padding=(0, 1), pad_edge=False)
    table.add_column(no_wrap=True, min_width=6, style="dim")  # difficulty; "medium" is the longest
    table.add_column(no_wrap=True, min_width=slug_width, style="bold")
    table.add_column(ratio=1)  # title, last verdict and follow-up share what is left
    return table


def _details(problem, last_verdict: str) -> Text:
    details = Text(problem.title)
    if last_verdict:
        details.append(f" · last: {last_verdict.replace('_', ' ')}", "green" if last_verdict == "accepted" else "yellow")
    if problem.follow_up:
        details.append(f"\nfollow-up: {problem.follow_up}", "italic")
    return details


@cli.command()
@click.argument("slug", shell_complete=complete_slug)
@pass_env
def show(env: Environment, slug: str) -> None:
    """Show the statement of problem SLUG."""
    problem = env.problems.get(slug)
    from rich.markdown import Markdown  # noqa: PLC0415 - 30 ms that only `show` needs

    env.stdout.print(Markdown(problem.spec_path.read_text(encoding="utf-8")))
    limits = problem.limits
    env.stdout.print(
        f"\n[dim]Limits: {limits.time_per_call_s:g} s CPU per call, {limits.memory_mb} MiB memory, "
        f"{limits.output_kb} KiB output. Third-party modules allowed: "
        f"{', '.join(problem.allowed_modules) or 'none'}.[/]"
    )


@cli.command()
@click.argument("slug", shell_complete=complete_slug)
@click.argument("level", type=click.IntRange(1, len(LEVELS)), default=1)
@pass_env
def hint(env: Environment, slug: str, level: int) -> None:
    """Show hint LEVEL (1-3) of problem SLUG: 1 the idea, 2 the approach, 3 the outline."""
    problem = env.problems.get(slug)
    try:
        hints = read_hints(problem.directory)
    except ProblemConfigError as exc:
        raise UsageError(f"problem '{slug}' has no usable hints: {exc}") from exc
    from rich.markdown import Markdown  # noqa: PLC0415

    chosen = hints[level - 1]
    env.stdout.print(f"[bold]Hint {level} of {len(hints)}: {chosen.title}[/]")
    env.stdout.print(Markdown(chosen.text))
    if level < len(hints):
        env.stdout.print(f"\n[dim]Still stuck? `judge hint {slug} {level + 1}`: {hints[level].title.lower()}.[/]")


@cli.command()
@click.argument("slug", shell_complete=complete_slug)
@click.option("--dir", "directory", type=click.Path(path_type=Path), default=Path("solutions"), show_default=True,
              help="Where to put the starter file.")
@click.option("--force", is_flag=True, help="Overwrite an existing solution file.")
@pass_env
def init(env: Environment, slug: str, directory: Path, force: bool) -> None:
    """Copy the starter file of SLUG to DIR/SLUG.py."""
    # From the problem's own folder: a problem from $JUDGE_PROBLEMS brings its starter too.
    template = env.problems.get(slug).starter_path
    target = directory / f"{slug}.py"
    if not template.is_file():
        raise UsageError(f"problem '{slug}' has no starter file at {template}.")
    if target.exists() and not force:
        raise UsageError(f"{target} already exists; pass --force to overwrite it (your work would be lost).")
    try:
        directory.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(template, target)
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror or exc} (--dir must be a folder you can write).") from exc
    env.stdout.print(f"Wrote {target}. Next: edit it, then `judge run {slug}`.")


# The other commands, each imported when it is used: `judge run` does not pay for the
# imports of grading, contests or the image (about 0.1 s of every run's start).
SUBCOMMANDS = {
    "run": "judge.cli.run:run",
    "doctor": "judge.cli.doctor:doctor",
    "image": "judge.cli.image:image",
    "grade": "judge.cli.grade:grade",
    "problem": "judge.cli.problem:problem",
    "contest": "judge.cli.contest:contest",
    "submit": "judge.cli.contest:submit",
    "ci": "judge.cli.ci:ci",
    "worker": "judge.cli.worker:worker",
}
# Commands of a group that live in another module, added when the group is loaded.
GROUP_MEMBERS = {
    "contest": ("judge.cli.contest_server:add_participant", "judge.cli.contest_server:serve"),
}


def _load(target: str) -> click.Command:
    module, _, name = target.partition(":")
    return getattr(importlib.import_module(module), name)


def _load_subcommand(name: str) -> click.Command:
    command = _load(SUBCOMMANDS[name])
    for member in GROUP_MEMBERS.get(name, ()):
        assert isinstance(command, click.Group)  # a command with members is a group
        command.add_command(_load(member))
    return command


def main() -> None:
    """The command line, with signals turned into a clean stop (exit 128 + signal)."""
    interrupts.install()
    try:
        code = cli.main(prog_name="judge", standalone_mode=False)
    except click.ClickException as exc:
        exc.show()
        code = exc.exit_code
    except click.Abort as exc:  # click turns an interrupt outside a command into Abort
        cause = exc.__cause__ if isinstance(exc.__cause__, KeyboardInterrupt) else KeyboardInterrupt()
        code = _report_interrupt(Console(stderr=True), cause)
    except KeyboardInterrupt as exc:
        code = _report_interrupt(Console(stderr=True), exc)
    _exit(code or 0)


def _exit(code: int) -> NoReturn:
    """Ends the process as the interpreter would, without its teardown.

    What an exit owes the outside world happens as before, in the interpreter's order: threads
    still running are waited for, the exit handlers run (temporary files, multiprocessing's and
    logging's clean-up), the standard streams are flushed. What is skipped is the interpreter
    freeing its every object one by one, with a last full garbage collection: 0.1 s at the end of
    each `judge run` (benchmarks/judge_speed.py), work the kernel does at once when the process ends.
    """
    for thread in threading.enumerate():
        if thread is not threading.main_thread() and not thread.daemon:
            thread.join()
    atexit._run_exitfuncs()  # what multiprocessing's own children run before their os._exit
    for stream in {id(s): s for s in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__) if s}.values():
        try:
            stream.flush()
        except (OSError, ValueError):  # a reader that went away (`| head`), a stream already closed
            pass
    os._exit(code)


if __name__ == "__main__":
    main()
