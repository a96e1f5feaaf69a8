"""Drawing a layout on a reportlab canvas, as vectors, with the shapes the canvas draws.

:class:`ReportlabPainter` is the reportlab back end of the shared shapes
(``workbench/export/shapes.py``); :func:`draw_layout` draws a map with them through
the export renderer (``mapdraw.py``), so the PDF uses the screen's sizes,
strokes, arrows and faces. The map is drawn in layout coordinates (points,
y downwards) inside a transform set up by the caller; text is flipped back
upright line by line. Natures differ by border as well as colour, emotion
levels by the mouth, so a grey-scale print loses nothing.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from reportlab.lib.colors import HexColor
from reportlab.pdfgen.canvas import Canvas

from workbench.export import pdftext, shapes
from workbench.export.mapdraw import CurveLabel, draw_map
from workbench.export.painter import Dash
from workbench.export.pdfview import Shown
from workbench.geometry import Bezier, Connector, Point, Rect, Text
from workbench.map_layout import Layout
from workbench.textmetrics import BOLD, REGULAR, baseline, is_plain, line_height


@lru_cache(maxsize=256)
def colour(hex_code: str) -> HexColor:
    return HexColor(hex_code)


def draw_text(c: Canvas, text: Text, fill: str) -> None:
    """Lines upright in the flipped map coordinates: one text object, a text matrix a line."""
    c.setFillColor(colour(fill))
    if not all(is_plain(line, text.bold) for line in text.lines):  # other fonts, or right to left
        pdftext.draw_lines(c, text, BOLD if text.bold else REGULAR)
        return
    obj = c.beginText()
    obj.setFont(BOLD if text.bold else REGULAR, text.size)
    y = text.rect.y + baseline(text.size)
    for line in text.lines:
        obj.setTextTransform(1, 0, 0, -1, text.rect.x, y)
        obj.textOut(line)
        y += line_height(text.size)
    c.drawText(obj)


class ReportlabPainter:
    """The shared shapes' painter on a reportlab canvas (see ``workbench/export/painter.py``).

    The pen and fill are set on the canvas only when a shape needs them and
    they changed, so a map of a thousand cards does not repeat them a
    thousand times in the page's content. So a painter must not outlive a
    ``restoreState`` of its canvas: make a new one after it.
    """

    def __init__(self, c: Canvas) -> None:
        self.c = c
        self._stroke: tuple[str, float, Dash | None, bool] | None = None
        self._fill: str | None = None
        self._pen_set: tuple[str, float, Dash | None, bool] | None = None
        self._fill_set: str | None = None

    def stroke(self, colour: str | None, width: float = 1.0, dash: Dash | None = None, round_ends: bool = False) -> None:
        self._stroke = None if colour is None else (colour, width, dash, round_ends)

    def fill(self, colour: str | None) -> None:
        self._fill = colour

    def _apply(self, fill: bool = True) -> tuple[int, int]:
        """Set what the next shape needs on the canvas; (stroke, fill) flags for reportlab."""
        c = self.c
        if self._stroke is not None and self._stroke != self._pen_set:
            ink, width, dash, round_ends = self._stroke
            c.setStrokeColor(colour(ink))
            c.setLineWidth(width)
            c.setDash(list(dash) if dash else [], 0)
            c.setLineCap(1 if round_ends else 0)
            c.setLineJoin(1)
            self._pen_set = self._stroke
        filled = fill and self._fill is not None
        if filled and self._fill != self._fill_set:
            c.setFillColor(colour(self._fill))  # type: ignore[arg-type]
            self._fill_set = self._fill
        return int(self._stroke is not None), int(filled)

    def rect(self, r: Rect) -> None:
        stroke, fill = self._apply()
        if stroke or fill:
            self.c.rect(r.x, r.y, r.w, r.h, stroke=stroke, fill=fill)

    def rounded_rect(self, r: Rect, radius: float) -> None:
        stroke, fill = self._apply()
        if stroke or fill:
            self.c.roundRect(r.x, r.y, r.w, r.h, radius, stroke=stroke, fill=fill)

    def line(self, a: Point, b: Point) -> None:
        stroke, _ = self._apply(fill=False)
        if stroke:
            self.c.line(a[0], a[1], b[0], b[1])

    def _lines(self, points: Sequence[Point], closed: bool) -> None:
        stroke, fill = self._apply(fill=closed)
        if not (stroke or fill) or not points:
            return
        path = self.c.beginPath()
        path.moveTo(*points[0])
        for point in points[1:]:
            path.lineTo(*point)
        if closed:
            path.close()
        self.c.drawPath(path, stroke=stroke, fill=fill)

    def polyline(self, points: Sequence[Point]) -> None:
        self._lines(points, closed=False)

    def polygon(self, points: Sequence[Point]) -> None:
        self._lines(points, closed=True)

    def circle(self, centre: Point, radius: float) -> None:
        stroke, fill = self._apply()
        if stroke or fill:
            self.c.circle(centre[0], centre[1], radius, stroke=stroke, fill=fill)

    def curve(self, segments: Sequence[Bezier], closed: bool = False) -> None:
        stroke, fill = self._apply(fill=closed)
        if (stroke or fill) and segments:
            path = bezier_path(self.c, segments)
            if closed:
                path.close()
            self.c.drawPath(path, stroke=stroke, fill=fill)

    def text(self, text: Text, colour: str) -> None:
        draw_text(self.c, text, colour)
        self._fill_set = None  # draw_text set its own fill colour


def draw_layout(
    c: Canvas,
    lay: Layout,
    view: Rect | None = None,
    shown: Shown | None = None,
    whole_labels: bool = False,
    texts: bool = True,
    curve_label: CurveLabel | None = None,
) -> None:
    """Draw every element of *lay* that meets *view* (all of them when None): see :func:`mapdraw.draw_map`.

    Without *texts*, the shapes only (the overview page: a picture of the map under tile numbers).
    """
    c.saveState()
    draw_map(ReportlabPainter(c) if texts else _Shapes(c), lay, view, shown, whole_labels, curve_label)
    c.restoreState()


class _Shapes(ReportlabPainter):
    """A painter that leaves texts out."""

    def text(self, text: Text, colour: str) -> None:
        pass


def _drawn(c: Canvas, shape, *args) -> None:  # type: ignore[no-untyped-def]
    """One shared shape on *c*, leaving the canvas's pen and fill as they were."""
    c.saveState()
    shape(ReportlabPainter(c), *args)
    c.restoreState()


