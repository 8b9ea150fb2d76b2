"""A run's box, opened and its worker started on a thread while pytest starts and collects.

Opening a box is mostly waiting (a Docker box is an engine's container: 0.1 s
of requests, then the worker's start), and importing pytest and Hypothesis,
then pytest's start and collection, are mostly computing: done one after the
other, a run pays for both. Here the box is opened and the worker launched on
a thread, and the hidden tests connect to it once they are collected
(plugin.py).

Signals only ever reach the main thread, so the opening is never cut in half;
leaving the block, whatever happens, waits for the opening to end and then
closes the worker and removes the box, with signals held meanwhile. The thread
lives until then: a local worker dies with the thread that started it (its
PR_SET_PDEATHSIG, set by setpriv, follows the thread, not the process).
"""

from __future__ import annotations

import threading
from types import TracebackType

from judge import interrupts
from judge.harness.proxy import SolutionProxy
from judge.sandbox.base import Backend, Box, CapturedOutput, Job
from judge.sandbox.client import WorkerClient


class BoxOpening:
    def __init__(self, backend: Backend, job: Job, kind: str) -> None:
        self.backend, self.job, self.kind = backend, job, kind
        self.box: Box | None = None
        self.client: WorkerClient | None = None
        self.output = CapturedOutput()  # the worker's, once closed
        self._error: BaseException | None = None
        self._opened = threading.Event()
        self._closed = threading.Event()
        self._thread = threading.Thread(target=self._open, name="judge-box-opening", daemon=True)

    def __enter__(self) -> BoxOpening:
        self._thread.start()
        return self

    def _open(self) -> None:
        try:
            self.box = self.backend.open(self.job)
            client = WorkerClient(self.box, self.job.limits)
            client.launch()
            self.client = client
        except BaseException as exc:  # noqa: BLE001 - raised in the main thread by connect()
            self._error = exc
        finally:
            self._opened.set()
        self._closed.wait()

    def wait_opened(self) -> None:
        self._opened.wait()

    def connect(self) -> SolutionProxy:
        """The solution's proxy, once the worker imported it; raises what opening the box raised
        (SandboxError) or the import's failure (ImportFailed)."""
        self.wait_opened()
        if self._error is not None:
            raise self._error
        assert self.client is not None
        self.client.wait_ready()
        return SolutionProxy(self.client, self.kind)

    def close_worker(self) -> CapturedOutput:
        """Stops the worker now and returns what it printed; the box goes on leaving the block."""
        with interrupts.shielded():
            if self.client is not None:
                self.output, self.client = self.client.close(), None
        return self.output

    def close(self) -> None:
        """Stops the worker and removes the box, once the opening has ended; leaving the block
        does it too (a second time, nothing)."""
        with interrupts.shielded():
            if self._closed.is_set():
                return
            self.wait_opened()
            try:
                self.close_worker()
            finally:
                try:
                    if self.box is not None:
                        self.box.close()
                finally:
                    self._closed.set()
                    self._thread.join()

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()
