"""A small observer: the document tells its views what changed, without Qt."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from workbench.model.journey import Element

T = TypeVar("T")


class Event(Generic[T]):
    """Callbacks connected to one kind of news; called in connection order.

    A callback that raises does not stop the others, nor reach the code that
    emitted: its exception goes to ``sys.excepthook`` (as Qt does for slots),
    so a faulty view can never leave the document half-edited.
    """

    def __init__(self) -> None:
        self._handlers: list[Callable[[T], None]] = []

    def connect(self, handler: Callable[[T], None]) -> None:
        if handler not in self._handlers:
            self._handlers.append(handler)

    def disconnect(self, handler: Callable[[T], None]) -> None:
        if handler in self._handlers:
            self._handlers.remove(handler)

    def emit(self, value: T) -> None:
        for handler in list(self._handlers):
            try:
                handler(value)
            except Exception:
                sys.excepthook(*sys.exc_info())

    def __len__(self) -> int:
        return len(self._handlers)


@dataclass(frozen=True)
class Change:
    """One element added, removed or updated, or the journey's own fields set.

    *action* is ``"added"``, ``"removed"``, ``"updated"`` or ``"journey"``.
    For ``"updated"``, *old* is the element before and *element* after.
    """

    action: str
    collection: str | None = None
    id: str | None = None
    element: Element | None = None
    old: Element | None = None
    index: int | None = None
