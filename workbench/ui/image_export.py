"""PNG and SVG of the whole map, drawn by the canvas itself (so they need Qt)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QImage, QPainter, QUndoStack
from PySide6.QtSvg import QSvgGenerator

from workbench.model.document import JourneyDocument
from workbench.model.errors import SaveError
from workbench.model.fileformat import atomic_write
from workbench.model.journey import Journey
from workbench.ui.canvas.scene import JourneyScene

#: Larger images than this are refused: a 1,000-step map at 2x would need gigabytes.
MAX_PIXELS = 200_000_000


def _scene(journey: Journey) -> JourneyScene:
    return JourneyScene(JourneyDocument(journey), QUndoStack())


def _encoded(draw: Callable[[QBuffer], None]) -> bytes:
    """The bytes *draw* writes into an in-memory device (then written atomically)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    draw(buffer)
    buffer.close()
    return bytes(data.data())


def _render(scene: JourneyScene, device, target: QRectF) -> None:  # type: ignore[no-untyped-def]
    painter = QPainter(device)
    painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
    scene.render(painter, target, scene.sceneRect())
    painter.end()


def export_png(journey: Journey, path: str | Path, scale: float = 2.0) -> QSize:
    """Write a PNG of the map at *scale* pixels per point; returns its size."""
    scene = _scene(journey)
    rect = scene.sceneRect()
    size = QSize(max(1, round(rect.width() * scale)), max(1, round(rect.height() * scale)))
    if size.width() * size.height() > MAX_PIXELS:
        scene.detach()
        reason = QCoreApplication.translate(
            "ImageExport", "the image would be {width} x {height} pixels; choose a smaller scale"
        ).format(width=size.width(), height=size.height())
        raise SaveError(path, reason)
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    _render(scene, image, QRectF(0, 0, size.width(), size.height()))
    scene.detach()
    atomic_write(Path(path), _encoded(lambda buffer: image.save(buffer, "PNG")), backup=False)
    return size


def export_svg(journey: Journey, path: str | Path) -> None:
    """Write an SVG of the map (vector, text as text)."""
    scene = _scene(journey)
    rect = scene.sceneRect()

    def draw(buffer: QBuffer) -> None:
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(QSize(round(rect.width()), round(rect.height())))
        generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
        generator.setTitle(journey.title)
        _render(scene, generator, QRectF(0, 0, rect.width(), rect.height()))

    data = _encoded(draw)
    scene.detach()
    atomic_write(Path(path), data, backup=False)
