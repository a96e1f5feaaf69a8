"""PNG and SVG of the map through the export renderer, as the PDF draws it (so they need Qt).

The image is the layout drawn with the shared shapes on a QPainter: never
the editor's scene, so no port, selection, hover mark or health check badge
ends up in a deliverable. The journey's title can go above the map and a
compact legend below it (``export/sheet.py``).

Qt's SVG generator writes text as it is given, and journey text may hold
characters XML 1.0 forbids (Word's vertical tab for a line break, a NUL
pasted from elsewhere): any viewer would refuse such a file. So the SVG is
cleaned before it is written; see :func:`well_formed`. It carries the
bundled font (see :func:`with_font`) so that it looks the same on a machine
without DejaVu Sans.
"""

from __future__ import annotations

import base64
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
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
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

from workbench import theme
from workbench.export.mapdraw import draw_map
from workbench.export.sheet import Sheet, draw_sheet, sheet
from workbench.model.feelings import persona_names
from workbench.map_layout import Layout
from workbench.layout import layout
from workbench.model.errors import SaveError
from workbench.model.fileformat import atomic_write
from workbench.model.journey import Journey
from workbench.resources import resource_path
from workbench.textmetrics import BOLD, FONT_FAMILY, FONT_FILES, REGULAR
from workbench.ui.canvas.qtpainter import QtPainter

#: Larger images than this are refused: a 1,000-step map at 2x would need gigabytes.
MAX_PIXELS = 200_000_000
#: What an SVG viewer uses if it ignores the embedded font.
FALLBACK_FONTS = f"'{FONT_FAMILY}', 'Bitstream Vera Sans', Verdana, sans-serif"


@dataclass(frozen=True)
class ImageOptions:
    """What goes around the map: the journey's title above it, a legend below it."""

    title: bool = False
    legend: bool = False


def _prepared(journey: Journey, options: ImageOptions) -> tuple[Layout, Sheet]:
    lay = layout(journey)
    return lay, sheet(lay, journey.title, journey.language, options.title, options.legend, persona_names(journey))


def _encoded(draw: Callable[[QBuffer], None]) -> bytes:
    """The bytes *draw* writes into an in-memory device (then written atomically)."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    draw(buffer)
    buffer.close()
    return bytes(data.data())


def paint_map(painter: QPainter, lay: Layout, page: Sheet) -> None:
    """The sheet in *painter*'s coordinates (points): title and legend, then the map at its place."""
    with theme.using("standard"):  # a deliverable is drawn in the standard colours
        painter.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        p = QtPainter(painter)
        draw_sheet(p, page)
        painter.save()
        painter.translate(page.map_x, page.map_y)
        draw_map(p, lay, curve_label=page.curve_label)
        painter.restore()


def _render(device, lay: Layout, page: Sheet, scale: float) -> None:  # type: ignore[no-untyped-def]
    painter = QPainter(device)
    painter.scale(scale, scale)
    paint_map(painter, lay, page)
    painter.end()


def export_png(
    journey: Journey,
    path: str | Path,
    scale: float = 2.0,
    *,
    options: ImageOptions = ImageOptions(),
    replace_read_only: bool = False,
) -> QSize:
    """Write a PNG of the map at *scale* pixels per point; returns its size.

    A read-only file at *path* is replaced only with *replace_read_only*.
    """
    lay, page = _prepared(journey, options)
    size = QSize(max(1, round(page.width * scale)), max(1, round(page.height * scale)))
    if size.width() * size.height() > MAX_PIXELS:
        reason = QCoreApplication.translate(
            "ImageExport", "the image would be {width} x {height} pixels; choose a smaller scale"
        ).format(width=size.width(), height=size.height())
        raise SaveError(path, reason)
    image = QImage(size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    _render(image, lay, page, scale)
    data = _encoded(lambda buffer: image.save(buffer, "PNG"))
    atomic_write(Path(path), data, backup=False, replace_read_only=replace_read_only)
    return size


def export_svg(
    journey: Journey, path: str | Path, *, options: ImageOptions = ImageOptions(), replace_read_only: bool = False
) -> None:
    """Write an SVG of the map (vector, text as text, the font inside), always well-formed XML."""
    lay, page = _prepared(journey, options)

    def draw(buffer: QBuffer) -> None:
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        generator.setSize(QSize(round(page.width), round(page.height)))
        generator.setViewBox(QRectF(0, 0, page.width, page.height))
        generator.setTitle(journey.title)
        painter = QPainter(generator)
        painter.fillRect(QRectF(0, 0, page.width, page.height), Qt.GlobalColor.white)
        paint_map(painter, lay, page)
        painter.end()

    data = with_font(well_formed(_encoded(draw)))
    atomic_write(Path(path), data, backup=False, replace_read_only=replace_read_only)


_FAMILY = re.compile(rb'font-family="[^"]*"')
_WEIGHTS = {REGULAR: b"400", BOLD: b"700"}


@lru_cache(maxsize=2)
def _font_face(name: str) -> bytes:
    """An @font-face rule carrying the bundled TTF *name* (REGULAR or BOLD) as base64 data."""
    data = base64.b64encode(resource_path("fonts", FONT_FILES[name]).read_bytes())
    return (
        b"@font-face { font-family: '" + FONT_FAMILY.encode() + b"'; font-weight: " + _WEIGHTS[name]
        + b"; font-style: normal; src: url(data:font/ttf;base64," + data + b") format('truetype'); }\n"
    )


def with_font(svg: bytes) -> bytes:
    """*svg* naming a list of fallback families, and carrying the bundled font's weights it uses.

    Qt writes the family as it was given ("DejaVu Sans"), which a machine
    without it replaces by whatever it likes; the embedded font keeps the
    lines as wide as the layout measured them.
    """
    svg = _FAMILY.sub(b'font-family="' + FALLBACK_FONTS.encode() + b'"', svg)
    faces = _font_face(REGULAR)
    if re.search(rb'font-weight="(?:[6-9]00|bold)"', svg):
        faces += _font_face(BOLD)
    style = b'<style type="text/css"><![CDATA[\n' + faces + b"]]></style>\n"
    head = svg.find(b"<defs>")
    if head >= 0:
        at = head + len(b"<defs>")
        return svg[:at] + b"\n" + style + svg[at:]
    end = svg.find(b">", svg.find(b"<svg"))
    return svg[: end + 1] + b"\n<defs>\n" + style + b"</defs>" + svg[end + 1 :]


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
