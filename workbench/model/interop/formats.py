"""Journeys read from and written to files of the formats the workbench knows, chosen by extension.

One place says which extension means which format, so that the CLI's
``convert`` and ``export``, and the editor's File > Import and Export menus,
agree. ``.journey`` is the workbench's own file; ``.mmd`` (or ``.mermaid``)
a Mermaid ``journey`` diagram; ``.csv`` a sheet of cards; any other name
is taken for a ``.journey`` file, as before formats were chosen. Reading one of the
other formats gives a new journey and the warnings of what could not be
read; every problem is a :class:`LoadError` naming the file and the place.
Writing goes through the atomic writer, so a failed write leaves the old
file as it was.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from workbench.i18n import current_language, ntr, tr
from workbench.model.atomic import atomic_write
from workbench.model.fileformat import Loaded, _read_bytes, save, save_loaded
from workbench.model.journey import Journey

JOURNEY = "journey"
MERMAID = "mermaid"
CSV = "csv"
#: The formats a journey is read from and written to (not the drawings: PDF, PNG, SVG).
EXTENSIONS: dict[str, str] = {".journey": JOURNEY, ".mmd": MERMAID, ".mermaid": MERMAID, ".csv": CSV}
#: Drawings of a journey, written by the export (read never).
DRAWINGS: tuple[str, ...] = (".pdf", ".png", ".svg")


@dataclass
class Read:
    """A journey read from a file, with what the reader could not take in."""

    journey: Journey
    format: str
    warnings: list[str] = field(default_factory=list)
    loaded: Loaded | None = None
    """For a ``.journey`` file: how it was read (its version, its kept fields)."""


def format_of(path: str | Path) -> str:
    """The format the extension of *path* names; the workbench's own for any other name."""
    return EXTENSIONS.get(Path(path).suffix.lower(), JOURNEY)


def journey_only(path: str | Path, written: bool = False) -> None:
    """Refuse a file whose name says it is a sheet or a diagram where a journey file is read, or *written* (a
    check of a .csv said "broken JSON", a merge into a .csv wrote a journey's JSON there)."""
    kind = format_of(path)
    if kind != JOURNEY:
        from workbench.model.errors import LoadError

        name = Path(path)
        shown, journey = {MERMAID: "Mermaid", CSV: "CSV"}[kind], name.with_suffix(".journey").name
        if written:
            raise LoadError(str(path), tr(
                "names a {format} file, but a journey file is written here: name it {journey} "
                "(then workbench convert makes the {format} file)", format=shown, journey=journey))
        raise LoadError(str(path), tr(
            "is a {format} file, not a journey file: convert it first (workbench convert {name} -o {journey})",
            format=shown, name=name.name, journey=journey,
        ))


def read_journey(
    path: str | Path, *, kind: str | None = None, language: str | None = None, allow_newer: bool = False
) -> Read:
    """The journey in *path*, in the format its extension names (a `.journey` file for any other).

    *kind* reads it as that format whatever its name (the format chosen in
    a menu). *language* is the language given to a journey imported from Mermaid (its
    text does not say); a sheet's language comes from its header names.
    """
    from workbench.model.fileformat import load_file

    path = Path(path)
    kind = kind or format_of(path)
    if kind == JOURNEY:  # any other name too: the errors of a journey file say what is wrong
        loaded = load_file(path, allow_newer=allow_newer)
        return Read(loaded.journey, JOURNEY, list(loaded.notices), loaded)
    data = _read_bytes(path)  # the same limits and messages as a journey file
    if kind == MERMAID:
        from workbench.model.interop.mermaid import from_mermaid

        text = _text(data, path)
        journey, warnings = from_mermaid(text, language or current_language(), source=str(path))
        return Read(journey, MERMAID, warnings)
    from workbench.model.interop.csvimport import from_csv

    warnings: list[str] = []
    return Read(from_csv(data, title=_title(path), source=str(path), warnings=warnings), CSV, warnings)


def _text(data: bytes, path: Path) -> str:
    from workbench.model.fileformat import _decode

    return _decode(data, str(path))


def _title(path: Path) -> str:
    """A sheet names no journey: its file name does ("savings-workshop.csv" -> "Savings workshop")."""
    words = path.stem.replace("_", " ").replace("-", " ").split()
    text = " ".join(words)[:500]
    return text[:1].upper() + text[1:] if text else tr("Imported journey")


