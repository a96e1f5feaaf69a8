"""Several personas (#15): the version-1 migration, round trips, the document's persona edits, the feelings helpers.

A journey holds one to ten personas; each step holds one feeling per persona
and scenario ("as is", "to be") that has a value or a note; a card may be
tagged with the personas it concerns. A version-1 file's one persona becomes
the first (``persona-1``) and each step's emotion that persona's feeling "as
is": nothing else changes.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.strategies import journeys
from workbench.model.document import JourneyDocument
from workbench.model.edits import Delete, Insert
from workbench.model.errors import EditError, LoadError
from workbench.model.events import Change
from workbench.model.feelings import feeling, feelings, lead, level, note, scenario_of, with_feeling
from workbench.model.fileformat import dumps, load_file, loads, save
from workbench.model.interop.merge import merge_journeys
from workbench.model.journey import (
    FIRST_PERSONA,
    MAX_PERSONAS,
    Card,
    Feeling,
    Journey,
    Lane,
    Persona,
    Stage,
    Step,
)
from workbench.model.migrations import migrate
from workbench.model.validation import check_journey

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "data" / "migrations").glob("*.journey"))
MANY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


# ------------------------------------------------------------------ version 1 -> 2, by hand


def by_hand(v1: dict[str, Any]) -> dict[str, Any]:
    """What a version-1 journey object says, written as version 2 without the migration's code."""
    out = copy.deepcopy(v1)
    persona = out.pop("persona", None) or {}
    out["personas"] = [{"id": FIRST_PERSONA, **persona}]
    for step in out.get("steps", []):
        value, words = step.pop("emotion", None), step.pop("emotion_note", "")
        if value is not None or words:
            step["emotions"] = [{"persona": FIRST_PERSONA, "scenario": "as_is", "value": value, "note": words}]
    return out


def without_ends(journey: Journey) -> Journey:
    """Version 1's minor revisions set steps' ``end`` (goals and ends, #14): leave that to test_migrations.py."""
    return journey.model_copy(update={"steps": [s.model_copy(update={"end": False}) for s in journey.steps]})


def as_version_1(raw: dict[str, Any]) -> dict[str, Any]:
    """A version-0 file's journey as version 1 wrote it; a version-1 file's as it is."""
    return migrate(raw["journey"], raw["version"], 1)


def assert_round_trips(journey: Journey, tmp_path: Path | None = None) -> None:
    """Saved as version 2 and loaded again it is the same journey; save-load-save gives the same bytes."""
    text = dumps(journey)
    assert json.loads(text)["version"] == 2
    again = loads(text)
    assert again.migrated_from is None and again.migrated_from_minor is None
    assert again.journey == journey
    assert dumps(again.journey) == text
    if tmp_path is not None:
        path = tmp_path / "again.journey"
        save(journey, path)
        first = path.read_bytes()
        save(load_file(path).journey, path)
        assert path.read_bytes() == first == text


def test_the_samples_are_older_files() -> None:
    assert [p.name for p in SAMPLES] == ["v0-sample.journey", "v1.0-goals.journey"]
    for path in SAMPLES:
        raw = json.loads(path.read_text(encoding="utf-8"))
        assert raw["version"] < 2 and "personas" not in raw["journey"]
        assert any("emotion" in s for s in raw["journey"]["steps"])


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_a_sample_s_persona_and_emotions_become_the_first_persona_s_and_nothing_else_changes(path: Path, tmp_path) -> None:
    raw = json.loads(path.read_text(encoding="utf-8"))
    v1 = as_version_1(raw)
    loaded = load_file(path)
    assert loaded.migrated_from == raw["version"]
    journey = loaded.journey

    [persona] = journey.personas
    assert persona.id == FIRST_PERSONA
    assert persona.model_dump(exclude={"id"}) == Persona(id="x", **v1.get("persona", {})).model_dump(exclude={"id"})
    for old, step in zip(v1["steps"], journey.steps, strict=True):
        assert step.id == old["id"]
        assert [(e.persona, e.scenario) for e in step.emotions] in ([], [(FIRST_PERSONA, "as_is")])
        assert level(step, FIRST_PERSONA) == old.get("emotion")
        assert note(step, FIRST_PERSONA) == old.get("emotion_note", "")
        assert level(step, FIRST_PERSONA, "to_be") is None
    assert all(c.personas == [] for c in journey.cards)
    # Nothing else changes: the journey is the version-1 one written by hand as version 2.
    assert without_ends(journey) == without_ends(Journey.model_validate(by_hand(v1)))
    assert_round_trips(journey, tmp_path)


