"""`judge` and `python -m judge`: signal handling first, then the command line.

The handlers go in before the command line's heavy imports (click, rich, pytest,
Hypothesis), so a Ctrl-C or SIGTERM during start-up is the same clean stop as
one during a run, never a traceback.
"""

import sys
from typing import NoReturn

from judge import interrupts


def main() -> None:
    interrupts.install()
    try:
        from judge.cli.main import main as run_command_line
    except KeyboardInterrupt as exc:  # during the imports: nothing was made yet
        _interrupted_while_starting(exc)
    except Exception:
        interrupted = interrupts.pending()
        if interrupted is None:
            raise
        _interrupted_while_starting(interrupted)  # the signal surfaced as another exception
    run_command_line()


def _interrupted_while_starting(exc: KeyboardInterrupt) -> NoReturn:
    name, code = interrupts.describe(exc)
    sys.stderr.write(f"interrupted by {name} while starting: nothing was run.\n")
    sys.exit(code)


if __name__ == "__main__":
    main()
