"""The PDF deliverable: title page, legend, the map (fitted or tiled), findings.

Drawn with reportlab from the same layout as the canvas, with the bundled
font embedded (no standard font left), real text (searchable), metadata and
an outline. Runs without Qt. All labels are in the journey's language.
"""

from __future__ import annotations

import io
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from reportlab.lib.pagesizes import A3, A4, LETTER, TABLOID, landscape, portrait
from reportlab.pdfgen.canvas import Canvas

import workbench.theme as theme
from workbench.export import pdfdraw, pdftext
from workbench.export.pdfdetails import details_flow, notes_flow
from workbench.export.pdfmeta import keyword_text, keywords
from workbench.export.pdfpersonas import comparison_flow, curve_entries, persona_flows
from workbench.export.pdfflow import Flow, Page, draw_page
from workbench.export.pdfmarks import Mark, draw_marks, step_marks
from workbench.export.pdfmeta import add_xmp
from workbench.export.pdfoverview import overview_page
from workbench.export.pdfpages import (
    FOOTER,
    MARGIN,
    findings_flow,
    flip,
    legend_page,
    scenario_whole_on_title_page,
    title_page,
)
from workbench.export.pdfview import Shown
from workbench.export.sheet import lane_labels
from workbench.model.feelings import persona_names
from workbench.export.mapdraw import CurveLabel
from workbench.geometry import Rect
from workbench.map_layout import Layout
from workbench.i18n import current_language, decimal, tr
from workbench.layout import layout
from workbench.model.atomic import atomic_write
from workbench.model.journey import Journey
from workbench.textmetrics import REGULAR, register_fonts, text_width, wrap
from workbench.version import __version__

PAGE_SIZES = {"a4": A4, "a3": A3, "letter": LETTER, "tabloid": TABLOID}


class ExportCancelled(Exception):
    """The user cancelled a long export; nothing was written."""


@dataclass
class PdfOptions:
    page_size: str = "a4"
    orientation: str = "landscape"
    mode: str = "auto"
    """"fit": the whole map on one page; "tile": readable size over several pages;
    "auto": one page when its smallest text stays at or above ``min_text``, else tiles."""
    title_page: bool = True
    legend: bool = True
    persona: bool = True
    """A page on each persona (description, goals, frustrations, the figures of their curves)."""
    comparison: bool = True
    """The "as is" → "to be" table (per stage and persona), when the journey has a "to be" value;
    a detail per stage, so ``details`` False leaves it out too."""
    details: bool = True
    """Per stage, what the cards do not show: descriptions, emotion notes, handoffs, intents."""
    notes: bool = True
    """The scenario and the journey's notes, in full."""
    min_text: float = 6.0
    """Smallest text size (points) a fitted map may shrink to (auto tiles below it; fit warns)."""
    findings: list[tuple[str, str, str]] | None = None
    """Appendix (condition, severity, message) rows; None leaves the appendix out.
    The journey health check fills it."""
    metrics: list[tuple[str, str]] = field(default_factory=list)
    """Appendix (metric, value) rows shown above the findings."""
    finding_elements: list[tuple[str, ...]] | None = None
    """The elements of each finding row, in the same order: the map marks the steps concerned
    (numbered as in the appendix, linked both ways). None: the map is left unmarked."""
    tile_scale: float = 0.8
    """Scale of a tiled map (0.8 keeps card text at 7.6 pt)."""

    def size(self) -> tuple[float, float]:
        base = PAGE_SIZES[self.page_size.lower()]
        return landscape(base) if self.orientation == "landscape" else portrait(base)


@dataclass
class ExportResult:
    pages: int = 0
    warnings: list[str] = field(default_factory=list)


@dataclass
class _Page:
    kind: str  # "title", "legend", "map", "overview", "tile", "text", "findings"
    tile: tuple[int, int, int, int] | None = None  # column, row, columns, rows
    area: tuple[float, float, float, float] | None = None  # layout x0, y0, x1, y1 of a tile's body
    text: Page | None = None  # a page of a flowing section
    bookmark: str = ""  # the outline entry a section's first page gets


def export_pdf(
    journey: Journey,
    path: str | Path,
    options: PdfOptions | None = None,
    progress: Callable[[int, int], bool] | None = None,
    *,
    replace_read_only: bool = False,
) -> ExportResult:
    """Write the PDF of *journey* to *path* (atomically).

    *progress(done, total)* is called after each page; returning False
    cancels the export (ExportCancelled) and leaves any existing file alone.
    A read-only file at *path* is replaced only with *replace_read_only*
    (the command's ``--force``); whether to replace a writable one is the
    caller's question to ask.
    """
    data, result = render_pdf(journey, options or PdfOptions(), progress)
    atomic_write(Path(path), data, backup=False, replace_read_only=replace_read_only)
    return result


