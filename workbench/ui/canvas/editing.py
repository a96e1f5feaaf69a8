"""In-place text editing, deleting, and the clipboard on the canvas.

Mixed into `JourneyScene`. The editors themselves (a text box over an item,
a touchpoint's channel line) are in `editors.py`: this opens and closes them
and records what they keep. Delete is one command that removes the selection and whatever
depends on it; copy puts cards on the clipboard with a workbench MIME type
(for pasting, in this window or another) and as plain text (for other apps).
"""

from __future__ import annotations

import json
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QMimeData, QRectF, Qt
from PySide6.QtWidgets import QApplication

from workbench.i18n import ntr
from workbench.model.edits import Edit
from workbench.model.errors import EditError
from workbench.model.journey import Card
from workbench.ui.canvas.curves import ConnectorItem
from workbench.ui.canvas.editors import ChannelEditor, InlineEditor
from workbench.ui.canvas.header_items import StageItem, StepItem
from workbench.ui.canvas.items import CardItem, LaneTitleItem
from workbench.ui.canvas.painting import font_at_dpi
from workbench.ui.canvas.placement import card_fits_lane
from workbench.ui.commands import join_last
from workbench.ui.mime import ELEMENTS_MIME

translate = QCoreApplication.translate
EDITABLE = {"card": "text", "step": "title", "stage": "title", "lane": "title", "link": "label", "handoff": "trigger"}
DELETABLE = ("handoff", "link", "card", "step", "lane", "stage")
#: How much of an element, from its left, is brought into view with its editor (a card's width and then some).
EDITOR_IN_VIEW = 320.0


def qrect_of(item: ConnectorItem) -> QRectF:
    """Where a connector's label is, or the middle of its curve when it has none."""
    label = item.connector.label
    if label is not None:
        r = label.rect
        return item.mapRectToScene(QRectF(r.x, r.y, r.w, r.h))
    middle = item.path().pointAtPercent(0.5)
    return item.mapRectToScene(QRectF(middle.x() - 60, middle.y() - 10, 120, 20))


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
        self.wake_ids((element_id,))
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
        # Where the text begins, in view: a stage wider than the view kept its start (where the editor's text is)
        # under the frozen lane titles when it was scrolled past, and the title was typed blind (exploratory test).
        shown = item.sceneBoundingRect()
        shown.setWidth(min(shown.width(), EDITOR_IN_VIEW))
        for view in self.views():
            view.ensureVisible(shown, 40, 40)
            view.setFocus(Qt.FocusReason.OtherFocusReason)  # the keys come to the canvas, not the palette
        band = self.band_of(item) if not isinstance(item, ConnectorItem) else None
        if band is not None:  # a header frozen at the top (or a lane title at the left): where it is shown now,
            rect.translate(band.pos())  # after the scroll above (it opened ~45 px too high, over the stages)
        editor.setTextWidth(max(rect.width(), 120))
        editor.cover(rect)
        editor.setPos(rect.x(), rect.y())
        self.addItem(editor)
        self.editor = editor
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
            return self.clear_faces(self.selected_ids("emotion"))
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
        place = self.keyboard_place() if self.keyboard_active else None
        before = [s.id for s in self.document.steps()] if place is not None else []
        done = self.run(label, remove_all)
        if done and place is not None:
            self._keep_place(place, before)
        return done

    def clear_faces(self, steps: list[str]) -> bool:
        """Delete on selected faces: no emotion there any more, on the curve being edited (Delete did nothing, and
        only a menu removed a face). The keyboard stays on the emptied cells: Enter gives a neutral face back."""
        if not steps:
            return False
        doc = self.document

        def clear_all() -> Edit:
            with doc.group() as result:
                for step in steps:
                    self.focus.set_level(step, None)
            return result[0]

        if not self.run(translate("Canvas", "Remove emotion"), clear_all):
            return False
        lane = self._emotion_lane()
        if lane is not None:
            self.focus_cell(steps[0], lane)
        return True

    def _keep_place(self, place: tuple[str, str | None, int | None], before: list[str]) -> None:
        """After a Delete, the keyboard stays where the element was: its cell, or the step that came next
        when a step was deleted (the next arrow key went back to the journey's first step)."""
        step, lane, _ = place
        if step in self.document:
            if lane is not None and lane in self.document:
                self.focus_cell(step, lane)
            else:
                self._select_one(step)
            return
        left = [s for s in before[before.index(step):] if s in self.document] if step in before else []
        left = left or [s for s in reversed(before) if s in self.document]
        if left:
            self._select_one(left[0])

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
        cell = getattr(self, "cursor_cell", None)  # the empty cell the keyboard is on (it was ignored)
        if cell is not None and cell[0] in self.document and cell[1] in self.document:
            return cell
        cards = self.selected_ids("card")
        if cards:
            card = self.document.get(cards[0])
            return (card.step, card.lane)  # type: ignore[attr-defined]
        return None
