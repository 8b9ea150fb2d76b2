"""What a problem's `complexity.py` declares, and how the judge loads it.

`problems/<slug>/complexity.py` is trusted code run in the judge process only.
It defines one module-level name, `DECLARATION`, built with `Declaration(...)`:

    def build(n: int, rng: random.Random) -> Case:
        text = ...                                   # an input of size n
        return Case(timed=Call("top_n_words", (text, 10)))

    DECLARATION = Declaration(
        size="text length L (distinct words grow with it)",
        time="O(n log n)", memory="O(n)",
        sizes=(512, 524_288), build=build,
    )

The judge sends each Case to the worker once; the worker builds fresh
arguments for every timed call, constructs the instance and runs `setup`
outside the timed region, then times `timed` alone.
"""

from __future__ import annotations

import importlib.util
import random
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from judge.complexity.classes import Complexity
from judge.errors import ProblemConfigError

FILENAME = "complexity.py"


@dataclass(frozen=True)
class Call:
    """A call by name: a module-level function, a class, or a method of the instance."""

    name: str
    args: tuple[Any, ...] = ()
    kwargs: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Case:
    """One input of size n.

    - `timed`: the call whose cost is measured (a function, or a method when
      `construct` is given).
    - `construct`: for class problems, how to make the instance (untimed).
    - `setup`: methods called on the instance before timing (untimed), e.g. fit.
    - `reuse_instance`: keep one instance for every timed call of this size
      (right when `timed` does not change what `setup` built, e.g. predict
      after fit; it saves re-running an expensive setup every round).
    """

    timed: Call
    construct: Call | None = None
    setup: tuple[Call, ...] = ()
    reuse_instance: bool = False


@dataclass(frozen=True)
class Declaration:
    """A problem's complexity contract and input family.

    `time` / `memory` are class names as a person writes them ("O(n log n)");
    `memory` is the *extra* memory of the timed call (output included), or None
    to skip memory. `sizes` is (smallest, largest) n for time: the judge doubles
    from the smallest and stops early when a solution gets too slow (how far it
    goes is measured work, so a slow machine reaches the same sizes, only later).
    `memory_sizes` is (smallest, largest) n for memory, default `sizes`: every
    doubling in it is traced, whatever the clock says (allocations do not depend
    on the CPU), so pick a top where an expected solution's traced call is cheap.
    """

    size: str
    time: str
    memory: str | None
    sizes: tuple[int, int]
    build: Callable[[int, random.Random], Case]
    notes: str = ""
    memory_sizes: tuple[int, int] | None = None

    @property
    def fixed_letters(self) -> frozenset[str]:
        """The parameters `size` says are held fixed while n grows ("k = 16 fixed", "d = 1")."""
        return frozenset(letter.lower() for letter in re.findall(r"(?<![A-Za-z])([A-Za-z]) = \d", self.size))

    @property
    def memory_range(self) -> tuple[int, int]:
        return self.memory_sizes or self.sizes

    @property
    def time_class(self) -> Complexity:
        return Complexity.parse(self.time)

    @property
    def memory_class(self) -> Complexity | None:
        return None if self.memory is None else Complexity.parse(self.memory)

    def validate(self, where: str) -> None:
        """Raise ProblemConfigError naming the file and the field that is wrong."""
        for key in ("time", "memory"):
            text = getattr(self, key)
            if text is None and key == "memory":
                continue
            try:
                Complexity.parse(text)
            except ValueError as exc:
                raise ProblemConfigError(f"{where}: DECLARATION.{key}: {exc}") from exc
        for key in ("sizes", "memory_sizes"):
            value = getattr(self, key)
            if value is None and key == "memory_sizes":
                continue
            if not (isinstance(value, tuple) and len(value) == 2 and all(isinstance(v, int) for v in value)
                    and 2 <= value[0] and value[1] >= 16 * value[0]):
                raise ProblemConfigError(
                    f"{where}: DECLARATION.{key}: expected (low, high) ints, low >= 2, high >= 16 * low "
                    "(a class is measured over at least a decade of n)")
        if not callable(self.build):
            raise ProblemConfigError(f"{where}: DECLARATION.build: expected a function (n, rng) -> Case")


def load(directory: Path) -> Declaration | None:
    """The declaration in `directory/complexity.py`, or None when the problem declares nothing."""
    path = Path(directory) / FILENAME
    if not path.is_file():
        return None
    where = str(path)
    spec = importlib.util.spec_from_file_location(f"judge_problem_complexity_{path.parent.name}", path)
    if spec is None or spec.loader is None:
        raise ProblemConfigError(f"{where}: cannot be imported")
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception as exc:  # a broken problem file is a config error, whatever it raised
        raise ProblemConfigError(f"{where}: import failed: {type(exc).__name__}: {exc}") from exc
    declaration = getattr(module, "DECLARATION", None)
    if not isinstance(declaration, Declaration):
        raise ProblemConfigError(f"{where}: DECLARATION: expected a judge.testing.Declaration")
    declaration.validate(where)
    return declaration
