"""What a window's file guard says and asks (:class:`~workbench.ui.file_guard.FileGuard`): why the file is
read-only, who holds it, and the questions before opening, reloading or writing over it.

Mixed into ``FileGuard``; its texts keep their context, "FileGuard".
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from workbench.model.locks import LockInfo, is_writable, lock_path

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow

translate = QCoreApplication.translate
SAVE, SAVE_AS, CANCEL = "save", "save-as", "cancel"
RELOAD, MERGE, KEEP = "reload", "merge", "keep"


class FileQuestions:
    """The wording of `FileGuard` (its state: the window, the path, who holds it, a newer version's file)."""

    window: MainWindow
    path: Path | None
    holder: LockInfo | None
    newer: bool

    def _note(self) -> str | None:
        """Why the window may not save over its file, for the title bar; None when it may."""
        if self.newer:
            return translate("FileGuard", "read-only: made by a newer version")
        if self.path is None:
            return None
        if self.holder is not None:
            return translate("FileGuard", "read-only: opened by {holder}").format(holder=self.holder_text(self.holder))
        if not self.path.parent.is_dir():  # (it was called a read-only folder)
            return translate("FileGuard", "its folder no longer exists")
        if not is_writable(self.path):
            return translate("FileGuard", "read-only file")
        if not os.access(self.path.parent, os.W_OK):
            return translate("FileGuard", "read-only folder")
        return None

    def holder_text(self, info: LockInfo) -> str:
        if info.garbled:
            return translate("FileGuard", "someone")
        if info.in_this_process:
            return translate("FileGuard", "another window")
        return translate("FileGuard", "{user} on {host}").format(user=info.user, host=info.host)

    def _held_sentence(self, path: Path, info: LockInfo) -> str:
        if info.garbled or info.time is None:
            return translate("FileGuard", "{name} is locked by someone: its lock file {lock} cannot be read.").format(
                name=path.name, lock=lock_path(path)
            )
        when = QLocale().toString(
            QDateTime.fromSecsSinceEpoch(int(info.time.timestamp())), QLocale.FormatType.ShortFormat
        )
        return translate("FileGuard", "{name} is being edited by {holder} since {time}.").format(
            name=path.name, holder=self.holder_text(info), time=when
        )

    def _ask_locked(self, path: Path, info: LockInfo) -> str:
        box = _box(self.window, translate("FileGuard", "File in use"), self._held_sentence(path, info))
        box.setInformativeText(
            translate("FileGuard", 
                "Open it read-only, open a copy as a new untitled journey, or open it anyway. "
                "Open it anyway only if nobody is editing it: two people saving the same file "
                "overwrite each other's work."
            )
        )
        read_only = _button(box, translate("FileGuard", "Open &Read-Only"), "lock-read-only", QMessageBox.ButtonRole.AcceptRole)
        copy = _button(box, translate("FileGuard", "Open a &Copy"), "lock-copy", QMessageBox.ButtonRole.AcceptRole)
        anyway = _button(box, translate("FileGuard", "Open &Anyway"), "lock-anyway", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(read_only)
        box.exec()
        clicked = box.clickedButton()
        return {read_only: "read-only", copy: "copy", anyway: "anyway"}.get(clicked, "cancel")

    def _ask_reload(self, path: Path) -> str:
        """RELOAD, MERGE (offered with unsaved changes) or KEEP."""
        box = _box(
            self.window,
            translate("FileGuard", "File changed on disk"),
            translate("FileGuard", "{name} has been changed on disk by another program.").format(name=path.name),
        )
        modified = not self.window.stack.isClean()
        box.setInformativeText(
            translate("FileGuard",
                "Merge the changes on disk with yours (where both changed the same thing, yours are kept and "
                "theirs offered in the Merge conflicts panel), reload it (your unsaved changes will be lost), "
                "or keep yours: saving will then ask before overwriting the file on disk."
            )
            if modified
            else translate("FileGuard", "Reload it, or keep the version shown: saving will then ask before overwriting the file on disk.")
        )
        merge = _button(box, translate("FileGuard", "&Merge"), "merge", QMessageBox.ButtonRole.AcceptRole) if modified else None
        reload = _button(box, translate("FileGuard", "&Reload"), "reload", QMessageBox.ButtonRole.AcceptRole)
        keep = _button(box, translate("FileGuard", "&Keep Mine"), "keep-mine", QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep if modified else reload)
        box.setEscapeButton(keep)
        box.exec()
        clicked = box.clickedButton()
        return MERGE if merge is not None and clicked is merge else RELOAD if clicked is reload else KEEP

    def _ask_overwrite(self, path: Path) -> str:
        """SAVE (overwrite), SAVE_AS, MERGE or CANCEL."""
        box = _box(
            self.window,
            translate("FileGuard", "File changed on disk"),
            translate("FileGuard", "{name} has been changed on disk since you opened or last saved it.").format(name=path.name),
        )
        box.setInformativeText(
            translate("FileGuard",
                "Merge the changes on disk with yours, then save; overwrite it with your version (the changes "
                "on disk will be lost); or save yours under another name?"
            )
        )
        merge = _button(box, translate("FileGuard", "&Merge"), "merge", QMessageBox.ButtonRole.AcceptRole)
        overwrite = _button(box, translate("FileGuard", "&Overwrite"), "overwrite", QMessageBox.ButtonRole.DestructiveRole)
        save_as = _button(box, translate("FileGuard", "Save &As..."), "save-as", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(save_as)
        box.exec()
        return {merge: MERGE, overwrite: SAVE, save_as: SAVE_AS}.get(box.clickedButton(), CANCEL)

    def _tell_newer(self, path: Path) -> None:
        box = _box(
            self.window,
            translate("FileGuard", "Cannot save over this file"),
            translate("FileGuard", "{name} was made by a newer version of Journey Workbench.").format(name=path.name),
        )
        box.setInformativeText(
            translate(
                "FileGuard",
                "Saving over it here would lose what this version cannot read. Save your work under another name.",
            )
        )
        box.addButton(QMessageBox.StandardButton.Ok)
        box.exec()

    def _ask_in_use(self, path: Path, info: LockInfo) -> bool:
        box = _box(self.window, translate("FileGuard", "File in use"), self._held_sentence(path, info))
        box.setInformativeText(translate("FileGuard", "Saving over it may make them lose their work. Save anyway?"))
        anyway = _button(box, translate("FileGuard", "&Save Anyway"), "save-anyway", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is anyway


def _box(parent: QWidget, title: str, text: str) -> QMessageBox:
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # names from a lock file are never HTML
    return box


def _button(box: QMessageBox, text: str, name: str, role: QMessageBox.ButtonRole) -> QPushButton:
    """A button named for tests and scripts, whatever the language of its text."""
    button = box.addButton(text, role)
    button.setObjectName(name)
    return button
