"""What the box's init hides from the solution: the judge's checkout or installation, its problems and
data, and how the interpreter stays reachable."""

from __future__ import annotations

import functools
import importlib.metadata
import os
import stat
import sys
from pathlib import Path

from judge.sandbox.local.box_init import SANDBOX_TMP

JUDGE_PACKAGE = Path(__file__).resolve().parents[2]


def closed_ways_to_python() -> list[tuple[str, list[str]]]:
    """Folders on the way to our interpreter and its packages that a stranger may not enter
    (/root, for a pyenv Python), outermost first, each with the children on that way.

    The init opens exactly those children for the box's uid (and nothing else of those
    folders): otherwise the worker would start a Python that cannot find its own library.
    """
    targets = {Path(p).resolve() for p in (sys.prefix, sys.base_prefix)} | {Path(sys.executable).resolve().parent}
    ways: dict[Path, set[str]] = {}
    for target in targets:
        for folder in reversed(target.parents):  # from / down
            if not os.stat(folder).st_mode & stat.S_IXOTH:
                ways.setdefault(folder, set()).add(target.relative_to(folder).parts[0])
    return [(str(folder), sorted(children)) for folder, children in sorted(ways.items(), key=lambda w: len(w[0].parts))]


def interpreter_paths_under(folders: list[str]) -> list[str]:
    """Our interpreter's folders (a venv, its base Python) that lie under any of `folders`,
    outermost only: the sandbox covers those folders (the private /tmp, the judge's
    checkout), and the worker still needs a Python to start."""
    candidates = {Path(p).resolve() for p in (sys.prefix, sys.base_prefix)} | {Path(sys.executable).resolve().parent}
    inside = sorted(p for p in candidates if any(Path(folder) in p.parents for folder in folders))
    outermost = [p for p in inside if not any(other in p.parents for other in inside)]
    return [str(p) for p in outermost]


@functools.lru_cache(maxsize=1)
def judge_installation() -> tuple[Path, ...]:
    """Everything of the judge's own on this machine: its checkout (examples, benchmarks,
    templates, docs, tests and all) or its package folder, and every installed copy's
    files (metadata, entry points, the .pth hook of an editable install)."""
    root = JUDGE_PACKAGE.parent
    paths = {root if (root / "pyproject.toml").is_file() else JUDGE_PACKAGE}
    for dist in importlib.metadata.distributions():
        if (dist.metadata["Name"] or "").lower() != "judge":
            continue
        for file in dist.files or []:
            path = Path(str(dist.locate_file(file))).resolve()  # a pathlib.Path, typed only as a SimplePath
            metadata = path.parent.name.endswith((".dist-info", ".egg-info"))
            paths.add(path.parent if metadata else path)
    return tuple(sorted(paths))


def hiding_plan(paths: list[Path]) -> tuple[list[str], list[str], list[str]]:
    """What the init hides, and in which order.

    Returns the folders to cover first (none inside another), the interpreter's
    folders those or the private /tmp cover that must be mounted back (a venv in
    the checkout), and what lies inside those to cover again afterwards (the
    judge's metadata in the venv's site-packages; files as well as folders).
    """
    existing = sorted({p.resolve() for p in paths if p.exists()})
    folders = [p for p in existing if p.is_dir()]
    keep = [Path(k) for k in interpreter_paths_under([*map(str, folders), SANDBOX_TMP])]
    inside_kept = [p for p in existing if any(k in p.parents for k in keep)]
    first = [p for p in folders if p not in inside_kept and not any(f in p.parents for f in folders)]
    after = [p for p in inside_kept if not any(a in p.parents for a in inside_kept)]
    return [str(p) for p in first], [str(k) for k in keep], [str(p) for p in after]
