"""``python -m benchmarks``: what a user waits for, at 10, 100, 1,000 and 5,000 steps.

Options: ``--quick`` (10 and 100 steps, few repetitions: the test's run),
``--sizes 10,100,1000`` (which journeys), ``--edits N`` (samples per canvas
figure, 30 by default: a p95 needs them), ``--skip files,check,pdf,canvas,startup,hostile``.

Tables, in order: files and document; the health check; the PDF export
against a bare reportlab page; the scene build and each canvas edit to the
painted frame, against a bare QGraphicsScene of as many items (see
``canvas.py`` and ``frames.py``); start-up against a bare PySide6 window
(``startup.py``, when present); how hostile 32 MB files are refused.

Figures are medians and 95th percentiles, garbage collection included,
printed and never asserted: a timing assertion in a test is a flaky test.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
from pathlib import Path

from benchmarks import generate
from benchmarks.generate import journey_of
from benchmarks.report import Cell, p50, p95, print_table, ratio, timed_ms
from workbench.model.document import JourneyDocument
from workbench.model.fileformat import dumps, load, loads, save

SIZES = (10, 100, 1000, 5000)
QUICK_SIZES = (10, 100)
SECTIONS = ("files", "check", "pdf", "canvas", "startup", "hostile")


def file_stages(size: int, repeat: int, folder: Path) -> dict[str, Cell]:
    """Median milliseconds of each file stage (the old "move card" figure left out paint: see canvas)."""
    journey = journey_of(size)
    path = folder / f"bench-{size}.journey"
    save(journey, path)
    data = dumps(journey)
    return {
        "bytes": len(data),
        "serialise ms": p50(timed_ms(repeat, lambda: dumps(journey))),
        "parse+validate ms": p50(timed_ms(repeat, lambda: loads(data))),
        "save ms": p50(timed_ms(repeat, lambda: save(journey, path))),
        "load ms": p50(timed_ms(repeat, lambda: load(path))),
        "open document ms": p50(timed_ms(repeat, lambda: JourneyDocument(journey))),
    }


def check_stage(size: int, repeat: int) -> dict[str, Cell]:
    """The health check on the whole journey: it runs after every edit (debounced)."""
    from workbench.model.analysis import check

    journey = journey_of(size)  # links every 20 steps: shortcuts (branches) and retries (loops)
    # As in the editor, where the check runs on a journey opened (and its heap settled, see
    # workbench/ui/memory.py) before: the collector does not walk the journey's models in its
    # full passes. What the check itself makes is collected as it goes.
    # Never unfrozen (see benchmarks/edits.py: collecting what was frozen crashed shiboken).
    gc.collect()
    gc.freeze()
    samples, floor = [], []
    for _ in range(repeat):  # in turn, so that a disturbance of the machine hits both
        samples += timed_ms(1, lambda: check(journey))
        floor += timed_ms(1, lambda: read_once(journey))
    return {
        "links": len(journey.links), "p50 ms": p50(samples), "p95 ms": p95(samples),
        "floor p50 ms": p50(floor), "x floor p50": ratio(p50(samples), p50(floor)),
        "x floor p95": ratio(p95(samples), p95(floor)),
        "runs": repeat,
    }


def read_once(journey) -> int:  # type: ignore[no-untyped-def]
    """The check's floor: what any check of the journey does at least, in plain Python.

    Steps in time order, each step's cards found, every emotion, card and
    handoff read once. Its time in the same run says how fast this machine
    is now (they are shared and noisy): the check's ratio to it is the figure
    that compares from one run, or one machine, to another.
    """
    stage_order = {stage.id: stage.order for stage in journey.stages}
    steps = sorted(journey.steps, key=lambda s: (stage_order.get(s.stage, 0), s.order, s.id))
    cards_of: dict[str, list[str]] = {}
    for card in journey.cards:
        cards_of.setdefault(card.step, []).append(card.id)
    total = 0
    for step in steps:
        total += sum(e.value for e in step.emotions if e.value is not None) + len(cards_of.get(step.id, ()))
    known = {card.id for card in journey.cards}
    for handoff in journey.handoffs:
        total += handoff.source in known and handoff.target in known
    return total


def startup_section(sizes: tuple[int, ...], runs: int) -> None:
    """Start-up against a bare window, from ``benchmarks/startup.py`` (written alongside; optional)."""
    try:
        from benchmarks import startup  # type: ignore[attr-defined, unused-ignore]
    except ImportError:
        print("[start-up] benchmarks/startup.py is missing: no start-up figures")
        return
    try:
        rows = startup.startup_stages(sizes, runs)
    except Exception as error:  # noqa: BLE001 - the other tables are still worth printing
        first = (str(error).strip().splitlines() or [type(error).__name__])[0]
        print(f"[start-up] failed: {type(error).__name__}: {first}")
        return
    show = getattr(startup, "print_table", None)
    if show is not None:
        show(rows)
    else:
        print_table(f"start-up to the first painted window vs a bare PySide6 window ({runs} runs)", rows)


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="10 and 100 steps, few repetitions")
    parser.add_argument("--sizes", help="comma-separated journey sizes, e.g. 10,100,1000")
    parser.add_argument("--edits", type=int, help="samples per canvas figure (30; quick: 6)")
    parser.add_argument("--skip", default="", help="sections to leave out: " + ",".join(SECTIONS))
    parser.add_argument("--no-canvas", action="store_true", help="same as --skip canvas")
    parser.add_argument("--personas", type=int, choices=(1, 2), default=1,
                        help="journeys with one persona (one curve) or two, as is and to be (four curves)")
    args = parser.parse_args(argv)
    generate.PERSONAS = args.personas
    args.sizes = tuple(int(s) for s in args.sizes.split(",")) if args.sizes else (QUICK_SIZES if args.quick else SIZES)
    if min(args.sizes) < 5:
        parser.error("sizes start at 5 steps (the canvas edits use the first stage's steps)")
    args.edits = args.edits or (6 if args.quick else 30)
    args.skip = {s.strip() for s in args.skip.split(",") if s.strip()} | ({"canvas"} if args.no_canvas else set())
    unknown = args.skip - set(SECTIONS)
    if unknown:
        parser.error(f"unknown sections: {', '.join(sorted(unknown))}")
    return args


def main(argv: list[str]) -> int:
    args = parse(argv)
    sizes, quick = args.sizes, args.quick
    repeat = 3 if quick else 7

    def runs_at(size: int, many: int) -> int:
        """Fewer runs of what takes seconds at the largest sizes."""
        return many if size <= 1000 else max(3, many // 5)

    if "files" not in args.skip:
        with tempfile.TemporaryDirectory() as tmp:
            rows = {size: file_stages(size, runs_at(size, repeat), Path(tmp)) for size in sizes}
        print_table("files and document (median ms)", rows)
    if "check" not in args.skip:
        checks = 5 if quick else 30
        print_table("health check (target: 20 ms at 1,000 steps)", {s: check_stage(s, runs_at(s, checks)) for s in sizes})
    if "pdf" not in args.skip:
        from benchmarks.export import export_stages

        print_table("pdf export", {size: export_stages(size, 1 if quick else runs_at(size, 3)) for size in sizes})
        from benchmarks.export import tiled_stages

        tiled_sizes = tuple(size for size in sizes if size <= 1000)
        print_table(
            "tiled pdf, A3 (targets: <= 3x a bare reportlab drawing of what the tiles show, <= 300 MB at 1,000 steps)",
            {size: tiled_stages(size) for size in tiled_sizes},
        )
    if "canvas" not in args.skip:
        from benchmarks.canvas import canvas_figures, print_canvas

        builds = 2 if quick else 10
        print_canvas([canvas_figures(s, args.edits, runs_at(s, builds)) for s in sizes])
    if "startup" not in args.skip:
        startup_section(sizes, 1 if quick else 5)
    if "hostile" not in args.skip:
        from benchmarks.hostile import hostile_stages, print_hostile

        print_hostile(hostile_stages(quick))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
