"""A journey read from a spreadsheet (CSV) typed by a person; :mod:`~workbench.model.interop.csvexport` writes one.

:func:`from_csv` finds columns by their header in English or French, in any
order, whatever their case and accents; ``;``, ``,`` or a tab is detected.
Missing optional columns take defaults (the columns, their names and the
words a cell may hold are in :mod:`~workbench.model.interop.csvcells`); a
touchpoint without a nature takes the one its channel's words suggest, as
in a Mermaid import. Every bad row is reported by row and column, all at
once, in one :class:`CsvError`, and nothing is imported until every row is
good. The journey built is then checked like any loaded file (pydantic
models and :func:`~workbench.model.validation.check_journey`). A cell
guarded against being run as a formula (a leading apostrophe) is read
without it.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass

from pydantic import ValidationError

from workbench.i18n import decimal, ntr, tr
from workbench.model.errors import LoadError
from workbench.model.interop import csvcells as sheet
from workbench.model.interop.mermaid import guess_nature
from workbench.model.ids import new_id
from workbench.model.feelings import feelings
from workbench.model.journey import CARD_KINDS, LANE_KINDS, NATURES, Card, Journey, Lane, Stage, Step
from workbench.model.ordering import GAP, MAX_ORDER, renumbered
from workbench.model.validation import check_journey


@dataclass(frozen=True)
class RowProblem:
    row: int
    """The spreadsheet's row number: the header is row 1."""
    column: str
    """The column's header as the sheet has it."""
    message: str

    def __str__(self) -> str:
        if not self.column:  # (the row as a whole)
            return tr("row {row}: {message}", row=self.row, message=self.message)
        return tr("row {row}, column {column}: {message}", row=self.row, column=self.column, message=self.message)


class CsvError(LoadError):
    """A sheet that cannot be imported; ``problems`` lists every bad cell, by row and column."""

    def __init__(self, source: str, problems: list[RowProblem] | None = None, reason: str | None = None) -> None:
        self.problems = list(problems or [])
        if reason is None:
            lines = [str(p) for p in self.problems]
            if len(lines) == 1:
                reason = lines[0]
            else:
                reason = "\n".join(
                    [ntr("{count} problem, nothing was imported:", "{count} problems, nothing was imported:", len(lines))] + ["  " + line for line in lines]
                )
        super().__init__(source, reason)


def _unknown_column(name: str) -> str:
    import difflib

    known = [h for language in sheet.HEADERS.values() for h in language.values()]
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.75)
    if close:
        return tr("the column {name!r} is not one the workbench reads, and was left out (did you mean {close!r}?)",
                  name=name, close=close[0])
    return tr("the column {name!r} is not one the workbench reads, and was left out", name=name)


def _decode(data: bytes | str, source: str = "CSV") -> str:
    if isinstance(data, str):
        return data.removeprefix("\ufeff")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # what a spreadsheet writes as "Unicode text"
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise CsvError(source, reason=tr("is not readable UTF-16 text: save the sheet as CSV (UTF-8)")) from None
    if b"\x00" in data[:4096]:
        raise CsvError(source, reason=tr("is not a text sheet (it holds binary data): save the sheet as CSV (UTF-8)"))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Spreadsheets on Windows save "CSV" in the ANSI code page.
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            return data.decode("latin-1")


def detect_separator(text: str) -> str:
    """``;``, ``,`` or a tab: whichever the first non-empty line holds most of, outside quotes."""
    line = next((ln for ln in text.splitlines() if ln.strip()), "")
    counts = {";": 0, ",": 0, "\t": 0}
    quoted = False
    for char in line:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(counts, key=lambda c: (counts[c], c == ","))
    return best if counts[best] else ","


