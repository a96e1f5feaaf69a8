"""The map's shapes, written once: the canvas, the PNG and SVG images and the PDF all draw these.

Each shape draws against a :class:`workbench.export.painter.Painter` in layout
coordinates (points, y downwards); its sizes are the named constants below,
so the PDF cannot drift from the screen again (it drew arrows of 7 points to
the screen's 8, faces of 8 to its 9). Colours are read from
:mod:`workbench.theme` when a shape is drawn, so the projector colours apply
on screen while a deliverable is drawn in the standard ones.

Only what the map shows belongs here. Marks of the editor (handoff and link
ports, hover, the selection outline, health check badges, drop highlights)
are drawn by the canvas items themselves, never by these shapes.

Colour is never the only cue: natures differ by border and icon, emotion
levels by the face's mouth, a lost context by dashes and a struck ring.
"""

from __future__ import annotations

import math

import workbench.theme as theme
from workbench.export.painter import Dash, Painter, quad_as_cubic, upper_half_ellipse
from workbench.geometry import Connector, Point, Rect, Text
from workbench.textmetrics import text_width

# ------------------------------------------------------------ sizes, in points

#: Dashes as multiples of the stroke's width (Qt's dash line): 4 on, 2 off.
DASH_ON, DASH_OFF = 4.0, 2.0

LANE_STROKE = 1.0
STAGE_RADIUS = 6.0
STEP_RADIUS = 5.0
STEP_STROKE = 1.0

#: The step header's marks sit in a row from its bottom left corner.
MARK_LEFT = 8.0
MARK_RISE = 12.0
MARK_ADVANCE = 16.0
STAR_OUTER, STAR_INNER = 6.0, 2.6
STAR_STROKE = 1.0
FLAG_STROKE = 1.4
STOP_BAR_WIDTH, STOP_BAR_HEIGHT, STOP_BAR_GAP = 3.0, 13.0, 5.0

CARD_RADIUS = 4.0
CARD_STROKE = 1.0
#: Per nature: (stroke width, corner radius, dashed). Human cards have a thin inner border as well.
NATURE_FRAME = {"digital": (1.4, 6.0, False), "human": (2.2, 12.0, False), "physical": (1.6, 0.0, True)}
HUMAN_INNER = (0.8, 9.0, 3.0)  # stroke width, corner radius, inset
ICON_SIZE = 10.0
ICON_STROKE = 1.2
#: The nature icon's top left corner, from the card's top right corner (see :func:`icon_corner`).
ICON_FROM_RIGHT, ICON_FROM_TOP = 14.0, 4.0
#: A human card's icon goes further in, clear of its inner frame's rounded corner (the head touched it).
HUMAN_ICON_NUDGE = (1.0, 1.5)

FACE_RADIUS = 9.0
FACE_STROKE = 1.2
EYE_RADIUS = 1.2
MOUTH_STROKE, MOUTH_STROKE_STRONG = 1.2, 1.6

CURVE_WIDTH = 2.2
LINK_WIDTH = 1.6
HANDOFF_WIDTH = 2.4
ARROW_SIZE = 8.0
ARROW_SPREAD = 0.45  # radians either side of the line
ARROW_STROKE = 1.0
START_RADIUS = 4.0
START_STROKE = 1.5
#: The white backing of a connector's label: (sideways, up and down) around its text.
LABEL_PAD = (3.0, 2.0)
LABEL_RADIUS = 3.0


def dashes(width: float) -> Dash:
    return (DASH_ON * width, DASH_OFF * width)


# ------------------------------------------------------------ rows and headers


def lane_row(p: Painter, row: Rect, index: int) -> None:
    """A lane's band, alternately shaded so a row can be followed across a wide map."""
    p.stroke(theme.GRID, LANE_STROKE)
    p.fill(theme.LANE_FILL[index % 2])
    p.rect(row)


def lane_title(p: Painter, band: Rect, title: Text | None) -> None:
    """The lane's title in its band at the left of the row (the band alone when *title* is None)."""
    p.stroke(None)
    p.fill(theme.STEP_FILL)
    p.rect(band)
    if title is not None:
        p.text(title, theme.INK)


def stage_header(p: Painter, rect: Rect, title: Text) -> None:
    p.stroke(None)
    p.fill(theme.STAGE_FILL)
    p.rounded_rect(rect, STAGE_RADIUS)
    p.text(title, theme.STAGE_TEXT)


