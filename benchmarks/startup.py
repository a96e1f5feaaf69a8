"""Start-up to the first painted window, against a bare PySide6 window, in the same run.

``python -m benchmarks.startup [--runs N] [--sizes 10,100,1000]`` prints, per
journey size, the median and 95th percentile of:

* the application: ``python -m workbench FILE`` from process start to the
  first paint of the main window showing FILE, then exit (the application
  quits there when ``JOURNEY_WORKBENCH_EXIT_AFTER_PAINT=1``);
* a bare PySide6 window: a ``QMainWindow`` holding a ``QGraphicsView``, shown,
  painted once, then exit -- the floor no Qt application can go under;

* the stack's floor: the bare window, with the journey FILE read and
  validated first by the mandated model layer (pydantic and the models,
  ``workbench.model.fileformat.load_file``) -- what any editor built on this
  stack does before it can show FILE, with none of the editor's own
  widgets, layout or drawing. Its ratio to the bare window is the least
  the application's ratio can be;

all as CPU time (user + system of the whole process, from
``getrusage(RUSAGE_CHILDREN)``), wall time, and the CPU time each process had
used at its first paint (on the turn of the event loop after it, as each
prints it: ``first-paint-cpu-ms``; the whole process adds the exit to it),
and their ratios (application median / bare median; p95 / p95). The three are run in turn so that a
disturbance of the machine hits all of them. Every process runs offscreen with its
own empty settings and data folders (no recovery dialog, no saved layout),
and byte code cached in a folder of the benchmark's own (as an installed
application has its ``.pyc`` files; nothing is written in the source tree).

Figures are printed, never asserted: a timing assertion in a test is a flaky test.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SIZES = (10, 100, 1000)
#: The application quits right after the first paint of its main window (see workbench/ui/app.py).
EXIT_ENV = "JOURNEY_WORKBENCH_EXIT_AFTER_PAINT"
TIMEOUT = 300

#: What each program prints on the turn of the event loop after its first paint.
PAINT_CPU = "first-paint-cpu-ms"

BARE_WINDOW = """
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView, QMainWindow

app = QApplication(sys.argv[:1])
window = QMainWindow()
scene = QGraphicsScene()
view = QGraphicsView(scene)
window.setCentralWidget(view)


def painted():
    print("first-paint-cpu-ms %.3f" % (time.process_time() * 1000), flush=True)  # (PAINT_CPU)
    app.quit()


class QuitAfterPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, painted)
        return False


