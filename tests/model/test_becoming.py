"""A journey turned into another as one undoable edit: what a merge of a change on disk is in the editor."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.model.test_merge import random_edits, small
from tests.strategies import journeys
from workbench.model.becoming import edit_into
from workbench.model.document import JourneyDocument
from workbench.model.errors import EditError
from workbench.model.interop.merge import merge_journeys
from workbench.model.journey import Card, Journey, Step


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journeys(min_stages=1), st.data())
def test_the_journey_shown_becomes_the_merge_and_one_undo_gives_it_back(base: Journey, data: st.DataObject) -> None:
    ours, theirs = random_edits(data, base), random_edits(data, base)
    merged = merge_journeys(base, ours, theirs).journey
    document = JourneyDocument(ours)
    # Never refused (the window would then show the merge as a new document, with no undo back).
    inverse = edit_into(document, merged, "Merge")
    assert document.journey == merged
    document.apply(inverse)
    assert document.journey == ours


def test_elements_are_added_in_their_place_changed_and_removed() -> None:
    ours = small()
    document = JourneyDocument(ours)
    target = JourneyDocument(ours)
    target.add(Step(id="p0", title="Zero", stage="s1", order=5), index=0)
    target.update("p2", title="Two, renamed")
    target.remove("c1")  # and the handoff from it
    target.add(Card(id="c3", step="p0", lane="l2", kind="note", text="new"))
    target.update_journey(title="Merged")
    heard: list[tuple[str, str | None]] = []
    document.changed.connect(lambda change: heard.append((change.action, change.id)))
    inverse = edit_into(document, target.journey)
    assert document.journey == target.journey
    assert [s.id for s in document.steps()] == ["p0", "p1", "p2"]
    # Each element an edit of its own, as the views follow any edit: parents added before what they hold.
    assert heard.index(("added", "p0")) < heard.index(("added", "c3"))
    assert ("updated", "p2") in heard and ("removed", "c1") in heard and ("removed", "h1") in heard
    assert heard[-1] == ("journey", None)
    document.apply(inverse)
    assert document.journey == ours


def test_a_target_out_of_reach_leaves_the_document_as_it_was() -> None:
    ours = small()
    document = JourneyDocument(ours)
    steps = list(reversed(ours.steps))  # the same steps, the other way round in the file: no edit moves them
    with pytest.raises(EditError):
        edit_into(document, ours.model_copy(update={"steps": steps}))
    assert document.journey == ours



def test_an_edit_refused_at_its_turn_waits_for_the_others() -> None:
    """Their side removed a handoff and made its target card digital; or, at the most personas, removed one and
    added another. The change came before the removal, was refused, and the merge started the undo history
    again (review)."""
    from workbench.model.journey import MAX_PERSONAS, Persona

    ours = small()
    theirs = JourneyDocument(ours)
    theirs.remove("h1")
    theirs.update("c2", nature="digital")
    document = JourneyDocument(ours)
    inverse = edit_into(document, theirs.journey)
    assert document.journey == theirs.journey
    document.apply(inverse)
    assert document.journey == ours

    full = JourneyDocument(ours)
    for n in range(len(ours.personas), MAX_PERSONAS):
        full.add(Persona(id=f"persona-x{n}", name=f"P{n}"))
    crowded = full.journey
    other = JourneyDocument(crowded)
    other.remove(crowded.personas[-1].id)
    other.add(Persona(id="newcomer", name="New"))
    document = JourneyDocument(crowded)
    inverse = edit_into(document, other.journey)
    assert document.journey == other.journey
    document.apply(inverse)
    assert document.journey == crowded
