"""The emotion curve: a face per step with an emotion, joined by smooth runs (no Qt).

Points and curves are placed in the emotion lane's own coordinates (y from
its top), so a lane pushed down moves them without re-computing them.
"""

from __future__ import annotations

from workbench.geometry import Anchor, Bezier, EmotionPoint, StepBox, Style


def emotion_point(box: StepBox, level: int, anchor: Anchor, s: Style) -> EmotionPoint:
    """The face of a step: over its column, higher the better the level."""
    top = s.padding * 2
    span = s.emotion_height - s.padding * 4
    h = box.local_header
    return EmotionPoint(box.id, level, h.x + h.w / 2, top + (2 - level) * span / 4, anchor, box.left)


def curve_runs(steps: list[StepBox], points: dict[str, EmotionPoint]) -> list[list[Bezier]]:
    """The curve through the faces of the steps in time order, broken where a step has none."""
    runs: list[list[Bezier]] = []
    run: list[EmotionPoint] = []
    for box in steps:
        point = points.get(box.id)
        if point is None:
            runs += _curve(run)
            run = []
        else:
            run.append(point)
    runs += _curve(run)
    return runs


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
