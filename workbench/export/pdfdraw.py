"""Drawing a layout on a reportlab canvas, as vectors, like the canvas draws it.

The map is drawn in layout coordinates (points, y downwards) inside a
transform set up by the caller; text is flipped back upright line by line.
Natures differ by border as well as colour, emotion levels by the mouth, so
a grey-scale print loses nothing.
"""

from __future__ import annotations

import math

from reportlab.lib.colors import HexColor, white
from reportlab.pdfgen.canvas import Canvas

import workbench.theme as theme
from workbench.export.pdfview import Shown
from workbench.geometry import Bezier, CardBox, Connector, Layout, Rect, Text
from workbench.textmetrics import BOLD, REGULAR, baseline, line_height


def colour(hex_code: str) -> HexColor:
    return HexColor(hex_code)


def draw_text(c: Canvas, text: Text, fill: str) -> None:
    """Lines upright in the flipped map coordinates: one text object, a text matrix a line."""
    c.setFillColor(colour(fill))
    obj = c.beginText()
    obj.setFont(BOLD if text.bold else REGULAR, text.size)
    y = text.rect.y + baseline(text.size)
    for line in text.lines:
        obj.setTextTransform(1, 0, 0, -1, text.rect.x, y)
        obj.textOut(line)
        y += line_height(text.size)
    c.drawText(obj)


def visible(rect: Rect, view: Rect | None) -> bool:
    return view is None or rect.overlaps(view)


def draw_layout(c: Canvas, lay: Layout, view: Rect | None = None, shown: Shown | None = None, whole_labels: bool = False) -> None:
    """Draw every element of *lay* that meets *view* (all of them when None).

    *shown* indexes the layout once for many views (a tiled export); with
    *whole_labels*, a label that a view's edge would cut is drawn shifted
    into the view, whole (each tile it meets repeats it).
    """
    shown = shown or Shown(lay)
    for i, lane in enumerate(lay.lanes):
        if visible(lane.row, view):
            c.setFillColor(colour(theme.LANE_FILL[i % 2]))
            c.setStrokeColor(colour(theme.GRID))
            c.setLineWidth(0.6)
            c.rect(lane.row.x, lane.row.y, lane.row.w, lane.row.h, stroke=1, fill=1)
            c.setFillColor(colour(theme.STEP_FILL))
            c.rect(lane.row.x, lane.row.y, lay.style.lane_title_width, lane.row.h, stroke=0, fill=1)
            if visible(lane.title.rect, view):  # (a tile's body, clipped to its columns, leaves it out)
                draw_text(c, lane.title, theme.INK)
    for stage in lay.stages:
        if visible(stage.rect, view):
            c.setFillColor(colour(theme.STAGE_FILL))
            c.roundRect(stage.rect.x, stage.rect.y, stage.rect.w, stage.rect.h, 5, stroke=0, fill=1)
            text = stage.text
            if view is not None and stage.rect.x < view.x < stage.rect.right - 40:
                # A stage that began on an earlier page: its title again at this page's edge.
                shift = view.x + lay.style.padding - text.rect.x
                text = Text(text.lines, text.size, text.bold, Rect(text.rect.x + shift, text.rect.y, text.rect.w, text.rect.h))
            draw_text(c, text, theme.STAGE_TEXT)
    for step in shown.steps(view):
        if visible(step.header, view):
            _step(c, step.header, step.text, step.moment_of_truth, step.goal, step.end)
    for connector in shown.meeting(shown.links, view):
        _connector(c, connector, theme.LINK, 1.2, dashed=False)
    for connector in shown.meeting(shown.handoffs, view):
        _connector(c, connector, theme.HANDOFF, 1.8, dashed=not connector.context_carried, badge=True)
    for card in shown.cards(view):
        if visible(card.rect, view):
            _card(c, card)
    _emotions(c, shown, view)
    for connector in shown.labels:
        text = connector.label
        assert text is not None
        if not visible(text.rect, view):
            continue
        if whole_labels and view is not None:
            text = _inside(text, view)
        r = text.rect
        c.setFillColor(white)
        c.rect(r.x - 2, r.y - 1, r.w + 4, r.h + 2, stroke=0, fill=1)
        draw_text(c, text, theme.HANDOFF if connector.context_carried is not None else theme.LINK)


