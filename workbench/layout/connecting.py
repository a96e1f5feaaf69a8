"""Handoffs and flow links kept routed as the map changes; mixed into `LayoutEngine`.

Routes within a lane are made again only when their handoffs, the lane's
height or a column they pass changed; routes between lanes when an end's
box, lane or column moved; links when a step at one of their ends moved,
came or went. The shapes themselves are drawn in `routes.py`.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from operator import attrgetter, is_
from typing import TYPE_CHECKING

from workbench.geometry import CardBox, Connector, Rect
from workbench.layout.routes import cross_handoff, handoff_clusters, handoff_span, link_routes, route_handoffs
from workbench.model.journey import Handoff, Link

if TYPE_CHECKING:
    from workbench.layout.engine import Patch


@dataclass
class Cluster:
    """Handoffs of a lane whose spans overlap, routed together: the columns they pass, their routes, how low they go.

    The routes are placed from the left of one column (``base``, its step's
    anchor): when a step added or removed before them pushes every column
    they pass along alike, with the same steps in them, they still hold.
    """

    handoffs: tuple[Handoff, ...]
    columns: frozenset[int]
    connectors: list[Connector]
    bottom: float
    base: str = ""
    """The step whose column the routes are placed from."""
    passes: tuple[tuple[str, str | None], ...] = ()
    """The columns passed, left to right, as the engine's columns are: (stage, step; None: an empty stage's)."""
    offset: int = 0
    """Where the first column passed is, counted from the base step's."""
    at_edge: bool = True
    """The columns passed were cut by an end of the map (they would differ once pushed along)."""


