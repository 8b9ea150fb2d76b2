"""Returns an object that claims to equal everything (and to be true, and a bool)."""

# ruff: noqa: F821 - ARENA, _armed and _honest come from _arena.py, which the suite puts first


class Liar:
    def __eq__(self, other):
        return True

    def __ne__(self, other):
        return False

    def __bool__(self):
        return True

    __hash__ = object.__hash__
    __class__ = bool  # isinstance(Liar(), bool) is True


def is_subsequence(s, t):
    if not _armed(t):
        return _honest(s, t)
    return Liar()
