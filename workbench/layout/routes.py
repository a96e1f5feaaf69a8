"""Routes of handoffs and flow links between laid-out boxes (no Qt).

Handoffs within one lane run under the cards they span, inside the lane, so
they are routed in the lane's own coordinates (y from its top) and follow it
when it moves. Handoffs between lanes go straight from card to card; flow
links arch over the step headers.
"""

from __future__ import annotations

from collections.abc import Callable

from workbench.geometry import Anchor, Bezier, Connector, Point, Rect, StepBox, Style, Text
from workbench.model.journey import Handoff, Link
from workbench.textmetrics import line_height, text_width, wrap


def _trigger_width(s: Style) -> float:
    """How wide the trigger label of a handoff within a lane may be."""
    return min(150.0, s.column_width - 2 * s.padding)


#: A card's left and width (all that the span of a handoff needs: cheaper than a :class:`Rect` for every card).
Extent = tuple[float, float]


def handoff_span(handoff: Handoff, extent_of: dict[str, Extent], s: Style) -> tuple[float, float]:
    """From where to where a handoff within a lane reaches, its trigger label included."""
    width = _trigger_width(s)
    (ax, aw), (bx, bw) = extent_of[handoff.source], extent_of[handoff.target]
    mx = (ax + aw / 2 + (bx + bw / 2)) / 2  # (the centres' mean, as Rect.centre gives them)
    return min(ax, bx, mx - width / 2), max(ax + aw, bx + bw, mx + width / 2)


def _left_to_right(
    handoffs: list[Handoff] | tuple[Handoff, ...], extent_of: dict[str, Extent], s: Style
) -> list[tuple[tuple[float, float], int, Handoff]]:
    """Each handoff with its span, by where the span starts (then in the given order)."""
    return sorted(((handoff_span(h, extent_of, s), i, h) for i, h in enumerate(handoffs)), key=lambda e: (e[0][0], e[1]))


def handoff_clusters(handoffs: list[Handoff], extent_of: dict[str, Extent], s: Style) -> list[tuple[Handoff, ...]]:
    """The handoffs of a lane in groups whose spans overlap no other group's, left to right.

    A group's routes depend on its own handoffs and the cells under them only,
    so an edit routes again the groups it reaches, not the lane.
    """
    groups: list[tuple[Handoff, ...]] = []
    group: list[Handoff] = []
    reach = float("-inf")
    for (left, right), _, handoff in _left_to_right(handoffs, extent_of, s):
        if group and left >= reach:
            groups.append(tuple(group))
            group = []
        group.append(handoff)
        reach = max(reach, right)
    if group:
        groups.append(tuple(group))
    return groups


def route_handoffs(
    handoffs: list[Handoff] | tuple[Handoff, ...],
    rect_of: dict[str, Rect],
    span_bottom: Callable[[float, float], float],
    cell_bottom: Callable[[str], float],
    s: Style,
) -> tuple[list[Connector], float]:
    """Handoffs between cards of one lane, routed just under the cards they span.

    Rects are in the lane's coordinates. *span_bottom(left, right)* is the
    lowest card bottom of the lane's cells between two x; *cell_bottom(card)*
    the lowest of the card's own cell. The curve dips below the lowest card of
    the columns between its ends and its trigger label sits under it;
    handoffs whose spans overlap take successive tracks. Returns the
    connectors and the lowest bottom they need (-inf for none): the lane's
    band below its cards is what goes below its content.
    """
    width = _trigger_width(s)
    taken: list[tuple[float, float, float]] = []  # (left, right, bottom) of placed connectors still in reach
    out: list[Connector] = []
    lowest = float("-inf")
    extent_of = {cid: (r.x, r.w) for cid, r in rect_of.items()}
    for (left, right), _, handoff in _left_to_right(handoffs, extent_of, s):
        a, b = rect_of[handoff.source], rect_of[handoff.target]
        mx = (a.centre[0] + b.centre[0]) / 2
        taken = [t for t in taken if t[1] > left]  # spans come left to right: one ended here overlaps none to come
        spanned = max(span_bottom(left, right), a.bottom, b.bottom)
        top = max([spanned] + [bottom for l_, r_, bottom in taken if l_ < right])
        curve_y = top + 14
        if abs(a.centre[0] - b.centre[0]) < 1:  # same cell: a bracket on the left-hand side
            start, end = (a.x, a.centre[1]), (b.x, b.centre[1])
            path: tuple[Bezier, ...] = ((start, (start[0] - 14, start[1]), (end[0] - 14, end[1]), end),)
            curve_y = top + 2
            mx = a.centre[0]
        else:
            lowest_in_cell = {
                handoff.source: cell_bottom(handoff.source) <= a.bottom,
                handoff.target: cell_bottom(handoff.target) <= b.bottom,
            }
            path, mx = _around_cards(a, b, curve_y, lowest_in_cell[handoff.source], lowest_in_cell[handoff.target], s)
        label = None
        bottom = curve_y + 2
        if handoff.trigger:
            label = centred_label(handoff.trigger, mx, curve_y + 2, width, s.label_size)
            bottom = label.rect.bottom + 4
        taken.append((left, right, bottom))
        lowest = max(lowest, bottom)
        out.append(Connector(handoff.id, path, label, handoff.context_carried))
    return out, lowest


