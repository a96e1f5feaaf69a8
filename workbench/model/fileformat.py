"""Reading and writing `.journey` files.

A `.journey` file is indented UTF-8 JSON with keys in a fixed order:
``{"format": "journey-workbench", "version": 2, "journey": {...}}``.
The minor revision (absent: 0) adds fields within a version (version 1's
minor 1 added the step's ``end``). Version 2 holds several personas and
their feelings per scenario; a version-1 file is migrated on loading. An older minor revision is brought forward on loading
(see :data:`~workbench.model.migrations.MINOR_MIGRATIONS`) and saved as the
current one. A file written by a newer *minor* revision keeps its unknown
fields through a load and a save. A newer *major* version is refused, or
opened read-only when the caller allows it.

Loading never executes anything and never lets a traceback through: every
problem becomes a :class:`LoadError` naming the file and the place. Sizes
are checked before the costly steps (see :mod:`~workbench.model.limits`).
Saving is atomic and keeps the previous version as ``NAME.journey.bak``
(see :mod:`~workbench.model.atomic`); fields equal to their default are
left out, so the same journey always gives the same bytes.
"""

from __future__ import annotations

import json
import secrets
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn

from pydantic import ValidationError

from workbench.i18n import ntr, tr
from workbench.model.atomic import atomic_write, backup_path  # noqa: F401  (part of this API)
from workbench.model.errors import LoadError, SaveError
from workbench.model.journey import Journey
from workbench.model.jsontext import MAX_DEPTH, parse_json  # noqa: F401  (MAX_DEPTH: part of this API)
from workbench.model.limits import check_data, check_text
from workbench.model.migrations import OLDEST, migrate, migrate_minor, migrate_older_minors, version_1_path
from workbench.model.validation import (
    check_journey,
    describe_error,
    field_path,
    first_unknown,
    unknown_message,
)

FORMAT = "journey-workbench"
#: Version 2: one to ten personas, and each step's feelings per persona and scenario.
#: (Version 1's minor revision 1 added a step's ``end``, its revision 2 the
#: journey's ``conflicts``; both are in version 2 from the start.)
VERSION = 2
MINOR = 0
SUFFIX = ".journey"
#: Files larger than this are refused before parsing (a 1,000-step journey
#: with five filled lanes is about 2 MB).
MAX_BYTES = 32 * 1024 * 1024
ENVELOPE_KEYS = ("format", "version", "minor", "journey")


class KeptFields(dict[str, Any]):
    """Top-level fields of a newer file that this version does not know.

    It remembers the format version they belong to, so that passing it to
    :func:`save` or :func:`dumps` (as ``extra=loaded.extra``) can never write
    them, or the journey they came with, under an older version number.
    """

    def __init__(self, fields: dict[str, Any] | None = None, *, version: int = VERSION) -> None:
        super().__init__(fields or {})
        self.version = version


