"""The model imports no Qt, and its tests run without a QApplication.

DESIGN.md, principle 1: ``workbench/model``, the helpers it uses
(``workbench/i18n.py``, ``workbench/resources.py``) and the layout engine
(``workbench/layout/``, ``workbench/textmetrics.py``) stay pure Python, so
the CLI, the PDF export and these tests work without a display or Qt at all.
"""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "workbench"
QT_PREFIXES = ("PySide6", "shiboken6", "PyQt5", "PyQt6", "PySide2", "pytestqt")
#: The layout engine and its font metrics serve the PDF too, so they stay Qt-free as well.
HELPERS = (
    "i18n", "resources", "geometry", "map_layout", "textmetrics", "fontmetrics", "fallback", "channels", "theme",
    "version", "counts", "languages",
)
#: The PDF export runs on machines without a display, so it stays Qt-free too, as does the layout it draws.
PACKAGES = ("model", "export", "layout")
PURE = [p for pkg in PACKAGES for p in sorted((PACKAGE / pkg).rglob("*.py"))] + [
    p for h in HELPERS if (p := PACKAGE / f"{h}.py").exists()
]
ALLOWED = tuple(f"workbench.{pkg}" for pkg in PACKAGES) + tuple(f"workbench.{h}" for h in HELPERS)
#: Set in the child pytest run, which must never start this file again.
GUARD = "WORKBENCH_NO_QT_CHILD"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


PURE_MODULES = [module_name(p) for p in PURE]


def imported_names(source: str, module: str) -> list[str]:
    """Every module *source* imports, at any depth, relative imports resolved from *module*."""
    package = module.split(".")[:-1]
    names: list[str] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            names += [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package[: len(package) - (node.level - 1)]
                base = ".".join(anchor + ([base] if base else []))
            names += [base] + [f"{base}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", "")) in (
            "import_module",
            "__import__",
        ):
            names += [a.value for a in node.args[:1] if isinstance(a, ast.Constant) and isinstance(a.value, str)]
    return names


def names_in(path: Path) -> list[str]:
    module = module_name(path) + (".__init__" if path.name == "__init__.py" else "")
    return imported_names(path.read_text(encoding="utf-8"), module)


def test_the_pure_modules_are_found() -> None:
    assert {"workbench.model.document", "workbench.model.fileformat", "workbench.i18n", "workbench.resources"} <= set(
        PURE_MODULES
    )
    assert len(PURE) >= 10


@pytest.mark.parametrize("path", PURE, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_qt_import_in_the_source(path: Path) -> None:
    names = names_in(path)
    assert not [n for n in names if n.startswith(QT_PREFIXES)]
    # Nor through another part of the workbench that may use Qt (ui, export, layout...).
    ours = {n for n in names if n == "workbench" or n.startswith("workbench.")}
    assert not [n for n in ours if not n.startswith(ALLOWED)], ours


def test_the_import_check_sees_every_form_of_import() -> None:
    source = (
        "import os\n"
        "from PySide6.QtCore import QObject\n"
        "def later():\n"
        "    import shiboken6\n"
        "    importlib.import_module('PyQt6')\n"
        "from ..ui import app\n"
        "from . import journey\n"
    )
    names = imported_names(source, "workbench.model.probe")
    assert {"PySide6.QtCore", "shiboken6", "PyQt6", "workbench.ui.app", "workbench.model.journey"} <= set(names)
    assert not {"workbench.ui.app"} & {n for n in names if n.startswith(ALLOWED)}


def run_python(code: str, **extra_env: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"} | extra_env
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600
    )


def test_importing_the_model_loads_no_qt() -> None:
    code = (
        "import importlib, sys\n"
        f"for name in {PURE_MODULES!r}:\n"
        "    importlib.import_module(name)\n"
        f"qt = sorted(m for m in sys.modules if m.startswith({QT_PREFIXES!r}))\n"
        "assert not qt, qt\n"
        "assert 'workbench.model.document' in sys.modules\n"
        "print('ok', len(sys.modules))\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("ok")


@pytest.mark.slow  # runs the whole model suite again in a child process
def test_the_model_tests_run_without_qt() -> None:
    """The model tests pass with pytest-qt disabled, and never import Qt themselves."""
    assert os.environ.get(GUARD) != "1", "the child run must not start this test again"
    args = [
        "tests/model", "-q", "-p", "no:cacheprovider",
        "-p", "no:pytest-qt",  # the plugin's entry-point name; "no:pytestqt" would still load it
        # Without the plugin, its qt_* settings in pyproject.toml are unknown: not an error here.
        "-W", "ignore:Unknown config option:pytest.PytestConfigWarning",
        "--ignore=tests/model/test_no_qt.py",
    ]
    code = (
        "import sys, pytest\n"
        f"rc = pytest.main({args!r})\n"
        f"qt = sorted(m for m in sys.modules if m.startswith({QT_PREFIXES!r}))\n"
        "print('qt modules:', qt)\n"
        "sys.exit(rc or (3 if qt else 0))\n"
    )
    result = run_python(code, **{GUARD: "1"})
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "qt modules: []" in result.stdout
    assert " passed" in result.stdout and " failed" not in result.stdout
