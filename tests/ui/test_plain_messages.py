"""Text from a file is shown as plain text in every message, never rendered as HTML."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.ui.helpers import open_window
from workbench.ui.main_window import MainWindow


def test_html_in_a_bad_file_is_shown_as_plain_text(window: MainWindow, tmp_path: Path) -> None:
    bad = tmp_path / "bad.journey"
    bad.write_text('{"format": "<b>bold</b><img src=x>", "version": 1, "journey": {"title": "x"}}', encoding="utf-8")
    seen: list[tuple[Qt.TextFormat, str]] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, answer)
            return
        seen.append((box.textFormat(), box.text()))
        box.accept()

    QTimer.singleShot(0, answer)
    assert not window.open_path(bad, ask=False)
    assert seen and seen[0][0] == Qt.TextFormat.PlainText
    assert "bad.journey" in seen[0][1]


def test_no_message_box_of_the_ui_is_made_with_a_static_rich_text_call() -> None:
    root = Path(__file__).resolve().parents[2] / "workbench" / "ui"
    offenders = [
        f"{path.name}:{n}"
        for path in root.rglob("*.py")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if any(f"QMessageBox.{name}(" in line for name in ("warning", "critical", "question", "information"))
    ]
    assert not offenders, f"use workbench.ui.messages (plain text): {offenders}"


def test_a_title_that_looks_like_html_is_shown_as_written_in_tooltips(window: MainWindow) -> None:
    window.document.update("step-1", title="<b>Bold</b> & <i>co</i>")
    from tests.ui.helpers import pick_tab

    pick_tab(window, window.outline_dock)  # (behind the inspector's tab, the outline waits to be looked at)
    window.outline.rebuild()
    from PySide6.QtWidgets import QApplication as App

    App.processEvents()
    row = window.outline.row_for("step-1")
    assert row is not None
    tip = row.toolTip(0)
    assert "&lt;b&gt;Bold&lt;/b&gt;" in tip and "<b>Bold" not in tip
