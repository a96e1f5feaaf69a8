"""The welcome page: first start, templates, files, examples, recent journeys."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtGui import QUndoCommand
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QListWidget, QPushButton

from workbench.model.fileformat import Loaded, dumps, load, save
from workbench.model.templates import TEMPLATE_SECTORS, skeleton, template
from workbench.ui import welcome
from workbench.ui.main_window import MainWindow
from workbench.ui.welcome import SHOW_KEY, WelcomeDialog, offer_at_start, show_welcome

ROOT = Path(__file__).resolve().parents[2]
LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def window(qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window, before_close_func=lambda w: (w.scene.commit_editors(), w.stack.setClean()))
    window.show()
    qtbot.waitExposed(window)
    return window


def on_welcome(act: Callable[[WelcomeDialog], None], seen: list[WelcomeDialog]) -> None:
    """Do *act* on the welcome page once it is up (it runs its own event loop); close it if *act* did not."""

    tries = iter(range(500))  # gives up after about five seconds: no timer outlives its test

    def attempt() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, WelcomeDialog):
            if next(tries, None) is not None:
                QTimer.singleShot(10, attempt)
            return
        seen.append(dialog)
        try:
            act(dialog)
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, attempt)


def welcome_then(window: MainWindow, act: Callable[[WelcomeDialog], None]) -> WelcomeDialog:
    seen: list[WelcomeDialog] = []
    on_welcome(act, seen)
    show_welcome(window)
    assert len(seen) == 1
    return seen[0]


def button(dialog: WelcomeDialog, name: str) -> QPushButton:
    found = dialog.findChild(QPushButton, name)
    assert found is not None, name
    return found


def items(widget: QListWidget) -> list[str]:
    return [widget.item(i).text() for i in range(widget.count())]


def activate_row(widget: QListWidget, row: int) -> None:
    """Go to *row* with the keyboard and press Enter, as a keyboard user would."""
    widget.setFocus()
    widget.setCurrentRow(0)
    for _ in range(row):
        QTest.keyClick(widget, Qt.Key.Key_Down)
    assert widget.currentRow() == row
    QTest.keyClick(widget, Qt.Key.Key_Return)


def test_a_first_start_offers_templates_a_blank_map_files_and_examples(window: MainWindow) -> None:
    def look(dialog: WelcomeDialog) -> None:
        assert not dialog.recent.isVisible()  # nothing recent yet
        for sector in TEMPLATE_SECTORS:
            assert button(dialog, f"welcome-sector-{sector}").isVisible()
        for name in ("welcome-blank", "welcome-open", "welcome-new-dialog", "welcome-guide"):
            assert button(dialog, name).isVisible()
        shown = items(dialog.examples)
        assert "Opening a savings account and saving for a goal" in shown
        assert "Taking over a home internet contract (counter-example)" in shown
        assert len(shown) == len(list((ROOT / "examples").rglob("*.journey")))
        # An example in another language says which, after those in the user's (English here)
        french = [text for text in shown if text.endswith(" \u2014 in French")]
        assert french and shown[-len(french):] == french

    welcome_then(window, look)


def test_in_french_the_french_examples_come_first_and_the_others_say_their_language(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """ "Taking over a home internet contract (contre-exemple)" read as a translation left undone."""
    listed = welcome.examples("fr")
    languages = [e.language for e in listed]
    assert "fr" in languages and "en" in languages
    assert languages == sorted(languages, key=lambda code: code != "fr")  # French first
    finished = [e.counter for e in listed if e.language == "en"]
    assert finished == sorted(finished)  # (within a language: finished ones, then counter-examples)


def test_a_sector_button_starts_from_its_template(window: MainWindow) -> None:
    welcome_then(window, lambda d: QTest.mouseClick(button(d, "welcome-sector-health"), LEFT))
    assert window.document.journey.sector == "health"
    assert window.document.journey.title == template("health", "en").title
    assert window.path is None


def test_enter_on_a_button_reached_with_tab_presses_it(window: MainWindow) -> None:
    """Tab to "Retail", Enter: nothing happened (only Space worked). Found by an exploratory test."""

    def keys(dialog: WelcomeDialog) -> None:
        retail = button(dialog, "welcome-sector-retail")
        retail.setFocus(Qt.FocusReason.TabFocusReason)
        QTest.keyClick(retail, Qt.Key.Key_Return)

    welcome_then(window, keys)
    assert window.document.journey.sector == "retail" and window.path is None


def test_f1_on_the_welcome_page_opens_the_guide(window: MainWindow) -> None:
    """The guide says "press F1 at any time": on the welcome page it did nothing (exploratory test)."""
    from workbench.ui.help import GuideDialog

    welcome_then(window, lambda dialog: QTest.keyClick(dialog, Qt.Key.Key_F1))
    guide = window.findChild(GuideDialog, "user-guide")
    assert guide is not None and guide.isVisible()
    guide.close()


def test_blank_map(window: MainWindow) -> None:
    window.set_journey(Loaded(journey=template("retail", "en")), None)
    welcome_then(window, lambda d: QTest.mouseClick(button(d, "welcome-blank"), LEFT))
    assert window.document.journey.cards == [] and len(window.document.journey.stages) == 4


def test_an_example_opens_as_an_untitled_copy(window: MainWindow) -> None:
    source = ROOT / "examples" / "banking-savings.journey"
    before = source.read_bytes()

    def pick(dialog: WelcomeDialog) -> None:
        activate_row(dialog.examples, items(dialog.examples).index(load(source).title))

    welcome_then(window, pick)
    assert window.document.journey.title == load(source).title
    assert window.path is None  # Save asks where: the example stays as it is
    assert "banking-savings.journey" in window.statusBar().currentMessage()
    assert source.read_bytes() == before


def test_recent_journeys_are_listed_and_open_with_enter(window: MainWindow, tmp_path: Path) -> None:
    kept = tmp_path / "kept.journey"
    save(skeleton("education", "en"), kept)
    gone = tmp_path / "gone.journey"
    QSettings().setValue("recent-files", [str(gone), str(kept)])

    def pick(dialog: WelcomeDialog) -> None:
        assert dialog.recent.isVisible()
        assert items(dialog.recent) == [f"gone.journey (not found)\n{tmp_path}", f"kept.journey\n{tmp_path}"]
        assert not dialog.recent.item(0).flags() & Qt.ItemFlag.ItemIsEnabled
        dialog.recent.setFocus()
        dialog.recent.setCurrentRow(1)
        QTest.keyClick(dialog.recent, Qt.Key.Key_Return)

    welcome_then(window, pick)
    assert window.path == kept
    assert window.document.journey.sector == "education"


def test_open_asks_for_a_file(window: MainWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "asked.journey"
    save(skeleton("automotive", "en"), path)
    monkeypatch.setattr("workbench.ui.window_files.QFileDialog.getOpenFileName", lambda *a, **k: (str(path), ""))
    welcome_then(window, lambda d: QTest.mouseClick(button(d, "welcome-open"), LEFT))
    assert window.path == path


def test_the_templates_are_listed_when_no_example_is_installed(window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(welcome, "examples_folder", lambda: None)

    def pick(dialog: WelcomeDialog) -> None:
        assert dialog.examples.accessibleName() == "Templates"
        assert items(dialog.examples) == ["Automotive", "Banking", "Education", "Public sector", "Health", "Retail"]
        activate_row(dialog.examples, 1)

    welcome_then(window, pick)
    assert window.document.journey.sector == "banking" and window.path is None


def test_closing_the_page_changes_nothing(window: MainWindow) -> None:
    before = dumps(window.document.journey)
    welcome_then(window, lambda d: QTest.keyClick(d, Qt.Key.Key_Escape))
    assert dumps(window.document.journey) == before and window.stack.isClean()


def test_start_up_shows_the_page_without_a_file_until_it_is_turned_off(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    seen: list[WelcomeDialog] = []

    def untick(dialog: WelcomeDialog) -> None:
        box = dialog.findChild(QCheckBox, "welcome-at-start")
        assert box.isChecked()
        QTest.keyClick(box, Qt.Key.Key_Space)  # the check box, from the keyboard
        assert not box.isChecked()

    on_welcome(untick, seen)
    assert offer_at_start(window, None)
    qtbot.waitUntil(lambda: len(seen) == 1 and not seen[0].isVisible(), timeout=3000)
    assert QSettings().value(SHOW_KEY) in (False, "false")
    shown: list[MainWindow] = []
    monkeypatch.setattr(welcome, "show_welcome", shown.append)  # a wrong answer must not leave a dialog up
    assert not offer_at_start(window, None)  # turned off: the next start opens straight on the map
    QSettings().setValue(SHOW_KEY, True)
    assert not offer_at_start(window, "plan.journey")  # a file was asked for
    assert offer_at_start(window, None)
    qtbot.waitUntil(lambda: shown == [window], timeout=2000)


def test_start_up_leaves_a_recovered_journey_alone(qtbot, window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    shown: list[MainWindow] = []
    monkeypatch.setattr(welcome, "show_welcome", shown.append)
    window.document.update_journey(title="Recovered work")
    window.stack.push(QUndoCommand("edit"))
    assert not offer_at_start(window, None)
    qtbot.wait(20)
    assert shown == []


def test_help_welcome_page_brings_it_back(window: MainWindow) -> None:
    QSettings().setValue(SHOW_KEY, False)
    seen: list[WelcomeDialog] = []
    on_welcome(lambda d: QTest.mouseClick(button(d, "welcome-sector-retail"), LEFT), seen)
    window.actions.welcome.trigger()
    assert len(seen) == 1 and window.document.journey.sector == "retail"
