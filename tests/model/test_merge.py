"""The three-way merge library: hand-made trios for each rule, random edits for "the result always loads"."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.strategies import journeys, texts
from workbench.model.document import JourneyDocument
from workbench.model.errors import EditError
from workbench.model.fileformat import dumps, load, loads
from workbench.model.interop.merge import merge_journeys
from workbench.model.feelings import feelings, with_feeling
from workbench.model.journey import COLLECTIONS, SCENARIOS, Card, Conflict, Handoff, Journey, Lane, Link, Persona, Stage, Step
from workbench.model.validation import check_journey

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "banking-savings.journey"


def small() -> Journey:
    """One stage, two steps, two lanes, a digital and a human touchpoint with a handoff between them."""
    return Journey(
        title="Base",
        stages=[Stage(id="s1", title="Stage", order=10)],
        steps=[Step(id="p1", title="One", stage="s1", order=10), Step(id="p2", title="Two", stage="s1", order=20)],
        lanes=[
            Lane(id="l1", kind="touchpoints", title="Touchpoints", order=10),
            Lane(id="l2", kind="custom", title="Notes", order=20),
        ],
        cards=[
            Card(id="c1", step="p1", lane="l1", kind="touchpoint", nature="digital", order=10),
            Card(id="c2", step="p2", lane="l1", kind="touchpoint", nature="human", order=10),
        ],
        handoffs=[Handoff(id="h1", source="c1", target="c2")],
    )


def edited(journey: Journey, edit) -> Journey:  # type: ignore[no-untyped-def]
    document = JourneyDocument(journey)
    edit(document)
    return document.journey


def loads_back(journey: Journey) -> Journey:
    assert check_journey(journey) == []
    return loads(dumps(journey)).journey


def by_id(journey: Journey, collection: str) -> dict[str, object]:
    return {e.id: e for e in getattr(journey, collection)}


def test_additions_on_both_sides_in_the_same_cell_merge_without_conflict() -> None:
    base = small()
    ours = edited(base, lambda d: d.add(Card(id="n-ours", step="p1", lane="l2", kind="note", text="ours")))
    theirs = edited(base, lambda d: d.add(Card(id="n-theirs", step="p1", lane="l2", kind="note", text="theirs")))
    result = merge_journeys(base, ours, theirs)
    assert result.clean
    cell = sorted((c for c in loads_back(result.journey).cards if c.lane == "l2"), key=lambda c: c.order)
    assert [c.id for c in cell] == ["n-ours", "n-theirs"]
    assert cell[0].order < cell[1].order


def test_theirs_addition_keeps_its_place_among_steps_ours_renumbered() -> None:
    base = small().model_copy(update={"steps": [
        Step(id="p1", title="One", stage="s1", order=10), Step(id="p2", title="Two", stage="s1", order=11)
    ]})
    ours = edited(base, lambda d: d.add(Step(id="x", title="Ours between", stage="s1"), index=1))  # renumbers
    theirs = edited(base, lambda d: d.add(Step(id="y", title="Theirs last", stage="s1")))
    merged = loads_back(merge_journeys(base, ours, theirs).journey)
    order = [s.id for s in sorted(merged.steps, key=lambda s: s.order)]
    assert order == ["p1", "x", "p2", "y"]
    # ours' numbers stay as they were: the merge adds one line, not a renumbering
    assert {s.id: s.order for s in merged.steps if s.id != "y"} == {s.id: s.order for s in ours.steps}


def test_insertions_in_the_middle_keep_their_place_ours_first() -> None:
    base = small()
    ours = edited(base, lambda d: (d.add(Step(id="x", title="Ours", stage="s1"), index=1), d.add(Step(id="e", title="End", stage="s1"))))
    theirs = edited(base, lambda d: d.add(Step(id="y", title="Theirs", stage="s1"), index=1))
    assert by_id(ours, "steps")["x"].order == by_id(theirs, "steps")["y"].order  # type: ignore[attr-defined]
    merged = loads_back(merge_journeys(base, ours, theirs).journey)
    assert [s.id for s in sorted(merged.steps, key=lambda s: s.order)] == ["p1", "x", "y", "p2", "e"]
    assert len({s.order for s in merged.steps}) == 5


def test_several_additions_of_each_side_at_one_spot_keep_each_side_s_order() -> None:
    base = small()

    def two(first: str, second: str):  # type: ignore[no-untyped-def]
        return lambda d: (d.add(Step(id=first, title=first, stage="s1"), index=1), d.add(Step(id=second, title=second, stage="s1"), index=2))

    merged = merge_journeys(base, edited(base, two("o1", "o2")), edited(base, two("t1", "t2"))).journey
    assert places(loads_back(merged))[2] == ["p1", "o1", "o2", "t1", "t2", "p2"]


def test_identical_additions_count_once_and_different_ones_clash_field_by_field() -> None:
    base = small()
    same = Step(id="z", title="Same", stage="s1", order=30)
    assert merge_journeys(base, edited(base, lambda d: d.add(same)), edited(base, lambda d: d.add(same))).clean
    ours = edited(base, lambda d: d.add(Step(id="z", title="Ours", stage="s1", emotions=feelings(1))))
    theirs = edited(base, lambda d: d.add(Step(id="z", title="Theirs", stage="s1", emotions=feelings(1))))
    result = merge_journeys(base, ours, theirs)
    [conflict] = result.new_conflicts
    assert (conflict.element, conflict.field, conflict.base, conflict.ours, conflict.theirs) == ("z", "title", None, "Ours", "Theirs")
    assert [s.title for s in loads_back(result.journey).steps].count("Ours") == 1


def test_removed_on_one_side_and_unchanged_on_the_other_is_removed() -> None:
    base = small()
    theirs = edited(base, lambda d: d.remove("p2"))  # takes c2 and the handoff with it
    result = merge_journeys(base, base, theirs)
    assert result.clean
    merged = loads_back(result.journey)
    assert "p2" not in by_id(merged, "steps") and not merged.handoffs


def test_each_side_removing_a_different_persona_keeps_ours_with_a_conflict() -> None:
    """A journey has at least one persona: the merge of two sides that each kept one other persona had none and
    raised a validation error (found by the random-edits property test)."""
    base = small().model_copy(update={"personas": [Persona(id="ana", name="Ana"), Persona(id="ben", name="Ben", order=1)]})
    ours = edited(base, lambda d: d.remove("ana"))
    theirs = edited(base, lambda d: d.remove("ben"))
    result = merge_journeys(base, ours, theirs)
    merged = loads_back(result.journey)
    assert [p.id for p in merged.personas] == ["ben"]  # ours' persona, back
    assert [c.element for c in result.new_conflicts] == ["ben"]  # and the removal theirs made is recorded


def test_removed_on_one_side_and_changed_on_the_other_is_kept_with_a_conflict() -> None:
    base = small()
    ours = edited(base, lambda d: d.remove("p2"))
    theirs = edited(base, lambda d: d.update("p2", title="Improved"))
    result = merge_journeys(base, ours, theirs)
    merged = loads_back(result.journey)
    assert by_id(merged, "steps")["p2"].title == "Improved"  # type: ignore[attr-defined]
    [conflict] = result.new_conflicts
    assert (conflict.collection, conflict.element, conflict.field) == ("steps", "p2", "")
    assert conflict.ours is None and conflict.theirs["title"] == "Improved"  # type: ignore[index]


def test_a_card_added_to_a_step_the_other_side_removed_keeps_the_step() -> None:
    base = small()
    ours = edited(base, lambda d: d.add(Card(id="new", step="p1", lane="l2", kind="note", text="keep me")))
    theirs = edited(base, lambda d: (d.remove("p1"), d.update("p2", title="Theirs")))
    result = merge_journeys(base, ours, theirs)
    merged = loads_back(result.journey)
    assert "new" in by_id(merged, "cards") and "p1" in by_id(merged, "steps")
    assert by_id(merged, "steps")["p2"].title == "Theirs"  # type: ignore[attr-defined]
    [conflict] = result.new_conflicts
    assert (conflict.element, conflict.field, conflict.theirs) == ("p1", "", None)
    # The step kept keeps what was its own, which the removal took with it: its card and that card's handoff
    assert "c1" in by_id(merged, "cards") and "h1" in by_id(merged, "handoffs")


def test_several_cards_added_to_a_step_the_other_side_removed_are_all_kept() -> None:
    base = small()
    ours = edited(base, lambda d: d.remove("p2"))

    def three_notes(d: JourneyDocument) -> None:
        for name in ("n1", "n2", "n3"):
            d.add(Card(id=name, step="p2", lane="l2", kind="note", text=name))

    result = merge_journeys(base, ours, edited(base, three_notes))
    merged = loads_back(result.journey)
    assert {"n1", "n2", "n3"} <= set(by_id(merged, "cards")) and "p2" in by_id(merged, "steps")
    assert [(c.element, c.field, c.ours) for c in result.new_conflicts] == [("p2", "", None)]


def test_a_handoff_added_from_a_card_the_other_side_made_human_still_loads() -> None:
    base = small().model_copy(update={"handoffs": []})
    ours = edited(base, lambda d: d.add(Handoff(id="h2", source="c1", target="c2")))
    theirs = edited(base, lambda d: d.update("c1", nature="human"))
    result = merge_journeys(base, ours, theirs)
    merged = loads_back(result.journey)
    assert by_id(merged, "cards")["c1"].nature == "digital"  # type: ignore[attr-defined]
    assert any((c.element, c.field, c.theirs) == ("c1", "nature", "human") for c in result.new_conflicts)


def test_a_channel_set_on_a_card_the_other_side_made_a_note_is_recorded_not_written() -> None:
    base = small().model_copy(update={"handoffs": []})
    ours = edited(base, lambda d: d.update("c1", kind="note", nature=None, channel=None))
    theirs = edited(base, lambda d: d.update("c1", channel="web"))
    result = merge_journeys(base, ours, theirs)
    card = by_id(loads_back(result.journey), "cards")["c1"]
    assert (card.kind, card.channel) == ("note", None)  # type: ignore[attr-defined]
    assert [(c.element, c.field, c.theirs) for c in result.new_conflicts] == [("c1", "channel", "web")]


def test_an_id_both_sides_gave_to_different_kinds_of_element_never_breaks_the_file() -> None:
    base = small()
    for ours_added, theirs_added in (
        (Step(id="dup", title="x", stage="s1"), Lane(id="dup", kind="custom", title="y")),
        (Lane(id="dup", kind="custom", title="y"), Step(id="dup", title="x", stage="s1")),
    ):
        ours = edited(base, lambda d: d.add(ours_added))
        theirs = edited(base, lambda d: d.add(theirs_added))
        result = merge_journeys(base, ours, theirs)
        merged = loads_back(result.journey)
        assert {type(e) for c in COLLECTIONS for e in getattr(merged, c) if e.id == "dup"} == {type(ours_added)}
        assert any(c.element == "dup" and c.ours is None and c.theirs["title"] == theirs_added.title for c in result.new_conflicts)  # type: ignore[index]


def test_journey_fields_merge_field_by_field_persona_included() -> None:
    base = small()
    lead = base.personas[0].id

    def ours_edit(d: JourneyDocument) -> None:
        d.update_journey(title="Ours")
        d.update(lead, name="Camille", goals=["save"])

    def theirs_edit(d: JourneyDocument) -> None:
        d.update_journey(title="Theirs", scenario="A scenario")
        d.update(lead, name="Camille")

    ours = edited(base, ours_edit)
    theirs = edited(base, theirs_edit)
    result = merge_journeys(base, ours, theirs)
    merged = loads_back(result.journey)
    persona = merged.personas[0]
    assert (merged.title, merged.scenario, persona.name, persona.goals) == ("Ours", "A scenario", "Camille", ["save"])
    [conflict] = result.new_conflicts
    assert (conflict.collection, conflict.element, conflict.field) == ("journey", None, "title")
    assert (conflict.base, conflict.ours, conflict.theirs) == ("Base", "Ours", "Theirs")


def test_existing_conflicts_are_kept_and_new_ids_do_not_clash() -> None:
    old = Conflict(id="conflict-1", collection="steps", element="p1", field="title", ours="a", theirs="b")
    base = small()
    ours = base.model_copy(update={"conflicts": [old], "title": "Ours"})
    theirs = base.model_copy(update={"title": "Theirs", "lanes": [*base.lanes, Lane(id="conflict-2", kind="custom", title="x")]})
    result = merge_journeys(base, ours, theirs)
    merged = loads_back(result.journey)
    assert [c.id for c in merged.conflicts] == ["conflict-1", "conflict-3"]
    assert merged.conflicts[0] == old


def test_conflicts_two_earlier_merges_both_numbered_1_are_both_kept() -> None:
    base = small()
    ours = base.model_copy(update={"conflicts": [Conflict(id="conflict-1", collection="journey", field="title", ours="a", theirs="b")]})
    theirs = base.model_copy(update={"conflicts": [Conflict(id="conflict-1", collection="journey", field="notes", ours="c", theirs="d")]})
    merged = loads_back(merge_journeys(base, ours, theirs).journey)
    assert [(c.id, c.field) for c in merged.conflicts] == [("conflict-1", "title"), ("conflict-2", "notes")]


def test_a_conflict_resolved_on_one_side_stays_resolved() -> None:
    old = Conflict(id="conflict-1", collection="journey", field="title", ours="a", theirs="b")
    base = small().model_copy(update={"conflicts": [old]})
    ours = base.model_copy(update={"conflicts": []})
    theirs = base.model_copy(update={"notes": "more notes"})
    assert merge_journeys(base, ours, theirs).journey.conflicts == []


def test_the_example_merged_with_itself_is_unchanged() -> None:
    journey = load(EXAMPLE)
    result = merge_journeys(journey, journey, journey)
    assert result.clean and dumps(result.journey) == dumps(journey)


# ------------------------------------------------------------------ random edits

EDITS = (
    "title", "remove", "add_step", "add_card", "nature", "kind", "move", "handoff", "link", "journey", "emotion",
    "add_persona", "tag",
)


def random_edits(data: st.DataObject, journey: Journey) -> Journey:
    """A side's journey: a few edits drawn at random, made through the document (refused ones skipped)."""
    document = JourneyDocument(journey)
    for _ in range(data.draw(st.integers(0, 6))):
        edit = data.draw(st.sampled_from(EDITS))
        j = document.journey
        pick = lambda items: data.draw(st.sampled_from(items))  # noqa: E731
        try:
            if edit == "title" and (j.steps or j.stages):
                document.update(pick([*j.steps, *j.stages]).id, title=data.draw(texts))
            elif edit == "remove" and (ids := [e.id for c in COLLECTIONS for e in getattr(j, c)]):
                document.remove(pick(ids))
            elif edit == "add_step" and j.stages:
                step = Step(id=document.new_id("steps"), title="new", stage=pick(j.stages).id)
                document.add(step, index=data.draw(st.integers(0, 5)))
            elif edit == "add_card" and j.steps and j.lanes:
                nature = pick(["digital", "human"])
                card = Card(id=document.new_id("cards"), step=pick(j.steps).id, lane=pick(j.lanes).id, kind="touchpoint", nature=nature)
                document.add(card, index=data.draw(st.integers(0, 3)))
            elif edit == "nature" and (touch := [c for c in j.cards if c.kind == "touchpoint"]):
                document.update(pick(touch).id, nature=pick(["digital", "human", "physical"]))
            elif edit == "kind" and j.cards:
                document.update(pick(j.cards).id, kind="note", nature=None, channel=None)
            elif edit == "move" and j.steps and j.stages:
                document.move(pick(j.steps).id, data.draw(st.integers(0, 5)), stage=pick(j.stages).id)
            elif edit == "handoff" and j.cards:
                document.add(Handoff(id=document.new_id("handoffs"), source=pick(j.cards).id, target=pick(j.cards).id))
            elif edit == "link" and j.steps:
                document.add(Link(id=document.new_id("links"), source=pick(j.steps).id, target=pick(j.steps).id))
            elif edit == "journey":
                document.update_journey(title=data.draw(texts))
            elif edit == "emotion" and j.steps:
                step = pick(j.steps)
                persona, scenario = pick(j.personas).id, pick(list(SCENARIOS))
                value = data.draw(st.none() | st.integers(-2, 2))
                document.update(step.id, emotions=with_feeling(step, persona, scenario, value=value))
            elif edit == "add_persona":
                document.add(Persona(id=document.new_id("personas"), name=data.draw(texts)))
            elif edit == "tag" and j.cards:
                card = pick(j.cards)
                document.update(card.id, personas=[pick(j.personas).id])
        except EditError:
            pass
    return document.journey


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journeys(min_stages=1), st.data())
def test_any_merge_of_random_edits_loads(base: Journey, data: st.DataObject) -> None:
    ours, theirs = random_edits(data, base), random_edits(data, base)
    result = merge_journeys(base, ours, theirs)
    merged = loads_back(result.journey)
    assert len({c.id for c in merged.conflicts}) == len(merged.conflicts)
    # nothing either side added is lost without a conflict saying so
    recorded = {c.element for c in result.new_conflicts}
    for side in (ours, theirs):
        for collection in COLLECTIONS:
            for element in getattr(side, collection):
                if element.id not in by_id(base, collection):
                    assert element.id in by_id(merged, collection) or element.id in recorded


@settings(max_examples=75, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(journeys(min_stages=1), st.data())
def test_a_side_that_changed_nothing_gives_the_other_side(base: Journey, data: st.DataObject) -> None:
    edited_side = random_edits(data, base)
    result = merge_journeys(base, edited_side, base)
    assert result.clean and result.journey == edited_side
    result = merge_journeys(base, base, edited_side)
    assert result.clean
    for collection in COLLECTIONS:
        strip = lambda j: {e.id: e.model_copy(update={"order": 0}) for e in getattr(j, collection)}  # noqa: E731
        assert strip(result.journey) == strip(edited_side)
    assert places(result.journey) == places(edited_side)


def places(journey: Journey) -> tuple[list[str], ...]:
    """Every element's place as the editor shows it: stages, lanes, steps in time order, cards cell by cell."""
    document = JourneyDocument(journey)
    cells = [c.id for s in document.steps() for lane in document.lanes() for c in document.cards_at(s.id, lane.id)]
    return [s.id for s in document.stages()], [lane.id for lane in document.lanes()], [s.id for s in document.steps()], cells
