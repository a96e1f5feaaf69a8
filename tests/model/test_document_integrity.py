"""The document stays a journey that can be saved and reopened, whatever comes in.

Elements built carelessly (``model_copy``, ``model_construct``, a typo in a
keyword) are validated again as they enter; listeners that raise cannot
interrupt an edit.
"""

from __future__ import annotations

import json
import sys

import pytest

from tests.model.test_document import CASCADES, sample, snap
from tests.model.test_load_errors import NEWER_MINOR
from workbench.model.document import JourneyDocument
from workbench.model.edits import Batch, Delete, Insert, Replace
from workbench.model.errors import EditError
from workbench.model.events import Change, Event
from workbench.model.fileformat import dumps, loads
from workbench.model.journey import Feeling, Persona, Step


@pytest.fixture
def doc() -> JourneyDocument:
    return JourneyDocument(sample())


#: name -> (attempt, fragment of the EditError message)
CARELESS = {
    "typo in update": (lambda d: d.update("a", emotoin=2), "a.emotoin: unknown field 'emotoin'; did you mean 'emotions'?"),
    "extra field on a new step": (
        lambda d: d.add(Step(id="y", title="Pay", stage="s1", colour="red")),
        "y.colour: unknown field 'colour'",
    ),
    "extra field in the persona": (
        lambda d: d.update("persona-1", name="x", foo=1),
        "persona-1.foo: unknown field 'foo'",
    ),
    "typo in a persona field": (
        lambda d: d.update("persona-1", name="x", goal=["y"]),
        "did you mean 'goals'?",
    ),
    "the one persona of version 1": (
        lambda d: d.update_journey(persona={"name": "x"}),
        "unknown field 'persona'",
    ),
    "extra field in a feeling": (
        lambda d: d.update("a", emotions=[{"persona": "persona-1", "value": 1, "mood": "sunny"}]),
        "a.emotions[0].mood: unknown field 'mood'",
    ),
    "typo in a journey field": (lambda d: d.update_journey(titel="x"), "unknown field 'titel'; did you mean 'title'?"),
    "model_copy out of range": (
        lambda d: d.apply(Replace(d.get("pp").model_copy(update={"order": -9}))),
        "pp.order: is out of range: -9",
    ),
    "model_copy with a bad type": (
        lambda d: d.apply(Replace(d.get("a").model_copy(update={"title": 5}))),
        "a.title: should be text, not 5",
    ),
    "model_construct with a bad id": (
        lambda d: d.apply(Insert("steps", Step.model_construct(id="bad id!", title="x", stage="s1"))),
        "bad id!.id: is not a valid id",
    ),
    "model_construct missing fields": (
        lambda d: d.apply(Insert("steps", Step.model_construct(id="y"))),
        "y.title: this required field is missing",
    ),
    "model_construct persona": (
        lambda d: d.apply(Insert("personas", Persona.model_construct(id="persona-7", name=5))),
        "persona-7.name: should be text, not 5",
    ),
    "model_construct feeling out of range": (
        lambda d: d.apply(Replace(d.get("a").model_copy(update={"emotions": [
            Feeling.model_construct(persona="persona-1", scenario="as_is", value=9, note="")]}))),
        "is out of range: 9",
    ),
    "bad element inside a batch": (
        lambda d: d.apply(Batch((Delete("k1"), Replace(d.get("b").model_copy(update={"order": -3}))))),
        "b.order: is out of range: -3",
    ),
}


@pytest.mark.parametrize("name", CARELESS)
def test_careless_elements_are_refused_and_nothing_changes(doc, name) -> None:
    attempt, fragment = CARELESS[name]
    heard: list[Change] = []
    doc.changed.connect(heard.append)
    before = snap(doc)
    with pytest.raises(EditError) as caught:
        attempt(doc)
    assert fragment in str(caught.value)
    assert snap(doc) == before and heard == []
    assert loads(snap(doc)).journey == doc.journey


