"""An edit finds its element's place in the file's arrays from where it was last seen, not from the start."""

from __future__ import annotations

import random

import pytest

from benchmarks.generate import journey_of
from workbench.model import places as places_module
from workbench.model.document import JourneyDocument
from workbench.model.edits import Insert
from workbench.model.journey import Card
from workbench.model.places import FAR, Places


class Counted(list):  # type: ignore[type-arg]
    """A list that counts the items read from it by index."""

    reads = 0

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        Counted.reads += 1
        return super().__getitem__(i)

    def __iter__(self):  # type: ignore[no-untyped-def]
        for item in super().__iter__():
            Counted.reads += 1
            yield item


def card(i: int) -> Card:
    return Card(id=f"c{i}", step="s", lane="l", kind="thought", text=str(i))


def test_an_element_far_into_its_array_is_found_where_it_was_seen() -> None:
    items = Counted(card(i) for i in range(5000))
    places = Places()
    assert places.find(items, items[4999]) == 4999  # (the first look-up places the whole collection)
    Counted.reads = 0
    assert places.find(items, items[4999]) == 4999
    assert places.find(items, items[10]) == 10
    assert Counted.reads <= 4  # two look-ups, not a walk from the start
    for i in (100, 2000, 4000):  # three added before it: found three places on
        items.insert(i, card(10_000 + i))
        places.added(items[i], i)
    last, added = items[-1], items[2000]
    Counted.reads = 0
    assert places.find(items, last) == len(items) - 1  # its place and three either side, at most
    assert places.find(items, added) == 2000  # (one just added: where it went)
    assert Counted.reads <= (1 + 2 * 3) + 1
    for i in (50, 60, 70, 80):  # four removed before it: found four places back
        places.removed(items.pop(i))
    Counted.reads = 0
    assert places.find(items, last) == len(items) - 1
    assert Counted.reads <= 2 * 4 + 2


def test_random_adds_and_removes_never_lose_an_element() -> None:
    rnd = random.Random(3)
    items: list[Card] = [card(i) for i in range(300)]
    places = Places()
    made = 300
    for _ in range(2000):
        roll = rnd.random()
        if roll < 0.3:
            i = rnd.randrange(len(items) + 1)
            items.insert(i, card(made))
            places.added(items[i], i)
            made += 1
        elif roll < 0.55 and items:
            gone = items.pop(rnd.randrange(len(items)))
            places.removed(gone)
        elif roll < 0.6:  # many added at the start: further than FAR for everyone after
            for _ in range(FAR + 5):
                items.insert(0, card(made))
                places.added(items[0], 0)
                made += 1
        elif items:
            j = rnd.randrange(len(items))
            assert places.find(items, items[j]) == j
    for j, element in enumerate(items):
        assert places.find(items, element) == j


def test_an_element_that_is_not_there_is_refused() -> None:
    items = [card(i) for i in range(5)]
    with pytest.raises(ValueError, match="c99"):
        Places().find(items, card(99))
    twin = card(3)  # the same id, another object: not the one in the array
    with pytest.raises(ValueError, match="c3"):
        Places().find(items, twin)


def test_the_document_edits_the_element_where_it_is(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Cards replaced, removed and put back in place in a 200-step map: each change names the right index."""
    doc = JourneyDocument(journey_of(200))
    seen: list = []  # type: ignore[type-arg]
    doc.changed.connect(seen.append)
    rnd = random.Random(5)
    for _ in range(60):
        cards = doc.journey.cards
        target = cards[rnd.randrange(len(cards))]
        if rnd.random() < 0.5:
            doc.update(target.id, text=target.text + "!")
        else:
            handoffs = [h for h in doc.journey.handoffs if target.id in (h.source, h.target)]
            for h in handoffs:
                doc.remove(h.id)
            index = cards.index(target)
            doc.remove(target.id)
            doc.apply(Insert("cards", target, index))  # back where it was
            for h in handoffs:
                doc.apply(Insert("handoffs", h))
        for change in seen:
            if change.action in ("added", "updated") and change.collection == "cards":
                assert doc.journey.cards[change.index].id == change.id
        seen.clear()
    assert [c.id for c in doc.journey.cards] == [c.id for c in journey_of(200).cards]
    monkeypatch.setattr(places_module, "FAR", 0)  # (every look-up off its place makes its collection's places again)
    last = doc.journey.cards[-1]
    doc.update(last.id, text="the last card, edited")
    assert doc.journey.cards[-1].text == "the last card, edited"
