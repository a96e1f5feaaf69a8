"""In-place text editing, deleting, and the clipboard on the canvas.

Mixed into `JourneyScene`. Enter commits an in-place edit and Escape
cancels it; delete is one command that removes the selection and whatever
depends on it; copy puts cards on the clipboard with a workbench MIME type
(for pasting, in this window or another) and as plain text (for other apps).
"""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QMimeData, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QPainterPath
from PySide6.QtWidgets import QApplication, QCompleter, QGraphicsTextItem, QLineEdit

from workbench.i18n import ntr
from workbench.model.edits import Edit
from workbench.model.errors import EditError
from workbench.model.journey import Card
from workbench.ui.canvas.curves import ConnectorItem
from workbench.ui.canvas.items import (
    CardItem,
    LaneTitleItem,
    StageItem,
    StepItem,
)
from workbench.ui.canvas.painting import font_at_dpi
from workbench.ui.canvas.placement import card_fits_lane
from workbench.ui.commands import join_last, take_back_last
from workbench.ui.mime import ELEMENTS_MIME

translate = QCoreApplication.translate
EDITABLE = {"card": "text", "step": "title", "stage": "title", "lane": "title", "link": "label", "handoff": "trigger"}
DELETABLE = ("handoff", "link", "card", "step", "lane", "stage")


def qrect_of(item: ConnectorItem) -> QRectF:
    """Where a connector's label is, or the middle of its curve when it has none."""
    label = item.connector.label
    if label is not None:
        r = label.rect
        return item.mapRectToScene(QRectF(r.x, r.y, r.w, r.h))
    middle = item.path().pointAtPercent(0.5)
    return item.mapRectToScene(QRectF(middle.x() - 60, middle.y() - 10, 120, 20))


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


