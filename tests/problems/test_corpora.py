"""Every problem passes `judge problem check`: its reference is accepted, its starter is
rejected politely, and every corpus file gets the verdict (and the complexity classes)
its header states.

A correct solution must never be rejected and each wrong one must be caught by the
rule it breaks. The corpus is judged once, here, in the local sandbox (slow); in
Docker every problem gets the quick check (its files, reference and starter), so CI
pays for one corpus pass, not two. The checks themselves are tested on broken
folders in test_check.py.
"""

from __future__ import annotations

import pytest

from judge.authoring.check import corpus_entries
from judge.problems import ProblemSet
from tests.conftest import PROBLEMS_ROOT
from tests.sandbox.test_docker import docker_ready, needs_docker  # noqa: F401 (docker_ready is a fixture)

SLUGS = ProblemSet(PROBLEMS_ROOT).slugs()


@pytest.mark.slow
@pytest.mark.parametrize("slug", SLUGS)
def test_problem_check_passes(run_cli, slug: str):
    result = run_cli("problem", "check", slug, "--sandbox", "local")
    failed = [line for line in result.stdout.splitlines() if "✗" in line]
    assert result.exit_code == 0, "\n".join(failed) or result.stdout + result.stderr
    assert f"{slug}: passed" in result.stdout


@pytest.mark.slow
@needs_docker
@pytest.mark.parametrize("slug", SLUGS)
def test_problem_check_quick_passes_in_docker(run_cli, slug: str):
    result = run_cli("problem", "check", slug, "--sandbox", "docker", "--quick")
    failed = [line for line in result.stdout.splitlines() if "✗" in line]
    assert result.exit_code == 0, "\n".join(failed) or result.stdout + result.stderr
    assert f"{slug}: passed" in result.stdout


@pytest.mark.parametrize("slug", SLUGS)
def test_every_corpus_header_can_be_read(slug: str):
    unreadable = [f"{e.path.name}: {e.header_problem}" for e in corpus_entries(PROBLEMS_ROOT / slug) if e.expected is None]
    unreadable += [f"{e.path.name}: line {c.line}: {c.problem}" for e in corpus_entries(PROBLEMS_ROOT / slug)
                   for c in e.claims.values() if c.complexity is None]
    assert not unreadable
