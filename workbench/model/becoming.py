"""Turn the journey a document holds into another one, as one undoable edit (no Qt).

A merge of a teammate's change on disk gives a whole new journey. Shown as a
new document, it started the undo history again: the work from before the
merge could not be got back by Undo. Made instead as the edits that turn the
journey shown into the merged one (elements added, changed and removed, then
the journey's own fields), it is one undo step like any other, and the views
follow it edit by edit.
"""

from __future__ import annotations

from collections.abc import Callable

from workbench.i18n import tr
from workbench.model.document import JOURNEY_FIELDS, JourneyDocument
from workbench.model.edits import Delete, Edit, Insert, Replace
from workbench.model.errors import EditError
from workbench.model.journey import COLLECTIONS, Element, Journey


def edit_into(document: JourneyDocument, target: Journey, label: str = "") -> Edit:
    """Edit *document* until it holds *target* exactly, as one batch; return its inverse.

    Elements are added and changed parents first (an element added refers to
    elements already there), each at its place in *target*'s arrays, then
    removed children first (nothing refers to what goes). An edit the journey
    refuses at its turn waits for the others and is tried again: a card made
    digital once the handoff to it is gone, a persona added once another left
    room for it. Raises EditError, with the document unchanged, when *target*
    cannot be reached this way (an id used by another kind of element, arrays
    in another order).
    """
    steps: list[Callable[[], object]] = []
    for collection in COLLECTIONS:
        wanted = getattr(target, collection)
        for at, element in enumerate(wanted):
            current = document.find(element.id)
            if current is None:
                steps.append(_inserting(document, collection, element, [e.id for e in wanted[:at]]))
            elif current != element:
                steps.append(lambda element=element: document.apply(Replace(element)))
    for collection in reversed(COLLECTIONS):
        kept = {element.id for element in getattr(target, collection)}
        steps += [lambda gone=element.id: document.apply(Delete(gone))
                  for element in getattr(document.journey, collection) if element.id not in kept]
    with document.group(label) as result:
        while steps:
            waiting = []
            for step in steps:
                try:
                    step()
                except EditError:
                    waiting.append(step)
            if len(waiting) == len(steps):
                raise EditError(tr("the journey cannot be changed into the other one edit by edit"))
            steps = waiting
        fields = {name: getattr(target, name) for name in JOURNEY_FIELDS
                  if getattr(document.journey, name) != getattr(target, name)}
        if fields:
            document.update_journey(**fields)
        if document.journey != target:  # (the group takes every edit above back)
            raise EditError(tr("the journey cannot be changed into the other one edit by edit"))
    return result[0]


def _inserting(document: JourneyDocument, collection: str, element: Element, before: list[str]) -> Callable[[], object]:
    """Insert *element* just after the last of *before* (the elements ahead of it in the target's array) that the
    journey holds when it comes to it."""

    def insert() -> object:
        ids = [e.id for e in getattr(document.journey, collection)]
        places = {ref: i for i, ref in enumerate(ids)}
        index = next((places[ref] + 1 for ref in reversed(before) if ref in places), 0)
        return document.apply(Insert(collection, element, index))

    return insert
