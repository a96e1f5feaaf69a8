"""Autosave, the start-up recovery offer and File > Versions, in a real window.

The delays are shortened through the environment (as the real-process
tests do), and the data folder is a temporary one.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QMessageBox

from tests.ui.helpers import answer_next_message, open_window
from workbench.model import recovery, versions
from workbench.model.datafolder import DATA_ENV
from workbench.model.fileformat import dumps, load, save
from workbench.model.journey import Step
from workbench.model.templates import template
from workbench.ui import recovery_dialog
from workbench.ui.autosave import DELAY_ENV, MAX_ENV
from workbench.ui.commands import perform
from workbench.ui.main_window import MainWindow
from workbench.ui.recovery_dialog import RecoveryDialog, VersionsDialog, offer_recovery, start_up


@pytest.fixture(autouse=True)
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "data"
    monkeypatch.setenv(DATA_ENV, str(folder))
    monkeypatch.setenv(DELAY_ENV, "0.2")
    monkeypatch.setenv(MAX_ENV, "0.6")
    yield folder
    for window in list(recovery_dialog._windows):  # windows opened by a restore or a version
        window.stack.setClean()
        window.close()


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    path = tmp_path / "bank.journey"
    save(template("banking", "en"), path)
    return path


def add_step(window: MainWindow, title: str = "Added") -> None:
    document = window.document
    step = Step(id=document.new_id("steps"), title=title, stage=document.stages()[0].id)
    perform(window.stack, document, "Add step", lambda: document.add(step))


def copy_of(window: MainWindow) -> recovery.RecoveryCopy:
    return recovery.read_copy(window.autosaver.copy_path)


def left_by_a_crash(journey_text: bytes, original: Path | None, title: str = "bank.journey - Journey Workbench") -> Path:
    """A copy as an editor that died leaves it."""
    path = recovery.write_copy(recovery.new_session(), journey_text, original, title)
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    raw = json.loads(path.read_text(encoding="utf-8"))
    raw.update(pid=child.pid, process=None)
    path.write_text(json.dumps(raw), encoding="utf-8")
    return path


def when_modal(qtbot, kind: type, action: Callable[[object], None]) -> None:  # type: ignore[no-untyped-def]
    """Run *action* on the next modal dialog of *kind* once it shows."""

    def look() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(10, look)
            return
        action(dialog)

    QTimer.singleShot(0, look)


# ------------------------------------------------------------------ autosave


def test_an_edit_gets_a_recovery_copy_once_editing_pauses(qtbot, bank: Path, data: Path) -> None:
    window = open_window(qtbot, bank)
    window.autosaver.delay, window.autosaver.max_interval = 1.0, 5.0
    add_step(window, "First")
    qtbot.wait(500)
    add_step(window, "Second")
    edited = time.monotonic()
    qtbot.wait(500)
    assert not window.autosaver.copy_path.exists()  # the debounce runs from the last change
    qtbot.waitUntil(window.autosaver.copy_path.exists, timeout=5000)
    assert time.monotonic() - edited >= 0.95
    copy = copy_of(window)
    assert dumps(copy.loaded().journey) == dumps(window.document.journey)
    assert copy.original == bank
    assert copy.title == "bank.journey - Journey Workbench"
    assert window.autosaver.copy_path.parent == data / "recovery"
    beside = [p.name for p in bank.parent.iterdir() if p.name != "data" and "lock" not in p.name]
    assert beside == ["bank.journey"]  # nothing beside the user's file (but its lock)


def test_an_autosave_that_cannot_be_written_says_why_in_the_application_s_words(qtbot, bank: Path, monkeypatch) -> None:
    """It said Python's own text: "[Errno 30] Read-only file system: '/tmp/x2/ro/recovery'" (exploratory test)."""
    import errno

    def read_only(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(errno.EROFS, "Read-only file system", "/somewhere/recovery")

    monkeypatch.setattr(recovery, "write_copy", read_only)
    window = open_window(qtbot, bank)
    add_step(window)
    qtbot.waitUntil(lambda: "Autosave failed" in window.statusBar().currentMessage(), timeout=5000)
    assert window.statusBar().currentMessage() == (
        "Autosave failed, your unsaved work has no recovery copy: the file system is read-only")


def test_continuous_editing_still_gets_a_copy(qtbot, bank: Path) -> None:
    window = open_window(qtbot, bank)
    window.autosaver.delay, window.autosaver.max_interval = 0.3, 0.8
    before = len(window.document.journey.steps)
    edits: list[float] = []
    typing = QTimer(window)  # an edit every 100 ms: the debounce alone would never write; dies with the window
    typing.setInterval(100)

    def keep_typing() -> None:
        add_step(window, f"edit {len(edits)}")
        edits.append(time.monotonic())
        if len(edits) == 40:
            typing.stop()

    typing.timeout.connect(keep_typing)
    try:
        keep_typing()
        typing.start()
        qtbot.waitUntil(window.autosaver.copy_path.exists, timeout=3000)
        written = time.monotonic()
        assert len(edits) < 40, "a copy only once the typing stopped"
        typed = len(copy_of(window).loaded().journey.steps) - before
        assert 1 <= typed <= len(edits)  # what was typed up to the copy, while the typing goes on
        assert written - edits[0] >= 0.8 * 0.9  # written by the deadline, not at the first edit
        qtbot.waitUntil(lambda: len(edits) == 40, timeout=8000)
    finally:
        typing.stop()


def test_losing_focus_writes_the_copy_at_once(qtbot, bank: Path) -> None:
    window = open_window(qtbot, bank)
    window.autosaver.delay = window.autosaver.max_interval = 60
    add_step(window)
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowDeactivate))
    assert dumps(copy_of(window).loaded().journey) == dumps(window.document.journey)
    add_step(window, "another")
    QApplication.instance().applicationStateChanged.emit(Qt.ApplicationState.ApplicationInactive)
    assert dumps(copy_of(window).loaded().journey) == dumps(window.document.journey)


