"""Reading and writing `.journey` files.

A `.journey` file is indented UTF-8 JSON with keys in a fixed order:
``{"format": "journey-workbench", "version": 1, "journey": {...}}``. A file
written by a newer *minor* revision of version 1 also carries ``"minor": N``;
its unknown fields are kept through a load and a save. A newer *major*
version is refused, or opened read-only when the caller allows it.

Loading never executes anything and never lets a traceback through: every
problem becomes a :class:`LoadError` naming the file and the place. Saving
is atomic and keeps the previous version as ``NAME.journey.bak``.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
import tempfile
from dataclasses import dataclass, field
from difflib import get_close_matches
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from workbench.i18n import N_, tr
from workbench.model.errors import LoadError, SaveError
from workbench.model.journey import Journey
from workbench.model.migrations import OLDEST, migrate
from workbench.model.validation import check_journey, describe_error, field_path

FORMAT = "journey-workbench"
VERSION = 1
MINOR = 0
SUFFIX = ".journey"
#: Files larger than this are refused before parsing (a 1,000-step journey
#: with five filled lanes is about 2 MB).
MAX_BYTES = 32 * 1024 * 1024
#: JSON nested deeper than this is not a journey (real files nest 5 levels).
MAX_DEPTH = 32
ENVELOPE_KEYS = ("format", "version", "minor", "journey")


@dataclass
class Loaded:
    """A journey read from a file, and how it was read."""

    journey: Journey
    version: int = VERSION
    minor: int = MINOR
    migrated_from: int | None = None
    read_only: bool = False
    notices: list[str] = field(default_factory=list)
    extra: dict[str, Any] = field(default_factory=dict)
    """Top-level fields of a newer minor version, written back by :func:`save`."""


# ---------------------------------------------------------------- loading


def load(path: str | Path) -> Journey:
    """The journey in *path*; raises :class:`LoadError` for any bad file."""
    return load_file(path).journey


def load_file(path: str | Path, *, allow_newer: bool = False) -> Loaded:
    """Read *path*. With *allow_newer*, a newer major version opens read-only."""
    path = Path(path)
    data = _read_bytes(path)
    return loads(data, source=str(path), allow_newer=allow_newer)


def _read_bytes(path: Path) -> bytes:
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise LoadError(path, tr("is a folder, not a journey file"))
        if info.st_size > MAX_BYTES:
            raise LoadError(path, _too_large(info.st_size))
        with open(path, "rb") as handle:
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise LoadError(path, tr("no such file")) from None
    except PermissionError:
        raise LoadError(path, tr("permission denied: the file cannot be read")) from None
    except OSError as error:
        raise LoadError(path, tr("cannot be read: {reason}", reason=error.strerror or error)) from None
    if len(data) > MAX_BYTES:
        raise LoadError(path, _too_large(len(data)))
    return data


def _too_large(size: int) -> str:
    return tr(
        "is too large to be a journey ({size} MB; the limit is {limit} MB)",
        size=round(size / 1_048_576, 1),
        limit=MAX_BYTES // 1_048_576,
    )


def loads(data: bytes | str, source: str = "<text>", *, allow_newer: bool = False) -> Loaded:
    """Parse and validate the text of a `.journey` file."""
    if isinstance(data, bytes):
        if len(data) > MAX_BYTES:
            raise LoadError(source, _too_large(len(data)))
        text = _decode(data, source)
    else:
        text = data
    raw = _parse_json(text, source)
    return _from_raw(raw, source, allow_newer)


def _decode(data: bytes, source: str) -> str:
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        column = error.start - (data.rfind(b"\n", 0, error.start) + 1) + 1
        raise LoadError(
            source,
            tr("is not UTF-8 text (byte 0x{byte:02x}); save it as UTF-8", byte=data[error.start]),
            line=line,
            column=column,
        ) from None


class _Refused(ValueError):
    """A value the JSON hooks refuse; *constant* or *key* says where to look for it."""

    def __init__(self, message: str, *, constant: str | None = None, key: str | None = None) -> None:
        super().__init__(message)
        self.constant = constant
        self.key = key


def _reject_constant(name: str) -> Any:
    raise _Refused(tr("{name} is not allowed in a journey file", name=name), constant=name)


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _Refused(tr("the key {key!r} appears twice in the same object", key=key), key=key)
        out[key] = value
    return out


def _parse_json(text: str, source: str) -> Any:
    try:
        raw = json.loads(text, object_pairs_hook=_unique_keys, parse_constant=_reject_constant)
        if _depth_exceeded(raw):
            raise RecursionError
        return raw
    except json.JSONDecodeError as error:
        reason = tr("broken JSON: {detail}", detail=_json_detail(error.msg))
        if _unclosed(text):
            reason = tr("the file ends too early (is it truncated?)")
        raise LoadError(source, reason, line=error.lineno, column=error.colno) from None
    except RecursionError:
        line, column = _deep_place(text)
        raise LoadError(
            source, tr("nested deeper than {limit} levels", limit=MAX_DEPTH), line=line, column=column
        ) from None
    except _Refused as error:
        line, column = _refused_place(text, error) or (None, None)
        raise LoadError(source, str(error), line=line, column=column) from None
    except ValueError:  # e.g. a number with thousands of digits
        raise LoadError(source, tr("holds a value that cannot be read (a number too long?)")) from None


_JSON_DETAILS = {
    "Expecting value": N_("a value was expected"),
    "Expecting property name enclosed in double quotes": N_("a key in double quotes was expected"),
    "Expecting ',' delimiter": N_("a ',' was expected"),
    "Expecting ':' delimiter": N_("a ':' was expected"),
    "Unterminated string starting at": N_("a text is not closed by a '\"'"),
    "Invalid control character at": N_("a text contains a control character"),
    "Extra data": N_("there is more after the end of the journey"),
}


def _json_detail(msg: str) -> str:
    english = _JSON_DETAILS.get(msg)
    return tr(english) if english else msg


_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')


_SCAN = re.compile(r'("(?:[^"\\]|\\.)*")(\s*:)?|[\[\]{}]|-?Infinity|NaN')


def _line_column(text: str, pos: int) -> tuple[int, int]:
    return text.count("\n", 0, pos) + 1, pos - (text.rfind("\n", 0, pos) + 1) + 1


def _refused_place(text: str, error: _Refused) -> tuple[int, int] | None:
    """Line and column of the constant or repeated key that *error* refused.

    The parser refuses a repeated key when it closes the object, so the first
    object to close with that key twice is the one it refused.
    """
    stack: list[tuple[set[str], list[int]]] = []
    for match in _SCAN.finditer(text):
        token = match.group()
        if match.group(2) and stack:
            keys, repeats = stack[-1]
            key = json.loads(match.group(1))
            if key == error.key and key in keys:
                repeats.append(match.start())
            keys.add(key)
        elif token in ("[", "{"):
            stack.append((set(), []))
        elif token in ("]", "}"):
            repeats = stack.pop()[1] if stack else []
            if repeats:
                return _line_column(text, repeats[0])
        elif token == error.constant:
            return _line_column(text, match.start())
    return None


def _deep_place(text: str) -> tuple[int, int]:
    """Line and column where nesting first goes past MAX_DEPTH."""
    depth = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                pos = match.start()
                line = text.count("\n", 0, pos) + 1
                return line, pos - (text.rfind("\n", 0, pos) + 1) + 1
        elif token in "]}":
            depth -= 1
    return 1, 1


def _unclosed(text: str) -> bool:
    """True when the text stops inside an object, a list or a string."""
    depth = 0
    end = 0
    for match in _TOKEN.finditer(text):
        token = match.group()
        end = match.end()
        if token in "[{":
            depth += 1
        elif token in "]}":
            depth -= 1
    return depth > 0 or '"' in text[end:]


def _depth_exceeded(value: Any, limit: int = MAX_DEPTH) -> bool:
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            return True
        if isinstance(item, dict):
            stack.extend((v, depth + 1) for v in item.values())
        elif isinstance(item, list):
            stack.extend((v, depth + 1) for v in item)
    return False


def _from_raw(raw: Any, source: str, allow_newer: bool) -> Loaded:
    if not isinstance(raw, dict):
        raise LoadError(source, tr("is not a journey file: it does not hold a JSON object"))
    fmt = raw.get("format")
    if fmt != FORMAT:
        if fmt is None:
            reason = tr('is not a journey file: the "format" field is missing')
        else:
            reason = tr(
                'is not a journey file: its format is {found}, expected {expected!r}',
                found=_short(fmt),
                expected=FORMAT,
            )
        raise LoadError(source, reason, field="format")
    version = raw.get("version")
    minor = raw.get("minor", 0)
    for name, value in (("version", version), ("minor", minor)):
        if not isinstance(value, int) or isinstance(value, bool) or value < 0:
            raise LoadError(source, tr("should be a whole number, not {got}", got=_short(value)), field=name)
    if "journey" not in raw:
        raise LoadError(source, tr("this required field is missing"), field="journey")
    journey_raw = raw["journey"]
    if not isinstance(journey_raw, dict):
        raise LoadError(source, tr("should be an object, not {got}", got=_short(journey_raw)), field="journey")

    result = Loaded(journey=None, version=version, minor=minor)  # type: ignore[arg-type]
    newer_major = version > VERSION
    if newer_major and not allow_newer:
        raise LoadError(
            source,
            tr(
                "was written by a newer Journey Workbench (file format {found}); "
                "this one reads format {supported}. Update the workbench to open it.",
                found=version,
                supported=VERSION,
            ),
            field="version",
        )
    if version < OLDEST:
        raise LoadError(source, tr("file format {found} is too old to be read", found=version), field="version")
    if version < VERSION:
        journey_raw = migrate(journey_raw, version, VERSION)
        result.migrated_from = version
        result.minor = 0
    keep_unknown = newer_major or (version == VERSION and minor > MINOR)
    for key in raw:
        if key not in ENVELOPE_KEYS:
            if not keep_unknown:
                raise LoadError(source, _unknown(key, ENVELOPE_KEYS), field=key)
            result.extra[key] = raw[key]

    try:
        journey = Journey.model_validate(journey_raw)
    except ValidationError as error:
        errors = error.errors(include_url=False)
        first = errors[0]
        reason = describe_error(first)
        if len(errors) > 1:
            reason += " " + _more(len(errors) - 1)
        raise LoadError(source, reason, field=field_path(tuple(first["loc"]))) from None
    if not keep_unknown:
        unknown = _first_unknown(journey, "journey")
        if unknown:
            where, key, model = unknown
            raise LoadError(source, _unknown(key, tuple(type(model).model_fields)), field=where)
    problems = check_journey(journey)
    if problems:
        reason = problems[0].message
        if len(problems) > 1:
            reason += " " + _more(len(problems) - 1)
        raise LoadError(source, reason, field=problems[0].path)

    result.journey = journey
    if newer_major:
        result.read_only = True
        result.notices.append(
            tr(
                "This file was written by a newer Journey Workbench (format {found}). "
                "It is open read-only so that nothing in it is lost.",
                found=version,
            )
        )
    elif keep_unknown:
        result.notices.append(
            tr("This file comes from a newer Journey Workbench; fields this version does not know are kept.")
        )
    return result


def _more(count: int) -> str:
    return tr("(1 more problem)") if count == 1 else tr("({count} more problems)", count=count)


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _unknown(key: str, known: tuple[str, ...]) -> str:
    close = get_close_matches(key, known, n=1)
    if close:
        return tr("unknown field {key!r}; did you mean {close!r}?", key=key, close=close[0])
    return tr("unknown field {key!r}", key=key)


def _first_unknown(model: BaseModel, path: str) -> tuple[str, str, BaseModel] | None:
    """The first field in *model* (depth first) that the format does not define."""
    if model.model_extra:
        key = next(iter(model.model_extra))
        return f"{path}.{key}", key, model
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            found = _first_unknown(value, f"{path}.{name}")
            if found:
                return found
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    found = _first_unknown(item, f"{path}.{name}[{index}]")
                    if found:
                        return found
    return None


# ----------------------------------------------------------------- saving


def dumps(
    journey: Journey, *, minor: int = MINOR, version: int = VERSION, extra: dict[str, Any] | None = None
) -> bytes:
    """The bytes of a `.journey` file: same journey, same bytes, always.

    *extra* holds top-level fields of a newer minor version, kept as they were.
    """
    envelope: dict[str, Any] = {"format": FORMAT, "version": version}
    if minor:
        envelope["minor"] = minor
    envelope["journey"] = journey.model_dump(mode="json")
    for key, value in (extra or {}).items():
        envelope.setdefault(key, value)
    return (json.dumps(envelope, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def backup_path(path: str | Path) -> Path:
    path = Path(path)
    return path.with_name(path.name + ".bak")


def save(
    journey: Journey,
    path: str | Path,
    *,
    minor: int = MINOR,
    backup: bool = True,
    extra: dict[str, Any] | None = None,
) -> None:
    """Write *journey* to *path* atomically.

    The new content goes to a temporary file in the same folder, is flushed
    to disk, then renamed over *path*; the previous file is first copied to
    ``NAME.journey.bak``. On any failure the previous file is left
    byte-identical and :class:`SaveError` names the path and the reason.
    Saving through a symbolic link writes the file it points to.
    """
    data = dumps(journey, minor=minor, extra=extra)
    _atomic_write(Path(path), data, backup=backup)


def _atomic_write(shown: Path, data: bytes, *, backup: bool) -> None:
    """Write *data* over *shown* (resolved through links); errors name *shown*."""
    path = Path(os.path.realpath(shown))
    folder = path.parent
    if not folder.is_dir():
        raise SaveError(shown, tr("the folder {folder} does not exist", folder=shown.parent))
    if path.is_dir():
        raise SaveError(shown, tr("is a folder"))
    mode = None
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        pass
    except OSError as error:
        raise SaveError(shown, _os_reason(error)) from None
    try:
        if backup and mode is not None:
            _write_temp_and_rename(backup_path(path), path.read_bytes(), mode)
        _write_temp_and_rename(path, data, mode)
    except OSError as error:
        raise SaveError(shown, _os_reason(error)) from None


def _write_temp_and_rename(path: Path, data: bytes, mode: int | None) -> None:
    fd, tmp = tempfile.mkstemp(prefix="." + path.name + ".", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode if mode is not None else 0o666 & ~_UMASK)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _fsync_folder(path.parent)


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


def _os_reason(error: OSError) -> str:
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return tr("permission denied: the folder or file cannot be written")
    if error.errno == errno.ENOSPC:
        return tr("the disk is full")
    return tr("could not be written: {reason}", reason=error.strerror or str(error))
