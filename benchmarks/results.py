"""Where the benchmarks write their figures: docs/results/<name>.md, with the command that made
them, the machine and the date, so that a quoted figure can be checked and rerun."""

from __future__ import annotations

import datetime
import os
import platform
import sys
from pathlib import Path

RESULTS = Path(__file__).resolve().parents[1] / "docs" / "results"


def machine() -> str:
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    load = " ".join(f"{value:.1f}" for value in os.getloadavg())
    return (f"{cpu}, {os.cpu_count()} cores, Linux {platform.release()}, Python {platform.python_version()}, "
            f"load average {load}")


def write(name: str, title: str, body: str) -> Path:
    """Writes the results file `name`.md; returns its path."""
    command = "python " + " ".join([os.path.relpath(sys.argv[0]), *sys.argv[1:]])
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.md"
    path.write_text(f"# {title}\n\nWritten by `{command}` on {datetime.date.today().isoformat()}, "
                    f"on {machine()}.\n\n{body.rstrip()}\n")
    return path
