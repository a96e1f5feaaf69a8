"""JourneyDocument: every operation, its inverse, and what it refuses."""

from __future__ import annotations

import re

import pytest

from workbench.model import ids
from workbench.model.document import JourneyDocument
from workbench.model.edits import Batch, Delete, Insert, Replace, is_empty
from workbench.model.errors import EditError
from workbench.model.events import Change
from workbench.model.fileformat import dumps, loads
from workbench.model.ids import new_id
from workbench.model.feelings import feelings, with_feeling
from workbench.model.journey import (
    COLLECTION_OF,
    COLLECTIONS,
    FIRST_PERSONA,
    Card,
    Handoff,
    Journey,
    Lane,
    Link,
    Persona,
    Stage,
    Step,
)
from workbench.model.ordering import GAP
from workbench.model.validation import check_journey


def sample() -> Journey:
    def tp(id: str, step: str, order: int, nature: str) -> Card:
        return Card(id=id, step=step, lane="l1", order=order, kind="touchpoint", nature=nature)

    return Journey(
        title="Car repair",
        sector="automotive",
        personas=[Persona(id="persona-1", name="Driver", order=10), Persona(id="pp", name="Partner", order=20)],
        stages=[Stage(id="s1", title="Aware", order=10), Stage(id="s2", title="Repair", order=20)],
        steps=[Step(id="a", title="Notice", stage="s1", order=10, emotions=feelings(-1)),
               Step(id="b", title="Book", stage="s1", order=20), Step(id="c", title="Drop", stage="s2", order=10)],
        lanes=[Lane(id="l1", kind="touchpoints", title="Touch", order=10),
               Lane(id="l2", kind="pain_points", title="Pains", order=20)],
        cards=[tp("d1", "a", 10, "digital"), tp("h1", "a", 20, "human"),
               Card(id="p1", step="a", lane="l2", order=10, kind="pain_point", text="Waiting"),
               tp("d2", "b", 10, "digital"), tp("h2", "c", 10, "human")],
        handoffs=[Handoff(id="ho1", source="d1", target="h1", return_step="b"),
                  Handoff(id="ho2", source="d2", target="h2")],
        links=[Link(id="k1", source="a", target="c"), Link(id="k2", source="b", target="a")],
    )


# One new element per kind; each has exactly two siblings in sample().
NEW = {
    "persona": Persona(id="persona-9", name="Mechanic"),
    "stage": Stage(id="s9", title="After"),
    "step": Step(id="x", title="Pay", stage="s1"),
    "lane": Lane(id="l9", kind="thoughts", title="Thinks"),
    "card": Card(id="n9", step="a", lane="l1", kind="touchpoint", nature="human"),
    "handoff": Handoff(id="ho9", source="d2", target="h1"),
    "link": Link(id="k9", source="c", target="b"),
}


@pytest.fixture
def doc() -> JourneyDocument:
    return JourneyDocument(sample())


@pytest.fixture
def changes(doc: JourneyDocument) -> list[Change]:
    seen: list[Change] = []
    doc.changed.connect(seen.append)
    return seen


def snap(doc: JourneyDocument) -> bytes:
    return dumps(doc.journey)


def placed(doc: JourneyDocument, element) -> list[str]:
    """Ids of *element*'s siblings in the order the document shows them."""
    if isinstance(element, Step):
        return [s.id for s in doc.steps() if s.stage == element.stage]
    if isinstance(element, Card):
        return [c.id for c in doc.cards_at(element.step, element.lane)]
    shown = {Persona: doc.personas(), Stage: doc.stages(), Lane: doc.lanes()}.get(type(element))
    return [e.id for e in (shown or getattr(doc.journey, COLLECTION_OF[type(element)]))]


def all_ids(doc: JourneyDocument) -> set[str]:
    return {e.id for c in COLLECTIONS for e in getattr(doc.journey, c)}


