"""A complexity stated in a solution's source: `# time: O(n log n)` and `# memory: O(k)`.

One syntax serves two readers: a candidate naming their complexity ("name your
complexity", docs/complexity.md) and a problem's corpus file stating the class
`judge problem check` must measure. The rules:

- a comment that starts in column 0, `# time: <class>` or `# memory: <class>`
  (any case, spaces free), anywhere in the module; the first of each wins;
- the class is anything `Complexity.parse` reads ("O(n log n)", "n^2",
  "linear"...); the size variable may be any single letter (the problem says
  what its size is), so `O(L)` and `O(L log L)` read as `O(n)` and `O(n log n)`;
  a letter the problem holds fixed while n grows (its declaration says `k = 16`)
  is a constant: `O(k)` there reads as `O(1)`, and the report says why;
- `O(?)`, `?` or an empty value is a placeholder (the starter's): no claim;
- anything else is kept as an unreadable claim with the reason, so a report
  can say "could not read your claim" instead of silently ignoring it.

`check_claim` holds a claim against a measured axis with the fit's own rules:
a claim inside the measured group (O(n) for a measurement consistent with
O(n) or O(n log n)) agrees.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from judge.complexity.classes import Complexity
from judge.complexity.fit import Fit, relation_to

AXES = ("time", "memory")
_LINE = re.compile(r"^#[ \t]*(time|memory)[ \t]*:[ \t]*(.*?)[ \t]*$", re.IGNORECASE | re.MULTILINE)
_PLACEHOLDERS = {"", "?", "o(?)", "o()"}
# A lone size letter (not part of a word such as "log"): the one variable of a claim.
_VARIABLE = re.compile(r"(?<![a-z])([a-z])(?![a-z])", re.IGNORECASE)


@dataclass(frozen=True)
class AxisClaim:
    """What the source says about one axis: the class, or why it could not be read."""

    axis: str
    text: str  # as written, after the colon
    line: int  # 1-based
    complexity: Complexity | None
    problem: str | None = None  # set when `complexity` is None
    reading: str = ""  # how the text was read, where that is not plain (a fixed parameter)

    def to_dict(self) -> dict:
        return {
            "text": self.text,
            "line": self.line,
            "class": self.complexity.label if self.complexity else None,
            "problem": self.problem,
        }


def read_claims(source: str, fixed: frozenset[str] = frozenset()) -> dict[str, AxisClaim]:
    """The claims a module's source makes, by axis ("time", "memory"); placeholders left out.
    `fixed`: the letters the problem holds constant while n grows (lower case)."""
    claims: dict[str, AxisClaim] = {}
    for match in _LINE.finditer(source):
        axis, text = match.group(1).lower(), match.group(2)
        if axis in claims or text.lower().replace(" ", "") in _PLACEHOLDERS:
            continue
        line = source.count("\n", 0, match.start()) + 1
        claims[axis] = _parse(axis, text, line, fixed)
    return claims


def _parse(axis: str, text: str, line: int, fixed: frozenset[str] = frozenset()) -> AxisClaim:
    written = text.split("#", 1)[0].strip()  # "# time: O(n)  # amortised" keeps O(n)
    variables = {v.lower() for v in _VARIABLE.findall(_without_o(written))}
    if variables and variables <= fixed:
        names = ", ".join(sorted(variables))
        return AxisClaim(axis, text, line, Complexity.CONSTANT,
                         reading=f"{names} {'is' if len(variables) == 1 else 'are'} fixed here: O(1) as n grows")
    if len(variables) > 1:
        return AxisClaim(axis, text, line, None, f"more than one variable ({', '.join(sorted(variables))}); "
                                                 "state it in the problem's size n")
    normalised = _VARIABLE.sub("n", _without_o(written)) if variables else _without_o(written)
    try:
        return AxisClaim(axis, text, line, Complexity.parse(normalised))
    except ValueError as exc:
        return AxisClaim(axis, text, line, None, str(exc))


def _without_o(text: str) -> str:
    """The inside of O(...), so the O itself is never taken for a variable."""
    stripped = text.strip()
    if stripped[:2].lower() == "o(" and stripped.endswith(")"):
        return stripped[2:-1]
    return stripped


# The fit's relation of the measurement to the claimed class, as said of the claim.
_CLAIM_VERDICTS = {
    "within": "agrees",
    "better": "pessimistic",  # measured better than claimed
    "worse": "optimistic",  # measured confidently worse than claimed
    "uncertain": "unclear",  # above the claim, but not by two standard errors
    "inconclusive": "unchecked",
}


@dataclass(frozen=True)
class ClaimCheck:
    """A claim held against what was measured on its axis."""

    claim: AxisClaim
    verdict: str  # agrees | optimistic | pessimistic | unclear | unchecked | unreadable

    def to_dict(self) -> dict:
        return {**self.claim.to_dict(), "verdict": self.verdict}


def check_claim(claim: AxisClaim, fit: Fit) -> ClaimCheck:
    if claim.complexity is None:
        return ClaimCheck(claim, "unreadable")
    return ClaimCheck(claim, _CLAIM_VERDICTS[relation_to(fit, claim.complexity)])
