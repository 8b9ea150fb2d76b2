"""`judge ci init github|gitlab`: write the CI files that grade a study group."""

from __future__ import annotations

from pathlib import Path

import click

from judge.ci import MAX_SHARDS, Settings, default_install, github_files, gitlab_files, write
from judge.cli.environment import Environment


@click.group()
def ci() -> None:
    """CI templates that run `judge grade` (docs/grading.md)."""


@ci.command("init")
@click.argument("platform", type=click.Choice(["github", "gitlab"]))
@click.option("--dir", "top", type=click.Path(file_okay=False, path_type=Path), default=".", show_default=True,
              help="The group repository's top folder.")
@click.option("--group", default=".", show_default=True,
              help="The folder graded, relative to the repository (<member>/<problem>.py).")
@click.option("--install", default=None,
              help="The pip requirement CI installs the judge with [default: this judge's wheel in .judge/].")
@click.option("--fork-safe", is_flag=True,
              help="GitHub: two workflows, grading on pull_request and publishing on workflow_run.")
@click.option("--shards", type=click.IntRange(1, MAX_SHARDS), default=1, show_default=True,
              help="GitHub: grade on this many runners (a matrix) and merge their gradebooks.")
@click.option("--force", is_flag=True, help="Overwrite files that exist.")
@click.pass_context
def init(ctx: click.Context, platform: str, top: Path, group: str, install: str | None, fork_safe: bool,
         shards: int, force: bool) -> None:
    """Write .github/workflows/judge.yml (github) or .gitlab-ci.yml (gitlab) under --dir."""
    env: Environment = ctx.find_root().obj
    settings = Settings(install or default_install(), group, shards)
    if platform == "github":
        files = github_files(settings, fork_safe)
    else:
        if fork_safe:
            raise click.UsageError("--fork-safe is for GitHub; GitLab runs forks' pipelines in their own project.")
        files = gitlab_files(settings)
    for path in write(files, top, force):
        env.stdout.print(f"Wrote {path}", markup=False, highlight=False)
    if install is None:
        env.stdout.print(f"Next: commit the judge's wheel as {default_install().split('[')[0]} "
                         "(`make dist` in the judge's checkout builds it), or rerun with "
                         "--install 'judge[docker,grade] @ git+URL@TAG'.", markup=False, highlight=False)
