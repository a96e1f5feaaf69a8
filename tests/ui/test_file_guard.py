"""The window and its file: lock prompts, changes on disk, read-only documents.

Modal boxes are answered from a QTimer, by the object name of their button
(``lock-read-only``, ``reload``, ``overwrite``...), whatever the language.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoCommand
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox

from workbench.model import locks
from workbench.model.fileformat import dumps, load, load_file, save
from workbench.model.locks import lock_path, read_lock
from workbench.model.templates import skeleton
from workbench.ui.file_guard import FileGuard
from workbench.ui.main_window import MainWindow

Cancel = QMessageBox.StandardButton.Cancel


def answer(button: str | QMessageBox.StandardButton, seen: list[str], tries: int = 500) -> None:
    """Answer the next modal box with the button named *button*, noting its texts in *seen*."""

    def attempt(left: int) -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            if left:
                QTimer.singleShot(10, lambda: attempt(left - 1))
            return
        seen.append(box.text() + "\n" + box.informativeText())
        chosen = box.findChild(QAbstractButton, button) if isinstance(button, str) else box.button(button)
        assert chosen is not None, f"no button {button} in {box.text()!r}"
        chosen.click()

    QTimer.singleShot(0, lambda: attempt(tries))


class BoxSpy:
    """Records (and cancels) every modal box that shows up: a test of silence."""

    def __init__(self, over: QMessageBox | None = None) -> None:
        self.over = over  # a box already open, which is not recorded
        self.seen: list[str] = []
        self.timer = QTimer()
        self.timer.timeout.connect(self._look)
        self.timer.start(10)

    def _look(self) -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box is not self.over:
            self.seen.append(box.text())
            box.reject()

    def stop(self) -> list[str]:
        self.timer.stop()
        return self.seen


def make_window(qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    window = MainWindow()
    qtbot.addWidget(window, before_close_func=lambda w: (w.scene.commit_editors(), w.stack.setClean()))
    window.show()
    qtbot.waitExposed(window)
    return window


def title(window: MainWindow) -> str:
    """The title bar as shown (Qt puts "*" for "[*]" when modified)."""
    return window.windowTitle().replace("[*]", "*" if window.isWindowModified() else "")


def edit(window: MainWindow, title: str) -> None:
    """An unsaved change (the document changes; the stack stops being clean)."""
    window.document.update_journey(title=title)
    window.stack.push(QUndoCommand("edit"))


@pytest.fixture
def path(tmp_path: Path) -> Path:
    target = tmp_path / "plan.journey"
    save(skeleton("retail", "en"), target)
    return target


def foreign_lock(path: Path, **fields: object) -> bytes:
    record = {"user": "Ana", "host": "laptop-2", "pid": 4242, "time": "2024-05-02T08:30:00+00:00", "token": "t"}
    record.update(fields)
    raw = json.dumps(record).encode()
    incoming = lock_path(path).with_name("incoming-lock.tmp")
    incoming.write_bytes(raw)
    os.replace(incoming, lock_path(path))  # as an editor taking the lock over writes it
    return raw


def no_save_dialog(monkeypatch, returns: str = "") -> list[str]:  # type: ignore[no-untyped-def]
    """Replace the Save As file dialog; returns the list of times it was shown."""
    shown: list[str] = []

    def dialog(*args, **kwargs):  # type: ignore[no-untyped-def]
        shown.append(str(args[2]) if len(args) > 2 else "")
        return returns, ""

    monkeypatch.setattr("workbench.ui.window_files.QFileDialog.getSaveFileName", dialog)
    return shown


# ---------------------------------------------------------------- locks


def test_opening_makes_a_lock_and_closing_removes_it(qtbot, path: Path) -> None:
    window = make_window(qtbot)
    assert window.open_path(path)
    info = read_lock(path)
    assert info is not None and info.pid == os.getpid() and info.in_this_process
    window.close()
    assert not lock_path(path).exists()


def test_a_colleagues_lock_names_them_and_open_read_only_redirects_save(qtbot, path: Path, monkeypatch) -> None:
    raw = foreign_lock(path)
    window = make_window(qtbot)
    seen: list[str] = []
    answer("lock-read-only", seen)
    assert window.open_path(path)
    assert seen and "plan.journey is being edited by Ana on laptop-2 since" in seen[0]
    assert "2024" in seen[0] or "24" in seen[0]  # the date of the lock, in the user's locale
    assert window.read_only and window.path == path
    assert "plan.journey (read-only: opened by Ana on laptop-2)" in title(window)
    assert lock_path(path).read_bytes() == raw  # theirs, untouched
    shown = no_save_dialog(monkeypatch)
    before = path.read_bytes()
    edit(window, "Mine")
    assert not window.save()
    assert len(shown) == 1 and path.read_bytes() == before  # Save went to Save As
    window.stack.setClean()
    window.close()
    assert lock_path(path).read_bytes() == raw  # closing never removes someone else's lock


def test_open_a_copy_gives_an_untitled_journey_with_the_content(qtbot, path: Path) -> None:
    raw = foreign_lock(path)
    window = make_window(qtbot)
    answer("lock-copy", [])
    assert window.open_path(path)
    assert window.path is None and not window.read_only
    assert dumps(window.document.journey) == dumps(load(path))
    assert title(window).startswith("Untitled")
    assert lock_path(path).read_bytes() == raw


def test_open_anyway_takes_the_lock_over(qtbot, path: Path) -> None:
    foreign_lock(path)
    window = make_window(qtbot)
    answer("lock-anyway", [])
    assert window.open_path(path)
    assert not window.read_only and "read-only" not in title(window)
    info = read_lock(path)
    assert info is not None and info.pid == os.getpid() and info.user == locks.this_user()
    window.close()
    assert not lock_path(path).exists()


def test_cancel_keeps_what_was_open(qtbot, path: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.journey"
    save(skeleton("banking", "en"), other)
    window = make_window(qtbot)
    assert window.open_path(other)
    raw = foreign_lock(path)
    answer(Cancel, [])
    assert not window.open_path(path)
    assert window.path == other and read_lock(other).in_this_process  # type: ignore[union-attr]
    assert lock_path(path).read_bytes() == raw


def test_another_window_of_this_instance_is_told_so(qtbot, path: Path) -> None:
    first = make_window(qtbot)
    assert first.open_path(path)
    second = make_window(qtbot)
    seen: list[str] = []
    answer("lock-read-only", seen)
    assert second.open_path(path)
    assert "being edited by another window since" in seen[0]
    assert "(read-only: opened by another window)" in title(second)
    second.close()
    assert read_lock(path).in_this_process  # type: ignore[union-attr]
    first.close()
    assert not lock_path(path).exists()


def test_opening_the_same_file_again_in_its_window_asks_nothing(qtbot, path: Path) -> None:
    window = make_window(qtbot)
    assert window.open_path(path)
    spy = BoxSpy()
    assert window.open_path(path)
    assert spy.stop() == [] and not window.read_only


def test_a_stale_lock_is_taken_over_without_a_question(qtbot, path: Path) -> None:
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    foreign_lock(path, host=locks.this_host(), pid=proc.pid)
    window = make_window(qtbot)
    spy = BoxSpy()
    assert window.open_path(path)
    assert spy.stop() == []
    assert read_lock(path).pid == os.getpid() and not window.read_only  # type: ignore[union-attr]


def test_a_garbled_lock_is_someones_and_can_be_opened_anyway(qtbot, path: Path) -> None:
    lock_path(path).write_bytes(b"\x00 not a lock")
    window = make_window(qtbot)
    seen: list[str] = []
    answer("lock-anyway", seen)
    assert window.open_path(path)
    assert "locked by someone" in seen[0] and str(lock_path(path)) in seen[0]
    assert read_lock(path).in_this_process  # type: ignore[union-attr]


def test_the_lock_goes_when_another_file_is_opened_and_moves_with_save_as(qtbot, path: Path, tmp_path: Path, monkeypatch) -> None:
    other, renamed = tmp_path / "other.journey", tmp_path / "renamed.journey"
    save(skeleton("banking", "en"), other)
    window = make_window(qtbot)
    assert window.open_path(path)
    assert window.open_path(other)
    assert not lock_path(path).exists() and lock_path(other).exists()
    no_save_dialog(monkeypatch, str(renamed))
    assert window.save_as()
    assert not lock_path(other).exists() and read_lock(renamed).in_this_process  # type: ignore[union-attr]
    window.new_journey()  # File > Close
    assert not lock_path(renamed).exists()


def test_saving_over_a_file_someone_holds_asks_first(qtbot, path: Path, tmp_path: Path) -> None:
    target = tmp_path / "theirs.journey"
    save(skeleton("banking", "en"), target)
    foreign_lock(target)
    before = target.read_bytes()
    window = make_window(qtbot)
    seen: list[str] = []
    answer(Cancel, seen)
    assert not window._save_to(target)
    assert "being edited by Ana on laptop-2" in seen[0] and target.read_bytes() == before
    answer("save-anyway", seen)
    assert window._save_to(target)
    assert target.read_bytes() != before and read_lock(target).in_this_process  # type: ignore[union-attr]


# ------------------------------------------------------ changes on disk


def test_a_change_on_disk_offers_reload_which_shows_the_disk_content(qtbot, path: Path) -> None:
    window = make_window(qtbot)
    assert window.open_path(path)
    seen: list[str] = []
    answer("reload", seen)
    theirs = skeleton("banking", "en")
    path.write_bytes(dumps(theirs))  # written in place, as a simple editor does
    qtbot.waitUntil(lambda: window.document.journey.title == theirs.title, timeout=5000)
    assert "plan.journey has been changed on disk" in seen[0]
    assert window.stack.isClean() and window.path == path
    assert read_lock(path).in_this_process  # type: ignore[union-attr]  # still ours after the reload


def test_a_save_by_rename_is_noticed_again_and_again(qtbot, path: Path) -> None:
    """Editors that save by renaming replace the file's inode: the folder watch still sees it."""
    window = make_window(qtbot)
    assert window.open_path(path)
    for sector in ("banking", "health"):
        theirs = skeleton(sector, "en")
        answer("reload", [])
        tmp = path.with_name("incoming.tmp")
        tmp.write_bytes(dumps(theirs))
        os.replace(tmp, path)
        qtbot.waitUntil(lambda t=theirs: window.document.journey.title == t.title, timeout=5000)


