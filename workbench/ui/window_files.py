"""The window's file commands: new, open, save, save as, export, and the recent files they remember.

A part of :class:`~workbench.ui.main_window.MainWindow` (it is mixed in), kept
apart so the window's own file reads as building and wiring the window.
Its texts keep the ``MainWindow`` translation context.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings
from PySide6.QtWidgets import QFileDialog, QMessageBox

from workbench.i18n import current_language
from workbench.model.errors import LoadError, SaveError
from workbench.model.fileformat import SUFFIX, Loaded, save
from workbench.model.journey import Journey
from workbench.model.templates import blank
from workbench.ui import messages
from workbench.ui.file_guard import FileGuard
from workbench.ui.file_questions import SAVE, SAVE_AS
from workbench.ui.folders import in_existing_folder, start_folder

MAX_RECENT = 8


translate = QCoreApplication.translate


class FileActions:
    """New, open, save and export for the main window (which provides the document, stack, path...)."""

    def new_journey(self, journey: Journey | None = None) -> bool:
        if not self.maybe_save():
            return False
        self.set_journey(Loaded(journey=journey or blank(current_language())), None)
        return True

    def new_dialog(self) -> bool:
        """File > New: pick a sector template or a blank journey."""
        from workbench.ui.new_dialog import NewJourneyDialog

        if not self.maybe_save():
            return False
        dialog = NewJourneyDialog(self, translate("MainWindow", "Untitled journey"))
        if dialog.exec() != NewJourneyDialog.DialogCode.Accepted:
            return False
        try:
            journey = dialog.chosen()
        except LoadError as error:
            messages.warning(self, translate("MainWindow", "Cannot open journey"), error.message)
            return False
        self.set_journey(Loaded(journey=journey), None)
        return True

    def open_dialog(self) -> None:
        title = translate("MainWindow", "Open journey")
        filters = translate("MainWindow", "Journey files (*.journey);;All files (*)")
        path, _ = QFileDialog.getOpenFileName(self, title, self._folder(), filters)
        if path:
            self.open_path(path)

    def open_path(self, path: str | Path, ask: bool = True) -> bool:
        """Open *path*; a bad file shows its message and leaves the open journey alone."""
        if ask and not self.maybe_save():
            return False
        try:
            # Reads the file and settles its lock: someone else's lock asks read-only / copy / anyway.
            opened = FileGuard.of(self).open(Path(path))
        except LoadError as error:
            messages.warning(self, translate("MainWindow", "Cannot open journey"), error.message)
            return False
        if opened is None:
            return False
        self.set_journey(opened.loaded, opened.path)
        if opened.path is not None:
            path = opened.path  # the Open Recent menu is not seen in the first paint
            self.after_first_paint(lambda: self._remember(path), "remember")
        return True

    def _open_dropped(self, files: list[str]) -> None:
        if files:
            self.open_path(files[0])

    def save(self) -> bool:
        self.scene.commit_editors()
        if self.path is not None:
            FileGuard.of(self).look_again()  # (made writable a moment ago: the watch may not have said so yet)
        if self.path is None or self.read_only:
            return self.save_as()
        return self._save_to(self.path)

    def save_as(self) -> bool:
        self.scene.commit_editors()
        start = str(self._in_folder(self.path)) if self.path else str(self._export_start(SUFFIX))
        if self.path is not None and FileGuard.of(self).newer:  # (its own name is refused: offer another)
            start = str(self._in_folder(self.path.with_name(translate("MainWindow", "{name} (copy)").format(name=self.path.stem) + SUFFIX)))
        title, filters = translate("MainWindow", "Save journey"), translate("MainWindow", "Journey files (*.journey)")
        path, _ = QFileDialog.getSaveFileName(self, title, start, filters)
        if not path:
            return False
        if not path.endswith(SUFFIX):
            path += SUFFIX
        return self._save_to(Path(path))

    def _save_to(self, path: Path) -> bool:
        guard = FileGuard.of(self)
        verdict = guard.before_save(path)  # changed on disk, or open elsewhere: ask first
        if verdict != SAVE:
            return verdict == SAVE_AS and self.save_as()
        try:
            save(self.document.journey, path, minor=self.loaded.minor, extra=self.loaded.extra)
        except SaveError as error:
            messages.critical(
                self,
                translate("MainWindow", "Cannot save journey"),
                translate(
                    "MainWindow", "{path} was not saved: {reason}.\nYour work is still open: save it in another folder or under another name."
                ).format(path=error.path, reason=error.reason),
            )
            return False
        self.path = path
        guard.saved(path)
        self.read_only = guard.read_only
        self.stack.setClean()
        self.autosaver.saved(path)  # its recovery copy goes; the file is kept as a version
        self._remember(path)
        self._update_title()
        self.show_message(translate("MainWindow", "Saved {path}").format(path=path))
        return True

    def _export_start(self, suffix: str) -> Path:
        if self.path is not None:
            return self._in_folder(self.path.with_suffix(suffix))
        safe = "".join(ch for ch in self.document.journey.title if ch not in '<>:"/\\|?*').strip() or "journey"
        return Path(self._folder()) / (safe + suffix)

    def export_pdf(self) -> Path | None:
        from workbench.ui.export_dialog import export_pdf_interactively

        self.scene.commit_editors()
        scenario = self.findings.scenario  # what the Findings dock checks: the scenario the canvas edits
        path = export_pdf_interactively(self, self.document.journey, self._export_start(".pdf"), scenario)
        if path is not None:
            self.show_message(translate("MainWindow", "Exported {path}").format(path=path))
        return path

    def export_image(self) -> Path | None:
        from workbench.ui.export_dialog import export_image_interactively

        self.scene.commit_editors()
        path = export_image_interactively(self, self.document.journey, self._export_start(".png"))
        if path is not None:
            self.show_message(translate("MainWindow", "Exported {path}").format(path=path))
        return path

    def maybe_save(self) -> bool:
        """True when it is fine to drop the current journey (saved, discarded or unchanged)."""
        self.scene.commit_editors()  # (a title being typed is a change too)
        if self.stack.isClean():
            return True
        # A journey never saved is named by its title (the room knows it by that), not as "Untitled".
        name = self.path.name if self.path else self.document.journey.title.strip() or translate("MainWindow", "Untitled")
        answer = messages.question(
            self,
            translate("MainWindow", "Unsaved changes"),
            translate("MainWindow", "Save the changes to '{name}' before closing it?").format(name=name),
            QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.autosaver.discarded()  # lost on purpose: so is the recovery copy
            return True
        return False

    def close_journey(self) -> None:
        self.new_journey()

    def _folder(self) -> str:
        """Where the file dialogs start (see :mod:`workbench.ui.folders`)."""
        return str(start_folder(self.path))

    def _in_folder(self, path: Path) -> Path:
        return in_existing_folder(path)

    def recent_files(self) -> list[str]:
        value = QSettings().value("recent-files", [])
        files = [value] if isinstance(value, str) else list(value or [])
        return [f for f in files if isinstance(f, str)]

    def _remember(self, path: Path) -> None:
        settings = QSettings()
        files = [str(path.resolve())] + [f for f in self.recent_files() if f != str(path.resolve())]
        settings.setValue("recent-files", files[:MAX_RECENT])
        settings.setValue("last-folder", str(path.resolve().parent))
        self.actions.update_recent()
