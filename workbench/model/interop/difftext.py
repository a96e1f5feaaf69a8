"""The journey diff and the journey itself as text for people (no Qt).

:func:`diff_text` renders a :class:`~workbench.model.interop.diff.JourneyDiff`
for ``workbench diff``: a summary line, then one block per change with one
line per field. Ids are shown as names (a lane's title, a step's title), and
emotions signed (``−1 → +1``), since that is how the map shows them.

:func:`journey_text` is git's ``textconv`` view of one file: the journey in
time order (stages, their steps, each step's cards lane by lane), one
element per line or block with its id in brackets at the end, so that
``git diff`` and ``git log -p`` read like a journey and a moved card can be
traced by its id. It depends only on the journey, never on the file's
layout or on the order of its arrays, so the same journey always gives the
same lines.

Control characters from the file (a vertical tab pasted from Word, or an
escape sequence in a hostile file) never reach the terminal: they become
spaces, as in ``workbench.cli.printable``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

from workbench.counts import change_counts
from workbench.i18n import N_, current_language, ntr, tr
from workbench.model.feelings import persona_names
from workbench.model.fieldwords import field_word, scenario_word
from workbench.model.index import JourneyIndex
from workbench.model.interop.diff import EMOTION_FIELD, ElementChange, FieldChange, JourneyDiff, cut, split_feeling_field
from workbench.model.journey import Card, Handoff, Journey, Link, Step

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
#: Fields whose value is the id of another element: shown by that element's name.
_REFERENCES = frozenset({"stage", "step", "lane", "source", "target", "return_step"})
MINUS = "\u2212"

_HEADINGS: dict[tuple[str, str], str] = {
    ("journey", "changed"): N_("Journey changed"),
    ("personas", "added"): N_("Persona added: {label}"),
    ("personas", "removed"): N_("Persona removed: {label}"),
    ("personas", "changed"): N_("Persona changed: {label}"),
    ("personas", "moved"): N_("Persona moved: {label}"),
    ("stages", "added"): N_("Stage added: {label}"),
    ("stages", "removed"): N_("Stage removed: {label}"),
    ("stages", "changed"): N_("Stage changed: {label}"),
    ("stages", "moved"): N_("Stage moved: {label}"),
    ("steps", "added"): N_("Step added: {label}"),
    ("steps", "removed"): N_("Step removed: {label}"),
    ("steps", "changed"): N_("Step changed: {label}"),
    ("steps", "moved"): N_("Step moved: {label}"),
    ("lanes", "added"): N_("Lane added: {label}"),
    ("lanes", "removed"): N_("Lane removed: {label}"),
    ("lanes", "changed"): N_("Lane changed: {label}"),
    ("lanes", "moved"): N_("Lane moved: {label}"),
    ("cards", "added"): N_("Card added: {label}"),
    ("cards", "removed"): N_("Card removed: {label}"),
    ("cards", "changed"): N_("Card changed: {label}"),
    ("cards", "moved"): N_("Card moved: {label}"),
    ("handoffs", "added"): N_("Handoff added: {label}"),
    ("handoffs", "removed"): N_("Handoff removed: {label}"),
    ("handoffs", "changed"): N_("Handoff changed: {label}"),
    ("links", "added"): N_("Link added: {label}"),
    ("links", "removed"): N_("Link removed: {label}"),
    ("links", "changed"): N_("Link changed: {label}"),
}


def printable(text: str) -> str:
    """*text* on one line, safe for a terminal: control characters become spaces."""
    return _CONTROL.sub(" ", text)


def quoted(text: str) -> str:
    """*text* in double quotes, on one line (empty text stays visible as ``""``)."""
    return f'"{printable(text)}"'


def signed(emotion: Any, language: str | None = None) -> str:
    """An emotion as the map shows it: ``+2``, ``0``, ``−1`` (a true minus); "none" when not set."""
    if not isinstance(emotion, int) or isinstance(emotion, bool):
        return tr("none", language=language) if emotion is None else printable(str(emotion))
    if emotion > 0:
        return f"+{emotion}"
    return f"{MINUS}{-emotion}" if emotion < 0 else "0"


# ------------------------------------------------------------------ the diff


def diff_text(
    d: JourneyDiff, language: str | None = None, *, old_name: str | None = None, new_name: str | None = None
) -> str:
    """The diff for people: header, summary, then one block per change."""
    lines: list[str] = []
    if old_name is not None and new_name is not None:
        lines.append(tr("Comparing {old} with {new}", language=language, old=printable(old_name), new=printable(new_name)))
    if not d:
        lines.append(tr("The journeys are the same.", language=language))
        if d.renumbered:
            lines.append(
                ntr(
                    "(the order number of {count} element was rewritten; it kept its place)",
                    "(order numbers were rewritten for {count} elements, which all kept their place)",
                    len(d.renumbered),
                    language,
                )
            )
        return "\n".join(lines) + "\n"
    lines.append(
        change_counts(d.count("added"), d.count("removed"), d.count("changed"), d.count("moved"), language)
    )
    for change in d.changes:
        lines.append("")
        lines += _block(change, d.labels, d.positions, language, d.before)
    return "\n".join(lines) + "\n"


def _block(
    change: ElementChange, labels: Mapping[str, str], positions: Mapping[str, tuple[int, int]], language: str | None,
    before: Mapping[str, str] | None = None,
) -> list[str]:
    heading = _HEADINGS.get((change.collection, change.kind), N_("{collection} {kind}: {label}"))
    label = quoted(change.label) + (f" [{printable(change.id)}]" if change.id is not None else "")
    lines = [tr(heading, language=language, label=label, collection=change.collection, kind=change.kind)]
    lines += [f"  {field_line(f, labels, language, before)}" for f in change.fields]
    place = positions.get(change.id or "")
    if place is not None and place[0] != place[1]:
        lines.append("  " + tr("Place among its siblings: {old} \u2192 {new}", language=language, old=place[0], new=place[1]))
    return lines


def field_line(
    change: FieldChange, labels: Mapping[str, str], language: str | None = None, before: Mapping[str, str] | None = None
) -> str:
    """``Title: "old" → "new"``: one field's change as a person reads it; the old value names what it names as the
    old journey did (*before*, when given)."""
    old = value_text(change.field, change.old, before or labels, language)
    new = value_text(change.field, change.new, labels, language)
    line = tr("{field}: {old} \u2192 {new}", language=language,
              field=printable(field_name(change.field, labels, language)), old=old, new=new)
    feeling = split_feeling_field(change.field)
    if feeling and feeling[0] == "emotion" and isinstance(change.old, int) and isinstance(change.new, int):
        gap = change.new - change.old
        if gap > 0:
            line += " " + tr("(better by {levels})", language=language, levels=gap)
        elif gap < 0:
            line += " " + tr("(worse by {levels})", language=language, levels=-gap)
    return line


def field_name(name: str, labels: Mapping[str, str], language: str | None = None) -> str:
    """A field in words; a feeling's as "Emotion (Camille, to be)"."""
    feeling = split_feeling_field(name)
    if feeling is None:
        return field_word(name, language)
    part, persona, scenario = feeling
    return tr("{field} ({persona}, {scenario})", language=language, field=field_word(part, language),
              persona=labels.get(persona, persona), scenario=scenario_word(scenario, language))


