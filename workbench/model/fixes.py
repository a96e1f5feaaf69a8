"""One-click fixes of the health check's findings (no Qt).

A finding that has a mechanical answer offers it as a :class:`Fix`: a label
(what the button says, and the name of the undo step) and a function that
performs the edits on a :class:`~workbench.model.document.JourneyDocument`
and returns their inverse, so the UI records it as one undo step. Some
fixes only ask which (link a dead end *to which step*: :attr:`Fix.choices`),
and one is not an edit at all (the touchpoints to mark with intents are
only selected: :attr:`Fix.select`).

Each fix answers exactly the question its rule asks, so the finding is gone
from the next check: the person added at a difficult moment comes with a
handoff that carries the context and says where the customer goes back to
(else the fix would raise two new findings); the link into an unreachable
step starts from the nearest earlier step that the customer can reach
(a link from an unreachable one would leave it unreachable).

Labels follow the application's language; what a fix writes into the
journey (an advisor's card) follows the journey's language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from workbench.i18n import tr
from workbench.model.analysis import Finding
from workbench.model.document import JourneyDocument
from workbench.model.edits import Edit
from workbench.model.journey import Card, Handoff, Link, Step
from workbench.model.step_graph import handoff_name, unnamed_from

#: The rules whose findings offer a fix.
FIXABLE = (
    "no-human-within-reach",
    "dead-end",
    "context-lost",
    "handoff-without-way-back",
    "forced-exit",
    "unreachable",
    "humanising-intents",
)


@dataclass(frozen=True)
class Fix:
    """One way to answer a finding.

    Exactly one of *perform*, *select* and *choices* is set: an edit, a
    selection for the user to act on, or a list of fixes to pick from.
    """

    label: str
    """What the button or menu says; an edit's undo step has this name."""
    perform: Callable[[JourneyDocument], object] | None = None
    """Makes the edits on the document (:meth:`apply` batches them and returns their inverse)."""
    select: tuple[str, ...] = ()
    """Elements to select (a fix the user finishes by hand)."""
    choices: tuple[Fix, ...] = ()
    """The fixes to choose from (a submenu)."""
    choice: str = ""
    """How a menu of choices names this fix (the label when empty)."""

    @property
    def text(self) -> str:
        return self.choice or self.label

    def apply(self, document: JourneyDocument) -> Edit:
        """Perform the edits as one batch; return their inverse (EditError: nothing changed)."""
        if self.perform is None:
            raise ValueError(f"{self.label!r} is not an edit")
        with document.group(self.label) as result:
            self.perform(document)
        return result[0]


def fixes_for(finding: Finding, document: JourneyDocument) -> list[Fix]:
    """The fixes *finding* offers on *document*, the most direct first (none if it has gone stale)."""
    if finding.rule not in FIXABLE or any(e not in document for e in finding.elements):
        return []
    make = _MAKERS[finding.rule]
    return make(finding, document)


# ------------------------------------------------------------------ rules


def _no_human(finding: Finding, doc: JourneyDocument) -> list[Fix]:
    step = _step(doc, finding.elements[0])
    if step is None:
        return []
    source = next(iter(_touchpoints(doc, step.id, "digital")), None)
    # No screen to hand over from (no touchpoint, or only a letter): the advisor alone, in the touchpoints' lane.
    lane = source.lane if source is not None else next((la.id for la in doc.lanes() if la.kind == "touchpoints"), None)
    if lane is None:
        return []
    lang = doc.journey.language

    def perform(d: JourneyDocument) -> None:
        advisor = Card(
            id=d.new_id("cards"),
            step=step.id,
            lane=lane,
            kind="touchpoint",
            nature="human",
            channel=tr("Phone with an advisor", lang),
            text=tr("An advisor takes over, already knowing the case", lang) if source is not None
            else tr("An advisor the customer can reach at once", lang),
        )
        d.add(advisor)
        if source is not None:
            d.add(
                Handoff(
                    id=d.new_id("handoffs"),
                    source=source.id,
                    target=advisor.id,
                    context_carried=True,
                    return_step=_resume_after(d, step.id),
                )
            )

    return [Fix(tr("Add a person at '{title}'", title=_named(step.title)), perform)]


def _dead_end(finding: Finding, doc: JourneyDocument) -> list[Fix]:
    step = _step(doc, finding.elements[0])
    if step is None:
        return []
    others = [s for s in doc.steps() if s.id != step.id]
    fixes = [Fix(tr("Mark '{title}' as the end of the journey", title=_named(step.title)), _updating(step.id, end=True))]
    if others:
        titles = _distinct_titles(doc, others)
        fixes.append(
            Fix(
                tr("Link '{title}' to a step", title=_named(step.title)),
                choices=tuple(
                    Fix(
                        tr("Link '{source}' to '{target}'", source=_named(step.title), target=_named(other.title)),
                        _linking(step.id, other.id),
                        choice=titles[other.id],
                    )
                    for other in others
                ),
            )
        )
    # The finding offers both marks: the goal reached was said but not offered (exploratory test).
    fixes.append(Fix(tr("Mark '{title}' as a goal reached", title=_named(step.title)), _updating(step.id, goal=True)))
    return fixes


def _context_lost(finding: Finding, doc: JourneyDocument) -> list[Fix]:
    first = doc.get(finding.elements[0])
    if isinstance(first, Handoff):
        return [
            Fix(
                tr("Mark the context as carried at '{handoff}'", handoff=_named(_handoff_name(doc, first))),
                _updating(first.id, context_carried=True),
            )
        ]
    second = _step(doc, finding.elements[-1])
    if second is None:
        return []
    return [
        Fix(
            tr("Mark the context as carried to '{title}'", title=_named(second.title)),
            _updating(second.id, data_reentered=False),
        )
    ]


