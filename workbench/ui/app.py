"""QApplication set-up: names, settings, translations; then the main window.

Start-up is measured against a bare PySide6 window (``benchmarks/startup.py``):
until the main window is first painted, only what that paint needs runs.
FILE is read right after ``show()`` and before the event loop, so the first
paint is the journey, never an empty one replaced a moment later; the health
check (and whatever else the window does not show at once) waits for
:meth:`MainWindow.after_first_paint`.
reportlab, PIL, networkx and the dialogs load when first used.
"""

from __future__ import annotations

import atexit
import gc
import os
import sys
import time
from pathlib import Path
from typing import NoReturn

import workbench.ui.pyside_hook  # noqa: F401  (first: the modules imported after PySide6 are looked at quicker)
from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from workbench import __version__
from workbench.desktop import DESKTOP_ID, ICON_FILE
from workbench.i18n import current_language, set_language
from workbench.resources import resource_path
from workbench.ui.memory import HOLD_OFF_MS, resume
from workbench.ui.translator import install_translators

#: Set to 1, the application quits right after the first paint of its main window
#: (FILE shown, when one was given), before anything that waits for that paint:
#: how ``benchmarks/startup.py`` times start-up.
EXIT_AFTER_PAINT_ENV = "JOURNEY_WORKBENCH_EXIT_AFTER_PAINT"
#: Test hook: a file where the application writes (JSON), at its first paint, what it
#: shows and which modules were imported by then (tests/test_startup.py).
STARTUP_REPORT_ENV = "JOURNEY_WORKBENCH_STARTUP_REPORT"


def register_fonts() -> list[str]:
    """Give Qt the bundled TTFs, so text looks and measures the same on every machine."""
    from PySide6.QtGui import QFontDatabase

    from workbench.textmetrics import FONT_FILES

    families: list[str] = []
    for filename in FONT_FILES.values():
        font_id = QFontDatabase.addApplicationFont(str(resource_path("fonts", filename)))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    return families


def make_app(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName("Journey Workbench")
    app.setApplicationName("Journey Workbench")
    app.setApplicationVersion(__version__)
    # The desktop file `workbench install-desktop` writes: docks and window lists show its icon and name.
    app.setDesktopFileName(DESKTOP_ID)
    app.setWindowIcon(QIcon(str(resource_path("icons", ICON_FILE))))
    register_fonts()
    language = current_language()
    set_language(language)
    app._translators = install_translators(app, language)  # type: ignore[attr-defined]
    # Qt's offscreen platform crashes at exit if the clipboard still holds our
    # MIME data; on a desktop the clipboard empties when the owner quits anyway.
    app.aboutToQuit.connect(lambda: app.clipboard().clear())
    return app


def exit_after_paint() -> bool:
    return os.environ.get(EXIT_AFTER_PAINT_ENV) == "1"


def say_paint_cpu() -> None:
    """Print the CPU time (user + system) used so far (``first-paint-cpu-ms``, read by ``benchmarks/startup.py``)."""
    print(f"first-paint-cpu-ms {time.process_time() * 1000:.3f}", flush=True)


def write_startup_report(path: Path, window) -> None:  # type: ignore[no-untyped-def]
    """What the first paint showed and what had been imported for it (:data:`STARTUP_REPORT_ENV`)."""
    import json

    report = {
        "modules": sorted(sys.modules),
        "file": str(window.path) if window.path is not None else None,
        "steps": len(window.document.journey.steps),
        "title": window.windowTitle(),
        "collecting": gc.isenabled(),
    }
    temporary = path.with_name(path.name + ".part")
    temporary.write_text(json.dumps(report, indent=1), encoding="utf-8")
    os.replace(temporary, path)  # whoever waits for the file never reads half of it


def run(path: str | None = None) -> NoReturn:
    app = make_app()
    from workbench.ui.main_window import MainWindow
    from workbench.ui.recovery_dialog import start_up

    window = MainWindow(defer=True)
    window.show()
    report = os.environ.get(STARTUP_REPORT_ENV)
    if report:
        window.first_painted.connect(lambda: write_startup_report(Path(report), window))
    # The collector, held off since the start (cli.cmd_gui), is back at the first paint or after this.
    QTimer.singleShot(HOLD_OFF_MS, resume)
    if exit_after_paint():
        # Measuring start-up: quitting closes the window, so what waits for the paint never runs.
        window.first_painted.connect(say_paint_cpu)
        window.first_painted.connect(app.quit)
    # With the window shown (so dialogs have a live window behind them) but before
    # the event loop paints it: first what a crash left unsaved (recovery copies),
    # then FILE; without FILE, the welcome page.
    start_up(window, path)
    if not path:
        from workbench.ui.welcome import offer_at_start

        offer_at_start(window, path)
    leave(app.exec())


def leave(status: int) -> NoReturn:
    """End the process with *status* once the event loop is over, without taking every object apart.

    When the loop ends, the windows are closed: what they save was saved (their
    file, the settings, each ``QSettings`` writing as it goes), and their locks
    were released. What remains is the interpreter's own teardown, freeing one by
    one every model, layout box and scene item of the journeys that were open:
    120 ms of a user waiting for the window to go, at 1,000 steps. The exit
    functions still run (the locks' safety net, :func:`workbench.model.locks._release_all`),
    and what was printed is flushed.
    """
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        if stream is None:  # (no console: the windowed workbench-gui on Windows, a frozen bundle)
            continue
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe, a closed stream: nothing more can be said there
            pass
    os._exit(status)
