"""The deliverable's text sections: the details of each stage, the scenario and notes.

What a map cannot show on its cards (step descriptions, emotion notes,
moments of truth, handoffs with their wait and return, intents) is written
out here, stage by stage, on pages that flow (`pdfflow.py`). A section with
nothing to say is left out.
"""

from __future__ import annotations

from workbench.export.pdfflow import Flow, Heading, Paragraph, Row
from workbench.i18n import tr
from workbench.model.feelings import feeling, persona_names
from workbench.model.index import JourneyIndex
from workbench.model.fieldwords import scenario_word
from workbench.model.journey import INTENTS, SCENARIOS, Journey, Persona, Step

LEVELS = {2: "very positive", 1: "positive", 0: "neutral", -1: "negative", -2: "very negative"}


def notes_flow(journey: Journey, width: float, height: float, scenario: bool = True) -> Flow | None:
    """The scenario (unless the title page shows it whole: *scenario* False) and the notes, in full."""
    lang = journey.language
    story = journey.scenario if scenario else ""
    if not (story or journey.notes):
        return None
    flow = Flow(tr("Scenario and notes", lang) if story else tr("Notes", lang), width, height, lang)
    for heading, text in ((tr("Scenario", lang), story), (tr("Notes", lang), journey.notes)):
        if text:  # (under a page called "Notes", the notes alone need no heading of their own)
            flow.add(*([Heading(heading)] if story else []), *(Paragraph(part) for part in text.split("\n")))
    return flow


def details_flow(journey: Journey, width: float, height: float) -> Flow | None:
    """Per stage, each step's details that its header and cards do not show."""
    lang = journey.language
    index = JourneyIndex(journey)
    cards = {card.id: card for card in journey.cards}
    steps = {step.id: step for step in journey.steps}
    handoffs_of: dict[str, list] = {}  # type: ignore[type-arg]
    for handoff in journey.handoffs:
        source = cards.get(handoff.source)
        if source is not None:
            handoffs_of.setdefault(source.step, []).append(handoff)
    intents_of: dict[str, set[str]] = {}  # (looked up a step at a time: scanning every card for each was quadratic)
    for card in journey.cards:
        if card.intents:
            intents_of.setdefault(card.step, set()).update(card.intents)
    flow = Flow(tr("Stage details", lang), width, height, lang)
    said = False
    personas = index.personas()
    # One persona seen "as is" only: the notes say "Emotion (...)" as ever; else each names whose, and when.
    named = len(personas) > 1 or any(e.scenario != "as_is" for s in journey.steps for e in s.emotions)
    names = persona_names(journey, lang)  # ("Persona 2" for one left unnamed, not its id)
    voices = [(p, names[p.id], scenario) for p in personas for scenario in SCENARIOS] if named \
        else [(personas[0], names[personas[0].id], "as_is")]
    for stage in index.stages():
        rows: list[Row | Paragraph] = []
        for step in index.steps_of(stage.id):
            facts = _step_facts(step, handoffs_of.get(step.id, []), cards, steps, intents_of, lang, voices, named)
            if facts:  # one row a step: it stays whole on a page, under its title
                rows.append(Row(step.title, "\n".join(facts), column="steps"))
        if stage.description or rows:
            flow.add(Heading(stage.title))
            if stage.description:
                flow.add(Paragraph(stage.description, muted=True))
            flow.add(*rows)
            said = True
    return flow if said else None


def _step_facts(step, handoffs, cards, steps, intents_of, lang: str, voices, named: bool) -> list[str]:  # type: ignore[no-untyped-def]
    facts: list[str] = []
    if step.description:
        facts.append(step.description)
    facts += _feeling_notes(step, voices, named, lang)
    marks = [
        tr("moment of truth", lang) if step.moment_of_truth else "",
        tr("goal reached", lang) if step.goal else "",
        tr("end of the journey", lang) if getattr(step, "end", False) else "",
    ]
    if any(marks):
        facts.append(", ".join(mark for mark in marks if mark).capitalize())
    for handoff in handoffs:
        target = cards.get(handoff.target)
        parts = [tr("Handoff: {trigger}", lang, trigger=handoff.trigger or tr("no trigger given", lang))]
        if target is not None and target.channel:
            parts.append(tr("to {channel}", lang, channel=target.channel))
        if handoff.expected_wait:
            parts.append(tr("expected wait {wait}", lang, wait=handoff.expected_wait))
        parts.append(tr("context carried over", lang) if handoff.context_carried else tr("context lost", lang))
        back = steps.get(handoff.return_step) if handoff.return_step else None
        if back is not None:
            parts.append(tr("back to '{title}'", lang, title=back.title))
        facts.append(" · ".join(parts))
    marked = intents_of.get(step.id, set())
    intents = [intent for intent in INTENTS if intent in marked]
    if intents:
        facts.append(tr("Intents: {intents}", lang, intents=", ".join(tr(intent, lang) for intent in intents)))
    return facts


def _feeling_notes(step: Step, voices: list[tuple[Persona, str, str]], named: bool, lang: str) -> list[str]:
    """Each emotion note of the step: why that persona feels so there, then or later."""
    out: list[str] = []
    for persona, name, scenario in voices:
        entry = feeling(step, persona.id, scenario)
        if entry is None or not entry.note:
            continue
        if not named:
            if entry.value is not None:
                out.append(tr("Emotion ({level}): {note}", lang, level=tr(LEVELS[entry.value], lang), note=entry.note))
            continue
        who = tr("{persona}, {scenario}", lang, persona=name, scenario=scenario_word(scenario, lang))
        if entry.value is not None:
            out.append(tr("{who} ({level}): {note}", lang, who=who, level=tr(LEVELS[entry.value], lang), note=entry.note))
        else:
            out.append(tr("{who}: {note}", lang, who=who, note=entry.note))
    return out