def test_a_sample_s_note_without_emotion_is_kept() -> None:
    """A version-1 step may have a note and no emotion: the feeling has a note and no value."""
    raw = json.loads(SAMPLES[-1].read_text(encoding="utf-8"))
    step = raw["journey"]["steps"][0]
    step.pop("emotion", None)
    step["emotion_note"] = "Not sure yet"
    loaded = loads(json.dumps(raw)).journey
    assert loaded.steps[0].emotions == [Feeling(persona=FIRST_PERSONA, value=None, note="Not sure yet")]


@st.composite
def version_1_files(draw: st.DrawFn) -> tuple[dict[str, Any], Journey]:
    """A version-1 file (minor 2: nothing for version 1's revisions to do) and the journey it was written from.

    The journey is drawn by the version-2 strategy, then written as version 1
    by hand: the first persona's name, description, goals and frustrations
    as the persona object, its "as is" feeling as each step's emotion and
    note; what version 1 has no room for is left out.
    """
    journey = draw(journeys())
    first = journey.personas[0]
    data = json.loads(dumps(journey))["journey"]
    data.pop("personas")
    persona = first.model_dump(include={"name", "description", "goals", "frustrations"}, exclude_defaults=True)
    if persona or draw(st.booleans()):
        data = {**{k: v for k, v in data.items() if k in ("title", "sector", "language")}, "persona": persona,
                **{k: v for k, v in data.items() if k not in ("title", "sector", "language")}}
    for step, model in zip(data.get("steps", []), journey.steps):
        step.pop("emotions", None)
        entry = feeling(model, first.id)
        if entry is not None:
            if entry.value is not None or draw(st.booleans()):
                step["emotion"] = entry.value
            if entry.note or draw(st.booleans()):
                step["emotion_note"] = entry.note
    for card in data.get("cards", []):
        card.pop("personas", None)
    persona_ids = {p.id for p in journey.personas}
    data["conflicts"] = [
        c for c in data.get("conflicts", []) if c["collection"] != "personas" and c.get("element") not in persona_ids
    ]
    if not data["conflicts"]:
        del data["conflicts"]
    return {"format": "journey-workbench", "version": 1, "minor": 2, "journey": data}, journey


@MANY
@given(version_1_files())
def test_any_version_1_file_migrates_to_what_it_said(case: tuple[dict[str, Any], Journey]) -> None:
    raw, drawn = case
    loaded = loads(json.dumps(raw))
    assert (loaded.migrated_from, loaded.migrated_from_minor) == (1, 2)
    journey = loaded.journey
    assert journey == Journey.model_validate(by_hand(raw["journey"]))
    # The drawn journey's first persona, as far as version 1 could say it.
    first = drawn.personas[0]
    [persona] = journey.personas
    assert (persona.id, persona.name, persona.description, persona.goals, persona.frustrations) == (
        FIRST_PERSONA, first.name, first.description, first.goals, first.frustrations,
    )
    for old, new in zip(drawn.steps, journey.steps, strict=True):
        assert (level(new, FIRST_PERSONA), note(new, FIRST_PERSONA)) == (level(old, first.id), note(old, first.id))
        assert len(new.emotions) <= 1
        assert new.model_dump(exclude={"emotions"}) == old.model_dump(exclude={"emotions"})
    assert [(c.id, c.text, c.step, c.lane) for c in journey.cards] == [(c.id, c.text, c.step, c.lane) for c in drawn.cards]
    assert (journey.stages, journey.lanes, journey.handoffs, journey.links) == (
        drawn.stages, drawn.lanes, drawn.handoffs, drawn.links,
    )
    assert_round_trips(journey)


