"""Two people edit feelings of the same step: each persona and scenario merges on its own."""

from __future__ import annotations

from tests.model.test_merge import edited, small
from workbench.model.conflicts import element_words, field_words, readable, resolve
from workbench.model.document import JourneyDocument
from workbench.model.feelings import level, note, with_feeling
from workbench.model.interop.merge import merge_journeys
from workbench.model.journey import Card, Journey, Persona


def two_personas() -> Journey:
    base = small()
    doc = JourneyDocument(base)
    doc.update(base.personas[0].id, name="Camille")
    doc.add(Persona(id="persona-b", name="Bernard", shape="square"))
    step = doc.steps()[0]
    doc.update(step.id, emotions=with_feeling(step, base.personas[0].id, "as_is", value=0))
    return doc.journey


def set_feeling(persona: str, scenario: str, value: int | None, text: str | None = None):  # type: ignore[no-untyped-def]
    def edit(doc: JourneyDocument) -> None:
        step = doc.steps()[0]
        parts = {"value": value} if text is None else {"value": value, "note": text}
        doc.update(step.id, emotions=with_feeling(step, persona, scenario, **parts))
    return edit


def test_feelings_of_different_personas_and_scenarios_on_one_step_merge_cleanly() -> None:
    base = two_personas()
    lead = base.personas[0].id
    ours = edited(base, set_feeling(lead, "to_be", 2))
    theirs = edited(base, set_feeling("persona-b", "as_is", -1))
    result = merge_journeys(base, ours, theirs)
    assert result.clean
    step_id = JourneyDocument(base).steps()[0].id
    merged = {s.id: s for s in result.journey.steps}[step_id]
    assert (level(merged, lead, "as_is"), level(merged, lead, "to_be"), level(merged, "persona-b", "as_is")) == (0, 2, -1)


def test_the_same_feeling_changed_differently_is_one_conflict_resolved_by_choosing() -> None:
    base = two_personas()
    lead = base.personas[0].id
    step_id = JourneyDocument(base).steps()[0].id
    ours = edited(base, set_feeling(lead, "as_is", 1, "better than feared"))
    theirs = edited(base, set_feeling(lead, "as_is", -2))
    # and a change both agree on elsewhere on the step: it merges
    ours = edited(ours, set_feeling("persona-b", "to_be", 1))
    theirs = edited(theirs, set_feeling("persona-b", "to_be", 1))
    result = merge_journeys(base, ours, theirs)
    assert len(result.new_conflicts) == 1
    conflict = result.new_conflicts[0]
    assert (conflict.element, conflict.field) == (step_id, f"emotions.{lead}:as_is")
    document = JourneyDocument(result.journey)
    assert field_words(conflict, document) == "Emotion (Camille, as is)"
    assert readable(conflict.ours, conflict.field) == "+1 (better than feared)"
    assert readable(conflict.theirs, conflict.field) == "-2"
    step = document.get(step_id)
    assert (level(step, lead), level(step, "persona-b", "to_be")) == (1, 1)  # ours kept meanwhile

    resolve(document, conflict.id, "theirs")
    step = document.get(step_id)
    assert (level(step, lead), note(step, lead), level(step, "persona-b", "to_be")) == (-2, "", 1)
    assert document.journey.conflicts == []


def test_a_feeling_removed_on_one_side_and_changed_on_the_other_can_be_taken_away() -> None:
    base = two_personas()
    lead = base.personas[0].id
    step_id = JourneyDocument(base).steps()[0].id
    ours = edited(base, set_feeling(lead, "as_is", 2))
    theirs = edited(base, set_feeling(lead, "as_is", None))
    result = merge_journeys(base, ours, theirs)
    (conflict,) = result.new_conflicts
    assert conflict.theirs is None and conflict.ours["value"] == 2
    document = JourneyDocument(result.journey)
    resolve(document, conflict.id, "theirs")
    assert level(document.get(step_id), lead) is None


def test_a_persona_renamed_differently_on_both_sides_is_a_conflict_named_after_the_persona() -> None:
    base = two_personas()
    ours = edited(base, lambda d: d.update("persona-b", name="Bernard, 69"))
    theirs = edited(base, lambda d: d.update("persona-b", name="Bernard, 68"))
    result = merge_journeys(base, ours, theirs)
    (conflict,) = result.new_conflicts
    assert (conflict.collection, conflict.element, conflict.field) == ("personas", "persona-b", "name")
    document = JourneyDocument(result.journey)
    assert element_words(document, conflict) == "Persona “Bernard, 69”"
    resolve(document, conflict.id, "theirs")
    assert document.get("persona-b").name == "Bernard, 68"


