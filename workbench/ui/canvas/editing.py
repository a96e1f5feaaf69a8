"""In-place text editing, deleting, and the clipboard on the canvas.

Mixed into `JourneyScene`. Enter commits an in-place edit and Escape
cancels it; delete is one command that removes the selection and whatever
depends on it; copy puts cards on the clipboard with a workbench MIME type
(for pasting, in this window or another) and as plain text (for other apps).
"""

from __future__ import annotations

import json

from PySide6.QtCore import QCoreApplication, QMimeData, Qt
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import QApplication, QGraphicsTextItem

from workbench.model.edits import Edit
from workbench.model.errors import EditError
from workbench.model.journey import Card
from workbench.ui.canvas.items import (
    CardItem,
    LaneTitleItem,
    StageItem,
    StepItem,
)
from workbench.ui.canvas.painting import font_at_dpi
from workbench.ui.canvas.placement import card_fits_lane
from workbench.ui.mime import ELEMENTS_MIME

translate = QCoreApplication.translate
EDITABLE = {"card": "text", "step": "title", "stage": "title", "lane": "title"}
DELETABLE = ("handoff", "link", "card", "step", "lane", "stage")


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
        self.setPlainText(text)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextEditorInteraction)
        self.setZValue(100)
        self.setDefaultTextColor(Qt.GlobalColor.black)

    def paint(self, painter, option, widget=None) -> None:  # type: ignore[no-untyped-def]
        painter.setBrush(Qt.GlobalColor.white)
        painter.setPen(Qt.GlobalColor.darkBlue)
        painter.drawRect(self.boundingRect())
        super().paint(painter, option, widget)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.finish(commit=True)
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape:
            self.finish(commit=False)
            event.accept()
            return
        super().keyPressEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.finish(commit=True)

    def finish(self, commit: bool) -> None:
        if self.done:
            return
        self.done = True
        text = self.toPlainText().strip() if self.field == "title" else self.toPlainText()
        scene = self._scene
        scene.editor = None
        scene.removeItem(self)
        if commit and text != self.original and (text or self.field == "text"):
            scene.run(
                translate("Canvas", "Edit text"),
                lambda: scene.document.update(self.element_id, **{self.field: text}),
            )
        if self.fresh and not commit and scene.stack.canUndo():
            scene.stack.undo()  # Escape on a step just added: no placeholder left behind
        else:
            scene.select_ids([self.element_id])
        for view in scene.views():
            view.setFocus()


class EditingMixin:
    editor: InlineEditor | None = None

    def edit_selected(self, fresh: bool = False) -> bool:
        """Start editing the text of the one selected card, step, stage or lane."""
        self.ensure_fresh()
        items = [i for i in self.selectedItems() if isinstance(i, (CardItem, StepItem, StageItem, LaneTitleItem))]
        if len(items) != 1:
            return False
        return self.edit_item(items[0], fresh)

    def edit_item(self, item, fresh: bool = False) -> bool:  # type: ignore[no-untyped-def]
        field = EDITABLE[item.kind]
        element = self.document.get(item.element_id)
        text_box = item.box.text if isinstance(item, (CardItem, StepItem, StageItem)) else item.box.title
        editor = InlineEditor(self, item.element_id, field, getattr(element, field))
        editor.fresh = fresh
        size = max(text_box.size, 9.0)
        view = self.views()[0] if self.views() else None
        editor.setFont(font_at_dpi(view.viewport().logicalDpiY() if view else 96, size, text_box.bold))
        editor.setTextWidth(max(item.rect.w, 120))
        editor.setPos(item.rect.x, item.rect.y)
        self.addItem(editor)
        self.editor = editor
        for view in self.views():
            view.ensureVisible(item.sceneBoundingRect(), 40, 40)
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        cursor = editor.textCursor()
        cursor.select(cursor.SelectionType.Document)
        editor.setTextCursor(cursor)
        return True

    def mouseDoubleClickEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        item = next(
            (i for i in self.items(event.scenePos()) if isinstance(i, (CardItem, StepItem, StageItem, LaneTitleItem))),
            None,
        )
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

        label = translate("Canvas", "Paste {count} cards").format(count=len(cards))
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
