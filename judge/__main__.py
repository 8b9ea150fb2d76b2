"""`judge` and `python -m judge`: signal handling first, then the command line.

The handlers go in before the command line's heavy imports (click, rich, pytest,
Hypothesis), so a Ctrl-C or SIGTERM during start-up is the same clean stop as
one during a run, never a traceback.
"""

import sys

from judge import interrupts


def main() -> None:
    interrupts.install()
    try:
        from judge.cli.main import main as run_command_line
    except KeyboardInterrupt as exc:  # during the imports: nothing was made yet
        name, code = interrupts.describe(exc)
        sys.stderr.write(f"interrupted by {name} while starting: nothing was run.\n")
        sys.exit(code)
    run_command_line()


if __name__ == "__main__":
    main()
