"""Prepended by tests/sandbox/test_hostile.py to every hostile solution in this folder.

ARENA tells the attack where to aim (the suite's loopback listener, its bait
files, its tag). The tag becomes the name of this process and of every fork
of it, so the suite can find anything the solution left running.
"""

import ctypes
import json

ARENA = json.loads(r"""{"tag": "hostile"}""")  # the suite writes the real arena here
PR_SET_NAME = 15


def _tag_process() -> None:
    try:
        ctypes.CDLL(None).prctl(PR_SET_NAME, ARENA["tag"].encode()[:15], 0, 0, 0)
    except (OSError, AttributeError):
        pass


def _armed(t) -> bool:
    """Attack only on the million-character inputs (two hidden tests), like a real slow
    solution would: every limit hit costs the judge its full time, so this keeps runs short."""
    return isinstance(t, str) and len(t) >= 100_000


def _honest(s, t):
    """The correct answer, for attacks that want to look innocent."""
    if not isinstance(s, str) or not isinstance(t, str):
        raise TypeError("two strings, please")
    it = iter(t)
    return all(c in it for c in s)


_tag_process()
