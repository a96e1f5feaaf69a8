"""The emotion curve: a face per step with an emotion, joined by smooth runs (no Qt).

Points and curves are placed in the emotion lane's own coordinates (y from
its top), so a lane pushed down moves them without re-computing them.
"""

from __future__ import annotations

from workbench.geometry import Anchor, Bezier, CurveKey, EmotionPoint, Run, StepBox, Style
from workbench.model.feelings import feeling
from workbench.model.index import JourneyIndex
from workbench.model.journey import SCENARIOS


def emotion_point(
    box: StepBox, level: int, anchor: Anchor, s: Style, persona: str = "", scenario: str = "as_is"
) -> EmotionPoint:
    """The face of a step: over its column, higher the better the level."""
    top = s.padding * 2
    span = s.emotion_height - s.padding * 4
    h = box.local_header
    return EmotionPoint(
        box.id, level, h.x + h.w / 2, top + (2 - level) * span / 4, anchor, box.left, persona, scenario
    )


def feeling_level(index: JourneyIndex, step_id: str, persona: str, scenario: str) -> int | None:
    entry = feeling(index.step(step_id), persona, scenario)
    return None if entry is None else entry.value


def every_curve(index: JourneyIndex) -> list[CurveKey]:
    """Every persona's two curves, in the order of the personas, "as is" first."""
    return [(p.id, scenario) for p in index.personas() for scenario in SCENARIOS]


def shown_curves(index: JourneyIndex) -> tuple[list[CurveKey], CurveKey | None]:
    """The curves that have at least one value, and the lead persona's "as is" (always, as active)."""
    personas = index.personas()
    if not personas:
        return [], None
    active = (personas[0].id, "as_is")
    return [key for key in every_curve(index) if key == active or index.felt[key] > 0], active


#: The runs last drawn for a curve, by the step of their first point: its points, their x from the first
#: one's column, the run.
RunCache = dict[str, tuple[tuple[EmotionPoint, ...], tuple[float, ...], Run]]


def curve_runs(steps: list[StepBox], points: dict[str, EmotionPoint], cache: RunCache | None = None) -> list[Run]:
    """The curve through the faces of the steps in time order, broken where a step has none.

    With *cache* (filled as it goes), a run whose points are the same
    objects, placed alike from its first one's column, is the same run as
    last time: a step swapped, a card edited far from it or a step added
    before it (which moves its columns together) neither draws it again nor,
    on the canvas, makes its pieces again.
    """
    runs: list[Run] = []
    run: list[EmotionPoint] = []
    known: RunCache = cache if cache is not None else {}
    fresh: RunCache = {}
    for box in steps:
        point = points.get(box.id)
        if point is None:
            runs += _run(run, known, fresh)
            run = []
        else:
            run.append(point)
    runs += _run(run, known, fresh)
    if cache is not None:
        cache.clear()
        cache.update(fresh)
    return runs


def _run(run: list[EmotionPoint], cache: RunCache, fresh: RunCache) -> list[Run]:
    """One run: the cached one if its points are the same objects, placed alike from the first one's column."""
    if len(run) < 2:
        return []
    left = run[0].column.x
    xs = tuple(p.x - left for p in run)
    known = cache.get(run[0].step)
    if known is not None and known[1] == xs and len(known[0]) == len(run) and all(a is b for a, b in zip(known[0], run)):
        fresh[run[0].step] = known
        return [known[2]]
    segments = Run(_curve([(x, p.offset) for x, p in zip(xs, run)]), run[0].column)
    fresh[run[0].step] = (tuple(run), xs, segments)
    return [segments]


def _curve(pts: list[tuple[float, float]]) -> list[Bezier]:
    """Points joined by one smooth curve (Catmull-Rom as Béziers)."""
    segments: list[Bezier] = []
    for i in range(len(pts) - 1):
        p0 = pts[i - 1] if i > 0 else pts[i]
        p1, p2 = pts[i], pts[i + 1]
        p3 = pts[i + 2] if i + 2 < len(pts) else p2
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        segments.append((p1, c1, c2, p2))
    return segments
