"""Synthetic journeys of a given size for the benchmarks.

Realistic shape: five steps a stage, the seven standard lanes with five of
them filled (one card per step each), a handoff every tenth step, and a
branch with a loop every twentieth.
"""

from __future__ import annotations

import random

from workbench.model.feelings import feelings
from workbench.model.journey import FIRST_PERSONA, Card, Feeling, Handoff, Journey, Link, Persona, Stage, Step
from workbench.model.ordering import renumbered
from workbench.model.templates import standard_lanes

FILLED = ("actions", "touchpoints", "thoughts", "pain_points", "opportunities")
CARD_KIND = {
    "actions": "action",
    "touchpoints": "touchpoint",
    "thoughts": "thought",
    "pain_points": "pain_point",
    "opportunities": "opportunity",
}


#: How many personas the generated journeys follow: 1 (one curve), or 2 with both "as is" and "to be"
#: (four curves); ``python -m benchmarks --personas 2`` sets it.
PERSONAS = 1


def _feelings(rng: random.Random, four: bool) -> list[Feeling]:
    first = feelings(rng.choice([-2, -1, 0, 1, 2, None]))
    if not four:
        return first
    return [*first, *(Feeling(persona=p, scenario=s, value=rng.choice([-2, -1, 0, 1, 2]))
                      for p, s in ((FIRST_PERSONA, "to_be"), ("persona-2", "as_is"), ("persona-2", "to_be")))]


def journey_of(steps: int, seed: int = 7, personas: int | None = None) -> Journey:
    rng = random.Random(seed)
    four = (personas or PERSONAS) > 1
    lanes = standard_lanes("en")
    lane_of = {lane.kind: lane for lane in lanes}
    stage_count = max(1, steps // 5)
    stages = [Stage(id=f"stage-{i}", title=f"Stage {i + 1}", order=o) for i, o in enumerate(renumbered(stage_count))]
    step_list: list[Step] = []
    cards: list[Card] = []
    handoffs: list[Handoff] = []
    links: list[Link] = []
    for i in range(steps):
        stage = stages[min(i // 5, stage_count - 1)]
        step = Step(
            id=f"step-{i}",
            title=f"Step {i + 1}: the customer does something worth a short sentence",
            stage=stage.id,
            order=10 * (i % 5 + 1),
            emotions=_feelings(rng, four),
            moment_of_truth=i % 17 == 0,
        )
        step_list.append(step)
        for kind in FILLED:
            card_kind = CARD_KIND[kind]
            touch = card_kind == "touchpoint"
            nature = ("human" if i % 10 == 5 else rng.choice(["digital", "physical"])) if touch else None
            cards.append(
                Card(
                    id=f"card-{i}-{kind}",
                    step=step.id,
                    lane=lane_of[kind].id,
                    kind=card_kind,  # type: ignore[arg-type]
                    text=f"{kind} card of step {i + 1}, long enough to wrap onto two lines",
                    channel=rng.choice(["Mobile app", "Web", "SMS"]) if nature == "digital" else ("Advisor" if nature == "human" else ("Branch" if touch else None)),
                    nature=nature,  # type: ignore[arg-type]
                )
            )
    by_id = {c.id: c for c in cards}
    for i in range(0, steps - 5, 10):
        source = by_id[f"card-{i}-touchpoints"]
        target = by_id[f"card-{i + 5}-touchpoints"]
        if source.nature == "digital" and target.nature == "human":
            handoffs.append(Handoff(id=f"handoff-{i}", source=source.id, target=target.id, trigger="stuck", return_step=f"step-{i + 6}"))
    for i in range(0, steps - 3, 20):
        links.append(Link(id=f"link-{i}-a", source=f"step-{i}", target=f"step-{i + 2}", label="shortcut"))
        links.append(Link(id=f"link-{i}-b", source=f"step-{i + 3}", target=f"step-{i + 1}", label="retry"))
    return Journey(
        title=f"Benchmark journey of {steps} steps",
        sector="banking",
        personas=[Persona(id=FIRST_PERSONA), Persona(id="persona-2", order=1, shape="square", line="bold",
                                                      colour="#c2410c")] if four else [Persona(id=FIRST_PERSONA)],
        stages=stages,
        steps=step_list,
        lanes=lanes,
        cards=cards,
        handoffs=handoffs,
        links=links,
    )
