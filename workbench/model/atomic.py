"""Writing a file so that it is either wholly replaced or left exactly as it was.

The new content goes to a temporary file in the same folder, is flushed to
disk, takes the old file's permission bits (and owner, where the system lets
us), then is renamed over the target. A backup of the previous version is
written the same way first. A crash can leave a temporary file behind, never
a half-written target; the next save into that folder removes such leftovers
once they are a minute old, recognising them by a name only this module
gives (``.NAME.xxxxxxxx.workbench-tmp``) and an owner that is the current user.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import tempfile
import time
from pathlib import Path

from workbench.i18n import tr
from workbench.model.errors import SaveError

#: Every temporary file this module makes ends so: no other program's files do.
TEMP_SUFFIX = ".workbench-tmp"
#: ``.`` + the target's name + ``.`` + tempfile's eight random characters + the suffix.
TEMP_NAME = re.compile(r"\..+\.[a-z0-9_]{8}" + re.escape(TEMP_SUFFIX))
#: A temporary file older than this belongs to a save that died (a save takes milliseconds).
STALE_AFTER = 60.0


def backup_path(path: str | Path) -> Path:
    """Where the previous version of *path* is kept: ``NAME.journey.bak`` beside it."""
    path = Path(path)
    return path.with_name(path.name + ".bak")


def atomic_write(shown: Path, data: bytes, *, backup: bool, replace_read_only: bool = False) -> None:
    """Write *data* over *shown* (resolved through links); errors name *shown*.

    Only a regular file is ever replaced: a folder, a FIFO or a device at the
    target (``/dev/null``...) is refused before anything is read or written,
    and so is a read-only file unless *replace_read_only* (the command's
    ``--force``). With *backup*, the previous file is first copied to
    ``NAME.bak``; if that copy cannot be made, nothing is written: the
    backup is what makes replacing the file safe.
    """
    shown = Path(shown)
    path = Path(os.path.realpath(shown))
    folder = path.parent
    if not folder.is_dir():
        raise SaveError(shown, tr("the folder {folder} does not exist", folder=shown.parent))
    try:
        info = path.stat()
    except FileNotFoundError:
        info = None
    except OSError as error:
        raise SaveError(shown, os_reason(error)) from None
    if info is not None:
        if stat.S_ISDIR(info.st_mode):
            raise SaveError(shown, tr("is a folder"))
        if not stat.S_ISREG(info.st_mode):
            raise SaveError(shown, tr("is not a regular file"))
        if not replace_read_only and is_read_only(path, info):
            raise SaveError(shown, tr("is read-only; make it writable first, or save under another name"))
    bak = backup_path(path) if backup and info is not None else None
    if bak is not None and bak.is_dir() and not bak.is_symlink():
        raise SaveError(shown, _backup_reason(bak, tr("is a folder")))
    remove_stale_temps(folder)
    try:
        if bak is not None:
            tmp = _write_temp(bak, path.read_bytes(), info)
            try:
                _rename(tmp, bak)
            except OSError as error:
                # The folder took a new file a moment ago: what fails is the
                # backup's own name (a folder, a colleague's file in a sticky folder...).
                raise SaveError(shown, _backup_reason(bak, _backup_detail(error))) from None
        _rename(_write_temp(path, data, info), path)
    except OSError as error:
        raise SaveError(shown, os_reason(error)) from None


def _backup_reason(bak: Path, reason: str) -> str:
    return tr(
        "its backup copy {backup} cannot be written ({reason}); nothing was saved. "
        "Move {backup} away, or save under another name.",
        backup=bak,
        reason=reason,
    )


def _backup_detail(error: OSError) -> str:
    if error.errno in (errno.EISDIR, errno.ENOTEMPTY, errno.EEXIST):
        return tr("is a folder")
    if error.errno in (errno.EROFS, errno.EACCES, errno.EPERM, errno.ENOSPC):
        return os_reason(error)
    return error.strerror or str(error)


def is_read_only(path: Path, info: os.stat_result) -> bool:
    """True for a file nobody may write (0444), or one this user may not write.

    The mode bits are checked as well as ``os.access`` because the
    administrator may write anything: a file marked read-only stays so.
    """
    return not info.st_mode & 0o222 or not os.access(path, os.W_OK)


def _write_temp(path: Path, data: bytes, like: os.stat_result | None) -> str:
    """A temporary file beside *path* holding *data*, on disk, with *like*'s mode, owner and group."""
    fd, tmp = tempfile.mkstemp(prefix="." + path.name + ".", suffix=TEMP_SUFFIX, dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if like is not None:
            _copy_owner(tmp, like)  # before chmod: a change of owner clears the set-id bits
        os.chmod(tmp, stat.S_IMODE(like.st_mode) if like is not None else 0o666 & ~_UMASK)
    except BaseException:
        _unlink_quietly(tmp)
        raise
    return tmp


def _rename(tmp: str, path: Path) -> None:
    """Put *tmp* in place of *path* in one step, durably; *tmp* is gone either way."""
    try:
        os.replace(tmp, path)
    except BaseException:
        _unlink_quietly(tmp)
        raise
    _fsync_folder(path.parent)


def _unlink_quietly(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except OSError:
        pass


def _copy_owner(tmp: str, like: os.stat_result) -> None:
    """Give *tmp* the owner and group of *like* as far as allowed.

    The administrator may give a file to anyone; others may only set a group
    they belong to; where neither is allowed (or there are no owners, as on
    Windows) the file stays the current user's.
    """
    chown = getattr(os, "chown", None)
    if chown is None:
        return
    current = os.stat(tmp)
    if (current.st_uid, current.st_gid) == (like.st_uid, like.st_gid):
        return
    for uid in (like.st_uid, -1):
        try:
            chown(tmp, uid, like.st_gid)
            return
        except OSError:
            continue


def remove_stale_temps(folder: Path, now: float | None = None) -> list[str]:
    """Remove this module's temporary files in *folder* left by a save that died.

    Only files named as :func:`atomic_write` names them, older than
    :data:`STALE_AFTER`, regular (not links), and owned by the current user
    are removed: never another program's or another user's files. Returns
    the names removed; failures are ignored (this is housekeeping, not the save).
    """
    now = time.time() if now is None else now
    uid = os.geteuid() if hasattr(os, "geteuid") else None
    removed = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not TEMP_NAME.fullmatch(entry.name):
            continue
        try:
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or now - info.st_mtime < STALE_AFTER:
                continue
            if uid is not None and info.st_uid != uid:
                continue
            os.unlink(entry.path)
            removed.append(entry.name)
        except OSError:
            continue
    return removed


def _read_umask() -> int:
    current = os.umask(0o022)
    os.umask(current)
    return current


#: Read once at import: reading the umask means setting it, which would race
#: with other threads creating files later on.
_UMASK = _read_umask()


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (a no-op where folders cannot be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def os_reason(error: OSError) -> str:
    """An operating-system error as a sentence in the user's language."""
    if error.errno == errno.EROFS:
        return tr("the file system is read-only")
    if error.errno in (errno.EACCES, errno.EPERM):
        return tr("permission denied: the folder or file cannot be written")
    if error.errno == errno.ENOSPC:
        return tr("the disk is full")
    if error.errno == errno.EISDIR:
        return tr("is a folder")
    return tr("could not be written: {reason}", reason=error.strerror or str(error))
