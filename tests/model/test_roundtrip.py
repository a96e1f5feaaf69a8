"""Property tests: a journey survives the file and an undo exactly.

Any valid journey saved and reopened is the same journey, and saving it again
gives the same bytes (so an unchanged file never shows up in a git diff).
Removing any element and applying the inverse edit restores the exact bytes.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from tests.strategies import element_ids, journeys
from workbench.model.document import JourneyDocument
from workbench.model.fileformat import backup_path, dumps, load, loads, save
from workbench.model.journey import (
    CARD_KINDS,
    INTENTS,
    LANE_KINDS,
    LANGUAGES,
    SCENARIOS,
    SECTORS,
    Journey,
)
from workbench.model.validation import check_journey

MANY = settings(max_examples=500, deadline=None)
SOME = settings(max_examples=100, deadline=None)
FEW = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@MANY
@given(journeys())
def test_generated_journeys_are_valid(journey: Journey) -> None:
    assert check_journey(journey) == []
    # Through pydantic again: every field value is in range, not only the references.
    assert Journey.model_validate(journey.model_dump()) == journey


@MANY
@given(journeys())
def test_dumps_loads_gives_an_equal_journey(journey: Journey) -> None:
    loaded = loads(dumps(journey))
    assert loaded.journey == journey
    assert loaded.read_only is False
    assert loaded.migrated_from is None
    assert loaded.notices == []


@MANY
@given(journeys())
def test_dumps_loads_dumps_is_byte_identical(journey: Journey) -> None:
    first = dumps(journey)
    second = dumps(loads(first).journey)
    assert second == first
    assert first.endswith(b"\n")
    first.decode("utf-8")  # valid UTF-8, no lone surrogates


@SOME
@given(journeys())
def test_loads_accepts_text_as_well_as_bytes(journey: Journey) -> None:
    data = dumps(journey)
    assert loads(data.decode("utf-8")).journey == journey


@FEW
@given(journey=journeys())
def test_save_load_through_real_files(tmp_path_factory, journey: Journey) -> None:
    folder = tmp_path_factory.mktemp("roundtrip")
    path = folder / "trip.journey"
    save(journey, path)
    assert path.read_bytes() == dumps(journey)
    loaded = load(path)
    assert loaded == journey
    save(loaded, path)
    assert path.read_bytes() == dumps(journey)
    # The second save kept the first file as the backup: same bytes too.
    assert backup_path(path).read_bytes() == dumps(journey)
    assert sorted(p.name for p in folder.iterdir()) == ["trip.journey", "trip.journey.bak"]


@MANY
@given(journeys(min_stages=1), st.data())
def test_remove_then_inverse_restores_the_exact_bytes(journey: Journey, data: st.DataObject) -> None:
    doc = JourneyDocument(journey)
    before = dumps(doc.journey)
    # The last persona cannot be removed (tests/model/test_personas.py checks the refusal).
    removable = [i for i in element_ids(journey) if len(journey.personas) > 1 or i != journey.personas[0].id]
    target = data.draw(st.sampled_from(removable), label="removed")

    inverse = doc.remove(target)
    assert target not in doc
    assert check_journey(doc.journey) == []
    after_remove = dumps(doc.journey)
    assert after_remove != before
    # Nothing left refers to what was removed.
    assert doc.dependents(target) == []
    assert doc.index.referrers(target) == []
    assert loads(after_remove).journey == doc.journey

    redo = doc.apply(inverse)
    assert dumps(doc.journey) == before
    assert target in doc

    doc.apply(redo)  # the inverse of the inverse removes it again
    assert target not in doc
    assert dumps(doc.journey) == after_remove


@SOME
@given(journeys(min_stages=1))
def test_document_does_not_touch_the_journey_it_is_given(journey: Journey) -> None:
    before = dumps(journey)
    doc = JourneyDocument(journey)
    assert dumps(doc.journey) == before
    doc.remove(journey.stages[0].id)
    doc.update_journey(title="changed")
    assert dumps(journey) == before


def features(j: Journey) -> set[str]:
    """The corners of the input space that *j* touches."""
    out = {f"sector:{j.sector}", f"language:{j.language}"}
    out |= {f"lane:{lane.kind}" for lane in j.lanes}
    out |= {f"card:{c.kind}" for c in j.cards} | {f"intent:{i}" for c in j.cards for i in c.intents}
    out |= {f"emotion:{e.value}" for s in j.steps for e in s.emotions}
    out |= {f"scenario:{e.scenario}" for s in j.steps for e in s.emotions}
    out |= {f"personas:{len(j.personas)}"}
    checks = {
        "handoff-with-return": any(h.return_step is not None for h in j.handoffs),
        "handoff-without-return": any(h.return_step is None for h in j.handoffs),
        "several-links": len(j.links) >= 2,
        "all-intents": any(len(c.intents) == len(INTENTS) for c in j.cards),
        "long-id": any(len(e) > 20 for e in element_ids(j)),
        "channel": any(c.channel is not None for c in j.cards),
        "euro-or-emoji": "€" in j.title or "😀" in j.title,
        "quote": '"' in j.scenario,
        "backslash": "\\" in j.notes,
        "newline": "\n" in j.personas[0].name,
        "card-tags": any(c.personas for c in j.cards),
        "big-order": any(s.order > 1000 for s in j.steps),
    }
    return out | {name for name, hit in checks.items() if hit}


EXPECTED = (
    {f"sector:{v}" for v in SECTORS}
    | {f"language:{v}" for v in LANGUAGES}
    | {f"lane:{v}" for v in LANE_KINDS}
    | {f"card:{v}" for v in CARD_KINDS}
    | {f"intent:{v}" for v in INTENTS}
    | {f"emotion:{v}" for v in (-2, -1, 0, 1, 2, None)}
    | {f"scenario:{v}" for v in SCENARIOS}
    | {f"personas:{n}" for n in (1, 2, 3)}
    | {"card-tags"}
    | {"handoff-with-return", "handoff-without-return", "several-links", "all-intents", "long-id"}
    | {"channel", "euro-or-emoji", "quote", "backslash", "newline", "big-order"}
)


def test_the_strategy_reaches_every_case() -> None:
    """The strategy is not silently narrow: every corner is drawn at least once.

    Some corners are rare (a handoff needs a digital and a human touchpoint in
    the same journey: a few percent of examples, fewer when Hypothesis mixes in
    constants from the code under test), so rounds of examples are drawn until
    every corner is seen, up to 4,800 examples: 300 alone missed now and then,
    and in CI, where Hypothesis is derandomized, every round drew the same
    examples until each round got its own seed.
    """
    seen: set[str] = set()
    for round_ in range(16):

        @seed(round_)  # each round draws anew, also where CI makes Hypothesis deterministic
        @settings(max_examples=300, deadline=None, database=None)
        @given(journeys())
        def record(journey: Journey) -> None:
            seen.update(features(journey))

        record()
        if EXPECTED <= seen:
            break
    assert EXPECTED - seen == set()