def test_keep_mine_then_save_asks_before_overwriting(qtbot, path: Path) -> None:
    window = make_window(qtbot)
    assert window.open_path(path)
    edit(window, "Mine")
    seen: list[str] = []
    answer("keep-mine", seen)
    theirs = dumps(skeleton("banking", "en"))
    path.write_bytes(theirs)
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=5000)
    assert "unsaved changes will be lost" in seen[0]
    assert window.document.journey.title == "Mine" and window.isWindowModified()
    answer(Cancel, seen)
    assert not window.save()
    assert "changed on disk since you opened or last saved it" in seen[1]
    assert path.read_bytes() == theirs
    answer("overwrite", seen)
    assert window.save()
    assert load(path).title == "Mine" and not window.isWindowModified()
    spy = BoxSpy()
    edit(window, "Mine again")
    assert window.save()  # what we wrote is what we compare with now
    qtbot.wait(600)
    assert spy.stop() == []


def test_a_change_on_disk_waits_for_the_question_already_open(qtbot, path: Path) -> None:
    """The save's "Overwrite?" was open when the watch's "Reload?" came over it: a click meant for Overwrite
    hit Reload, and the unsaved work was gone."""
    window = make_window(qtbot)
    assert window.open_path(path)
    edit(window, "Mine")
    seen: list[str] = []
    answer("keep-mine", seen)
    path.write_bytes(dumps(skeleton("banking", "en")))
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=5000)
    overwrite: list[str] = []

    def change_then_overwrite() -> None:  # a teammate saves again while the question is open
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, change_then_overwrite)
            return
        overwrite.append(box.text())
        spy = BoxSpy(over=box)
        path.write_bytes(dumps(skeleton("health", "en")))
        qtbot.wait(800)  # the watch's settling time, several times over
        came_over.extend(spy.stop())
        box.findChild(QAbstractButton, "overwrite").click()

    came_over: list[str] = []
    QTimer.singleShot(0, change_then_overwrite)
    assert window.save()
    assert "changed on disk" in overwrite[0]
    assert came_over == []  # nothing came over the question
    assert load(path).title == "Mine"  # what the user chose: theirs overwritten knowingly, nothing else asked
    spy = BoxSpy()
    qtbot.wait(700)
    assert spy.stop() == []


