"""What each row of the Outline says: one sentence per element, for the eye and for a screen reader.

Kept apart from the tree so the wording can be read (and translated) without the how.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from workbench import counts
from workbench.i18n import current_language
from workbench.model.feelings import level as level_of
from workbench.model.journey import FIRST_PERSONA, Card, Handoff, Link, Stage, Step
from workbench.model.metrics import level_text

translate = QCoreApplication.translate
LONGEST = 200


def _short(text: str) -> str:
    """One line, not an essay: a row, and what a screen reader says of it, stays short."""
    line = " ".join(text.split())
    return line if len(line) <= LONGEST else line[: LONGEST - 1] + "…"


def nature_name(nature: str | None) -> str:
    names = {"digital": translate("Outline", "digital"), "human": translate("Outline", "human"),
             "physical": translate("Outline", "physical")}
    return names.get(nature or "", nature or "")


def card_kind_name(kind: str) -> str:
    names = {"action": translate("Outline", "Action"), "touchpoint": translate("Outline", "Touchpoint"),
             "thought": translate("Outline", "Thought"), "pain_point": translate("Outline", "Pain point"),
             "opportunity": translate("Outline", "Opportunity"), "backstage": translate("Outline", "Backstage"),
             "note": translate("Outline", "Note")}
    return names.get(kind, kind)


def stage_name(stage: Stage, number: int, total: int, steps: int) -> str:
    head = translate("Outline", "Stage {number} of {total}: {title}")
    return ", ".join([head.format(number=number, total=total, title=_short(stage.title)), counts.steps(steps)])


def step_name(
    step: Step, number: int, total: int, touchpoints: list[Card], persona: str = FIRST_PERSONA, scenario: str = "as_is"
) -> str:
    """The sentence naming a step: its rank and title, and the emotion *persona* feels there in *scenario*..."""
    head = translate("Outline", "Step {number} of {total}: {title}")
    parts = [head.format(number=number, total=total, title=_short(step.title))]
    felt = level_of(step, persona, scenario)
    if felt is not None:
        level = level_text(felt, current_language())  # (the findings' sign: a true minus in French)
        parts.append(translate("Outline", "emotion {level}").format(level=level))
    if step.moment_of_truth:
        parts.append(translate("Outline", "moment of truth"))
    if step.goal:
        parts.append(translate("Outline", "goal"))
    if step.end:
        parts.append(translate("Outline", "end of the journey"))
    if touchpoints:
        listed = ", ".join("{} ({})".format(_short(c.channel or c.text), nature_name(c.nature)) for c in touchpoints)
        parts.append(translate("Outline", "touchpoints: {list}").format(list=listed))
    return ", ".join(parts)


def card_name(card: Card) -> str:
    text = _short(card.text) or translate("Outline", "no text")
    parts = [translate("Outline", "{kind}: {text}").format(kind=card_kind_name(card.kind), text=text)]
    if card.channel:
        parts.append(translate("Outline", "channel {channel}").format(channel=_short(card.channel)))
    if card.nature:
        parts.append(nature_name(card.nature))
    return ", ".join(parts)


def handoff_name(handoff: Handoff, cards: dict[str, Card]) -> str:
    source, target = cards.get(handoff.source), cards.get(handoff.target)
    head = translate("Outline", "Handoff from {source} to {target}").format(
        source=_short(source.text) if source else handoff.source, target=_short(target.text) if target else handoff.target
    )
    if handoff.context_carried:
        return ", ".join([head, translate("Outline", "context carried over")])
    return ", ".join([head, translate("Outline", "context lost")])


def link_name(link: Link, steps: dict[str, Step]) -> str:
    title = _short(steps[link.target].title) if link.target in steps else link.target
    if link.label:
        return translate("Outline", "Link to step {title}: {label}").format(title=title, label=_short(link.label))
    return translate("Outline", "Link to step {title}").format(title=title)