def value_text(name: str, value: Any, labels: Mapping[str, str], language: str | None = None) -> str:
    """One field's value as a person reads it: names for ids, signed emotions, yes/no."""
    if value is None:
        return tr("none", language=language)
    if name == "emotion" or name.startswith(EMOTION_FIELD):
        return signed(value, language)
    if name == "conflicts" and isinstance(value, list):
        return str(len(value))
    if name == "personas" and isinstance(value, list):  # a card's tags: the personas it concerns, by name
        return ", ".join(quoted(labels.get(p, p)) for p in value) if value else tr("all personas", language=language)
    if isinstance(value, bool):
        return tr("yes", language=language) if value else tr("no", language=language)
    if isinstance(value, str):
        if name in _REFERENCES and value in labels:
            return quoted(labels[value])
        return quoted(value)
    if isinstance(value, (int, float)):
        return str(value)
    return printable(json.dumps(value, ensure_ascii=False))


# ------------------------------------------------------------------ textconv


def journey_text(journey: Journey, language: str | None = None) -> str:
    """The whole journey as stable lines, in time order, ids in brackets (for ``git diff``)."""

    def t(message: str, /, **fields: object) -> str:
        return tr(message, language=language, **fields)

    t.language = language  # type: ignore[attr-defined]

    index = JourneyIndex(journey)
    names = {e.id: e.title for e in (*journey.stages, *journey.steps, *journey.lanes)}
    names.update(persona_names(journey, language or current_language()))  # ("Persona 2", not its id)
    names.update({c.id: cut(c.text) or c.kind.replace("_", " ") for c in journey.cards})
    out: list[str] = [t(N_("Journey: {title}"), title=quoted(journey.title))]
    out.append(t(N_("Sector: {sector}"), sector=journey.sector))
    out.append(t(N_("Language: {code}"), code=journey.language))
    for persona in index.personas():
        out.append(t(N_("Persona: {name}"), name=quoted(names[persona.id])) + f" [{printable(persona.id)}]")
        out.append("  " + t(N_("Mark: {shape}, {line}, {colour}"), shape=persona.shape, line=persona.line, colour=persona.colour))
        out += _long("  " + t(N_("Description:")), persona.description)
        out += ["  " + t(N_("Goal: {text}"), text=quoted(goal)) for goal in persona.goals]
        out += ["  " + t(N_("Frustration: {text}"), text=quoted(f)) for f in persona.frustrations]
    out += _long(t(N_("Scenario:")), journey.scenario)
    out += [t(N_("Author: {name}"), name=quoted(author)) for author in journey.authors]
    out += _long(t(N_("Notes:")), journey.notes)
    if journey.checks is not None:
        out.append(
            t(N_("Checks: a person within {steps}, a cliff is a drop of {levels}"),
              steps=ntr("{count} step", "{count} steps", journey.checks.human_within, language),
              levels=ntr("{count} level", "{count} levels", journey.checks.cliff, language))
        )
    lanes = index.lanes()
    if lanes:
        out.append("")
    out += [t(N_("Lane {title} ({kind}) [{id}]"), title=quoted(lane.title), kind=lane.kind, id=lane.id) for lane in lanes]
    for stage in index.stages():
        out.append("")
        out.append(t(N_("Stage {title} [{id}]"), title=quoted(stage.title), id=stage.id))
        out += _long("  " + t(N_("Description:")), stage.description)
        for step in index.steps_of(stage.id):
            out += _step(step, index, t, names)
            for lane in lanes:
                cards = index.cards_at(step.id, lane.id)
                if cards:
                    out.append(f"    {printable(lane.title)}:")
                    out += [f"      - {_card(card, t)}" for card in cards]
    flows = [*(_handoff(h, names, t) for h in journey.handoffs), *(_link(k, names, t) for k in journey.links)]
    if flows:
        out.append("")
        out += sorted(flows)  # by text, not by array: reordering the file changes nothing
    if journey.conflicts:
        out.append("")
        for c in sorted(journey.conflicts, key=lambda c: c.id):
            where = ".".join(p for p in (c.collection, c.element or "", c.field) if p)
            out.append(
                t(N_("Conflict {where}: ours {ours}, theirs {theirs} [{id}]"), where=printable(where),
                  ours=_json(c.ours), theirs=_json(c.theirs), id=c.id)
            )
    return "\n".join(out) + "\n"


