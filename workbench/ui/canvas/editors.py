"""The in-place editors of the canvas: a text box over an item, and a touchpoint's channel line after it.

Enter keeps what was typed and Escape cancels; in the title of a step added
by Enter, Enter goes on to the next step (a journey typed title after title).
What an editor keeps is recorded by the scene (`EditingMixin.run_typed`), as
part of the step that added its element while that is the last undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QPainterPath
from PySide6.QtWidgets import QCompleter, QGraphicsTextItem, QLineEdit

from workbench.ui.commands import take_back_last

translate = QCoreApplication.translate


class InlineEditor(QGraphicsTextItem):
    """A text box over an item; Enter commits, Shift+Enter breaks the line, Escape cancels."""

    def __init__(self, scene, element_id: str, field: str, text: str) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self._scene = scene
        self.element_id = element_id
        self.field = field
        self.original = text
        self.done = False
        #: Set for a step just added by Enter: cancelling takes the step away again.
        self.fresh = False
        #: A touchpoint's channel (Tab goes on to it); None for anything else.
        self.channel: str | None = None
        self.fresh_card = False
        #: The undo index right after the step that added the element (just added), else None: see run_typed.
        self.added_at: int | None = None
        #: For a step added by Enter on another: that step. Enter keeps the title and adds the next step (a whole
        #: journey is typed: title, Enter, title, Enter...); Enter on one left untitled, or Escape, ends the run.
        self.follows: str | None = None
        #: The step was added by Enter in the title before it (not by Enter on a step chosen).
        self.chained = False
        #: What the editor hides whatever its text: the element's own box (its old text must not show
        #: under a shorter new one).
        self._covers = QRectF()
        self.setPlainText(text)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        self.setZValue(100)
        self.setDefaultTextColor(Qt.GlobalColor.black)

    def cover(self, size: QRectF) -> None:
        """Hide *size* (from the editor's corner) at least, however short the text becomes."""
        self.prepareGeometryChange()
        self._covers = QRectF(0, 0, size.width(), size.height())

    def boundingRect(self) -> QRectF:
        return super().boundingRect().united(self._covers)

    def shape(self) -> QPainterPath:
        path = QPainterPath()
        path.addRect(self.boundingRect())  # a click in the white below a short text is the editor's, not the card's
        return path

    def contains(self, point: QPointF) -> bool:
        return self.boundingRect().contains(point)

    def paint(self, painter, option, widget=None) -> None:  # type: ignore[no-untyped-def]
        painter.setBrush(Qt.GlobalColor.white)
        painter.setPen(Qt.GlobalColor.darkBlue)
        painter.drawRect(self.boundingRect())
        super().paint(painter, option, widget)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            if self.follows is not None:
                self._next_step()
            else:
                self.finish(commit=True)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.finish(commit=False)
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.Undo) and not self.document().isUndoAvailable():
            # Nothing typed to undo here: the map's Undo (the text editor took the key, and it did nothing).
            scene = self._scene
            just_added = self.fresh and scene.stack.index() == self.added_at
            self.finish(commit=False)  # (a step just added goes: it is what Undo takes back)
            # A step that came by itself after a title typed goes with that title's step: Undo takes back what was
            # last done, and the new step was not asked for.
            if (not just_added or self.chained) and scene.stack.canUndo():
                scene.stack.undo()
            event.accept()
            return
        super().keyPressEvent(event)
        if event.matches(QKeySequence.StandardKey.Undo) and self.toPlainText() == self.original and (
                self.fresh or self.fresh_card or self.follows is not None):
            # Typing undone back to a new element's placeholder ("New step"): selected again, as when the editor
            # opened, so what is typed next replaces it (it was typed after it: "New stepBeta").
            self.select_all()

    def select_all(self) -> None:
        cursor = self.textCursor()
        cursor.select(cursor.SelectionType.Document)
        self.setTextCursor(cursor)

    @property
    def untitled(self) -> bool:
        """A step added by Enter on another whose title was not typed (a run of steps typed ends with it)."""
        return self.follows is not None and self.toPlainText().strip() in ("", self.original)

    def keep_typed(self) -> None:
        """Close, keeping what was typed, as a click elsewhere does (before a save, say): an untitled step that
        followed the last title typed goes."""
        self.finish(not self.untitled)

    def _next_step(self) -> None:
        """Enter in the title of a step added by Enter: the title kept, the next step added after it, ready for
        its title. Left untitled, the step is taken away again and the run ends (no "New step" left behind)."""
        title = self.toPlainText().strip()
        if not title or title == self.original:
            self.finish(commit=False)
            return
        scene, step_id = self._scene, self.element_id
        self.finish(commit=True)
        if step_id in scene.document and scene.document.get(step_id).title == title:  # (kept: not refused)
            scene.add_next_step(step_id)
            if scene.editor is not None:
                scene.editor.chained = True

    def to_channel(self) -> None:
        """Tab on a touchpoint: its channel next, then Enter keeps both as one edit.

        The text stays in view, no longer editable, while the channel is typed (the card under it still shows
        its old text until both are kept: "What happens here", as if what was typed were lost).
        """
        self.done = True
        scene = self._scene
        scene.editor = None
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        channel = ChannelEditor(scene, self.element_id, self.toPlainText(), self.channel or "", self.fresh_card, self.added_at)
        channel.typed_text = self
        channel.start()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        # A click elsewhere in the middle of typing a journey: the step that followed the last title, left
        # untitled, goes.
        reason = event.reason()
        if reason == Qt.FocusReason.ActiveWindowFocusReason:
            return  # another window took the keys for a while: typing goes on on return (a save keeps what is typed)
        self.finish(not self.untitled, reason == Qt.FocusReason.MouseFocusReason)

    def finish(self, commit: bool, clicked_away: bool = False) -> None:
        """Close the editor, keeping what was typed (*commit*) or not; *clicked_away*: a click elsewhere closes it."""
        if self.done:
            return
        self.done = True
        text = self.toPlainText().strip() if self.field == "title" else self.toPlainText()
        scene = self._scene
        scene.editor = None
        scene.removeItem(self)
        if commit and self.element_id in scene.document and text != self.original and (text or self.field == "text"):
            scene.run_typed(
                translate("Canvas", "Edit text"),
                lambda: scene.document.update(self.element_id, **{self.field: text}),
                self.element_id, self.added_at,
            )
        if self.fresh and not commit and scene.stack.index() == self.added_at:
            if clicked_away:  # (after the click: Qt is still handing it to the items it found under the pointer)
                QTimer.singleShot(0, scene, lambda: _take_back_after_click(scene, self.added_at))
            else:  # Escape on a step just added: no placeholder left, nor a redo of it; the selection before it back
                take_back_last(scene.stack)
        elif self.element_id in scene.document:  # (else gone: an undo took it away while it was typed into)
            scene.select_ids([self.element_id])
        for view in scene.views():
            view.setFocus()


