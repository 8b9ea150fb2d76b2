"""How every backend starts a worker: its environment and its own options."""

from __future__ import annotations

from judge.sandbox.base import Job

# Nothing of the judge's environment reaches the solution; backends add HOME (and TMPDIR).
CLEAN_ENV = {
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "LANG": "C.UTF-8",
    "PYTHONHASHSEED": "0",
    "PYTHONDONTWRITEBYTECODE": "1",
    # One BLAS thread: the limits are per process, and threads blur the CPU accounting
    # (and count against the pids limit).
    "OPENBLAS_NUM_THREADS": "1",
    "OMP_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
}


def worker_command(interpreter: str, worker: str, job: Job, solution: str) -> list[str]:
    """The worker's command line but its output files; `worker` and `solution` are paths as the
    worker sees them.

    -I: no user site, no PYTHON* variables, no script folder on the path. -S as well when the
    problem allows no third-party module: nothing outside the standard library may be imported
    then (the worker's import guard), so site-packages are not needed, and the site module and
    the .pth files it runs (an editable install's import hook among them) cost a local worker
    20 ms of CPU at each start.
    """
    flags = ["-I"] if job.allowed_modules else ["-I", "-S"]
    return [interpreter, *flags, worker, *_worker_options(job, solution)]


def _worker_options(job: Job, solution: str) -> list[str]:
    return [
        "--solution", solution,
        "--output-limit", str(job.limits.output_bytes),
        *[arg for module in job.allowed_modules for arg in ("--allow", module)],
        *(["--nice", str(job.nice)] if job.nice else []),
    ]