def render_pdf(
    journey: Journey, options: PdfOptions, progress: Callable[[int, int], bool] | None = None
) -> tuple[bytes, ExportResult]:
    """The PDF in the standard colours, whatever contrast the screen uses (see theme.using)."""
    with theme.using("standard"):
        return _render_pdf(journey, options, progress)


def _render_pdf(
    journey: Journey, options: PdfOptions, progress: Callable[[int, int], bool] | None = None
) -> tuple[bytes, ExportResult]:
    register_fonts()
    missing = pdftext.start_export()  # the texts no font can show, named in the warnings
    lang = journey.language
    lay = layout(journey)
    width, height = options.size()
    result = ExportResult()
    plan: list[_Page] = []
    if options.title_page:
        plan.append(_Page("title"))
    if options.legend:
        plan.append(_Page("legend"))
    curves = list(lay.curves.values())
    if options.persona:
        for flow in persona_flows(journey, width, height, curves):
            plan += _flowing(flow)
    marks: dict[str, Mark] = {}
    if options.findings is not None and options.finding_elements is not None:
        marks = step_marks(options.findings, options.finding_elements, {step.id for step in lay.steps})
    anchored: set[str] = set()
    body_w, body_h = width - 2 * MARGIN, height - 2 * MARGIN - FOOTER
    smallest = min(lay.style.label_size, lay.style.card_size) * min(body_w / lay.width, body_h / lay.height, 1.0)
    tiled = options.mode == "tile" or options.mode == "auto" and smallest < options.min_text
    if tiled:
        xs, ys = _tile_breaks(lay, body_w / options.tile_scale, body_h / options.tile_scale)
        columns, rows = len(xs) - 1, len(ys) - 1
        if columns * rows > 1:
            plan.append(_Page("overview"))
        plan += [
            _Page("tile", (col, row, columns, rows), (xs[col], ys[row], xs[col + 1], ys[row + 1]))
            for row in range(rows)
            for col in range(columns)
        ]
    else:
        if smallest < options.min_text:
            result.warnings.append(
                tr(
                    "At this page size the smallest text would be {size} pt: choose tiling or a larger page "
                    "for a readable print.",
                    current_language(),  # a word to the user, not part of the deliverable
                    size=decimal(smallest, 1, current_language()),
                )
            )
        plan.append(_Page("map"))
    if options.details and options.comparison:
        plan += _flowing(comparison_flow(journey, width, height))
    if options.details:
        plan += _flowing(details_flow(journey, width, height))
    if options.notes:
        told = options.title_page and scenario_whole_on_title_page(journey, width)
        plan += _flowing(notes_flow(journey, width, height, scenario=not told))
    if options.findings is not None:
        plan += _flowing(
            findings_flow(options.findings, options.metrics, lang, width, height, options.finding_elements, set(marks))
        )

    buffer = io.BytesIO()
    c = Canvas(
        buffer, pagesize=(width, height), initialFontName=REGULAR, initialFontSize=10, pageCompression=1, lang=lang
    )
    c.setTitle(journey.title)
    c.setAuthor(", ".join(journey.authors))  # (none named: none said; the creator below names the application)
    c.setSubject(journey.scenario[:500] or journey.title)
    c.setKeywords(keyword_text(keywords(journey)))
    c.setCreator(f"Journey Workbench {__version__}")
    add_xmp(c, journey)
    shown = Shown(lay)
    labels = lane_labels(persona_names(journey), lang)  # the curves' legend under the emotion lane's title
    tiles = [page for page in plan if page.kind == "tile"]
    total = len(plan)
    for number, page in enumerate(plan, start=1):
        if page.kind == "title":
            title_page(c, journey, width, height, persona=options.persona)
            _outline(c, "title", journey.title)
        elif page.kind == "legend":
            legend_page(c, lang, width, height, curve_entries(curves, journey))
            _outline(c, "legend", tr("Legend", lang))
        elif page.kind == "map":
            _map_page(c, lay, width, height, shown, lambda view: draw_marks(c, shown, marks, view, anchored), labels)
            _outline(c, "map", tr("Journey map", lang))
            _stage_outline(c, lay, None)
        elif page.kind == "overview":
            first = number + 1
            overview_page(c, lay, shown, [(t.area, first + i) for i, t in enumerate(tiles)], width, height, lang)  # type: ignore[misc]
            _outline(c, "map", tr("Journey map", lang))
        elif page.kind == "text":
            assert page.text is not None
            draw_page(c, page.text)
            if page.bookmark:
                _outline(c, f"section-{number}", page.bookmark)
        else:
            assert page.tile is not None and page.area is not None
            marking = lambda view: draw_marks(c, shown, marks, view, anchored)  # noqa: E731
            _tile_page(c, lay, shown, page.tile, page.area, width, height, options.tile_scale, marking, labels)
            if page.tile[:2] == (0, 0) and len(tiles) == 1:
                _outline(c, "map", tr("Journey map", lang))
            if page.tile[1] == 0:
                _stage_outline(c, lay, page.area)
        _footer(c, journey, number, total, width, _overview_width(page.tile, width) if page.tile else 0.0)
        c.showPage()
        result.pages += 1
        if progress is not None and progress(number, total) is False:
            raise ExportCancelled()
    c.showOutline()
    c.save()
    result.warnings += missing.warnings(current_language())
    return buffer.getvalue(), result


