"""How fast, and in how much memory, hostile files of up to 32 MB are refused.

Each file is loaded in a child process, so that its peak memory
(``resource.getrusage``'s ``ru_maxrss``) is the load's own and not the
benchmark's; the child also reports the peak it had before loading (the
interpreter and the imports), so the table shows what the load itself added.
Figures are printed, never asserted (a timed test is a flaky test).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from workbench.model.fileformat import MAX_BYTES

ROOT = Path(__file__).resolve().parents[1]

#: Runs in the child: load the file, print what it cost as JSON.
CHILD = """
import json, resource, sys, time
from workbench.model.errors import LoadError
from workbench.model.fileformat import load

def peak_mb():
    # VmHWM is this process's own high-water mark; ru_maxrss can carry the
    # parent's over a fork on Linux, so it is only the fallback.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    scale = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, KiB elsewhere
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale / 1048576

before = peak_mb()
start = time.perf_counter()
try:
    load(sys.argv[1])
    outcome = "loaded"
except LoadError as error:
    outcome = error.field or error.place or error.reason
elapsed = time.perf_counter() - start
print(json.dumps({"ms": elapsed * 1000, "peak": peak_mb(), "base": before, "outcome": outcome}))
"""

HEAD = '{"format":"journey-workbench","version":2,"journey":{"title":"x",'


def _repeated(field: str, item: bytes) -> Callable[[Path], None]:
    """A file whose *field* is a list of *item*, as many as fit in MAX_BYTES."""

    def write(path: Path) -> None:
        head = (HEAD + f'"{field}":[').encode()
        tail = b"]}}"
        count = (MAX_BYTES - len(head) - len(tail) + 1) // (len(item) + 1)
        chunk = 100_000
        with open(path, "wb") as handle:  # in pieces: the parent stays small
            handle.write(head)
            for start in range(0, count, chunk):
                n = min(chunk, count - start)
                handle.write((b"," if start else b"") + b",".join([item] * n))
            handle.write(tail)

    return write


def _real(steps: int) -> Callable[[Path], None]:
    """A realistic journey, large enough for the text scan to run on it (what it costs a good file)."""

    def write(path: Path) -> None:
        from benchmarks.generate import journey_of
        from workbench.model.fileformat import dumps

        path.write_bytes(dumps(journey_of(steps)))

    return write


CASES: dict[str, Callable[[Path], None]] = {
    "steps of {}": _repeated("steps", b"{}"),
    "authors of empty text": _repeated("authors", b'""'),
    "notes as a list of 0": _repeated("notes", b"0"),
}
#: Not in --quick runs: making the file takes seconds.
FULL_CASES: dict[str, Callable[[Path], None]] = {"a real map, 5,000 steps": _real(5000)}


def measure(path: Path) -> dict[str, float | str]:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, cwd=ROOT, timeout=600
    )
    if result.returncode != 0:
        return {"ms": float("nan"), "peak": float("nan"), "base": float("nan"), "outcome": "crashed"}
    return json.loads(result.stdout)


def hostile_stages(quick: bool = False) -> dict[str, dict[str, float | str]]:
    rows = {}
    cases = CASES if quick else {**CASES, **FULL_CASES}
    with tempfile.TemporaryDirectory() as tmp:
        for name, write in cases.items():
            path = Path(tmp) / "hostile.journey"
            write(path)
            figures = measure(path)
            rows[name] = {
                "MB": path.stat().st_size / 1_048_576,
                "refuse ms": figures["ms"],
                "peak RSS MB": figures["peak"],
                "added MB": figures["peak"] - figures["base"],  # type: ignore[operator]
                "refused at": figures["outcome"],
            }
            path.unlink()
    return rows


def print_hostile(rows: dict[str, dict[str, float | str]]) -> None:
    print("[hostile 32 MB files (target: refused in under 1 s and 200 MB)]")
    columns = list(next(iter(rows.values())))
    print(f"{'file':<24}" + "".join(f"{c:>14}" for c in columns[:-1]) + f"  {columns[-1]}")
    for name, row in rows.items():
        cells = "".join(f"{row[c]:>14.1f}" for c in columns[:-1])
        print(f"{name:<24}{cells}  {row[columns[-1]]}")


if __name__ == "__main__":
    print_hostile(hostile_stages(quick="--quick" in sys.argv))
