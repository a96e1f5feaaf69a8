"""File > Compare With...: another version's changes drawn on the canvas, with a list to walk through them.

The other file is the old side and the open map the new one, so "added"
means "in this map, not in that file". The comparison follows the user's
edits: each change of the document recomputes the diff after a short pause
(typing a title is one recomputation, not one per key), and each refresh of
the scene redraws the marks where the layout now puts things. Showing
another journey ends the comparison: its marks belong to the old scene.

:func:`install` adds everything to a window (the action, the Changes dock,
the overlay) without the window knowing the feature exists.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QFileDialog

from workbench.i18n import ntr
from workbench.model.errors import LoadError
from workbench.model.events import Change
from workbench.model.fileformat import load_file
from workbench.model.interop.diff import JourneyDiff, diff
from workbench.model.journey import Journey
from workbench.ui import messages
from workbench.ui.compare_list import ChangesPanel
from workbench.ui.compare_overlay import Overlay
from workbench.ui.folders import start_folder

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow

#: Pause after the last edit before the diff is computed again.
DEBOUNCE_MS = 200


class Comparer(QObject):
    """One window's comparison with another file: the action, the Changes dock and the canvas marks."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.other: Journey | None = None
        self.other_path: Path | None = None
        self.diff: JourneyDiff | None = None
        self._document = None
        self._scene = None
        self.overlay: Overlay | None = None
        self._stale = False
        self.action = QAction(self.tr("Compare &With..."), window)
        self.action.setObjectName("compare-action")
        self.action.setStatusTip(self.tr("Show how this map differs from another version of it"))
        self.action.triggered.connect(self.compare_dialog)
        self.panel = ChangesPanel()
        self.panel.chosen.connect(self.go_to)
        self.panel.stop_requested.connect(self.stop)
        self.dock = QDockWidget(self.tr("Changes"), window)
        self.dock.setObjectName("changes-dock")
        self.dock.setAccessibleName(self.tr("Changes"))
        self.dock.setWidget(self.panel)
        self.dock.installEventFilter(self)  # its close button ends the comparison
        self.next_action = self._key_action(self.tr("Next Change"), "F8", lambda: self.panel.step(1))
        self.previous_action = self._key_action(self.tr("Previous Change"), "Shift+F8", lambda: self.panel.step(-1))
        self.panel.next_button.setToolTip(self.tr("Go to the next change (F8)"))
        self.panel.previous_button.setToolTip(self.tr("Go to the previous change (Shift+F8)"))
        self.panel.stop_button.setToolTip(self.tr("Remove the marks from the map and close this list (Escape)"))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.recompute)
        window.journey_shown.connect(self.stop)

    def _key_action(self, text: str, keys: str, slot) -> QAction:  # type: ignore[no-untyped-def]
        """A window-wide key that works only while comparing."""
        action = QAction(text, self.window)
        action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setEnabled(False)
        action.triggered.connect(slot)
        self.window.addAction(action)
        return action

    @property
    def active(self) -> bool:
        return self.other is not None

    # ----------------------------------------------------------- starting

    def compare_dialog(self) -> bool:
        """Ask for the other file, then compare with it."""
        window = self.window
        start = str(start_folder(window.path))
        path, _ = QFileDialog.getOpenFileName(
            window, self.tr("Compare with"), start, self.tr("Journey files (*.journey);;All files (*)")
        )
        return self.compare_path(path) if path else False

    def compare_path(self, path: str | Path) -> bool:
        """Compare the open map with the journey in *path*; a bad file says why and changes nothing."""
        path = Path(path)
        try:
            other = load_file(path, allow_newer=True).journey
        except LoadError as error:
            messages.warning(self.window, self.tr("Cannot compare"), self.tr("{message}\nNothing was compared.").format(
                message=error.message))
            return False
        self.stop()
        self.other, self.other_path = other, path
        window = self.window
        self._document, self._scene = window.document, window.scene
        self._document.changed.connect(self._on_change)
        self._scene.refreshed.connect(self._redraw)
        self.overlay = Overlay(
            self._scene,
            strip_title=self.tr("Removed"),
            more_cards=lambda count: ntr("{text} (and {count} card)", "{text} (and {count} cards)", count),
            more=lambda count: ntr("{count} more removed", "{count} more removed", count),
        )
        for action in (self.next_action, self.previous_action):
            action.setEnabled(True)
        self.recompute()
        if window.findings_dock.isVisible() and not window.findings_dock.isFloating():
            window.tabifyDockWidget(window.findings_dock, self.dock)  # a tab beside the findings, in front
        self.dock.show()
        self.dock.raise_()
        window.show_message(self.tr("Comparing with {path}").format(path=path))
        return True

    def stop(self) -> None:
        """Remove the marks, hide the Changes dock and stop following the document."""
        self._timer.stop()
        if self._document is not None:
            self._document.changed.disconnect(self._on_change)
        if self._scene is not None:
            try:
                self._scene.refreshed.disconnect(self._redraw)
            except (RuntimeError, TypeError):
                pass  # the scene is already gone
        if self.overlay is not None:
            self.overlay.clear()
        self.other = self.other_path = self.diff = self.overlay = None
        self._document = self._scene = None
        for action in (self.next_action, self.previous_action):
            action.setEnabled(False)
        self.panel.clear()
        self.dock.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.dock and event.type() == QEvent.Type.Close and self.active:
            QTimer.singleShot(0, self.stop)
        return False

    # ---------------------------------------------------------- following

    def _on_change(self, change: Change) -> None:
        self._timer.start()

    def recompute(self) -> None:
        """Diff the other file with the document as it is now; list and mark the changes."""
        if self.other is None or self._document is None:
            return
        self._timer.stop()
        self.diff = diff(self.other, self._document.journey)
        self.panel.show_diff(self.diff, self.other_path.name if self.other_path else "")
        self._stale = True
        self._scene.ensure_fresh()  # type: ignore[union-attr]  # a pending refresh redraws, through `refreshed`
        if self._stale:
            self._redraw()

    def _redraw(self) -> None:
        """Mark the changes where the scene's layout now puts them (after each refresh of the scene)."""
        self._stale = False
        if self.overlay is not None:
            self.overlay.draw(self.diff)

    # ------------------------------------------------------------ walking

    def go_to(self, row: int) -> None:
        """Show the change of *row*: select its element on the canvas, or scroll to its ghost."""
        if self.diff is None or not 0 <= row < len(self.diff.changes):
            return
        change = self.diff.changes[row]
        window = self.window
        if change.id is None:
            window.scene.clearSelection()
            window.show_message(self.tr("The journey's own fields changed: see the Inspector."))
            return
        if change.kind == "removed":
            window.scene.clearSelection()
            ghost = self.overlay.marks.get(change.id) if self.overlay else None
            if ghost is not None:
                window.view.centerOn(ghost.sceneBoundingRect().center())
            return
        window.show_elements([change.id])


def install(window: MainWindow) -> Comparer:
    """Add File > Compare With..., the Changes dock and the canvas overlay to *window* (once)."""
    existing = getattr(window, "comparer", None)
    if existing is not None:
        return existing
    comparer = Comparer(window)
    window.comparer = comparer  # type: ignore[attr-defined]
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, comparer.dock)
    comparer.dock.hide()
    file_menu = window.menuBar().actions()[0].menu()
    actions = file_menu.actions()
    export = getattr(window.actions, "export_pdf", None)
    if export not in actions:
        export = next((a for a in actions if a.text().replace("&", "").startswith("Export")), None)
    if export is None:
        file_menu.addAction(comparer.action)
        return comparer
    at = actions.index(export)
    separator = next((actions[i] for i in range(at - 1, max(-1, at - 4), -1) if actions[i].isSeparator()), None)
    if separator is not None:
        export = separator  # with the file's own commands (Versions...), before the import/export group
    file_menu.insertAction(export, comparer.action)
    return comparer
