"""The View menu: zooms and fits, presentation mode, every dock, a compact palette, projector contrast, reset layout.

Kept apart from menus.py because it is the workshop's menu: what a
facilitator reaches for in front of a room. Every dock is listed with a check
mark, and "Reset layout" brings every dock back, so none is ever unreachable.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

from workbench import theme

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow
    from workbench.ui.menus import WindowActions

translate = QCoreApplication.translate
Std = QKeySequence.StandardKey


def build_view_menu(window: MainWindow, acts: WindowActions) -> None:
    from workbench.ui.presentation import Presentation

    menu = window.menuBar().addMenu(translate("MainWindow", "&View"))
    view = window.view
    acts.zoom_in = acts.make(translate("MainWindow", "Zoom &In"), view.zoom_in, Std.ZoomIn)
    acts.zoom_out = acts.make(translate("MainWindow", "Zoom &Out"), view.zoom_out, Std.ZoomOut)
    acts.zoom_reset = acts.make(translate("MainWindow", "&Actual Size"), view.reset_zoom, "Ctrl+0")
    acts.fit = acts.make(translate("MainWindow", "&Fit to Window"), view.fit_to_window, "Ctrl+9")
    acts.fit_width = acts.make(translate("MainWindow", "Fit to &Width"), view.fit_width, "Ctrl+8")
    acts.fit_height = acts.make(translate("MainWindow", "Fit to &Height"), view.fit_height, "Ctrl+7")
    window.presentation = Presentation(window)
    acts.present = acts.make(translate("MainWindow", "&Presentation Mode"), window.presentation.toggle, "F5")
    window.addAction(acts.present)  # F5 still works while the menu bar is hidden
    menu.addActions([acts.zoom_in, acts.zoom_out, acts.zoom_reset, acts.fit, acts.fit_width, acts.fit_height])
    menu.addSeparator()
    menu.addAction(acts.present)
    menu.addSeparator()
    for dock in (window.palette_dock, window.outline_dock, window.inspector_dock, window.findings_dock):
        menu.addAction(dock.toggleViewAction())
    acts.go_outline = acts.make(translate("MainWindow", "&Go to the Outline"), lambda: _go_outline(window), "Ctrl+Shift+O")
    # (Ctrl+Shift+I hid the Inspector, and pressed again left it behind the Outline's tab: a dock out of sight
    # now comes forward with the keyboard in it; one in sight collapses, to give a laptop's room to the map)
    acts.go_inspector = acts.make(translate("MainWindow", "Show or Hide the Inspec&tor"), lambda: _inspector(window), "Ctrl+Shift+I")
    acts.next_panel = acts.make(translate("MainWindow", "Ne&xt Panel"), lambda: next_panel(window, True), "F6")
    acts.previous_panel = acts.make(translate("MainWindow", "Pre&vious Panel"), lambda: next_panel(window, False), "Shift+F6")
    menu.addActions([acts.go_outline, acts.go_inspector, acts.next_panel, acts.previous_panel])
    window.addActions([acts.next_panel, acts.previous_panel, acts.go_inspector])  # (with the menu bar hidden too)
    menu.addSeparator()
    settings = QSettings()
    acts.compact = acts.make(translate("MainWindow", "&Compact Palette"), lambda: None, "Ctrl+Shift+P")
    acts.compact.setCheckable(True)
    acts.compact.toggled.connect(lambda on: _compact(window, on))
    acts.contrast = acts.make(translate("MainWindow", "Projector Co&ntrast"), lambda: None)
    acts.contrast.setCheckable(True)
    acts.contrast.toggled.connect(lambda on: _contrast(window, on))
    acts.reset_layout = acts.make(translate("MainWindow", "&Reset Layout"), lambda: reset_layout(window))
    menu.addActions([acts.compact, acts.contrast])
    menu.addSeparator()
    menu.addAction(acts.reset_layout)
    tips = [
        (acts.zoom_in, translate("MainWindow", "Show the map larger")),
        (acts.zoom_out, translate("MainWindow", "Show the map smaller")),
        (acts.zoom_reset, translate("MainWindow", "Show the map at its actual size")),
        (acts.fit, translate("MainWindow", "Show the whole map in the window")),
        (acts.fit_width, translate("MainWindow", "Show the whole width of the map")),
        (acts.fit_height, translate("MainWindow", "Show the whole height of the map")),
        (acts.present, translate("MainWindow", "Full screen, stage by stage, for a room to read (Escape comes back)")),
        (acts.compact, translate("MainWindow", "Show the palette as a strip of icons")),
        (acts.contrast, translate("MainWindow", "Stronger lines and text, legible from the back of a room")),
        (acts.reset_layout, translate("MainWindow", "Bring every panel back to its place")),
        (acts.go_outline, translate("MainWindow", "Show the Outline and put the keyboard in it")),
        (acts.go_inspector, translate("MainWindow", "Show the Inspector with the keyboard in it, or hide it when it is in sight")),
        (acts.next_panel, translate("MainWindow", "Put the keyboard in the next panel: map, Outline, Inspector, Palette, Findings")),
        (acts.previous_panel, translate("MainWindow", "Put the keyboard in the panel before")),
    ]
    for action, tip in tips:
        action.setStatusTip(tip)
        action.setToolTip(tip)
    acts.compact.setChecked(settings.value("view/compact-palette", False, type=bool))
    acts.contrast.setChecked(settings.value("view/projector-contrast", False, type=bool))


def _go_outline(window: MainWindow) -> None:
    go_to_panel(window, window.outline_dock, window.outline)


def _inspector(window: MainWindow) -> None:
    dock = window.inspector_dock
    if dock.isVisible() and not dock.visibleRegion().isEmpty():  # in sight (behind another's tab, it is "visible")
        dock.hide()
    else:
        go_to_panel(window, window.inspector_dock, window.inspector)


def go_to_panel(window: MainWindow, dock: QDockWidget | None, widget: QWidget) -> None:
    """Show *dock* in front (a tab behind another comes forward) and put the keyboard in *widget*: in itself if
    it takes the keyboard, else in its first field that does."""
    if dock is not None:
        dock.show()
        dock.raise_()
    target = widget
    if widget.focusPolicy() == Qt.FocusPolicy.NoFocus:
        fields = [w for w in widget.findChildren(QWidget) if w.isVisibleTo(widget) and w.isEnabled()
                  and w.focusPolicy() & Qt.FocusPolicy.TabFocus]
        target = fields[0] if fields else widget
    target.setFocus(Qt.FocusReason.ShortcutFocusReason)


def next_panel(window: MainWindow, forward: bool) -> None:
    """F6 / Shift+F6: the keyboard goes to the next (or previous) of the map and the panels shown, in turn, and
    back to the map: the Palette had no way in from the keyboard, nor the Outline a way back to the map."""
    panels: list[tuple[QDockWidget | None, QWidget]] = [
        (None, window.view), (window.outline_dock, window.outline), (window.inspector_dock, window.inspector),
        (window.palette_dock, window.palette), (window.findings_dock, window.findings),
    ]
    shown = [(dock, widget) for dock, widget in panels if dock is None or dock.toggleViewAction().isChecked()]
    focus = QApplication.focusWidget()
    here = next((k for k, (_, widget) in enumerate(shown) if focus is not None
                 and (focus is widget or widget.isAncestorOf(focus))), 0)
    dock, widget = shown[(here + (1 if forward else -1)) % len(shown)]
    go_to_panel(window, dock, widget)


def _compact(window: MainWindow, on: bool) -> None:
    window.palette.set_compact(on)
    QSettings().setValue("view/compact-palette", on)


def _contrast(window: MainWindow, on: bool) -> None:
    theme.use("projector" if on else "standard")
    QSettings().setValue("view/projector-contrast", on)
    window.scene.redraw_pictures()
    window.scene.update()
    window.view.viewport().update()


def add_dock_toggle(window: MainWindow, dock: QDockWidget) -> None:
    """*dock*'s show/hide item in the View menu, after the Findings one (a dock shown only at times stays reachable)."""
    findings = window.findings_dock.toggleViewAction()
    menu = next(a.menu() for a in window.menuBar().actions() if a.menu() and findings in a.menu().actions())
    actions = menu.actions()
    after = actions.index(findings) + 1
    while after < len(actions) and actions[after].data() == "dock-toggle":
        after += 1
    from workbench.ui.menus import describe

    toggle = dock.toggleViewAction()
    toggle.setData("dock-toggle")
    describe(toggle, translate("MainWindow", "Show or hide the {panel} panel").format(panel=dock.windowTitle()))
    menu.insertAction(actions[after] if after < len(actions) else None, toggle)


def reset_layout(window: MainWindow) -> None:
    """Every dock back where it starts (see window_layout.arrange_docks): none is ever out of reach."""
    from workbench.ui.window_layout import arrange_docks

    arrange_docks(window)


def dock_actions(window: MainWindow) -> list[QAction]:
    return [d.toggleViewAction() for d in window.findChildren(QDockWidget)]
