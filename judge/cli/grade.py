"""`judge grade`: grade a study group's tree of solutions into one gradebook."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from judge import interrupts
from judge.cli.environment import Environment
from judge.errors import ExitCode, UsageError
from judge.grade.cache import Cache, default_dir
from judge.grade.changes import changed_files, keep_changed
from judge.grade.discovery import Discovery, discover
from judge.grade.gradebook import Gradebook, build_gradebook
from judge.grade.pool import CellOutcome, Pool, RunOptions
from judge.grade.render import render_json, render_markdown, render_table
from judge.grade.render_csv import render_csv
from judge.grade.render_github import (
    annotations as github_annotations,  # `annotations` is the __future__ feature's name here
    append_step_summary,
    in_github_actions,
)
from judge.grade.render_junit import render_junit
from judge.grade.shards import keep_shard, merge, parse_shard, tree_fingerprint
from judge.grade.similarity import NearCopy, near_copies
from judge.sandbox import CHOICES, choose_backend


class _GradeCommand(click.Command):
    """`judge grade [PATH]`, and `judge grade merge FILE...` (a folder named merge is `./merge`)."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0] == "merge":
            ctx.meta["judge.grade.merge"] = args[1:]
            return []
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> object:
        if "judge.grade.merge" not in ctx.meta:
            return super().invoke(ctx)
        # A context of its own (not a child), so its usage line reads `judge grade merge`, not `[PATH] merge`.
        root = ctx.find_root()
        with grade_merge.make_context(f"{root.info_name or 'judge'} grade merge", ctx.meta["judge.grade.merge"],
                                      obj=root.obj) as sub:
            return grade_merge.invoke(sub)


@click.command(cls=_GradeCommand)
@click.argument("path", type=click.Path(exists=True, file_okay=False, path_type=Path), default=".")
@click.option("--member", "members", multiple=True, help="Grade only this member (repeatable).")
@click.option("--problem", "problems", multiple=True, help="Grade only this problem (repeatable).")
@click.option("--sandbox", type=click.Choice(CHOICES), default="auto", show_default=True,
              help="Where the solutions run; resolved once for the whole batch.")
