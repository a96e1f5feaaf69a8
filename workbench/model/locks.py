"""Who is editing a `.journey` file, and whether it changed since we read it.

Two people (or two windows) saving the same file overwrite each other's
work without a word. So an editor that opens a file for editing leaves a
*lock sidecar* beside it, named as LibreOffice names its own
(``.~lock.NAME.journey#``): hidden on Linux and macOS, and already in the
``.gitignore`` of most teams that share office files. It is created with
``O_CREAT | O_EXCL``, so of two openers exactly one gets it, even on a
shared drive, and it holds JSON saying who holds it (user, host, process id,
process start, time) and a random token naming this one opening.

A lock whose process is gone (same host, no such process, or a process of
that id started at another time: ids are reused) is *stale*: a crash left it,
and the next opener takes it over without asking. A lock from another host
is never judged stale, since nobody can see that host's processes. A lock
that cannot be read counts as held by someone unknown.

:func:`file_digest` is the other half of "work is never lost": the hash of a
file's bytes as loaded or saved, compared before every save so that a change
made on disk by someone else is never silently overwritten.
"""

from __future__ import annotations

import atexit
import getpass
import hashlib
import json
import os
import secrets
import socket
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

LOCK_PREFIX = ".~lock."
LOCK_SUFFIX = "#"
APPLICATION = "Journey Workbench"
#: A lock file this young and still empty is being written by its opener: wait a moment.
FRESH_SECONDS = 2.0

#: The locks this process holds, by token: released at exit, and the proof
#: that a lock naming our own pid is really ours (and not an earlier process's).
_held: dict[str, Lock] = {}


def lock_path(path: str | Path) -> Path:
    """The lock sidecar of *path*: beside the real file, so two names of one file share a lock."""
    real = Path(os.path.realpath(path))
    return real.with_name(LOCK_PREFIX + real.name + LOCK_SUFFIX)


def same_file(a: str | Path, b: str | Path) -> bool:
    """True when *a* and *b* name one file (or would, once it exists)."""
    return os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b))


def file_digest(path: str | Path) -> str | None:
    """The SHA-256 of the file's bytes, or None when it cannot be read (gone, a folder...)."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def is_writable(path: str | Path) -> bool:
    """False for a file nobody may write (mode 0444) or this user may not write.

    The mode bits count as well as ``os.access``: the administrator may write
    anything, yet a file marked read-only is meant to stay so.
    """
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return True  # nothing there to protect: saving creates it
    return bool(mode & 0o222) and os.access(path, os.W_OK)


# ------------------------------------------------------------ who holds it


def this_host() -> str:
    return socket.gethostname()


def this_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (a container without an entry in /etc/passwd)
        return str(os.getuid()) if hasattr(os, "getuid") else "?"


def process_start(pid: int) -> int | None:
    """When process *pid* started, in clock ticks since boot (Linux); None where unknown.

    Stored in the lock so a reused process id is not taken for the crashed editor.
    """
    fields = _proc_stat(pid)
    return int(fields[19]) if fields is not None and len(fields) > 19 else None


def process_alive(pid: int) -> bool:
    """Whether *pid* is a running process on this host (a zombie is not running)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: it exists, but belongs to someone else
        return True
    fields = _proc_stat(pid)
    return not (fields is not None and fields[0] == "Z")


def _proc_stat(pid: int) -> list[str] | None:
    """The fields of ``/proc/PID/stat`` after the command name (state first), or None."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as handle:
            text = handle.read()
    except OSError:
        return None
    return text[text.rfind(")") + 1 :].split()


def _windows_alive(pid: int) -> bool:  # pragma: no cover - Windows only
    # os.kill(pid, 0) would terminate the process on Windows: ask the kernel instead.
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return kernel32.GetLastError() == 5  # access denied: it exists
    try:
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel32.CloseHandle(handle)


@dataclass(frozen=True)
class LockInfo:
    """What a lock file says about its holder; ``garbled`` when it could not be read."""

    user: str | None = None
    host: str | None = None
    pid: int | None = None
    time: datetime | None = None
    token: str | None = None
    started: int | None = None
    garbled: bool = False

    @classmethod
    def parse(cls, raw: bytes) -> LockInfo:
        try:
            data = json.loads(raw.decode("utf-8"))
            user, host, pid = data["user"], data["host"], data["pid"]
            when = datetime.fromisoformat(data["time"])
        except (ValueError, KeyError, TypeError, AttributeError):
            return cls(garbled=True)
        if not (isinstance(user, str) and isinstance(host, str) and isinstance(pid, int)) or isinstance(pid, bool):
            return cls(garbled=True)
        token, started = data.get("token"), data.get("started")
        return cls(
            user=user,
            host=host,
            pid=pid,
            time=when if when.tzinfo else when.replace(tzinfo=timezone.utc),
            token=token if isinstance(token, str) else None,
            started=started if isinstance(started, int) and not isinstance(started, bool) else None,
        )

    @property
    def on_this_host(self) -> bool:
        return self.host is not None and self.host.casefold() == this_host().casefold()

    @property
    def in_this_process(self) -> bool:
        """Held by another window of this very instance (not a stale leftover of our pid)."""
        return self.on_this_host and self.pid == os.getpid() and self.token in _held

    def is_stale(self) -> bool:
        """True when the holder is certainly gone, so the lock may be taken over silently."""
        if self.garbled or self.pid is None or not self.on_this_host:
            return False
        if self.pid == os.getpid():
            return self.token not in _held  # an earlier process had our id
        if not process_alive(self.pid):
            return True
        started = process_start(self.pid)
        return self.started is not None and started is not None and started != self.started


def read_lock(path: str | Path) -> LockInfo | None:
    """The holder of *path*'s lock, or None when nobody holds it."""
    raw = _read_settled(lock_path(path))
    return None if raw is None else LockInfo.parse(raw)


