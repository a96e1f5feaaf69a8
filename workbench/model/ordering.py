"""Order numbers that keep a diff small.

Siblings (steps of a stage, cards of a cell...) are sorted by their ``order``
field. New places are chosen in the gap between neighbours, so moving one
element rewrites one number; only when no gap is left are the siblings
renumbered, with room (``GAP``) between them again.
"""

from __future__ import annotations

GAP = 10
#: The largest order a file may hold (``journey.Order``).
MAX_ORDER = 1_000_000_000


def order_at(orders: list[int], index: int) -> int | None:
    """The order for a new element at *index* among sorted *orders*.

    None when there is no free number there and the siblings must be
    renumbered (see :func:`renumbered`).
    """
    index = max(0, min(index, len(orders)))
    before = orders[index - 1] if index > 0 else None
    after = orders[index] if index < len(orders) else None
    if before is None and after is None:
        return GAP
    if before is None:
        assert after is not None
        return after - GAP if after >= GAP else (after // 2 if after >= 1 else None)
    if after is None:
        return before + GAP if before + GAP <= MAX_ORDER else None
    if after - before >= 2:
        return (before + after) // 2
    return None


def renumbered(count: int) -> list[int]:
    """Fresh orders for *count* siblings, with room between them."""
    return [nth_order(i + 1) for i in range(count)]


def nth_order(position: int) -> int:
    """The order :func:`renumbered` gives the *position*-th of its siblings (from 1), without the list of them
    all (a Mermaid import asked for the list at every task: minutes for a long diagram)."""
    return GAP * position