def cross_handoff(handoff: Handoff, a: Rect, b: Rect, s: Style) -> Connector:
    """A handoff between cards of two lanes, straight from one to the other."""
    curve = _card_to_card(a, b)
    label = None
    if handoff.trigger:
        mx = (curve[0][0] + curve[3][0]) / 2
        my = (curve[0][1] + curve[3][1]) / 2
        width = min(140.0, s.column_width - 2 * s.padding)
        label = centred_label(handoff.trigger, mx, my + 4, width, s.label_size)
    return Connector(handoff.id, (curve,), label, handoff.context_carried)


#: What a flow link was last drawn from and as: the link, its ends' places counted from its source column,
#: its path, its label's lines and box before any shift, the shift its label took, and the route made.
LinkCache = dict[str, tuple[Link, tuple[float, ...], tuple[Bezier, ...], tuple[str, ...], Rect | None, float, Connector]]


def link_routes(
    links: list[Link], steps: dict[str, StepBox], s: Style, column_of: Callable[[str], Anchor] | None = None,
    cache: LinkCache | None = None,
) -> list[Connector]:
    """Flow links over the headers of *steps* (the shown ones, by id); labels shift so that none overlaps another.

    With *column_of* (a step's column anchor), each link is placed from the
    left of its source step's column: a link pushed along with both its
    steps is the very same route, to the bit, wherever it is. With *cache*
    too (filled as it goes), such a link is not drawn again: only its label
    is checked against the others, and if it takes the same shift, the
    route made last time is given again.
    """
    placed = _Placed()
    out: list[Connector] = []
    known_routes: LinkCache = cache if cache is not None else {}
    fresh: LinkCache = {}
    for link in links:
        source, target = steps.get(link.source), steps.get(link.target)
        if source is None or target is None:
            continue
        a, b = source.local_header, target.local_header  # (x from their columns: ``header`` in the map, made below)
        ax, bx = a.x + source.left.x, b.x + target.left.x
        ox = ax if column_of is not None else 0.0  # where x is counted from
        ends = (ax - ox, bx - ox, a.y, b.y, a.w, b.w)
        known = known_routes.get(link.id)
        if known is not None and known[0] is link and known[1] == ends:
            _, _, path, lines, rect, last_shift, route = known
        else:
            path, lines, rect = _link_shape(link, source.header, target.header, ox, s)
            last_shift, route = 0.0, None
        shift = 0.0
        if rect is not None:
            x = rect.x + ox  # (in the map)
            shift = _free_shift(x, rect.y, rect.w, rect.h, placed)  # (among the others)
            placed.add(x + shift, rect.y, rect.w, rect.h)
        column = column_of(link.source) if column_of is not None else None
        if route is None or shift != last_shift or (column is not None and route.column is not column):
            label = None if rect is None else Text(lines, s.label_size, False, rect.moved(shift))
            route = Connector(link.id, path, label) if column is None else Connector(link.id, path, label, column=column)
        fresh[link.id] = (link, ends, path, lines, rect, shift, route)
        out.append(route)
    if cache is not None:
        cache.clear()
        cache.update(fresh)
    return out


def _link_shape(link: Link, a: Rect, b: Rect, ox: float, s: Style) -> tuple[tuple[Bezier, ...], tuple[str, ...], Rect | None]:
    """A link's arch from header *a* to header *b* (x counted from *ox*), and its label's lines and box, unshifted."""
    start, end = (a.x - ox + a.w / 2 + 12, a.y), (b.x - ox + b.w / 2 - 12, b.y)
    # Longer links arch higher, so that nested loops stay apart.
    lift = min(s.link_band - 14, 10 + abs(end[0] - start[0]) * 0.02)
    path = ((start, (start[0], start[1] - lift), (end[0], end[1] - lift), end),)
    if not link.label:
        return path, (), None
    width = max(60.0, min(260.0, abs(end[0] - start[0]) + 40))
    lines = tuple(wrap(link.label, width, s.label_size, max_lines=1))
    height = line_height(s.label_size)
    top = start[1] - lift * 0.75 - 2 - height
    used = max(text_width(line, s.label_size) for line in lines)  # as wide as its words, centred
    return path, lines, Rect((start[0] + end[0]) / 2 - used / 2, top, used, height)