def test_keep_mine_is_asked_once_per_change(qtbot, path: Path) -> None:
    window = make_window(qtbot)
    assert window.open_path(path)
    seen: list[str] = []
    answer("keep-mine", seen)
    path.write_bytes(dumps(skeleton("banking", "en")))
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=5000)
    spy = BoxSpy()
    lock_path(path).touch()  # anything else in the folder: no new question for the same change
    qtbot.wait(700)
    assert spy.stop() == []
    answer("keep-mine", seen)
    path.write_bytes(dumps(skeleton("health", "en")))  # a new change is a new question
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)


def test_a_file_deleted_then_put_back_is_noticed(qtbot, path: Path) -> None:
    """As ``git checkout`` does: the file's own watch is gone with it, the folder's remains."""
    window = make_window(qtbot)
    assert window.open_path(path)
    path.unlink()
    qtbot.waitUntil(window.isWindowModified, timeout=5000)
    theirs = skeleton("banking", "en")
    answer("reload", [])
    save(theirs, path)
    qtbot.waitUntil(lambda: window.document.journey.title == theirs.title, timeout=5000)
    assert not window.isWindowModified()


def test_someone_opening_anyway_is_noticed_and_saving_asks_twice(qtbot, path: Path) -> None:
    window = make_window(qtbot)
    assert window.open_path(path)
    edit(window, "Mine")
    foreign_lock(path)  # Ana chose "Open anyway"...
    qtbot.waitUntil(lambda: "opened anyway by Ana on laptop-2" in window.statusBar().currentMessage(), timeout=5000)
    seen: list[str] = []
    answer("keep-mine", seen)
    theirs = dumps(skeleton("banking", "en"))
    path.write_bytes(theirs)  # ...and saved
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=5000)
    answer("save-anyway", seen)
    answer("overwrite", seen)
    assert window.save()
    assert "being edited by Ana on laptop-2" in seen[1] and "changed on disk" in seen[2]
    assert load(path).title == "Mine" and read_lock(path).in_this_process  # type: ignore[union-attr]