@dataclass
class Loaded:
    """A journey read from a file, and how it was read."""

    journey: Journey
    version: int = VERSION
    minor: int = MINOR
    migrated_from: int | None = None
    migrated_from_minor: int | None = None
    """The minor revision the file had when it was older than this one (0: no ``end`` yet)."""
    read_only: bool = False
    """The file is of a newer major version: show it, do not save over it."""
    notices: list[str] = field(default_factory=list)
    extra: KeptFields = field(default_factory=KeptFields)
    """Top-level fields of a newer version, written back by :func:`save_loaded`."""
    checked: bool = False
    """``journey`` itself passed :func:`check_journey` (a document opened on it need not check it again)."""

    @property
    def writable_version(self) -> int:
        """The format version a save of this journey writes.

        The current version, except for a file of a newer major version: it
        is written back as that version (a faithful copy, see
        :func:`save_loaded`), never downgraded to this one.
        """
        return max(self.version, VERSION)


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
        if not stat.S_ISREG(info.st_mode):  # a FIFO or a device would block or never end
            raise LoadError(path, tr("is not a regular file"))
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
        if len(text) > MAX_BYTES // 4:  # only then can its UTF-8 form pass the limit
            size = len(text.encode("utf-8", "surrogatepass"))
            if size > MAX_BYTES:
                raise LoadError(source, _too_large(size))
    if not text or text.isspace():
        raise LoadError(source, tr("the file is empty"))
    check_text(text, source)  # before parsing: ten million objects cost gigabytes to parse
    raw = parse_json(text, source)
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

    kept = KeptFields(version=version)
    result = Loaded(journey=None, version=version, minor=minor, extra=kept)  # type: ignore[arg-type]
    newer_major = version > VERSION
    if newer_major and not allow_newer:
        raise LoadError(
            source,
            tr(
                "was written by a newer Journey Workbench (file format {found}); "
                "this one reads format {supported}. Update the workbench to open it.",
                found=_short(version),
                supported=VERSION,
            ),
            field="version",
        )
    if version < OLDEST:
        raise LoadError(source, tr("file format {found} is too old to be read", found=version), field="version")
    check_data(journey_raw, source)  # before migrating and validating: both cost a pass per entry
    older_minor = minor
    if version < VERSION:
        journey_raw = migrate(journey_raw, version, VERSION)
        result.migrated_from = version
        result.minor = 0
    keep_unknown = newer_major or (version == VERSION and minor > MINOR)
    for key in raw:
        if key not in ENVELOPE_KEYS:
            if not keep_unknown:
                raise LoadError(source, unknown_message(key, ENVELOPE_KEYS), field=key)
            result.extra[key] = raw[key]

    def refuse(reason: str, where: str) -> NoReturn:
        if newer_major:  # (a newer format may well change what a field holds: the version is the news)
            raise LoadError(source, tr(
                "was written by a newer Journey Workbench (file format {found}), which this one cannot read "
                "({where}: {reason}). Update the workbench to open it.",
                found=_short(version), where=_as_written(where, result), reason=reason), field="version")
        raise LoadError(source, reason, field=_as_written(where, result))

    try:
        journey = Journey.model_validate(journey_raw)
    except ValidationError as error:
        errors = error.errors(include_url=False)
        first = errors[0]
        reason = describe_error(first)
        if len(errors) > 1:
            reason += " " + _more(len(errors) - 1)
        refuse(reason, field_path(tuple(first["loc"])))
    if not keep_unknown:
        unknown = first_unknown(journey, "journey")
        if unknown:
            where, key, model = unknown
            raise LoadError(source, unknown_message(key, type(model).model_fields), field=_as_written(where, result))
    problems = check_journey(journey)
    if problems:
        reason = problems[0].message
        if len(problems) > 1:
            reason += " " + _more(len(problems) - 1)
        refuse(reason, problems[0].path)
    checked = journey
    if result.migrated_from is not None:
        # Revisions of older versions run on the migrated journey (see migrations.py).
        journey = migrate_older_minors(journey, version, older_minor)
        result.migrated_from_minor = older_minor if version > 0 else 0
    if not newer_major and result.minor < MINOR:
        # What older fields meant changes with the revision: read them as the author meant.
        journey = migrate_minor(journey, result.minor, MINOR)
        result.migrated_from_minor = result.minor
        result.minor = MINOR

    result.journey = journey
    result.checked = journey is checked  # (a revision of an older file made another one)
    if newer_major:
        result.read_only = True
        result.notices.append(
            tr(
                "This file was written by a newer Journey Workbench (format {found}). "
                "It is open read-only so that nothing in it is lost.",
                found=_short(version),
            )
        )
    elif keep_unknown:
        result.notices.append(
            tr("This file comes from a newer Journey Workbench; fields this version does not know are kept.")
        )
    if result.migrated_from is not None:  # a team sharing the file should know before a save
        result.notices.append(
            tr(
                "This file is in format {old}; saving it writes format {new}, which older versions of "
                "Journey Workbench cannot open.",
                old=result.migrated_from,
                new=VERSION,
            )
        )
    return result


def _as_written(path: str, result: Loaded) -> str:
    """A place in the migrated journey, as the file names it (a version-1 file has no ``emotions``)."""
    return version_1_path(path) if result.migrated_from is not None and result.migrated_from < 2 else path


def _more(count: int) -> str:
    return ntr("({count} more problem)", "({count} more problems)", count)


