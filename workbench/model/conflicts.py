"""Merge conflicts in words, and the edits that resolve them (no Qt).

``workbench merge`` leaves in the journey what it could not reconcile (see
:class:`~workbench.model.journey.Conflict`): the journey holds *ours*, and
*theirs* waits to be chosen. The editor's panel shows each conflict as a
person reads it (which element, which field, both values in plain words) and
resolves it with :func:`resolve`, one batch of edits that the GUI records as
a single undo step, so undo brings back the conflict and the value together.

A conflict where one side removed the element and the other changed it
(``field == ""``) kept the element, as the side that changed it left it:
choosing the side that removed it removes it now (with what depends on it,
as a deletion on the canvas does, and the row says what before the
choice); choosing the side that changed it keeps it as it is now, edits
made since the merge included. A merge that fell back to ours records
whole elements both sides have in different versions the same way: there,
choosing theirs puts their version in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel, ValidationError

from workbench.i18n import N_, ntr, tr
from workbench.model.document import JourneyDocument
from workbench.model.edits import Edit, Replace
from workbench.model.feelings import persona_name, personas_in_order, with_feeling
from workbench.model.fieldwords import FIELD_WORDS, field_word, scenario_word
from workbench.model.errors import EditError
from workbench.model.journey import (
    ELEMENT_TYPES,
    Card,
    Conflict,
    Element,
    Handoff,
    Lane,
    Link,
    Persona,
    Stage,
    Step,
)
from workbench.model.validation import describe_error, one_line

Side = Literal["ours", "theirs"]
#: The longest a value or a title is shown in a row before it is cut with an ellipsis.
LONGEST = 120
#: The order a consequence names elements in (within a kind, the journey's).
SHOWN_FIRST = (Persona, Stage, Step, Lane, Card, Handoff, Link)
#: The most elements a consequence names one by one; the rest are counted.
NAMED = 3

#: Fields holding the id of another element: shown by that element's title or text.
REFERENCES = frozenset({"stage", "step", "lane", "source", "target", "return_step"})
#: Card kinds as a sentence names them.
CARD_WORDS: dict[str, str] = {
    "action": N_("Action"),
    "touchpoint": N_("Touchpoint"),
    "thought": N_("Thought"),
    "pain_point": N_("Pain point"),
    "opportunity": N_("Opportunity"),
    "backstage": N_("Backstage"),
    "note": N_("Note"),
}
KIND_WORDS: dict[str, str] = {
    "personas": N_("Persona"),
    "stages": N_("Stage"),
    "steps": N_("Step"),
    "lanes": N_("Lane"),
    "cards": N_("Card"),
    "handoffs": N_("Handoff"),
    "links": N_("Link"),
}


def _short(text: str) -> str:
    """One line, cut with an ellipsis: a row stays a row."""
    return one_line(text, LONGEST)


def field_words(conflict: Conflict, document: JourneyDocument | None = None) -> str:
    """The field in plain words ("Title", "Emotion (Camille, to be)"); a field this version does not know, as written."""
    if not conflict.field:
        return tr("Removed on one side, changed on the other")
    feeling = _feeling_of(conflict.field)
    if feeling is not None:
        persona, scenario, part = feeling
        found = document.find(persona) if document is not None else None
        name = persona
        if isinstance(found, Persona) and document is not None:  # ("Persona 2" for one left unnamed, not its id)
            name = persona_name(found, [p.id for p in personas_in_order(document.journey.personas)].index(persona),
                                document.journey.language)
        what = tr("Emotion note") if part == "note" else tr("Emotion")
        return tr("{field} ({persona}, {scenario})", field=what, persona=name, scenario=scenario_word(scenario))
    words = FIELD_WORDS.get(conflict.field)
    return tr(words) if words else conflict.field


#: A conflict on one persona's feeling in one scenario (``workbench merge`` keys them so).
FEELING_FIELD = "emotions."


def _feeling_of(field: str) -> tuple[str, str, str] | None:
    """``emotions.persona-1:to_be`` as ("persona-1", "to_be", ""): the whole feeling; None for another field.

    A version-1 file's conflict on an emotion or its note names that part:
    ``emotions.persona-1:as_is.value``, ``...as_is.note``.
    """
    if not field.startswith(FEELING_FIELD):
        return None
    persona, _, rest = field[len(FEELING_FIELD):].rpartition(":")
    scenario, _, part = rest.partition(".")
    return persona, scenario, part


def summary(value: dict[str, Any] | BaseModel) -> str:
    """What names an element: its title, text or label (its id when it has none)."""
    data = value.model_dump() if isinstance(value, BaseModel) else value
    for key in ("title", "text", "label", "name"):
        text = data.get(key)
        if isinstance(text, str) and text.strip():
            return _short(text)
    return str(data.get("id", "")) or tr("(unnamed)")


def readable(value: Any, field: str = "", document: JourneyDocument | None = None) -> str:
    """*value* (JSON) as a person reads it: text as text, yes/no, a signed emotion, a list joined.

    With *document*, an id in a field that refers to another element is
    shown by that element's title or text.
    """
    if not field:  # a whole element: None is its removal, a dict the version one side changed it to
        if value is None:
            return tr("Removed")
        if isinstance(value, dict):
            return tr("Changed: {summary}", summary=summary(value))
        return readable(value, "-", document)
    if value is None:
        return tr("(none)")
    if isinstance(value, bool):
        return tr("yes") if value else tr("no")
    if field.startswith(FEELING_FIELD) and field.endswith(".value") and isinstance(value, int):
        return readable(value, "value")
    if field.startswith(FEELING_FIELD) and isinstance(value, dict):
        shown = "-" if value.get("value") is None else readable(value.get("value"), "value")
        note = value.get("note")
        return f"{shown} ({_short(note)})" if isinstance(note, str) and note.strip() else shown
    if field in ("emotion", "value") and isinstance(value, int) and not isinstance(value, bool):
        return f"{value:+d}" if value else "0"
    if isinstance(value, str):
        if document is not None and field.rsplit(".", 1)[-1] in REFERENCES:
            found = document.find(value)
            if found is not None:
                return summary(found)
        return _short(value) if value.strip() else tr("(empty)")
    if isinstance(value, list):
        return ", ".join(readable(item, "-", document) for item in value) if value else tr("(none)")
    if isinstance(value, dict):
        if any(key in value for key in ("title", "text", "label", "name", "id")):
            return summary(value)
        return ", ".join(f"{field_word(k)}: {readable(v, k, document)}" for k, v in value.items()) or tr("(none)")
    return str(value)


def side_words(document: JourneyDocument, conflict: Conflict, take: Side) -> str:
    """One side's value as a row shows it: :func:`readable`, except for an element one side removed that the
    other did not change but still uses (a step of theirs in a stage ours removed): "Changed" would be untrue."""
    value, other = (conflict.ours, conflict.theirs) if take == "ours" else (conflict.theirs, conflict.ours)
    if not conflict.field and other is None and isinstance(value, dict) and isinstance(conflict.base, dict) \
            and _without_order(value) == _without_order(conflict.base):
        return tr("Unchanged, still in use: {summary}", summary=summary(value))
    return readable(value, conflict.field, document)


def _without_order(data: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in data.items() if k != "order"}


def element_words(document: JourneyDocument, conflict: Conflict) -> str:
    """Which element the conflict is about, named as it is now ("Step “Pay online”").

    An element no longer in the journey is named by what the conflict
    remembers of it, and said to be gone.
    """
    if conflict.collection == "journey" or conflict.element is None:
        return tr("The journey “{title}”", title=_short(document.journey.title))
    found = document.find(conflict.element)
    if found is None:
        kind, name = _remembered(conflict)
        return tr("{kind} “{name}” (no longer in the journey)", kind=kind, name=name)
    return describe(document, found)


def _remembered(conflict: Conflict) -> tuple[str, str]:
    """The kind and the name of a conflict's element no longer in the journey, as the conflict remembers it."""
    remembered = next((v for v in (conflict.ours, conflict.theirs, conflict.base) if isinstance(v, dict)), None)
    name = summary(remembered) if remembered is not None else conflict.element or ""
    return tr(KIND_WORDS.get(conflict.collection, conflict.collection)), name


