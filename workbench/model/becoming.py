"""Turn the journey a document holds into another one, as one undoable edit (no Qt).

A merge of a teammate's change on disk gives a whole new journey. Shown as a
new document, it started the undo history again: the work from before the
merge could not be got back by Undo. Made instead as the edits that turn the
journey shown into the merged one (elements added, changed and removed, then
the journey's own fields), it is one undo step like any other, and the views
follow it edit by edit.
"""

from __future__ import annotations

from workbench.i18n import tr
from workbench.model.document import JOURNEY_FIELDS, JourneyDocument
from workbench.model.edits import Delete, Edit, Insert, Replace
from workbench.model.errors import EditError
from workbench.model.journey import COLLECTIONS, Journey


def edit_into(document: JourneyDocument, target: Journey, label: str = "") -> Edit:
    """Edit *document* until it holds *target* exactly, as one batch; return its inverse.

    Elements are added and changed parents first (an element added refers only
    to elements already there), each at its place in *target*'s arrays, then
    removed children first (nothing refers to what goes). Raises EditError, with
    the document unchanged, when *target* cannot be reached this way (an id
    used by another kind of element, an order of the arrays that differs).
    """
    with document.group(label) as result:
        for collection in COLLECTIONS:
            previous: str | None = None
            for element in getattr(target, collection):
                current = document.find(element.id)
                if current is None:
                    document.apply(Insert(collection, element, _after(document, collection, previous)))
                elif current != element:
                    document.apply(Replace(element))
                previous = element.id
        for collection in reversed(COLLECTIONS):
            kept = {element.id for element in getattr(target, collection)}
            for gone in [element.id for element in getattr(document.journey, collection) if element.id not in kept]:
                document.apply(Delete(gone))
        fields = {name: getattr(target, name) for name in JOURNEY_FIELDS
                  if getattr(document.journey, name) != getattr(target, name)}
        if fields:
            document.update_journey(**fields)
        if document.journey != target:  # (the group takes every edit above back)
            raise EditError(tr("the journey cannot be changed into the other one edit by edit"))
    return result[0]


def _after(document: JourneyDocument, collection: str, previous: str | None) -> int:
    """The array position just after the element *previous* (None: the first position)."""
    if previous is None:
        return 0
    ids = [element.id for element in getattr(document.journey, collection)]
    return ids.index(previous) + 1
