"""The canvas view: zoom, pan, rubber-band selection, drags that scroll, and `.journey` files dropped on it.

A palette drag is accepted when it enters, wherever it enters (a header, a lane
title, empty space): on X11, a drag refused on entry gets no further move or
drop events, so the scene decides at each move instead, showing where the
item would land or why it cannot. Near an edge the view scrolls by itself,
for palette drags and for elements dragged inside the map.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, QRect, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QDragEnterEvent,
    QDragLeaveEvent,
    QDragMoveEvent,
    QDropEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QWheelEvent,
)
from PySide6.QtWidgets import QGraphicsItem, QGraphicsView

from workbench.ui.canvas.scene import JourneyScene
from workbench.ui.mime import PALETTE_MIME

translate = QCoreApplication.translate
#: How close to an edge (pixels) a drag starts scrolling the view.
EDGE = 36
#: A drag held at an edge scrolls faster the longer it is held: once more its first speed every this many
#: ticks of 30 ms (a second), up to :data:`MOST_FASTER` times it. At the first speed, a card carried to a step
#: 500 columns away took minutes.
FASTER_EVERY = 33
MOST_FASTER = 12

MIN_ZOOM = 0.1
#: Fits go further out, so that a map of thousands of steps still fits.
FIT_FLOOR = 0.0001
MAX_ZOOM = 6.0
STEP = 1.25


class JourneyView(QGraphicsView):
    zoom_changed = Signal(float)
    files_dropped = Signal(list)

    def __init__(self, scene: JourneyScene) -> None:
        super().__init__(scene)
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setDragMode(QGraphicsView.DragMode.RubberBandDrag)
        self.setRubberBandSelectionMode(Qt.ItemSelectionMode.IntersectsItemShape)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.BoundingRectViewportUpdate)
        self.setAcceptDrops(True)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._zoom = 1.0
        self._ever_shown = False
        self._space = False
        self._panning: QPointF | None = None
        self.setAccessibleName(self.tr("Journey map"))
        self.setAccessibleDescription(
            self.tr("The map: arrow keys move between steps and cells, Enter adds or edits, F2 edits, Delete deletes.")
        )
        # Scrolling by itself while a drag is held near an edge.
        self._scroll_timer = QTimer(self)
        self._scroll_timer.setInterval(30)
        self._scroll_timer.timeout.connect(self._auto_scroll)
        self._scroll_by = QPoint()
        self._scroll_ticks = 0
        self._drag_pos: QPointF | None = None
        self._drag_mime = None
        self._mouse_drag: tuple[QPointF, Qt.KeyboardModifier] | None = None
        scene.refreshed.connect(self.freeze_headers)

    def journey_scene(self) -> JourneyScene:
        scene = self.scene()
        assert isinstance(scene, JourneyScene)
        return scene

    # --------------------------------------------------------------- zoom

    @property
    def zoom(self) -> float:
        return self._zoom

    def set_zoom(self, zoom: float, floor: float = MIN_ZOOM) -> None:
        """Zoom, clamped; fits may go below MIN_ZOOM (*floor*) so a map of any size fits."""
        zoom = max(min(floor, MIN_ZOOM), min(MAX_ZOOM, zoom))
        self.setTransform(self.transform().fromScale(zoom, zoom))
        self._zoom = zoom
        self.zoom_changed.emit(zoom)

    def _zoom_keeping_corner(self, zoom: float) -> None:
        """Keyboard zooms keep the top-left corner of what is shown where it is (not the pointer's spot)."""
        corner = self.mapToScene(self.viewport().rect().topLeft())
        anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.set_zoom(zoom)
        self.setTransformationAnchor(anchor)
        self.scroll_to(corner)
        # ...unless that loses the selection from view (Ctrl+0 after fitting the map put it far off): it is shown.
        scene = self.scene()
        selected = scene.selectedItems() if scene is not None else []
        if selected:
            seen = self.mapToScene(self.viewport().rect()).boundingRect()
            if not any(seen.contains(item.sceneBoundingRect().center()) for item in selected):
                self.ensureVisible(selected[0].sceneBoundingRect(), 30, 30)

    def _zoom_about(self, zoom: float, spot: QPointF) -> None:
        """Ctrl+wheel: the point of the map under the pointer (*spot*, in the viewport) stays under it. (The wheel
        zoomed about the top-left corner, as the keys do: the card pointed at left the screen.)"""
        under = self.mapToScene(spot.toPoint())
        anchor = self.transformationAnchor()
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.set_zoom(zoom)
        self.setTransformationAnchor(anchor)
        moved = self.mapFromScene(under) - spot.toPoint()
        self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() + moved.x())
        self.verticalScrollBar().setValue(self.verticalScrollBar().value() + moved.y())

    def scroll_to(self, corner: QPointF) -> None:
        """Put scene point *corner* at the top-left of the viewport (as far as the scroll bars allow)."""
        at = self.transform().map(corner)
        self.horizontalScrollBar().setValue(int(at.x()))
        self.verticalScrollBar().setValue(int(at.y()))

    def zoom_in(self) -> None:
        self._zoom_keeping_corner(self._zoom * STEP)

    def zoom_out(self) -> None:
        self._zoom_keeping_corner(self._zoom / STEP)

    def reset_zoom(self) -> None:
        self._zoom_keeping_corner(1.0)

    def show_start(self) -> None:
        """A file opens at its top-left corner (stage bar and lane titles in view), at actual size."""
        self.set_zoom(1.0)
        self.scroll_to(QPointF(0, 0))

    def _fit(self, width: bool, height: bool) -> None:
        rect = self.sceneRect()
        if rect.isEmpty():
            return
        viewport = self.viewport().rect()
        sides = []
        if width:
            sides.append(viewport.width() / rect.width())
        if height:
            sides.append(viewport.height() / rect.height())
        self.set_zoom(min(sides) * 0.98, floor=FIT_FLOOR)
        self.scroll_to(QPointF(0, 0)) if not (width and height) else self.centerOn(rect.center())

    def fit_to_window(self) -> None:
        self._fit(True, True)

    def fit_width(self) -> None:
        self._fit(True, False)

    def fit_height(self) -> None:
        self._fit(False, True)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            if event.angleDelta().y():
                factor = STEP if event.angleDelta().y() > 0 else 1 / STEP
                self._zoom_about(self._zoom * factor, event.position())
            event.accept()
            return
        if event.modifiers() & Qt.KeyboardModifier.ShiftModifier and event.angleDelta().x() == 0:
            # Shift+wheel scrolls sideways (a journey is wide), on every platform.
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - event.angleDelta().y() * bar.singleStep() // 40)
            event.accept()
            return
        super().wheelEvent(event)

    def event(self, event: QEvent) -> bool:
        """Tab and Shift+Tab move within the map (or from a touchpoint's text to its channel).

        Qt would otherwise use them to move the focus out of the canvas, which
        left keyboard users stranded with nothing selected.
        """
        if event.type() == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):  # type: ignore[attr-defined]
            mods = event.modifiers()  # type: ignore[attr-defined]
            if not mods & (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
                forward = event.key() == Qt.Key.Key_Tab and not mods & Qt.KeyboardModifier.ShiftModifier  # type: ignore[attr-defined]
                return self.journey_scene().tab(forward)
        return super().event(event)

    # ---------------------------------------------------------------- pan

    def keyPressEvent(self, event: QKeyEvent) -> None:
        scene = self.journey_scene()
        if event.key() == Qt.Key.Key_Space and scene.editor is None and scene.channel_editor is None:
            if not event.isAutoRepeat():
                self._space = True
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            event.accept()
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and self._space:
            if not event.isAutoRepeat():
                self._space = False
                if self._panning is None:
                    self.viewport().unsetCursor()
            event.accept()
            return
        super().keyReleaseEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        # Middle-drag, or Space held: pan, whatever is under the pointer (cards included).
        if event.button() == Qt.MouseButton.MiddleButton or (self._space and event.button() == Qt.MouseButton.LeftButton):
            self._panning = event.position()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
            event.accept()
            return
        super().mousePressEvent(event)
        if event.button() == Qt.MouseButton.LeftButton:
            self._mouse_drag = (event.position(), event.modifiers())

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._panning is not None:
            delta = event.position() - self._panning
            self._panning = event.position()
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - int(delta.x()))
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - int(delta.y()))
            event.accept()
            return
        super().mouseMoveEvent(event)
        scene = self.journey_scene()
        dragging = event.buttons() & Qt.MouseButton.LeftButton and (
            scene.mouseGrabberItem() is not None or scene._connecting is not None
        )
        if dragging or (scene._connecting is not None and scene._connecting.by_click):
            self._mouse_drag = (event.position(), event.modifiers())
            self._near_edge(event.position())
        else:
            self._stop_scrolling()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._panning is not None and event.button() in (Qt.MouseButton.MiddleButton, Qt.MouseButton.LeftButton):
            self._panning = None
            if self._space:
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            else:
                self.viewport().unsetCursor()
            event.accept()
            return
        self._stop_scrolling()
        self._mouse_drag = None
        super().mouseReleaseEvent(event)

    def focusOutEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if self._space:  # the Space release may go elsewhere
            self._space = False
            if self._panning is None:
                self.viewport().unsetCursor()
        super().focusOutEvent(event)

    # ---------------------------------------------------- frozen headers

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self.freeze_headers()

    def resizeEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        super().resizeEvent(event)
        self.freeze_headers()

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        """Shown for the first time, the map shows its start (Qt would show the middle of the scene
        it was made with: the blank journey of a window opened without a file)."""
        first = not self._ever_shown
        super().showEvent(event)
        if first:
            self._ever_shown = True
            self.scroll_to(QPointF(0, 0))

    def setScene(self, scene) -> None:  # type: ignore[no-untyped-def, override]
        super().setScene(scene)
        scene.refreshed.connect(self.freeze_headers)
        self.freeze_headers()

    def ensureVisible(self, *args) -> None:  # type: ignore[no-untyped-def, override]
        """As QGraphicsView's, but what is shown clears the frozen headers instead of hiding under them."""
        scene = self.scene()
        if not isinstance(scene, JourneyScene) or not args or isinstance(args[0], QGraphicsItem):
            if args and isinstance(args[0], QGraphicsItem):
                rect, margins = args[0].sceneBoundingRect(), args[1:]
            else:
                super().ensureVisible(*args)
                return
        elif isinstance(args[0], (QRectF, QRect)):
            rect, margins = QRectF(args[0]), args[1:]
        else:
            rect, margins = QRectF(*args[:4]), args[4:]
        top, left = scene.header_block(), scene.title_block()
        # Below the headers: room above it for them. A header itself: its whole block in its own place.
        grow_x = left.width() if rect.left() > left.right() else max(0.0, rect.left() - left.left())
        grow_y = top.height() if rect.top() > top.bottom() else max(0.0, rect.top() - top.top())
        super().ensureVisible(rect.adjusted(-grow_x, -grow_y, 0, 0), *margins)

    def freeze_headers(self) -> None:
        """Lane titles at the left edge, stage and step headers at the top, whatever is scrolled."""
        scene = self.scene()
        if isinstance(scene, JourneyScene):
            shown = self.mapToScene(self.viewport().rect()).boundingRect()
            scene.freeze_headers(shown)
            scene.wake(shown)

    def paintEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        scene = self.scene()
        if isinstance(scene, JourneyScene) and scene.sleeping():  # (a zoom shows more without a scroll)
            scene.wake(self.mapToScene(self.viewport().rect()).boundingRect())
        super().paintEvent(event)

    # ------------------------------------------------------- auto-scroll

    def _near_edge(self, pos: QPointF) -> None:
        """Start (or stop) scrolling by itself when a drag is held near an edge."""
        area = self.viewport().rect()

        def speed(distance: float) -> int:
            return int((EDGE - distance) / 3) + 2 if distance < EDGE else 0

        dx = -speed(pos.x()) if pos.x() < EDGE else speed(area.width() - pos.x())
        dy = -speed(pos.y()) if pos.y() < EDGE else speed(area.height() - pos.y())
        self._scroll_by = QPoint(dx, dy)
        if dx or dy:
            if not self._scroll_timer.isActive():
                self._scroll_ticks = 0
                self._scroll_timer.start()
        else:
            self._scroll_timer.stop()

    def _stop_scrolling(self) -> None:
        self._scroll_timer.stop()
        self._scroll_by = QPoint()

    def _auto_scroll(self) -> None:
        h, v = self.horizontalScrollBar(), self.verticalScrollBar()
        before = (h.value(), v.value())
        self._scroll_ticks += 1
        faster = min(MOST_FASTER, 1 + self._scroll_ticks // FASTER_EVERY)
        h.setValue(h.value() + self._scroll_by.x() * faster)
        v.setValue(v.value() + self._scroll_by.y() * faster)
        if (h.value(), v.value()) == before:
            self._stop_scrolling()
            return
        scene = self.journey_scene()
        if self._drag_pos is not None and self._drag_mime is not None:
            # The pointer stands still over a map that moves: ask again where it would land.
            from workbench.ui.canvas.dropping import palette_payload

            at = self.mapToScene(self._drag_pos.toPoint())
            scene.show_drop_answer(scene.plan_drop(palette_payload(self._drag_mime), at))
        elif self._mouse_drag is not None:
            # The dragged element follows the pointer over the scrolled map.
            pos, modifiers = self._mouse_drag
            move = QMouseEvent(QEvent.Type.MouseMove, pos, self.viewport().mapToGlobal(pos),
                               Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton, modifiers)
            QCoreApplication.sendEvent(self.viewport(), move)

    # ------------------------------------------------------------ drops

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        mime = event.mimeData()
        if mime.hasFormat(PALETTE_MIME):
            super().dragEnterEvent(event)  # the scene shows where it would land, or why not
            event.setDropAction(Qt.DropAction.CopyAction)
            event.accept()  # whatever the scene said: the move events decide
            self._track_drag(event)
            return
        if _journey_files(event):
            event.acceptProposedAction()
            return
        if mime.hasUrls():
            self.journey_scene().message.emit(self.tr("Only .journey files can be opened by dropping them here."))
        event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(PALETTE_MIME):
            super().dragMoveEvent(event)
            self._track_drag(event)
            return
        if _journey_files(event):
            event.acceptProposedAction()
            return
        event.ignore()

    def _track_drag(self, event: QDragMoveEvent) -> None:
        self._drag_pos = event.position()
        self._drag_mime = event.mimeData()
        self._near_edge(event.position())

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:
        self._end_drag()
        super().dragLeaveEvent(event)
        self.journey_scene().clear_drop_hint()

    def _end_drag(self) -> None:
        self._stop_scrolling()
        self._drag_pos = None
        self._drag_mime = None

    def dropEvent(self, event: QDropEvent) -> None:
        self._end_drag()
        files = _journey_files(event)
        if files:
            event.acceptProposedAction()
            self.files_dropped.emit(files)
            return
        super().dropEvent(event)


def _journey_files(event) -> list[str]:  # type: ignore[no-untyped-def]
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    return [u.toLocalFile() for u in mime.urls() if u.isLocalFile() and u.toLocalFile().endswith(".journey")]
