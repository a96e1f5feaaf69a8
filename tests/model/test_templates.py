"""The sector templates and the example journeys: loadable, complete, bilingual."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.model.fileformat import load
from workbench.model.feelings import filled_personas, is_blank, lead, level
from workbench.model.journey import FIRST_PERSONA, LANE_KINDS, Journey
from workbench.model.templates import TEMPLATE_SECTORS, template, template_path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.journey"))
#: Examples that show several personas (#15) compare them; the others each show off a sector.
PERSONA_EXAMPLES = [p for p in EXAMPLES if len(load(p).personas) > 1]
SECTOR_EXAMPLES = [p for p in EXAMPLES if p not in PERSONA_EXAMPLES]
COUNTER = sorted((ROOT / "examples" / "counter-examples").glob("*.journey"))
STANDARD_LANES = [k for k in LANE_KINDS if k != "custom"]
SECTOR_CHANNELS = {  # words a realistic template for the sector must name among its channels
    "automotive": ("vehicle", "workshop"),
    "banking": ("app", "sms"),
    "education": ("portal", "assistant"),
    "public_sector": ("sensor", "planning", "social"),
    "health": ("app", "doctor", "community"),
    "retail": ("community", "pick"),
}


def natures(journey: Journey) -> set[str]:
    return {c.nature for c in journey.cards if c.kind == "touchpoint" and c.nature}


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("sector", TEMPLATE_SECTORS)
def test_every_template_is_a_credible_starting_point(sector: str, language: str) -> None:
    journey = template(sector, language)
    assert journey.sector == sector and journey.language == language
    persona = lead(journey)  # the one the template describes in full; others are placeholders to fill in
    assert persona.id == FIRST_PERSONA
    # the others are empty slots to fill in: the deliverable leaves them out until they are
    assert all(is_blank(p, journey) for p in journey.personas if p.id != persona.id)
    assert [p.id for p in filled_personas(journey)] == [persona.id]
    assert len({(p.shape, p.line) for p in journey.personas}) == len(journey.personas), "each persona its own mark"
    assert persona.name and persona.description
    assert len(persona.goals) >= 2 and len(persona.frustrations) >= 2
    assert journey.scenario and journey.title
    assert 4 <= len(journey.stages) <= 7
    assert 10 <= len(journey.steps) <= 20
    assert sorted(lane.kind for lane in journey.lanes) == sorted(STANDARD_LANES)
    assert natures(journey) == {"digital", "human", "physical"}
    assert all(level(step, FIRST_PERSONA) is not None for step in journey.steps)
    assert sum(c.kind == "pain_point" for c in journey.cards) >= 2
    assert sum(c.kind == "opportunity" for c in journey.cards) >= 2
    assert sum(step.moment_of_truth for step in journey.steps) >= 2
    assert len(journey.handoffs) >= 2
    assert all(h.trigger for h in journey.handoffs)
    # The map made from it is the user's: no author yet (a deliverable said "Authors: Journey Workbench").
    assert journey.authors == []


@pytest.mark.parametrize("sector", TEMPLATE_SECTORS)
def test_english_template_names_the_sector_channels(sector: str) -> None:
    channels = " ".join((c.channel or "").lower() for c in template(sector, "en").cards)
    for word in SECTOR_CHANNELS[sector]:
        assert word in channels, (sector, word)


@pytest.mark.parametrize("sector", TEMPLATE_SECTORS)
def test_french_template_is_the_same_map_written_in_french(sector: str) -> None:
    english, french = template(sector, "en"), template(sector, "fr")
    for collection in ("personas", "stages", "steps", "lanes", "cards", "handoffs", "links"):
        assert [e.id for e in getattr(english, collection)] == [e.id for e in getattr(french, collection)]
    values = lambda j: [[(e.persona, e.scenario, e.value) for e in s.emotions] for s in j.steps]  # noqa: E731
    assert values(english) == values(french)
    assert [(p.shape, p.line, p.colour) for p in english.personas] == [(p.shape, p.line, p.colour) for p in french.personas]
    text = " ".join([french.title, french.scenario] + [s.title for s in french.steps] + [c.text for c in french.cards])
    assert any(ch in text for ch in "éèàçê"), "French text without a single accent"
    different = sum(a.title != b.title for a, b in zip(english.steps, french.steps))
    assert different == len(english.steps), "some step titles were left in English"


def test_template_files_are_where_the_loader_looks() -> None:
    for sector in TEMPLATE_SECTORS:
        for language in ("en", "fr"):
            assert template_path(sector, language).is_file()


def test_every_sector_has_a_finished_example() -> None:
    sectors = sorted({load(path).sector for path in EXAMPLES})
    assert sectors == sorted(TEMPLATE_SECTORS)


@pytest.mark.parametrize("path", SECTOR_EXAMPLES, ids=lambda p: p.name)
def test_examples_are_richer_than_templates(path: Path) -> None:
    journey = load(path)
    assert journey.notes
    assert len(journey.steps) >= 14
    assert journey.links, "a finished example shows where the real journey branches"
    assert sum(c.kind == "backstage" for c in journey.cards) >= 3
    assert natures(journey) == {"digital", "human", "physical"}
    assert all(level(step, lead(journey).id) is not None for step in journey.steps)
    assert sum(step.moment_of_truth for step in journey.steps) >= 2
    assert len(journey.handoffs) >= 2
    assert all(h.context_carried and h.return_step for h in journey.handoffs)


def test_there_is_an_example_with_several_personas() -> None:
    assert PERSONA_EXAMPLES, "an example shows how several personas compare"


@pytest.mark.parametrize("path", PERSONA_EXAMPLES, ids=lambda p: p.name)
def test_an_example_with_several_personas_compares_them(path: Path) -> None:
    journey = load(path)
    assert journey.notes
    assert all(p.name and p.description for p in journey.personas)
    assert len({(p.shape, p.line) for p in journey.personas}) == len(journey.personas), "each persona its own mark"
    for persona in journey.personas:
        assert all(level(step, persona.id) is not None for step in journey.steps), persona.id
        assert any(level(step, persona.id, "to_be") is not None for step in journey.steps), persona.id


@pytest.mark.parametrize("path", COUNTER, ids=lambda p: p.name)
def test_counter_examples_say_what_is_wrong(path: Path) -> None:
    journey = load(path)
    assert journey.notes.lower().startswith("counter-example")
    readme = (ROOT / "examples" / "counter-examples" / "README.md").read_text(encoding="utf-8")
    assert path.name in readme


def test_there_are_at_least_three_counter_examples() -> None:
    names = {p.stem for p in COUNTER}
    assert {"telecom-contract-takeover", "train-delay-notifications", "unretrievable-invoices"} <= names