def step_header(p: Painter, rect: Rect, title: Text, moment_of_truth: bool, goal: bool, end: bool) -> None:
    """A step's header: its title, then in a row at the bottom a star, a flag and a stop bar as they apply."""
    p.stroke(theme.GRID, STEP_STROKE)
    p.fill(theme.STEP_FILL)
    p.rounded_rect(rect, STEP_RADIUS)
    p.text(title, theme.INK)
    x, y = rect.x + MARK_LEFT, rect.bottom - MARK_RISE
    if moment_of_truth:
        star(p, x + 5, y + 4)
        x += MARK_ADVANCE
    if goal:
        flag(p, x, y)
        x += MARK_ADVANCE
    if end:
        stop_bar(p, x, y)


def star(p: Painter, cx: float, cy: float, outer: float = STAR_OUTER, inner: float = STAR_INNER, colour: str | None = None) -> None:
    """The moment of truth: a five-pointed star."""
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + radius * math.cos(angle), cy + radius * math.sin(angle)))
    ink = colour or theme.MOMENT_OF_TRUTH
    p.stroke(ink, STAR_STROKE)
    p.fill(ink)
    p.polygon(points)


def flag(p: Painter, x: float, y: float) -> None:
    """A goal: a pennant on a pole, the pole's foot 10 points below *y*."""
    p.stroke(theme.INK, FLAG_STROKE)
    p.fill(theme.INK)
    p.line((x + 1, y - 3), (x + 1, y + 10))
    p.polygon([(x + 1, y - 3), (x + 10, y + 0.5), (x + 1, y + 4)])


def stop_bar(p: Painter, x: float, y: float) -> None:
    """The end of the journey: two bars, nothing follows this step in sequence."""
    p.stroke(None)
    p.fill(theme.INK)
    p.rect(Rect(x, y - 3, STOP_BAR_WIDTH, STOP_BAR_HEIGHT))
    p.rect(Rect(x + STOP_BAR_GAP, y - 3, STOP_BAR_WIDTH, STOP_BAR_HEIGHT))


# ------------------------------------------------------------ cards


def card(p: Painter, rect: Rect, kind: str, nature: str | None, channel: Text | None, text: Text) -> None:
    """A card: touchpoints framed and marked by their nature, other cards filled by kind."""
    if nature is None:
        p.stroke(theme.GRID, CARD_STROKE)
        p.fill(theme.CARD_FILL.get(kind, "#ffffff"))
        p.rounded_rect(rect, CARD_RADIUS)
    else:
        nature_frame(p, rect, nature)
        nature_icon(p, *icon_corner(rect, nature), nature)
    if channel is not None:
        p.text(channel, theme.NATURE_BORDER.get(nature or "", theme.MUTED))
    p.text(text, theme.INK)


def nature_frame(p: Painter, r: Rect, nature: str) -> None:
    """Digital: thin solid rounded; human: thick double, very rounded; physical: dashed, square."""
    border = theme.NATURE_BORDER[nature]
    width, radius, dashed = NATURE_FRAME[nature]
    p.stroke(border, width, dashes(width) if dashed else None)
    p.fill(theme.NATURE_FILL[nature])
    if radius:
        p.rounded_rect(r, radius)
    else:
        p.rect(r)
    if nature == "human":
        inner_width, inner_radius, inset = HUMAN_INNER
        p.stroke(border, inner_width)
        p.fill(None)
        p.rounded_rect(Rect(r.x + inset, r.y + inset, r.w - 2 * inset, r.h - 2 * inset), inner_radius)


def icon_corner(r: Rect, nature: str) -> Point:
    """Where the nature icon of a card framed as *r* goes (its top left corner): in the card's top right corner."""
    left, down = HUMAN_ICON_NUDGE if nature == "human" else (0.0, 0.0)
    return r.right - ICON_FROM_RIGHT - left, r.y + ICON_FROM_TOP + down


def nature_icon(p: Painter, x: float, y: float, nature: str) -> None:
    """A pictogram ICON_SIZE wide from (*x*, *y*): a screen, a person or a building."""
    colour = theme.NATURE_BORDER[nature]
    p.stroke(colour, ICON_STROKE)
    p.fill(None)
    if nature == "digital":
        p.rounded_rect(Rect(x, y, 10, 7), 1)
        p.line((x + 3, y + 9), (x + 7, y + 9))
    elif nature == "human":
        p.fill(colour)
        p.circle((x + 5, y + 2.5), 2.3)
        p.curve(upper_half_ellipse(Rect(x + 0.5, y + 5.5, 9, 8)), closed=True)  # the shoulders
    else:
        p.polyline([(x, y + 4), (x + 5, y), (x + 10, y + 4)])
        p.rect(Rect(x + 1.5, y + 4, 7, 6))