def test_keep_mine_on_an_unchanged_journey_still_marks_it_modified(qtbot, path: Path) -> None:
    window = make_window(qtbot)
    assert window.open_path(path)
    seen: list[str] = []
    answer("keep-mine", seen)
    path.write_bytes(dumps(skeleton("banking", "en")))
    qtbot.waitUntil(lambda: window.isWindowModified(), timeout=5000)
    assert "keep the version shown" in seen[0]


def test_the_hash_is_checked_before_saving_even_when_no_watcher_fired(qtbot, path: Path, tmp_path: Path, monkeypatch) -> None:
    window = make_window(qtbot)
    assert window.open_path(path)
    FileGuard.of(window).watcher.blockSignals(True)  # a network drive: no notification comes
    edit(window, "Mine")
    theirs = dumps(skeleton("banking", "en"))
    path.write_bytes(theirs)
    elsewhere = tmp_path / "mine.journey"
    no_save_dialog(monkeypatch, str(elsewhere))
    seen: list[str] = []
    answer("save-as", seen)
    assert window.save()
    assert seen and "changed on disk" in seen[0]
    assert path.read_bytes() == theirs and load(elsewhere).title == "Mine" and window.path == elsewhere


def test_our_own_saves_never_prompt(qtbot, path: Path) -> None:
    window = make_window(qtbot)
    assert window.open_path(path)
    spy = BoxSpy()
    for title in ("One", "Two", "Three"):
        edit(window, title)
        assert window.save()
        qtbot.wait(300)
    assert spy.stop() == []
    assert str(path) in FileGuard.of(window).watcher.files()  # still watching the renamed-in file
    assert load(path).title == "Three"