# ------------------------------------------------------------------ version 2 round trips


@MANY
@given(journeys())
def test_any_journey_round_trips_byte_for_byte(journey: Journey) -> None:
    text = dumps(journey)
    loaded = loads(text)
    assert loaded.journey == journey
    assert dumps(loaded.journey) == text


def test_the_strategy_draws_several_personas_both_scenarios_and_tags() -> None:
    seen: set[str] = set()

    @settings(max_examples=300, deadline=None, database=None)
    @given(journeys(min_stages=1))
    def record(journey: Journey) -> None:
        seen.add(f"personas:{len(journey.personas)}")
        seen.update(f"scenario:{e.scenario}" for s in journey.steps for e in s.emotions)
        if any(e.persona != journey.personas[0].id for s in journey.steps for e in s.emotions):
            seen.add("another persona's feeling")
        if any(e.value is None and e.note for s in journey.steps for e in s.emotions):
            seen.add("a note alone")
        if any(c.personas for c in journey.cards):
            seen.add("tags")
        if lead(journey) is not journey.personas[0]:
            seen.add("lead not first in the file")

    record()
    assert seen >= {
        "personas:1", "personas:2", "personas:3", "scenario:as_is", "scenario:to_be", "another persona's feeling",
        "a note alone", "tags", "lead not first in the file",
    }


# ------------------------------------------------------------------ the document


def two_personas() -> Journey:
    return Journey(
        title="Savings",
        personas=[
            Persona(id=FIRST_PERSONA, name="Camille", order=10),
            Persona(id="persona-2", name="Bernard", order=20, shape="square", line="bold", colour="#c2410c"),
        ],
        stages=[Stage(id="st", title="Open")],
        steps=[
            Step(id="a", title="Compares", stage="st", order=10, emotions=[
                Feeling(persona="persona-2", value=-1, note="too many offers"),
                Feeling(persona=FIRST_PERSONA, value=1),
                Feeling(persona="persona-2", scenario="to_be", value=1),
            ]),
            Step(id="b", title="Signs", stage="st", order=20, emotions=feelings(2)),
            Step(id="c", title="Waits", stage="st", order=30, emotions=feelings(None, "later", persona="persona-2")),
        ],
        lanes=[Lane(id="l", kind="thoughts", title="Thoughts")],
        cards=[
            Card(id="k1", step="a", lane="l", kind="thought", text="Which one?", personas=["persona-2"]),
            Card(id="k2", step="b", lane="l", kind="thought", text="Done", personas=["persona-2", FIRST_PERSONA]),
            Card(id="k3", step="b", lane="l", kind="thought", text="For all"),
        ],
    )


@pytest.fixture
def doc() -> JourneyDocument:
    return JourneyDocument(two_personas())


def test_a_new_persona_goes_last_and_its_inverse_removes_it(doc: JourneyDocument) -> None:
    before = dumps(doc.journey)
    new = doc.new_id("personas")
    assert new.startswith("persona-") and new not in doc
    inverse = doc.add(Persona(id=new, name="Inès", shape="triangle"))
    assert [p.id for p in doc.personas()] == [FIRST_PERSONA, "persona-2", new]
    assert lead(doc.journey).id == FIRST_PERSONA
    assert check_journey(doc.journey) == [] and loads(dumps(doc.journey)).journey == doc.journey
    doc.apply(inverse)
    assert dumps(doc.journey) == before