def _inside(text: Text, view: Rect) -> Text:
    """*text* moved sideways so that it lies whole within *view*, if it can."""
    r = text.rect
    x = min(max(r.x, view.x + 2), view.right - r.w - 2)
    if r.w + 4 > view.w or x == r.x:
        return text
    return Text(text.lines, text.size, text.bold, Rect(x, r.y, r.w, r.h))


def _step(c: Canvas, rect: Rect, text: Text, moment: bool, goal: bool, end: bool = False) -> None:
    c.setFillColor(colour(theme.STEP_FILL))
    c.setStrokeColor(colour(theme.GRID))
    c.setLineWidth(0.8)
    c.roundRect(rect.x, rect.y, rect.w, rect.h, 4, stroke=1, fill=1)
    draw_text(c, text, theme.INK)
    x, y = rect.x + 8, rect.bottom - 12
    if moment:
        star(c, x + 5, y + 4, 6, 2.6, theme.MOMENT_OF_TRUTH)
        x += 16
    if goal:
        flag(c, x, y)
        x += 16
    if end:
        stop_bar(c, x, y)


def stop_bar(c: Canvas, x: float, y: float) -> None:
    """The end of the journey, as on screen: two bars, nothing follows this step in sequence."""
    c.setFillColor(colour(theme.INK))
    c.rect(x, y - 3, 3, 13, stroke=0, fill=1)
    c.rect(x + 5, y - 3, 3, 13, stroke=0, fill=1)


def star(c: Canvas, cx: float, cy: float, outer: float, inner: float, fill: str) -> None:
    path = c.beginPath()
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        point = (cx + radius * math.cos(angle), cy + radius * math.sin(angle))
        path.moveTo(*point) if i == 0 else path.lineTo(*point)
    path.close()
    c.setFillColor(colour(fill))
    c.drawPath(path, stroke=0, fill=1)


def flag(c: Canvas, x: float, y: float) -> None:
    c.setStrokeColor(colour(theme.INK))
    c.setFillColor(colour(theme.INK))
    c.setLineWidth(1.2)
    c.line(x + 1, y - 3, x + 1, y + 10)
    path = c.beginPath()
    path.moveTo(x + 1, y - 3)
    path.lineTo(x + 10, y + 0.5)
    path.lineTo(x + 1, y + 4)
    path.close()
    c.drawPath(path, stroke=0, fill=1)


def nature_frame(c: Canvas, r: Rect, nature: str) -> None:
    """Digital: thin solid rounded; human: thick double, very rounded; physical: dashed, square."""
    c.setFillColor(colour(theme.NATURE_FILL[nature]))
    c.setStrokeColor(colour(theme.NATURE_BORDER[nature]))
    if nature == "digital":
        c.setLineWidth(1.1)
        c.roundRect(r.x, r.y, r.w, r.h, 5, stroke=1, fill=1)
    elif nature == "human":
        c.setLineWidth(1.8)
        c.roundRect(r.x, r.y, r.w, r.h, 10, stroke=1, fill=1)
        c.setLineWidth(0.6)
        c.roundRect(r.x + 3, r.y + 3, r.w - 6, r.h - 6, 7, stroke=1, fill=0)
    else:
        c.setLineWidth(1.3)
        c.setDash(4, 2)
        c.rect(r.x, r.y, r.w, r.h, stroke=1, fill=1)
        c.setDash()


def nature_icon(c: Canvas, x: float, y: float, nature: str) -> None:
    c.setStrokeColor(colour(theme.NATURE_BORDER[nature]))
    c.setFillColor(colour(theme.NATURE_BORDER[nature]))
    c.setLineWidth(1)
    if nature == "digital":
        c.roundRect(x, y, 10, 7, 1, stroke=1, fill=0)
        c.line(x + 3, y + 9, x + 7, y + 9)
    elif nature == "human":
        c.circle(x + 5, y + 2.5, 2.3, stroke=0, fill=1)
        c.wedge(x + 0.5, y + 5.5, x + 9.5, y + 13.5, 180, 180, stroke=0, fill=1)  # shoulders (y is flipped)
    else:
        path = c.beginPath()
        path.moveTo(x, y + 4)
        path.lineTo(x + 5, y)
        path.lineTo(x + 10, y + 4)
        c.drawPath(path, stroke=1, fill=0)
        c.rect(x + 1.5, y + 4, 7, 6, stroke=1, fill=0)


