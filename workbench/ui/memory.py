"""Keep the garbage collector off the edit path once a journey is open.

A map of 1,000 steps is tens of thousands of long-lived objects (models,
layout boxes, items). Python's collector walks them all in its full
collections, and one landing in an edit cost 95–150 ms. Once a journey is
open they are moved out of its reach (``gc.freeze``); what an edit makes and
drops is still collected. Opening another journey first gives the previous
one back to the collector, so nothing is kept forever.

While a journey's canvas is built (its window shows it), tens of thousands of objects
are made and nearly all of them live on: the collector, which starts a
collection every few hundred new objects and now and then walks everything,
took about half of a 1,000-step canvas build. It is paused there; the
collection happens once, in :func:`settle`, after the first paint.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No automatic collection inside (reference counting still frees what is dropped)."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


def settle() -> None:
    """What is alive now stays alive: stop walking it in every full collection."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
