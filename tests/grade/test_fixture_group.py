"""`judge grade` on the shipped fixture group (tests/fixtures/group, the speed benchmark's),
for real on Docker: every cell gets the verdict its file's first line promises, the hostile
cell scores only itself, and the not-graded file is listed. CI runs it (`make test` includes
the docker tests). Also `--similarity`: the two planted copies are flagged.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from judge.sandbox.docker import docker_status

GROUP = Path(__file__).parents[1] / "fixtures" / "group"
MEMBERS = ("ana", "dara", "eli", "fay", "gus", "hana")


def _promised(solution: str) -> str:
    """The `# expect: <verdict>` of the file's first line."""
    first = Path(solution).read_text().splitlines()[0]
    assert first.startswith("# expect: "), solution
    return first.removeprefix("# expect: ").strip()


@pytest.fixture
def docker_ready() -> None:
    engine, image, detail = docker_status()
    if engine and image:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true but Docker is not ready: {detail} (see .ci/docker-setup.sh)", pytrace=False)
    pytest.skip(f"Docker is not ready here: {detail}")


@pytest.mark.docker
def test_the_fixture_group_on_docker(run_cli, docker_ready, tmp_path: Path) -> None:
    book_path = tmp_path / "book.json"
    # Six of the eight members: every verdict of the group, the hostile cell and the planted copies;
    # the whole group on Docker is the speed benchmark's job, not every CI run's.
    members = [arg for name in MEMBERS for arg in ("--member", name)]
    result = run_cli("grade", str(GROUP), "--sandbox", "docker", "--no-complexity", "--no-cache", *members,
                     "--jobs", str(os.cpu_count() or 1), "--json", str(book_path), "--junit", str(tmp_path / "j.xml"),
                     "--similarity", str(tmp_path / "similarity.html"))

    assert result.exit_code == 0, result.stderr[-3000:]
    book = json.loads(book_path.read_text())
    assert book["settings"]["sandbox"] == "docker" and book["complete"]
    assert len(book["members"]) == len(MEMBERS) and len(book["problems"]) == 6 and len(book["cells"]) == 6 * len(MEMBERS)
    verdicts = {(c["member"], c["problem"]): c["verdict"] for c in book["cells"]}
    promised = {(c["member"], c["problem"]): _promised(c["solution"]) for c in book["cells"]}
    assert verdicts == promised
    assert verdicts[("hana", "is_subsequence")] == "output_limit_exceeded"  # the hostile one, alone
    assert verdicts[("hana", "roc_auc")] == "accepted"
    assert [Path(n["path"]).name for n in book["not_graded"]] == ["notes.py"]
    flagged = [line for line in result.stderr.splitlines() if line.strip().startswith("top_n_words: ")]
    assert any("/ana/top_n_words.py" in line and "/fay/top_n_words.py" in line for line in flagged), result.stderr
    assert (tmp_path / "similarity.html").read_text().count("fay/weekly_buckets.py") >= 1
