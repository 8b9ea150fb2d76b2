"""The command line ends its process itself (judge/cli/main.py: _exit): what an exit owes the
outside world still happens, and the exit code is the command's."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

# A caller's process that registered an exit handler, left a thread writing and text unflushed
# in stdout's buffer, then ran a judge command.
SCRIPT = """
import atexit, sys, threading, time
from pathlib import Path
marks = Path(sys.argv[1])
atexit.register(lambda: (marks / "exit handler").write_text("ran"))
threading.Thread(target=lambda: (time.sleep(0.3), (marks / "thread").write_text("done"))).start()
sys.stdout.write("unflushed, before the command ")
sys.argv = ["judge", *sys.argv[2:]]
from judge.cli.main import main
main()
"""


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path), *args],
                          capture_output=True, text=True, timeout=60)


def test_an_exit_waits_for_threads_runs_the_exit_handlers_and_flushes_the_streams(tmp_path):
    done = _run(tmp_path, "--version")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("unflushed, before the command judge, version ")
    assert (tmp_path / "exit handler").read_text() == "ran"
    assert (tmp_path / "thread").read_text() == "done"


def test_the_exit_code_is_the_commands(tmp_path):
    done = _run(tmp_path, "run", "no_such_problem")
    assert done.returncode == 2
    assert "no_such_problem" in done.stderr
    assert (tmp_path / "exit handler").read_text() == "ran"
