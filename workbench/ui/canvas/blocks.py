"""Column blocks: a step added or moved early in a long map moves a few dozen items, not thousands.

The items placed from a step's column (its cards in every lane, its header,
its emotion face) are children of a block item: one per block of about
:data:`SIZE` neighbouring steps, in each lane's layer, on the header band and
in the emotion lane. A child's position is relative to its block. When the
columns of every step of a block move by the same distance (everything to
the right of an added, removed or moved step), the block's items move and
their children stay put; only a block that holds steps that moved by
different distances (the one where the edit happened) places its moved
steps' items one by one.

A block is any set of steps: keeping them neighbours only keeps the common
case cheap. A new step joins the block of the step before it; a block that
grows to twice :data:`SIZE` splits in two.

A block item's shape spans its steps' columns (and any height) and tells
Qt its children draw inside it, so a paint or a search for the items under
the pointer skips a block out of reach without visiting its children. Its
span is fitted again when its steps change; while the user drags items, the
blocks they come from reach everywhere (a dragged card stays drawn wherever
it goes).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Set

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QGraphicsScene

from workbench.geometry import Anchor

#: Steps per block when a map is laid out whole; a block splits at twice as many.
SIZE = 32
#: How far up, down and (open) sideways a block reaches: further than any map goes.
FAR = 1.0e7
#: Room left on each side of a block's span when it is fitted, so that a step added or moved near its
#: edge rarely changes it (a change repaints the whole span).
SLACK = 600.0


class BlockItem(QGraphicsRectItem):
    """The parent of the items of a block's steps in one lane (or on the header band); draws nothing."""

    kind = "column-block"

    def __init__(self, parent: QGraphicsItem, x: float, z: float) -> None:
        super().__init__(parent)
        self.holder_of = parent  # (asked on every item placed: a Python attribute, not a call into Qt)
        self.setPen(QPen(Qt.PenStyle.NoPen))
        # (No ItemHasNoContents: Qt skips the children of a block out of view only if it "draws"; it draws nothing.)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemContainsChildrenInShape)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.reach(-FAR, FAR)
        self.setZValue(z)  # its children's own z: they stack among the lane's other items as before
        self.move_to(x)

    def move_to(self, x: float) -> None:
        self.left = x  # (read for every item placed in it: a Python attribute, not a call into Qt)
        self.setPos(x, 0)

    def reach(self, left: float, right: float) -> None:
        """Its children draw between *left* and *right* (its own coordinates), at any height.

        A change repaints the block's whole span: :meth:`ColumnBlocks.fit`
        leaves slack so that most edits change nothing.
        """
        self.setRect(QRectF(left, -FAR, right - left, 2 * FAR))

    def holds(self, left: float, right: float) -> bool:
        """True if its span covers *left* to *right* without being much wider (an opened block is)."""
        rect = self.rect()
        return rect.left() <= left and rect.right() >= right and rect.width() <= right - left + 4 * SLACK

    def covers(self, child: QGraphicsItem) -> bool:
        """True if *child*, where it is now, is inside its span (or it is dragged away from its column)."""
        rect = self.rect()
        reach = child.mapRectToParent(child.boundingRect())
        return rect.left() <= reach.left() and rect.right() >= reach.right()


def block_x(item: QGraphicsItem) -> float:
    """How far right of its lane's (or band's) origin an item's parent is: its block's x, or 0."""
    block = getattr(item, "block", None)
    return block.left if block is not None else 0.0


def put_in(item: QGraphicsItem, parent: QGraphicsItem) -> None:
    """Move an item into *parent* (a block, or a band), where its column places it (its ``block`` says which
    block it is in, None on a band)."""
    item.setParentItem(parent)
    item.block = parent if isinstance(parent, BlockItem) else None  # type: ignore[attr-defined]
    item.setPos(item.home())  # type: ignore[attr-defined]


def settle_in(item: QGraphicsItem, parent: QGraphicsItem | None, x: float, y: float) -> None:
    """Put an item made outside the scene at (*x*, *y*) of its lane or band, in *parent* (a block or not).

    Set up before it has a parent, an item costs Qt no notifications: its
    bounds, flags and place are set first, and it enters the scene once.
    """
    block = parent if isinstance(parent, BlockItem) else None
    item.block = block  # type: ignore[attr-defined]
    item.setPos(x - (block.left if block is not None else 0.0), y)  # type: ignore[union-attr]
    if parent is not None:
        item.setParentItem(parent)


