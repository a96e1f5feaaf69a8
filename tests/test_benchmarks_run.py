"""The benchmark runner keeps working (its figures are read by people, not asserted).

`python -m benchmarks --quick` runs every section at 10 and 100 steps with a
few repetitions; this checks the shape of what it prints, never a time.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

EDITS = ["card drop", "undo move", "redo move", "inspector key", "Enter new step", "Enter, last step", "step move"]


@pytest.fixture(scope="module")
def quick() -> list[str]:
    """One run for all the checks: it takes some seconds (a Qt window per size, a start-up per size)."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=240
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()


def section(lines: list[str], title: str) -> list[str]:
    """The lines of the table whose title starts with *title* (header line first)."""
    start = next(i for i, line in enumerate(lines) if line.startswith(f"[{title}"))
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("[")), len(lines))
    return lines[start + 1 : end]


def test_quick_benchmark_prints_every_table_with_a_row_per_size(quick: list[str]) -> None:
    lines = quick
    files = section(lines, "files and document")
    assert files[0].split()[:3] == ["steps", "bytes", "serialise"]
    assert "move card" not in files[0]  # it left out the paint: the canvas table measures it
    assert [row.split()[0] for row in files[1:]] == ["10", "100"]

    check = section(lines, "health check")
    assert check[0].split() == ["steps", "links", "p50", "ms", "p95", "ms", "floor", "p50", "ms",
                                "x", "floor", "p50", "x", "floor", "p95", "runs"]
    assert [row.split()[0] for row in check[1:]] == ["10", "100"]

    pdf = section(lines, "pdf export")
    assert "export pdf ms" in pdf[0] and "reportlab floor ms" in pdf[0] and "ratio" in pdf[0]
    assert [row.split()[0] for row in pdf[1:]] == ["10", "100"]

    build = section(lines, "scene build to first painted frame")
    for column in ("items", "build", "p50 ms", "p95 ms", "cpu p50 ms", "floor p50 ms", "x floor p50", "builds"):
        assert column in build[0]
    assert [row.split()[0] for row in build[1:]] == ["10", "10", "100", "100"]
    # Built again (the journey's texts measured before) and opened (nothing measured yet), each size.
    assert [" ".join(row.split()[2:-6]) for row in build[1:]] == ["again", "first open"] * 2

    # Start-up comes from benchmarks/startup.py: its table, or one line saying why there is none.
    assert any(line.startswith("[start-up") for line in lines)
    assert any(line.startswith("[hostile") for line in lines)


def test_quick_benchmark_times_each_edit_to_its_frame_against_the_floor(quick: list[str]) -> None:
    rows = section(quick, "edit to painted frame")
    header = rows[0]
    for column in ("steps", "edit", "p50 ms", "p95 ms", "cpu p50 ms", "x floor p50", "x floor p95", "n"):
        assert column in header
    names = [" ".join(row.split()[1:-6]) for row in rows[1:]]  # between the size and the six figures
    expected = ["floor: move 1 item", *EDITS]
    assert names == expected * 2
    assert [row.split()[0] for row in rows[1:]] == ["10"] * len(expected) + ["100"] * len(expected)
    for row in rows[1:]:
        cells = row.split()
        assert cells[-3].endswith("x") and cells[-2].endswith("x")  # the ratios to the floor
        assert int(cells[-1]) >= 6  # samples: an even number, each edit then its inverse
        assert float(cells[-6]) > 0 and float(cells[-5]) >= float(cells[-6])  # p95 >= p50 > 0
        assert float(cells[-4]) >= 0  # CPU time
