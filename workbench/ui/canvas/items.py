"""Graphics items of the canvas that are boxes: lane rows and titles, cards, and the lanes' layers.

Stage and step headers are in `header_items.py`; faces, the curve and connectors in `curves.py`.

Items hold the element id and the layout box they were last given; they
never change the model. The scene turns their drags into commands and then
gives them fresh boxes from a new layout.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QPixmapCache
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QStyleOptionGraphicsItem, QWidget
from shiboken6 import isValid

from workbench import theme
from workbench.export import shapes
from workbench.geometry import CardBox, LaneBox, Rect
from workbench.ui.canvas.blocks import block_x, settle_in
from workbench.ui.canvas.pictures import redraw
from workbench.ui.canvas.qtpainter import QtPainter

SELECTABLE = QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
MOVABLE = QGraphicsItem.GraphicsItemFlag.ItemIsMovable
SELECTABLE_MOVABLE = SELECTABLE | MOVABLE
#: Shared: made once, not once per item.
NO_PEN = QPen(Qt.PenStyle.NoPen)


class BoxItem(QGraphicsRectItem):
    """An item placed at a layout rectangle; subclasses paint inside it.

    Based on QGraphicsRectItem so that Qt knows its bounds without calling
    Python: finding what is in view among thousands of items stays in C++.
    """

    kind = "box"
    #: "x": drags move it sideways only; "y": up and down only; None: freely.
    axis: str | None = None
    #: Room around the box for the selection outline (and, on the right, a port).
    EXTRA_RIGHT = 3.0

    def __init__(
        self, element_id: str, rect: Rect, movable: bool = False, z: float = 0, parent: QGraphicsItem | None = None
    ) -> None:
        super().__init__()
        self.setPen(NO_PEN)
        self.element_id = element_id
        self.rect = rect
        self._set_bounds()
        if movable:
            self.setFlags(SELECTABLE_MOVABLE)
        if z:
            self.setZValue(z)
        settle_in(self, parent, rect.x, rect.y)

    def _set_bounds(self) -> None:
        self.setRect(self.box_bounds())

    def box_bounds(self) -> QRectF:
        """The box, with room around it for the selection outline (and, on the right, a port)."""
        return QRectF(-3, -3, self.rect.w + 3 + self.EXTRA_RIGHT, self.rect.h + 6)

    def place(self, rect: Rect, repaint: bool = True) -> None:
        """Go to *rect*; *repaint* False: only moved, what it shows is the same (a cached picture holds)."""
        if rect != self.rect:
            resized = (rect.w, rect.h) != (self.rect.w, self.rect.h)
            self.rect = rect
            if resized:
                self._set_bounds()
        if self.pos() != self.home():
            self.setPos(self.home())
        if repaint:
            self.redraw()

    def mouseMoveEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().mouseMoveEvent(event)
        hold_to_axes(self.scene().selectedItems())

    def origin(self) -> QPointF:
        """The item's top-left corner in the map (where the layout's texts are placed from)."""
        return QPointF(self.rect.x, self.rect.y)

    def home(self) -> QPointF:
        """Where the item belongs, in its parent's coordinates (a column block's, for a step header)."""
        return QPointF(self.rect.x - block_x(self), self.rect.y)

    def local(self) -> QRectF:
        return QRectF(0, 0, self.rect.w, self.rect.h)

    def paint_shape(self, painter: QPainter, shape, *args) -> None:  # type: ignore[no-untyped-def]
        """Draw a shared shape given in map coordinates (as the layout places it) in the item's own."""
        painter.save()
        painter.translate(-self.rect.x, -self.rect.y)
        shape(QtPainter(painter), self.rect, *args)
        painter.restore()

    def redraw(self) -> None:
        """Draw the item again, all of it: what it shows changed (see pictures.py)."""
        redraw(self)

    def paint_selection(self, painter: QPainter, radius: float = 6) -> None:
        if self.isSelected():
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor(theme.SELECTION), 2.5))
            painter.drawRoundedRect(self.local().adjusted(-2, -2, 2, 2), radius, radius)


