"""Alt+letter opens the menu it names, in English and in French: no two menus (or two items of one menu) share
their underlined letter. In French, Alt+E opened "Aide" (its letter was the e of "Aid&e"; exploratory test)."""

from __future__ import annotations

import re

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from tests.ui.helpers import open_window, speaking
from tests.ui.test_canvas import small_journey
from workbench.model.fileformat import save

MNEMONIC = re.compile(r"&([^&\s])")


def _letter(text: str) -> str | None:
    found = MNEMONIC.search(text.replace("&&", ""))
    return found.group(1).lower() if found else None


def _clashes(texts: list[str]) -> list[str]:
    letters: dict[str, str] = {}
    clashes = []
    for text in texts:
        letter = _letter(text)
        if letter is None:
            continue
        if letter in letters:
            clashes.append(f"{letters[letter]!r} and {text!r}")
        letters[letter] = text
    return clashes


@pytest.mark.parametrize("language", ["en", "fr"])
def test_menus_and_their_items_have_letters_of_their_own(qtbot, tmp_path, language: str) -> None:  # type: ignore[no-untyped-def]
    with speaking(language):
        path = tmp_path / "map.journey"
        save(small_journey(), path)
        window = open_window(qtbot, path)
        bar = window.menuBar()
        titles = [action.text() for action in bar.actions() if action.menu() is not None]
        assert _clashes(titles) == []
        if language == "fr":
            assert "É&dition" in titles and "A&ide" in titles
        for action in bar.actions():
            menu = action.menu()
            if isinstance(menu, QMenu):
                items = [a.text() for a in menu.actions() if isinstance(a, QAction) and not a.isSeparator()]
                assert _clashes(items) == [], (menu.title(), items)