def not_carried(journey: Journey, kind: str) -> list[str]:
    """What *journey* holds that a file of *kind* cannot keep, in words ("the persona", "5 flow links")."""
    if kind not in (MERMAID, CSV):
        return []
    from workbench.model.interop.difftext import quoted
    lost = []
    if kind == CSV and journey.title:
        lost.append(tr("the title"))
    if journey.sector != "other":
        lost.append(tr("the sector"))
    first, *others = sorted(journey.personas, key=lambda p: p.order)
    if first.model_dump(exclude_defaults=True, exclude={"id", "order"}):
        lost.append(tr("the persona"))
    if others:
        lost.append(ntr("{count} other persona", "{count} other personas", len(others)))
    later = sum(1 for s in journey.steps if any(e.scenario != "as_is" or e.persona != first.id for e in s.emotions))
    if later:
        lost.append(ntr("the other emotions of {count} step", "the other emotions of {count} steps", later))
    tagged = sum(1 for c in journey.cards if c.personas)
    if tagged:
        lost.append(ntr("the persona tags of {count} card", "the persona tags of {count} cards", tagged))
    if kind == CSV and journey.scenario:
        lost.append(tr("the scenario"))
    if journey.authors:
        lost.append(tr("the authors"))
    if journey.notes:
        lost.append(tr("the notes"))
    details = ("description", "moment_of_truth", "goal", "end", "deliberate_exit", "data_reentered")
    described = sum(
        1 for s in journey.steps if any(getattr(s, d) for d in details) or any(e.note for e in s.emotions)
    )
    if described:
        lost.append(ntr("the details of {count} step", "the details of {count} steps", described))
    if kind == MERMAID:
        others = sum(1 for c in journey.cards if c.kind != "touchpoint")
        if others:
            lost.append(ntr("{count} card that is not a touchpoint", "{count} cards that are not touchpoints", others))
        unnamed = sum(1 for c in journey.cards if c.kind == "touchpoint" and not (c.channel or "").strip())
        if unnamed:  # (a task's actors are its channels: one without any is not written)
            lost.append(ntr("{count} touchpoint without a channel", "{count} touchpoints without a channel", unnamed))
    if kind == CSV:  # (a sheet names stages and lanes by their titles: two of one title read back as one)
        for collection, word in (("stages", tr("stages")), ("lanes", tr("lanes"))):
            titles = [e.title.strip() for e in getattr(journey, collection)]
            alike = sorted({t for t in titles if titles.count(t) > 1})
            if alike:
                lost.append(tr("the difference between the {things} called {titles} (read back, they are one)",
                               things=word, titles=", ".join(quoted(t) for t in alike)))
    if journey.handoffs:
        lost.append(ntr("{count} handoff", "{count} handoffs", len(journey.handoffs)))
    if journey.links:
        lost.append(ntr("{count} flow link", "{count} flow links", len(journey.links)))
    return lost


def encode(journey: Journey, kind: str, separator: str | None = None) -> bytes:
    """The bytes of *journey* in *kind* (Mermaid or CSV; *separator* between a sheet's cells, by default
    ``;`` for a French journey and ``,`` otherwise)."""
    if kind == MERMAID:
        from workbench.model.interop.mermaid import to_mermaid

        return to_mermaid(journey).encode("utf-8")
    if kind == CSV:
        from workbench.model.interop.csvexport import to_csv

        return to_csv(journey, separator)
    raise ValueError(kind)


def write_journey(
    journey: Journey,
    path: str | Path,
    *,
    loaded: Loaded | None = None,
    replace_read_only: bool = False,
    separator: str | None = None,
) -> str:
    """Write *journey* to *path* in the format its extension names (`.journey` for any other), atomically.

    A ``.journey`` file is saved as the editor saves it (with *loaded*, the
    version and kept fields it was read with); the other formats keep the
    previous file as ``.bak`` too. Returns the format written; raises :class:`SaveError`.
    """
    path = Path(path)
    kind = format_of(path)
    if kind == JOURNEY:
        if loaded is not None:
            save_loaded(loaded, path, journey, replace_read_only=replace_read_only)
        else:
            save(journey, path, replace_read_only=replace_read_only)
        return kind
    atomic_write(path, encode(journey, kind, separator), backup=True, replace_read_only=replace_read_only)
    return kind
