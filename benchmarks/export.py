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
    options = PdfOptions(title_page=False, legend=False)
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
