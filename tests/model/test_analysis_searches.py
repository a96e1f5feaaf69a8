"""The health check's one-pass searches give what a search from each step gives.

The check answers "from every step" questions (is a person within reach, can
this loop be left, is this step between two digital ones, how far is the
nearest person) with one search from all the answers at once. Here each rule
is written the slow, obvious way, one search per step over a networkx graph,
and both must agree on journeys with branches, loops, self-loops, goals and
handoffs. The check also must not build a ``JourneyDocument`` to read, nor
import networkx when it is imported.
"""

from __future__ import annotations

import subprocess
import sys
from collections import deque
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from benchmarks.generate import journey_of
from tests.model.helpers import current
from workbench.model.analysis import check
from workbench.model.document import JourneyDocument
from workbench.model.fileformat import load
from workbench.model.feelings import level
from workbench.model.journey import SCENARIOS, Card, CheckSettings, Feeling, Handoff, Journey, Link, Persona, Stage, Step
from workbench.model.templates import standard_lanes
from workbench.model.validation import check_journey

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted((ROOT / "examples").rglob("*.journey")) + sorted((ROOT / "resources" / "templates").glob("*.journey"))
GRAPH_RULES = ("no-human-within-reach", "dead-end", "trap-loop", "forced-exit", "unreachable")


# ------------------------------------------------------------------ the slow, obvious way


def reference(journey: Journey) -> tuple[dict[str, list[tuple[str, ...]]], int | None]:
    """Elements flagged by each graph rule, and the longest wait for a person, one search per step."""
    settings = journey.checks or CheckSettings()
    steps = JourneyDocument(journey).steps()
    personas = journey.personas  # the health check reads each persona's "as is" emotion
    graph = nx.DiGraph()
    graph.add_nodes_from(s.id for s in steps)
    for before, after in zip(steps, steps[1:]):
        if not before.end:  # an end cuts the flow; a goal (a milestone) does not
            graph.add_edge(before.id, after.id)
    graph.add_edges_from((link.source, link.target) for link in journey.links)
    natures: dict[str, set[str]] = {s.id: set() for s in steps}
    pain = set()
    for card in journey.cards:
        if card.kind == "touchpoint" and card.nature:
            natures[card.step].add(card.nature)
        if card.kind == "pain_point":
            pain.add(card.step)
    step_of = {c.id: c.step for c in journey.cards}
    handoff_steps = {step_of[h.source] for h in journey.handoffs} | {step_of[h.target] for h in journey.handoffs}

    def human(step: str) -> bool:
        return "human" in natures[step] or step in handoff_steps

    out: dict[str, list[tuple[str, ...]]] = {rule: [] for rule in GRAPH_RULES}
    for step in steps:
        # A pain point or a moment of truth is difficult for anyone: one finding; otherwise one per persona feeling badly.
        feeling_badly = [p for p in personas if (v := level(step, p.id)) is not None and v < 0]
        at_risk = 1 if step.id in pain or step.moment_of_truth else len(feeling_badly)
        if at_risk and natures[step.id] <= {"digital"}:  # screens only, or nothing at all
            near = nx.single_source_shortest_path_length(graph, step.id, cutoff=settings.human_within)
            if not any(human(other) for other in near):
                out["no-human-within-reach"] += [(step.id,)] * at_risk
        if graph.out_degree(step.id) == 0 and not step.goal and not step.end:
            out["dead-end"].append((step.id,))
    exits = [s.id for s in steps if s.goal or s.end or human(s.id)]
    can_leave = set(exits).union(*(nx.ancestors(graph, e) for e in exits))
    for component in nx.strongly_connected_components(graph):
        looped = len(component) > 1 or any(graph.has_edge(n, n) for n in component)
        if looped and not component & can_leave:
            out["trap-loop"].append(tuple(s.id for s in steps if s.id in component))

    def digital(step: str) -> bool:
        return "digital" in natures[step]

    def reaches_digital(start: str, neighbours) -> bool:  # type: ignore[no-untyped-def]
        seen, queue = {start}, deque([start])
        while queue:
            for nxt in neighbours(queue.popleft()):
                if nxt in seen:
                    continue
                if digital(nxt):
                    return True
                seen.add(nxt)
                queue.append(nxt)
        return False

    for step in steps:
        if not natures[step.id] or digital(step.id) or step.deliberate_exit or step.id in handoff_steps:
            continue
        if reaches_digital(step.id, graph.predecessors) and reaches_digital(step.id, graph.successors):
            out["forced-exit"].append((step.id,))
    if steps:
        reached = nx.descendants(graph, steps[0].id) | {steps[0].id}
        out["unreachable"] = [(s.id,) for s in steps if s.id not in reached]
    waits = []
    for p in pain:
        lengths = nx.single_source_shortest_path_length(graph, p)
        near = [d for node, d in lengths.items() if human(node)]
        if near:
            waits.append(min(near))
    humans = [s.id for s in steps if human(s.id)]
    return out, (max(waits) if waits and humans else None)


