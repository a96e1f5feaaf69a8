"""The main window: opening, saving, the modified marker, prompts and settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, QUrl
from PySide6.QtWidgets import QMessageBox

from tests.ui.helpers import answer_next_message, drop_mime
from workbench.model.fileformat import dumps, load, save
from workbench.model.templates import skeleton
from workbench.ui.main_window import MainWindow


ROOT = Path(__file__).resolve().parents[2]


def _window(qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window, before_close_func=lambda w: (w.scene.commit_editors(), w.stack.setClean()))
    window.show()
    qtbot.waitExposed(window)
    return window


def test_opening_a_journey_draws_its_stages_and_steps(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "bank.journey"
    save(skeleton("banking", "en"), path)
    window = _window(qtbot)
    assert window.open_path(path)
    assert window.windowTitle().startswith("bank.journey")
    window.scene.ensure_fresh()
    assert [s.box.text.lines[0] for s in window.scene.items() if getattr(s, "kind", "") == "stage"]
    assert len(window.scene.layout.steps) == 4
    assert "4 steps" in window.counts_label.text()


def test_a_long_message_has_the_counts_room_while_it_shows(qtbot, tmp_path: Path) -> None:
    """"...avec ses émotions sur 14 étapes" was cut off under the counts at the right of the status bar."""
    path = tmp_path / "bank.journey"
    save(skeleton("banking", "en"), path)
    window = _window(qtbot)
    window.resize(1000, 700)
    assert window.open_path(path)
    counts = window.counts_label
    assert counts.isVisible()
    said = "Removed Marie-Christine de La Tour-Dupont, 52, with their emotions at 14 steps and their tags on 3 cards"
    window.show_message(said + " (Undo brings them back)")
    assert not counts.isVisible() and window.zoom_label.isVisible()
    window.statusBar().clearMessage()
    assert counts.isVisible() and "4 steps" in counts.text()


def test_a_corrupt_file_shows_a_dialog_naming_file_and_place(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "broken.journey"
    path.write_text('{"format": "journey-workbench", "version": 1,\n "journey": {"title": 3}}', encoding="utf-8")
    window = _window(qtbot)
    before = dumps(window.document.journey)
    seen: list[str] = []
    answer_next_message(qtbot, QMessageBox.StandardButton.Ok, seen)
    assert not window.open_path(path)
    assert len(seen) == 1
    assert str(path) in seen[0] and "journey.title" in seen[0]
    assert "Traceback" not in seen[0]
    assert dumps(window.document.journey) == before  # what was open stays open
    assert window.path is None


def test_ctrl_o_opens_the_file_dialog_and_remembers_the_file(qtbot, monkeypatch, tmp_path: Path) -> None:
    path = tmp_path / "health.journey"
    save(skeleton("health", "en"), path)
    window = _window(qtbot)
    monkeypatch.setattr("workbench.ui.window_files.QFileDialog.getOpenFileName", lambda *a, **k: (str(path), ""))
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    assert window.path == path
    assert window.recent_files()[0] == str(path.resolve())
    recent = [a.text() for a in window.actions.recent_menu.actions()]
    assert recent == ["health.journey"]


def test_modified_marker_and_the_close_prompt(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "retail.journey"
    save(skeleton("retail", "en"), path)
    window = _window(qtbot)
    window.open_path(path)
    assert not window.isWindowModified()
    x, y = window.scene.layout.steps[0].column.centre[0], window.scene.layout.lanes[2].row.centre[1]
    assert drop_mime(window, window.palette.mime_for("card:thought"), x, y)
    assert window.isWindowModified()
    assert "[*]" in window.windowTitle()
    seen: list[str] = []
    answer_next_message(qtbot, QMessageBox.StandardButton.Cancel, seen)
    window.close()
    assert window.isVisible() and seen and "retail.journey" in seen[0]
    answer_next_message(qtbot, QMessageBox.StandardButton.Save, seen)
    window.close()
    assert not window.isVisible()
    assert len(load(path).cards) == 1  # saved on the way out


def test_the_save_prompt_names_a_journey_never_saved_by_its_title_in_english_and_french(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Found by an exploratory test: it asked to save the changes "to Untitled" ("de Sans titre")."""
    from PySide6.QtWidgets import QApplication

    from workbench.ui.translator import install_translators

    window = _window(qtbot)
    window.document.update_journey(title="Fixing a broken traffic light")
    window.stack.push(__import__("PySide6.QtGui", fromlist=["QUndoCommand"]).QUndoCommand("edit"))
    seen: list[str] = []
    answer_next_message(qtbot, QMessageBox.StandardButton.Cancel, seen)
    assert not window.maybe_save()
    assert seen == ["Save the changes to 'Fixing a broken traffic light' before closing it?"]
    app = QApplication.instance()
    translators = install_translators(app, "fr")
    try:
        answer_next_message(qtbot, QMessageBox.StandardButton.Cancel, seen)
        assert not window.maybe_save()
    finally:
        for translator in translators:
            app.removeTranslator(translator)
    assert seen[1] == "Enregistrer les modifications de «\u00a0Fixing a broken traffic light\u00a0» avant de le fermer\u00a0?"


