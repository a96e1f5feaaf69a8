"""The garbage collector stays out of the way while a journey is opened and its canvas built."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtGui import QUndoStack

from benchmarks.generate import journey_of
from workbench.model.document import JourneyDocument
from workbench.ui.canvas.scene import JourneyScene
from workbench.ui.memory import collector_paused


def test_the_collector_is_paused_inside_and_as_it_was_after() -> None:
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    with pytest.raises(RuntimeError), collector_paused():
        raise RuntimeError("a bad file")
    assert gc.isenabled()  # an error on the way does not leave it off
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()  # not switched on by someone who did not switch it off
    finally:
        gc.enable()


def test_building_the_canvas_of_a_long_map_starts_no_collection(qapp) -> None:  # type: ignore[no-untyped-def]
    """A collection walks every object alive: in the build, where nearly all new objects live on, it only cost time."""
    document = JourneyDocument(journey_of(300))
    collections: list[int] = []

    def count(phase: str, info: dict) -> None:  # type: ignore[type-arg]
        if phase == "start":
            collections.append(info["generation"])

    gc.collect()
    gc.callbacks.append(count)
    try:
        scene = JourneyScene(document, QUndoStack())
    finally:
        gc.callbacks.remove(count)
    assert len(scene.items_by_key) > 1500  # it did make the cards, steps and faces
    assert len(collections) <= 1, collections  # (one may come as it is switched on again; without the pause, dozens)
    scene.detach()