# ------------------------------------------------------------ emotions


def face(p: Painter, centre: Point, level: int, radius: float = FACE_RADIUS) -> None:
    """A face coloured by the level; its mouth, smiling or frowning, tells the level without colour."""
    x, y = centre
    p.stroke(theme.INK, FACE_STROKE)
    p.fill(theme.EMOTION_COLOUR[level])
    p.circle(centre, radius)
    p.fill(theme.INK)
    eye = radius * 0.35
    for dx in (-eye, eye):
        p.circle((x + dx, y - radius * 0.3), EYE_RADIUS)
    width = radius * 0.55
    mouth_y = y + radius * 0.35
    bend = level * radius * 0.22  # positive: a smile (control point below), negative: a frown
    p.stroke(theme.INK, MOUTH_STROKE_STRONG if abs(level) == 2 else MOUTH_STROKE)
    p.fill(None)
    p.curve([quad_as_cubic((x - width, mouth_y - bend / 2), (x, mouth_y + bend), (x + width, mouth_y - bend / 2))])


def curve(p: Painter, segments: list | tuple, colour: str = theme.CURVE, line: str = "medium", scenario: str = "as_is") -> None:  # type: ignore[type-arg]
    """A run of one persona's emotion curve: its colour and weight; "to be" dashed, "as is" solid."""
    width = LINE_WIDTHS.get(line, CURVE_WIDTH)
    p.stroke(colour, width, dash=dashes(width) if scenario == "to_be" else None, round_ends=True)
    p.fill(None)
    p.curve(segments)


#: The weight of a persona's curves (its line style): medium or bold.
LINE_WIDTHS = {"medium": CURVE_WIDTH, "bold": 4.0}
MARK_RADIUS = 5.0


def mark(p: Painter, centre: Point, shape: str, colour: str, radius: float = MARK_RADIUS, hollow: bool = False) -> None:
    """A persona's mark: its shape tells it apart without colour; hollow for "to be"."""
    x, y = centre
    p.stroke(theme.INK if not hollow else colour, 1.0 if not hollow else 1.8)
    p.fill(theme.BACKGROUND if hollow else colour)
    r = radius
    if shape == "square":
        s = r * 0.85
        p.rect(Rect(x - s, y - s, 2 * s, 2 * s))
    elif shape == "triangle":
        p.polygon([(x, y - r * 1.1), (x + r, y + r * 0.75), (x - r, y + r * 0.75)])
    elif shape == "diamond":
        p.polygon([(x, y - r * 1.15), (x + r, y), (x, y + r * 1.15), (x - r, y)])
    elif shape == "triangle_down":
        p.polygon([(x, y + r * 1.1), (x + r, y - r * 0.75), (x - r, y - r * 0.75)])
    elif shape in ("hexagon", "pentagon"):
        sides, start = (6, 0.0) if shape == "hexagon" else (5, -math.pi / 2)
        big = r * 1.1
        p.polygon([(x + big * math.cos(start + k * 2 * math.pi / sides), y + big * math.sin(start + k * 2 * math.pi / sides))
                   for k in range(sides)])
    elif shape == "cross":
        w, e = r * 0.4, r * 1.1
        p.polygon([(x - w, y - e), (x + w, y - e), (x + w, y - w), (x + e, y - w), (x + e, y + w), (x + w, y + w),
                   (x + w, y + e), (x - w, y + e), (x - w, y + w), (x - e, y + w), (x - e, y - w), (x - w, y - w)])
    elif shape == "hourglass":
        p.polygon([(x - r, y - r), (x + r, y - r), (x, y), (x + r, y + r), (x - r, y + r), (x, y)])
    elif shape == "star":
        outer, inner = r * 1.25, r * 0.55
        points = [
            (x + (outer if i % 2 == 0 else inner) * math.sin(i * math.pi / 5),
             y - (outer if i % 2 == 0 else inner) * math.cos(i * math.pi / 5))
            for i in range(10)
        ]
        p.polygon(points)
    else:
        p.circle(centre, r)


# ------------------------------------------------------------ connectors


