"""Items made when a view comes to them: a long map opens without making thousands of items no one sees.

When a scene is laid out whole, the items of the cards, step headers and
emotion faces in and near the view are made at once (near the map's start,
where a file opens, if no view has said what it shows yet); the others
*sleep*: their boxes are laid out and kept current like any other, but they
have no item yet. A view showing an area wakes the columns in it and one
view's width either side (:meth:`SleepingMixin.wake`), before it paints.
Anything that asks for an item by id (:meth:`item_for`, a selection by id,
Select All) wakes it first, so code outside the scene never meets a card,
step or face without its item. An edit that touches a sleeping card or
header (or removes it) makes its item there and then: only a full layout
leaves them asleep, so a sleeping card's box is always current and it sleeps
under the step it is in. A face far from the view sleeps through edits too
(showing another persona touches every face): it is made from its step's
current point when it wakes.

(At 1,000 steps, the 1,000 headers and ~850 faces made at every open were
half of what a scene's first refresh spent on items.)
"""

from __future__ import annotations

from PySide6.QtCore import QRectF

from workbench.geometry import CardBox, EmotionPoint, StepBox
from workbench.ui.canvas.curves import EmotionItem
from workbench.ui.canvas.header_items import StepItem
from workbench.ui.canvas.items import CardItem

#: Where a view is taken to show before one says (a file opens at its start): about two wide screens.
START_WIDTH = 4000.0


class SleepingMixin:
    """Keeps which cards, step headers and faces have no item yet, and makes them when they are needed."""

    def init_sleeping(self) -> None:
        #: Cards without an item, by the step whose column they are in.
        self.asleep: dict[str, set[str]] = {}
        self._sleeps_under: dict[str, str] = {}  # card id: its key in asleep
        #: Steps whose header has no item yet; steps whose face (on the active curve) has none.
        self.headers_asleep: set[str] = set()
        self.faces_asleep: set[str] = set()

    def sleeping(self) -> bool:
        """Whether any element is still without its item."""
        return bool(self.asleep or self.headers_asleep or self.faces_asleep)

    def _awake_span(self) -> tuple[float, float]:
        """What a full layout makes items for: the columns in and near the view's area (map x)."""
        shown = getattr(self, "_visible", None)
        if shown is None:
            return (-START_WIDTH, START_WIDTH)
        return (shown.left() - shown.width(), shown.right() + shown.width())

    def _sleep(self, card_id: str, step_id: str) -> None:
        self._wake_one(card_id)
        self.asleep.setdefault(step_id, set()).add(card_id)
        self._sleeps_under[card_id] = step_id

    def _wake_one(self, card_id: str) -> None:
        step_id = self._sleeps_under.pop(card_id, None)
        if step_id is not None:
            cards = self.asleep[step_id]
            cards.discard(card_id)
            if not cards:
                del self.asleep[step_id]

    def _make_card(self, card_id: str, box: CardBox | None) -> None:
        """Create, update or remove a card's item, in the block of its step's column."""
        self._wake_one(card_id)
        holder = None if box is None else self.blocks.holder(("cards", box.lane), self.layers[box.lane], box.step, CardItem.Z)
        item = self._sync("card", card_id, box, CardItem, parent=holder)
        if item is not None:
            self._hold(item, holder)
            self._tags_dirty.add(card_id)

    def _sync_cards(self, card_ids, full: bool) -> None:  # type: ignore[no-untyped-def]
        """The items of *card_ids* follow their boxes; a full layout leaves those far from the view asleep."""
        boxes = self.layout.card_boxes
        items = self.items_by_key
        left, right = self._awake_span()
        under = self._sleeps_under
        for card_id in card_ids:
            box = boxes.get(card_id)
            if full and box is not None and ("card", card_id) not in items and not left <= box.x <= right:
                if under.get(card_id) != box.step:  # (asleep under its step already: nothing to do)
                    self._sleep(card_id, box.step)
            else:
                self._make_card(card_id, box)  # (an edit made, changed or removed it: awake, or gone)

    def _make_header(self, step_id: str, box: StepBox | None) -> None:
        """Create, update or remove a step's header item, in the block of its column on the header band."""
        self.headers_asleep.discard(step_id)
        holder = None if box is None else self.blocks.holder("header", self.header_band, step_id, StepItem.Z)
        item = self._sync("step", step_id, box, StepItem, parent=holder)
        if item is not None:
            self._hold(item, holder)
            item.set_badge(self.badges.get(step_id))
        elif box is None:
            self.blocks.forget(step_id)

    def _make_face(self, step_id: str, point: EmotionPoint | None) -> None:
        """Create, update or remove a step's face on the active curve, in the emotion lane's block of its column."""
        self.faces_asleep.discard(step_id)
        lane = self.layout.emotion_lane
        layer = self.layers.get(lane.id) if lane else None
        key = ("emotion", step_id)
        item = self.items_by_key.get(key)
        if point is None or layer is None:
            if item is not None:
                self._discard(self.items_by_key.pop(key))
            return
        holder = self.blocks.holder(("faces", lane.id), layer, step_id, EmotionItem.Z)
        if item is None:
            self.items_by_key[key] = item = EmotionItem(point, holder)
        else:
            item.set_point(point)
        self._hold(item, holder)

    def wake(self, area: QRectF) -> None:
        """A view shows *area*: the columns in it, and a view's width either side, get their items.

        Called before a paint, it lays nothing out: the items are made from the last layout, and an edit
        not yet applied brings those it touched in line when it is.
        """
        if self.sleeping():
            left, right = area.left() - area.width(), area.right() + area.width()
            self._wake_steps(self.engine.steps_between(left, right))

    def wake_ids(self, ids) -> None:  # type: ignore[no-untyped-def]
        """Cards and steps asked for by id get their items: their whole columns wake (header, face, cards)."""
        if self.sleeping():
            under, headers, faces = self._sleeps_under, self.headers_asleep, self.faces_asleep
            steps = {step for element_id in ids if (step := under.get(element_id)) is not None}
            steps.update(element_id for element_id in ids if element_id in headers or element_id in faces)
            self._wake_steps(steps)

    def wake_all(self) -> None:
        if self.sleeping():
            self.ensure_fresh()
            self._wake_steps(set(self.asleep) | self.headers_asleep | self.faces_asleep)

    def _wake_steps(self, steps) -> None:  # type: ignore[no-untyped-def]
        """(An edit to a sleeping element wakes it: the boxes of those still asleep are current.)"""
        boxes = self.layout.card_boxes
        headers, faces = self.headers_asleep, self.faces_asleep
        woken = cards_woken = False
        for step_id in steps:
            for card_id in list(self.asleep.get(step_id, ())):
                self._make_card(card_id, boxes.get(card_id))
                cards_woken = True
            if step_id in headers:
                self._make_header(step_id, self.engine.step_box(step_id))
                woken = True
            if step_id in faces:
                self._make_face(step_id, self.engine.face(step_id))
                woken = True
        if cards_woken:
            self._sync_tags()
        if woken or cards_woken:
            self.blocks.fit(steps)  # (the blocks the items went into: not one a card being dragged opened)
