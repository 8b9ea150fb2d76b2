"""Near copies between members' solutions, for the organiser: `judge grade --similarity FILE.html`.

The comparison is copydetect's (winnowed fingerprints of the tokenised code,
so renamed variables and moved blank lines do not hide a copy); we only
choose the files: each problem's solutions compared with the other members'
solutions of the same problem, the problem's starter given as boilerplate so
the signature and docstring every member starts from count for nothing.
copydetect is an optional extra (`pip install 'judge[grade]'`), imported only
when asked for.
"""

from __future__ import annotations

import contextlib
import io
import os
from dataclasses import dataclass
from pathlib import Path

from judge.errors import JudgeError, UsageError
from judge.grade.discovery import Submission
from judge.problems import ProblemSet

# A pair is flagged when this share of either file's fingerprints is in the other. Short solutions
# to one problem converge (tokenised, names are gone), so independent ones often share half.
FLAG_SHARE = 0.8
NOISE_CHARS = 25  # copydetect's default: shorter matches of tokenised code are noise
MISSING_EXTRA = "--similarity needs copydetect: pip install 'judge[grade]' (or pip install copydetect)."


@dataclass(frozen=True)
class NearCopy:
    problem: str
    first: Path
    second: Path
    share_first: float  # of `first`'s code found in `second`
    share_second: float


def starter_of(problems: ProblemSet, slug: str) -> Path | None:
    """The starter file members begin `slug` from, if the problem has one."""
    try:
        starter = problems.get(slug).starter_path
    except JudgeError:
        return None
    return starter if starter.is_file() else None


def near_copies(submissions: list[Submission], problems: ProblemSet, report: Path) -> list[NearCopy]:
    """Compares members' solutions problem by problem, writes copydetect's HTML report to
    `report` and returns the pairs at or above FLAG_SHARE, most similar first."""
    detector = _detector(report)
    judgeable = [s for s in submissions if s.unjudgeable is None]  # copydetect reads only UTF-8 text
    for submission in judgeable:
        detector.add_file(str(submission.path))
    for slug in sorted({s.slug for s in judgeable}):
        starter = starter_of(problems, slug)
        if starter is not None:
            detector.add_file(str(starter), type="boilerplate")
    members = {str(s.path): s for s in judgeable}
    with contextlib.redirect_stdout(io.StringIO()):  # its progress lines are not ours to print
        if len(judgeable) > 1:
            detector.run()
            detector.generate_html_report()
    if len(judgeable) <= 1:
        _write_empty_report(report)
        return []
    return _flagged(detector.get_copied_code_list(), members)


def _detector(report: Path):  # -> copydetect.CopyDetector, imported lazily
    os.environ.setdefault("MPLBACKEND", "Agg")  # its report draws plots: never a window
    try:
        from copydetect import CopyDetector
    except ImportError as exc:
        raise UsageError(MISSING_EXTRA) from exc
    # same_name_only: a member's file is named for its problem, so only one problem's solutions meet.
    return CopyDetector(same_name_only=True, ignore_leaf=True, autoopen=False, silent=True,
                        noise_t=NOISE_CHARS, guarantee_t=NOISE_CHARS, display_t=FLAG_SHARE,
                        out_file=str(report), extensions=["py"])


def _flagged(code_list: list, members: dict[str, Submission]) -> list[NearCopy]:
    pairs = []
    for share_first, share_second, first, second, *_highlighted in code_list:
        a, b = members.get(first), members.get(second)
        if a is None or b is None or a.member == b.member:
            continue
        pairs.append(NearCopy(a.slug, a.path, b.path, round(float(share_first), 3), round(float(share_second), 3)))
    return sorted(pairs, key=lambda p: -max(p.share_first, p.share_second))


def _write_empty_report(report: Path) -> None:
    report.write_text("<!doctype html><title>judge grade: similarity</title>"
                      "<p>Fewer than two solutions to compare.</p>\n", encoding="utf-8")
