"""The canvas scene: draws the layout of a document and keeps up with its events.

The scene keeps ``{(kind, element_id): item}``. The layout engine hears each
change of the document; after it (on a zero-delay timer, so a batch of
changes is one update) the engine re-measures what the change touched and
the scene touches only the items its :class:`Patch` names. Cards, routes
within a lane and emotion faces are children of their lane's layer item, so
a lane pushed down moves one item. Gestures (drags, drops, keys) live in
`gestures.py` and become commands; the scene itself never edits the document.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QObject, QRectF, QTimer, Signal
from PySide6.QtGui import QColor, QUndoStack
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from workbench import theme
from workbench.map_layout import Layout
from workbench.layout import LayoutEngine, Patch
from workbench.model.document import JourneyDocument
from workbench.model.events import Change
from workbench.model.journey import Card
from workbench.ui.canvas.blocks import ColumnBlocks
from workbench.ui.canvas.connecting import ConnectingMixin
from workbench.ui.canvas.dropping import DroppingMixin
from workbench.ui.canvas.editing import EditingMixin
from workbench.ui.canvas.frozen import FrozenMixin
from workbench.ui.canvas.gestures import GesturesMixin
from workbench.ui.canvas.keyboard import KeyboardMixin
from workbench.ui.canvas.keyboard_more import KeyboardMoreMixin
from workbench.ui.canvas.sleeping import SleepingMixin
from workbench.ui.canvas.emotion_lane import EmotionLaneMixin
from workbench.ui.canvas.focus import CurveFocus
from workbench.ui.canvas.following import FollowingMixin
from workbench.ui.canvas.pictures import PicturesMixin
from workbench.ui.canvas.curves import ConnectorItem, CurveItem, OtherCurveItem
from workbench.ui.canvas.legend import LegendItem
from workbench.ui.canvas.items import (
    LaneItem,
    LaneLayer,
    LaneTitleItem,
    make_room_for_card_pictures,
)
from workbench.ui.commands import keep_selection, kept_selection

#: Kinds of item that stand for an element the user can select.
SELECTABLE_KINDS = ("card", "step", "stage", "lane", "handoff", "link")


def united(items: list[QGraphicsItem]) -> QRectF:
    """The map area *items* cover together (null for none)."""
    area = QRectF()
    for item in items:
        area = area.united(item.sceneBoundingRect())
    return area


class JourneyScene(
    EditingMixin, KeyboardMixin, KeyboardMoreMixin, DroppingMixin, GesturesMixin, ConnectingMixin, FrozenMixin,
    SleepingMixin, EmotionLaneMixin,
    FollowingMixin, PicturesMixin, QGraphicsScene,
):
    #: A short message for the status bar (a refused drop, a refused edit...).
    message = Signal(str)
    #: Emitted after every refresh, with the new layout.
    refreshed = Signal()
    #: A right-click menu is about to show (tests close it from here).
    context_menu_shown = Signal(object)

    def __init__(self, document: JourneyDocument, stack: QUndoStack, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # No spatial index: items move in thousands when a lane or column shifts, and
        # finding what is in view by a scan of C++ bounds is cheaper than keeping a tree.
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        make_room_for_card_pictures()
        self.document = document
        self.stack = stack
        self.focus = CurveFocus(document, self)
        self.engine = LayoutEngine(lambda: document.journey, document.index, curves=self.focus.shown)
        self.focus.changed.connect(self._on_focus)
        self.layout: Layout = self.engine.layout
        self.blocks = ColumnBlocks(self, self.engine.columns, self.engine.step_before, self.engine.style.column_width)
        self.items_by_key: dict[tuple[str, str], QGraphicsItem] = {}
        self._stage_ids: set[str] = set()
        self.layers: dict[str, LaneLayer] = {}
        self.curve = CurveItem()
        self.addItem(self.curve)
        #: The curves shown that are not the active one (lines and marks, not draggable).
        self.other_curves: dict[tuple[str, str], OtherCurveItem] = {}
        self.legend = LegendItem()
        self._tags_dirty: set[str] = set()
        self._legend_dirty = False
        self.setBackgroundBrush(QColor(theme.BACKGROUND))
        self._dirty = False
        self._map_rect = QRectF()
        self.badges: dict[str, str] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh)
        self.init_frozen()
        self.legend.setParentItem(self.title_band)  # (in the emotion lane's title column: see legend.py)
        self.init_sleeping()
        self.init_gestures()
        self.init_dropping()
        self.init_keyboard()
        self.init_pictures()
        document.changed.connect(self._on_change)
        self._apply(Patch(full=True))
        keep_selection(stack, self)  # undo and redo bring the selection back (see commands.py)

    def detach(self) -> None:
        """Stop listening to the document (the window is closing or switching)."""
        self.document.changed.disconnect(self._on_change)
        if kept_selection(self.stack) is self:
            keep_selection(self.stack, None)

    # ------------------------------------------------------------ refresh

    def _on_change(self, change: Change) -> None:
        self.engine.note(change)
        if change.action == "removed" and (self.editor is not None or self.channel_editor is not None):
            self.close_editors_of(change.id or "")
        if change.collection == "cards":
            old, new = change.old, change.element
            if change.action == "updated" and getattr(old, "personas", None) != getattr(new, "personas", None):
                self._tags_dirty.add(change.id)  # type: ignore[arg-type]
        elif change.collection == "personas":
            old, new = change.old, change.element
            looks = [(p.shape, p.colour, p.order) if p is not None else None for p in (old, new)]
            if change.action != "updated" or looks[0] != looks[1]:  # not a rename: the cards tagged with it
                # (A removed persona's tags went first, each card's own change marked it.)
                self._tags_dirty.update(e.id for e in self.document.index.mentioning(change.id or "")
                                        if isinstance(e, Card))
            self._legend_dirty = True  # a hidden curve's persona may be renamed
        self._dirty = True
        self._timer.start()

    def _on_focus(self) -> None:
        """Another curve became active, or one was hidden or shown: lay the curves out again."""
        self._dirty = self._legend_dirty = True
        self._timer.start()

    def ensure_fresh(self) -> None:
        if self._dirty:
            self.refresh()

    def refresh(self) -> None:
        """Bring the layout and the items touched by the last edits in line with the document.

        Items dragged away from their place (a refused or cancelled drag) go
        back to where the layout puts them.
        """
        self._dirty = False
        self._timer.stop()
        self._apply(self.engine.update())
        for item in self.selectedItems():
            home = getattr(item, "home", None)
            if home is not None and item.pos() != home():
                item.setPos(home())

    def _apply(self, patch: Patch) -> None:
        selected = {self.key_of(item) for item in self.selectedItems()}
        lay = self.layout
        full = patch.full
        if full or patch.lanes:
            self._sync_lanes()
        for lane in lay.lanes if full or patch.anchors or patch.lanes else ():
            layer = self.layers[lane.id]
            if layer.y() != lane.row.y:
                layer.setPos(0, lane.row.y)
        if full:
            self.blocks.rebuild([b.id for b in lay.steps])
        elif patch.columns:  # before any item is placed in a block that is about to move
            self._follow_columns(patch.columns, patch.alike)
        if full or patch.stages:
            self._sync_stages(None if full else patch.stage_boxes)
            self._follow("stage", patch.stage_columns)
        self._sync_cards(lay.card_boxes if full else patch.cards, full)
        if self._tags_dirty:
            self._sync_tags()
        if full:
            items, headers_asleep = self.items_by_key, self.headers_asleep
            left, right = self._awake_span()
            for box in lay.steps:
                if ("step", box.id) not in items and not left <= box.left.x <= right:
                    headers_asleep.add(box.id)  # (a header far from the view sleeps: see sleeping.py)
                else:
                    self._make_header(box.id, box)
        elif patch.steps:
            step_box = self.engine.step_box  # (not a dict of every step's box: thousands, made for an Enter's one)
            for step_id in patch.steps:
                self._make_header(step_id, step_box(step_id))
        if full or patch.emotions or patch.curve:
            self._sync_emotions(patch)
        elif self._legend_dirty or patch.anchors or patch.lanes:
            lane = lay.emotion_lane
            self._sync_legend(self.layers.get(lane.id) if lane else None)
        self._legend_dirty = False
        routes = lay.handoff_routes
        for handoff_id in routes if full else patch.handoffs:
            lane, connector = routes.get(handoff_id, (None, None))
            item = self._sync("handoff", handoff_id, connector, ConnectorItem)
            parent = self.layers[lane] if lane is not None else None
            if item is not None and item.parentItem() is not parent:
                item.setParentItem(parent)
            if item is not None and item.scene() is None:
                self.addItem(item)
        self._follow("handoff", patch.handoff_columns - patch.handoffs)  # routes pushed along with their columns
        if full or patch.links:
            links = {c.id: c for c in lay.link_routes}
            for link_id in links if full else patch.links:
                # In the link band, between the stage and step headers: they freeze with them.
                self._sync("link", link_id, links.get(link_id), ConnectorItem, band=self.header_band)
        self._follow("link", patch.link_columns - patch.links)
        for lane_id in [k for k in self.layers if k not in {lane.id for lane in lay.lanes}]:
            self._discard(self.layers.pop(lane_id))
            self.blocks.forget_place(("cards", lane_id))
            self.blocks.forget_place(("faces", lane_id))
        self.blocks.prune()
        self.blocks.fit()
        rect = QRectF(0, 0, lay.width, lay.height)
        if self._map_rect != rect:  # (not sceneRect(): before one is set, Qt measures every item for it)
            self._map_rect = rect
            self.setSceneRect(rect)
        self.freeze_headers()
        if {self.key_of(item) for item in self.selectedItems()} != selected:
            self.selectionChanged.emit()  # an element of the selection is gone
        self.update_focus_frame()
        self.refreshed.emit()

    def _sync(  # type: ignore[no-untyped-def]
        self, kind: str, element_id: str, box, make, band: QGraphicsItem | None = None, parent: QGraphicsItem | None = None
    ) -> QGraphicsItem | None:
        """Create, update or remove the item of one element from its new box (None: it is gone).

        A new item is made in *parent* if given (a column block), else on *band*, else at the scene's top.
        """
        key = (kind, element_id)
        item = self.items_by_key.get(key)
        if box is None:
            if item is not None:
                del self.items_by_key[key]
                self._discard(item)
            return None
        if item is None:
            item = make(box, kind) if make is ConnectorItem else make(box, parent) if parent is not None else make(box)
            self.items_by_key[key] = item
            if parent is None and band is not None:  # headers ride on their band (see frozen.py)
                item.setParentItem(band)
            elif parent is None and kind not in ("card", "handoff"):  # those go into their lane's layer
                self.addItem(item)
        elif make is ConnectorItem:
            item.set_connector(box)  # type: ignore[attr-defined]
        else:
            item.set_box(box)  # type: ignore[attr-defined]
        return item

    def _discard(self, item: QGraphicsItem) -> None:
        """Remove the item of an element that is gone, without a word if it was selected: :meth:`_apply` says
        once, at its end, that the selection changed. (Qt says it for every selected item removed: deleting
        1,200 selected cards told the inspector and the window 1,200 times, each sorting what was left.)"""
        blocked = self.blockSignals(True)
        try:
            self.removeItem(item)
        finally:
            self.blockSignals(blocked)

    def _sync_lanes(self) -> None:
        """Lane rows, titles and layers (a handful: all of them are looked at)."""
        lay = self.layout
        width = lay.style.lane_title_width
        ids = {lane.id for lane in lay.lanes}
        for lane_id in [k for k in self.layers if k not in ids]:
            for kind in ("lane-row", "lane"):
                self._discard(self.items_by_key.pop((kind, lane_id)))
        for i, lane in enumerate(lay.lanes):
            row = self.items_by_key.get(("lane-row", lane.id))
            if row is None:
                self.items_by_key[("lane-row", lane.id)] = row = LaneItem(lane, i)
                self.addItem(row)
                self.items_by_key[("lane", lane.id)] = title = LaneTitleItem(lane, width)
                title.setParentItem(self.title_band)
                self.layers[lane.id] = layer = LaneLayer(lane.id)
                self.addItem(layer)
            else:
                row.set_box(lane, i)  # type: ignore[attr-defined]
                self.items_by_key[("lane", lane.id)].set_box(lane, width)  # type: ignore[attr-defined]

    def _sync_tags(self) -> None:
        """Cards tagged with personas show their marks; those whose tags or personas changed are looked at."""
        looks = self.layout.marks  # each persona's (shape, colour), in the personas' order
        order = list(looks)
        for card_id in self._tags_dirty:
            item = self.items_by_key.get(("card", card_id))
            card = self.document.find(card_id)
            if item is None or card is None:  # (gone, or removed from the document and not yet from the map)
                continue
            tagged = getattr(card, "personas", None) or []
            tags = tuple(looks[pid] for pid in order if pid in tagged)
            item.set_tags(tags)  # type: ignore[attr-defined]
        self._tags_dirty.clear()

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
        changed = {k for k in set(worst) | set(self.badges) if worst.get(k) != self.badges.get(k)}
        self.badges = worst
        for element_id in changed:
            item = self.items_by_key.get(("step", element_id))
            if item is not None:
                item.set_badge(worst.get(element_id))  # type: ignore[attr-defined]

    def contextMenuEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        from workbench.ui.canvas.context_menu import context_menu

        if event.reason() == event.Reason.Keyboard and self.editor is None and self.open_keyboard_menu():
            event.accept()  # (the Menu key: the selection's menu, not the one at the middle of the view)
            return
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
        if kind in ("card", "step", "emotion"):  # (a face's id is its step's)
            self.wake_ids((element_id,))
        return self.items_by_key.get((kind, element_id))

    def selected_ids(self, kind: str | None = None) -> list[str]:
        """Ids of the selected elements (of one kind), in time/position order."""
        items = [i for i in self.selectedItems() if kind is None or getattr(i, "kind", None) == kind]
        items.sort(key=lambda i: (i.scenePos().x(), i.scenePos().y()))
        out: list[str] = []
        seen: set[str] = set()  # (a Select All of thousands: no scan of the list per item)
        for item in items:
            element_id = getattr(item, "element_id", None)
            if element_id and element_id not in seen:
                seen.add(element_id)
                out.append(element_id)
        return out

    def selection_state(self) -> tuple[tuple[str, ...], tuple[str, str] | None, tuple[str, ...]]:
        """What undo and redo bring back (see commands.py): the elements selected, the empty cell the keyboard is
        on, and the steps whose face is selected (a face has its step's id: kept apart, its step was selected)."""
        faces = tuple(self.selected_ids("emotion"))
        steps = set(self.selected_ids("step")) if faces else set()
        others = tuple(i for i in self.selected_ids() if i not in faces or i in steps)
        return others, self.cursor_cell, faces

    def restore_selection(self, state: object) -> None:
        """Undo and redo: the elements of *state* still in the journey selected alone (or the keyboard back on its
        empty cell), brought into view if none of them is in sight (a step header riding the frozen band is)."""
        ids, cell, faces = state if isinstance(state, tuple) else ((), None, ())
        self.select_ids([i for i in ids if i in self.document], faces=[i for i in faces if i in self.document])
        self.cursor_cell = cell if not (ids or faces) and cell is not None and all(ref in self.document for ref in cell) else None
        items = self.selectedItems()
        for view in self.views() if items else ():
            seen = view.mapToScene(view.viewport().rect()).boundingRect()
            if any(self._in_sight(item, seen) for item in items):
                continue
            area = united([item for item in items if self.band_of(item) is None])
            if not area.isNull():
                view.ensureVisible(area, 30, 30)
                continue
            # Only headers or lane titles, which ride their frozen band: along it, and only along it.
            rect = items[0].sceneBoundingRect()
            if self.band_of(items[0]) is self.header_band:
                view.centerOn(rect.center().x(), seen.center().y())
            else:
                view.centerOn(seen.center().x(), rect.center().y())
        self.update_focus_frame()  # (after the scroll: where the frozen headers now are)
        if self.cursor_cell is not None:
            self._show_focus()

    def _in_sight(self, item: QGraphicsItem, seen: QRectF) -> bool:
        """Whether *item* shows in *seen* (its middle, if it is wider), not under the frozen lane titles or headers
        (a step selected by an undo was left half under the lane titles, taken for in sight)."""
        band = self.band_of(item)
        clear = QRectF(seen)
        if band is not self.title_band:
            clear.setLeft(seen.left() + self.title_block().width())
        if band is not self.header_band:
            clear.setTop(seen.top() + self.header_block().height())
        rect = item.sceneBoundingRect()
        # All of it when it fits (a step whose middle was clear showed its title's start under the lane titles).
        return clear.contains(rect) if rect.width() <= clear.width() else clear.contains(rect.center())

    def select_ids(self, ids: list[str], kinds: tuple[str, ...] = SELECTABLE_KINDS, faces: Sequence[str] = ()) -> None:
        """Select the items of *ids* (of *kinds*) and the faces of the steps *faces* alone; selectionChanged comes
        once, and only if the selection changed.

        (Cleared and then made again, a selection told the inspector twice: once to show the journey. Told once
        per item, a Select All of 1,000 steps sorted the growing selection 6,000 times: 100 seconds.)
        """
        self.ensure_fresh()
        self.wake_ids(ids)
        items = self.items_by_key
        wanted = {item for element_id in ids for kind in kinds
                  if (item := items.get((kind, element_id))) is not None}
        wanted |= {item for step in faces if (item := self.item_for("emotion", step)) is not None}
        changed = False
        blocked = self.blockSignals(True)
        try:
            for item in self.selectedItems():
                if item not in wanted:
                    item.setSelected(False)
                    changed = True
            for item in wanted:
                if not item.isSelected():
                    item.setSelected(True)
                    changed = changed or item.isSelected()
        finally:
            self.blockSignals(blocked)
        if changed:
            self.selectionChanged.emit()
