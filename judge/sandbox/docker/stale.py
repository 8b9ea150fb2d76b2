"""Containers of judges that are gone: found by their labels and removed (the backstop to the keeper's lifeline).

A container is stale when its judge no longer holds the lock file the container's
label names (the kernel drops the lock when the judge dies, in whatever PID
namespace it ran). A container whose lock file this judge cannot see (a judge
with another temporary directory sharing the engine) is left to the lifeline,
unless it has outlived any run by far.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from judge import scratch
from judge.sandbox.docker.container import KEEPER_LOCK_LABEL, LABEL
from judge.sandbox.docker.engine import engine_errors

# Far beyond any run's ceiling: a container this old whose keeper cannot be seen is an orphan.
ORPHAN_AFTER_S = 6 * 3600


def sweep_stale(client: Any) -> int:
    """Removes the containers of judges that are gone; returns how many."""
    removed = 0
    for found in _list_containers(client, {"label": LABEL}):
        if _keeper_gone(found):
            _remove_container(client, found["Id"])
            removed += 1
    return removed


def _keeper_gone(found: dict[str, Any]) -> bool:
    lock = (found.get("Labels") or {}).get(KEEPER_LOCK_LABEL)
    if not lock:
        return False  # not labelled as ours are: never guess
    path = Path(lock)
    if not path.parent.exists():
        return time.time() - found.get("Created", time.time()) > ORPHAN_AFTER_S
    with scratch.owner_gone(path) as gone:
        return gone


def remove_containers(client: Any, filters: dict[str, Any]) -> None:
    """Force-removes (kills, then deletes) every container matching `filters`."""
    for found in _list_containers(client, filters):
        _remove_container(client, found["Id"])


def _list_containers(client: Any, filters: dict[str, Any]) -> list[dict]:
    """The engine's own listing: `containers.list` inspects each one, and fails on one that
    auto_remove deletes meanwhile."""
    try:
        return client.api.containers(all=True, filters=filters)
    except engine_errors():
        return []


def _remove_container(client: Any, container_id: str) -> None:
    try:
        client.api.remove_container(container_id, force=True)
    except engine_errors():
        pass  # already gone (auto_remove), being removed, or the engine failed: the next sweep retries