def test_a_deleted_file_marks_the_journey_modified(qtbot, path: Path) -> None:
    window = make_window(qtbot)
    assert window.open_path(path)
    assert not window.isWindowModified()
    path.unlink()
    qtbot.waitUntil(window.isWindowModified, timeout=5000)
    assert "deleted or moved" in window.statusBar().currentMessage()


def test_a_folder_removed_under_the_file_is_said_so_and_save_as_starts_elsewhere(qtbot, tmp_path: Path, monkeypatch) -> None:
    """The folder was called "read-only", and Save As started in the program's own working folder, where Enter
    saved the journey (exploratory test)."""
    import shutil

    from workbench.model.fileformat import save as save_journey
    from workbench.model.templates import skeleton as make_skeleton

    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "plan.journey"
    save_journey(make_skeleton("retail", "en"), path)
    window = make_window(qtbot)
    assert window.open_path(path)
    edit(window, "Unsaved title")
    shutil.rmtree(folder)
    qtbot.waitUntil(lambda: "its folder no longer exists" in title(window), timeout=5000)
    # (Not "save to keep your journey there": there is no there; exploratory test.)
    assert window.statusBar().currentMessage() == (
        "The folder of plan.journey was deleted or moved; save your journey somewhere else (Save As).")
    starts: list[str] = []
    monkeypatch.setattr("workbench.ui.window_files.QFileDialog.getSaveFileName",
                        lambda parent, caption, start, filters: starts.append(start) or ("", ""))
    assert not window.save()  # (nowhere to save over: Save As, cancelled here)
    assert starts and Path(starts[0]).name == "plan.journey" and Path(starts[0]).parent.is_dir()
    assert Path(starts[0]).parent != Path.cwd() or Path.cwd() == Path.home()


# --------------------------------------------------------- read-only


def test_a_newer_version_file_is_read_only_and_save_goes_to_save_as(qtbot, tmp_path: Path, monkeypatch) -> None:
    newer = tmp_path / "future.journey"
    newer.write_text(
        json.dumps({"format": "journey-workbench", "version": 99, "journey": {"title": "From the future"}}),
        encoding="utf-8",
    )
    window = make_window(qtbot)
    assert window.open_path(newer)
    assert window.read_only and "future.journey (read-only: made by a newer version)" in title(window)
    assert not lock_path(newer).exists()  # never written over: nobody to keep out
    shown = no_save_dialog(monkeypatch)
    before = newer.read_bytes()
    assert not window.save()
    assert len(shown) == 1 and newer.read_bytes() == before


