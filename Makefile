# The README's two commands: `make demo` and `make test`. Both set up from nothing.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: setup demo lint test test-fast bench dist clean

# The judge's bytecode, as pip compiles it for a regular install: an editable one otherwise compiles
# its modules afresh at every run wherever PYTHONDONTWRITEBYTECODE is set (0.05 s a run here).
setup: $(BIN)/judge
	@$(BIN)/python -m compileall -q judge

$(BIN)/judge: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[docker,plot,grade,server,test]' build
	touch $@

# Judges two shipped example solutions: one accepted, one with a bug (exit 1 is expected).
demo: setup
	$(BIN)/judge run reservoir_sampling --solution examples/reservoir_sampling.py --sandbox local
	-$(BIN)/judge run reservoir_sampling --solution examples/reservoir_sampling_buggy.py --sandbox local --no-complexity

# ruff's rules and mypy's settings are in pyproject.toml ([tool.ruff], [tool.mypy]: mypy checks judge/);
# `ruff check --fix` repairs most of ruff's findings. The package layers are in .importlinter.
lint: setup
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint
	$(BIN)/pytest

test-fast: setup
	$(BIN)/pytest -m "not slow and not docker"

bench: setup
	$(BIN)/python benchmarks/judge_speed.py

# An sdist and a wheel in dist/: the wheel holds the problems, starters, examples and image recipe.
dist: setup
	$(BIN)/python -m build --outdir dist .

clean:
	rm -rf $(VENV) build dist *.egg-info