@pytest.mark.parametrize("index", [None, 0, 1, 2])
@pytest.mark.parametrize("kind", NEW)
def test_add_puts_the_element_at_its_place_and_the_inverse_removes_it(doc, changes, kind, index) -> None:
    before, element = snap(doc), NEW[kind]
    collection = COLLECTION_OF[type(element)]
    inverse = doc.add(element, index)
    order = placed(doc, doc.get(element.id))
    assert order.index(element.id) == (2 if index is None else index) and len(order) == 3
    # Gaps were free: no sibling was renumbered, only one element is new.
    assert [e for e in getattr(doc.journey, collection) if e.id != element.id] == getattr(sample(), collection)
    assert [(c.action, c.id) for c in changes] == [("added", element.id)]
    assert check_journey(doc.journey) == [] and loads(snap(doc)).journey == doc.journey
    doc.apply(inverse)
    assert element.id not in doc and snap(doc) == before


@pytest.mark.parametrize(
    ("gesture", "placed_id"),
    [(lambda d: d.add(NEW["step"], 1), "x"), (lambda d: d.move("c", 1, stage="s1"), "c")],
    ids=["add", "move"],
)
def test_no_gap_left_renumbers_siblings_and_undo_restores_every_order(doc, changes, gesture, placed_id) -> None:
    doc.update("b", order=11)  # a=10, b=11: no number left between them
    before = snap(doc)
    del changes[:]
    inverse = gesture(doc)
    assert placed(doc, doc.get(placed_id)) == ["a", placed_id, "b"]
    assert [s.order for s in doc.steps() if s.stage == "s1"] == [GAP, 2 * GAP, 3 * GAP]
    assert {c.id for c in changes} == {"b", placed_id}  # a kept its number
    doc.apply(inverse)
    assert snap(doc) == before and doc.get("b").order == 11


def test_appending_after_the_largest_order_keeps_the_file_loadable(doc) -> None:
    doc.update("b", order=1_000_000_000)
    doc.add(NEW["step"])
    assert placed(doc, NEW["step"]) == ["a", "b", "x"]
    assert loads(snap(doc)).journey == doc.journey


CASCADES = {  # what removing each element takes with it
    "k1": {"k1"}, "ho1": {"ho1"}, "p1": {"p1"}, "d1": {"d1", "ho1"}, "l2": {"l2", "p1"},
    "a": {"a", "d1", "h1", "p1", "ho1", "k1", "k2"}, "b": {"b", "d2", "ho2", "k2"},
    "s2": {"s2", "c", "h2", "ho2", "k1"}, "l1": {"l1", "d1", "h1", "d2", "h2", "ho1", "ho2"},
}
#: Handoffs that only return to a removed step: they stay, without their return step.
CLEARED = {"b": {"ho1"}}


@pytest.mark.parametrize("target", CASCADES)
def test_remove_cascades_and_one_inverse_restores_everything_in_place(doc, changes, target) -> None:
    before, ids_before = snap(doc), all_ids(doc)
    cleared = CLEARED.get(target, set())
    inverse = doc.remove(target)
    assert ids_before - all_ids(doc) == CASCADES[target]
    assert [(c.action, c.id) for c in changes if c.action != "removed"] == [("updated", h) for h in sorted(cleared)]
    assert {c.id for c in changes if c.action == "removed"} == CASCADES[target]
    assert len(changes) == len(CASCADES[target]) + len(cleared)
    assert all(doc.get(h).return_step is None for h in cleared)
    assert check_journey(doc.journey) == []
    del changes[:]
    doc.apply(inverse)
    assert snap(doc) == before
    assert [c.action for c in changes] == ["added"] * len(CASCADES[target]) + ["updated"] * len(cleared)


def test_removing_a_return_step_keeps_the_handoff_and_undo_restores_it(doc) -> None:
    """ho1 goes from d1 to h1 (both on step a) and returns to b: removing b must not lose it."""
    before = snap(doc)
    inverse = doc.remove("b")
    assert doc.get("ho1") == sample().handoffs[0].model_copy(update={"return_step": None})
    assert doc.returning("b") == [] and doc.referrers("b") == []
    assert loads(snap(doc)).journey == doc.journey
    redo = doc.apply(inverse)
    assert snap(doc) == before and doc.get("ho1").return_step == "b"
    doc.apply(redo)
    assert "b" not in doc and doc.get("ho1").return_step is None