def flagged(journey: Journey) -> tuple[dict[str, list[tuple[str, ...]]], int | None]:
    report = check(journey)
    out: dict[str, list[tuple[str, ...]]] = {rule: [] for rule in GRAPH_RULES}
    for finding in report.findings:
        if finding.rule in out:
            out[finding.rule].append(finding.elements)
    return out, report.metrics.longest_wait_for_a_human


def same(journey: Journey) -> None:
    (ours, wait), (theirs, their_wait) = flagged(journey), reference(journey)
    assert {rule: sorted(v) for rule, v in ours.items()} == {rule: sorted(v) for rule, v in theirs.items()}
    assert wait == their_wait


# ----------------------------------------------------------------------- journeys


PERSONAS = ("persona-1", "persona-2")


@st.composite
def tangled(draw: st.DrawFn) -> Journey:
    """Small journeys full of branches, loops, self-loops, ends, mixed touchpoints and handoffs."""
    lanes = standard_lanes("en")
    touch = next(lane for lane in lanes if lane.kind == "touchpoints")
    pains = next(lane for lane in lanes if lane.kind == "pain_points")
    stages = [Stage(id=f"st{i}", title=f"S{i}", order=draw(st.integers(0, 3))) for i in range(draw(st.integers(1, 3)))]
    steps = [
        Step(
            id=f"s{i}", title=f"Step {i}", stage=draw(st.sampled_from(stages)).id, order=draw(st.integers(0, 5)),
            emotions=[
                Feeling(persona=p, scenario=scenario, value=value)
                for p in PERSONAS for scenario in SCENARIOS
                if (value := draw(st.none() | st.integers(-2, 2))) is not None
            ],
            moment_of_truth=draw(st.booleans()),
            goal=draw(st.integers(0, 5)) == 0, end=draw(st.integers(0, 5)) == 0,
            deliberate_exit=draw(st.integers(0, 8)) == 0,
        )
        for i in range(draw(st.integers(1, 14)))
    ]
    cards = []
    for step in steps:
        for k, nature in enumerate(draw(st.lists(st.sampled_from(["digital", "digital", "human", "physical"]), max_size=2))):
            cards.append(Card(id=f"c{step.id}-{k}", step=step.id, lane=touch.id, kind="touchpoint", nature=nature, channel="x"))
        if draw(st.integers(0, 3)) == 0:
            cards.append(Card(id=f"p{step.id}", step=step.id, lane=pains.id, kind="pain_point"))
    digital = [c.id for c in cards if c.nature == "digital"]
    human = [c.id for c in cards if c.nature == "human"]
    handoffs = []
    if digital and human:
        for i in range(draw(st.integers(0, 2))):
            handoffs.append(Handoff(id=f"h{i}", source=draw(st.sampled_from(digital)), target=draw(st.sampled_from(human))))
    ids = [s.id for s in steps]
    pairs = draw(st.lists(st.tuples(st.sampled_from(ids), st.sampled_from(ids)), max_size=len(ids)))
    links = [Link(id=f"l{i}", source=a, target=b) for i, (a, b) in enumerate(pairs)]
    checks = CheckSettings(human_within=draw(st.integers(0, 4)))
    # Which persona leads (comes first by order) is drawn too: the check must read its curve, not another's.
    personas = [Persona(id=p, order=draw(st.integers(0, 2))) for p in PERSONAS]
    return Journey(title="T", personas=personas, stages=stages, steps=steps, lanes=lanes, cards=cards, handoffs=handoffs, links=links, checks=checks)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(tangled())
def test_one_pass_searches_agree_with_a_search_per_step(journey: Journey) -> None:
    assume(not check_journey(journey))
    same(journey)


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_journeys_agree_with_a_search_per_step(path: Path) -> None:
    same(load(path))


@pytest.mark.parametrize("size", [10, 100, 400])
def test_large_journeys_agree_with_a_search_per_step(size: int) -> None:
    same(current(journey_of(size)))


def test_a_document_index_gives_the_same_report() -> None:
    journey = load(ROOT / "examples" / "counter-examples" / "telecom-contract-takeover.journey")
    assert check(journey, index=JourneyDocument(journey).index) == check(journey)


def test_the_check_does_not_build_a_document(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the check built a JourneyDocument just to read")

    monkeypatch.setattr(JourneyDocument, "__init__", refuse)
    report = check(current(journey_of(50)))
    assert report.findings


def test_importing_the_check_does_not_import_networkx() -> None:
    code = (
        "import sys, workbench.model.analysis\n"
        "assert 'networkx' not in sys.modules, 'networkx imported with the check'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_networkx_is_imported_when_a_loop_must_be_examined() -> None:
    """A journey with a step that cannot reach an exit: the loop search runs (and needs networkx)."""
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from workbench.model.analysis import check\n"
        "from workbench.model.fileformat import load\n"
        "report = check(load(Path('examples/counter-examples/telecom-contract-takeover.journey')))\n"
        "assert 'trap-loop' in {f.rule for f in report.findings}\n"
        "assert 'networkx' in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
