"""`judge contest …` and `judge submit`: the solo timed round (docs/contests.md).

Every command opens the contest database (--db, else the data folder), first
re-judges what a killed judge left unjudged, then does its work. The time is
read only from `Environment.clock`, so tests drive the round's boundaries.
"""

from __future__ import annotations

import contextlib
import getpass
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import click
from rich.live import Live

from judge import interrupts
from judge.cli.environment import Environment
from judge.cli.exit_codes import exit_code_for
from judge.cli.run import judging_progress  # the same bar as `judge run`
from judge.contest.define import ContestSpec, build_rules, format_names, load_contest_file
from judge.contest.formats import get_format
from judge.contest.judging import JudgeOptions, SubmissionJudge
from judge.contest.model import FEEDBACK_MODES, ContestRules, Standing
from judge.contest.postmortem import build_postmortem
from judge.contest.render_round import (
    cell_labels,
    contest_table,
    held_line,
    postmortem_view,
    started_view,
    status_view,
    verdict_line,
)
from judge.contest.render_standings import scoreboard_table, standings_csv, standings_json
from judge.contest.round import OVER, RUNNING, attempts, check_can_submit, default_contest, phase, verdicts_visible
from judge.contest.store import DEFAULT_FILE, ContestRecord, ContestStore, Submission
from judge.errors import ExitCode, UsageError
from judge.harness.run import default_hidden_paths
from judge.report.text import render_text
from judge.sandbox import CHOICES, choose_backend

WATCH_TICK_S = 1.0

