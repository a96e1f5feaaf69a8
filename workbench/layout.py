"""Where everything of a journey map goes, in points, in pure Python (no Qt).

One layout serves the canvas and the PDF, so paper matches screen. The map
reads left to right in time: stage headers across the top, a band for flow
links, step headers, then one row per lane with cards in the cell of their
step and lane. Heights grow to fit wrapped text, so nothing is ever clipped.
Text is wrapped here with the bundled font's metrics (`textmetrics`); the
shapes it produces are defined in `geometry.py`.
"""

from __future__ import annotations

from workbench.channels import channel_label
from workbench.geometry import (
    Bezier,
    CardBox,
    Connector,
    EmotionPoint,
    LaneBox,
    Layout,
    Point,
    Rect,
    StageBox,
    StepBox,
    Style,
    Text,
    curve_span,
)
from workbench.model.document import JourneyDocument
from workbench.model.journey import Card, Handoff, Journey, Lane, Step
from workbench.textmetrics import line_height, wrap


def _text(text: str, x: float, y: float, width: float, size: float, bold: bool = False) -> Text:
    lines = tuple(wrap(text, width, size, bold))
    return Text(lines, size, bold, Rect(x, y, width, len(lines) * line_height(size)))


def layout(source: Journey | JourneyDocument, style: Style | None = None) -> Layout:
    """Compute the geometry of the whole map."""
    style = style or Style()
    doc = source if isinstance(source, JourneyDocument) else JourneyDocument(source)
    s = style
    stages = doc.stages()
    steps = doc.steps()
    lanes = doc.lanes()
    out = Layout(0, 0, style)

    x0 = s.margin + s.lane_title_width + s.gap
    # Columns: each step gets one; an empty stage keeps one free column for drops.
    columns: list[tuple[str, Step | None]] = []
    for stage in stages:
        own = [step for step in steps if step.stage == stage.id]
        columns += [(stage.id, step) for step in own] or [(stage.id, None)]
    pitch = s.column_width + s.gap

    def col_x(i: int) -> float:
        return x0 + i * pitch

    # Stage headers.
    inner = s.column_width - 2 * s.padding
    stage_texts = {}
    for stage in stages:
        span = [i for i, (sid, _) in enumerate(columns) if sid == stage.id]
        width = len(span) * pitch - s.gap
        stage_texts[stage.id] = (span[0], width, wrap(stage.title, width - 2 * s.padding, s.title_size, True))
    stage_h = max([len(t[2]) for t in stage_texts.values()] + [1]) * line_height(s.title_size) + 2 * s.padding
    y = s.margin
    for stage in stages:
        first, width, _ = stage_texts[stage.id]
        rect = Rect(col_x(first), y, width, stage_h)
        out.stages.append(StageBox(stage.id, rect, _text(stage.title, rect.x + s.padding, y + s.padding, width - 2 * s.padding, s.title_size, True)))
    y += stage_h + (s.link_band if doc.journey.links else s.gap)

    # Step headers.
    step_lines = [wrap(step.title, inner, s.step_size, True) for _, step in columns if step]
    header_h = max([len(lines) for lines in step_lines] + [1]) * line_height(s.step_size) + 2 * s.padding + s.marker_height
    header_y = y
    y += header_h + s.gap

    # Lanes and cards.
    cards_by_cell: dict[tuple[str, str], list[Card]] = {}
    for card in doc.journey.cards:
        cards_by_cell.setdefault((card.step, card.lane), []).append(card)
    for cell in cards_by_cell.values():
        cell.sort(key=lambda c: c.order)
    lane_rows: list[tuple[Lane, float, float]] = []
    card_lane = {c.id: (c.step, c.lane) for c in doc.journey.cards}
    in_lane: dict[str, list[Handoff]] = {}
    for handoff in doc.journey.handoffs:
        ends = card_lane.get(handoff.source), card_lane.get(handoff.target)
        if ends[0] and ends[1] and ends[0][1] == ends[1][1]:
            in_lane.setdefault(ends[0][1], []).append(handoff)
    for lane in lanes:
        boxes: list[CardBox] = []
        tallest = 0.0
        for i, (_, step) in enumerate(columns):
            if step is None:
                continue
            cy = y + s.padding
            if lane.kind == "emotions":
                cy += s.emotion_height
            for card in cards_by_cell.get((step.id, lane.id), []):
                box = _card_box(card, col_x(i) + s.padding, cy, inner, s)
                boxes.append(box)
                cy = box.rect.bottom + s.card_gap
            tallest = max(tallest, cy - y - s.card_gap + s.padding)
        base = s.emotion_height if lane.kind == "emotions" else s.lane_min_height
        content = max(base, tallest)
        band = 0.0
        if lane.id in in_lane:
            connectors, band = _lane_handoffs(in_lane[lane.id], boxes, y + content, s)
            out.handoffs += connectors
        height = content + band
        out.cards += boxes
        lane_rows.append((lane, y, height))
        y += height + s.gap
    right = col_x(len(columns)) - s.gap if columns else x0
    for lane, top, height in lane_rows:
        row = Rect(s.margin, top, right - s.margin, height)
        title = _text(lane.title, s.margin + s.padding, top + s.padding, s.lane_title_width - 2 * s.padding, s.step_size, True)
        box = LaneBox(lane.id, lane.kind, row, title)
        out.lanes.append(box)
        if lane.kind == "emotions" and out.emotion_lane is None:
            out.emotion_lane = box
    bottom = y - s.gap

    for i, (_, step) in enumerate(columns):
        if step is None:
            continue
        header = Rect(col_x(i), header_y, s.column_width, header_h)
        text = _text(step.title, header.x + s.padding, header_y + s.padding, inner, s.step_size, True)
        column = Rect(col_x(i), header_y, s.column_width, bottom - header_y)
        out.steps.append(StepBox(step.id, len(out.steps), header, column, text, step.moment_of_truth, step.goal))

    _emotions(out, steps)
    _handoffs(out, doc, s)
    _links(out, doc, s)
    out.width = right + s.margin
    out.height = bottom + s.margin
    return out