def test_a_step_a_handoff_returns_to_cannot_be_deleted_alone(doc, changes) -> None:
    doc.remove("d2")
    doc.remove("k2")  # now only ho1's return_step refers to b
    assert doc.dependents("b") == [] and [h.id for h in doc.referrers("b")] == ["ho1"]
    before = snap(doc)
    del changes[:]
    with pytest.raises(EditError, match="'ho1' refers to it"):
        doc.apply(Delete("b"))
    assert snap(doc) == before and changes == []


UPDATES = [
    ("s1", {"title": "Discover", "description": "Ça marche, 5 €"}), ("a", {"emotions": [], "stage": "s2"}),
    ("a", {"emotions": feelings(2, "relieved"), "moment_of_truth": True, "goal": True, "title": 'Notice "it" 😀\n'}),
    ("l2", {"kind": "opportunities", "title": "Ideas"}), ("d1", {"channel": "web", "step": "c"}),
    ("p1", {"text": "back\\slash", "intents": ["assist", "guide"]}), ("k1", {"label": "else", "target": "b"}),
    ("ho1", {"trigger": "call", "context_carried": True, "return_step": None, "target": "h2"}),
    ("pp", {"name": "Zoé", "goals": ["fast"], "shape": "star", "line": "bold", "colour": "#aa00FF"}),
    ("b", {"emotions": [*feelings(1, scenario="to_be"), *feelings(None, "unsure", persona="pp")]}),
    ("p1", {"personas": ["pp", "persona-1"]}),
]


@pytest.mark.parametrize(("target", "fields"), UPDATES)
def test_update_changes_fields_and_the_inverse_restores_them(doc, changes, target, fields) -> None:
    before, old = snap(doc), doc.get(target)
    inverse = doc.update(target, **fields)
    new = doc.get(target)
    assert {k: getattr(new, k) for k in fields} == fields
    assert changes == [Change("updated", COLLECTION_OF[type(old)], target, new, old, changes[0].index)]
    assert getattr(doc.journey, COLLECTION_OF[type(old)])[changes[0].index] is new
    doc.apply(inverse)
    assert snap(doc) == before and doc.get(target) == old


def test_update_journey_and_its_inverse(doc, changes) -> None:
    before = snap(doc)
    fields = {"title": "Réparer", "sector": "banking", "language": "fr", "scenario": "s", "notes": "n\n"}
    inverse = doc.update_journey(**fields, authors=["Ana"])
    assert {k: getattr(doc.journey, k) for k in fields} == fields
    assert doc.journey.authors == ["Ana"]
    assert changes == [Change("journey")]
    doc.apply(inverse)
    assert snap(doc) == before


@pytest.mark.parametrize(
    ("target", "index", "placement", "expected"),
    [
        ("b", 0, {}, ["b", "a"]), ("a", 5, {}, ["b", "a"]), ("s2", 0, {}, ["s2", "s1"]), ("l2", 0, {}, ["l2", "l1"]),
        ("c", 1, {"stage": "s1"}, ["a", "c", "b"]), ("a", 0, {"stage": "s2"}, ["a", "c"]),
        ("h2", 1, {"step": "a", "lane": "l1"}, ["d1", "h2", "h1"]), ("d1", 0, {"lane": "l2"}, ["d1", "p1"]),
        ("p1", 0, {"step": "b", "lane": "l1"}, ["p1", "d2"]),
        ("pp", 0, {}, ["pp", "persona-1"]), ("persona-1", 5, {}, ["pp", "persona-1"]),
    ],
)
def test_move_and_its_inverse(doc, target, index, placement, expected) -> None:
    before, others = snap(doc), [e for c in COLLECTIONS for e in getattr(doc.journey, c) if e.id != target]
    inverse = doc.move(target, index, **placement)
    assert placed(doc, doc.get(target)) == expected
    # A gap was free: only the moved element changed (a small diff).
    assert [e for c in COLLECTIONS for e in getattr(doc.journey, c) if e.id != target] == others
    doc.apply(inverse)
    assert snap(doc) == before


