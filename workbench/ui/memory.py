"""Keep the garbage collector off the edit path once a journey is open.

A map of 1,000 steps is tens of thousands of long-lived objects (models,
layout boxes, items). Python's collector walks them all in its full
collections, and one landing in an edit cost 95–150 ms. Once a journey is
open they are moved out of its reach (``gc.freeze``); what an edit makes and
drops is still collected. Opening another journey first gives the previous
one back to the collector, so nothing is kept forever.
"""

from __future__ import annotations

import gc


def settle() -> None:
    """What is alive now stays alive: stop walking it in every full collection."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