def _card_box(card: Card, x: float, y: float, width: float, s: Style) -> CardBox:
    inner = width - 2 * s.padding
    ty = y + s.padding
    channel = None
    if card.kind == "touchpoint" and card.channel:
        channel = _text(channel_label(card.channel), x + s.padding, ty, inner - 12, s.label_size, True)
        ty = channel.rect.bottom + 2
    text = _text(card.text, x + s.padding, ty, inner, s.card_size)
    rect = Rect(x, y, width, text.rect.bottom + s.padding - y)
    return CardBox(card.id, card.step, card.lane, card.kind, card.nature, rect, channel, text)


def _emotions(out: Layout, steps: list[Step]) -> None:
    lane = out.emotion_lane
    if lane is None:
        return
    top, span = curve_span(lane.row, out.style)
    by_id = {s.id: s for s in steps}
    run: list[EmotionPoint] = []
    for box in out.steps:
        level = by_id[box.id].emotion
        if level is None:
            _close_run(out, run)
            run = []
            continue
        point = EmotionPoint(box.id, level, box.column.centre[0], top + (2 - level) * span / 4)
        out.emotion_points.append(point)
        run.append(point)
    _close_run(out, run)


def _close_run(out: Layout, run: list[EmotionPoint]) -> None:
    """Turn a run of points into a smooth curve (Catmull-Rom as Béziers)."""
    if len(run) < 2:
        return
    pts = [(p.x, p.y) for p in run]
    segments: list[Bezier] = []
    for i in range(len(pts) - 1):
        p0 = pts[i - 1] if i > 0 else pts[i]
        p1, p2 = pts[i], pts[i + 1]
        p3 = pts[i + 2] if i + 2 < len(pts) else p2
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        segments.append((p1, c1, c2, p2))
    out.emotion_curves.append(segments)


def _lane_handoffs(
    handoffs: list[Handoff], boxes: list[CardBox], content_bottom: float, s: Style
) -> tuple[list[Connector], float]:
    """Handoffs between cards of one lane, routed just under the cards they span.

    The curve dips below the lowest card of the columns between its ends and
    its trigger label sits under the curve; handoffs whose spans overlap take
    successive tracks. Returns the connectors and the extra height the lane
    needs below its cards.
    """
    by_id = {b.id: b.rect for b in boxes}
    width = min(150.0, s.column_width - 2 * s.padding)
    taken: list[tuple[float, float, float]] = []  # (left, right, bottom) of placed connectors
    out: list[Connector] = []
    lowest = content_bottom
    for handoff in sorted(handoffs, key=lambda h: min(by_id[h.source].x, by_id[h.target].x)):
        a, b = by_id[handoff.source], by_id[handoff.target]
        mx = (a.centre[0] + b.centre[0]) / 2
        left = min(a.x, b.x, mx - width / 2)
        right = max(a.right, b.right, mx + width / 2)
        spanned = max([r.bottom for r in by_id.values() if r.right > left and r.x < right] + [a.bottom, b.bottom])
        top = max([spanned] + [bottom for l_, r_, bottom in taken if l_ < right and r_ > left])
        curve_y = top + 14
        if abs(a.centre[0] - b.centre[0]) < 1:  # same cell: a bracket on the left-hand side
            start, end = (a.x, a.centre[1]), (b.x, b.centre[1])
            path: tuple[Bezier, ...] = ((start, (start[0] - 14, start[1]), (end[0] - 14, end[1]), end),)
            curve_y = top + 2
            mx = a.centre[0]
        else:
            lowest_in_cell = {r: max(o.bottom for o in by_id.values() if abs(o.x - r.x) < 1) <= r.bottom for r in (a, b)}
            path, mx = _around_cards(a, b, curve_y, lowest_in_cell, s)
        label = None
        bottom = curve_y + 2
        if handoff.trigger:
            label = _text(handoff.trigger, mx - width / 2, curve_y + 2, width, s.label_size)
            bottom = label.rect.bottom + 4
        taken.append((left, right, bottom))
        lowest = max(lowest, bottom)
        out.append(Connector(handoff.id, path, label, handoff.context_carried))
    return out, lowest - content_bottom


