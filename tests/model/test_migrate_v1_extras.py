"""Version-1 files that the plain migration would break: an id already "persona-1", a merge's conflicts."""

from __future__ import annotations

import json

from workbench.model.conflicts import field_words, resolve
from workbench.model.document import JourneyDocument
from workbench.model.feelings import level, note
from workbench.model.fileformat import dumps, loads


def v1(journey: dict, minor: int = 2) -> str:  # type: ignore[type-arg]
    return json.dumps({"format": "journey-workbench", "version": 1, "minor": minor, "journey": journey})


STAGE = {"id": "s", "title": "Discover"}


def test_a_version_1_file_whose_element_is_already_persona_1_opens_with_another_persona_id() -> None:
    text = v1({"title": "T", "persona": {"name": "Ann"},
               "stages": [{"id": "persona-1", "title": "Discover"}],
               "steps": [{"id": "a", "title": "A", "stage": "persona-1", "emotion": -1, "emotion_note": "slow"}]})
    journey = loads(text).journey
    (persona,) = journey.personas
    assert persona.id == "persona-2" and persona.name == "Ann"
    step = journey.steps[0]
    assert (level(step, "persona-2"), note(step, "persona-2")) == (-1, "slow")
    assert loads(dumps(journey)).journey == journey


def test_a_version_1_file_without_persona_whose_element_is_persona_1_still_opens() -> None:
    text = v1({"title": "T", "stages": [STAGE], "steps": [{"id": "persona-1", "title": "A", "stage": "s", "emotion": 2}]})
    journey = loads(text).journey
    assert [p.id for p in journey.personas] == ["persona-2"]
    assert level(journey.steps[0], "persona-2") == 2


def test_the_conflicts_of_a_version_1_merge_are_resolved_after_migration() -> None:
    conflicts = [
        {"id": "k-name", "collection": "journey", "field": "persona.name", "base": "Ann", "ours": "Anne", "theirs": "Annie"},
        {"id": "k-emotion", "collection": "steps", "element": "a", "field": "emotion", "base": 0, "ours": 1, "theirs": -2},
        {"id": "k-note", "collection": "steps", "element": "a", "field": "emotion_note", "base": "", "ours": "ok",
         "theirs": "too long"},
    ]
    text = v1({"title": "T", "persona": {"name": "Anne"}, "stages": [STAGE],
               "steps": [{"id": "a", "title": "A", "stage": "s", "emotion": 1, "emotion_note": "ok"}],
               "conflicts": conflicts})
    document = JourneyDocument(loads(text).journey)
    found = {c.id: c for c in document.journey.conflicts}
    assert field_words(found["k-emotion"], document) == "Emotion (Anne, as is)"
    assert (found["k-name"].collection, found["k-name"].element, found["k-name"].field) == ("personas", "persona-1", "name")

    resolve(document, "k-emotion", "theirs")
    step = document.get("a")
    assert (level(step, "persona-1"), note(step, "persona-1")) == (-2, "ok")  # the note stays as it was
    resolve(document, "k-note", "theirs")
    step = document.get("a")
    assert (level(step, "persona-1"), note(step, "persona-1")) == (-2, "too long")
    resolve(document, "k-name", "theirs")
    assert document.get("persona-1").name == "Annie"
    assert document.journey.conflicts == []


def test_a_bad_value_in_a_version_1_file_is_named_where_that_file_has_it() -> None:
    import pytest

    from workbench.model.errors import LoadError

    cases = [
        ({"emotion": "very_bad"}, "journey.steps[0].emotion"),
        ({"emotion": 1, "emotion_note": 5}, "journey.steps[0].emotion_note"),
    ]
    for extra, place in cases:
        text = v1({"title": "T", "stages": [STAGE], "steps": [{"id": "a", "title": "A", "stage": "s", **extra}]}, minor=0)
        with pytest.raises(LoadError) as raised:
            loads(text, source="old.journey")
        assert raised.value.field == place
    with pytest.raises(LoadError) as raised:
        loads(v1({"title": "T", "persona": {"name": 5}}), source="old.journey")
    assert raised.value.field == "journey.persona.name"


def test_opening_a_version_1_file_says_that_saving_it_writes_version_2() -> None:
    loaded = loads(v1({"title": "T"}))
    assert loaded.notices == [
        "This file is in format 1; saving it writes format 2, which older versions of Journey Workbench cannot open."
    ]
    assert loads(dumps(loaded.journey)).notices == []
