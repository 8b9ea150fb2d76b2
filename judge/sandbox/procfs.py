"""What the judge reads in /proc: process trees' CPU time and run delay, owners."""

from __future__ import annotations

import os
import signal
import threading
from collections.abc import Callable
from pathlib import Path


def _read(path: str) -> str | None:
    """A /proc file, with plain reads: the judge reads a worker's tree before most calls, and a
    Path's read_text, with its file object and decoder, costs more than twice as much."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
    except OSError:
        return None
    chunks = []
    try:
        while chunk := os.read(fd, 1 << 16):
            chunks.append(chunk)
    except OSError:
        return None
    finally:
        os.close(fd)
    return b"".join(chunks).decode("ascii", "replace")


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")  # per second, in /proc/PID/stat's times


def stat_fields(pid: int) -> list[str] | None:
    """The fields of /proc/PID/stat after the command name (field 3 of proc(5) is the first)."""
    text = _read(f"/proc/{pid}/stat")
    if text is None or ")" not in text:
        return None
    return text.rsplit(")", 1)[1].split()


def tree_cpu_seconds(root_pid: int) -> float | None:
    """utime+stime of every live process under root_pid, plus what each one's reaped children used
    (a process that ended meanwhile is in its parent's cutime, or soon will be)."""
    ticks = _tree_sum(root_pid, _cpu_ticks)
    return None if ticks is None else ticks / CLOCK_TICKS


def tree_wait_seconds(root_pid: int) -> float | None:
    """Time the live threads under root_pid spent runnable but not running (waiting for a core
    that another process had): the kernel's run delay, field 2 of /proc/TID/schedstat."""
    waited = _tree_sum(root_pid, threads_wait_ns)
    return None if waited is None else waited / 1e9


def _tree_sum(root_pid: int, figure: Callable[[int], int | None]) -> int | None:
    """`figure` summed over root_pid and every live process below it; None when root_pid is gone."""
    total, pending, first = 0, [root_pid], True
    while pending:
        pid = pending.pop()
        value = figure(pid)
        if value is None:
            if first:
                return None
            continue
        first = False
        total += value
        pending += children(pid)
    return total


def _cpu_ticks(pid: int) -> int | None:
    fields = stat_fields(pid)
    # utime, stime, cutime, cstime: fields 14-17 of proc(5), counted after the ")".
    return None if fields is None else sum(int(v) for v in fields[11:15])


def threads_wait_ns(pid: int) -> int | None:
    """The run delay of every thread of one process, in nanoseconds; None when it is gone."""
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return None
    return sum(run_delay_ns(int(task)) for task in tasks if task.isdigit())


def own_run_delay_s() -> float:
    """The calling thread's run delay so far, in seconds (0 where the kernel does not keep it)."""
    return run_delay_ns(threading.get_native_id()) / 1e9


def run_delay_ns(tid: int) -> int:
    """One thread's time runnable but not running, in nanoseconds (0 when it is gone)."""
    fields = (_read(f"/proc/{tid}/schedstat") or "").split()
    return int(fields[1]) if len(fields) > 1 and fields[1].isdigit() else 0


def children(pid: int) -> list[int]:
    found: list[int] = []
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for task in tasks:  # each thread has its own children
        listed = _read(f"/proc/{pid}/task/{task}/children")
        found += [int(c) for c in listed.split() if c.isdigit()] if listed else []
    return found


def kill_user_processes(uid: int) -> None:
    """SIGKILLs every process whose real uid is `uid` (a box's own uid: nothing else has it)."""
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit() and real_uid(entry) == uid:
            try:
                os.kill(int(entry.name), signal.SIGKILL)
            except OSError:
                pass


def real_uid(proc_entry: Path) -> int | None:
    # The status file, not the directory's owner: a non-dumpable process's directory is root's.
    try:
        for line in (proc_entry / "status").read_text().splitlines():
            if line.startswith("Uid:"):
                return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        pass
    return None