def _flowing(flow: Flow | None) -> list[_Page]:
    """The pages of a flowing section (none when it has nothing to say); the first one bookmarked."""
    if flow is None:
        return []
    pages = [_Page("text", text=page) for page in flow.pages()]
    pages[0].bookmark = flow.title
    return pages


def _outline(c: Canvas, key: str, title: str) -> None:
    c.bookmarkPage(key)
    c.addOutlineEntry(title, key, level=0)


def _stage_outline(c: Canvas, lay: Layout, area: tuple[float, float, float, float] | None) -> None:
    """Bookmarks of the stages that begin on this page, under the map's (all of them: None)."""
    for stage in lay.stages:
        if area is None or area[0] <= stage.rect.x < area[2]:
            key = f"stage-{stage.id}"
            c.bookmarkPage(key)
            c.addOutlineEntry(" ".join(stage.text.lines) or stage.id, key, level=1)


def _bands(lay: Layout, page_w: float, page_h: float) -> tuple[float, float]:
    """Height of the header band (stages and steps) and width of the lane titles band, repeated on every tile of
    a page *page_w* x *page_h* (in layout units).

    A band that would take more than half the page is not repeated (0): it is tiled with the rest. A step
    title of 500 characters made the header taller than the page, and the tiling, left no room, never ended.
    """
    header = (lay.steps[0].header.bottom if lay.steps else lay.style.margin) + lay.style.gap
    left = lay.style.margin + lay.style.lane_title_width + lay.style.gap
    return (header if header <= page_h / 2 else 0.0), (left if left <= page_w / 2 else 0.0)


def _map_page(
    c: Canvas, lay: Layout, width: float, height: float, shown: Shown, mark: Callable[[Rect | None], None],
    labels: CurveLabel | None = None,
) -> None:
    body_w, body_h = width - 2 * MARGIN, height - 2 * MARGIN - FOOTER
    scale = min(body_w / lay.width, body_h / lay.height, 1.0)
    dx = (body_w - lay.width * scale) / 2  # centred in the free space
    dy = (body_h - lay.height * scale) / 2
    c.saveState()
    flip(c, MARGIN + dx, height - MARGIN - dy, scale)
    pdfdraw.draw_layout(c, lay, shown=shown, curve_label=labels)
    mark(None)
    c.restoreState()


def _tile_breaks(lay: Layout, page_w: float, page_h: float) -> tuple[list[float], list[float]]:
    """Where tiles start and end: between step columns and between lanes when possible."""
    header_h, left_w = _bands(lay, page_w, page_h)
    room_w, room_h = page_w - left_w, page_h - header_h
    edges_x = sorted({s.column.x - lay.style.gap / 2 for s in lay.steps} | {lay.width})
    edges_y = sorted({lane.row.y - lay.style.gap / 2 for lane in lay.lanes} | {lay.height})
    return _greedy(left_w, edges_x, room_w), _greedy(header_h, edges_y, room_h)


def _greedy(start: float, edges: list[float], room: float) -> list[float]:
    """Breaks from *start* to the last edge, each span at most *room*, on edges when one fits.

    As few pages as filling each one up needs, and balanced: each break is
    the edge nearest an equal share of the map that still lets the pages
    after it hold the rest, so no page is left with one orphan column while
    the others are full.
    """
    end = edges[-1] if edges else start
    if end - start <= 0.5:
        return [start, start + 1]
    pages = len(_fill(start, edges, room, end)) - 1
    share = (end - start) / pages
    breaks = [start]
    for k in range(1, pages):
        here = breaks[-1]
        first, last = bisect_right(edges, here + 1), bisect_right(edges, here + room)
        # Edges that fit on this page and leave no more than the pages after it can hold.
        fitting = [e for e in edges[first:last] if end - e <= (pages - k) * room + 1e-6]
        if not fitting:
            return _fill(start, edges, room, end)
        target = start + k * share
        breaks.append(min(fitting, key=lambda e: abs(e - target)))
    breaks.append(end)
    return breaks


