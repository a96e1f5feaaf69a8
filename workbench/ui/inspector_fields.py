"""Small helpers of the inspector's rows: a plain text editor, and setters that change a
widget only when its value differs (so a refresh never moves the cursor or fires a signal)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QSpinBox

def plain_edit(name: str, height: int) -> QPlainTextEdit:
    """A multi-line field that Tab leaves (a tab character is never what the user means here)."""
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setMaximumHeight(height)
    edit.setTabChangesFocus(True)
    return edit


def set_text(edit: QLineEdit, value: str) -> None:
    if edit.text() != value and not edit.hasFocus():
        edit.setText(value)
        edit.setCursorPosition(0)


def set_plain(edit: QPlainTextEdit, value: str) -> None:
    if edit.toPlainText() != value and not edit.hasFocus():
        edit.blockSignals(True)
        edit.setPlainText(value)
        edit.blockSignals(False)


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
