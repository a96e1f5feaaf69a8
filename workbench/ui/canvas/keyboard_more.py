"""What the keyboard adds and opens on the canvas: palette items where the keyboard is, and its right-click menu.

Palette items chosen with the keyboard land at the selection, through the
same rules as a drop; Shift+F10 and the Menu key open the menu of what the
keyboard is on. Split from :mod:`keyboard` (its moves); mixed into `JourneyScene`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt

from workbench.ui.canvas import placement
from workbench.ui.canvas.dropping import DropPlan, Refusal

translate = QCoreApplication.translate


class KeyboardMoreMixin:
    """Palette items and the context menu from the keyboard (see the module's doc)."""

    def open_keyboard_menu(self) -> bool:
        """Shift+F10 or the Menu key: the right-click menu of what the keyboard is on (a selected element, or
        the empty cell), beside it. Without them, duplicating a step or marking a goal needed the mouse."""
        from workbench.ui.canvas.context_menu import context_menu

        self.ensure_fresh()
        items = self.selectedItems()
        if self.cursor_cell is not None and self.cursor_cell[0] in self.document and self.cursor_cell[1] in self.document:
            r = self.cell_rect(*self.cursor_cell)
            at = QPointF(r.x + r.w / 2, r.y + r.h / 2)
        elif items:
            at = items[0].sceneBoundingRect().center()
        else:
            return False
        views = self.views()
        menu = context_menu(self, at)  # type: ignore[arg-type]
        if menu is None or not views:
            return False
        view = views[0]
        view.ensureVisible(QRectF(at.x() - 40, at.y() - 20, 80, 40))
        self.context_menu_shown.emit(menu)  # type: ignore[attr-defined]
        menu.exec(view.viewport().mapToGlobal(view.mapFromScene(at)))
        return True

    # ---------------------------------------------------- palette by keys

    def insert_from_palette(self, payload: str) -> bool:
        """Add a palette item where the keyboard is (as a drop there would), then edit it."""
        self.ensure_fresh()
        at = self._insertion_point(payload)
        answer = self.plan_drop(payload, at, shown=False) if at is not None else Refusal(
            translate("Canvas", "Select a step first: the new element goes next to it."))
        if isinstance(answer, Refusal):
            self._last_refusal = ""
            self._refuse(answer.reason)
            return False
        assert isinstance(answer, DropPlan)
        for view in self.views():
            view.setFocus(Qt.FocusReason.OtherFocusReason)
        return bool(self.perform_plan(answer))

    def _insertion_point(self, payload: str) -> QPointF | None:
        lay, doc = self.layout, self.document
        place = self.keyboard_place()
        what = payload.split(":")[0]
        stages = self.selected_ids("stage") if place is None else []
        if stages:  # a stage selected: a step goes at its end, a stage after it, anything else at its first step
            rect = next(s.rect for s in lay.stages if s.id == stages[0])
            steps = [s.id for s in doc.index.steps_of(stages[0])]
            if what == "stage":
                return QPointF(rect.right + 1, rect.centre[1])
            if not steps:  # (an empty stage: its free column takes a step, and nothing else)
                return QPointF(rect.centre[0], rect.bottom + 8) if what == "step" else None
            place = (steps[-1] if what == "step" else steps[0], None, None)
        if place is None and lay.steps:
            place = (lay.steps[-1].id, None, None)
        if place is None:
            if what == "stage":
                return QPointF(lay.width, lay.style.margin + 4)
            if what == "step" and lay.stages:
                return QPointF(lay.stages[0].rect.centre[0], lay.stages[0].rect.bottom + 8)
            return None
        step, lane, _ = place
        box = next(s for s in lay.steps if s.id == step)
        stage = next(s.rect for s in lay.stages if s.id == doc.get(step).stage)  # type: ignore[attr-defined]
        if what == "step":
            return QPointF(box.column.right + 1, box.column.centre[1])
        if what == "stage":
            return QPointF(stage.right + 1, stage.centre[1])
        if what == "lane":
            row = next((la.row for la in lay.lanes if la.id == lane), lay.lanes[-1].row if lay.lanes else None)
            return QPointF(box.column.centre[0], row.bottom - 1) if row is not None else None
        if what == "emotion":
            row = lay.emotion_lane.row if lay.emotion_lane else None
            return QPointF(box.column.centre[0], row.centre[1]) if row is not None else None
        if what == "handoff":
            cards = self.selected_ids("card")
            box = lay.card_boxes.get(cards[0]) if cards else None
            rect = box.rect if box is not None else None
            return QPointF(*rect.centre) if rect is not None else None
        kind = payload.split(":")[1] if ":" in payload else ""
        lanes = [la for la in doc.lanes() if placement.card_fits_lane(kind, la.kind)]
        target = next((la for la in lanes if la.id == lane), lanes[0] if lanes else None)
        if target is None:
            return None
        row = next(la.row for la in lay.lanes if la.id == target.id)
        return QPointF(box.column.centre[0], row.bottom - 2)