@click.option("--jobs", type=click.IntRange(min=1), default=None, help="Cells judged side by side [default: the cores].")
@click.option("--seed", type=int, default=0, show_default=True, help="Hypothesis seed for every cell.")
@click.option("--no-complexity", is_flag=True, help="Skip measuring time and memory complexity.")
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the gradebook as JSON (schema: docs/grading.md).")
@click.option("--markdown", "markdown_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the gradebook as Markdown (a CI job summary).")
@click.option("--junit", "junit_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the gradebook as JUnit XML (GitLab test reports, GitHub JUnit actions).")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the points as CSV: a row per member, a column per problem, the total.")
@click.option("--no-cache", is_flag=True, help="Judge every cell, reusing and storing no report.")
@click.option("--cache-dir", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where judged cells are kept [default: $JUDGE_CACHE, else $XDG_CACHE_HOME/judge/grade].")
@click.option("--fail-under", type=click.FloatRange(0, 100), default=None,
              help="Exit 1 when a member's score (percent of their points) is under this.")
@click.option("--changed-since", metavar="REF",
              help="Grade only the files changed since this git ref (a pull request's base).")
@click.option("--shard", metavar="K/N",
              help="Grade only the K-th of N deterministic shares of the cells; join with `judge grade merge`.")
@click.option("--similarity", "similarity_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write an HTML report of near-copies between members' solutions (needs the grade extra).")
@click.pass_context
def grade(ctx: click.Context, path: Path, members: tuple[str, ...], problems: tuple[str, ...], sandbox: str,
          jobs: int | None, seed: int, no_complexity: bool, json_path: Path | None,
          markdown_path: Path | None, junit_path: Path | None, csv_path: Path | None,
          no_cache: bool, cache_dir: Path | None, fail_under: float | None, changed_since: str | None,
          shard: str | None, similarity_path: Path | None) -> None:
    """Grade PATH (default: .): PATH/<member>/<problem>.py, or as judge-group.toml says.

    `judge grade merge SHARD.json... --json OUT` joins the gradebooks of
    `--shard K/N` runs into one.

    \b
    Exit codes: 0 the grading ran (whatever the verdicts), 1 a member scored
    under --fail-under, 2 usage error (a malformed judge-group.toml names
    file, line and key), 11 sandbox unavailable, 70 the judge failed on a
    cell, 130/143/129 interrupted (the outputs hold the cells finished so
    far). See docs/grading.md.
    """
    env: Environment = ctx.find_root().obj
    outputs = _outputs(json_path=json_path, markdown_path=markdown_path, junit_path=junit_path, csv_path=csv_path)
    _check_writable([target for target, _render in outputs] + ([similarity_path] if similarity_path else []))
    problem_set = env.problems
    found = discover(path, problem_set.slugs(), members=members, problems=problems)
    if similarity_path is not None:  # over the whole tree, whatever part of it this run grades
        _report_near_copies(env, near_copies(found.submissions, problem_set, similarity_path), similarity_path)
    if changed_since is not None:
        keep_changed(found, changed_files(path, changed_since))
    tree = tree_fingerprint(found)  # of the whole batch, before sharding: every shard says the same
    share = parse_shard(shard) if shard is not None else None
    if share is not None:
        keep_shard(found, share)
    backend, why = choose_backend(sandbox)  # once: an unavailable sandbox is one error, not one per cell
    options = RunOptions(backend.name, seed, not no_complexity, problem_set.roots, (found.root,))
    cache = None if no_cache else Cache((cache_dir or default_dir()).absolute(), problem_set)
    settings = {"sandbox": backend.name, "sandbox_chosen": why, "seed": seed, "complexity": not no_complexity,
                "jobs": jobs or os.cpu_count() or 1, "cache": None if cache is None else str(cache.folder)}
    if share is not None:
        settings["shard"] = str(share)
    if not found.submissions:
        env.stderr.print(f"nothing to grade in {found.root} (docs/grading.md says what is looked for).",
                         highlight=False)
    book = _grade(env, found, options, settings, outputs, cache, tree)
    env.stdout.print(render_table(book))
    ctx.exit(_exit_code(env, book, fail_under))


@click.command("merge")
@click.argument("shards", nargs=-1, required=True, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--json", "json_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the merged gradebook as JSON.")
@click.option("--markdown", "markdown_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the merged gradebook as Markdown.")
@click.option("--junit", "junit_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the merged gradebook as JUnit XML.")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the merged points as CSV.")
@click.option("--fail-under", type=click.FloatRange(0, 100), default=None,
              help="Exit 1 when a member's score (percent of their points) is under this.")
@click.pass_context
def grade_merge(ctx: click.Context, shards: tuple[Path, ...], json_path: Path | None, markdown_path: Path | None,
                junit_path: Path | None, csv_path: Path | None, fail_under: float | None) -> None:
    """Join the JSON gradebooks of `judge grade --shard K/N` runs (every K of one N) into one.

    Refuses gradebooks of another judge version, seed, sandbox or tree, and a
    set of shards with one missing or twice. Exit codes as `judge grade`.
    """
    env: Environment = ctx.find_root().obj
    outputs = _outputs(json_path=json_path, markdown_path=markdown_path, junit_path=junit_path, csv_path=csv_path)
    _check_writable([target for target, _render in outputs])
    book = merge(list(shards))
    _write_outputs(book, outputs)
    _publish_to_github(env, book)
    env.stdout.print(render_table(book))
    ctx.exit(_exit_code(env, book, fail_under))


def _report_near_copies(env: Environment, pairs: list[NearCopy], report: Path) -> None:
    env.stderr.print(f"similarity: {len(pairs)} pair(s) of near copies; the report is {report}.",
                     markup=False, highlight=False)
    for pair in pairs:
        env.stderr.print(f"  {pair.problem}: {pair.first} and {pair.second} "
                         f"({pair.share_first:.0%} / {pair.share_second:.0%} shared)",
                         markup=False, highlight=False, soft_wrap=True)


def _exit_code(env: Environment, book: Gradebook, fail_under: float | None) -> int:
    """Verdicts are the members' business, not the job's: it fails only for our bugs or a bar."""
    if book.has_internal_error:
        env.stderr.print("the judge failed on some cells (internal_error): a bug of the judge.", highlight=False)
        return ExitCode.INTERNAL_ERROR
    under = book.members_under(fail_under) if fail_under is not None else []
    if under:
        env.stderr.print(f"under --fail-under {fail_under:g}: {', '.join(under)}", highlight=False)
        return ExitCode.WRONG_ANSWER
    return ExitCode.ACCEPTED


def _grade(env: Environment, found: Discovery, options: RunOptions, settings: dict,
           outputs: list[Output], cache: Cache | None = None, tree: str | None = None) -> Gradebook:
    """Runs the batch and writes the outputs, also for the cells finished before a signal."""
    total = len(found.submissions)
    progress = _BarProgress(env, total) if env.stderr.is_terminal else _PlainProgress(env, total)
    pool = Pool(options, settings["jobs"], on_start=lambda _s: progress.started(pool.running),
                on_done=lambda outcome: progress.finished(outcome, pool.running), cache=cache)
    try:
        with progress:
            pool.run(found.submissions)
    except KeyboardInterrupt as exc:  # Interrupted, or Ctrl-C without the handlers
        name, _code = interrupts.describe(exc)
        book = build_gradebook(found, pool.finished, settings, interrupted_by=name, tree=tree)
        _write_outputs(book, outputs)
        _publish_to_github(env, book)
        env.stderr.print(f"{len(book.cells)} of {total} cells were graded before {name}.", highlight=False)
        raise
    book = build_gradebook(found, pool.finished, settings, tree=tree)
    _write_outputs(book, outputs)
    _publish_to_github(env, book)
    return book


def _publish_to_github(env: Environment, book: Gradebook) -> None:
    """Annotations under GitHub Actions; the Markdown in the step's summary when there is one."""
    with interrupts.shielded():  # whole lines and a whole append, even under a signal
        if in_github_actions():
            for line in github_annotations(book):  # raw: the console must neither wrap nor read markup
                env.stdout.file.write(line + "\n")
            env.stdout.file.flush()
        summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if summary:
            try:
                append_step_summary(Path(summary), render_markdown(book))
            except OSError as exc:  # the grading is done and its files written: say it, do not fail it
                env.stderr.print(f"warning: cannot append to $GITHUB_STEP_SUMMARY ({summary}): {exc.strerror}.",
                                 markup=False, highlight=False)


Output = tuple[Path, Callable[[Gradebook], str]]
RENDERERS: dict[str, Callable[[Gradebook], str]] = {
    "json_path": render_json, "markdown_path": render_markdown, "junit_path": render_junit,
    "csv_path": render_csv,
}


def _outputs(**targets: Path | None) -> list[Output]:
    """The files asked for, each with its rendering."""
    return [(target, RENDERERS[option]) for option, target in targets.items() if target is not None]


def _check_writable(targets: list[Path]) -> None:
    for target in targets:
        if not target.resolve().parent.is_dir():
            raise UsageError(f"cannot write {target}: the folder {target.resolve().parent} does not exist.")


def _write_outputs(book: Gradebook, outputs: list[Output]) -> None:
    for target, render in outputs:
        try:
            with interrupts.shielded():  # never half a file: a signal now is raised once it is written
                target.write_text(render(book), encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot write {target}: {exc.strerror}.") from exc


class _PlainProgress(contextlib.AbstractContextManager):
    """One line per finished cell, for CI logs (no terminal, no bar)."""

    def __init__(self, env: Environment, total: int) -> None:
        self.env, self.total, self.done = env, total, 0

    def __exit__(self, *exc_info) -> None:
        return None

    def started(self, running: int) -> None:
        return None

    def finished(self, outcome: CellOutcome, running: int) -> None:
        self.done += 1
        cell = outcome.submission
        took = "cached" if outcome.cached else f"{outcome.duration_s:.1f} s"
        self.env.stderr.print(f"[{self.done}/{self.total}] {cell.member}/{cell.slug}: {outcome.verdict} ({took})",
                              markup=False, highlight=False, soft_wrap=True)


class _BarProgress(contextlib.AbstractContextManager):
    """A rich bar on stderr: cells done, how many run now, and the time left."""

    def __init__(self, env: Environment, total: int) -> None:
        self.bar = Progress(TextColumn("[bold]grading"), BarColumn(), MofNCompleteColumn(),
                            TextColumn("{task.fields[running]} running, ETA"), TimeRemainingColumn(),
                            console=env.stderr, transient=True)
        self.task = self.bar.add_task("", total=total, running=0)

    def __enter__(self) -> _BarProgress:
        self.bar.start()
        return self

    def __exit__(self, *exc_info) -> None:
        self.bar.stop()

    def started(self, running: int) -> None:
        self.bar.update(self.task, running=running)

    def finished(self, outcome: CellOutcome, running: int) -> None:
        self.bar.update(self.task, advance=1, running=running)
