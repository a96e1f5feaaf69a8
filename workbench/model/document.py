"""JourneyDocument: the only way to change a journey.

Every change goes through :meth:`JourneyDocument.apply`, which performs one
:mod:`edit <workbench.model.edits>`, then tells the ``changed`` event about
each element touched, and returns the inverse edit. The convenience methods
(``add``, ``remove``, ``update``, ``move``...) build edits, apply them and
return the inverse too, so an undo command needs nothing but that.

The document refuses edits that would break the journey (a dangling
reference, a handoff from a human touchpoint, a value out of range, a field
the format does not know...) with :class:`EditError`, so a document can
always be saved and reopened. Each element is validated again as it enters,
whoever built it. Listeners hear about an edit only once all of it is done:
whatever they do, even raise, the document is never left half-edited.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from pydantic import BaseModel, ValidationError

from workbench.i18n import tr
from workbench.model.edits import Batch, Delete, Edit, Insert, Replace, SetJourney
from workbench.model.errors import EditError
from workbench.model.events import Change, Event
from workbench.model.feelings import without_persona
from workbench.model.ids import new_id
from workbench.model.index import JourneyIndex
from workbench.model.journey import (
    COLLECTION_OF,
    COLLECTIONS,
    Card,
    Element,
    Handoff,
    Journey,
    Lane,
    MAX_PERSONAS,
    Persona,
    Stage,
    Step,
)
from workbench.model.ordering import order_at, renumbered
from workbench.model.places import Places
from workbench.model.validation import (
    check_journey,
    describe_error,
    element_problems,
    handoff_end_refusal,
    inner_unknown,
    unknown_message,
)

#: Journey fields that are not element collections.
JOURNEY_FIELDS = tuple(name for name in Journey.model_fields if name not in COLLECTIONS)


class JourneyDocument:
    """A journey being edited, with events for the views that show it."""

    def __init__(self, journey: Journey | None = None, checked: bool = False) -> None:
        """*checked*: *journey* has just passed :func:`check_journey` (a file's, see ``Loaded.checked``)."""
        journey = journey if journey is not None else Journey(title=tr("Untitled journey"))
        problems = [] if checked else check_journey(journey)
        if problems:
            raise EditError(str(problems[0]))
        # The document owns its lists: copies, so the caller's journey stays as it was.
        self._journey = journey.model_copy(update={c: list(getattr(journey, c)) for c in COLLECTIONS})
        self._by_id: dict[str, Element] = {
            element.id: element for c in COLLECTIONS for element in getattr(self._journey, c)
        }
        # Fields unknown to this version may stay where they came with the
        # journey (a file from a newer minor version); no edit adds others.
        self._kept_extra: dict[str, frozenset[str]] = {
            element.id: frozenset(element.model_extra) for element in self._by_id.values() if element.model_extra
        }
        #: The same inside an element's sub-objects (a step's feelings), by field name.
        self._kept_inner_extra: dict[str, frozenset[str]] = {
            element.id: frozenset(key for _, key, _ in inner)
            for element in self._by_id.values()
            if (inner := inner_unknown(element))
        }
        #: Sorted views and reverse references, kept current by every edit below.
        self.index = JourneyIndex(self._journey)
        self._places = Places()  # (each element's index in its array, for the edits that need it)
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
        if isinstance(element, Step):
            return list(self.index.steps_of(element.stage))
        if isinstance(element, Card):
            return list(self.index.cards_at(element.step, element.lane))
        if isinstance(element, Stage):
            return list(self.index.stages())
        if isinstance(element, Lane):
            return list(self.index.lanes())
        if isinstance(element, Persona):
            return list(self.index.personas())
        return list(getattr(self._journey, COLLECTION_OF[type(element)]))

    def personas(self) -> list[Persona]:
        """The personas in order; the first is the lead."""
        return list(self.index.personas())

    def stages(self) -> list[Stage]:
        return list(self.index.stages())

    def lanes(self) -> list[Lane]:
        return list(self.index.lanes())

    def steps(self) -> list[Step]:
        """All steps in time order: by stage, then by order within the stage."""
        return list(self.index.steps())

    def cards_at(self, step: str, lane: str) -> list[Card]:
        return list(self.index.cards_at(step, lane))

    def dependents(self, element_id: str) -> list[Element]:
        """Elements that refer to *element_id* and cannot stay without it."""
        return self.index.dependents(element_id)

    def returning(self, element_id: str) -> list[Element]:
        """Handoffs whose customer goes back to the step *element_id*: they stay without it."""
        return list(self.index.returning(element_id))

    def referrers(self, element_id: str) -> list[Element]:
        """Every element that refers to *element_id*: its dependents and the handoffs returning to it."""
        return self.index.referrers(element_id)

    # ----------------------------------------------------------- changing

    def apply(self, edit: Edit) -> Edit:
        """Perform *edit*; return the edit that undoes it exactly.

        The whole edit is performed first (or, refused, undone), and only then
        are the listeners told, so nothing they do can interrupt it.
        """
        changes: list[Change] = []
        inverse = self._perform(edit, changes)
        if self._group is not None:
            self._group.append(inverse)
        for change in changes:
            self.changed.emit(change)
        return inverse

    def _perform(self, edit: Edit, changes: list[Change]) -> Edit:
        """Perform *edit*, adding a Change per element touched; all or nothing."""
        if isinstance(edit, Batch):
            inverses: list[Edit] = []
            mark = len(changes)
            try:
                for part in edit.edits:
                    inverses.append(self._perform(part, changes))
            except BaseException:
                for inverse in reversed(inverses):  # leave the document as it was
                    self._perform(inverse, [])
                del changes[mark:]
                raise
            return Batch(tuple(reversed(inverses)), edit.label)
        if isinstance(edit, Insert):
            return self._insert(edit, changes)
        if isinstance(edit, Delete):
            return self._delete(edit, changes)
        if isinstance(edit, Replace):
            return self._replace(edit, changes)
        if isinstance(edit, SetJourney):
            return self._set_journey(edit, changes)
        raise TypeError(f"not an edit: {edit!r}")

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
            try:
                # Last edit first, so each inverse meets the document it was made for; as
                # one batch, so the undoing is whole or nothing and listeners hear of it done.
                self.apply(Batch(tuple(reversed(collected))))
            finally:
                # Even should an undo be refused, an enclosing group keeps its own edits.
                self._group = outer
            raise
        collected, self._group = self._group, outer
        batch = Batch(tuple(reversed(collected)), label)
        if outer is not None:
            outer.append(batch)
        result.append(batch)

    def _insert(self, edit: Insert, changes: list[Change]) -> Edit:
        if edit.collection not in COLLECTIONS or COLLECTION_OF.get(type(edit.element)) != edit.collection:
            raise EditError(tr("this element does not belong in {collection}", collection=edit.collection))
        element = self._validated(edit.element)
        if element.id in self._by_id:
            holder = COLLECTION_OF[type(self._by_id[element.id])]  # where the id is taken, not where it was going
            raise EditError(tr("id {id!r} is already used by {other}", id=element.id, other=holder))
        self._check(element, self._by_id.get)
        if isinstance(element, Persona) and len(self._journey.personas) >= MAX_PERSONAS:
            raise EditError(tr("a journey holds at most {limit} personas", limit=MAX_PERSONAS))
        items: list[Element] = getattr(self._journey, edit.collection)
        index = len(items) if edit.index is None else max(0, min(edit.index, len(items)))
        items.insert(index, element)
        self._by_id[element.id] = element
        self._places.added(element, index)
        self.index.added(element)
        changes.append(Change("added", edit.collection, element.id, element, index=index))
        return Delete(element.id)

    def _delete(self, edit: Delete, changes: list[Change]) -> Edit:
        element = self.get(edit.id)
        remaining = self.referrers(edit.id)
        if remaining:
            raise EditError(
                tr("{id!r} cannot be removed while {other!r} refers to it", id=edit.id, other=remaining[0].id)
            )
        if isinstance(element, Persona) and len(self._journey.personas) <= 1:
            raise EditError(tr("a journey needs at least one persona"))
        collection = COLLECTION_OF[type(element)]
        items: list[Element] = getattr(self._journey, collection)
        index = self._places.find(items, element)
        del items[index]
        del self._by_id[edit.id]
        self._places.removed(element)
        self.index.removed(element)
        changes.append(Change("removed", collection, element.id, element, index=index))
        return Insert(collection, element, index)

    def _replace(self, edit: Replace, changes: list[Change]) -> Edit:
        if type(edit.element) not in COLLECTION_OF:
            raise EditError(tr("this is not an element of a journey"))
        new = self._validated(edit.element)
        old = self.get(new.id)
        if type(old) is not type(new):
            raise EditError(tr("{id!r} is another kind of element", id=new.id))

        def lookup(ref: str) -> Element | None:
            return new if ref == new.id else self._by_id.get(ref)

        self._check(new, lookup)
        for referrer in self.referrers(new.id):
            refused = handoff_end_refusal(new, referrer) if isinstance(new, Card) and isinstance(referrer, Handoff) else None
            if refused:
                raise EditError(refused)
            self._check(referrer, lookup)
        collection = COLLECTION_OF[type(new)]
        items: list[Element] = getattr(self._journey, collection)
        index = self._places.find(items, old)
        items[index] = new
        self._by_id[new.id] = new
        self.index.replaced(old, new)
        changes.append(Change("updated", collection, new.id, new, old, index=index))
        return Replace(old)

    def _set_journey(self, edit: SetJourney, changes: list[Change]) -> Edit:
        unknown = [k for k in edit.changes if k not in JOURNEY_FIELDS]
        if unknown:
            raise EditError(unknown_message(unknown[0], JOURNEY_FIELDS))
        current = {name: getattr(self._journey, name) for name in JOURNEY_FIELDS}
        # Models are dumped so that pydantic checks them again (it trusts instances).
        data = {k: v.model_dump(warnings=False) if isinstance(v, BaseModel) else v for k, v in current.items()}
        data.update(
            {k: v.model_dump(warnings=False) if isinstance(v, BaseModel) else v for k, v in edit.changes.items()}
        )
        try:
            checked = Journey.model_validate(data)
        except ValidationError as error:
            first = error.errors(include_url=False)[0]
            raise EditError(f"{'.'.join(map(str, first['loc']))}: {describe_error(first)}") from None
        old = {name: current[name] for name in edit.changes}
        self._journey = self._journey.model_copy(update={k: getattr(checked, k) for k in edit.changes})
        self.index.rebind(self._journey)
        self.index.touched()
        changes.append(Change("journey"))
        return SetJourney(old)

    def _validated(self, element: Element) -> Element:
        """*element* validated afresh: a model_copy or model_construct is not trusted.

        Fields it came with when the document was made may stay; no new ones.
        """
        kind = type(element)
        name = getattr(element, "id", "?")
        try:
            checked = kind.model_validate(element.model_dump(warnings=False))
        except ValidationError as error:
            first = error.errors(include_url=False)[0]
            where = ".".join(map(str, first["loc"]))
            raise EditError(f"{name}.{where}: {describe_error(first)}") from None
        except (AttributeError, TypeError, ValueError):  # a model_construct missing its fields
            raise EditError(tr("{id!r} is not a complete element", id=name)) from None
        kept = self._kept_extra.get(checked.id, frozenset())
        added = [k for k in checked.model_extra or () if k not in kept]
        if added:
            raise EditError(f"{checked.id}.{added[0]}: {unknown_message(added[0], kind.model_fields)}")
        kept_inner = self._kept_inner_extra.get(checked.id, frozenset())
        for where, key, holder in inner_unknown(checked):
            if key not in kept_inner:
                raise EditError(f"{checked.id}.{where}: {unknown_message(key, type(holder).model_fields)}")
        return checked

    def _check(self, element: Element, lookup: Any) -> None:
        problems = element_problems(element, lookup, element.id)
        if problems:
            raise EditError(str(problems[0]))

    # ------------------------------------------------ convenience editing

    def build(self, element: Element, **changes: Any) -> Element:
        """A validated copy of *element* with *changes*; EditError if invalid."""
        if changes.get("id", element.id) != element.id:
            raise EditError(tr("the id of {id!r} cannot be changed", id=element.id))
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
            if isinstance(element, (Persona, Stage, Step, Lane, Card)):
                self.apply(Insert(collection, self._placed(element, index)))
            else:  # handoffs and links have no order: their place is in the array
                self.apply(Insert(collection, element, index))
        return result[0]

    def remove(self, element_id: str) -> Edit:
        """Remove an element and everything that depends on it, as one edit.

        A handoff that only *returns* to a removed step stays, with no return
        step any more (a Replace in the same batch, so undo restores it).
        Steps and cards that name a removed persona stay too, without its
        feelings and its tag.
        """
        order = self.removal(element_id)
        # Cleared first, even on handoffs removed later in the batch: the
        # deletes then run in any order without a step being still "returned to".
        cleared: list[Edit] = [
            Replace(h.model_copy(update={"return_step": None})) for ref in order for h in self.returning(ref)
        ]
        cleared += [Replace(_unmentioned(e, ref)) for ref in order for e in self.index.mentioning(ref)]
        return self.apply(Batch((*cleared, *(Delete(ref) for ref in order))))

    def removal(self, element_id: str) -> list[str]:
        """The ids :meth:`remove` would delete: what depends on *element_id* (dependents first), then itself."""
        order: list[str] = []
        taken: set[str] = set()  # (a lane's thousands of cards: no scan of the list per card)

        def visit(ref: str) -> None:
            for dependent in self.dependents(ref):
                if dependent.id not in taken:
                    visit(dependent.id)
            if ref not in taken:
                taken.add(ref)
                order.append(ref)

        self.get(element_id)
        visit(element_id)
        return order

    def position(self, element: Element) -> int:
        """The index of *element* (as the journey holds it) in its array of the file."""
        return self._places.find(getattr(self._journey, COLLECTION_OF[type(element)]), element)

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
        if not isinstance(element, (Persona, Stage, Step, Lane, Card)):
            raise EditError(tr("{id!r} has no place of its own to move to", id=element_id))
        with self.group() as result:
            moved = self._placed(self.build(element, **placement), index, exclude=element_id)
            if moved != element:
                self.apply(Replace(moved))
        return result[0]

    def move_together(self, ids: list[str], after: str | None, **placement: Any) -> Edit:
        """Put the elements *ids* side by side, in that order, right after their sibling *after* (first: None),
        maybe under a new parent (as :meth:`move`); one edit. Several steps or stages dragged at once keep their
        order and land together."""
        with self.group() as result:
            previous = after
            for element_id in ids:
                element = self.get(element_id)
                target = self.build(element, **placement) if placement else element
                others = [s.id for s in self.siblings(target) if s.id != element_id]
                if previous is not None and previous not in others:
                    raise ValueError(f"{previous!r} is not among the siblings of {element_id!r}")  # (a caller's mistake)
                self.move(element_id, others.index(previous) + 1 if previous is not None else 0, **placement)
                previous = element_id
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


def _unmentioned(element: Element, persona: str) -> Element:
    """*element* without the feelings or the tag of *persona*."""
    if isinstance(element, Step):
        return element.model_copy(update={"emotions": without_persona(element, persona)})
    if isinstance(element, Card):
        return element.model_copy(update={"personas": [p for p in element.personas if p != persona]})
    return element
