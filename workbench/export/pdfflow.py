"""Text pages that flow: as many pages as the text needs, never past the footer.

A section (the persona, the details of each stage, the health check
appendix) is a list of blocks: headings, paragraphs, labelled rows. They are
laid out on pages first, in pure Python with the bundled font's measures, so
the PDF knows its page count (for "page n of m") before drawing; then each
page is drawn. A heading never ends a page, and on a page that continues a
section its title and the heading in progress come again, marked
"(continued)".
"""

from __future__ import annotations

from dataclasses import dataclass, field

from reportlab.pdfgen.canvas import Canvas

import workbench.theme as theme
from workbench.export import pdfdraw
from workbench.export.pdftext import draw_string
from workbench.export.pdfpages import FOOTER, MARGIN
from workbench.i18n import tr
from workbench.textmetrics import BOLD, REGULAR, text_width, wrap

TITLE_SIZE = 20.0
HEADING_SIZE = 12.0
BODY_SIZE = 10.0
LABEL_SIZE = 9.0


@dataclass(frozen=True)
class Heading:
    text: str


@dataclass(frozen=True)
class Paragraph:
    text: str
    muted: bool = False
    indent: float = 0.0


@dataclass(frozen=True)
class Row:
    """A label (bold, in a column measured from all the labels of its run) and its text."""

    label: str
    text: str
    colour: str = ""
    """The label's colour (a severity's), the ink when empty."""
    anchor: str = ""
    """A destination named at this row (links elsewhere in the PDF come here)."""
    link: str = ""
    """A destination the row's label links to."""
    column: str = ""
    """Rows of the same column share a label width (the widest of their labels)."""


Block = Heading | Paragraph | Row


@dataclass(frozen=True)
class Placed:
    """One line of text at its place on a page (y of its baseline, from the page's bottom)."""

    x: float
    y: float
    text: str
    font: str
    size: float
    colour: str
    anchor: str = ""
    link: str = ""


@dataclass
class Page:
    lines: list[Placed] = field(default_factory=list)


