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
journey opened later is settled with a collection, which gives the one
before it back.
"""

from __future__ import annotations

import gc


#: A window that is never painted (started minimised) gets the collector back after this long all the same.
HOLD_OFF_MS = 10_000


#: Held off since the start, and not settled yet (see :func:`settle`).
_starting = False


def hold_off() -> None:
    """No collection until :func:`settle` (the editor's start, until its first paint)."""
    global _starting
    _starting = True
    gc.disable()


def resume() -> None:
    """The collector back on, for a start that ends before its window (Qt could not start)."""
    global _starting
    _starting = False
    gc.enable()


def settle() -> None:
    """What is alive now stays alive: stop walking it in every full collection.

    The first settle after :func:`hold_off` does not look for garbage first (start-up's is small and fixed).
    """
    global _starting
    gc.unfreeze()
    if _starting:
        _starting = False
    else:
        gc.collect()
    gc.freeze()
    gc.enable()