def test_saving_removes_the_copy_and_keeps_a_version(qtbot, bank: Path) -> None:
    window = open_window(qtbot, bank)
    add_step(window)
    qtbot.waitUntil(window.autosaver.copy_path.exists, timeout=3000)
    assert window.save()
    assert not window.autosaver.copy_path.exists()
    [version] = versions.list_versions(bank)
    assert version.steps == 15
    assert version.path.read_bytes() == bank.read_bytes()
    qtbot.wait(300)
    assert not window.autosaver.copy_path.exists()  # a clean document gets no copy


def test_undoing_back_to_the_saved_state_removes_the_copy(qtbot, bank: Path) -> None:
    window = open_window(qtbot, bank)
    add_step(window)
    qtbot.waitUntil(window.autosaver.copy_path.exists, timeout=3000)
    window.stack.undo()
    assert not window.autosaver.copy_path.exists()


def test_discarding_removes_the_copy_for_good(qtbot, bank: Path) -> None:
    window = open_window(qtbot, bank)
    add_step(window)
    qtbot.waitUntil(window.autosaver.copy_path.exists, timeout=3000)
    seen: list[str] = []
    answer_next_message(qtbot, QMessageBox.StandardButton.Discard, seen)
    window.close()
    assert seen and not window.isVisible()
    qtbot.wait(400)  # the closed window's deactivation and timers write nothing
    assert not window.autosaver.copy_path.exists()
    assert recovery.list_copies(include_live=True) == []


def test_after_a_discard_the_next_edit_is_protected_again(qtbot, bank: Path) -> None:
    window = open_window(qtbot, bank)
    add_step(window)
    qtbot.waitUntil(window.autosaver.copy_path.exists, timeout=3000)
    seen: list[str] = []
    answer_next_message(qtbot, QMessageBox.StandardButton.Discard, seen)
    assert window.maybe_save()  # as before opening another file, which then failed to open
    assert seen and not window.stack.isClean()
    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowDeactivate))
    qtbot.wait(400)
    assert not window.autosaver.copy_path.exists()  # the unsaved changes were given up
    add_step(window, "after")
    qtbot.waitUntil(window.autosaver.copy_path.exists, timeout=3000)


# ------------------------------------------------------------ the offer


