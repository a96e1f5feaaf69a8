"""When typing in a panel's field starts a new undo step: each time the user comes (back) to a field.

Keystrokes in one field merge into one undo step (``commands.perform``'s
merge key). A panel's key holds a :class:`TypingSession`'s number, which
moves on when the keyboard leaves one of the panel's fields (for the
canvas, another field, another window), and when the panel
is told it shows something else (:meth:`TypingSession.next`): a card's text
edited, left, and edited again is two undo steps, not one that takes both
away.
"""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget


class TypingSession(QObject):
    """The number of the current typing session in *panel*'s fields."""

    def __init__(self, panel: QWidget) -> None:
        super().__init__(panel)
        self.panel = panel
        self.number = 0
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)

    def next(self) -> None:
        self.number += 1

    def _focus_moved(self, old: QWidget | None, new: QWidget | None) -> None:
        # When the keyboard leaves one of the panel's fields (for the map, another field, another window):
        # what is typed next, wherever, is a step of its own. Counted on leaving, not on coming, so that a
        # focus given while the window was in the background (and passed on when it comes to the front)
        # does not cut a typing in two.
        if old is not None and new is not old and self.panel.isAncestorOf(old):
            self.number += 1
