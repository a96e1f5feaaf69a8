"""The canvas without a mouse: moving through headers, cards, faces and cells.

Arrow keys move the selection between step headers, cards and empty cells;
Tab and Shift+Tab go from step to step (see tab()); Ctrl+arrows move the selected cards
(or reorder the selected step); Enter adds the next step, edits a card, or
adds a card in an empty cell; F2 edits; Escape cancels a gesture. The
element the keys act on is outlined. Palette items chosen with the keyboard,
and the keyboard's right-click menu, are in :mod:`keyboard_more`. Mixed into
`JourneyScene`.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from workbench import theme
from workbench.geometry import Rect
from workbench.model.edits import Edit
from workbench.model.errors import EditError
from workbench.model.journey import Card, Step
from workbench.ui.canvas import placement
from workbench.ui.canvas.frozen import TOP_Z
from workbench.ui.messages import not_possible

translate = QCoreApplication.translate
Key = Qt.Key
ARROWS = {Key.Key_Left: (-1, 0), Key.Key_Right: (1, 0), Key.Key_Up: (0, -1), Key.Key_Down: (0, 1)}


class FocusFrame(QGraphicsItem):
    """The outline of the element (or empty cell) the keyboard acts on."""

    kind = "focus-frame"

    #: Over every element of the map, under the frozen bands of headers and lane titles (a cell's outline was
    #: drawn across the lane titles of a map scrolled sideways)...
    UNDER_BANDS_Z = TOP_Z - 1
    #: ...or over them, for a header riding a band.
    OVER_BANDS_Z = 60.0

    def __init__(self) -> None:
        super().__init__()
        self.area = QRectF()
        self.setZValue(self.UNDER_BANDS_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.hide()

    def frame(self, area: QRectF | None, over_bands: bool = False) -> None:
        if area is None:
            self.hide()
            return
        self.setZValue(self.OVER_BANDS_Z if over_bands else self.UNDER_BANDS_Z)
        self.prepareGeometryChange()
        self.area = QRectF(area).adjusted(-4, -4, 4, 4)
        self.show()
        self.update()

    def boundingRect(self) -> QRectF:
        return self.area.adjusted(-3, -3, 3, 3)

    def shape(self) -> QPainterPath:
        return QPainterPath()  # never under the pointer: clicks go to what it outlines

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(QColor(theme.SELECTION), 2, Qt.PenStyle.DotLine))
        painter.drawRoundedRect(self.area, 6, 6)


class KeyboardMixin:
    """Keys of JourneyScene (see scene.py)."""

    def init_keyboard(self) -> None:
        #: An empty cell (step, lane) the keyboard is on; None when an element is.
        self.cursor_cell: tuple[str, str] | None = None
        #: The keys moved last (not the mouse): the element they act on is outlined.
        self.keyboard_active = False
        self.focus_frame = FocusFrame()
        self.addItem(self.focus_frame)
        self.selectionChanged.connect(self._selection_moved)

    # -------------------------------------------------------------- frame

    def _selection_moved(self) -> None:
        if self.selectedItems():
            self.cursor_cell = None
        self.update_focus_frame()

    def update_focus_frame(self) -> None:
        if not self.keyboard_active:
            self.focus_frame.hide()
            return
        if self.cursor_cell is not None and self.cursor_cell[0] in self.document and self.cursor_cell[1] in self.document:
            r = self.cell_rect(*self.cursor_cell)
            self.focus_frame.frame(QRectF(r.x, r.y, r.w, r.h))
            return
        self.cursor_cell = None
        items = self.selectedItems()
        if len(items) == 1:
            self.focus_frame.frame(items[0].sceneBoundingRect(), over_bands=self.band_of(items[0]) is not None)
        else:
            self.focus_frame.frame(None)

    def cell_rect(self, step: str, lane: str) -> Rect:
        box = self.engine.step_box(step)  # (not a scan of every step: this runs after every edit)
        assert box is not None, step
        column = box.column
        row = next(la.row for la in self.layout.lanes if la.id == lane)
        return Rect(column.x, row.y, column.w, row.h)

    def focus_cell(self, step: str, lane: str) -> None:
        """Put the keyboard on a cell: its first card (the face, in the emotion lane), or the empty cell itself."""
        cards = self.document.cards_at(step, lane)
        face = self._face(step) if lane == self._emotion_lane() else None
        if face is not None:
            self.clearSelection()
            self.cursor_cell = None
            face.setSelected(True)
        elif cards:
            self.select_ids([cards[0].id])
        else:
            self.clearSelection()
            self.cursor_cell = (step, lane)
        self.update_focus_frame()
        self._show_focus()

    def _select_one(self, element_id: str) -> None:
        self.cursor_cell = None
        self.select_ids([element_id])
        self.update_focus_frame()
        self._show_focus()

    def _show_focus(self) -> None:
        if self.focus_frame.isVisible():
            for view in self.views():
                view.ensureVisible(self.focus_frame.sceneBoundingRect(), 30, 30)

    # ---------------------------------------------------------- position

    def keyboard_place(self) -> tuple[str, str | None, int | None] | None:
        """(step, lane, card index) of the keyboard: lane None on a step header."""
        if self.cursor_cell is not None:
            return self.cursor_cell[0], self.cursor_cell[1], None
        cards = self.selected_ids("card")
        if cards:
            card = self.document.get(cards[0])
            in_cell = [c.id for c in self.document.cards_at(card.step, card.lane)]  # type: ignore[attr-defined]
            return card.step, card.lane, in_cell.index(card.id)  # type: ignore[attr-defined]
        faces = self.selected_ids("emotion")
        lane = self._emotion_lane()
        if faces and lane is not None:  # (the arrows went back to the first step from a face)
            return faces[0], lane, None
        steps = self.selected_ids("step")
        if steps:
            return steps[0], None, None
        # A handoff or a link: the keys go on from where it starts (they went back to the journey's first step).
        for kind in ("handoff", "link"):
            for connector_id in self.selected_ids(kind):
                source = self.document.find(getattr(self.document.find(connector_id), "source", ""))
                if isinstance(source, Card):
                    in_cell = [c.id for c in self.document.cards_at(source.step, source.lane)]
                    return source.step, source.lane, in_cell.index(source.id)
                if isinstance(source, Step):
                    return source.id, None, None
        return None

    def _emotion_lane(self) -> str | None:
        lane = self.layout.emotion_lane
        return lane.id if lane is not None else None

    def _face(self, step: str):  # type: ignore[no-untyped-def]
        """The face of *step* on the curve being edited, if it has one."""
        self.ensure_fresh()  # (a face set a moment ago)
        return self.item_for("emotion", step) if self.engine.face(step) is not None else None

    def _select_face(self, step: str) -> None:
        face = self._face(step)
        if face is not None:
            self.clearSelection()
            self.cursor_cell = None
            face.setSelected(True)
            self.update_focus_frame()
            self._show_focus()

    def nudge_face(self, step: str, dy: int) -> None:
        """Ctrl+Up / Ctrl+Down on a face: a level up or down (as Ctrl+arrows move a card), one undo step a run."""
        level = self.focus.level(self.document.get(step))  # type: ignore[arg-type]
        if level is None or not -2 <= level - dy <= 2:
            return
        self.run(translate("Canvas", "Set emotion"), lambda: self.focus.set_level(step, level - dy), ("emotion-key", step))
        self._select_face(step)

    def navigate(self, dx: int, dy: int) -> None:
        doc = self.document
        steps = [s.id for s in doc.steps()]
        lanes = [la.id for la in doc.lanes()]
        if not steps:
            return
        place = self.keyboard_place()
        stages = self.selected_ids("stage")
        if place is None and stages:  # on a stage's header: to the stages beside it, or down to its first step
            self._from_stage(stages[0], dx, dy)
            return
        if place is None:
            self._select_one(steps[0])
            return
        step, lane, index = place
        if lane is None and dy < 0:  # from a step's header up to its stage's (Up did nothing)
            self._select_one(doc.get(step).stage)  # type: ignore[attr-defined]
            return
        if dx:
            i = max(0, min(len(steps) - 1, steps.index(step) + dx))
            if lane is None:
                self._select_one(steps[i])
            else:
                self.focus_cell(steps[i], lane)
            return
        if lane is None:  # on the header: down into the first lane
            if dy > 0 and lanes:
                self.focus_cell(step, lanes[0])
            return
        cards = [c.id for c in doc.cards_at(step, lane)]
        if index is not None and 0 <= index + dy < len(cards):
            self._select_one(cards[index + dy])
            return
        j = lanes.index(lane) + dy
        if j < 0:
            self._select_one(step)
        elif j < len(lanes):
            target = [c.id for c in doc.cards_at(step, lanes[j])]
            if target:
                self._select_one(target[-1] if dy < 0 else target[0])
            else:
                self.focus_cell(step, lanes[j])

    def _from_stage(self, stage: str, dx: int, dy: int) -> None:
        doc = self.document
        if dx:
            order = [s.id for s in doc.stages()]
            self._select_one(order[max(0, min(len(order) - 1, order.index(stage) + dx))])
        elif dy > 0:
            own = doc.index.steps_of(stage)
            if own:
                self._select_one(own[0].id)

    def next_step(self, forward: bool) -> None:
        steps = [s.id for s in self.document.steps()]
        if not steps:
            return
        place = self.keyboard_place()
        if place is None:
            self._select_one(steps[0] if forward else steps[-1])
            return
        i = steps.index(place[0])
        if place[1] is None:
            i += 1 if forward else -1
        self._select_one(steps[max(0, min(len(steps) - 1, i))])

    # -------------------------------------------------------------- keys

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.focusItem() is not None:  # an in-place editor has the keys
            super().keyPressEvent(event)  # type: ignore[misc]
            return
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        self.keyboard_active = True
        if key == Key.Key_Escape:
            if not self.cancel_gesture():
                self.cursor_cell = None
                self.update_focus_frame()
        elif key in ARROWS and ctrl and self.selected_ids("card"):
            self.nudge_cards(*ARROWS[key])
        elif key in (Key.Key_Up, Key.Key_Down) and ctrl and len(self.selected_ids("emotion")) == 1:
            self.nudge_face(self.selected_ids("emotion")[0], ARROWS[key][1])
        elif key in (Key.Key_Left, Key.Key_Right) and ctrl and len(self.selected_ids("step")) == 1:
            self.shift_step(self.selected_ids("step")[0], ARROWS[key][0])
        elif key in ARROWS and not ctrl:
            self.navigate(*ARROWS[key])
            if self.connecting_by_keys():
                self.follow_connection_with_keys()
        elif key in (Key.Key_Return, Key.Key_Enter) and self.connecting_by_keys():
            self.finish_connection_by_keys()
        elif key in (Key.Key_Return, Key.Key_Enter):
            self._enter()
        elif key == Key.Key_F2:
            self.edit_selected()
        elif key == Key.Key_F10 and mods & Qt.KeyboardModifier.ShiftModifier:
            self.open_keyboard_menu()
        else:
            super().keyPressEvent(event)  # type: ignore[misc]
            return
        event.accept()

    def tab(self, next: bool) -> bool:
        """Tab and Shift+Tab: from step to step (the view sends them here; see JourneyView.event).

        In a touchpoint's text editor, Tab goes on to its channel; in any
        other editor it stays put (a title has no tab characters).
        """
        if self.editor is not None:
            if next and self.editor.channel is not None:
                self.editor.to_channel()
            return True
        self.keyboard_active = True
        self.next_step(next)
        if self.connecting_by_keys():
            self.follow_connection_with_keys()
        return True

    def _enter(self) -> None:
        if self.cursor_cell is not None:
            step, lane_id = self.cursor_cell
            lane = self.document.get(lane_id)
            kind = {"touchpoints": "card:touchpoint:digital", "emotions": ""}.get(
                lane.kind, "card:" + next((c for c, k in placement.LANE_FOR_CARD.items() if k == lane.kind), "note"))  # type: ignore[attr-defined]
            if kind:
                self.insert_from_palette(kind)
            elif self.run(translate("Canvas", "Set emotion"), lambda: self.focus.set_level(step, 0)):
                self._select_face(step)  # neutral, then Ctrl+Up / Ctrl+Down to say how it feels
            return
        if len(self.selected_ids("step")) == 1 and not self.selected_ids("card"):
            self.add_next_step(self.selected_ids("step")[0])
        else:
            self.edit_selected()

    def nudge_cards(self, dx: int, dy: int) -> None:
        ids = self.selected_ids("card")
        doc = self.document

        def move_all() -> Edit:
            with doc.group() as result:
                for card_id in ids:
                    card = doc.get(card_id)
                    target = placement.neighbour_cell(doc, card.step, card.lane, dx, dy, card.kind)  # type: ignore[attr-defined]
                    if target is None:
                        raise EditError(self._no_cell(card, dx, dy))
                    doc.move(card_id, len(doc.cards_at(*target)), step=target[0], lane=target[1])
            return result[0]

        label = translate("Canvas", "Move card") if len(ids) == 1 else translate("Canvas", "Move {count} cards").format(count=len(ids))
        if self.run(label, move_all, merge_key=("nudge", tuple(ids))):
            self.select_ids(ids)
            self.update_focus_frame()
            self._show_focus()  # (the view follows: a card moved out of sight was lost from view)

    def _no_cell(self, card, dx: int, dy: int) -> str:  # type: ignore[no-untyped-def]
        """Why a card cannot go further that way: the map's edge, or lanes there that do not take its kind (a
        backstage card told "no cell further" had lanes above it)."""
        lanes = [la.id for la in self.document.lanes()]
        i = lanes.index(card.lane)
        beyond = lanes[i + 1:] if dy > 0 else lanes[:i] if dy < 0 else []
        if beyond:
            return translate("Canvas", "the lanes that way do not take this kind of card")
        return translate("Canvas", "there is no cell further in that direction")

    def shift_step(self, step_id: str, dx: int) -> None:
        """Ctrl+Left / Ctrl+Right: the step swaps places with its neighbour in its stage; at the edge of its
        stage it goes on into the stage beside, as its last step (going left) or its first (going right)."""
        doc = self.document
        step = doc.get(step_id)
        siblings = [s.id for s in doc.siblings(step)]
        index = siblings.index(step_id) + dx
        placement: dict[str, str] = {}
        if not 0 <= index < len(siblings):
            stages = [stage.id for stage in doc.stages()]
            beside = stages.index(step.stage) + dx  # type: ignore[attr-defined]
            if not 0 <= beside < len(stages):
                reason = (translate("Canvas", "the step is already the last of the journey") if dx > 0
                          else translate("Canvas", "the step is already the first of the journey"))
                self.message.emit(not_possible(reason))
                return
            placement["stage"] = stages[beside]
            index = 0 if dx > 0 else len(doc.index.steps_of(stages[beside]))
        if self.run(translate("Canvas", "Move step"), lambda: doc.move(step_id, index, **placement), merge_key=("nudge", step_id)):
            self.select_ids([step_id])
            self.update_focus_frame()
            self._show_focus()  # (the view follows the step into the next stage)

    def add_next_step(self, after: str) -> None:
        doc = self.document
        current = doc.get(after)
        siblings = [s.id for s in doc.siblings(current)]
        step = Step(id=doc.new_id("steps"), title=translate("Canvas", "New step"), stage=current.stage)  # type: ignore[attr-defined]
        if self.run(translate("Canvas", "Add step"), lambda: doc.add(step, siblings.index(after) + 1)):
            self.select_ids([step.id])
            if self.edit_selected(fresh=True) and self.editor is not None:
                self.editor.follows = after  # (Enter in its title goes on to the next step)
