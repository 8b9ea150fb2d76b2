"""The local sandbox's init: PID 1 of the box's namespaces (docs/sandboxes.md, Local).

Standard library only, one file, run by path (`python -I -S box_init.py`) from
the box's folder: nothing of the judge needs to be importable, so nothing of
the judge needs to stay visible. Its configuration arrives as the first line
of its standard input, not on its command line: /proc/1/cmdline is readable
inside the box and would name the folders it hides.

Before starting the worker it makes every mount read-only, hides the judge's
installation (folders under empty tmpfs, files under /dev/null), mounts back
the interpreter's own folders that the hiding covered, and gives the box a
fresh, size-capped /tmp and /dev/shm holding read-only copies of the worker
and the solution. Then it starts the worker, reaps every process, reports the
worker's own end on a private pipe, and exits when the worker does: the kernel
then kills whatever the solution left in the namespace.
"""

from __future__ import annotations

import ctypes
import json
import os
import resource

SETUP_FAILED = 97
# Paths inside the namespaces: everything the worker can write lives in the fresh /tmp.
SANDBOX_TMP = "/tmp"
SANDBOX_FILES = "/tmp/judge"
SANDBOX_WORK = "/tmp/work"

# mount(2) and mount_setattr(2) flags, from <linux/mount.h>.
MS_RDONLY, MS_NOSUID, MS_NODEV, MS_NOEXEC = 0x1, 0x2, 0x4, 0x8
MS_REMOUNT, MS_BIND, MS_REC = 0x20, 0x1000, 0x4000
AT_FDCWD, AT_RECURSIVE, MOUNT_ATTR_RDONLY = -100, 0x8000, 0x1
SYS_MOUNT_SETATTR = 442  # the same number on every architecture since Linux 5.12


class _MountAttr(ctypes.Structure):
    _fields_ = [("attr_set", ctypes.c_uint64), ("attr_clr", ctypes.c_uint64),
                ("propagation", ctypes.c_uint64), ("userns_fd", ctypes.c_uint64)]


def main() -> None:
    """PID 1 of the sandbox's namespaces, started by unshare; never returns."""
    config = json.loads(_first_line(0))
    status_fd = config.get("status_fd")
    try:
        confined = _confine(config)
    except OSError as exc:
        _say(status_fd, {"setup_error": f"{exc.strerror or exc} ({exc.filename or 'mount'})"})
        os._exit(SETUP_FAILED)
    if config["probe"]:
        _say(status_fd, {"confined": confined})
        os._exit(0)
    worker = _start_worker(config)
    _say(status_fd, _reap_until(worker))
    os._exit(0)  # the kernel now kills everything else in the namespace


def _first_line(fd: int) -> bytes:
    """One line, read a byte at a time: what follows it is the worker's, not ours."""
    data = bytearray()
    while not data.endswith(b"\n"):
        chunk = os.read(fd, 1)
        if not chunk:
            break
        data += chunk
    return bytes(data)


def _say(fd: int | None, message: dict) -> None:
    data = (json.dumps(message) + "\n").encode()
    os.write(fd if fd is not None else 1, data)


def _read_bytes(path: str) -> bytes:
    with open(path, "rb") as file:  # not pathlib, nor shutil: 5 ms of every box's start
        return file.read()


def _confine(config: dict) -> dict[str, bool]:
    libc = ctypes.CDLL(None, use_errno=True)
    read_only = _make_read_only(libc, "/")
    # The interpreter's folders that the hiding or the private /tmp cover, held to mount back.
    kept = [(path, os.open(path, os.O_PATH | os.O_DIRECTORY)) for path in config.get("keep", [])]
    copies = {target: _read_bytes(source) for target, source in config["copy"].items()}
    under_tmp = [(path, fd) for path, fd in kept if path.startswith(SANDBOX_TMP + "/")]
    for path in config["hide"]:  # writable until the kept folders have their mount points
        _mount(libc, "judge-hidden", path, "tmpfs", MS_NOSUID | MS_NODEV | MS_NOEXEC, "size=64k,mode=711")
    _reveal(libc, config.get("reveal", []))
    _bind_back(libc, [k for k in kept if k not in under_tmp])
    for path in filter(os.path.ismount, config["hide"]):  # not those a revealed folder covers
        _mount(libc, path, path, None, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, None)
    _mount(libc, "judge-tmp", SANDBOX_TMP, "tmpfs", MS_NOSUID | MS_NODEV, f"size={config['tmp_bytes']},mode=1777")
    _bind_back(libc, under_tmp)
    _hide_after(libc, config.get("hide_after", []))
    if os.path.isdir("/dev/shm"):
        _mount(libc, "judge-shm", "/dev/shm", "tmpfs", MS_NOSUID | MS_NODEV, f"size={config['shm_bytes']},mode=1777")
    _install(libc, copies)
    os.mkdir(SANDBOX_WORK, 0o700)
    if config.get("uid") is not None:
        os.chown(SANDBOX_WORK, config["uid"], config["uid"])
    return {"read_only_root": read_only}


