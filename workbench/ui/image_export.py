"""PNG and SVG of the whole map, drawn by the canvas itself (so they need Qt).

Qt's SVG generator writes text as it is given, and journey text may hold
characters XML 1.0 forbids (Word's vertical tab for a line break, a NUL
pasted from elsewhere): any viewer would refuse such a file. So the SVG is
cleaned before it is written; see :func:`well_formed`.
"""

from __future__ import annotations

import re
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

from workbench import theme
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
    with theme.using("standard"):  # a deliverable is drawn in the standard colours
        painter = QPainter(device)
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        scene.render(painter, target, scene.sceneRect())
        painter.end()


def export_png(journey: Journey, path: str | Path, scale: float = 2.0, *, replace_read_only: bool = False) -> QSize:
    """Write a PNG of the map at *scale* pixels per point; returns its size.

    A read-only file at *path* is replaced only with *replace_read_only*.
    """
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
    data = _encoded(lambda buffer: image.save(buffer, "PNG"))
    atomic_write(Path(path), data, backup=False, replace_read_only=replace_read_only)
    return size


def export_svg(journey: Journey, path: str | Path, *, replace_read_only: bool = False) -> None:
    """Write an SVG of the map (vector, text as text), always well-formed XML."""
    scene = _scene(journey)
    rect = scene.sceneRect()

    def draw(buffer: QBuffer) -> None:
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(QSize(round(rect.width()), round(rect.height())))
        generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
        generator.setTitle(journey.title)
        _render(scene, generator, QRectF(0, 0, rect.width(), rect.height()))

    data = well_formed(_encoded(draw))
    scene.detach()
    atomic_write(Path(path), data, backup=False, replace_read_only=replace_read_only)


#: Characters XML 1.0 does not allow, raw or as character references: C0
#: controls but tab, newline and carriage return; U+FFFE and U+FFFF.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]{1,8})|([0-9]{1,10}));")


def _allowed(code: int) -> bool:
    return code in (0x9, 0xA, 0xD) or 0x20 <= code <= 0xD7FF or 0xE000 <= code <= 0xFFFD or 0x10000 <= code <= 0x10FFFF


def _reference(match: re.Match[str]) -> str:
    hexa, decimal = match.groups()
    code = int(hexa, 16) if hexa else int(decimal)
    return match.group() if _allowed(code) else " "


def well_formed(svg: bytes) -> bytes:
    """*svg* with every character XML forbids replaced by a space.

    A space, because the usual culprit (Word's vertical tab) stands for a
    line break between two words. Bytes that are not UTF-8 become U+FFFD.
    """
    text = svg.decode("utf-8", errors="replace")
    text = _REFERENCE.sub(_reference, _NOT_XML.sub(" ", text))
    return text.encode("utf-8")
