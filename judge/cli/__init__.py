"""The `judge` command line."""

from judge.cli.main import cli, main

__all__ = ["cli", "main"]
