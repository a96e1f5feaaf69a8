"""The curves' legend in the emotion lane's title column, under its title: whose line and mark each curve is.

The canvas shows it there as items that hide, show and pick curves
(``ui/canvas/legend.py``); an exported map (PDF pages, PNG and SVG images)
draws it with :func:`draw_lane_legend`, with the same samples and sizes, so
that a tiled page says whose curves it shows without the legend page. The
layout makes the lane tall enough for one row per curve
(``geometry.legend_height``). A name too long for the column is cut (never
the scenario), the same in both of its persona's entries. With a single
curve there is nothing to tell apart: no legend.

No Qt, no reportlab: drawn on any :class:`~workbench.export.painter.Painter`.
"""

from __future__ import annotations

from collections.abc import Callable

import workbench.theme as theme
from workbench.export import shapes
from workbench.export.painter import Painter
from workbench.geometry import LEGEND_GAP, Curve, Rect, Style, Text
from workbench.map_layout import Layout
from workbench.textmetrics import line_height, text_width

TEXT_SIZE = 8.5
#: A row and the frame's margin (the layout makes room for them: ``Style.legend_row``).
ROW_HEIGHT = Style().legend_row
PAD = Style().legend_pad
SAMPLE = 20.0
"""The line sample's length; the mark sits on its middle, as on the curve."""
GAP = 5.0
MARK = 4.0
#: A legend entry shows this many characters of a name at most.
NAME_LENGTH = 28


def shortened(name: str, length: int = NAME_LENGTH) -> str:
    """*name* on one line, cut to *length* characters with an ellipsis ("Camille…", not "Camille,…")."""
    name = " ".join(name.split())
    if len(name) > length:
        name = name[: length - 1].rstrip(" ,;:-") + "\u2026"
    return name


def longest_fit(label_of: Callable[[int], str], width: float) -> int:
    """The most characters of a name (up to :data:`NAME_LENGTH`, at least 2) whose label, made by
    *label_of*, is at most *width* wide."""
    def fits(length: int) -> bool:
        return text_width(label_of(length), TEXT_SIZE) <= width

    if fits(NAME_LENGTH):
        return NAME_LENGTH
    low, high = 2, NAME_LENGTH - 1  # (a shorter cut is never wider: a bisection finds the longest that fits)
    while low < high:
        middle = (low + high + 1) // 2
        if fits(middle):
            low = middle
        else:
            high = middle - 1
    return low


def entry_width(label: str) -> float:
    """How wide an entry showing *label* is: the sample, the gap, the words."""
    return SAMPLE + GAP + text_width(label, TEXT_SIZE) + 2


def label_room(width: float) -> float:
    """How wide an entry's words may be when the entry takes *width*."""
    return width - SAMPLE - GAP - 2


def draw_sample(p: Painter, x: float, mid: float, curve: Curve, colour: str) -> None:
    """The curve's line and mark, *x* from the entry's left, on the row's middle *mid*."""
    a, b = (x + 3.0, mid), (x + SAMPLE - 1.0, mid)
    shapes.curve(p, [(a, a, b, b)], colour, curve.line, curve.scenario)
    shapes.mark(p, (x + (SAMPLE + 2) / 2, mid), curve.shape, colour, MARK, hollow=curve.scenario == "to_be")


def draw_label(p: Painter, x: float, top: float, width: float, label: str, colour: str) -> None:
    """An entry's words, after its sample, in the row that starts at *top*."""
    mid = top + ROW_HEIGHT / 2
    p.text(Text((label,), TEXT_SIZE, False, Rect(x + SAMPLE + GAP, mid - line_height(TEXT_SIZE) / 2, width, ROW_HEIGHT)), colour)


def draw_lane_legend(p: Painter, lay: Layout, label_of: Callable[[Curve, int], str], view: Rect | None = None) -> None:
    """The legend of *lay*'s curves, each named by *label_of* (the curve, the most characters of its name),
    under the emotion lane's title, in its title column, if it meets *view* (a tile's title column may show the
    lane under its title only)."""
    lane, curves, s = lay.emotion_lane, list(lay.curves.values()), lay.style
    if lane is None or len(curves) < 2:
        return
    top = lane.title.rect.bottom + LEGEND_GAP
    if view is not None and not Rect(lane.row.x, top, s.lane_title_width, lane.row.bottom - top).overlaps(view):
        return  # (a page of the lane's body: no names measured for it)
    room = label_room(s.lane_title_width - 2 - 2 * PAD)
    lengths: dict[str, int] = {}  # a name cut to fit is cut the same in each of its persona's entries
    for curve in curves:
        fits = longest_fit(lambda length: label_of(curve, length), room)  # noqa: B023 (used at once)
        lengths[curve.persona] = min(lengths.get(curve.persona, fits), fits)
    labels = [label_of(curve, lengths[curve.persona]) for curve in curves]
    widest = min(max(entry_width(label) for label in labels), s.lane_title_width - 2 - 2 * PAD)
    box = Rect(lane.row.x + 1, top, widest + 2 * PAD, 2 * PAD + ROW_HEIGHT * len(labels))
    if view is not None and not box.overlaps(view):
        return
    p.stroke(theme.GRID, 1.0)
    p.fill("#ffffff")
    p.rounded_rect(box, 4)
    for i, (curve, label) in enumerate(zip(curves, labels)):
        row_top = box.y + PAD + i * ROW_HEIGHT
        draw_sample(p, box.x + PAD, row_top + ROW_HEIGHT / 2, curve, curve.colour)
        draw_label(p, box.x + PAD, row_top, box.w - 2 * PAD, label, theme.INK)