def _fill(start: float, edges: list[float], room: float, end: float) -> list[float]:
    """Each page as wide as fits in *room*, broken on the last edge that fits (or cut at *room*)."""
    if room <= 1:  # (no page could hold anything: the loop below would never end)
        raise ValueError(f"no room on a page: {room}")
    breaks = [start]
    while breaks[-1] < end - 0.5:
        here = breaks[-1]
        i = bisect_right(edges, here + room) - 1
        breaks.append(edges[i] if i >= 0 and edges[i] > here + 1 else min(here + room, end))
    return breaks


def _tile_page(
    c: Canvas,
    lay: Layout,
    shown: Shown,
    tile: tuple[int, int, int, int],
    span: tuple[float, float, float, float],
    width: float,
    height: float,
    scale: float,
    mark: Callable[[Rect | None], None],
    labels: CurveLabel | None = None,
) -> None:
    """One tile of the map, with the stage/step headers (and their findings' marks) and lane titles repeated."""
    header_h, left_w = _bands(lay, (width - 2 * MARGIN) / scale, (height - 2 * MARGIN - FOOTER) / scale)
    x0, y0, x1, y1 = span
    body_w, body_h = x1 - x0, y1 - y0
    regions = [  # (page area in layout units relative to the page origin, layout offset)
        (Rect(left_w, header_h, body_w, body_h), (x0 - left_w, y0 - header_h)),
        (Rect(left_w, 0, body_w, header_h), (x0 - left_w, 0)),
        (Rect(0, header_h, left_w, body_h), (0, y0 - header_h)),
        (Rect(0, 0, left_w, header_h), (0, 0)),
    ]
    for area, (dx, dy) in regions:
        c.saveState()
        flip(c, MARGIN, height - MARGIN, scale)
        clip = c.beginPath()
        clip.rect(area.x, area.y, area.w, area.h)
        c.clipPath(clip, stroke=0, fill=0)
        c.translate(-dx, -dy)
        view = Rect(area.x + dx, area.y + dy, area.w, area.h)
        pdfdraw.draw_layout(c, lay, view, shown, whole_labels=True, curve_label=labels)
        mark(view)
        c.restoreState()
    _overview(c, lay, tile, width)


def _cell(tile: tuple[int, int, int, int], width: float) -> float:
    """The side of a square of the footer's mini-map: smaller for a long map, so that it stays on the page."""
    _, _, columns, rows = tile
    return min(7.0, (width / 2 - 160) / columns, (MARGIN - 6) / rows)


def _overview_width(tile: tuple[int, int, int, int], width: float) -> float:
    """How much of the footer, from the right margin, the mini-map and the page number take."""
    return tile[2] * _cell(tile, width) + 140


def _overview(c: Canvas, lay: Layout, tile: tuple[int, int, int, int], width: float) -> None:
    """A small grid in the footer showing where this page sits in the whole map."""
    col, row, columns, rows = tile
    cell = _cell(tile, width)
    x = width - MARGIN - columns * cell - 140
    y = MARGIN - 4
    c.setStrokeColor(pdfdraw.colour(theme.MUTED))
    c.setFillColor(pdfdraw.colour("#ffffff"))
    if columns * rows <= 60:  # a cell a tile
        for r in range(rows):
            for k in range(columns):
                c.rect(x + k * cell, y - r * cell, cell, cell, stroke=1, fill=1)
    else:  # a long map: its outline and row lines (a cell a tile, on each of its pages, made the export quadratic)
        c.rect(x, y - (rows - 1) * cell, columns * cell, rows * cell, stroke=1, fill=1)
        for r in range(1, rows):
            c.line(x, y - r * cell + cell, x + columns * cell, y - r * cell + cell)
    c.setFillColor(pdfdraw.colour(theme.STAGE_FILL))
    c.rect(x + col * cell, y - row * cell, cell, cell, stroke=1, fill=1)


def _footer(c: Canvas, journey: Journey, number: int, total: int, width: float, reserved: float = 0.0) -> None:
    """The title (cut short with an ellipsis before what sits at the right: *reserved* points) and the page number."""
    c.setFont(REGULAR, 8)
    c.setFillColor(pdfdraw.colour(theme.MUTED))
    label = tr("page {number} of {total}", journey.language, number=number, total=total)
    room = width - 2 * MARGIN - max(reserved, text_width(label, 8)) - 16
    pdftext.draw_string(c, MARGIN, MARGIN - 14, (wrap(journey.title, room, 8, max_lines=1) or [""])[0])
    c.drawRightString(width - MARGIN, MARGIN - 14, label)
