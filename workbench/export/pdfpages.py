"""The PDF's pages around the map: title page, legend, health check appendix.

Split from ``pdf.py``, which lays out the map itself; these pages only need
the journey, the page size and the shapes of ``pdfdraw``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from reportlab.pdfgen.canvas import Canvas

import workbench.theme as theme
from workbench.model.feelings import filled_personas, lead
from workbench.export import pdfdraw, shapes
from workbench.export.pdftext import draw_string
from workbench.model.feelings import persona_names
from workbench.geometry import Rect
from workbench.i18n import long_date, tr
from workbench.model.finding import severity_word
from workbench.model.journey import Journey
from workbench.model.templates import sector_name
from workbench.textmetrics import BOLD, REGULAR, text_width, wrap

if TYPE_CHECKING:
    from workbench.export.pdfflow import Flow

MARGIN = 36.0
FOOTER = 22.0


def flip(c: Canvas, x: float, y_top: float, scale: float) -> None:
    """Make layout coordinates (y down, points) start at (x, y_top) of the page."""
    c.translate(x, y_top)
    c.scale(scale, -scale)


#: A scenario longer than this on the title page is shortened there and given in full on the
#: "Scenario and notes" pages (which otherwise leave it out: it is on the title page already).
SCENARIO_LINES = 6


def _title_rows(journey: Journey, persona: bool) -> tuple[list[tuple[str, str]], float]:
    lang = journey.language
    filled = filled_personas(journey)
    if len(filled) > 1:  # their names (each has a page of its own); an empty slot is left out
        names = persona_names(journey)
        who = (tr("Personas", lang), " · ".join(names[p.id] for p in filled))
    else:
        who = (tr("Persona", lang), " — ".join(p for p in (lead(journey).name, lead(journey).description) if p))
    rows = [
        (who[0], who[1] if persona else ""),
        (tr("Scenario", lang), journey.scenario),
        (tr("Authors", lang), ", ".join(journey.authors)),
        (tr("Date", lang), long_date(date.today(), lang)),
    ]
    return rows, max(text_width(label, 11, True) for label, _ in rows) + 16


def scenario_whole_on_title_page(journey: Journey, width: float) -> bool:
    """Whether the title page shows the whole scenario (it shortens a long one)."""
    _, label_w = _title_rows(journey, True)
    return len(wrap(journey.scenario, width - 2 * MARGIN - label_w, 11)) <= SCENARIO_LINES


def title_page(c: Canvas, journey: Journey, width: float, height: float, persona: bool = True) -> None:
    """The title, the sector (unless "other"), the persona (unless left out), scenario, authors, date."""
    lang = journey.language
    y = height - MARGIN - 80
    c.setFillColor(pdfdraw.colour(theme.STAGE_FILL))
    c.rect(0, height - 18, width, 18, stroke=0, fill=1)
    c.setFont(BOLD, 28)
    c.setFillColor(pdfdraw.colour(theme.INK))
    for line in wrap(journey.title, width - 2 * MARGIN, 28, True):
        draw_string(c, MARGIN, y, line)
        y -= 34
    if journey.sector != "other":
        c.setFont(REGULAR, 14)
        c.setFillColor(pdfdraw.colour(theme.MUTED))
        draw_string(c, MARGIN, y, sector_name(journey.sector, lang))
    y -= 40
    rows, label_w = _title_rows(journey, persona)
    bottom = MARGIN + FOOTER + 15
    for label, value in rows:
        if not value:
            continue
        room = min(SCENARIO_LINES, max(int((y - bottom) // 15) - 3, 1))  # with the rows below it
        lines = wrap(value, width - 2 * MARGIN - label_w, 11, max_lines=room)
        c.setFont(BOLD, 11)
        c.setFillColor(pdfdraw.colour(theme.INK))
        draw_string(c, MARGIN, y, label)
        c.setFont(REGULAR, 11)
        for line in lines:
            draw_string(c, MARGIN + label_w, y, line)
            y -= 15
        y -= 8


def legend_page(
    c: Canvas, lang: str, width: float, height: float, curves: Sequence[tuple[str, str, str, str, str]] = ()
) -> None:
    """The faces, the curves drawn (each persona's mark and line: solid "as is", dashed "to be"), the
    touchpoints' natures, handoffs and markers. *curves*: (shape, colour, line, scenario, words) of each."""
    y = height - MARGIN - 30
    c.setFont(BOLD, 20)
    c.setFillColor(pdfdraw.colour(theme.INK))
    draw_string(c, MARGIN, y, tr("Legend", lang))
    y -= 40
    # The swatches start after the widest heading (French "Points de contact" is wider than 120 points).
    column = MARGIN + max(text_width(tr(word, lang), 12, True) for word in ("Emotion", "Touchpoints", "Curves")) + 20
    column = max(column, MARGIN + 120)
    c.setFont(BOLD, 12)
    draw_string(c, MARGIN, y, tr("Emotion", lang))
    levels = [
        (2, tr("very positive", lang)),
        (1, tr("positive", lang)),
        (0, tr("neutral", lang)),
        (-1, tr("negative", lang)),
        (-2, tr("very negative", lang)),
    ]
    x = column
    step = max(max(14 + text_width(label, 10) + 18 for _, label in levels), min(120.0, (width - MARGIN - column) / 5))
    for level, label in levels:
        if x + step > width - MARGIN and x > column:  # no room left on this row (a portrait page): the next
            x, y = column, y - 24
        c.saveState()
        flip(c, x, y + 4, 1)
        pdfdraw.face(c, 0, 0, 9, level)
        c.restoreState()
        c.setFont(REGULAR, 10)
        c.setFillColor(pdfdraw.colour(theme.INK))
        draw_string(c, x + 14, y, label)
        x += step
    y -= 50
    if curves:
        y = _curves_legend(c, lang, curves, column, y, width) - 30
    c.setFont(BOLD, 12)
    draw_string(c, MARGIN, y, tr("Touchpoints", lang))
    natures = [("digital", tr("digital", lang)), ("human", tr("human", lang)), ("physical", tr("physical", lang))]
    x = column
    for nature, label in natures:
        c.saveState()
        flip(c, x, y + 13, 1)
        # (24 high, the word 12 in: inside a human card's inner frame, which the word and the person touched)
        frame = Rect(0, 0, 90, 24)
        pdfdraw.nature_frame(c, frame, nature)
        pdfdraw.nature_icon(c, *shapes.icon_corner(frame, nature), nature)
        c.restoreState()
        c.setFont(REGULAR, 10)
        c.setFillColor(pdfdraw.colour(theme.INK))
        draw_string(c, x + 12, y - 4, label)
        x += min(130.0, (width - MARGIN - column) / 3)
    y -= 50
    c.setFont(BOLD, 12)
    draw_string(c, MARGIN, y, tr("Handoffs and markers", lang))
    y -= 22
    items = [
        ("carried", tr("handoff to a person, context carried over (solid, filled dot)", lang)),
        ("lost", tr("handoff where the context is lost (dashed, struck ring)", lang)),
        ("moment", tr("moment of truth", lang)),
        ("goal", tr("goal reached: the customer may stop here or go on", lang)),
        ("end", tr("end of the journey: nothing follows in sequence", lang)),
    ]
    for kind, label in items:
        c.saveState()
        flip(c, column, y + 4, 1)
        if kind in ("carried", "lost"):
            pdfdraw.handoff_sample(c, 4, 44, 0, carried=kind == "carried")  # as the map draws one
        elif kind == "moment":
            pdfdraw.star(c, 10, 0, 6, 2.6, theme.MOMENT_OF_TRUTH)
        elif kind == "goal":
            pdfdraw.flag(c, 5, -4)
        else:
            pdfdraw.stop_bar(c, 5, -4)
        c.restoreState()
        c.setFont(REGULAR, 10)
        c.setFillColor(pdfdraw.colour(theme.INK))
        lines = wrap(label, width - MARGIN - column - 60, 10)
        for line in lines:
            draw_string(c, column + 60, y, line)
            y -= 13
        y -= 11


def _curves_legend(
    c: Canvas, lang: str, curves: Sequence[tuple[str, str, str, str, str]], column: float, y: float, width: float
) -> float:
    """The curves' samples in columns from *column*, row by row; the baseline of the last row."""
    from workbench.export.shapes import CURVE_SAMPLE, curve_sample

    c.setFont(BOLD, 12)
    c.setFillColor(pdfdraw.colour(theme.INK))
    draw_string(c, MARGIN, y, tr("Curves", lang))
    room = width - MARGIN - column
    cell = min(max(CURVE_SAMPLE + 10 + text_width(words, 10) + 24 for *_, words in curves), room)
    if len(curves) > 8:  # two columns at least, so that twenty curves leave room for the rest of the page
        cell = min(cell, room / 2)
    per_row = max(1, int(room // cell))
    for k, (shape, colour, line, scenario, words) in enumerate(curves):
        if k and k % per_row == 0:
            y -= 20
        x = column + (k % per_row) * cell
        c.saveState()
        flip(c, x + 2, y + 3.5, 1)
        curve_sample(pdfdraw.ReportlabPainter(c), 0, 0, shape, colour, line, scenario)
        c.restoreState()
        c.setFont(REGULAR, 10)
        c.setFillColor(pdfdraw.colour(theme.INK))
        label = (wrap(words, cell - CURVE_SAMPLE - 20, 10, max_lines=1) or [""])[0]
        draw_string(c, x + CURVE_SAMPLE + 10, y, label)
    return y


def findings_flow(
    findings: list[tuple[str, str, str]],
    metrics: list[tuple[str, str]],
    lang: str,
    width: float,
    height: float,
    elements: list[tuple[str, ...]] | None = None,
    marked: set[str] | None = None,
) -> Flow:
    """The health check appendix: metrics, scores, then every finding, numbered, grouped by the
    condition it serves and most severe first; as many pages as it needs.

    With *elements* (each finding's, in the rows' order), each finding is a destination the map's
    marks link to, and its number links back to the first of its steps drawn on the map (*marked*).
    """
    from workbench.export.pdfflow import Flow, Heading, Paragraph, Row
    from workbench.export.pdfmarks import anchor_of, appendix_order, step_anchor
    from workbench.model import scores

    flow = Flow(tr("Health check findings", lang), width, height, lang)
    flow.add(*(Row(label, value) for label, value in metrics))
    flow.add(Heading(tr("Scores", lang)))
    for name, score, counts in scores.from_appendix(findings, lang):
        flow.add(Row(name, f"{score}/100 ({scores.breakdown(counts, lang)})"))
    flow.add(Paragraph(scores.formula(lang), muted=True))
    if not findings:
        flow.add(Paragraph(tr("No findings: the journey meets the checks.", lang)))
        return flow
    previous = None
    for number, i in enumerate(appendix_order(findings), start=1):
        condition, severity, message = findings[i]
        if condition != previous:
            flow.add(Heading(condition))
            previous = condition
        label = f"{number}. {severity_name(severity, lang)}"
        step = next((e for e in (elements[i] if elements and i < len(elements) else ()) if e in (marked or ())), None)
        flow.add(
            Row(
                label,
                message,
                theme.SEVERITY.get(severity, theme.INK),
                anchor=anchor_of(number) if elements is not None else "",
                link=step_anchor(step) if step else "",
                column="findings",
            )
        )
    return flow


def severity_name(severity: str, lang: str) -> str:
    """ERROR, WARNING, NOTE in the journey's language (capitals, as the appendix sets them)."""
    return severity_word(severity, lang).upper()
