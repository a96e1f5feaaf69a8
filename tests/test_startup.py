"""A quick start: the first window is painted before anything it does not need is loaded or run.

``python -m workbench FILE`` must paint the journey without importing
networkx (the health check), reportlab or PIL (the PDF export): those load
on first use, after the first paint. The exit-after-paint flag, which
``benchmarks/startup.py`` times start-up with, quits right after that paint.
Timings themselves are the benchmark's business, never asserted here.
"""

from __future__ import annotations

import gc
import importlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from workbench.cli import BEFORE_QT
from workbench.model.fileformat import load, save
from workbench.ui.app import EXIT_AFTER_PAINT_ENV, STARTUP_REPORT_ENV

ROOT = Path(__file__).resolve().parents[1]
#: Loaded on first use only: never before the first paint.
HEAVY = ("networkx", "reportlab", "PIL")
QT = ("PySide6", "shiboken6")


@pytest.fixture()
def looping_journey(tmp_path: Path) -> Path:
    """A journey with branches and loops: its health check imports networkx, if it runs."""
    from benchmarks.generate import journey_of

    path = tmp_path / "loops.journey"
    save(journey_of(40), path)
    return path


def editor_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LANGUAGE="en")
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")  # no saved layout, no recent files
    env["JOURNEY_WORKBENCH_DATA"] = str(tmp_path / "data")  # no recovery copy to offer
    for name in (EXIT_AFTER_PAINT_ENV, STARTUP_REPORT_ENV):
        env.pop(name, None)
    env.update(extra)
    return env


def start_editor(path: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "workbench", str(path)], cwd=ROOT, env=env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )


def imported(report: dict[str, object], packages: tuple[str, ...]) -> list[str]:
    modules = report["modules"]
    assert isinstance(modules, list)
    return sorted({name.split(".")[0] for name in modules} & set(packages))