def test_removing_a_persona_clears_its_feelings_and_tags_and_one_inverse_restores_them(doc: JourneyDocument) -> None:
    heard: list[Change] = []
    doc.changed.connect(heard.append)
    before = dumps(doc.journey)
    inverse = doc.remove("persona-2")
    assert "persona-2" not in doc and [p.id for p in doc.personas()] == [FIRST_PERSONA]
    assert doc.get("a").emotions == feelings(1)  # type: ignore[attr-defined]
    assert doc.get("b").emotions == feelings(2)  # type: ignore[attr-defined]
    assert doc.get("c").emotions == []  # type: ignore[attr-defined]
    assert [c.personas for c in doc.journey.cards] == [[], [FIRST_PERSONA], []]
    assert {(c.action, c.id) for c in heard} == {
        ("updated", "a"), ("updated", "c"), ("updated", "k1"), ("updated", "k2"), ("removed", "persona-2"),
    }
    assert doc.index.referrers("persona-2") == []
    assert check_journey(doc.journey) == []
    after = dumps(doc.journey)
    assert loads(after).journey == doc.journey
    redo = doc.apply(inverse)
    assert dumps(doc.journey) == before
    doc.apply(redo)
    assert dumps(doc.journey) == after


def test_a_persona_others_name_is_not_deleted_alone(doc: JourneyDocument) -> None:
    before = dumps(doc.journey)
    with pytest.raises(EditError, match="refers to it"):
        doc.apply(Delete("persona-2"))
    assert dumps(doc.journey) == before


@pytest.mark.parametrize("how", ["remove", "delete"])
def test_the_last_persona_cannot_be_removed(how: str) -> None:
    doc = JourneyDocument(Journey(title="One"))
    before = dumps(doc.journey)
    with pytest.raises(EditError, match="at least one persona"):
        doc.remove(FIRST_PERSONA) if how == "remove" else doc.apply(Delete(FIRST_PERSONA))
    assert dumps(doc.journey) == before
    doc = JourneyDocument(two_personas())
    doc.remove("persona-2")
    with pytest.raises(EditError, match="at least one persona"):
        doc.remove(FIRST_PERSONA)


def test_an_eleventh_persona_cannot_be_added(doc: JourneyDocument) -> None:
    for i in range(MAX_PERSONAS - 2):
        doc.add(Persona(id=f"p{i}", name=f"P{i}"))
    assert len(doc.journey.personas) == MAX_PERSONAS == 10
    before = dumps(doc.journey)
    with pytest.raises(EditError, match="at most 10 personas"):
        doc.add(Persona(id="p-eleven", name="One too many"))
    with pytest.raises(EditError, match="at most 10 personas"):
        doc.apply(Insert("personas", Persona(id="p-eleven")))
    assert dumps(doc.journey) == before
    doc.remove("p0")
    doc.add(Persona(id="p-eleven", name="Now there is room"))


def test_personas_are_reordered_with_move_and_the_first_leads(doc: JourneyDocument) -> None:
    before = dumps(doc.journey)
    inverse = doc.move("persona-2", 0)
    assert [p.id for p in doc.personas()] == ["persona-2", FIRST_PERSONA]
    assert lead(doc.journey).id == "persona-2"
    assert [p.id for p in doc.journey.personas] == [FIRST_PERSONA, "persona-2"]  # only the order changed
    doc.apply(inverse)
    assert dumps(doc.journey) == before
    assert lead(doc.journey).id == FIRST_PERSONA


def test_a_persona_is_updated_and_its_mark_checked(doc: JourneyDocument) -> None:
    inverse = doc.update("persona-2", name="Bernard, 61", shape="star", colour="#00AAFF")
    assert (doc.get("persona-2").name, doc.get("persona-2").shape) == ("Bernard, 61", "star")  # type: ignore[attr-defined]
    doc.apply(inverse)
    assert doc.get("persona-2") == two_personas().personas[1]
    for bad in ({"shape": "octagon"}, {"line": "dotted"}, {"colour": "#12345"}, {"colour": "blue"}, {"id": "other"}):
        with pytest.raises(EditError):
            doc.update("persona-2", **bad)