def _rows(text: str, sep: str, source: str) -> list[list[str]]:
    """The sheet's rows. A quote opened and never closed took the rest of the sheet into one cell, without a
    word: it is refused, naming its row (as is a cell too long to read); a stray quote inside a cell, as
    hand-edited sheets hold, is read as the spreadsheet would."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep, strict=True)
    rows: list[list[str]] = []
    try:
        for row in reader:
            rows.append(row)
        return rows
    except csv.Error as error:
        said = str(error)
        if "end of data" in said:
            reason = tr("a quote (\") opened in this row is never closed, so the rest of the sheet would be one cell")
        elif "field larger" in said:
            reason = tr("a cell is longer than {limit} characters", limit=decimal(csv.field_size_limit(), 0))
        else:
            reason = None
    if reason is not None:
        raise CsvError(source, [RowProblem(len(rows) + 1, "", reason)])
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=sep))


@dataclass
class _StepDraft:
    stage: str
    title: str
    order: int | None
    order_row: int
    emotion: int | None
    emotion_row: int
    id: str = ""


@dataclass
class _LaneDraft:
    title: str
    kind: str
    kind_given: bool
    row: int
    id: str = ""


def from_csv(
    data: bytes | str,
    title: str | None = None,
    language: str | None = None,
    *,
    source: str = "CSV",
    warnings: list[str] | None = None,
) -> Journey:
    """The journey a CSV sheet describes; :class:`CsvError` lists every bad row if it cannot be read.

    *title* names the journey (by default "Imported journey"); *language* is the
    journey's language, by default the language of the sheet's headers. A
    column the sheet names but the workbench does not know is left out, and
    said in *warnings* (with the column it probably means, if one is close).
    """
    text = _decode(data, source)
    sep = detect_separator(text)
    rows = _rows(text, sep, source)
    while rows and not any(cell.strip() for cell in rows[0]):
        rows.pop(0)
    if not rows:
        raise CsvError(source, reason=tr("the sheet is empty: it needs a header row naming its columns"))
    header_row = rows[0]
    columns: dict[str, int] = {}
    shown: dict[str, str] = {}
    french = english = 0
    problems: list[RowProblem] = []
    for index, name in enumerate(header_row):
        column = sheet.HEADER_INDEX.get(sheet.key(name))
        if column is None:  # a column of the person's own, or a misspelt one: left out, and said
            if warnings is not None and name.strip():
                warnings.append(_unknown_column(name.strip()))
            continue
        if column in columns:
            problems.append(
                RowProblem(1, name.strip(), tr("this column repeats the column {other}", other=shown[column]))
            )
            continue
        columns[column] = index
        shown[column] = name.strip()
        typed, in_french, in_english = (
            sheet.key(name), sheet.key(sheet.HEADERS["fr"][column]), sheet.key(sheet.HEADERS["en"][column])
        )
        french += typed == in_french and typed != in_english
        english += typed == in_english and typed != in_french
    lang = language if language in sheet.HEADERS else ("fr" if french > english else "en")
    for column in sheet.REQUIRED:
        if column not in columns:
            problems.append(
                RowProblem(
                    1,
                    sheet.HEADERS[lang][column],
                    tr("this column is missing: name it {english} or {french}", english=sheet.HEADERS["en"][column],
                       french=sheet.HEADERS["fr"][column]),
                )
            )
    if problems:
        raise CsvError(source, problems)

    def cell(row: list[str], column: str) -> str:
        index = columns.get(column)
        if index is None or index >= len(row):
            return ""
        return row[index].strip()

    stage_titles: list[str] = []
    steps: dict[tuple[str, ...], _StepDraft] = {}
    lanes: dict[str, _LaneDraft] = {}
    # (step key, lane title, kind, text, channel, nature, intents)
    cards: list[tuple[tuple[str, str], str, str, str, str | None, str | None, list[str]]] = []

    for number, row in enumerate(rows[1:], start=2):
        values = {column: cell(row, column) for column in sheet.COLUMNS}
        if not any(values.values()):
            continue
        bad: list[RowProblem] = []

        def problem(column: str, message: str) -> None:
            bad.append(RowProblem(number, shown.get(column, sheet.HEADERS[lang][column]), message))  # noqa: B023

        stage = sheet.unguarded(values["stage"])
        step = sheet.unguarded(values["step"])
        lane_title = sheet.unguarded(values["lane"])
        card_text = sheet.unguarded(values["text"])
        channel = sheet.unguarded(values["channel"])
        card_fields = ("lane", "lane_kind", "kind", "text", "channel", "nature", "intents")
        has_card = any(values[c] for c in card_fields)
        step_fields = ("step_order", "emotion")

        # Parse every cell first, so that one row reports all its problems.
        lane_kind = sheet.choice(values["lane_kind"], sheet.LANE_INDEX, LANE_KINDS, "lane_kind", problem)
        kind = sheet.choice(values["kind"], sheet.CARD_INDEX, CARD_KINDS, "kind", problem)
        nature = sheet.choice(values["nature"], sheet.NATURE_INDEX, NATURES, "nature", problem)
        intents = sheet.intents(values["intents"], problem)
        emotion = sheet.emotion(values["emotion"], problem)
        order = sheet.order(values["step_order"], problem)
        for column, value, limit in (
            ("stage", stage, sheet.MAX_SHORT),
            ("step", step, sheet.MAX_SHORT),
            ("lane", lane_title, sheet.MAX_SHORT),
            ("text", card_text, sheet.MAX_LONG),
            ("channel", channel, sheet.MAX_SHORT),
        ):
            if len(value) > limit:
                problem(column, tr("is too long (at most {limit} characters)", limit=limit))

        if not step:
            if any(values[c] for c in ("kind", "text", "channel", "nature", "intents") + step_fields):
                problem("step", tr("the step has no title"))
            elif lane_title or values["lane_kind"]:
                _declare_lane(lanes, lane_title, lane_kind, number, lang, problem)
            elif stage and stage not in stage_titles:
                stage_titles.append(stage)
            problems += bad
            continue
        if not stage:
            problem("stage", tr("the step {step!r} has no stage", step=step))
            problems += bad
            continue

        if stage not in stage_titles:
            stage_titles.append(stage)
        key: tuple[str, ...] = (stage, step)
        draft = steps.get(key)
        if draft is not None and order is not None and draft.order is not None and draft.order != order:
            # Another step of the same title in this stage, told apart by its order (two "New step"s: the
            # application's own sheet could not be read back)
            key = (stage, step, str(order))
            draft = steps.get(key)
        if draft is None:
            draft = steps[key] = _StepDraft(stage, step, order, number, emotion, number)
        else:
            if order is not None and draft.order is None:
                draft.order, draft.order_row = order, number
            if emotion is not None:
                if draft.emotion is None:
                    draft.emotion, draft.emotion_row = emotion, number
                elif draft.emotion != emotion:
                    problem("emotion", tr("row {row} gives this step the emotion {emotion}", row=draft.emotion_row,
                                          emotion=draft.emotion))

        if has_card:
            lane_draft = _card_lane(lanes, lane_title, lane_kind, kind, number, lang, problem)
            if kind is None:
                kind = sheet.CARD_OF_LANE[lane_draft.kind] if lane_draft else "action"
            if kind == "touchpoint" and nature is None and not values["nature"]:
                if channel:  # as a Mermaid import does: an advisor, a counter... is human, the rest digital
                    nature = guess_nature(channel)
                else:
                    problem("nature", tr("a touchpoint needs a nature (digital, human or physical) or a channel"))
            if kind != "touchpoint" and nature is not None:
                problem("nature", tr("only touchpoint cards have a nature"))
            if kind != "touchpoint" and channel:
                problem("channel", tr("only touchpoint cards have a channel"))
            if lane_draft is not None:
                cards.append((key, lane_draft.title, kind, card_text, channel or None, nature, intents))
        problems += bad

    if problems:
        raise CsvError(source, problems)
    return _build(title, lang, stage_titles, steps, lanes, cards, source)


def _declare_lane(  # type: ignore[no-untyped-def]
    lanes: dict[str, _LaneDraft], title: str, kind: str | None, row: int, lang: str, problem
):
    """The lane called *title* (made if new), or None when the sheet contradicts itself."""
    if not title:
        if kind is None:
            return None
        title = sheet.LANE_TITLES[lang][kind]
    draft = lanes.get(title)
    if draft is None:
        guessed = kind or sheet.standard_kind(title) or "custom"
        draft = lanes[title] = _LaneDraft(title, guessed, kind is not None, row)
    elif kind is not None and kind != draft.kind:
        if draft.kind_given:
            problem("lane_kind", tr("row {row} gives the lane {lane!r} the kind {kind}", row=draft.row,
                                    lane=title, kind=draft.kind))
            return None
        draft.kind, draft.kind_given, draft.row = kind, True, row
    return draft


def _card_lane(  # type: ignore[no-untyped-def]
    lanes, title: str, lane_kind: str | None, kind: str | None, row: int, lang: str, problem
):
    if lane_kind is None and title and title not in lanes and sheet.standard_kind(title) is None and kind is not None:
        lane_kind = sheet.LANE_OF_CARD[kind]
    if lane_kind is None and not title:
        lane_kind = sheet.LANE_OF_CARD[kind] if kind else "actions"
    return _declare_lane(lanes, title, lane_kind, row, lang, problem)


def _build(title, lang, stage_titles, steps, lanes, cards, source: str) -> Journey:  # type: ignore[no-untyped-def]
    taken: set[str] = set()

    def fresh(collection: str) -> str:
        element_id = new_id(collection, taken)
        taken.add(element_id)
        return element_id

    stage_ids = {t: fresh("stages") for t in stage_titles}
    stages = [Stage(id=stage_ids[t], title=t, order=o) for t, o in zip(stage_titles, renumbered(len(stage_titles)))]
    last: dict[str, int] = {}
    for draft in steps.values():  # in the order of the sheet
        if draft.order is not None:
            last[draft.stage] = max(last.get(draft.stage, 0), draft.order)
    step_list: list[Step] = []
    for draft in steps.values():
        if draft.order is None:
            draft.order = min(last.get(draft.stage, 0) + GAP, MAX_ORDER)
            last[draft.stage] = draft.order
        draft.id = fresh("steps")
        step_list.append(
            Step(id=draft.id, title=draft.title, stage=stage_ids[draft.stage], order=draft.order,
                 emotions=feelings(draft.emotion))
        )
    lane_list: list[Lane] = []
    for draft, order in zip(lanes.values(), renumbered(len(lanes))):
        draft.id = fresh("lanes")
        lane_list.append(Lane(id=draft.id, kind=draft.kind, title=draft.title, order=order))
    card_list: list[Card] = []
    count: dict[tuple[str, str], int] = {}
    for step_key, lane_title, kind, text, channel, nature, intents in cards:
        step_id, lane_id = steps[step_key].id, lanes[lane_title].id
        count[(step_id, lane_id)] = count.get((step_id, lane_id), 0) + 1
        card_list.append(
            Card(id=fresh("cards"), step=step_id, lane=lane_id, order=count[(step_id, lane_id)] * GAP, kind=kind,
                 text=text, channel=channel, nature=nature, intents=intents)
        )
    try:
        journey = Journey(
            title=(title if title is not None else tr("Imported journey", lang))[:sheet.MAX_SHORT],
            language=lang,
            stages=stages,
            steps=step_list,
            lanes=lane_list,
            cards=card_list,
        )
    except ValidationError as error:  # a limit on the number of elements, say
        from workbench.model.validation import describe_error, field_path

        first = error.errors()[0]
        raise CsvError(source, reason=f"{field_path(first['loc'])}: {describe_error(first)}") from None
    problems = check_journey(journey)
    if problems:
        raise CsvError(source, reason="\n".join(str(p) for p in problems))
    return journey