def _no_way_back(finding: Finding, doc: JourneyDocument) -> list[Fix]:
    handoff = doc.get(finding.elements[0])
    if not isinstance(handoff, Handoff):
        return []
    steps = [_card_step(doc, handoff.source), _card_step(doc, handoff.target)]
    latest = max(steps, key=doc.index.step_rank)
    back = _resume_after(doc, latest)
    return [
        Fix(
            tr(
                "Return to '{title}' after '{handoff}'",
                title=_named(_title(doc, back)),
                handoff=_named(_handoff_name(doc, handoff)),
            ),
            _updating(handoff.id, return_step=back),
        )
    ]


def _forced_exit(finding: Finding, doc: JourneyDocument) -> list[Fix]:
    step = _step(doc, finding.elements[0])
    if step is None:
        return []
    return [Fix(tr("Mark '{title}' as a deliberate exit", title=_named(step.title)), _updating(step.id, deliberate_exit=True))]


def _unreachable(finding: Finding, doc: JourneyDocument) -> list[Fix]:
    from workbench.model.step_graph import StepGraph

    step = _step(doc, finding.elements[0])
    if step is None:
        return []
    graph = StepGraph(doc.journey, doc.index)
    if not graph.steps:
        return []
    first = graph.steps[0].id
    reached = graph.reached_from([first], graph.successors) | {first}
    rank = graph.order[step.id]
    previous = next((s for s in reversed(graph.steps[:rank]) if s.id in reached), None)
    if previous is None:
        return []
    return [
        Fix(
            tr("Link '{source}' to '{target}'", source=_named(previous.title), target=_named(step.title)),
            _linking(previous.id, step.id),
        )
    ]


def _intents(finding: Finding, doc: JourneyDocument) -> list[Fix]:
    """The touchpoints that carry no intent yet (or all of them, if each carries some) are selected."""
    touchpoints = [c for s in doc.steps() for c in _touchpoints(doc, s.id)]
    unmarked = [c for c in touchpoints if not c.intents]
    chosen = unmarked or touchpoints
    if not chosen:
        return []
    return [Fix(tr("Select the touchpoints to mark"), select=tuple(c.id for c in chosen))]


_MAKERS: dict[str, Callable[[Finding, JourneyDocument], list[Fix]]] = {
    "no-human-within-reach": _no_human,
    "dead-end": _dead_end,
    "context-lost": _context_lost,
    "handoff-without-way-back": _no_way_back,
    "forced-exit": _forced_exit,
    "unreachable": _unreachable,
    "humanising-intents": _intents,
}


# ---------------------------------------------------------------- helpers

#: Longest name quoted in a label: a label names an undo step, and a trigger can be a whole sentence.
NAME_LIMIT = 40


def _named(text: str) -> str:
    """*text* on one line, cut at a word to at most :data:`NAME_LIMIT` characters."""
    text = " ".join(text.split())
    if len(text) <= NAME_LIMIT:
        return text
    cut = text[: NAME_LIMIT - 1]
    if " " in cut[NAME_LIMIT // 2 :]:  # end on a whole word, unless that leaves too little
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip(" ,;:") + "…"



def _updating(element_id: str, **changes: object) -> Callable[[JourneyDocument], object]:
    return lambda d: d.update(element_id, **changes)


def _linking(source: str, target: str) -> Callable[[JourneyDocument], object]:
    return lambda d: d.add(Link(id=d.new_id("links"), source=source, target=target))


def _step(doc: JourneyDocument, element_id: str) -> Step | None:
    element = doc.find(element_id)
    return element if isinstance(element, Step) else None


def _title(doc: JourneyDocument, step_id: str) -> str:
    return doc.index.step(step_id).title


def _card_step(doc: JourneyDocument, card_id: str) -> str:
    card = doc.get(card_id)
    assert isinstance(card, Card)
    return card.step


def _touchpoints(doc: JourneyDocument, step_id: str, nature: str | None = None) -> list[Card]:
    """The touchpoints of a step, lane by lane, in order."""
    return [
        card
        for lane in doc.lanes()
        for card in doc.cards_at(step_id, lane.id)
        if card.kind == "touchpoint" and (nature is None or card.nature == nature)
    ]


def _resume_after(doc: JourneyDocument, step_id: str) -> str:
    """Where a customer helped at *step_id* goes back to: the next step in time, or the same step at the end."""
    steps = doc.steps()
    rank = doc.index.step_rank(step_id)
    return steps[rank + 1].id if rank + 1 < len(steps) else step_id


def _handoff_name(doc: JourneyDocument, handoff: Handoff) -> str:
    """As the findings name a handoff (:func:`~workbench.model.step_graph.handoff_name`)."""
    source, target = _card_step(doc, handoff.source), _card_step(doc, handoff.target)
    card_step = {h.source: _card_step(doc, h.source) for h in doc.journey.handoffs}
    shared = unnamed_from(doc.journey.handoffs, card_step).get(source, 0) > 1
    return handoff_name(handoff, _title(doc, source), _title(doc, target), shared)


def _distinct_titles(doc: JourneyDocument, steps: list[Step]) -> dict[str, str]:
    """Each step's title, with its stage's when two steps share a title (a menu must tell them apart)."""
    seen: dict[str, int] = {}
    for s in steps:
        seen[s.title] = seen.get(s.title, 0) + 1
    stages = {stage.id: stage.title for stage in doc.stages()}
    return {
        s.id: s.title if seen[s.title] == 1 else f"{s.title} ({stages.get(s.stage, s.stage)})" for s in steps
    }
