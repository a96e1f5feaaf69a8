"""The health check off the UI thread: on a snapshot, one at a time, handed back on the UI thread.

A check of a large map takes longer than a frame, so the Findings panel
never runs it where it would block typing or dragging. It takes a snapshot
on the UI thread (the models are frozen, but the document changes its
collection lists in place, so the lists are copied) and a worker thread
checks that copy, which nothing else can change.

The result crosses back through a relay object that lives on the UI thread
for the whole process: a worker thread must never emit through an object
the UI thread may be deleting (a window closing while a check runs). The
relay posts the finished job to itself (a queued signal), and on the UI
thread gives it to its worker if that worker still exists and still waits
for it; a closed panel's result is dropped there. The checks run in one
worker thread of the standard library's thread pool, not a ``QThread``: no
Qt object can be destroyed while it runs, handing it a job does not wait for
a thread to start (the UI thread would wait for the worker to give the
interpreter lock back, several milliseconds), and a check still running when
the editor quits ends with the process (``app.leave``): it only reads a
snapshot, so nothing is lost.

Whether a result is still current is for the owner to judge: it gave a key
(the document and its generation) when it started the job.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable, Hashable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QObject, Qt, Signal, Slot

from workbench.i18n import current_language
from workbench.model.analysis import Report, check
from workbench.model.journey import COLLECTIONS, Journey


def snapshot(journey: Journey) -> Journey:
    """A copy of *journey* that the document's later edits cannot change.

    The elements are frozen and shared; only the lists the document edits in
    place are copied (a few list copies, even at thousands of cards).
    """
    return journey.model_copy(update={c: list(getattr(journey, c)) for c in COLLECTIONS})


@dataclass(eq=False)
class Job:
    """One check: what it is for, what it read, and what came of it."""

    key: Hashable
    journey: Journey
    run: Callable[[Journey], Report]
    report: Report | None = None
    error: BaseException | None = None
    #: ``threading.get_ident()`` of the thread that ran the check.
    thread: int | None = None
    worker: weakref.ref[CheckWorker] | None = None


class _Relay(QObject):
    """Carries finished jobs to the UI thread; created there once and never deleted."""

    finished = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @Slot(object)
    def _deliver(self, job: Job) -> None:
        worker = job.worker() if job.worker is not None else None
        if worker is not None:
            worker._finished(job)


_relay: _Relay | None = None
_pool: ThreadPoolExecutor | None = None
_lock = threading.Lock()


def _the_relay() -> _Relay:
    global _relay
    with _lock:
        if _relay is None:
            _relay = _Relay()
        return _relay


def _the_pool() -> ThreadPoolExecutor:
    """One thread for every check of the process: checks hold the interpreter lock, two would not go faster."""
    global _pool
    with _lock:
        if _pool is None:
            _pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="health-check")
        return _pool


def _work(job: Job, relay: _Relay) -> None:
    job.thread = threading.get_ident()
    try:
        job.report = job.run(job.journey)
    except BaseException as error:  # handed to the UI thread, which decides what to do with it
        job.error = error
    relay.finished.emit(job)


class CheckWorker:
    """Runs the health check off the UI thread, one job at a time for its owner.

    *done* is called on the UI thread with each job that ends while this
    worker is open; it is held weakly, so a worker never keeps its panel
    alive. Create and use a worker on the UI thread only.
    """

    def __init__(self, done: Callable[[Job], None]) -> None:
        self._done: Callable[[], Callable[[Job], None] | None] = weakref.WeakMethod(done)  # type: ignore[arg-type]
        self._relay = _the_relay()
        #: The job running now, if any.
        self.job: Job | None = None
        self._closed = False

    def busy(self) -> bool:
        return self.job is not None

    def start(self, key: Hashable, journey: Journey, scenario: str = "as_is") -> Job | None:
        """Check a snapshot of *journey* in a worker thread; *key* comes back with the result.

        A closed worker starts nothing (its panel is gone) and returns None.
        """
        if self._closed:
            return None
        if self.job is not None:
            raise RuntimeError("a health check is already running")
        # Looked up at each start, so a test can put a slow or recording check in its place.
        # In the user's language, whatever the journey's: the dock speaks to the user (the PDF to its reader).
        job = Job(
            key, snapshot(journey), partial(check, language=current_language(), scenario=scenario), worker=weakref.ref(self)
        )
        self.job = job
        _the_pool().submit(_work, job, self._relay)
        return job

    def close(self) -> None:
        """Stop waiting: the job running now ends in its thread and its result is dropped."""
        self._closed = True
        self.job = None

    def _finished(self, job: Job) -> None:
        if job is not self.job:
            return  # closed, or replaced: nobody waits for it any more
        self.job = None
        done = self._done()
        if done is not None:
            done(job)