@pytest.mark.parametrize(
    "emotions",
    [
        feelings(1, persona="ghost"),
        [*feelings(1), *feelings(None, "again")],  # the same persona and scenario twice
        [*feelings(1, persona="persona-2", scenario="to_be"), *feelings(-1, persona="persona-2", scenario="to_be")],
        feelings(1, persona="st"),  # a stage, not a persona
    ],
    ids=["missing persona", "twice as is", "twice to be", "not a persona"],
)
def test_a_feeling_naming_no_persona_or_twice_the_same_is_refused(doc: JourneyDocument, emotions: list[Feeling]) -> None:
    before = dumps(doc.journey)
    with pytest.raises(EditError):
        doc.update("b", emotions=emotions)
    with pytest.raises(EditError):
        doc.add(Step(id="new", title="New", stage="st", emotions=emotions))
    assert dumps(doc.journey) == before


@pytest.mark.parametrize("tags", [["ghost"], ["persona-2", "persona-2"], ["st"]], ids=["missing", "twice", "a stage"])
def test_a_card_tag_naming_no_persona_or_twice_the_same_is_refused(doc: JourneyDocument, tags: list[str]) -> None:
    before = dumps(doc.journey)
    with pytest.raises(EditError):
        doc.update("k3", personas=tags)
    assert dumps(doc.journey) == before


def test_the_same_persona_in_both_scenarios_is_fine(doc: JourneyDocument) -> None:
    doc.update("b", emotions=[*feelings(2), *feelings(-2, scenario="to_be")])
    assert (level(doc.get("b"), FIRST_PERSONA), level(doc.get("b"), FIRST_PERSONA, "to_be")) == (2, -2)  # type: ignore[arg-type]


def test_an_unknown_field_inside_a_feeling_is_refused(doc: JourneyDocument) -> None:
    before = dumps(doc.journey)
    with pytest.raises(EditError, match=r"b\.emotions\[0\]\.mood: unknown field 'mood'"):
        doc.update("b", emotions=[{"persona": FIRST_PERSONA, "value": 1, "mood": "sunny"}])
    assert dumps(doc.journey) == before


def test_a_newer_minor_file_s_feeling_keeps_its_unknown_field_through_edits() -> None:
    raw = json.loads(dumps(two_personas()))
    raw["minor"] = 1
    raw["journey"]["steps"][0]["emotions"][0]["intensity"] = 0.7
    loaded = loads(json.dumps(raw))
    doc = JourneyDocument(loaded.journey)
    before = dumps(doc.journey, minor=loaded.minor)
    inverse = doc.update("a", title="Compares offers")
    doc.apply(inverse)
    assert dumps(doc.journey, minor=loaded.minor) == before
    assert json.loads(before)["journey"]["steps"][0]["emotions"][0]["intensity"] == 0.7


def file_with(journey: dict[str, Any]) -> str:
    return json.dumps({"format": "journey-workbench", "version": 2, "journey": journey})


def test_in_a_file_a_feeling_naming_a_missing_persona_is_a_load_error_naming_its_place() -> None:
    data = json.loads(dumps(two_personas()))["journey"]
    data["steps"][2]["emotions"].append({"persona": "persona-9", "value": 1})
    with pytest.raises(LoadError) as caught:
        loads(file_with(data), source="savings.journey")
    assert caught.value.place == "journey.steps[2].emotions[1].persona"
    assert str(caught.value) == (
        "savings.journey: journey.steps[2].emotions[1].persona: refers to the persona 'persona-9', which does not exist"
    )


def test_in_a_file_a_second_feeling_for_the_same_persona_and_scenario_is_a_load_error() -> None:
    data = json.loads(dumps(two_personas()))["journey"]
    data["steps"][0]["emotions"].append({"persona": "persona-2", "scenario": "to_be", "note": "again"})
    with pytest.raises(LoadError) as caught:
        loads(file_with(data), source="savings.journey")
    assert caught.value.place == "journey.steps[0].emotions[3]"
    assert "a second emotion for the same persona and scenario" in str(caught.value)


