"""JourneyDocument: the only way to change a journey.

Every change goes through :meth:`JourneyDocument.apply`, which performs one
:mod:`edit <workbench.model.edits>`, tells the ``changed`` event about each
element touched, and returns the inverse edit. The convenience methods
(``add``, ``remove``, ``update``, ``move``...) build edits, apply them and
return the inverse too, so an undo command needs nothing but that.

The document refuses edits that would break the journey (a dangling
reference, a handoff from a human touchpoint...) with :class:`EditError`, so
a document can always be saved and reopened.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from pydantic import ValidationError

from workbench.i18n import tr
from workbench.model.edits import Batch, Delete, Edit, Insert, Replace, SetJourney
from workbench.model.errors import EditError
from workbench.model.events import Change, Event
from workbench.model.ids import new_id
from workbench.model.journey import COLLECTION_OF, COLLECTIONS, Card, Element, Journey, Lane, Stage, Step
from workbench.model.ordering import order_at, renumbered
from workbench.model.validation import check_journey, describe_error, element_problems

#: Journey fields that are not element collections.
JOURNEY_FIELDS = tuple(name for name in Journey.model_fields if name not in COLLECTIONS)


class JourneyDocument:
    """A journey being edited, with events for the views that show it."""

    def __init__(self, journey: Journey | None = None) -> None:
        journey = journey if journey is not None else Journey(title=tr("Untitled journey"))
        problems = check_journey(journey)
        if problems:
            raise EditError(str(problems[0]))
        # The document owns its lists: copies, so the caller's journey stays as it was.
        self._journey = journey.model_copy(update={c: list(getattr(journey, c)) for c in COLLECTIONS})
        self._by_id: dict[str, Element] = {
            element.id: element for c in COLLECTIONS for element in getattr(self._journey, c)
        }
        self.changed: Event[Change] = Event()
        self._group: list[Edit] | None = None

    # ------------------------------------------------------------ reading

    @property
    def journey(self) -> Journey:
        """The current journey (do not mutate; use the document's edits)."""
        return self._journey

    def get(self, element_id: str) -> Element:
        try:
            return self._by_id[element_id]
        except KeyError:
            raise EditError(tr("there is no element with id {id!r}", id=element_id)) from None

    def find(self, element_id: str) -> Element | None:
        return self._by_id.get(element_id)

    def __contains__(self, element_id: object) -> bool:
        return element_id in self._by_id

    def new_id(self, collection: str) -> str:
        return new_id(collection, self._by_id.keys())  # type: ignore[arg-type]

    def siblings(self, element: Element) -> list[Element]:
        """The elements ordered together with *element* (itself included if present), sorted."""
        collection = COLLECTION_OF[type(element)]
        items = getattr(self._journey, collection)
        if isinstance(element, Step):
            items = [s for s in items if s.stage == element.stage]
        elif isinstance(element, Card):
            items = [c for c in items if c.step == element.step and c.lane == element.lane]
        elif not isinstance(element, (Stage, Lane)):
            return list(items)
        return sorted(items, key=lambda e: e.order)  # stable: ties keep file order

    def stages(self) -> list[Stage]:
        return sorted(self._journey.stages, key=lambda s: s.order)

    def lanes(self) -> list[Lane]:
        return sorted(self._journey.lanes, key=lambda lane: lane.order)

    def steps(self) -> list[Step]:
        """All steps in time order: by stage, then by order within the stage."""
        rank = {stage.id: i for i, stage in enumerate(self.stages())}
        return sorted(self._journey.steps, key=lambda s: (rank.get(s.stage, len(rank)), s.order))

    def cards_at(self, step: str, lane: str) -> list[Card]:
        return sorted((c for c in self._journey.cards if c.step == step and c.lane == lane), key=lambda c: c.order)

    def dependents(self, element_id: str) -> list[Element]:
        """Elements that refer to *element_id* and cannot stay without it."""
        out: list[Element] = []
        out += [s for s in self._journey.steps if s.stage == element_id]
        out += [c for c in self._journey.cards if element_id in (c.step, c.lane)]
        out += [h for h in self._journey.handoffs if element_id in (h.source, h.target, h.return_step)]
        out += [lk for lk in self._journey.links if element_id in (lk.source, lk.target)]
        return out

    # ----------------------------------------------------------- changing

    def apply(self, edit: Edit) -> Edit:
        """Perform *edit*; return the edit that undoes it exactly."""
        if isinstance(edit, Batch):
            inverses: list[Edit] = []
            mark = len(self._group) if self._group is not None else 0
            try:
                for part in edit.edits:
                    inverses.append(self.apply(part))
            except Exception:
                group, self._group = self._group, None
                for inverse in reversed(inverses):  # leave the document as it was
                    self.apply(inverse)
                if group is not None:
                    del group[mark:]
                self._group = group
                raise
            inverse_batch: Edit = Batch(tuple(reversed(inverses)), edit.label)
        elif isinstance(edit, Insert):
            inverse_batch = self._insert(edit)
        elif isinstance(edit, Delete):
            inverse_batch = self._delete(edit)
        elif isinstance(edit, Replace):
            inverse_batch = self._replace(edit)
        elif isinstance(edit, SetJourney):
            inverse_batch = self._set_journey(edit)
        else:
            raise TypeError(f"not an edit: {edit!r}")
        if self._group is not None and not isinstance(edit, Batch):
            self._group.append(inverse_batch)
        return inverse_batch

    @contextmanager
    def group(self, label: str = "") -> Iterator[list[Edit]]:
        """Collect the inverses of every edit inside the block; ``result[0]`` is their Batch.

        If the block raises, its edits are undone and the error goes on.
        """
        outer, self._group = self._group, []
        result: list[Edit] = []
        try:
            yield result
        except BaseException:
            collected, self._group = self._group, None
            for inverse in reversed(collected):
                self.apply(inverse)
            self._group = outer
            raise
        collected, self._group = self._group, outer
        batch = Batch(tuple(reversed(collected)), label)
        if outer is not None:
            outer.append(batch)
        result.append(batch)

    def _insert(self, edit: Insert) -> Edit:
        element = edit.element
        if edit.collection not in COLLECTIONS or COLLECTION_OF.get(type(element)) != edit.collection:
            raise EditError(f"{type(element).__name__} does not belong in {edit.collection}")
        if element.id in self._by_id:
            raise EditError(tr("id {id!r} is already used by {other}", id=element.id, other=edit.collection))
        self._check(element, self._by_id.get)
        items: list[Element] = getattr(self._journey, edit.collection)
        index = len(items) if edit.index is None else max(0, min(edit.index, len(items)))
        items.insert(index, element)
        self._by_id[element.id] = element
        self.changed.emit(Change("added", edit.collection, element.id, element, index=index))
        return Delete(element.id)

    def _delete(self, edit: Delete) -> Edit:
        element = self.get(edit.id)
        remaining = self.dependents(edit.id)
        if remaining:
            raise EditError(
                tr("{id!r} cannot be removed while {other!r} refers to it", id=edit.id, other=remaining[0].id)
            )
        collection = COLLECTION_OF[type(element)]
        items: list[Element] = getattr(self._journey, collection)
        index = next(i for i, e in enumerate(items) if e.id == edit.id)
        del items[index]
        del self._by_id[edit.id]
        self.changed.emit(Change("removed", collection, element.id, element, index=index))
        return Insert(collection, element, index)

    def _replace(self, edit: Replace) -> Edit:
        new = edit.element
        old = self.get(new.id)
        if type(old) is not type(new):
            raise EditError(f"{new.id!r} is a {type(old).__name__}, not a {type(new).__name__}")

        def lookup(ref: str) -> Element | None:
            return new if ref == new.id else self._by_id.get(ref)

        self._check(new, lookup)
        for dependent in self.dependents(new.id):
            self._check(dependent, lookup)
        collection = COLLECTION_OF[type(new)]
        items: list[Element] = getattr(self._journey, collection)
        index = next(i for i, e in enumerate(items) if e.id == new.id)
        items[index] = new
        self._by_id[new.id] = new
        self.changed.emit(Change("updated", collection, new.id, new, old, index=index))
        return Replace(old)

    def _set_journey(self, edit: SetJourney) -> Edit:
        unknown = [k for k in edit.changes if k not in JOURNEY_FIELDS]
        if unknown:
            raise EditError(tr("unknown field {key!r}", key=unknown[0]))
        current = {name: getattr(self._journey, name) for name in JOURNEY_FIELDS}
        try:
            checked = Journey.model_validate({**current, **edit.changes})
        except ValidationError as error:
            first = error.errors(include_url=False)[0]
            raise EditError(f"{'.'.join(map(str, first['loc']))}: {describe_error(first)}") from None
        old = {name: current[name] for name in edit.changes}
        self._journey = self._journey.model_copy(update={k: getattr(checked, k) for k in edit.changes})
        self.changed.emit(Change("journey"))
        return SetJourney(old)

    def _check(self, element: Element, lookup: Any) -> None:
        problems = element_problems(element, lookup, element.id)
        if problems:
            raise EditError(str(problems[0]))

    # ------------------------------------------------ convenience editing

    def build(self, element: Element, **changes: Any) -> Element:
        """A validated copy of *element* with *changes*; EditError if invalid."""
        if changes.get("id", element.id) != element.id:
            raise EditError(f"the id of {element.id!r} cannot be changed")
        data = {**element.model_dump(), **changes}
        try:
            return type(element).model_validate(data)
        except ValidationError as error:
            first = error.errors(include_url=False)[0]
            where = ".".join(map(str, first["loc"]))
            raise EditError(f"{element.id}.{where}: {describe_error(first)}") from None

    def add(self, element: Element, index: int | None = None) -> Edit:
        """Add *element*; with *index*, at that place among its siblings."""
        collection = COLLECTION_OF[type(element)]
        with self.group() as result:
            if isinstance(element, (Stage, Step, Lane, Card)):
                self.apply(Insert(collection, self._placed(element, index)))
            else:  # handoffs and links have no order: their place is in the array
                self.apply(Insert(collection, element, index))
        return result[0]

    def remove(self, element_id: str) -> Edit:
        """Remove an element and everything that depends on it, as one edit."""
        order: list[str] = []

        def visit(ref: str) -> None:
            for dependent in self.dependents(ref):
                if dependent.id not in order:
                    visit(dependent.id)
            if ref not in order:
                order.append(ref)

        self.get(element_id)
        visit(element_id)
        return self.apply(Batch(tuple(Delete(ref) for ref in order)))

    def update(self, element_id: str, **changes: Any) -> Edit:
        """Change fields of an element (not its place: see :meth:`move`)."""
        element = self.get(element_id)
        return self.apply(Replace(self.build(element, **changes)))

    def update_journey(self, **changes: Any) -> Edit:
        return self.apply(SetJourney(changes))

    def move(self, element_id: str, index: int, **placement: Any) -> Edit:
        """Put an element at *index* among its siblings, maybe under a new parent.

        *placement* is ``stage=`` for a step, ``step=``/``lane=`` for a card.
        """
        element = self.get(element_id)
        if not isinstance(element, (Stage, Step, Lane, Card)):
            raise EditError(f"{element_id!r} is a {type(element).__name__}, which has no place to move to")
        with self.group() as result:
            moved = self._placed(self.build(element, **placement), index, exclude=element_id)
            if moved != element:
                self.apply(Replace(moved))
        return result[0]

    def _placed(self, element: Element, index: int | None, exclude: str | None = None) -> Element:
        """*element* with an ``order`` that puts it at *index* among its siblings.

        When no number is free there, the siblings are renumbered first (as
        part of the current group, so undo restores their numbers too).
        """
        siblings = [s for s in self.siblings(element) if s.id != (exclude or element.id)]
        if index is None:
            index = len(siblings)
        orders = [s.order for s in siblings]
        order = order_at(orders, index)
        if order is None:
            fresh = renumbered(len(siblings) + 1)
            index = max(0, min(index, len(siblings)))
            slots = fresh[:index] + fresh[index + 1 :]
            for sibling, new_order in zip(siblings, slots):
                if sibling.order != new_order:
                    self.apply(Replace(sibling.model_copy(update={"order": new_order})))
            order = fresh[index]
        return element.model_copy(update={"order": order})
