"""The public API of a problem folder: everything its hidden tests and its
`complexity.py` may import from the judge (docs/authoring.md lists it).

Problem folders import only this module; the judge's internals may move
without breaking them.
"""

from judge.complexity.declare import Call, Case, Declaration
from judge.harness.api import *  # noqa: F403
from judge.harness.api import __all__ as _harness_api

__all__ = [*_harness_api, "Call", "Case", "Declaration"]
