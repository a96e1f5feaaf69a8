"""Edit > Preferences: the language chosen is remembered, and the command and the next window speak it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox

from tests.ui.helpers import open_window
from workbench import languages
from workbench.ui.preferences import PreferencesDialog

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "banking-savings.journey"


@pytest.fixture
def config(tmp_path, monkeypatch):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    languages.preferred.cache_clear()
    yield tmp_path / "config"
    languages.preferred.cache_clear()


def choose_in_dialog(qtbot, window, name: str) -> None:  # type: ignore[no-untyped-def]
    """Open Edit > Preferences, pick *name* in the language list with the keyboard, press OK."""
    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, PreferencesDialog)
        combo = dialog.findChild(QComboBox, "preferences-language")
        combo.setFocus()
        QTest.keyClick(combo, Qt.Key.Key_Home)
        for _ in range(combo.count()):
            if combo.currentText() == name:
                break
            QTest.keyClick(combo, Qt.Key.Key_Down)
        ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
        QTest.mouseClick(ok, Qt.MouseButton.LeftButton)

    from PySide6.QtCore import QTimer

    QTimer.singleShot(50, answer)
    window.actions.preferences.trigger()


def test_french_chosen_in_preferences_is_remembered_and_said_to_apply_at_the_next_start(qtbot, config) -> None:
    window = open_window(qtbot, EXAMPLE)
    choose_in_dialog(qtbot, window, "Français")
    saved = json.loads(languages.preferences_path().read_text(encoding="utf-8"))
    assert saved == {"language": "fr"} and languages.preferences_path().is_relative_to(config)
    assert "next time you start" in window.statusBar().currentMessage()
    assert languages.choose() == "fr" and languages.choose("en") == "en"  # --lang still wins
    # The command reads the same choice.
    env = {**os.environ, "XDG_CONFIG_HOME": str(config), "LANGUAGE": "en", "PYTHONPATH": str(ROOT)}
    checked = subprocess.run([sys.executable, "-m", "workbench", "check", str(EXAMPLE)], capture_output=True,
                             text=True, env=env, timeout=120)
    assert "\u00a0: chargé (" in checked.stdout
    english = subprocess.run([sys.executable, "-m", "workbench", "--lang", "en", "check", str(EXAMPLE)],
                             capture_output=True, text=True, env=env, timeout=120)
    assert ": loaded (" in english.stdout


def test_back_to_the_systems_language(qtbot, config) -> None:
    languages.set_preferred("fr")
    window = open_window(qtbot, EXAMPLE)
    dialog = PreferencesDialog(window)
    qtbot.addWidget(dialog)
    assert dialog.chosen() == "fr"
    choose_in_dialog(qtbot, window, "The system's (English)")
    assert json.loads(languages.preferences_path().read_text(encoding="utf-8")) == {"language": "system"}
    assert languages.preferred() is None and languages.choose() == "en"


def test_a_damaged_preferences_file_is_no_choice(config) -> None:
    path = languages.preferences_path()
    path.parent.mkdir(parents=True)
    path.write_text("{not json", encoding="utf-8")
    assert languages.preferred() is None
    languages.set_preferred("fr")
    assert languages.preferred() == "fr"


@pytest.mark.parametrize(
    ("platform", "environ", "native", "expected"),
    [
        ("win32", {}, "fr_FR", "fr"),
        ("win32", {}, "de_DE", "en"),
        ("win32", {"LANG": "en_US.UTF-8"}, "fr_FR", "en"),  # a terminal's explicit locale wins
        ("darwin", {}, "fr-FR", "fr"),
        ("darwin", {"LC_ALL": "C"}, "fr-FR", "en"),
        ("linux", {"LANG": "fr_FR.UTF-8"}, "en_US", "fr"),
    ],
)
def test_the_systems_language_on_each_platform(monkeypatch, platform, environ, native, expected) -> None:
    monkeypatch.setattr(languages, "_windows_language", lambda: native)
    monkeypatch.setattr(languages, "_macos_language", lambda: native)
    assert languages.os_language(environ, platform) == expected