def test_the_dialog_lists_a_copy_and_restore_gives_a_modified_window_on_the_file(qtbot, bank: Path) -> None:
    journey = template("banking", "en")
    edited = journey.model_copy(update={"steps": [*journey.steps, Step(id="step-late", title="Late", stage=journey.stages[0].id)]})
    left = left_by_a_crash(dumps(edited), bank)
    window = MainWindow()
    qtbot.addWidget(window, before_close_func=lambda w: (w.scene.commit_editors(), w.stack.setClean()))
    window.show()
    rows: list[list[str]] = []

    def restore(dialog: RecoveryDialog) -> None:
        table = dialog.table
        for i in range(table.topLevelItemCount()):
            rows.append([table.topLevelItem(i).text(c) for c in range(4)])
        dialog.restore_button.click()

    when_modal(qtbot, RecoveryDialog, restore)
    restored = offer_recovery(window)
    assert rows == [["bank.journey - Journey Workbench", str(bank), rows[0][2], "steps added: 1"]]
    assert restored == [window]
    assert window.path == bank
    assert not window.stack.isClean() and window.isWindowModified()
    assert dumps(window.document.journey) == dumps(edited)
    assert not left.exists()  # now the window's own copy holds it
    assert dumps(copy_of(window).loaded().journey) == dumps(edited)
    assert window.save()
    assert dumps(load(bank)) == dumps(edited)
    assert recovery.list_copies(include_live=True) == []


def test_several_copies_one_dialog_untitled_ones_too(qtbot, bank: Path) -> None:
    left_by_a_crash(dumps(template("banking", "en")), bank)
    left_by_a_crash(dumps(template("retail", "en")), None, "Untitled - Journey Workbench")
    window = MainWindow()
    qtbot.addWidget(window, before_close_func=lambda w: (w.scene.commit_editors(), w.stack.setClean()))
    window.show()
    files: list[str] = []

    def restore_all(dialog: RecoveryDialog) -> None:
        files.extend(dialog.table.topLevelItem(i).text(1) for i in range(dialog.table.topLevelItemCount()))
        dialog.restore_button.click()
        dialog.restore_button.click()

    when_modal(qtbot, RecoveryDialog, restore_all)
    restored = offer_recovery(window)
    assert sorted(files) == sorted([str(bank), "Untitled"])
    assert len(restored) == 2 and restored[0] is window and restored[1] is not window
    assert {w.path for w in restored} == {bank, None}
    assert all(not w.stack.isClean() for w in restored)
    assert sorted(w.document.journey.sector for w in restored) == ["banking", "retail"]


def test_save_as_and_discard_from_the_dialog(qtbot, bank: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = dumps(template("retail", "en"))
    saved = left_by_a_crash(text, None, "Untitled - Journey Workbench")
    dropped = left_by_a_crash(dumps(template("banking", "en")), bank)
    copies = {c.path: c for c in recovery.list_copies()}
    target = tmp_path / "rescued"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(target), ""))
    dialog = RecoveryDialog([copies[saved], copies[dropped]], lambda copy, loaded: None)
    qtbot.addWidget(dialog)
    dialog.table.setCurrentItem(dialog.table.topLevelItem(0))
    dialog.save_current()
    assert (tmp_path / "rescued.journey").read_bytes() == text
    assert not saved.exists() and dialog.table.topLevelItemCount() == 1
    seen: list[str] = []
    answer_next_message(qtbot, QMessageBox.StandardButton.Discard, seen)  # "Discard the unsaved changes...?"
    dialog.discard_current()
    assert seen and "bank.journey" in seen[0]
    assert not dropped.exists() and dialog.result() == RecoveryDialog.DialogCode.Accepted
    assert bank.exists()  # discarding a copy never touches the file


