# The two set-up commands of the README: `make run` and `make test`.
# Both create (once) and reuse a local virtual environment in .venv.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXAMPLE ?= examples/banking-savings.journey

.PHONY: run test venv system-packages bench schema clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

system-packages: $(STAMP)
	$(BIN)/python scripts/ensure_qt.py $(if $(DISPLAY),,--offscreen)

run: venv system-packages
	$(BIN)/workbench $(EXAMPLE)

test: venv
	$(BIN)/python scripts/ensure_qt.py --offscreen
	$(BIN)/python -m pytest

bench: venv
	$(BIN)/python -m benchmarks

schema: venv
	$(BIN)/python -m workbench.model.schema --write

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
