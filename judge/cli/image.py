"""`judge image`: build the Docker sandbox image (docs/sandboxes.md)."""

from __future__ import annotations

import click
from rich.console import Console
from rich.text import Text

from judge.errors import ExitCode, JudgeError
from judge.sandbox.docker import (  # the docker SDK loads later, on use
    build_image,
    docker_status,
)


def _consoles(ctx: click.Context) -> tuple[Console, Console]:
    """The judge's consoles when run under `judge`, plain ones when run alone."""
    env = ctx.find_root().obj
    if env is not None and hasattr(env, "stdout") and hasattr(env, "stderr"):
        return env.stdout, env.stderr
    return Console(), Console(stderr=True)


@click.group()
def image() -> None:
    """Build and inspect the Docker sandbox image."""


@image.command()
@click.option("--offline", is_flag=True, help="Build from a debootstrapped Debian root file system; no image registry.")
@click.option("--rebuild-base", is_flag=True, help="With --offline: run debootstrap again even if the base exists.")
@click.pass_context
def build(ctx: click.Context, offline: bool, rebuild_base: bool) -> None:
    """Build the sandbox image (official slim Python base, or --offline from Debian)."""
    out, err = _consoles(ctx)
    summary = _or_exit(ctx, err, lambda: build_image(offline, _progress(err), rebuild_base=rebuild_base))
    out.print(summary, highlight=False)


@image.command()
@click.pass_context
def status(ctx: click.Context) -> None:
    """Say whether the engine answers and the image exists (exit 11 when not ready)."""
    out, _ = _consoles(ctx)
    engine, present, detail = docker_status()
    out.print(detail, highlight=False)
    if not (engine and present):
        ctx.exit(ExitCode.SANDBOX_UNAVAILABLE)


def _progress(err: Console):
    def show(line: str) -> None:
        if line.strip():
            err.print(Text(line, style="dim"))  # build logs hold brackets: never markup

    return show


def _or_exit(ctx: click.Context, err: Console, action):
    """Runs `action`; a JudgeError is shown in one line and becomes its exit code.

    The `judge` group does this too, but the group is also used alone in tests.
    """
    try:
        return action()
    except JudgeError as exc:
        err.print(Text.assemble(("error:", "bold red"), " ", str(exc)))
        ctx.exit(exc.exit_code)