def _short(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


# ----------------------------------------------------------------- saving


def dumps(
    journey: Journey, *, minor: int = MINOR, version: int = VERSION, extra: dict[str, Any] | None = None
) -> bytes:
    """The bytes of a `.journey` file: same journey, same bytes, always.

    A field equal to its default is left out, so that a field added to the
    format later never shows up in the diff of an old file saved again, and
    every file says only what differs from a blank journey. (The defaults are
    thus part of the format: changing one takes a new major version.)
    *extra* holds top-level fields of a newer version, kept as they were; a
    :class:`KeptFields` from a newer *major* version also keeps that version
    (see :func:`save_loaded`).
    """
    version = max(version, getattr(extra, "version", VERSION))
    if version > VERSION or minor > MINOR or journey.conflicts or journey.model_extra:
        # Numbers with a fraction are spelled differently by the two JSON writers (1e-05, 0.00001), and
        # this version's own fields hold none: only a merge conflict's values (any JSON) and a newer
        # version's fields can. Those journeys are written by the standard library's writer, as always.
        # (Inside elements, fields this version does not know come only with a newer version's file:
        # ``save`` refuses them in a current one.)
        return _reference_dumps(journey, minor=minor, version=version, extra=extra)
    # The journey is written by pydantic's own JSON writer (a fifth of the time of the standard library's
    # indenting one, whose output it matches byte for byte for this version's fields: tests/model/test_dumps.py),
    # then set into the envelope in place of a token nothing else can hold, one level deeper.
    token = f"journey-{secrets.token_hex(16)}"
    text = json.dumps(_envelope(token, minor, version, extra), indent=2, ensure_ascii=False)
    body = journey.model_dump_json(indent=2, exclude_defaults=True).replace("\n", "\n  ")  # (JSON strings hold no raw newline)
    return (text.replace(json.dumps(token), body, 1) + "\n").encode("utf-8")


def _reference_dumps(journey: Journey, *, minor: int = MINOR, version: int = VERSION, extra: dict[str, Any] | None = None) -> bytes:
    """:func:`dumps` as the standard library writes it (slower): what the tests hold :func:`dumps` to."""
    version = max(version, getattr(extra, "version", VERSION))
    if version > VERSION:
        # That version's defaults may not be ours: write back exactly the
        # fields the file had (and those edits set), whatever their values.
        data = journey.model_dump(mode="json", exclude_unset=True)
    else:
        data = journey.model_dump(mode="json", exclude_defaults=True)
    return (json.dumps(_envelope(data, minor, version, extra), indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _envelope(journey: Any, minor: int, version: int, extra: dict[str, Any] | None) -> dict[str, Any]:
    """The file's top level around *journey*, a newer version's own top-level fields after it."""
    envelope: dict[str, Any] = {"format": FORMAT, "version": version}
    if minor:
        envelope["minor"] = minor
    envelope["journey"] = journey
    for key, value in (extra or {}).items():
        envelope.setdefault(key, value)
    return envelope


def save(
    journey: Journey,
    path: str | Path,
    *,
    minor: int = MINOR,
    backup: bool = True,
    extra: dict[str, Any] | None = None,
    replace_read_only: bool = False,
) -> None:
    """Write *journey* to *path* atomically (see :func:`atomic_write`).

    The previous file is first copied to ``NAME.journey.bak``. On any failure
    the previous file is left byte-identical and :class:`SaveError` names the
    path and the reason. Saving through a symbolic link writes the file it
    points to. A read-only file is replaced only with *replace_read_only*.

    Fields this version does not know (from a newer file) are written only
    with the minor or major version they came with (pass the ``minor`` and
    ``extra`` of the :class:`Loaded`, or use :func:`save_loaded`): a file of
    the current version holding them would not open again.
    """
    if extra is None or getattr(extra, "version", VERSION) <= VERSION:
        if minor <= MINOR:
            unknown = first_unknown(journey, "journey")
            if unknown:
                raise SaveError(
                    path,
                    tr(
                        "holds a field this version does not know ({field}); it is kept only "
                        "in a file of the newer version it came from",
                        field=unknown[0],
                    ),
                )
    try:
        data = dumps(journey, minor=minor, extra=extra)
    except ValueError as error:  # (a lone surrogate in a merge conflict's value: no UTF-8 file can hold it)
        raise SaveError(path, tr("holds text that cannot be written in a file: {reason}", reason=error)) from None
    size = len(data)
    if size > MAX_BYTES:  # (a 100,000-step sheet converted gave a file nothing could open again)
        raise SaveError(
            path,
            tr("would be too large to open again ({size} MB; a journey file may hold {limit} MB): split the journey",
               size=round(size / 1_048_576, 1), limit=MAX_BYTES // 1_048_576),
        )
    atomic_write(Path(path), data, backup=backup, replace_read_only=replace_read_only)


def save_loaded(
    loaded: Loaded,
    path: str | Path,
    journey: Journey | None = None,
    *,
    backup: bool = True,
    replace_read_only: bool = False,
) -> None:
    """Save *journey* (by default the one read) with the version *loaded* came with.

    A file of the current or an older version is written as the current
    version. A newer minor version keeps its minor number and its unknown
    fields. A newer major version (opened read-only) is written as that same
    version, with its unknown fields and exactly the fields it had, never as
    a version-1 file: saving it elsewhere makes a faithful copy.
    """
    save(
        loaded.journey if journey is None else journey,
        path,
        minor=loaded.minor,
        backup=backup,
        extra=loaded.extra,
        replace_read_only=replace_read_only,
    )