def test_move_to_the_same_place_changes_nothing(doc, changes) -> None:
    before = snap(doc)
    assert is_empty(doc.move("a", 0))
    assert snap(doc) == before and changes == []


BAD_FIELDS = [  # (element, changes) that update() must refuse
    ("a", {"emotions": [{"persona": "persona-1", "value": 3}]}), ("a", {"emotions": [{"persona": "persona-1", "value": "1"}]}),
    ("a", {"emotions": [{"persona": "persona-1", "value": True}]}), ("a", {"emotions": feelings(1, persona="nobody")}),
    ("a", {"emotions": feelings(1) + feelings(2)}), ("a", {"emotions": [{"persona": "persona-1", "scenario": "later", "value": 1}]}),
    ("a", {"emotions": feelings(1, persona="s1")}), ("p1", {"personas": ["nobody"]}), ("p1", {"personas": ["pp", "pp"]}),
    ("pp", {"shape": "octagon"}), ("pp", {"line": "thin"}), ("pp", {"colour": "red"}), ("a", {"title": "x" * 501}),
    ("a", {"stage": "missing"}), ("a", {"id": "b"}), ("s1", {"order": -1}), ("l1", {"kind": "bogus"}),
    ("d1", {"nature": "human"}), ("h1", {"nature": "digital"}), ("h1", {"kind": "action"}),  # handoff ends
    ("p1", {"nature": "digital"}), ("p1", {"channel": "phone"}), ("d1", {"step": "missing"}), ("d1", {"lane": "a"}),
    ("ho1", {"return_step": "s1"}), ("ho1", {"source": "p1"}), ("k1", {"target": "s1"}), ("nothing", {"title": "x"}),
]
BAD_JOURNEY = [{"sector": "space"}, {"language": "de"}, {"title": 5}, {"stages": []}, {"bogus": 1},
               {"persona": {"name": 3}}, {"personas": []}]
REFUSED = {
    "duplicate id": lambda d: d.apply(Insert("steps", Step(id="b", title="Again", stage="s1"))),
    "id of another kind": lambda d: d.apply(Insert("steps", Step(id="s1", title="Id of a stage", stage="s1"))),
    "wrong collection": lambda d: d.apply(Insert("cards", NEW["step"])),
    "step in missing stage": lambda d: d.apply(Insert("steps", Step(id="y", title="Nowhere", stage="s7"))),
    "link to a lane": lambda d: d.apply(Insert("links", Link(id="y", source="a", target="l1"))),
    "card in missing lane": lambda d: d.add(Card(id="y", step="a", lane="l7", kind="note"), 0),
    "touchpoint without nature": lambda d: d.add(Card(id="y", step="a", lane="l1", kind="touchpoint"), 0),
    "handoff from human": lambda d: d.add(Handoff(id="y", source="h1", target="h2")),
    "handoff to a pain point": lambda d: d.add(Handoff(id="y", source="d1", target="p1"), 0),
    "delete with dependents": lambda d: d.apply(Delete("a")),
    "delete missing": lambda d: d.apply(Delete("nothing")),
    "remove missing": lambda d: d.remove("nothing"),
    "move to missing stage": lambda d: d.move("a", 0, stage="missing"),
    "move card to missing step": lambda d: d.move("d1", 0, step="missing"),
    "move card to a stage": lambda d: d.move("d1", 0, lane="s1"),
    "move a link": lambda d: d.move("k1", 0),
    "move a handoff": lambda d: d.move("ho1", 0),
    "move missing": lambda d: d.move("nothing", 0),
    **{f"update {t} {f}"[:60]: (lambda d, t=t, f=f: d.update(t, **f)) for t, f in BAD_FIELDS},
    **{f"update journey {f}": (lambda d, f=f: d.update_journey(**f)) for f in BAD_JOURNEY},
}