def test_an_accepted_element_is_stored_validated(doc) -> None:
    doc.apply(Insert("steps", Step.model_construct(id="y", title="Pay", stage="s1", order=5)))
    stored = doc.get("y")
    assert stored == Step(id="y", title="Pay", stage="s1", order=5)
    assert loads(snap(doc)).journey == doc.journey


def newer_minor_document() -> tuple[JourneyDocument, dict]:
    raw = json.loads(json.dumps(NEWER_MINOR))
    raw["journey"]["personas"] = [{"id": "persona-1", "name": "Inès", "pronouns": "elle"}]
    return JourneyDocument(loads(json.dumps(raw)).journey), raw


def test_fields_from_a_newer_minor_file_stay_through_edits_and_undo() -> None:
    doc, raw = newer_minor_document()
    before = dumps(doc.journey, minor=3)
    undo_title = doc.update("step-pick", title="Picks a time")
    assert doc.get("step-pick").model_extra == {"mood_colour": "amber"}
    undo_journey = doc.update_journey(title="Test drive")
    undo_persona = doc.update("persona-1", name="Inès B.", pronouns="iel")
    assert doc.journey.personas[0].model_extra == {"pronouns": "iel"}
    assert doc.journey.model_extra == {"dashboard": raw["journey"]["dashboard"]}
    undo_remove = doc.remove("stage-book")
    doc.apply(undo_remove)
    doc.apply(undo_persona)
    doc.apply(undo_journey)
    doc.apply(undo_title)
    assert dumps(doc.journey, minor=3) == before


def test_a_newer_minor_document_still_refuses_new_unknown_fields() -> None:
    doc, _ = newer_minor_document()
    before = dumps(doc.journey, minor=3)
    with pytest.raises(EditError, match="mood_color"):
        doc.update("step-pick", mood_color="red")
    with pytest.raises(EditError, match="mood_colour"):  # kept on step-pick, not granted to new steps
        doc.add(Step(id="step-new", title="New", stage="stage-book", mood_colour="red"))
    with pytest.raises(EditError, match="persona-1.age"):
        doc.update("persona-1", age=30)
    with pytest.raises(EditError, match="pronouns"):  # kept on persona-1, not granted to new personas
        doc.add(Persona(id="persona-2", name="Hugo", pronouns="il"))
    assert dumps(doc.journey, minor=3) == before


def test_a_raising_listener_cannot_leave_the_document_half_edited(doc, monkeypatch) -> None:
    reported: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, value, tb: reported.append(value))
    heard: list[Change] = []

    def faulty(change: Change) -> None:
        raise RuntimeError(f"listener bug on {change.id}")

    doc.changed.connect(faulty)
    doc.changed.connect(heard.append)
    before = snap(doc)

    inverse = doc.remove("s2")

    assert not any(ref in doc for ref in CASCADES["s2"])
    assert {c.id for c in heard} == CASCADES["s2"]  # the next listener still heard everything
    assert len(reported) == len(heard) and all(isinstance(e, RuntimeError) for e in reported)
    doc.apply(inverse)
    assert snap(doc) == before
    assert len(reported) == 2 * len(CASCADES["s2"])


def test_listeners_hear_an_edit_only_once_it_is_complete(doc) -> None:
    seen: list[tuple[str | None, bool]] = []
    doc.changed.connect(lambda change: seen.append((change.id, "s2" in doc)))
    doc.remove("s2")
    assert seen and all(present is False for _, present in seen)


def test_event_reports_a_failing_handler_and_calls_the_others(monkeypatch) -> None:
    reported: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda kind, value, tb: reported.append(value))
    event: Event[int] = Event()
    calls: list[int] = []
    event.connect(lambda value: 1 / 0)
    event.connect(calls.append)
    event.emit(7)
    assert calls == [7]
    assert len(reported) == 1 and isinstance(reported[0], ZeroDivisionError)
