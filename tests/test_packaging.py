"""The judge as users install it: one wheel, in a fresh virtual environment, used from elsewhere.

The wheel must hold everything a user needs (the problems without their
corpora, the starters, the examples, the image recipe); an installed judge
must find them without a checkout anywhere near.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

from judge import __version__
from tests.conftest import REPO

INSTALL_TIMEOUT_S = 600


def test_pyproject_lists_every_package_of_the_judge() -> None:
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    real = {".".join(p.parent.relative_to(REPO).parts) for p in (REPO / "judge").rglob("__init__.py")}
    assert real <= listed, f"packages missing from pyproject.toml: {sorted(real - listed)}"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    outdir = tmp_path_factory.mktemp("dist")
    subprocess.run([sys.executable, "-m", "build", "--wheel", "--outdir", str(outdir), str(REPO)],
                   check=True, capture_output=True, timeout=INSTALL_TIMEOUT_S)
    (built,) = outdir.glob("judge-*.whl")
    return built


@pytest.fixture(scope="module")
def installed(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin folder of a fresh venv (outside the checkout) holding the wheel and its dependencies."""
    venv = tmp_path_factory.mktemp("fresh") / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, timeout=120)
    pip = [str(venv / "bin" / "python"), "-m", "pip", "install", "--quiet", f"{wheel}[docker]"]
    subprocess.run(pip, check=True, capture_output=True, timeout=INSTALL_TIMEOUT_S)
    return venv / "bin"


def _judge(bin_dir: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {"PATH": f"{bin_dir}:/usr/local/bin:/usr/bin:/bin", "HOME": str(bin_dir.parent / "home"), "LANG": "C.UTF-8"}
    return subprocess.run([str(bin_dir / "judge"), *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=300)


def _shipped_examples(bin_dir: Path) -> Path:
    """The examples folder of the installed judge (in the fresh venv, not the checkout)."""
    code = "from judge.problems import shipped; print(shipped('judge.examples'))"
    found = Path(subprocess.run([str(bin_dir / "python"), "-c", code], capture_output=True, text=True,
                                check=True, cwd="/").stdout.strip())
    assert REPO not in found.parents, found
    return found


@pytest.mark.slow
def test_the_wheel_holds_what_users_need_and_not_the_corpora(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("judge/problem_set/is_subsequence/hidden_tests.py", "judge/problem_set/is_subsequence/spec.md",
                   "judge/problem_set/is_subsequence/reference.py", "judge/problem_set/is_subsequence/problem.toml",
                   "judge/problem_set/top_n_words/starter.py", "judge/examples/reservoir_sampling.py",
                   "judge/image_recipe/Dockerfile", "judge/image_recipe/build-rootfs.sh", "judge/sandbox/worker.py",
                   "judge/harness/unicode/categories-14.0.0.json.gz"):
        assert needed in names, f"the wheel lacks {needed}"
    assert not [n for n in names if "/corpus/" in n], "the corpora ship too"


@pytest.mark.slow
def test_a_fresh_install_works_from_another_folder(installed: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    assert __version__ in _judge(installed, elsewhere, "--version").stdout
    listed = _judge(installed, elsewhere, "list")
    assert listed.returncode == 0 and "reservoir_sampling" in listed.stdout, listed.stderr
    assert _judge(installed, elsewhere, "init", "top_n_words").returncode == 0
    assert "def top_n_words" in (elsewhere / "solutions" / "top_n_words.py").read_text()
    example = elsewhere / "reservoir_sampling.py"
    shutil.copyfile(_shipped_examples(installed) / "reservoir_sampling.py", example)
    run = _judge(installed, elsewhere, "run", "reservoir_sampling", "--solution", str(example),
                 "--sandbox", "local", "--no-complexity")
    assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
    doctor = _judge(installed, elsewhere, "doctor")
    assert doctor.returncode == 0 and "local" in doctor.stdout, doctor.stderr
    assert sorted(p.name for p in elsewhere.iterdir()) == ["reservoir_sampling.py", "solutions"]


@pytest.mark.slow
@pytest.mark.docker
def test_a_fresh_install_builds_its_image_offline(installed: Path, tmp_path: Path) -> None:
    if not shutil.which("docker") or subprocess.run(["docker", "info"], capture_output=True).returncode != 0:
        if os.environ.get("CI") == "true":
            pytest.fail("CI must build the image from a fresh install for real: no Docker engine answers")
        pytest.skip("no Docker engine answers")
    built = _judge(installed, tmp_path, "image", "build", "--offline")
    assert built.returncode == 0, built.stderr[-3000:]
    assert f"judge-sandbox:{__version__}" in built.stdout + built.stderr