def hold_to_axes(items: list[QGraphicsItem]) -> None:
    """Put dragged items that move along one axis back on it (Qt moved all of the selection freely).

    Done after each drag move rather than in ``itemChange``: a Python
    ``itemChange`` is called for every change of every item, thousands of
    times while a map is built.
    """
    for item in items:
        axis = getattr(item, "axis", None)
        if axis is None:
            continue
        pos, home = item.pos(), item.home()  # type: ignore[attr-defined]
        if axis == "x" and pos.y() != home.y():
            item.setPos(pos.x(), home.y())
        elif axis == "y" and pos.x() != home.x():
            item.setPos(home.x(), pos.y())


class AxisItem(BoxItem):
    """A header dragged along one axis only (stages and steps sideways, lanes up and down)."""


class LaneItem(BoxItem):
    """A lane's row band (background; not selectable)."""

    kind = "lane-row"

    def __init__(self, box: LaneBox, index: int) -> None:
        super().__init__(box.id, box.row, z=-10)
        self.box = box
        self.index = index

    def set_box(self, box: LaneBox, index: int) -> None:
        self.box, self.index = box, index
        self.place(box.row)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        shapes.lane_row(QtPainter(painter), Rect(0, 0, self.rect.w, self.rect.h), self.index)


class LaneTitleItem(AxisItem):
    """A lane's title on the left; drag it up or down to reorder lanes."""

    kind = "lane"
    axis = "y"

    def __init__(self, box: LaneBox, width: float) -> None:
        super().__init__(box.id, Rect(box.row.x, box.row.y, width, box.row.h), movable=True, z=2)
        self.box = box

    def set_box(self, box: LaneBox, width: float) -> None:
        self.box = box
        self.place(Rect(box.row.x, box.row.y, width, box.row.h))


    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        self.paint_shape(painter, shapes.lane_title, self.box.title)
        self.paint_selection(painter, 2)


#: Room in Qt's picture cache for the cards in view (kilobytes). A card is drawn once into a picture at
#: the screen's resolution and copied after that: an edit that moves cards (a step added early) then
#: costs no text drawing. Qt's default, 10 MB, holds about fifty cards on a high-density screen, fewer
#: than a view shows: they would be drawn anew every frame.
PICTURE_CACHE_KB = 64 * 1024


def make_room_for_card_pictures() -> None:
    if QPixmapCache.cacheLimit() < PICTURE_CACHE_KB:
        QPixmapCache.setCacheLimit(PICTURE_CACHE_KB)


