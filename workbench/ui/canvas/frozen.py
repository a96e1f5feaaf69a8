"""Frozen headers, as in a spreadsheet: lane titles stay at the left edge, stage and step headers at the top.

The stage and step header items (and the flow links in the band between
them) are children of one band item, the lane titles of another; scrolling moves a band (one item), never each header. A
band paints an opaque background only while it is frozen away from its place,
so the map scrolls underneath it. Drops on a frozen band count as drops on
the headers it shows. Mixed into `JourneyScene`; the view calls
`freeze_headers` whenever what it shows changes.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from workbench import theme

#: Stacking of the frozen bands: over cards, curves and links; under drop hints and editors.
TOP_Z, LEFT_Z, CORNER_Z = 40.0, 41.0, 42.0
RESTING_Z = 2.0


class Band(QGraphicsItem):
    """The parent of a row (or column) of headers; moved as one when frozen."""

    def __init__(self, kind: str) -> None:
        super().__init__()
        self.kind = kind
        self.area = QRectF()
        self.frozen = False
        self.setZValue(RESTING_Z)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents, False)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def set_area(self, area: QRectF) -> None:
        if area != self.area:
            self.prepareGeometryChange()
            self.area = area

    def freeze(self, offset: QPointF, z: float) -> None:
        frozen = offset != QPointF()
        if self.pos() != offset:
            self.setPos(offset)
        if frozen != self.frozen:
            self.frozen = frozen
            self.setZValue(z if frozen else RESTING_Z)
            self.update()

    def boundingRect(self) -> QRectF:
        return self.area

    def shape(self) -> QPainterPath:
        return QPainterPath()  # clicks go to the headers, or through to the map

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        if self.frozen:
            painter.fillRect(self.area, QColor(theme.BACKGROUND))
            painter.setPen(QColor(theme.GRID))
            edge = self.area.bottomLeft() if self.kind == "top" else self.area.topRight()
            end = self.area.bottomRight() if self.kind == "top" else self.area.bottomRight()
            painter.drawLine(edge, end)


class Corner(QGraphicsItem):
    """Where the frozen lane titles and headers meet: a blank patch over both."""

    kind = "frozen-corner"

    def __init__(self) -> None:
        super().__init__()
        self.area = QRectF()
        self.setZValue(CORNER_Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.hide()

    def set_area(self, area: QRectF) -> None:
        if area != self.area:
            self.prepareGeometryChange()
            self.area = area

    def boundingRect(self) -> QRectF:
        return self.area

    def shape(self) -> QPainterPath:
        return QPainterPath()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.fillRect(self.area, QColor(theme.BACKGROUND))


class FrozenMixin:
    """Frozen headers of JourneyScene."""

    def init_frozen(self) -> None:
        self.header_band = Band("top")
        self.title_band = Band("left")
        self.corner = Corner()
        for item in (self.header_band, self.title_band, self.corner):
            self.addItem(item)
        self.frozen_offset = QPointF()
        self._visible: QRectF | None = None
        self._slid_stages: set[str] = set()

    def header_block(self) -> QRectF:
        """The stage bar, the link band and the step headers: what freezes at the top."""
        lay = self.layout
        top = lay.stages[0].rect.y if lay.stages else lay.style.margin
        bottom = lay.steps[0].header.bottom if lay.steps else (lay.stages[0].rect.bottom if lay.stages else top)
        pad = lay.style.gap / 2
        return QRectF(0, top - pad, lay.width, bottom - top + 2 * pad)

    def title_block(self) -> QRectF:
        """The lane titles' column: what freezes at the left."""
        lay = self.layout
        s = lay.style
        top = lay.lanes[0].row.y if lay.lanes else self.header_block().bottom()
        return QRectF(s.margin - s.gap / 2, top - s.gap / 2, s.lane_title_width + s.gap, lay.height - top)

    def freeze_headers(self, visible: QRectF | None = None) -> None:
        """Keep the headers in view of *visible* (the scene area the view shows)."""
        if visible is not None:
            self._visible = visible
        visible = self._visible
        top, left = self.header_block(), self.title_block()
        self.header_band.set_area(top)
        self.title_band.set_area(left)
        if visible is None:
            return
        dy = max(0.0, visible.top() - top.top())
        dx = max(0.0, visible.left() - left.left())
        self.frozen_offset = QPointF(dx, dy)
        self.header_band.freeze(QPointF(0, dy), TOP_Z)
        self.title_band.freeze(QPointF(dx, 0), LEFT_Z)
        self._keep_stage_titles_in_sight(left.right() + dx)
        if dx or dy:
            self.corner.set_area(QRectF(left.left() + dx, top.top() + dy, left.width(), top.height()))
            self.corner.show()
        else:
            self.corner.hide()
        frame = getattr(self, "focus_frame", None)
        if frame is not None and frame.isVisible():  # the keyboard's outline of a header goes with it
            self.update_focus_frame()  # type: ignore[attr-defined]

    def _keep_stage_titles_in_sight(self, edge: float) -> None:
        """The stage that begins under the frozen lane titles (map x *edge* is where they end) draws its title
        beside them; the one that did before draws it in its place again. (A few: not every stage's item.)"""
        items = self.items_by_key  # type: ignore[attr-defined]
        under = {box.id for box in self.layout.stages  # type: ignore[attr-defined]
                 if 0 < edge - (box.column.x + box.local.x) < box.local.w}  # (not box.rect: a Rect made for each)
        for stage_id in self._slid_stages | under:
            item = items.get(("stage", stage_id))
            if item is not None:
                item.keep_title_right_of(edge if stage_id in under else float("-inf"))
        self._slid_stages = under

    def band_of(self, item: QGraphicsItem) -> QGraphicsItem | None:
        """The frozen band *item* rides (the header band or the lane titles' band), or None."""
        parent = item.parentItem()
        while parent is not None:
            if parent is self.header_band or parent is self.title_band:
                return parent
            parent = parent.parentItem()
        return None

    def unfrozen(self, at: QPointF) -> QPointF:
        """Where a point over a frozen band lies in the map's own layout (a drop on a frozen header)."""
        dx, dy = self.frozen_offset.x(), self.frozen_offset.y()
        top = self.header_block().translated(0, dy)
        if dy and top.contains(at):
            return QPointF(at.x(), at.y() - dy)
        left = self.title_block().translated(dx, 0)
        if dx and left.contains(at):
            return QPointF(at.x() - dx, at.y())
        return at
