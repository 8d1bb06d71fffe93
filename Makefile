# Quick start: `make run` opens the app, `make test` runs the whole test suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test

.PHONY: run test check lint bench demo clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP_RUN): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(STAMP_TEST): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(STAMP_RUN)

run: $(STAMP_RUN)
	$(BIN)/mentor-desktop

lint: $(STAMP_TEST)
	$(BIN)/ruff check mentor_desktop tests

test: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# The quick loop while working: everything but the tests that start real processes, on both cores.
check: lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m 'not slow' -n 2

bench: $(STAMP_TEST)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.benchmarks

demo: $(STAMP_RUN)
	$(BIN)/mentor-desktop demo

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache
