"""The terminal report: verdict, one row per edge-case category, then one panel per distinct failure."""

from __future__ import annotations

from collections import defaultdict

from rich.console import Console, Group, JustifyMethod, RenderableType
from rich.panel import Panel
from rich.syntax import Syntax
from rich.table import Table
from rich.text import Text

from judge.harness.results import CaseResult, RunResult
from judge.report.grouping import FailureGroup, group_failures, not_written, raising_line
from judge.sandbox.base import CapturedOutput
from judge.verdicts import Verdict

OUTPUT_LINES_SHOWN = 30
STYLE = {Verdict.ACCEPTED: "bold green", Verdict.WRONG_ANSWER: "bold red", Verdict.INTERNAL_ERROR: "bold magenta"}


def verdict_text(verdict: Verdict) -> Text:
    return Text(verdict.label.upper() if verdict is not Verdict.ACCEPTED else "ACCEPTED", STYLE.get(verdict, "bold yellow"))


def render_text(result: RunResult, console: Console, *, verbose: bool = False) -> None:
    """The report; `verbose` shows every failing case in its own panel instead of one per failure."""
    console.print(_header(result))
    if result.message:
        console.print(Panel(Text(result.message), title=result.verdict.label, border_style="red", expand=False))
    if not verbose and not_written(result.cases):  # the untouched starter: nothing to diagnose yet
        console.print(_not_written_line(result))
    elif result.cases:
        console.print(_category_table(result.cases))
        _print_failures(result.cases, console, verbose)
    if result.not_run:
        console.print(_not_run_panel(result))
    if result.complexity is not None:
        from judge.complexity import render

        console.print(render(result.complexity))
    if result.output.stdout or result.output.stderr:
        console.print(_output_panel(result.output))
    console.print(_footer(result))


def _header(result: RunResult) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_row(Text("problem", "dim"), Text(result.problem, "bold"))
    grid.add_row(Text("solution", "dim"), Text(result.solution))
    grid.add_row(Text("verdict", "dim"), verdict_text(result.verdict))
    grid.add_row(Text("sandbox", "dim"), Text(_sandbox_summary(result.sandbox)))
    return grid


def _sandbox_summary(sandbox: dict) -> str:
    enforced = sandbox.get("enforced", {})
    if not enforced:
        return f"{sandbox.get('backend', '?')} (not started: nothing ran)"
    missing = [name.replace("_", " ") for name, on in enforced.items() if not on and name != "memory_is_address_space"]
    summary = sandbox.get("backend", "?")
    return summary + (f" (not enforced here: {', '.join(missing)})" if missing else " (full isolation for this backend)")


def _category_table(cases: list[CaseResult]) -> Table:
    table = Table(title="hidden tests by edge-case category", title_justify="left", expand=False)
    columns: tuple[tuple[str, JustifyMethod], ...] = (
        ("category", "left"), ("passed", "right"), ("verdict", "left"), ("time", "right"), ("memory", "right"))
    for column, justify in columns:
        table.add_column(column, justify=justify)
    by_category: dict[str, list[CaseResult]] = defaultdict(list)
    for case in cases:
        by_category[case.category].append(case)
    for category, members in by_category.items():
        passed = sum(c.verdict is Verdict.ACCEPTED for c in members)
        worst = Verdict.worst(c.verdict for c in members)
        time_ms = sum(c.time_ms for c in members)
        known = [c.memory_kb for c in members if c.memory_kb]
        memory = f"{max(known) / 1024:,.1f} MiB" if known else "—"  # no call answered: no figure
        table.add_row(category, f"{passed}/{len(members)}", verdict_text(worst), _milliseconds(time_ms), memory)
    return table


def _milliseconds(value: float) -> str:
    return f"{value:,.0f} ms" if value >= 10 else f"{value:.1f} ms"


def _not_written_line(result: RunResult) -> Text:
    line = raising_line(result.cases)
    where = f"{result.solution}, line {line}" if line else result.solution
    return Text.assemble(("Not written yet: ", "bold yellow"), f"{where} raises NotImplementedError.")


