"""A journey written as a spreadsheet (CSV); :mod:`~workbench.model.interop.csvimport` reads one.

:func:`to_csv` writes one row per card (its stage, step, step order,
emotion, lane, kind, text, channel, nature and intents), one row per step
without cards, and one row per stage without steps. When the lanes cannot be
told from the card rows alone (an empty lane, or lanes first met out of their
order), one row per lane comes first, holding only the lane and its kind.
The file is UTF-8 with a byte-order mark, so spreadsheet programs read the
accents right; French journeys use ``;`` as separator, as French spreadsheets
expect. Headers and values (kinds, natures, intents) are in the journey's
language: an English sheet holds the format's own ids, a French one its
words ("numérique", "point de contact"); import reads either in any sheet.

Cells that a spreadsheet would run as a formula (starting with ``=``, ``+``,
``-``, ``@``) are written with a leading apostrophe, which import removes.
"""

from __future__ import annotations

import csv
import io

from workbench.model.feelings import lead, level
from workbench.model.interop import csvcells as sheet
from workbench.model.journey import Card, Journey


def to_csv(journey: Journey, separator: str | None = None) -> bytes:
    """*journey* as a CSV sheet: UTF-8 with a byte-order mark, ``;`` for French, ``,`` otherwise."""
    language = journey.language if journey.language in sheet.HEADERS else "en"
    sep = separator or (";" if language == "fr" else ",")
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=sep, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([sheet.HEADERS[language][c] for c in sheet.COLUMNS])

    def word(value: str) -> str:
        return sheet.value_word(value, language)  # (a French sheet says "numérique", not "digital")

    def ranked(items: list, key=lambda e: e.order) -> list:  # type: ignore[no-untyped-def]
        return [e for _, e in sorted(enumerate(items), key=lambda pair: (key(pair[1]), pair[0]))]

    lanes = ranked(list(journey.lanes))
    lane_rank = {lane.id: rank for rank, lane in enumerate(lanes)}
    lane_by_id = {lane.id: lane for lane in lanes}
    cards_of: dict[str, list[Card]] = {}
    for card in journey.cards:
        if card.lane in lane_by_id:
            cards_of.setdefault(card.step, []).append(card)

    body: list[list[str]] = []
    met: list[str] = []
    persona = lead(journey).id
    for stage in ranked(list(journey.stages)):
        steps = ranked([s for s in journey.steps if s.stage == stage.id])
        if not steps:
            body.append(_row(stage=sheet.guarded(stage.title)))
        for step in steps:
            felt = level(step, persona)
            emotion = "" if felt is None else str(felt)
            common = {
                "stage": sheet.guarded(stage.title),
                "step": sheet.guarded(step.title),
                "step_order": str(step.order),
                "emotion": emotion,
            }
            cards = ranked(cards_of.get(step.id, []), key=lambda c: (lane_rank[c.lane], c.order))
            if not cards:
                body.append(_row(**common))
            for card in cards:
                lane = lane_by_id[card.lane]
                if lane.id not in met:
                    met.append(lane.id)
                body.append(
                    _row(
                        **common,
                        lane=sheet.guarded(lane.title),
                        lane_kind=word(lane.kind),
                        kind=word(card.kind),
                        text=sheet.guarded(card.text),
                        channel=sheet.guarded(card.channel or ""),
                        nature=word(card.nature or ""),
                        intents=", ".join(map(word, card.intents)),
                    )
                )
    if met != [lane.id for lane in lanes]:
        # The lanes cannot be told from the cards: declare them all first, in order.
        writer.writerows(_row(lane=sheet.guarded(lane.title), lane_kind=word(lane.kind)) for lane in lanes)
    writer.writerows(body)
    return buffer.getvalue().encode("utf-8-sig")


def _row(**cells: str) -> list[str]:
    return [cells.get(column, "") for column in sheet.COLUMNS]