def _around_cards(
    a: Rect, b: Rect, curve_y: float, lowest: dict[Rect, bool], s: Style
) -> tuple[tuple[Bezier, ...], float]:
    """A route from card *a* to card *b* that never crosses a card.

    It leaves *a* by its bottom when nothing is stacked below it, otherwise by
    its side into the gap between columns; runs under the cards at *curve_y*;
    and reaches *b* the same way. Returns the segments and the x of the middle.
    """
    right = b.centre[0] > a.centre[0]
    half_gap = s.padding + s.gap / 2
    points: list[Point] = []
    if lowest[a]:
        points += [(a.centre[0], a.bottom), (a.centre[0], curve_y)]
        down_a = a.centre[0]
    else:
        side = a.right if right else a.x
        down_a = side + (half_gap if right else -half_gap)
        points += [(side, a.bottom - 6), (down_a, a.bottom - 6), (down_a, curve_y)]
    if lowest[b]:
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


def _handoffs(out: Layout, doc: JourneyDocument, s: Style) -> None:
    """Handoffs between lanes (those within a lane were routed with their lane)."""
    boxes = {c.id: c for c in out.cards}
    done = {h.id for h in out.handoffs}
    for handoff in doc.journey.handoffs:
        a, b = boxes.get(handoff.source), boxes.get(handoff.target)
        if a is None or b is None or handoff.id in done:
            continue
        curve = _card_to_card(a.rect, b.rect)
        path = (curve,)
        label = None
        if handoff.trigger:
            mx = (curve[0][0] + curve[3][0]) / 2
            my = (curve[0][1] + curve[3][1]) / 2
            width = min(140.0, s.column_width - 2 * s.padding)
            label = _text(handoff.trigger, mx - width / 2, my + 4, width, s.label_size)
        out.handoffs.append(Connector(handoff.id, path, label, handoff.context_carried))


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


def _links(out: Layout, doc: JourneyDocument, s: Style) -> None:
    headers = {st.id: st.header for st in out.steps}
    placed: list[Rect] = []
    for link in doc.journey.links:
        a, b = headers.get(link.source), headers.get(link.target)
        if a is None or b is None:
            continue
        start, end = (a.centre[0] + 12, a.y), (b.centre[0] - 12, b.y)
        # Longer links arch higher, so that nested loops stay apart.
        lift = min(s.link_band - 14, 10 + abs(end[0] - start[0]) * 0.02)
        path = ((start, (start[0], start[1] - lift), (end[0], end[1] - lift), end),)
        label = None
        if link.label:
            width = max(60.0, min(260.0, abs(end[0] - start[0]) + 40))
            lines = wrap(link.label, width, s.label_size, max_lines=1)
            height = line_height(s.label_size)
            top = start[1] - lift * 0.75 - 2 - height
            rect = _free_spot(Rect((start[0] + end[0]) / 2 - width / 2, top, width, height), placed)
            placed.append(rect)
            label = Text(tuple(lines), s.label_size, False, rect)
        out.links.append(Connector(link.id, path, label))


def _free_spot(rect: Rect, taken: list[Rect]) -> Rect:
    """*rect*, or the nearest sideways shift of it that overlaps none of *taken*."""
    for shift in (0, 40, -40, 80, -80, 120, -120, 160, -160):
        candidate = Rect(rect.x + shift, rect.y, rect.w, rect.h)
        if not any(candidate.overlaps(other) for other in taken):
            return candidate
    return rect
