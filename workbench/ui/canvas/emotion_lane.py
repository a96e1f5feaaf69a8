"""The emotion lane of the canvas: faces, the active curve, the other personas' curves and the legend.

Mixed into :class:`~workbench.ui.canvas.scene.JourneyScene`. Faces are
placed in the lane's column blocks, as cards are; the curves are children
of the lane's layer, the legend rides the band of lane titles.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGraphicsItem

from workbench.ui.canvas.curves import OtherCurveItem
from workbench.ui.canvas.legend import curve_label, entries as legend_entries

if TYPE_CHECKING:
    from workbench.layout import Patch


class EmotionLaneMixin:
    """Keeps the emotion lane's items in line with the layout (see the scene's ``_apply``)."""

    def _sync_emotions(self, patch: Patch) -> None:
        lay = self.layout
        lane = lay.emotion_lane
        layer = self.layers.get(lane.id) if lane else None
        # A face far from the view that has no item sleeps (see sleeping.py), after a full layout and after an
        # edit alike: a sleeping face is made from the point its step has when it wakes. (Another persona or
        # scenario shown touches every face: they were all made, the map's whole length.)
        items, faces_asleep = self.items_by_key, self.faces_asleep
        left, right = self._awake_span()
        if patch.full:
            if layer is None:
                faces_asleep.clear()
            points = [(point.step, point) for point in lay.emotion_points]
        else:
            face = self.engine.face  # (a step's face without indexing every face again)
            points = [(step_id, face(step_id)) for step_id in patch.emotions]
        for step_id, point in points:
            if point is not None and layer is not None and ("emotion", step_id) not in items and not left <= point.x <= right:
                faces_asleep.add(step_id)
            else:
                self._make_face(step_id, point)
        if self.curve.parentItem() is not layer:
            self.curve.setParentItem(layer)
            if self.curve.scene() is None:
                self.addItem(self.curve)
        active = lay.curves.get(lay.active) if lay.active is not None else None
        if active is not None:
            self.curve.set_look(active.colour, active.line, active.scenario)
        self.curve.set_runs(lay.local_curves if layer is not None else [])
        self._sync_other_curves(patch, layer)
        self._sync_legend(layer)

    def _sync_other_curves(self, patch: Patch, layer: QGraphicsItem | None) -> None:
        """The curves shown besides the active one; an edit at one step touches that step's marks only."""
        lay = self.layout
        others = {k: c for k, c in lay.curves.items() if k != lay.active} if layer is not None else {}
        for key in [k for k in self.other_curves if k not in others]:
            gone = self.other_curves.pop(key)
            self._discard(gone)
            self._discard(gone.dots)
        numbers = {p.id: i + 1 for i, p in enumerate(self.document.index.personas())} if others else {}
        for order, (key, curve) in enumerate(others.items()):
            tip = curve_label(curve.name, numbers.get(key[0], 0), key[1])
            item = self.other_curves.get(key)
            if item is None:
                self.other_curves[key] = item = OtherCurveItem(curve, tip)
                item.setParentItem(layer)
                item.dots.setParentItem(layer)
            else:
                if item.parentItem() is not layer:
                    item.setParentItem(layer)
                    item.dots.setParentItem(layer)
                item.set_curve(curve, None if patch.full else patch.emotions, tip)
            item.setZValue(OtherCurveItem.Z + order / 100)  # in the layout's drawing order
            item.dots.setZValue(OtherCurveItem.MARKS_Z + order / 100)  # over every line, under the faces

    def _sync_legend(self, layer: QGraphicsItem | None) -> None:
        shown = layer is not None and self.layout.emotion_lane is not None
        self.legend.place(self.layout, legend_entries(self) if shown else [])
