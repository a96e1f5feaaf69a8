"""The runs of an emotion curve: one smooth line through each stretch of faces, in chunks, made again only where
the faces changed.

`curve_runs` is held to a plain reading of what it draws: walk the steps in
time order, start a new line at each step without a face, and join the faces
of each stretch of two or more with one Catmull-Rom curve.
"""

from __future__ import annotations

import random
from types import SimpleNamespace

import pytest

from workbench.geometry import Anchor, EmotionPoint, joined_runs
from workbench.layout.emotions import StepOrder, _curve, _cuts, curve_runs

PITCH = 180.0


def steps_and_points(pattern: list[int | None], rng: random.Random) -> tuple[list[SimpleNamespace], dict]:
    """Steps s0, s1... one column each; a face at each level of *pattern* (None: no face)."""
    lane = Anchor(y=300.0)
    steps = [SimpleNamespace(id=f"s{i}") for i in range(len(pattern))]
    points = {}
    for i, level in enumerate(pattern):
        if level is not None:
            column = Anchor(x=20.0 + i * PITCH)
            points[f"s{i}"] = EmotionPoint(f"s{i}", level, 80.0 + rng.choice((0.0, 0.5)), 10.0 + 12 * (2 - level),
                                           lane, column)
    return steps, points


def reference(steps: list[SimpleNamespace], points: dict) -> list[list]:
    lines, stretch = [], []
    for step in steps + [SimpleNamespace(id=None)]:
        point = points.get(step.id)
        if point is not None:
            stretch.append(point)
            continue
        if len(stretch) >= 2:
            lines.append(_curve([(p.x, p.offset) for p in stretch]))
        stretch = []
    return lines


def close(a: list, b: list) -> bool:
    flat_a = [c for seg in a for pt in seg for c in pt]
    flat_b = [c for seg in b for pt in seg for c in pt]
    return len(flat_a) == len(flat_b) and all(x == pytest.approx(y, abs=1e-9) for x, y in zip(flat_a, flat_b))


@pytest.mark.parametrize("seed", range(40))
def test_the_runs_are_the_stretches_of_faces_each_one_smooth_line_cut_only_at_cut_steps(seed: int) -> None:
    rng = random.Random(seed)
    count = rng.choice((0, 1, 2, 3, 60, 300))
    pattern = [None if rng.random() < rng.choice((0.0, 0.05, 0.4)) else rng.randint(-2, 2) for _ in range(count)]
    steps, points = steps_and_points(pattern, rng)
    runs, faces = curve_runs(StepOrder(steps), points)  # type: ignore[arg-type]
    assert faces == [points[s.id] for s in steps if s.id in points]
    lines = reference(steps, points)
    drawn = joined_runs(runs, 0.0)
    assert len(drawn) == len(lines)
    assert all(close(a, b) for a, b in zip(drawn, lines))
    where = {id(p.column): p for p in points.values()}
    for run in runs:
        assert len(run) >= 1  # no empty chunk
        first = where[id(run.column)]  # each chunk placed from its first face's column
        assert run[0][0][0] + run.column.x == pytest.approx(first.x)
        if run.joined:
            assert _cuts(first.step)  # a chunk goes on from the one before it only at a cut step
    inner_cuts = sum(
        _cuts(p.step) for line_faces in _stretches(steps, points) for p in line_faces[1:-1]
    )
    assert sum(run.joined for run in runs) == inner_cuts


def _stretches(steps: list[SimpleNamespace], points: dict) -> list[list]:
    out, stretch = [], []
    for step in steps + [SimpleNamespace(id=None)]:
        if step.id in points:
            stretch.append(points[step.id])
        else:
            if len(stretch) >= 2:
                out.append(stretch)
            stretch = []
    return out


def test_a_face_changed_makes_again_only_the_chunks_it_shapes() -> None:
    rng = random.Random(7)
    steps, points = steps_and_points([rng.randint(-2, 2) for _ in range(400)], rng)
    cache: dict = {}
    before, _ = curve_runs(StepOrder(steps), points, cache)  # type: ignore[arg-type]
    again, _ = curve_runs(StepOrder(steps), points, cache)  # type: ignore[arg-type]
    assert [id(r) for r in again] == [id(r) for r in before]  # nothing changed: the very same chunks
    old = points["s200"]
    points["s200"] = EmotionPoint("s200", -old.level or 1, old.local_x, old.offset + 5, old.anchor, old.column)
    after, _ = curve_runs(StepOrder(steps), points, cache)  # type: ignore[arg-type]
    made = [run for run in after if all(run is not r for r in before)]
    assert 1 <= len(made) <= 2  # the chunk it is in (and the one before, when it starts one)
    assert close(joined_runs(after, 0.0)[0], reference(steps, points)[0])
