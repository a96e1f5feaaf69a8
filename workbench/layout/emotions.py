"""The emotion curve: a face per step with an emotion, joined by smooth runs (no Qt).

Points and curves are placed in the emotion lane's own coordinates (y from
its top), so a lane pushed down moves them without re-computing them.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from bisect import bisect_left, bisect_right
from itertools import compress, repeat
from operator import add, attrgetter, is_, sub

from workbench.geometry import Anchor, Bezier, CurveKey, EmotionPoint, Run, StepBox, Style
from workbench.model.feelings import feeling
from workbench.model.index import JourneyIndex
from workbench.model.journey import SCENARIOS


def emotion_point(
    box: StepBox, level: int, anchor: Anchor, s: Style, persona: str = "", scenario: str = "as_is",
    slot: int = 0, count: int = 1,
) -> EmotionPoint:
    """The face of a step: over its column, higher the better the level.

    *slot* counts the curves drawn before this one with the same level at
    this step (the active curve first), of *count* there: the point sits
    that far beside the middle of the column, so that a second persona
    feeling the same as the first, or a "to be" equal to "as is", is not
    hidden under its face.
    """
    top = s.padding * 2
    span = s.emotion_height - s.padding * 4
    h = box.local_header
    x = h.x + h.w / 2 + dodge(slot, count, s, h.w / 2)
    return EmotionPoint(box.id, level, x, top + (2 - level) * span / 4, anchor, box.left, persona, scenario)


def dodge(slot: int, count: int, s: Style, room: float) -> float:
    """How far from the middle of its column the *slot*-th of *count* points at one level sits: 0, then right,
    left, ... The two beside the middle keep clear of the face; the ones further out come closer together when
    there are too many for the column (*room* each side of the middle): twenty curves at one level ran into the
    next steps' columns."""
    if slot == 0:
        return 0.0
    side = 1 if slot % 2 else -1
    step = s.dodge_step
    rows = (count - 2) // 2  # steps out beyond the first on the wider side
    room -= s.dodge_step / 2  # (a mark's half, inside the column)
    if rows > 0 and s.dodge + rows * step > room:
        step = max(0.0, (room - s.dodge) / rows)
    return side * (s.dodge + (slot - 1) // 2 * step)


def feeling_level(index: JourneyIndex, step_id: str, persona: str, scenario: str) -> int | None:
    entry = feeling(index.step(step_id), persona, scenario)
    return None if entry is None else entry.value


def every_curve(index: JourneyIndex) -> list[CurveKey]:
    """Every persona's two curves, in the order of the personas, "as is" first."""
    return [(p.id, scenario) for p in index.personas() for scenario in SCENARIOS]


def legend_entries(index: JourneyIndex, active: CurveKey | None) -> int:
    """How many curves a legend lists: every curve with a value, and the active one (hidden ones too, greyed)."""
    return sum(1 for key in every_curve(index) if key == active or index.felt[key] > 0)


def shown_curves(index: JourneyIndex) -> tuple[list[CurveKey], CurveKey | None]:
    """The curves that have at least one value, and the lead persona's "as is" (always, as active)."""
    personas = index.personas()
    if not personas:
        return [], None
    active = (personas[0].id, "as_is")
    return [key for key in every_curve(index) if key == active or index.felt[key] > 0], active


#: The chunks of runs last drawn for a curve, by the step of their first point: the points that shape it, their x
#: from the first one's column, the chunk.
RunCache = dict[str, tuple[tuple[EmotionPoint, ...], tuple[float, ...], Run]]


class StepOrder:
    """The steps in time order, as :func:`curve_runs` reads them for every curve of one layout: their ids,
    and the places where a long run may be cut (see :func:`_cuts`).

    *together*, if given, says of some steps that their columns all moved by
    the same distance (or none) since the runs were last made: a chunk of
    them whose faces are the same is the same chunk, without its places
    being measured again (a step added early in a long map moves the
    columns of all the chunks after it alike).
    """

    __slots__ = ("ids", "cuts", "together")

    def __init__(self, steps: list[StepBox], together: Callable[[list[str]], bool] | None = None) -> None:
        self.together = together
        self.ids = list(map(_ID, steps))
        try:
            flags = list(map(_CUTS.__getitem__, self.ids))  # (in C: thousands of steps, on every edit that moves one)
        except KeyError:  # (a step new since: only the new ones are hashed, not every step again in Python)
            for step_id in set(self.ids).difference(_CUTS):
                _cuts(step_id)
            flags = list(map(_CUTS.__getitem__, self.ids))
        self.cuts = list(compress(range(len(flags)), flags))


def curve_runs(
    order: StepOrder, points: dict[str, EmotionPoint], cache: RunCache | None = None
) -> tuple[list[Run], list[EmotionPoint]]:
    """The curve through the faces of the steps in *order*, broken where a step has none; and its faces.

    A long run comes in chunks (see :data:`CHUNK`), each placed from its first
    face's column. With *cache* (filled as it goes), a chunk whose faces (and
    the faces either side that shape its ends) are the same objects, placed
    alike from its first face's column, is the same chunk as last time: a step
    swapped, a card edited far from it or a step added before it (which moves
    its columns together) neither draws it again nor, on the canvas, makes its
    piece again.

    The steps are looked at in C (``map``, ``list.index``), not one by one in
    Python: with four curves shown, an edit looks at every step four times.
    """
    faces = list(map(points.get, order.ids))
    present = list(map(points.__contains__, order.ids))
    runs: list[Run] = []
    known: RunCache = cache if cache is not None else {}
    fresh: RunCache = {}
    start, count = 0, len(faces)
    while start < count:
        try:
            start = present.index(True, start)
        except ValueError:
            break
        try:
            end = present.index(False, start)
        except ValueError:
            end = count
        if end - start >= 2:
            runs += _chunks(faces, start, end, order, known, fresh)  # type: ignore[arg-type]
        start = end
    if cache is not None:
        cache.clear()
        cache.update(fresh)
    return runs, list(compress(faces, present))  # type: ignore[arg-type]


#: A run is cut into chunks of about this many segments, at faces picked by their step's id, not by their rank:
#: a step added in a long run (every step of a map with a face, on each of four curves) makes the chunk it is in
#: again, not the rest of the run after it. A chunk that goes on from the one before it says so (``Run.joined``).
#: (As long as the canvas's pieces: 16 made three times the pieces, and cost a single curve more than it saved.)
CHUNK = 48


#: Whether a run is cut at a step's face, by step id: a hash of the id the same in every process (not ``hash()``).
_CUTS: dict[str, bool] = {}


_ID = attrgetter("id")
_COLUMN_X = attrgetter("column.x")
_LOCAL_X = attrgetter("local_x")


def _cuts(step_id: str) -> bool:
    found = _CUTS.get(step_id)
    if found is None:
        if len(_CUTS) > 200_000:
            _CUTS.clear()
        found = _CUTS[step_id] = zlib.crc32(step_id.encode()) % CHUNK == 0
    return found


def _chunks(
    faces: list[EmotionPoint], start: int, end: int, order: StepOrder, cache: RunCache, fresh: RunCache
) -> list[Run]:
    """The run of *faces* from *start* to *end* (excluded), in chunks cut at the order's cuts (never at its
    ends)."""
    last = end - 1
    out: list[Run] = []
    first = start
    cuts = order.cuts
    for i in cuts[bisect_right(cuts, start) : bisect_left(cuts, last)]:
        out.append(_chunk(faces, first, i, start, end, order, cache, fresh))
        first = i
    out.append(_chunk(faces, first, last, start, end, order, cache, fresh))
    return out


def _chunk(
    faces: list[EmotionPoint], a: int, b: int, start: int, end: int, order: StepOrder, cache: RunCache,
    fresh: RunCache,
) -> Run:
    """The segments from face *a* to face *b* of the run from *start* to *end*: the cached ones if the faces that
    shape them (one more either side, where the run has one) are the same objects, placed alike from face *a*'s
    column."""
    low, high = max(a - 1, start), min(b + 2, end)
    window = faces[low:high]
    key = faces[a].step
    known = cache.get(key)
    if (known is not None and order.together is not None and len(known[0]) == len(window)
            and all(map(is_, known[0], window)) and order.together(order.ids[low:high])):
        fresh[key] = known  # (the same faces, whose columns moved alike: placed alike)
        return known[2]
    left = faces[a].column.x
    # p.x - left for each, in C (no property call, no Python loop): every chunk of a long curve is checked so.
    xs = tuple(map(sub, map(add, map(_COLUMN_X, window), map(_LOCAL_X, window)), repeat(left)))
    if known is not None and known[1] == xs and len(known[0]) == len(window) and all(map(is_, known[0], window)):
        fresh[key] = known
        return known[2]
    segments = _curve([(x, p.offset) for x, p in zip(xs, window)])[a - low : b - low]
    chunk = Run(segments, faces[a].column, joined=a > start)
    fresh[key] = (tuple(window), xs, chunk)
    return chunk


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