def test_start_up_opens_the_file_once_whether_restored_or_not(qtbot, bank: Path, tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    opened_paths: list[str] = []
    real_open = MainWindow.open_path

    def open_path(self: MainWindow, path: str | Path, ask: bool = True) -> bool:
        opened_paths.append(str(path))  # the restored file opened again would ask questions: only noted
        return path != str(bank) and real_open(self, path, ask=False)

    monkeypatch.setattr(MainWindow, "open_path", open_path)
    other = tmp_path / "other.journey"
    save(template("retail", "en"), other)
    left_by_a_crash(dumps(template("banking", "fr")), bank)
    window = MainWindow()
    qtbot.addWidget(window, before_close_func=lambda w: (w.scene.commit_editors(), w.stack.setClean()))
    window.show()
    when_modal(qtbot, RecoveryDialog, lambda dialog: dialog.restore_button.click())
    start_up(window, str(other))
    assert window.path == bank and window.document.journey.language == "fr"
    [opened] = recovery_dialog._windows
    assert opened.path == other and opened.stack.isClean()

    window2 = MainWindow()
    qtbot.addWidget(window2, before_close_func=lambda w: (w.scene.commit_editors(), w.stack.setClean()))
    left_by_a_crash(dumps(template("banking", "fr")), bank)
    when_modal(qtbot, RecoveryDialog, lambda dialog: dialog.restore_button.click())
    start_up(window2, str(bank))  # the restored copy is that file, with its unsaved changes
    assert opened_paths == [str(other)]
    assert window2.path == bank and not window2.stack.isClean()
    assert len(recovery_dialog._windows) == 1


def test_decide_later_keeps_the_copies(qtbot, bank: Path) -> None:
    left = left_by_a_crash(dumps(template("banking", "en")), bank)
    window = MainWindow()
    qtbot.addWidget(window, before_close_func=lambda w: (w.scene.commit_editors(), w.stack.setClean()))
    when_modal(qtbot, RecoveryDialog, lambda dialog: dialog.reject())
    assert offer_recovery(window) == []
    assert left.exists() and window.stack.isClean()


# --------------------------------------------------------------- versions


def test_versions_open_as_an_untitled_modified_copy(qtbot, bank: Path) -> None:
    window = open_window(qtbot, bank)
    add_step(window, "one")
    assert window.save()
    add_step(window, "two")
    assert window.save()
    first_saved = versions.list_versions(bank)[1].path.read_bytes()
    current = dumps(window.document.journey)
    dialog = VersionsDialog(window)
    qtbot.addWidget(dialog)
    assert [dialog.table.topLevelItem(i).text(1) for i in range(dialog.table.topLevelItemCount())] == ["16", "15"]
    dialog.table.setCurrentItem(dialog.table.topLevelItem(1))
    copy = dialog.open_current()
    assert copy is not None and copy is not window
    assert copy.path is None and not copy.stack.isClean()
    assert dumps(copy.document.journey) == first_saved
    assert dumps(window.document.journey) == current and window.path == bank and window.stack.isClean()


def test_the_versions_action_is_in_the_file_menu(qtbot) -> None:
    window = MainWindow()
    qtbot.addWidget(window)
    action = window.actions.versions
    assert action.statusTip() and action in window.menuBar().actions()[0].menu().actions()
    when_modal(qtbot, VersionsDialog, lambda dialog: dialog.reject())
    action.trigger()  # an untitled journey: the dialog says it has no versions yet


# ------------------------------------------- a teammate's change after a crash


def crashed_copy_of(qtbot, bank: Path) -> Path:  # type: ignore[no-untyped-def]
    """The copy a window editing *bank* leaves when its process dies (its copy, its session gone)."""
    window = open_window(qtbot, bank)
    add_step(window, "Mine, unsaved")
    assert window.autosaver.write_now(force=True)
    copy = window.autosaver.copy_path
    raw = json.loads(copy.read_text(encoding="utf-8"))
    assert raw["base"] == recovery_dialog.FileGuard.of(window).digest and raw["base"]
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    raw.update(pid=child.pid, process=None)
    left = copy.with_name("crashed" + copy.name)
    left.write_text(json.dumps(raw), encoding="utf-8")
    window.stack.setClean()  # (its own copy goes with it: the one left is the crashed one)
    window.close()
    return left


def teammates_change(bank: Path) -> None:
    """Someone else's version of the file (a git pull, a shared drive), written after the copy."""
    journey = load(bank)
    stages = journey.stages
    save(journey.model_copy(update={"steps": [*journey.steps, Step(id="step-theirs", title="TEAMMATE CHANGE",
                                                                     stage=stages[0].id)]}), bank)


def restore_only_copy(qtbot, copy_file: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window, before_close_func=lambda w: (w.scene.commit_editors(), w.stack.setClean()))
    window.show()
    copy = recovery.read_copy(copy_file)
    recovery_dialog.restore_into(window, copy, copy.loaded())
    return window


def test_saving_a_restored_copy_asks_before_overwriting_a_change_made_on_disk_since(qtbot, bank: Path) -> None:  # type: ignore[no-untyped-def]
    left = crashed_copy_of(qtbot, bank)
    teammates_change(bank)
    theirs = bank.read_bytes()
    window = restore_only_copy(qtbot, left)
    assert "Mine, unsaved" in [s.title for s in window.document.journey.steps]
    seen: list[str] = []
    answer_next_message(qtbot, QMessageBox.StandardButton.Cancel, seen)
    assert not window.save()
    assert seen and "changed on disk" in seen[0]
    assert bank.read_bytes() == theirs  # the teammate's change is still there
    assert not window.stack.isClean()  # and ours still to save


def test_a_change_on_disk_the_recovery_dialog_told_of_is_not_asked_about_again(qtbot, bank: Path) -> None:  # type: ignore[no-untyped-def]
    """Restored over a teammate's save, a question 2 s later offered Reload (losing the restored work) where
    the save's Overwrite button had been."""
    from tests.ui.test_file_guard import BoxSpy

    left = crashed_copy_of(qtbot, bank)
    teammates_change(bank)
    window = restore_only_copy(qtbot, left)
    spy = BoxSpy()
    recovery_dialog.FileGuard.of(window).check()  # what a change in the folder (the lock file) makes the watch do
    bank.with_name("other.txt").write_text("x", encoding="utf-8")
    qtbot.wait(700)
    assert spy.stop() == []
    assert "Mine, unsaved" in [s.title for s in window.document.journey.steps]
    seen: list[str] = []
    answer_next_message(qtbot, QMessageBox.StandardButton.Cancel, seen)
    assert not window.save()  # the save still asks before writing over the teammate's change
    assert seen and "changed on disk" in seen[0]


def test_a_restored_copy_of_a_file_someone_opened_since_says_why_it_is_read_only(qtbot, bank: Path) -> None:  # type: ignore[no-untyped-def]
    from workbench.model import locks

    left = crashed_copy_of(qtbot, bank)
    record = {"user": "Ana", "host": "laptop-2", "pid": 4242, "time": "2024-05-02T08:30:00+00:00", "token": "t"}
    locks.lock_path(bank).write_text(json.dumps(record), encoding="utf-8")  # a teammate has it open now
    window = restore_only_copy(qtbot, left)
    assert window.read_only and "Mine, unsaved" in [s.title for s in window.document.journey.steps]
    said = window.statusBar().currentMessage()  # (only the title bar said so)
    assert "restored" in said and bank.name in said and "Ana on laptop-2" in said and "another name" in said


def test_a_restored_copy_of_the_file_as_it_still_is_saves_without_asking(qtbot, bank: Path) -> None:  # type: ignore[no-untyped-def]
    left = crashed_copy_of(qtbot, bank)
    window = restore_only_copy(qtbot, left)
    assert window.save()
    assert "Mine, unsaved" in [s.title for s in load(bank).steps]


def test_a_copy_of_an_older_version_counts_a_file_changed_after_it_as_someone_elses(qtbot, bank: Path) -> None:  # type: ignore[no-untyped-def]
    """Copies written before they held the file's hash: a file changed after the copy was written asks."""
    journey = template("banking", "en")
    mine = journey.model_copy(update={"steps": [*journey.steps, Step(id="step-mine", title="Mine", stage=journey.stages[0].id)]})
    left = left_by_a_crash(dumps(mine), bank)
    raw = json.loads(left.read_text(encoding="utf-8"))
    del raw["base"]
    raw["saved_at"] = "2020-01-01T00:00:00+00:00"  # written long before the file last changed
    left.write_text(json.dumps(raw), encoding="utf-8")
    window = restore_only_copy(qtbot, left)
    seen: list[str] = []
    answer_next_message(qtbot, QMessageBox.StandardButton.Cancel, seen)
    assert not window.save()
    assert seen and "changed on disk" in seen[0]


def test_the_dialog_says_the_chosen_copy_s_comparison_whole(qtbot, bank: Path) -> None:  # type: ignore[no-untyped-def]
    """The table's last column cut the warning off ("the file on disk was saved after th…"): it is said whole below."""
    journey = template("banking", "en")
    mine = journey.model_copy(update={"steps": [*journey.steps, Step(id="step-mine", title="Mine", stage=journey.stages[0].id)]})
    left = left_by_a_crash(dumps(mine), bank)
    raw = json.loads(left.read_text(encoding="utf-8"))
    raw["saved_at"] = "2020-01-01T00:00:00+00:00"  # the file on disk was saved after this copy
    left.write_text(json.dumps(raw), encoding="utf-8")
    other = left_by_a_crash(dumps(template("retail", "en")), None, "Untitled - Journey Workbench")
    copies = {c.path: c for c in recovery.list_copies()}
    dialog = RecoveryDialog([copies[left], copies[other]], lambda copy, loaded: None)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    detail = dialog.findChild(QLabel, "recovery-detail")
    assert detail is not None and detail.isVisible() and detail.wordWrap()
    cell = dialog.table.topLevelItem(0).text(3)
    assert "the file on disk was saved after this copy" in cell
    assert detail.text() == f"{bank}: {cell}"
    dialog.table.setCurrentItem(dialog.table.topLevelItem(1))
    assert detail.text().startswith("Untitled: ")
