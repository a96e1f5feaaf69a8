"""Recovery copies: what an editor that dies takes with it is back at the next start.

While a document has unsaved changes, the editor keeps one copy of it per
window session in the data folder's ``recovery/`` (never beside the user's
file), replaced atomically each time. A copy is a small JSON wrapper around
the normal ``.journey`` text, so restoring it is an ordinary load (with its
migrations and checks), plus what the start-up dialog shows: the original
path (None for an untitled document), the time, the window's title.

A copy also names its writer (pid, host, and on Linux the process's boot and
start time): a copy whose writer still runs belongs to another open editor
and is not offered; the start time tells a dead writer from a new process
that happens to have the same pid (pids are reused, after a reboot at once).

No Qt here: the copy is written by ``workbench/ui/autosave.py`` and offered
by ``workbench/ui/recovery_dialog.py``; tests read it without a display.
"""

from __future__ import annotations

import json
import os
import secrets
import socket
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Literal

from workbench.i18n import tr
from workbench.model.datafolder import subfolder
from workbench.model.errors import LoadError
from workbench.model.fileformat import MAX_BYTES, Loaded, atomic_write, load_file, loads
from workbench.model.journey import Card, Journey, Step
from workbench.model.locks import process_alive

FORMAT = "journey-workbench-recovery"
VERSION = 1
SUFFIX = ".recovery"


def recovery_folder(create: bool = True) -> Path:
    return subfolder("recovery", create=create)


def new_session() -> str:
    """An id for one window's document session: the name of its copy."""
    return secrets.token_hex(8)


def copy_path(session: str) -> Path:
    return recovery_folder() / (session + SUFFIX)


@dataclass(frozen=True)
class RecoveryCopy:
    """One recovery copy as read back from the data folder."""

    path: Path
    session: str
    original: Path | None
    saved_at: datetime
    title: str
    text: str
    """The ``.journey`` text, exactly as a save would have written it."""
    pid: int
    host: str
    process: str | None = None
    base: str | None = None
    """The hash of *original* as the session that wrote the copy last read or saved it (None: not known,
    a copy of an older version): a file on disk that differs from it was changed by someone else since."""

    def loaded(self) -> Loaded:
        """The journey of the copy; LoadError names the copy if it is damaged."""
        return loads(self.text, source=str(self.path), allow_newer=True)

    @property
    def writer_alive(self) -> bool:
        return writer_alive(self.pid, self.host, self.process)


# ------------------------------------------------------------- writing


def write_copy(
    session: str, text: bytes, original: Path | None, title: str, *, now: datetime | None = None,
    base: str | None = None,
) -> Path:
    """Replace *session*'s copy with *text* (a whole ``.journey`` file); SaveError on failure.

    *base* is the hash of *original* as the session last read or saved it (see :attr:`RecoveryCopy.base`).

    Written through a temporary file, fsync and rename, so a crash during the
    write leaves the previous copy whole: the copy exists for crashes.
    """
    now = now or datetime.now(timezone.utc)
    wrapper = {
        "format": FORMAT,
        "version": VERSION,
        "session": session,
        "pid": os.getpid(),
        "host": socket.gethostname(),
        "process": process_stamp(os.getpid()),
        "original": str(Path(original).absolute()) if original is not None else None,
        "saved_at": now.astimezone(timezone.utc).isoformat(),
        "title": title,
        "base": base,
        "journey": text.decode("utf-8"),
    }
    path = copy_path(session)
    atomic_write(path, json.dumps(wrapper, ensure_ascii=False, indent=1).encode("utf-8"), backup=False)
    return path


def remove_copy(session_or_copy: str | RecoveryCopy) -> None:
    """Forget a copy (saved, discarded, restored elsewhere); a missing one is fine."""
    if isinstance(session_or_copy, RecoveryCopy):
        path = session_or_copy.path
    else:
        path = recovery_folder(create=False) / (session_or_copy + SUFFIX)
    try:
        path.unlink()
    except FileNotFoundError:
        pass


# ------------------------------------------------------------- reading


def read_copy(path: Path) -> RecoveryCopy:
    """The copy in *path*; LoadError (naming it) when it is not a whole copy."""
    try:
        size = path.stat().st_size
        if size > 2 * MAX_BYTES:  # the .journey text, escaped inside JSON
            raise LoadError(path, tr("is too large to be a recovery copy"))
        raw = json.loads(path.read_bytes().decode("utf-8"))
    except (OSError, ValueError) as error:  # UnicodeDecodeError and JSONDecodeError are ValueErrors
        raise LoadError(path, tr("is not a readable recovery copy ({reason})", reason=error)) from None
    if not isinstance(raw, dict) or raw.get("format") != FORMAT or not isinstance(raw.get("version"), int):
        raise LoadError(path, tr("is not a recovery copy"))
    try:
        original = raw["original"]
        return RecoveryCopy(
            path=path,
            session=_typed(raw, "session", str),
            original=Path(_typed(raw, "original", str)) if original is not None else None,
            saved_at=datetime.fromisoformat(_typed(raw, "saved_at", str)),
            title=_typed(raw, "title", str),
            text=_typed(raw, "journey", str),
            pid=_typed(raw, "pid", int),
            host=_typed(raw, "host", str),
            process=raw.get("process") if isinstance(raw.get("process"), str) else None,
            base=raw.get("base") if isinstance(raw.get("base"), str) else None,
        )
    except (KeyError, TypeError, ValueError) as error:
        raise LoadError(path, tr("is not a whole recovery copy ({reason})", reason=error)) from None


