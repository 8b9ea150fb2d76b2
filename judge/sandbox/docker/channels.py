"""How the judge talks to a worker in a container: two named pipes, or the exec's attached stream."""

from __future__ import annotations

import os
import secrets
import select
import socket
import struct
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from judge.sandbox.pipes import widen

# An idle worker drains a request at memory speed; a pipe that stays full this
# long has no live reader (a forked leftover holding it, say): the worker is gone.
SEND_TIMEOUT_S = 30.0


class Demux:
    """Splits the engine's multiplexed exec stream (8-byte frame headers) into stdout and stderr."""

    HEADER = struct.Struct(">BxxxL")

    def __init__(self) -> None:
        self.pending = b""

    def feed(self, data: bytes) -> Iterator[tuple[int, bytes]]:
        """Yields (stream number, payload) for every complete frame seen so far."""
        self.pending += data
        while len(self.pending) >= self.HEADER.size:
            stream, size = self.HEADER.unpack_from(self.pending)
            end = self.HEADER.size + size
            if len(self.pending) < end:
                return
            payload, self.pending = self.pending[self.HEADER.size:end], self.pending[end:]
            yield stream, payload


class AttachChannel:
    """The protocol over the exec's attached stdin/stdout, relayed by the engine.

    Works with any engine, remote ones included; each message crosses the
    engine and its shim, which costs a few tenths of a millisecond per call.
    """

    STDERR_CAP = 64 * 1024
    connected = True

    def __init__(self, attached: Any) -> None:
        self.attached = attached  # the SDK's file object over the socket, when it made one
        self.sock: socket.socket = getattr(attached, "_sock", attached)
        # Reads follow select(); a send to a worker that never reads fails instead of hanging.
        self.sock.settimeout(SEND_TIMEOUT_S)
        self.demux = Demux()
        self.stderr = b""  # the worker's own stderr, before it points fd 2 at its file

    def fileno(self) -> int:
        return self.sock.fileno()

    def read(self) -> bytes | None:
        """The stdout bytes that arrived (maybe none), None at end of stream."""
        try:
            chunk = self.sock.recv(1 << 20)
        except OSError:
            chunk = b""
        if not chunk:
            return None
        data = b""
        for stream, payload in self.demux.feed(chunk):
            if stream == 1:
                data += payload
            else:
                self.stderr = (self.stderr + payload)[: self.STDERR_CAP]
        return data

    def write(self, data: bytes) -> None:
        self.sock.sendall(data)

    def end_input(self) -> None:
        try:
            self.sock.shutdown(socket.SHUT_WR)
        except OSError:
            pass

    def close(self) -> None:
        close_socket(self.attached)


def close_socket(attached: Any) -> None:
    """Closes an attached connection for good: the socket is only released once the
    SDK's file object over it (if any) is closed too."""
    for part in (attached, getattr(attached, "_sock", None)):
        if part is not None:
            try:
                part.close()
            except OSError:
                pass


class FifoChannel:
    """The protocol over two named pipes in a directory mounted into the container.

    Used when the engine runs on this kernel: the worker reads and writes
    kernel pipes shared with the judge, with no daemon in between, as fast as
    the local backend. Until the worker first speaks, the judge holds a write
    end of the reply pipe itself (so "no writer yet" is not mistaken for the
    worker's exit) and a read end of the request pipe (so opening never
    blocks); once it has spoken both are dropped, and a dead worker shows as
    end-of-file and broken pipe, exactly like a dead local worker.
    """

    def __init__(self, directory: Path) -> None:
        name = secrets.token_hex(12)  # unguessable: the directory is not listable
        self.paths = (directory / f"{name}.req", directory / f"{name}.rep")
        for path in self.paths:
            os.mkfifo(path)
            os.chmod(path, 0o666)  # the worker's uid must open them; nobody can find them
        self.request = os.open(self.paths[0], os.O_RDWR)
        self.reply = os.open(self.paths[1], os.O_RDONLY | os.O_NONBLOCK)
        self.reply_holder: int | None = os.open(self.paths[1], os.O_WRONLY | os.O_NONBLOCK)
        for fd in (self.request, self.reply):
            widen(fd)
        self.connected = False

    def names(self) -> tuple[str, str]:
        return self.paths[0].name, self.paths[1].name

    def fileno(self) -> int:
        return self.reply

    def read(self) -> bytes | None:
        try:
            data = os.read(self.reply, 1 << 20)
        except BlockingIOError:
            return b""
        if not data:
            return None
        if not self.connected:
            self._connect()
        return data

    def _connect(self) -> None:
        """The worker has both pipes open: keep only our own ends of them."""
        self.connected = True
        assert self.reply_holder is not None  # held until this, the first connect
        os.close(self.reply_holder)
        self.reply_holder = None
        try:
            request = os.open(self.paths[0], os.O_WRONLY | os.O_NONBLOCK)
        except OSError:  # it already closed its end: the next send finds it gone
            request = -1
        os.close(self.request)
        self.request = request
        for path in self.paths:
            path.unlink(missing_ok=True)

    def write(self, data: bytes) -> None:
        if self.request < 0:
            raise BrokenPipeError("the worker closed its request pipe")
        view = memoryview(data)
        deadline = time.monotonic() + SEND_TIMEOUT_S
        while view:
            try:
                view = view[os.write(self.request, view):]
            except BlockingIOError:
                if not select.select([], [self.request], [], max(0.0, deadline - time.monotonic()))[1]:
                    raise TimeoutError(f"the worker read nothing for {SEND_TIMEOUT_S:g} s") from None

    def end_input(self) -> None:
        if self.request >= 0:
            os.close(self.request)
            self.request = -1

    def close(self) -> None:
        """Idempotent: a descriptor closed twice could be someone else's by then."""
        for fd in (self.request, self.reply, self.reply_holder):
            if fd is not None and fd >= 0:
                os.close(fd)
        self.request, self.reply, self.reply_holder = -1, -1, None
        for path in self.paths:
            path.unlink(missing_ok=True)
