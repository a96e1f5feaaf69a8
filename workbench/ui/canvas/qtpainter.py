"""The shared shapes' painter on a QPainter: the canvas items, the palette and the PNG and SVG images.

The reportlab back end is in ``export/pdfdraw.py``; both draw what
``workbench/export/shapes.py`` asks, so the screen and the PDF use one set of
sizes. Pens and brushes are made once per colour and width: the canvas
paints thousands of items.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen, QPolygonF

from workbench.geometry import Bezier, Point, Rect, Text
from workbench.export.painter import Dash
from workbench.ui.canvas.painting import draw_text

_ORIGIN = QPointF(0, 0)
_NO_PEN = QPen(Qt.PenStyle.NoPen)
_NO_BRUSH = QBrush(Qt.BrushStyle.NoBrush)


@lru_cache(maxsize=512)
def pen(colour: str, width: float, dash: Dash | None = None, round_ends: bool = False) -> QPen:
    """A pen as the shapes ask for it: round joins, flat or round ends, dashes in points."""
    made = QPen(QColor(colour), width)
    made.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
    made.setCapStyle(Qt.PenCapStyle.RoundCap if round_ends else Qt.PenCapStyle.FlatCap)
    if dash is not None:
        made.setDashPattern([dash[0] / width, dash[1] / width])  # Qt counts dashes in pen widths
    return made


@lru_cache(maxsize=256)
def brush(colour: str) -> QBrush:
    return QBrush(QColor(colour))


def qrect(r: Rect) -> QRectF:
    return QRectF(r.x, r.y, r.w, r.h)


def qpath(segments: Sequence[Bezier], closed: bool = False) -> QPainterPath:
    path = QPainterPath()
    for i, (p0, c1, c2, p1) in enumerate(segments):
        if i == 0:
            path.moveTo(*p0)
        path.cubicTo(QPointF(*c1), QPointF(*c2), QPointF(*p1))
    if closed:
        path.closeSubpath()
    return path


class QtPainter:
    """Draws the shapes' calls on *painter*, in its current coordinates."""

    def __init__(self, painter: QPainter) -> None:
        self.q = painter
        self._filled = False

    def stroke(self, colour: str | None, width: float = 1.0, dash: Dash | None = None, round_ends: bool = False) -> None:
        self.q.setPen(_NO_PEN if colour is None else pen(colour, width, dash, round_ends))

    def fill(self, colour: str | None) -> None:
        self._filled = colour is not None
        self.q.setBrush(_NO_BRUSH if colour is None else brush(colour))

    def rect(self, r: Rect) -> None:
        self.q.drawRect(qrect(r))

    def rounded_rect(self, r: Rect, radius: float) -> None:
        self.q.drawRoundedRect(qrect(r), radius, radius)

    def line(self, a: Point, b: Point) -> None:
        self.q.drawLine(QPointF(*a), QPointF(*b))

    def polyline(self, points: Sequence[Point]) -> None:
        self.q.drawPolyline(QPolygonF([QPointF(*p) for p in points]))

    def polygon(self, points: Sequence[Point]) -> None:
        self.q.drawPolygon(QPolygonF([QPointF(*p) for p in points]))

    def circle(self, centre: Point, radius: float) -> None:
        self.q.drawEllipse(QPointF(*centre), radius, radius)

    def curve(self, segments: Sequence[Bezier], closed: bool = False) -> None:
        if not closed and self._filled:  # an open curve is only stroked, as on paper
            self.q.save()
            self.q.setBrush(_NO_BRUSH)
            self.q.drawPath(qpath(segments))
            self.q.restore()
            return
        self.q.drawPath(qpath(segments, closed))

    def text(self, text: Text, colour: str) -> None:
        draw_text(self.q, text, _ORIGIN, colour)
