"""Find (model/search.py): what matches, in which order, however it was typed."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.model.fileformat import load_file
from workbench.model.index import JourneyIndex
from workbench.model.journey import Card, Handoff, Journey, Lane, Link, Stage, Step
from workbench.model.search import find, folded

EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.journey"))


def test_folding_ignores_case_accents_and_the_kind_of_space() -> None:
    assert folded("Étape À Côté") == "etape a cote"
    assert folded("Straße") == "strasse"
    assert folded("Délai\u00a0: 3\u202fjours") == "delai : 3 jours"
    assert folded("plain text") == "plain text"


def _journey() -> Journey:
    """Two stages given in the wrong order in the file, lanes likewise: the search follows the map, not the file."""
    return Journey(
        title="Fees",
        stages=[Stage(id="s2", title="Pay the fee", order=20), Stage(id="s1", title="Choose", order=10, description="fee?")],
        steps=[
            Step(id="p3", title="Fee paid", stage="s2", order=10),
            Step(id="p2", title="Compare fees", stage="s1", order=20, description="the FEE table"),
            Step(id="p1", title="Look", stage="s1", order=10),
        ],
        lanes=[
            Lane(id="l2", kind="pain_points", title="Fee worries", order=20),
            Lane(id="l1", kind="touchpoints", title="Touchpoints", order=10),
        ],
        cards=[
            Card(id="c-pain", step="p1", lane="l2", kind="pain_point", text="Hidden fées"),
            Card(id="c-app", step="p1", lane="l1", kind="touchpoint", nature="digital", channel="Fee simulator"),
            Card(id="c-advisor", step="p2", lane="l1", kind="touchpoint", nature="human", text="Advisor"),
        ],
        handoffs=[Handoff(id="h1", source="c-app", target="c-advisor", trigger="Fee unclear")],
        links=[Link(id="k1", source="p1", target="p3", label="pays the fee")],
    )


def test_matches_come_in_the_order_the_map_reads_each_once() -> None:
    """Lane titles (the map's left edge), then stage by stage and step by step: the stage, the step, its cards
    lane by lane with the handoffs that leave them, then the flow links that leave the step."""
    index = JourneyIndex(_journey())
    assert find(index, "fee") == ["l2", "s1", "c-app", "h1", "c-pain", "k1", "p2", "s2", "p3"]


def test_a_blank_query_finds_nothing_and_spaces_around_it_do_not_count() -> None:
    index = JourneyIndex(_journey())
    assert find(index, "") == [] and find(index, "   ") == []
    assert find(index, "  advisor ") == ["c-advisor"]


def test_a_search_reads_the_journey_as_it_is_now() -> None:
    from workbench.model.document import JourneyDocument

    document = JourneyDocument(_journey())
    assert find(document.index, "advisor") == ["c-advisor"]
    document.update("p1", title="Ask an advisor")
    assert find(document.index, "advisor") == ["p1", "c-advisor"]
    document.remove("c-advisor")
    assert find(document.index, "advisor") == ["p1"]


def _brute_force(journey: Journey, query: str) -> set[str]:
    """Every element with a searched field containing *query*, read straight from the journey."""
    wanted = folded(query).strip()
    fields = {"lanes": ("title",), "stages": ("title", "description"), "steps": ("title", "description"),
              "cards": ("text", "channel"), "handoffs": ("trigger",), "links": ("label",)}
    return {
        element.id
        for collection, names in fields.items()
        for element in getattr(journey, collection)
        if any(wanted in folded(getattr(element, name) or "") for name in names)
    }


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_element_that_says_it_is_found_and_nothing_else(path: Path) -> None:
    journey = load_file(path).journey
    index = JourneyIndex(journey)
    words = {word for step in journey.steps for word in step.title.split() if len(word) > 3}
    for query in sorted(words)[:25] + ["e", "advisor", "conseill"]:
        found = find(index, query)
        assert len(found) == len(set(found)), query
        assert set(found) == _brute_force(journey, query), query


def test_texts_folded_once_are_kept_by_the_caller_whatever_their_number(monkeypatch) -> None:
    """A cache of 16,384 texts was emptied by every search of a 5,000-step map (36,000 texts): each search folded
    them all again (review)."""
    import workbench.model.search as search

    index = JourneyIndex(_journey())
    known: dict[str, str] = {}
    assert find(index, "zebra", known) == []  # (nothing found: every text read and folded)
    calls: list[str] = []
    real = search.folded
    monkeypatch.setattr(search, "folded", lambda text: calls.append(text) or real(text))
    assert find(index, "advisor", known) == ["c-advisor"]
    assert calls == ["advisor"]  # the query alone: every text of the map was folded before
