"""A plain (non-editable) install works: every package and every resource ships.

Building a wheel needs setuptools from an index, so here the configuration is
checked against the tree, and the layout a wheel installs (``workbench`` and
``workbench_resources`` side by side, no ``resources/`` folder, no
``pyproject.toml``) is rebuilt in ``tmp_path`` and run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CONFIG = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]


def test_every_python_package_is_listed() -> None:
    found = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for path in (ROOT / "workbench").rglob("*.py")
        if "__pycache__" not in path.parts
    }
    missing = found - set(CONFIG["packages"])
    assert not missing, f"add {sorted(missing)} to [tool.setuptools] packages in pyproject.toml"


def test_every_resource_file_is_package_data() -> None:
    assert "workbench_resources" in CONFIG["packages"]
    folder = ROOT / CONFIG["package-dir"]["workbench_resources"]
    assert folder == ROOT / "resources"
    patterns = CONFIG["package-data"]["workbench_resources"]
    shipped = {p for pattern in patterns for p in folder.glob(pattern) if p.is_file()}
    wanted = {p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    assert wanted - shipped == set()


def installed_layout(tmp_path: Path) -> Path:
    """What `pip install .` puts in site-packages, as pyproject.toml describes it."""
    site = tmp_path / "site"
    ignore = shutil.ignore_patterns("__pycache__")
    for package in CONFIG["packages"]:
        if "." in package:
            continue  # copied with its parent
        source = ROOT / CONFIG["package-dir"].get(package, package)
        shutil.copytree(source, site / package, ignore=ignore)
    return site


def run(site: Path, cwd: Path, *args: str, language: str = "en") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(site), LANGUAGE=language, LC_ALL="", LANG="C.UTF-8")
    return subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_an_installed_copy_finds_its_resources_and_speaks_french(tmp_path: Path) -> None:
    site = installed_layout(tmp_path)
    work = tmp_path / "work"
    work.mkdir()
    where = run(site, work, "-c", "import workbench.resources as r, json; print(json.dumps([str(r.ROOT), r.__file__]))")
    assert where.returncode == 0, where.stderr
    root, module = json.loads(where.stdout)
    assert Path(module).is_relative_to(site), "the test ran the checkout, not the installed copy"
    assert Path(root) == site / "workbench_resources"

    made = run(site, work, "-m", "workbench", "new", "--sector", "banking", "-o", "plan.journey", language="fr")
    assert made.returncode == 0, made.stderr
    assert made.stdout == "plan.journey écrit\n"
    checked = run(site, work, "-m", "workbench", "check", "plan.journey", "absent.journey", language="fr")
    assert checked.returncode == 2
    assert checked.stdout.startswith("plan.journey\u00a0: chargé (")
    assert checked.stderr == "workbench: absent.journey: fichier introuvable\n"


def test_the_editor_has_a_gui_entry_point_and_the_project_its_licence_and_metadata(monkeypatch, capsys) -> None:
    import importlib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    module, _, name = project["gui-scripts"]["workbench-gui"].partition(":")
    gui_main = getattr(importlib.import_module(module), name)
    for variable in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setattr(sys, "platform", "linux")
    assert gui_main(["plan.journey"]) == 2  # no screen: said, not a core dump
    assert "no display was found" in capsys.readouterr().err
    for path in project["license-files"]:
        assert (ROOT / path).is_file()
    assert project["license"] == "MIT" and "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    versions = {c.rsplit(" ", 1)[-1] for c in project["classifiers"] if c.startswith("Programming Language :: Python :: 3.")}
    assert versions == {"3.11", "3.12", "3.13"}
    assert project["authors"] and project["keywords"]