def describe(document: JourneyDocument, element: Element) -> str:
    """An element named by its kind and its current title or text."""
    if isinstance(element, Card):
        # The kind in lower case, the phrase's first letter in upper case: "Touchpoint card …", and in
        # French "Carte point de contact …" (not "Carte Point de contact").
        kind = tr(CARD_WORDS.get(element.kind, element.kind)).lower()
        phrase = tr("{kind} card “{text}”", kind=kind, text=_short(element.text) or element.id)
        return phrase[:1].upper() + phrase[1:]
    if isinstance(element, (Handoff, Link)):
        source, target = document.find(element.source), document.find(element.target)
        word = tr("Handoff") if isinstance(element, Handoff) else tr("Link")
        return tr("{kind} from “{source}” to “{target}”", kind=word,
                  source=summary(source) if source is not None else element.source,
                  target=summary(target) if target is not None else element.target)
    if isinstance(element, Persona):
        return tr("{kind} “{title}”", kind=tr("Persona"), title=_short(element.name) or element.id)
    kind = tr("Stage") if isinstance(element, Stage) else tr("Lane") if isinstance(element, Lane) else tr("Step")
    assert isinstance(element, (Stage, Step, Lane))
    return tr("{kind} “{title}”", kind=kind, title=_short(element.title) or element.id)