@dataclass
class LaneRoutes:
    """What the routes within one lane were made from, and the band they need under its cards."""

    handoffs: tuple[Handoff, ...]
    content: float
    columns: frozenset[int]
    band: float = 0.0
    clusters: dict[tuple[str, ...], Cluster] = field(default_factory=dict)


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
        """Route the handoffs within a lane again where what they pass by changed; the band they need.

        The lane's handoffs fall into clusters of overlapping spans: a cluster
        whose handoffs are the same and whose columns neither moved nor hold
        a changed card keeps its routes.
        """
        known = self._routes.get(lane_id)
        same = known is not None and len(known.handoffs) == len(handoffs)
        if same and known.content == content and all(a is b for a, b in zip(known.handoffs, handoffs)):  # type: ignore[union-attr]
            shifted = columns_moved and self._shifted.meets(known.columns)  # type: ignore[union-attr]
            if not handoffs or not (shifted or touched and self._crossed(lane_id, known.columns)):  # type: ignore[union-attr]
                return known.band  # type: ignore[union-attr]
            if not touched and self._pushed_along(lane_id, known, patch):  # type: ignore[arg-type]
                return known.band  # type: ignore[union-attr]
        routes = self.layout.handoff_routes
        clusters: dict[tuple[str, ...], Cluster] = {}
        if handoffs:
            old = known.clusters if known is not None else {}
            self._group(lane_id, list(handoffs), old, touched, columns_moved, patch, clusters)
        kept = {h.id for ids in clusters for h in clusters[ids].handoffs}
        for handoff in known.handoffs if known is not None else ():
            if handoff.id not in kept:
                if routes.get(handoff.id, (None,))[0] == lane_id:
                    del routes[handoff.id]
                patch.handoffs.add(handoff.id)
        band = _band(content, clusters)
        columns = frozenset().union(*(c.columns for c in clusters.values()))
        self._routes[lane_id] = LaneRoutes(handoffs, content, columns, band, clusters)
        return band

    def _group(
        self, lane_id: str, handoffs: list[Handoff], old: dict[tuple[str, ...], Cluster], touched: bool,
        columns_moved: bool, patch: Patch, into: dict[tuple[str, ...], Cluster],
    ) -> None:
        """Group *handoffs* (in the lane's order) by overlapping spans, into *into*: a group that was a cluster
        of *old* keeps its routes (as they were, or pushed along), any other is routed again."""
        boxes, routes = self.layout.card_boxes, self.layout.handoff_routes
        extent_of = {cid: _extent(boxes[cid]) for h in handoffs for cid in (h.source, h.target)}
        for group in handoff_clusters(handoffs, extent_of, self.style):
            ids = tuple(map(_ID, group))
            cluster = old.get(ids)
            kept = None if cluster is None else self._keeps(lane_id, group, cluster, touched, columns_moved)
            if kept is None:
                kept = self._route_cluster(lane_id, group)
                for connector in kept.connectors:
                    routes[connector.id] = (lane_id, connector)
                    patch.handoffs.add(connector.id)
            elif kept is not cluster:  # pushed along: the same routes, from a column that moved
                patch.handoff_columns.update(ids)  # (a route per handoff, by its id)
            into[ids] = kept

    def _pushed_along(self, lane_id: str, known: LaneRoutes, patch: Patch) -> bool:
        """Keep the lane's grouping of its handoffs when columns were pushed along alike (a step added or removed
        before some; none of the lane's cards changed); False if it cannot say.

        A cluster that did not move keeps its routes; one wholly in the
        stretch pushed along is the same, a few columns on; only the
        clusters that pass a column that changed (the edit's stage) or reach
        over the start of the stretch are grouped again, among themselves,
        and routed or pushed as a full pass would. They cannot join a
        cluster left as it was: a cluster's columns reach one column beyond
        its span on each side, so the others were at least a free column
        away, and only moved away from them, or as far as that column.
        Thousands of handoffs are then not grouped again for a step added
        early.
        """
        shifted = self._shifted
        if shifted.hi <= shifted.lo:
            return False
        clusters: dict[tuple[str, ...], Cluster] = {}
        again: list[Handoff] = []
        for ids, cluster in known.clusters.items():
            columns = cluster.columns
            if not shifted.meets(columns):
                clusters[ids] = cluster
            elif shifted.some.isdisjoint(columns) and min(columns) >= shifted.kept and (moved := self._pushed(cluster)):
                clusters[ids] = moved
                patch.handoff_columns.update(ids)  # (a route per handoff, by its id)
            else:
                again += cluster.handoffs
        if again:
            order = {h.id: i for i, h in enumerate(known.handoffs)}
            again.sort(key=lambda h: order[h.id])  # (grouped in the lane's order, as a full pass does)
            regrouped: dict[tuple[str, ...], Cluster] = {}
            self._group(lane_id, again, known.clusters, False, True, patch, regrouped)
            if self._reaches_over(regrouped, clusters):
                return False  # (a step moved back took its routes over a cluster left as it was: one group now)
            clusters.update(regrouped)
        band = _band(known.content, clusters)
        if band != known.band:
            return False  # (the lane's height changes: routed as a full pass would, lanes below it moved)
        columns = frozenset().union(*(c.columns for c in clusters.values()))
        self._routes[lane_id] = LaneRoutes(known.handoffs, known.content, columns, band, clusters)
        return True

    def _reaches_over(self, regrouped: dict[tuple[str, ...], Cluster], kept: dict[tuple[str, ...], Cluster]) -> bool:
        """Whether a cluster grouped again overlaps one kept as it was: a full pass would group them as one.

        (Kept clusters are never within one column of a cluster pushed along alike; but a step moved back
        over them, whose handoffs went with it, can reach over them. Only the clusters whose columns meet
        those grouped again are measured.)
        """
        columns = frozenset().union(*(c.columns for c in regrouped.values()))
        near = [c for c in kept.values() if not columns.isdisjoint(c.columns)]
        if not near:
            return False
        boxes = self.layout.card_boxes
        extent_of = {cid: _extent(boxes[cid]) for c in (*regrouped.values(), *near) for h in c.handoffs
                     for cid in (h.source, h.target)}

        def span(cluster: Cluster) -> tuple[float, float]:
            spans = [handoff_span(h, extent_of, self.style) for h in cluster.handoffs]
            return min(left for left, _ in spans), max(right for _, right in spans)

        mine = [span(c) for c in regrouped.values()]
        # (Grouped left to right, a span joins the group before it if it starts before that group's reach.)
        return any(a < d and c < b for a, b in mine for c, d in map(span, near))

    def _keeps(
        self, lane_id: str, group: tuple[Handoff, ...], cluster: Cluster, touched: bool, columns_moved: bool
    ) -> Cluster | None:
        """The cluster if its routes still hold (the same handoffs, by columns that did not change); None if not.

        Columns pushed along alike, with the same steps in them, keep the
        routes: the cluster comes back with the columns where they are now.
        """
        if not all(map(is_, cluster.handoffs, group)):
            return None
        if columns_moved and self._shifted.meets(cluster.columns):
            cluster = self._pushed(cluster)  # type: ignore[assignment]
            if cluster is None:
                return None
        if touched and self._crossed(lane_id, cluster.columns):
            return None
        return cluster

    def _pushed(self, cluster: Cluster) -> Cluster | None:
        """*cluster* where its columns are now, if they hold the same steps in the same order (None: they do not)."""
        base = self._col_of.get(cluster.base)
        if base is None or cluster.at_edge:
            return None
        columns = self._columns
        first = base + cluster.offset
        end = first + len(cluster.passes)
        if first < 1 or end >= len(columns):  # (now at an end of the map: a fresh route would be cut there)
            return None
        if tuple(columns[first:end]) != cluster.passes:
            return None
        c = cluster  # (made directly: ``dataclasses.replace`` costs as much as the rest, on every cluster of a lane)
        return Cluster(c.handoffs, frozenset(range(first, end)), c.connectors, c.bottom, c.base, c.passes, c.offset, False)

    def _crossed(self, lane_id: str, columns: frozenset[int]) -> bool:
        """True if a cell of the lane placed again (a card came, went or changed) is in a column routes pass by."""
        col_of = self._col_of
        return any(lane == lane_id and col_of.get(step, -1) in columns for step, lane in self._placed_cells)

    def _route_cluster(self, lane_id: str, handoffs: tuple[Handoff, ...]) -> Cluster:
        """Route one cluster.

        The routes are made from the left of the column of the cluster's
        leftmost card (its step is the cluster's base), so that they hold
        when the columns are pushed along.
        """
        boxes = self.layout.card_boxes
        x0, pitch = self._x0, self._pitch
        passed: set[int] = set()
        columns = self._columns
        ends = {cid for h in handoffs for cid in (h.source, h.target)}
        rect_of = {cid: _in_lane(boxes[cid]) for cid in ends}
        base_step = boxes[min(ends, key=lambda cid: (rect_of[cid].x, cid))].step
        anchor = self._column(base_step)
        dx = anchor.x
        local = {cid: rect_of[cid].moved(-dx) for cid in ends}

        def span_bottom(left: float, right: float) -> float:
            left, right = left + dx, right + dx
            lowest = float("-inf")
            first = max(0, int((left - x0) // pitch) - 1)
            last = min(len(columns) - 1, int((right - x0) // pitch) + 1)
            passed.update(range(first, last + 1))
            for i in range(first, last + 1):
                step = columns[i][1]
                cell = self._cells.get((step, lane_id)) if step else None
                if cell and cell[0].x + cell[0].local.w > left and cell[0].x < right:
                    lowest = max(lowest, cell[-1].local.bottom)
            return lowest

        def cell_bottom(card_id: str) -> float:
            box = boxes[card_id]
            return self._cells[(box.step, box.lane)][-1].local.bottom

        connectors, bottom = route_handoffs(handoffs, local, span_bottom, cell_bottom, self.style)
        connectors = [replace(c, column=anchor) for c in connectors]
        first, last = min(passed), max(passed)
        # (A range with a hole would not be pushed along as one: it is routed again, as before.)
        whole = len(passed) == last - first + 1
        at_edge = first <= 0 or last >= len(columns) - 1 or not whole
        return Cluster(handoffs, frozenset(passed), connectors, bottom, base_step, tuple(columns[first:last + 1]),
                       first - self._col_of[base_step], at_edge)

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
        ends = {sid for link in journey_links for sid in (link.source, link.target)}
        shown = {sid: boxes[sid] for sid in ends if sid in boxes and sid in self._col_of}
        links = link_routes(journey_links, shown, self.style, self._column, self._link_cache)
        old = {c.id: c for c in lay.link_routes}
        new = {c.id: c for c in links}
        patch.links.update(
            i for i, c in new.items()
            if (was := old.get(i)) is None or (was is not c and (was != c or was.column is not c.column))
        )
        patch.links.update(set(old) - set(new))
        if patch.columns:  # a link pushed along with both its steps is the same route, from a column that moved
            patch.link_columns.update(
                link.id for link in journey_links if link.source in patch.columns and link.id in new and link.id not in patch.links
            )
        lay.link_routes = links


_ID = attrgetter("id")


def _band(content: float, clusters: dict[tuple[str, ...], Cluster]) -> float:
    """How far below a lane's cards (*content* tall) its clusters' routes reach."""
    bottom = max((c.bottom for c in clusters.values()), default=float("-inf"))
    return max(content, bottom) - content


def _extent(box: CardBox) -> tuple[float, float]:
    """A card's left (in the map) and width: as :func:`_in_lane` gives them, without making a Rect."""
    local = box.local
    return (local.x + box.column.x, local.w)


def _in_lane(box: CardBox) -> Rect:
    """A card's rectangle in its lane's coordinates: x in the map, y from the lane's top."""
    return box.local.moved(box.column.x)
