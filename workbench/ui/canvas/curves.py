"""Graphics items drawn across the map: emotion faces, the emotion curve, handoffs and flow links.

The boxes (headers, lanes, cards) are in `items.py`; these are the marks
that join them. They hold the element id and the shape they were last
given; they never change the model.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from operator import is_

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPainterPathStroker, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsPathItem, QGraphicsRectItem, QStyleOptionGraphicsItem, QWidget

from workbench import theme
from workbench.export import shapes
from workbench.geometry import Anchor, Bezier, Connector, Curve, EmotionPoint, Run
from workbench.ui.canvas.blocks import block_x, settle_in
from workbench.ui.canvas.items import NO_PEN, SELECTABLE, SELECTABLE_MOVABLE, hold_to_axes
from workbench.ui.canvas.painting import bezier_path, qrect
from workbench.ui.canvas.qtpainter import QtPainter, pen


class EmotionItem(QGraphicsRectItem):
    """A face on the emotion curve; its mouth, not only its colour, tells the level."""

    kind = "emotion"
    axis = "y"
    RADIUS = shapes.FACE_RADIUS
    Z = 8.0

    def __init__(self, point: EmotionPoint, parent: QGraphicsItem | None = None) -> None:
        super().__init__()
        self.element_id = point.step
        self.point = point
        self.setPen(NO_PEN)
        r = self.RADIUS + 3
        self.setRect(QRectF(-r, -r, 2 * r, 2 * r))
        self.setFlags(SELECTABLE_MOVABLE)
        self.setZValue(self.Z)
        self.setCursor(Qt.CursorShape.SizeVerCursor)
        settle_in(self, parent, point.x, point.offset)

    def set_point(self, point: EmotionPoint) -> None:
        if point.level != self.point.level:
            self.update()
        self.point = point
        if self.pos() != self.home():
            self.setPos(self.home())

    def home(self) -> QPointF:
        """Faces live in the emotion lane's layer (in a column block of it): y from the lane's top."""
        return QPointF(self.point.x - block_x(self), self.point.offset)

    def mouseMoveEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().mouseMoveEvent(event)
        hold_to_axes(self.scene().selectedItems())
        self.update()  # (its mouth follows the level it is over)

    def shown_level(self) -> int:
        """The level the face says: while dragged, the one it would be dropped at (it kept its old mouth until
        released)."""
        layout = getattr(self.scene(), "layout", None)
        if layout is None or self.pos() == self.home():
            return self.point.level
        return layout.emotion_level_at(self.scenePos().y())

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        shapes.face(QtPainter(painter), (0.0, 0.0), self.shown_level(), self.RADIUS)
        if self.isSelected():
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(QColor(theme.SELECTION), 2))
            painter.drawEllipse(QPointF(0, 0), self.RADIUS + 2, self.RADIUS + 2)


class CurvePiece(QGraphicsPathItem):
    """A few dozen segments of a curve, painted by the shared painter (``shapes.curve``) as the PDF draws them.

    The pen set on the path item is only there for Qt to know the bounds.
    """

    def __init__(self, parent: QGraphicsItem, look: tuple[str, str, str]) -> None:
        super().__init__(parent)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.segments: tuple[Bezier, ...] = ()
        self.set_look(look)

    def set_look(self, look: tuple[str, str, str]) -> None:
        self.look = look
        colour, line, _ = look
        self.setPen(pen(colour, shapes.LINE_WIDTHS.get(line, shapes.CURVE_WIDTH), round_ends=True))
        self.update()

    def set_segments(self, segments: tuple[Bezier, ...]) -> None:
        self.segments = segments
        self.setPath(bezier_path(segments))

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour, line, scenario = self.look
        shapes.curve(QtPainter(painter), self.segments, colour, line, scenario)


class CurveItem(QGraphicsRectItem):
    """An emotion curve, drawn by pieces of a few dozen segments each.

    An edit near the end of a long journey changes the last piece only, so
    only its path is made again (one path for 1,000 steps took milliseconds
    to rebuild after every edit). The item itself draws nothing. Its look
    (colour, weight, dashes for "to be") is its persona's.
    """

    kind = "curve"
    PIECE = 48

    def __init__(self, look: tuple[str, str, str] = (theme.CURVE, "medium", "as_is")) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(6)
        self.look = look
        #: Each piece: its segments, its item, its run's column and the x the item was put at.
        self._pieces: list[tuple[tuple[Bezier, ...], CurvePiece, Anchor, float | None]] = []
        #: The runs last drawn, by id (each kept alive here, so an id is never another run's): where its pieces
        #: are in ``_pieces`` (read from there: ``follow`` keeps the x each was put at).
        self._runs: dict[int, tuple[Run, int, int]] = {}

    def set_look(self, colour: str, line: str, scenario: str) -> None:
        look = (colour, line, scenario)
        if look != self.look:
            self.look = look
            for _, item, _, _ in self._pieces:
                item.set_look(look)

    def set_runs(self, runs: list[Run]) -> None:
        """Pieces for the runs' segments; a piece whose segments are unchanged keeps its path.

        Pieces are matched by their first segment, not by their rank: a run
        that splits or joins early in the map no longer redraws every piece
        after it, and a face changed in a long run redraws its piece only.
        A run's segments are placed from its first face's column, and so is
        each of its pieces: a run pushed along by a step added before it
        keeps its pieces' paths, and they move.
        """
        # A run that is the very object drawn last time (the layout keeps a chunk no edit reached) has the same
        # pieces: they are taken as they are, without slicing and comparing its segments.
        taken: dict[int, list[tuple[tuple[Bezier, ...], CurvePiece, Anchor, float | None]]] = {}
        for run in runs:
            last = self._runs.get(id(run))
            if last is not None and last[0] is run:
                taken[id(run)] = self._pieces[last[1] : last[2]]
        used: set[int] = {id(entry[1]) for entries in taken.values() for entry in entries}
        wanted = [
            (tuple(run[i : i + self.PIECE]), run.column)
            for run in runs if id(run) not in taken
            for i in range(0, len(run), self.PIECE)
        ]
        # Pieces by their run's column and first segment; failing that, by their first segment alone (counted
        # from their columns, the runs of a long map often begin alike: one first segment, many pieces).
        def filed(key):  # type: ignore[no-untyped-def]  # the pieces, by key(segments, column)
            out: dict[object, list[tuple[tuple[Bezier, ...], CurvePiece]]] = {}
            for segments, item, column, _ in self._pieces:
                if segments and id(item) not in used:  # (a piece of a run kept as it was is no candidate)
                    out.setdefault(key(segments, column), []).append((segments, item))
            return out

        same_run = filed(lambda segments, column: (id(column), segments[0])) if wanted else {}
        alike = None  # (made at the first piece not found in its run)
        kept: list[tuple[tuple[Bezier, ...], CurvePiece] | None] = []
        for segments, column in wanted:
            found = _unused(same_run.get((id(column), segments[0])), segments, used)
            if found is None:
                if alike is None:
                    alike = filed(lambda segments, column: segments[0])
                found = _unused(alike.get(segments[0]), segments, used)
            kept.append(found)
        spare = [item for _, item, _, _ in self._pieces if id(item) not in used]
        placed = {id(item): (column, x) for _, item, column, x in self._pieces}
        pieces: list[tuple[tuple[Bezier, ...], CurvePiece, Anchor, float | None]] = []
        matched = iter(zip(wanted, kept))
        runs_pieces: dict[int, tuple[Run, int, int]] = {}
        for run in runs:
            first = len(pieces)
            if id(run) in taken:
                pieces += taken[id(run)]
            else:
                for _ in range(0, len(run), self.PIECE):
                    (segments, column), known = next(matched)
                    if known is None:
                        item = spare.pop() if spare else CurvePiece(self, self.look)
                        item.set_segments(segments)
                        known = (segments, item)
                    was = placed.get(id(known[1]))
                    pieces.append((*known, column, was[1] if was is not None and was[0] is column else None))
            runs_pieces[id(run)] = (run, first, len(pieces))
        for item in spare:
            item.setParentItem(None)
            if item.scene() is not None:
                item.scene().removeItem(item)
        self._pieces = pieces
        self._runs = runs_pieces
        self.follow()

    def follow(self) -> None:
        """Each piece where its run's column is (columns moved, or a piece went to another run)."""
        pieces = self._pieces
        for i, (segments, item, column, placed) in enumerate(pieces):
            if placed != column.x:  # (the x it was put at, kept here: no call into Qt for the others)
                item.setX(column.x)
                pieces[i] = (segments, item, column, column.x)

    def pieces(self) -> list[CurvePiece]:
        return [item for _, item, _, _ in self._pieces]

    def path(self) -> QPainterPath:
        """The whole curve (for tests and hit checks), pieces joined, in the lane's coordinates."""
        out = QPainterPath()
        for _, item, _, _ in self._pieces:
            out.addPath(item.path().translated(item.pos()))
        return out