@pytest.mark.parametrize("example", ["banking-savings", "loops"])
def test_the_first_paint_shows_the_file_without_networkx_reportlab_or_pil(
    example: str, looping_journey: Path, tmp_path: Path
) -> None:
    path = looping_journey if example == "loops" else ROOT / "examples" / f"{example}.journey"
    report_path = tmp_path / "report.json"
    env = editor_env(tmp_path, **{EXIT_AFTER_PAINT_ENV: "1", STARTUP_REPORT_ENV: str(report_path)})
    result = subprocess.run(
        [sys.executable, "-m", "workbench", str(path)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(report_path.read_text(encoding="utf-8"))
    # The journey itself was painted, not an empty one it replaced afterwards.
    assert Path(report["file"]).resolve() == path.resolve()
    assert report["steps"] == len(load(path).steps)
    assert path.name in report["title"]
    assert imported(report, QT) == ["PySide6", "shiboken6"]  # the report is from the real GUI
    assert imported(report, HEAVY) == []
    assert "workbench.export.pdf" not in report["modules"]
    assert report["collecting"] is False  # no garbage collection walked what start-up made


def test_without_the_flag_the_editor_stays_open_after_its_first_paint(tmp_path: Path) -> None:
    report_path = tmp_path / "report.json"
    editor = start_editor(ROOT / "examples" / "banking-savings.journey",
                          editor_env(tmp_path, **{STARTUP_REPORT_ENV: str(report_path)}))
    try:
        deadline = time.monotonic() + 120
        while not report_path.exists() and editor.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert report_path.exists(), editor.stderr.read() if editor.poll() is not None else "no first paint"
        time.sleep(1.0)
        assert editor.poll() is None, "the editor quit by itself"
    finally:
        editor.terminate()
        editor.communicate(timeout=60)


def test_the_modules_imported_before_qt_are_qt_free() -> None:
    """cli.BEFORE_QT is imported before PySide6: it must exist, and must not bring Qt in itself."""
    code = (
        "import importlib, sys\n"
        f"for name in {BEFORE_QT!r}:\n"
        "    importlib.import_module(name)\n"
        f"qt = sorted(m for m in sys.modules if m.startswith({QT!r}))\n"
        f"heavy = sorted(m for m in sys.modules if m.split('.')[0] in {HEAVY!r})\n"
        "assert not qt and not heavy, (qt, heavy)\n"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    for name in BEFORE_QT:
        assert importlib.import_module(name)


# ------------------------------------------------ the window's first paint


@pytest.fixture()
def deferring_window(qtbot, tmp_path_factory):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from workbench.ui.main_window import MainWindow

    # Its own settings, as the GUI tests' windows have (tests/ui/conftest.py): no dock layout saved by another
    # test's window (an outline hidden from the View menu) comes in.
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path_factory.mktemp("settings")))

    window = MainWindow(defer=True)
    qtbot.addWidget(window)
    yield window
    window.stack.setClean()


def test_a_deferring_window_checks_and_outlines_the_journey_only_once_painted(qtbot, deferring_window,  # type: ignore[no-untyped-def]
                                                                              looping_journey: Path) -> None:
    window = deferring_window
    ran: list[str] = []
    painted: list[bool] = []
    window.first_painted.connect(lambda: painted.append(True))
    window.after_first_paint(lambda: ran.append("first"))
    window.show()
    assert window.open_path(looping_journey, ask=False)
    assert not window.painted and ran == []
    assert window.findings.document is None  # the health check waits for the paint...
    assert window.outline.scene is None  # ...and so does the outline behind the inspector
    assert str(looping_journey.resolve()) not in window.recent_files()  # ...and the Open Recent list
    qtbot.waitUntil(lambda: window.painted, timeout=10_000)
    assert painted == [True] and ran == ["first"]
    assert window.findings.document is window.document  # the journey opened, not the blank one before it
    assert window.outline.scene is window.scene
    from tests.ui.helpers import pick_tab

    pick_tab(window, window.outline_dock)  # (behind the inspector's tab, it fills itself when its tab is picked)
    assert window.outline.topLevelItemCount() > 0
    assert window.recent_files()[0] == str(looping_journey.resolve())
    window.after_first_paint(lambda: ran.append("later"))
    assert ran == ["first", "later"]  # once painted, at once
    qtbot.wait(50)
    assert painted == [True]  # once only


def test_the_collector_held_off_at_start_is_back_once_the_window_is_painted(qtbot, deferring_window,  # type: ignore[no-untyped-def]
                                                                            looping_journey: Path, monkeypatch) -> None:
    from workbench.ui.memory import hold_off

    window = deferring_window
    collections: list[int] = []
    collect = gc.collect
    monkeypatch.setattr(gc, "collect", lambda *args: collections.append(1) or collect(*args))
    hold_off()  # as the editor's start does
    try:
        window.show()
        assert window.open_path(looping_journey, ask=False)
        assert not gc.isenabled()
        frozen = gc.get_freeze_count()
        qtbot.waitUntil(lambda: window.painted, timeout=10_000)
        assert gc.isenabled()  # a long session's garbage is collected
        assert gc.get_freeze_count() > frozen  # the journey's objects are set aside, not walked at every edit
        # ...without first walking them all for start-up's few leftovers (~80 ms at 1,000 steps, the window just shown)
        assert collections == []
        # A journey opened later is made and painted with no collection walking it as it grows...
        assert window.open_path(ROOT / "examples" / "banking-savings.journey", ask=False)
        assert not gc.isenabled() and collections == []
        qtbot.waitUntil(gc.isenabled, timeout=10_000)
        # ...then settled with a collection, once its map is painted: the journey before it goes
        assert collections == [1]
        assert gc.get_freeze_count() > 0
    finally:
        gc.enable()


def test_a_window_closed_before_the_map_it_opened_was_painted_gives_the_collector_back(qtbot, looping_journey: Path) -> None:  # type: ignore[no-untyped-def]
    from workbench.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        assert window.open_path(looping_journey, ask=False)
        assert not gc.isenabled()
        window.close()  # before any paint of the new map: its paint never comes
        # (the collector stayed off until a 10-second fallback, then walked all that had piled up)
        assert gc.isenabled()
    finally:
        gc.enable()


def test_a_journey_opened_in_a_window_not_shown_is_settled_at_once(qtbot, looping_journey: Path,  # type: ignore[no-untyped-def]
                                                                    monkeypatch) -> None:
    from workbench.ui.main_window import MainWindow

    window = MainWindow()  # never shown: no paint is coming to wait for
    qtbot.addWidget(window)
    collections: list[int] = []
    collect = gc.collect
    monkeypatch.setattr(gc, "collect", lambda *args: collections.append(1) or collect(*args))
    try:
        assert window.open_path(looping_journey, ask=False)
        assert gc.isenabled() and collections == [1]
    finally:
        gc.enable()


def test_a_start_that_cannot_load_qt_gives_the_collector_back(monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    from workbench.cli import cmd_gui

    monkeypatch.setitem(sys.modules, "workbench.ui.app", None)  # importing it fails, as a missing Qt library would
    try:
        assert cmd_gui([]) == 2
        assert "Qt cannot start" in capsys.readouterr().err
        assert gc.isenabled()
    finally:
        gc.enable()
    # ...and the start is over: a window settled later in this process looks for garbage as any later open does
    from workbench.ui import memory

    collections: list[int] = []
    collect = gc.collect
    monkeypatch.setattr(gc, "collect", lambda *args: collections.append(1) or collect(*args))
    memory.settle()
    assert collections == [1]


def test_a_window_made_without_defer_sets_everything_up_at_once(qtbot, looping_journey: Path) -> None:  # type: ignore[no-untyped-def]
    from workbench.ui.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    assert window.painted
    assert window.findings.document is window.document
    assert window.outline.scene is window.scene
    assert window.open_path(looping_journey, ask=False)
    assert window.findings.document is window.document
    assert window.recent_files()[0] == str(looping_journey.resolve())


def test_a_window_closed_before_its_first_paint_sets_nothing_up(qtbot, deferring_window) -> None:  # type: ignore[no-untyped-def]
    window = deferring_window
    ran: list[str] = []
    window.after_first_paint(lambda: ran.append("set-up"))
    window.first_painted.connect(window.close)  # as the exit-after-paint flag quits
    window.show()
    qtbot.waitUntil(lambda: window.painted, timeout=10_000)
    qtbot.wait(20)
    assert ran == []
    assert window.findings.document is None


# ------------------------------------------------------------- benchmark


def test_the_start_up_benchmark_reports_medians_p95_and_ratios() -> None:
    from benchmarks.startup import startup_stages

    rows = startup_stages((10,), runs=1)
    row = rows[10]
    for clock in ("cpu", "wall", "paint"):
        for who in ("app", "bare", "floor"):
            assert row[f"{who} {clock} median ms"] > 0
            assert row[f"{who} {clock} p95 ms"] >= row[f"{who} {clock} median ms"]
        assert row[f"{clock} ratio median"] == row[f"app {clock} median ms"] / row[f"bare {clock} median ms"]
        assert row[f"{clock} ratio p95"] > 0
        assert row[f"floor {clock} ratio median"] == row[f"floor {clock} median ms"] / row[f"bare {clock} median ms"]
    for who in ("app", "bare", "floor"):  # at the first paint, a process had used less than by its exit
        assert row[f"{who} paint median ms"] < row[f"{who} cpu median ms"]


def test_the_stack_floor_reads_the_file_it_is_given(tmp_path: Path) -> None:
    """The floor's program really reads FILE with the model layer: a bad file ends it with the loader's error."""
    from benchmarks.startup import STACK_FLOOR

    script = tmp_path / "floor.py"
    script.write_text(STACK_FLOOR, encoding="utf-8")
    bad = tmp_path / "bad.journey"
    bad.write_text("{", encoding="utf-8")
    result = subprocess.run([sys.executable, str(script), str(bad)], cwd=ROOT, env=editor_env(tmp_path),
                            capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and "bad.journey" in result.stderr
    good = subprocess.run([sys.executable, str(script), str(ROOT / "examples" / "banking-savings.journey")], cwd=ROOT,
                          env=editor_env(tmp_path), capture_output=True, text=True, timeout=120)
    assert good.returncode == 0, good.stderr