db_option = click.option(
    "--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help=f"The contest database [default: the data folder's {DEFAULT_FILE}].")
name_argument = click.argument("name", required=False)


def solo_participant() -> str:
    """Who the solo round is for: the login name (the contest server names participants itself)."""
    try:
        return getpass.getuser() or "me"
    except (KeyError, OSError):  # no login name in a bare container
        return "me"


@dataclass
class Session:
    """An open contest database and the judge of its submissions, for one command."""

    env: Environment
    store: ContestStore
    judge: SubmissionJudge

    def now(self) -> float:
        return self.env.clock.now()

    def contest(self, name: str | None) -> ContestRecord:
        return self.store.contest(name) if name else default_contest(self.store.contests(), self.now())

    def standing(self, record: ContestRecord, participant: str) -> Standing | None:
        rows = self.standings(record, participant)
        return next((row for row in rows if row.participant == participant), None)

    def standings(self, record: ContestRecord, viewer: str) -> list[Standing]:
        log = attempts(record, self.store.submissions(record.name), self.now(), viewer=viewer)
        return get_format(record.rules.format).standings(record.rules, log)


@contextlib.contextmanager
def open_session(ctx: click.Context, db: Path | None) -> Iterator[Session]:
    env: Environment = ctx.find_root().obj
    with ContestStore(database_path(env, db)) as store:
        judge = SubmissionJudge(store, env.problems, env.clock,
                                hidden_paths=(*env.problems.roots, *default_hidden_paths(env.data_dir)))
        session = Session(env, store, judge)
        _recover(session)
        yield session


def database_path(env: Environment, db: Path | None) -> Path:
    """--db, else the data folder's database (every contest command and the server find it so)."""
    if db is not None:
        return db
    try:
        env.data_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"cannot make the data folder {env.data_dir} ({exc.strerror or exc}); "
                         "pass --db with a file you can write.") from exc
    return env.data_dir / DEFAULT_FILE


def _recover(session: Session) -> None:
    """Re-judges the submissions a killed or interrupted judge left unjudged, saying so on stderr."""
    err = session.env.stderr

    def on_start(item: Submission) -> None:
        err.print(f"submission #{item.id} ({item.problem}, contest {item.contest}) was left unjudged by a "
                  "stopped judge: judging it again…", highlight=False)

    def on_skip(item: Submission, why: str) -> None:
        err.print(f"submission #{item.id} stays unjudged: {why}", highlight=False)

    for judged in session.judge.recover(on_start, on_skip):
        record = session.store.contest(judged.submission.contest)
        shown = verdicts_visible(record, session.now())
        err.print(verdict_line(judged.submission, record) if shown
                  else held_line(judged.submission, record, session.now()))


@click.group()
def contest() -> None:
    """Timed rounds, alone or served to a group (docs/contests.md)."""


@contest.command()
@click.argument("name", required=False)
@click.option("--problems", help="Problem slugs, separated by commas, in the order the round shows them.")
@click.option("--duration", help='How long the round lasts: "45m", "1h30m", "90s".')
@click.option("--format", "scoring", help=f"Scoring format: {', '.join(format_names())}.")
@click.option("--feedback", type=click.Choice(FEEDBACK_MODES), default=None,
              help="What a submission shows: the whole report, the verdict only, or nothing until the end "
                   "[default: full].")
@click.option("--freeze", help="Freeze the scoreboard this long before the end, e.g. 15m.")
@click.option("--from", "from_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Read the contest from a contest.toml instead (docs/contests.md lists its keys).")
@db_option
@click.pass_context
def create(ctx: click.Context, name: str | None, problems: str | None, duration: str | None, scoring: str | None,
           feedback: str | None, freeze: str | None, from_file: Path | None, db: Path | None) -> None:
    """Create contest NAME (it starts with `judge contest start NAME`)."""
    flags = {"--problems": problems, "--duration": duration, "--format": scoring, "--feedback": feedback,
             "--freeze": freeze}
    spec = _spec_from_file(name, from_file, flags) if from_file is not None else ContestSpec(
        name=name, problems=[slug.strip() for slug in (problems or "").split(",") if slug.strip()],
        duration=duration, format=scoring, feedback=feedback or "full", freeze=freeze)
    if spec.format is None:
        raise UsageError(f"a contest needs a scoring format: --format {'|'.join(format_names())}.")
    with open_session(ctx, db) as session:
        rules = _validated(spec, session.env.problems.slugs(), from_file)
        record = session.store.create_contest(rules, session.now())
        session.env.stdout.print(f"Created contest {record.name}: {', '.join(rules.problems)}; "
                                 f"start it with `judge contest start {record.name}`.", highlight=False)


def _validated(spec: ContestSpec, slugs: list[str], from_file: Path | None) -> ContestRules:
    """The rules, or a usage error that names contest.toml when the mistake is in it."""
    try:
        return build_rules(spec, slugs)
    except UsageError as exc:
        if from_file is None:
            raise
        raise UsageError(f"{from_file}: {exc}") from exc


def _spec_from_file(name: str | None, path: Path, flags: dict[str, str | None]) -> ContestSpec:
    """contest.toml defines the whole contest: flags beside it would be ignored, so they are refused."""
    given = [flag for flag, value in flags.items() if value is not None]
    if given:
        raise UsageError(f"--from {path} defines the whole contest: drop {', '.join(given)} (or leave out --from).")
    spec = load_contest_file(path)
    spec.name = name or spec.name
    return spec


@contest.command()
@click.argument("name")
@db_option
@click.pass_context
def start(ctx: click.Context, name: str, db: Path | None) -> None:
    """Start NAME's clock and show its problems."""
    with open_session(ctx, db) as session:
        record = session.store.contest(name)
        if not session.store.start(name, session.now()):
            raise UsageError(f"contest {name!r} started already; `judge contest status {name}` shows the time left "
                             "(a start never moves the clock).")
        record = session.store.contest(name)
        problems = [session.env.problems.get(slug) for slug in record.rules.problems]
        session.env.stdout.print(started_view(record, problems), highlight=False)


@contest.command()
@name_argument
@click.option("--watch", is_flag=True, help="A live countdown until the end (Ctrl-C stops watching).")
@db_option
@click.pass_context
def status(ctx: click.Context, name: str | None, watch: bool, db: Path | None) -> None:
    """Time left, and each problem's state, tries and penalty."""
    with open_session(ctx, db) as session:
        record = session.contest(name)
        if not watch:
            session.env.stdout.print(_status(session, record.name), highlight=False)
            return
        ctx.exit(_watch(session, record.name))


def _status(session: Session, name: str):
    record = session.store.contest(name)
    participant = solo_participant()
    log = session.store.submissions(name, participant)
    return status_view(record, session.now(), log, session.standing(record, participant),
                       verdicts_visible(record, session.now()))


def _watch(session: Session, name: str) -> int:
    """Redraws the status every second until the round is over; a signal stops it cleanly."""
    try:
        with Live(_status(session, name), console=session.env.stdout, auto_refresh=False) as live:
            while phase(session.store.contest(name), session.now()) != OVER:
                session.env.clock.sleep(WATCH_TICK_S)
                interrupts.check()
                live.update(_status(session, name), refresh=True)
    except KeyboardInterrupt as exc:
        signal_name, code = interrupts.describe(exc)
        session.env.stderr.print(f"stopped watching ({signal_name}); the round goes on.", highlight=False)
        return code
    return ExitCode.ACCEPTED


@contest.command()
@name_argument
@db_option
@click.pass_context
def finish(ctx: click.Context, name: str | None, db: Path | None) -> None:
    """Hand the round in early: no more submissions; held verdicts are shown."""
    with open_session(ctx, db) as session:
        record = session.contest(name)
        current = phase(record, session.now())
        if current != RUNNING:
            raise UsageError(f"contest {record.name!r} is {current}: only a running round can be handed in.")
        session.store.finish(record.name, session.now())
        session.env.stdout.print(_status(session, record.name), highlight=False)
        session.env.stdout.print(f"Handed in. `judge contest report {record.name}` shows the postmortem.",
                                 highlight=False)


@contest.command()
@name_argument
@db_option
@click.pass_context
def scoreboard(ctx: click.Context, name: str | None, db: Path | None) -> None:
    """The standings, recomputed from the log by the contest's scoring format."""
    with open_session(ctx, db) as session:
        record = session.contest(name)
        standings = session.standings(record, solo_participant())
        session.env.stdout.print(scoreboard_table(record.rules, standings))


@contest.command()
@name_argument
@click.option("--json", "json_file", is_flag=False, flag_value="-", default=None, metavar="[FILE]",
              help="The standings as JSON, to FILE or stdout.")
@click.option("--csv", "csv_file", is_flag=False, flag_value="-", default=None, metavar="[FILE]",
              help="The standings as CSV, to FILE or stdout.")
@db_option
@click.pass_context
def export(ctx: click.Context, name: str | None, json_file: str | None, csv_file: str | None,
           db: Path | None) -> None:
    """Export the standings as JSON or CSV (schema: docs/contests.md)."""
    if (json_file is None) == (csv_file is None):
        raise UsageError("choose one of --json [FILE] or --csv [FILE].")
    with open_session(ctx, db) as session:
        record = session.contest(name)
        standings = session.standings(record, solo_participant())
        if json_file is not None:
            _write(session.env, json_file, json.dumps(standings_json(record.rules, standings), indent=2) + "\n")
        elif csv_file is not None:  # the one of the two given
            _write(session.env, csv_file, standings_csv(record.rules, standings))


def _write(env: Environment, target: str, text: str) -> None:
    if target == "-":
        env.stdout.file.write(text)
        env.stdout.file.flush()
        return
    try:
        Path(target).write_text(text, encoding="utf-8", newline="")
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror or exc}.") from exc
    env.stderr.print(f"wrote {target}", highlight=False)


