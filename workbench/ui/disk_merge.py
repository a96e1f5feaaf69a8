"""Merge: a change on disk (a teammate's save, a ``git pull``) merged into the unsaved journey shown.

The three-way merge (:mod:`workbench.model.interop.merge`) starts from the
journey as last read or written (:attr:`FileGuard.base`). Where both sides
changed the same thing, ours is kept and theirs offered in the Merge
conflicts panel. The result is left unsaved: the user looks, then saves.

It is one undo step ("Merge changes on disk"): the journey shown is edited
into the merged one (:func:`workbench.model.becoming.edit_into`), so Undo
gives back exactly what was shown before, and the history before it stays.
Before, the merge was shown as a new document: the undo history started
again, and the work from before the merge could not be undone to. Undone,
the change on disk is again one the journey does not hold, as after "Keep
mine": it is not asked about again, and a save asks before writing over it.
Redone, it is held again. A merge that cannot be made edit by edit (never
seen in random merges, see the tests) is shown as a new document as before.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from workbench.i18n import ntr
from workbench.model.errors import EditError
from workbench.model.fileformat import Loaded
from workbench.model.journey import Journey
from workbench.ui.commands import last_command, perform

if TYPE_CHECKING:
    from workbench.ui.file_guard import FileGuard


@dataclass(frozen=True)
class FileView:
    """What the guard and the window hold about the file, on one side of the merge."""

    digest: str | None
    base: Journey | None
    kept: str | None
    loaded: Loaded

    @staticmethod
    def of(guard: FileGuard) -> FileView:
        return FileView(guard.digest, guard.base, guard.kept, guard.window.loaded)

    def put(self, guard: FileGuard) -> None:
        guard.digest, guard.base, guard.kept, guard.window.loaded = self.digest, self.base, self.kept, self.loaded


def merge_from_disk(guard: FileGuard, theirs: Loaded, digest: str | None) -> None:
    """Merge *theirs* (the file as it is on disk now, with *digest*) into the journey *guard*'s window shows."""
    from workbench.model.becoming import edit_into  # (first use, with the merge)
    from workbench.model.interop.merge import merge_journeys

    window = guard.window
    document = window.document
    result = merge_journeys(guard.base, document.journey, theirs.journey)
    merged = replace(theirs, journey=result.journey, notices=[], checked=False)
    label = QCoreApplication.translate("FileGuard", "Merge changes on disk")
    before = FileView.of(guard)
    # After: the file holds theirs, and the next merge starts from it.
    after = FileView(digest, theirs.journey, None, merged)
    try:
        if theirs.read_only:  # (a newer version's file: shown read-only, as a reload shows it)
            raise EditError("")
        changed = perform(window.stack, document, label, lambda: edit_into(document, result.journey, label))
    except EditError:
        guard.show_loaded(merged, digest)
        guard.base = theirs.journey
    else:
        after.put(guard)
        command = last_command(window.stack) if changed else None
        if command is not None:
            undone = replace(before, kept=digest)  # the change on disk not held again: as after "Keep mine"
            path = guard.path
            command.when_undone = lambda: _follow(guard, path, after, undone)
            command.when_redone = lambda: _follow(guard, path, undone, after)
        window.conflicts.journey_shown()  # the dock shows the merge's conflicts
    window.stack.resetClean()  # what is shown is on disk nowhere yet
    count = len(result.journey.conflicts)
    window.show_message(
        ntr(
            "Merged the changes on disk with yours: {count} conflict to settle in the Merge conflicts panel, then save.",
            "Merged the changes on disk with yours: {count} conflicts to settle in the Merge conflicts panel, then save.",
            count,
        )
        if count
        else QCoreApplication.translate(
            "FileGuard", "Merged the changes on disk with yours, with no conflict: save to keep the result."
        )
    )


def _follow(guard: FileGuard, path: object, was: FileView, view: FileView) -> None:
    """The merge undone or redone: the guard takes *view* if it still holds *was* (the same file, not saved
    since). Saved since, the file holds what was saved, and the guard's view of it stays: restored, the hash
    from before the save made the next save ask about our own save."""
    if guard.path == path and guard.digest == was.digest:
        view.put(guard)
    guard.window.conflicts.journey_shown()
