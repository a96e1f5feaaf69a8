"""``workbench install-desktop [--uninstall]``: the editor in the Linux desktop's menus, with its icon and file type."""

from __future__ import annotations

import argparse
import os
import sys

from workbench.i18n import tr


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="workbench install-desktop",
        description=tr(
            "Add Journey Workbench to the desktop's menus for this user, with its icon, "
            "and make a double click on a .journey file open it (Linux desktops)."
        ),
    )
    p.add_argument("--uninstall", action="store_true", help=tr("remove what install-desktop added"))
    return p


def run(argv: list[str]) -> int:
    from workbench import desktop
    from workbench.cli import _error
    from workbench.model.errors import SaveError

    args = parser().parse_args(argv)
    if not sys.platform.startswith("linux"):
        _error(tr("install-desktop is for Linux desktops; on Windows and macOS, use the application bundle"))
        return 2
    home = desktop.data_home()
    try:
        if args.uninstall:
            paths = desktop.uninstall(home)
        else:
            problem = _start_qt()
            if problem:
                _error(problem)
                return 2
            paths = desktop.install(home, _svg(), _png)
    except OSError as error:
        reason = error.strerror or str(error)
        _error(tr("cannot save {path}: {reason}", path=error.filename or home, reason=reason))
        return 1
    except SaveError as error:  # pragma: no cover - the writers above raise OSError
        _error(str(error))
        return 1
    print(desktop.summary(paths, home, args.uninstall))
    return 0


def _svg() -> bytes:
    from workbench.desktop import ICON_FILE
    from workbench.resources import resource_path

    return resource_path("icons", ICON_FILE).read_bytes()


def _start_qt() -> str | None:
    """The PNG icons are drawn from the SVG with Qt, offscreen. Why Qt cannot start, or None."""
    from workbench.cli import qt_problem

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return qt_problem()


def _png(size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    global _app
    _app = QGuiApplication.instance() or QGuiApplication(["workbench"])
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(QByteArray(_svg())).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


#: The application the icons are drawn in, kept alive while they are.
_app: object = None
