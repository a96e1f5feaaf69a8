"""A goal reached is a milestone; an end stops the flow (issue #14).

A goal says the customer may stop there, and the journey goes on to the next
step; an end says nothing follows it in sequence (alternatives are drawn with
flow links). Only an end cuts the flow, and a step with no way forward is a
dead end only when it is neither.
"""

from __future__ import annotations

from tests.model.test_analysis import journey, rules
from workbench.model.analysis import check
from workbench.model.journey import Journey, Stage, Step
from workbench.model.step_graph import StepGraph

GOAL = {"goal": True}
END = {"end": True}
HUMAN = {"s1": ["human"]}


def bookshop() -> Journey:
    """The issue's example: the customer may stop once the book is collected, or go on to the reading group."""
    stage = Stage(id="stage", title="Get the book")
    titles = ["Reserves the book", "Collects the book in the shop", "Joins the reading group", "Recommends the shop"]
    flags = [{}, GOAL, {}, GOAL]
    steps = [Step(id=f"s{i + 1}", title=t, stage="stage", order=i, **f) for i, (t, f) in enumerate(zip(titles, flags))]
    return Journey(title="Bookshop", stages=[stage], steps=steps)


def test_a_milestone_in_the_middle_no_longer_makes_later_steps_unreachable() -> None:
    found = rules(bookshop())
    assert "unreachable" not in found
    assert "dead-end" not in found
    assert StepGraph(bookshop()).successors["s2"] == {"s3": None}  # the flow goes on after the goal


def test_a_milestone_keeps_its_place_in_every_rule_of_the_flow() -> None:
    # The emotion falls from the goal to the next step: with the flow going on, that is a cliff.
    j = journey([{"emotion": 0}, {"emotion": 2, "goal": True}, {"emotion": 0}, GOAL], HUMAN)
    assert rules(j)["emotion-cliff"] == [("s2", "s3")]


def test_an_end_cuts_the_flow() -> None:
    j = journey([{}, END, {}, GOAL], HUMAN)
    assert rules(j)["unreachable"] == [("s3",), ("s4",)]
    assert StepGraph(j).successors["s2"] == {}


def test_an_end_closes_a_branch_whose_alternative_is_drawn_with_a_link() -> None:
    # s1 -> s2 (end) is one branch; s1 -> s3 -> s4 the other, reached by a link.
    j = journey([{}, {"emotion": 2, "end": True}, {"emotion": 0}, GOAL], HUMAN, links=[("s1", "s3")])
    found = rules(j)
    assert "unreachable" not in found and "dead-end" not in found
    assert "emotion-cliff" not in found  # nothing flows from the end to the next column
    assert StepGraph(j).successors["s2"] == {}


def test_an_end_with_a_link_onwards_still_flows_by_the_link() -> None:
    j = journey([{}, END, {}, {}, GOAL], HUMAN, links=[("s2", "s4")])
    assert rules(j)["unreachable"] == [("s3",)]
    assert StepGraph(j).successors["s2"] == {"s4": None}


def test_a_dead_end_is_a_step_with_no_way_forward_that_is_neither_goal_nor_end() -> None:
    assert rules(journey([{}, {}, {}], HUMAN))["dead-end"] == [("s3",)]
    assert "dead-end" not in rules(journey([{}, {}, GOAL], HUMAN))  # the customer may stop at a goal
    assert "dead-end" not in rules(journey([{}, {}, END], HUMAN))  # the journey stops at an end
    assert "dead-end" not in rules(journey([{}, {}, {"goal": True, "end": True}], HUMAN))
    # A goal in the middle has a way forward: the next step.
    assert "dead-end" not in rules(journey([{}, GOAL, GOAL], HUMAN))


def test_the_dead_end_message_names_both_ways_to_stop() -> None:
    finding = next(f for f in check(journey([{}, {}], HUMAN)).findings if f.rule == "dead-end")
    assert finding.message == (
        "'Step 2' leads nowhere and is marked neither as a goal nor as an end: the customer is left without a "
        "next step. Add the way forward, or mark it as a goal reached or as the end of the journey."
    )


def test_an_end_is_a_way_out_of_a_loop() -> None:
    digital = {s: ["digital"] for s in ("s1", "s2", "s3")}
    closed = journey([{}, {}, {}], digital, links=[("s3", "s2")])
    assert rules(closed)["trap-loop"] == [("s2", "s3")]
    for way_out in (END, GOAL):
        left = journey([{}, {}, way_out], digital, links=[("s3", "s2")])
        assert "trap-loop" not in rules(left), way_out
