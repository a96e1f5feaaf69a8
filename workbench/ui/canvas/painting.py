"""How the canvas paints: text at layout metrics, nature frames and icons, faces, signs.

Shared by the canvas items, the palette's icons and the Findings dock, so
that a digital touchpoint or an error looks the same wherever it appears.
"""

from __future__ import annotations

import math
from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen, QPolygonF

from workbench import theme
from workbench.geometry import Bezier, Rect, Text
from workbench.textmetrics import FONT_FAMILY, baseline, line_height

#: Text is drawn with the font at this pixel size and scaled down: Qt rounds
#: small sizes to whole pixels, which would make lines wider than the layout
#: measured; at 100 px its advances match the layout's to a fraction of a point.
REFERENCE_PX = 100


@lru_cache(maxsize=2)
def reference_font(bold: bool) -> QFont:
    """The font at REFERENCE_PX (made once: it is asked for by every text drawn)."""
    font = QFont(FONT_FAMILY)
    font.setPixelSize(REFERENCE_PX)
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    return font


def font_at_dpi(dpi: int, size: float, bold: bool) -> QFont:
    """A font showing about *size* scene units at *dpi* (for editors, which cannot scale)."""
    font = QFont(reference_font(bold))
    font.setPointSizeF(size * 72.0 / max(dpi, 1))
    return font


def draw_text(painter: QPainter, text: Text, origin: QPointF, colour: str) -> None:
    """Draw wrapped lines at their layout place (scene coords shifted by *origin*)."""
    scale = text.size / REFERENCE_PX
    painter.save()
    painter.setFont(reference_font(text.bold))
    painter.setPen(QColor(colour))
    painter.translate(text.rect.x - origin.x(), text.rect.y - origin.y())
    painter.scale(scale, scale)
    y = baseline(text.size) / scale
    step = line_height(text.size) / scale
    for line in text.lines:
        painter.drawText(QPointF(0, y), line)
        y += step
    painter.restore()


def qrect(rect: Rect) -> QRectF:
    return QRectF(rect.x, rect.y, rect.w, rect.h)


def bezier_path(segments: list[Bezier] | tuple[Bezier, ...]) -> QPainterPath:
    path = QPainterPath()
    for i, (p0, c1, c2, p1) in enumerate(segments):
        if i == 0:
            path.moveTo(*p0)
        path.cubicTo(QPointF(*c1), QPointF(*c2), QPointF(*p1))
    return path


def star(centre: QPointF, outer: float, inner: float) -> QPolygonF:
    points = []
    for i in range(10):
        radius = outer if i % 2 == 0 else inner
        angle = -math.pi / 2 + i * math.pi / 5
        points.append(QPointF(centre.x() + radius * math.cos(angle), centre.y() + radius * math.sin(angle)))
    return QPolygonF(points)


def paint_nature_frame(painter: QPainter, area: QRectF, nature: str) -> None:
    """Digital: thin solid rounded; human: thick double, very rounded; physical: dashed, square."""
    border = QColor(theme.NATURE_BORDER[nature])
    painter.setBrush(QColor(theme.NATURE_FILL[nature]))
    if nature == "digital":
        painter.setPen(QPen(border, 1.4))
        painter.drawRoundedRect(area, 6, 6)
    elif nature == "human":
        painter.setPen(QPen(border, 2.2))
        painter.drawRoundedRect(area, 12, 12)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(border, 0.8))
        painter.drawRoundedRect(area.adjusted(3, 3, -3, -3), 9, 9)
    else:
        pen = QPen(border, 1.6, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRect(area)


def paint_nature_icon(painter: QPainter, at: QPointF, nature: str) -> None:
    """A 10-unit pictogram: a screen, a person or a building."""
    colour = QColor(theme.NATURE_BORDER[nature])
    painter.setPen(QPen(colour, 1.2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    x, y = at.x(), at.y()
    if nature == "digital":
        painter.drawRoundedRect(QRectF(x, y, 10, 7), 1, 1)
        painter.drawLine(QPointF(x + 3, y + 9), QPointF(x + 7, y + 9))
    elif nature == "human":
        painter.setBrush(colour)
        painter.drawEllipse(QPointF(x + 5, y + 2.5), 2.3, 2.3)
        painter.drawPie(QRectF(x + 0.5, y + 5.5, 9, 8), 0, 180 * 16)
    else:
        painter.drawPolyline(QPolygonF([QPointF(x, y + 4), QPointF(x + 5, y), QPointF(x + 10, y + 4)]))
        painter.drawRect(QRectF(x + 1.5, y + 4, 7, 6))


def paint_face(painter: QPainter, centre: QPointF, radius: float, level: int) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor(theme.INK), 1.2))
    painter.setBrush(QColor(theme.EMOTION_COLOUR[level]))
    painter.drawEllipse(centre, radius, radius)
    painter.setBrush(QColor(theme.INK))
    eye = radius * 0.35
    for dx in (-eye, eye):
        painter.drawEllipse(QPointF(centre.x() + dx, centre.y() - radius * 0.3), 1.2, 1.2)
    mouth = QPainterPath()
    width = radius * 0.55
    y = centre.y() + radius * 0.35
    bend = level * radius * 0.22  # positive: smile (control point below), negative: frown
    mouth.moveTo(centre.x() - width, y - bend / 2)
    mouth.quadTo(QPointF(centre.x(), y + bend), QPointF(centre.x() + width, y - bend / 2))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(QColor(theme.INK), 1.6 if abs(level) == 2 else 1.2))
    painter.drawPath(mouth)


def arrow_head(painter: QPainter, before: QPointF, tip: QPointF, colour: QColor) -> None:
    angle = math.atan2(tip.y() - before.y(), tip.x() - before.x())
    size = 8.0
    left = QPointF(tip.x() - size * math.cos(angle - 0.45), tip.y() - size * math.sin(angle - 0.45))
    right = QPointF(tip.x() - size * math.cos(angle + 0.45), tip.y() - size * math.sin(angle + 0.45))
    painter.setPen(QPen(colour, 1))
    painter.setBrush(colour)
    painter.drawPolygon(QPolygonF([tip, left, right]))


def paint_severity(painter: QPainter, area: QRectF, severity: str) -> None:
    """A health check sign: square for an error, triangle for a warning, circle for a note."""
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(theme.SEVERITY[severity]))
    if severity == "error":
        painter.drawRect(area)
    elif severity == "warning":
        painter.drawPolygon(
            QPolygonF([QPointF(area.center().x(), area.top()), area.bottomRight(), area.bottomLeft()])
        )
    else:
        painter.drawEllipse(area)
