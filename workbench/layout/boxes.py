"""Measured boxes: wrapped text and the cards of one cell (no Qt).

A card's size depends only on its kind, channel, text and the column width,
so it is measured once per distinct card and reused: an edit re-measures the
card it changed, never the others.
"""

from __future__ import annotations

from workbench.channels import channel_label
from workbench.geometry import Anchor, CardBox, Rect, Style, Text
from workbench.model.journey import Card
from workbench.textmetrics import line_height, measured_with_fonts, wrap


def text_box(text: str, x: float, y: float, width: float, size: float, bold: bool = False) -> Text:
    lines = tuple(wrap(text, width, size, bold))
    return Text(lines, size, bold, Rect(x, y, width, len(lines) * line_height(size)))


class CardMeasures:
    """Each distinct card measured once, for one style: height, channel line and text from its corner.

    A card's size depends only on its channel, text and the column width, so
    an edit re-measures the card it changed and reuses the others. The
    cache is kept by the engine (keyed without the style, which would be
    hashed field by field on every look-up).
    """

    LIMIT = 200_000

    def __init__(self, s: Style) -> None:
        self.style = s
        self.width = s.column_width - 2 * s.padding
        self._known: dict[tuple[str | None, str], tuple[float, Text | None, Text]] = {}

    def __call__(self, label: str | None, text: str) -> tuple[float, Text | None, Text]:
        key = (label, text)
        found = self._known.get(key)
        if found is None:
            if len(self._known) >= self.LIMIT:
                self._known.clear()
            found = self._known[key] = self._measure(label, text)
        return found

    def _measure(self, label: str | None, text: str) -> tuple[float, Text | None, Text]:
        s = self.style
        inner = self.width - 2 * s.padding
        ty = s.padding
        channel = None
        if label is not None:
            channel = text_box(label, s.padding, ty, inner - 12, s.label_size, True)
            ty = channel.rect.bottom + 2
        body = text_box(text, s.padding, ty, inner, s.card_size)
        return body.rect.bottom + s.padding, channel, body


_MEASURES: dict[Style, CardMeasures] = {}
measured_with_fonts(_MEASURES.clear)  # (sizes measured with fonts since forgotten would be wrong)


def measures_for(s: Style) -> CardMeasures:
    """The card measures of one style, shared by every layout made with it."""
    found = _MEASURES.get(s)
    if found is None:
        found = _MEASURES[s] = CardMeasures(s)
    return found


def cell_top(lane_kind: str, s: Style) -> float:
    """Where the first card of a cell goes, from the top of the lane (under the curve in the emotion lane)."""
    return s.padding + (s.emotion_height if lane_kind == "emotions" else 0.0)


def place_cell(
    cards: list[Card], top: float, measure: CardMeasures, anchor: Anchor, column: Anchor
) -> tuple[list[CardBox], float]:
    """The boxes of a cell's cards stacked from *top*, and how far down the cell reaches (with its padding).

    Boxes are placed from the lane's *anchor* (y) and the column's (x).
    """
    s, width = measure.style, measure.width
    x = s.padding
    gap = s.card_gap
    boxes: list[CardBox] = []
    cy = top
    for card in cards:
        label = channel_label(card.channel) if card.kind == "touchpoint" and card.channel else None
        height, channel, body = measure(label, card.text)
        boxes.append(
            CardBox(card.id, card.step, card.lane, card.kind, card.nature, Rect(x, cy, width, height), channel, body, anchor,
                    column, tuple(card.personas))
        )
        cy += height + gap
    return boxes, cy - gap + s.padding
