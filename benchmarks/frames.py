"""Time from an event to the painted frame of a real QGraphicsView viewport (offscreen Qt).

What a user waits for after a drop or a key press is the next frame, not the
layout: the scene catches up (the canvas refreshes on a zero timer after the
document's event), Qt processes the dirty items, and the viewport paints. So
a `FrameProbe` filters the viewport's events: from just before the event is
sent it processes events until the first Paint event that comes after the
scene said it caught up (its `refreshed` signal; a bare scene has none and
is ready at once) and that covers the edited element, runs that paint
itself (the scroll area's own handler, `viewportEvent`) and stops the clock
at its end. Garbage collection stays on: a collection that lands in an edit
is part of what the user waits for.

The floor is the same window and view with a bare `QGraphicsScene` of as
many plain rectangles as the map has cards and headers, one of which moves
by a column and back: what Qt itself costs for one changed item and a frame.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from typing import NamedTuple

from PySide6.QtCore import (
    QEvent,
    QMessageLogContext,
    QObject,
    QPointF,
    QRectF,
    Qt,
    QtMsgType,
    qInstallMessageHandler,
)
from PySide6.QtGui import QBrush, QColor, QPen, QRegion
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QWidget,
)

class Frame(NamedTuple):
    """One edit: wall-clock milliseconds to its frame (what the user waits for), and this process's CPU
    milliseconds in that time (what the edit costs, whatever else the shared machine was doing)."""

    wall: float
    cpu: float


#: The window of a 1366x768 laptop, less the task bar.
WINDOW = (1366, 740)
#: The side panel (the inspector, or an empty stand-in for the floor).
SIDE_WIDTH = 320
#: No frame within this many seconds: the edit did nothing visible, a bug of the benchmark.
TIMEOUT_S = 120.0


def qt_app() -> QApplication:
    """The QApplication, offscreen, with the bundled fonts (without them text is boxes, and cheaper)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = QApplication.instance() or QApplication(["benchmarks"])
    assert isinstance(app, QApplication)
    if not getattr(app, "_bench_fonts", False):
        qInstallMessageHandler(_quiet)
        try:
            from workbench.ui.app import register_fonts

            register_fonts()
        except ImportError:  # the start-up code moved it: say so, the figures would flatter
            print("benchmarks: workbench.ui.app.register_fonts is gone; text may be drawn unlike the app's", file=sys.stderr)
        app._bench_fonts = True  # type: ignore[attr-defined]
    return app


