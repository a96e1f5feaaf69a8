"""PNG and SVG of the whole map, drawn by the canvas itself (so they need Qt)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QImage, QPainter, QUndoStack
from PySide6.QtSvg import QSvgGenerator

from workbench.model.document import JourneyDocument
from workbench.model.errors import SaveError
from workbench.model.fileformat import _atomic_write
from workbench.model.journey import Journey
from workbench.ui.canvas.scene import JourneyScene

#: Larger images than this are refused: a 1,000-step map at 2x would need gigabytes.
MAX_PIXELS = 200_000_000


def _scene(journey: Journey) -> JourneyScene:
    return JourneyScene(JourneyDocument(journey), QUndoStack())


def export_png(journey: Journey, path: str | Path, scale: float = 2.0) -> QSize:
    """Write a PNG of the map at *scale* pixels per point; returns its size."""
    scene = _scene(journey)
    rect = scene.sceneRect()
    size = QSize(max(1, round(rect.width() * scale)), max(1, round(rect.height() * scale)))
    if size.width() * size.height() > MAX_PIXELS:
        raise SaveError(path, f"the image would be {size.width()} x {size.height()} pixels; choose a smaller scale")
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, QRectF(0, 0, size.width(), size.height()), rect)
    painter.end()
    scene.detach()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    _atomic_write(Path(path), bytes(data.data()), backup=False)
    return size


def export_svg(journey: Journey, path: str | Path) -> None:
    """Write an SVG of the map (vector, text as text)."""
    scene = _scene(journey)
    rect = scene.sceneRect()
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(round(rect.width()), round(rect.height())))
    generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
    generator.setTitle(journey.title)
    painter = QPainter(generator)
    scene.render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
    painter.end()
    scene.detach()
    _atomic_write(Path(path), bytes(data.data()), backup=False)
