"""What the hands do on the canvas, turned into commands.

Drags of cards, steps, stages, lanes and emotion faces; drops from the
palette; a drag from a digital touchpoint's port to a human touchpoint (a
handoff); keys. Each gesture is one undo step. Mixed into `JourneyScene`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLineF, QPointF, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPen, QTransform
from PySide6.QtWidgets import (
    QGraphicsLineItem,
    QGraphicsSceneDragDropEvent,
    QGraphicsSceneMouseEvent,
)

from workbench import theme
from workbench.model.edits import Edit
from workbench.model.errors import EditError
from workbench.model.journey import Card, Handoff, Lane, Stage, Step
from workbench.ui.canvas import placement
from workbench.ui.canvas.items import (
    CardItem,
    EmotionItem,
    LaneTitleItem,
    StageItem,
    StepItem,
)
from workbench.ui.commands import perform
from workbench.ui.mime import PALETTE_MIME, parse_palette

translate = QCoreApplication.translate
Action = Callable[[], Edit]


class GesturesMixin:
    """Mouse, drop and key handling of JourneyScene (see scene.py)."""

    def init_gestures(self) -> None:
        self._connecting: tuple[CardItem, QGraphicsLineItem] | None = None
        self._pressed = False

    # ------------------------------------------------------------ running

    def run(self, label: str, action: Action, merge_key: object = None) -> bool:
        """Perform *action* as one undo step; a refused edit becomes a status message."""
        try:
            done = perform(self.stack, self.document, label, action, merge_key)
        except EditError as error:
            self.refresh()  # put dragged items back where the model says
            self.message.emit(translate("Canvas", "Not possible: {reason}").format(reason=error))
            return False
        if not done:
            self.refresh()
        else:
            self.message.emit("")  # an earlier refusal no longer applies
        return done

    # -------------------------------------------------------------- mouse

    def mousePressEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        self.ensure_fresh()
        if event.button() == Qt.MouseButton.LeftButton:
            view = self.views()[0] if self.views() else None
            item = self.itemAt(event.scenePos(), view.transform() if view else QTransform())
            if isinstance(item, CardItem) and item.port_contains(item.mapFromScene(event.scenePos())):
                line = QGraphicsLineItem(QLineF(event.scenePos(), event.scenePos()))
                line.setPen(QPen(QColor(theme.HANDOFF), 2, Qt.PenStyle.DashLine))
                line.setZValue(20)
                self.addItem(line)
                self._connecting = (item, line)
                event.accept()
                return
        self._pressed = True
        super().mousePressEvent(event)  # type: ignore[misc]

    def mouseMoveEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._connecting is not None:
            source, line = self._connecting
            line.setLine(QLineF(source.mapToScene(source.port_centre()), event.scenePos()))
            event.accept()
            return
        super().mouseMoveEvent(event)  # type: ignore[misc]

    def mouseReleaseEvent(self, event: QGraphicsSceneMouseEvent) -> None:
        if self._connecting is not None:
            source, line = self._connecting
            self._connecting = None
            self.removeItem(line)
            self._finish_handoff(source, event.scenePos())
            event.accept()
            return
        super().mouseReleaseEvent(event)  # type: ignore[misc]
        if self._pressed and event.button() == Qt.MouseButton.LeftButton:
            self._pressed = False
            self._finish_drag()

    def _finish_handoff(self, source: CardItem, at: QPointF) -> None:
        target = next((i for i in self.items(at) if isinstance(i, CardItem)), None)
        if target is None or target.box.nature != "human":
            self.message.emit(translate("Canvas", "A handoff goes from a digital touchpoint to a human one."))
            return
        if any(h.source == source.element_id and h.target == target.element_id for h in self.document.journey.handoffs):
            self.message.emit(translate("Canvas", "These two touchpoints are already linked by a handoff."))
            return
        handoff = Handoff(id=self.document.new_id("handoffs"), source=source.element_id, target=target.element_id)
        self.run(translate("Canvas", "Add handoff"), lambda: self.document.add(handoff))
        self.select_ids([handoff.id])

    def _finish_drag(self) -> None:
        moved = [i for i in self.selectedItems() if hasattr(i, "home") and (i.pos() - i.home()).manhattanLength() > 2]
        if not moved:
            return
        first = moved[0]
        if isinstance(first, CardItem):
            self._drop_cards([i for i in moved if isinstance(i, CardItem)])
        elif isinstance(first, StepItem):
            self._drop_step(first)
        elif isinstance(first, StageItem):
            index = placement.stage_index(self.layout, first.sceneBoundingRect().center().x(), first.element_id)
            self.run(translate("Canvas", "Move stage"), lambda: self.document.move(first.element_id, index))
        elif isinstance(first, LaneTitleItem):
            index = placement.lane_index(self.layout, first.sceneBoundingRect().center().y(), first.element_id)
            self.run(translate("Canvas", "Move lane"), lambda: self.document.move(first.element_id, index))
        elif isinstance(first, EmotionItem):
            level = self.layout.emotion_level_at(first.pos().y())
            self.run(translate("Canvas", "Set emotion"), lambda: self.document.update(first.element_id, emotion=level))
        else:
            self.refresh()

    def _drop_cards(self, cards: list[CardItem]) -> None:
        moving = {c.element_id for c in cards}
        plan: list[tuple[str, str, str, float]] = []
        for item in sorted(cards, key=lambda c: c.pos().y()):
            centre = item.mapToScene(item.local().center())
            cell = self.layout.cell_at(centre.x(), centre.y())
            lane = self.document.find(cell[1]) if cell else None
            if cell is None or not isinstance(lane, Lane) or not placement.card_fits_lane(item.box.kind, lane.kind):
                self.refresh()
                self.message.emit(translate("Canvas", "A card can only go in a cell of a lane of its kind."))
                return
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

    def _drop_step(self, item: StepItem) -> None:
        slot = placement.step_slot(self.document, self.layout, item.sceneBoundingRect().center().x(), item.element_id)
        if slot is None:
            self.refresh()
            return
        self.run(translate("Canvas", "Move step"), lambda: self.document.move(item.element_id, slot.index, stage=slot.stage))

    # -------------------------------------------------------- palette drop

    def drop_action(self, payload: str, at: QPointF) -> tuple[str, Action] | None:
        """The command a palette drop at *at* would run, or None if it cannot go there."""
        spec = parse_palette(payload)
        if spec is None:
            return None
        what, kind, nature = spec
        doc, lay = self.document, self.layout
        x, y = at.x(), at.y()
        if what == "card":
            cell = lay.cell_at(x, y)
            lane = doc.find(cell[1]) if cell else None
            if cell is None or not isinstance(lane, Lane) or not placement.card_fits_lane(kind, lane.kind):
                return None
            card = Card(
                id=doc.new_id("cards"),
                step=cell[0],
                lane=cell[1],
                kind=kind,  # type: ignore[arg-type]
                text=default_card_text(kind, nature),
                channel=default_channel(nature) if kind == "touchpoint" else None,
                nature=nature if kind == "touchpoint" else None,  # type: ignore[arg-type]
            )
            index = placement.card_index(lay, cell[0], cell[1], y, set())
            return translate("Canvas", "Add card"), lambda: doc.add(card, index)
        if what == "step":
            slot = placement.step_slot(doc, lay, x)
            if slot is None or y < lay.stages[0].rect.bottom:
                return None
            step = Step(id=doc.new_id("steps"), title=translate("Canvas", "New step"), stage=slot.stage)
            return translate("Canvas", "Add step"), lambda: doc.add(step, slot.index)
        if what == "stage":
            if lay.steps and y > lay.steps[0].header.y:
                return None
            stage = Stage(id=doc.new_id("stages"), title=translate("Canvas", "New stage"))
            return translate("Canvas", "Add stage"), lambda: doc.add(stage, placement.stage_index(lay, x))
        if what == "lane":
            if not lay.steps or y < lay.steps[0].header.bottom:
                return None
            lane = Lane(id=doc.new_id("lanes"), kind="custom", title=translate("Canvas", "New lane"))
            return translate("Canvas", "Add lane"), lambda: doc.add(lane, placement.lane_index(lay, y))
        if what == "emotion":
            step_box = lay.step_at(x)
            lane_box = lay.lane_at(y)
            if step_box is None or lane_box is None or lane_box.kind != "emotions":
                return None
            level = lay.emotion_level_at(y)
            return translate("Canvas", "Set emotion"), lambda: doc.update(step_box.id, emotion=level)
        if what == "handoff":
            return self._handoff_drop(x, y)
        return None

    def _handoff_drop(self, x: float, y: float) -> tuple[str, Action] | None:
        """A handoff dropped on a digital touchpoint adds an advisor and hands over to it."""
        doc = self.document
        source = next((c for c in self.layout.cards if c.rect.contains(x, y)), None)
        if source is None or source.nature != "digital":
            return None
        advisor = Card(
            id=doc.new_id("cards"),
            step=source.step,
            lane=source.lane,
            kind="touchpoint",
            text=translate("Canvas", "An advisor takes over"),
            channel=default_channel("human"),
            nature="human",
        )
        handoff = Handoff(id=doc.new_id("handoffs"), source=source.id, target=advisor.id)

        def add_both() -> Edit:
            with doc.group() as result:
                doc.add(advisor)
                doc.add(handoff)
            return result[0]

        return translate("Canvas", "Add handoff"), add_both

    def dragEnterEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        self.dragMoveEvent(event)

    def dragMoveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        self.ensure_fresh()
        mime = event.mimeData()
        ok = mime.hasFormat(PALETTE_MIME) and self.drop_action(_payload(mime), event.scenePos()) is not None
        event.setDropAction(Qt.DropAction.CopyAction)
        event.setAccepted(ok)  # not accepted: Qt shows the "forbidden" cursor

    def dragLeaveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        event.accept()

    def dropEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        self.ensure_fresh()
        mime = event.mimeData()
        found = self.drop_action(_payload(mime), event.scenePos()) if mime.hasFormat(PALETTE_MIME) else None
        if found is None:
            event.ignore()
            return
        label, action = found
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        before = _element_ids(self.document)
        if self.run(label, action):
            self.select_ids(sorted(_element_ids(self.document) - before))

    # ---------------------------------------------------------------- keys

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.focusItem() is not None:  # an in-place editor has the keys
            super().keyPressEvent(event)  # type: ignore[misc]
            return
        key = event.key()
        arrows = {Qt.Key.Key_Left: (-1, 0), Qt.Key.Key_Right: (1, 0), Qt.Key.Key_Up: (0, -1), Qt.Key.Key_Down: (0, 1)}
        if key in arrows and self.selected_ids("card"):
            self.nudge_cards(*arrows[key])
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and len(self.selected_ids("step")) == 1:
            self.add_next_step(self.selected_ids("step")[0])
        elif key == Qt.Key.Key_F2:
            self.edit_selected()
        else:
            super().keyPressEvent(event)  # type: ignore[misc]
            return
        event.accept()

    def nudge_cards(self, dx: int, dy: int) -> None:
        ids = self.selected_ids("card")
        doc = self.document

        def move_all() -> Edit:
            with doc.group() as result:
                for card_id in ids:
                    card = doc.get(card_id)
                    target = placement.neighbour_cell(doc, card.step, card.lane, dx, dy, card.kind)  # type: ignore[attr-defined]
                    if target is None:
                        raise EditError(translate("Canvas", "there is no cell further in that direction"))
                    doc.move(card_id, len(doc.cards_at(*target)), step=target[0], lane=target[1])
            return result[0]

        label = translate("Canvas", "Move card") if len(ids) == 1 else translate("Canvas", "Move {count} cards").format(count=len(ids))
        if self.run(label, move_all, merge_key=("nudge", tuple(ids))):
            self.select_ids(ids)

    def add_next_step(self, after: str) -> None:
        doc = self.document
        current = doc.get(after)
        siblings = [s.id for s in doc.siblings(current)]
        step = Step(id=doc.new_id("steps"), title=translate("Canvas", "New step"), stage=current.stage)  # type: ignore[attr-defined]
        if self.run(translate("Canvas", "Add step"), lambda: doc.add(step, siblings.index(after) + 1)):
            self.select_ids([step.id])
            self.edit_selected(fresh=True)


def _element_ids(doc) -> set[str]:  # type: ignore[no-untyped-def]
    return {e.id for c in ("stages", "steps", "lanes", "cards") for e in getattr(doc.journey, c)}


def _payload(mime) -> str:  # type: ignore[no-untyped-def]
    return bytes(mime.data(PALETTE_MIME).data()).decode("utf-8", "replace")


def default_channel(nature: str | None) -> str:
    return {
        "digital": translate("Canvas", "Mobile app"),
        "human": translate("Canvas", "Phone with an advisor"),
        "physical": translate("Canvas", "Shop or branch"),
    }.get(nature or "", "")


def default_card_text(kind: str, nature: str | None) -> str:
    texts = {
        "action": translate("Canvas", "What the customer does"),
        "touchpoint": translate("Canvas", "What happens here"),
        "thought": translate("Canvas", "What the customer thinks"),
        "pain_point": translate("Canvas", "What goes wrong"),
        "opportunity": translate("Canvas", "An idea to do better"),
        "backstage": translate("Canvas", "What the organisation does"),
        "note": translate("Canvas", "Note"),
    }
    return texts.get(kind, "")
