"""Keep the garbage collector off the edit path once a journey is open.

A map of 1,000 steps is tens of thousands of long-lived objects (models,
layout boxes, items). Python's collector walks them all in its full
collections, and one landing in an edit cost 95–150 ms. Once a journey is
open they are moved out of its reach (``gc.freeze``); what an edit makes and
drops is still collected. Opening another journey first gives the previous
one back to the collector, so nothing is kept forever.

Start-up is all such objects (classes, the journey's models, boxes and
items): the editor holds the collector off from its start to its first
paint (:func:`hold_off`), where it settles. At 1,000 steps, that was a
tenth of the time to the first paint.

That first settle freezes without collecting. What start-up leaves as
garbage is the same whatever the map (~1,300 objects, ~300 KiB, from the
imports), and a collection to find it walked every object the map made:
~80 ms at 1,000 steps in which the window, just shown, did not answer. A
journey opened later is held off the same way, from making its document
to the first paint of its map, and settled with a collection after that
paint, which gives the one before it back. That collection walks both maps
(100-240 ms at 1,000 steps) and came before the paint: File > Open of
1,000 steps went from 479-621 to 323-375 ms to the painted map.
"""

from __future__ import annotations

import gc


#: A window that is never painted (started minimised) gets the collector back after this long all the same.
HOLD_OFF_MS = 10_000


#: Held off and not settled yet: None (not held), False (since the start: the settle does not collect),
#: True (for a journey opened later: the settle collects, and gives the journey before it back).
_held: bool | None = None


def hold_off(collect: bool = False) -> None:
    """No collection until :func:`settle`; with *collect*, that settle looks for garbage first.

    The editor's start holds it off without *collect* (see above); a journey opened later, with it.
    """
    global _held
    _held = collect or bool(_held)
    gc.disable()


def resume() -> None:
    """The collector back on, for a start that ends before its window (Qt could not start)."""
    global _held
    _held = None
    gc.enable()


def settle() -> None:
    """What is alive now stays alive: stop walking it in every full collection.

    The first settle after the start's :func:`hold_off` does not look for garbage first (start-up's is small
    and fixed); any other does.
    """
    global _held
    gc.unfreeze()
    if _held is not False:
        gc.collect()
    _held = None
    gc.freeze()
    gc.enable()


def is_held() -> bool:
    """The collector is held off, waiting for a paint (or the fallback) to settle."""
    return _held is not None


def settle_if_held() -> None:
    """:func:`settle`, unless that was done since the collector was held off."""
    if _held is not None:
        settle()
