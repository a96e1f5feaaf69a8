"""Canvas timings: building the scene, and moving one card in it (offscreen Qt)."""

from __future__ import annotations

import os
import time

from benchmarks.generate import journey_of


def canvas_stages(size: int, repeat: int) -> dict[str, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from workbench.layout import layout
    from workbench.model.document import JourneyDocument
    from workbench.textmetrics import _wrap
    from workbench.ui.canvas.scene import JourneyScene

    app = QApplication.instance() or QApplication([])
    journey = journey_of(size)
    best_build = best_layout = best_cold = float("inf")
    for _ in range(repeat):
        _wrap.cache_clear()
        start = time.perf_counter()
        layout(journey)
        best_cold = min(best_cold, time.perf_counter() - start)
        start = time.perf_counter()
        layout(journey)
        best_layout = min(best_layout, time.perf_counter() - start)
        document = JourneyDocument(journey)
        start = time.perf_counter()
        scene = JourneyScene(document, QUndoStack())
        best_build = min(best_build, time.perf_counter() - start)
    card = document.journey.cards[len(document.journey.cards) // 2]
    target = document.journey.steps[0].id
    best_move = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        inverse = document.move(card.id, 0, step=target)
        scene.refresh()
        best_move = min(best_move, time.perf_counter() - start)
        document.apply(inverse)
        scene.refresh()
    app.processEvents()
    return {
        "layout cold ms": best_cold * 1000,
        "layout warm ms": best_layout * 1000,
        "build scene ms": best_build * 1000,
        "move card ms": best_move * 1000,
    }
