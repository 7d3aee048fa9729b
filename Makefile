# Two commands for a fresh machine: `make run` opens the workbench on the sample cable,
# `make test` runs the whole suite headless. Both set themselves up first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SAMPLE := resources/samples/07SEOUL219.txt

.PHONY: run test setup lint bench bundle clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	# The reader's regexes compiled once, like bytecode (workbench/cable/patterns.py): a
	# third of a small parse's start-up. Without it they are compiled at each run.
	-$(BIN)/python -m workbench.cable.write_patterns
	touch $(STAMP)

setup: $(STAMP)

run: $(STAMP)
	$(BIN)/workbench gui $(SAMPLE)

# mypy takes a few seconds, so the test run (which CI runs) checks types too.
test: $(STAMP)
	QT_QPA_PLATFORM=$${QT_QPA_PLATFORM:-offscreen} $(BIN)/python -m pytest -q
	$(BIN)/ruff check .
	$(BIN)/mypy workbench

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy workbench

# The one-folder desktop application in dist/workbench/ (PyInstaller; see packaging/build).
$(VENV)/.packaging: $(STAMP)
	$(BIN)/pip install --quiet -e '.[test,packaging]'
	touch $@

bundle: $(VENV)/.packaging
	PYTHON=$(BIN)/python packaging/build

bench: $(STAMP)
	$(BIN)/python benchmarks/parse.py

clean:
	rm -rf $(VENV) build dist *.egg-info