def find(document: JourneyDocument, conflict_id: str) -> Conflict:
    """The conflict of this id still in the journey; EditError once it has been resolved."""
    for conflict in document.journey.conflicts:
        if conflict.id == conflict_id:
            return conflict
    raise EditError(tr("This conflict has already been resolved."))


def label(conflict: Conflict, take: Side) -> str:
    """What the undo step says ("Take theirs: Title")."""
    if take == "ours":
        return tr("Keep mine: {field}", field=field_words(conflict))
    return tr("Take theirs: {field}", field=field_words(conflict))


def resolve(document: JourneyDocument, conflict_id: str, take: Side) -> Edit:
    """Resolve a conflict with one side's value, as one batch; return its inverse.

    The conflicts of elements the choice removes go with it (a card of a
    removed step had a conflict of its own, a removed persona's feeling too).

    ``"ours"`` keeps what the journey holds and only drops the conflict
    (except an element the merge kept though our side had removed it: it goes
    now). ``"theirs"`` puts their value in, then drops the conflict (an element
    the merge kept as their side changed it stays as it is now). A value
    the journey no longer takes (the element was deleted meanwhile, a value
    the model refuses) raises EditError with a sentence for the user, and
    nothing is changed.
    """
    conflict = find(document, conflict_id)
    value = conflict.ours if take == "ours" else conflict.theirs
    present = {c.element for c in document.journey.conflicts if c.element is not None and c.element in document}
    personas = {p.id for p in document.journey.personas}
    with document.group(label(conflict, take)) as result:
        try:
            if take == "theirs" or not conflict.field:
                _put(document, conflict, value, conflict.theirs if take == "ours" else conflict.ours)
        except EditError as error:
            raise EditError(_refused(document, conflict, take, str(error))) from None
        # The conflicts of what this choice took away (a card on the step removed) went with it: left, their
        # rows offered to keep or take a version of an element no longer there, which could only be refused.
        gone = {ref for ref in present if ref not in document}
        gone |= personas - {p.id for p in document.journey.personas}  # (and the feelings of a persona removed)
        document.update_journey(conflicts=[c for c in document.journey.conflicts
                                           if c.id != conflict.id and c.element not in gone
                                           and (_feeling_of(c.field or "") or ("",))[0] not in gone])
    return result[0]


@dataclass(frozen=True)
class Consequences:
    """What choosing one side of a removed-or-changed conflict does besides removing the element."""

    removed: list[Element]
    """What cannot stay without it (its cards, their handoffs...): cards first, each kind in the journey's order."""
    cleared: list[Handoff]
    """Handoffs that stay but lose their return step (the step they returned to goes)."""
    unmentioned: list[Element]
    """Steps and cards that lose a removed persona's feelings and tag."""

    def ids(self) -> tuple[str, ...]:
        return tuple(e.id for e in (*self.removed, *self.cleared, *self.unmentioned))


def consequences(document: JourneyDocument, conflict: Conflict, take: Side) -> Consequences:
    """What else choosing *take* removes or changes (nothing but the conflict for most conflicts).

    Only a removed-or-changed conflict removes anything, when the side
    chosen is the one that removed the element; the merge kept it, and with
    it whatever the other side added to it (a card on a removed step, a
    handoff from a removed card). Those go too, as a deletion on the canvas
    takes them, so the row says so before the choice.
    """
    value = conflict.ours if take == "ours" else conflict.theirs
    element = conflict.element
    if conflict.field or value is not None or element is None or element not in document:
        return Consequences([], [], [])
    removal = document.removal(element)
    taken = set(removal)
    gone = [document.get(ref) for ref in removal[:-1]]
    # Cards before the handoffs between them; each kind in the journey's order (the same after an undo).
    gone.sort(key=lambda e: (SHOWN_FIRST.index(type(e)), document.position(e)))
    cleared = [h for ref in removal for h in document.returning(ref) if h.id not in taken]
    unmentioned = [e for ref in removal for e in document.index.mentioning(ref) if e.id not in taken]
    return Consequences(gone, cleared, unmentioned)  # type: ignore[arg-type]