@pytest.mark.parametrize("attempt", REFUSED.values(), ids=REFUSED.keys())
def test_refused_edits_raise_and_leave_the_document_unchanged(doc, changes, attempt) -> None:
    before = snap(doc)
    with pytest.raises(EditError):
        attempt(doc)
    assert snap(doc) == before and changes == []


def test_group_collects_several_edits_into_one_inverse(doc) -> None:
    before = snap(doc)
    with doc.group("gesture") as result:
        doc.add(NEW["step"], 0)
        doc.update("a", emotions=with_feeling(doc.get("a"), "persona-1", value=2))
        doc.remove("c")
        doc.move("h1", 0)
        doc.update_journey(title="Changed")
    after = snap(doc)
    assert len(result) == 1 and isinstance(result[0], Batch) and result[0].label == "gesture"
    redo = doc.apply(result[0])
    assert snap(doc) == before
    doc.apply(redo)
    assert snap(doc) == after


@pytest.mark.parametrize("error", [RuntimeError("boom"), EditError("refused")])
def test_an_exception_inside_a_group_rolls_everything_back(doc, error) -> None:
    before = snap(doc)
    with pytest.raises(type(error)):
        with doc.group():
            doc.add(NEW["step"], 0)
            with doc.group():
                doc.remove("a")
            doc.update_journey(title="Changed")
            raise error
    assert snap(doc) == before
    doc.add(NEW["lane"])  # the document still works and is no longer grouping
    assert "l9" in doc


def test_a_failed_batch_inside_a_group_leaves_only_the_good_edits(doc) -> None:
    before = snap(doc)
    with doc.group() as result:
        doc.update("a", title="Kept")
        with pytest.raises(EditError):
            doc.apply(Batch((Delete("k1"), Delete("b"))))  # b still has cards
    assert doc.get("a").title == "Kept" and "k1" in doc
    doc.apply(result[0])
    assert snap(doc) == before


def test_a_failed_batch_rolls_back_before_anyone_hears_of_it(doc, changes) -> None:
    before = snap(doc)
    bad = doc.get("d1").model_copy(update={"nature": "human"})
    with pytest.raises(EditError):
        doc.apply(Batch((Insert("steps", NEW["step"]), Delete("k1"), Replace(bad))))
    assert snap(doc) == before
    assert changes == []  # listeners never saw the half-done batch


def test_each_change_names_action_collection_and_id(doc, changes) -> None:
    doc.add(NEW["step"])
    added = doc.get("x")
    doc.update("x", title="Paid")
    doc.update_journey(notes="n")
    doc.remove("x")
    assert changes == [
        Change("added", "steps", "x", added, index=3),
        Change("updated", "steps", "x", doc.build(added, title="Paid"), added, index=3),
        Change("journey"),
        Change("removed", "steps", "x", doc.build(added, title="Paid"), index=3),
    ]


def test_a_listener_can_mirror_the_document_from_events_alone(doc) -> None:
    mirror = {c: list(getattr(doc.journey, c)) for c in COLLECTIONS}

    def follow(change: Change) -> None:
        if change.action == "journey":
            return
        items = mirror[change.collection]
        if change.action == "added":
            items.insert(change.index, change.element)
        elif change.action == "removed":
            assert items.pop(change.index).id == change.id
        else:
            assert items[change.index] == change.old
            items[change.index] = change.element

    doc.changed.connect(follow)
    undo = doc.remove("a")
    doc.add(NEW["card"].model_copy(update={"step": "b"}), 0)
    doc.update("b", order=11)
    doc.move("c", 1, stage="s1")
    doc.apply(undo)
    with pytest.raises(EditError):
        doc.apply(Batch((Delete("k2"), Delete("s1"))))
    with pytest.raises(RuntimeError), doc.group():
        doc.remove("l1")
        raise RuntimeError
    doc.add(NEW["link"], 1)
    assert mirror == {c: getattr(doc.journey, c) for c in COLLECTIONS}


