"""The deliverable with several personas, "as is" and "to be" (#15): the legend names every curve,
each persona has a page with its figures, a table compares the scenarios stage by stage."""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

from pypdf import PdfReader

from workbench.export.pdf import PdfOptions, export_pdf
from workbench.export.sheet import sheet
from workbench.i18n import tr
from workbench.layout import layout
from workbench.model.feelings import level, personas_in_order
from workbench.model.fileformat import load
from workbench.model.journey import Feeling, Journey, Persona

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "banking-savings.journey"
SECOND = "Bernard Second"


def words(path: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "") for page in PdfReader(path).pages).split())


def one_persona(with_to_be: bool = False, language: str = "en") -> Journey:
    """The example with its lead persona only, "as is" values only (and "to be" ones with *with_to_be*)."""
    journey = load(EXAMPLE)
    first = personas_in_order(journey.personas)[0]
    steps = []
    for i, step in enumerate(sorted(journey.steps, key=lambda s: (s.stage, s.order))):
        now = level(step, first.id, "as_is")
        now = (i % 5) - 2 if now is None else now
        emotions = [Feeling(persona=first.id, scenario="as_is", value=now)]
        if with_to_be:
            emotions.append(Feeling(persona=first.id, scenario="to_be", value=min(2, now + 1)))
        steps.append(step.model_copy(update={"emotions": emotions}))
    cards = [card.model_copy(update={"personas": []}) for card in journey.cards]
    return journey.model_copy(update={"personas": [first], "steps": steps, "cards": cards, "language": language})


def two_personas(language: str = "en") -> Journey:
    """A second persona, one level lower "as is" than the lead, and at the lead's level "to be"."""
    journey = one_persona(with_to_be=True, language=language)
    first = journey.personas[0]
    second = Persona(
        id="persona-second", order=1, name=SECOND, description="Retired teacher who prefers the branch.",
        goals=["Keep his savings safe"], frustrations=["Small print on a phone"],
        shape="square", line="bold", colour="#c2410c",
    )
    steps = []
    for step in journey.steps:
        now = level(step, first.id, "as_is")
        assert now is not None
        extra = [
            Feeling(persona=second.id, scenario="as_is", value=max(-2, now - 1)),
            Feeling(persona=second.id, scenario="to_be", value=now),
        ]
        steps.append(step.model_copy(update={"emotions": [*step.emotions, *extra]}))
    return journey.model_copy(update={"personas": [first, second], "steps": steps})


def signed(value: Fraction, lang: str = "en") -> str:
    """Written here again, independently of the exporter, from the exact average: one decimal, a half away from
    zero (as people round)."""
    tenths = abs(value) * 10
    whole = int(tenths) + (1 if tenths - int(tenths) >= Fraction(1, 2) else 0)
    text = "0.0" if whole == 0 else f"{'-' if value < 0 else '+'}{whole // 10}.{whole % 10}"
    return text.replace(".", ",").replace("-", "\u2212") if lang == "fr" else text


def averages(journey: Journey, persona: str, steps) -> tuple[Fraction, Fraction]:  # type: ignore[no-untyped-def]
    now = [level(s, persona, "as_is") for s in steps]
    then = [level(s, persona, "to_be") for s in steps]
    now_v = [v for v in now if v is not None]
    then_v = [v for v in then if v is not None]
    return Fraction(sum(now_v), len(now_v)), Fraction(sum(then_v), len(then_v))


def outline(path: Path) -> list[str]:
    return [item.title for item in PdfReader(path).outline if not isinstance(item, list)]


