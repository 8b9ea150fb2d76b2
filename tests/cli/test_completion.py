"""Shell completion (docs/cli.md): commands from click, slugs from the problem set."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from click.testing import CliRunner

from judge.cli import cli
from tests.conftest import PROBLEMS_ROOT


def _complete(words: str, env_obj=None) -> list[str]:
    """What bash would be offered for the last word of `words` (click's bash_complete protocol)."""
    environment = {"_JUDGE_COMPLETE": "bash_complete", "COMP_WORDS": words,
                   "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1))}
    result = CliRunner().invoke(cli, [], prog_name="judge", env=environment, obj=env_obj)
    return [line.split(",", 1)[1] for line in result.output.splitlines() if line]


@pytest.mark.parametrize("command", ["run", "show", "init"])
def test_a_slug_argument_completes_to_the_problems(command, problems):
    assert _complete(f"judge {command} is_") == ["is_subsequence"]
    assert _complete(f"judge {command} ") == problems.slugs()


def test_nothing_matches_nothing_is_offered():
    assert _complete("judge run no_such_problem") == []


def test_commands_complete_too():
    assert "run" in _complete("judge r")


def test_the_installed_command_completes_slugs_in_bash():
    """As a user's shell runs it: the entry point with _JUDGE_COMPLETE set, problems from $JUDGE_PROBLEMS."""
    env = {**os.environ, "_JUDGE_COMPLETE": "bash_complete", "COMP_WORDS": "judge run top_", "COMP_CWORD": "2",
           "JUDGE_PROBLEMS": str(PROBLEMS_ROOT)}
    done = subprocess.run([sys.executable, "-c", "from judge.__main__ import main; main()"], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["plain,top_n_words"]