def test_a_newer_version_file_is_never_written_over_even_when_save_as_names_it(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                               monkeypatch) -> None:
    """Save As offered the file's own name; Enter (and Yes to replace) wrote this version's journey over it."""
    newer = tmp_path / "future.journey"
    newer.write_text(
        json.dumps({"format": "journey-workbench", "version": 99, "journey": {"title": "From the future"}}),
        encoding="utf-8",
    )
    elsewhere = tmp_path / "mine.journey"
    window = make_window(qtbot)
    assert window.open_path(newer)
    before = newer.read_bytes()
    names = [str(newer), str(elsewhere)]
    shown: list[str] = []

    def dialog(*args, **kwargs):  # type: ignore[no-untyped-def]
        shown.append(str(args[2]))
        return names.pop(0), ""

    monkeypatch.setattr("workbench.ui.window_files.QFileDialog.getSaveFileName", dialog)
    seen: list[str] = []
    answer(QMessageBox.StandardButton.Ok, seen)
    assert window.save()
    assert len(seen) == 1 and "future.journey was made by a newer version" in seen[0]
    assert "another name" in seen[0]
    assert newer.read_bytes() == before and not newer.with_name("future.journey.bak").exists()
    assert len(shown) == 2  # ...and Save As again, where the work went
    assert shown[0] == shown[1] == str(tmp_path / "future (copy).journey")  # (it offered the file's own name)
    # (a faithful copy: written as the newer version it came from, never downgraded)
    assert load_file(elsewhere, allow_newer=True).journey.title == "From the future"
    assert window.path == elsewhere


def test_a_file_without_write_permission_is_read_only(qtbot, path: Path, monkeypatch) -> None:
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    window = make_window(qtbot)
    assert window.open_path(path)
    assert window.read_only and "plan.journey (read-only file)" in title(window)
    assert not lock_path(path).exists()
    shown = no_save_dialog(monkeypatch)
    edit(window, "Mine")
    assert not window.save() and len(shown) == 1
    window.stack.setClean()


def test_a_file_made_writable_while_open_saves_over_itself(qtbot, path: Path, monkeypatch) -> None:
    """It stayed "(read-only file)" once made writable, and Save went to Save As until it was opened again."""
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
    window = make_window(qtbot)
    assert window.open_path(path)
    shown = no_save_dialog(monkeypatch)
    edit(window, "Mine")
    path.chmod(stat.S_IRUSR | stat.S_IWUSR | stat.S_IRGRP | stat.S_IROTH)
    assert window.save() and shown == []  # at once, before the watch has said anything
    assert load(path).title == "Mine" and not window.read_only and "read-only" not in title(window)
    assert lock_path(path).exists()  # and it is guarded as any file opened writable
    path.chmod(stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)  # and back: the watch tells the title bar
    qtbot.waitUntil(lambda: "(read-only file)" in title(window), timeout=5000)
    assert window.read_only


def test_once_the_one_who_opened_anyway_closes_the_window_still_editing_locks_the_file_again(qtbot, path: Path) -> None:
    """Ana opened the file anyway, then closed it: this window still has it open with unsaved changes,
    so whoever opens it next must be told (the lock was gone, and the next opener was not warned)."""
    window = make_window(qtbot)
    assert window.open_path(path)
    edit(window, "Mine")
    foreign_lock(path)  # Ana chose "Open anyway"...
    qtbot.waitUntil(lambda: "opened anyway by Ana on laptop-2" in window.statusBar().currentMessage(), timeout=5000)
    assert not read_lock(path).in_this_process  # type: ignore[union-attr]
    lock_path(path).unlink()  # ...and closed it
    qtbot.waitUntil(lambda: read_lock(path) is not None and read_lock(path).in_this_process, timeout=5000)  # type: ignore[union-attr]
    other = make_window(qtbot)
    seen: list[str] = []
    answer("lock-read-only", seen)
    assert other.open_path(path)
    assert "being edited by another window since" in seen[0]
    assert other.read_only
    window.stack.setClean()
    window.close()
    assert read_lock(path) is None  # and it goes when this window closes


