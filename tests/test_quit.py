"""Quitting: the editor's process ends at once, and what a quit must leave behind is there.

Once the event loop is over, :func:`workbench.ui.app.leave` ends the process
without the interpreter freeing every object one by one (120 ms at 1,000
steps). These tests hold what that must not skip: the exit functions (the
locks' safety net), what was printed, the settings the window saved, the
lock of the file it had open, the exit status.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from workbench.model.locks import lock_path
from workbench.ui.app import EXIT_AFTER_PAINT_ENV, STARTUP_REPORT_ENV

ROOT = Path(__file__).resolve().parents[1]


def test_leave_runs_the_exit_functions_flushes_and_skips_the_teardown(tmp_path: Path) -> None:
    marker = tmp_path / "exit-function-ran"
    script = textwrap.dedent(
        f"""
        import atexit, sys
        from workbench.ui.app import leave

        class Noisy:
            def __del__(self):
                sys.stdout.write("taken apart")

        kept = Noisy()
        atexit.register(lambda: open({str(marker)!r}, "w").close())
        sys.stdout.write("said, not yet flushed")
        sys.stderr.write("warned")
        leave(3)
        sys.stdout.write("after leave")
        """
    )
    buffered = {name: value for name, value in os.environ.items() if name != "PYTHONUNBUFFERED"}
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=buffered, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 3
    assert result.stdout == "said, not yet flushed"  # flushed, and no object was taken apart after
    assert result.stderr == "warned"
    assert marker.exists()


def test_leave_without_output_streams_still_ends_with_its_status(tmp_path: Path) -> None:
    """The windowed editor on Windows (workbench-gui, a frozen bundle) has no stdout or stderr at all."""
    marker = tmp_path / "exit-function-ran"
    script = textwrap.dedent(
        f"""
        import atexit, sys
        from workbench.ui.app import leave

        atexit.register(lambda: open({str(marker)!r}, "w").close())
        sys.stdout = sys.stderr = None
        leave(4)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert (result.returncode, result.stderr) == (4, "")
    assert marker.exists()


def test_the_same_script_ending_normally_does_take_its_objects_apart(tmp_path: Path) -> None:
    """What the test above holds is only true of leave: a normal end finalises what it kept."""
    script = textwrap.dedent(
        """
        import sys

        class Noisy:
            def __del__(self):
                sys.stdout.write("taken apart")

        kept = Noisy()
        sys.exit(3)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert (result.returncode, result.stdout) == (3, "taken apart")


def test_an_editor_that_quits_leaves_no_lock_and_keeps_its_settings(tmp_path: Path) -> None:
    journey = tmp_path / "work" / "banking-savings.journey"
    journey.parent.mkdir()
    shutil.copy(ROOT / "examples" / "banking-savings.journey", journey)
    config = tmp_path / "config"
    report = tmp_path / "report.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LANGUAGE="en", XDG_CONFIG_HOME=str(config))
    env.update({"JOURNEY_WORKBENCH_DATA": str(tmp_path / "data"), EXIT_AFTER_PAINT_ENV: "1",
                STARTUP_REPORT_ENV: str(report)})
    result = subprocess.run(
        [sys.executable, "-m", "workbench", str(journey)], cwd=ROOT, env=env, capture_output=True, text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert report.exists()  # it did open the file and paint it
    assert not lock_path(journey).exists()
    assert sorted(p.name for p in journey.parent.iterdir()) == [journey.name]
    settings = (config / "Journey Workbench" / "Journey Workbench.conf").read_text(encoding="utf-8")
    assert "[window]\ngeometry=@ByteArray(" in settings  # saved as the window closed