@contest.command()
@name_argument
@db_option
@click.pass_context
def report(ctx: click.Context, name: str | None, db: Path | None) -> None:
    """The postmortem: timeline, time to first submission and to accepted, each rejected try with its
    failing category and smallest input, complexity reached against expected, points."""
    with open_session(ctx, db) as session:
        record = session.contest(name)
        participant = solo_participant()
        standing = session.standing(record, participant)
        visible = verdicts_visible(record, session.now())
        postmortem = build_postmortem(record, session.store.submissions(record.name), participant, session.now(),
                                      standing, visible, cell_labels(record, standing))
        session.env.stdout.print(postmortem_view(postmortem), highlight=False)


@contest.command("list")
@db_option
@click.pass_context
def list_contests(ctx: click.Context, db: Path | None) -> None:
    """The contests in the database and their state."""
    with open_session(ctx, db) as session:
        records = session.store.contests()
        if not records:
            session.env.stdout.print("No contest yet: `judge contest create NAME --problems a,b --duration 45m "
                                     "--format icpc`.", highlight=False)
            return
        counts = {record.name: len(session.store.submissions(record.name)) for record in records}
        session.env.stdout.print(contest_table(records, session.now(), counts))


@click.command()
@click.argument("slug")
@click.option("--solution", type=click.Path(path_type=Path), help="The file to submit [default: solutions/SLUG.py].")
@click.option("--contest", "contest_name", help="The contest [default: the running one].")
@click.option("--sandbox", type=click.Choice(CHOICES), default="auto", show_default=True,
              help="Where the solution runs (as `judge run`).")