def test_every_persona_and_both_scenarios_reach_the_pdf(tmp_path: Path) -> None:
    journey = two_personas()
    lead = journey.personas[0]
    out = tmp_path / "two.pdf"
    export_pdf(journey, out, PdfOptions(findings=None))
    reader = PdfReader(out)
    title = " ".join((reader.pages[0].extract_text() or "").split())
    assert lead.name in title and SECOND in title and "Personas" in title
    text = words(out)
    for name in (lead.name, SECOND):  # the legend names each curve, each persona has its page
        assert f"{name} — as is" in text and f"{name} — to be" in text
        assert f"Persona: {name}" in outline(out)
    assert "Keep his savings safe" in text and "Small print on a phone" in text
    assert "As is → to be" in outline(out) and "As is → to be" in text
    # The second persona's average over the journey, "as is" and "to be", computed here.
    now, then = averages(journey, "persona-second", journey.steps)
    assert f"{signed(now)} → {signed(then)}" in text
    # And its first stage's cell of the table.
    stage = min(journey.stages, key=lambda s: s.order)
    now, then = averages(journey, "persona-second", [s for s in journey.steps if s.stage == stage.id])
    assert f"{stage.title} " in text and f"{signed(now)} → {signed(then)}" in text
    # Steps improved: every step below +2 gains a level for the lead.
    improved = sum(1 for s in journey.steps if level(s, lead.id, "to_be") > level(s, lead.id, "as_is"))  # type: ignore[operator]
    assert f"Improved in the “to be”: {improved} steps" in text
    keywords = reader.metadata.get("/Keywords") or ""
    assert lead.name in keywords and SECOND in keywords
    xmp = reader.xmp_metadata
    assert xmp is not None and SECOND in (xmp.dc_subject or [])


def test_without_the_persona_option_the_persona_pages_are_gone(tmp_path: Path) -> None:
    journey = two_personas()
    out = tmp_path / "lean.pdf"
    export_pdf(journey, out, PdfOptions(findings=None, persona=False))
    text = words(out)
    titles = outline(out)
    assert not any(t.startswith("Persona") for t in titles)
    assert "Keep his savings safe" not in text and journey.personas[0].goals[0] not in text
    assert "Improved in the “to be”" not in text
    assert SECOND not in " ".join((PdfReader(out).pages[0].extract_text() or "").split())


def test_one_persona_without_to_be_has_no_comparison_table(tmp_path: Path) -> None:
    journey = one_persona()
    out = tmp_path / "one.pdf"
    export_pdf(journey, out, PdfOptions(findings=None))
    text = words(out)
    assert "As is → to be" not in text and "As is → to be" not in outline(out)
    lead = journey.personas[0]
    assert f"Persona: {lead.name}" in outline(out)
    assert f"{lead.name} — as is" in text and f"{lead.name} — to be" not in text  # the one curve drawn
    now = Fraction(sum(level(s, lead.id) for s in journey.steps), len(journey.steps))  # type: ignore[misc]
    assert f"Average emotion {signed(now)}" in text
    # ...and its page shows no "to be" mark or column of dashes and noughts: the map has no such curve
    [page] = [p.extract_text() or "" for p in PdfReader(out).pages if f"Persona: {lead.name}" in (p.extract_text() or "")]
    assert "as is" in page and "to be" not in page


def test_a_french_journey_gives_french_words_and_numbers(tmp_path: Path) -> None:
    journey = two_personas(language="fr")
    out = tmp_path / "fr.pdf"
    export_pdf(journey, out, PdfOptions(findings=None))
    text = words(out)
    assert "Objectifs" in text and "Émotion moyenne" in text and "Légende" in text
    assert "Average emotion" not in text and "Goals" not in text
    assert f"{SECOND} — {tr('to be', 'fr')}" in text
    assert tr("As is → to be", "fr") in text
    now, then = averages(journey, "persona-second", journey.steps)
    assert now < 0 and f"{signed(now, 'fr')} → {signed(then, 'fr')}" in text  # a comma and a true minus


def test_the_image_legend_names_every_curve() -> None:
    journey = two_personas()
    lay = layout(journey)
    page = sheet(lay, journey.title, journey.language, names={p.id: p.name for p in journey.personas})
    labels = [e.label.lines[0] for e in page.entries if e.kind == "curve"]
    lead = journey.personas[0].name
    assert labels == [f"{lead} — as is", f"{lead} — to be", f"{SECOND} — as is", f"{SECOND} — to be"]
    assert page.legend is not None and all(e.label.rect.right <= page.width for e in page.entries)


