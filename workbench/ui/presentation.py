"""Presentation mode (F5): the map alone, full screen, stage by stage, for a room to read.

Docks, toolbars, menus and the status bar go; the map zooms so one stage fills
the width, with the headers frozen, and the selected step's column is
tinted for the room to follow; Right / Page Down and Left / Page Up step
through the stages, Home and End go to the first and the last. Escape or F5
brings back exactly the window as it was (geometry, docks, zoom, scroll).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, QPointF, QRect, QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QKeyEvent, QPen
from PySide6.QtWidgets import QDockWidget, QGraphicsRectItem, QToolBar

from workbench import theme

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow

Key = Qt.Key
NEXT = (Key.Key_Right, Key.Key_PageDown, Key.Key_Space)
PREVIOUS = (Key.Key_Left, Key.Key_PageUp)


@dataclass
class _Saved:
    geometry: QByteArray
    rect: QRect
    state: QByteArray
    window_state: Qt.WindowState
    zoom: float
    scroll: tuple[int, int]
    menu_bar: bool
    status_bar: bool
    hidden: list[QObject]


class Spotlight(QGraphicsRectItem):
    """The selected step's column, tinted for the room to follow (presentation only)."""

    def __init__(self) -> None:
        super().__init__()
        colour = QColor(theme.MOMENT_OF_TRUTH)
        colour.setAlpha(45)
        self.setBrush(colour)
        self.setPen(QPen(QColor(theme.MOMENT_OF_TRUTH), 3))
        self.setZValue(-5)  # over the lane bands, under the cards
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)


class Presentation(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.saved: _Saved | None = None
        self.stage = 0
        self.spotlight: Spotlight | None = None

    def _follow_selection(self) -> None:
        """Tint the column of the selected step (or of the selected card's step)."""
        scene = self.window.scene
        if self.spotlight is None or self.spotlight.scene() is not scene:
            self.spotlight = Spotlight()
            scene.addItem(self.spotlight)
        steps = scene.selected_ids("step") or [scene.document.get(c).step for c in scene.selected_ids("card")]  # type: ignore[attr-defined]
        box = next((b for b in scene.layout.steps if steps and b.id == steps[0]), None)
        if box is None:
            self.spotlight.hide()
            return
        self.spotlight.setRect(QRectF(box.column.x - 3, box.column.y - 3, box.column.w + 6, box.column.h + 6))
        self.spotlight.show()

    def _drop_spotlight(self) -> None:
        if self.spotlight is not None and self.spotlight.scene() is not None:
            self.spotlight.scene().removeItem(self.spotlight)
        self.spotlight = None

    @property
    def active(self) -> bool:
        return self.saved is not None

    def toggle(self) -> None:
        self.leave() if self.active else self.enter()

    def enter(self) -> None:
        w, view = self.window, self.window.view
        shown = [d for d in w.findChildren(QDockWidget) + w.findChildren(QToolBar) if d.isVisible()]
        self.saved = _Saved(w.saveGeometry(), w.geometry(), w.saveState(), w.windowState(), view.zoom,
                            (view.horizontalScrollBar().value(), view.verticalScrollBar().value()),
                            w.menuBar().isVisible(), w.statusBar().isVisible(), shown)
        for widget in shown:
            widget.hide()  # type: ignore[attr-defined]
        w.menuBar().hide()
        w.statusBar().hide()
        w.showFullScreen()
        view.installEventFilter(self)
        w.installEventFilter(self)  # closing in presentation saves the normal window, not this one
        view.setFocus()
        steps = w.scene.selected_ids("step")
        self.stage = self._stage_of(steps[0]) if steps else 0
        self.show_stage(self.stage)
        w.scene.selectionChanged.connect(self._follow_selection)
        w.scene.refreshed.connect(self._follow_selection)
        self._follow_selection()

    def leave(self) -> None:
        saved, w = self.saved, self.window
        if saved is None:
            return
        self.saved = None
        w.view.removeEventFilter(self)
        for signal in (w.scene.selectionChanged, w.scene.refreshed):
            try:
                signal.disconnect(self._follow_selection)
            except (RuntimeError, TypeError):
                pass
        self._drop_spotlight()
        w.removeEventFilter(self)
        w.setWindowState(saved.window_state)
        w.restoreGeometry(saved.geometry)
        if saved.window_state == Qt.WindowState.WindowNoState:
            w.setGeometry(saved.rect)  # restoreGeometry may nudge it to fit the screen it thinks it is on
        w.restoreState(saved.state)
        for widget in saved.hidden:
            widget.show()  # type: ignore[attr-defined]
        w.menuBar().setVisible(saved.menu_bar)
        w.statusBar().setVisible(saved.status_bar)
        w.view.set_zoom(saved.zoom)
        w.view.horizontalScrollBar().setValue(saved.scroll[0])
        w.view.verticalScrollBar().setValue(saved.scroll[1])

    def _stage_of(self, step_id: str) -> int:
        stage = self.window.document.get(step_id).stage  # type: ignore[attr-defined]
        ids = [s.id for s in self.window.scene.layout.stages]
        return ids.index(stage) if stage in ids else 0

    def show_stage(self, index: int) -> None:
        """Zoom so stage *index* fills the width beside the lane titles, from the top of the map."""
        view, lay = self.window.view, self.window.scene.layout
        if not lay.stages:
            return
        self.stage = max(0, min(len(lay.stages) - 1, index))
        stage = lay.stages[self.stage].rect
        titles = self.window.scene.title_block().width()
        width = view.viewport().width()
        bar = view.verticalScrollBar()
        if not bar.isVisible():  # it shows once zoomed in (a map is taller than a slide), narrowing the view
            width -= bar.sizeHint().width()
        zoom = max(0.4, min(3.0, (width - 8) / (stage.w + titles + 2 * lay.style.gap)))
        view.set_zoom(zoom)
        # The frozen lane titles end where the stage begins: they cover the gap before it, and the right edge
        # of the stage, step and cards before it (a gap's width further, those showed as a stray line).
        view.scroll_to(QPointF(stage.x - titles, 0))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close and watched is self.window and self.active:
            self.leave()
            return False  # the window goes on closing, with its settings as they were before F5
        if event.type() == QEvent.Type.Resize and watched is self.window.view and self.active:
            # Full screen comes after F5 (the window manager's answer): the slide is fitted to the new size.
            QTimer.singleShot(0, self, lambda: self.active and self.show_stage(self.stage))
            return False
        if event.type() != QEvent.Type.KeyPress or not self.active:
            return False
        assert isinstance(event, QKeyEvent)
        key = event.key()
        scene = self.window.scene
        if scene.editor is not None or scene.channel_editor is not None or scene.focusItem() is not None:
            # Text being typed on the map keeps every key: Space went to the next slide (words lost their spaces),
            # End did not reach the text, and a title was replaced (exploratory test, projector).
            return False
        if key in (Key.Key_Escape, Key.Key_F5):
            self.leave()
        elif key in NEXT:
            self.show_stage(self.stage + 1)
        elif key in PREVIOUS:
            self.show_stage(self.stage - 1)
        elif key == Key.Key_Home:
            self.show_stage(0)
        elif key == Key.Key_End:
            self.show_stage(len(self.window.scene.layout.stages) - 1)
        else:
            return False
        return True
