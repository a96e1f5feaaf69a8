"""Where a dropped or dragged element lands, from a point of the layout.

Pure functions over the document and its layout (no Qt), so the rules of the
canvas gestures are tested directly as well as through real mouse events.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

from workbench.map_layout import Layout
from workbench.model.document import JourneyDocument
from workbench.model.journey import LANE_FOR_CARD


def card_fits_lane(card_kind: str, lane_kind: str) -> bool:
    if lane_kind == "custom":
        return True
    if card_kind == "note":
        return lane_kind != "emotions"
    return LANE_FOR_CARD.get(card_kind) == lane_kind


@dataclass(frozen=True)
class StepSlot:
    stage: str
    index: int
    """Index among the stage's steps (the moved steps left out)."""


def step_slot(doc: JourneyDocument, lay: Layout, x: float, moving: Collection[str] = ()) -> StepSlot | None:
    """The stage and position a step dropped at *x* takes, among the steps not *moving*."""
    if not lay.stages:
        return None
    stage = next((s for s in lay.stages if s.rect.x - lay.style.gap <= x < s.rect.right + lay.style.gap / 2), None)
    if stage is None:
        stage = lay.stages[0] if x < lay.stages[0].rect.x else lay.stages[-1]
    steps = [b for b in lay.steps if b.id not in moving and doc.get(b.id).stage == stage.id]  # type: ignore[attr-defined]
    index = sum(1 for b in steps if b.column.centre[0] < x)
    return StepSlot(stage.id, index)


def stage_index(lay: Layout, x: float, moving: Collection[str] = ()) -> int:
    """Where a stage dropped at *x* goes among the stages not *moving*."""
    return sum(1 for s in lay.stages if s.id not in moving and s.rect.centre[0] < x)


def lane_index(lay: Layout, y: float, moving: Collection[str] = ()) -> int:
    """Where a lane dropped at *y* goes among the lanes not *moving*."""
    return sum(1 for lane in lay.lanes if lane.id not in moving and lane.row.centre[1] < y)


def card_index(lay: Layout, step: str, lane: str, y: float, moving: set[str]) -> int:
    """Position in a cell for a card whose centre is at *y*."""
    return sum(1 for c in lay.cards_in(step, lane) if c.id not in moving and c.rect.centre[1] < y)


def neighbour_cell(doc: JourneyDocument, step: str, lane: str, dx: int, dy: int, card_kind: str) -> tuple[str, str] | None:
    """The next cell left/right (steps) or up/down (lanes) that accepts the card."""
    steps = [s.id for s in doc.steps()]
    lanes = doc.lanes()
    if dx:
        i = steps.index(step) + dx
        return (steps[i], lane) if 0 <= i < len(steps) else None
    ids = [lane_.id for lane_ in lanes]
    i = ids.index(lane) + dy
    while 0 <= i < len(lanes):
        if card_fits_lane(card_kind, lanes[i].kind):
            return (step, lanes[i].id)
        i += dy
    return None
