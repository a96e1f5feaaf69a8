"""Driving the canvas with real Qt events, from scene coordinates."""

from __future__ import annotations

from contextlib import contextmanager

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from workbench.ui import memory
from workbench.ui.main_window import MainWindow
from workbench.ui.memory import HOLD_OFF_MS

LEFT = Qt.MouseButton.LeftButton


def to_view(window: MainWindow, x: float, y: float) -> QPoint:
    """The viewport point showing scene point (x, y), scrolled into view first."""
    window.view.ensureVisible(x - 5, y - 5, 10, 10, 60, 60)
    return window.view.mapFromScene(QPointF(x, y))


def drag(window: MainWindow, start: tuple[float, float], end: tuple[float, float], steps: int = 6,
         modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """Press at *start*, move in several steps, release at *end* (scene coords)."""
    viewport = window.view.viewport()
    window.scene.ensure_fresh()
    a = to_view(window, *start)
    QTest.mousePress(viewport, LEFT, modifier, a)
    b = window.view.mapFromScene(QPointF(*end))
    for i in range(1, steps + 1):
        p = QPoint(a.x() + (b.x() - a.x()) * i // steps, a.y() + (b.y() - a.y()) * i // steps)
        QTest.mouseMove(viewport, p)
    QTest.mouseRelease(viewport, LEFT, modifier, b)
    QApplication.processEvents()


def click(window: MainWindow, x: float, y: float, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    window.scene.ensure_fresh()
    QTest.mouseClick(window.view.viewport(), LEFT, modifier, to_view(window, x, y))


def double_click(window: MainWindow, x: float, y: float) -> None:
    window.scene.ensure_fresh()
    QTest.mouseDClick(window.view.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, to_view(window, x, y))


def _drag_event(kind, pos: QPoint | QPointF, mime: QMimeData):  # type: ignore[no-untyped-def]
    """A drag event at *pos*: PySide6 6.12 takes a QPointF (its QPoint form is deprecated), older ones a QPoint."""
    copy, none = Qt.DropAction.CopyAction, Qt.KeyboardModifier.NoModifier
    try:
        return kind(QPointF(pos), copy, mime, LEFT, none)
    except TypeError:
        return kind(QPointF(pos).toPoint(), copy, mime, LEFT, none)


def drag_enter(pos: QPoint | QPointF, mime: QMimeData) -> QDragEnterEvent:
    return _drag_event(QDragEnterEvent, pos, mime)


def drag_move(pos: QPoint | QPointF, mime: QMimeData) -> QDragMoveEvent:
    return _drag_event(QDragMoveEvent, pos, mime)


def drop_mime(window: MainWindow, mime: QMimeData, x: float, y: float) -> bool:
    """Drag *mime* over the canvas to scene point (x, y) and drop it; True if the drop was accepted."""
    viewport = window.view.viewport()
    window.scene.ensure_fresh()
    pos = QPointF(to_view(window, x, y))
    actions = Qt.DropAction.CopyAction
    enter = drag_enter(pos, mime)
    QApplication.sendEvent(viewport, enter)
    move = drag_move(pos, mime)
    QApplication.sendEvent(viewport, move)
    if not move.isAccepted():
        return False
    drop = QDropEvent(pos, actions, mime, LEFT, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(viewport, drop)
    QApplication.processEvents()
    return drop.isAccepted()



def open_window(qtbot, path) -> MainWindow:  # type: ignore[no-untyped-def]
    """A shown main window on *path*; closing it at the end of the test asks nothing.

    A file of the repository (an example) is opened from a private copy: an
    open file gets a lock beside it, and none must land in the checkout or be
    met by another test run's window.
    """
    import shutil
    import tempfile
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    if Path(path).resolve().is_relative_to(root):
        copy = Path(tempfile.mkdtemp(prefix="workbench-test-")) / Path(path).name
        shutil.copyfile(path, copy)
        path = copy
    window = MainWindow()
    qtbot.addWidget(window, before_close_func=lambda w: (w.scene.commit_editors(), w.stack.setClean()))
    window.show()
    qtbot.waitExposed(window)
    assert window.open_path(path, ask=False)
    window.scene.ensure_fresh()
    window.view.setFocus()
    # The settle after the map's first paint collects: in a test process that has kept much alive, it can take
    # longer than a test's timed steps (an autosave deadline), so it is done before the test goes on.
    qtbot.waitUntil(lambda: not memory.is_held(), timeout=HOLD_OFF_MS + 5000)
    return window


def answer_next_message(qtbot, button, seen: list[str]) -> None:  # type: ignore[no-untyped-def]
    """Answer the next modal message box with *button* (a StandardButton), noting its text in *seen*.

    It gives up after about five seconds: a box that never came must not leave it waiting to answer a box of a
    later test (it answered the file guard's questions once, so that those tests failed after this one)."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    tries = iter(range(500))

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            if next(tries, None) is not None:
                QTimer.singleShot(10, answer)
            return
        seen.append(box.text())
        if box.button(button) is not None:
            box.button(button).click()
        else:
            box.accept()

    QTimer.singleShot(0, answer)


def pick_tab(window, dock) -> None:  # type: ignore[no-untyped-def]
    """Click *dock*'s tab, in the tab bar of the docks it shares its place with (as a user picks it)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QTabBar

    QApplication.processEvents()
    group = {d.windowTitle() for d in [dock, *window.tabifiedDockWidgets(dock)]}
    bar = next(b for b in window.findChildren(QTabBar)
               if b.isVisible() and {b.tabText(i) for i in range(b.count())} == group)
    index = next(i for i in range(bar.count()) if bar.tabText(i) == dock.windowTitle())
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, bar.tabRect(index).center())
    assert bar.currentIndex() == index and not dock.visibleRegion().isEmpty()


@contextmanager
def speaking(language: str):  # type: ignore[no-untyped-def]
    """The interface in *language* for the duration (Qt's translators and the project's own), then as it was."""
    from workbench.i18n import current_language, set_language
    from workbench.ui.translator import install_translators

    app = QApplication.instance()
    before = current_language()
    translators = install_translators(app, language)
    set_language(language)
    try:
        yield
    finally:
        set_language(before)
        for translator in translators:
            app.removeTranslator(translator)