def _take_back_after_click(scene, added_at: int | None) -> None:  # type: ignore[no-untyped-def]
    """A step added by Enter, left untitled when a click went elsewhere, taken away; the click's selection kept."""
    if scene.stack.index() != added_at:
        return  # (an edit came in between: the step is no longer the last thing done)
    clicked = scene.selected_ids()
    take_back_last(scene.stack)
    scene.select_ids([i for i in clicked if i in scene.document])


class ChannelEditor(QLineEdit):
    """A touchpoint's channel, typed after its text (Tab), with the journey's channels offered."""

    def __init__(  # type: ignore[no-untyped-def]
        self, scene, card_id: str, text: str, channel: str, fresh_card: bool, added_at: int | None = None
    ) -> None:
        view = scene.views()[0]
        super().__init__(view.viewport())
        self._scene = scene
        self.card_id = card_id
        self.text_value = text
        self.done = False
        self.fresh_card = fresh_card
        self.added_at = added_at
        #: The card's text as typed, shown over the card while its channel is typed (see InlineEditor.to_channel).
        self.typed_text: QGraphicsTextItem | None = None
        self.setObjectName("channel-editor")
        self.setAccessibleName(translate("Canvas", "Channel"))
        self.setPlaceholderText(translate("Canvas", "Channel: mobile app, phone with an advisor, shop..."))
        self.setText(channel)
        channels = sorted({c.channel for c in scene.document.journey.cards if c.channel})
        completer = QCompleter(channels, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.setCompleter(completer)
        item = scene.item_for("card", card_id)
        rect = item.sceneBoundingRect() if item is not None else QRectF(0, 0, 160, 20)
        top_left = view.mapFromScene(QPointF(rect.left(), rect.bottom()))
        self.setMinimumWidth(max(160, view.mapFromScene(QPointF(rect.right(), 0)).x() - top_left.x()))
        self.move(top_left)

    def start(self) -> None:
        self._scene.channel_editor = self
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.TabFocusReason)
        self.selectAll()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        popup = self.completer().popup()
        if popup is not None and popup.isVisible():
            if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                super().keyPressEvent(event)  # (Escape: the completer closes its list; the editor stays open)
                return
            # Return keeps the channel at once (it took two: one closed the list). A suggestion picked with the
            # arrows is in the text already.
            popup.hide()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.finish(commit=True)
        elif event.key() == Qt.Key.Key_Escape:  # the channel as it was; the text typed before Tab is kept (it was lost)
            self.finish(commit=True, channel_too=False)
        elif event.key() == Qt.Key.Key_Backtab:  # back to the text
            self.done = True
            self._close()
            self._scene.edit_element(self.card_id, text=self.text_value, added_at=self.added_at)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: A002 (Qt's name)
        """Tab and Shift+Tab are the editor's own keys (Shift+Tab: back to the text), not a move of the focus."""
        return False

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        popup = self.completer().popup()
        if popup is not None and popup.isVisible():
            return
        if event.reason() != Qt.FocusReason.PopupFocusReason:
            self.finish(commit=True)

    def _close(self) -> None:
        self._scene.channel_editor = None
        if self.typed_text is not None and self.typed_text.scene() is not None:
            self.typed_text.scene().removeItem(self.typed_text)
        self.typed_text = None
        self.hide()
        self.deleteLater()

    def finish(self, commit: bool, channel_too: bool = True) -> None:
        """Close; with *commit*, keep the text typed before Tab, and the channel typed here if *channel_too*."""
        if self.done:
            return
        self.done = True
        scene, card_id = self._scene, self.card_id
        self._close()
        if commit and card_id in scene.document:
            text, channel = self.text_value, self.text().strip()
            if channel_too:
                change = lambda: scene.document.update(card_id, text=text, channel=channel or None)  # noqa: E731
            elif text != scene.document.get(card_id).text:
                change = lambda: scene.document.update(card_id, text=text)  # noqa: E731
            else:
                change = None
            if change is not None:
                scene.run_typed(translate("Canvas", "Edit touchpoint"), change, card_id, self.added_at)
        if card_id in scene.document:
            scene.select_ids([card_id])
        for view in scene.views():
            view.setFocus()
