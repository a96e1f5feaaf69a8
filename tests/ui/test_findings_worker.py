"""The health check runs off the UI thread, and only a current result is shown.

A check that is still running when the journey changes (an edit, an undo,
another file opened, the window closed) must never put its findings on
screen. The tests hold the check in its thread with an event, so what
happens meanwhile is certain rather than a matter of timing.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer

from tests.ui.helpers import open_window
from tests.ui.test_findings import open_checked, rules_shown
from workbench.model.analysis import Report, check
from workbench.model.fileformat import load
from workbench.model.journey import Journey
from workbench.ui import check_worker
from workbench.ui.commands import perform
from workbench.ui.findings import FindingsPanel
from workbench.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
COUNTER = ROOT / "examples" / "counter-examples"
TELECOM = COUNTER / "telecom-contract-takeover.journey"
INVOICES = COUNTER / "unretrievable-invoices.journey"


class HeldCheck:
    """The real check, held until the test lets it go; notes the thread and the journey of each call."""

    def __init__(self) -> None:
        self.go = threading.Event()
        self.started = threading.Event()
        self.ended = threading.Event()
        self.threads: list[int] = []
        self.journeys: list[Journey] = []
        self.scenarios: list[str] = []

    def __call__(self, journey: Journey, language: str | None = None, scenario: str = "as_is") -> Report:
        self.threads.append(threading.get_ident())
        self.journeys.append(journey)
        self.scenarios.append(scenario)
        self.started.set()
        try:
            # On the UI thread this would freeze the window (and the test) for good: fail instead.
            assert self.go.wait(10), "the check was held 10 s: it blocked the UI thread"
            return check(journey, scenario=scenario)
        finally:
            self.ended.set()


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    hold = HeldCheck()
    monkeypatch.setattr(check_worker, "check", hold)
    yield hold
    hold.go.set()  # never leave a thread waiting


def texts(panel: FindingsPanel) -> list[str]:
    return [panel.tree.topLevelItem(i).text(0) for i in range(panel.tree.topLevelItemCount())]


def copy_to(source: Path, folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copyfile(source, folder / source.name))


def test_the_check_runs_off_the_ui_thread_and_the_window_stays_responsive(qtbot, held: HeldCheck) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, TELECOM)
    panel = window.findings
    qtbot.waitUntil(held.started.is_set, timeout=3000)
    assert held.threads and threading.get_ident() not in held.threads
    # While the check is held, the window goes on: events are handled, and it says it is checking.
    ticks: list[int] = []
    QTimer.singleShot(0, lambda: ticks.append(1))
    qtbot.waitUntil(lambda: ticks == [1], timeout=1000)
    assert panel.summary.text() == "Checking the journey…"
    assert panel.tree.topLevelItemCount() == 0 and not panel.is_current()
    held.go.set()
    qtbot.waitUntil(panel.is_current, timeout=5000)
    assert "trap-loop" in rules_shown(window)
    assert "errors" in panel.summary.text()
    assert threading.get_ident() not in held.threads


def test_a_result_overtaken_by_an_edit_is_never_shown(qtbot, monkeypatch: pytest.MonkeyPatch, request) -> None:  # type: ignore[no-untyped-def]
    window = open_checked(qtbot, TELECOM)
    panel, document = window.findings, window.document
    step = next(f for f in panel.report.findings if f.rule == "dead-end").elements[0]
    held = HeldCheck()  # held from now on, not at the opening
    request.addfinalizer(held.go.set)
    monkeypatch.setattr(check_worker, "check", held)
    shown: list[Report] = []
    panel.updated.connect(shown.append)
    perform(window.stack, document, "Rename step", lambda: document.update(step, title="Alpha"))
    qtbot.waitUntil(held.started.is_set, timeout=3000)  # the check of "Alpha" is under way...
    perform(window.stack, document, "Rename step", lambda: document.update(step, title="Beta"))  # ...and overtaken
    # The check read a snapshot: the later edit did not reach what it is checking.
    assert next(s.title for s in held.journeys[0].steps if s.id == step) == "Alpha"
    held.go.set()
    qtbot.waitUntil(panel.is_current, timeout=5000)
    assert any("'Beta'" in text for text in texts(panel))
    assert not any("Alpha" in text for text in texts(panel))
    assert shown and not any("Alpha" in f.message for report in shown for f in report.findings)
    assert len(held.journeys) == 2  # the overtaken result was dropped and the check ran again


def test_findings_follow_edits_undo_and_redo(qtbot) -> None:  # type: ignore[no-untyped-def]
    window = open_checked(qtbot, TELECOM)
    panel, document = window.findings, window.document
    assert rules_shown(window).count("dead-end") == 1
    last = document.steps()[-1]
    perform(window.stack, document, "Mark as goal", lambda: document.update(last.id, goal=True))
    assert not panel.is_current()  # a moment later, not during the edit
    qtbot.waitUntil(lambda: panel.is_current() and "dead-end" not in rules_shown(window), timeout=5000)
    window.stack.undo()
    qtbot.waitUntil(lambda: panel.is_current() and rules_shown(window).count("dead-end") == 1, timeout=5000)
    window.stack.redo()
    qtbot.waitUntil(lambda: panel.is_current() and "dead-end" not in rules_shown(window), timeout=5000)
    assert rules_shown(window) == [f.rule for f in check(document.journey).findings]


def test_a_burst_of_edits_is_checked_once(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    window = open_checked(qtbot, TELECOM)
    document = window.document
    calls: list[int] = []

    def counted(journey: Journey, language: str | None = None, scenario: str = "as_is") -> Report:
        calls.append(threading.get_ident())
        return check(journey, language=language)

    monkeypatch.setattr(check_worker, "check", counted)
    step = document.steps()[0].id
    for i in range(10):
        perform(window.stack, document, "Rename step", lambda i=i: document.update(step, title=f"Title {i}"))
    qtbot.waitUntil(window.findings.is_current, timeout=5000)
    assert len(calls) == 1 and threading.get_ident() not in calls


def test_opening_another_journey_while_a_check_runs_shows_only_the_new_one(qtbot, held: HeldCheck, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, TELECOM)
    panel = window.findings
    qtbot.waitUntil(held.started.is_set, timeout=3000)
    shown: list[Report] = []
    panel.updated.connect(shown.append)
    assert window.open_path(copy_to(INVOICES, tmp_path), ask=False)
    assert panel.summary.text() == "Checking the journey…" and panel.tree.topLevelItemCount() == 0
    held.go.set()
    qtbot.waitUntil(panel.is_current, timeout=5000)
    expected = check(load(INVOICES)).findings
    assert [report.findings for report in shown] == [expected]
    assert texts(panel) == [f.message for f in expected]


def test_closing_the_window_while_a_check_runs(qtbot, held: HeldCheck) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, TELECOM)
    qtbot.waitUntil(held.started.is_set, timeout=3000)
    window.close()
    held.go.set()
    qtbot.waitUntil(held.ended.is_set, timeout=5000)
    qtbot.wait(100)  # the result reaches the closed window's panel: nothing breaks


def test_deleting_the_window_while_a_check_runs(qtbot, held: HeldCheck, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = MainWindow()
    window.show()
    qtbot.waitExposed(window)
    assert window.open_path(copy_to(TELECOM, tmp_path), ask=False)
    qtbot.waitUntil(held.started.is_set, timeout=3000)
    with qtbot.waitSignal(window.destroyed, timeout=3000):
        window.close()
        window.deleteLater()
    held.go.set()
    qtbot.waitUntil(held.ended.is_set, timeout=5000)
    qtbot.wait(100)  # the result arrives for a panel that is gone: dropped, no error
    assert len(held.journeys) == 1  # and no other check was started for it


@pytest.mark.parametrize("module", ["workbench.ui.findings", "workbench.ui.check_worker"])
def test_the_findings_panel_does_not_import_networkx(module: str) -> None:
    code = f"import sys, {module}\nassert 'networkx' not in sys.modules, 'networkx imported by {module}'\n"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr


def test_the_window_layout_does_not_move_when_the_findings_arrive(qtbot, held: HeldCheck) -> None:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, INVOICES)
    qtbot.waitUntil(held.started.is_set, timeout=3000)
    geometry, state = window.geometry(), window.saveState()
    assert window.findings.summary.text() == "Checking the journey…"
    held.go.set()
    qtbot.waitUntil(window.findings.is_current, timeout=5000)
    assert "1 error, 4 warnings, 1 note" == window.findings.summary.text()
    assert window.geometry() == geometry and window.saveState() == state


def test_a_failing_check_is_reported_and_the_last_findings_stay(qtbot, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    window = open_checked(qtbot, TELECOM)
    panel = window.findings
    before = texts(panel)

    def broken(journey: Journey, language: str | None = None, scenario: str = "as_is") -> Report:
        raise ValueError("a bug in a rule")

    monkeypatch.setattr(check_worker, "check", broken)
    with qtbot.capture_exceptions() as raised:
        panel.run()
        qtbot.waitUntil(lambda: bool(raised), timeout=5000)  # raised on the UI thread, where it is seen
    assert isinstance(raised[0][1], ValueError)
    assert texts(panel) == before and not panel.worker.busy()