@click.option("--no-complexity", is_flag=True, help="Skip measuring complexity (the postmortem then has none).")
@click.option("--server", metavar="URL", help="Submit to a contest server (`judge contest serve`) instead; prints "
              "the submission id (docs/contest-server.md).")
@click.option("--token", help="Your token for --server [default: $JUDGE_TOKEN].")
@click.option("--wait", is_flag=True, help="With --server: follow the submission to its verdict.")
@db_option
@click.pass_context
def submit(ctx: click.Context, slug: str, solution: Path | None, contest_name: str | None, sandbox: str,
           no_complexity: bool, db: Path | None, server: str | None = None, token: str | None = None,
           wait: bool = False) -> None:
    """Submit SLUG's solution to the running contest: recorded, then judged at once as `judge run` does.

    \b
    What it shows depends on the contest's feedback: the whole report (full),
    the verdict line (verdict) or nothing until the round ends (hidden).
    Exit codes: as `judge run` when the verdict is shown; 0 when it is held;
    2 when the submission was refused (not recorded).
    """
    env: Environment = ctx.find_root().obj
    if server is not None:  # the server knows its problems and judges there
        from judge.cli.remote_submit import submit_to_server

        path = solution or Path("solutions") / f"{slug}.py"
        ctx.exit(submit_to_server(env, server, token, slug, path, _read_source(path, slug), wait))
    problem = env.problems.get(slug)
    path = solution or Path("solutions") / f"{slug}.py"
    source = _read_source(path, slug)
    backend, _why = choose_backend(sandbox)  # an unavailable sandbox refuses before anything is recorded
    with open_session(ctx, db) as session:
        record = session.contest(contest_name)
        now = session.now()  # one reading: the moment checked is the moment recorded
        check_can_submit(record, problem.slug, now)
        options = JudgeOptions(sandbox=sandbox, complexity=not no_complexity)
        item = session.store.add_submission(record.name, solo_participant(), slug, str(path), source, now,
                                            options.to_dict(), session.judge.owner)
        hidden = record.rules.feedback == "hidden"
        with judging_progress(env, "text") as on_progress:  # hidden: no bar, its counts would tell
            judged = session.judge.judge(item, backend, None if hidden else on_progress)
        ctx.exit(_feedback(session, record, judged.submission, judged.result))


def _read_source(path: Path, slug: str) -> bytes:
    """The bytes to record; a missing or non-UTF-8 file is refused before anything is recorded."""
    if not path.is_file():
        raise UsageError(f"no solution file at {path}. Create one with `judge init {slug}` "
                         "or pass another file with --solution.")
    try:
        source = path.read_bytes()
        source.decode("utf-8")
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}.") from exc
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path} is not UTF-8 text ({exc.reason} at byte {exc.start}); nothing was recorded.") from exc
    return source


def _feedback(session: Session, record: ContestRecord, item: Submission, result) -> int:
    """Shows what the contest's feedback mode allows; the exit code of what was shown."""
    out, mode = session.env.stdout, record.rules.feedback
    if mode == "hidden" or result is None:
        out.print(held_line(item, record, session.now()), highlight=False)
        return ExitCode.ACCEPTED
    if mode == "full":
        render_text(result, out)
    out.print(verdict_line(item, record), highlight=False)
    return exit_code_for(result)
