"""Older `.journey` files migrate forward; each step is tested on a saved sample."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from tests.model.test_analysis_searches import tangled
from workbench.model.analysis import check
from workbench.model.document import JourneyDocument
from workbench.model.errors import LoadError
from workbench.model.fileformat import MINOR, VERSION, dumps, load, load_file, loads, save, save_loaded
from workbench.model.feelings import level, note
from workbench.model.journey import FIRST_PERSONA
from workbench.model.migrations import LAST_MINOR, MIGRATIONS, MINOR_MIGRATIONS, OLDEST, migrate, migrate_minor
from workbench.model.validation import check_journey

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
    assert {s.id: level(s, FIRST_PERSONA) for s in journey.steps} == {k: n for k, (_, n) in V0_EMOTIONS.items()}
    handoff = journey.handoffs[0]
    assert handoff.context_carried is True
    assert handoff.model_extra == {}
    assert handoff.return_step == "step-collect"
    assert handoff.expected_wait == "six weeks"
    # Fields untouched by the migration come through as they were.
    assert note(journey.steps[1], FIRST_PERSONA) == "No slot before six weeks"
    assert journey.steps[2].moment_of_truth is True
    [persona] = journey.personas
    assert (persona.id, persona.name) == (FIRST_PERSONA, "Karim")


def test_saving_a_migrated_file_writes_the_current_version(tmp_path):
    migrated = load(V0)
    path = tmp_path / "passport.journey"
    save(migrated, path)

    written = json.loads(path.read_text(encoding="utf-8"))
    assert written["version"] == VERSION == 2
    assert "minor" not in written and MINOR == 0  # revision 0 is not written
    assert [s["emotions"][0]["value"] for s in written["journey"]["steps"]] == [n for _, n in V0_EMOTIONS.values()]
    assert {s["emotions"][0]["persona"] for s in written["journey"]["steps"]} == {FIRST_PERSONA}
    assert written["journey"]["steps"][1]["emotions"][0]["note"] == "No slot before six weeks"
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
    latest = migrate(journey, 0, 2)
    assert journey == before
    assert latest["steps"][0]["emotions"] == [{"persona": FIRST_PERSONA, "scenario": "as_is", "value": 0}]
    assert "emotion" not in latest["steps"][0] and "persona" not in latest
    assert latest["personas"][0]["id"] == FIRST_PERSONA


def test_migration_to_the_same_version_is_a_no_op():
    journey = v0_raw()["journey"]
    assert migrate(journey, 1, 1) is journey
    assert migrate(journey, 2, 2) is journey


def test_v0_context_false_becomes_context_carried_false():
    raw = v0_raw()
    raw["journey"]["handoffs"][0]["context"] = False
    assert loads(json.dumps(raw)).journey.handoffs[0].context_carried is False


def test_v0_file_with_an_unknown_emotion_word_is_a_clean_load_error():
    raw = v0_raw()
    raw["journey"]["steps"][3]["emotion"] = "happy"
    with pytest.raises(LoadError) as caught:
        loads(json.dumps(raw), source="passport.journey")
    # (named where the file has it, though version 2 keeps it as the first persona's "as is" feeling)
    assert str(caught.value) == (
        "passport.journey: journey.steps[3].emotion: should be a whole number, not 'happy'"
    )


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


# ------------------------------------------- minor 0 -> 1: goals and ends (#14)

V1_0 = SAMPLES / "v1.0-goals.journey"
#: The sample's goals, in time order, and what each becomes.
V1_0_ENDS = {"step-delivered", "step-recommend"}  # a branch closed (the next step has a link), the last step
V1_0_MILESTONES = {"step-collect", "step-review"}  # nothing else led on / only its own link led on


def test_the_goals_sample_really_is_version_1_minor_0():
    raw = json.loads(V1_0.read_text(encoding="utf-8"))
    assert raw["version"] == 1 and "minor" not in raw
    steps = raw["journey"]["steps"]
    assert {s["id"] for s in steps if s.get("goal")} == V1_0_ENDS | V1_0_MILESTONES
    assert not any("end" in s for s in steps)
    links = {(lk["source"], lk["target"]) for lk in raw["journey"]["links"]}
    assert links == {("step-choose", "step-reserve"), ("step-review", "step-recommend")}


def test_every_minor_revision_before_the_current_one_has_a_migration():
    assert sorted(MINOR_MIGRATIONS[VERSION]) == list(range(0, MINOR))
    # Version 1's revisions stay, for version-0 and version-1 files.
    assert sorted(MINOR_MIGRATIONS[1]) == list(range(0, LAST_MINOR[1])) == [0, 1]


def test_minor_0_goals_are_read_as_their_author_meant():
    loaded = load_file(V1_0)
    assert (loaded.version, loaded.minor, loaded.migrated_from, loaded.migrated_from_minor) == (1, MINOR, 1, 0)
    steps = {s.id: s for s in loaded.journey.steps}
    assert {i for i, s in steps.items() if s.end} == V1_0_ENDS
    assert {i for i, s in steps.items() if s.goal} == V1_0_ENDS | V1_0_MILESTONES  # no goal is lost
    # Only the ends changed (and the persona and emotions moved to where version 2 keeps them).
    raw = json.loads(V1_0.read_text(encoding="utf-8"))["journey"]
    assert loaded.journey.model_dump(mode="json", exclude_defaults=True, exclude={"steps", "personas"}) == {
        k: v for k, v in raw.items() if k not in ("steps", "persona")
    }
    assert [p.model_dump(mode="json", exclude_defaults=True) for p in loaded.journey.personas] == [
        {"id": FIRST_PERSONA, **raw.get("persona", {})}
    ]
    for before, step in zip(raw["steps"], loaded.journey.steps):
        assert step.model_dump(mode="json", exclude_defaults=True, exclude={"end", "emotions"}) == {
            k: v for k, v in before.items() if k not in ("emotion", "emotion_note")
        }
        assert (level(step, FIRST_PERSONA), note(step, FIRST_PERSONA)) == (before.get("emotion"), before.get("emotion_note", ""))


def test_minor_0_goals_keep_the_findings_that_were_right_and_lose_those_that_were_wrong():
    findings = check(load(V1_0)).findings
    rules = {f.rule for f in findings}
    # In minor 0 the goal "Collects the book in the shop" cut the flow: the reading group, the
    # review and the recommendation were unreachable. Read as a milestone, they are reached.
    assert "unreachable" not in rules
    assert "dead-end" not in rules
    # "Has the book delivered" closes its branch: nothing flows from it to "Reserves the book"
    # (from +2 to 0 would be an emotion cliff), as in minor 0.
    assert "emotion-cliff" not in rules


def test_a_migrated_minor_0_file_is_saved_as_the_current_minor_and_opens_unchanged(tmp_path):
    loaded = load_file(V1_0)
    path = tmp_path / "bookshop.journey"
    save_loaded(loaded, path)
    written = json.loads(path.read_text(encoding="utf-8"))
    assert (written["version"], written.get("minor", 0)) == (VERSION, MINOR)
    assert {s["id"] for s in written["journey"]["steps"] if s.get("end")} == V1_0_ENDS
    again = load_file(path)
    assert again.migrated_from is None and again.migrated_from_minor is None and again.minor == MINOR
    assert again.journey == loaded.journey
    before = path.read_bytes()
    save_loaded(again, path)
    assert path.read_bytes() == before


def test_a_minor_1_file_is_read_as_written():
    """A goal the author left without an end in minor 1 is a milestone, even as the last step;
    saved again, only the version changes: the persona and the emotions move to where version 2 keeps them
    (revision 2 added conflicts, which it has none of)."""
    old = json.loads(V1_0.read_text(encoding="utf-8"))
    raw = {"format": old["format"], "version": 1, "minor": 1, "journey": old["journey"]}
    loaded = loads(json.dumps(raw))
    assert (loaded.migrated_from, loaded.migrated_from_minor) == (1, 1)
    assert not any(s.end for s in loaded.journey.steps)
    written = dumps(loaded.journey, minor=loaded.minor)
    # (the "as is" scenario is the default, so not written)
    expected = migrate(old["journey"], 1, 2)
    for step in expected["steps"]:
        for entry in step.get("emotions", []):
            assert entry.pop("scenario") == "as_is"
    assert json.loads(written) == {"format": old["format"], "version": 2, "journey": expected}
    assert dumps(loads(written).journey) == written


def test_a_merge_conflict_is_kept_through_a_save_and_a_load():
    raw = {"format": "journey-workbench", "version": 2, "journey": {
        "title": "T", "conflicts": [{"id": "c1", "collection": "journey", "field": "title",
                                     "base": "S", "ours": "T", "theirs": {"a": [1, None, "é"]}}]}}
    loaded = loads(json.dumps(raw))
    assert loaded.journey.conflicts[0].theirs == {"a": [1, None, "é"]}
    assert json.loads(dumps(loaded.journey)) == raw


def test_a_newer_minor_file_is_not_migrated_and_keeps_its_fields():
    raw = json.loads(V1_0.read_text(encoding="utf-8"))
    raw["version"], raw["minor"], raw["journey"] = VERSION, MINOR + 1, migrate(raw["journey"], 1, VERSION)
    raw["journey"]["steps"][0]["halt"] = True  # a field of that newer revision
    loaded = loads(json.dumps(raw))
    assert loaded.minor == MINOR + 1 and loaded.migrated_from is None and loaded.migrated_from_minor is None
    assert not any(s.end for s in loaded.journey.steps)
    written = json.loads(dumps(loaded.journey, minor=loaded.minor, extra=loaded.extra))
    assert written["minor"] == MINOR + 1
    assert written["journey"]["steps"][0]["halt"] is True


def test_a_version_0_file_goes_through_both_migrations():
    loaded = load_file(V0)
    assert (loaded.migrated_from, loaded.migrated_from_minor, loaded.minor) == (0, 0, MINOR)
    last = loaded.journey.steps[-1]
    assert last.id == "step-collect" and last.goal and last.end  # the journey's last step: a goal, and its end


def test_a_journey_without_goals_is_left_as_it_is():
    journey = load(V0).model_copy(update={"steps": [s.model_copy(update={"goal": False, "end": False})
                                                    for s in load(V0).steps]})
    assert migrate_minor(journey, 0, 1, version=1) is journey
    assert migrate_minor(journey, 1, 1, version=1) is journey


# The flow as minor 0 drew it, and as minor 1 draws it, the slow and obvious way.


def _flow(journey, cut) -> tuple[set[tuple[str, str]], set[str]]:  # type: ignore[no-untyped-def]
    steps = JourneyDocument(journey).steps()
    edges = {(a.id, b.id) for a, b in zip(steps, steps[1:]) if not cut(a)}
    edges |= {(lk.source, lk.target) for lk in journey.links}
    reached, todo = {steps[0].id}, [steps[0].id]
    while todo:
        node = todo.pop()
        for a, b in edges:
            if a == node and b not in reached:
                reached.add(b)
                todo.append(b)
    return edges, reached


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tangled())
def test_the_migration_keeps_the_flow_except_where_it_left_steps_out_of_reach(journey):
    journey = journey.model_copy(update={"steps": [s.model_copy(update={"end": False}) for s in journey.steps]})
    assume(not check_journey(journey) and journey.steps)
    migrated = migrate_minor(journey, 0, 1, version=1)
    old_edges, old_reached = _flow(journey, lambda s: s.goal)
    new_edges, new_reached = _flow(migrated, lambda s: s.end)
    steps = JourneyDocument(journey).steps()
    after = {a.id: b.id for a, b in zip(steps, steps[1:])}
    # Only goals become ends, and the last step's goal always does.
    assert {s.id for s in migrated.steps if s.end} <= {s.id for s in journey.steps if s.goal}
    if steps[-1].goal:
        assert next(s for s in migrated.steps if s.id == steps[-1].id).end
    # The flow only gains the step after a milestone, and only where nothing else reached it.
    assert old_edges <= new_edges
    for source, target in new_edges - old_edges:
        assert after.get(source) == target and target not in old_reached
    assert old_reached <= new_reached
    # So the dead ends are the same (a goal is never one), and no step becomes unreachable.
    def dead(j):  # type: ignore[no-untyped-def]
        return [f.elements for f in check(j).findings if f.rule == "dead-end"]

    old_dead = [(s.id,) for s in steps if not s.goal and not any(a == s.id for a, _ in old_edges)]
    assert dead(migrated) == old_dead


def _checks_counted(monkeypatch) -> list[object]:  # type: ignore[no-untyped-def]
    import workbench.model.document as document
    import workbench.model.fileformat as fileformat

    calls: list[object] = []

    def counting(journey):  # type: ignore[no-untyped-def]
        calls.append(journey)
        return check_journey(journey)

    monkeypatch.setattr(fileformat, "check_journey", counting)
    monkeypatch.setattr(document, "check_journey", counting)
    return calls


def test_a_file_of_this_version_is_checked_once_when_opened(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    calls = _checks_counted(monkeypatch)
    loaded = load_file(Path(__file__).resolve().parents[2] / "examples" / "banking-savings.journey")
    document = JourneyDocument(loaded.journey, checked=loaded.checked)
    assert loaded.checked and calls == [loaded.journey]  # the document does not walk it again
    assert document.journey.steps == loaded.journey.steps


def test_a_migrated_file_is_checked_again_when_opened(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    calls = _checks_counted(monkeypatch)
    loaded = load_file(V0)
    assert loaded.migrated_from == 0
    assert not loaded.checked  # the revisions after the check made another journey
    JourneyDocument(loaded.journey, checked=loaded.checked)
    assert calls[-1] is loaded.journey and len(calls) == 2