def consequence(document: JourneyDocument, conflict: Conflict, take: Side) -> str:
    """The sentence that warns what else choosing *take* removes or changes ("" when nothing else)."""
    found = consequences(document, conflict, take)
    said = [describe(document, element) for element in found.removed]
    said += [tr("the return step of {handoff}", handoff=describe(document, handoff)) for handoff in found.cleared]
    if found.unmentioned:
        persona = document.find(conflict.element or "")
        name = _short(getattr(persona, "name", "") or (conflict.element or ""))
        said.append(ntr("the emotions and tags of {name} on {count} step or card",
                        "the emotions and tags of {name} on {count} steps and cards", len(found.unmentioned), name=name))
    if not said:
        return ""
    named = "; ".join(said[:NAMED])
    if len(said) > NAMED:
        named += " " + ntr("and {count} more", "and {count} more", len(said) - NAMED)
    if take == "ours":
        return tr("Keep mine also removes: {elements}", elements=named)
    return tr("Take theirs also removes: {elements}", elements=named)


def _refused(document: JourneyDocument, conflict: Conflict, take: Side, reason: str) -> str:
    if conflict.collection != "journey" and conflict.element is not None and conflict.element not in document:
        name = _remembered(conflict)[1]
        if take == "ours":
            return tr("Your version of “{name}” cannot be kept: it was removed after the merge. Undo brings it back "
                      "if it was removed by mistake.", name=name)
        return tr("Their version of “{name}” cannot be taken: it was removed after the merge. Undo brings it back "
                  "if it was removed by mistake.", name=name)
    what = tr("{field} of {element}", field=field_words(conflict, document), element=element_words(document, conflict))
    if take == "ours":
        return tr("Your version cannot be kept ({what}): {reason}", what=what, reason=reason)
    return tr("Their version cannot be taken ({what}): {reason}", what=what, reason=reason)


def _put(document: JourneyDocument, conflict: Conflict, value: Any, other: Any) -> None:
    """Give the field (or the whole element, for a removed-or-changed conflict) *value*; *other* is the other
    side's."""
    if conflict.collection == "journey" or conflict.element is None:
        _put_journey(document, conflict.field, value)
        return
    current = document.find(conflict.element)
    if not conflict.field:
        if value is None:
            if current is not None:  # already gone: their removal is done
                document.remove(conflict.element)
            return
        if current is None:
            raise EditError(tr("it is no longer in the journey; Undo brings it back if an edit or a choice removed it"))
        if other is None:
            # Removed on the other side: the merge kept the element as this side left it. Choosing this side
            # keeps it as it is now, with whatever was edited since (its version put back would undo them).
            return
        # Both sides have their own version (a merge that fell back to ours): the one chosen is put in.
        if not isinstance(value, dict):
            raise EditError(tr("the value offered is not an element"))
        kind = ELEMENT_TYPES[conflict.collection]
        try:
            # On its own, not over the current version: a file leaves out fields at their defaults.
            element = kind.model_validate({**value, "id": conflict.element})
        except ValidationError as error:
            first = error.errors(include_url=False)[0]
            raise EditError(f"{'.'.join(map(str, first['loc']))}: {describe_error(first)}") from None
        if element != current:
            document.apply(Replace(element))
        return
    if current is None:
        raise EditError(tr("it is no longer in the journey; Undo brings it back if an edit or a choice removed it"))
    feeling = _feeling_of(conflict.field)
    if feeling is not None and isinstance(current, Step):
        persona, scenario, part = feeling
        if part in ("value", "note"):
            given = {part: value if value is not None or part == "value" else ""}
            document.update(conflict.element, emotions=with_feeling(current, persona, scenario, **given))
        else:
            document.update(conflict.element, emotions=_with_entry(current, persona, scenario, value))
        return
    document.update(conflict.element, **{conflict.field: value})


def _with_entry(step: Step, persona: str, scenario: str, value: Any) -> list[Any]:
    """The step's feelings with the one of *persona* in *scenario* set to *value* (None: removed), in place."""
    out: list[Any] = [e.model_dump(mode="json") for e in step.emotions]
    place = next((i for i, e in enumerate(step.emotions) if (e.persona, e.scenario) == (persona, scenario)), None)
    if place is not None:
        del out[place]
    if isinstance(value, dict):
        out.insert(len(out) if place is None else place, value)
    return out


def _put_journey(document: JourneyDocument, field: str, value: Any) -> None:
    """Set a journey field; a dotted one ("checks.cliff") inside the model that holds it."""
    if not field:
        raise EditError(tr("the journey itself cannot be removed"))
    head, _, rest = field.partition(".")
    if not rest:
        document.update_journey(**{head: value})
        return
    holder = getattr(document.journey, head, None)
    data = holder.model_dump() if isinstance(holder, BaseModel) else dict(holder or {})
    _set_path(data, rest.split("."), value)
    document.update_journey(**{head: data})


def _set_path(data: dict[str, Any], path: list[str], value: Any) -> None:
    for key in path[:-1]:
        inner = data.get(key)
        data[key] = dict(inner) if isinstance(inner, dict) else {}
        data = data[key]
    data[path[-1]] = value
