"""Older `.journey` files migrate forward; each step is tested on a saved sample."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.model.errors import LoadError
from workbench.model.fileformat import VERSION, load, load_file, loads, save
from workbench.model.migrations import MIGRATIONS, OLDEST, migrate

SAMPLES = Path(__file__).resolve().parent.parent / "data" / "migrations"
V0 = SAMPLES / "v0-sample.journey"

#: The sample's steps and the words its version-0 emotions were written as.
V0_EMOTIONS = {
    "step-search": ("neutral", 0),
    "step-book": ("negative", -1),
    "step-wait": ("very_negative", -2),
    "step-agent": ("positive", 1),
    "step-collect": ("very_positive", 2),
}


def v0_raw() -> dict:
    return json.loads(V0.read_text(encoding="utf-8"))


def test_the_sample_really_is_version_0():
    raw = v0_raw()
    assert raw["version"] == 0
    assert {s["id"]: s["emotion"] for s in raw["journey"]["steps"]} == {k: w for k, (w, _) in V0_EMOTIONS.items()}
    assert raw["journey"]["handoffs"][0]["context"] is True
    assert "context_carried" not in raw["journey"]["handoffs"][0]


def test_every_version_before_the_current_one_has_a_migration():
    assert OLDEST == 0
    assert sorted(MIGRATIONS) == list(range(OLDEST, VERSION))


def test_v0_sample_loads_as_the_current_version():
    loaded = load_file(V0)
    assert loaded.migrated_from == 0
    assert loaded.read_only is False
    journey = loaded.journey
    assert journey.title == "Renewing a passport"
    assert {s.id: s.emotion for s in journey.steps} == {k: n for k, (_, n) in V0_EMOTIONS.items()}
    handoff = journey.handoffs[0]
    assert handoff.context_carried is True
    assert handoff.model_extra == {}
    assert handoff.return_step == "step-collect"
    assert handoff.expected_wait == "six weeks"
    # Fields untouched by the migration come through as they were.
    assert journey.steps[1].emotion_note == "No slot before six weeks"
    assert journey.steps[2].moment_of_truth is True
    assert journey.persona.name == "Karim"


def test_saving_a_migrated_file_writes_the_current_version(tmp_path):
    migrated = load(V0)
    path = tmp_path / "passport.journey"
    save(migrated, path)

    written = json.loads(path.read_text(encoding="utf-8"))
    assert written["version"] == VERSION == 1
    assert "minor" not in written
    assert [s["emotion"] for s in written["journey"]["steps"]] == [n for _, n in V0_EMOTIONS.values()]
    assert written["journey"]["handoffs"][0]["context_carried"] is True
    assert "context" not in written["journey"]["handoffs"][0]

    again = load_file(path)
    assert again.migrated_from is None
    assert again.journey == migrated


def test_migration_does_not_change_its_input():
    journey = v0_raw()["journey"]
    before = copy.deepcopy(journey)
    out = migrate(journey, 0, 1)
    assert journey == before
    assert out["steps"][0]["emotion"] == 0
    assert out["handoffs"][0]["context_carried"] is True


def test_migration_to_the_same_version_is_a_no_op():
    journey = v0_raw()["journey"]
    assert migrate(journey, 1, 1) is journey


def test_v0_context_false_becomes_context_carried_false():
    raw = v0_raw()
    raw["journey"]["handoffs"][0]["context"] = False
    assert loads(json.dumps(raw)).journey.handoffs[0].context_carried is False


def test_v0_file_with_an_unknown_emotion_word_is_a_clean_load_error():
    raw = v0_raw()
    raw["journey"]["steps"][3]["emotion"] = "happy"
    with pytest.raises(LoadError) as caught:
        loads(json.dumps(raw), source="passport.journey")
    assert str(caught.value) == "passport.journey: journey.steps[3].emotion: should be a whole number, not 'happy'"


@pytest.mark.parametrize("version", [-1, "0", None])
def test_version_that_is_not_a_whole_number_from_0_is_refused(version):
    raw = v0_raw()
    raw["version"] = version
    with pytest.raises(LoadError) as caught:
        loads(json.dumps(raw), source="passport.journey")
    assert caught.value.place == "version"
    assert "should be a whole number" in caught.value.reason


@pytest.mark.parametrize(
    ("field", "value", "place", "reason"),
    [
        ("steps", 5, "journey.steps", "should be a list, not 5"),
        ("handoffs", "abc", "journey.handoffs", "should be a list, not 'abc'"),
        ("steps", {"emotion": "happy"}, "journey.steps", "should be a list, not an object"),
        ("handoffs", [5], "journey.handoffs[0]", "should be an object, not 5"),
        ("steps", [None], "journey.steps[0]", "should be an object, not null"),
    ],
)
def test_v0_values_of_the_wrong_shape_are_reported_not_crashed_on(field, value, place, reason):
    raw = v0_raw()
    raw["journey"][field] = value
    with pytest.raises(LoadError) as caught:
        loads(json.dumps(raw), source="passport.journey")
    assert str(caught.value).startswith(f"passport.journey: {place}: {reason}")


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=5),
    lambda inner: st.lists(inner, max_size=3)
    | st.dictionaries(st.sampled_from(["emotion", "context", "id"]), inner, max_size=3),
    max_leaves=8,
)


@settings(max_examples=200, deadline=None)
@given(steps=JSON_VALUES, handoffs=JSON_VALUES)
def test_v0_migration_never_fails_on_any_json(steps, handoffs):
    raw = v0_raw()
    raw["journey"]["steps"] = steps
    raw["journey"]["handoffs"] = handoffs
    migrate(raw["journey"], 0, 1)
    try:
        loads(json.dumps(raw), source="fuzz.journey")
    except LoadError:
        pass