def test_disconnected_listeners_hear_nothing(doc) -> None:
    heard: list[Change] = []
    doc.changed.connect(heard.append)
    doc.changed.connect(heard.append)  # connecting twice still calls once
    assert len(doc.changed) == 1
    doc.update("a", title="One")
    doc.changed.disconnect(heard.append)
    doc.update("a", title="Two")
    doc.changed.disconnect(heard.append)  # harmless when already gone
    assert [c.element.title for c in heard] == ["One"] and len(doc.changed) == 0


def test_the_document_does_not_mutate_the_journey_it_is_given() -> None:
    journey = sample()
    before, steps = dumps(journey), journey.steps
    doc = JourneyDocument(journey)
    doc.remove("a")
    doc.add(NEW["stage"], 0)
    doc.update_journey(title="Changed")
    assert dumps(journey) == before and journey.steps is steps and len(steps) == 3


@pytest.mark.parametrize(
    ("collection", "element"),
    [
        ("steps", Step(id="y", title="A", stage="nowhere")), ("lanes", Lane(id="s1", kind="custom", title="Same id")),
        ("handoffs", Handoff(id="y", source="h1", target="h2")), ("links", Link(id="y", source="a", target="ho1")),
        ("cards", Card(id="y", step="a", lane="l1", kind="touchpoint")),
    ],
)
def test_a_journey_with_problems_is_refused(collection, element) -> None:
    journey = sample()
    bad = journey.model_copy(update={collection: [*getattr(journey, collection), element]})
    with pytest.raises(EditError):
        JourneyDocument(bad)
    JourneyDocument(journey)  # the same journey without the bad element is fine


def test_a_new_document_is_an_empty_untitled_journey() -> None:
    doc = JourneyDocument()
    assert doc.journey.title == "Untitled journey"
    assert all(getattr(doc.journey, c) == [] for c in COLLECTIONS if c != "personas")
    assert doc.journey.personas == [Persona(id=FIRST_PERSONA)]


@pytest.mark.parametrize("collection", COLLECTIONS)
def test_new_ids_are_unique_and_valid(doc, collection) -> None:
    made = {doc.new_id(collection) for _ in range(2000)}
    assert len(made) == 2000 and not made & all_ids(doc)
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{1,64}", i) and i.startswith(ids.PREFIXES[collection]) for i in made)


def test_new_id_skips_taken_ids(monkeypatch) -> None:
    letters = iter("a" * 8 + "b" * 8)
    monkeypatch.setattr(ids.secrets, "choice", lambda alphabet: next(letters))
    assert new_id("steps", {"step-aaaaaaaa"}) == "step-bbbbbbbb"


def test_elements_moved_together_land_side_by_side_in_their_order_in_one_undo_step() -> None:
    """Several steps dragged at once: only one of them moved, not always the one grabbed (exploratory test)."""
    from workbench.model.journey import Stage, Step

    journey = Journey(
        title="Order",
        stages=[Stage(id="a", title="A", order=10), Stage(id="b", title="B", order=20)],
        steps=[Step(id=f"s{n}", title=f"S{n}", stage="a" if n < 5 else "b", order=n * 10) for n in range(1, 9)],
    )
    doc = JourneyDocument(journey)
    undo = doc.move_together(["s2", "s4", "s6"], "s7", stage="b")
    assert [s.id for s in doc.index.steps_of("a")] == ["s1", "s3"]
    assert [s.id for s in doc.index.steps_of("b")] == ["s5", "s7", "s2", "s4", "s6", "s8"]
    doc.apply(undo)  # (the inverse edit: one for the three)
    assert [s.id for s in doc.steps()] == [f"s{n}" for n in range(1, 9)]
    doc.move_together(["s3", "s1"], None, stage="a")  # first of their stage, in the order given
    assert [s.id for s in doc.index.steps_of("a")] == ["s3", "s1", "s2", "s4"]
    doc.move_together(["a"], "b")  # stages too (no parent)
    assert [s.id for s in doc.index.stages()] == ["b", "a"]
