"""Menus, toolbar and shortcuts of the main window (platform-standard keys)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMenu, QMessageBox
from shiboken6 import isValid

from workbench.i18n import current_language
from workbench.model.errors import LoadError
from workbench.model.templates import TEMPLATE_SECTORS, sector_name, template
from workbench.ui import messages

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

    def follow_undo_text(self) -> None:
        """Hovering Undo or Redo says what it would undo ("Undo Add link"), as the menu does."""
        for action in (self.undo, self.redo):
            if isValid(action):
                _tool_tip(action, action.text())

    def update_recent(self) -> None:
        if self.recent_menu is None:
            return
        self.recent_menu.clear()
        files = self.window.recent_files()
        for path in files:
            action = self.recent_menu.addAction(Path(path).name)
            action.setToolTip(messages.plain_tip(path))
            action.setStatusTip(translate("MainWindow", "Open {path}").format(path=path))
            action.triggered.connect(lambda checked=False, p=path: self.window.open_path(p))
        self.recent_menu.setEnabled(bool(files))


def _find_bar(window: MainWindow):  # type: ignore[no-untyped-def]
    from workbench.ui.find_bar import find_bar  # (made when first asked for: nothing of it before the first paint)

    return find_bar(window)


def build_menus(window: MainWindow) -> WindowActions:
    acts = WindowActions(window)
    bar = window.menuBar()

    file_menu = bar.addMenu(translate("MainWindow", "&File"))
    acts.new = acts.make(translate("MainWindow", "&New..."), window.new_dialog, Std.New)
    file_menu.addAction(acts.new)
    sectors = file_menu.addMenu(translate("MainWindow", "New from sec&tor"))
    for sector in TEMPLATE_SECTORS:
        action = sectors.addAction(sector_name(sector))
        action.setStatusTip(
            translate("MainWindow", "Start a new journey from the {sector} template").format(sector=sector_name(sector))
        )
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
    acts.versions = acts.make(translate("MainWindow", "&Versions..."), lambda: _versions(window))
    file_menu.addAction(acts.versions)
    file_menu.addSeparator()
    acts.export_pdf = acts.make(translate("MainWindow", "&PDF Deliverable..."), window.export_pdf, "Ctrl+E")
    acts.export_image = acts.make(translate("MainWindow", "&Image (PNG, SVG)..."), window.export_image)
    from workbench.ui.interop_menu import build_import_export

    build_import_export(window, file_menu, acts)
    file_menu.addSeparator()
    acts.quit = acts.make(translate("MainWindow", "&Quit"), window.close, Std.Quit)
    file_menu.addAction(acts.quit)

    edit_menu = bar.addMenu(translate("MainWindow", "&Edit"))
    acts.undo = window.stack.createUndoAction(window, translate("MainWindow", "Undo"))
    acts.undo.setShortcuts(QKeySequence.keyBindings(Std.Undo))
    acts.redo = window.stack.createRedoAction(window, translate("MainWindow", "Redo"))
    acts.redo.setShortcuts(redo_keys())
    # The toolbar says "Undo" and "Redo" alone (their tips and the menu name the edit): "Undo Remove persona
    # Bernard, 67" widened the toolbar until the Persona and Scenario choices went into its overflow menu.
    acts.undo.setIconText(translate("MainWindow", "Undo"))
    acts.redo.setIconText(translate("MainWindow", "Redo"))
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
    edit_menu.addSeparator()
    acts.find = acts.make(translate("MainWindow", "&Find..."), lambda: _find_bar(window).open_bar(), Std.Find)
    acts.find_next = acts.make(translate("MainWindow", "Find Ne&xt"), lambda: _find_bar(window).again(1), Std.FindNext)
    acts.find_previous = acts.make(
        translate("MainWindow", "Find Pre&vious"), lambda: _find_bar(window).again(-1), Std.FindPrevious
    )
    edit_menu.addActions([acts.find, acts.find_next, acts.find_previous])
    edit_menu.addSeparator()
    acts.preferences = acts.make(
        translate("MainWindow", "Prefere&nces..."), lambda: _preferences(window), Std.Preferences
    )
    acts.preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
    edit_menu.addAction(acts.preferences)

    from workbench.ui.view_menu import build_view_menu

    build_view_menu(window, acts)

    help_menu = bar.addMenu(translate("MainWindow", "&Help"))
    acts.guide = acts.make(translate("MainWindow", "&User Guide"), lambda: _show_guide(window), Std.HelpContents)
    acts.shortcuts = acts.make(translate("MainWindow", "&Keyboard Shortcuts"), lambda: _show_shortcuts(window))
    acts.welcome = acts.make(translate("MainWindow", "&Welcome Page"), lambda: _show_welcome(window))
    acts.about = acts.make(translate("MainWindow", "&About Journey Workbench"), lambda: _about(window))
    help_menu.addActions([acts.guide, acts.shortcuts, acts.welcome])
    help_menu.addSeparator()
    help_menu.addAction(acts.about)
    for action, tip in (
        (acts.guide, translate("MainWindow", "Read how to use the workbench, in the application")),
        (acts.shortcuts, translate("MainWindow", "List every keyboard shortcut")),
        (acts.welcome, translate("MainWindow", "Start from a template, a file, an example or a recent journey")),
    ):
        action.setStatusTip(tip)
        _tool_tip(action, tip)

    toolbar = window.addToolBar(translate("MainWindow", "Main"))
    toolbar.setObjectName("main-toolbar")
    toolbar.setAccessibleName(translate("MainWindow", "Main toolbar"))
    toolbar.setAccessibleDescription(translate("MainWindow", "File, undo and zoom commands"))
    toolbar.addActions([acts.new, acts.open, acts.save])
    toolbar.addSeparator()
    toolbar.addActions([acts.undo, acts.redo])
    toolbar.addSeparator()
    toolbar.addActions([acts.zoom_out, acts.zoom_in, acts.fit])
    _describe(window, acts, sectors)
    return acts


def _describe(window: MainWindow, acts: WindowActions, sectors: QMenu) -> None:
    """Every action says what it does: in the status bar, and on hover with its shortcut."""
    tips = [
        (acts.new, translate("MainWindow", "Start a new journey, blank or from a sector template")),
        (sectors.menuAction(), translate("MainWindow", "Start a new journey from a sector template")),
        (acts.open, translate("MainWindow", "Open a journey file")),
        (acts.save, translate("MainWindow", "Save the journey")),
        (acts.save_as, translate("MainWindow", "Save the journey in another file")),
        (acts.close, translate("MainWindow", "Close the journey")),
        (acts.versions, translate("MainWindow", "Open one of the last saved versions of this file as a copy")),
        (acts.export_pdf, translate("MainWindow", "Export the journey map as a PDF document")),
        (acts.export_image, translate("MainWindow", "Export the journey map as an image")),
        (acts.quit, translate("MainWindow", "Quit Journey Workbench")),
        (acts.undo, translate("MainWindow", "Undo the last change")),
        (acts.redo, translate("MainWindow", "Redo the last change undone")),
        (acts.cut, translate("MainWindow", "Move the selection to the clipboard")),
        (acts.copy, translate("MainWindow", "Copy the selection to the clipboard")),
        (acts.paste, translate("MainWindow", "Paste the clipboard into the journey")),
        (acts.delete, translate("MainWindow", "Delete the selection")),
        (acts.select_all, translate("MainWindow", "Select every step and card")),
        (acts.edit_text, translate("MainWindow", "Edit the text of the selected element on the map")),
        (acts.find, translate("MainWindow", "Find the steps, cards, stages and lanes that say some words")),
        (acts.find_next, translate("MainWindow", "Go to the next element that says the words found")),
        (acts.find_previous, translate("MainWindow", "Go to the element before that says the words found")),
        (acts.about, translate("MainWindow", "Version and purpose of Journey Workbench")),
        (acts.preferences, translate("MainWindow", "Choose the language of the application")),
    ]
    if acts.recent_menu is not None:
        tips.append((acts.recent_menu.menuAction(), translate("MainWindow", "Open a journey used recently")))
    for dock in window.findChildren(QDockWidget):
        tip = translate("MainWindow", "Show or hide the {panel} panel").format(panel=dock.windowTitle())
        tips.append((dock.toggleViewAction(), tip))
    for action, tip in tips:
        describe(action, tip)
    window.stack.undoTextChanged.connect(acts.follow_undo_text)
    window.stack.redoTextChanged.connect(acts.follow_undo_text)
    acts.follow_undo_text()


def describe(action: QAction, tip: str) -> None:
    """What *action* does, in the status bar and on hover (with its shortcut)."""
    action.setStatusTip(tip)
    _tool_tip(action, tip)


def _tool_tip(action: QAction, tip: str) -> None:
    keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
    text = translate("MainWindow", "{tip} ({keys})").format(tip=tip, keys=keys) if keys else tip
    if action.toolTip() != text:
        action.setToolTip(text)


def _new_from(window: MainWindow, sector: str) -> None:
    try:
        journey = template(sector, current_language())
    except LoadError as error:
        messages.warning(window, translate("MainWindow", "Cannot open journey"), error.message)
        return
    window.new_journey(journey)


def _preferences(window: MainWindow) -> None:
    from workbench.ui.preferences import edit_preferences

    edit_preferences(window)


def _versions(window: MainWindow) -> None:
    from workbench.ui.recovery_dialog import show_versions

    show_versions(window)


# The Help menu's pages are dialogs: their modules load when one is first opened.
def _show_guide(window: MainWindow) -> object:
    from workbench.ui.help import show_guide

    return show_guide(window)


def _show_shortcuts(window: MainWindow) -> object:
    from workbench.ui.help import show_shortcuts

    return show_shortcuts(window)


def _show_welcome(window: MainWindow) -> object:
    from workbench.ui.welcome import show_welcome

    return show_welcome(window)


def redo_keys() -> list[QKeySequence]:
    """The platform's Redo keys, and Ctrl+Y besides where it is not Redo (on Linux, Ctrl+Shift+Z alone): what
    Windows and the online whiteboards taught most facilitators (on a Mac, Cmd+Y is not Redo)."""
    keys = QKeySequence.keyBindings(Std.Redo)
    ctrl_y = QKeySequence("Ctrl+Y")
    if sys.platform != "darwin" and ctrl_y not in keys:
        keys.append(ctrl_y)
    return keys


def _select_all(window: MainWindow):  # type: ignore[no-untyped-def]
    def select() -> None:
        journey = window.document.journey
        ids = [step.id for step in journey.steps] + [card.id for card in journey.cards]
        window.scene.select_ids(ids, kinds=("card", "step"))  # (one selectionChanged, not one per item)

    return select


def _about(window: MainWindow) -> None:
    from workbench.version import __version__  # importlib.metadata: slow, so read when asked

    QMessageBox.about(
        window,
        translate("MainWindow", "About Journey Workbench"),
        translate("MainWindow", "Journey Workbench {version}\nDesign customer journey maps.").format(version=__version__),
    )
