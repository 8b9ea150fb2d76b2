"""The local backend: the worker as a child process, confined as far as this kernel allows.

Always: its own session and process group, a clean environment, rlimits
(address space, CPU, processes, file size, open files, no core dumps), and
the solution's stdout/stderr going to files the judge opened itself: the
worker gets the descriptors, never a directory where it could plant a
symlink or a FIFO for the judge to read back. Run as root, the worker also
gets a user id of its own (one per box, no name, owning nothing), so its
process count and its signals reach nothing else on the machine.

Where namespaces work (util-linux `unshare`; unprivileged user namespaces
when the judge is not root), the init in box_init.py runs as PID 1 of new PID,
mount and network (and user) namespaces, and before it starts the worker:

- makes every mount read-only, recursively (nothing outside can be written);
- hides the judge's whole checkout or installation, its problems and its data
  (`hiding_plan` below says what and in which order);
- mounts fresh, size-capped tmpfs on /tmp and /dev/shm, holding read-only
  copies of the worker and the solution and an empty working directory;
- starts the worker with no capabilities and no new privileges, reaps every
  process, reports the worker's own exit status on a private pipe, and exits
  when the worker does: the kernel then kills whatever the solution left in
  the namespace (daemons, forks holding the channel open).

The box dies with its judge, even one killed by SIGKILL: `unshare` runs
under a parent-death signal (docs/sandboxes.md). The init is not the worker on purpose: a PID 1 ignores the signals it sends
itself (SIGSTOP, a fault's SIGSEGV under some kernels) and cannot be told
apart from the namespace's end. What is in force is probed once, by running
the init in probe mode, and stated in every Isolation; nothing missing is
skipped silently.

Modules: box (the backend and the Box), process (one worker), confinement
(what this machine allows), hiding (what the init hides), box_init (the
init itself: standard library only, copied into the box and run by path).
"""

from judge.sandbox.local.box import LocalBackend, LocalBox
from judge.sandbox.local.confinement import Confinement, probe_confinement
from judge.sandbox.local.hiding import hiding_plan, judge_installation

__all__ = ["Confinement", "LocalBackend", "LocalBox", "hiding_plan", "judge_installation", "probe_confinement"]
