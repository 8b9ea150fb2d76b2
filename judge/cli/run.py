"""`judge run`: judge a solution and report."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from judge.cli.completion import complete_slug
from judge.cli.environment import Environment
from judge.cli.exit_codes import exit_code_for
from judge.errors import UsageError
from judge.harness.run import default_hidden_paths, judge_solution
from judge.report.json_report import render_json
from judge.report.text import render_text
from judge.sandbox import CHOICES, choose_backend


@click.command()
@click.argument("slug", shell_complete=complete_slug)
@click.option("--solution", type=click.Path(path_type=Path), help="The file to judge [default: solutions/SLUG.py].")
@click.option("--sandbox", type=click.Choice(CHOICES), default="auto", show_default=True,
              help="Where the solution runs: docker when ready (auto), or a confined local process.")
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="json prints only the JSON report on stdout.")
@click.option("--seed", type=int, default=0, show_default=True, help="Hypothesis seed: the same seed gives the same run.")
@click.option("--no-complexity", is_flag=True, help="Skip measuring time and memory complexity.")
@click.option("--plot", type=click.Path(path_type=Path), help="Also save the complexity plot as a PNG file.")
@click.option("--sequential", is_flag=True,
              help="Run the hidden tests and then the complexity measurement in one process and one sandbox, "
                   "not spread over the cores (for callers that already keep every core busy).")
@click.option("-v", "--verbose", is_flag=True,
              help="Show every failing case in its own panel (by default, one panel per distinct failure).")
@click.pass_context
def run(ctx: click.Context, slug: str, solution: Path | None, sandbox: str, output_format: str,
        seed: int, no_complexity: bool, plot: Path | None, sequential: bool, verbose: bool) -> None:
    """Judge SLUG's solution: hidden tests, limits, then measured complexity.

    \b
    Exit codes: 0 accepted, 1 wrong answer, 2 usage error, 3 runtime error,
    4 time limit, 5 memory limit, 6 output limit, 7 compile error,
    8 forbidden import, 9 accepted but complexity worse than expected,
    10 malformed problem, 11 sandbox unavailable, 70 internal error,
    130 interrupted. See docs/cli.md.
    """
    env: Environment = ctx.find_root().obj
    _check_plot_target(plot)  # before the run, not after it
    problem = env.problems.get(slug)
    backend, _why = choose_backend(sandbox)
    path = solution or Path("solutions") / f"{slug}.py"
    with judging_progress(env, output_format) as on_progress:
        result = judge_solution(
            problem, path, backend, seed=seed, progress=on_progress,
            measure_complexity=not no_complexity,
            parallel=not sequential and _can_spread(),
            hidden_paths=(*env.problems.roots, *default_hidden_paths(env.data_dir)),  # every folder of problems
        )
    result.sandbox["chosen"] = _why
    env.history.record(result)
    if output_format == "json":
        env.stdout.print_json(render_json(result)) if env.stdout.is_terminal else click.echo(render_json(result))
    else:
        render_text(result, env.stdout, verbose=verbose)
    if plot is not None:  # after the report: a plot that fails to save never hides it
        _save_plot(env, result, plot)
    ctx.exit(exit_code_for(result))


def _can_spread() -> bool:
    """A run is spread over the cores by forking the judge (docs/architecture.md): only with a core
    to spare, and only on Linux. Elsewhere (macOS with Docker) a forked child of a process that has
    used the system's frameworks, as the Docker SDK's proxy lookup does, may abort."""
    return (os.cpu_count() or 1) > 1 and sys.platform.startswith("linux")


def _check_plot_target(plot: Path | None) -> None:
    """Refuses a --plot file that could not be written, before the run rather than after it."""
    if plot is None:
        return
    if plot.is_dir():
        raise UsageError(f"--plot {plot} is a folder: give a file name, e.g. {plot / 'complexity.png'}.")
    if not plot.resolve().parent.is_dir():
        raise UsageError(f"--plot {plot}: the folder {plot.resolve().parent} does not exist.")
    existed = plot.exists()
    try:
        with open(plot, "ab"):  # appends nothing: an existing file is left as it is until the plot replaces it
            pass
    except OSError as exc:
        raise UsageError(f"--plot {plot}: cannot write there ({exc.strerror or exc}).") from exc
    if not existed:
        plot.unlink(missing_ok=True)


def _save_plot(env: Environment, result, plot: Path) -> None:
    if result.complexity is None:
        env.stderr.print(f"--plot: nothing written to {plot}: the complexity was not measured "
                         "(it is, once every hidden test passes).", highlight=False, soft_wrap=True)
        return
    from judge.complexity import plot_png

    plot_png(result.complexity, plot)


@contextlib.contextmanager
def judging_progress(env: Environment, output_format: str):
    """A progress bar on stderr while the hidden tests run (never on stdout; only on a terminal,
    where it disappears when done: a log gets nothing from it)."""
    if not env.stderr.is_terminal:
        yield lambda done, total, name: None
        return
    bar = Progress(
        TextColumn("[bold]judging"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.description}"),
        TimeElapsedColumn(), console=env.stderr, transient=True,
    )
    task = bar.add_task("", total=None)

    def on_progress(done: int, total: int, name: str) -> None:
        bar.update(task, completed=done, total=total, description=name)

    with bar:
        yield on_progress
