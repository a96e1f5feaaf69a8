"""The main window: canvas in the centre, palette and inspector docks, menus.

"Modified" is ``not undo_stack.isClean()``; saving marks the stack clean.
Closing or opening over unsaved changes asks Save / Discard / Cancel.
Errors from loading and saving appear as a dialog with the clear message.

The window the application starts with is made with ``defer=True``: what
its first paint does not need waits until the canvas has been painted (see
:meth:`after_first_paint`): the health check (which may import networkx), the
outline (a tab behind the inspector, one row per element of the map) and the
Open Recent list. Tests and other windows (``defer=False``) get them at once.
The file commands (new, open, save, export, recent files) are in
:mod:`workbench.ui.window_files`, mixed in.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QVBoxLayout, QWidget

from workbench import counts
from workbench.i18n import current_language, decimal, ntr
from workbench.model.document import JourneyDocument
from workbench.model.fileformat import SUFFIX, Loaded
from workbench.model.templates import blank
from workbench.ui.canvas.editing import EDITOR_IN_VIEW
from workbench.ui.canvas.scene import JourneyScene, united
from workbench.ui.canvas.view import JourneyView
from workbench.ui.file_guard import FileGuard
from workbench.ui.findings import FindingsPanel
from workbench.ui.inspector import Inspector
from workbench.ui.memory import HOLD_OFF_MS, hold_off, settle, settle_if_held
from workbench.ui.menus import build_menus
from workbench.ui.view_menu import add_dock_toggle
from workbench.ui.outline import Outline
from workbench.ui.palette import Palette
from workbench.ui.window_files import FileActions
from workbench.ui.window_layout import arrange_docks, fit_to_screen, scrolling

if TYPE_CHECKING:
    from workbench.ui.find_bar import FindBar

#: Docks that come and go with what they show: not part of the window's saved layout.
TRANSIENT_DOCKS = ("changes-dock", "conflicts-dock")


class MainWindow(FileActions, QMainWindow):
    #: Once, on the turn of the event loop after the canvas was first painted (windows made with ``defer``).
    first_painted = Signal()
    #: A document is shown (the first, or one opened, created or recovered): panels that follow it attach here.
    journey_shown = Signal()

    def __init__(self, defer: bool = False) -> None:
        super().__init__()
        self.setObjectName("main-window")
        #: What waits for the first paint, by name (a later request replaces an earlier one); None once painted.
        self._waiting: dict[str, Callable[[], object]] | None = {} if defer else None
        self.path: Path | None = None
        self.loaded = Loaded(journey=blank(current_language()))
        self.read_only = False
        self.stack = QUndoStack(self)
        self.document = JourneyDocument(self.loaded.journey)
        self.scene = JourneyScene(self.document, self.stack, self)
        self.view = JourneyView(self.scene)
        self.view.setObjectName("canvas")
        # The map's area: the canvas, and Edit > Find's bar above it once asked for (see ui/find_bar.py). Made
        # now so that the canvas never changes parent: given one later, it was shown again scrolled elsewhere.
        self.map_area = QWidget()
        self.map_area.setObjectName("map-area")
        column = QVBoxLayout(self.map_area)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.view)
        self.setCentralWidget(self.map_area)
        self.find_bar: FindBar | None = None
        self.palette = Palette()
        self.palette.chosen.connect(lambda payload: self.scene.insert_from_palette(payload))
        self.inspector = Inspector()
        self.palette_dock = self._dock(self.tr("Palette"), "palette-dock", self.palette, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.inspector_dock = self._dock(
            self.tr("Inspector"), "inspector-dock", scrolling(self.inspector, "inspector-scroll"),
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        self.findings = FindingsPanel()
        self.findings.set_undo_stack(self.stack)  # each one-click fix is one undo step of the window's
        self.findings_dock = self._dock(
            self.tr("Findings"), "findings-dock", self.findings, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self.outline = Outline()
        self.outline_dock = self._dock(self.tr("Outline"), "outline-dock", self.outline, Qt.DockWidgetArea.RightDockWidgetArea)
        self.outline.follow_dock(self.outline_dock)
        self.findings.activated.connect(self.show_elements)
        self.findings.updated.connect(lambda report: self.scene.set_badges(report))
        self.zoom_label = QLabel()
        self.counts_label = QLabel()
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().addPermanentWidget(self.zoom_label)
        # A message has the counts' room while it shows (a long one was cut off under them), then they come back.
        self.statusBar().messageChanged.connect(lambda text: self.counts_label.setVisible(not text))
        self.actions = build_menus(self)
        from workbench.ui.conflicts import install as install_conflicts

        # Before the first document is attached: a journey left with merge conflicts shows them at once.
        self.conflicts = install_conflicts(self)
        add_dock_toggle(self, self.conflicts.dock)
        from workbench.ui.persona_bar import install as install_persona_bar
        from workbench.ui.personas_panel import install as install_personas

        self.persona_bar = install_persona_bar(self)
        self.personas = install_personas(self)  # adds its own View-menu toggle
        self.stack.cleanChanged.connect(self._clean_changed)
        # What the status bar said of an edit is stale once the stack moves ("Removed Bernard" stayed after Undo).
        self.stack.indexChanged.connect(self.statusBar().clearMessage)
        self.view.zoom_changed.connect(self._show_zoom)
        self.view.files_dropped.connect(self._open_dropped)
        self.inspector.message.connect(self.show_message)
        self.setAcceptDrops(True)
        from workbench.ui.autosave import Autosaver

        self.autosaver = Autosaver(self)  # recovery copies of unsaved work, versions of saved files
        self._attach()
        self.resize(1280, 800)
        # The map gets the height; the findings a strip below it (until the user resizes).
        self.resizeDocks([self.findings_dock], [150], Qt.Orientation.Vertical)
        arrange_docks(self)  # the palette alone on the left; inspector and outline share the right
        self._restore_settings()
        fit_to_screen(self)
        self._show_zoom(self.view.zoom)
        self.after_first_paint(self._install_compare, "compare")  # File > Compare With...: not needed to paint
        self.after_first_paint(settle, "settle")  # (the collector, held off since the start: see ui/memory.py)
        if defer:
            self._paint_watch = AfterPaint(self.view.viewport(), self, self._painted)

    def _install_compare(self) -> None:
        from workbench.ui.compare import install

        add_dock_toggle(self, install(self).dock)

    # ------------------------------------------------------- first paint

    def after_first_paint(self, action: Callable[[], object], name: str | None = None) -> None:
        """Run *action* once the window has been painted (at once if it has, or if it was made without ``defer``).

        A later *action* of the same *name* replaces a waiting one (the
        health check of the journey shown then, not of every journey
        opened before the first paint).
        """
        if self._waiting is None:
            action()
        else:
            self._waiting[name or f"action-{len(self._waiting)}"] = action

    @property
    def painted(self) -> bool:
        """False until a window made with ``defer`` has been painted."""
        return self._waiting is None

    def _painted(self) -> None:
        waiting, self._waiting = self._waiting or {}, None
        self.first_painted.emit()
        if not self.isVisible():
            return  # closed at once (a quit as soon as it was painted): nothing left to set up
        for action in waiting.values():
            action()

    def _dock(self, title: str, name: str, widget, area: Qt.DockWidgetArea) -> QDockWidget:  # type: ignore[no-untyped-def]
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setAccessibleName(title)
        if not widget.accessibleName():
            widget.setAccessibleName(title)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    # --------------------------------------------------------- documents

    def _attach(self) -> None:
        """Wire the current document to the scene, inspector and status bar."""
        self.scene.message.connect(self.show_message)
        self.scene.selectionChanged.connect(self._selection_changed)
        self.scene.refreshed.connect(self._update_counts)
        self.inspector.set_document(self.document, self.stack, self.scene.focus)
        # After the first paint: the check may take a while (and import networkx), and
        # the outline (a tab behind the inspector) lists every element of a large map.
        self.findings.follow(self.scene.focus)
        self.after_first_paint(lambda: self.findings.set_document(self.document), "findings")
        self.after_first_paint(lambda: self.outline.attach(self.scene), "outline")
        self.autosaver.attach(self.document)
        self._update_title()
        self._update_counts()
        self.journey_shown.emit()

    def _detach_scene(self) -> None:
        scene = self.scene
        scene.detach()
        scene.message.disconnect(self.show_message)
        scene.selectionChanged.disconnect(self._selection_changed)
        scene.refreshed.disconnect(self._update_counts)

    def set_journey(self, loaded: Loaded, path: Path | None) -> None:
        """Show *loaded* in this window, replacing what was there."""
        # Making the map's tens of thousands of objects, then painting it, with no collection walking them
        # (see ui/memory.py); a window not painted yet holds it off already, and one not shown settles at once.
        held = self.painted and self.isVisible() and not self.isMinimized()
        if held:
            hold_off(collect=True)
            AfterPaint(self.view.viewport(), self, settle)
            QTimer.singleShot(HOLD_OFF_MS, settle_if_held)  # (a paint that never comes)
        old_scene = self.scene
        self._detach_scene()
        self.stack.clear()
        self.loaded = loaded
        self.document = JourneyDocument(loaded.journey, checked=loaded.checked)
        self.scene = JourneyScene(self.document, self.stack, self)
        self.view.setScene(self.scene)
        self.view.show_start()
        old_scene.deleteLater()
        self.path = path
        self.read_only = FileGuard.of(self).adopt(loaded, path) or loaded.read_only
        self.stack.setClean()
        self._attach()
        if loaded.notices:
            self.show_message(" ".join(loaded.notices))
        if self.painted and not held:
            settle()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.maybe_save():
            FileGuard.of(self).release()
            self._save_settings()
            self._detach_scene()
            event.accept()
            settle_if_held()  # (closed before its map was painted: that paint, which gave the collector back, never comes)
        else:
            event.ignore()

    def dragEnterEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        if any(u.toLocalFile().endswith(SUFFIX) for u in event.mimeData().urls()):
            event.acceptProposedAction()
        elif event.mimeData().hasUrls():
            self.show_message(self.tr("Only .journey files can be opened by dropping them here."))
            event.ignore()

    def dropEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        files = [u.toLocalFile() for u in event.mimeData().urls() if u.toLocalFile().endswith(SUFFIX)]
        if files:
            event.acceptProposedAction()
            self.open_path(files[0])

    # ------------------------------------------------------------- status

    def _update_title(self) -> None:
        name = self.path.name if self.path else self.tr("Untitled")
        note = FileGuard.of(self).note  # why it is read-only: "opened by Ana on laptop-2"...
        suffix = (f" ({note})" if note else self.tr(" (read-only)")) if self.read_only else ""
        self.setWindowTitle(self.tr("{name}[*]{suffix} - Journey Workbench").format(name=name, suffix=suffix))
        self.setWindowModified(not self.stack.isClean())

    def _clean_changed(self, clean: bool) -> None:
        self._update_title()

    def _update_counts(self) -> None:
        journey = self.document.journey
        natures = self.document.index.natures  # kept by the index: no scan of every card after each edit
        self.counts_label.setText(
            self.tr("{steps} · touchpoints: {digital}, {human}, {physical} · {handoffs}").format(
                steps=counts.steps(len(journey.steps)),
                digital=ntr("{count} digital", "{count} digital", natures["digital"]),
                human=ntr("{count} human", "{count} human", natures["human"]),
                physical=ntr("{count} physical", "{count} physical", natures["physical"]),
                handoffs=ntr("{count} handoff", "{count} handoffs", len(journey.handoffs)),
            )
        )

    def _show_zoom(self, zoom: float) -> None:
        percent = zoom * 100
        # A long map fitted to the window is under 1 % (0.5 % at 1,000 steps): not "Zoom 0%".
        digits = 0 if percent >= 0.995 else 1 if percent >= 0.095 else 2
        self.zoom_label.setText(self.tr("Zoom {percent}%").format(percent=decimal(percent, digits)))

    def show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    def show_elements(self, ids: list[str]) -> None:
        """Select the elements of a finding and bring them into view; the inspector shows the first of them.

        (A finding names first what it is about: a handoff, then the steps it joins. With all of them
        selected, the inspector showed the journey's fields, and not the handoff the finding's fix edits.)
        """
        self.scene.select_ids(ids)
        items = self.scene.selectedItems()
        selected = set(self.scene.selected_ids())
        first = next((element_id for element_id in ids if element_id in selected), None)
        if items:
            self.view.centerOn(united(items).center())
            # The start of the first one, clear of the frozen headers and lane titles (in a narrow view it was under
            # them); not the whole area: wider than the view, it scrolled to the far end (a stage's title went out).
            lead = next((i for i in items if getattr(i, "element_id", None) == first), items[0])
            start = lead.sceneBoundingRect()
            start.setWidth(min(start.width(), EDITOR_IN_VIEW))
            self.view.ensureVisible(start, 16, 16)
        if len(selected) > 1 and first is not None:
            self.inspector.show_element(first)

    def _selection_changed(self) -> None:
        ids = self.scene.selected_ids()
        self.inspector.show_element(ids[0] if len(ids) == 1 else None)

    # ----------------------------------------------------------- settings

    def _save_settings(self) -> None:
        # The docks shown only while they have something to show (a comparison, merge conflicts) stay out of
        # the saved layout: restored before they exist, they would leave an empty tab bar over the menus.
        transient = [d for d in self.findChildren(QDockWidget) if d.objectName() in TRANSIENT_DOCKS]
        partners = {p for d in transient for p in self.tabifiedDockWidgets(d) if p not in transient}
        for dock in transient:
            self.removeDockWidget(dock)
        for dock in partners:  # left alone in its tab group: out of it, or its tab bar is restored alone
            if not self.tabifiedDockWidgets(dock):
                self.addDockWidget(self.dockWidgetArea(dock), dock)
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())

    def _restore_settings(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = settings.value("window/state")
        if state is not None:
            self.restoreState(state)


class AfterPaint(QObject):
    """Calls *action* on the turn of the event loop after *widget*'s next paint, then goes."""

    def __init__(self, widget: QObject, context: QObject, action: Callable[[], object]) -> None:
        super().__init__(widget)
        self._context, self._action = context, action
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            # Next turn: the paint of the whole window (docks, menus) is done by then. The
            # window is the timer's context: a window deleted meanwhile is not called.
            QTimer.singleShot(0, self._context, self._action)
            self.deleteLater()
        return False
