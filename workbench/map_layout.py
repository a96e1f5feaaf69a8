"""The laid-out map as a whole: every shape of it, and what gestures ask of it (no Qt).

The shapes themselves are in `geometry.py`; the layout engine (`layout/`) fills a
:class:`Layout`, the canvas and the PDF read it.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field

from workbench.geometry import (
    Bezier,
    CardBox,
    Connector,
    Curve,
    CurveKey,
    EmotionPoint,
    LaneBox,
    Rect,
    Run,
    StageBox,
    StepBox,
    Style,
    joined_runs,
)


@dataclass
class Layout:
    width: float
    height: float
    style: Style
    stages: list[StageBox] = field(default_factory=list)
    steps: list[StepBox] = field(default_factory=list)
    lanes: list[LaneBox] = field(default_factory=list)
    card_boxes: dict[str, CardBox] = field(default_factory=dict)
    emotion_points: list[EmotionPoint] = field(default_factory=list)
    local_curves: list[Run] = field(default_factory=list)
    """The emotion curve's runs, each placed from its first face's column, y from the top of the emotion lane."""
    handoff_routes: dict[str, tuple[str | None, Connector]] = field(default_factory=dict)
    """Each handoff's lane and route; a handoff within one lane is placed from that lane's top."""
    link_routes: list[Connector] = field(default_factory=list)
    """The flow links, each placed from its source step's column (see ``links`` for the map's coordinates)."""
    emotion_lane: LaneBox | None = None
    curves: dict[CurveKey, Curve] = field(default_factory=dict)
    """Every curve shown, in drawing order; the active one is also in emotion_points and local_curves."""
    active: CurveKey | None = None
    """The curve whose faces are edited (the toolbar's persona and scenario)."""
    marks: dict[str, tuple[str, str]] = field(default_factory=dict)
    """Each persona's mark: (shape, colour), for card tags."""

    def curve_runs(self, key: CurveKey) -> list[list[Bezier]]:
        """One curve's runs in map coordinates."""
        curve = self.curves.get(key)
        if self.emotion_lane is None or curve is None:
            return []
        return joined_runs(curve.local_runs, self.emotion_lane.row.y)

    @property
    def links(self) -> list[Connector]:
        """Every flow link's route in map coordinates."""
        return [c.moved(0.0) for c in self.link_routes]

    @property
    def handoffs(self) -> list[Connector]:
        """Every handoff's route in map coordinates."""
        tops = {lane.id: lane.row.y for lane in self.lanes}
        return [c if lane is None else c.moved(tops[lane]) for lane, c in self.handoff_routes.values()]

    cells: dict[tuple[str, str], list[CardBox]] = field(default_factory=dict)
    """The card boxes of each (step, lane) holding cards, in order: a gesture asks for one cell, not every card."""
    _lefts: tuple[list[StepBox] | None, list[float]] = field(default=(None, []), repr=False, compare=False)

    @property
    def cards(self) -> list[CardBox]:
        return list(self.card_boxes.values())

    def cards_in(self, step: str, lane: str) -> list[CardBox]:
        return self.cells.get((step, lane), [])

    @property
    def emotion_curves(self) -> list[list[Bezier]]:
        """The emotion curve's runs in map coordinates."""
        if self.emotion_lane is None:
            return []
        return joined_runs(self.local_curves, self.emotion_lane.row.y)

    def step_at(self, x: float) -> StepBox | None:
        """The step whose column spans *x*."""
        steps, lefts = self._lefts
        if steps is not self.steps:  # the engine gives a new list when columns change
            lefts = [s.header.x for s in self.steps]
            self._lefts = (self.steps, lefts)
        i = bisect_right(lefts, x) - 1
        if i >= 0 and self.steps[i].column.x <= x < self.steps[i].column.right:
            return self.steps[i]
        return None

    def lane_at(self, y: float) -> LaneBox | None:
        for lane in self.lanes:
            if lane.row.y <= y < lane.row.bottom:
                return lane
        return None

    def cell_at(self, x: float, y: float) -> tuple[str, str] | None:
        """(step id, lane id) of the cell under the point, if any."""
        step, lane = self.step_at(x), self.lane_at(y)
        return (step.id, lane.id) if step and lane else None

    def cell_near(self, x: float, y: float) -> tuple[str, str] | None:
        """The cell under the point, or in the gap between two columns or two lanes, the nearer one (a card
        dragged by its edge, its middle over a gap, was refused though the pointer was in a cell)."""
        step, lane = self.step_at(x), self.lane_at(y)
        if step is None:
            step = _nearer([s for s in self.steps if s.column.right <= x][-1:] + [s for s in self.steps if s.column.x > x][:1],
                           lambda s: s.column.x, lambda s: s.column.right, x)
        if lane is None:
            lane = _nearer([la for la in self.lanes if la.row.bottom <= y][-1:] + [la for la in self.lanes if la.row.y > y][:1],
                           lambda la: la.row.y, lambda la: la.row.bottom, y)
        return (step.id, lane.id) if step and lane else None

    def step_gap_at(self, x: float) -> int:
        """Where a step dropped at *x* goes, as an index into the steps in time order."""
        return sum(1 for s in self.steps if s.column.centre[0] < x)

    def lane_gap_at(self, y: float) -> int:
        return sum(1 for lane in self.lanes if lane.row.centre[1] < y)

    def emotion_level_at(self, y: float) -> int:
        """The emotion level (-2..2) that a point dragged to *y* stands for."""
        lane = self.emotion_lane
        if lane is None:
            return 0
        top, span = curve_span(lane.row, self.style)
        level = 2 - round((y - top) / span * 4)
        return max(-2, min(2, level))


def _nearer(pair: list, start, end, at: float):  # type: ignore[no-untyped-def]
    """Of the box before *at* and the box after it (*pair*), the nearer one; None outside the first and last."""
    if len(pair) < 2:
        return None
    before, after = pair
    return before if at - end(before) <= start(after) - at else after


def curve_span(row: Rect, style: Style) -> tuple[float, float]:
    top = row.y + style.padding * 2
    return top, style.emotion_height - style.padding * 4