@pytest.mark.parametrize(
    ("change", "place"),
    [
        (lambda j: j.update(personas=[]), "journey.personas"),
        (lambda j: j.update(personas=[{"id": f"p{i}"} for i in range(11)]), "journey.personas"),
        (lambda j: j["personas"].append(dict(j["personas"][0])), "journey.personas[2].id"),
        (lambda j: j["personas"][1].update(colour="orange"), "journey.personas[1].colour"),
        (lambda j: j["cards"][0].update(personas=["persona-3"]), "journey.cards[0].personas[0]"),
        (lambda j: j["steps"][0]["emotions"][0].update(scenario="someday"), "journey.steps[0].emotions[0].scenario"),
    ],
    ids=["no persona", "eleven", "an id twice", "a colour", "a tag", "a scenario"],
)
def test_other_persona_mistakes_in_a_file_name_their_place(change, place: str) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(dumps(two_personas()))["journey"]
    change(data)
    with pytest.raises(LoadError) as caught:
        loads(file_with(data), source="savings.journey")
    assert caught.value.place == place, str(caught.value)
    assert "not a valid id" not in str(caught.value)


# ------------------------------------------------------------------ with_feeling and the other helpers


def test_with_feeling_keeps_an_entry_s_place_and_what_it_does_not_set() -> None:
    step = two_personas().steps[0]
    out = with_feeling(step, "persona-2", value=-2)
    assert out == [
        Feeling(persona="persona-2", value=-2, note="too many offers"),
        Feeling(persona=FIRST_PERSONA, value=1),
        Feeling(persona="persona-2", scenario="to_be", value=1),
    ]
    assert with_feeling(step, "persona-2", note="") == [
        Feeling(persona="persona-2", value=-1),
        *step.emotions[1:],
    ]
    assert step == two_personas().steps[0]  # the step itself is not changed


def test_with_feeling_adds_a_new_entry_last() -> None:
    step = two_personas().steps[0]
    out = with_feeling(step, FIRST_PERSONA, "to_be", value=2, note="easier")
    assert out == [*step.emotions, Feeling(persona=FIRST_PERSONA, scenario="to_be", value=2, note="easier")]


def test_with_feeling_drops_an_entry_left_without_value_and_note() -> None:
    step = two_personas().steps[0]
    assert with_feeling(step, FIRST_PERSONA, value=None) == [step.emotions[0], step.emotions[2]]
    # A note alone keeps it, without a value.
    assert with_feeling(step, "persona-2", value=None) == [
        Feeling(persona="persona-2", value=None, note="too many offers"), *step.emotions[1:],
    ]
    assert with_feeling(step, "persona-2", value=None, note="") == step.emotions[1:]
    # Setting nothing on a persona without a feeling adds nothing.
    assert with_feeling(step, FIRST_PERSONA, "to_be", value=None, note="") == step.emotions
    assert with_feeling(step, FIRST_PERSONA, "to_be") == step.emotions


def test_with_feeling_makes_a_step_the_document_accepts() -> None:
    doc = JourneyDocument(two_personas())
    for persona, scenario, value in [("persona-2", "as_is", 0), (FIRST_PERSONA, "to_be", 2), ("persona-2", "to_be", None)]:
        step = doc.get("a")
        doc.update("a", emotions=with_feeling(step, persona, scenario, value=value))  # type: ignore[arg-type]
        assert level(doc.get("a"), persona, scenario) == value  # type: ignore[arg-type]
    assert [(e.persona, e.scenario) for e in doc.get("a").emotions] == [  # type: ignore[attr-defined]
        ("persona-2", "as_is"), (FIRST_PERSONA, "as_is"), (FIRST_PERSONA, "to_be"),
    ]