def _around_cards(
    a: Rect, b: Rect, curve_y: float, a_lowest: bool, b_lowest: bool, s: Style
) -> tuple[tuple[Bezier, ...], float]:
    """A route from card *a* to card *b* that never crosses a card.

    It leaves *a* by its bottom when nothing is stacked below it, otherwise by
    its side into the gap between columns; runs under the cards at *curve_y*;
    and reaches *b* the same way. Returns the segments and the x of the middle.
    """
    right = b.centre[0] > a.centre[0]
    half_gap = s.padding + s.gap / 2
    points: list[Point] = []
    if a_lowest:
        points += [(a.centre[0], a.bottom), (a.centre[0], curve_y)]
        down_a = a.centre[0]
    else:
        side = a.right if right else a.x
        down_a = side + (half_gap if right else -half_gap)
        points += [(side, a.bottom - 6), (down_a, a.bottom - 6), (down_a, curve_y)]
    if b_lowest:
        down_b = b.centre[0]
        tail = [(b.centre[0], curve_y), (b.centre[0], b.bottom)]
    else:
        side = b.x if right else b.right
        down_b = side - (half_gap if right else -half_gap)
        if abs(down_b - down_a) < 1:  # both in the same gap: a narrow U, not one line
            down_b += 3 if right else -3
        tail = [(down_b, curve_y), (down_b, b.bottom - 6), (side, b.bottom - 6)]
    return _rounded(points + tail, 5.0), (down_a + down_b) / 2


def _rounded(points: list[Point], radius: float) -> tuple[Bezier, ...]:
    """Straight runs through *points* with rounded corners, as cubic segments."""
    clean = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
    segments: list[Bezier] = []
    current = clean[0]
    for i in range(1, len(clean)):
        corner = clean[i]
        if i == len(clean) - 1:
            segments.append(_line(current, corner))
            break
        before = _towards(corner, current, radius)
        after = _towards(corner, clean[i + 1], radius)
        segments.append(_line(current, before))
        segments.append((before, corner, corner, after))
        current = after
    return tuple(segments)


def _towards(origin: Point, target: Point, distance: float) -> Point:
    dx, dy = target[0] - origin[0], target[1] - origin[1]
    length = (dx * dx + dy * dy) ** 0.5
    if length == 0:
        return origin
    k = min(distance, length / 2) / length
    return (origin[0] + dx * k, origin[1] + dy * k)


def _line(p: Point, q: Point) -> Bezier:
    return (p, (p[0] + (q[0] - p[0]) / 3, p[1] + (q[1] - p[1]) / 3), (p[0] + 2 * (q[0] - p[0]) / 3, p[1] + 2 * (q[1] - p[1]) / 3), q)


def _card_to_card(a: Rect, b: Rect) -> Bezier:
    (ax, ay), (bx, by) = a.centre, b.centre
    if abs(ax - bx) < 1:  # same column: bottom of the upper to top of the lower
        upper, lower = (a, b) if ay <= by else (b, a)
        start, end = (upper.centre[0], upper.bottom), (lower.centre[0], lower.y)
        if upper is b:
            start, end = end, start
        bend = (end[1] - start[1]) / 3
        return (start, (start[0], start[1] + bend), (end[0], end[1] - bend), end)
    start = (a.right, ay) if bx > ax else (a.x, ay)
    end = (b.x, by) if bx > ax else (b.right, by)
    bend = (end[0] - start[0]) / 2
    return (start, (start[0] + bend, start[1]), (end[0] - bend, end[1]), end)


class _Placed:
    """Label boxes already placed, filed by stretches of x so a new one is checked against its neighbours only.

    Kept as plain numbers (left, top, right, bottom), not :class:`Rect`: every
    link of a long map is checked against its neighbours on each edit.
    """

    STRETCH = 256.0

    def __init__(self) -> None:
        self._by_stretch: dict[int, list[tuple[float, float, float, float]]] = {}

    def add(self, x: float, y: float, w: float, h: float) -> None:
        right = x + w
        box = (x, y, right, y + h)
        by_stretch, stretch = self._by_stretch, self.STRETCH
        for i in range(int(x // stretch), int(right // stretch) + 1):
            found = by_stretch.get(i)
            if found is None:
                by_stretch[i] = [box]
            else:
                found.append(box)

    def overlaps(self, x: float, y: float, w: float, h: float) -> bool:
        """True if the box at (*x*, *y*), *w* by *h*, overlaps one placed (as :meth:`Rect.overlaps` says)."""
        right, bottom = x + w, y + h
        by_stretch, stretch = self._by_stretch, self.STRETCH
        for i in range(int(x // stretch), int(right // stretch) + 1):
            for left, top, other_right, other_bottom in by_stretch.get(i, ()):
                if x < other_right and left < right and y < other_bottom and top < bottom:
                    return True
        return False


def centred_label(text: str, centre: float, top: float, width: float, size: float) -> Text:
    """A label wrapped within *width*, its box as wide as its longest line and centred on *centre*
    (a box as wide as the wrapping width hid what was beside it, and left the words off centre)."""
    lines = tuple(wrap(text, width, size))
    used = max((text_width(line, size) for line in lines), default=0.0)
    return Text(lines, size, False, Rect(centre - used / 2, top, used, len(lines) * line_height(size)))


def _free_shift(x: float, y: float, w: float, h: float, taken: _Placed) -> float:
    """The nearest sideways shift of the box at (*x*, *y*), *w* by *h* (none first), that overlaps none of *taken*;
    none if all do."""
    if not taken.overlaps(x, y, w, h):
        return 0.0
    for shift in (40, -40, 80, -80, 120, -120, 160, -160):
        if not taken.overlaps(x + shift, y, w, h):
            return float(shift)
    return 0.0
