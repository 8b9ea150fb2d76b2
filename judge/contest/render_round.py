"""The solo round on the terminal: contest list, problems, status, feedback and the postmortem.

Pure rendering with rich: every function takes what the CLI read from the
store and the clock and returns something to print; nothing here reads the
time or the database.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from judge.contest.define import format_duration
from judge.contest.formats import get_format
from judge.contest.formats.ranking import points_of
from judge.contest.model import ProblemCell, Standing
from judge.contest.postmortem import Postmortem, ProblemSummary, WrongTry
from judge.contest.render_standings import cell_label, penalty_label, problem_labels
from judge.contest.round import NOT_STARTED, OVER, RUNNING, clock_time, is_frozen, phase, time_left
from judge.contest.store import ContestRecord, Submission
from judge.problems import Problem
from judge.report.text import verdict_text
from judge.verdicts import Verdict

HELD = "held until the round ends"


def minutes_seconds(seconds: float) -> str:
    """'07:05' into the round, '1:02:03' past an hour."""
    whole = max(0, int(seconds))
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60:02d}:{rest % 60:02d}"


def describe_phase(record: ContestRecord, now: float) -> str:
    current = phase(record, now)
    if current == NOT_STARTED:
        return "not started"
    if current == OVER:
        end = record.round_end()
        how = "handed in" if record.finished_at is not None and record.finished_at <= end else "ended"
        return f"over ({how} at {clock_time(end)})"
    frozen = " · scoreboard frozen" if is_frozen(record, now) else ""
    return f"running: {format_duration(time_left(record, now))} left{frozen}"


def _short_phase(record: ContestRecord, now: float) -> str:
    current = phase(record, now)
    return f"{format_duration(time_left(record, now))} left" if current == RUNNING else current


def rules_line(record: ContestRecord) -> str:
    rules = record.rules
    freeze = f", freeze {format_duration(rules.freeze_s)}" if rules.freeze_s else ""
    count = len(rules.problems)
    return (f"{rules.name}: {count} problem{'' if count == 1 else 's'}, {format_duration(rules.duration_s)}, "
            f"{rules.format} scoring, {rules.feedback} feedback{freeze}")


def contest_table(records: Sequence[ContestRecord], now: float, counts: dict[str, int]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    for column in ("contest", "state", "length", "format", "feedback", "subs", "problems"):
        table.add_column(column, no_wrap=column != "problems", overflow="fold")
    for record in records:
        rules = record.rules
        table.add_row(rules.name, _short_phase(record, now), format_duration(rules.duration_s), rules.format,
                      rules.feedback, str(counts.get(rules.name, 0)), ", ".join(rules.problems))
    return table


def problems_table(record: ContestRecord, problems: Sequence[Problem]) -> Table:
    labels = problem_labels(record.rules)
    with_points = get_format(record.rules.format).scores_points  # icpc counts problems solved, not points
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    for column in ("", "problem", "title", "difficulty", *(["points"] if with_points else [])):
        table.add_column(column, no_wrap=column in ("", "problem"))
    for problem in problems:
        points = [str(points_of(record.rules, problem.slug))] if with_points else []
        table.add_row(labels[problem.slug], problem.slug, problem.title, problem.difficulty, *points)
    return table


def started_view(record: ContestRecord, problems: Sequence[Problem]) -> RenderableType:
    first = record.rules.problems[0]
    return Group(
        Text(f"{record.name} started at {clock_time(record.round_start())}; it ends at {clock_time(record.round_end())} "
             f"({format_duration(record.rules.duration_s)})."),
        Text(""),
        problems_table(record, problems),
        Text(""),
        Text(f"Read one with `judge show {first}`, start it with `judge init {first}`, "
             f"hand it in with `judge submit {first}`.", style="dim"),
    )


def status_view(record: ContestRecord, now: float, log: Sequence[Submission], standing: Standing | None,
                visible: bool) -> RenderableType:
    """Time left, then each problem's state, tries, penalty and points."""
    fmt = get_format(record.rules.format)
    labels = problem_labels(record.rules)
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    for column in ("", "problem", "state", "tries", "penalty", "score"):
        table.add_column(column, no_wrap=True)
    for slug in record.rules.problems:
        cell = standing.cells.get(slug) if standing else None
        mine = [item for item in log if item.problem == slug]
        penalty = penalty_label(fmt, cell.penalty_s) if cell and fmt.penalty_unit and cell.tries else ""
        table.add_row(labels[slug], slug, _problem_state(mine, visible), str(len(mine)) if mine else "",
                      penalty, cell_label(fmt, cell) if cell else "")
    lines = [Text(rules_line(record)), Text(describe_phase(record, now), style="bold")]
    if standing is not None:
        lines.append(Text(_total(fmt, standing)))
    return Group(*lines, Text(""), table)


def _total(fmt, standing: Standing) -> str:
    score = f"{standing.score:g} {'points' if fmt.scores_points else 'solved'}"
    penalty = f", penalty {penalty_label(fmt, standing.penalty_s)}" if fmt.penalty_unit else ""
    return f"score: {score}{penalty}"


