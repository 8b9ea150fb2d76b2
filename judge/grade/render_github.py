"""GitHub Actions: an error annotation per failed cell, and the Markdown in the job summary.

Annotations are workflow commands on stdout (`::error file=…,line=…,title=…::message`);
the runner reads `%`, CR and LF in the message, and also `:` and `,` in the
properties, as escapes, so everything from a solution is escaped and can
neither end the command early nor start another one on a new line. GitHub
keeps at most 10 error annotations per step and drops the rest silently, so
only 10 are printed, with a line saying how many more the summary lists.

The job summary ($GITHUB_STEP_SUMMARY) takes at most 1 MiB per step; a larger
gradebook is cut at a line, any open code fence closed, and a note added:
never dropped.
"""

# No `from __future__ import annotations`: it binds the module name `annotations`, which is a function here.
import os
import re
from pathlib import Path

from judge.grade.gradebook import Cell, Gradebook
from judge.grade.render_where import display_path, failing_line, failure_message

MAX_ANNOTATIONS = 10  # GitHub shows this many error annotations per step
MESSAGE_MAX = 4000  # an annotation is a pointer; the summary holds the whole story
SUMMARY_LIMIT = 1024 * 1024  # bytes GitHub accepts in one step's summary
_FENCE = re.compile(r"^(`{3,})\s*$")


def in_github_actions() -> bool:
    return os.environ.get("GITHUB_ACTIONS") == "true"


def escape_data(text: str) -> str:
    """A command's message: `%` first, so the escapes themselves are never read twice."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (file, title): also `:` and `,`, which end it."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(cell: Cell) -> str:
    """`::error …::message` for one failed cell."""
    message = failure_message(cell)
    example = next((f.counterexample for f in cell.failures if f.counterexample), None)
    if example:
        message += f"\nsmallest failing input:\n{example}"
    properties = {"file": display_path(cell.solution), "line": str(failing_line(cell)),
                  "title": f"{cell.member}/{cell.problem}: {cell.verdict.replace('_', ' ')}"}
    listed = ",".join(f"{key}={escape_property(value)}" for key, value in properties.items())
    return f"::error {listed}::{escape_data(message[:MESSAGE_MAX])}"


def annotations(book: Gradebook) -> list[str]:
    """At most MAX_ANNOTATIONS error lines, then a plain line counting the others."""
    failed = [cell for cell in book.cells if not cell.accepted]
    lines = [annotation(cell) for cell in failed[:MAX_ANNOTATIONS]]
    if len(failed) > MAX_ANNOTATIONS:
        lines.append(f"{len(failed) - MAX_ANNOTATIONS} more failed cells are not annotated "
                     f"(GitHub shows {MAX_ANNOTATIONS} per step); the job summary lists them all.")
    return lines


def fit_summary(markdown: str, budget: int) -> str:
    """The Markdown in at most `budget` UTF-8 bytes: whole, or cut at a line with a note.

    The note is kept even when the budget cannot hold it: a summary is never dropped.
    """
    data = markdown.encode("utf-8")
    if len(data) <= budget:
        return markdown
    note = (f"\n\n> **The gradebook is cut here**: it is {len(data)} bytes, over the 1 MiB GitHub "
            "keeps per step summary. `judge grade --markdown FILE` (or `--json FILE`) writes it whole, "
            "to keep as an artifact.\n")
    kept = _whole_lines(data[:max(0, budget - len(note.encode("utf-8")))].decode("utf-8", errors="ignore"))
    while True:
        fence = _open_fence(kept)
        closing = f"\n{fence}" if fence else ""  # else the note would show inside a code block
        if len((kept + closing + note).encode("utf-8")) <= budget or not kept:
            return kept + closing + note
        kept = _whole_lines(kept)  # one line less, to make room for the closing fence


def _whole_lines(text: str) -> str:
    """Up to the last line break, without it: a half line could be half a table row or a fence."""
    end = text.rfind("\n")
    return text[:end] if end >= 0 else ""


def _open_fence(text: str) -> str | None:
    """The fence of a code block still open at the end of `text`."""
    opened: str | None = None
    for line in text.splitlines():
        found = _FENCE.match(line)
        if not found:
            continue
        if opened is None:
            opened = found.group(1)
        elif len(found.group(1)) >= len(opened):  # only as long a fence closes the block
            opened = None
    return opened


def append_step_summary(path: Path, markdown: str) -> None:
    """Appends to the step's summary, keeping the whole file under the limit."""
    try:
        used = path.stat().st_size
    except OSError:
        used = 0
    text = fit_summary(markdown, max(0, SUMMARY_LIMIT - 1 - used))
    with path.open("a", encoding="utf-8") as summary:
        summary.write(text)
