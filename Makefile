# Quick start: `make run` opens the app, `make test` runs the whole test suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_RUN := $(VENV)/.installed-run
STAMP_TEST := $(VENV)/.installed-test
STAMP_PACKAGE := $(VENV)/.installed-package
BUNDLE := dist/mentor-desktop/mentor-desktop

.PHONY: run test check lint types bench demo clean icons screenshots package install-desktop uninstall-desktop

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
	$(BIN)/ruff check mentor_desktop tests packaging resources

# Type hints checked (configured in pyproject.toml: strict below the UI, the default checks
# on the UI and the commands).
types: $(STAMP_TEST)
	$(BIN)/mypy

test: lint types
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# The quick loop while working: everything but the tests that start real processes, on both cores.
check: lint types
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q -m 'not slow' -n 2

bench: $(STAMP_TEST)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.benchmarks

demo: $(STAMP_RUN)
	$(BIN)/mentor-desktop demo

# The desktop citizen: icons from the SVG, metainfo screenshots, the bundle, the menu entry.
icons: $(STAMP_RUN)
	$(BIN)/python resources/make_icons.py

screenshots: $(STAMP_RUN)
	$(BIN)/python resources/make_screenshots.py

$(STAMP_PACKAGE): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[package]'
	touch $@ $(STAMP_RUN)

package: $(STAMP_PACKAGE)
	$(BIN)/python packaging/build.py

# The menu entry starts the bundle when one is built (make package), else the venv's app.
install-desktop: $(STAMP_RUN)
	$(BIN)/python packaging/desktop_install.py install \
	    --exec "$(abspath $(if $(wildcard $(BUNDLE)),$(BUNDLE),$(BIN)/mentor-desktop))"

uninstall-desktop:
	$(PYTHON) packaging/desktop_install.py uninstall

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
