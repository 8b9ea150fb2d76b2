"""The hidden tests' only handle on the solution: every call crosses the sandbox.

The proxy records the calls of the current Hypothesis example, so a failure
can show the exact sequence of calls that produced it, and it adds up the
worker's (untrusted, report-only) time and memory figures per case.
"""

from __future__ import annotations

import functools
from typing import Any

from judge.harness.judgement import STICKY
from judge.harness.render import render_call
from judge.sandbox import wire
from judge.sandbox.allowance import RunAllowance
from judge.sandbox.client import Breach, SolutionFailed, SolutionRaised, WorkerClient

CALLS_SHOWN_AT_EACH_END = 4


class SolutionProxy:
    def __init__(self, client: WorkerClient, kind: str) -> None:
        self._client = client
        self._kind = kind
        self._instances: dict[int, InstanceProxy] = {}
        self._generation = client.restarts
        self.new_case()

    @property
    def allowance(self) -> RunAllowance:
        return self._client.allowance

    def new_case(self) -> None:
        self.calls: list[str] = []
        self.cpu_s = 0.0
        self.peak_kb: int | None = None
        self.sticky_failure: SolutionFailed | None = None
        self.failing_calls: list[str] | None = None
        self.cpu_budget: CpuBudget | None = None
        # Optional worker fields added to every request of the case (judge.testing.warnings_as_errors).
        self.request_fields: dict = {}
        self.new_example()

    def new_example(self) -> None:
        self.calls = []
        self._instance_names = 0

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        if self._kind == "class":
            return functools.partial(self._new, name)
        return functools.partial(self._call, name)

    def _call(self, name: str, *args: Any, **kwargs: Any) -> Any:
        message = {"op": "call", "name": name, **encoded(args, kwargs)}
        return self.send(render_call(name, args, kwargs), message)

    def _new(self, name: str, *args: Any, **kwargs: Any) -> InstanceProxy:
        self._instance_names += 1
        variable = "model" if self._instance_names == 1 else f"model{self._instance_names}"
        message = {"op": "new", "name": name, **encoded(args, kwargs)}
        handle = self.send(f"{variable} = {render_call(name, args, kwargs)}", message, raw_handles=True)
        if not isinstance(handle, wire.Handle):
            raise SolutionFailed(Breach.CRASH, f"creating {name} did not return an instance")
        instance = InstanceProxy(self, handle, variable)
        self._instances[handle.id] = instance
        return instance

    def send(self, rendered: str, message: dict, raw_handles: bool = False) -> Any:
        """One remote call, recorded; returns the decoded value."""
        self._follow_restarts()
        if self.sticky_failure is not None:
            raise SolutionFailed(self.sticky_failure.breach, self.sticky_failure.message)
        self.calls.append(rendered)
        self._client.exact_cpu = self.cpu_budget is not None  # a budget sums every call's own figure
        try:
            try:
                reply = self._client.call({**message, **self.request_fields} if self.request_fields else message)
            finally:
                self._follow_restarts()  # the client restarts a discarded worker inside the call
        except SolutionFailed as failure:
            # Stopped or dead, the worker gave no figures for this call: the kernel's CPU time for it.
            self.cpu_s += self._client.last_call_cpu_s
            if failure.breach in STICKY:
                self.sticky_failure, self.failing_calls = failure, list(self.calls)
            raise
        except SolutionRaised:
            self._add_worker_figures()
            raise
        self._add_worker_figures()
        if self.cpu_budget is not None and self.cpu_budget.spend(self._client.last_call_cpu_s):
            self.sticky_failure, self.failing_calls = self.cpu_budget.failure(), list(self.calls)
            raise self.sticky_failure
        return self._decode(reply.value, raw_handles)

    def instance_of(self, handle: wire.Handle) -> Any:
        """The proxy of the instance a handle names (the handle itself for one made elsewhere)."""
        return self._instances.get(handle.id, handle)

    def _follow_restarts(self) -> None:
        """A new worker numbers its instances afresh: the handles of the old one mean nothing
        there. Called before a call and after it, wherever the restart happened."""
        if self._client.restarts != self._generation:
            self._instances.clear()
            self._generation = self._client.restarts

    def _add_worker_figures(self) -> None:
        """The worker's own (report-only) time and peak memory for the call that just answered."""
        self.cpu_s += self._client.last_cpu_s
        self.peak_kb = max(self.peak_kb or 0, self._client.last_maxrss_kb)

    def _decode(self, value: Any, raw_handles: bool) -> Any:
        try:
            decoded = wire.decode(value)
        except wire.WireError as exc:
            raise SolutionFailed(Breach.CRASH, f"the worker sent a malformed value ({exc})") from exc
        if isinstance(decoded, wire.Handle) and not raw_handles:
            return self.instance_of(decoded)
        return decoded

    def counterexample(self, failed_in_call: str = "") -> str:
        """The calls of the failing example; a statistical test's thousands are elided in the middle.
        `failed_in_call`: what the last call did ("raised", "failed"), marked on it when there
        are several calls, so the reader sees which one it was."""
        calls = list(self.failing_calls if self.failing_calls is not None else self.calls)
        if failed_in_call and len(calls) > 1:
            calls[-1] = f"{calls[-1]}  # <- {failed_in_call} here"
        if len(calls) > 2 * CALLS_SHOWN_AT_EACH_END:
            hidden = len(calls) - 2 * CALLS_SHOWN_AT_EACH_END
            calls = [*calls[:CALLS_SHOWN_AT_EACH_END], f"# … {hidden:,} more calls …", *calls[-CALLS_SHOWN_AT_EACH_END:]]
        return "\n".join(calls)


class CpuBudget:
    """CPU seconds that a group of calls may use together, as the kernel accounts them.

    The time limit is per call; a budget extends it to a whole sequence, e.g.
    hundreds of predictions after one fit, where each call alone is cheap.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.used = 0.0

    def spend(self, seconds: float) -> bool:
        """Adds one call's CPU time; True once the budget is exceeded."""
        self.used += seconds
        return self.used > self.seconds

    def failure(self) -> SolutionFailed:
        return SolutionFailed(
            Breach.TIME,
            f"these calls together used {self.used:.2f} s of CPU, over this test's budget of {self.seconds:g} s",
        )


class InstanceProxy:
    """An instance living in the sandbox; attribute calls are remote method calls."""

    def __init__(self, owner: SolutionProxy, handle: wire.Handle, variable: str) -> None:
        self._owner = owner
        self._handle = handle
        self._variable = variable

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return functools.partial(self._method, name)

    def _method(self, name: str, *args: Any, **kwargs: Any) -> Any:
        message = {"op": "method", "handle": self._handle.id, "name": name, **encoded(args, kwargs)}
        return self._owner.send(render_call(f"{self._variable}.{name}", args, kwargs), message)

    def __repr__(self) -> str:
        return self._variable


def encoded(args: tuple, kwargs: dict) -> dict:
    return {"args": [wire.encode(a) for a in args], "kwargs": {k: wire.encode(v) for k, v in kwargs.items()}}