class Flow:
    """A titled section laid out over pages of *width* x *height* points."""

    def __init__(self, title: str, width: float, height: float, lang: str) -> None:
        self.title = title
        self.width, self.height = width, height
        self.lang = lang
        self.blocks: list[Block] = []
        self.bottom = MARGIN + FOOTER + 6

    def add(self, *blocks: Block) -> Flow:
        self.blocks.extend(blocks)
        return self

    # ------------------------------------------------------------ laying out

    def pages(self) -> list[Page]:
        pages: list[Page] = []
        heading: str | None = None
        widths = self._label_widths()
        page = self._new_page(pages, continued=False, heading=None)
        y = self._y
        blocks = self.blocks
        for i, block in enumerate(blocks):
            if isinstance(block, Heading):
                heading = block.text
                # A heading keeps at least its first following line with it.
                following = blocks[i + 1] if i + 1 < len(blocks) else None
                need = HEADING_SIZE * 1.6 + 6 + self._keep_height(following, widths)
                if y - need < self.bottom:
                    page = self._new_page(pages, continued=True, heading=None)
                    y = self._y
                y -= 6
                page.lines.append(Placed(MARGIN, y - HEADING_SIZE, block.text, BOLD, HEADING_SIZE, theme.INK))
                y -= HEADING_SIZE * 1.6
                continue
            lines = self._lines(block, widths.get(block.column, 0.0) if isinstance(block, Row) else 0.0)
            whole = sum(height for _, height in lines)
            if isinstance(block, Row) and y - whole < self.bottom and whole < self._y - self.bottom:
                # A row (a finding, a step's detail) stays whole on one page when it can.
                page = self._new_page(pages, continued=True, heading=heading)
                y = self._y
            for pieces, height in lines:
                if y - height < self.bottom:
                    page = self._new_page(pages, continued=True, heading=heading)
                    y = self._y
                for piece in pieces:  # the pieces of a line share its baseline
                    page.lines.append(
                        Placed(piece.x, y - BODY_SIZE, piece.text, piece.font, piece.size, piece.colour, piece.anchor, piece.link)
                    )
                y -= height
            y -= 5
        return pages

    def _new_page(self, pages: list[Page], continued: bool, heading: str | None) -> Page:
        page = Page()
        pages.append(page)
        y = self.height - MARGIN - 10
        title = self.title if not continued else tr("{title} (continued)", self.lang, title=self.title)
        for line in wrap(title, self.width - 2 * MARGIN, TITLE_SIZE, True):
            page.lines.append(Placed(MARGIN, y - TITLE_SIZE, line, BOLD, TITLE_SIZE, theme.INK))
            y -= TITLE_SIZE * 1.3
        y -= 14
        if heading is not None:
            text = tr("{title} (continued)", self.lang, title=heading)
            page.lines.append(Placed(MARGIN, y - HEADING_SIZE, text, BOLD, HEADING_SIZE, theme.INK))
            y -= HEADING_SIZE * 1.6
        self._y = y
        return page

    def _label_widths(self) -> dict[str, float]:
        """Each column of labels: as wide as its widest label, within a third of the page."""
        widest: dict[str, float] = {}
        for block in self.blocks:
            if isinstance(block, Row):
                width = text_width(block.label, LABEL_SIZE, True)
                widest[block.column] = max(widest.get(block.column, 0.0), width)
        return {column: min(width + 12, (self.width - 2 * MARGIN) / 3) for column, width in widest.items()}

    def _keep_height(self, block: Block | None, widths: dict[str, float]) -> float:
        """What must follow a heading on its page: a whole row (it is kept whole when it fits), else a line."""
        if block is None or isinstance(block, Heading):
            return 0.0
        lines = self._lines(block, widths.get(block.column, 0.0) if isinstance(block, Row) else 0.0)
        if not lines:
            return 0.0
        whole = sum(height for _, height in lines)
        return whole if isinstance(block, Row) and whole < self._y - self.bottom else lines[0][1]

    def _lines(self, block: Block, label_w: float) -> list[tuple[list[Placed], float]]:
        """The lines of *block*, each as the pieces on its baseline (x, font, size, colour) and its height."""
        room = self.width - 2 * MARGIN
        out: list[tuple[list[Placed], float]] = []
        height = BODY_SIZE * 1.35
        if isinstance(block, Paragraph):
            colour = theme.MUTED if block.muted else theme.INK
            for line in wrap(block.text, room - block.indent, BODY_SIZE):
                out.append(([Placed(MARGIN + block.indent, 0, line, REGULAR, BODY_SIZE, colour)], height))
        elif isinstance(block, Row):
            labels = wrap(block.label, label_w - 8, LABEL_SIZE, True)
            texts = wrap(block.text, room - label_w, BODY_SIZE)
            for k in range(max(len(labels), len(texts))):
                pieces = []
                if k < len(labels):
                    first = k == 0
                    pieces.append(
                        Placed(
                            MARGIN, 0, labels[k], BOLD, LABEL_SIZE, block.colour or theme.INK,
                            block.anchor if first else "", block.link if first else "",
                        )
                    )
                if k < len(texts):
                    pieces.append(Placed(MARGIN + label_w, 0, texts[k], REGULAR, BODY_SIZE, theme.INK))
                out.append((pieces, height))
        return out


def draw_page(c: Canvas, page: Page) -> None:
    """Draw one laid-out page (its footer is the caller's)."""
    for line in page.lines:
        c.setFont(line.font, line.size)
        c.setFillColor(pdfdraw.colour(line.colour))
        draw_string(c, line.x, line.y, line.text)
        if line.anchor:
            c.bookmarkHorizontal(line.anchor, 0, line.y + line.size + 6)
        if line.link:
            width = text_width(line.text, line.size, line.font == BOLD)
            c.linkRect("", line.link, (line.x - 1, line.y - 3, line.x + width + 1, line.y + line.size), relative=1)
