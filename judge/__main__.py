"""`judge` and `python -m judge`: signal handling first, then the command line.

The handlers go in before the command line's heavy imports (click, rich, pytest,
Hypothesis), so a Ctrl-C or SIGTERM during start-up is the same clean stop as
one during a run, never a traceback.
"""

import os
import sys

from judge import interrupts


def main() -> None:
    interrupts.install()
    # Hypothesis imports the plugins other installed packages register (trio's costs 0.1 s
    # at every start): hidden tests run with Hypothesis alone, as pytest runs them with its
    # Hypothesis plugin alone (judge/harness/run.py).
    os.environ.setdefault("HYPOTHESIS_NO_PLUGINS", "1")
    try:
        from judge.cli.main import main as run_command_line
    except KeyboardInterrupt as exc:  # during the imports: nothing was made yet
        name, code = interrupts.describe(exc)
        sys.stderr.write(f"interrupted by {name} while starting: nothing was run.\n")
        sys.exit(code)
    run_command_line()


if __name__ == "__main__":
    main()
