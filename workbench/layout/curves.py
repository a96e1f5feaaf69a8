"""Laying out the emotion curves: each persona's, in each scenario, that the caller asks for (no Qt).

Mixed into :class:`~workbench.layout.engine.LayoutEngine`. The engine's
*curves* callable names the curves to lay out, in drawing order, and the
active one; the points of the steps an edit touched are placed again on
every curve, and a curve's runs are drawn anew only when one of its points
changed or the steps were reordered.
"""

from __future__ import annotations

from collections.abc import Callable
from operator import is_
from typing import TYPE_CHECKING

from workbench.geometry import Curve, CurveKey, EmotionPoint, Run
from workbench.layout.emotions import StepOrder, curve_runs, emotion_point, feeling_level

if TYPE_CHECKING:
    from workbench.layout.engine import Patch


class CurvesMixin:
    """The emotion curves of LayoutEngine."""

    def _emotion_lane_changed(self) -> bool:
        lane = self.layout.emotion_lane
        return (lane.id, lane.kind) != self._emotion_lane if lane else self._emotion_lane is not None

    def _update_emotions(
        self, changed: set[str] | None, patch: Patch, reordered: bool = True, moved: set[str] | None = None
    ) -> None:
        """Faces of the steps in *changed* (None: all) placed again, on every curve shown; runs drawn anew.

        *moved*, if given, is every step whose column moved since the last
        update (``patch.alike`` of them all by the same distance).
        """
        lay = self.layout
        lane = lay.emotion_lane
        key = (lane.id, lane.kind) if lane else None
        keys, active = self._shown
        if changed is None or key != self._emotion_lane:
            changed = set(self._col_of) | {sid for points in self._points.values() for sid in points}
            for gone in [k for k in self._points if k not in keys]:
                patch.emotions |= set(self._points.pop(gone))
                self._run_cache.pop(gone, None)
        self._emotion_lane = key
        if lane is None:
            patch.emotions |= {sid for points in self._points.values() for sid in points}
            self._points, self._run_cache = {}, {}
            lay.emotion_points, lay.local_curves, lay.curves, lay.active = [], [], {}, active
            patch.curve = True
            return
        anchor = self._anchors[lane.id]
        touched: set[CurveKey] = set()
        # The active curve first: its face keeps the middle of the column, the points equal to it step aside.
        # (A change of the curves shown or of the active one places every step again: see the engine.)
        ordered = [active, *(k for k in keys if k != active)] if active in keys else list(keys)
        curve_points = [(curve, self._points.setdefault(curve, {})) for curve in ordered]
        for step_id in changed:
            box = self._step_boxes.get(step_id) if step_id in self._col_of else None
            levels = [feeling_level(self.index, step_id, *curve) if box is not None else None for curve, _ in curve_points]
            placed: list[int] = []  # the levels of the points placed at this step so far
            for (curve, points), level in zip(curve_points, levels):
                persona, scenario = curve
                old = points.get(step_id)
                if level is None:
                    if old is not None:
                        del points[step_id]
                        patch.emotions.add(step_id)
                        touched.add(curve)
                    continue
                point = emotion_point(  # type: ignore[arg-type]
                    box, level, anchor, self.style, persona, scenario, placed.count(level), levels.count(level)
                )
                placed.append(level)
                if point != old or old.anchor is not anchor or old.column is not point.column:  # type: ignore[union-attr]
                    points[step_id] = point
                    patch.emotions.add(step_id)
                    touched.add(curve)
        if touched or patch.full or reordered or list(lay.curves) != keys or lay.active != active or self._looks_dirty:
            curves: dict[CurveKey, Curve] = {}
            order: StepOrder | None = None
            for curve in keys:
                points = self._points[curve]
                old_curve = lay.curves.get(curve)
                look = self._look(curve[0])
                if old_curve is not None and curve not in touched and not reordered and not patch.full:
                    if _look_of(old_curve) == look:
                        curves[curve] = old_curve
                    else:
                        curves[curve] = Curve(curve, old_curve.points, old_curve.local_runs, *look)
                        patch.curve = True
                    continue
                if order is None:
                    together = None if moved is None else _together(moved, patch.alike)
                    order = StepOrder(lay.steps, together)  # once for every curve
                runs, faces = curve_runs(order, points, self._run_cache.setdefault(curve, {}))
                if (old_curve is None or not _same_runs(runs, old_curve.local_runs) or _look_of(old_curve) != look
                        or not _same_faces(faces, old_curve.points)):
                    patch.curve = True  # (faces in another order with no run changed: two lone faces swapped)
                curves[curve] = Curve(curve, faces, runs, *look)
            if list(curves) != list(lay.curves):
                patch.curve = True
            lay.curves = curves
            if lay.active != active:
                patch.curve = True
                patch.emotions |= {p.step for c in (lay.active, active) if c in curves for p in curves[c].points}
            lay.active = active
            shown = curves.get(active) if active is not None else None
            lay.emotion_points = shown.points if shown else []
            lay.local_curves = shown.local_runs if shown else []

    def _look(self, persona_id: str) -> tuple[str, str, str, str]:
        """How a persona's curves are drawn: shape, line, colour, and its name for legends."""
        try:
            p = self.index.persona(persona_id)
        except KeyError:
            return ("circle", "medium", "#334e68", "")
        return (p.shape, p.line, p.colour, p.name)


def _together(moved: set[str], alike: set[str]) -> Callable[[list[str]], bool]:
    """Whether some steps' columns all moved by the same distance (or none did), *moved* having moved and
    *alike* of them all alike."""

    def together(ids: list[str]) -> bool:
        return moved.isdisjoint(ids) or alike.issuperset(ids)

    return together


def _look_of(curve: Curve) -> tuple[str, str, str, str]:
    return (curve.shape, curve.line, curve.colour, curve.name)


def _same_faces(faces: list[EmotionPoint], old: list[EmotionPoint]) -> bool:
    """The very same faces, in the same (time) order."""
    return len(faces) == len(old) and all(map(is_, faces, old))


def _same_runs(runs: list[Run], old: list[Run]) -> bool:
    """The same runs, placed from the same columns: two steps that swap at the start of a run give a run of
    equal segments counted from another column, which is drawn elsewhere."""
    return len(runs) == len(old) and all(a.column is b.column and a == b for a, b in zip(runs, old))
