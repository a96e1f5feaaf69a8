"""What the application says follows the user's language; what it writes about a journey, the journey's.

An English user with a French map: the Findings dock, the export's warnings
and the command's messages are English; the PDF's pages are French.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.ui.test_findings import open_checked
from workbench.i18n import current_language
from workbench.model.analysis import check
from workbench.model.fileformat import load

ROOT = Path(__file__).resolve().parents[2]
FRENCH_MAP = ROOT / "resources" / "templates" / "banking.fr.journey"


def test_the_findings_dock_speaks_the_users_language_for_a_french_map(qtbot) -> None:
    assert current_language() == "en"
    window = open_checked(qtbot, FRENCH_MAP)
    shown = [f.message for f in window.findings.report.findings]
    english = [f.message for f in check(load(FRENCH_MAP), language="en").findings]
    french = [f.message for f in check(load(FRENCH_MAP), language="fr").findings]
    assert shown == english and english != french
    assert window.findings.condition.itemText(1) in ("Treats the customer as a person", "Plans the switch to a human",
                                                     "Continuous online and offline")


def test_the_command_speaks_the_users_language_and_the_pdf_the_maps(tmp_path) -> None:
    out = tmp_path / "plan.pdf"
    env = {"LANGUAGE": "en", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-m", "workbench", "export", str(FRENCH_MAP), "-o", str(out), "--fit",
                             "--page-size", "a4"], capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "wrote" in result.stdout  # English: the user's
    if result.stderr:  # a warning (the map on one A4 page is small): English too
        assert "smallest text" in result.stderr
    pages = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Constats" in pages or "constat" in pages.lower()  # the deliverable: French, the map's language


def test_the_palette_shows_its_longest_french_name_whole(qtbot) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from workbench.ui.main_window import MainWindow
    from workbench.ui.translator import install_translators

    app = QApplication.instance()
    translators = install_translators(app, "fr")
    try:
        window = MainWindow()
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)
        palette = window.palette
        assert "Point de contact numérique" in [palette.item(i).text() for i in range(palette.count())]
        qtbot.waitUntil(lambda: palette.viewport().width() > 0)
        assert not palette.horizontalScrollBar().isVisible()
        assert window.view.width() >= 0.6 * window.width()  # the map keeps the room
        # A narrower dock (a layout saved when the names were English): it stops where the names fit.
        window.resizeDocks([window.palette_dock], [120], Qt.Orientation.Horizontal)
        qtbot.wait(50)
        longest = max(palette.visualItemRect(palette.item(i)).right() for i in range(palette.count()))
        assert palette.viewport().width() >= palette.sizeHintForColumn(0) and longest <= palette.viewport().width()
        assert not palette.horizontalScrollBar().isVisible()
    finally:
        for translator in translators:
            app.removeTranslator(translator)
