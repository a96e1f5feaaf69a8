"""The deliverable's personas: a page each (who they are and what their curves say) and the
"as is" → "to be" comparison, stage by stage.

The figures are read from the journey's feelings (no layout, no drawing):
a persona's average and lowest emotion in each scenario, and the steps its
"to be" improves or worsens, counting only the steps with both values. The
comparison table is left out of a journey without any "to be" value.
"""

from __future__ import annotations

from workbench.export.pdfflow import BODY_SIZE, CELL_GAP, LABEL_SIZE, Flow, Heading, Paragraph, Sample, Table
from workbench.export.pdfpages import MARGIN
from workbench.export.sheet import curve_label
from workbench.model.feelings import persona_name, persona_names
from workbench.geometry import Curve
from workbench.i18n import ntr, tr
from workbench.model.feelings import felt_in, filled_personas
from workbench.model.fieldwords import scenario_word
from workbench.model.index import JourneyIndex
from workbench.model.journey import Journey
from workbench.model.metrics import NO_VALUE, average_text, figures, level_text
from workbench.textmetrics import text_width

#: No value, in a figure or a table cell.
NONE = NO_VALUE


def curve_entries(curves: list[Curve], journey: Journey) -> list[tuple[str, str, str, str, str]]:
    """(shape, colour, line, scenario, words) of each curve drawn, in drawing order."""
    lang = journey.language
    names = persona_names(journey)
    out = []
    for c in curves:
        name = names.get(c.persona) or c.name or c.persona
        out.append((c.shape, c.colour, c.line, c.scenario, curve_label(name, c.scenario, lang)))
    return out


def has_to_be(journey: Journey) -> bool:
    return felt_in(journey, "to_be")


def persona_flows(journey: Journey, width: float, height: float, curves: list[Curve] | None = None) -> list[Flow]:
    """A section (a page or more) for each persona that has something to say: who they are and their figures."""
    lang = journey.language
    index = JourneyIndex(journey)
    steps = index.steps()
    looks = {c.persona: c for c in curves or []}
    # A journey with no "to be" emotion at all has no such curve on its map: its persona pages show none
    # either (a "to be" mark and a column of dashes and noughts looked like missing figures).
    scenarios = ("as_is", "to_be") if has_to_be(journey) else ("as_is",)
    flows = []
    for position, persona in enumerate(index.personas()):
        figs = figures(steps, persona.id)
        counted = bool(figs.values["as_is"] or figs.values["to_be"])
        if not (persona.name or persona.description or persona.goals or persona.frustrations or counted):
            continue
        name = persona_name(persona, position, lang)
        flow = Flow(tr("Persona: {name}", lang, name=name), width, height, lang)
        look = looks.get(persona.id)
        shape, colour, line = (look.shape, look.colour, look.line) if look else (persona.shape, persona.colour, persona.line)
        # Only the curves this persona has on the map: one with no "to be" emotion showed a "to be" mark it has
        # nowhere else (the legend left it out; exploratory test), and a column of dashes.
        own = tuple(s for s in scenarios if s == "as_is" or figs.values[s])
        flow.add(Sample(tuple((shape, colour, line, s, scenario_word(s, lang)) for s in own)))
        if persona.description:
            flow.add(Paragraph(persona.description))
        for heading, items in ((tr("Goals", lang), persona.goals), (tr("Frustrations", lang), persona.frustrations)):
            if items:
                flow.add(Heading(heading), *(Paragraph(f"•\u00a0{item}", indent=8) for item in items))
        flow.add(Heading(tr("Emotion curve", lang)))
        if not counted:
            flow.add(Paragraph(tr("No emotion recorded yet.", lang), muted=True))
            flows.append(flow)
            continue
        header = ("", *(scenario_word(s, lang) for s in own))
        rows = (
            (tr("Average emotion", lang), *(average_text(figs.average(s), lang) for s in own)),
            (tr("Lowest emotion", lang), *(_level(figs.lowest(s), lang) for s in own)),
            (tr("Steps with an emotion", lang), *(str(len(figs.values[s])) for s in own)),
        )
        flow.add(Table(header, rows, _widths([header, *rows], width)))
        if figs.both:
            flow.add(
                Paragraph(ntr("Improved in the “to be”: {count} step", "Improved in the “to be”: {count} steps", figs.improved, lang)),
                Paragraph(ntr("Worsened in the “to be”: {count} step", "Worsened in the “to be”: {count} steps", figs.worsened, lang)),
                Paragraph(
                    ntr(
                        "Counted on the {count} step that has both an “as is” and a “to be” emotion.",
                        "Counted on the {count} steps that have both an “as is” and a “to be” emotion.",
                        figs.both,
                        lang,
                    ),
                    muted=True,
                ),
            )
        flows.append(flow)
    return flows


