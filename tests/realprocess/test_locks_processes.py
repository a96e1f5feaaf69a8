"""Locks between real processes: two editors on one file, and a crash (kill -9).

A lock protects against *other processes*, so these tests start them: the
real editor (``python -m workbench FILE``, offscreen), and a scripted editor
(this file run as ``python -m tests.realprocess.test_locks_processes``) that
opens the file in a real MainWindow, answers the lock prompt by the name of a
button, and writes what it saw to a JSON file for the test to check.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from workbench.model.fileformat import save
from workbench.model.locks import LockHeld, LockInfo, acquire, lock_path, read_lock
from workbench.model.templates import skeleton

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="kill -9 and /proc are POSIX")


def environment(tmp_path: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"), LANGUAGE="en")
    # A data folder of its own: another test's recovery copies would greet the editor with a dialog.
    env["JOURNEY_WORKBENCH_DATA"] = str(tmp_path / "data")
    env.pop("LC_ALL", None)
    return env


def wait_for_lock(path: Path, pid: int, proc: subprocess.Popen[bytes], seconds: float = 30) -> LockInfo:
    """The lock of *path* once process *pid* holds it (fails if *proc* dies first)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        info = read_lock(path)
        if info is not None and info.pid == pid:
            return info
        assert proc.poll() is None, f"the editor exited ({proc.returncode}) before locking {path.name}"
        time.sleep(0.05)
    raise AssertionError(f"{path.name} was never locked by process {pid}; lock: {read_lock(path)}")


def start_editor(path: Path, tmp_path: Path, name: str) -> subprocess.Popen[bytes]:
    """The real editor, as a user starts it, on *path*."""
    log = open(tmp_path / f"{name}.log", "wb")  # noqa: SIM115 - the child writes to it until it ends
    proc = subprocess.Popen(
        [sys.executable, "-m", "workbench", str(path)], cwd=ROOT, env=environment(tmp_path), stdout=log, stderr=log
    )
    log.close()
    return proc


def scripted_editor(path: Path, tmp_path: Path, answer: str) -> dict:
    """Open *path* in a scripted editor process that answers any prompt with *answer*; what it saw."""
    result = tmp_path / f"scripted-{answer}.json"
    proc = subprocess.run(
        [sys.executable, "-m", "tests.realprocess.test_locks_processes", str(path), str(result), answer],
        cwd=ROOT,
        env=environment(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(result.read_text(encoding="utf-8"))


def kill_hard(proc: subprocess.Popen[bytes]) -> None:
    os.kill(proc.pid, signal.SIGKILL)


@pytest.fixture
def journey(tmp_path: Path) -> Path:
    path = tmp_path / "plan.journey"
    save(skeleton("retail", "en"), path)
    return path


def test_two_editors_on_one_file_then_a_crash_leaves_a_stale_lock_taken_over_silently(journey: Path, tmp_path: Path) -> None:
    first = start_editor(journey, tmp_path, "first")
    try:
        held = wait_for_lock(journey, first.pid, first)
        assert not held.is_stale() and not held.in_this_process

        # A second editor is told who holds the file, opens it read-only, and leaves the lock alone.
        second = scripted_editor(journey, tmp_path, "lock-read-only")
        assert len(second["prompts"]) == 1
        assert f"plan.journey is being edited by {held.user} on {held.host} since" in second["prompts"][0]
        assert second["read_only"] and f"(read-only: opened by {held.user} on {held.host})" in second["title"]
        assert second["lock_pid_while_open"] == first.pid
        assert read_lock(journey).pid == first.pid  # type: ignore[union-attr]

        # kill -9: no clean-up runs. Even before the zombie is reaped, the lock is stale.
        kill_hard(first)
        end = time.monotonic() + 10
        while not read_lock(journey).is_stale():  # type: ignore[union-attr]
            assert time.monotonic() < end, "the dead editor's lock never became stale"
            time.sleep(0.05)
    finally:
        first.kill()
        first.wait()
    assert lock_path(journey).exists() and read_lock(journey).pid == first.pid  # type: ignore[union-attr]

    # The next real editor takes the stale lock over without asking (a prompt would leave it as it was).
    third = start_editor(journey, tmp_path, "third")
    try:
        wait_for_lock(journey, third.pid, third)
    finally:
        kill_hard(third)
        third.wait()

    # And a scripted one too, showing that no question was asked; closing removes its lock.
    fourth = scripted_editor(journey, tmp_path, "none")
    assert fourth["prompts"] == [] and fourth["opened"] and not fourth["read_only"]
    assert fourth["lock_pid_while_open"] == fourth["pid"]
    assert not fourth["lock_after_close"]
    assert not lock_path(journey).exists()


def test_open_anyway_in_another_process_takes_the_lock_over(journey: Path, tmp_path: Path) -> None:
    first = start_editor(journey, tmp_path, "first")
    try:
        wait_for_lock(journey, first.pid, first)
        other = scripted_editor(journey, tmp_path, "lock-anyway")
        assert len(other["prompts"]) == 1 and not other["read_only"]
        assert other["lock_pid_while_open"] == other["pid"]
        assert not other["lock_after_close"]  # its own lock, removed when it closed
    finally:
        kill_hard(first)
        first.wait()


def test_the_lock_module_across_two_plain_processes(journey: Path, tmp_path: Path) -> None:
    code = (
        "import sys, time; from workbench.model.locks import acquire; "
        "acquire(sys.argv[1]); print('locked', flush=True); time.sleep(60)"
    )
    holder = subprocess.Popen([sys.executable, "-c", code, str(journey)], cwd=ROOT, stdout=subprocess.PIPE)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == b"locked"
        with pytest.raises(LockHeld) as held:
            acquire(journey)
        assert held.value.info.pid == holder.pid and not held.value.info.is_stale()
    finally:
        kill_hard(holder)
        holder.wait()
        if holder.stdout is not None:
            holder.stdout.close()
    lock = acquire(journey)  # stale now: taken over without a word
    assert read_lock(journey).token == lock.token  # type: ignore[union-attr]
    lock.release()


# ------------------------------------------------ the scripted editor


def _scripted(journey: str, result: str, answer: str) -> int:
    """Open *journey* in a real window, answer prompts with the button named *answer*, report."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QAbstractButton, QApplication, QMessageBox

    from workbench.ui.app import make_app
    from workbench.ui.main_window import MainWindow

    make_app()
    window = MainWindow()
    window.show()
    prompts: list[str] = []

    def look() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            prompts.append(box.text())
            button = box.findChild(QAbstractButton, answer)
            button.click() if button is not None else box.reject()

    timer = QTimer()
    timer.timeout.connect(look)
    timer.start(20)
    opened = window.open_path(journey)
    info = read_lock(journey)
    report = {
        "pid": os.getpid(),
        "opened": opened,
        "prompts": prompts,
        "read_only": window.read_only,
        "title": window.windowTitle().replace("[*]", ""),
        "lock_pid_while_open": info.pid if info is not None else None,
    }
    window.stack.setClean()
    window.close()
    report["lock_after_close"] = lock_path(journey).exists() and read_lock(journey).pid == os.getpid()  # type: ignore[union-attr]
    Path(result).write_text(json.dumps(report), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(_scripted(*sys.argv[1:4]))
