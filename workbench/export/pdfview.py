"""What of a laid-out map meets a page's view, found without looking at every element.

A tiled export draws hundreds of pages of one map. Looking at every card,
face and curve segment for each page made the export quadratic (every tile
drew the whole emotion curve and every face). :class:`Shown` indexes the
layout once: steps by the left of their column, cards by cell, the curve's
segments by x, each connector's bounds; a page then asks only for its own.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from workbench.geometry import Bezier, CardBox, Connector, EmotionPoint, Rect, StageBox, StepBox
from workbench.map_layout import Layout


def bounds(path: tuple[Bezier, ...] | list[Bezier]) -> Rect:
    """The box holding every point of *path* (a Bézier lies within its control points)."""
    xs = [p[0] for seg in path for p in seg]
    ys = [p[1] for seg in path for p in seg]
    return Rect(min(xs), min(ys), max(xs) - min(xs) + 1, max(ys) - min(ys) + 1)


def _starting_in(items: list, lefts: list[float], widest: float, view: Rect | None) -> list:  # type: ignore[type-arg]
    """The *items* (sorted by their *lefts*, none wider than *widest*) that may meet *view*."""
    if view is None:
        return items
    return items[bisect_right(lefts, view.x - widest) : bisect_left(lefts, view.right)]


class Shown:
    """An index of one layout for drawing it a view at a time."""

    def __init__(self, lay: Layout) -> None:
        self.layout = lay
        self._steps = lay.steps  # in column order, left to right
        self._stages = lay.stages  # left to right too
        self._stage_lefts = [stage.rect.x for stage in self._stages]
        self._widest_stage = max((stage.rect.w for stage in self._stages), default=0.0)
        self._lefts = [s.header.x for s in self._steps]
        self._width = lay.style.column_width
        self._points = {p.step: p for p in lay.emotion_points}
        handoffs, links = lay.handoffs, lay.links  # (each placed in the map on every ask: asked once)
        self.handoffs = [(bounds(c.path), c) for c in handoffs]
        self.links = [(bounds(c.path), c) for c in links]
        self.labels = [c for c in handoffs + links if c.label is not None]
        # Each run of the curve with the left-most x of each of its segments (runs go left to right).
        self._runs: list[tuple[list[float], list[float], list[Bezier]]] = []
        for run in lay.emotion_curves:
            lefts = [min(seg[0][0], seg[1][0], seg[2][0], seg[3][0]) for seg in run]
            rights = [max(seg[0][0], seg[1][0], seg[2][0], seg[3][0]) for seg in run]
            self._runs.append((lefts, rights, run))

    def steps(self, view: Rect | None) -> list[StepBox]:
        """The steps whose column meets *view* (all when None), left to right."""
        return _starting_in(self._steps, self._lefts, self._width, view)

    def stages(self, view: Rect | None) -> list[StageBox]:
        """The stages whose header may meet *view* (all when None), left to right."""
        return _starting_in(self._stages, self._stage_lefts, self._widest_stage, view)

    def cards(self, view: Rect | None) -> Iterator[CardBox]:
        """The cards of the steps shown; the caller still tests each against the view."""
        if view is None:
            yield from self.layout.card_boxes.values()
            return
        cells = self.layout.cells
        lanes = [lane.id for lane in self.layout.lanes if lane.row.y < view.bottom and view.y < lane.row.bottom]
        for step in self.steps(view):
            for lane_id in lanes:
                yield from cells.get((step.id, lane_id), ())

    def faces(self, view: Rect | None) -> Iterator[EmotionPoint]:
        if view is None:
            yield from self.layout.emotion_points
            return
        for step in self.steps(view):
            point = self._points.get(step.id)
            if point is not None:
                yield point

    def curve(self, view: Rect | None) -> Iterator[list[Bezier]]:
        """The pieces of the curve's runs that meet *view*: the segments it crosses, whole."""
        for lefts, rights, run in self._runs:
            if view is None:
                yield run
                continue
            if not run or rights[-1] < view.x or lefts[0] > view.right:
                continue
            # Segments go left to right: the first one reaching into the view, to the last one starting in it.
            first = max(0, bisect_left(rights, view.x) - 1)
            last = min(len(run), bisect_right(lefts, view.right) + 1)
            if first < last:
                yield run[first:last]

    @staticmethod
    def meeting(items: list[tuple[Rect, Connector]], view: Rect | None) -> list[Connector]:
        return [c for box, c in items if view is None or box.overlaps(view)]
