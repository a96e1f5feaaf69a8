# The two set-up commands of the README: `make run` and `make test`.
# Both create (once) and reuse a local virtual environment in .venv.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
EXAMPLE ?= examples/banking-savings.journey

.PHONY: run test test-pythons venv system-packages bench schema clean bundle bundle-smoke

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

# Mermaid's own parser checks the Mermaid export (tests/model/test_mermaid_parser.py), run by the machine's Node.js.
MERMAID := tests/mermaid/node_modules/.package-lock.json
$(MERMAID): tests/mermaid/package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
		echo "Node.js and npm are needed to check the Mermaid export with Mermaid's own parser:" >&2; \
		echo "install them (Debian: apt-get install nodejs npm), then run make test again." >&2; exit 1; }
	cd tests/mermaid && npm ci --silent --no-audit --no-fund

test: venv $(MERMAID)
	$(BIN)/python scripts/ensure_qt.py --offscreen --test-tools
	$(BIN)/python -m pytest

# The test suite under every supported Python found here (python3.11, 3.12, 3.13 on
# PATH, or installed by pyenv), each in its own .venv-3.X; a version not found is said, not failed.
PYTHONS ?= 3.11 3.12 3.13
test-pythons: $(MERMAID)
	@status=0; for v in $(PYTHONS); do \
		py=$$(command -v python$$v); \
		{ [ -n "$$py" ] && $$py -c '' 2>/dev/null; } || py=$$(ls -d $$HOME/.pyenv/versions/$$v*/bin/python$$v 2>/dev/null | tail -1); \
		{ [ -n "$$py" ] && $$py -c '' 2>/dev/null; } || { echo "python$$v: not found, skipped"; continue; }; \
		echo "=== Python $$v ($$py)"; \
		[ -x .venv-$$v/bin/python ] || $$py -m venv .venv-$$v || { status=1; continue; }; \
		.venv-$$v/bin/python -m pip install --quiet --upgrade pip && \
		.venv-$$v/bin/python -m pip install --quiet -e '.[test]' && \
		.venv-$$v/bin/python scripts/ensure_qt.py --offscreen --test-tools && \
		.venv-$$v/bin/python -m pytest -q -p no:cacheprovider || status=1; \
	done; exit $$status

# A one-folder application (PyInstaller, in dist/journey-workbench/): see packaging/README.md.
bundle:
	bash packaging/build_bundle.sh

# Builds the bundle if needed, then runs --version, exports, check, convert and the editor from it.
bundle-smoke:
	bash packaging/smoke.sh

bench: venv
	$(BIN)/python -m benchmarks

schema: venv
	$(BIN)/python -m workbench.model.schema --write

clean:
	rm -rf $(VENV) .venv-3.* .venv-bundle tests/mermaid/node_modules dist/journey-workbench build/bundle .pytest_cache .hypothesis
