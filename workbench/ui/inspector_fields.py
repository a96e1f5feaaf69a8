"""Small helpers of the inspector's rows: a plain text editor, and setters that change a
widget only when its value differs (so a refresh never moves the cursor or fires a signal)."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QSpinBox

from workbench.ui.commands import replaying

def plain_edit(name: str, height: int) -> QPlainTextEdit:
    """A multi-line field that Tab leaves (a tab character is never what the user means here)."""
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setMaximumHeight(height)
    edit.setTabChangesFocus(True)
    return edit


def set_text(edit: QLineEdit, value: str) -> None:
    """The field shows *value*; one being typed in only if an undo or redo changed it (see commands.replaying)."""
    if edit.text() != value and (not edit.hasFocus() or replaying()):
        typing = edit.hasFocus()
        edit.setText(value)
        edit.setCursorPosition(len(value) if typing else 0)


def set_plain(edit: QPlainTextEdit, value: str) -> None:
    """As :func:`set_text`, for a multi-line field."""
    if edit.toPlainText() != value and (not edit.hasFocus() or replaying()):
        typing = edit.hasFocus()
        edit.blockSignals(True)
        edit.setPlainText(value)
        edit.blockSignals(False)
        if typing:
            edit.moveCursor(QTextCursor.MoveOperation.End)


def set_label(label: QLabel, text: str) -> None:
    if label.text() != text:
        label.setText(text)


def set_spin(box: QSpinBox, value: int) -> None:
    if box.value() != value:
        box.blockSignals(True)
        box.setValue(value)
        box.blockSignals(False)


def set_checked(box: QCheckBox, value: bool) -> None:
    if box.isChecked() != value:
        box.setChecked(value)


def set_combo(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    if index >= 0 and combo.currentIndex() != index:
        combo.setCurrentIndex(index)
