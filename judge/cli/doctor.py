"""`judge doctor`: what this machine offers, and what each sandbox would enforce."""

from __future__ import annotations

import platform
import sys

import click
from rich.table import Table
from rich.text import Text

from judge.cli.environment import Environment
from judge.sandbox import probe_all


@click.command()
@click.pass_context
def doctor(ctx: click.Context) -> None:
    """Report which sandbox backends work here and which isolation each enforces."""
    env: Environment = ctx.find_root().obj
    env.stdout.print(f"Python {platform.python_version()} at {sys.executable}; {platform.platform()}")
    table = Table("sandbox", "available", "enforced", "not enforced", "notes", show_lines=True)
    for probe in probe_all():
        enforced = probe.isolation.enforced if probe.isolation else {}
        on = [name.replace("_", " ") for name, value in enforced.items() if value]
        off = [name.replace("_", " ") for name, value in enforced.items() if not value]
        notes = list(probe.isolation.notes) if probe.isolation else []
        table.add_row(
            probe.name,
            Text("yes", "green") if probe.available else Text("no", "red"),
            "\n".join(on),
            "\n".join(off),
            "\n".join([probe.reason, *notes]),
        )
    env.stdout.print(table)
    problems = env.problems.slugs()
    folders = ", ".join(str(root) for root in env.problems.roots)
    env.stdout.print(f"{len(problems)} problems in {folders}: {', '.join(problems)}")
