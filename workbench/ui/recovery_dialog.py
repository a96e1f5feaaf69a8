"""Getting work back: the start-up offer of recovery copies, and File > Versions.

At start, before the file named on the command line opens, every copy a
crash left (see :mod:`workbench.model.recovery`) is listed in one dialog
with what it would change in the file on disk; for each the user chooses
Restore (a window on the original path, modified, so Save writes there),
Save As... or Discard. "Decide Later" keeps the copies for the next start:
nothing is ever deleted without being asked.

File > Versions lists the saved versions of the window's file (see
:mod:`workbench.model.versions`) and opens one as a new untitled document in
a window of its own: the open journey is never replaced.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDateTime, QLocale, QPoint, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.model import recovery, versions
from workbench.model.errors import LoadError, SaveError
from workbench.model.fileformat import SUFFIX, Loaded, atomic_write
from workbench.model.recovery import RecoveryCopy
from workbench.ui import messages
from workbench.ui.file_guard import FileGuard
from workbench.ui.folders import in_existing_folder, start_folder
from workbench.ui.window_layout import fit_to_screen

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow

#: Windows opened here (restored copies, versions), kept alive until closed.
_windows: list[MainWindow] = []


def new_window(beside: QWidget | None = None) -> MainWindow:
    """Another main window, shown a little below and right of *beside*."""
    from workbench.ui.main_window import MainWindow

    window = MainWindow()
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _windows.append(window)
    window.destroyed.connect(lambda *_: _windows.remove(window) if window in _windows else None)
    if beside is not None:
        window.move(beside.pos() + QPoint(40, 40))
    window.show()
    return window


def _when(moment: datetime) -> str:
    shown = QDateTime.fromMSecsSinceEpoch(round(moment.timestamp() * 1000)).toLocalTime()
    return QLocale().toString(shown, QLocale.FormatType.ShortFormat)


def restore_into(window: MainWindow, copy: RecoveryCopy, loaded: Loaded) -> None:
    """Show *copy* in *window* as unsaved work on its original path.

    The window's own copy is written before the old one is removed, so at no
    moment is there no copy of that work on disk.
    """
    window.set_journey(loaded, copy.original)
    if copy.original is not None:
        FileGuard.of(window).restored(copy.base, copy.saved_at)
    window.stack.resetClean()  # modified without an edit: nothing to undo, everything to save
    if window.autosaver.write_now(force=True):
        recovery.remove_copy(copy)
    note = FileGuard.of(window).note
    if window.read_only and note and copy.original is not None:
        # (Someone opened the file since: only the title bar said so, and Save went to Save As unexplained.)
        window.show_message(QCoreApplication.translate(
            "RecoveryDialog",
            "Your work is restored, but {name} cannot be saved over from here ({why}): Save will ask for another name.",
        ).format(name=copy.original.name, why=note))


class RecoveryDialog(QDialog):
    """The copies a crash left, one row each, with Restore, Save As... and Discard."""

    def __init__(self, copies: list[RecoveryCopy], restore: Callable[[RecoveryCopy, Loaded], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recovery-dialog")
        self.setWindowTitle(self.tr("Recover unsaved work"))
        self.restore = restore
        self.copies: dict[int, RecoveryCopy] = {}
        intro = QLabel(self.tr(
            "Journey Workbench stopped before these journeys were saved. Restore one to go on "
            "where you were, save it as a file, or discard it. Decide Later keeps them for the next start."
        ))
        intro.setWordWrap(True)
        self.table = QTreeWidget()
        self.table.setObjectName("recovery-copies")
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels([self.tr("Window"), self.tr("File"), self.tr("Last copy"), self.tr("Compared with the file")])
        self.table.setAccessibleName(self.tr("Unsaved journeys"))
        for index, copy in enumerate(copies):
            self.copies[index] = copy
            try:
                found = recovery.describe(recovery.difference(copy))
            except LoadError as error:  # the copy itself is damaged: Restore will say so again
                found = error.message
            except OSError as error:  # the original's folder cannot be read
                found = error.strerror or str(error)
            original = str(copy.original) if copy.original is not None else self.tr("Untitled")
            item = QTreeWidgetItem([copy.title, original, _when(copy.saved_at), found])
            item.setData(0, Qt.ItemDataRole.UserRole, index)
            item.setToolTip(3, messages.plain_tip(found))
            self.table.addTopLevelItem(item)
        for column in range(3):
            self.table.resizeColumnToContents(column)
        # The comparison of the copy chosen, whole: a narrow column cut its warning off ("saved after th…").
        self.detail = QLabel()
        self.detail.setObjectName("recovery-detail")
        self.detail.setWordWrap(True)
        self.detail.setTextFormat(Qt.TextFormat.PlainText)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table.currentItemChanged.connect(self._show_detail)
        self.table.setCurrentItem(self.table.topLevelItem(0))
        self.table.itemDoubleClicked.connect(lambda *_: self.restore_current())
        buttons = QDialogButtonBox()
        self.restore_button = self._button(buttons, self.tr("&Restore"), self.restore_current,
                                           self.tr("Open this journey in a window, unsaved, on its original file"))
        self.save_button = self._button(buttons, self.tr("&Save As..."), self.save_current,
                                        self.tr("Write this journey to a file of your choice"))
        self.discard_button = self._button(buttons, self.tr("&Discard"), self.discard_current,
                                           self.tr("Delete this copy: its changes are lost"))
        later = buttons.addButton(self.tr("Decide &Later"), QDialogButtonBox.ButtonRole.RejectRole)
        later.setToolTip(self.tr("Keep the remaining copies and offer them again at the next start"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(self.detail)
        layout.addWidget(buttons)
        self.resize(900, 320)
        fit_to_screen(self, move=False)  # (it comes at start-up after a crash: maybe on a projector)

    def _button(self, box: QDialogButtonBox, text: str, slot: Callable[[], object], tip: str) -> QPushButton:
        button = box.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setToolTip(tip)
        button.clicked.connect(lambda checked=False: slot())
        return button

    def _show_detail(self, item: QTreeWidgetItem | None) -> None:
        if item is None:
            self.detail.setText("")
        elif item.text(3):
            self.detail.setText(self.tr("{file}: {comparison}").format(file=item.text(1), comparison=item.text(3)))
        else:
            self.detail.setText(item.text(1))

    def current(self) -> RecoveryCopy | None:
        item = self.table.currentItem()
        return self.copies.get(item.data(0, Qt.ItemDataRole.UserRole)) if item is not None else None

    def _done_with_current(self) -> None:
        item = self.table.currentItem()
        if item is not None:
            self.table.takeTopLevelItem(self.table.indexOfTopLevelItem(item))
        if self.table.topLevelItemCount() == 0:
            self.accept()

    def _loaded(self, copy: RecoveryCopy) -> Loaded | None:
        try:
            return copy.loaded()
        except LoadError as error:
            messages.warning(self, self.tr("Cannot recover journey"), error.message)
            return None

    def restore_current(self) -> None:
        copy = self.current()
        loaded = self._loaded(copy) if copy is not None else None
        if copy is not None and loaded is not None:
            self.restore(copy, loaded)
            self._done_with_current()

    def save_current(self) -> None:
        copy = self.current()
        if copy is None or self._loaded(copy) is None:
            return
        start = str(in_existing_folder(copy.original) if copy.original is not None
                    else start_folder() / (self.tr("Recovered journey") + SUFFIX))
        name, _ = QFileDialog.getSaveFileName(self, self.tr("Save recovered journey"), start, self.tr("Journey files (*.journey)"))
        if not name:
            return
        path = Path(name if name.endswith(SUFFIX) else name + SUFFIX)
        try:
            atomic_write(path, copy.text.encode("utf-8"), backup=True)  # the bytes a save would have written
        except SaveError as error:
            messages.critical(self, self.tr("Cannot save journey"), self.tr("{path} was not saved: {reason}").format(
                path=error.path, reason=error.reason))
            return
        try:
            versions.record_version(path)
        except (OSError, SaveError):
            pass  # the file is saved; a missing version is no reason to keep the copy
        recovery.remove_copy(copy)
        self._done_with_current()

    def discard_current(self) -> None:
        copy = self.current()
        if copy is None:
            return
        name = copy.original.name if copy.original is not None else self.tr("Untitled")
        answer = messages.question(
            self, self.tr("Discard unsaved work"),
            self.tr("Discard the unsaved changes to {name}? They cannot be recovered afterwards.").format(name=name),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Discard:
            recovery.remove_copy(copy)
            self._done_with_current()


def offer_recovery(window: MainWindow, copies: list[RecoveryCopy] | None = None) -> list[MainWindow]:
    """Offer the copies a crash left (if any); returns the windows that received one.

    The first restored copy goes into *window* while it shows an untouched
    untitled journey; the others get windows of their own.
    """
    copies = recovery.list_copies() if copies is None else copies
    restored: list[MainWindow] = []
    if not copies:
        return restored

    def restore(copy: RecoveryCopy, loaded: Loaded) -> MainWindow:
        pristine = not restored and window.path is None and window.stack.isClean()
        target = window if pristine else new_window(window)
        restore_into(target, copy, loaded)
        restored.append(target)
        return target

    dialog = RecoveryDialog(copies, restore, window)
    dialog.exec()
    dialog.deleteLater()
    return restored


def start_up(window: MainWindow, path: str | None) -> None:
    """What ``workbench [FILE]`` does once the event loop runs: offer recovery, then open FILE.

    FILE opens in a window of its own when a restored copy took *window*, and
    not at all when a restored copy already is FILE with its unsaved changes.
    """
    from workbench.ui.autosave import start_scripted_edits

    restored = offer_recovery(window)
    target = window
    if path:
        wanted = Path(path).absolute()
        if not any(w.path is not None and Path(w.path).absolute() == wanted for w in restored):
            target = new_window(window) if window in restored else window
            target.open_path(path)
    start_scripted_edits(target)


class VersionsDialog(QDialog):
    """File > Versions: the saved versions of the window's file, newest first."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("versions-dialog")
        self.main_window = window
        self.setWindowTitle(self.tr("Versions"))
        self.versions = versions.list_versions(window.path) if window.path is not None else []
        if window.path is None:
            text = self.tr("This journey has not been saved yet, so it has no versions.")
        elif not self.versions:
            text = self.tr("No version of {name} is kept yet: one is kept each time you save it.").format(name=window.path.name)
        else:
            text = self.tr("The last versions of {name} you saved. Opening one gives a new untitled journey; "
                           "the open one stays as it is.").format(name=window.path.name)
        intro = QLabel(text)
        intro.setWordWrap(True)
        self.table = QTreeWidget()
        self.table.setObjectName("versions")
        self.table.setRootIsDecorated(False)
        self.table.setHeaderLabels([self.tr("Saved"), self.tr("Steps")])
        self.table.setAccessibleName(self.tr("Saved versions"))
        for version in self.versions:
            steps = str(version.steps) if version.steps is not None else self.tr("unreadable")
            self.table.addTopLevelItem(QTreeWidgetItem([_when(version.saved_at), steps]))
        self.table.resizeColumnToContents(0)
        self.table.itemDoubleClicked.connect(lambda *_: self.open_current())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = buttons.addButton(self.tr("&Open as Copy"), QDialogButtonBox.ButtonRole.ActionRole)
        self.open_button.setToolTip(self.tr("Open this version as a new untitled journey in another window"))
        self.open_button.clicked.connect(lambda checked=False: self.open_current())
        self.open_button.setEnabled(bool(self.versions))
        buttons.rejected.connect(self.reject)
        if self.versions:
            self.table.setCurrentItem(self.table.topLevelItem(0))
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(480, 360)

    def open_current(self) -> MainWindow | None:
        row = self.table.indexOfTopLevelItem(self.table.currentItem()) if self.table.currentItem() else -1
        if row < 0:
            return None
        version = self.versions[row]
        try:
            loaded = version.loaded()
        except LoadError as error:
            messages.warning(self, self.tr("Cannot open journey"), error.message)
            return None
        window = new_window(self.main_window)
        window.set_journey(loaded, None)
        window.stack.resetClean()  # a copy never saved: closing it asks
        window.show_message(self.tr("Version of {time}, opened as a new journey").format(time=_when(version.saved_at)))
        self.accept()
        return window


def show_versions(window: MainWindow) -> None:
    dialog = VersionsDialog(window)
    dialog.exec()
    dialog.deleteLater()
