"""The journey's steps as a flow graph, for the health check (no Qt, no networkx).

Kept apart from `analysis.py` so that the rules there read as rules: this
module says what the graph is and how it is searched.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

from workbench.model.index import JourneyIndex, steps_in_time_order
from workbench.model.journey import Card, Handoff, Journey, Step

#: Adjacency of the step graph: for each step, its neighbours as the keys of a dict (an ordered set).
_Adjacency = dict[str, dict[str, None]]


class StepGraph:
    """The steps as a flow graph, and what the rules ask of it, computed once per check.

    Steps follow each other in time (an end cuts the flow; a goal, a
    milestone the journey may go on from, does not) and flow links add edges; a person is "at" a step with a human touchpoint or a handoff.
    The searches are multi-source breadth-first passes, so each rule costs
    one walk of the graph, never one per step.
    """

    def __init__(self, journey: Journey, index: JourneyIndex | None = None) -> None:
        # Only the time order of the steps is read: without an index, it is sorted out of the journey.
        self.steps: list[Step] = list(index.steps()) if index is not None else steps_in_time_order(journey)
        self.by_id = {s.id: s for s in self.steps}
        #: The emotion each step is read with (one persona, one scenario), set by the check.
        self.feel: dict[str, int | None] = {}
        self.order = {s.id: i for i, s in enumerate(self.steps)}
        cards = journey.cards
        self.natures = self._natures_of(cards)
        self.pain: set[str] = {card.step for card in cards if card.kind == "pain_point"}
        self.card_step = {c.id: c.step for c in cards}
        card_step = self.card_step
        self.handoff_steps: set[str] = set()
        for handoff in journey.handoffs:
            self.handoff_steps.add(card_step[handoff.source])
            self.handoff_steps.add(card_step[handoff.target])
        self._journey = journey
        #: Some card concerns only some personas: what serves one persona may not serve another.
        self.tagged = any(card.personas for card in cards)
        self._people: dict[str, tuple[dict[str, set[str]], dict[str, int]]] = {}
        self._unnamed_from: dict[str, int] | None = None  # (counted when a message first names a handoff)
        # Neighbours in insertion order, as a networkx DiGraph would list them:
        # the next step in time first, then the links in file order.
        self.successors: _Adjacency = {s.id: {} for s in self.steps}
        self.predecessors: _Adjacency = {s.id: {} for s in self.steps}
        successors, predecessors = self.successors, self.predecessors
        for before, after in zip(self.steps, self.steps[1:]):
            if not before.end:
                successors[before.id][after.id] = None
                predecessors[after.id][before.id] = None
        for link in journey.links:
            self._edge(link.source, link.target)
        self.humans = [s.id for s in self.steps if self.human_at(s.id)]
        #: Steps from each step to the nearest person (absent: no person ahead).
        self.to_human = self.distances_to(self.humans)

    def _edge(self, source: str, target: str) -> None:
        """A flow link (one to a missing step, in a journey never validated, still leaves a graph)."""
        self.successors.setdefault(source, {})[target] = None
        self.predecessors.setdefault(target, {})[source] = None
        self.successors.setdefault(target, {})
        self.predecessors.setdefault(source, {})

    def edges(self) -> Iterable[tuple[str, str]]:
        """Every edge, by source in time order, then by target in insertion order."""
        for source, targets in self.successors.items():
            for target in targets:
                yield source, target

    def human_at(self, step: str) -> bool:
        return "human" in self.natures[step] or step in self.handoff_steps

    def people_for(self, persona: str) -> tuple[dict[str, set[str]], dict[str, int]]:
        """What serves *persona*: the touchpoint natures at each step, and the fewest moves from each step to a
        person, counting only the cards that concern it (a card tagged with no persona concerns them all) and
        the handoffs between such cards. Without a tagged card, the journey's own (``natures``, ``to_human``)."""
        found = self._people.get(persona)
        if found is not None:
            return found
        cards = self._journey.cards
        if not self.tagged:
            found = (self.natures, self.to_human)
        else:
            concerns = {c.id for c in cards if not c.personas or persona in c.personas}
            natures = self._natures_of(c for c in cards if c.id in concerns)
            people = {step for step, kinds in natures.items() if "human" in kinds}
            for handoff in self._journey.handoffs:
                if handoff.source in concerns and handoff.target in concerns:
                    people.update((self.card_step[handoff.source], self.card_step[handoff.target]))
            found = (natures, self.distances_to(people))
        self._people[persona] = found
        return found

    def _natures_of(self, cards: Iterable[Card]) -> dict[str, set[str]]:
        """The natures of the touchpoints among *cards*, for each step (none: an empty set)."""
        natures: dict[str, set[str]] = {s.id: set() for s in self.steps}
        for card in cards:
            if card.kind == "touchpoint" and card.nature:
                natures[card.step].add(card.nature)
        return natures

    def distances_to(self, targets: Iterable[str]) -> dict[str, int]:
        """Fewest moves from each step to the nearest of *targets*: one backwards search from all of them."""
        distance = dict.fromkeys(targets, 0)
        queue = deque(distance)
        predecessors = self.predecessors
        while queue:
            node = queue.popleft()
            far = distance[node] + 1
            for previous in predecessors[node]:
                if previous not in distance:
                    distance[previous] = far
                    queue.append(previous)
        return distance

    def reached_from(self, sources: Iterable[str], neighbours: _Adjacency) -> set[str]:
        """Steps at least one move away from any of *sources* (a source is included only if reached again)."""
        reached: set[str] = set()
        queue = deque(sources)
        while queue:
            for nxt in neighbours[queue.popleft()]:
                if nxt not in reached:
                    reached.add(nxt)
                    queue.append(nxt)
        return reached

    def title(self, step: str) -> str:
        return self.by_id[step].title

    def handoff_name(self, handoff: Handoff) -> str:
        """How a message names a handoff (see :func:`handoff_name`)."""
        if self._unnamed_from is None:
            self._unnamed_from = unnamed_from(self._journey.handoffs, self.card_step)
        source, target = self.card_step[handoff.source], self.card_step[handoff.target]
        return handoff_name(handoff, self.title(source), self.title(target), self._unnamed_from.get(source, 0) > 1)


def unnamed_from(handoffs: Iterable[Handoff], card_step: dict[str, str]) -> dict[str, int]:
    """How many handoffs without a trigger leave each step."""
    count: dict[str, int] = {}
    for handoff in handoffs:
        if not handoff.trigger:
            step = card_step.get(handoff.source)
            count[step] = count.get(step, 0) + 1  # type: ignore[index]
    return count


def handoff_name(handoff: Handoff, source: str, target: str, shared: bool) -> str:
    """How a message names a handoff: its trigger, or the title of the step it leaves from (*source*); with the
    step it goes to (*target*) when another handoff without a trigger leaves the same step (*shared*): two
    findings read word for word the same."""
    if handoff.trigger:
        return handoff.trigger
    return f"{source} \u2192 {target}" if shared and target != source else source
