"""The set-up path of the README: `make` and scripts/ensure_qt.py explain what is missing.

The Makefile runs in a copy in ``tmp_path`` with a fake ``python3`` (a shell
script that logs its arguments), so no real virtual environment is made.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def script(path: Path, body: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("#!/bin/sh\n" + body, encoding="utf-8")
    path.chmod(0o755)
    return path


#: A python3 whose ``-m venv DIR`` makes DIR/bin/python, a fake that answers every command.
WORKING_PYTHON = (
    'echo "python3 $*" >> "$LOG"\n'
    'if [ "$1 $2" = "-m venv" ]; then\n'
    '  mkdir -p "$3/bin"\n'
    '  printf \'#!/bin/sh\\necho "venv-python $*" >> "$LOG"\\n\' > "$3/bin/python"\n'
    '  chmod +x "$3/bin/python"\n'
    "fi\n"
)
#: Debian without python3-venv: the folder is made, then ensurepip is missing.
BROKEN_PYTHON = (
    'echo "python3 $*" >> "$LOG"\n'
    'mkdir -p "$3/bin" && printf \'#!/bin/sh\\nexit 1\\n\' > "$3/bin/python" && chmod +x "$3/bin/python"\n'
    'echo "The virtual environment was not created successfully because ensurepip is not available." >&2\n'
    "exit 1\n"
)


def make_venv(tmp_path: Path, python_body: str) -> tuple[subprocess.CompletedProcess[str], list[str]]:
    for name in ("Makefile", "pyproject.toml"):
        shutil.copy(ROOT / name, tmp_path / name)
    # A .venv left by an earlier attempt: a python with no pip, and a stamp that says all is well.
    script(tmp_path / ".venv" / "bin" / "python", "exit 1\n")
    (tmp_path / ".venv" / ".installed").touch()
    python = script(tmp_path / "fake" / "python3", python_body)
    log = tmp_path / "log"
    log.touch()
    result = subprocess.run(
        ["make", "--no-print-directory", "venv", f"PYTHON={python}"],
        cwd=tmp_path, capture_output=True, text=True, timeout=60, env=dict(os.environ, LOG=str(log)),
    )
    return result, log.read_text(encoding="utf-8").splitlines()


def test_make_remakes_a_venv_that_has_no_pip(tmp_path: Path) -> None:
    result, log = make_venv(tmp_path, WORKING_PYTHON)
    assert result.returncode == 0, result.stderr
    assert ".venv has no working pip: making it again" in result.stdout
    assert log[0] == "python3 -m venv .venv"
    assert "venv-python -m pip install --quiet -e .[test]" in log
    assert (tmp_path / ".venv" / ".installed").exists()


def test_make_says_which_package_to_install_when_venv_cannot_be_made(tmp_path: Path) -> None:
    result, log = make_venv(tmp_path, BROKEN_PYTHON)
    assert result.returncode != 0
    assert "apt-get install python3-venv" in result.stderr
    assert log == ["python3 -m venv .venv"]
    assert not (tmp_path / ".venv").exists(), "a broken .venv was left behind"


@pytest.fixture
def ensure_qt(monkeypatch):
    spec = importlib.util.spec_from_file_location("ensure_qt", ROOT / "scripts" / "ensure_qt.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    monkeypatch.setattr(sys, "argv", ["ensure_qt.py", "--offscreen"])
    monkeypatch.setattr(os, "geteuid", lambda: 1000, raising=False)  # not root: nothing is installed
    return module


@pytest.mark.parametrize(
    ("stderr", "shown"),
    [
        ("qt.qpa.xcb: could not connect\nqt.qpa.plugin: Could not load the Qt platform plugin \"xcb\"\n\n",
         'qt.qpa.plugin: Could not load the Qt platform plugin "xcb"'),
        ("", "(it printed no reason)"),
    ],
)
def test_ensure_qt_prints_the_reason_as_text_not_a_list(ensure_qt, monkeypatch, capsys, stderr, shown) -> None:
    monkeypatch.setattr(ensure_qt, "qt_starts", lambda offscreen: (False, stderr.strip()))
    assert ensure_qt.main() == 1
    first = capsys.readouterr().err.splitlines()[0]
    assert first == f"Qt cannot start on this machine: {shown}"


def test_ensure_qt_names_the_missing_real_window_test_tools(ensure_qt, monkeypatch, capsys) -> None:
    monkeypatch.setattr(sys, "argv", ["ensure_qt.py", "--offscreen", "--test-tools"])
    monkeypatch.setattr(ensure_qt, "qt_starts", lambda offscreen: (True, ""))
    monkeypatch.setattr(ensure_qt.shutil, "which", lambda tool: None if tool == "xdotool" else "/usr/bin/" + tool)
    assert ensure_qt.main() == 1
    err = capsys.readouterr().err
    assert "The real-window tests need: xdotool" in err
    assert "install-system-packages.sh" in err


def test_the_system_package_script_installs_the_real_window_tools() -> None:
    script = (ROOT / "scripts" / "install-system-packages.sh").read_text()
    for package in ("xvfb", "xauth", "xdotool", "libxcb-cursor0"):
        assert f" {package} " in script.replace("\\\n", " ") or f" {package}\n" in script
