"""Find in the map (Edit > Find, Ctrl+F): a bar above the canvas that goes from match to match.

Typing searches as the user types (a moment after the last key, so a long
map does not make typing wait), ignoring case and accents
(:mod:`workbench.model.search`). Each match is selected and brought into
view, so the inspector shows it and the arrow keys go on from it; the bar
says which match it is of how many ("2 of 7"). Enter or F3 goes to the next,
Shift+Enter or Shift+F3 to the one before, round the end of the map; Escape
closes the bar and gives the keys back to the map, the match still selected.
The matches follow the document: after an edit, the next Enter searches the
journey as it now is.

:func:`install` puts the bar above a window's canvas (hidden until asked for).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QStyle, QToolButton, QVBoxLayout, QWidget

from workbench.i18n import ntr
from workbench.model.search import find, reading_order

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow

#: How long after the last key typed the map is searched (ms).
TYPING_PAUSE_MS = 150
#: How many folded texts are kept before starting again (a map's own are far fewer; edits add new ones).
FOLDED_KEPT = 200_000


class FindBar(QWidget):
    """The find bar of one window (see the module's doc)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__()
        self.setObjectName("find-bar")
        self.main = window  # (not self.window: that is QWidget's own)
        self.field = QLineEdit()
        self.field.setObjectName("find-field")
        self.field.setPlaceholderText(self.tr("Find in the map: steps, cards, stages, lanes..."))
        self.field.setAccessibleName(self.tr("Find in the map"))
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumWidth(self.field.fontMetrics().averageCharWidth() * 10)
        self.field.installEventFilter(self)
        self.count = QLabel()
        self.count.setObjectName("find-count")
        self.previous = self._button(self.tr("Previous"), self.tr("Previous match (Shift+F3, Shift+Enter)"), Qt.ArrowType.UpArrow)
        self.next = self._button(self.tr("Next"), self.tr("Next match (F3, Enter)"), Qt.ArrowType.DownArrow)
        self.close_button = self._button(self.tr("Close"), self.tr("Close the find bar (Escape)"))
        self.close_button.setIcon(self.style().standardIcon(QStyle.StandardPixmap.SP_TitleBarCloseButton))
        self.previous.clicked.connect(lambda: self.go(-1))
        self.next.clicked.connect(lambda: self.go(1))
        self.close_button.clicked.connect(self.close_bar)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 3, 6, 3)
        self.label = QLabel(self.tr("Find:"))
        self.label.setBuddy(self.field)
        for widget in (self.label, self.field, self.count, self.previous, self.next, self.close_button):
            row.addWidget(widget, 1 if widget is self.field else 0)
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self._typed)
        self.field.textEdited.connect(lambda _text: self._typing.start())
        self._recount = QTimer(self)  # (after an edit: counted once the edits pause, never selecting anything)
        self._recount.setSingleShot(True)
        self._recount.setInterval(TYPING_PAUSE_MS)
        self._recount.timeout.connect(self._show_count)
        #: The matches found, and for which document, version of it and query (searched again when one changed).
        self._matches: list[str] = []
        self._searched: tuple[object, int, str] | None = None
        #: The texts of the journey shown, folded once (see model/search.find).
        self._folded: dict[str, str] = {}
        #: The match shown (its element id), None before the first or once the user chose something else.
        self.current: str | None = None
        #: Its place among the matches when shown: where the next one is looked for once it is gone (deleted).
        self._at = -1
        self._showing = False
        #: What the user chose on the map since (None: nothing), and the map's reading order for a version of it.
        self._chosen: list[str] | None = None
        self._order: tuple[object, dict[str, int]] = (None, {})
        # Never wider than the map's own room: the bar made the window grow past a small screen (and stay so).
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        window.stack.indexChanged.connect(self._edited)
        window.journey_shown.connect(self._new_journey)
        self._scene = window.scene
        self._scene.selectionChanged.connect(self._selection_changed)
        self.hide()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 (Qt's name)
        """Narrower than its parts (the bar asks for no width: a small screen's map may be 190 points wide), the
        label goes first, then the count (said in the field's tooltip), rather than drawn over one another."""
        super().resizeEvent(event)
        self._fit(event.size().width())

    def _fit(self, width: int) -> None:
        margins = self.layout().contentsMargins()
        spacing = max(0, self.layout().spacing())
        parts = [self.field, self.previous, self.next, self.close_button]
        needed = sum(w.minimumSizeHint().width() for w in parts) + margins.left() + margins.right() + spacing * 3
        count = self.count.sizeHint().width() + spacing
        label = self.label.sizeHint().width() + spacing
        self.count.setVisible(width >= needed + count)
        self.label.setVisible(width >= needed + count + label)

    def _button(self, text: str, tip: str, arrow: Qt.ArrowType | None = None) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setAccessibleName(text)
        button.setAutoRaise(True)
        if arrow is not None:
            button.setArrowType(arrow)
        return button

    # ------------------------------------------------------------ opening

    def open_bar(self) -> None:
        """Show the bar with the keys in its field, its text selected (typing replaces it).

        A text being typed on the map is kept first, and the keys come to the field once that editor has let
        them go (in a real window it took them back: what was typed next went nowhere, and Enter opened a card).
        """
        self.main.scene.commit_editors()
        self.show()
        self._take_keys()
        QTimer.singleShot(0, self, self._take_keys)
        if self.field.text():
            self._show_count()

    def _take_keys(self) -> None:
        if self.isVisible() and not self.field.hasFocus():
            self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def again(self, step: int) -> None:
        """Find Next (*step* 1) or Previous (-1) from the menu or F3: the bar opens first when it has nothing to find."""
        if not self.field.text().strip():
            self.open_bar()
            return
        self.show()
        self.go(step)

    def close_bar(self) -> None:
        """Hide the bar; the keys go back to the map, the match shown still selected."""
        self._typing.stop()
        self.hide()
        self.main.view.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------ matches

    def matches(self) -> list[str]:
        """The ids of what matches the field's text in the journey as it is now, in the map's reading order."""
        document = self.main.document
        key = (document, document.index.generation, self.field.text())
        if key != self._searched:
            if len(self._folded) > FOLDED_KEPT:
                self._folded.clear()
            self._matches = find(document.index, self.field.text(), self._folded)
            self._searched = key
        return self._matches

    def go(self, step: int) -> None:
        """Show the next match (*step* 1) or the one before (-1), round the end of the map."""
        self._typing.stop()
        self._take_choice()
        matches = self.matches()
        if not matches:
            self.current = None
            self._show_count()
            return
        if self.current in matches:
            at = (matches.index(self.current) + step) % len(matches)
        elif self._at >= 0:  # the match shown is gone: the one that took its place, or the one before it
            at = (self._at if step > 0 else self._at - 1) % len(matches)
        else:
            at = 0 if step > 0 else len(matches) - 1
        self._show(matches[at])

    def _typed(self) -> None:
        """The user paused typing: the match shown if it still matches, otherwise the first."""
        matches = self.matches()
        if self.current in matches:
            self._show(self.current)  # type: ignore[arg-type]
        elif matches:
            self._show(matches[0])
        else:
            self.current = None
            self._show_count()

    def _show(self, element_id: str) -> None:
        self.current = element_id
        self._at = self.matches().index(element_id)
        self._showing = True
        try:
            self.main.show_elements([element_id])
        finally:
            self._showing = False
        self._show_count()

    def _selection_changed(self) -> None:
        """The user chose something else on the map, the bar open or not: the search goes on from it.

        Only noted here (a selection changes at every arrow key: worked out each time, it cost 150 ms at 5,000
        steps); taken into account when the bar next counts or moves (:meth:`_take_choice`).
        """
        if self._showing:
            return
        self._chosen = self.main.scene.selected_ids()
        if self.isVisible():
            self._recount.start()

    def _take_choice(self) -> None:
        """What the user chose since the last match shown: the match it is, or the place after it."""
        chosen, self._chosen = self._chosen, None
        if chosen is None or not self.field.text().strip():
            return
        matches = self.matches()
        self.current = chosen[0] if len(chosen) == 1 and chosen[0] in matches else None
        self._at = matches.index(self.current) if self.current is not None else self._after(chosen, matches)

    def _after(self, chosen: list[str], matches: list[str]) -> int:
        """Where the first match after the element chosen is (from the start when it is not in the search)."""
        if len(chosen) != 1 or not matches:
            return -1
        document = self.main.document
        if self._order[0] != (document, document.index.generation):
            self._order = ((document, document.index.generation),
                           {element_id: n for n, element_id in enumerate(reading_order(document.index))})
        order = self._order[1]
        place = order.get(chosen[0])
        if place is None:
            return -1
        return next((n for n, element_id in enumerate(matches) if order.get(element_id, -1) > place), len(matches))

    def _show_count(self) -> None:
        self._take_choice()
        matches = self.matches()
        if not self.field.text().strip():
            text = ""
        elif not matches:
            text = self.tr("No match")
        elif self.current in matches:
            text = self.tr("{index} of {count}").format(index=matches.index(self.current) + 1, count=len(matches))
        else:
            text = ntr("{count} match", "{count} matches", len(matches))
        self.count.setText(text)
        self.field.setToolTip(text)  # (the count may be hidden in a narrow bar)
        self._fit(self.width())
        self.count.setStyleSheet("color: #b00020;" if text and not matches else "")
        self.previous.setEnabled(bool(matches))
        self.next.setEnabled(bool(matches))

    def _edited(self) -> None:
        if self.isVisible() and self.field.text():
            self._recount.start()

    def _new_journey(self) -> None:
        self.current = None
        self._at = -1
        self._chosen = None
        self._searched = None
        self._folded.clear()
        if self._scene is not self.main.scene:  # (a new scene with the new journey)
            if shiboken6.isValid(self._scene):
                self._scene.selectionChanged.disconnect(self._selection_changed)
            self._scene = self.main.scene
            self._scene.selectionChanged.connect(self._selection_changed)
        if self.isVisible():
            self._show_count()

    # ------------------------------------------------------------ keys

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.go(-1 if event.modifiers() & Qt.KeyboardModifier.ShiftModifier else 1)
                return True
            if event.key() == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)


def find_bar(window: MainWindow) -> FindBar:
    """*window*'s find bar, put above its canvas the first time it is asked for (nothing of it before)."""
    if window.find_bar is None:
        window.find_bar = install(window)
    return window.find_bar


def install(window: MainWindow) -> FindBar:
    """Put a find bar above *window*'s canvas, in the map's area (the canvas stays where it is)."""
    bar = FindBar(window)
    layout = window.map_area.layout()
    assert isinstance(layout, QVBoxLayout)
    layout.insertWidget(0, bar)
    return bar