def test_feelings_and_readers() -> None:
    assert feelings(None) == [] and feelings(None, "") == []
    assert feelings(0) == [Feeling(persona=FIRST_PERSONA, scenario="as_is", value=0)]
    assert feelings(None, "why", persona="p", scenario="to_be") == [Feeling(persona="p", scenario="to_be", note="why")]
    step = two_personas().steps[0]
    assert (level(step, "persona-2"), note(step, "persona-2")) == (-1, "too many offers")
    assert (level(step, "persona-2", "to_be"), note(step, "persona-2", "to_be")) == (1, "")
    assert (level(step, "ghost"), note(step, "ghost"), feeling(step, "ghost")) == (None, "", None)


def test_lead_is_the_first_by_order_ties_in_file_order() -> None:
    journey = two_personas()
    assert lead(journey).id == FIRST_PERSONA
    swapped = journey.model_copy(update={"personas": [p.model_copy(update={"order": 30 - p.order}) for p in journey.personas]})
    assert lead(swapped).id == "persona-2"
    tied = journey.model_copy(update={"personas": [p.model_copy(update={"order": 0}) for p in reversed(journey.personas)]})
    assert lead(tied).id == "persona-2"


@pytest.mark.parametrize(
    ("name", "scenario"),
    [("to-be", "to_be"), ("to_be", "to_be"), ("ToBe", "to_be"), (" to be ", "to_be"), ("as-is", "as_is"), ("AsIs", "as_is")],
)
def test_scenario_names(name: str, scenario: str) -> None:
    assert scenario_of(name) == scenario


@pytest.mark.parametrize("name", ["", "later", "to-do"])
def test_an_unknown_scenario_name_is_refused(name: str) -> None:
    with pytest.raises(ValueError):
        scenario_of(name)


# ------------------------------------------------------------------ merging


def test_a_persona_removed_on_one_side_and_named_on_the_other_merges_into_a_journey_that_loads() -> None:
    base = two_personas()
    ours = JourneyDocument(base)
    ours.remove("persona-2")
    theirs = JourneyDocument(base)
    theirs.update("k3", personas=["persona-2"])
    theirs.update("b", emotions=with_feeling(theirs.get("b"), "persona-2", value=-1))  # type: ignore[arg-type]
    result = merge_journeys(base, ours.journey, theirs.journey)
    assert check_journey(result.journey) == []
    assert loads(dumps(result.journey)).journey == result.journey
    assert not result.clean


def test_a_merge_never_holds_more_than_ten_personas() -> None:
    base = two_personas()
    ours = base.model_copy(update={"personas": [*base.personas, *(Persona(id=f"o{i}", order=30 + i) for i in range(5))]})
    added = [Persona(id=f"t{i}", order=40 + i) for i in range(5)]
    theirs_doc = JourneyDocument(base.model_copy(update={"personas": [*base.personas, *added]}))
    theirs_doc.update("k3", personas=["t4"])  # a card names one theirs added
    result = merge_journeys(base, ours, theirs_doc.journey)
    assert len(result.journey.personas) == MAX_PERSONAS
    assert [p.id for p in result.journey.personas][:7] == [p.id for p in ours.personas]
    assert check_journey(result.journey) == []
    assert loads(dumps(result.journey)).journey == result.journey
    assert {c.element for c in result.new_conflicts} >= {"t3", "t4"}  # what was left out is recorded


def test_editing_a_feeling_keeps_the_fields_a_newer_version_wrote_in_it() -> None:
    from workbench.model.fileformat import MINOR, VERSION, dumps, loads

    text = json.dumps({"format": "journey-workbench", "version": VERSION, "minor": MINOR + 3, "journey": {
        "title": "T", "stages": [{"id": "s", "title": "S"}],
        "steps": [{"id": "a", "title": "A", "stage": "s",
                   "emotions": [{"persona": "persona-1", "value": 1, "intensity": 3}]}]}})
    loaded = loads(text)
    document = JourneyDocument(loaded.journey)
    step = document.get("a")
    document.update("a", emotions=with_feeling(step, "persona-1", value=2))
    (entry,) = document.get("a").emotions
    assert (entry.value, entry.model_extra) == (2, {"intensity": 3})
    assert '"intensity": 3' in dumps(document.journey, minor=loaded.minor).decode()
