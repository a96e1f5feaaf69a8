"""A failed edit group puts the document back exactly as it was, and the first error goes on.

The edits of a group are undone last first: each inverse then meets the very
document it was made for. Undone in the order they were made, the removal of
a step would come before the removal of the card added on it, be refused, and
that refusal would replace the error that failed the group, with the document
left half-edited.
"""

from __future__ import annotations

import pytest

from tests.model.test_document import NEW, sample, snap
from workbench.model.document import JourneyDocument
from workbench.model.edits import Batch, Replace
from workbench.model.errors import EditError
from workbench.model.events import Change
from workbench.model.journey import Card, Step


@pytest.fixture
def doc() -> JourneyDocument:
    return JourneyDocument(sample())


@pytest.fixture
def heard(doc: JourneyDocument) -> list[tuple[str, str | None]]:
    seen: list[tuple[str, str | None]] = []

    def note(change: Change) -> None:
        seen.append((change.action, change.id))

    doc.changed.connect(note)
    return seen


NEW_STEP = Step(id="x", title="Pay", stage="s1")
CARD_ON_IT = Card(id="n1", step="x", lane="l1", kind="touchpoint", nature="digital")


def state(doc: JourneyDocument) -> tuple:
    """What a reader can see: the file's bytes, the sorted views, who refers to what (in any order)."""
    return (
        snap(doc),
        [s.id for s in doc.steps()],
        [s.id for s in doc.stages()],
        [lane.id for lane in doc.lanes()],
        {s.id: [c.id for lane in doc.lanes() for c in doc.cards_at(s.id, lane.id)] for s in doc.steps()},
        {e: sorted(r.id for r in doc.referrers(e)) for e in ("a", "b", "c", "d1", "h1", "d2", "h2")},
    )


def test_a_later_edit_that_fails_undoes_the_earlier_ones_and_its_error_goes_on(doc, heard) -> None:
    before = state(doc)
    with pytest.raises(EditError, match=r"x\.emotion") as caught:
        with doc.group():
            doc.add(NEW_STEP)
            doc.add(CARD_ON_IT)  # depends on the step: must go first on the way back
            doc.update("x", emotion=7)  # refused: out of range
    assert "cannot be removed" not in str(caught.value)
    assert state(doc) == before
    assert "x" not in doc and "n1" not in doc
    # Listeners heard the edits, then their undoing, last first.
    assert heard == [("added", "x"), ("added", "n1"), ("removed", "n1"), ("removed", "x")]


def test_any_error_in_the_block_undoes_it_all(doc, heard) -> None:
    before = state(doc)
    with pytest.raises(KeyboardInterrupt):
        with doc.group():
            doc.add(NEW_STEP)
            doc.add(CARD_ON_IT)
            raise KeyboardInterrupt
    assert state(doc) == before


def test_two_changes_of_one_element_are_undone_to_the_first_value(doc) -> None:
    before = state(doc)
    with pytest.raises(RuntimeError, match="stop"):
        with doc.group():
            doc.update("a", title="First")
            doc.update("a", title="Second")
            doc.update_journey(title="One")
            doc.update_journey(title="Two")
            raise RuntimeError("stop")
    assert doc.get("a").title == "Notice" and doc.journey.title == "Car repair"
    assert state(doc) == before


def test_array_places_are_restored_exactly(doc) -> None:
    before = state(doc)
    with pytest.raises(RuntimeError):
        with doc.group():
            doc.remove("k1")
            doc.remove("k2")  # both links out: undone, k2 must go back after k1
            doc.add(NEW["link"], 0)
            doc.move("c", 0, stage="s1")
            doc.remove("a")  # a step with cards and a handoff: a batch within the group
            raise RuntimeError
    assert state(doc) == before
    assert [link.id for link in doc.journey.links] == ["k1", "k2"]


def test_a_group_that_fails_leaves_the_document_no_longer_grouping(doc) -> None:
    with pytest.raises(RuntimeError):
        with doc.group():
            doc.add(NEW_STEP)
            raise RuntimeError
    after_failure = state(doc)
    inverse = doc.add(NEW_STEP)
    doc.apply(inverse)
    assert state(doc) == after_failure
    with doc.group("next") as result:
        doc.add(NEW_STEP)
    assert result[0].label == "next"
    doc.apply(result[0])
    assert state(doc) == after_failure


def test_an_inner_group_that_fails_inside_a_good_one_undoes_only_its_own_edits(doc) -> None:
    before = state(doc)
    with doc.group("outer") as result:
        doc.update("a", title="Kept")
        with pytest.raises(EditError, match="n1.nature"):
            with doc.group():
                doc.add(NEW_STEP)
                doc.add(CARD_ON_IT)
                doc.update("n1", nature="robot")
        doc.update("b", title="Kept too")
    assert doc.get("a").title == "Kept" and doc.get("b").title == "Kept too"
    assert "x" not in doc and "n1" not in doc
    assert isinstance(result[0], Batch) and len(result[0].edits) == 2  # the failed inner group left nothing
    doc.apply(result[0])
    assert state(doc) == before


def test_an_outer_group_that_fails_undoes_a_finished_inner_group_too(doc) -> None:
    before = state(doc)
    with pytest.raises(EditError, match="'x'"):
        with doc.group():
            with doc.group():
                doc.add(NEW_STEP)
                doc.add(CARD_ON_IT)
            doc.update("n1", text="ok")
            doc.add(NEW_STEP)  # the id is taken: refused
    assert state(doc) == before


def test_a_rollback_that_cannot_finish_still_leaves_the_enclosing_group_working(doc, monkeypatch) -> None:
    """Should an undo ever be refused, the enclosing group still knows its own edits and undoes them."""
    before = state(doc)
    original = JourneyDocument._perform

    def refuse_the_rollback(self, edit, changes):  # type: ignore[no-untyped-def]
        if isinstance(edit, Replace) and edit.element.id == "b":
            raise EditError("cannot undo")
        return original(self, edit, changes)

    with pytest.raises(RuntimeError, match="outer"):
        with doc.group():
            doc.update("a", title="Outer edit")
            try:
                with doc.group():
                    doc.update("b", title="Inner edit")
                    monkeypatch.setattr(JourneyDocument, "_perform", refuse_the_rollback)
                    raise RuntimeError("inner")
            except EditError:
                pass
            monkeypatch.setattr(JourneyDocument, "_perform", original)
            raise RuntimeError("outer")
    assert doc.get("a").title == "Notice"
    # The inner edit could not be undone and stays, whole; nothing else does.
    assert doc.get("b").title == "Inner edit"
    doc.update("b", title="Book")
    assert state(doc) == before
