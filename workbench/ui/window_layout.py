"""The window on a laptop screen: never larger than the screen, docks that do not push the map around.

A workshop laptop is often 1366×768: the window must fit the available area
(task bar excluded), and a dock whose content grows (the inspector of the
journey has many fields) must scroll rather than make the window taller or
change the map's width when the selection changes.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt, QTimer
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDockWidget, QFrame, QScrollArea, QWidget

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow


def scrolling(widget: QWidget, name: str) -> QScrollArea:
    """*widget* in a vertical scroll area: its height never sets the window's, its width stays put."""
    area = QScrollArea()
    area.setObjectName(name)
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setMinimumWidth(220)
    if widget.accessibleName():
        area.setAccessibleName(widget.accessibleName())
    return area


def available_area(window: QWidget) -> QRect | None:
    screen = window.screen()
    return screen.availableGeometry() if screen is not None else None


#: Room left for a window manager's borders and title bar while they are not known (width, height).
DECORATION = (8, 40)


def fit_to_screen(window: QWidget, move: bool = True) -> None:
    """Shrink and move the window inside the screen's available area (restored geometry included).

    A dialog is only shrunk (*move* False): Qt centres a dialog over its window when it shows, within the
    screen, unless it was moved before (then it opened at the screen's corner)."""
    area = available_area(window)
    if area is None or area.isEmpty():
        return
    frame = window.frameGeometry()
    extra_w = max(0, frame.width() - window.width())
    extra_h = max(0, frame.height() - window.height())
    if frame == window.geometry():
        # Not decorated yet (not shown): the title bar comes later, and pushed the status bar off a
        # 1366x768 screen (found by an exploratory test). Leave it room.
        extra_w, extra_h = DECORATION
    width = min(window.width(), area.width() - extra_w)
    height = min(window.height(), area.height() - extra_h)
    if (width, height) != (window.width(), window.height()):
        window.resize(width, height)
    if not move:
        return
    x = min(max(window.x(), area.left()), area.right() - width - extra_w + 1)
    y = min(max(window.y(), area.top()), area.bottom() - height - extra_h + 1)
    if (x, y) != (window.x(), window.y()):
        window.move(x, y)


#: Starting widths: the palette's column and the inspector's, so the map has at least 70 % of a 1366-px window.
PALETTE_WIDTH, INSPECTOR_WIDTH = 210, 300


def arrange_docks(window: MainWindow) -> None:
    """Palette on the left; inspector and outline tabbed on the right (inspector in front); findings below."""
    Area, Orientation = Qt.DockWidgetArea, Qt.Orientation
    for dock, area in ((window.palette_dock, Area.LeftDockWidgetArea), (window.inspector_dock, Area.RightDockWidgetArea),
                       (window.outline_dock, Area.RightDockWidgetArea), (window.findings_dock, Area.BottomDockWidgetArea)):
        dock.setFloating(False)
        window.addDockWidget(area, dock)
        dock.show()
    window.tabifyDockWidget(window.inspector_dock, window.outline_dock)
    personas = window.findChild(QDockWidget, "personasDock")
    if personas is not None:  # (installed after the window's own docks)
        personas.setFloating(False)
        window.addDockWidget(Area.RightDockWidgetArea, personas)
        personas.show()
        window.tabifyDockWidget(window.outline_dock, personas)
    window.inspector_dock.raise_()
    if not window.isVisible():  # a tab is raised only once the window shows
        QTimer.singleShot(0, window.inspector_dock.raise_)
    # Wide enough for its longest name ("Point de contact numérique" in French): no scroll bar under it.
    palette = window.palette
    needed = palette.names_width()
    window.resizeDocks(
        [window.palette_dock, window.inspector_dock], [max(PALETTE_WIDTH, needed), INSPECTOR_WIDTH], Orientation.Horizontal
    )
    window.resizeDocks([window.findings_dock], [150], Orientation.Vertical)
