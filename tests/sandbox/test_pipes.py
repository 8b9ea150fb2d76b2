"""The judge's ends of a worker's pipes: replies put together from the pieces a pipe delivers,
pipes wide enough for a large input."""

from __future__ import annotations

import fcntl
from pathlib import Path

import pytest

from judge.limits import Limits
from judge.sandbox.base import Job
from judge.sandbox.client import WorkerClient
from judge.sandbox.docker.channels import FifoChannel
from judge.sandbox.local import LocalBackend
from judge.sandbox.pipes import PIPE_BYTES, Lines
from tests.conftest import PROBLEMS_ROOT


def test_a_line_split_over_many_pieces_comes_out_whole() -> None:
    lines = Lines()
    reply = b'{"ok": true, "value": "' + b"x" * 300_000 + b'"}'
    for start in range(0, len(reply), 65_536):
        lines.feed(reply[start : start + 65_536])
        assert not lines.complete
    lines.feed(b"\n")
    assert lines.complete
    assert lines.pop() == reply
    assert not lines.complete


def test_lines_that_arrive_together_come_out_one_at_a_time() -> None:
    lines = Lines()
    lines.feed(b"first\nsecond\nthi")
    assert lines.pop() == b"first"
    assert lines.complete and lines.pop() == b"second"
    assert not lines.complete
    lines.feed(b"")  # a read that found nothing
    lines.feed(b"rd\n")
    assert lines.pop() == b"third"


def test_pop_before_a_whole_line_is_a_mistake() -> None:
    lines = Lines()
    lines.feed(b"half a line")
    with pytest.raises(AssertionError):
        lines.pop()


def _pipe_bytes(fd: int) -> int:
    return fcntl.fcntl(fd, fcntl.F_GETPIPE_SZ)


@pytest.mark.skipif(int(Path("/proc/sys/fs/pipe-max-size").read_text()) < PIPE_BYTES,
                    reason="this system caps pipes lower (the judge then keeps what it may have)")
def test_the_pipes_to_a_worker_hold_a_mebibyte(tmp_path: Path) -> None:
    """A 3.7 MB request crosses in four turns of writer and reader, not sixty."""
    channel = FifoChannel(tmp_path)
    try:
        assert _pipe_bytes(channel.request) == _pipe_bytes(channel.reply) == PIPE_BYTES
    finally:
        channel.close()
    solution = tmp_path / "solution.py"
    solution.write_text("def f():\n    return 1\n")
    with LocalBackend().open(Job(solution, Limits(), (), (PROBLEMS_ROOT,))) as box:
        client = WorkerClient(box, Limits())
        client.start()
        worker = client.worker
        assert _pipe_bytes(worker.stdin.fileno()) == _pipe_bytes(worker.stdout.fileno()) == PIPE_BYTES
        client.close()