def _unused(candidates, segments, used):  # type: ignore[no-untyped-def]
    """The first of *candidates* (segments, piece) not used yet whose segments are *segments*; None if none."""
    for known in candidates or ():
        if id(known[1]) not in used and known[0] == segments:
            used.add(id(known[1]))
            return known
    return None


class MarksItem(QGraphicsItem):
    """The points of a curve that is not the active one: its persona's mark at each, hollow for "to be".

    One item draws them all, the ones in view only: an item per point made
    every click slower (a scene without an index looks at each item), and
    thousands of them moved whenever a step was inserted. Not draggable (only
    the active curve's faces are); clicks go through it.
    """

    kind = "marks"

    def __init__(self, look: tuple[str, str, bool]) -> None:
        super().__init__()
        self.look = look
        self.points: dict[str, EmotionPoint] = {}
        self._faces: list[EmotionPoint] = []
        self._bounds: QRectF | None = QRectF()
        #: The lowest and highest offsets of the faces (None: to be measured).
        self._ys: tuple[float, float] | None = None
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemUsesExtendedStyleOption)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(1)

    def set_points(self, faces: list[EmotionPoint], steps: set[str] | None) -> None:
        """The curve's points now, in time order; *steps* (None: all) those that may have changed."""
        before, self._faces = self._faces, faces
        if steps is not None and len(faces) == len(before) and all(map(is_, faces, before)):
            return  # (the very points: a step without one on this curve was added or edited)
        points = {p.step: p for p in faces}
        if steps is not None and points.keys() == self.points.keys() and all(points.get(s) == self.points.get(s) for s in steps):
            self.points = points  # (in another order, their columns moved: follow() measures them again)
            return
        self.points = points
        self._ys = None
        self.moved()

    def set_look(self, look: tuple[str, str, bool]) -> None:
        if look != self.look:
            self.look = look
            self.update()

    def moved(self) -> None:
        """Points came, went or moved (they follow their column): measure and paint again, once."""
        if self._bounds is not None:
            self.prepareGeometryChange()
            self._bounds = None
        self.update()

    def boundingRect(self) -> QRectF:
        if self._bounds is None:
            r = shapes.MARK_RADIUS * 1.25 + 2
            faces = self._faces
            if faces:
                # In time order, so left to right: the ends are the first and last faces. Their heights do not
                # change as columns move, so they are measured again only when the points change.
                if self._ys is None:
                    offsets = [p.offset for p in faces]
                    self._ys = (min(offsets), max(offsets))
                top, bottom = self._ys
                left, right = _x(faces[0]), _x(faces[-1])
                self._bounds = QRectF(left - r, top - r, right - left + 2 * r, bottom - top + 2 * r)
            else:
                self._bounds = QRectF()
        return self._bounds

    def shape(self) -> QPainterPath:
        return QPainterPath()  # nothing to hit: clicks and drops go to what is under it

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        shape, colour, hollow = self.look
        exposed = option.exposedRect.adjusted(-12, -12, 12, 12)  # type: ignore[attr-defined]
        p = QtPainter(painter)
        faces = self._faces  # in time order, so left to right: the ones in view are looked up, not every x measured
        for point in faces[bisect_left(faces, exposed.left(), key=_x) : bisect_right(faces, exposed.right(), key=_x)]:
            shapes.mark(p, (_x(point), point.offset), shape, colour, hollow=hollow)


