"""The plain main window: opens journeys, and reports bad files clearly."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from workbench.model.fileformat import save
from workbench.model.templates import skeleton
from workbench.ui.main_window import MainWindow


def _window(qtbot) -> MainWindow:
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    return window


def test_opening_a_journey_shows_its_stages_and_steps(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "bank.journey"
    save(skeleton("banking", "en"), path)
    window = _window(qtbot)
    assert window.open_path(path)
    assert window.windowTitle().startswith("bank.journey")
    stages = [window.tree.topLevelItem(i).text(0) for i in range(window.tree.topLevelItemCount())]
    assert stages == ["Discover", "Choose", "Use", "Get help"]
    assert window.tree.topLevelItem(0).child(0).text(0) == "New step"


def test_a_corrupt_file_shows_a_dialog_naming_file_and_place(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "broken.journey"
    path.write_text('{"format": "journey-workbench", "version": 1,\n "journey": {"title": 3}}', encoding="utf-8")
    window = _window(qtbot)
    seen: list[str] = []

    def answer_dialog() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen.append(box.text())
        qtbot.keyClick(box, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer_dialog)
    assert not window.open_path(path)
    assert len(seen) == 1
    assert str(path) in seen[0]
    assert "journey.title" in seen[0]
    assert "Traceback" not in seen[0]
    assert window.document is None  # nothing half-open


def test_ctrl_o_opens_the_file_dialog(qtbot, monkeypatch, tmp_path: Path) -> None:
    path = tmp_path / "health.journey"
    save(skeleton("health", "en"), path)
    window = _window(qtbot)
    monkeypatch.setattr(
        "workbench.ui.main_window.QFileDialog.getOpenFileName", lambda *a, **k: (str(path), "")
    )
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.tree, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert window.path == path
    assert window.tree.topLevelItemCount() == 4
