"""Images through the export renderer (#13): no editor marks, an optional title and legend, the font inside the SVG;
and the canvas, the images and the PDF drawn by one set of shapes, so they look alike."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QUndoStack

from tests.export.test_shapes import every_mark
from workbench import theme
from workbench.export import shapes
from workbench.export.mapdraw import draw_map
from workbench.export.painter import RecordingPainter
from workbench.export.sheet import sheet
from workbench.geometry import Connector, Rect, Text
from workbench.layout import layout
from workbench.model.document import JourneyDocument
from workbench.ui.canvas import curves, header_items, items
from workbench.ui.canvas.qtpainter import QtPainter
from workbench.ui.canvas.scene import JourneyScene
from workbench.ui.image_export import ImageOptions, export_png, export_svg

DELIVERABLE = ImageOptions(title=True, legend=True)


# ------------------------------------------------------------ the canvas draws what the PDF draws


def norm(value):  # type: ignore[no-untyped-def]
    """Floats rounded, rectangles and texts as tuples: calls compared without float noise."""
    if isinstance(value, float | int) and not isinstance(value, bool):
        return round(float(value), 4)
    if isinstance(value, Rect):
        return ("Rect", *map(norm, (value.x, value.y, value.w, value.h)))
    if isinstance(value, Text):
        return ("Text", value.lines, norm(value.size), value.bold, norm(value.rect))
    if isinstance(value, tuple | list):
        return tuple(norm(v) for v in value)
    return value


def moved(call: tuple, dx: float, dy: float) -> tuple:  # type: ignore[type-arg]
    """A recorded call, its coordinates moved by (dx, dy) (item coordinates to the map's)."""
    def pt(p):  # type: ignore[no-untyped-def]
        return (p[0] + dx, p[1] + dy)

    def rc(r: Rect) -> Rect:
        return Rect(r.x + dx, r.y + dy, r.w, r.h)

    name = call[0]
    if name == "rect":
        return (name, rc(call[1]))
    if name == "rounded_rect":
        return (name, rc(call[1]), call[2])
    if name == "line":
        return (name, pt(call[1]), pt(call[2]))
    if name in ("polyline", "polygon"):
        return (name, tuple(pt(p) for p in call[1]))
    if name == "circle":
        return (name, pt(call[1]), call[2])
    if name == "curve":
        return (name, tuple(tuple(pt(p) for p in seg) for seg in call[1]), call[2])
    if name == "text":
        t = call[1]
        return (name, Text(t.lines, t.size, t.bold, rc(t.rect)), call[2])
    return call


class ItemRecorder(RecordingPainter):
    """Stands for QtPainter in the items' modules: records each call in map coordinates."""

    offset = (0.0, 0.0)  # the item's place in the map

    def __init__(self, painter: QPainter) -> None:
        super().__init__()
        self.q = painter
        RECORDED.append(self)

    def __getattribute__(self, name: str):  # type: ignore[no-untyped-def]
        attr = super().__getattribute__(name)
        if name in ("rect", "rounded_rect", "line", "polyline", "polygon", "circle", "curve", "text"):
            def shifted(*args, **kwargs):  # type: ignore[no-untyped-def]
                before = len(self.calls)
                attr(*args, **kwargs)
                t = self.q.worldTransform()
                dx, dy = ItemRecorder.offset
                self.calls[before:] = [moved(c, t.dx() + dx, t.dy() + dy) for c in self.calls[before:]]

            return shifted
        return attr


RECORDED: list[ItemRecorder] = []


def contiguous_pieces(calls: list, whole: list) -> int:  # type: ignore[type-arg]
    """How many runs of *whole* put together give *calls* (each run as long as it can be); 0: impossible."""
    pieces, i = 0, 0
    while i < len(calls):
        best = 0
        for start in (k for k, c in enumerate(whole) if c == calls[i]):
            n = 0
            while i + n < len(calls) and start + n < len(whole) and whole[start + n] == calls[i + n]:
                n += 1
            best = max(best, n)
        if best == 0:
            return 0
        i, pieces = i + best, pieces + 1
    return pieces


def test_every_canvas_item_paints_the_shapes_the_export_renderer_draws(qapp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    journey = every_mark()
    scene = JourneyScene(JourneyDocument(journey), QUndoStack())
    expected = RecordingPainter()
    draw_map(expected, scene.layout)
    whole = [norm(c) for c in expected.calls]
    monkeypatch.setattr(items, "QtPainter", ItemRecorder)
    monkeypatch.setattr(curves, "QtPainter", ItemRecorder)
    image = QImage(50, 50, QImage.Format.Format_ARGB32)
    seen = set()
    for (kind, _), item in scene.items_by_key.items():
        if not hasattr(item, "paint") or kind in ("lane-layer", "curve"):
            continue
        RECORDED.clear()
        pos = item.scenePos()
        ItemRecorder.offset = (pos.x(), pos.y())
        painter = QPainter(image)
        try:
            item.paint(painter, None, None)  # type: ignore[arg-type]
        finally:
            painter.end()
        calls = [norm(c) for r in RECORDED for c in r.calls if c[0] not in ("stroke", "fill")]
        shape_calls = [c for c in whole if c[0] not in ("stroke", "fill")]
        assert calls, kind
        # A connector's label is drawn by its item, but after the cards by the renderer: two runs.
        assert 0 < contiguous_pieces(calls, shape_calls) <= (2 if kind in ("handoff", "link") else 1), (kind, calls)
        seen.add(kind)
    assert seen >= {"stage", "step", "lane", "lane-row", "card", "emotion", "handoff", "link"}
    scene.detach()


# ------------------------------------------------------------ the two back ends draw alike


def sample_cells() -> list:  # type: ignore[type-arg]
    """(draw, args) for each shape drawn alone in a 60 x 44 cell, centred about (30, 22)."""
    line = (((6.0, 22.0), (20.0, 22.0), (40.0, 22.0), (54.0, 22.0)),)
    cells = [
        (shapes.arrow_head, ((30.0, 22.0), (54.0, 22.0), theme.HANDOFF)),
        (shapes.connector, (Connector("x", line, None, False), True)),
        (shapes.connector, (Connector("x", line, None, True), True)),
        (shapes.connector, (Connector("x", line, None, None), False)),
        (shapes.star, (30.0, 22.0)),
        (shapes.flag, (26.0, 18.0)),
        (shapes.stop_bar, (26.0, 18.0)),
    ]
    for nature in ("digital", "human", "physical"):
        cells.append((lambda p, n=nature: (shapes.nature_frame(p, Rect(6, 8, 48, 28), n), shapes.nature_icon(p, 40, 12, n)), ()))
    cells += [(shapes.face, ((30.0, 22.0), level)) for level in (-2, -1, 0, 1, 2)]
    cells += [(shapes.severity_sign, (Rect(22, 14, 16, 16), s)) for s in ("error", "warning", "info")]
    return cells


CELL_W, CELL_H, SCALE = 60, 44, 4


def ink(image: QImage, cell: int) -> set[tuple[int, int]]:
    """The pixels of a cell clearly not white."""
    x0 = cell * CELL_W * SCALE
    found = set()
    for y in range(CELL_H * SCALE):
        for x in range(x0, x0 + CELL_W * SCALE):
            c = QColor(image.pixel(x, y))
            if 765 - (c.red() + c.green() + c.blue()) > 150:
                found.add((x - x0, y))
    return found


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils (pdftoppm) is needed to see the PDF")
def test_the_qt_and_reportlab_back_ends_draw_each_shape_alike(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from reportlab.pdfgen.canvas import Canvas

    from workbench.export.pdfdraw import ReportlabPainter
    from workbench.export.pdfpages import flip

    cells = sample_cells()
    width, height = CELL_W * len(cells), CELL_H
    qt = QImage(width * SCALE, height * SCALE, QImage.Format.Format_RGB32)
    qt.fill(Qt.GlobalColor.white)
    painter = QPainter(qt)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(SCALE, SCALE)
    c = Canvas(str(tmp_path / "cells.pdf"), pagesize=(width, height))
    flip(c, 0, height, 1)
    for i, (draw, args) in enumerate(cells):
        painter.save()
        painter.translate(i * CELL_W, 0)
        draw(QtPainter(painter), *args)
        painter.restore()
        c.saveState()
        c.translate(i * CELL_W, 0)
        draw(ReportlabPainter(c), *args)
        c.restoreState()
    painter.end()
    c.save()
    subprocess.run(["pdftoppm", "-png", "-r", str(72 * SCALE), "-singlefile", str(tmp_path / "cells.pdf"), str(tmp_path / "pdf")], check=True)
    paper = QImage(str(tmp_path / "pdf.png"))
    assert (paper.width(), paper.height()) == (qt.width(), qt.height())
    for i in range(len(cells)):
        a, b = ink(qt, i), ink(paper, i)
        overlap = len(a & b) / len(a | b)
        assert overlap > 0.9, (i, cells[i][0].__name__ if hasattr(cells[i][0], "__name__") else cells[i], overlap)


# ------------------------------------------------------------ the images


def test_a_png_shows_no_editor_mark(qapp, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """No handoff port beside a digital touchpoint: the renderer never asks the canvas items to paint."""
    journey = every_mark()
    lay = layout(journey)
    ports = [(c.rect.right + 4, c.rect.y + c.rect.h / 2) for c in lay.cards if c.nature == "digital"]
    assert len(ports) == 2
    # The editor draws a port there (a white disc with a minus sign), as the old image export did.
    scene = JourneyScene(JourneyDocument(journey), QUndoStack())
    editor = QImage(round(lay.width * 2), round(lay.height * 2), QImage.Format.Format_RGB32)
    editor.fill(Qt.GlobalColor.white)
    painter = QPainter(editor)
    scene.render(painter, QRectF(0, 0, editor.width(), editor.height()), scene.sceneRect())
    painter.end()
    scene.detach()

    def refuse(*args):  # type: ignore[no-untyped-def]
        raise AssertionError("an image must not be painted by the editor's items")

    for cls in (items.CardItem, header_items.StepItem, header_items.StageItem, items.LaneItem, curves.EmotionItem,
                curves.ConnectorItem):
        monkeypatch.setattr(cls, "paint", refuse)
    export_png(journey, tmp_path / "map.png", scale=2)
    image = QImage(str(tmp_path / "map.png"))
    lane_fills = {QColor(c).rgb() for c in theme.LANE_FILL}
    for x, y in ports:
        above = (round(x * 2), round((y - 3) * 2))
        assert QColor(editor.pixel(*above)) == QColor("#ffffff")  # the port's white disc
        assert image.pixel(*above) in lane_fills
        assert image.pixel(round((x + 2) * 2), round(y * 2)) in lane_fills  # no minus sign either


def test_the_png_size_follows_the_scale_with_and_without_title_and_legend(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    journey = every_mark()
    lay = layout(journey)
    size = export_png(journey, tmp_path / "bare.png", scale=1.5)
    assert (size.width(), size.height()) == (round(lay.width * 1.5), round(lay.height * 1.5))
    page = sheet(lay, journey.title, journey.language, True, True)
    size = export_png(journey, tmp_path / "full.png", scale=0.5, options=DELIVERABLE)
    image = QImage(str(tmp_path / "full.png"))
    assert (image.width(), image.height()) == (size.width(), size.height()) == (round(page.width * 0.5), round(page.height * 0.5))
    assert page.height > lay.height + 40


def test_the_svg_has_title_and_legend_only_when_asked_and_carries_its_font(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    journey = every_mark().model_copy(update={"title": "Quarterly savings journey"})
    export_svg(journey, tmp_path / "full.svg", options=DELIVERABLE)
    export_svg(journey, tmp_path / "bare.svg")
    full = (tmp_path / "full.svg").read_text(encoding="utf-8")
    bare = (tmp_path / "bare.svg").read_text(encoding="utf-8")
    ET.parse(tmp_path / "full.svg")
    ET.parse(tmp_path / "bare.svg")
    for words in ("very positive", "context carried over", "context lost", "moment of truth", "end of the journey"):
        assert f">{words}<" in full and f">{words}<" not in bare
    text = ET.parse(tmp_path / "full.svg").getroot()
    texts = [t.text for t in text.iter() if t.tag.endswith("text")]
    assert "Quarterly savings journey" in texts
    assert "Quarterly savings journey" not in [t.text for t in ET.parse(tmp_path / "bare.svg").getroot().iter() if t.tag.endswith("text")]
    for svg in (full, bare):
        assert "font-family=\"'DejaVu Sans', 'Bitstream Vera Sans', Verdana, sans-serif\"" in svg
        assert 'font-family="DejaVu Sans"' not in svg
        assert "@font-face" in svg and "src: url(data:font/ttf;base64,AAEAAA" in svg  # a TrueType file, inline


def test_a_deliverable_keeps_the_standard_colours_under_projector_contrast(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    journey = every_mark()
    lay = layout(journey)
    row = lay.lanes[1].row
    x, y = row.x + lay.style.lane_title_width + 3, row.y + row.h / 2  # between the title band and the first column
    theme.use("projector")
    try:
        export_png(journey, tmp_path / "map.png", scale=1)
        assert theme.current == "projector"
    finally:
        theme.use("standard")
    assert QColor(QImage(str(tmp_path / "map.png")).pixel(round(x), round(y))) == QColor(theme.LANE_FILL[1])


def test_the_command_line_adds_title_and_legend_unless_told_not_to(qapp, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from workbench.cli import main
    from workbench.model.fileformat import save

    source = tmp_path / "plan.journey"
    save(every_mark(), source)
    assert main(["export", str(source), "-o", str(tmp_path / "full.svg"), "--format", "svg"]) == 0
    assert main(["export", str(source), "-o", str(tmp_path / "bare.svg"), "--format", "svg", "--no-title", "--no-legend"]) == 0
    assert main(["export", str(source), "-o", str(tmp_path / "title.png"), "--format", "png", "--no-legend", "--scale", "1"]) == 0
    assert ">context lost<" in (tmp_path / "full.svg").read_text(encoding="utf-8")
    assert ">context lost<" not in (tmp_path / "bare.svg").read_text(encoding="utf-8")
    lay = layout(every_mark())
    title_only = sheet(lay, "Every mark", "en", True, False)
    assert QImage(str(tmp_path / "title.png")).height() == round(title_only.height) > round(lay.height)


def test_the_file_dialog_offers_the_map_alone_or_with_title_and_legend(qtbot, monkeypatch, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    from workbench.ui.export_dialog import export_image_interactively, image_filters

    parent = QWidget()
    qtbot.addWidget(parent)
    filters = image_filters()
    offered: list[str] = []

    def choose(name: str, kind: str):  # type: ignore[no-untyped-def]
        def dialog(*args, **kwargs):  # type: ignore[no-untyped-def]
            offered.append(args[3])
            return str(tmp_path / name), kind

        monkeypatch.setattr("workbench.ui.export_dialog.QFileDialog.getSaveFileName", dialog)

    choose("bare", next(f for f, whole in filters if "svg" in f.lower() and not whole))
    assert export_image_interactively(parent, every_mark(), tmp_path) == tmp_path / "bare.svg"
    choose("full", next(f for f, whole in filters if "svg" in f.lower() and whole))
    assert export_image_interactively(parent, every_mark(), tmp_path) == tmp_path / "full.svg"
    assert offered[0].count(";;") == 3
    assert ">very positive<" in (tmp_path / "full.svg").read_text(encoding="utf-8")
    assert ">very positive<" not in (tmp_path / "bare.svg").read_text(encoding="utf-8")
