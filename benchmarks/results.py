"""Where the benchmarks write their figures: docs/results/<name>.md, with the command that made
them, the machine and the date, so that a quoted figure can be checked and rerun."""

from __future__ import annotations

import contextlib
import datetime
import io
import os
import platform
import sys
from collections.abc import Iterator
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


class _Tee(io.TextIOBase):
    def __init__(self, *streams: io.TextIOBase) -> None:
        self.streams = streams

    def write(self, text: str) -> int:
        for stream in self.streams:
            stream.write(text)
        return len(text)

    def flush(self) -> None:
        for stream in self.streams:
            stream.flush()


@contextlib.contextmanager
def printed_to(name: str, title: str) -> Iterator[None]:
    """Everything printed inside the block goes to the terminal as usual and, at its end, to the
    results file `name` (as a code block): the figures a benchmark prints are the ones it keeps."""
    kept = io.StringIO()
    real = sys.stdout
    sys.stdout = _Tee(real, kept)  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout = real
    path = write(name, title, f"```\n{kept.getvalue().strip()}\n```")
    print(f"written to {os.path.relpath(path)}")
