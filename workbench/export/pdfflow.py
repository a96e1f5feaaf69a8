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
from workbench.export.pdfpages import FOOTER, MARGIN, flip
from workbench.export.shapes import CURVE_SAMPLE, curve_sample
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


@dataclass(frozen=True)
class Sample:
    """A line of persona curve samples (a run of the line through the mark), each followed by its words."""

    items: tuple[tuple[str, str, str, str, str], ...]
    """(shape, colour, line, scenario, words) of each sample."""


@dataclass(frozen=True)
class Table:
    """A table: a bold header row (repeated on each page the table continues on), then rows
    whose first cell is a bold label; each cell wraps within its column's width (points)."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    widths: tuple[float, ...]


Block = Heading | Paragraph | Row | Sample | Table

SAMPLE_HEIGHT = 20.0
#: Room between a table's columns.
CELL_GAP = 12.0


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


@dataclass(frozen=True)
class PlacedSample:
    """A curve sample whose left end is at (x, y), y from the page's bottom."""

    x: float
    y: float
    shape: str
    colour: str
    line: str
    scenario: str


@dataclass
class Page:
    lines: list[Placed] = field(default_factory=list)
    samples: list[PlacedSample] = field(default_factory=list)
    rules: list[tuple[float, float, float]] = field(default_factory=list)
    """Thin lines (x0, x1, y) under a table's header."""


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
                need = HEADING_SIZE * 1.6 + 6 + self._lead_height(blocks, i + 1, widths)
                if y - need < self.bottom:
                    page = self._new_page(pages, continued=True, heading=None)
                    y = self._y
                y -= 6
                page.lines.append(Placed(MARGIN, y - HEADING_SIZE, block.text, BOLD, HEADING_SIZE, theme.INK))
                y -= HEADING_SIZE * 1.6
                continue
            if isinstance(block, Table):
                page, y = self._table(block, pages, page, y, heading)
                y -= 5
                continue
            if isinstance(block, Sample):
                if y - SAMPLE_HEIGHT < self.bottom:
                    page = self._new_page(pages, continued=True, heading=heading)
                    y = self._y
                self._sample(block, page, y)
                y -= SAMPLE_HEIGHT + 5
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

    def _sample(self, block: Sample, page: Page, y: float) -> None:
        """The samples in a row from the margin, each sample's words after it."""
        x, middle = MARGIN, y - SAMPLE_HEIGHT / 2
        for shape, colour, line, scenario, words in block.items:
            page.samples.append(PlacedSample(x + 2, middle, shape, colour, line, scenario))
            x += CURVE_SAMPLE + 10
            page.lines.append(Placed(x, middle - BODY_SIZE * 0.35, words, REGULAR, BODY_SIZE, theme.INK))
            x += text_width(words, BODY_SIZE) + 24

    def _table(self, table: Table, pages: list[Page], page: Page, y: float, heading: str | None) -> tuple[Page, float]:
        """Place *table*: its header, then each row whole (a new page, with the header again, when one does not fit)."""
        header = self._cells(table.header, table.widths, bold=True)
        rows = [self._cells(row, table.widths, bold=False) for row in table.rows]
        header_h = len(header) * BODY_SIZE * 1.35 + 4
        room = self._y - self.bottom

        def place_header(page: Page, y: float) -> float:
            y = self._place(header, page, y)
            page.rules.append((MARGIN, MARGIN + sum(table.widths), y - 1))
            return y - 4

        first = len(rows[0]) * BODY_SIZE * 1.35 if rows else 0.0
        if y - header_h - first < self.bottom:
            page = self._new_page(pages, continued=True, heading=heading)
            y = self._y
        y = place_header(page, y)
        for row in rows:
            need = len(row) * BODY_SIZE * 1.35
            if y - need < self.bottom and need < room - header_h:
                page = self._new_page(pages, continued=True, heading=heading)
                y = place_header(page, self._y)
            y = self._place(row, page, y)
        return page, y

    def _cells(self, cells: tuple[str, ...], widths: tuple[float, ...], bold: bool) -> list[list[Placed]]:
        """The lines of a table row, each as its pieces (x set, y 0); the first cell bold."""
        columns = []
        x = MARGIN
        for k, (text, width) in enumerate(zip(cells, widths)):
            strong = bold or k == 0
            size = LABEL_SIZE if strong else BODY_SIZE
            columns.append([(x, line, strong, size) for line in wrap(text, width - CELL_GAP, size, strong)])
            x += width
        out = []
        for k in range(max((len(c) for c in columns), default=0)):
            out.append([
                Placed(cx, 0, line, BOLD if strong else REGULAR, size, theme.INK)
                for cx, line, strong, size in (column[k] for column in columns if k < len(column))
            ])
        return out

    def _place(self, lines: list[list[Placed]], page: Page, y: float) -> float:
        for pieces in lines:
            for piece in pieces:
                page.lines.append(Placed(piece.x, y - BODY_SIZE, piece.text, piece.font, piece.size, piece.colour))
            y -= BODY_SIZE * 1.35
        return y

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

    #: A paragraph this short under a heading (a stage's description) is its lead: kept with it, whole.
    LEAD_LINES = 3

    def _lead_height(self, blocks: list[Block], start: int, widths: dict[str, float]) -> float:
        """What a heading keeps with it on its page: its short lead paragraphs, whole, and the first line or row
        of what follows them (a stage's heading and description were left at the bottom of a page, its steps on
        the next)."""
        need = 0.0
        for block in blocks[start:]:
            if isinstance(block, Paragraph):
                lines = self._lines(block, 0.0)
                if 0 < len(lines) <= self.LEAD_LINES:
                    need += sum(height for _, height in lines) + 5
                    continue
            return need + self._keep_height(block, widths)
        return need

    def _keep_height(self, block: Block | None, widths: dict[str, float]) -> float:
        """What must follow a heading on its page: a whole row (it is kept whole when it fits), else a line."""
        if block is None or isinstance(block, Heading):
            return 0.0
        if isinstance(block, Sample):
            return SAMPLE_HEIGHT
        if isinstance(block, Table):
            return (1 + min(len(block.rows), 1)) * BODY_SIZE * 1.35 * 2
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
    if page.rules:
        c.setStrokeColor(pdfdraw.colour(theme.GRID))
        c.setLineWidth(0.8)
        c.setDash([], 0)
        for x0, x1, y in page.rules:
            c.line(x0, y, x1, y)
    if page.samples:
        for sample in page.samples:
            c.saveState()
            flip(c, sample.x, sample.y, 1)
            painter = pdfdraw.ReportlabPainter(c)
            curve_sample(painter, 0, 0, sample.shape, sample.colour, sample.line, sample.scenario)
            c.restoreState()
    for line in page.lines:
        c.setFont(line.font, line.size)
        c.setFillColor(pdfdraw.colour(line.colour))
        draw_string(c, line.x, line.y, line.text)
        if line.anchor:
            c.bookmarkHorizontal(line.anchor, 0, line.y + line.size + 6)
        if line.link:
            width = text_width(line.text, line.size, line.font == BOLD)
            c.linkRect("", line.link, (line.x - 1, line.y - 3, line.x + width + 1, line.y + line.size), relative=1)