def _print_failures(cases: list[CaseResult], console: Console, verbose: bool) -> None:
    failing = [case for case in cases if case.verdict is not Verdict.ACCEPTED]
    if verbose:
        for case in failing:
            console.print(_failure_panel(case))
        return
    groups = group_failures(failing)
    for group in groups:
        console.print(_group_panel(group) if len(group.cases) > 1 else _failure_panel(group.shown))
    if len(groups) < len(failing):
        console.print(Text(f"{len(failing)} failing cases, {len(groups)} distinct "
                           f"{'failure' if len(groups) == 1 else 'failures'}; --verbose shows every case.", "dim"))


def _group_panel(group: FailureGroup) -> Panel:
    """One failure that broke several cases: the smallest input, and every category it broke."""
    broke = ", ".join(category if count == 1 else f"{category} ({count})" for category, count in group.categories)
    parts = [*_failure_parts(group.shown), Text.assemble(("broke: ", "bold"), broke)]
    title = Text.assemble(verdict_text(group.verdict), f"  {len(group.cases)} cases, one failure")
    return Panel(Group(*parts), title=title, title_align="left", border_style="red", expand=False)


def _failure_panel(case: CaseResult) -> Panel:
    title = Text.assemble(verdict_text(case.verdict), f"  {case.category} / {case.name}")
    return Panel(Group(*_failure_parts(case)), title=title, title_align="left", border_style="red", expand=False)


def _failure_parts(case: CaseResult) -> list[RenderableType]:
    parts: list[RenderableType] = [Text(case.message or case.verdict.label)]
    if case.counterexample:
        parts += [Text("smallest failing input:", "bold"), Syntax(case.counterexample, "python", theme="ansi_dark", word_wrap=True)]
    if case.expected is not None:
        parts.append(Text.assemble(("expected: ", "bold"), (case.expected, "green")))
    if case.actual is not None:
        parts.append(Text.assemble(("actual:   ", "bold"), (case.actual, "red")))
    if case.traceback:
        parts += [Text("your traceback:", "bold"), Text("\n".join(case.traceback))]
    return parts


def _not_run_panel(result: RunResult) -> Panel:
    names = ", ".join(result.not_run)
    text = Text.assemble(
        (f"{len(result.not_run)} hidden tests were not run: ", "bold"), result.not_run_reason, ".\n",
        ("not run: ", "dim"), (names, "dim"),
    )
    return Panel(text, title="stopped early", title_align="left", border_style="yellow", expand=False)


def _output_panel(output: CapturedOutput) -> Panel:
    parts = []
    for name in ("stdout", "stderr"):
        lines = getattr(output, name).splitlines()
        if lines:
            shown = lines[:OUTPUT_LINES_SHOWN]
            more = len(lines) - len(shown)
            text = "\n".join(shown) + (f"\n… {more} more lines" if more > 0 else "")
            parts += [Text(f"{name}:", "bold"), Text(text)]
    if output.truncated:
        parts.append(Text("(output truncated at the output limit)", "yellow"))
    return Panel(Group(*parts), title="your program's output", title_align="left", expand=False)


def _footer(result: RunResult) -> Text:
    total = len(result.cases) + len(result.not_run)
    passed = sum(c.verdict is Verdict.ACCEPTED for c in result.cases)
    if not total:  # decided before any test ran: there is nothing to reproduce with a seed
        return Text.assemble(verdict_text(result.verdict), "  no hidden test ran")
    line = Text.assemble(verdict_text(result.verdict), f"  {passed}/{total} hidden tests passed", f" in {result.duration_s:.1f} s")
    if passed == total or not_written(result.cases):  # nothing to reproduce
        line.append(f"  (seed {result.seed})", "dim")
    else:
        line.append(f"  (seed {result.seed}; rerun with --seed {result.seed} to reproduce)", "dim")
    return line