def _card(c: Canvas, card: CardBox) -> None:
    r = card.rect
    if card.nature is None:
        c.setFillColor(colour(theme.CARD_FILL.get(card.kind, "#ffffff")))
        c.setStrokeColor(colour(theme.GRID))
        c.setLineWidth(0.6)
        c.roundRect(r.x, r.y, r.w, r.h, 3, stroke=1, fill=1)
    else:
        nature_frame(c, r, card.nature)
        nature_icon(c, r.right - 14, r.y + 4, card.nature)
    if card.channel is not None:
        draw_text(c, card.channel, theme.NATURE_BORDER.get(card.nature or "", theme.MUTED))
    draw_text(c, card.text, theme.INK)


def bezier_path(c: Canvas, segments: tuple[Bezier, ...] | list[Bezier]):  # type: ignore[no-untyped-def]
    path = c.beginPath()
    for i, (p0, c1, c2, p1) in enumerate(segments):
        if i == 0:
            path.moveTo(*p0)
        path.curveTo(c1[0], c1[1], c2[0], c2[1], p1[0], p1[1])
    return path


def arrow_head(c: Canvas, before: tuple[float, float], tip: tuple[float, float], fill: str) -> None:
    angle = math.atan2(tip[1] - before[1], tip[0] - before[0])
    size = 7.0
    path = c.beginPath()
    path.moveTo(*tip)
    path.lineTo(tip[0] - size * math.cos(angle - 0.45), tip[1] - size * math.sin(angle - 0.45))
    path.lineTo(tip[0] - size * math.cos(angle + 0.45), tip[1] - size * math.sin(angle + 0.45))
    path.close()
    c.setFillColor(colour(fill))
    c.drawPath(path, stroke=0, fill=1)


def _connector(c: Canvas, connector: Connector, ink: str, width: float, dashed: bool, badge: bool = False) -> None:
    c.setStrokeColor(colour(ink))
    c.setLineWidth(width)
    if dashed:
        c.setDash(4, 3)
    c.drawPath(bezier_path(c, connector.path), stroke=1, fill=0)
    c.setDash()
    _, _, c2, end = connector.path[-1]
    arrow_head(c, c2, end, ink)
    if badge:
        start = connector.path[0][0]
        c.setStrokeColor(colour(ink))
        c.setFillColor(colour(ink) if not dashed else white)
        c.circle(start[0], start[1], 3.5, stroke=1, fill=1)
        if dashed:
            c.line(start[0] - 3.5, start[1] + 3.5, start[0] + 3.5, start[1] - 3.5)


def face(c: Canvas, x: float, y: float, radius: float, level: int) -> None:
    c.setStrokeColor(colour(theme.INK))
    c.setLineWidth(1)
    c.setFillColor(colour(theme.EMOTION_COLOUR[level]))
    c.circle(x, y, radius, stroke=1, fill=1)
    c.setFillColor(colour(theme.INK))
    eye = radius * 0.35
    for dx in (-eye, eye):
        c.circle(x + dx, y - radius * 0.3, 1.1, stroke=0, fill=1)
    width = radius * 0.55
    my = y + radius * 0.35
    bend = level * radius * 0.22
    path = c.beginPath()
    path.moveTo(x - width, my - bend / 2)
    # quadratic control (x, my + bend) as a cubic
    q = (x, my + bend)
    p0 = (x - width, my - bend / 2)
    p2 = (x + width, my - bend / 2)
    c1 = (p0[0] + 2 / 3 * (q[0] - p0[0]), p0[1] + 2 / 3 * (q[1] - p0[1]))
    c2 = (p2[0] + 2 / 3 * (q[0] - p2[0]), p2[1] + 2 / 3 * (q[1] - p2[1]))
    path.curveTo(c1[0], c1[1], c2[0], c2[1], p2[0], p2[1])
    c.setLineWidth(1.4 if abs(level) == 2 else 1)
    c.drawPath(path, stroke=1, fill=0)


def _emotions(c: Canvas, shown: Shown, view: Rect | None) -> None:
    """The curve's segments that meet *view*, and the faces of the steps shown."""
    c.setStrokeColor(colour(theme.CURVE))
    c.setLineWidth(1.8)
    for piece in shown.curve(view):
        c.drawPath(bezier_path(c, piece), stroke=1, fill=0)
    for point in shown.faces(view):
        if view is None or view.x - 9 < point.x < view.right + 9 and view.y - 9 < point.y < view.bottom + 9:
            face(c, point.x, point.y, 8, point.level)
