"""The judge's side of the value encoding (the worker has its own, stdlib-only).

Values come back from the sandbox as plain data: nothing the solution returns
can run code on the judge's side. Objects of types the wire does not carry
arrive as Opaque, which equals nothing.
"""

from __future__ import annotations

import base64
import datetime
import math
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, eq=False)
class Opaque:
    """A value of a type the wire does not carry (a custom object)."""

    type_name: str
    repr: str

    def __eq__(self, other: object) -> bool:
        return False

    __hash__ = object.__hash__

    def __repr__(self) -> str:
        return f"<{self.type_name} object>"


@dataclass(frozen=True)
class Stream:
    """A one-shot stream, described here and built inside the sandbox."""

    spec: dict

    @classmethod
    def range(cls, stop: int, start: int = 0) -> Stream:
        return cls({"kind": "range", "start": start, "stop": stop})

    @classmethod
    def of(cls, items: list) -> Stream:
        return cls({"kind": "of", "items": list(items)})

    def items(self) -> list:
        """The same items, in the judge, for computing expectations."""
        if self.spec["kind"] == "range":
            return list(range(self.spec["start"], self.spec["stop"]))
        return list(self.spec["items"])

    def __repr__(self) -> str:
        if self.spec["kind"] == "range":
            return f"iter(range({self.spec['start']}, {self.spec['stop']}))"
        return f"iter({self.spec['items']!r})"


@dataclass(frozen=True)
class Rng:
    """A seeded random.Random, built inside the sandbox."""

    seed: int

    def make(self):
        import random

        return random.Random(self.seed)

    def __repr__(self) -> str:
        return f"random.Random({self.seed})"


@dataclass(frozen=True)
class NdArray:
    """A nested list that arrives in the sandbox as a float NumPy array."""

    data: list

    def __repr__(self) -> str:
        return f"np.array({self.data!r})"


@dataclass(frozen=True)
class Handle:
    """A reference to an instance living in the sandbox."""

    id: int


def encode(value: Any) -> Any:
    """Encodes an argument for the worker."""
    if value is None or isinstance(value, (bool, int, str)):
        return value
    if isinstance(value, float):
        if math.isnan(value):
            return {"$float": "nan"}
        return {"$float": "inf" if value > 0 else "-inf"} if math.isinf(value) else value
    return _encode_tagged(value)


_PLAIN_TYPES = frozenset({str, int, bool, type(None)})  # exactly these: JSON carries them as they are
_NUMBER_TYPES = frozenset({int, float, bool})


def _encode_tagged(value: Any) -> Any:
    if isinstance(value, list):
        types = set(map(type, value))  # large inputs are mostly flat lists: no call per item for them
        if types <= _PLAIN_TYPES or (types <= _NUMBER_TYPES and all(map(math.isfinite, value))):
            return list(value)
        return [encode(v) for v in value]
    if isinstance(value, tuple):
        return {"$tuple": [encode(v) for v in value]}
    if isinstance(value, (set, frozenset)):
        return {"$set": [encode(v) for v in value]}
    if isinstance(value, dict):
        return {"$dict": [[encode(k), encode(v)] for k, v in value.items()]}
    if isinstance(value, datetime.datetime):
        return {"$datetime": value.isoformat()}
    if isinstance(value, datetime.date):
        return {"$date": value.isoformat()}
    if isinstance(value, bytes):
        return {"$bytes": base64.b64encode(value).decode("ascii")}
    if isinstance(value, Stream):
        return {"$stream": value.spec}
    if isinstance(value, Rng):
        return {"$rng": value.seed}
    if isinstance(value, NdArray):
        return {"$ndarray": encode(value.data)}
    if isinstance(value, Handle):
        return {"$handle": value.id}
    raise TypeError(f"the wire cannot carry a {type(value).__name__}")


_DECODERS = {
    "$tuple": lambda body: tuple(decode(v) for v in body),
    "$set": lambda body: _decode_set(body),  # defined below
    "$dict": lambda body: _decode_dict(body),
    "$float": float,
    "$datetime": datetime.datetime.fromisoformat,
    "$date": datetime.date.fromisoformat,
    "$bytes": base64.b64decode,
    "$handle": Handle,
    "$opaque": lambda body: Opaque(str(body.get("type", "?")), str(body.get("repr", ""))[:200]),
}


class WireError(ValueError):
    """What came back is not a well-formed encoded value."""


def decode(value: Any) -> Any:
    """Decodes a value returned by the worker; malformed data raises WireError."""
    if isinstance(value, list):
        types = set(map(type, value))
        if list not in types and dict not in types:
            return value  # plain JSON items stand for themselves
        return [decode(v) for v in value]
    if not isinstance(value, dict):
        return value
    if len(value) != 1 or next(iter(value)) not in _DECODERS:
        raise WireError(f"unknown encoded value {str(value)[:80]}")
    (tag, body), = value.items()
    try:
        return _DECODERS[tag](body)
    except (TypeError, ValueError, KeyError) as exc:
        raise WireError(f"malformed {tag} value") from exc


def _decode_set(body: list) -> Any:
    items = [decode(v) for v in body]
    try:
        return set(items)
    except TypeError:
        return Opaque("set", repr(items)[:200])


def _decode_dict(body: list) -> Any:
    pairs = [(decode(k), decode(v)) for k, v in body]
    try:
        return dict(pairs)
    except TypeError:
        return Opaque("dict", repr(pairs)[:200])
