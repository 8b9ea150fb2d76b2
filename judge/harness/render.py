"""Short, readable Python renderings of values and calls for reports."""

from __future__ import annotations

import reprlib

_repr = reprlib.Repr()
_repr.maxstring = 120
_repr.maxother = 120
_repr.maxlist = _repr.maxtuple = _repr.maxset = _repr.maxdict = 16
_repr.maxlevel = 6


def render_value(value: object) -> str:
    """repr, abbreviated for big values, with the size said where it was cut."""
    text = _repr.repr(value)
    size = _size(value)
    if size is not None and "..." in text:
        text += f" (len {size:,})"
    return text


def _size(value: object) -> int | None:
    try:
        return len(value)  # type: ignore[arg-type]
    except TypeError:
        return None


def render_call(target: str, args: tuple, kwargs: dict) -> str:
    parts = [render_value(a) for a in args] + [f"{k}={render_value(v)}" for k, v in kwargs.items()]
    return f"{target}({', '.join(parts)})"
