"""``python -m benchmarks [--quick]``: time every stage at 10, 100 and 1,000 steps.

The last table is how fast, and in how little memory, hostile 32 MB files
are refused (``benchmarks/hostile.py``).

Figures are printed, never asserted: a timing assertion in a test is a flaky
test. Each figure is the best of several runs (the least disturbed one).
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.generate import journey_of
from workbench.model.document import JourneyDocument
from workbench.model.fileformat import dumps, load, loads, save

SIZES = (10, 100, 1000)


def best_of(repeat: int, action: Callable[[], object]) -> float:
    """Milliseconds of the fastest of *repeat* runs of *action*."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        best = min(best, time.perf_counter() - start)
    return best * 1000


def file_stages(size: int, repeat: int, folder: Path) -> dict[str, float]:
    journey = journey_of(size)
    path = folder / f"bench-{size}.journey"
    save(journey, path)
    data = dumps(journey)
    document = JourneyDocument(journey)
    card = document.journey.cards[len(document.journey.cards) // 2]
    other_step = document.journey.steps[0].id

    def move_and_back() -> None:
        inverse = document.move(card.id, 0, step=other_step)
        document.apply(inverse)

    return {
        "bytes": len(data),
        "serialise ms": best_of(repeat, lambda: dumps(journey)),
        "parse+validate ms": best_of(repeat, lambda: loads(data)),
        "save ms": best_of(repeat, lambda: save(journey, path)),
        "load ms": best_of(repeat, lambda: load(path)),
        "open document ms": best_of(repeat, lambda: JourneyDocument(journey)),
        "move card+undo ms": best_of(repeat, move_and_back),
    }


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    repeat = 1 if quick else 5
    sizes = SIZES[:2] if quick else SIZES
    with tempfile.TemporaryDirectory() as tmp:
        rows = {size: file_stages(size, repeat, Path(tmp)) for size in sizes}
    print_table("files and document", rows)
    from benchmarks.export import export_stages
    from workbench.model.analysis import check

    def check_stage(size: int) -> dict[str, float]:
        journey = journey_of(size)  # links every 20 steps: shortcuts (branches) and retries (loops)
        return {"links": len(journey.links), "health check ms": best_of(repeat, lambda: check(journey))}

    print_table("health check (target: under 50 ms at 1,000 steps)", {size: check_stage(size) for size in sizes})

    print_table("pdf export", {size: export_stages(size, repeat) for size in sizes})
    if "--no-canvas" not in argv:
        from benchmarks.canvas import canvas_stages

        print_table("canvas", {size: canvas_stages(size, repeat) for size in sizes})
    from benchmarks.hostile import hostile_stages, print_hostile

    print_hostile(hostile_stages(quick))
    return 0


def print_table(title: str, rows: dict[int, dict[str, float]]) -> None:
    columns = list(next(iter(rows.values())))
    print(f"[{title}]")
    print("steps  " + "  ".join(f"{c:>18}" for c in columns))
    for size, row in rows.items():
        cells = "  ".join(f"{row[c]:>18.1f}" if c != "bytes" else f"{row[c]:>18,}" for c in columns)
        print(f"{size:>5}  {cells}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
