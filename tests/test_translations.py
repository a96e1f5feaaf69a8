"""Both languages ship: every user-visible text has its French version."""

from __future__ import annotations

import json
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
import update_translations  # noqa: E402

from workbench.i18n import catalogue, set_language, tr  # noqa: E402

FIELDS = re.compile(r"\{[^{}]*\}")


def test_every_plain_text_has_a_french_translation() -> None:
    french = json.loads((ROOT / "resources/translations/fr.json").read_text(encoding="utf-8"))
    missing = [t for t in update_translations.plain_texts() if not french.get(t)]
    assert not missing, f"translate in fr.json (run scripts/update_translations.py): {missing}"


def test_french_keeps_every_placeholder() -> None:
    french = json.loads((ROOT / "resources/translations/fr.json").read_text(encoding="utf-8"))
    for source, target in french.items():
        assert sorted(FIELDS.findall(source)) == sorted(FIELDS.findall(target)), source


def test_qt_texts_are_all_translated_and_compiled(tmp_path: Path) -> None:
    ts = ROOT / "resources/translations/workbench_fr.ts"
    tree = ET.parse(ts)
    sources = {m.findtext("source") for m in tree.iter("message")}
    for path in update_translations.python_sources(qt=True):
        for text in update_translations.tr_literals(path):
            assert text in sources, f"{text!r} is not in {ts.name}: run scripts/update_translations.py"
    for message in tree.iter("message"):
        translation = message.find("translation")
        assert translation is not None and translation.text, message.findtext("source")
        assert translation.get("type") not in ("unfinished", "obsolete", "vanished"), message.findtext("source")
        assert sorted(FIELDS.findall(message.findtext("source") or "")) == sorted(FIELDS.findall(translation.text))
    fresh = tmp_path / "fresh.qm"
    update_translations.release("fr", fresh)
    committed = ROOT / "resources/translations/workbench_fr.qm"
    assert committed.read_bytes() == fresh.read_bytes(), "run scripts/update_translations.py and commit the .qm"


def test_tr_switches_language() -> None:
    set_language("fr")
    assert tr("no such file") == catalogue("fr")["no such file"] != "no such file"
    set_language("en")
    assert tr("no such file") == "no such file"


@pytest.mark.parametrize("qt_widget", ["MainWindow"])
def test_the_main_window_speaks_french(qtbot, qt_widget: str) -> None:
    from PySide6.QtWidgets import QApplication

    from workbench.ui.app import install_translators
    from workbench.ui.main_window import MainWindow

    app = QApplication.instance()
    translators = install_translators(app, "fr")
    try:
        window = MainWindow()
        qtbot.addWidget(window)
        menus = [a.text() for a in window.menuBar().actions()]
        assert menus[0] == "&Fichier"
    finally:
        for translator in translators:
            app.removeTranslator(translator)


#: environment -> language of the messages (unset variables are absent)
LOCALES = [
    ({"LC_ALL": "C", "LANG": "fr_FR.UTF-8"}, "en"),  # LC_ALL=C: output for scripts, in English
    ({"LC_ALL": "C", "LANG": "fr_FR.UTF-8", "LANGUAGE": "fr"}, "en"),  # LANGUAGE is ignored under C
    ({"LC_ALL": "POSIX", "LANGUAGE": "fr:en"}, "en"),
    ({"LC_MESSAGES": "C", "LANG": "fr_FR.UTF-8"}, "en"),
    ({"LC_ALL": "", "LANG": "fr_FR.UTF-8"}, "fr"),  # empty counts as unset
    ({"LC_MESSAGES": "fr_CA.UTF-8", "LANG": "en_US.UTF-8"}, "fr"),
    ({"LC_ALL": "en_GB.UTF-8", "LC_MESSAGES": "fr_FR.UTF-8"}, "en"),
    ({"LANG": "fr_FR.UTF-8@euro"}, "fr"),
    ({"LANG": "C.UTF-8", "LANGUAGE": "fr"}, "fr"),  # C.UTF-8 is not C for gettext
    ({"LANG": "en_US.UTF-8", "LANGUAGE": "de:fr_BE:en"}, "fr"),  # first supported of the list
    ({"LANG": "fr_FR.UTF-8", "LANGUAGE": "de"}, "en"),  # none of the list is shipped
    ({"LANGUAGE": "fr"}, "fr"),
    ({"LANG": "de_DE.UTF-8"}, "en"),
    ({}, "en"),
]


LOCALE_IDS = [" ".join(f"{k}={v}" for k, v in environ.items()) or "none" for environ, _ in LOCALES]


@pytest.mark.parametrize(("environ", "expected"), LOCALES, ids=LOCALE_IDS)
def test_the_locale_decides_the_language_as_gettext_does(monkeypatch, environ, expected) -> None:
    from workbench.i18n import system_language

    for var in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    for var, value in environ.items():
        monkeypatch.setenv(var, value)
    assert system_language() == expected
