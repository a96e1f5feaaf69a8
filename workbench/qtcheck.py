"""Before Qt starts on Linux: are the system libraries it needs there? If not, say which, and how to get them.

Without ``libxcb-cursor0`` Qt prints a message and aborts the interpreter
(a core dump, exit 134); without ``libGL`` PySide6's import fails deep in a
traceback. Both leave a new user with nothing to do. Each library is tried
with the dynamic loader (cheap: Qt loads the same ones a moment later), and
what is missing is named with the Debian package that holds it, so the
message gives the exact command. It lives in the package, so a plain
``pip install`` has it.
"""

from __future__ import annotations

import ctypes
import os
import sys
from collections.abc import Callable, Mapping

from workbench.i18n import tr

#: Libraries every Qt window needs (offscreen too), and the Debian/Ubuntu package of each.
CORE: dict[str, str] = {
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libX11.so.6": "libx11-6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libdbus-1.so.3": "libdbus-1-3",
}
#: What Qt's X11 platform (xcb, the one used on a Linux desktop) needs on top.
XCB: dict[str, str] = {
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xkb.so.1": "libxcb-xkb1",
}


def _loads(name: str) -> bool:
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def uses_xcb(environ: Mapping[str, str]) -> bool:
    """True when Qt will draw through X11: a display and no other platform chosen."""
    platform = environ.get("QT_QPA_PLATFORM", "")
    if platform:
        return platform.split(":")[0] == "xcb"
    return bool(environ.get("DISPLAY")) and not environ.get("WAYLAND_DISPLAY")


def missing_libraries(
    environ: Mapping[str, str] | None = None,
    platform: str | None = None,
    loads: Callable[[str], bool] | None = None,
) -> dict[str, str]:
    """The libraries Qt needs here that cannot be loaded, each with its Debian package (empty: all there)."""
    loads = loads or _loads
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if not platform.startswith("linux"):
        return {}  # Windows and macOS wheels carry what they need
    wanted = dict(CORE)
    if uses_xcb(environ):
        wanted.update(XCB)
    return {name: package for name, package in wanted.items() if not loads(name)}


def install_command(packages: list[str]) -> str:
    return "sudo apt-get install -y " + " ".join(sorted(set(packages)))


def explanation(missing: dict[str, str]) -> str:
    """What to tell the user: which libraries are missing and the command that installs them."""
    return tr(
        "Qt cannot start: this system lacks {libraries}. On Debian or Ubuntu, install them with:\n"
        "  {command}\n"
        "(on other systems, install the packages that provide these libraries)",
        libraries=", ".join(sorted(missing)),
        command=install_command(list(missing.values())),
    )


def display_reachable(display: str) -> bool:
    """True when the X server of *display* answers (Qt aborts the process when it does not)."""
    try:
        x11 = ctypes.CDLL("libX11.so.6")
    except OSError:
        return True  # the missing library is reported on its own
    x11.XOpenDisplay.restype = ctypes.c_void_p
    x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
    connection = x11.XOpenDisplay(display.encode())
    if not connection:
        return False
    x11.XCloseDisplay.argtypes = [ctypes.c_void_p]
    x11.XCloseDisplay(connection)
    return True


def problem(environ: Mapping[str, str] | None = None, platform: str | None = None) -> str | None:
    """Why Qt cannot start here, with what to do about it; None when nothing is known to stop it."""
    environ = os.environ if environ is None else environ
    missing = missing_libraries(environ, platform)
    if missing:
        return explanation(missing)
    display = environ.get("DISPLAY", "")
    if (platform or sys.platform).startswith("linux") and uses_xcb(environ) and display:
        if not display_reachable(display):
            return tr(
                "cannot connect to the display {display}: is the X server running, and may this user use it? "
                "To run without a screen, set QT_QPA_PLATFORM=offscreen, or start the editor under xvfb-run",
                display=display,
            )
    return None
