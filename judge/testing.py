"""The public API of hidden tests: see docs/architecture.md."""

from judge.harness.api import *  # noqa: F403
from judge.harness.api import __all__  # noqa: F401
