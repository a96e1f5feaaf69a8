"""One-click fixes, without Qt: each fix makes its finding go away, and its inverse puts the journey back exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.model.helpers import spec as step_spec
from workbench.model.analysis import Finding, check
from workbench.model.document import JourneyDocument
from workbench.model.fileformat import load
from workbench.model.fixes import FIXABLE, Fix, fixes_for
from workbench.model.journey import Card, Handoff, Journey, Link, Stage, Step
from workbench.model.templates import standard_lanes

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").rglob("*.journey"))


def journey(
    steps: list[dict],
    touch: dict[str, list[str]],
    handoffs: list[tuple[str, str, bool, str | None]] = (),  # type: ignore[assignment]
    intents: bool = True,
    channels: dict[str, str] | None = None,
) -> Journey:
    """Steps s1..sN ("Step 1"...) in one stage; *touch* maps a step to the natures of its touchpoints."""
    stage = Stage(id="stage", title="Stage")
    step_list = [
        Step(id=f"s{i + 1}", stage="stage", order=10 * (i + 1), **{"title": f"Step {i + 1}", **step_spec(fields)})
        for i, fields in enumerate(steps)
    ]
    cards = []
    for step, natures in touch.items():
        for k, nature in enumerate(natures):
            channel = (channels or {}).get(step, nature)
            every = ["welcome", "guide", "assist", "anticipate"] if intents and not cards else []
            cards.append(
                Card(id=f"c-{step}-{k}", step=step, lane="lane-touchpoints", kind="touchpoint", nature=nature,
                     channel=channel, text=nature, intents=every)  # type: ignore[arg-type]
            )
    hs = [
        Handoff(id=f"h{i}", source=src, target=dst, trigger=f"trigger {i}", context_carried=carried, return_step=back)
        for i, (src, dst, carried, back) in enumerate(handoffs)
    ]
    return Journey(title="T", stages=[stage], steps=step_list, lanes=standard_lanes("en"), cards=cards, handoffs=hs)


def keys(j: Journey) -> set[tuple[str, tuple[str, ...]]]:
    return {(f.rule, f.elements) for f in check(j).findings}


def finding(doc: JourneyDocument, rule: str, elements: tuple[str, ...] | None = None) -> Finding:
    found = [f for f in check(doc.journey).findings if f.rule == rule and (elements is None or f.elements == elements)]
    assert found, f"no {rule} finding in {keys(doc.journey)}"
    return found[0]


def apply_and_undo(doc: JourneyDocument, target: Finding, fix: Fix) -> set[tuple[str, tuple[str, ...]]]:
    """Apply *fix*; check its finding is gone; undo and check the journey is back exactly. The findings after the fix."""
    before = doc.journey.model_dump()
    inverse = fix.apply(doc)
    after = keys(doc.journey)
    assert (target.rule, target.elements) not in after, f"{fix.label!r} left {target.rule} {target.elements}"
    fixed = doc.journey.model_dump()
    assert fixed != before
    redo = doc.apply(inverse)
    assert doc.journey.model_dump() == before
    undo = doc.apply(redo)  # and redo gives the fixed journey again
    assert doc.journey.model_dump() == fixed
    doc.apply(undo)
    assert doc.journey.model_dump() == before
    return after


# ------------------------------------------------------------ rule by rule


def test_no_person_within_reach_adds_a_person_with_a_handoff_that_carries_the_context() -> None:
    j = journey([{"emotion": -2, "title": "Pay online"}, {}, {}, {"end": True}],
                {"s1": ["digital"], "s2": ["digital"], "s3": ["digital"], "s4": ["digital"]})
    doc = JourneyDocument(j)
    target = finding(doc, "no-human-within-reach", ("s1",))
    before = keys(doc.journey)
    [fix] = fixes_for(target, doc)
    assert fix.label == "Add a person at 'Pay online'"
    after = apply_and_undo(doc, target, fix)
    assert after <= before - {(target.rule, target.elements)}  # and it raises no new finding
    fix.apply(doc)
    [advisor] = [c for c in doc.journey.cards if c.nature == "human"]
    assert (advisor.step, advisor.lane, advisor.kind) == ("s1", "lane-touchpoints", "touchpoint")
    [handoff] = doc.journey.handoffs
    assert (handoff.source, handoff.target) == ("c-s1-0", advisor.id)
    assert handoff.context_carried and handoff.return_step == "s2"  # back to the next step


def test_a_difficult_moment_with_no_touchpoint_gets_a_person_and_no_handoff() -> None:
    j = journey([{"emotion": -2, "title": "Waits for the refund"}, {}, {"end": True}], {"s2": ["digital"], "s3": ["digital"]})
    doc = JourneyDocument(j)
    target = finding(doc, "no-human-within-reach", ("s1",))
    [fix] = fixes_for(target, doc)
    assert fix.label == "Add a person at 'Waits for the refund'"
    apply_and_undo(doc, target, fix)
    fix.apply(doc)
    [advisor] = [c for c in doc.journey.cards if c.nature == "human"]
    assert (advisor.step, advisor.lane) == ("s1", "lane-touchpoints") and not doc.journey.handoffs


def test_a_person_added_at_the_last_step_hands_back_to_that_step() -> None:
    j = journey([{}, {"emotion": -2}], {"s1": ["digital"], "s2": ["digital"]})
    doc = JourneyDocument(j)
    target = finding(doc, "no-human-within-reach", ("s2",))
    [fix] = fixes_for(target, doc)
    fix.apply(doc)
    assert doc.journey.handoffs[0].return_step == "s2"
    assert "handoff-without-way-back" not in {rule for rule, _ in keys(doc.journey)}


def test_a_dead_end_is_marked_as_the_end() -> None:
    doc = JourneyDocument(journey([{}, {"title": "Gives up"}], {"s1": ["digital"], "s2": ["digital"]}))
    target = finding(doc, "dead-end", ("s2",))
    mark, link, goal = fixes_for(target, doc)
    assert mark.label == "Mark 'Gives up' as the end of the journey"
    apply_and_undo(doc, target, mark)
    assert goal.label == "Mark 'Gives up' as a goal reached"  # (the finding offers both; exploratory test)
    apply_and_undo(doc, target, goal)
    mark.apply(doc)
    assert doc.get("s2").end is True  # type: ignore[attr-defined]


def test_a_dead_end_is_linked_to_a_chosen_step_listed_by_title() -> None:
    doc = JourneyDocument(journey([{}, {}, {"title": "Gives up"}], {"s1": ["digital"], "s3": ["human"]}))
    target = finding(doc, "dead-end", ("s3",))
    link = fixes_for(target, doc)[1]
    assert link.label == "Link 'Gives up' to a step" and link.perform is None
    assert [c.text for c in link.choices] == ["Step 1", "Step 2"]  # every other step, in time order
    choice = link.choices[1]
    assert choice.label == "Link 'Gives up' to 'Step 2'"
    apply_and_undo(doc, target, choice)
    choice.apply(doc)
    [added] = doc.journey.links
    assert (added.source, added.target) == ("s3", "s2")


def test_steps_of_the_same_title_are_told_apart_by_their_stage() -> None:
    j = journey([{"title": "Pay"}, {"title": "Pay"}, {"title": "Stuck"}], {"s1": ["digital"]})
    j = j.model_copy(update={"stages": [*j.stages, Stage(id="later", title="Later", order=5)]})
    j = j.model_copy(update={"steps": [j.steps[0], *(s.model_copy(update={"stage": "later"}) for s in j.steps[1:])]})
    doc = JourneyDocument(j)
    target = finding(doc, "dead-end")
    texts = [c.text for c in fixes_for(target, doc)[1].choices]
    assert "Pay (Stage)" in texts and "Pay (Later)" in texts


def test_a_handoff_that_loses_the_context_is_marked_as_carrying_it() -> None:
    j = journey([{}, {}, {"end": True}], {"s1": ["digital"], "s2": ["human"], "s3": ["digital"]},
                handoffs=[("c-s1-0", "c-s2-0", False, "s3")])
    doc = JourneyDocument(j)
    target = finding(doc, "context-lost")
    assert target.elements[0] == "h0"
    [fix] = fixes_for(target, doc)
    assert fix.label == "Mark the context as carried at 'trigger 0'"
    apply_and_undo(doc, target, fix)


def test_a_channel_switch_where_data_is_typed_again_is_marked_as_carrying_it() -> None:
    j = journey([{}, {"data_reentered": True, "title": "Finish on the phone"}, {"end": True}],
                {"s1": ["digital"], "s2": ["digital"], "s3": ["digital"]},
                channels={"s1": "web", "s2": "mobile app", "s3": "mobile app"})
    doc = JourneyDocument(j)
    target = finding(doc, "context-lost", ("s1", "s2"))
    [fix] = fixes_for(target, doc)
    assert fix.label == "Mark the context as carried to 'Finish on the phone'"
    apply_and_undo(doc, target, fix)


def test_data_typed_again_on_the_same_channel_is_marked_as_carried_too() -> None:
    j = journey([{}, {"data_reentered": True, "title": "Fills in the form again"}, {"end": True}],
                {"s1": ["digital"], "s2": ["digital"], "s3": ["digital"]},
                channels={"s1": "web", "s2": "web", "s3": "web"})
    doc = JourneyDocument(j)
    target = finding(doc, "context-lost", ("s2",))
    [fix] = fixes_for(target, doc)
    assert fix.label == "Mark the context as carried to 'Fills in the form again'"
    apply_and_undo(doc, target, fix)


def test_a_handoff_without_a_way_back_returns_to_the_next_step() -> None:
    j = journey([{}, {}, {"title": "Back online"}, {"end": True}],
                {"s1": ["digital"], "s2": ["human"], "s3": ["digital"], "s4": ["digital"]},
                handoffs=[("c-s1-0", "c-s2-0", True, None)])
    doc = JourneyDocument(j)
    target = finding(doc, "handoff-without-way-back", ("h0",))
    [fix] = fixes_for(target, doc)
    assert fix.label == "Return to 'Back online' after 'trigger 0'"  # the step after the person's
    apply_and_undo(doc, target, fix)
    fix.apply(doc)
    assert doc.get("h0").return_step == "s3"  # type: ignore[attr-defined]


def test_a_forced_exit_is_marked_as_deliberate() -> None:
    j = journey([{}, {"title": "Queue at the counter"}, {"end": True}],
                {"s1": ["digital"], "s2": ["physical"], "s3": ["digital"]})
    doc = JourneyDocument(j)
    target = finding(doc, "forced-exit", ("s2",))
    [fix] = fixes_for(target, doc)
    assert fix.label == "Mark 'Queue at the counter' as a deliberate exit"
    apply_and_undo(doc, target, fix)


def test_an_unreachable_step_is_linked_from_the_nearest_earlier_step_the_customer_reaches() -> None:
    # s2 ends the journey, so s3 and s4 cannot be reached; s3 is no way into s4.
    j = journey([{}, {"end": True, "title": "Done"}, {}, {"title": "Forgotten"}],
                {"s1": ["digital"], "s2": ["digital"], "s3": ["digital"], "s4": ["digital"]})
    doc = JourneyDocument(j)
    target = finding(doc, "unreachable", ("s4",))
    [fix] = fixes_for(target, doc)
    assert fix.label == "Link 'Done' to 'Forgotten'"
    apply_and_undo(doc, target, fix)
    fix.apply(doc)
    assert [(link.source, link.target) for link in doc.journey.links] == [("s2", "s4")]


def test_missing_intents_select_the_touchpoints_to_mark_and_change_nothing() -> None:
    j = journey([{}, {"end": True}], {"s1": ["digital", "human"], "s2": ["digital"]}, intents=False)
    doc = JourneyDocument(j)
    target = finding(doc, "humanising-intents")
    [fix] = fixes_for(target, doc)
    assert fix.label == "Select the touchpoints to mark" and fix.perform is None
    assert fix.select == ("c-s1-0", "c-s1-1", "c-s2-0")
    with pytest.raises(ValueError):
        fix.apply(doc)
    marked = doc.get("c-s1-0")
    doc.update("c-s1-0", intents=["welcome"])
    target = finding(doc, "humanising-intents")
    assert fixes_for(target, doc)[0].select == ("c-s1-1", "c-s2-0")  # the touchpoints not marked yet
    assert marked.id == "c-s1-0"


def test_findings_without_a_mechanical_fix_offer_none() -> None:
    train = JourneyDocument(load(ROOT / "examples" / "counter-examples" / "train-delay-notifications.journey"))
    telecom = JourneyDocument(load(ROOT / "examples" / "counter-examples" / "telecom-contract-takeover.journey"))
    for doc, rule in ((train, "emotion-cliff"), (train, "lowest-point"), (telecom, "trap-loop")):
        assert fixes_for(finding(doc, rule), doc) == []


def test_a_stale_finding_offers_nothing() -> None:
    doc = JourneyDocument(journey([{}, {"title": "Gives up"}], {"s1": ["digital"], "s2": ["digital"]}))
    target = finding(doc, "dead-end", ("s2",))
    doc.remove("s2")
    assert fixes_for(target, doc) == []


def test_a_fix_refused_by_the_document_changes_nothing() -> None:
    from workbench.model.errors import EditError

    doc = JourneyDocument(journey([{}, {"title": "Gives up"}], {"s1": ["digital"], "s2": ["digital"]}))
    target = finding(doc, "dead-end", ("s2",))
    mark = fixes_for(target, doc)[0]
    before = doc.journey.model_dump()
    broken = Fix(mark.label, lambda d: (mark.perform(d), d.update("s2", emotions=[{"persona": "persona-1", "value": 9}])))  # type: ignore[misc]
    with pytest.raises(EditError):
        broken.apply(doc)
    assert doc.journey.model_dump() == before


# ------------------------------------------------------- on every example


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_every_edit_fix_of_every_example_removes_its_finding_and_undoes_exactly(path: Path) -> None:
    doc = JourneyDocument(load(path))
    offered = 0
    for target in check(doc.journey).findings:
        for fix in fixes_for(target, doc):
            chosen = fix.choices[-1] if fix.choices else fix
            if chosen.perform is None:
                assert chosen.select and all(e in doc for e in chosen.select)
                continue
            apply_and_undo(doc, target, chosen)
            offered += 1
    fixable = [f for f in check(doc.journey).findings if f.rule in FIXABLE]
    assert offered >= len(fixable)


def test_every_fixable_rule_is_covered_here() -> None:
    assert set(FIXABLE) == {
        "no-human-within-reach", "dead-end", "context-lost", "handoff-without-way-back", "forced-exit",
        "unreachable", "humanising-intents",
    }


def test_labels_quote_long_names_shortly() -> None:
    long = "A very long trigger that says everything that happened to the customer before the call"
    j = journey([{}, {}, {"end": True}], {"s1": ["digital"], "s2": ["human"], "s3": ["digital"]},
                handoffs=[("c-s1-0", "c-s2-0", False, "s3")])
    j = j.model_copy(update={"handoffs": [j.handoffs[0].model_copy(update={"trigger": long})]})
    doc = JourneyDocument(j)
    [fix] = fixes_for(finding(doc, "context-lost"), doc)
    assert len(fix.label) < 80 and fix.label.endswith("…'")


def test_links_added_by_fixes_are_plain_flow_links() -> None:
    doc = JourneyDocument(journey([{}, {"end": True}, {}], {"s1": ["digital"], "s2": ["digital"], "s3": ["digital"]}))
    [fix] = fixes_for(finding(doc, "unreachable", ("s3",)), doc)
    fix.apply(doc)
    [link] = doc.journey.links
    assert isinstance(link, Link) and link.label == ""


def test_long_names_in_fix_labels_are_cut_at_a_word() -> None:
    from workbench.model.fixes import NAME_LIMIT, _named

    assert _named("Finds three mobile lines she never ordered") == "Finds three mobile lines she never…"
    assert _named("Short title") == "Short title"
    long_word = "x" * 80
    assert _named(long_word) == "x" * (NAME_LIMIT - 1) + "…"  # no space to cut at: cut in the word
    assert len(_named("word " * 30)) <= NAME_LIMIT
