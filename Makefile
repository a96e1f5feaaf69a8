# The two set-up commands of the README: `make run` and `make test`.
# Both create (once) and reuse a local virtual environment in .venv.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXAMPLE ?= examples/banking-savings.journey

.PHONY: run test venv system-packages bench schema clean

# A .venv without a working pip (made while python3-venv was missing, or
# whose Python went away) is made again, whatever its stamp says.
VENV_WORKS := $(shell $(BIN)/python -m pip --version >/dev/null 2>&1 && echo yes)
ifneq ($(VENV_WORKS),yes)
.PHONY: $(STAMP)
endif

$(STAMP): pyproject.toml
	@$(BIN)/python -m pip --version >/dev/null 2>&1 || { \
		if [ -e $(VENV) ]; then echo "$(VENV) has no working pip: making it again"; rm -rf $(VENV); fi; \
		$(PYTHON) -m venv $(VENV) && $(BIN)/python -m pip --version >/dev/null 2>&1 || { \
			rm -rf $(VENV); \
			echo "Could not make a virtual environment with $(PYTHON): its venv module (or pip) is missing." >&2; \
			echo "Install it, as root:  apt-get install python3-venv    then run make again." >&2; \
			exit 1; }; }
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

system-packages: $(STAMP)
	$(BIN)/python scripts/ensure_qt.py $(if $(DISPLAY),,--offscreen)

run: venv system-packages
	$(BIN)/workbench $(EXAMPLE)

test: venv
	$(BIN)/python scripts/ensure_qt.py --offscreen --test-tools
	$(BIN)/python -m pytest

bench: venv
	$(BIN)/python -m benchmarks

schema: venv
	$(BIN)/python -m workbench.model.schema --write

clean:
	rm -rf $(VENV) .pytest_cache .hypothesis