def _long(heading: str, text: str) -> list[str]:
    """A long text under *heading*, one line per line of the text, indented (nothing if empty)."""
    if not text:
        return []
    indent = " " * (len(heading) - len(heading.lstrip()) + 2)
    return [heading, *(indent + printable(line) for line in text.splitlines() or [""])]


def _step(step: Step, index: JourneyIndex, t: Any, names: Mapping[str, str]) -> list[str]:
    out = ["", "  " + t(N_("Step {title} [{id}]"), title=quoted(step.title), id=step.id)]
    rank = {p.id: i for i, p in enumerate(index.personas())}
    feelings = sorted(step.emotions, key=lambda e: (rank.get(e.persona, len(rank)), e.scenario != "as_is"))
    for entry in feelings:
        who = t(N_("{persona}, {scenario}"), persona=names.get(entry.persona, entry.persona),
                scenario=scenario_word(entry.scenario, t.language))
        if entry.value is not None:
            out.append("    " + t(N_("Emotion ({who}): {value}"), who=who, value=signed(entry.value)))
        out += _long("    " + t(N_("Emotion note ({who}):"), who=who), entry.note)
    marks = [
        (step.moment_of_truth, N_("moment of truth")),
        (step.goal, N_("goal reached")),
        (step.end, N_("journey ends here")),
        (step.deliberate_exit, N_("deliberate exit to a person or a place")),
        (step.data_reentered, N_("data typed again")),
    ]
    shown = [t(label) for flag, label in marks if flag]
    if shown:
        out.append("    " + ", ".join(shown))
    out += _long("    " + t(N_("Description:")), step.description)
    return out


def _card(card: Card, t: Any) -> str:
    details = [printable(card.channel)] if card.channel else []
    if card.nature:
        details.append(card.nature)
    if card.intents:
        details.append(t(N_("intents: {intents}"), intents=", ".join(card.intents)))
    extra = f" ({'; '.join(details)})" if details else ""
    return f"{card.kind.replace('_', ' ')}: {quoted(card.text)}{extra} [{card.id}]"


def _handoff(handoff: Handoff, names: Mapping[str, str], t: Any) -> str:
    details = []
    if handoff.trigger:
        details.append(t(N_("trigger: {text}"), text=quoted(handoff.trigger)))
    details.append(t(N_("context carried")) if handoff.context_carried else t(N_("context not carried")))
    if handoff.expected_wait:
        details.append(t(N_("wait: {text}"), text=quoted(handoff.expected_wait)))
    if handoff.return_step:
        details.append(t(N_("back to {step}"), step=quoted(names.get(handoff.return_step, handoff.return_step))))
    return t(
        N_("Handoff {source} \u2192 {target} ({details}) [{id}]"),
        source=quoted(names.get(handoff.source, handoff.source)),
        target=quoted(names.get(handoff.target, handoff.target)),
        details="; ".join(details),
        id=handoff.id,
    )


def _link(link: Link, names: Mapping[str, str], t: Any) -> str:
    label = f": {quoted(link.label)}" if link.label else ""
    return t(
        N_("Link {source} \u2192 {target}{label} [{id}]"),
        source=quoted(names.get(link.source, link.source)),
        target=quoted(names.get(link.target, link.target)),
        label=label,
        id=link.id,
    )


def _json(value: Any) -> str:
    return printable(json.dumps(value, ensure_ascii=False))
