"""Help inside the application: F1 opens the guide (English or French), and every shortcut is listed."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import open_window
from tests.ui.test_canvas import small_journey
from workbench import i18n
from workbench.model.fileformat import save
from workbench.resources import resource_path
from workbench.ui.help import GuideDialog, ShortcutsDialog, guide_sections
from workbench.ui.main_window import MainWindow

GUIDES = {language: resource_path("guide", f"{language}.html") for language in ("en", "fr")}
#: What the guide must explain (section anchors), in both languages.
TOPICS = {"start", "map", "adding", "editing", "links", "moving", "workshop", "health", "export", "files"}
NATIVE = QKeySequence.SequenceFormat.NativeText


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    path = tmp_path / "help.journey"
    save(small_journey(), path)
    window = open_window(qtbot, path)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def guides(window: MainWindow) -> list[GuideDialog]:
    return window.findChildren(GuideDialog)


def test_f1_opens_the_guide_beside_the_map(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_F1)
    assert len(guides(window)) == 1
    guide = guides(window)[0]
    assert guide.isVisible() and not guide.isModal()
    assert QApplication.activeModalWidget() is None  # the map stays usable
    assert "Journey Workbench user guide" in guide.browser.toPlainText()
    assert guide.windowTitle() == "Journey Workbench user guide"
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_F1)
    assert guides(window) == [guide]  # brought back, not opened twice


def test_the_guide_follows_the_ui_language(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    i18n.set_language("fr")
    guide = GuideDialog(window)
    qtbot.addWidget(guide)
    assert guide.path == GUIDES["fr"]
    assert "Guide d’utilisation de Journey Workbench" in guide.browser.toPlainText()
    assert guide.contents.item(0).text() == "Premiers pas"
    i18n.set_language("en")
    english = GuideDialog(window)
    qtbot.addWidget(english)
    assert english.path == GUIDES["en"] and english.contents.item(0).text() == "Getting started"


def test_the_contents_lead_to_each_section_and_follow_the_reading(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.actions.guide.trigger()
    guide = guides(window)[0]
    qtbot.waitExposed(guide)
    anchors = [guide.contents.item(i).data(Qt.ItemDataRole.UserRole) for i in range(guide.contents.count())]
    assert set(anchors) == TOPICS
    tops = guide.section_tops()
    bar = guide.browser.verticalScrollBar()
    assert bar.value() == 0
    row = anchors.index("health")
    item = guide.contents.item(row)
    QTest.mouseClick(guide.contents.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     guide.contents.visualItemRect(item).center())
    assert bar.value() > 0 and abs(bar.value() - tops["health"]) <= 12  # the section's heading at the top
    bar.setValue(0)  # the reader scrolls back up: the contents follow
    assert guide.contents.currentRow() == 0
    bar.setValue(tops["links"] + 2)
    assert guide.contents.currentItem().data(Qt.ItemDataRole.UserRole) == "links"
    bar.setValue(bar.maximum())  # the last heading never reaches the top; at the end, it is the one read
    assert guide.contents.currentItem().data(Qt.ItemDataRole.UserRole) == "files"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_every_link_of_the_guide_has_its_anchor(language: str) -> None:
    text = GUIDES[language].read_text(encoding="utf-8")
    ids = set(re.findall(r'id="([\w-]+)"', text))
    links = set(re.findall(r'href="#([\w-]+)"', text))
    assert links and links <= ids
    assert {anchor for anchor, _ in guide_sections(text)} == TOPICS
    for anchor, title in guide_sections(text):
        assert title.strip(), anchor


def test_both_guides_have_the_same_sections_in_the_same_order() -> None:
    english, french = (guide_sections(GUIDES[lang].read_text(encoding="utf-8")) for lang in ("en", "fr"))
    assert [a for a, _ in english] == [a for a, _ in french]
    assert [t for _, t in english] != [t for _, t in french]  # translated, not copied


def test_the_french_guide_is_typeset_in_french() -> None:
    text = GUIDES["fr"].read_text(encoding="utf-8")
    body = text.split("<body>", 1)[1]
    words = re.sub(r"<[^>]+>", " ", body)
    words = re.sub(r"&[a-z]+;", " ", words)
    assert not re.search(r"[ \t\n][:;!?»]", words), "a no-break space goes before : ; ! ? »"
    assert not re.search(r"«[ \t\n]", words), "a no-break space goes after «"
    assert not re.search(r"\w[:;!?]", words.replace("http:", "")), "French puts a space before : ; ! ?"
    assert "«\u00a0" in words and "\u00a0:" in words and "\u202f;" in words
    assert '"' not in words and "'" not in words, "French uses « guillemets » and the typographic apostrophe"


def test_the_guide_ships_with_the_resources() -> None:
    for path in GUIDES.values():
        assert path.is_file()
        assert path.parent == resource_path("guide")


def test_keyboard_shortcuts_lists_every_action_that_has_one(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    extra = QAction("Fro&b the map", window)  # added after the menus: the list is built when it opens
    extra.setShortcut(QKeySequence("Ctrl+Shift+K"))
    window.addAction(extra)
    window.actions.shortcuts.trigger()
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None and dialog.isVisible()
    rows = dialog.rows()
    with_keys = [a for a in window.findChildren(QAction) if not a.shortcut().isEmpty()]
    assert len(with_keys) >= 20
    for action in with_keys:
        name = action.text().replace("&", "").rstrip(".").strip()
        keys = action.shortcut().toString(NATIVE)
        assert any(n == name and keys in k.split(", ") for _, n, k in rows), (name, keys)
    assert ("Other", "Frob the map", "Ctrl+Shift+K") in rows
    assert ("Help", "User Guide", "F1") in rows
    assert ("File", "Save", "Ctrl+S") in rows
    assert not [r for r in rows if "Undo" in r[2].split(", ")]  # a keyboard's own Undo key is not listed
    groups = {g for g, _, _ in rows}
    assert {"On the map", "In the Outline"} <= groups
    map_keys = {k for g, _, k in rows if g == "On the map"}
    assert {"Arrow keys", "Ctrl + arrow keys", "Tab / Shift+Tab", "Enter", "F2", "Esc", "Space + drag"} <= map_keys


def test_the_help_menu_offers_guide_shortcuts_and_welcome(window: MainWindow) -> None:
    help_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Help")
    names = [a.text() for a in help_menu.actions() if not a.isSeparator()]
    assert names[:3] == ["&User Guide", "&Keyboard Shortcuts", "&Welcome Page"]
    assert window.actions.guide.shortcut().toString(NATIVE) == "F1"
    assert window.actions.guide.toolTip().endswith("(F1)")
