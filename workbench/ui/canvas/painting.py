"""How the canvas paints text at layout metrics, and the shared shapes one at a time.

The shapes themselves (nature frames and icons, faces, signs...) are
written once in ``workbench/export/shapes.py`` and drawn here through the Qt back
end (``qtpainter.py``), for the palette's icons and the Findings dock, so
that a digital touchpoint or an error looks the same wherever it appears,
the PDF included.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath

from workbench.export import shapes
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


# The shared shapes (``workbench/export/shapes.py``) one at a time, for the palette's icons and the Findings dock.


def _shapes_on(painter: QPainter):  # type: ignore[no-untyped-def]
    from workbench.ui.canvas.qtpainter import QtPainter  # (it draws text with draw_text above)

    return QtPainter(painter)


def paint_nature_frame(painter: QPainter, area: QRectF, nature: str) -> None:
    """Digital: thin solid rounded; human: thick double, very rounded; physical: dashed, square."""
    shapes.nature_frame(_shapes_on(painter), Rect(area.x(), area.y(), area.width(), area.height()), nature)


def paint_nature_icon(painter: QPainter, at: QPointF, nature: str) -> None:
    """A 10-unit pictogram: a screen, a person or a building."""
    shapes.nature_icon(_shapes_on(painter), at.x(), at.y(), nature)


def paint_face(painter: QPainter, centre: QPointF, radius: float, level: int) -> None:
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    shapes.face(_shapes_on(painter), (centre.x(), centre.y()), level, radius)


def paint_severity(painter: QPainter, area: QRectF, severity: str) -> None:
    """A health check sign: square for an error, triangle for a warning, circle for a note."""
    shapes.severity_sign(_shapes_on(painter), Rect(area.x(), area.y(), area.width(), area.height()), severity)
