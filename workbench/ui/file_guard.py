"""The window's watch over its file: who else has it open, and what changed on disk.

Three promises of "work is never lost" meet here (the lock files and hashes
themselves are :mod:`workbench.model.locks`, without Qt):

* Opening a file someone holds (another window, another instance, a
  colleague on a shared drive) says who and since when, and offers Open
  read-only / Open a copy / Open anyway / Cancel. A crash's stale lock is
  taken over without a word.
* A change on disk (another editor, a ``git pull``, a sync client) is noticed
  by watching the file *and* its folder (editors that save by renaming give
  the file a new inode, which a watch on the file alone loses), and offers
  Reload or Keep mine. Our own saves are recognised by their hash.
* No save ever silently overwrites a file that changed since it was loaded
  or saved: the hash is checked right before writing (watchers miss changes
  on network drives), and a mismatch asks Overwrite / Save As / Cancel.
* Unsaved work meeting a change on disk can be merged with it (Merge, in
  both questions): a three-way merge from the journey as last read or
  written, where both sides changed the same thing ours is kept and theirs
  offered in the Merge conflicts panel, as one undo step (:mod:`workbench.ui.disk_merge`).

It is a child of the window, made on first use (:meth:`FileGuard.of`), so the
window's constructor needs nothing from it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QFileSystemWatcher, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from workbench.model.errors import LoadError
from workbench.model.fileformat import Loaded, load_file
from workbench.model.journey import COLLECTIONS, Journey
from workbench.model.locks import (
    Lock,
    LockHeld,
    LockInfo,
    acquire,
    file_digest,
    is_writable,
    read_lock,
    same_file,
    take_over,
)
from workbench.ui import messages
from workbench.ui.file_questions import CANCEL, MERGE, RELOAD, SAVE, SAVE_AS, FileQuestions

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow

#: Changes on disk come in bursts (a temporary file, a rename, a backup): wait for the last.
SETTLE_MS = 200


@dataclass
class Opened:
    """A file read for a window, and on what terms: *path* None for a copy, *holder* when read-only."""

    loaded: Loaded
    path: Path | None
    digest: str | None = None
    lock: Lock | None = None
    holder: LockInfo | None = None


class FileGuard(FileQuestions, QObject):
    """Locks, watches and checks the one file a window shows."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("file-guard")
        self.window = window
        self.path: Path | None = None
        self.digest: str | None = None
        """SHA-256 of the file as we last read or wrote it: a different hash on disk is someone else's."""
        self.lock: Lock | None = None
        self.holder: LockInfo | None = None
        """Who held the lock when we opened read-only because of it."""
        self.newer = False
        self.note: str | None = None
        self.watcher = QFileSystemWatcher(self)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SETTLE_MS)
        self.timer.timeout.connect(self.check)
        self.watcher.fileChanged.connect(lambda _path: self.timer.start())
        self.watcher.directoryChanged.connect(lambda _path: self.timer.start())
        self._pending: Opened | None = None
        self.base: Journey | None = None
        """The journey as last read from or written to the file: what a merge with a change on disk starts from
        (None: not known, a recovered copy's; every difference is then a conflict)."""
        self.kept: str | None = None
        """The disk hash the user chose "Keep mine" over (not asked about again)."""
        self._agreed: Path | None = None  # a locked target the user chose to save over
        self._gone = False
        self._asking = False

    @staticmethod
    def of(window: MainWindow) -> FileGuard:
        """The window's guard, made on first use (the window's constructor is not ours to change)."""
        guard = window.findChild(FileGuard, "file-guard", Qt.FindChildOption.FindDirectChildrenOnly)
        return guard if guard is not None else FileGuard(window)

    @property
    def read_only(self) -> bool:
        return self.note is not None

    # ------------------------------------------------------------ opening

    def open(self, path: Path) -> Opened | None:
        """Read *path* and settle its lock, asking if someone holds it; None when cancelled.

        Raises :class:`LoadError` for a file that does not load (no lock is left then).
        """
        loaded, digest = read_with_digest(path)
        opened = Opened(loaded, path, digest)
        if loaded.read_only or not is_writable(path):
            pass  # never written over: no need to keep others out
        elif self.lock is not None and same_file(self.lock.document, path) and self.lock.is_ours():
            opened.lock = self.lock  # the file this window already holds, opened again
        else:
            try:
                opened.lock = acquire(path)
            except LockHeld as held:
                choice = self._ask_locked(path, held.info)
                if choice == "cancel":
                    return None
                if choice == "copy":
                    loaded.notices.append(self.tr("This is a copy of {path}: save it under a new name.").format(path=path))
                    return Opened(loaded, None)
                if choice == "read-only":
                    opened.holder = held.info
                else:
                    opened.lock = _quietly(take_over, path)
            except OSError:
                pass  # a read-only folder or share: no lock can be made, nor a save
        self._pending = opened
        return opened

    def adopt(self, loaded: Loaded, path: Path | None) -> bool:
        """Follow the window to the journey it now shows; True when it must not be saved over its file.

        Called by every ``set_journey``: what :meth:`open` settled is used
        when it is for this path; the same file shown again (a reload, a
        recovered copy) keeps its lock; any other file is locked quietly.
        """
        pending, self._pending = self._pending, None
        if pending is not None and (path is None or pending.path is None or not same_file(path, pending.path)):
            if pending.lock is not None and pending.lock is not self.lock:
                pending.lock.release()
            pending = None
        if pending is not None:
            lock, holder, digest = pending.lock, pending.holder, pending.digest
        elif path is not None and self.path is not None and same_file(path, self.path):
            lock, holder, digest = self.lock, self.holder, file_digest(path)
        elif path is not None:
            lock, holder, digest = *self._lock_quietly(path, loaded), file_digest(path)
        else:
            lock, holder, digest = None, None, None
        if self.lock is not None and self.lock is not lock:
            self.lock.release()
        self.lock, self.holder, self.digest, self.path = lock, holder, digest, path
        self.base = loaded.journey if path is not None else None  # (the document edits copies of its lists)
        self.newer = loaded.read_only
        self.kept, self._gone, self._agreed = None, False, None
        self._watch()
        self.note = self._note()
        return self.read_only

    def restored(self, base: str | None, written: datetime) -> None:
        """The journey shown is a recovery copy of work on this file, written at *written* by a session that
        had last read or saved the file with hash *base*: a file on disk that differs is someone else's
        change since (a teammate's, a ``git pull``), and a save asks before overwriting it. Without *base*
        (a copy of an older version), a file changed on disk after the copy was written counts as such."""
        if self.path is None:
            return
        if base is None:
            try:
                changed = self.path.stat().st_mtime > written.timestamp()
            except OSError:
                changed = False
            base = None if changed else self.digest
        self.digest = base
        # The recovery dialog said the file changed after the copy, and the user restored the copy over it:
        # that change is not asked about again (a question 2 s later offered Reload where the save's
        # Overwrite had been). A save still asks before writing over it (the hash differs from *base*).
        disk = file_digest(self.path)
        self.kept = disk if disk != base else None
        self.base = None  # (the journey shown is the copy, not what the file held)

    def _lock_quietly(self, path: Path, loaded: Loaded) -> tuple[Lock | None, LockInfo | None]:
        if loaded.read_only or not is_writable(path):
            return None, None
        try:
            return acquire(path), None
        except LockHeld as held:
            return None, held.info  # nobody to ask here: read-only, and Save goes to Save As
        except OSError:
            return None, None

    def reload(self) -> bool:
        """Show the file as it is on disk now, on the same terms (lock, read-only) as before."""
        disk = self._read_disk(self.tr("Cannot reload journey"))
        if disk is None:
            return False
        self.show_loaded(*disk)
        return True

    def _read_disk(self, failure: str) -> tuple[Loaded, str | None] | None:
        """The file as it is on disk now and its hash; None (and *failure* said, with why) if it cannot be read."""
        if self.path is None:
            return None
        try:
            return read_with_digest(self.path)
        except LoadError as error:
            messages.warning(self.window, failure, error.message)
            return None

    def show_loaded(self, loaded: Loaded, digest: str | None) -> None:
        """Show *loaded* (read from this file, with *digest*) on the same terms (lock, read-only) as before."""
        self._pending = Opened(loaded, self.path, digest, self.lock, self.holder)
        self.window.set_journey(loaded, self.path)

    def merge(self) -> bool:
        """Merge the file as it is on disk now into the journey shown, as one undo step (see :mod:`disk_merge`)."""
        disk = self._read_disk(self.tr("Cannot merge the changes on disk"))
        if disk is None:
            return False
        from workbench.ui.disk_merge import merge_from_disk

        merge_from_disk(self, *disk)
        return True

    def release(self) -> None:
        """The window closes: give the lock back, stop watching."""
        if self.lock is not None:
            self.lock.release()
        self.lock, self.path, self.digest, self.holder = None, None, None, None
        self._watch()

    # ------------------------------------------------------------- saving

    def before_save(self, path: Path) -> str:
        """SAVE, SAVE_AS or CANCEL: ask before writing over someone's file or someone's changes.

        A file made by a newer version is never written over (Save As offered its own name, and its
        Enter wrote this version's journey over it): say why, and Save As again.
        """
        if self.newer and self.path is not None and same_file(path, self.path):
            self._tell_newer(path)
            return SAVE_AS
        ours = self.lock is not None and same_file(self.lock.document, path) and self.lock.is_ours()
        if not ours:
            info = read_lock(path)
            if info is not None and not info.is_stale():
                if not self._ask_in_use(path, info):
                    return CANCEL
                self._agreed = path
        if self.path is not None and same_file(path, self.path):
            disk = file_digest(path)
            if disk is not None and disk != self.digest:
                verdict = self._ask_overwrite(path)
                if verdict == MERGE:
                    self.merge()  # then the user looks at the result and saves it
                    return CANCEL
                return verdict
        return SAVE

    def saved(self, path: Path) -> None:
        """*path* now holds our journey: remember its hash, and move the lock there."""
        agreed = self._agreed is not None and same_file(self._agreed, path)
        lock = self.lock if self.lock is not None and same_file(self.lock.document, path) else None
        if lock is not None and not lock.is_ours():
            lock.forget()
            lock = None
        if lock is None:
            try:
                lock = acquire(path)
            except LockHeld:
                lock = _quietly(take_over, path) if agreed else None
            except OSError:
                lock = None
        if self.lock is not None and self.lock is not lock:
            self.lock.release()
        self.lock, self.holder, self.path = lock, None, path
        self.digest = file_digest(path)
        self.base = snapshot(self.window.document.journey)
        self.newer, self.kept, self._gone, self._agreed = False, None, False, None
        self._watch()
        self.note = self._note()

    # -------------------------------------------------------- on the disk

    def check(self) -> None:
        """Compare the file on disk with what we read or wrote; offer a reload when it changed."""
        if self.path is None or self._asking:
            return
        if QApplication.activeModalWidget() is not None:
            # Never a question over another one (the save's "Overwrite?", a dialog): a click meant for the
            # one below landed on this one's Reload. Asked once the other is answered.
            self.timer.start()
            return
        self._watch()  # a file replaced by a rename drops out of the watch
        self.look_again()
        self._check_lock()
        disk = file_digest(self.path)
        if disk is None:
            if not self._gone:
                self._gone = True
                self.window.stack.resetClean()  # only this window holds the journey now: closing asks
                self.look_again()  # (its folder gone too: the title says so)
                self.window.show_message(
                    self.tr("{name} was deleted or moved on disk; save to keep your journey there.").format(
                        name=self.path.name
                    )
                    if self.path.parent.is_dir()
                    else self.tr("The folder of {name} was deleted or moved; save your journey somewhere else "
                                 "(Save As).").format(name=self.path.name)
                )
            return
        self._gone = False
        if disk in (self.digest, self.kept):
            return
        self._asking = True
        try:
            choice = self._ask_reload(self.path)
        finally:
            self._asking = False
        if not (choice == RELOAD and self.reload() or choice == MERGE and self.merge()):
            self.kept = disk
            if not self.window.read_only:
                self.window.stack.resetClean()  # what is shown is no longer what is on disk
        self.timer.start()  # changes that came while the question was open

    def look_again(self) -> None:
        """The file made writable, or read-only, since it was opened (a ``chmod``): the window follows.

        It stayed "(read-only file)" once made writable, and Save went to Save As until the file was opened
        again. (Read-only for another reason, a holder or a newer version, stays so.)
        """
        note = self._note()
        if note == self.note:
            return
        self.note = note
        self.window.read_only = self.read_only
        self.window._update_title()

    def _check_lock(self) -> None:
        """Someone chose "Open anyway": stop counting the lock as ours, and say so once.

        Without a lock (someone took it over), take it back once it is free again: the one who opened
        anyway closed the file, and this window still has it open, perhaps with unsaved changes. Those
        who open it next are told so, as before.
        """
        if self.lock is None:
            self._lock_again()
            return
        if self.lock.is_ours():
            return
        self.lock.forget()
        self.lock = None
        info = read_lock(self.path) if self.path is not None else None
        if info is not None and self.path is not None:
            self.window.show_message(
                self.tr("{name} was opened anyway by {holder}; saving will ask before overwriting their changes.").format(
                    name=self.path.name, holder=self.holder_text(info)
                )
            )

    def _lock_again(self) -> None:
        """Lock the file again if it is free (read-only windows never lock: they do not save over it)."""
        if self.path is None or self.read_only or self.holder is not None:
            return
        if not self.path.exists() or not is_writable(self.path):
            return
        try:
            self.lock = acquire(self.path)  # (a lock left by an editor that died is taken over, as at open)
        except (LockHeld, OSError):
            pass  # still held, or no lock can be made there: looked at again at the next change

    def _watch(self) -> None:
        wanted = [] if self.path is None else [str(self.path), str(self.path.parent)]
        wanted = [p for p in wanted if os.path.exists(p)]
        current = self.watcher.files() + self.watcher.directories()
        stale = [p for p in current if p not in wanted]
        if stale:
            self.watcher.removePaths(stale)
        new = [p for p in wanted if p not in current]
        if new:
            self.watcher.addPaths(new)


def snapshot(journey: Journey) -> Journey:
    """*journey* as it is now: a document changes its element lists in place (the elements themselves never
    change, so the lists are copied, not the elements)."""
    return journey.model_copy(update={name: list(getattr(journey, name)) for name in COLLECTIONS})


def read_with_digest(path: Path) -> tuple[Loaded, str | None]:
    """The journey in *path* and the hash of exactly the bytes it came from.

    Hashed before and after reading: if the file changed in between (a save
    from elsewhere landing at that moment), it is read again, so the hash
    never vouches for content we did not show.
    """
    for _attempt in range(3):
        before = file_digest(path)
        loaded = load_file(path, allow_newer=True)
        after = file_digest(path)
        if before == after:
            break
    return loaded, after


def _quietly(make: Callable[[Path], Lock], path: Path) -> Lock | None:
    """*make*'s lock, or None where no lock can be written (a read-only share): opening goes on."""
    try:
        return make(path)
    except OSError:
        return None