def _read_settled(file: Path) -> bytes | None:
    """The lock file's bytes, waiting briefly while a new one is still empty (its opener is writing)."""
    deadline = time.monotonic() + 0.5
    while True:
        try:
            raw = file.read_bytes()
            age = time.time() - file.stat().st_mtime
        except FileNotFoundError:
            return None
        except OSError:
            return b""  # there, but unreadable: held by someone unknown
        if raw.strip() or age > FRESH_SECONDS or time.monotonic() > deadline:
            return raw
        time.sleep(0.02)


# ------------------------------------------------------------- our locks


class LockHeld(Exception):
    """Someone else holds the lock of :attr:`path`; :attr:`info` says who."""

    def __init__(self, path: Path, info: LockInfo) -> None:
        super().__init__(f"{path} is locked by {info.user}@{info.host} (pid {info.pid})")
        self.path = path
        self.info = info


class Lock:
    """This process's lock on one file; release it when the file is closed."""

    def __init__(self, document: Path, token: str) -> None:
        self.document = document
        self.file = lock_path(document)
        self.token = token
        _held[token] = self

    def is_ours(self) -> bool:
        """Whether the lock file still names this lock (nobody opened the file anyway since)."""
        info = read_lock(self.document)
        return info is not None and info.token == self.token

    def release(self) -> None:
        """Remove the lock file, if it is still ours: never someone else's who took it over."""
        if _held.pop(self.token, None) is None:
            return
        if self.is_ours():
            try:
                self.file.unlink()
            except OSError:
                pass  # a read-only share: the lock goes stale once we exit

    def forget(self) -> None:
        """Stop holding without touching the file (someone else took it over)."""
        _held.pop(self.token, None)


def acquire(path: str | Path) -> Lock:
    """Lock *path* for editing, taking over a stale lock silently.

    Raises :class:`LockHeld` when someone else (or another window of this
    instance) holds it, and :class:`OSError` when no lock can be made there
    (a read-only folder or share).
    """
    document = Path(path)
    file = lock_path(document)
    info: LockInfo | None = None
    for _attempt in range(5):
        token = secrets.token_hex(16)
        try:
            fd = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o644)
        except FileExistsError:
            raw = _read_settled(file)
            if raw is None:
                continue  # released a moment ago: try again
            info = LockInfo.parse(raw)
            if not info.is_stale():
                raise LockHeld(document, info) from None
            _remove_if_unchanged(file, raw)
            continue
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(_contents(token))
        except OSError:
            _unlink_quietly(file)
            raise
        return Lock(document, token)
    raise LockHeld(document, info or LockInfo(garbled=True))


def take_over(path: str | Path) -> Lock:
    """Lock *path* whoever holds it ("Open anyway"); the previous holder's lock is replaced.

    The new lock is written beside and renamed into place, so that a
    reader never sees half of it.
    """
    document = Path(path)
    file = lock_path(document)
    token = secrets.token_hex(16)
    fd, tmp = tempfile.mkstemp(prefix=file.name + ".", suffix=".tmp", dir=file.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(_contents(token))
        os.chmod(tmp, 0o644)
        os.replace(tmp, file)
    except BaseException:
        _unlink_quietly(tmp)
        raise
    return Lock(document, token)


def _contents(token: str) -> bytes:
    record: dict[str, Any] = {
        "application": APPLICATION,
        "user": this_user(),
        "host": this_host(),
        "pid": os.getpid(),
        "time": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "token": token,
    }
    started = process_start(os.getpid())
    if started is not None:
        record["started"] = started
    return (json.dumps(record, indent=2) + "\n").encode("utf-8")


def _remove_if_unchanged(file: Path, raw: bytes) -> None:
    """Remove a stale lock, unless another opener replaced it since we read it."""
    try:
        if file.read_bytes() == raw:
            file.unlink()
    except OSError:
        pass


def _unlink_quietly(path: str | Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


@atexit.register
def _release_all() -> None:
    """A normal exit never leaves a lock behind, whatever window forgot to close."""
    for lock in list(_held.values()):
        lock.release()