class OtherCurveItem(QGraphicsRectItem):
    """A curve shown but not edited (another persona's, or the other scenario): its line and its marks.

    It draws nothing itself: its line's pieces and one item for all its marks
    do; a change at one step redraws the line's pieces that the change
    reached and the marks.
    """

    kind = "other-curve"
    Z = 4.0
    #: Its marks are not its children but its lane's, over every curve's line (the active one's at 6), under the
    #: active curve's faces (8): a later curve's line ran through the marks of the curves before it.
    MARKS_Z = 7.0

    def __init__(self, curve: Curve, tip: str) -> None:
        super().__init__()
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setZValue(self.Z)
        self.key = curve.key
        self.curve: Curve | None = None
        self.tip = tip
        self.line = CurveItem(_line_look(curve))
        self.line.setParentItem(self)
        self.line.setZValue(0)
        self.dots = MarksItem(_mark_look(curve))  # (placed in the lane with this item: see MARKS_Z)
        self.setToolTip(tip)
        self.set_curve(curve, None, tip)

    @property
    def marks(self) -> dict[str, EmotionPoint]:
        """The point of each step that has one on this curve (where its mark is drawn)."""
        return self.dots.points

    def set_curve(self, curve: Curve, steps: set[str] | None, tip: str) -> None:
        """Follow *curve*; only the marks of *steps* are looked at (None: all of them)."""
        old = self.curve
        self.curve = curve
        look_changed = old is None or _mark_look(old) != _mark_look(curve) or tip != self.tip
        self.tip = tip
        if old is not None and curve is old and not look_changed:
            return
        self.line.set_look(*_line_look(curve))
        if old is None or old.local_runs is not curve.local_runs:
            self.line.set_runs(curve.local_runs)
        if look_changed:
            self.dots.set_look(_mark_look(curve))
            self.setToolTip(tip)
            self.dots.setToolTip(tip)
        self.dots.set_points(curve.points, steps)

    def follow(self) -> None:
        """Columns moved: the line's pieces and the marks go along (placed from their columns, they are the same)."""
        self.line.follow()
        self.dots.moved()


def _x(point: EmotionPoint) -> float:
    return point.column.x + point.local_x  # (EmotionPoint.x)


def _line_look(curve: Curve) -> tuple[str, str, str]:
    return (curve.colour, curve.line, curve.scenario)


def _mark_look(curve: Curve) -> tuple[str, str, bool]:
    return (curve.shape, curve.colour, curve.scenario == "to_be")


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
        self.follow()
        self._path = bezier_path(connector.path)
        rect = self._path.boundingRect().adjusted(-12, -12, 12, 12)
        if connector.label is not None:
            rect = rect.united(qrect(connector.label.rect).adjusted(-4, -4, 4, 4))
        self._bounds = rect

    def follow(self) -> None:
        """Go to the left of the column the route is placed from (it moved with its handoffs' columns)."""
        x = self.connector.column.x
        if self.x() != x:
            self.setX(x)

    def set_connector(self, connector: Connector) -> None:
        if connector == self.connector:
            self.connector = connector  # (the same route, perhaps from another column)
            self.follow()
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