class EditingMixin:
    editor: InlineEditor | None = None
    channel_editor: ChannelEditor | None = None

    def commit_editors(self) -> None:
        """Keep what is being typed, as a click elsewhere would: before a save, an export or a close (Ctrl+S saved
        the map without the title being typed, the editor still showing it)."""
        if self.editor is not None:
            self.editor.keep_typed()
        if self.channel_editor is not None:
            self.channel_editor.finish(commit=True)

    def close_editors_of(self, element_id: str) -> None:
        """The element being typed into is gone (an undo took it away, say): its editors close, keeping nothing."""
        if self.editor is not None and self.editor.element_id == element_id:
            self.editor.fresh = False  # (gone already: nothing to take away; the stack is in the middle of an undo)
            self.editor.finish(commit=False)
        if self.channel_editor is not None and self.channel_editor.card_id == element_id:
            self.channel_editor.finish(commit=False)

    def run_typed(self, label: str, action: Callable[[], Edit], element_id: str, added_at: int | None) -> bool:
        """Record what was typed into an element: one undo step, or part of the step that added the element
        if that is still the last one (*added_at*): one undo takes away the step added by Enter and its title."""
        key = None
        if added_at is not None and self.stack.index() == added_at:
            key = ("typed into the new", element_id)
            join_last(self.stack, key)
        return self.run(label, action, merge_key=key)

    def edit_selected(self, fresh: bool = False) -> bool:
        """Start editing the text of the one selected card, step, stage, lane, link or handoff."""
        self.ensure_fresh()
        items = [i for i in self.selectedItems() if isinstance(i, (CardItem, StepItem, StageItem, LaneTitleItem, ConnectorItem))]
        if len(items) != 1:
            return False
        return self.edit_item(items[0], fresh)

    def edit_element(self, element_id: str, text: str | None = None, added_at: int | None = None) -> bool:
        """Open the in-place editor of an element (a new card or step just added, say)."""
        self.ensure_fresh()
        self.wake_cards((element_id,))
        item = next((it for kind in EDITABLE if (it := self.items_by_key.get((kind, element_id))) is not None), None)
        if item is None:
            return False
        self.clearSelection()
        item.setSelected(True)
        return self.edit_item(item, text=text, fresh_card=text is None, added_at=added_at)

    def edit_item(  # type: ignore[no-untyped-def]
        self, item, fresh: bool = False, text: str | None = None, fresh_card: bool = False, added_at: int | None = None
    ) -> bool:
        """Open the in-place editor on *item*; *fresh* or *fresh_card*: its element was just added (by the last
        undo step), and what is typed into it joins that step."""
        if self.editor is not None:
            self.editor.finish(commit=True)
        field = EDITABLE[item.kind]
        element = self.document.get(item.element_id)
        if isinstance(item, ConnectorItem):
            text_box = item.connector.label
            rect = qrect_of(item)
        else:
            text_box = item.box.text if isinstance(item, (CardItem, StepItem, StageItem)) else item.box.title
            rect = QRectF(item.rect.x, item.rect.y, item.rect.w, item.rect.h)
        editor = InlineEditor(self, item.element_id, field, getattr(element, field))
        if text is not None:
            editor.setPlainText(text)
        editor.fresh = fresh
        editor.added_at = added_at if added_at is not None else self.stack.index() if fresh or fresh_card else None
        if isinstance(item, CardItem) and item.box.kind == "touchpoint":
            editor.channel = getattr(element, "channel", None) or ""
            editor.fresh_card = fresh_card
        size = max(text_box.size if text_box is not None else 9.0, 9.0)
        bold = text_box.bold if text_box is not None else False
        view = self.views()[0] if self.views() else None
        editor.setFont(font_at_dpi(view.viewport().logicalDpiY() if view else 96, size, bold))
        editor.setTextWidth(max(rect.width(), 120))
        editor.cover(rect)
        editor.setPos(rect.x(), rect.y())
        self.addItem(editor)
        self.editor = editor
        for view in self.views():
            view.ensureVisible(item.sceneBoundingRect(), 40, 40)
            view.setFocus(Qt.FocusReason.OtherFocusReason)  # the keys come to the canvas, not the palette
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        editor.select_all()
        return True

    def mouseDoubleClickEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        item = None
        for under in self.items(event.scenePos()):  # (topmost first)
            if getattr(under, "own_clicks", False):
                break  # an item over the element that answers a double-click itself (a legend entry)
            if isinstance(under, (CardItem, StepItem, StageItem, LaneTitleItem, ConnectorItem)):
                item = under
                break
        if item is not None and self.editor is None:
            self.clearSelection()
            item.setSelected(True)
            self.edit_item(item)
            event.accept()
            return
        super().mouseDoubleClickEvent(event)  # type: ignore[misc]

    # ------------------------------------------------------------- delete

    def delete_selection(self) -> bool:
        ids: list[str] = []
        for kind in DELETABLE:
            ids += [i for i in self.selected_ids(kind) if i not in ids]
        if not ids:
            return False
        doc = self.document

        def remove_all() -> Edit:
            with doc.group() as result:
                for element_id in ids:
                    if element_id in doc:  # may be gone with an earlier one
                        doc.remove(element_id)
            return result[0]

        label = (
            translate("Canvas", "Delete {count} elements").format(count=len(ids))
            if len(ids) > 1
            else translate("Canvas", "Delete")
        )
        return self.run(label, remove_all)

    # ---------------------------------------------------------- clipboard

    def copy_selection(self) -> bool:
        ids = self.selected_ids("card")
        if not ids:
            return False
        cards = [self.document.get(i) for i in ids]
        mime = QMimeData()
        mime.setData(ELEMENTS_MIME, json.dumps({"cards": [c.model_dump(mode="json") for c in cards]}).encode("utf-8"))
        mime.setText("\n".join(c.text for c in cards))  # type: ignore[attr-defined]
        QApplication.clipboard().setMimeData(mime)
        return True

    def cut_selection(self) -> bool:
        return self.copy_selection() and self.delete_selection()

    def paste(self) -> bool:
        """Paste copied cards into the selected cell (or their own cells if they still exist)."""
        mime = QApplication.clipboard().mimeData()
        if mime is None or not mime.hasFormat(ELEMENTS_MIME):
            return False
        try:
            data = json.loads(bytes(mime.data(ELEMENTS_MIME).data()).decode("utf-8"))
            cards = [Card.model_validate(c) for c in data.get("cards", [])]
        except (ValueError, AttributeError, TypeError):
            self.message.emit(translate("Canvas", "The clipboard does not hold cards the workbench can paste."))
            return False
        target = self._paste_cell()
        doc = self.document
        new_ids: list[str] = []

        def cell_for(card: Card) -> tuple[str, str]:
            if target is None:
                return card.step, card.lane
            step, lane = target
            if card_fits_lane(card.kind, doc.get(lane).kind):  # type: ignore[attr-defined]
                return step, lane
            fitting = next((la for la in doc.lanes() if card_fits_lane(card.kind, la.kind)), None)
            if fitting is None:
                raise EditError(translate("Canvas", "no lane of this map takes that kind of card"))
            return step, fitting.id

        def add_all() -> Edit:
            with doc.group() as result:
                for card in cards:
                    step, lane = cell_for(card)
                    copy = card.model_copy(update={"id": doc.new_id("cards"), "step": step, "lane": lane})
                    doc.add(copy)
                    new_ids.append(copy.id)
            return result[0]

        label = ntr("Paste {count} card", "Paste {count} cards", len(cards))
        if self.run(label, add_all):
            self.select_ids(new_ids)
            return True
        return False

    def _paste_cell(self) -> tuple[str, str] | None:
        cards = self.selected_ids("card")
        if cards:
            card = self.document.get(cards[0])
            return (card.step, card.lane)  # type: ignore[attr-defined]
        return None
