"""The canvas scene: draws the layout of a document and keeps up with its events.

The scene keeps ``{element_id: item}`` and, after any change to the
document, computes a fresh layout and moves, adds or drops items to match.
Gestures (drags, drops, keys) live in `gestures.py` and become commands; the
scene itself never edits the document.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, QTimer, Signal
from PySide6.QtGui import QColor, QUndoStack
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from workbench import theme
from workbench.geometry import Layout
from workbench.layout import layout
from workbench.model.document import JourneyDocument
from workbench.model.events import Change
from workbench.ui.canvas.dropping import DroppingMixin
from workbench.ui.canvas.editing import EditingMixin
from workbench.ui.canvas.frozen import FrozenMixin
from workbench.ui.canvas.gestures import GesturesMixin
from workbench.ui.canvas.keyboard import KeyboardMixin
from workbench.ui.canvas.items import (
    CardItem,
    ConnectorItem,
    CurveItem,
    EmotionItem,
    LaneItem,
    LaneTitleItem,
    StageItem,
    StepItem,
)


class JourneyScene(EditingMixin, KeyboardMixin, DroppingMixin, GesturesMixin, FrozenMixin, QGraphicsScene):
    #: A short message for the status bar (a refused drop, a refused edit...).
    message = Signal(str)
    #: Emitted after every refresh, with the new layout.
    refreshed = Signal()
    #: A right-click menu is about to show (tests close it from here).
    context_menu_shown = Signal(object)

    def __init__(self, document: JourneyDocument, stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.stack = stack
        self.layout: Layout = layout(document)
        self.items_by_key: dict[tuple[str, str], QGraphicsItem] = {}
        self.curve = CurveItem()
        self.addItem(self.curve)
        self.setBackgroundBrush(QColor(theme.BACKGROUND))
        self._dirty = False
        self.badges: dict[str, str] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        self.init_frozen()
        self.init_gestures()
        self.init_dropping()
        self.init_keyboard()
        document.changed.connect(self._on_change)
        self.refresh()

    def detach(self) -> None:
        """Stop listening to the document (the window is closing or switching)."""
        self.document.changed.disconnect(self._on_change)

    # ------------------------------------------------------------ refresh

    def _on_change(self, change: Change) -> None:
        self._dirty = True
        self._timer.start()

    def ensure_fresh(self) -> None:
        if self._dirty:
            self.refresh()

    def refresh(self) -> None:
        """Lay the document out again and bring every item in line with it."""
        self._dirty = False
        self._timer.stop()
        selected = {self.key_of(item) for item in self.selectedItems()}
        lay = layout(self.document)
        self.layout = lay
        seen: set[tuple[str, str]] = set()

        bands = {"stage": self.header_band, "step": self.header_band, "lane": self.title_band}

        def sync(kind: str, element_id: str, make, update) -> QGraphicsItem:  # type: ignore[no-untyped-def]
            key = (kind, element_id)
            seen.add(key)
            item = self.items_by_key.get(key)
            if item is None:
                item = make()
                self.items_by_key[key] = item
                if kind in bands:  # headers ride on their band (see frozen.py)
                    item.setParentItem(bands[kind])
                else:
                    self.addItem(item)
            else:
                update(item)
            return item

        for i, lane in enumerate(lay.lanes):
            sync("lane-row", lane.id, lambda: LaneItem(lane, i), lambda it: it.set_box(lane, i))
            width = lay.style.lane_title_width
            sync("lane", lane.id, lambda: LaneTitleItem(lane, width), lambda it: it.set_box(lane, width))
        for stage in lay.stages:
            sync("stage", stage.id, lambda: StageItem(stage), lambda it: it.set_box(stage))
        for step in lay.steps:
            item = sync("step", step.id, lambda: StepItem(step), lambda it: it.set_box(step))
            item.set_badge(self.badges.get(step.id))
        for card in lay.cards:
            sync("card", card.id, lambda: CardItem(card), lambda it: it.set_box(card))
        for point in lay.emotion_points:
            sync("emotion", point.step, lambda: EmotionItem(point), lambda it: it.set_point(point))
        for connector in lay.handoffs:
            sync("handoff", connector.id, lambda: ConnectorItem(connector, "handoff"), lambda it: it.set_connector(connector))
        for connector in lay.links:
            sync("link", connector.id, lambda: ConnectorItem(connector, "link"), lambda it: it.set_connector(connector))
        for key in [k for k in self.items_by_key if k not in seen]:
            self.removeItem(self.items_by_key.pop(key))
        self.curve.set_runs(lay.emotion_curves)
        self.setSceneRect(QRectF(0, 0, lay.width, lay.height))
        self.freeze_headers()
        self.blockSignals(True)
        for key, item in self.items_by_key.items():
            item.setSelected(key in selected)
        self.blockSignals(False)
        if {self.key_of(item) for item in self.selectedItems()} != selected:
            self.selectionChanged.emit()  # an element of the selection is gone
        self.update_focus_frame()
        self.refreshed.emit()

    def set_badges(self, report) -> None:  # type: ignore[no-untyped-def]
        """Mark each step concerned by a finding with the most severe one's sign."""
        rank = {"error": 0, "warning": 1, "info": 2}
        worst: dict[str, str] = {}
        for finding in report.findings:
            if finding.severity == "info":
                continue
            for element_id in finding.elements:
                if element_id in worst and rank[worst[element_id]] <= rank[finding.severity]:
                    continue
                worst[element_id] = finding.severity
        self.badges = worst
        for (kind, element_id), item in self.items_by_key.items():
            if kind == "step":
                item.set_badge(worst.get(element_id))

    def contextMenuEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        from workbench.ui.canvas.context_menu import context_menu

        menu = context_menu(self, event.scenePos())
        if menu is not None:
            self.context_menu_shown.emit(menu)
            menu.exec(event.screenPos())
            event.accept()
        else:
            super().contextMenuEvent(event)  # an in-place editor's own copy/paste menu

    # ---------------------------------------------------------- selection

    @staticmethod
    def key_of(item: QGraphicsItem) -> tuple[str, str]:
        return (getattr(item, "kind", ""), getattr(item, "element_id", ""))

    def item_for(self, kind: str, element_id: str) -> QGraphicsItem | None:
        self.ensure_fresh()
        return self.items_by_key.get((kind, element_id))

    def selected_ids(self, kind: str | None = None) -> list[str]:
        """Ids of the selected elements (of one kind), in time/position order."""
        items = [i for i in self.selectedItems() if kind is None or getattr(i, "kind", None) == kind]
        items.sort(key=lambda i: (i.scenePos().x(), i.scenePos().y()))
        out: list[str] = []
        for item in items:
            element_id = getattr(item, "element_id", None)
            if element_id and element_id not in out:
                out.append(element_id)
        return out

    def select_ids(self, ids: list[str]) -> None:
        self.ensure_fresh()
        self.clearSelection()
        wanted = set(ids)
        for (kind, element_id), item in self.items_by_key.items():
            if element_id in wanted and kind not in ("lane-row", "emotion"):
                item.setSelected(True)
