"""Palette drops: where each palette item can land, the drop indicator, and why not.

Every position under a palette drag gets an answer: a `DropPlan` (the command
to run and where to show it landing) or a `Refusal` (a sentence for the status
bar). The view accepts the drag on entry wherever it enters; each move event
then asks `plan_drop`, so a drag that enters over a header and goes on to a
cell drops there. Mixed into `JourneyScene`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsSceneDragDropEvent, QStyleOptionGraphicsItem, QWidget

from workbench import theme
from workbench.geometry import Rect
from workbench.map_layout import Layout
from workbench.model.edits import Edit
from workbench.model.journey import Card, Handoff, Lane, Stage, Step
from workbench.ui.canvas import placement
from workbench.ui.mime import PALETTE_MIME, parse_palette

translate = QCoreApplication.translate
Action = Callable[[], Edit]


@dataclass(frozen=True)
class DropPlan:
    label: str
    action: Action
    #: The area that will receive the element (highlighted while dragging).
    area: Rect | None = None
    #: An insertion line (x1, y1, x2, y2) where the element slots in.
    line: tuple[float, float, float, float] | None = None


@dataclass(frozen=True)
class Refusal:
    reason: str


class DropHintItem(QGraphicsItem):
    """The drop indicator: the receiving area tinted, and an insertion line."""

    #: Over the frozen headers (a step dropped on them) and the cards; a card move's is lower (gestures.py).
    Z = 50.0

    kind = "drop-hint"

    def __init__(self) -> None:
        super().__init__()
        self.area: QRectF | None = None
        self.line: tuple[float, float, float, float] | None = None
        self.setZValue(self.Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.hide()

    def show_plan(self, plan: DropPlan) -> None:
        self.prepareGeometryChange()
        a = plan.area
        self.area = QRectF(a.x, a.y, a.w, a.h) if a is not None else None
        self.line = plan.line
        self.show()
        self.update()

    def boundingRect(self) -> QRectF:
        rect = QRectF(self.area) if self.area is not None else QRectF()
        if self.line is not None:
            x1, y1, x2, y2 = self.line
            rect = rect.united(QRectF(QPointF(min(x1, x2), min(y1, y2)), QPointF(max(x1, x2), max(y1, y2))))
        return rect.adjusted(-6, -6, 6, 6)

    def shape(self) -> QPainterPath:
        return QPainterPath()  # never under the pointer

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        colour = QColor(theme.SELECTION)
        if self.area is not None:
            fill = QColor(colour)
            fill.setAlpha(40)
            painter.setBrush(fill)
            painter.setPen(QPen(colour, 2, Qt.PenStyle.DashLine))
            painter.drawRoundedRect(self.area, 5, 5)
        if self.line is not None:
            x1, y1, x2, y2 = self.line
            painter.setPen(QPen(colour, 4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawLine(QPointF(x1, y1), QPointF(x2, y2))


def _cell_area(lay: Layout, step: str, lane: str) -> Rect:
    column = next(s.column for s in lay.steps if s.id == step)
    row = next(la.row for la in lay.lanes if la.id == lane)
    return Rect(column.x, row.y, column.w, row.h)


def card_slot_line(lay: Layout, step: str, lane: str, index: int, moving: set[str]) -> tuple[float, float, float, float]:
    """The insertion line for a card taking position *index* in a cell."""
    area = _cell_area(lay, step, lane)
    cards = sorted((c for c in lay.cards_in(step, lane) if c.id not in moving), key=lambda c: c.rect.y)
    gap = lay.style.card_gap / 2
    if not cards:
        y = area.y + lay.style.padding
    elif index < len(cards):
        y = cards[index].rect.y - gap
    else:
        y = cards[-1].rect.bottom + gap
    return (area.x + 6, y, area.right - 6, y)


def step_slot_line(doc, lay: Layout, slot: placement.StepSlot, moving: Collection[str] = ()):  # type: ignore[no-untyped-def]
    """A vertical line where a step slot sits, over the height of the map."""
    columns = [b.column for b in lay.steps if b.id not in moving and doc.get(b.id).stage == slot.stage]
    stage = next(s.rect for s in lay.stages if s.id == slot.stage)
    gap = lay.style.gap / 2
    if not columns:
        x = stage.centre[0]
    elif slot.index < len(columns):
        x = columns[slot.index].x - gap
    else:
        x = columns[-1].right + gap
    return (x, stage.bottom, x, lay.height - lay.style.margin)


def lane_kind_title(card_kind: str) -> str:
    return {
        "action": translate("Canvas", "Customer actions"),
        "touchpoint": translate("Canvas", "Touchpoints"),
        "thought": translate("Canvas", "Thoughts"),
        "pain_point": translate("Canvas", "Pain points"),
        "opportunity": translate("Canvas", "Opportunities"),
        "backstage": translate("Canvas", "Backstage"),
    }.get(card_kind, translate("Canvas", "custom"))


class DroppingMixin:
    """Palette drops on JourneyScene."""

    def init_dropping(self) -> None:
        self.drop_hint = DropHintItem()
        self.addItem(self.drop_hint)
        self._last_refusal = ""

    # ------------------------------------------------------------ the rules

    def plan_drop(self, payload: str, at: QPointF, shown: bool = True) -> DropPlan | Refusal:
        """What a palette drop of *payload* at scene point *at* would do, or why it cannot.

        *shown*: *at* is where the pointer is, over the map as shown (frozen
        headers included); False for a point of the layout itself.
        """
        spec = parse_palette(payload)
        if spec is None:
            return Refusal(translate("Canvas", "The workbench does not know this item."))
        what, kind, nature = spec
        if shown:
            at = self.unfrozen(at)  # a frozen header stands for the header itself
        x, y = at.x(), at.y()
        if what == "card":
            return self._plan_card(kind, nature, x, y)
        if what == "step":
            return self._plan_step(x, y)
        if what == "stage":
            return self._plan_stage(x, y)
        if what == "lane":
            return self._plan_lane(x, y)
        if what == "emotion":
            return self._plan_emotion(x, y)
        return self._plan_handoff(x, y)

    def _plan_card(self, kind: str, nature: str | None, x: float, y: float) -> DropPlan | Refusal:
        doc, lay = self.document, self.layout
        cell = lay.cell_at(x, y)
        lane = doc.find(cell[1]) if cell else None
        if cell is None or not isinstance(lane, Lane) or not placement.card_fits_lane(kind, lane.kind):
            return Refusal(translate("Canvas", "Drop it on a cell of the “{lane}” lane (or of a custom lane).")
                           .format(lane=lane_kind_title(kind)))
        card = new_card(doc, cell[0], cell[1], kind, nature)
        index = placement.card_index(lay, cell[0], cell[1], y, set())
        return DropPlan(translate("Canvas", "Add card"), lambda: doc.add(card, index),
                        _cell_area(lay, *cell), card_slot_line(lay, cell[0], cell[1], index, set()))

    def _plan_step(self, x: float, y: float) -> DropPlan | Refusal:
        doc, lay = self.document, self.layout
        slot = placement.step_slot(doc, lay, x)
        if slot is None:
            return Refusal(translate("Canvas", "Add a stage first: a step goes in a stage."))
        if y < lay.stages[0].rect.bottom:
            return Refusal(translate("Canvas", "Drop a step below the stage bar, between two steps."))
        step = Step(id=doc.new_id("steps"), title=translate("Canvas", "New step"), stage=slot.stage)
        return DropPlan(translate("Canvas", "Add step"), lambda: doc.add(step, slot.index),
                        line=step_slot_line(doc, lay, slot))

    def _plan_stage(self, x: float, y: float) -> DropPlan | Refusal:
        doc, lay = self.document, self.layout
        if lay.steps and y > lay.steps[0].header.y:
            return Refusal(translate("Canvas", "Drop a stage on the stage bar at the top of the map."))
        index = placement.stage_index(lay, x)
        stage = Stage(id=doc.new_id("stages"), title=translate("Canvas", "New stage"))
        if lay.stages:
            xs = [s.rect.x - lay.style.gap / 2 for s in lay.stages] + [lay.stages[-1].rect.right + lay.style.gap / 2]
            top, bottom = lay.stages[0].rect.y, lay.stages[0].rect.bottom
            line = (xs[index], top, xs[index], bottom)
        else:
            line = None
        return DropPlan(translate("Canvas", "Add stage"), lambda: doc.add(stage, index), line=line)

    def _plan_lane(self, x: float, y: float) -> DropPlan | Refusal:
        doc, lay = self.document, self.layout
        if not lay.steps or y < lay.steps[0].header.bottom:
            return Refusal(translate("Canvas", "Drop a lane between two lanes, below the step headers."))
        index = placement.lane_index(lay, y)
        lane = Lane(id=doc.new_id("lanes"), kind="custom", title=translate("Canvas", "New lane"))
        ys = [la.row.y for la in lay.lanes] + ([lay.lanes[-1].row.bottom] if lay.lanes else [])
        line = (lay.style.margin, ys[index], lay.width - lay.style.margin, ys[index]) if ys else None
        return DropPlan(translate("Canvas", "Add lane"), lambda: doc.add(lane, index), line=line)

    def _plan_emotion(self, x: float, y: float) -> DropPlan | Refusal:
        lay = self.layout
        step_box, lane_box = lay.step_at(x), lay.lane_at(y)
        if step_box is None or lane_box is None or lane_box.kind != "emotions":
            return Refusal(translate("Canvas", "Drop an emotion on the Emotions lane, at the height of the feeling."))
        level = lay.emotion_level_at(y)
        return DropPlan(translate("Canvas", "Set emotion"), lambda: self.focus.set_level(step_box.id, level),
                        _cell_area(lay, step_box.id, lane_box.id))

    def _plan_handoff(self, x: float, y: float) -> DropPlan | Refusal:
        """A handoff dropped on a digital touchpoint adds an advisor and hands over to it."""
        doc = self.document
        cell = self.layout.cell_at(x, y)
        source = next((c for c in self.layout.cards_in(*cell) if c.rect.contains(x, y)), None) if cell else None
        if source is None or source.nature != "digital":
            return Refusal(translate("Canvas", "Drop a handoff on a digital touchpoint: a person takes over from it."))
        advisor = new_card(doc, source.step, source.lane, "touchpoint", "human")
        advisor = advisor.model_copy(update={"text": translate("Canvas", "An advisor takes over")})
        handoff = Handoff(id=doc.new_id("handoffs"), source=source.id, target=advisor.id)

        def add_both() -> Edit:
            with doc.group() as result:
                doc.add(advisor)
                doc.add(handoff)
            return result[0]

        return DropPlan(translate("Canvas", "Add handoff"), add_both, source.rect)

    # ------------------------------------------------------------- events

    def _refuse(self, reason: str) -> None:
        """Say why, once per change of reason (move events come by the dozen)."""
        if reason != self._last_refusal:
            self._last_refusal = reason
            self.message.emit(reason)

    def clear_drop_hint(self) -> None:
        """The drag left or ended: no indicator. A refusal stays said (the drop did nothing)."""
        self.drop_hint.hide()
        self._last_refusal = ""

    def show_drop_answer(self, answer: DropPlan | Refusal) -> bool:
        """Show the indicator of a plan, or the reason of a refusal; True for a plan."""
        if isinstance(answer, DropPlan):
            self.drop_hint.show_plan(answer)
            if self._last_refusal:
                self._last_refusal = ""
                self.message.emit("")
            return True
        self.drop_hint.hide()
        self._refuse(answer.reason)
        return False

    def dragEnterEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        self.dragMoveEvent(event)

    def dragMoveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        self.ensure_fresh()
        mime = event.mimeData()
        if not mime.hasFormat(PALETTE_MIME):
            event.ignore()
            return
        self.drop_hint.setZValue(DropHintItem.Z)  # (a card moved before lowered it)
        ok = self.show_drop_answer(self.plan_drop(palette_payload(mime), event.scenePos()))
        event.setDropAction(Qt.DropAction.CopyAction)
        event.setAccepted(ok)  # not accepted: Qt shows the "forbidden" cursor

    def dragLeaveEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        self.clear_drop_hint()
        event.accept()

    def dropEvent(self, event: QGraphicsSceneDragDropEvent) -> None:
        self.ensure_fresh()
        self.drop_hint.hide()
        mime = event.mimeData()
        if not mime.hasFormat(PALETTE_MIME):
            event.ignore()
            return
        answer = self.plan_drop(palette_payload(mime), event.scenePos())
        if isinstance(answer, Refusal):
            self._last_refusal = ""
            self._refuse(answer.reason)  # said even if it was already showing: the drop did nothing
            event.ignore()
            return
        event.setDropAction(Qt.DropAction.CopyAction)
        event.accept()
        self._last_refusal = ""
        self.perform_plan(answer, deferred=True)

    def perform_plan(self, plan: DropPlan, deferred: bool = False) -> list[str]:
        """Run a plan; select what it added and open the editor of a new card, step, stage, lane or handoff's trigger."""
        before = element_ids(self.document)
        if not self.run(plan.label, plan.action):
            return []
        added = sorted(element_ids(self.document) - before)
        # A handoff comes with the advisor it hands over to: the handoff alone is selected, so that the inspector
        # shows its trigger and context to fill in (with both, it showed the journey's fields)
        handoffs = [i for i in added if isinstance(self.document.find(i), Handoff)]
        self.select_ids(handoffs or added)
        editable = [i for i in added if self.document.find(i).__class__ in (Card, Step, Stage, Lane)]
        # A new handoff's first blank is its trigger (why the customer moves to a person), typed next as a card's text.
        to_edit = handoffs if len(handoffs) == 1 else editable if len(editable) == 1 and len(added) == 1 else []
        if to_edit:
            # After the drag has ended: the drag's own loop must not keep the keys.
            start = lambda: self.edit_element(to_edit[0])  # noqa: E731
            QTimer.singleShot(0, start) if deferred else start()
        return added


def element_ids(doc) -> set[str]:  # type: ignore[no-untyped-def]
    return {e.id for c in ("stages", "steps", "lanes", "cards", "handoffs", "links") for e in getattr(doc.journey, c)}


def palette_payload(mime) -> str:  # type: ignore[no-untyped-def]
    return bytes(mime.data(PALETTE_MIME).data()).decode("utf-8", "replace")


def new_card(doc, step: str, lane: str, kind: str, nature: str | None) -> Card:  # type: ignore[no-untyped-def]
    return Card(
        id=doc.new_id("cards"),
        step=step,
        lane=lane,
        kind=kind,  # type: ignore[arg-type]
        text=default_card_text(kind, nature),
        channel=default_channel(nature) if kind == "touchpoint" else None,
        nature=nature if kind == "touchpoint" else None,  # type: ignore[arg-type]
    )


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
