"""QApplication set-up: names, settings, translations; then the main window."""

from __future__ import annotations

import sys

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from workbench import __version__
from workbench.i18n import current_language, set_language
from workbench.resources import resource_path


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load the workbench's and Qt's own French texts when the UI is French."""
    translators: list[QTranslator] = []
    if language == "en":
        return translators
    ours = QTranslator(app)
    if ours.load(str(resource_path("translations", f"workbench_{language}.qm"))):
        app.installTranslator(ours)
        translators.append(ours)
    qt = QTranslator(app)
    if qt.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        translators.append(qt)
    return translators


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
    register_fonts()
    language = current_language()
    set_language(language)
    app._translators = install_translators(app, language)  # type: ignore[attr-defined]
    # Qt's offscreen platform crashes at exit if the clipboard still holds our
    # MIME data; on a desktop the clipboard empties when the owner quits anyway.
    app.aboutToQuit.connect(lambda: app.clipboard().clear())
    return app


def run(path: str | None = None) -> int:
    app = make_app()
    from workbench.ui.main_window import MainWindow
    from workbench.ui.recovery_dialog import start_up
    from workbench.ui.welcome import offer_at_start

    window = MainWindow()
    window.show()

    def start() -> None:
        start_up(window, path)
        offer_at_start(window, path)  # no FILE and nothing recovered: the welcome page

    # Once the event loop runs, so dialogs have a live window behind them: first what a
    # crash left unsaved (recovery copies), then FILE.
    QTimer.singleShot(0, start)
    return app.exec()
