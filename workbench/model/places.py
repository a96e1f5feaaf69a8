"""Where each element sits in its array of the file, found from where it was last seen (no Qt).

An edit that replaces or removes an element needs its index in the
journey's array (the file keeps arrays in creation order). Looking for it
from the start made each edit cost as much as the element is far into the
map: 2.2 ms for the last card of a 5,000-step map, on every keystroke typed
in it and every move of it. The places are made once per collection, when
first asked; an element added is placed where it went, one removed is
forgotten, and the others, moved by a few places by an element added or
removed before them, are found by looking a few places either side of
where they were. An element further than :data:`FAR` places away has its
collection's places made again.
"""

from __future__ import annotations

from collections.abc import Sequence

from workbench.model.journey import Element

#: How far either side of its last place an element is looked for before its collection's places are made again.
FAR = 64


class Places:
    """Each element's last known index in its array, by id (ids are unique across the journey)."""

    def __init__(self) -> None:
        self._at: dict[str, int] = {}

    def find(self, items: Sequence[Element], element: Element) -> int:
        """The index of *element* (this very object) in *items* (ValueError if it is not there)."""
        n = len(items)
        hint = self._at.get(element.id)
        if hint is None:  # (this collection was never looked in)
            return self._all(items, element)
        if 0 <= hint < n and items[hint] is element:
            return hint
        for d in range(1, FAR + 1):  # moved by elements added or removed before it: nearest places first
            for i in (hint - d, hint + d):
                if 0 <= i < n and items[i] is element:
                    self._at[element.id] = i
                    return i
        return self._all(items, element)

    def added(self, element: Element, index: int) -> None:
        self._at[element.id] = index

    def removed(self, element: Element) -> None:
        self._at.pop(element.id, None)

    def _all(self, items: Sequence[Element], element: Element) -> int:
        self._at.update({e.id: i for i, e in enumerate(items)})
        i = self._at.get(element.id)
        if i is None or items[i] is not element:
            raise ValueError(f"{element.id!r} is not in its collection")
        return i