def connector(p: Painter, line: Connector, handoff: bool, ink: str | None = None) -> None:
    """A flow link, or a handoff (solid with a filled dot when the context is carried over,
    dashed with a struck ring when it is lost), ending in an arrow head. *ink* overrides the colour."""
    colour = ink or (theme.HANDOFF if handoff else theme.LINK)
    lost = handoff and not line.context_carried
    width = HANDOFF_WIDTH if handoff else LINK_WIDTH
    p.stroke(colour, width, dashes(width) if lost else None)
    p.fill(None)
    p.curve(line.path)
    _, _, before, tip = line.path[-1]
    arrow_head(p, before, tip, colour)
    if handoff:
        start_mark(p, line.path[0][0], lost, colour)


def arrow_head(p: Painter, before: Point, tip: Point, colour: str) -> None:
    angle = math.atan2(tip[1] - before[1], tip[0] - before[0])
    left = (tip[0] - ARROW_SIZE * math.cos(angle - ARROW_SPREAD), tip[1] - ARROW_SIZE * math.sin(angle - ARROW_SPREAD))
    right = (tip[0] - ARROW_SIZE * math.cos(angle + ARROW_SPREAD), tip[1] - ARROW_SIZE * math.sin(angle + ARROW_SPREAD))
    p.stroke(colour, ARROW_STROKE)
    p.fill(colour)
    p.polygon([tip, left, right])


def start_mark(p: Painter, at: Point, lost: bool, colour: str) -> None:
    """Where a handoff starts: a filled dot (context carried over) or a struck white ring (lost)."""
    p.stroke(colour, START_STROKE)
    p.fill("#ffffff" if lost else colour)
    p.circle(at, START_RADIUS)
    if lost:
        r = START_RADIUS
        p.line((at[0] - r, at[1] + r), (at[0] + r, at[1] - r))


def label_box(label: Text) -> Rect:
    """Where a label's words are: as wide as its longest line, not as its wrapping width (a
    backing that wide hid the lines and labels beside it)."""
    r = label.rect
    width = max((text_width(line, label.size, label.bold) for line in label.lines), default=0.0)
    return Rect(r.x, r.y, min(r.w, width), r.h)


def connector_label(p: Painter, label: Text, handoff: bool) -> None:
    """A connector's label on a white backing, so the lines under it do not cross its words."""
    dx, dy = LABEL_PAD
    r = label_box(label)
    p.stroke(None)
    p.fill("#ffffff")
    p.rounded_rect(Rect(r.x - dx, r.y - dy, r.w + 2 * dx, r.h + 2 * dy), LABEL_RADIUS)
    p.text(label, theme.HANDOFF if handoff else theme.LINK)


# ------------------------------------------------------------ health check


def severity_sign(p: Painter, area: Rect, severity: str) -> None:
    """A health check sign: a square for an error, a triangle for a warning, a circle for a note."""
    p.stroke(None)
    p.fill(theme.SEVERITY[severity])
    if severity == "error":
        p.rect(area)
    elif severity == "warning":
        p.polygon([(area.centre[0], area.y), (area.right, area.bottom), (area.x, area.bottom)])
    else:
        p.circle(area.centre, min(area.w, area.h) / 2)


#: The length of a curve's sample in a legend: a short run of its line with its mark in the middle.
CURVE_SAMPLE = 34.0


def curve_sample(p: Painter, left: float, y: float, shape: str, colour: str, line: str = "medium",
                 scenario: str = "as_is", length: float = CURVE_SAMPLE) -> None:
    """A curve as a legend shows it: a run of its line (solid "as is", dashed "to be") through its mark."""
    right = left + length
    third = length / 3
    curve(p, [((left, y), (left + third, y), (right - third, y), (right, y))], colour, line, scenario)
    mark(p, (left + length / 2, y), shape, colour, hollow=scenario == "to_be")


# ------------------------------------------------------------ persona tags

TAG_RADIUS = 3.2
TAG_GAP = 2.5


def persona_tags(p: Painter, rect: Rect, looks: list[tuple[str, str]] | tuple[tuple[str, str], ...]) -> None:
    """The personas a card concerns: their marks (shape, colour), small, on its bottom edge from the right.

    A card with no tags concerns every persona and shows none.
    """
    r = TAG_RADIUS
    x = rect.right - 7 - r
    y = rect.bottom - 1.0
    for shape, colour in reversed(list(looks)):
        mark(p, (x, y), shape, colour, r)
        x -= 2 * r + TAG_GAP