def test_a_persona_removed_by_one_side_and_still_used_by_the_other_keeps_all_its_feelings_and_tags() -> None:
    """Kept as a conflict, the persona had one emotion of 38 left: "Keep mine" gave back a near-empty curve."""
    base = two_personas()
    doc = JourneyDocument(base)
    first, second = doc.steps()[0].id, doc.steps()[1].id
    for step in (first, second):  # Bernard feels something at both steps, and a card concerns only him
        doc.update(step, emotions=with_feeling(doc.get(step), "persona-b", "as_is", value=-1))  # type: ignore[arg-type]
    doc.update("c2", personas=["persona-b"])
    base = doc.journey
    ours = edited(base, lambda d: (set_feeling("persona-b", "as_is", 1)(d),
                                   d.add(Card(id="mine", step=second, lane="l2", kind="note", personas=["persona-b"]))))
    theirs = edited(base, lambda d: d.remove("persona-b"))  # (its feelings and tags go with it)
    result = merge_journeys(base, ours, theirs)
    merged = JourneyDocument(result.journey)
    assert "persona-b" in merged
    assert level(merged.get(first), "persona-b") == 1 and level(merged.get(second), "persona-b") == -1  # ours, whole
    assert merged.get("c2").personas == ["persona-b"] and merged.get("mine").personas == ["persona-b"]  # type: ignore[attr-defined]
    removal = next(c for c in result.new_conflicts if c.element == "persona-b" and c.field == "")
    resolve(merged, removal.id, "theirs")  # and taking the side that removed it removes it all
    assert "persona-b" not in merged and level(merged.get(second), "persona-b") is None


def test_a_feeling_changed_of_a_persona_the_other_side_removed_keeps_the_persona_with_one_conflict() -> None:
    """The persona was gone, its feeling's conflict named it by its id, and taking their version could only be
    refused ("refers to the persona 'persona-b', which does not exist"; exploratory test). The persona stays,
    removed on one side and changed on the other, and each choice gives back one side's journey exactly."""
    from workbench.model.interop.merge import merge_journeys

    base = edited(two_personas(), set_feeling("persona-b", "as_is", 0))
    ours = edited(base, lambda d: d.remove("persona-b"))
    theirs = edited(base, set_feeling("persona-b", "as_is", -2))
    for take, side in (("ours", ours), ("theirs", theirs)):
        result = merge_journeys(base, ours, theirs)
        [conflict] = result.journey.conflicts
        assert (conflict.collection, conflict.element, conflict.field) == ("personas", "persona-b", "")
        document = JourneyDocument(result.journey)
        resolve(document, conflict.id, take)
        assert document.journey.model_dump(exclude={"conflicts"}) == side.model_dump(exclude={"conflicts"})
        assert document.journey.conflicts == []


def test_removing_a_persona_by_a_choice_takes_the_conflicts_on_its_feelings_with_it() -> None:
    """A file merged before the persona was kept: its feeling's row stayed after the persona was removed."""
    from workbench.model.journey import Conflict

    journey = edited(two_personas(), set_feeling("persona-b", "as_is", 1))
    step = journey.steps[0].id
    conflicts = [
        Conflict(id="c-persona", collection="personas", element="persona-b", field="", ours=None,
                 theirs=journey.personas[1].model_dump(mode="json")),
        Conflict(id="c-feeling", collection="steps", element=step, field="emotions.persona-b:as_is", ours=None,
                 theirs={"persona": "persona-b", "scenario": "as_is", "value": 1, "note": ""}),
        Conflict(id="c-title", collection="steps", element=step, field="title", ours="One", theirs="Uno"),
    ]
    document = JourneyDocument(journey.model_copy(update={"conflicts": conflicts}))
    undo = resolve(document, "c-persona", "ours")  # mine: removed
    assert "persona-b" not in document and [c.id for c in document.journey.conflicts] == ["c-title"]
    document.apply(undo)
    assert [c.id for c in document.journey.conflicts] == ["c-persona", "c-feeling", "c-title"]
