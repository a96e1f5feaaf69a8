"""Edits: plain data describing one change to a journey.

`JourneyDocument.apply(edit)` performs an edit and returns its inverse, an edit
that puts everything back exactly (same values, same places in the arrays).
Undo commands in the GUI hold an edit and its inverse and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Union

from workbench.model.journey import Element


@dataclass(frozen=True)
class Insert:
    """Put *element* into *collection* at array position *index* (None: at the end)."""

    collection: str
    element: Element
    index: int | None = None


@dataclass(frozen=True)
class Delete:
    """Take the element with this id out of its collection."""

    id: str


@dataclass(frozen=True)
class Replace:
    """Swap the element of the same id for *element* (a new version of it)."""

    element: Element


@dataclass(frozen=True)
class SetJourney:
    """Change journey-level fields (title, sector, persona, scenario...)."""

    changes: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Batch:
    """Several edits performed as one, in order; undone in reverse order."""

    edits: tuple[Edit, ...] = ()
    label: str = ""


Edit = Union[Insert, Delete, Replace, SetJourney, Batch]


def is_empty(edit: Edit) -> bool:
    return isinstance(edit, Batch) and all(is_empty(e) for e in edit.edits)