def _quiet(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    """Qt's messages to stderr, less the offscreen plugin's one per shown window (it would bury the tables)."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def settle(ms: float = 10.0) -> None:
    """Let what the last edit left queued run (idle time between a user's edits)."""
    QTest.qWait(int(ms))
    QApplication.processEvents()


class BenchWindow(QWidget):
    """A shown, active top-level window: the view, and a side panel at its right."""

    def __init__(self, view: QGraphicsView, side: QWidget) -> None:
        super().__init__()
        self.view = view
        self.side = side
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(view, 1)
        side.setFixedWidth(SIDE_WIDTH)
        row.addWidget(side)
        self.resize(*WINDOW)
        self.show()
        self.activateWindow()
        QTest.qWaitForWindowExposed(self)
        QTest.qWaitForWindowActive(self, 2000)
        settle(50)


class FrameProbe(QObject):
    """Clocks one edit from the event to the end of the first Paint of the viewport that shows it.

    A paint counts once the scene has emitted `refreshed` (it caught up with
    the document) and, when the edit names an element, only if the painted
    region covers that element's item where it now is: a canvas that paints
    part of an edit now and the rest later is timed to the part that matters.
    """

    def __init__(self, view: QGraphicsView) -> None:
        super().__init__(view)
        self.view = view
        self._waiting = False
        self._ready = False
        self._painted: float | None = None
        self._painted_cpu = 0.0
        self._scene: QGraphicsScene | None = None
        self._shows: tuple[str, str] | None = None
        view.viewport().installEventFilter(self)

    def follow(self, scene: QGraphicsScene | None) -> None:
        """Wait for *scene*'s `refreshed` signal before a paint counts (None, or a bare scene: any paint)."""
        if self._scene is not None:
            self._scene.refreshed.disconnect(self._caught_up)  # type: ignore[attr-defined]
        self._scene = scene if scene is not None and hasattr(scene, "refreshed") else None
        if self._scene is not None:
            self._scene.refreshed.connect(self._caught_up)  # type: ignore[attr-defined]

    def _caught_up(self) -> None:
        if self._waiting:
            self._ready = True

    def _shown(self, region: QRegion) -> bool:
        """Does *region* (of the viewport) cover the item of the element the edit is about?"""
        items = getattr(self._scene, "items_by_key", None)
        if self._shows is None or items is None:
            return True
        item = items.get(self._shows)
        if item is None or not item.isVisible():
            return False
        return region.intersects(self.view.mapFromScene(item.sceneBoundingRect()).boundingRect())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._waiting and self._ready and event.type() == QEvent.Type.Paint:
            if not self._shown(event.region()):  # type: ignore[attr-defined]
                return False
            self.view.viewportEvent(event)  # what the scroll area's own filter would do: paint
            self._painted = time.perf_counter()
            self._painted_cpu = time.process_time()
            self._waiting = False
            return True
        return False

    def frame(self, send: Callable[[], object], ready: bool = False, shows: tuple[str, str] | None = None) -> Frame:
        """The time from calling *send* (which sends the event) to the end of the frame it causes.

        *ready*: count the first paint even before a refresh (a scene being
        built). *shows*: the (kind, id) of the item the frame must paint.
        """
        self._painted = None
        self._ready = ready or self._scene is None
        self._shows = shows
        self._waiting = True
        cpu = time.process_time()
        start = time.perf_counter()
        send()
        while self._painted is None:
            QApplication.processEvents()
            if time.perf_counter() - start > TIMEOUT_S:
                self._waiting = False
                raise TimeoutError(f"no frame painted {shows or 'anything'} after the edit")
        return Frame((self._painted - start) * 1000, (self._painted_cpu - cpu) * 1000)


class Floor:
    """A bare scene and view of *count* rectangles laid out like a map, in the same window."""

    COLUMN, ROW = 190.0, 90.0

    def __init__(self, count: int, like: QGraphicsView, lanes: int = 7) -> None:
        self.scene = QGraphicsScene()
        self.view = QGraphicsView()
        self.view.setRenderHints(like.renderHints())
        self.view.setViewportUpdateMode(like.viewportUpdateMode())
        self.view.setAlignment(like.alignment())
        self.count, self.lanes = count, lanes
        self.window = BenchWindow(self.view, QWidget())
        self.probe = FrameProbe(self.view)
        self.items = self.populate()
        self.view.setScene(self.scene)
        settle(50)

    def populate(self) -> list[QGraphicsRectItem]:
        brush, pen = QBrush(QColor("#fff7d6")), QPen(QColor("#8a7a3d"), 1.2)
        items = []
        for i in range(self.count):
            item = QGraphicsRectItem(QRectF(0, 0, 170, 70))
            item.setBrush(brush)
            item.setPen(pen)
            item.setPos(200 + (i // self.lanes) * self.COLUMN, 120 + (i % self.lanes) * self.ROW)
            self.scene.addItem(item)
            items.append(item)
        return items

    def move_frames(self, edits: int) -> list[Frame]:
        """Move one visible item a column to the right and back, *edits* times in all."""
        item = self.items[min(len(self.items) - 1, self.lanes + 1)]
        home = item.pos()
        out: list[Frame] = []
        for i in range(edits):
            target = home if i % 2 else home + QPointF(self.COLUMN, 0)
            out.append(self.probe.frame(lambda: item.setPos(target)))
            assert item.pos() == target
            settle()
        return out

    def build_frames(self, builds: int) -> list[Frame]:
        """Build a bare scene of as many items and show it: the floor of a scene build."""
        out: list[Frame] = []
        for _ in range(builds):
            old = self.scene

            def build() -> None:
                self.scene = QGraphicsScene()
                self.items = self.populate()
                self.view.setScene(self.scene)

            out.append(self.probe.frame(build, ready=True))
            old.deleteLater()
            del old
            settle()
        return out

    def close(self) -> None:
        self.window.close()
        self.window.deleteLater()
        self.scene.deleteLater()
        settle()


def key_click(widget: QWidget, key: Qt.Key | str, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed and released on *widget*, as QTest sends it (a spontaneous event, with its text)."""
    QTest.keyClick(widget, key, modifier)
