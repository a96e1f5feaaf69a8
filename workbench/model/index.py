"""A read-only index of a journey, kept current edit by edit (no Qt).

Layout, the health check and the scene all need the same answers: steps in
time order, the cards of a cell, which elements refer to which. Sorting or
scanning the whole journey for each of them made every edit cost as much as
the map is big. The index answers from dictionaries and re-sorts only the
group an edit touched (one cell, one stage's steps), lazily, when asked.

:class:`~workbench.model.document.JourneyDocument` feeds it every element it
inserts, deletes or replaces, as it does so, so the index is exact even in
the middle of a batch. Built from a bare :class:`Journey`, it serves readers
that never edit (the PDF, the health check's snapshot).

Siblings are sorted by ``order``; ties keep the order of the file's arrays,
as ``sorted()`` over the file did. Ties only come from hand-edited files, so
the file positions are looked up only when a group has one.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from operator import attrgetter

from workbench.model.feelings import mentions
from workbench.model.journey import Card, Element, Handoff, Journey, Lane, Link, Persona, Stage, Step

_ORDER = attrgetter("order")
#: The fields through which an element refers to another, per element type.
_REFERENCES: dict[type, tuple[str, ...]] = {
    Step: ("stage",),
    Card: ("step", "lane"),
    Handoff: ("source", "target"),
    Link: ("source", "target"),
}
#: The array of the file each sorted type is kept in.
_COLLECTION: dict[type, str] = {Persona: "personas", Stage: "stages", Lane: "lanes", Step: "steps", Card: "cards"}
#: Rank of each type among the referrers, as the file lists them.
_RANK = {Step: 0, Card: 1, Handoff: 2, Link: 3}


class JourneyIndex:
    """Sorted views and reverse references of one journey, updated incrementally."""

    def __init__(self, journey: Journey) -> None:
        self._journey = journey
        self._stages: dict[str, Stage] = {}
        self._lanes: dict[str, Lane] = {}
        self._steps: dict[str, Step] = {}
        self._steps_by_stage: dict[str, dict[str, Step]] = {}
        self._cards_by_cell: dict[tuple[str, str], dict[str, Card]] = {}
        self._refs: dict[str, dict[str, Element]] = {}
        self._returning: dict[str, dict[str, Handoff]] = {}
        self._personas: dict[str, Persona] = {}
        #: Steps and cards that name a persona (its feelings, its tags): they stay without it.
        self._mentioning: dict[str, dict[str, Element]] = {}
        self._sorted_personas: list[Persona] | None = None
        #: How many touchpoints of each nature (the status bar shows them after every edit).
        self.natures: Counter[str] = Counter()
        #: How many steps have a value on each (persona, scenario) curve.
        self.felt: Counter[tuple[str, str]] = Counter()
        # Sorted caches; a key missing means "sort again when asked".
        self._sorted_stages: list[Stage] | None = None
        self._sorted_lanes: list[Lane] | None = None
        self._sorted_steps: list[Step] | None = None
        self._step_rank: dict[str, int] | None = None
        self._stage_steps: dict[str, list[Step]] = {}
        self._cell_cards: dict[tuple[str, str], list[Card]] = {}
        #: Each element's place in its array of the file, per collection, made when a group
        #: has a tie and kept until an element of that collection is added (one removed
        #: leaves the others in the same order, one replaced keeps its place).
        self._positions: dict[str, dict[str, int]] = {}
        #: Bumped by every change: a reader's snapshot is current while it is equal.
        self.generation = 0
        for collection in ("personas", "stages", "lanes", "steps", "cards", "handoffs", "links"):
            for element in getattr(journey, collection):
                self._add(element)

    def rebind(self, journey: Journey) -> None:
        """The document replaced its journey object (same arrays): read file order from the new one."""
        self._journey = journey
        self._positions.clear()

    # ------------------------------------------------------------ updating

    def added(self, element: Element) -> None:
        self._positions.pop(_COLLECTION.get(type(element), ""), None)  # (it may come between two: see _positions)
        self._add(element)
        self.generation += 1

    def removed(self, element: Element) -> None:
        self._remove(element)
        self.generation += 1

    def replaced(self, old: Element, new: Element) -> None:
        self._remove(old)
        self._add(new)
        self.generation += 1

    def touched(self) -> None:
        """The journey's own fields changed (title, persona...): nothing to re-sort."""
        self.generation += 1

    def _add(self, element: Element) -> None:
        for persona in _mentioned(element):
            self._mentioning.setdefault(persona, {})[element.id] = element
        if isinstance(element, Persona):
            self._personas[element.id] = element
            self._sorted_personas = None
        elif isinstance(element, Stage):
            self._stages[element.id] = element
            self._steps_by_stage.setdefault(element.id, {})
            self._sorted_stages = None
            self._forget_steps()
        elif isinstance(element, Lane):
            self._lanes[element.id] = element
            self._sorted_lanes = None
        elif isinstance(element, Step):
            for entry in element.emotions:
                if entry.value is not None:
                    self.felt[(entry.persona, entry.scenario)] += 1
            self._steps[element.id] = element
            self._steps_by_stage.setdefault(element.stage, {})[element.id] = element
            self._stage_steps.pop(element.stage, None)
            self._forget_steps()
        elif isinstance(element, Card):
            cell = (element.step, element.lane)
            self._cards_by_cell.setdefault(cell, {})[element.id] = element
            self._cell_cards.pop(cell, None)
            if element.nature:
                self.natures[element.nature] += 1
        for name in _REFERENCES.get(type(element), ()):
            self._refs.setdefault(getattr(element, name), {})[element.id] = element
        if isinstance(element, Handoff) and element.return_step:
            self._returning.setdefault(element.return_step, {})[element.id] = element

    def _remove(self, element: Element) -> None:
        for persona in _mentioned(element):
            named = self._mentioning.get(persona)
            if named is not None:
                named.pop(element.id, None)
                if not named:
                    del self._mentioning[persona]
        if isinstance(element, Persona):
            self._personas.pop(element.id, None)
            self._sorted_personas = None
        elif isinstance(element, Stage):
            self._stages.pop(element.id, None)
            if not self._steps_by_stage.get(element.id):
                self._steps_by_stage.pop(element.id, None)
            self._sorted_stages = None
            self._forget_steps()
        elif isinstance(element, Lane):
            self._lanes.pop(element.id, None)
            self._sorted_lanes = None
        elif isinstance(element, Step):
            for entry in element.emotions:
                if entry.value is not None:
                    self.felt[(entry.persona, entry.scenario)] -= 1
            self._steps.pop(element.id, None)
            group = self._steps_by_stage.get(element.stage, {})
            group.pop(element.id, None)
            if not group and element.stage not in self._stages:
                self._steps_by_stage.pop(element.stage, None)
            self._stage_steps.pop(element.stage, None)
            self._forget_steps()
        elif isinstance(element, Card):
            cell = (element.step, element.lane)
            cards = self._cards_by_cell.get(cell, {})
            cards.pop(element.id, None)
            if not cards:
                self._cards_by_cell.pop(cell, None)
            self._cell_cards.pop(cell, None)
            if element.nature:
                self.natures[element.nature] -= 1
        for name in _REFERENCES.get(type(element), ()):
            refs = self._refs.get(getattr(element, name))
            if refs is not None:
                refs.pop(element.id, None)
                if not refs:
                    del self._refs[getattr(element, name)]
        if isinstance(element, Handoff) and element.return_step:
            back = self._returning.get(element.return_step)
            if back is not None:
                back.pop(element.id, None)
                if not back:
                    del self._returning[element.return_step]

    def _forget_steps(self) -> None:
        self._sorted_steps = None
        self._step_rank = None

    # ------------------------------------------------------------- reading

    def personas(self) -> list[Persona]:
        """Personas in order; the first is the lead (a shared list: do not change it)."""
        if self._sorted_personas is None:
            self._sorted_personas = self._sorted(self._personas.values(), "personas")
        return self._sorted_personas

    def persona(self, persona_id: str) -> Persona:
        """The persona with this id (KeyError if there is none)."""
        return self._personas[persona_id]

    def mentioning(self, persona_id: str) -> list[Element]:
        """Steps and cards that name the persona (its feelings, its tags), as the file lists them."""
        out = list(self._mentioning.get(persona_id, {}).values())
        out.sort(key=lambda e: _RANK[type(e)])
        return out

    def stages(self) -> list[Stage]:
        """Stages in order (a shared list: do not change it)."""
        if self._sorted_stages is None:
            self._sorted_stages = self._sorted(self._stages.values(), "stages")
        return self._sorted_stages

    def stage(self, stage_id: str) -> Stage:
        """The stage with this id (KeyError if there is none)."""
        return self._stages[stage_id]

    def lanes(self) -> list[Lane]:
        if self._sorted_lanes is None:
            self._sorted_lanes = self._sorted(self._lanes.values(), "lanes")
        return self._sorted_lanes

    def steps_of(self, stage_id: str) -> list[Step]:
        """The steps of one stage, in order."""
        steps = self._stage_steps.get(stage_id)
        if steps is None:
            steps = self._sorted(self._steps_by_stage.get(stage_id, {}).values(), "steps")
            self._stage_steps[stage_id] = steps
        return steps

    def steps(self) -> list[Step]:
        """All steps in time order: by stage, then by order within the stage.

        Steps of a stage that does not exist (only while a batch is under
        way) come last, as in the document.
        """
        if self._sorted_steps is None:
            out: list[Step] = []
            for stage in self.stages():
                out += self.steps_of(stage.id)
            strays = [s for sid in self._steps_by_stage if sid not in self._stages for s in self.steps_of(sid)]
            self._sorted_steps = out + self._sorted(strays, "steps") if strays else out
        return self._sorted_steps

    def step(self, step_id: str) -> Step:
        """The step with this id (KeyError if there is none)."""
        return self._steps[step_id]

    def step_rank(self, step_id: str) -> int:
        """The position of a step in time order (KeyError if there is none)."""
        if self._step_rank is None:
            self._step_rank = {s.id: i for i, s in enumerate(self.steps())}
        return self._step_rank[step_id]

    def cards_at(self, step: str, lane: str) -> list[Card]:
        """The cards of one cell, in order (a shared list: do not change it)."""
        cell = (step, lane)
        cards = self._cell_cards.get(cell)
        if cards is None:
            cards = self._sorted(self._cards_by_cell.get(cell, {}).values(), "cards")
            self._cell_cards[cell] = cards
        return cards

    def cells(self) -> Iterable[tuple[str, str]]:
        """Every (step, lane) that holds at least one card."""
        return self._cards_by_cell.keys()

    def dependents(self, element_id: str) -> list[Element]:
        """Elements that refer to *element_id* and cannot stay without it (as the file lists them)."""
        refs = self._refs.get(element_id)
        if not refs:
            return []
        out = list(refs.values())
        if len(out) > 1:
            out.sort(key=lambda e: _RANK[type(e)])
        return out

    def returning(self, element_id: str) -> list[Handoff]:
        """Handoffs whose customer goes back to the step *element_id*."""
        return list(self._returning.get(element_id, {}).values())

    def referrers(self, element_id: str) -> list[Element]:
        return self.dependents(element_id) + self.returning(element_id) + self.mentioning(element_id)  # type: ignore[operator]

    # ------------------------------------------------------------- helpers

    def _sorted(self, items: Iterable[Element], collection: str) -> list:  # type: ignore[type-arg]
        out = sorted(items, key=_ORDER)
        if any(out[i].order == out[i + 1].order for i in range(len(out) - 1)):
            position = self._positions.get(collection)
            if position is None:  # (once per collection, not once per group: a file of ties is not quadratic)
                position = self._positions[collection] = {e.id: i for i, e in enumerate(getattr(self._journey, collection))}
            out.sort(key=lambda e: (e.order, position.get(e.id, len(position))))
        return out


def steps_in_time_order(journey: Journey) -> list[Step]:
    """``JourneyIndex(journey).steps()`` without making the index: by stage, then by order, ties in file order.

    For a check that only reads the time order (``step_graph.py``): the index
    of a 1,000-step journey, even of its stages and steps alone, was a quarter
    of the health check's time. Steps of a stage that does not exist come
    last, by order (Python's sort is stable: ties keep the file's order, as
    the index keeps them).
    """
    rank: dict[str, int] = {}
    for stage in sorted(journey.stages, key=_ORDER):
        rank.setdefault(stage.id, len(rank))
    known = [s for s in journey.steps if s.stage in rank]
    out = sorted(known, key=lambda s: (rank[s.stage], s.order))
    if len(known) < len(journey.steps):
        out += sorted((s for s in journey.steps if s.stage not in rank), key=_ORDER)
    return out


def _mentioned(element: Element) -> set[str]:
    """The personas *element* names: a step's feelings, a card's tags."""
    if isinstance(element, Step):
        return mentions(element)
    if isinstance(element, Card):
        return set(element.personas)
    return set()
