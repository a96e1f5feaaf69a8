#!/usr/bin/env bash
# Build the one-folder bundle dist/journey-workbench/ with PyInstaller (`make bundle`).
#
# PyInstaller is a build tool, not a dependency of the workbench: it lives in a
# build environment of its own, .venv-bundle (made once, remade when
# pyproject.toml changes), with the workbench installed in it in editable mode
# so that its metadata (the version `--version` prints) is there to collect.
#
# Environment: PYTHON (default python3.11, else python3), BUNDLE_VENV (default .venv-bundle).
set -euo pipefail

cd "$(dirname "$0")/.."
VENV="${BUNDLE_VENV:-.venv-bundle}"
PYTHON="${PYTHON:-$(command -v python3.11 || command -v python3)}"
STAMP="$VENV/.installed"
PYINSTALLER_SPEC='pyinstaller>=6.10,<7'

if [ ! -x "$VENV/bin/python" ] || ! "$VENV/bin/python" -m pip --version >/dev/null 2>&1; then
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV" || {
        echo "build_bundle: could not make $VENV with $PYTHON (is python3-venv installed?)" >&2
        exit 1
    }
fi
if [ ! -e "$STAMP" ] || [ pyproject.toml -nt "$STAMP" ]; then
    echo "build_bundle: installing the workbench and PyInstaller into $VENV"
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
    "$VENV/bin/python" -m pip install --quiet -e . "$PYINSTALLER_SPEC"
    touch "$STAMP"
fi

start=$(date +%s)
"$VENV/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build/bundle packaging/workbench.spec
end=$(date +%s)

echo "build_bundle: dist/journey-workbench/ built in $((end - start)) s," \
    "$(du -sh dist/journey-workbench | cut -f1) on disk"