def test_discard_on_open_drops_the_changes(qtbot, tmp_path: Path) -> None:
    first, second = tmp_path / "a.journey", tmp_path / "b.journey"
    save(skeleton("retail", "en"), first)
    save(skeleton("education", "en"), second)
    window = _window(qtbot)
    window.open_path(first)
    window.document.update_journey(title="changed")  # an edit that is not on the stack
    window.stack.push(__import__("PySide6.QtGui", fromlist=["QUndoCommand"]).QUndoCommand("edit"))
    seen: list[str] = []
    answer_next_message(qtbot, QMessageBox.StandardButton.Discard, seen)
    assert window.open_path(second)
    assert window.path == second and seen
    assert load(first).title != "changed"


def test_a_failed_save_says_why_and_keeps_the_work(qtbot, tmp_path: Path) -> None:
    window = _window(qtbot)
    window.document.update_journey(title="Precious work")
    seen: list[str] = []
    answer_next_message(qtbot, QMessageBox.StandardButton.Ok, seen)
    assert not window._save_to(tmp_path / "no-such-folder" / "x.journey")
    assert seen and "no-such-folder" in seen[0] and "still open" in seen[0]
    assert window.document.journey.title == "Precious work"


def test_dropping_a_journey_file_on_the_window_opens_it(qtbot, tmp_path: Path) -> None:
    path = tmp_path / "dropped.journey"
    save(skeleton("automotive", "en"), path)
    window = _window(qtbot)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    assert drop_mime(window, mime, 40, 40)
    assert window.path == path
    not_a_journey = QMimeData()
    not_a_journey.setUrls([QUrl.fromLocalFile(str(tmp_path / "photo.png"))])
    assert not drop_mime(window, not_a_journey, 40, 40)


def test_window_geometry_and_docks_persist(qtbot) -> None:
    window = _window(qtbot)
    window.resize(700, 500)  # the offscreen screen is 800 x 600
    window.inspector_dock.hide()
    window.close()
    again = _window(qtbot)
    assert again.size().width() == 700
    assert not again.inspector_dock.isVisible()


def test_docks_that_come_and_go_leave_no_stray_tab_over_the_menus_at_the_next_start(qtbot, tmp_path) -> None:
    """A comparison and merge conflicts shown at closing: the next window restores a clean layout."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QTabBar

    from workbench.model.fileformat import load, save
    from workbench.model.journey import Conflict

    journey = load(ROOT / "examples" / "banking-savings.journey")
    step = journey.steps[0]
    conflict = Conflict(id="c1", collection="steps", element=step.id, field="title", ours=step.title, theirs="Other")
    path = tmp_path / "merged.journey"
    save(journey.model_copy(update={"conflicts": [conflict]}), path)
    other = tmp_path / "before.journey"
    save(journey.model_copy(update={"title": "Before"}), other)

    first = MainWindow()
    qtbot.addWidget(first)
    first.show()
    qtbot.waitExposed(first)
    assert first.open_path(path, ask=False)
    assert first.comparer.compare_path(other)
    qtbot.waitUntil(lambda: first.conflicts.dock.isVisible() and first.comparer.dock.isVisible())
    first.close()

    second = MainWindow()
    qtbot.addWidget(second)
    second.show()
    qtbot.waitExposed(second)
    assert second.open_path(ROOT / "examples" / "retail-neighbourhood-bookshop.journey", ask=False)
    qtbot.wait(50)
    menus = QRect(second.menuBar().mapTo(second, QPoint(0, 0)), second.menuBar().size())
    inside = QRect(QPoint(0, 0), second.size())
    for bar in second.findChildren(QTabBar):
        if bar.isVisible():  # Qt keeps a tab bar for a tab group that lost its visible tabs, somewhere
            where = QRect(bar.mapTo(second, QPoint(0, 0)), bar.size())
            names = [bar.tabText(i) for i in range(bar.count())]
            assert inside.contains(where) and not where.intersects(menus), names
    assert not second.conflicts.dock.isVisible() and not second.comparer.dock.isVisible()
