"""The judge's ends of a worker's pipes: replies put together line by line, pipes widened."""

from __future__ import annotations

import fcntl

# A pipe holds 64 KiB by default: a request or reply of megabytes (weekly_buckets' 200,000
# timestamps, 3.7 MB) then crosses in sixty turns of writer and reader, each a wake-up. Linux
# lets any process widen its pipes to /proc/sys/fs/pipe-max-size (1 MiB unless changed).
PIPE_BYTES = 1 << 20


def widen(fd: int) -> None:
    """Makes the pipe behind `fd` hold PIPE_BYTES, or as much as this system allows."""
    try:
        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    except (OSError, AttributeError):  # a lower system maximum, or not Linux: the pipe stays as it was
        pass


class Lines:
    """Bytes as they arrive, handed out one line at a time.

    A reply of megabytes (weekly_buckets' 200,000 timestamps) arrives in pipe-sized pieces:
    appending each to one bytes object and searching all of it for the newline again cost time
    quadratic in its size (20-30 ms a reply). Here each piece is kept as it came and searched
    once, and a line is joined once.
    """

    def __init__(self) -> None:
        self._pieces: list[bytes] = []
        self.complete = False  # a whole line is waiting

    def feed(self, piece: bytes) -> None:
        if piece:
            self._pieces.append(piece)
            self.complete = self.complete or b"\n" in piece

    def pop(self) -> bytes:
        """The first whole line, without its newline; only once `complete`."""
        assert self.complete, "pop() waits for a whole line"
        line, _, rest = b"".join(self._pieces).partition(b"\n")
        self._pieces = [rest] if rest else []
        self.complete = b"\n" in rest
        return line
