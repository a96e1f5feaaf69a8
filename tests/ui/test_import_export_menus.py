"""File > Import and File > Export: Mermaid and CSV from the editor, chosen in the real menus."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox

from tests.ui.helpers import answer_next_message, open_window
from workbench.model.feelings import level
from workbench.model.fileformat import load
from workbench.model.interop.mermaid import from_mermaid
from workbench.model.journey import FIRST_PERSONA

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "banking-savings.journey"


def choose(window, menu_name: str, text: str) -> None:  # type: ignore[no-untyped-def]
    """Open the submenu *menu_name* and click its item whose text starts with *text*."""
    menu = window.findChild(QMenu, menu_name)
    assert menu is not None and menu in [a.menu() for a in window.menuBar().actions()[0].menu().actions()]
    action = next(a for a in menu.actions() if a.text().replace("&", "").startswith(text))
    menu.popup(window.mapToGlobal(QPoint(40, 40)))
    QTest.qWaitForWindowExposed(menu)
    QTest.mouseClick(menu, Qt.MouseButton.LeftButton, pos=menu.actionGeometry(action).center())
    QApplication.processEvents()


def test_the_export_menu_holds_the_drawings_and_the_other_formats(qtbot) -> None:
    window = open_window(qtbot, EXAMPLE)
    export_menu = window.findChild(QMenu, "export-menu")
    texts = [a.text().replace("&", "") for a in export_menu.actions() if not a.isSeparator()]
    assert texts == ["PDF Deliverable...", "Image (PNG, SVG)...", "Mermaid Journey Diagram...", "CSV Sheet..."]
    assert window.actions.export_pdf.shortcut().toString() == "Ctrl+E"
    assert isinstance(window.actions.import_mermaid, QAction)


def test_export_mermaid_writes_the_open_journey_adding_the_extension(qtbot, monkeypatch, tmp_path) -> None:
    window = open_window(qtbot, EXAMPLE)
    window.document.update(window.document.steps()[0].id, title="Hears about the bank from a friend")
    asked: list[str] = []

    def save_name(parent, title, start, filters):  # type: ignore[no-untyped-def]
        asked.append(start)
        return str(tmp_path / "savings"), filters

    monkeypatch.setattr("workbench.ui.interop_menu.QFileDialog.getSaveFileName", save_name)
    choose(window, "export-menu", "Mermaid")
    written = tmp_path / "savings.mmd"
    journey, warnings = from_mermaid(written.read_text(encoding="utf-8"))
    assert warnings == [] and journey.steps[0].title == "Hears about the bank from a friend"
    assert asked[0].endswith(".mmd")
    assert str(written) in window.statusBar().currentMessage()


def test_export_csv_to_an_unwritable_folder_says_so_and_keeps_the_work(qtbot, monkeypatch, tmp_path) -> None:
    window = open_window(qtbot, EXAMPLE)
    # A "folder" that is a file: no one can write in it, root included (a folder without write permission was
    # written anyway by root, and the test then checked nothing).
    locked = tmp_path / "locked"
    locked.write_text("not a folder", encoding="utf-8")
    monkeypatch.setattr(
        "workbench.ui.interop_menu.QFileDialog.getSaveFileName", lambda *a: (str(locked / "sheet.csv"), "")
    )
    seen: list[str] = []
    answer_next_message(qtbot, QMessageBox.StandardButton.Ok, seen)
    choose(window, "export-menu", "CSV")
    assert seen and "sheet.csv" in seen[0] and "was not written" in seen[0]
    assert window.document.journey.title == load(EXAMPLE).title


def test_import_csv_opens_a_new_modified_journey_after_asking_to_save(qtbot, monkeypatch, tmp_path) -> None:
    window = open_window(qtbot, EXAMPLE)
    sheet = tmp_path / "workshop-notes.csv"
    sheet.write_text("Stage,Step,Emotion,Kind,Text,Channel\nArrive,Parks the car,-1,touchpoint,Barrier,Car park\n",
                     encoding="utf-8")
    monkeypatch.setattr("workbench.ui.interop_menu.QFileDialog.getOpenFileName", lambda *a: (str(sheet), ""))
    choose(window, "import-menu", "CSV")
    journey = window.document.journey
    assert journey.title == "Workshop notes"
    assert [(s.title, level(s, FIRST_PERSONA)) for s in journey.steps] == [("Parks the car", -1)]
    assert window.path is None and not window.stack.isClean()  # closing would ask where to keep it
    assert "workshop-notes.csv" in window.statusBar().currentMessage()
    assert window.scene.items()  # the canvas shows it


def test_import_mermaid_with_warnings_shows_them(qtbot, monkeypatch, tmp_path) -> None:
    window = open_window(qtbot, EXAMPLE)
    diagram = tmp_path / "day.txt"  # any name: the menu item says it is Mermaid
    diagram.write_text("journey\n  title Day\n  section Work\n    Tea: 9: Me\n", encoding="utf-8")
    monkeypatch.setattr("workbench.ui.interop_menu.QFileDialog.getOpenFileName", lambda *a: (str(diagram), ""))
    seen: list[str] = []
    answer_next_message(qtbot, QMessageBox.StandardButton.Ok, seen)
    choose(window, "import-menu", "Mermaid")
    qtbot.waitUntil(lambda: bool(seen))
    assert "line 4" in seen[0]
    assert [(s.title, level(s, FIRST_PERSONA)) for s in window.document.journey.steps] == [("Tea", 2)]


def test_a_bad_sheet_changes_nothing_and_names_the_row(qtbot, monkeypatch, tmp_path) -> None:
    window = open_window(qtbot, EXAMPLE)
    before = window.document.journey
    sheet = tmp_path / "bad.csv"
    sheet.write_text("Stage,Step,Emotion\nArrive,Parks,furious\n", encoding="utf-8")
    monkeypatch.setattr("workbench.ui.interop_menu.QFileDialog.getOpenFileName", lambda *a: (str(sheet), ""))
    seen: list[str] = []
    answer_next_message(qtbot, QMessageBox.StandardButton.Ok, seen)
    choose(window, "import-menu", "CSV")
    qtbot.waitUntil(lambda: bool(seen))
    assert "bad.csv" in seen[0] and "row 2" in seen[0]
    assert window.document.journey is before and window.path is not None
