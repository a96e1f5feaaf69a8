"""The canvas as a user feels it: scene build and each edit, to the painted frame, against Qt's own floor.

For each size, one window with the real canvas and inspector (`edits.py`)
and one with a bare scene of as many items (`frames.Floor`), measured in
the same run so that the ratio says how much the workbench adds to what Qt
costs anyway, whatever the machine. The edited elements sit near the top
left, in view: an edit off screen would not need a frame at all. Next to
the wall-clock figures, the process's CPU time: on a shared machine the
wall clock also counts the neighbours, and "cpu" says what the edit cost.
"""

from __future__ import annotations

import gc
from dataclasses import dataclass, field

from benchmarks.frames import Floor, Frame, qt_app, settle
from benchmarks.generate import journey_of
from benchmarks.report import Cell, p50, p95, print_rows, ratio

#: The figures, in the order they are printed.
EDITS = ("card drop", "undo move", "redo move", "inspector key", "Enter new step", "Enter, last step", "step move")


@dataclass
class CanvasFigures:
    """Every sample of one size, and what they are compared with."""

    size: int
    items: int
    build: list[Frame] = field(default_factory=list)
    #: The same, with nothing of the journey measured before: opening it.
    first_open: list[Frame] = field(default_factory=list)
    build_floor: list[Frame] = field(default_factory=list)
    edits: dict[str, list[Frame]] = field(default_factory=dict)
    floor: list[Frame] = field(default_factory=list)


def canvas_figures(size: int, edits: int, builds: int) -> CanvasFigures:
    """Time the scene build and every edit of EDITS on a journey of *size* steps (at least 5: one stage)."""
    qt_app()
    from benchmarks.edits import CanvasBench

    bench = CanvasBench(journey_of(size))
    journey = bench.journey
    items = len(journey.cards) + len(journey.steps) + len(journey.stages) + len(journey.lanes)
    figures = CanvasFigures(size, items)
    try:
        gc.collect()
        figures.build = bench.build_frames(builds)
        gc.collect()
        figures.first_open = bench.build_frames(builds, first_open=True)
        card, home, there = "card-1-actions", "step-1", "step-2"  # the second and third steps of stage 1
        gc.collect()
        figures.edits["card drop"] = bench.card_drop_frames(_even(edits), card, there)
        gc.collect()
        undos, redos = bench.undo_redo_frames(edits, card, there)
        figures.edits["undo move"], figures.edits["redo move"] = undos, redos
        gc.collect()
        figures.edits["inspector key"] = bench.keystroke_frames(_even(edits), card)
        gc.collect()
        figures.edits["Enter new step"] = bench.enter_step_frames(edits, there, "step-3")
        gc.collect()
        # The facilitator's usual case: the journey grows at its end (no column to its right moves).
        figures.edits["Enter, last step"] = bench.enter_step_frames(edits, bench.document.steps()[-1].id, None)
        gc.collect()
        figures.edits["step move"] = bench.step_move_frames(_even(edits), home, there)
        floor = Floor(items, bench.view)
    finally:
        bench.close()
    try:
        gc.collect()
        figures.floor = floor.move_frames(_even(edits))
        gc.collect()
        figures.build_floor = floor.build_frames(builds)
    finally:
        floor.close()
    settle()
    return figures


def _even(n: int) -> int:
    """Edits alternate with their inverse: an even count leaves the map as it was."""
    return n + n % 2


def _walls(frames: list[Frame]) -> list[float]:
    return [f.wall for f in frames]


def _cpus(frames: list[Frame]) -> list[float]:
    return [f.cpu for f in frames]


def print_canvas(results: list[CanvasFigures]) -> None:
    build_rows: list[dict[str, Cell]] = []
    for r in results:
        floor = _walls(r.build_floor)
        for name, frames in (("again", r.build), ("first open", r.first_open)):
            build = _walls(frames)
            build_rows.append({
                "steps": r.size, "items": r.items, "build": name, "p50 ms": p50(build), "p95 ms": p95(build),
                "cpu p50 ms": p50(_cpus(frames)), "floor p50 ms": p50(floor), "x floor p50": ratio(p50(build), p50(floor)),
                "builds": len(build),
            })
    print_rows("scene build to first painted frame (floor: a bare QGraphicsScene of as many items, shown;"
               " again: the journey's texts measured by a scene before; first open: nothing measured yet)", build_rows)
    rows: list[dict[str, Cell]] = []
    for r in results:
        floor = _walls(r.floor)
        named = [("floor: move 1 item", r.floor)] + [(name, r.edits[name]) for name in EDITS]
        for name, frames in named:
            walls = _walls(frames)
            rows.append({
                "steps": r.size, "edit": name, "p50 ms": p50(walls), "p95 ms": p95(walls),
                "cpu p50 ms": p50(_cpus(frames)),
                "x floor p50": ratio(p50(walls), p50(floor)), "x floor p95": ratio(p95(walls), p95(floor)),
                "n": len(walls),
            })
    print_rows("edit to painted frame (floor: a bare QGraphicsScene of as many items moving one, same run)", rows)