def test_a_read_only_window_does_not_take_a_lock_that_is_freed(qtbot, path: Path) -> None:
    foreign_lock(path, pid=os.getpid() + 100000, host="laptop-2")  # Ana has it open (on another machine)
    window = make_window(qtbot)
    answer("lock-read-only", [])
    assert window.open_path(path) and window.read_only
    lock_path(path).unlink()  # Ana closes it
    path.write_bytes(path.read_bytes())  # (a change in the folder: the window looks)
    QTest.qWait(600)
    assert read_lock(path) is None  # read-only: it will not save over the file, it keeps nobody out


# ---------------------------------------------------------------- merging a change on disk


def theirs_with(path: Path, **titles: str) -> bytes:
    """A teammate's save of *path*: the steps named by id retitled, and a step of their own added."""
    from workbench.model.journey import Step

    journey = load(path)
    steps = [s.model_copy(update={"title": titles[s.id]}) if s.id in titles else s for s in journey.steps]
    steps.append(Step(id="step-theirs", title="THEIRS", stage=journey.stages[0].id, order=9999))
    data = dumps(journey.model_copy(update={"steps": steps}))
    path.write_bytes(data)
    return data


def add_mine(window: MainWindow) -> None:
    """An unsaved edit of ours, through an undoable command: a step of our own."""
    from workbench.model.journey import Step
    from workbench.ui.commands import perform

    stage = window.document.journey.stages[-1].id
    perform(window.stack, window.document, "Add step", lambda: window.document.add(Step(id="step-mine", title="MINE", stage=stage, order=9998)))


def titles(window: MainWindow) -> list[str]:
    return [s.title for s in window.document.journey.steps]


def mine_then_theirs(qtbot, path: Path, button: str) -> tuple[MainWindow, list[str]]:  # type: ignore[no-untyped-def]
    """A window with a step of ours unsaved, then a teammate's save on disk; its question answered with *button*."""
    window = make_window(qtbot)
    assert window.open_path(path)
    add_mine(window)
    seen: list[str] = []
    answer(button, seen)
    theirs_with(path)
    return window, seen


def test_merge_keeps_the_change_on_disk_and_the_unsaved_one(qtbot, path: Path) -> None:
    """Keep Mine then Overwrite lost the teammate's step; Reload lost ours. Merge keeps both."""
    window, seen = mine_then_theirs(qtbot, path, "merge")
    qtbot.waitUntil(lambda: "THEIRS" in titles(window), timeout=5000)
    assert "MINE" in titles(window) and window.isWindowModified()
    assert "Merge" in seen[0] and "Merged the changes on disk with yours, with no conflict" in window.statusBar().currentMessage()
    # They take their step out again: merged from what the file held (theirs), it goes, and ours stays.
    journey = load(path)
    answer("merge", seen)
    path.write_bytes(dumps(journey.model_copy(update={"steps": [s for s in journey.steps if s.id != "step-theirs"]})))
    qtbot.waitUntil(lambda: "THEIRS" not in titles(window), timeout=5000)
    assert "MINE" in titles(window) and list(window.document.journey.conflicts) == []
    spy = BoxSpy()
    assert window.save()  # theirs is in: nothing to overwrite, nothing asked
    assert spy.stop() == []
    saved = {s.title for s in load(path).steps}
    assert "MINE" in saved and "THEIRS" not in saved


def test_a_merge_is_one_undo_step_and_the_history_before_it_stays(qtbot, path: Path) -> None:
    """A merge started the undo history again: the work from before it could not be undone to."""
    window, seen = mine_then_theirs(qtbot, path, "merge")
    ours = window.document.journey
    qtbot.waitUntil(lambda: "THEIRS" in titles(window), timeout=5000)
    merged = window.document.journey
    assert window.stack.count() == 2 and window.stack.undoText() == "Merge changes on disk"
    window.stack.undo()
    assert window.document.journey == ours  # exactly what was shown before the merge
    window.stack.undo()
    assert "MINE" not in titles(window)  # and the edit before it, undone as ever
    window.stack.redo()
    window.stack.redo()
    assert window.document.journey == merged and window.isWindowModified()
    spy = BoxSpy()
    assert window.save()  # the merge holds theirs: nothing to overwrite, nothing asked
    assert spy.stop() == []
    assert {"MINE", "THEIRS"} <= {s.title for s in load(path).steps}
    # Saved since, undoing the merge leaves the guard's view of the file as the save left it: the next save
    # writes over our own save without asking about it (it asked, the hash from before the save restored; review).
    window.stack.undo()
    spy = BoxSpy()
    assert window.save()
    assert spy.stop() == []
    window.stack.redo()
    spy = BoxSpy()
    assert window.save()
    assert spy.stop() == [] and {"MINE", "THEIRS"} <= {s.title for s in load(path).steps}


