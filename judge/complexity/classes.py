"""The complexity classes the judge can name, and how they grow.

Classes are ordered from slowest-growing to fastest-growing. Each has a growth
function g(n) used to compare measured points with the class, and belongs to a
*group* of classes that timing cannot tell apart over the sizes we can afford
(O(1) vs O(log n), O(n) vs O(n log n)): within a group the judge only ever says
"consistent with".
"""

from __future__ import annotations

import enum
import math
from collections.abc import Callable


class Complexity(enum.Enum):
    """One asymptotic class. The declaration order is the order of growth."""

    CONSTANT = "O(1)"
    LOG = "O(log n)"
    LINEAR = "O(n)"
    LINEARITHMIC = "O(n log n)"
    QUADRATIC = "O(n^2)"
    CUBIC = "O(n^3)"
    EXPONENTIAL = "O(2^n)"

    @property
    def label(self) -> str:
        return self.value

    @property
    def rank(self) -> int:
        """0 for O(1), growing with the class."""
        return list(Complexity).index(self)

    @property
    def group(self) -> int:
        """Classes with the same group cannot be separated by timing."""
        return _GROUPS[self]

    def growth(self, n: float) -> float:
        """g(n), defined for n >= 1 (log terms use max(log2 n, 1) to stay positive)."""
        return _GROWTH[self](n)

    def __lt__(self, other: Complexity) -> bool:
        return self.rank < other.rank

    def __le__(self, other: Complexity) -> bool:
        return self.rank <= other.rank

    @classmethod
    def parse(cls, text: str) -> Complexity:
        """Read a class written by a person: "O(n log n)", "n^2", "O(N*logN)", "linear"...

        Raises ValueError naming the accepted spellings.
        """
        key = _normalise(text)
        if key in _ALIASES:
            return _ALIASES[key]
        known = ", ".join(c.label for c in cls)
        raise ValueError(f"unknown complexity class {text!r}; expected one of {known}")


def _log2(n: float) -> float:
    # log2 n would be 0 at n = 1 and make g vanish; sizes below 2 are meaningless anyway.
    return max(math.log2(max(n, 1.0)), 1.0)


_GROWTH: dict[Complexity, Callable[[float], float]] = {
    Complexity.CONSTANT: lambda n: 1.0,
    Complexity.LOG: _log2,
    Complexity.LINEAR: lambda n: float(n),
    Complexity.LINEARITHMIC: lambda n: n * _log2(n),
    Complexity.QUADRATIC: lambda n: float(n) ** 2,
    Complexity.CUBIC: lambda n: float(n) ** 3,
    # 2^n overflows floats past n ~ 1000; growth is only compared in log space.
    Complexity.EXPONENTIAL: lambda n: math.inf if n > 1000 else 2.0**n,
}

_GROUPS: dict[Complexity, int] = {
    Complexity.CONSTANT: 0,
    Complexity.LOG: 0,
    Complexity.LINEAR: 1,
    Complexity.LINEARITHMIC: 1,
    Complexity.QUADRATIC: 2,
    Complexity.CUBIC: 3,
    Complexity.EXPONENTIAL: 4,
}


def log_growth(cls: Complexity, n: float) -> float:
    """ln g(n), finite for every n >= 1 (2^n is handled without overflow)."""
    if cls is Complexity.EXPONENTIAL:
        return n * math.log(2.0)
    return math.log(cls.growth(n))


def _normalise(text: str) -> str:
    key = text.strip().lower().replace(" ", "").replace("**", "^").replace("*", "").replace("·", "")
    if key.startswith("o(") and key.endswith(")"):
        key = key[2:-1]
    return key.replace("²", "^2").replace("³", "^3")


_ALIASES: dict[str, Complexity] = {
    "1": Complexity.CONSTANT,
    "constant": Complexity.CONSTANT,
    "logn": Complexity.LOG,
    "log": Complexity.LOG,
    "logarithmic": Complexity.LOG,
    "n": Complexity.LINEAR,
    "linear": Complexity.LINEAR,
    "nlogn": Complexity.LINEARITHMIC,
    "linearithmic": Complexity.LINEARITHMIC,
    "n^2": Complexity.QUADRATIC,
    "quadratic": Complexity.QUADRATIC,
    "n^3": Complexity.CUBIC,
    "cubic": Complexity.CUBIC,
    "2^n": Complexity.EXPONENTIAL,
    "exponential": Complexity.EXPONENTIAL,
}
