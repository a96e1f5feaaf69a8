"""``python -m benchmarks.kill_recover``: kill a real editor 50 times, count the recoveries.

Each run starts ``python -m workbench plan.journey`` (offscreen, its own data
folder, the real autosave delays unless ``--delay``/``--max`` say otherwise),
lets the scripted-edits hook add a burst of steps, kills the process with
SIGKILL at a random moment up to ``--window`` seconds after the last edit,
then reads the recovery copies as the next start would offer them. A run
succeeds when every edit older than ``--age`` seconds (by default the
debounce delay: 10 s) at the moment of the kill is in the offered copy, in
order, and the copy loads. The target is 50 of 50.

``--gap MS`` spaces the edits (continuous editing); note that then an edit
can by design wait for the ``--max`` deadline (30 s) rather than the 10 s
debounce, so "older than 10 s" is no longer promised.

Figures are printed, never asserted (see ``benchmarks/__main__.py``).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from tests.realprocess.editor import Editor, editor_env
from workbench.model import recovery
from workbench.model.fileformat import save
from workbench.model.templates import template


@dataclass
class Run:
    number: int
    edits: int
    old_edits: int
    """Edits older than the age limit when the process was killed."""
    recovered: int
    """Scripted edits found in the offered copy (0 with no copy)."""
    ok: bool
    start_to_edits: float
    kill_after: float
    """Seconds from the last edit to the kill."""
    copy_lag: float | None
    """Seconds from the last edit in the copy to the copy being written."""
    recover_ms: float
    """Listing the copies, checking the writer is gone, loading the journey."""
    problem: str = ""


def one_run(number: int, args: argparse.Namespace, folder: Path) -> Run:
    rng = random.Random(args.seed * 1000 + number)
    count = rng.randint(3, args.edits)
    plan = folder / f"run-{number}" / "plan.journey"
    data = plan.parent / "data"
    plan.parent.mkdir(parents=True)
    save(template("banking", "en"), plan)
    env = editor_env(data, delay=args.delay, maximum=args.max, edits=f"{count}@{args.gap}")
    editor = Editor([str(plan)], env)
    try:
        edits = editor.wait_for_edits(count, timeout=120)
        last = edits[-1][1]
        pause = rng.uniform(0.2, args.window)
        time.sleep(max(0.0, last + pause - time.time()))
        killed = editor.kill()
    finally:
        stderr = editor.finish()
    old = [n for n, moment in edits if killed - moment >= args.age]
    started = time.perf_counter()
    problem = ""
    titles: list[str] = []
    lag = None
    try:
        copies = [c for c in _copies(data) if c.original == plan]
        if copies:
            journey = copies[0].loaded().journey
            titles = [s.title for s in journey.steps if s.title.startswith("scripted edit ")]
            in_copy = [moment for n, moment in edits if f"scripted edit {n}" in titles]
            lag = copies[0].saved_at.timestamp() - max(in_copy) if in_copy else None
    except Exception as error:  # a damaged copy is a failed run, with its reason
        problem = f"{type(error).__name__}: {error}"
    recover_ms = (time.perf_counter() - started) * 1000
    expected = [f"scripted edit {n}" for n in range(1, len(titles) + 1)]
    ok = not problem and titles == expected and len(titles) >= len(old)
    if not ok and not problem:
        errors = [line for line in stderr.splitlines() if line.strip() and "This plugin does not support" not in line]
        problem = f"{len(titles)} edits in the copy, {len(old)} older than {args.age:g} s" + (f"; {errors[-3:]}" if errors else "")
    return Run(number, count, len(old), len(titles), ok, edits[0][1] - editor.started, killed - last, lag, recover_ms, problem)


def _copies(data: Path) -> list[recovery.RecoveryCopy]:
    """What the next start would offer from *data* (threads share os.environ: read the folder directly)."""
    folder = data / "recovery"
    found = []
    for path in sorted(folder.glob("*" + recovery.SUFFIX)) if folder.is_dir() else []:
        copy = recovery.read_copy(path)
        if not copy.writer_alive:
            found.append(copy)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.kill_recover", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--parallel", type=int, default=6, help="editors running at once")
    parser.add_argument("--edits", type=int, default=12, help="at most this many edits a run (at least 3)")
    parser.add_argument("--gap", type=int, default=0, help="milliseconds between edits")
    parser.add_argument("--delay", type=float, default=None, help="autosave debounce, s (default: the editor's, 10)")
    parser.add_argument("--max", type=float, default=None, help="autosave deadline, s (default: the editor's, 30)")
    parser.add_argument("--age", type=float, default=None, help="edits older than this must survive (default: the delay)")
    parser.add_argument("--window", type=float, default=None, help="kill up to this many s after the last edit")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    from workbench.ui.autosave import Autosaver

    delay = args.delay if args.delay is not None else Autosaver.delay
    args.age = args.age if args.age is not None else delay
    args.window = args.window if args.window is not None else 2.5 * delay
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kill-recover-") as tmp, ThreadPoolExecutor(args.parallel) as pool:
        runs = list(pool.map(lambda n: one_run(n, args, Path(tmp)), range(1, args.runs + 1)))
    report(runs, args, time.perf_counter() - started)
    return 0


def report(runs: list[Run], args: argparse.Namespace, wall: float) -> None:
    ok = sum(r.ok for r in runs)
    tested = [r for r in runs if r.old_edits]
    lags = [r.copy_lag for r in runs if r.copy_lag is not None]
    print("[kill -9 and recover]")
    print(f"runs {len(runs)}; edits a run 3-{args.edits}, {args.gap} ms apart; kill 0.2-{args.window:g} s after the last edit")
    print(f"recoveries with every edit older than {args.age:g} s: {ok}/{len(runs)} (target {len(runs)}/{len(runs)})")
    print(f"  runs where some edit was older than {args.age:g} s at the kill: {len(tested)}, all edits back in {sum(r.ok for r in tested)}")
    if lags:
        print(f"copy written after the last edit: min {min(lags):.3f} s, median {statistics.median(lags):.3f} s, max {max(lags):.3f} s")
    print(f"start to first edit: median {statistics.median(r.start_to_edits for r in runs):.2f} s")
    print(f"reading the offered copy: median {statistics.median(r.recover_ms for r in runs):.1f} ms, "
          f"max {max(r.recover_ms for r in runs):.1f} ms")
    print(f"wall time {wall:.0f} s ({args.parallel} editors at once)")
    for run in runs:
        if not run.ok:
            print(f"  run {run.number}: killed {run.kill_after:.2f} s after the last edit: {run.problem}")


if __name__ == "__main__":
    sys.exit(main())