def test_after_undoing_a_merge_a_save_asks_before_writing_over_the_change_on_disk(qtbot, path: Path) -> None:
    window, seen = mine_then_theirs(qtbot, path, "merge")
    qtbot.waitUntil(lambda: "THEIRS" in titles(window), timeout=5000)
    window.stack.undo()
    assert "THEIRS" not in titles(window) and window.isWindowModified()
    qtbot.wait(700)  # the watch's settling time, several times over
    assert len(seen) == 1  # the change on disk is not asked about again, as after "Keep mine"
    answer(QMessageBox.StandardButton.Cancel, seen)
    assert not window.save()  # but a save does not write over it without asking
    assert "has been changed on disk" in seen[1]
    assert "THEIRS" in {s.title for s in load(path).steps}


def test_a_field_both_changed_keeps_ours_and_offers_theirs_as_a_conflict(qtbot, path: Path) -> None:
    window = make_window(qtbot)
    assert window.open_path(path)
    first = window.document.journey.steps[0].id
    window.document.update(first, title="Our title")
    window.stack.push(QUndoCommand("edit"))
    seen: list[str] = []
    answer("merge", seen)
    theirs_with(path, **{first: "Their title"})
    qtbot.waitUntil(lambda: "THEIRS" in titles(window), timeout=5000)
    assert window.document.get(first).title == "Our title"
    conflicts = window.document.journey.conflicts
    assert len(conflicts) == 1 and "Their title" in str(conflicts[0].model_dump())
    assert "1 conflict to settle" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: window.conflicts.dock.isVisible(), timeout=5000)
    window.stack.undo()  # the merge undone: no conflict, and no dock saying there is none left to settle
    assert window.document.get(first).title == "Our title" and not window.document.journey.conflicts
    assert not window.conflicts.dock.isVisible()
    window.stack.redo()
    assert window.conflicts.dock.isVisible() and len(window.conflicts.rows()) == 1


def test_merge_from_the_save_question_after_keep_mine(qtbot, path: Path) -> None:
    window, seen = mine_then_theirs(qtbot, path, "keep-mine")
    qtbot.waitUntil(lambda: len(seen) == 1, timeout=5000)
    assert "THEIRS" not in titles(window)
    answer("merge", seen)
    assert not window.save()  # merged, not saved: the user looks first
    assert "Merge" in seen[1] and {"MINE", "THEIRS"} <= set(titles(window)) and window.isWindowModified()
    assert "THEIRS" in {s.title for s in load(path).steps} and "MINE" not in {s.title for s in load(path).steps}
    spy = BoxSpy()
    assert window.save()
    assert spy.stop() == []
    assert {"MINE", "THEIRS"} <= {s.title for s in load(path).steps}
    # The next merge starts from what was saved: our step, which they remove now, is not taken for one we added.
    journey = load(path)
    path.write_bytes(dumps(journey.model_copy(update={"steps": [s for s in journey.steps if s.id != "step-mine"]})))
    answer("merge", seen)
    edit(window, "Our new title")
    qtbot.waitUntil(lambda: "MINE" not in titles(window), timeout=5000)
    assert window.document.journey.title == "Our new title" and "THEIRS" in titles(window)
    assert list(window.document.journey.conflicts) == []
