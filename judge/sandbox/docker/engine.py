"""The Docker engine: the SDK (imported only here, when the docker backend is used), a client that answers, its status."""

from __future__ import annotations

import importlib.resources
import os
from pathlib import Path
from typing import Any

from judge import __version__
from judge.errors import SandboxError

# Tagged with the judge's version: an upgraded judge never runs a stale worker image.
IMAGE = f"judge-sandbox:{__version__}"


ENGINE_TIMEOUT_S = 30


# Every engine call of a judging run: a stalled engine fails the run, never hangs it.
RUN_ENGINE_TIMEOUT_S = 10


def image_recipe() -> Path:
    """The Dockerfile and the root-file-system script, shipped inside the judge package."""
    return Path(str(importlib.resources.files("judge.image_recipe")))


def _docker_sdk() -> Any:
    """The docker SDK, imported only when the docker backend is used."""
    try:
        import docker  # optional: imported only when this backend is used
    except ImportError as exc:
        raise SandboxError("the docker SDK is not installed: pip install 'judge[docker]'") from exc
    return docker


def engine_errors() -> tuple[type[BaseException], ...]:
    """Exceptions that mean "the engine refused or did not answer"."""
    docker = _docker_sdk()
    import requests  # installed with the docker SDK

    return (docker.errors.DockerException, requests.RequestException, OSError)


def connect(timeout_s: float = ENGINE_TIMEOUT_S) -> Any:
    """A client of the engine named by DOCKER_HOST (or the default socket) that answers.

    `timeout_s` bounds every call the client makes (each read, for a stream).
    """
    docker = _docker_sdk()
    address = _engine_address()
    try:
        client = docker.from_env(timeout=timeout_s, version=_API_VERSIONS.get(address))
        client.ping()
    except engine_errors() as exc:
        raise SandboxError(f"the Docker engine does not answer: {exc}") from exc
    _API_VERSIONS[address] = client.api.api_version
    return client


# The API version the first client of a process agreed on with its engine, for the next clients:
# agreeing costs a GET /version, 7 ms of the engine's time (it asks containerd and runc for theirs),
# and a run makes a client to probe, one per box and one per forked process.
_API_VERSIONS: dict[str, str] = {}


def _engine_address() -> str:
    return os.environ.get("DOCKER_HOST", "")


def docker_status(image: str = IMAGE) -> tuple[bool, bool, str]:
    """(engine answers, image present, one line of detail), for `judge doctor`."""
    try:
        client = connect()
    except SandboxError as exc:
        return False, False, str(exc)
    docker = _docker_sdk()
    try:
        version = (_engine_info(client) or {}).get("ServerVersion", "?")
        found = client.images.get(image)
    except docker.errors.ImageNotFound:
        return True, False, f"image {image} not found: run `judge image build --offline`"
    except engine_errors() as exc:
        return True, False, f"the Docker engine failed to answer about {image}: {exc}"
    base = (found.labels or {}).get("judge.base", "unknown base")
    return True, True, f"Docker engine {version}; image {image} ({found.short_id}, from {base})"


_ENGINE_INFO: dict[str, dict[str, Any]] = {}


def _engine_info(client: Any) -> dict[str, Any] | None:
    """The engine's GET /info (its version, its security options), asked once per engine and process."""
    key = _engine_address()
    if key not in _ENGINE_INFO:
        try:
            _ENGINE_INFO[key] = client.info()
        except engine_errors():
            return None
    return _ENGINE_INFO[key]


def _security_options(client: Any) -> list[str] | None:
    """The engine's security options (seccomp, userns...)."""
    info = _engine_info(client)
    return None if info is None else list(info.get("SecurityOptions") or [])