def _bind_back(libc, kept: list[tuple[str, int]]) -> None:
    """Mounts the interpreter's folders that were covered back, read-only."""
    for path, fd in kept:
        os.makedirs(path, mode=0o711, exist_ok=True)
        # The descriptor still names the covered original: bind it from there.
        _mount(libc, f"/proc/self/fd/{fd}", path, None, MS_BIND | MS_REC, None)
        _mount(libc, path, path, None, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV, None)
        os.close(fd)


def _hide_after(libc, paths: list[str]) -> None:
    """The judge's own files inside the interpreter's folders (its install metadata, its
    entry point): folders under an empty tmpfs, files under /dev/null."""
    for path in paths:
        if os.path.isdir(path):
            _mount(libc, "judge-hidden", path, "tmpfs", MS_RDONLY | MS_NOSUID | MS_NODEV | MS_NOEXEC, "size=4k,mode=711")
        elif os.path.lexists(path):
            _mount(libc, "/dev/null", path, None, MS_BIND, None)


def _reveal(libc, ways: list) -> None:
    """Each closed folder becomes an empty open one, with only the given children mounted back."""
    for folder, children in ways:
        keep = [os.open(os.path.join(folder, child), os.O_PATH | os.O_DIRECTORY) for child in children]
        _mount(libc, "judge-way", folder, "tmpfs", MS_NOSUID | MS_NODEV, "size=16k,mode=755")
        for child, fd in zip(children, keep):
            os.mkdir(os.path.join(folder, child), 0o755)
            # The descriptor still names the shadowed original: bind it back from there.
            _mount(libc, f"/proc/self/fd/{fd}", os.path.join(folder, child), None, MS_BIND | MS_REC, None)
            os.close(fd)
        _mount(libc, folder, folder, None, MS_REMOUNT | MS_RDONLY | MS_NOSUID | MS_NODEV, None)


def _install(libc, copies: dict[str, bytes]) -> None:
    """The worker and the solution under SANDBOX_FILES, then that folder read-only."""
    os.makedirs(SANDBOX_FILES, mode=0o755)
    for target, data in copies.items():
        os.makedirs(os.path.dirname(target), mode=0o755, exist_ok=True)
        with open(target, "wb") as handle:
            handle.write(data)
        os.chmod(target, 0o444)
    _mount(libc, SANDBOX_FILES, SANDBOX_FILES, None, MS_BIND, None)
    _mount(libc, SANDBOX_FILES, SANDBOX_FILES, None, MS_REMOUNT | MS_BIND | MS_RDONLY | MS_NOSUID | MS_NODEV, None)


def _mount(libc, source: str, target: str, fstype: str | None, flags: int, data: str | None) -> None:
    if libc.mount(_c_string(source), _c_string(target), _c_string(fstype), ctypes.c_ulong(flags), _c_string(data)) != 0:
        errno = ctypes.get_errno()
        raise OSError(errno, os.strerror(errno), target)


def _c_string(text: str | None) -> bytes | None:
    return text.encode() if text is not None else None


def apply_rlimits(rlimits: list) -> None:
    for which, value in rlimits:
        resource.setrlimit(which, (value, value))


def _make_read_only(libc, path: str) -> bool:
    """Every mount at and under path read-only (mount_setattr, Linux 5.12+); False where unsupported."""
    attr = _MountAttr(MOUNT_ATTR_RDONLY, 0, 0, 0)
    result = libc.syscall(ctypes.c_long(SYS_MOUNT_SETATTR), ctypes.c_int(AT_FDCWD), path.encode(),
                          ctypes.c_uint(AT_RECURSIVE), ctypes.byref(attr), ctypes.c_size_t(ctypes.sizeof(attr)))
    return result == 0


def _start_worker(config: dict) -> int:
    pid = os.fork()
    if pid == 0:
        try:
            os.close(config["status_fd"])
            os.chdir(SANDBOX_WORK)
            apply_rlimits(config["rlimits"])
            os.execvp(config["worker"][0], config["worker"])  # searches PATH, as a shell would
        except BaseException as exc:  # noqa: BLE001 - nothing may escape a forked child
            os.write(2, f"judge init: could not start the worker: {exc}\n".encode())
        os._exit(127)
    # The init lets go of the channel and the output files: when the worker goes, the
    # judge sees the channel close at once (unless the solution's forks hold it; they die with us).
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1):
        os.dup2(null, fd)
    os.close(null)
    for fd in config["close_fds"]:
        os.close(fd)
    return pid


def _reap_until(worker: int) -> dict:
    """Reaps every process of the namespace until the worker itself ends; its status and peak."""
    while True:
        try:
            pid, status, usage = os.wait4(-1, 0)
        except ChildProcessError:
            return {}
        if pid == worker:
            return {
                "exit": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
                "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
                "maxrss_kb": usage.ru_maxrss,
            }


if __name__ == "__main__":
    main()