def test_an_empty_persona_slot_stays_out_of_the_deliverable(tmp_path: Path) -> None:
    """A template's second persona, left empty, gets no page, no place on the title page, no column."""
    slot = Persona(id="persona-slot", order=1, shape="square", line="bold", colour="#c2410c")
    journey = one_persona(with_to_be=True)
    journey = journey.model_copy(update={"personas": [*journey.personas, slot]})
    out = tmp_path / "slot.pdf"
    export_pdf(journey, out, PdfOptions(findings=None))
    titles = outline(out)
    assert [t for t in titles if t.startswith("Persona")] == [f"Persona: {journey.personas[0].name}"]
    assert "Persona 2" not in words(out)
    title_page = " ".join((PdfReader(out).pages[0].extract_text() or "").split())
    assert "Personas" not in title_page and journey.personas[0].name in title_page


def test_the_stage_details_give_every_persona_s_notes_as_is_and_to_be(tmp_path: Path) -> None:
    journey = two_personas()
    first, second = journey.personas
    step = sorted(journey.steps, key=lambda s: (s.stage, s.order))[0]
    notes = {(second.id, "to_be"): "He finds the rate beside the button", (first.id, "as_is"): "She reads it twice"}
    emotions = [e.model_copy(update={"note": notes.get((e.persona, e.scenario), "")}) for e in step.emotions]
    journey = journey.model_copy(update={"steps": [s if s.id != step.id else s.model_copy(update={"emotions": emotions})
                                                   for s in journey.steps]})
    out = tmp_path / "notes.pdf"
    export_pdf(journey, out, PdfOptions(findings=None))
    text = words(out)
    assert f"{SECOND}, to be (" in text and "He finds the rate beside the button" in text
    assert f"{first.name}, as is (" in text and "She reads it twice" in text


def test_a_personas_average_reads_the_same_on_its_page_and_in_the_appendix(tmp_path: Path) -> None:
    """The persona page said +0,2 and the appendix +0,15 of the same average, in one deliverable."""
    from workbench.cli import main

    path = tmp_path / "two.journey"
    from workbench.model.fileformat import save

    journey = two_personas()
    save(journey, path)
    out = tmp_path / "two.pdf"
    assert main(["export", str(path), "-o", str(out), "--no-notes"]) == 0
    text = words(out)
    now, then = averages(journey, "persona-second", journey.steps)
    assert round(now, 2) != round(now, 1) or round(then, 2) != round(then, 1)  # (two decimals would differ)
    assert f"{SECOND}: average emotion, as is → to be {signed(now)} → {signed(then)}" in text
    assert f"{float(now):+.2f}" not in text


def test_a_persona_named_with_a_comma_stays_one_keyword(tmp_path: Path) -> None:
    """ "Karim, 42 ans" read as two keywords in the document's properties."""
    journey = two_personas()
    named = [p.model_copy(update={"name": "Karim, 42 ans"}) if p.id == "persona-second" else p for p in journey.personas]
    out = tmp_path / "comma.pdf"
    export_pdf(journey.model_copy(update={"personas": named}), out, PdfOptions(findings=None))
    reader = PdfReader(out)
    assert "Karim, 42 ans" in (reader.metadata.get("/Keywords") or "").split("; ")
    assert "Karim, 42 ans" in (reader.xmp_metadata.dc_subject or [])  # type: ignore[union-attr]


def test_a_persona_without_a_to_be_curve_shows_none_on_its_page(tmp_path: Path) -> None:
    """Its page showed a "to be" mark and a column of dashes, while the map and the legend have no such curve
    (exploratory test)."""
    journey = two_personas()
    steps = [s.model_copy(update={"emotions": [e for e in s.emotions
                                                 if not (e.persona == "persona-second" and e.scenario == "to_be")]})
             for s in journey.steps]
    journey = journey.model_copy(update={"steps": steps})
    out = tmp_path / "one-to-be.pdf"
    export_pdf(journey, out, PdfOptions(findings=None))
    pages = [" ".join((page.extract_text() or "").split()) for page in PdfReader(out).pages]
    second = next(p for p in pages if p.startswith(f"Persona: {SECOND}") or f"Persona: {SECOND} " in p[:80])
    lead = next(p for p in pages if f"Persona: {journey.personas[0].name}" in p[:80])
    assert "as is" in second and "to be" not in second, second
    assert "to be" in lead
    text = " ".join(pages)
    assert f"{SECOND} — as is" in text and f"{SECOND} — to be" not in text  # (the legend, as before)