def _problem_state(mine: Sequence[Submission], visible: bool) -> Text:
    if not mine:
        return Text("not tried", style="dim")
    if not visible:
        return Text(f"{len(mine)} submitted, verdicts {HELD}", style="yellow")
    if any(item.verdict is Verdict.ACCEPTED for item in mine):
        return verdict_text(Verdict.ACCEPTED)
    last = mine[-1]
    return Text("judging…", style="yellow") if last.verdict is None else verdict_text(last.verdict)


def verdict_line(submission: Submission, record: ContestRecord) -> Text:
    """The `verdict` feedback: one line, no test detail."""
    at = minutes_seconds(submission.submitted_at - (record.started_at or 0.0))
    line = Text(f"submission #{submission.id} ({submission.problem}, at {at}): ")
    return line.append_text(verdict_text(submission.verdict) if submission.verdict else Text("not judged"))


def held_line(submission: Submission, record: ContestRecord, now: float) -> Text:
    at = minutes_seconds(submission.submitted_at - (record.started_at or 0.0))
    return Text(f"submission #{submission.id} ({submission.problem}, at {at}) recorded, verdict {HELD} "
                f"({format_duration(record.round_end() - now)} from now).")


# ---- the postmortem -------------------------------------------------------------------------

def postmortem_view(report: Postmortem) -> RenderableType:
    parts: list[RenderableType] = [Text(f"Postmortem of {rules_line(report.record)}", style="bold"),
                                   Text(_round_summary(report))]
    if not report.timeline:
        parts.append(Text("No submission was made."))
        return Group(*parts)
    if not report.visible:
        parts.append(Text(f"Feedback is hidden: verdicts are {HELD}.", style="yellow"))
    parts += [Text(""), _timeline_table(report), Text(""), _problem_table(report)]
    wrong = [item for summary in report.problems for item in summary.wrong]
    if wrong:
        parts.append(Text("\nRejected tries", style="bold"))
        parts += [_wrong_try_text(item, report) for item in wrong]
    return Group(*parts)


def _round_summary(report: Postmortem) -> str:
    record = report.record
    if record.started_at is None:
        return "The round has not started."
    summary = f"{report.participant}: started {clock_time(record.started_at)}, {_ending(report)}."
    if report.standing is not None and report.visible:
        summary += f" {_total(get_format(record.rules.format), report.standing)}."
    return summary


def _ending(report: Postmortem) -> str:
    record = report.record
    start = record.round_start()  # _round_summary asks only of a round that started
    if phase(record, report.now) != OVER:
        return f"running, {format_duration(report.now - start)} in"
    end = record.round_end()
    length = format_duration(end - start)
    handed_in = record.finished_at is not None and record.finished_at <= end
    return f"{'handed in' if handed_in else 'time ran out'} after {length}"


def _timeline_table(report: Postmortem) -> Table:
    table = Table(title="Timeline", title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    for column in ("at", "#", "problem", "try", "verdict", "categories passed"):
        table.add_column(column, no_wrap=True)
    for entry in report.timeline:
        verdict = verdict_text(entry.verdict) if entry.verdict else Text("held" if not report.visible else "pending")
        table.add_row(minutes_seconds(entry.at_s), str(entry.id), entry.problem, str(entry.try_number), verdict,
                      entry.categories)
    return table


def _problem_table(report: Postmortem) -> Table:
    table = Table(title="Per problem", title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False,
                  caption="first: first submission · time, memory: complexity reached/expected",
                  caption_justify="left")
    for column in ("problem", "first", "accepted", "tries", "time", "memory", "score"):
        table.add_column(column, no_wrap=True)
    for summary in report.problems:
        table.add_row(summary.problem, _at(summary.first_submission_s), _at(summary.accepted_s),
                      str(summary.tries or ""), _complexity(summary, "time"), _complexity(summary, "memory"),
                      summary.points)
    return table


def _at(seconds: float | None) -> str:
    return "" if seconds is None else minutes_seconds(seconds)


def _complexity(summary: ProblemSummary, axis: str) -> Text:
    found = next((item for item in summary.complexity if item.axis == axis), None)
    if found is None:
        return Text("" if summary.accepted_s is None else "not measured", style="dim")
    style = "green" if found.within else "red" if found.within is False else ""
    return Text(f"{found.reached or '?'}/{found.expected}", style=style)


def _wrong_try_text(item: WrongTry, report: Postmortem) -> Text:
    text = Text(f"#{item.id} {item.problem} at {minutes_seconds(item.at_s)}: ")
    text.append_text(verdict_text(item.verdict))
    if item.category:
        text.append(f" in '{item.category}'\n    test: {item.test}")
    if item.message:
        text.append(f"\n    {item.message}")
    if item.smallest_input:
        text.append("\n    smallest failing input: " + item.smallest_input.replace("\n", "\n      "))
    if item.expected is not None or item.actual is not None:
        text.append(f"\n    expected {item.expected}, got {item.actual}")
    return text


def cell_labels(record: ContestRecord, standing: Standing | None) -> dict[str, str]:
    fmt = get_format(record.rules.format)
    cells: dict[str, ProblemCell] = standing.cells if standing else {}
    return {slug: cell_label(fmt, cell) for slug, cell in cells.items()}
