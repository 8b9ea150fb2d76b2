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


def worker_options(job: Job, solution: str) -> list[str]:
    """The worker's options but its output files: `solution` is the file's path as the worker sees it."""
    return [
        "--solution", solution,
        "--output-limit", str(job.limits.output_bytes),
        *[arg for module in job.allowed_modules for arg in ("--allow", module)],
        *(["--nice", str(job.nice)] if job.nice else []),
    ]
