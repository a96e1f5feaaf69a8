"""What the document says when it refuses an edit, in full, and the small print of its edits.

Written against the survivors of a mutation run over ``workbench/model/document.py``
(see ``[tool.mutmut]`` in pyproject.toml): reasons tested only by their kind,
and arguments passed on but never checked.
"""

from __future__ import annotations

import itertools

import pytest

from tests.model.test_document import sample
from workbench.model import ids
from workbench.model.document import JourneyDocument
from workbench.model.edits import Batch, Delete, Insert, Replace
from workbench.model.errors import EditError
from workbench.model.journey import Card, Feeling, Journey, Stage, Step
from workbench.model.validation import check_journey


@pytest.fixture
def doc() -> JourneyDocument:
    return JourneyDocument(sample())


def refusal(action) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(EditError) as caught:
        action()
    return str(caught.value)


def incomplete(**fields: object) -> Step:
    """A step made without pydantic: even its model_dump fails."""
    step = Step.__new__(Step)
    object.__setattr__(step, "__dict__", dict(fields))
    return step


def test_an_invalid_journey_is_refused_with_its_first_problem() -> None:
    bad = Journey(title="T", steps=[Step(id="a", title="A", stage="zz")])
    assert refusal(lambda: JourneyDocument(bad)) == str(check_journey(bad)[0])
    assert refusal(lambda: JourneyDocument(bad)) == "journey.steps[0].stage: refers to the stage 'zz', which does not exist"


@pytest.mark.parametrize(
    ("action", "message"),
    [
        (lambda d: d.get("zz"), "there is no element with id 'zz'"),
        (lambda d: d.apply(Insert("lanes", Stage(id="s9", title="S"))), "this element does not belong in lanes"),
        (lambda d: d.apply(Insert("stages", Stage(id="a", title="S"))), "id 'a' is already used by steps"),
        (lambda d: d.apply(Insert("cards", Card(id="h1", step="a", lane="l1", kind="note"))), "id 'h1' is already used by cards"),
        (lambda d: d.apply(Delete("b")), "'b' cannot be removed while 'd2' refers to it"),
        (lambda d: d.apply(Replace(Feeling(persona="persona-1"))), "this is not an element of a journey"),  # type: ignore[arg-type]
        (lambda d: d.apply(Replace(Stage(id="a", title="S"))), "'a' is another kind of element"),
        (lambda d: d.apply(Insert("steps", incomplete())), "'?' is not a complete element"),
        (lambda d: d.apply(Insert("steps", incomplete(id="zz"))), "'zz' is not a complete element"),
        (lambda d: d.apply(Insert("steps", Step.model_construct(title="x", stage="s1"))), "?.id: this required field is missing"),
        (
            lambda d: d.apply(Replace(d.get("d1").model_copy(update={"intents": ["bogus"]}))),
            "d1.intents.0: should be one of 'welcome', 'guide', 'assist', 'anticipate', not 'bogus'",
        ),
        (lambda d: d.apply(Insert("cards", Card(id="n", step="zz", lane="l1", kind="note"))),
         "n.step: refers to the step 'zz', which does not exist"),
        (lambda d: d.update("a", id="b"), "the id of 'a' cannot be changed"),
        (lambda d: d.update("d1", intents=["x"]),
         "d1.intents.0: should be one of 'welcome', 'guide', 'assist', 'anticipate', not 'x'"),
        (lambda d: d.move("ho1", 0), "'ho1' has no place of its own to move to"),
        # A handoff's end changed by the person editing the card: said of the card, with no id or field path.
        (lambda d: d.update("h1", nature="digital", text="Station counter"),
         "'Station counter' takes over a handoff, and a handoff goes to a person (a human touchpoint): delete the "
         "handoff first."),
        (lambda d: d.update("d1", nature="physical"),  # (no text, no channel: never its id)
         "A handoff leaves from this card, and a handoff starts from a digital touchpoint: delete the handoff first."),
        (lambda d: d.update("h1", nature="digital"),
         "This card takes over a handoff, and a handoff goes to a person (a human touchpoint): delete the handoff first."),
        (lambda d: d.update("d1", kind="note", nature=None, text="  A very long note about the form that goes on and on  "),
         "A handoff leaves from 'A very long note about the form that go…', and a handoff starts from a digital "
         "touchpoint: delete the handoff first."),
    ],
)
def test_each_refusal_in_full(doc: JourneyDocument, action, message: str) -> None:  # type: ignore[no-untyped-def]
    assert refusal(lambda: action(doc)) == message


def test_find_gives_the_element_or_none(doc: JourneyDocument) -> None:
    assert doc.find("a") is doc.get("a")
    assert doc.find("zz") is None


def test_what_is_not_an_edit_is_named(doc: JourneyDocument) -> None:
    with pytest.raises(TypeError, match="^not an edit: 'remove a'$"):
        doc.apply("remove a")  # type: ignore[arg-type]


def test_a_batch_keeps_its_label_both_ways(doc: JourneyDocument) -> None:
    inverse = doc.apply(Batch((Delete("k1"),), "Unlink"))
    assert isinstance(inverse, Batch) and inverse.label == "Unlink"
    assert doc.apply(inverse).label == "Unlink"  # type: ignore[union-attr]


def test_new_ids_avoid_the_ids_in_use(doc: JourneyDocument, monkeypatch: pytest.MonkeyPatch) -> None:
    doc.add(Step(id="step-aaaaaaaa", title="Taken", stage="s1"))
    letters = itertools.chain(itertools.repeat("a", 8), itertools.repeat("b"))
    monkeypatch.setattr(ids.secrets, "choice", lambda alphabet: next(letters))
    assert doc.new_id("steps") == "step-bbbbbbbb"


def test_handoffs_and_links_are_ordered_by_the_file(doc: JourneyDocument) -> None:
    assert doc.siblings(doc.get("ho2")) == list(doc.journey.handoffs)
    assert doc.siblings(doc.get("k1")) == list(doc.journey.links)


def test_ties_of_order_still_follow_the_file_after_a_change_of_the_journey(doc: JourneyDocument) -> None:
    doc.update_journey(title="Renamed")
    doc.apply(Insert("steps", Step(id="x", title="Tie", stage="s1", order=10), 0))  # same order as 'a', first in the file
    assert [s.id for s in doc.steps()] == ["x", "a", "b", "c"]


def test_adding_first_where_no_number_is_free_renumbers_and_puts_it_first(doc: JourneyDocument) -> None:
    doc.update("a", order=0)
    doc.update("b", order=1)
    doc.add(Step(id="x", title="First", stage="s1"), 0)
    assert [s.id for s in doc.steps() if s.stage == "s1"] == ["x", "a", "b"]
