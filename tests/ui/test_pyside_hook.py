"""PySide6's import hook reads each module's file: the same answers as shiboken's own check, quicker."""

from __future__ import annotations

import sys
import types
from pathlib import Path

import workbench.model.journey  # noqa: F401  (a module without Qt)
import workbench.ui.app  # noqa: F401  (installs the hook, as the application does)
from workbench.ui import pyside_hook


def _feature():  # type: ignore[no-untyped-def]
    return sys.modules["shibokensupport.feature"]


def test_the_application_runs_with_the_quicker_check() -> None:
    check = _feature()._mod_uses_pyside
    assert getattr(check, "original", None) is not None
    assert not pyside_hook.install()  # (once: not wrapped again)
    assert _feature()._mod_uses_pyside is check


def test_every_loaded_module_gets_the_answer_shiboken_gives() -> None:
    check = _feature()._mod_uses_pyside
    modules = [m for m in list(sys.modules.values()) if isinstance(m, types.ModuleType)]
    read = [m for m in modules if pyside_hook.reads_file(m) is not None]
    assert len(read) > 100
    answers = {m.__name__: check(m) for m in modules}
    assert answers == {m.__name__: check.original(m) for m in modules}
    # Both answers occur: the editor's Qt modules use PySide6, its model does not.
    assert answers["workbench.ui.app"] is True
    assert answers["workbench.model.journey"] is False


def test_a_module_without_a_readable_file_is_asked_of_shiboken(tmp_path: Path) -> None:
    asked: list[str] = []
    check = pyside_hook._quicker(lambda module: asked.append(module.__name__) or False)
    gone = types.ModuleType("gone_module")
    gone.__file__ = str(tmp_path / "gone_module.py")
    compiled = types.ModuleType("compiled_module")
    compiled.__file__ = str(tmp_path / "compiled_module.so")
    broken = types.ModuleType("broken_module")
    broken.__file__ = str(tmp_path / "broken\0module.py")  # (open() refuses the null character)
    uses = tmp_path / "uses.py"
    uses.write_text("import PySide6\n", encoding="utf-8")
    not_a_module = types.SimpleNamespace(__name__="not_a_module", __file__=str(uses))
    for odd in (gone, compiled, broken, not_a_module):
        assert check(odd) is False
    assert asked == ["gone_module", "compiled_module", "broken_module", "not_a_module"]


def test_a_file_naming_pyside6_anywhere_counts(tmp_path: Path) -> None:
    check = _feature()._mod_uses_pyside
    uses = tmp_path / "uses.py"
    uses.write_text("# é\nx = 'PySide6'\n", encoding="utf-8")
    plain = tmp_path / "plain.py"
    plain.write_text("x = 'PySide'\n", encoding="utf-8")
    for path, expected in ((uses, True), (plain, False)):
        module = types.ModuleType(path.stem)
        module.__file__ = str(path)
        assert check(module) is expected