def _typed(raw: dict[str, Any], key: str, kind: type) -> Any:
    value = raw[key]
    if not isinstance(value, kind) or isinstance(value, bool):
        raise TypeError(key)
    return value


def list_copies(*, include_live: bool = False) -> list[RecoveryCopy]:
    """The copies to offer at start, newest first.

    Those of an editor still running (this one included) are left out unless
    *include_live*. A damaged copy is skipped, and left where it is.
    """
    folder = recovery_folder(create=False)
    try:
        names = sorted(entry.name for entry in os.scandir(folder) if entry.name.endswith(SUFFIX))
    except OSError:
        return []
    copies = []
    for name in names:
        if name.startswith("."):  # a temporary file of a write in progress
            continue
        try:
            copy = read_copy(folder / name)
        except LoadError:
            continue
        if include_live or not copy.writer_alive:
            copies.append(copy)
    return sorted(copies, key=lambda c: c.saved_at, reverse=True)


# ------------------------------------------------------- who wrote it


def process_stamp(pid: int) -> str | None:
    """Boot id and start time of process *pid*, where the system tells (Linux): else None."""
    try:
        boot = Path("/proc/sys/kernel/random/boot_id").read_text().strip()
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat[stat.rfind(")") + 2 :].split()  # after "pid (command) "; a command may hold spaces
    if len(fields) < 20 or fields[0] == "Z":  # a zombie has finished: its writer is gone
        return None
    return f"{boot}:{fields[19]}"


def writer_alive(pid: int, host: str, process: str | None = None) -> bool:
    """True when the editor that wrote a copy still runs, so the copy is not ours to offer.

    Only a process on this machine can be checked. A copy from another host
    (a data folder on a shared home) counts as not running: offering it once
    too often costs a question, not offering it could cost the work.
    """
    if host != socket.gethostname():
        return False
    if pid == os.getpid():
        return True
    if not process_alive(pid):  # the same test as a lock's holder (locks.py)
        return False
    if process is not None and Path("/proc").is_dir():
        return process_stamp(pid) == process  # None (gone, zombie) or another start time: not the writer
    return True


# ---------------------------------------------- what differs from disk


@dataclass(frozen=True)
class Counts:
    added: int = 0
    removed: int = 0
    changed: int = 0

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed)


State = Literal["compared", "untitled", "missing", "unreadable"]


@dataclass(frozen=True)
class Difference:
    """What a copy holds that the file on disk does not, for the user to choose."""

    state: State
    steps: Counts = Counts()
    cards: Counts = Counts()
    other: bool = False
    """Anything else differs: titles, stages, lanes, handoffs, links, persona..."""
    newer_on_disk: bool = False
    """The file was saved again after the copy was made (by another editor, or by hand)."""
    reason: str = ""


def compare(old: Journey | None, new: Journey) -> Difference:
    """Steps and cards added, removed and changed from *old* to *new*, by id and equality."""
    base = old if old is not None else Journey(title="")
    rest = {"steps": [], "cards": []}
    return Difference(
        state="compared" if old is not None else "untitled",
        steps=_count(base.steps, new.steps),
        cards=_count(base.cards, new.cards),
        other=old is not None and base.model_copy(update=rest) != new.model_copy(update=rest),
    )


def _count(old: list[Step] | list[Card], new: list[Step] | list[Card]) -> Counts:
    before = {e.id: e for e in old}
    after = {e.id: e for e in new}
    return Counts(
        added=len(after.keys() - before.keys()),
        removed=len(before.keys() - after.keys()),
        changed=sum(1 for key in after.keys() & before.keys() if after[key] != before[key]),
    )


def difference(copy: RecoveryCopy) -> Difference:
    """*copy* against the file it came from, as that file is now."""
    journey = copy.loaded().journey
    if copy.original is None:
        return compare(None, journey)
    if not copy.original.exists():
        return Difference(state="missing", steps=Counts(added=len(journey.steps)), cards=Counts(added=len(journey.cards)))
    try:
        on_disk = load_file(copy.original, allow_newer=True).journey
        newer = copy.original.stat().st_mtime > copy.saved_at.timestamp()
    except (LoadError, OSError) as error:
        return Difference(state="unreadable", reason=getattr(error, "reason", None) or str(error))
    found = compare(on_disk, journey)
    return Difference(found.state, found.steps, found.cards, found.other, newer_on_disk=newer)


def describe(found: Difference) -> str:
    """*found* as one line of the recovery dialog, in the user's language."""
    if found.state == "missing":
        return tr("the file no longer exists")
    if found.state == "unreadable":
        return tr("the file on disk cannot be read: {reason}", reason=found.reason)
    parts = []
    for kind, counts in ((tr("steps"), found.steps), (tr("cards"), found.cards)):
        if counts.added:
            parts.append(tr("{kind} added: {count}", kind=kind, count=counts.added))
        if counts.removed:
            parts.append(tr("{kind} removed: {count}", kind=kind, count=counts.removed))
        if counts.changed:
            parts.append(tr("{kind} changed: {count}", kind=kind, count=counts.changed))
    if found.other:
        parts.append(tr("other changes (titles, stages, lanes, links...)"))
    if found.state == "untitled":
        parts.insert(0, tr("never saved"))
    elif not parts:
        parts.append(tr("same as the file on disk"))
    if found.newer_on_disk:
        parts.append(tr("the file on disk was saved after this copy"))
    return tr("; ").join(parts)  # (French puts a space before it: "jamais enregistré ; étapes ajoutées")
