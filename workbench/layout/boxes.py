"""Measured boxes: wrapped text and the cards of one cell (no Qt).

A card's size depends only on its kind, channel, text and the column width,
so it is measured once per distinct card and reused: an edit re-measures the
card it changed, never the others.
"""

from __future__ import annotations

from functools import lru_cache

from workbench.channels import channel_label
from workbench.geometry import Anchor, CardBox, Rect, Style, Text
from workbench.model.journey import Card
from workbench.textmetrics import line_height, wrap


def text_box(text: str, x: float, y: float, width: float, size: float, bold: bool = False) -> Text:
    lines = tuple(wrap(text, width, size, bold))
    return Text(lines, size, bold, Rect(x, y, width, len(lines) * line_height(size)))


@lru_cache(maxsize=65536)
def card_parts(label: str | None, text: str, width: float, s: Style) -> tuple[float, Text | None, Text]:
    """Height of a card and its channel line and text, placed from its top-left corner."""
    inner = width - 2 * s.padding
    ty = s.padding
    channel = None
    if label is not None:
        channel = text_box(label, s.padding, ty, inner - 12, s.label_size, True)
        ty = channel.rect.bottom + 2
    body = text_box(text, s.padding, ty, inner, s.card_size)
    return body.rect.bottom + s.padding, channel, body


def cell_top(lane_kind: str, s: Style) -> float:
    """Where the first card of a cell goes, from the top of the lane (under the curve in the emotion lane)."""
    return s.padding + (s.emotion_height if lane_kind == "emotions" else 0.0)


def place_cell(cards: list[Card], x: float, top: float, s: Style, anchor: Anchor) -> tuple[list[CardBox], float]:
    """The boxes of a cell's cards stacked from *top*, and how far down the cell reaches (with its padding)."""
    width = s.column_width - 2 * s.padding
    boxes: list[CardBox] = []
    cy = top
    for card in cards:
        label = channel_label(card.channel) if card.kind == "touchpoint" and card.channel else None
        height, channel, body = card_parts(label, card.text, width, s)
        boxes.append(
            CardBox(card.id, card.step, card.lane, card.kind, card.nature, Rect(x, cy, width, height), channel, body, anchor)
        )
        cy += height + s.card_gap
    return boxes, cy - s.card_gap + s.padding
