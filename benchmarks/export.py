"""PDF export timings, against the floor of a bare reportlab page of the same size.

The floor draws as many rectangles and text labels as the map has boxes and
lines of text, with the same embedded font, on one page: what reportlab
itself costs. The ratio says how much the workbench adds on top.
"""

from __future__ import annotations

import io
import time

from reportlab.pdfgen.canvas import Canvas

from benchmarks.generate import journey_of
from workbench.export.pdf import PdfOptions, render_pdf
from workbench.layout import layout
from workbench.textmetrics import REGULAR, register_fonts


def floor(boxes: int, labels: int) -> None:
    register_fonts()
    c = Canvas(io.BytesIO(), pagesize=(20000, 20000), initialFontName=REGULAR, pageCompression=1)
    c.setFont(REGULAR, 9)
    for i in range(boxes):
        c.roundRect(10 + (i % 100) * 190, 10 + (i // 100) * 60, 170, 40, 4, stroke=1, fill=1)
    for i in range(labels):
        c.drawString(12 + (i % 100) * 190, 20 + (i // 100) * 12, "A line of card text, about this long")
    c.showPage()
    c.save()


def export_stages(size: int, repeat: int) -> dict[str, float]:
    journey = journey_of(size)
    lay = layout(journey)
    boxes = len(lay.cards) + len(lay.steps) + len(lay.stages) + len(lay.lanes)
    labels = sum(len(c.text.lines) + (len(c.channel.lines) if c.channel else 0) for c in lay.cards) + sum(
        len(s.text.lines) for s in lay.steps
    )
    # The map on one page, as the floor draws it (the tiled path has a table of its own).
    options = PdfOptions(title_page=False, legend=False, mode="fit", persona=False, details=False, notes=False)
    best_export = best_floor = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        render_pdf(journey, options)
        best_export = min(best_export, time.perf_counter() - start)
        start = time.perf_counter()
        floor(boxes, labels)
        best_floor = min(best_floor, time.perf_counter() - start)
    return {
        "export pdf ms": best_export * 1000,
        "reportlab floor ms": best_floor * 1000,
        "ratio": best_export / best_floor,
    }


# ------------------------------------------------------------------ tiled


TILED_SCRIPT = """
import resource, sys, time
sys.path.insert(0, {root!r})
from benchmarks.generate import journey_of
from workbench.export.pdf import PdfOptions, render_pdf
from workbench.textmetrics import register_fonts
journey = journey_of({size})
register_fonts()  # (as the floor: reading the font files is not drawing)
start = time.process_time()
data, result = render_pdf(journey, PdfOptions(mode="tile", page_size="a3", title_page=False, legend=False,
                                                  persona=False, details=False, notes=False))
cpu = time.process_time() - start
try:  # this process's own high-water mark (ru_maxrss keeps the parent's across exec on Linux)
    with open("/proc/self/status") as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM")) / 1024
except (OSError, StopIteration):
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(cpu * 1000, len(data), result.pages, peak)
"""


def tiled_floor(size: int) -> float:
    """Milliseconds for reportlab alone to draw the primitives the tiles show, with bare calls.

    Per tile and per region (body, header strip, lane titles, corner) as the export draws them:
    each lane, stage, header and card as a rectangle with its lines of text, each face as its
    circles and mouth, each piece of the curve and each connector as a path with its arrow and
    label. No layout, no styling, no culling logic of the workbench's own: what it adds is the
    ratio.
    """
    from workbench.export.pdf import PdfOptions, _bands, _tile_breaks
    from workbench.export.pdfpages import FOOTER, MARGIN
    from workbench.export.pdfview import Shown
    from workbench.geometry import Rect

    lay = layout(journey_of(size))
    options = PdfOptions(page_size="a3")
    width, height = options.size()
    scale = options.tile_scale
    page_w, page_h = (width - 2 * MARGIN) / scale, (height - 2 * MARGIN - FOOTER) / scale
    xs, ys = _tile_breaks(lay, page_w, page_h)
    header_h, left_w = _bands(lay, page_w, page_h)
    shown = Shown(lay)
    register_fonts()
    start = time.process_time()
    c = Canvas(io.BytesIO(), pagesize=(width, height), initialFontName=REGULAR, pageCompression=1)

    def text(t) -> None:  # type: ignore[no-untyped-def]
        for i, line in enumerate(t.lines):
            c.drawString(t.rect.x, t.rect.y + i * 10, line)

    tiles = [(x0, y0, x1, y1) for y0, y1 in zip(ys, ys[1:]) for x0, x1 in zip(xs, xs[1:])]
    # The overview page (the whole map once, when there are several tiles), then each tile.
    pages = ([[None]] if len(tiles) > 1 else []) + [
        [
            Rect(x0, y0, x1 - x0, y1 - y0),
            Rect(x0, 0, x1 - x0, header_h),
            Rect(0, y0, left_w, y1 - y0),
            Rect(0, 0, left_w, header_h),
        ]
        for x0, y0, x1, y1 in tiles
    ]
    for views in pages:
        for view in views:
            c.saveState()
            c.translate(MARGIN, height - MARGIN)
            c.scale(scale, -scale)
            for lane in lay.lanes:
                if view is None or lane.row.overlaps(view):
                    c.rect(lane.row.x, lane.row.y, lane.row.w, lane.row.h, stroke=1, fill=1)
                    text(lane.title)
            for stage in lay.stages:
                if view is None or stage.rect.overlaps(view):
                    c.roundRect(stage.rect.x, stage.rect.y, stage.rect.w, stage.rect.h, 5, stroke=0, fill=1)
                    text(stage.text)
            for step in shown.steps(view):
                c.roundRect(step.header.x, step.header.y, step.header.w, step.header.h, 4, stroke=1, fill=1)
                text(step.text)
            for card in shown.cards(view):
                r = card.rect
                c.roundRect(r.x, r.y, r.w, r.h, 5, stroke=1, fill=1)
                text(card.text)
            for piece in shown.curve(view):
                path = c.beginPath()
                path.moveTo(*piece[0][0])
                for _, c1, c2, end in piece:
                    path.curveTo(*c1, *c2, *end)
                c.drawPath(path, stroke=1, fill=0)
            for point in shown.faces(view):
                c.circle(point.x, point.y, 8, stroke=1, fill=1)
                c.circle(point.x - 3, point.y - 2, 1, stroke=0, fill=1)
                c.circle(point.x + 3, point.y - 2, 1, stroke=0, fill=1)
            for connector in shown.meeting(shown.links, view) + shown.meeting(shown.handoffs, view):
                path = c.beginPath()
                path.moveTo(*connector.path[0][0])
                for _, c1, c2, end in connector.path:
                    path.curveTo(*c1, *c2, *end)
                c.drawPath(path, stroke=1, fill=0)
            for connector in shown.labels:
                if connector.label is not None and (view is None or connector.label.rect.overlaps(view)):
                    r = connector.label.rect
                    c.rect(r.x, r.y, r.w, r.h, stroke=0, fill=1)
                    text(connector.label)
            c.restoreState()
        c.showPage()
    c.save()
    return (time.process_time() - start) * 1000


def tiled_stages(size: int) -> dict[str, float]:
    """The tiled PDF of a *size*-step map on A3: CPU, pages, bytes, peak memory of the whole process."""
    import subprocess
    import sys
    from pathlib import Path

    root = str(Path(__file__).resolve().parents[1])
    result = subprocess.run(
        [sys.executable, "-c", TILED_SCRIPT.format(root=root, size=size)], capture_output=True, text=True, check=True
    )
    cpu, size_bytes, pages, peak = (float(v) for v in result.stdout.split())
    floor_ms = tiled_floor(size)
    return {
        "pages": pages,
        "export ms": cpu,
        "floor ms": floor_ms,
        "x floor": cpu / floor_ms,
        "KB per page": size_bytes / pages / 1024,
        "peak MB": peak,
    }
