"""The benchmark runner keeps working (its figures are read by people, not asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_quick_benchmark_prints_a_row_per_size() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--quick"], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert lines[0] == "[files and document]"
    assert lines[1].split()[:3] == ["steps", "bytes", "serialise"]
    assert [line.split()[0] for line in lines[2:4]] == ["10", "100"]
    assert lines[4].startswith("[health check")
    assert "health check ms" in lines[5]
    assert lines[8] == "[pdf export]"
    assert "export pdf ms" in lines[9] and "reportlab floor ms" in lines[9] and "ratio" in lines[9]
    assert [line.split()[0] for line in lines[10:12]] == ["10", "100"]
    assert lines[12] == "[canvas]"
    assert "build scene ms" in lines[13] and "move card ms" in lines[13]
    assert [line.split()[0] for line in lines[14:16]] == ["10", "100"]
