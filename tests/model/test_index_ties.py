"""Ties of ``order`` follow the file, and a file made of ties is read in linear time.

A hand-written or generated file often leaves every ``order`` at 0. Each
group with a tie looks up the elements' places in the file's arrays; those
places are made once per collection (not once per group, which made a
1,000-step map of tied cards take seconds to open), and made again when an
element of that collection is added (a removed one leaves the others in
order, a replaced one keeps its place).
"""

from __future__ import annotations

from benchmarks.generate import journey_of
from workbench.model.document import JourneyDocument
from workbench.model.edits import Insert
from workbench.model.index import JourneyIndex
from workbench.model.journey import Card, Journey


def tied(steps: int) -> Journey:
    """*steps* steps, each cell with two cards, every card of order 0."""
    journey = journey_of(steps)
    cards = []
    for card in journey.cards:
        cards.append(card.model_copy(update={"order": 0}))
        cards.append(card.model_copy(update={"order": 0, "id": card.id + "-b"}))
    return journey.model_copy(update={"cards": cards})


class CountingJourney:
    """A journey that counts how often its cards array is read."""

    def __init__(self, journey: Journey) -> None:
        self._journey = journey
        self.reads = 0

    def __getattr__(self, name: str) -> object:
        if name == "cards":
            self.reads += 1
        return getattr(self._journey, name)


def test_the_places_of_a_file_of_ties_are_made_once_for_every_cell() -> None:
    journey = CountingJourney(tied(50))
    index = JourneyIndex(journey)  # type: ignore[arg-type]
    before = journey.reads
    cells = list(index.cells())
    assert len(cells) > 200
    for step, lane in cells:
        first, second = index.cards_at(step, lane)
        assert second.id == first.id + "-b"  # the file's order
    assert journey.reads - before == 1


def test_a_card_added_or_removed_is_placed_by_the_file_again() -> None:
    doc = JourneyDocument(tied(3))
    card = doc.journey.cards[0]
    cell = (card.step, card.lane)
    assert [c.id for c in doc.index.cards_at(*cell)] == [card.id, card.id + "-b"]
    new = Card(id="first", step=card.step, lane=card.lane, order=0, kind=card.kind, text="First in the file")
    doc.apply(Insert("cards", new, 0))
    assert [c.id for c in doc.index.cards_at(*cell)] == ["first", card.id, card.id + "-b"]
    doc.remove("first")
    assert [c.id for c in doc.index.cards_at(*cell)] == [card.id, card.id + "-b"]
    # A tie elsewhere is placed by the file as it is now (every place moved back by one).
    other = doc.journey.cards[-1]
    assert [c.id for c in doc.index.cards_at(other.step, other.lane)] == [other.id[:-2], other.id]
