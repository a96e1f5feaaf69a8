"""Handoffs and flow links kept routed as the map changes; mixed into `LayoutEngine`.

Routes within a lane are made again only when their handoffs, the lane's
height or a column they pass changed; routes between lanes when an end's
box, lane or column moved; links when a step at one of their ends moved,
came or went. The shapes themselves are drawn in `routes.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from workbench.geometry import CardBox, Connector, Rect
from workbench.layout.routes import cross_handoff, lane_handoffs, link_routes
from workbench.model.journey import Handoff, Link

if TYPE_CHECKING:
    from workbench.layout.engine import Patch


@dataclass
class LaneRoutes:
    """What the routes within one lane were made from, and the band they need under its cards."""

    handoffs: tuple[Handoff, ...]
    content: float
    columns: frozenset[int]
    band: float = 0.0


class ConnectorsMixin:
    """Routing of `LayoutEngine` (its state: cells, columns, anchors, routes)."""

    def _handoffs_by_lane(self) -> dict[str, list[Handoff]]:
        boxes = self.layout.card_boxes
        in_lane: dict[str, list[Handoff]] = {}
        for handoff in self._journey().handoffs:
            a, b = boxes.get(handoff.source), boxes.get(handoff.target)
            if a is not None and b is not None and a.lane == b.lane:
                in_lane.setdefault(a.lane, []).append(handoff)
        return in_lane

    def _route(
        self, lane_id: str, handoffs: tuple[Handoff, ...], content: float, touched: bool, columns_moved: bool, patch: Patch
    ) -> float:
        """Route the handoffs within a lane again if what they pass by changed; the band they need."""
        known = self._routes.get(lane_id)
        same = known is not None and len(known.handoffs) == len(handoffs)
        if same and known.content == content and all(a is b for a, b in zip(known.handoffs, handoffs)):  # type: ignore[union-attr]
            shifted = columns_moved and not self._shifted.isdisjoint(known.columns)  # type: ignore[union-attr]
            if not handoffs or not (shifted or touched and self._crossed(lane_id, known.columns, patch)):  # type: ignore[union-attr]
                return known.band  # type: ignore[union-attr]
        routes = self.layout.handoff_routes
        if known is not None:
            for handoff in known.handoffs:
                if routes.get(handoff.id, (None,))[0] == lane_id:
                    del routes[handoff.id]
                patch.handoffs.add(handoff.id)
        if not handoffs:
            self._routes[lane_id] = LaneRoutes((), content, frozenset())
            return 0.0
        connectors, band, columns = self._route_lane(lane_id, handoffs, content)
        for connector in connectors:
            routes[connector.id] = (lane_id, connector)
            patch.handoffs.add(connector.id)
        self._routes[lane_id] = LaneRoutes(handoffs, content, columns, band)
        return band

    def _crossed(self, lane_id: str, columns: frozenset[int], patch: Patch) -> bool:
        """True if a card that changed in the lane lies in a column its routes pass by."""
        boxes = self.layout.card_boxes
        for card_id in patch.cards:
            box = boxes.get(card_id)
            if box is None or box.lane == lane_id and self._col_of.get(box.step, -1) in columns:
                return True
        return False

    def _route_lane(self, lane_id: str, handoffs: tuple[Handoff, ...], content: float) -> tuple[list[Connector], float, frozenset[int]]:
        boxes = self.layout.card_boxes
        x0, pitch = self._x0, self._pitch
        rect_of = {cid: _in_lane(boxes[cid]) for h in handoffs for cid in (h.source, h.target)}
        steps = [sid for _, sid in self._columns]
        passed: set[int] = set()

        def span_bottom(left: float, right: float) -> float:
            lowest = float("-inf")
            first = max(0, int((left - x0) // pitch) - 1)
            last = min(len(steps) - 1, int((right - x0) // pitch) + 1)
            passed.update(range(first, last + 1))
            for i in range(first, last + 1):
                cell = self._cells.get((steps[i], lane_id)) if steps[i] else None
                if cell and cell[0].x + cell[0].local.w > left and cell[0].x < right:
                    lowest = max(lowest, cell[-1].local.bottom)
            return lowest

        def cell_bottom(card_id: str) -> float:
            box = boxes[card_id]
            return self._cells[(box.step, box.lane)][-1].local.bottom

        connectors, band = lane_handoffs(list(handoffs), rect_of, span_bottom, cell_bottom, content, self.style)
        return connectors, band, frozenset(passed)

    def _update_cross_handoffs(self, patch: Patch) -> None:
        """Handoffs between two lanes: routed again when an end's box or lane moved."""
        boxes, routes = self.layout.card_boxes, self.layout.handoff_routes
        now: dict[str, tuple[Handoff, CardBox, CardBox, float, float, float, float]] = {}
        for handoff in self._journey().handoffs:
            a, b = boxes.get(handoff.source), boxes.get(handoff.target)
            if a is None or b is None or a.lane == b.lane:
                continue
            key = (handoff, a, b, a.anchor.y, b.anchor.y, a.column.x, b.column.x)
            before = self._cross.get(handoff.id)
            now[handoff.id] = key
            if before is not None and before[0] is handoff and before[1] == a and before[2] == b and before[3:] == key[3:]:
                continue
            routes[handoff.id] = (None, cross_handoff(handoff, a.rect, b.rect, self.style))
            patch.handoffs.add(handoff.id)
        for handoff_id in set(self._cross) - set(now):
            if routes.get(handoff_id, (None,))[0] is None:
                routes.pop(handoff_id, None)
            patch.handoffs.add(handoff_id)
        self._cross = now

    def _links_touch(self, steps: set[str]) -> bool:
        """Does a flow link start or end at one of *steps* (whose headers moved, came or went)?"""
        links = self._journey().links
        if not links:
            return False
        if len(steps) * 4 > len(links):
            return any(link.source in steps or link.target in steps for link in links)
        return any(isinstance(e, Link) for sid in steps for e in self.index.dependents(sid))

    def _update_links(self, patch: Patch) -> None:
        lay = self.layout
        journey_links, boxes = self._journey().links, self._step_boxes
        # Only the ends' headers: a header's rectangle is worked out from its column on each ask.
        ends = {sid for link in journey_links for sid in (link.source, link.target)}
        headers = {sid: boxes[sid].header for sid in ends if sid in boxes and sid in self._col_of}
        links = link_routes(journey_links, headers, self.style)
        old = {c.id: c for c in lay.links}
        new = {c.id: c for c in links}
        patch.links.update(i for i, c in new.items() if old.get(i) != c)
        patch.links.update(set(old) - set(new))
        lay.links = links


def _in_lane(box: CardBox) -> Rect:
    """A card's rectangle in its lane's coordinates: x in the map, y from the lane's top."""
    r = box.local
    return Rect(box.column.x + r.x, r.y, r.w, r.h)