quitter = QuitAfterPaint()
view.viewport().installEventFilter(quitter)
window.resize(1280, 800)
window.show()
sys.exit(app.exec())
"""


#: The bare window, after reading FILE (the first argument) with the model layer.
STACK_FLOOR = (
    "import gc, sys\n"
    "gc.disable()  # as the application does until its first paint\n"
    "from pathlib import Path\n"
    "from workbench.model.fileformat import load_file\n"
    "journey = load_file(Path(sys.argv[1])).journey\n"
) + BARE_WINDOW


def _percentile(values: list[float], fraction: float) -> float:
    """The *fraction* quantile, linear between the closest ranks (as numpy's default)."""
    ordered = sorted(values)
    if len(ordered) == 1:
        return ordered[0]
    position = fraction * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def _timed(command: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, float]:
    """CPU ms (user + system of the child) and wall ms of one run of *command* to its exit, and the CPU ms it
    had used at its first paint (the first line it printed with :data:`PAINT_CPU`)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, timeout=TIMEOUT)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} ended with {result.returncode}:\n{result.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    said = [line.split()[1] for line in result.stdout.splitlines() if line.startswith(PAINT_CPU + " ")]
    if not said:
        raise RuntimeError(f"{' '.join(command)} did not say its {PAINT_CPU}:\n{result.stdout[-2000:]}")
    return cpu * 1000, wall * 1000, float(said[0])


def _environment(folder: Path) -> dict[str, str]:
    env = dict(os.environ)
    # As on a user's machine, byte code is compiled once and then read (the unmeasured
    # first runs write it): in a folder of the benchmark's own, never in the source tree.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
    env.update(
        {
            "QT_QPA_PLATFORM": "offscreen",
            "LANGUAGE": "en",
            "XDG_CONFIG_HOME": str(folder / "config"),
            "JOURNEY_WORKBENCH_DATA": str(folder / "data"),
            EXIT_ENV: "1",
        }
    )
    return env


def _write_journeys(sizes: tuple[int, ...], folder: Path) -> dict[int, Path]:
    from benchmarks.generate import journey_of
    from workbench.model.fileformat import save

    paths = {}
    for size in sizes:
        paths[size] = folder / f"startup-{size}.journey"
        save(journey_of(size), paths[size])
    return paths


#: The clocks of a run, in the order :func:`_timed` gives them.
CLOCKS = ("cpu", "wall", "paint")


def _summary(runs: dict[str, list[tuple[float, float, float]]]) -> dict[str, float]:
    """Median and p95 of each program's runs ("app", "bare", "floor"), and each one's ratios to the bare window's."""
    row: dict[str, float] = {}
    for index, clock in enumerate(CLOCKS):
        for who, samples in runs.items():
            values = [sample[index] for sample in samples]
            row[f"{who} {clock} median ms"] = statistics.median(values)
            row[f"{who} {clock} p95 ms"] = _percentile(values, 0.95)
        for who, prefix in (("app", ""), ("floor", "floor ")):
            if who in runs:
                row[f"{prefix}{clock} ratio median"] = row[f"{who} {clock} median ms"] / row[f"bare {clock} median ms"]
                row[f"{prefix}{clock} ratio p95"] = row[f"{who} {clock} p95 ms"] / row[f"bare {clock} p95 ms"]
    return row


def startup_stages(sizes: tuple[int, ...] = SIZES, runs: int = 10) -> dict[int, dict[str, float]]:
    """Per size: median and p95 (ms) of the application's start-up and of a bare window's, and their ratios.

    One unmeasured run of each comes first (the disk cache, Python's byte code).
    """
    with tempfile.TemporaryDirectory(prefix="workbench-startup-") as tmp:
        folder = Path(tmp)
        env = _environment(folder)
        paths = _write_journeys(sizes, folder)
        bare_script = folder / "bare_window.py"
        bare_script.write_text(BARE_WINDOW, encoding="utf-8")
        floor_script = folder / "stack_floor.py"
        floor_script.write_text(STACK_FLOOR, encoding="utf-8")
        rows: dict[int, dict[str, float]] = {}
        for size in sizes:
            commands = {
                "bare": [sys.executable, str(bare_script)],
                "floor": [sys.executable, str(floor_script), str(paths[size])],
                "app": [sys.executable, "-m", "workbench", str(paths[size])],
            }
            for command in commands.values():
                _timed(command, env, ROOT)
            samples: dict[str, list[tuple[float, float, float]]] = {who: [] for who in commands}
            for _ in range(runs):
                for who, command in commands.items():
                    samples[who].append(_timed(command, env, ROOT))
            rows[size] = _summary(samples)
    return rows


def print_table(rows: dict[int, dict[str, float]]) -> None:
    print("[start-up to the first painted window (targets: cpu ratio <= 1.5 at 10 steps, <= 3 at 1,000)]")
    print("(floor: the bare window after reading and validating FILE with the model layer; its ratio is the least")
    print(" the application's can be on this stack)")
    print("(cpu, wall: the whole process, to its exit; paint: the cpu each had used at its first paint)")
    for clock in CLOCKS:
        print(
            f"{'steps':>6} {clock + ' app p50':>13} {'app p95':>9} {'bare p50':>9} {'bare p95':>9}"
            f" {'ratio p50':>10} {'ratio p95':>10} {'floor p50':>10} {'floor ratio':>12}"
        )
        for size, row in rows.items():
            print(
                f"{size:>6} {row[f'app {clock} median ms']:>13.0f} {row[f'app {clock} p95 ms']:>9.0f}"
                f" {row[f'bare {clock} median ms']:>9.0f} {row[f'bare {clock} p95 ms']:>9.0f}"
                f" {row[f'{clock} ratio median']:>10.2f} {row[f'{clock} ratio p95']:>10.2f}"
                f" {row[f'floor {clock} median ms']:>10.0f} {row[f'floor {clock} ratio median']:>12.2f}"
            )


def main(argv: list[str]) -> int:
    runs = 10
    sizes = SIZES
    if "--runs" in argv:
        runs = int(argv[argv.index("--runs") + 1])
    if "--sizes" in argv:
        sizes = tuple(int(part) for part in argv[argv.index("--sizes") + 1].split(","))
    print_table(startup_stages(sizes, runs))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