def step_of(item: QGraphicsItem) -> str:
    """The step whose column an item is placed from (a card's step; a header's or face's own)."""
    return getattr(getattr(item, "box", None), "step", None) or item.element_id  # type: ignore[attr-defined]


class Block:
    __slots__ = ("steps", "x", "items")

    def __init__(self, x: float) -> None:
        self.steps: set[str] = set()
        self.x = x
        #: Its item in each place: ("cards", lane id), ("faces", lane id), "header".
        self.items: dict[Hashable, BlockItem] = {}


class ColumnBlocks:
    """Which block each step's items are in, and where each step's column was when they were placed."""

    def __init__(
        self, scene: QGraphicsScene, columns: Mapping[str, Anchor], before: Callable[[str], str | None], width: float
    ) -> None:
        """*columns* holds the left of each step's column (the layout engine's, kept current);
        *before* gives the step before a step in time (or None); *width* is a column's width."""
        self._scene = scene
        self._columns = columns
        self._before = before
        self._width = width
        self.block_of: dict[str, Block] = {}
        #: How far right of its block the step's column was when its items were last placed in it (a block that
        #: moves with all its steps changes none of these).
        self.offset_of: dict[str, float] = {}
        self._emptied: list[Block] = []
        #: Blocks whose steps or items changed since their items' span was last fitted (by id).
        self._unfitted: dict[int, Block] = {}
        #: Blocks opened for items being dragged (by id), until the edit's fit.
        self._opened: set[int] = set()

    def _column_x(self, step_id: str) -> float:
        return self._columns[step_id].x

    def rebuild(self, steps: list[str]) -> None:
        """Blocks of :data:`SIZE` steps in time order, for a scene with no items yet."""
        self.block_of.clear()
        self.offset_of.clear()
        self._unfitted.clear()
        self._opened.clear()
        for start in range(0, len(steps), SIZE):
            chunk = steps[start:start + SIZE]
            block = Block(self._column_x(chunk[0]))
            for sid in chunk:
                self._join(block, sid)

    def _join(self, block: Block, step_id: str) -> None:
        block.steps.add(step_id)
        self.block_of[step_id] = block
        self.offset_of[step_id] = self._column_x(step_id) - block.x
        self._unfitted[id(block)] = block

    def holder(self, place: Hashable, parent: QGraphicsItem, step_id: str, z: float) -> BlockItem:
        """The item that holds *step_id*'s items in *place* (made if need be), a child of *parent*."""
        block = self.block_of.get(step_id) or self._assign(step_id)
        item = block.items.get(place)
        if item is None or item.holder_of is not parent:
            block.items[place] = item = BlockItem(parent, block.x, z)
            self._unfitted[id(block)] = block
        return item

    def _assign(self, step_id: str) -> Block:
        """A new step joins the block of the step before it (the first one's, if none)."""
        before = self._before(step_id)
        block = self.block_of.get(before) if before is not None else None
        if block is None:
            block = Block(self._column_x(step_id))
        self._join(block, step_id)
        if len(block.steps) >= 2 * SIZE:
            self._split(block)  # the new step may be in the later half
        return self.block_of[step_id]

    def _split(self, block: Block) -> None:
        """The later half of a grown block's steps go into a block of their own, their items with them."""
        order = sorted(block.steps, key=self.offset_of.__getitem__)
        later = set(order[len(order) // 2:])
        new = Block(self._column_x(order[len(order) // 2]))
        for sid in later:
            block.steps.discard(sid)
            self._join(new, sid)
        self._unfitted[id(block)] = block
        for place, item in block.items.items():
            moving = [child for child in item.childItems() if step_of(child) in later]
            if not moving:
                continue
            holder = new.items[place] = BlockItem(item.holder_of, new.x, item.zValue())
            for child in moving:
                put_in(child, holder)

    def touch(self, step_id: str) -> None:
        """An item of the step's block changed its reach (a stage header placed from it): fit the block again."""
        block = self.block_of.get(step_id)
        if block is not None:
            self._unfitted[id(block)] = block

    def forget(self, step_id: str) -> None:
        """A step is gone (its items are removed by the scene); an emptied block goes at :meth:`prune`."""
        block = self.block_of.pop(step_id, None)
        self.offset_of.pop(step_id, None)
        if block is not None:
            block.steps.discard(step_id)
            if not block.steps:
                self._emptied.append(block)

    def forget_place(self, place: Hashable) -> None:
        """A lane is gone with its layer (and the block items in it)."""
        for block in set(self.block_of.values()) | set(self._emptied):
            block.items.pop(place, None)

    def prune(self) -> None:
        """Take emptied blocks' items away (after the scene removed the items they held)."""
        for block in self._emptied:
            if not block.steps:
                for item in block.items.values():
                    if item.scene() is not None:
                        self._scene.removeItem(item)
                block.items.clear()
        self._emptied.clear()

    def shift(self, moved: Iterable[str], alike: Set[str] = frozenset()) -> list[str]:
        """Columns of *moved* steps moved: blocks whose steps all moved alike move; the other steps are returned.

        The steps of *alike* (some of *moved*) are known to have moved by the
        same distance: a block of them all moves without its steps being
        looked at one by one (thousands when a step is added early in a long
        map). The caller places the returned steps' items one by one (from
        their block, which stayed).
        """
        block_of, columns, offset_of = self.block_of, self._columns, self.offset_of
        rest = moved
        if alike:
            done: set[str] = set()
            for block in set(block_of.values()):
                if block.steps and block.steps <= alike:
                    sid = next(iter(block.steps))
                    self._move(block, columns[sid].x - block.x - offset_of[sid])
                    done |= block.steps
            rest = set(moved) - done
        by_block: dict[int, list] = {}  # type: ignore[type-arg]  # id(block): [block, its moved steps...]
        for sid in rest:
            block = block_of.get(sid)
            if block is not None:
                group = by_block.get(id(block))
                if group is None:
                    by_block[id(block)] = group = [block]
                group.append(sid)
        one_by_one: list[str] = []
        for block, *steps in by_block.values():
            step_dx = columns[steps[0]].x - block.x - offset_of[steps[0]]
            if len(steps) == len(block.steps) and all(columns[sid].x - block.x - offset_of[sid] == step_dx for sid in steps):
                self._move(block, step_dx)
            else:
                one_by_one += steps
                self._unfitted[id(block)] = block
                for sid in steps:
                    offset_of[sid] = columns[sid].x - block.x
        return one_by_one

    @staticmethod
    def _move(block: Block, dx: float) -> None:
        """A block and its items *dx* to the right, its children with it (their offsets in it are the same)."""
        block.x += dx
        for item in block.items.values():
            item.move_to(block.x)

    def fit(self, steps: Iterable[str] | None = None) -> None:
        """Fit the span of the blocks whose steps changed to their steps' columns (after an edit's items are placed).

        With *steps*, only their blocks, and not one opened for a drag under way (:meth:`follow`).
        """
        pad = self._width / 2  # room for what an item draws beyond its column (selection outline, port)
        if steps is None:
            todo, self._unfitted, self._opened = list(self._unfitted.values()), {}, set()
        else:
            ids = {id(block) for sid in steps if (block := self.block_of.get(sid)) is not None} - self._opened
            todo = [self._unfitted.pop(i) for i in ids if i in self._unfitted]
        for block in todo:
            if block.steps:
                offsets = [self.offset_of[sid] for sid in block.steps]
                left, right = min(offsets) - pad, max(offsets) + self._width + pad
                for place, item in block.items.items():
                    low, high = left, right
                    if place == "header":  # (stage headers ride there too, as wide as their stages)
                        kids = item.childrenBoundingRect()
                        if not kids.isNull():
                            low, high = min(low, kids.left()), max(high, kids.right())
                    if not item.holds(low, high):
                        item.reach(low - SLACK, high + SLACK)

    def follow(self, items: Iterable[QGraphicsItem]) -> None:
        """Items are being dragged: the block of one dragged out of its span reaches everywhere until it is fitted."""
        for item in items:
            block = getattr(item, "block", None)
            if isinstance(block, BlockItem) and not block.covers(item):
                block.reach(-FAR, FAR)
                owner = self.block_of.get(step_of(item))
                if owner is not None:
                    self._unfitted[id(owner)] = owner
                    self._opened.add(id(owner))
