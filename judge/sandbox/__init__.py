"""Sandbox backends, registered from a literal list and looked up by name.

Backends are imported lazily: the docker SDK is only needed for `docker`.
"""

from __future__ import annotations

import importlib

from judge.errors import SandboxError, UsageError
from judge.sandbox.base import Backend, Probe

BACKENDS = {
    "local": "judge.sandbox.local:LocalBackend",
    "docker": "judge.sandbox.docker:DockerBackend",
}
CHOICES = ("auto", *BACKENDS)


def get_backend(name: str) -> Backend:
    if name not in BACKENDS:
        raise UsageError(f"unknown sandbox '{name}'. Valid sandboxes: {', '.join(CHOICES)}.")
    module_name, _, class_name = BACKENDS[name].partition(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise SandboxError(f"the {name} sandbox cannot be loaded: {exc}") from exc
    return getattr(module, class_name)()


def probe_all() -> list[Probe]:
    probes = []
    for name in BACKENDS:
        try:
            probes.append(get_backend(name).probe())
        except SandboxError as exc:
            probes.append(Probe(name, False, str(exc)))
    return probes


def choose_backend(name: str) -> tuple[Backend, str]:
    """The backend to use and why: `auto` takes docker when it is ready, else local."""
    if name != "auto":
        backend = get_backend(name)
        probe = backend.probe()
        if not probe.available:
            raise SandboxError(f"the {name} sandbox is not available: {probe.reason}")
        return backend, f"{name} (asked for)"
    try:
        docker = get_backend("docker")
        probe = docker.probe()
    except SandboxError as exc:
        return get_backend("local"), f"local (auto: docker not ready: {exc})"
    if probe.available:
        return docker, "docker (auto: the engine answers and the image exists)"
    return get_backend("local"), f"local (auto: docker not ready: {probe.reason})"
