"""docs/architecture.md maps every package of judge/: a package added without a line there fails."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import REPO


def test_every_package_is_mapped_in_the_architecture_page():
    page = (REPO / "docs" / "architecture.md").read_text()
    layout = page[page.index("## Layout"):page.index("## Glossary")]
    mapped = set(re.findall(r"^\s+([a-z_]+)/\s", layout, re.MULTILINE))
    packages = {path.parent.relative_to(REPO / "judge").parts[-1]
                for path in (REPO / "judge").rglob("__init__.py") if path.parent != REPO / "judge"}
    assert packages - mapped == set(), "packages missing from docs/architecture.md's layout"


def test_every_layer_of_the_import_contract_is_a_package_or_module():
    contract = (REPO / ".importlinter").read_text()
    layers = contract[contract.index("layers =") + len("layers ="):].split("\n\n")[0]
    names = {name for line in layers.splitlines() for name in re.split(r"[|:]", line) if name.strip()}
    for name in names:
        path = REPO / Path(*name.strip().split("."))
        assert path.is_dir() or path.with_suffix(".py").is_file(), name


def test_problem_folders_import_only_judge_testing_from_the_judge():
    import ast

    found = []
    for path in sorted((REPO / "problems").glob("*/*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else \
                [alias.name for alias in node.names] if isinstance(node, ast.Import) else []
            found += [f"{path.relative_to(REPO)}: {name}" for name in names
                      if (name == "judge" or name.startswith("judge.")) and name != "judge.testing"]
    assert found == []
