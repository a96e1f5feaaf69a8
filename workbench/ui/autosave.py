"""Autosave: a recovery copy of unsaved work, so a crash or a power cut loses seconds, not a morning.

One :class:`Autosaver` per window writes that window's copy (see
:mod:`workbench.model.recovery`) while the undo stack is not clean:

* :attr:`Autosaver.delay` after the last change (a debounce: nothing is
  written in the middle of a burst of typing or a drag),
* at the latest :attr:`Autosaver.max_interval` after the first change not
  yet in a copy, so continuous typing, which never pauses for the debounce,
  still gets a copy that often,
* at once when the window or the application loses focus: the user may be
  about to close the lid, or switch to the program that will hang the machine.

The copy is removed when the document becomes clean (saved, or undone back
to the saved state), on a deliberate Discard, and so on a clean close. The
delays come from the environment (:data:`DELAY_ENV`, :data:`MAX_ENV`, in
seconds) so that tests and the kill-and-recover benchmark can run fast.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from workbench.model import recovery, versions
from workbench.model.atomic import os_reason
from workbench.model.errors import SaveError
from workbench.model.events import Change
from workbench.model.fileformat import dumps

if TYPE_CHECKING:
    from workbench.model.document import JourneyDocument
    from workbench.ui.main_window import MainWindow

DELAY_ENV = "JOURNEY_WORKBENCH_AUTOSAVE_DELAY"
MAX_ENV = "JOURNEY_WORKBENCH_AUTOSAVE_MAX"
#: Test hook (tests/realprocess, benchmarks/kill_recover.py): "N" or "N@GAP_MS" scripted edits after start.
TEST_EDITS_ENV = "JOURNEY_WORKBENCH_TEST_EDITS"


def _seconds(name: str, default: float) -> float:
    try:
        value = float(os.environ.get(name, ""))
    except ValueError:
        return default
    return value if value > 0 else default


class Autosaver(QObject):
    """Keeps the recovery copy of one window's document, and its saved versions."""

    #: Seconds after the last change (overridden by the environment, or per instance by tests).
    delay: float = 10.0
    #: Seconds at most between the first change not in a copy and the copy.
    max_interval: float = 30.0

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = recovery.new_session()
        self.delay = _seconds(DELAY_ENV, type(self).delay)
        self.max_interval = _seconds(MAX_ENV, type(self).max_interval)
        self._debounce = self._timer()
        self._deadline = self._timer()
        self._document: JourneyDocument | None = None
        self._generation = 0  # bumped by every change: what a copy holds is a generation
        self._written = 0
        self._discarded: int | None = None
        self._failure = ""
        window.stack.cleanChanged.connect(self._clean_changed)
        window.installEventFilter(self)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.applicationStateChanged.connect(self._application_state)

    def _timer(self) -> QTimer:
        timer = QTimer(self)
        timer.setSingleShot(True)
        timer.setTimerType(Qt.TimerType.PreciseTimer)  # a coarse timer may be 5% late: 1.5 s of 30
        timer.timeout.connect(self.write_now)
        return timer

    @property
    def copy_path(self) -> Path:
        return recovery.copy_path(self.session)

    # ------------------------------------------------------ what happens

    def attach(self, document: JourneyDocument) -> None:
        """The window shows *document* now (opened, new, restored): follow its changes."""
        if self._document is not None:
            self._document.changed.disconnect(self._changed)
        self._document = document
        document.changed.connect(self._changed)
        self._discarded = None
        if self.window.stack.isClean():
            self._stop()
            self._written = self._generation
            self._remove()
        else:
            self._schedule()

    def saved(self, path: Path) -> None:
        """A save to *path* succeeded: no copy is needed; keep the file as a version."""
        self._stop()
        self._written = self._generation
        self._remove()
        try:
            versions.record_version(path)
        except (OSError, SaveError) as error:
            reason = error.reason if isinstance(error, SaveError) else os_reason(error)
            self.window.show_message(self.tr("The journey was saved, but no version of it could be kept: {reason}").format(reason=reason))

    def discarded(self) -> None:
        """The user chose to lose the changes: remove the copy, and write none until the next change."""
        self._stop()
        self._discarded = self._generation
        self._remove()

    def _changed(self, change: Change) -> None:
        self._generation += 1
        self._discarded = None
        self._schedule()

    def _clean_changed(self, clean: bool) -> None:
        if clean:  # saved, or undone back to what is on disk: nothing to recover
            self._stop()
            self._written = self._generation
            self._remove()
        else:  # also resetClean(): a restored copy is unsaved work without an edit
            self._changed(Change("journey"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.WindowDeactivate:
            self.flush()
        return False

    def _application_state(self, state: Qt.ApplicationState) -> None:
        if state != Qt.ApplicationState.ApplicationActive:
            self.flush()

    # ---------------------------------------------------------- writing

    def _schedule(self) -> None:
        self._debounce.start(round(self.delay * 1000))
        if not self._deadline.isActive():
            self._deadline.start(round(self.max_interval * 1000))

    def _stop(self) -> None:
        self._debounce.stop()
        self._deadline.stop()

    def flush(self) -> None:
        """Write now if anything changed since the last copy (focus lost)."""
        if self._generation != self._written:
            self.write_now()

    def write_now(self, force: bool = False) -> bool:
        """Write the copy if the document has changes not in it yet; True if written."""
        self._stop()
        window = self.window
        if window.stack.isClean():
            self._remove()
            return False
        if self._discarded == self._generation or (self._written == self._generation and not force):
            return False
        generation = self._generation
        try:
            text = dumps(window.document.journey, minor=window.loaded.minor, extra=window.loaded.extra)
            from workbench.ui.file_guard import FileGuard

            base = FileGuard.of(window).digest if window.path is not None else None
            recovery.write_copy(self.session, text, window.path, window.windowTitle().replace("[*]", ""), base=base)
        except (OSError, ValueError, SaveError) as error:
            # (An OSError in the application's words, as saves and exports say it: it was Python's own text,
            # "[Errno 30] Read-only file system: '/…/recovery'".)
            reason = error.reason if isinstance(error, SaveError) else os_reason(error) if isinstance(error, OSError) \
                else str(error)
            if reason != self._failure:  # say it once, not every ten seconds
                self._failure = reason
                window.show_message(self.tr("Autosave failed, your unsaved work has no recovery copy: {reason}").format(reason=reason))
            self._deadline.start(round(self.max_interval * 1000))  # try again later
            return False
        self._failure = ""
        self._written = generation
        return True

    def _remove(self) -> None:
        try:
            recovery.remove_copy(self.session)
        except OSError:
            pass  # a copy left behind is offered once more at the next start: harmless


def start_scripted_edits(window: MainWindow) -> None:
    """Test hook: add N steps, one undo step each, printing ``scripted edit I TIME`` as each is done.

    Only when :data:`TEST_EDITS_ENV` is set (tests/realprocess and
    benchmarks/kill_recover.py kill the editor after these edits and check
    that the recovery copy holds them). It edits as a user would: through
    the undo stack, one edit per turn of the event loop.
    """
    spec = os.environ.get(TEST_EDITS_ENV, "")
    if not spec:
        return
    count_text, _, gap_text = spec.partition("@")
    count, gap = int(count_text), int(gap_text or 0)

    def edit(number: int) -> None:
        from workbench.model.journey import Step
        from workbench.ui.commands import perform

        document = window.document
        step = Step(id=document.new_id("steps"), title=f"scripted edit {number}", stage=document.stages()[0].id)
        perform(window.stack, document, "Scripted edit", lambda: document.add(step))
        print(f"scripted edit {number} {time.time():.6f}", flush=True)
        if number < count:
            QTimer.singleShot(gap, lambda: edit(number + 1))

    if count > 0:
        QTimer.singleShot(gap, lambda: edit(1))
