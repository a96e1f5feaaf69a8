"""The column headers of the canvas: a stage's and a step's (a step's with its link port).

Their place is read from their layout box, which is placed from its column,
so a header follows its column's block without being told.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from workbench import theme
from workbench.export import shapes
from workbench.geometry import Rect, StageBox, StepBox, moved_text
from workbench.textmetrics import text_width
from workbench.ui.canvas.blocks import block_x
from workbench.ui.canvas.items import AxisItem
from workbench.ui.canvas.qtpainter import QtPainter


class ColumnHeaderItem(AxisItem):
    """A stage's or a step's header: its place is read from its box on each ask (its column may have moved,
    with its block, since the box was made), never stored."""

    def where(self) -> Rect:
        raise NotImplementedError

    @property
    def rect(self) -> Rect:  # type: ignore[override]
        return self.where()

    @rect.setter
    def rect(self, value: Rect) -> None:
        pass  # always the box's: see the getter

    #: How far a pressed header (and the column block it is in) is raised above its neighbours while dragged.
    DRAG_RAISE = 0.5

    def mousePressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        """A header dragged over its neighbours is drawn above them: they may sit in another column block, which
        would otherwise stack above it or not by the order the blocks were made in."""
        self.lower_after_drag()
        self._raised = [(item, item.zValue()) for item in (self, getattr(self, "block", None)) if item is not None]
        for item, z in self._raised:
            item.setZValue(z + self.DRAG_RAISE)
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().mouseReleaseEvent(event)
        self.lower_after_drag()

    def lower_after_drag(self) -> None:
        """Back to where it stacked before it was pressed (after a drop, or a drag given up)."""
        for item, z in getattr(self, "_raised", ()):
            item.setZValue(z)
        self._raised: list[tuple[QGraphicsItem, float]] = []


def _look(box: StageBox) -> tuple[object, ...]:
    """What a stage header's picture shows: its size and its text, placed within it."""
    return (box.local, box.local_text)


class StageItem(ColumnHeaderItem):
    kind = "stage"
    axis = "x"

    def __init__(self, box: StageBox, parent: QGraphicsItem | None = None) -> None:
        self.box = box
        #: How far right of its place the title is drawn: kept in sight beside the frozen lane titles.
        self.slide = 0.0
        super().__init__(box.id, box.rect, movable=True, parent=parent)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)  # (see PICTURE_CACHE_KB)

    def keep_title_right_of(self, edge: float) -> None:
        """Draw the title from map x *edge* (where the frozen lane titles end) when the stage begins before it,
        as far as the stage's end leaves room: scrolled sideways, a long stage was a blank bar."""
        box = self.box
        left = box.column.x + box.local.x
        text = box.local_text
        widest = max((text_width(line, text.size, text.bold) for line in text.lines), default=0.0)
        room = box.local.w - 2 * (text.rect.x - box.local.x) - widest  # (the title's padding, on both sides)
        slide = max(0.0, min(edge - left, room))
        if slide != self.slide:
            self.slide = slide
            self.redraw()

    def where(self) -> Rect:
        return self.box.rect

    def set_box(self, box: StageBox) -> None:
        old, self.box = self.box, box
        if (box.local.w, box.local.h) != (old.local.w, old.local.h):
            self._set_bounds()
        self.follow()
        if _look(box) != _look(old):  # else only moved (a step added before it): the same picture
            self.redraw()

    def follow(self) -> None:
        """Go where the layout puts the header (its first column moved: the box is the same).

        (Its place is worked out from the numbers, not through ``rect``: hundreds of headers follow a step
        added early, and a ``Rect`` and a ``QPointF`` made for each cost a millisecond.)
        """
        box = self.box
        x, y = box.column.x + box.local.x - block_x(self), box.local.y  # (in its first step's block, if it has one)
        pos = self.pos()
        if pos.x() != x or pos.y() != y:
            self.setPos(x, y)


    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        self.paint_shape(painter, shapes.stage_header, moved_text(self.box.text, self.slide, 0))
        self.paint_selection(painter)


class StepItem(ColumnHeaderItem):
    """A step's header: its title, and markers for moment of truth and goal."""

    kind = "step"
    axis = "x"
    Z = 2.0

    PORT = 5.0

    def __init__(self, box: StepBox, parent: QGraphicsItem | None = None) -> None:
        self.box = box
        super().__init__(box.id, box.header, movable=True, z=self.Z, parent=parent)
        self.badge: str | None = None
        self.hovered = False
        self.setAcceptHoverEvents(True)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)  # (see PICTURE_CACHE_KB)

    def hoverEnterEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.hovered = True
        self.redraw()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self.hovered = False
        self.redraw()
        super().hoverLeaveEvent(event)

    def _set_bounds(self) -> None:
        """The box, and above it room for the link port, which sits on its top edge."""
        top = self.PORT + 4
        self.setRect(self.box_bounds().adjusted(0, 3 - top, 0, 0))

    def port_centre(self) -> QPointF:
        """The link port: on the header's top edge, at its right (inside, it covered the end of a long title)."""
        return QPointF(self.rect.w - 9, 0)

    def shape(self) -> QPainterPath:
        """The header, and the port while it shows: the room above kept for the port is not the header's (a
        press there on a link leaving the header is the link's)."""
        path = QPainterPath()
        path.addRect(self.box_bounds())
        if self.hovered or self.isSelected():
            reach = self.PORT + 3
            port = QPainterPath()
            port.addEllipse(self.port_centre(), reach, reach)
            path = path.united(port)  # (added to the same path, the two overlapping would leave a hole)
        return path

    def port_contains(self, local: QPointF) -> bool:
        """True on the link port (it shows whenever the pointer is over the header, so a press there means it)."""
        d = local - self.port_centre()
        return d.x() * d.x() + d.y() * d.y() <= (self.PORT + 3) ** 2

    def set_badge(self, severity: str | None) -> None:
        """A health check sign in the corner: square for an error, triangle for a warning."""
        if severity != self.badge:
            self.badge = severity
            self.redraw()

    def where(self) -> Rect:
        return self.box.header

    def set_box(self, box: StepBox) -> None:
        resized = (box.local_header.w, box.local_header.h) != (self.box.local_header.w, self.box.local_header.h)
        self.box = box
        if resized:
            self._set_bounds()
        if self.pos() != self.home():
            self.setPos(self.home())
        self.redraw()


    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        box = self.box
        self.paint_shape(painter, shapes.step_header, box.text, box.moment_of_truth, box.goal, box.end)
        # What follows is the editor's only: the health check's badge, the link port, the selection.
        if self.badge is not None:
            shapes.severity_sign(QtPainter(painter), Rect(self.rect.w - 14, self.rect.h - 15, 10, 10), self.badge)
        self.paint_selection(painter, 5)
        if self.hovered or self.isSelected():  # the port to drag a flow link from (over the selection's outline)
            centre = self.port_centre()
            painter.setPen(QPen(QColor(theme.LINK), 1.4))
            painter.setBrush(QColor("#ffffff"))
            painter.drawEllipse(centre, self.PORT, self.PORT)
            painter.drawLine(centre + QPointF(-2.5, 0), centre + QPointF(2.5, 0))
            painter.drawLine(centre + QPointF(0, -2.5), centre + QPointF(0, 2.5))
