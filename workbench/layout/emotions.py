"""The emotion curve: a face per step with an emotion, joined by smooth runs (no Qt).

Points and curves are placed in the emotion lane's own coordinates (y from
its top), so a lane pushed down moves them without re-computing them.
"""

from __future__ import annotations

from collections.abc import Callable

from workbench.geometry import Anchor, Bezier, EmotionPoint, StepBox, Style
from workbench.model.journey import Step


def emotion_points(
    steps: list[StepBox], step_of: Callable[[str], Step], anchor: Anchor, s: Style
) -> tuple[list[EmotionPoint], list[list[Bezier]]]:
    """Points of the steps in time order that have an emotion, and the runs between gaps."""
    top = s.padding * 2
    span = s.emotion_height - s.padding * 4
    points: list[EmotionPoint] = []
    runs: list[list[Bezier]] = []
    run: list[EmotionPoint] = []
    for box in steps:
        level = step_of(box.id).emotion
        if level is None:
            runs += _curve(run)
            run = []
            continue
        point = EmotionPoint(box.id, level, box.header.centre[0], top + (2 - level) * span / 4, anchor)
        points.append(point)
        run.append(point)
    runs += _curve(run)
    return points, runs


def _curve(run: list[EmotionPoint]) -> list[list[Bezier]]:
    """A run of points as one smooth curve (Catmull-Rom as Béziers)."""
    if len(run) < 2:
        return []
    pts = [(p.x, p.offset) for p in run]
    segments: list[Bezier] = []
    for i in range(len(pts) - 1):
        p0 = pts[i - 1] if i > 0 else pts[i]
        p1, p2 = pts[i], pts[i + 1]
        p3 = pts[i + 2] if i + 2 < len(pts) else p2
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        segments.append((p1, c1, c2, p2))
    return [segments]
