"""How each persona feels at each step, in each scenario (no Qt).

A step holds a list of :class:`~workbench.model.journey.Feeling` entries, one
per persona and scenario that has an emotion or a note there. These helpers
read and rewrite that list so that no caller has to search it by hand, and
so that an entry left with neither a value nor a note disappears (the file
then says only what was set).
"""

from __future__ import annotations

from collections.abc import Iterable

from workbench.i18n import tr
from workbench.model.journey import FIRST_PERSONA, SCENARIOS, Feeling, Journey, Persona, Step

#: Passed to :func:`with_feeling` for a part left as it is.
KEEP = object()


def feeling(step: Step, persona: str, scenario: str = "as_is") -> Feeling | None:
    for entry in step.emotions:
        if entry.persona == persona and entry.scenario == scenario:
            return entry
    return None


def level(step: Step, persona: str, scenario: str = "as_is") -> int | None:
    """The emotion of *persona* at *step* in *scenario*, or None."""
    entry = feeling(step, persona, scenario)
    return None if entry is None else entry.value


def levels(steps: Iterable[Step], scenario: str = "as_is") -> dict[str, dict[str, int]]:
    """Every persona's emotion at each of *steps* in *scenario*: ``{persona: {step id: value}}``.

    Each step's list is read once, where a :func:`level` per persona and step
    would read it once each (the health check reads every step of a long map).
    Steps with no value for a persona are absent from its dict. (A journey
    holds one entry per persona and scenario at a step: validation refuses a
    second.)
    """
    out: dict[str, dict[str, int]] = {}
    for step in steps:
        for entry in step.emotions:
            if entry.scenario == scenario and entry.value is not None:
                out.setdefault(entry.persona, {})[step.id] = entry.value
    return out


def felt_in(journey: Journey, scenario: str) -> bool:
    """Some step of *journey* has an emotion (a value) in *scenario*."""
    return any(e.scenario == scenario and e.value is not None for step in journey.steps for e in step.emotions)


def note(step: Step, persona: str, scenario: str = "as_is") -> str:
    entry = feeling(step, persona, scenario)
    return "" if entry is None else entry.note


def feelings(value: int | None, note: str = "", persona: str = FIRST_PERSONA, scenario: str = "as_is") -> list[Feeling]:
    """A new step's emotions: one entry, or none when there is neither value nor note."""
    if value is None and not note:
        return []
    return [Feeling(persona=persona, scenario=scenario, value=value, note=note)]  # type: ignore[arg-type]


def with_feeling(
    step: Step, persona: str, scenario: str = "as_is", *, value: object = KEEP, note: object = KEEP
) -> list[Feeling]:
    """The step's emotions with one entry set (a new list; the step is not changed).

    The entry keeps its place; a new one goes after the entries of the
    personas and scenarios before it in the step's list, so files stay in a
    stable order. An entry with neither value nor note is dropped.
    """
    old = feeling(step, persona, scenario)
    new_value = (old.value if old else None) if value is KEEP else value
    new_note = (old.note if old else "") if note is KEEP else note
    out = [e for e in step.emotions if not (e.persona == persona and e.scenario == scenario)]
    if new_value is None and not new_note:
        return out
    if old is not None:  # (a copy keeps fields a newer version wrote in it)
        out.insert(step.emotions.index(old), old.model_copy(update={"value": new_value, "note": new_note}))
    else:
        out.append(Feeling(persona=persona, scenario=scenario, value=new_value, note=new_note))  # type: ignore[arg-type]
    return out


def without_persona(step: Step, persona: str) -> list[Feeling]:
    """The step's feelings, those of *persona* left out (the persona is being removed)."""
    return [e for e in step.emotions if e.persona != persona]


def mentions(step: Step) -> set[str]:
    """The personas a step's feelings name."""
    return {e.persona for e in step.emotions}


def personas_in_order(personas: Iterable[Persona]) -> list[Persona]:
    """By ``order``, ties in the given order (as the index sorts every element)."""
    return sorted(personas, key=lambda p: p.order)


def persona_name(persona: Persona, position: int, lang: str) -> str:
    """The persona's name, or "Persona 2" for one left unnamed (*position* from 0), never its id."""
    return persona.name or tr("Persona {number}", lang, number=position + 1)


def persona_names(journey: Journey, lang: str | None = None) -> dict[str, str]:
    """Each persona's name by id (see :func:`persona_name`), in *lang* (by default the journey's)."""
    lang = lang or journey.language
    return {p.id: persona_name(p, k, lang) for k, p in enumerate(personas_in_order(journey.personas))}


def lead(journey: Journey) -> Persona:
    """The first persona: the one a single-curve reader (CSV, Mermaid, older tools) shows."""
    return personas_in_order(journey.personas)[0]


def scenario_of(name: str) -> str:
    """``to-be``/``to_be``/``tobe`` as the format's ``to_be`` (ValueError otherwise)."""
    key = name.strip().lower().replace("-", "_").replace(" ", "_")
    if key == "tobe":
        key = "to_be"
    if key == "asis":
        key = "as_is"
    if key not in SCENARIOS:
        raise ValueError(name)
    return key


def is_blank(persona: Persona, journey: Journey) -> bool:
    """A persona slot left empty: no name, no text, no emotion anywhere, no card tagged with it.

    Templates offer such a slot; a deliverable leaves it out.
    """
    if persona.name or persona.description or persona.goals or persona.frustrations:
        return False
    if any(e.persona == persona.id for s in journey.steps for e in s.emotions):
        return False
    return not any(persona.id in c.personas for c in journey.cards)


def filled_personas(journey: Journey) -> list[Persona]:
    """The personas in order, without blank slots (the lead always stays)."""
    ordered = personas_in_order(journey.personas)
    return [p for k, p in enumerate(ordered) if k == 0 or not is_blank(p, journey)]
