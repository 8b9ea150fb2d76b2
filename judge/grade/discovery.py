"""Finds the cells to grade in a tree: one per member and problem.

Default layout: PATH/<member>/<slug>.py. A judge-group.toml at PATH may name
the members and their folders or globs instead (judge/grade/roster.py). Every
`.py` file found is either a cell or listed as not graded with the reason; a
file that cannot be judged (unreadable, empty, huge, not UTF-8, not a regular
file) is still a cell, with a compile_error decided here, so it never reaches
`judge run` (which would treat it as a usage error of the whole command).
"""

from __future__ import annotations

import dataclasses
import datetime
import difflib
import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from judge.errors import UsageError
from judge.grade.deadlines import HandedIn, handed_in
from judge.grade.roster import Roster, load_roster

MAX_SOLUTION_BYTES = 1 << 20  # 1 MiB: far above any honest solution, below what hurts the judge


@dataclass(frozen=True)
class Submission:
    """One cell to grade: a member's file for one problem."""

    member: str
    slug: str
    path: Path
    points: float
    unjudgeable: str | None = None  # why the file gets compile_error without running
    due: datetime.datetime | None = None  # its week's due date, when the group file sets weeks
    handed_in: HandedIn | None = None  # when the file was handed in (only looked up when there is a due date)

    @property
    def late(self) -> bool:
        return self.due is not None and self.handed_in is not None and self.handed_in.at > self.due


@dataclass(frozen=True)
class NotGraded:
    member: str
    path: Path
    reason: str


@dataclass
class Discovery:
    """Everything found in the tree, in a stable order (members, then problems)."""

    root: Path
    roster: Roster
    members: list[str]
    problems: list[str]  # the gradebook's columns
    submissions: list[Submission] = field(default_factory=list)
    not_graded: list[NotGraded] = field(default_factory=list)
    missing: list[tuple[str, str]] = field(default_factory=list)  # (member, slug) assigned, no file


def discover(root: Path, slugs: list[str], *, members: Iterable[str] = (),
             problems: Iterable[str] = ()) -> Discovery:
    """The cells under `root` for the known problem `slugs`, filtered by member and problem."""
    root = root.resolve()
    roster = load_roster(root, slugs)
    places = _member_places(root, roster)
    wanted_members = _check_filter(list(members), list(places), "member")
    assigned = list(roster.problems or slugs)
    wanted_problems = _check_filter(list(problems), assigned, "problem")
    found = Discovery(root, roster, wanted_members or list(places), [])
    for member in found.members:
        _collect_member(found, member, places[member], slugs, set(wanted_problems or assigned))
    found.problems = _columns(found, roster, wanted_problems)
    _stamp_due_dates(found)
    return found


def _stamp_due_dates(found: Discovery) -> None:
    """Each cell of a problem with a due date learns when its file was handed in."""
    dated = [s for s in found.submissions if found.roster.due_for(s.slug) is not None]
    if not dated:  # no weeks: no git to ask
        return
    times = handed_in(found.root, [s.path for s in dated])
    found.submissions = [
        dataclasses.replace(s, due=found.roster.due_for(s.slug), handed_in=times[s.path]) if s.path in times else s
        for s in found.submissions
    ]


def _check_filter(asked: list[str], valid: list[str], what: str) -> list[str]:
    for name in asked:
        if name not in valid:
            raise UsageError(f"unknown {what} '{name}' in this group. Valid: {', '.join(valid) or '(none)'}.")
    return list(dict.fromkeys(asked))


def _member_places(root: Path, roster: Roster) -> dict[str, tuple[str, ...]]:
    if roster.members is not None:
        return dict(roster.members)
    try:
        folders = sorted(p.name for p in root.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))
    except OSError as exc:
        raise UsageError(f"{root}: cannot list the folder ({exc.strerror}).") from exc
    return {name: (name,) for name in folders}


def _collect_member(found: Discovery, member: str, places: tuple[str, ...], slugs: list[str],
                    assigned: set[str]) -> None:
    seen: dict[str, Path] = {}
    for path in _member_files(found.root, places):
        slug = path.stem
        reason = _not_graded_reason(slug, slugs, assigned, seen)
        if reason is not None:
            if reason:  # "" means filtered out by --problem: not listed
                found.not_graded.append(NotGraded(member, path, reason))
            continue
        seen[slug] = path
        points = found.roster.points_for(slug)
        found.submissions.append(Submission(member, slug, path, points, unjudgeable_reason(path)))
    found.missing.extend((member, slug) for slug in sorted(assigned) if slug not in seen
                         and found.roster.problems is not None)


def _not_graded_reason(slug: str, slugs: list[str], assigned: set[str], seen: dict[str, Path]) -> str | None:
    """Why a file is not a cell ("" when a filter left it out), or None when it is one."""
    if slug not in slugs:
        close = difflib.get_close_matches(slug, slugs, n=1, cutoff=0.6)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        return f"'{slug}' is not a problem{hint}; a solution file is named <problem>.py"
    if slug not in assigned:
        return ""
    if slug in seen:
        return f"another file of this member for '{slug}' is graded: {seen[slug]}"
    return None


def _member_files(root: Path, places: tuple[str, ...]) -> list[Path]:
    """The `.py` files of a member: directly inside a folder, or matched by a glob."""
    files: dict[Path, None] = {}
    for place in places:
        if any(ch in place for ch in "*?["):
            matches = sorted(root.glob(place))
        else:
            folder = root / place
            matches = sorted(folder.iterdir()) if folder.is_dir() else []
        for path in matches:
            if path.suffix == ".py" and not path.is_dir():
                files.setdefault(path, None)
    return list(files)


def unjudgeable_reason(path: Path) -> str | None:
    """Why `path` cannot be judged at all (its compile_error message), or None when it can."""
    try:
        info = os.lstat(path)
    except OSError as exc:
        return f"{path}: cannot be read ({exc.strerror})."
    if stat.S_ISLNK(info.st_mode):  # could point at another member's file or at the judge's
        return f"{path}: is a symbolic link; submit the file itself."
    if not stat.S_ISREG(info.st_mode):  # a FIFO would block whoever opens it
        return f"{path}: is not a regular file."
    if info.st_size == 0:
        return f"{path}: the file is empty."
    if info.st_size > MAX_SOLUTION_BYTES:
        return f"{path}: the file is {info.st_size} bytes, over the 1 MiB a solution may have."
    return _unreadable_or_not_text(path)


def _unreadable_or_not_text(path: Path) -> str | None:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return f"{path}: cannot be read ({exc.strerror})."
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"{path}: is not UTF-8 text ({exc.reason} at byte {exc.start})."
    return None


def _columns(found: Discovery, roster: Roster, wanted: list[str]) -> list[str]:
    """Problems asked for, else those assigned by the roster, else those anyone submitted."""
    if wanted:
        return wanted
    if roster.problems is not None:
        return list(roster.problems)
    return sorted({s.slug for s in found.submissions})