# The shapes one at a time, for the pages around the map (the legend page draws them as samples).


def star(c: Canvas, cx: float, cy: float, outer: float = shapes.STAR_OUTER, inner: float = shapes.STAR_INNER, fill: str | None = None) -> None:
    _drawn(c, shapes.star, cx, cy, outer, inner, fill)


def flag(c: Canvas, x: float, y: float) -> None:
    _drawn(c, shapes.flag, x, y)


def stop_bar(c: Canvas, x: float, y: float) -> None:
    _drawn(c, shapes.stop_bar, x, y)


def nature_frame(c: Canvas, r: Rect, nature: str) -> None:
    _drawn(c, shapes.nature_frame, r, nature)


def nature_icon(c: Canvas, x: float, y: float, nature: str) -> None:
    _drawn(c, shapes.nature_icon, x, y, nature)


def face(c: Canvas, x: float, y: float, radius: float, level: int) -> None:
    _drawn(c, shapes.face, (x, y), level, radius)


def arrow_head(c: Canvas, before: tuple[float, float], tip: tuple[float, float], fill: str) -> None:
    _drawn(c, shapes.arrow_head, before, tip, fill)


def handoff_sample(c: Canvas, x0: float, x1: float, y: float, carried: bool) -> None:
    """A straight handoff from *x0* to *x1*, as the map draws one (for a legend)."""
    path = (((x0, y), (x0 + (x1 - x0) / 3, y), (x1 - (x1 - x0) / 3, y), (x1, y)),)
    _drawn(c, shapes.connector, Connector("", path, None, carried), True)


def bezier_path(c: Canvas, segments: Sequence[Bezier]):  # type: ignore[no-untyped-def]
    path = c.beginPath()
    for i, (p0, c1, c2, p1) in enumerate(segments):
        if i == 0:
            path.moveTo(*p0)
        path.curveTo(c1[0], c1[1], c2[0], c2[1], p1[0], p1[1])
    return path