def comparison_flow(journey: Journey, width: float, height: float) -> Flow | None:
    """Per stage and persona, the average emotion "as is" → "to be"; None without any "to be" value."""
    if not has_to_be(journey):
        return None
    lang = journey.language
    index = JourneyIndex(journey)
    filled = {p.id for p in filled_personas(journey)}
    personas = [p for p in index.personas() if p.id in filled]
    names = [persona_name(p, k, lang) for k, p in enumerate(index.personas()) if p.id in filled]
    stages = list(index.stages())
    rows: list[tuple[str, ...]] = []
    for stage in stages:
        steps = list(index.steps_of(stage.id))
        cells = [stage.title]
        for persona in personas:
            figs = figures(steps, persona.id)
            now, then = figs.average("as_is"), figs.average("to_be")
            cells.append(NONE if now is None and then is None else f"{average_text(now, lang)} → {average_text(then, lang)}")
        rows.append(tuple(cells))
    overall = [tr("Whole journey", lang)]
    for persona in personas:
        figs = figures(index.steps(), persona.id)
        now, then = figs.average("as_is"), figs.average("to_be")
        overall.append(NONE if now is None and then is None else f"{average_text(now, lang)} → {average_text(then, lang)}")
    flow = Flow(tr("As is → to be", lang), width, height, lang)
    flow.add(
        Paragraph(
            tr(
                "The average emotion of each persona in each stage, from {low} (very negative) to {high} (very positive): "
                "“as is” → “to be”.",
                lang,
                low=level_text(-2, lang),
                high=level_text(2, lang),
            ),
            muted=True,
        )
    )
    # As many personas a table as the page's width holds, the stage column repeated.
    room = width - 2 * MARGIN
    stage_w = min(max(text_width(s.title, LABEL_SIZE, True) for s in stages) + CELL_GAP if stages else 80.0, room / 4)
    stage_w = max(stage_w, text_width(overall[0], LABEL_SIZE, True) + CELL_GAP)
    stage_w = min(stage_w, room / 4)
    columns = [
        max(text_width(names[k], LABEL_SIZE, True), *(text_width(r[k + 1], BODY_SIZE) for r in [*rows, tuple(overall)])) + CELL_GAP
        for k in range(len(personas))
    ]
    columns = [min(max(c, 80.0), 130.0, room - stage_w) for c in columns]  # a long name wraps in the header
    start = 0
    chunks: list[tuple[int, int]] = []
    while start < len(personas):
        end, used = start, stage_w
        while end < len(personas) and (end == start or used + columns[end] <= room):
            used += columns[end]
            end += 1
        chunks.append((start, end))
        start = end
    for start, end in chunks:
        if len(chunks) > 1:
            flow.add(Heading(tr("Personas {first} to {last}", lang, first=start + 1, last=end)))
        header = (tr("Stage", lang), *names[start:end])
        body = tuple((r[0], *r[1 + start : 1 + end]) for r in [*rows, tuple(overall)])
        flow.add(Table(header, body, (stage_w, *columns[start:end])))
    return flow


def _widths(rows: list[tuple[str, ...]], width: float) -> tuple[float, ...]:
    """Columns as wide as their widest cell (the first in bold), within the page."""
    room = width - 2 * MARGIN
    first = min(max(text_width(r[0], LABEL_SIZE, True) for r in rows) + CELL_GAP, room / 2)
    rest = [max(text_width(r[k], LABEL_SIZE, True) for r in rows) + CELL_GAP for k in range(1, len(rows[0]))]
    return (first, *(max(w, 70.0) for w in rest))


def _level(value: int | None, lang: str) -> str:
    return NONE if value is None else level_text(value, lang)
