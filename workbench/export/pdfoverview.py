"""The overview page of a tiled map: the whole map small, each tile outlined with its page number.

A reader holding page 23 of a tiled map finds where it sits; a reader of the
overview finds which page shows the part they want.
"""

from __future__ import annotations

from reportlab.pdfgen.canvas import Canvas

import workbench.theme as theme
from workbench.export import pdfdraw
from workbench.export.pdftext import draw_string
from workbench.export.pdfpages import FOOTER, MARGIN, flip
from workbench.export.pdfview import Shown
from workbench.map_layout import Layout
from workbench.i18n import ntr
from workbench.textmetrics import BOLD

Area = tuple[float, float, float, float]


def overview_page(c: Canvas, lay: Layout, shown: Shown, tiles: list[tuple[Area, int]], width: float, height: float, lang: str) -> None:
    """The map fitted on the page under a title, and over it each tile's outline and page number."""
    c.setFont(BOLD, 14)
    c.setFillColor(pdfdraw.colour(theme.INK))
    draw_string(c, MARGIN, height - MARGIN - 10, ntr("Overview: the map over the next {count} page", "Overview: the map over the next {count} pages", len(tiles), lang))
    top = MARGIN + 24
    body_w, body_h = width - 2 * MARGIN, height - top - MARGIN - FOOTER
    scale = min(body_w / lay.width, body_h / lay.height, 1.0)
    dx = (body_w - lay.width * scale) / 2
    c.saveState()
    flip(c, MARGIN + dx, height - top, scale)
    pdfdraw.draw_layout(c, lay, shown=shown, texts=False)  # a picture: its texts would be too small to read
    c.restoreState()
    size = max(7.0, min(28.0, min(area[2] - area[0] for area, _ in tiles) * scale * 0.4)) if tiles else 7.0
    c.setLineWidth(1.2)
    for (x0, y0, x1, y1), number in tiles:
        left = MARGIN + dx + x0 * scale
        bottom = height - top - y1 * scale
        w, h = (x1 - x0) * scale, (y1 - y0) * scale
        c.setStrokeColor(pdfdraw.colour(theme.LINK))
        c.rect(left, bottom, w, h, stroke=1, fill=0)
        label = str(number)
        c.setFont(BOLD, size)
        c.setFillColor(pdfdraw.colour("#ffffff"))
        c.rect(left + w / 2 - size * 0.45 * len(label) - 3, bottom + h / 2 - size * 0.45, size * 0.9 * len(label) + 6, size * 1.2, stroke=0, fill=1)
        c.setFillColor(pdfdraw.colour(theme.LINK))
        c.drawCentredString(left + w / 2, bottom + h / 2 - size * 0.3, label)
