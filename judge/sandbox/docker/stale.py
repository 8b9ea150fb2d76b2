"""Containers of judges that are gone: found by their labels and removed (the backstop to the keeper's lifeline)."""

from __future__ import annotations

import os
import socket
from typing import Any

from judge.sandbox.docker.container import LABEL
from judge.sandbox.docker.engine import engine_errors
from judge.sandbox.procfs import process_start


def _alive(pid: int, start: str) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # exists, owned by someone else
    return not start or process_start(pid) in ("", start)


def sweep_stale(client: Any) -> int:
    """Removes the containers of judges on this host that are gone; returns how many."""
    stale = [
        found["Id"] for found in _list_containers(client, {"label": [LABEL, f"judge.host={socket.gethostname()}"]})
        if not _owner_alive(found.get("Labels") or {})
    ]
    for container_id in stale:
        _remove_container(client, container_id)
    return len(stale)


def _owner_alive(labels: dict[str, str]) -> bool:
    try:
        pid = int(labels.get("judge.pid", ""))
    except ValueError:
        return False
    return _alive(pid, labels.get("judge.pid_start", ""))


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
