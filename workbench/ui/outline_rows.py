"""The Outline's rows, what they hold, and which of them an edit makes stale.

A row's accessible sentence and tooltip say numbers ("Step 12 of 1000",
"Stage 2 of 5, 14 steps") that every added step would change on every row:
rows therefore answer them when asked, from the document as it is then (and
keep the answer until the document changes again), so an edit re-makes only
the rows it touches. What a row shows (its display text) is set eagerly, but
only on the rows a change names: see :class:`Stale`.

Everything here reads the document through ``doc.index``, never by scanning
the journey, so the cost of a row grows with the step it belongs to, not with
the map.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem

from workbench.model.document import JourneyDocument
from workbench.model.events import Change
from workbench.model.journey import Card, Element, Handoff, Lane, Link, Stage, Step
from workbench.ui.messages import plain_tip
from workbench.ui.outline_edits import EDITED, ELEMENT, KIND
from workbench.ui.outline_names import _short, card_name, handoff_name, link_name, stage_name, step_name

#: The element's own text, which the editor starts from (the row itself shows a sentence).
TEXT = Qt.ItemDataRole.UserRole + 2
ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole
_ACCESSIBLE, _TOOLTIP = int(ACCESSIBLE.value), int(Qt.ItemDataRole.ToolTipRole.value)
KIND_OF: dict[type, str] = {Stage: "stage", Step: "step", Card: "card", Handoff: "handoff", Link: "link"}


class OutlineRow(QTreeWidgetItem):
    """A row that says its sentence (accessible text and tooltip) when asked, never before."""

    def __init__(self, say: Callable[[OutlineRow], str], kind: str, element_id: str) -> None:
        super().__init__()
        self.kind, self.element_id = kind, element_id
        self._say = say
        #: (document generation, sentence, tooltip) of the last answer.
        self.said: tuple[object, str, str] | None = None
        self.setData(0, KIND, kind)
        self.setData(0, ELEMENT, element_id)

    def data(self, column: int, role: int) -> object:
        if role == _ACCESSIBLE or role == _TOOLTIP:
            self._say(self)
            assert self.said is not None
            return self.said[1] if role == _ACCESSIBLE else self.said[2]
        return super().data(column, role)


# ------------------------------------------------------------------ reading


def sentence(doc: JourneyDocument, kind: str, element_id: str, curve: tuple[str, str] | None = None) -> str | None:
    """What a row says of its element, from the document as it is now (None if it is gone); a step's emotion is
    that of the curve the map edits (*curve*: persona and scenario; None: the lead's "as is")."""
    element, index = doc.find(element_id), doc.index
    if element is None:
        return None
    if isinstance(element, Stage):
        stages = index.stages()
        number = next(i for i, s in enumerate(stages) if s.id == element_id) + 1
        return stage_name(element, number, len(stages), len(index.steps_of(element_id)))
    if isinstance(element, Step):
        touch = [c for c in cards_of(doc, element_id) if c.kind == "touchpoint"]
        persona, scenario = curve if curve is not None else (index.personas()[0].id, "as_is")
        return step_name(element, index.step_rank(element_id) + 1, len(index.steps()), touch, persona, scenario)
    return display(doc, element)


def display(doc: JourneyDocument, element: Element) -> str:
    """What a row shows: a stage or step its title, anything else its sentence."""
    if isinstance(element, (Stage, Step)):
        return _short(element.title)
    if isinstance(element, Card):
        return card_name(element)
    if isinstance(element, Handoff):
        ends = {ref: card for ref in (element.source, element.target) if isinstance(card := doc.find(ref), Card)}
        return handoff_name(element, ends)
    if isinstance(element, Link):
        target = doc.find(element.target)
        return link_name(element, {target.id: target} if isinstance(target, Step) else {})
    raise TypeError(f"no row for {element!r}")


def cards_of(doc: JourneyDocument, step_id: str) -> list[Card]:
    """A step's cards, lane by lane, in order."""
    index = doc.index
    return [card for lane in index.lanes() for card in index.cards_at(step_id, lane.id)]


def children_of(doc: JourneyDocument, step_id: str) -> list[Element]:
    """The rows under a step: its cards lane by lane, then the handoffs leaving them, then its links (file order)."""
    index = doc.index
    cards = cards_of(doc, step_id)
    handoffs = [e for c in cards for e in index.dependents(c.id) if isinstance(e, Handoff) and e.source == c.id]
    links = [e for e in index.dependents(step_id) if isinstance(e, Link) and e.source == step_id]
    return [*cards, *_in_file_order(handoffs, doc.journey.handoffs), *_in_file_order(links, doc.journey.links)]


def has_children(doc: JourneyDocument, step_id: str) -> bool:
    return any(isinstance(e, Card) or (isinstance(e, Link) and e.source == step_id) for e in doc.index.dependents(step_id))


def step_of(doc: JourneyDocument, element_id: str) -> str | None:
    """The step whose row holds this element's row (cards, handoffs, links), if any."""
    element = doc.find(element_id)
    if isinstance(element, Handoff):
        element = doc.find(element.source)
    if isinstance(element, Card):
        return element.step
    return element.source if isinstance(element, Link) else None


def _in_file_order(elements: list[Element], in_file: list[Element]) -> list[Element]:
    """Handoffs and links have no ``order``: they keep the order of the file (rarely more than one per step)."""
    if len(elements) < 2:
        return elements
    position = {e.id: i for i, e in enumerate(in_file)}  # type: ignore[attr-defined]
    return sorted(elements, key=lambda e: position[e.id])  # type: ignore[attr-defined]


def tooltip(text: str) -> str:
    return plain_tip(text)


def editable_text(kind: str, element: Element) -> str | None:
    field_name = EDITED.get(kind)
    return getattr(element, field_name) if field_name else None


# ------------------------------------------------------------------ staleness


@dataclass
class Stale:
    """What the changes since the tree was last brought up to date touched, by element id.

    Noted as each change arrives (the document is then as that change left
    it); applied once, on the outline's 0 ms timer, against the document as
    the whole batch left it.
    """

    #: Everything must be made again (a rare change, or the outline was hidden).
    full: bool = False
    #: Stages and steps added, removed or moved: their rows go (back) where the document puts them.
    stages: set[str] = field(default_factory=set)
    steps: set[str] = field(default_factory=set)
    #: Steps whose children (cards, handoffs, links) came, went or moved.
    children: set[str] = field(default_factory=set)
    #: Rows whose own text, or sentence, may have changed.
    texts: set[str] = field(default_factory=set)
    #: Elements removed: a row left for one of them goes.
    gone: set[str] = field(default_factory=set)

    def __bool__(self) -> bool:
        return self.full or bool(self.stages or self.steps or self.children or self.texts or self.gone)

    def size(self) -> int:
        return len(self.stages) + len(self.steps) + len(self.children) + len(self.texts)

    def note(self, change: Change, doc: JourneyDocument) -> None:
        if self.full or change.action == "journey":
            return
        new, old, element_id = change.element, change.old, change.id or ""
        if change.action == "removed":
            self.gone.add(element_id)
        if isinstance(new, Stage):
            if not isinstance(old, Stage) or old.order != new.order:
                self.stages.add(element_id)
            self.texts.add(element_id)
        elif isinstance(new, Step):
            if not isinstance(old, Step) or (old.stage, old.order) != (new.stage, new.order):
                self.steps.add(element_id)
            self.texts.add(element_id)
            if isinstance(old, Step) and old.title != new.title:  # links to it name it
                self.texts.update(e.id for e in doc.index.referrers(element_id) if isinstance(e, Link) and e.target == element_id)
        elif isinstance(new, Card):
            self._note_card(new, old, doc)
        elif isinstance(new, Handoff):
            if isinstance(old, Handoff) and old.source == new.source:
                self.texts.add(element_id)
            else:
                for handoff in (new, old):
                    card = doc.find(handoff.source) if isinstance(handoff, Handoff) else None
                    if isinstance(card, Card):  # a card gone has told its step itself
                        self.children.add(card.step)
        elif isinstance(new, Link):
            if isinstance(old, Link) and old.source == new.source:
                self.texts.add(element_id)
            else:
                self.children.update(link.source for link in (new, old) if isinstance(link, Link))
        elif isinstance(new, Lane) and isinstance(old, Lane) and old.order != new.order:
            self.full = True  # every opened step's cards go in another order
        # A lane added or removed is empty: nothing shows it.

    def _note_card(self, new: Card, old: Element | None, doc: JourneyDocument) -> None:
        steps = {new.step} | ({old.step} if isinstance(old, Card) else set())
        if not isinstance(old, Card) or (old.step, old.lane, old.order) != (new.step, new.lane, new.order):
            self.children.update(steps)
        self.texts.add(new.id)
        if any(isinstance(c, Card) and c.kind == "touchpoint" for c in (new, old)):
            self.texts.update(steps)  # a step's sentence lists its touchpoints
        if isinstance(old, Card) and old.text != new.text:  # handoffs name their cards
            self.texts.update(e.id for e in doc.index.dependents(new.id) if isinstance(e, Handoff))
