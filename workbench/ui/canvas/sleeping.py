"""Cards made when a view comes to them: a long map opens without making thousands of items no one sees.

When a scene is laid out whole, the items of the cards in and near the
view are made at once (near the map's start, where a file opens, if no
view has said what it shows yet); the other cards *sleep*: their boxes
are laid out and kept current like any other, but they have no item yet.
A view showing an area wakes the cards of the columns in it and one view's
width either side (:meth:`SleepingCardsMixin.wake`), before it paints.
Anything that asks for a card's item by id (:meth:`item_for`, a selection
by id, Select All) wakes it first, so code outside the scene never meets a
card without its item. An edit that touches a sleeping card (or removes
it) makes its item there and then: only a full layout leaves cards asleep,
so a sleeping card's box is always current and its step is the one it
sleeps under.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF

from workbench.geometry import CardBox
from workbench.ui.canvas.items import CardItem

#: Where a view is taken to show before one says (a file opens at its start): about two wide screens.
START_WIDTH = 4000.0


class SleepingCardsMixin:
    """Keeps which cards have no item yet, by step, and makes them when they are needed."""

    def init_sleeping(self) -> None:
        #: Cards without an item, by the step whose column they are in.
        self.asleep: dict[str, set[str]] = {}
        self._sleeps_under: dict[str, str] = {}  # card id: its key in asleep

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
        for card_id in card_ids:
            box = boxes.get(card_id)
            if full and box is not None and ("card", card_id) not in items and not left <= box.x <= right:
                self._sleep(card_id, box.step)
            else:
                self._make_card(card_id, box)  # (an edit made, changed or removed it: awake, or gone)

    def wake(self, area: QRectF) -> None:
        """A view shows *area*: the cards of the columns in it, and a view's width either side, get their items.

        Called before a paint, it lays nothing out: the cards are made from the last layout, and an edit
        not yet applied brings those it touched in line when it is.
        """
        if self.asleep:
            left, right = area.left() - area.width(), area.right() + area.width()
            self._wake_steps(self.engine.steps_between(left, right))

    def wake_cards(self, card_ids) -> None:  # type: ignore[no-untyped-def]
        """Cards asked for by id get their items (with every sleeping card of their columns)."""
        if self.asleep:
            self._wake_steps({step for card_id in card_ids if (step := self._sleeps_under.get(card_id)) is not None})

    def wake_all(self) -> None:
        if self.asleep:
            self.ensure_fresh()
            self._wake_steps(list(self.asleep))

    def _wake_steps(self, steps) -> None:  # type: ignore[no-untyped-def]
        boxes = self.layout.card_boxes
        woken = False
        for step_id in steps:
            for card_id in list(self.asleep.get(step_id, ())):
                self._make_card(card_id, boxes.get(card_id))  # (an edit to a sleeping card wakes it: its box is current)
                woken = True
        if woken:
            self._sync_tags()
            self.blocks.fit(steps)  # (the blocks the cards went into: not one a card being dragged opened)