class CardItem(BoxItem):
    """A card. Touchpoints show their channel and their nature by border and icon."""

    kind = "card"
    Z = 5.0

    def __init__(self, box: CardBox, parent: QGraphicsItem | None = None) -> None:
        QGraphicsRectItem.__init__(self)  # not BoxItem's: a card's place is read from its box, never stored
        self.setPen(NO_PEN)
        self.element_id = box.id
        self.box = box
        #: The marks of the personas the card concerns (shape, colour), in the personas' order; none: all.
        self.tags: tuple[tuple[str, str], ...] = ()
        self._set_bounds()
        self.setFlags(SELECTABLE_MOVABLE)
        self.setZValue(self.Z)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)  # (see PICTURE_CACHE_KB)
        settle_in(self, parent, box.x, box.local.y)

    def _set_bounds(self) -> None:
        # (the persona tags sit on the bottom edge and stick out a little below it)
        size = self.box.local  # (its size only: the map position is worked out on every call of rect)
        self.setRect(QRectF(-3, -3, size.w + 3 + self.EXTRA_RIGHT, size.h + 3 + shapes.TAG_RADIUS + 4))

    def set_tags(self, tags: tuple[tuple[str, str], ...]) -> None:
        if tags != self.tags:
            self.tags = tags
            self.redraw()

    @property
    def rect(self) -> Rect:  # type: ignore[override]
        """Where the layout puts the card now (its lane and column may have moved since its box was made)."""
        return self.box.rect

    def set_box(self, box: CardBox) -> None:
        resized = (box.local.w, box.local.h) != (self.box.local.w, self.box.local.h)
        self.box = box
        if resized:
            self._set_bounds()
        self.follow()
        self.redraw()

    def local(self) -> QRectF:
        return QRectF(0, 0, self.box.local.w, self.box.local.h)  # size only: no need to place the box in the map

    def follow(self) -> None:
        """Go where the layout puts the card (its column moved: the box is the same)."""
        home = self.home()
        if self.pos() != home:
            self.setPos(home)

    def home(self) -> QPointF:
        """Cards live in their lane's layer (in a column block of it): x in the map less the block's, y from the lane's top."""
        return QPointF(self.box.x - block_x(self), self.box.local.y)

    def origin(self) -> QPointF:
        return QPointF(self.box.x, self.box.anchor.y + self.box.local.y)

    def _layer(self) -> QGraphicsItem | None:
        block = self.block  # type: ignore[attr-defined]  # (set whenever the card enters a parent)
        return block.parentItem() if block is not None else self.parentItem()

    def mousePressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().mousePressEvent(event)
        self.lower_after_drag()  # (a press with no release before it: what it lifted goes back first)
        scene = self.scene()
        carried = [i for i in scene.selectedItems() if isinstance(i, CardItem)] if scene is not None else []
        self._lifted = [lift(carried if self in carried else [self])]

    def mouseReleaseEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().mouseReleaseEvent(event)
        self.lower_after_drag()

    def ungrabMouseEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        # (The grab lost another way than a release or Escape: a menu, another window taking the mouse.)
        self.lower_after_drag()
        super().ungrabMouseEvent(event)

    def lower_after_drag(self) -> None:
        """The drag is over (released, or cancelled with Escape): what :func:`lift` lifted goes back, last first."""
        lifted = getattr(self, "_lifted", [])
        while lifted:
            lifted.pop()()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = self.box
        local = box.local
        nature = box.nature
        shapes.card(QtPainter(painter), Rect(0, 0, local.w, local.h), box.kind, nature, box.local_channel, box.local_text)
        if self.tags:
            shapes.persona_tags(QtPainter(painter), Rect(0, 0, local.w, local.h), self.tags)
        if nature == "digital":  # the port to drag a handoff from
            painter.setPen(QPen(QColor(theme.HANDOFF), 1.4))
            painter.setBrush(QColor("#ffffff"))
            painter.drawEllipse(self.port_centre(), self.PORT, self.PORT)
            painter.drawLine(self.port_centre() + QPointF(-2.5, 0), self.port_centre() + QPointF(2.5, 0))
        self.paint_selection(painter)

    PORT = 5.0
    EXTRA_RIGHT = 9.0  # the handoff port sticks out on the right

    def port_centre(self) -> QPointF:
        return QPointF(self.rect.w + 4, self.rect.h / 2)

    def port_contains(self, local: QPointF) -> bool:
        """True on the handoff port of a digital touchpoint (its right edge, middle)."""
        if self.box.nature != "digital":
            return False
        d = local - self.port_centre()
        return d.x() * d.x() + d.y() * d.y() <= (self.PORT + 3) ** 2


#: What the lane of a card being dragged is drawn at: over the other lanes' cards and routes, under the frozen
#: headers (40-42); the drop indicator of a card move goes just under it (see gestures.py).
CARRIED_Z = 39.5


def lift(cards: list[CardItem]) -> Callable[[], None]:
    """Draw *cards* (being dragged) over what they are dragged across, and return what puts them back.

    Their lanes' layers go over the other lanes; their column blocks over the
    blocks after them (the cards of the next columns were drawn over a card
    dragged right), each block once; each card over the cards of its block.
    (A block lets its children be drawn outside it during a drag:
    :meth:`ColumnBlocks.follow`.)
    """
    lifted: dict[int, tuple[QGraphicsItem, float]] = {}
    for card in cards:
        layer, block = card._layer(), getattr(card, "block", None)
        for item, z in ((card, card.Z + 0.5), (block, None), (layer, CARRIED_Z)):
            if item is None or id(item) in lifted or (item is block and block is layer):
                continue
            lifted[id(item)] = (item, item.zValue())
            item.setZValue(z if z is not None else item.zValue() + 0.5)

    def put_back() -> None:
        for item, z in lifted.values():
            if isValid(item):  # (a scene made again meanwhile took them away)
                item.setZValue(z)

    return put_back


class LaneLayer(QGraphicsRectItem):
    """The parent of a lane's cards, routes and faces, at the lane's top.

    It draws nothing and catches no clicks; a lane pushed down by the one
    above it moves this item, and everything in the lane follows.
    """

    kind = "lane-layer"
    RESTING = 5.0

    def __init__(self, lane_id: str) -> None:
        super().__init__()
        self.element_id = lane_id
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(self.RESTING)
