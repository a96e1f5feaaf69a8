"""The last saved versions of a file, kept in the data folder (File > Versions).

The ``.bak`` beside a file holds one step back; a morning of Save, Save,
Save needs more. Each save in the editor copies the file as written to
``versions/<hash of its absolute path>/<UTC time>.journey`` and keeps the
newest :data:`KEEP`. The hash keeps the folder name short and free of
characters a file system may refuse; ``origin.txt`` beside the versions says
which file they belong to, for whoever looks into the folder.

No Qt here: tests and the command line can read versions without a display.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from workbench.model.datafolder import subfolder
from workbench.model.fileformat import MAX_BYTES, SUFFIX, Loaded, atomic_write, load_file

#: How many saved versions of one file are kept.
KEEP = 10
#: Sortable as text, so the newest is the last name: 20250314T093012.123456Z.journey
STAMP = "%Y%m%dT%H%M%S.%fZ"
ORIGIN = "origin.txt"


def path_key(path: str | Path) -> str:
    """The folder name of *path*'s versions: one per file, however it was reached."""
    canonical = os.path.normcase(os.path.realpath(os.path.abspath(path)))
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()[:24]


def versions_folder(path: str | Path, create: bool = False) -> Path:
    return subfolder("versions", path_key(path), create=create)


@dataclass(frozen=True)
class Version:
    """One saved version: where it is kept, when it was saved, how many steps it has."""

    path: Path
    saved_at: datetime
    steps: int | None
    """None when the kept file cannot be read as a journey."""

    def loaded(self) -> Loaded:
        """The journey as it was saved; LoadError names the kept file if damaged."""
        return load_file(self.path, allow_newer=True)


def record_version(path: str | Path, data: bytes | None = None, *, now: datetime | None = None, keep: int = KEEP) -> Path | None:
    """Keep *data* (by default the file's bytes now) as the newest version of *path*.

    Saving an unchanged journey again records nothing: ten identical
    versions would push out the ones worth having. Returns the kept file,
    or None when nothing new was kept. OSError and SaveError reach the caller.
    """
    if data is None:
        data = Path(path).read_bytes()
    folder = versions_folder(path, create=True)
    existing = _kept(folder)
    if existing and existing[-1].read_bytes() == data:
        return None
    origin = folder / ORIGIN
    if not origin.exists():
        atomic_write(origin, (os.path.abspath(path) + "\n").encode("utf-8", "surrogatepass"), backup=False)
    moment = (now or datetime.now(timezone.utc)).astimezone(timezone.utc)
    target = folder / (moment.strftime(STAMP) + SUFFIX)
    while target.exists():  # two saves in one microsecond (or a clock set back)
        moment += timedelta(microseconds=1)
        target = folder / (moment.strftime(STAMP) + SUFFIX)
    atomic_write(target, data, backup=False)
    prune(path, keep)
    return target


def prune(path: str | Path, keep: int = KEEP) -> list[Path]:
    """Remove all but the newest *keep* versions of *path*; returns those removed."""
    kept = _kept(versions_folder(path))
    removed = kept[: max(0, len(kept) - keep)]
    for old in removed:
        try:
            old.unlink()
        except FileNotFoundError:
            pass
    return removed


def list_versions(path: str | Path) -> list[Version]:
    """The kept versions of *path*, newest first."""
    return [Version(kept, _moment(kept), _steps(kept)) for kept in reversed(_kept(versions_folder(path)))]


def _kept(folder: Path) -> list[Path]:
    """Version files in *folder*, oldest first (their names sort by time)."""
    try:
        names = [entry.name for entry in os.scandir(folder)]
    except OSError:
        return []
    return [folder / name for name in sorted(names) if name.endswith(SUFFIX) and not name.startswith(".") and _parses(name)]


def _parses(name: str) -> bool:
    try:
        datetime.strptime(name[: -len(SUFFIX)], STAMP)
    except ValueError:
        return False
    return True


def _moment(kept: Path) -> datetime:
    return datetime.strptime(kept.name[: -len(SUFFIX)], STAMP).replace(tzinfo=timezone.utc)


def _steps(kept: Path) -> int | None:
    """The number of steps, read without validating: the list shows ten of them at once."""
    try:
        if kept.stat().st_size > MAX_BYTES:
            return None
        steps = json.loads(kept.read_bytes())["journey"]["steps"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    return len(steps) if isinstance(steps, list) else None
