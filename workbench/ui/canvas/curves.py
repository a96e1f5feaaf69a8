"""Graphics items drawn across the map: emotion faces, the emotion curve, handoffs and flow links.

The boxes (headers, lanes, cards) are in `items.py`; these are the marks
that join them. They hold the element id and the shape they were last
given; they never change the model.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsRectItem, QStyleOptionGraphicsItem, QWidget

from workbench import theme
from workbench.export import shapes
from workbench.geometry import Bezier, Connector, EmotionPoint
from workbench.ui.canvas.items import NO_PEN, SELECTABLE, SELECTABLE_MOVABLE, hold_to_axes
from workbench.ui.canvas.painting import bezier_path, qrect
from workbench.ui.canvas.qtpainter import QtPainter, pen


class EmotionItem(QGraphicsRectItem):
    """A face on the emotion curve; its mouth, not only its colour, tells the level."""

    kind = "emotion"
    axis = "y"
    RADIUS = shapes.FACE_RADIUS

    def __init__(self, point: EmotionPoint) -> None:
        super().__init__()
        self.element_id = point.step
        self.point = point
        self.setPen(NO_PEN)
        r = self.RADIUS + 3
        self.setRect(QRectF(-r, -r, 2 * r, 2 * r))
        self.setFlags(SELECTABLE_MOVABLE)
        self.setZValue(8)
        self.setPos(point.x, point.offset)
        self.setCursor(Qt.CursorShape.SizeVerCursor)

    def set_point(self, point: EmotionPoint) -> None:
        if point.level != self.point.level:
            self.update()
        self.point = point
        if self.pos() != self.home():
            self.setPos(self.home())

    def home(self) -> QPointF:
        """Faces live in the emotion lane's layer: y from the lane's top."""
        return QPointF(self.point.x, self.point.offset)

    def mouseMoveEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().mouseMoveEvent(event)
        hold_to_axes(self.scene().selectedItems())

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        shapes.face(QtPainter(painter), (0.0, 0.0), self.point.level, self.RADIUS)
        if self.isSelected():
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor(theme.SELECTION), 2))
            painter.drawEllipse(QPointF(0, 0), self.RADIUS + 2, self.RADIUS + 2)


class CurveItem(QGraphicsRectItem):
    """The emotion curve, drawn by pieces of a few dozen segments each.

    An edit near the end of a long journey changes the last piece only, so
    only its path is made again (one path for 1,000 steps took milliseconds
    to rebuild after every edit). The item itself draws nothing.
    """

    kind = "curve"
    PIECE = 48

    def __init__(self) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(6)
        self._pen = pen(theme.CURVE, shapes.CURVE_WIDTH, round_ends=True)  # as shapes.curve draws it
        self._pieces: list[tuple[tuple[Bezier, ...], QGraphicsPathItem]] = []

    def set_runs(self, runs: list[list[Bezier]]) -> None:
        wanted = [tuple(run[i : i + self.PIECE]) for run in runs for i in range(0, len(run), self.PIECE)]
        for i, segments in enumerate(wanted):
            if i < len(self._pieces):
                if self._pieces[i][0] == segments:
                    continue
                item = self._pieces[i][1]
            else:
                item = QGraphicsPathItem(self)
                item.setPen(self._pen)
                item.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
            item.setPath(bezier_path(segments))
            if i < len(self._pieces):
                self._pieces[i] = (segments, item)
            else:
                self._pieces.append((segments, item))
        for _, item in self._pieces[len(wanted) :]:
            item.setParentItem(None)
            if item.scene() is not None:
                item.scene().removeItem(item)
        del self._pieces[len(wanted) :]

    def path(self) -> QPainterPath:
        """The whole curve (for tests and hit checks), pieces joined."""
        out = QPainterPath()
        for _, item in self._pieces:
            out.addPath(item.path())
        return out


class ConnectorItem(QGraphicsItem):
    """A handoff (purple, dashed when the context is lost) or a flow link (arrow)."""

    def __init__(self, connector: Connector, kind: str) -> None:
        super().__init__()
        self.kind = kind
        self.element_id = connector.id
        self.setFlags(SELECTABLE)
        self.setZValue(4 if kind == "handoff" else 3)  # under the cards, which it routes around
        self._take(connector)

    def _take(self, connector: Connector) -> None:
        self.connector = connector
        self._path = bezier_path(connector.path)
        rect = self._path.boundingRect().adjusted(-12, -12, 12, 12)
        if connector.label is not None:
            rect = rect.united(qrect(connector.label.rect).adjusted(-4, -4, 4, 4))
        self._bounds = rect

    def set_connector(self, connector: Connector) -> None:
        if connector == self.connector:
            return
        self.prepareGeometryChange()
        self._take(connector)
        self.update()

    def path(self) -> QPainterPath:
        return self._path

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        """The curve, widened to be easy to hit, and its label (a click there selects it too)."""
        stroker = QPainterPathStroker()
        stroker.setWidth(10)
        shape = stroker.createStroke(self.path())
        if self.connector.label is not None:
            shape.addRect(qrect(self.connector.label.rect).adjusted(-3, -2, 3, 2))
        return shape

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        handoff = self.kind == "handoff"
        p = QtPainter(painter)
        shapes.connector(p, self.connector, handoff, theme.SELECTION if self.isSelected() else None)
        if self.connector.label is not None:
            shapes.connector_label(p, self.connector.label, handoff)
