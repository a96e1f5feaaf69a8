"""Statistics and plain-text tables of the benchmark.

Medians and 95th percentiles rather than best-of-N: a user waits for the
typical edit and notices the slow one; the best run hides both (the old
"185 ms per move" was a best-of-5 layout with no paint and no garbage
collection). The percentile is the nearest-rank one, so with 30 samples the
p95 is an observed value (the 29th), never an interpolation.
"""

from __future__ import annotations

import math
import statistics
import time
from collections.abc import Callable, Sequence

Cell = float | int | str


def p50(values: Sequence[float]) -> float:
    return statistics.median(values)


def p95(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def ratio(value: float, floor: float) -> float:
    return value / floor if floor > 0 else float("nan")


def timed_ms(repeat: int, action: Callable[[], object]) -> list[float]:
    """Milliseconds of each of *repeat* runs of *action* (garbage collection left on)."""
    out: list[float] = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        out.append((time.perf_counter() - start) * 1000)
    return out


def _cell(column: str, value: Cell) -> str:
    if isinstance(value, str):
        return value
    if column == "bytes" or isinstance(value, int):
        return f"{value:,}"
    if column.startswith("x ") or column == "ratio":
        return f"{value:.1f}x"
    return f"{value:.1f}"


def print_rows(title: str, rows: list[dict[str, Cell]]) -> None:
    """A table of *rows* (one dict each, same keys), each column as wide as its widest cell."""
    print(f"[{title}]")
    if not rows:
        print("(no rows)")
        return
    columns = list(rows[0])
    text = [[_cell(c, row.get(c, "")) for c in columns] for row in rows]
    widths = [max(len(c), *(len(line[i]) for line in text)) for i, c in enumerate(columns)]

    def line(cells: list[str]) -> str:
        out = []
        for i, (cell, width) in enumerate(zip(cells, widths)):
            left = i > 0 and isinstance(rows[0][columns[i]], str)  # names read from the left, figures from the right
            out.append(cell.ljust(width) if left else cell.rjust(width))
        return "  ".join(out).rstrip()

    print(line(columns))
    for cells in text:
        print(line(cells))


def print_table(title: str, rows: dict[int, dict[str, Cell]]) -> None:
    """One row per journey size (the size goes in the first column, "steps")."""
    print_rows(title, [{"steps": size, **row} for size, row in rows.items()])
