"""What the hands do on the canvas, turned into commands.

Drags of cards, steps, stages, lanes and emotion faces; a drag (or a click
then a click) from a port to draw a handoff (digital to human touchpoint) or a
flow link (step to step); Escape cancels whatever is in progress. While an
element is dragged, the drop indicator shows where it would land, or the
status bar says why it cannot. Each gesture is one undo step. Mixed into
`JourneyScene`; palette drops are in `dropping.py`, keys in `keyboard.py`, handoffs and links being
drawn in `connecting.py`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLineF, QPointF, Qt
from PySide6.QtGui import QTransform
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSceneMouseEvent

from workbench.geometry import Rect
from workbench.model.edits import Edit
from workbench.model.errors import EditError
from workbench.model.journey import Lane, Stage
from workbench.ui.canvas import placement
from workbench.ui.canvas.blocks import BlockItem
from workbench.ui.canvas.connecting import Connection
from workbench.ui.canvas.dropping import DropHintItem, DropPlan, Refusal, card_slot_line, step_slot_line
from workbench.ui.canvas.curves import EmotionItem
from workbench.ui.canvas.header_items import StageItem, StepItem
from workbench.ui.canvas.items import CARRIED_Z, CardItem, LaneTitleItem
from workbench.ui.commands import perform
from workbench.ui.messages import not_possible

translate = QCoreApplication.translate
Action = Callable[[], Edit]


class GesturesMixin:
    """Mouse handling of JourneyScene (see scene.py)."""

    def init_gestures(self) -> None:
        self._connecting: Connection | None = None
        self._pressed = False
        self._grabbed: QGraphicsItem | None = None

    # ------------------------------------------------------------ running

    def run(self, label: str, action: Action, merge_key: object = None) -> bool:
        """Perform *action* as one undo step; a refused edit becomes a status message."""
        try:
            done = perform(self.stack, self.document, label, action, merge_key)
        except EditError as error:
            self.refresh()  # put dragged items back where the model says
            self.message.emit(not_possible(error))
            return False
        if not done:
            self.refresh()
        else:
            self.message.emit("")  # an earlier refusal no longer applies
        return done

    def _view(self):  # type: ignore[no-untyped-def]
        return self.views()[0] if self.views() else None

    # -------------------------------------------------------------- mouse

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.ensure_fresh()
        if self.keyboard_active:  # the mouse leads again: no keyboard outline
            self.keyboard_active = False
            self.cursor_cell = None
            self.update_focus_frame()
        if self._connecting is not None:  # started from a menu: this click ends it
            if event.button() == Qt.MouseButton.LeftButton:
                self._finish_connection(event.scenePos())
            else:
                self.cancel_gesture()
            event.accept()
            return
        if event.button() == Qt.MouseButton.LeftButton:
            view = self._view()
            item = next((i for i in self.items(event.scenePos(), Qt.ItemSelectionMode.IntersectsItemShape,
                                               Qt.SortOrder.DescendingOrder, view.transform() if view else QTransform())
                         if not isinstance(i, BlockItem)), None)  # (a column block reaches over the lanes: not it)
            local = item.mapFromScene(event.scenePos()) if item is not None else QPointF()
            if isinstance(item, CardItem) and item.port_contains(local):
                self._start_connection("handoff", item, event.scenePos())
                event.accept()
                return
            if isinstance(item, StepItem) and item.port_contains(local):
                self._start_connection("link", item, event.scenePos())
                event.accept()
                return
        self._pressed = True
        super().mousePressEvent(event)  # type: ignore[misc]
        self._grabbed = self.mouseGrabberItem()  # (of several selected headers dragged, the one that leads)
        if event.button() == Qt.MouseButton.LeftButton and not self.selectedItems():
            self._choose_cell(event.scenePos())

    def _choose_cell(self, at: QPointF) -> None:
        """A click on an empty place of a cell chooses that cell, outlined, as the arrow keys do: Enter (or a
        palette item) then adds a card there. It only cleared the selection, and a card typed next was lost."""
        cell = self.layout.cell_at(at.x(), at.y())
        if cell is None:
            return
        self.cursor_cell = cell
        self.keyboard_active = True  # (the outline shows where the keys act)
        self.update_focus_frame()

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._connecting is not None:
            conn = self._connecting
            conn.line.setLine(QLineF(conn.source.mapToScene(conn.source.port_centre()), event.scenePos()))
            self._show_connection_target(event.scenePos())
            event.accept()
            return
        super().mouseMoveEvent(event)  # type: ignore[misc]
        if self._pressed and event.buttons() & Qt.MouseButton.LeftButton:
            self.blocks.follow(self.selectedItems())  # a dragged item is drawn wherever it goes
            self._show_move_target()

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._connecting is not None:
            if not self._connecting.by_click:
                self._finish_connection(event.scenePos())
            event.accept()
            return
        super().mouseReleaseEvent(event)  # type: ignore[misc]
        if self._pressed and event.button() == Qt.MouseButton.LeftButton:
            self._pressed = False
            self._set_drag_cursor(None)
            self.drop_hint.hide()
            self._finish_drag()

    def cancel_gesture(self) -> bool:
        """Escape: drop the drag or the connection in progress; the journey stays as it was."""
        if self._connecting is not None:
            self.removeItem(self._connecting.line)
            self._connecting = None
            self.clear_drop_hint()
            self.message.emit(translate("Canvas", "Cancelled."))
            return True
        moved = self._moved_items()
        if not self._pressed or not moved:
            return False
        grabber = self.mouseGrabberItem()
        if grabber is not None:
            grabber.ungrabMouse()  # (it hears no release: a header raised for the drag goes back)
            getattr(grabber, "lower_after_drag", lambda: None)()
        self._pressed = False
        for item in moved:
            item.setPos(item.home())
        self._set_drag_cursor(None)
        self.clear_drop_hint()
        self.message.emit(translate("Canvas", "Move cancelled."))
        return True

    # -------------------------------------------------------- moving items

    def _moved_items(self) -> list[QGraphicsItem]:
        """The selected items the drag moved, the one grabbed first (the others in no set order)."""
        moved = [i for i in self.selectedItems() if hasattr(i, "home") and (i.pos() - i.home()).manhattanLength() > 2]
        grabbed = self._grabbed
        if grabbed in moved and moved[0] is not grabbed:
            moved.remove(grabbed)
            moved.insert(0, grabbed)
        return moved

    def _moved_ids(self, first: QGraphicsItem, moved: list[QGraphicsItem]) -> list[str]:
        """The ids of the moved headers of *first*'s kind (steps, stages or lanes), in the map's order."""
        ids = {i.element_id for i in moved if type(i) is type(first)}
        index = self.document.index
        if isinstance(first, StepItem):
            return [s.id for s in index.steps() if s.id in ids]
        if isinstance(first, StageItem):
            return [s.id for s in index.stages() if s.id in ids]
        return [lane.id for lane in index.lanes() if lane.id in ids]

    def _set_drag_cursor(self, shape: Qt.CursorShape | None) -> None:
        view = self._view()
        if view is None:
            return
        if shape is None:
            view.viewport().unsetCursor()
        else:
            view.viewport().setCursor(shape)

    def _move_answer(self, first: QGraphicsItem, moved: list[QGraphicsItem]) -> DropPlan | Refusal | None:
        """Where the dragged elements would land (the indicator), or why they cannot."""
        lay = self.layout
        nothing = lambda: None  # noqa: E731 - a plan here is only shown, never run
        if isinstance(first, CardItem):
            ids = {i.element_id for i in moved}
            centre = first.mapToScene(first.local().center())
            cell = lay.cell_near(centre.x(), centre.y())
            lane = self.document.find(cell[1]) if cell else None
            for item in moved:
                refused = self._card_refusal(item)
                if refused is not None:
                    return Refusal(refused)
            assert cell is not None and isinstance(lane, Lane)
            index = placement.card_index(lay, cell[0], cell[1], centre.y(), ids)
            column = next(s.column for s in lay.steps if s.id == cell[0])
            row = next(la.row for la in lay.lanes if la.id == cell[1])
            return DropPlan("", nothing, Rect(column.x, row.y, column.w, row.h),  # type: ignore[arg-type, return-value]
                            card_slot_line(lay, cell[0], cell[1], index, ids))
        if isinstance(first, StepItem):
            ids = self._moved_ids(first, moved)
            slot = placement.step_slot(self.document, lay, first.sceneBoundingRect().center().x(), ids)
            if slot is None:
                return None
            return DropPlan("", nothing, line=step_slot_line(self.document, lay, slot, ids))  # type: ignore[arg-type, return-value]
        if isinstance(first, StageItem):
            ids = self._moved_ids(first, moved)
            index = placement.stage_index(lay, first.sceneBoundingRect().center().x(), ids)
            others = [s.rect for s in lay.stages if s.id not in ids]
            if not others:
                return None
            x = others[index].x - lay.style.gap / 2 if index < len(others) else others[-1].right + lay.style.gap / 2
            return DropPlan("", nothing, line=(x, others[0].y, x, others[0].bottom))  # type: ignore[arg-type, return-value]
        if isinstance(first, LaneTitleItem):
            ids = self._moved_ids(first, moved)
            index = placement.lane_index(lay, first.sceneBoundingRect().center().y(), ids)
            others = [la.row for la in lay.lanes if la.id not in ids]
            if not others:
                return None
            y = others[index].y if index < len(others) else others[-1].bottom
            return DropPlan("", nothing, line=(lay.style.margin, y, lay.width - lay.style.margin, y))  # type: ignore[arg-type, return-value]
        return None

    def _show_move_target(self) -> None:
        moved = self._moved_items()
        if not moved or isinstance(moved[0], EmotionItem):
            return
        answer = self._move_answer(moved[0], moved)
        if answer is None:
            self.drop_hint.hide()
            return
        # Under a carried card's lane (see items.lift), over the others: what is carried is seen over where it goes.
        self.drop_hint.setZValue(CARRIED_Z - 0.25 if isinstance(moved[0], CardItem) else DropHintItem.Z)
        ok = self.show_drop_answer(answer)
        self._set_drag_cursor(None if ok else Qt.CursorShape.ForbiddenCursor)

    def _finish_drag(self) -> None:
        moved = self._moved_items()
        if not moved:
            return
        first = moved[0]
        if isinstance(first, CardItem):
            self._drop_cards([i for i in moved if isinstance(i, CardItem)])
        elif isinstance(first, StepItem):
            self._drop_steps(first, self._moved_ids(first, moved))
        elif isinstance(first, (StageItem, LaneTitleItem)):
            ids = self._moved_ids(first, moved)
            centre = first.sceneBoundingRect().center()
            if isinstance(first, StageItem):
                index = placement.stage_index(self.layout, centre.x(), ids)
                siblings: list[Stage] | list[Lane] = self.document.index.stages()
                label = translate("Canvas", "Move stage") if len(ids) == 1 else translate("Canvas", "Move {count} stages")
            else:
                index = placement.lane_index(self.layout, centre.y(), ids)
                siblings = self.document.index.lanes()
                label = translate("Canvas", "Move lane") if len(ids) == 1 else translate("Canvas", "Move {count} lanes")
            others = [e.id for e in siblings if e.id not in ids]
            self.run(label.format(count=len(ids)),
                     lambda: self.document.move_together(ids, others[index - 1] if index else None))
        elif isinstance(first, EmotionItem):
            level = self.layout.emotion_level_at(first.scenePos().y())
            self.run(translate("Canvas", "Set emotion"), lambda: self.focus.set_level(first.element_id, level))
        else:
            self.refresh()

    def _card_refusal(self, item: CardItem) -> str | None:
        """Why the dragged card *item* cannot land where its middle is now (None: it can)."""
        centre = item.mapToScene(item.local().center())
        cell = self.layout.cell_near(centre.x(), centre.y())
        if cell is None:  # (off the map: before the first column, after the last, above or below the lanes)
            return translate("Canvas", "A card goes in a cell of the map: drop it on one.")
        lane = self.document.find(cell[1])
        if not isinstance(lane, Lane) or not placement.card_fits_lane(item.box.kind, lane.kind):
            return translate("Canvas", "A card can only go in a cell of a lane of its kind.")
        return None

    def _drop_cards(self, cards: list[CardItem]) -> None:
        moving = {c.element_id for c in cards}
        plan: list[tuple[str, str, str, float]] = []
        for item in sorted(cards, key=lambda c: c.scenePos().y()):
            centre = item.mapToScene(item.local().center())
            refused = self._card_refusal(item)
            if refused is not None:
                self.refresh()
                self.message.emit(refused)
                return
            cell = self.layout.cell_near(centre.x(), centre.y())
            assert cell is not None
            plan.append((item.element_id, cell[0], cell[1], centre.y()))

        def move_all() -> Edit:
            with self.document.group() as result:
                for card_id, step, lane_id, y in plan:
                    index = placement.card_index(self.layout, step, lane_id, y, moving)
                    self.document.move(card_id, index, step=step, lane=lane_id)
            return result[0]

        label = (
            translate("Canvas", "Move card")
            if len(plan) == 1
            else translate("Canvas", "Move {count} cards").format(count=len(plan))
        )
        self.run(label, move_all)

    def _drop_steps(self, grabbed: StepItem, ids: list[str]) -> None:
        """The steps *ids* land together, in their order, where the grabbed one's middle is (one undo step)."""
        doc = self.document
        slot = placement.step_slot(doc, self.layout, grabbed.sceneBoundingRect().center().x(), ids)
        if slot is None:
            self.refresh()
            return
        others = [s.id for s in doc.index.steps_of(slot.stage) if s.id not in ids]
        after = others[slot.index - 1] if slot.index else None
        label = (translate("Canvas", "Move step") if len(ids) == 1
                 else translate("Canvas", "Move {count} steps").format(count=len(ids)))
        self.run(label, lambda: doc.move_together(ids, after, stage=slot.stage))
