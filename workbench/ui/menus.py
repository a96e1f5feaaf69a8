"""Menus, toolbar and shortcuts of the main window (platform-standard keys)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMessageBox

from workbench import __version__
from workbench.i18n import current_language
from workbench.model.errors import LoadError
from workbench.model.templates import TEMPLATE_SECTORS, sector_name, template

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow

Std = QKeySequence.StandardKey
translate = QCoreApplication.translate


class WindowActions(QObject):
    """The window's actions, kept so tests and other parts can trigger them."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.recent_menu: QMenu | None = None

    def make(self, text: str, slot, shortcut=None) -> QAction:  # type: ignore[no-untyped-def]
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcuts(QKeySequence.keyBindings(shortcut) if isinstance(shortcut, Std) else [QKeySequence(shortcut)])
        action.triggered.connect(lambda checked=False: slot())
        return action

    def update_recent(self) -> None:
        if self.recent_menu is None:
            return
        self.recent_menu.clear()
        files = self.window.recent_files()
        for path in files:
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(path)
            action.triggered.connect(lambda checked=False, p=path: self.window.open_path(p))
        self.recent_menu.setEnabled(bool(files))


def build_menus(window: MainWindow) -> WindowActions:
    acts = WindowActions(window)
    bar = window.menuBar()

    file_menu = bar.addMenu(translate("MainWindow", "&File"))
    acts.new = acts.make(translate("MainWindow", "&New..."), window.new_dialog, Std.New)
    file_menu.addAction(acts.new)
    sectors = file_menu.addMenu(translate("MainWindow", "New from &sector"))
    for sector in TEMPLATE_SECTORS:
        action = sectors.addAction(sector_name(sector))
        action.triggered.connect(lambda checked=False, s=sector: _new_from(window, s))
    acts.open = acts.make(translate("MainWindow", "&Open..."), window.open_dialog, Std.Open)
    file_menu.addAction(acts.open)
    acts.recent_menu = file_menu.addMenu(translate("MainWindow", "Open &Recent"))
    acts.update_recent()
    file_menu.addSeparator()
    acts.save = acts.make(translate("MainWindow", "&Save"), window.save, Std.Save)
    acts.save_as = acts.make(translate("MainWindow", "Save &As..."), window.save_as, Std.SaveAs)
    acts.close = acts.make(translate("MainWindow", "&Close"), window.close_journey, Std.Close)
    file_menu.addActions([acts.save, acts.save_as, acts.close])
    file_menu.addSeparator()
    acts.export_pdf = acts.make(translate("MainWindow", "Export &PDF..."), window.export_pdf, "Ctrl+E")
    acts.export_image = acts.make(translate("MainWindow", "Export &Image..."), window.export_image)
    file_menu.addActions([acts.export_pdf, acts.export_image])
    file_menu.addSeparator()
    acts.quit = acts.make(translate("MainWindow", "&Quit"), window.close, Std.Quit)
    file_menu.addAction(acts.quit)

    edit_menu = bar.addMenu(translate("MainWindow", "&Edit"))
    acts.undo = window.stack.createUndoAction(window, translate("MainWindow", "Undo"))
    acts.undo.setShortcuts(QKeySequence.keyBindings(Std.Undo))
    acts.redo = window.stack.createRedoAction(window, translate("MainWindow", "Redo"))
    acts.redo.setShortcuts(QKeySequence.keyBindings(Std.Redo))
    edit_menu.addActions([acts.undo, acts.redo])
    edit_menu.addSeparator()
    scene = lambda: window.scene  # noqa: E731 - the scene changes with the document
    acts.cut = acts.make(translate("MainWindow", "Cu&t"), lambda: scene().cut_selection(), Std.Cut)
    acts.copy = acts.make(translate("MainWindow", "&Copy"), lambda: scene().copy_selection(), Std.Copy)
    acts.paste = acts.make(translate("MainWindow", "&Paste"), lambda: scene().paste(), Std.Paste)
    acts.delete = acts.make(translate("MainWindow", "&Delete"), lambda: scene().delete_selection(), Std.Delete)
    acts.select_all = acts.make(translate("MainWindow", "Select &All"), _select_all(window), Std.SelectAll)
    acts.edit_text = acts.make(translate("MainWindow", "&Edit Text"), lambda: scene().edit_selected(), "F2")
    edit_menu.addActions([acts.cut, acts.copy, acts.paste, acts.delete])
    edit_menu.addSeparator()
    edit_menu.addActions([acts.select_all, acts.edit_text])

    view_menu = bar.addMenu(translate("MainWindow", "&View"))
    view = window.view
    acts.zoom_in = acts.make(translate("MainWindow", "Zoom &In"), view.zoom_in, Std.ZoomIn)
    acts.zoom_out = acts.make(translate("MainWindow", "Zoom &Out"), view.zoom_out, Std.ZoomOut)
    acts.zoom_reset = acts.make(translate("MainWindow", "&Actual Size"), view.reset_zoom, "Ctrl+0")
    acts.fit = acts.make(translate("MainWindow", "&Fit to Window"), view.fit_to_window, "Ctrl+9")
    acts.present = acts.make(translate("MainWindow", "&Presentation Zoom"), view.presentation_zoom, "F5")
    view_menu.addActions([acts.zoom_in, acts.zoom_out, acts.zoom_reset, acts.fit, acts.present])
    view_menu.addSeparator()
    view_menu.addAction(window.palette_dock.toggleViewAction())
    view_menu.addAction(window.inspector_dock.toggleViewAction())

    help_menu = bar.addMenu(translate("MainWindow", "&Help"))
    acts.about = acts.make(translate("MainWindow", "&About Journey Workbench"), lambda: _about(window))
    help_menu.addAction(acts.about)

    toolbar = window.addToolBar(translate("MainWindow", "Main"))
    toolbar.setObjectName("main-toolbar")
    toolbar.addActions([acts.new, acts.open, acts.save])
    toolbar.addSeparator()
    toolbar.addActions([acts.undo, acts.redo])
    toolbar.addSeparator()
    toolbar.addActions([acts.zoom_out, acts.zoom_in, acts.fit])
    return acts


def _new_from(window: MainWindow, sector: str) -> None:
    try:
        journey = template(sector, current_language())
    except LoadError as error:
        QMessageBox.warning(window, translate("MainWindow", "Cannot open journey"), error.message)
        return
    window.new_journey(journey)


def _select_all(window: MainWindow):  # type: ignore[no-untyped-def]
    def select() -> None:
        for item in window.scene.items():
            if getattr(item, "kind", None) in ("card", "step"):
                item.setSelected(True)

    return select


def _about(window: MainWindow) -> None:
    QMessageBox.about(
        window,
        translate("MainWindow", "About Journey Workbench"),
        translate("MainWindow", "Journey Workbench {version}\nDesign customer journey maps.").format(version=__version__),
    )
