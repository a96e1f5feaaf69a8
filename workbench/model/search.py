"""Find: the elements of a journey whose words contain what the user typed, in the order the map reads (no Qt).

The search ignores case, accents and the kind of space ("etape" finds
"Étape", a no-break space before a French colon matches a plain one), so a
facilitator finds a sticky note however it was typed. It reads what the map
shows and what the user wrote about each element: lane titles, then, stage
by stage and step by step, the stage's title and description, the step's,
its cards (text and channel, lane by lane), the triggers of the handoffs
that leave them, and the labels of the flow links that leave the step.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

from workbench.model.index import JourneyIndex
from workbench.model.journey import Handoff, Link

#: Spaces a writer may have typed in place of another (no-break, narrow no-break, figure space, tab...).
_SPACES = dict.fromkeys(map(ord, "\u00a0\u202f\u2007\u2009\t\n\r"), " ")


def folded(text: str) -> str:
    """*text* as the search compares it: lower case, without accents, every space a plain one."""
    text = text.translate(_SPACES).casefold()
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _texts(index: JourneyIndex) -> Iterator[tuple[str, str]]:
    """(element id, text) of everything the search reads, in the map's reading order."""
    lanes = index.lanes()
    for lane in lanes:
        yield lane.id, lane.title
    for stage in index.stages():
        yield stage.id, stage.title
        yield stage.id, stage.description
        for step in index.steps_of(stage.id):
            yield step.id, step.title
            yield step.id, step.description
            for lane in lanes:
                for card in index.cards_at(step.id, lane.id):
                    yield card.id, card.text
                    yield card.id, card.channel or ""
                    for handoff in index.dependents(card.id):
                        if isinstance(handoff, Handoff) and handoff.source == card.id:
                            yield handoff.id, handoff.trigger
            for link in index.dependents(step.id):
                if isinstance(link, Link) and link.source == step.id:
                    yield link.id, link.label


def reading_order(index: JourneyIndex) -> list[str]:
    """The ids of everything the search reads, each once, in the map's reading order."""
    return list(dict.fromkeys(element_id for element_id, _ in _texts(index)))


def find(index: JourneyIndex, query: str, known: dict[str, str] | None = None) -> list[str]:
    """The ids of the elements whose words contain *query*, each once, in reading order (none for a blank query).

    *known*, texts already folded (kept by the caller from one search to the next: a map's texts are folded
    once, whatever their number; a cache of a fixed size was emptied by every search of a 5,000-step map).
    """
    wanted = folded(query).strip()
    if not wanted:
        return []
    known = {} if known is None else known
    found: dict[str, None] = {}
    for element_id, text in _texts(index):
        if not text or element_id in found:
            continue
        fold = known.get(text)
        if fold is None:
            fold = known[text] = folded(text)
        if wanted in fold:
            found[element_id] = None
    return list(found)
