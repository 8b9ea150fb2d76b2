"""Building the sandbox image from sandbox_image/: from the official Python image, or offline from a debootstrapped Debian."""

from __future__ import annotations

import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from judge.errors import SandboxError
from judge.sandbox.docker.engine import IMAGE, _docker_sdk, connect, engine_errors, image_recipe

ROOTFS_IMAGE = "judge-sandbox-rootfs:latest"


DEFAULT_BASE = "python:3.11-slim"


def build_image(offline: bool, progress: Callable[[str], None], *, rebuild_base: bool = False) -> str:
    """Builds IMAGE from sandbox_image/Dockerfile; returns a one-line summary.

    Online: from DEFAULT_BASE (pulled if missing). Offline, or when the pull
    fails: from a debootstrapped Debian root file system imported as ROOTFS_IMAGE.
    """
    client = connect()
    if not (image_recipe() / "Dockerfile").is_file():
        raise SandboxError(f"{image_recipe()}/Dockerfile is missing: this installation of the judge is incomplete")
    base = None if offline else _official_base(client, progress)
    if base is None:
        base = _rootfs_base(client, progress, rebuild_base)
    image_id = _docker_build(client, base, progress, network=not offline and base == DEFAULT_BASE)
    return f"built {IMAGE} ({image_id[7:19]}) from {base}"


def _official_base(client: Any, progress: Callable[[str], None]) -> str | None:
    """DEFAULT_BASE when present or pullable; None when no registry answers."""
    docker = _docker_sdk()
    try:
        client.images.get(DEFAULT_BASE)
        return DEFAULT_BASE
    except docker.errors.ImageNotFound:
        pass
    except engine_errors() as exc:
        raise SandboxError(f"the Docker engine failed: {exc}") from exc
    progress(f"pulling {DEFAULT_BASE}")
    try:
        client.images.pull(DEFAULT_BASE)
    except engine_errors() as exc:
        progress(f"no registry answered ({str(exc).splitlines()[0][:160]}); building offline instead")
        return None
    return DEFAULT_BASE


def _rootfs_base(client: Any, progress: Callable[[str], None], rebuild: bool) -> str:
    """ROOTFS_IMAGE, debootstrapped and imported unless it already exists."""
    docker = _docker_sdk()
    if not rebuild:
        try:
            client.images.get(ROOTFS_IMAGE)
            progress(f"reusing {ROOTFS_IMAGE} (--rebuild-base makes it afresh)")
            return ROOTFS_IMAGE
        except docker.errors.ImageNotFound:
            pass
    with tempfile.TemporaryDirectory(prefix="judge-rootfs-") as work:
        tarball = Path(work) / "rootfs.tar"
        progress("debootstrap: a minimal Debian with python3 and python3-numpy (about a minute)")
        _run_rootfs_script(tarball)
        progress(f"importing the root file system as {ROOTFS_IMAGE}")
        repository, _, tag = ROOTFS_IMAGE.partition(":")
        try:
            client.api.import_image_from_file(str(tarball), repository=repository, tag=tag)
        except engine_errors() as exc:
            raise SandboxError(f"docker import failed: {exc}") from exc
    return ROOTFS_IMAGE


def _run_rootfs_script(tarball: Path) -> None:
    script = image_recipe() / "build-rootfs.sh"
    try:
        result = subprocess.run(["bash", str(script), str(tarball)], capture_output=True, text=True, check=False)
    except OSError as exc:
        raise SandboxError(f"{script} could not run: {exc}") from exc
    if result.returncode != 0:
        raise SandboxError(f"{script} failed:\n{result.stderr.strip()[-2000:]}")


def _docker_build(client: Any, base: str, progress: Callable[[str], None], *, network: bool) -> str:
    """`docker build` of sandbox_image/ with BASE=base; returns the image id."""
    log: list[str] = []
    try:
        stream = client.api.build(
            path=str(image_recipe()), tag=IMAGE, buildargs={"BASE": base}, labels={"judge.base": base},
            rm=True, forcerm=True, decode=True, network_mode=None if network else "none",
        )
        for chunk in stream:
            if "error" in chunk:
                raise SandboxError(f"docker build failed: {chunk['error'].strip()}\n" + "".join(log[-20:]))
            if chunk.get("stream"):
                log.append(chunk["stream"])
                progress(chunk["stream"].rstrip())
    except engine_errors() as exc:
        raise SandboxError(f"docker build failed: {exc}") from exc
    return client.images.get(IMAGE).id
