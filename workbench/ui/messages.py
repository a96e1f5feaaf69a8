"""Message boxes that show their text as plain text, never as HTML.

Error messages quote what a file holds (a title, a field's value, a user
name from a lock file); Qt's message boxes would render such text as rich
text if it looks like HTML. Same signatures as QMessageBox's static functions.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

Button = QMessageBox.StandardButton


def plain_message(
    parent: QWidget | None,
    icon: QMessageBox.Icon,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = Button.Ok,
    default: QMessageBox.StandardButton = Button.NoButton,
) -> QMessageBox.StandardButton:
    """A modal message box whose *text* is shown as plain text; the button chosen."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if default != Button.NoButton:
        box.setDefaultButton(default)
    box.exec()
    clicked = box.clickedButton()
    return box.standardButton(clicked) if clicked is not None else Button.NoButton


def warning(parent: QWidget | None, title: str, text: str) -> QMessageBox.StandardButton:
    return plain_message(parent, QMessageBox.Icon.Warning, title, text)


def critical(parent: QWidget | None, title: str, text: str) -> QMessageBox.StandardButton:
    return plain_message(parent, QMessageBox.Icon.Critical, title, text)


def question(
    parent: QWidget | None,
    title: str,
    text: str,
    buttons: QMessageBox.StandardButton = Button.Yes | Button.No,
    default: QMessageBox.StandardButton = Button.NoButton,
) -> QMessageBox.StandardButton:
    return plain_message(parent, QMessageBox.Icon.Question, title, text, buttons, default)


def plain_tip(text: str) -> str:
    """A tooltip that shows *text* as written: Qt renders a tooltip as HTML when it looks like HTML."""
    import html

    return '<p style="white-space:pre-wrap">' + html.escape(text) + "</p>" if text else ""


def not_possible(reason: object) -> str:
    """A refused edit, said in the status bar: "Not possible: a handoff leaves from …" ("Impossible : un relais
    part de …", the reason in lower case after the colon as French writes it; it said "Impossible : Un relais")."""
    from PySide6.QtCore import QCoreApplication

    from workbench.i18n import after_colon

    return QCoreApplication.translate("Messages", "Not possible: {reason}").format(reason=after_colon(str(reason)))
