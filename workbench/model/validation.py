"""Checks that a journey holds together beyond what each field says alone.

Field types and ranges are checked by the pydantic models; this module checks
what spans elements: unique ids, references that point at existing elements,
touchpoints that have a nature, and handoffs that go from a digital touchpoint
to a human one. Each problem names the field path a user can look for.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from difflib import get_close_matches
from typing import Any, get_args

from pydantic import BaseModel

from workbench.i18n import tr
from workbench.model.journey import (
    COLLECTIONS,
    Card,
    Element,
    ElementId,
    Handoff,
    Journey,
    Lane,
    Link,
    Persona,
    Stage,
    Step,
)


@dataclass(frozen=True)
class Problem:
    path: str
    """Where, as ``journey.cards[2].step``."""
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


def field_path(loc: tuple[object, ...], root: str = "journey") -> str:
    """``('steps', 3, 'emotion')`` -> ``journey.steps[3].emotion``."""
    out = root
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


Lookup = Callable[[str], "Element | None"]


def check_journey(journey: Journey) -> list[Problem]:
    """Every cross-element problem of *journey*, in file order."""
    problems: list[Problem] = []
    by_id: dict[str, Element] = {}
    where: dict[str, str] = {}
    for collection in COLLECTIONS:
        for index, element in enumerate(getattr(journey, collection)):
            base = f"journey.{collection}[{index}]"
            if element.id in by_id:
                problems.append(
                    Problem(base + ".id", tr("id {id!r} is already used by {other}", id=element.id, other=where[element.id]))
                )
            else:
                by_id[element.id] = element
                where[element.id] = base
    for collection in COLLECTIONS:
        for index, element in enumerate(getattr(journey, collection)):
            problems += element_problems(element, by_id.get, f"journey.{collection}[{index}]")
    return problems


def element_problems(element: Element, lookup: Lookup, base: str) -> list[Problem]:
    """What is wrong with *element*'s references, looking others up by id."""
    if isinstance(element, Step):
        return _refs(base, lookup, (("stage", element.stage, Stage),)) + _feeling_problems(element, lookup, base)
    if isinstance(element, Card):
        return (
            _refs(base, lookup, (("step", element.step, Step), ("lane", element.lane, Lane)))
            + _card_problems(element, base)
            + _tag_problems(element, lookup, base)
        )
    if isinstance(element, Handoff):
        return _handoff_problems(element, lookup, base)
    if isinstance(element, Link):
        return _refs(base, lookup, (("source", element.source, Step), ("target", element.target, Step)))
    return []


def _feeling_problems(step: Step, lookup: Lookup, base: str) -> list[Problem]:
    out: list[Problem] = []
    seen: set[tuple[str, str]] = set()
    for index, entry in enumerate(step.emotions):
        where = f"{base}.emotions[{index}]"
        out += _refs(where, lookup, (("persona", entry.persona, Persona),))
        key = (entry.persona, entry.scenario)
        if key in seen:
            out.append(Problem(where, tr("a second emotion for the same persona and scenario")))
        seen.add(key)
    return out


def _tag_problems(card: Card, lookup: Lookup, base: str) -> list[Problem]:
    out: list[Problem] = []
    for index, persona in enumerate(card.personas):
        out += _refs(base, lookup, ((f"personas[{index}]", persona, Persona),))
        if persona in card.personas[:index]:
            out.append(Problem(f"{base}.personas[{index}]", tr("the persona {ref!r} is named twice", ref=persona)))
    return out


def _kind_name(kind: type[Element]) -> str:
    return {Persona: tr("the persona"), Stage: tr("the stage"), Step: tr("the step"), Lane: tr("the lane"), Card: tr("the card")}.get(kind, kind.__name__)


def _refs(base: str, lookup: Lookup, refs: tuple[tuple[str, str, type[Element]], ...]) -> list[Problem]:
    out = []
    for name, ref, kind in refs:
        if not isinstance(lookup(ref), kind):
            out.append(
                Problem(
                    f"{base}.{name}",
                    tr("refers to {what} {ref!r}, which does not exist", what=_kind_name(kind), ref=ref),
                )
            )
    return out


def _card_problems(card: Card, base: str) -> list[Problem]:
    out: list[Problem] = []
    if card.kind == "touchpoint" and card.nature is None:
        out.append(Problem(base + ".nature", tr("a touchpoint needs a nature: digital, human or physical")))
    if card.kind != "touchpoint" and card.nature is not None:
        out.append(Problem(base + ".nature", tr("only touchpoint cards have a nature")))
    if card.kind != "touchpoint" and card.channel is not None:
        out.append(Problem(base + ".channel", tr("only touchpoint cards have a channel")))
    return out


def _handoff_problems(handoff: Handoff, lookup: Lookup, base: str) -> list[Problem]:
    out = _refs(base, lookup, (("source", handoff.source, Card), ("target", handoff.target, Card)))
    if out:
        return out
    for end, wanted in (("source", "digital"), ("target", "human")):
        ref = getattr(handoff, end)
        card = lookup(ref)
        if not isinstance(card, Card) or card.kind != "touchpoint" or card.nature != wanted:
            message = (
                tr("a handoff starts from a digital touchpoint, but {ref!r} is not one", ref=ref)
                if wanted == "digital"
                else tr("a handoff goes to a human touchpoint, but {ref!r} is not one", ref=ref)
            )
            out.append(Problem(f"{base}.{end}", message))
    if handoff.return_step is not None:
        out += _refs(base, lookup, (("return_step", handoff.return_step, Step),))
    return out


def handoff_end_refusal(card: Card, handoff: Handoff) -> str | None:
    """Why *card* (a new version of it) can no longer be an end of *handoff*, in words for the person editing the
    card (None: it still can). The file's rule, said with ids and field paths, read "handoff-x.target: ...
    'card-tp-y' is not one" in the status bar."""
    touch = card.kind == "touchpoint"
    name = one_line(card.text, 40) or one_line(card.channel or "", 40)
    if handoff.target == card.id and not (touch and card.nature == "human"):
        return tr("'{card}' takes over a handoff, and a handoff goes to a person (a human touchpoint): delete the "
                  "handoff first.", card=name) if name else tr(
            "This card takes over a handoff, and a handoff goes to a person (a human touchpoint): delete the "
            "handoff first.")
    if handoff.source == card.id and not (touch and card.nature == "digital"):
        return tr("A handoff leaves from '{card}', and a handoff starts from a digital touchpoint: delete the "
                  "handoff first.", card=name) if name else tr(
            "A handoff leaves from this card, and a handoff starts from a digital touchpoint: delete the handoff first.")
    return None


def one_line(text: str, longest: int) -> str:
    """*text* on one line, cut to *longest* characters with an ellipsis (a name in a sentence)."""
    line = " ".join(text.split())
    return line if len(line) <= longest else line[: longest - 1] + "…"


def describe_error(error: dict) -> str:
    """A pydantic error entry as a sentence a user understands, in their language."""
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    got = _shown(error.get("input"))
    if kind == "missing":
        return tr("this required field is missing")
    if kind == "extra_forbidden":
        return tr("unknown field")
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return tr("should be a whole number, not {got}", got=got)
    if kind in ("string_type", "str_type"):
        return tr("should be text, not {got}", got=got)
    if kind == "bool_type":
        return tr("should be true or false, not {got}", got=got)
    if kind == "list_type":
        return tr("should be a list, not {got}", got=got)
    if kind in ("model_type", "dict_type", "model_attributes_type"):
        return tr("should be an object, not {got}", got=got)
    if kind == "literal_error":
        return tr("should be one of {expected}, not {got}", expected=_choices(str(ctx.get("expected", ""))), got=got)
    if kind == "string_unicode":
        return tr("holds a character that is not valid Unicode (a lone surrogate such as \\ud800)")
    if kind == "less_than_equal" and "le" in ctx:
        return tr("is out of range: {got} (at most {limit})", got=got, limit=_shown(ctx["le"]))
    if kind == "greater_than_equal" and "ge" in ctx:
        return tr("is out of range: {got} (at least {limit})", got=got, limit=_shown(ctx["ge"]))
    if kind in ("greater_than_equal", "less_than_equal"):
        return tr("is out of range: {got}", got=got)
    if kind == "string_too_long":
        return tr("is too long (at most {limit} characters)", limit=ctx.get("max_length", "?"))
    if kind == "too_long":
        return tr("has too many entries (at most {limit})", limit=ctx.get("max_length", "?"))
    if kind == "string_pattern_mismatch" and ctx.get("pattern") == _ID_PATTERN:
        return tr("is not a valid id (letters, digits, '-' and '_' only), not {got}", got=got)
    if kind == "too_short" and tuple(error.get("loc", ()))[-1:] == ("personas",):
        return tr("a journey needs at least one persona")
    # (a colour that is not #rrggbb is not called an id)
    return tr("is not a valid value: {got}", got=got)


#: The pattern of every id (the only other pattern, a colour's, gets the general message).
_ID_PATTERN = ElementId.__metadata__[0].metadata[0].pattern  # type: ignore[attr-defined]


def _choices(expected: str) -> str:
    """pydantic's ``'a', 'b' or 'c'`` without its English "or": ``'a', 'b', 'c'``."""
    quoted = re.findall(r"'(?:[^'\\]|\\.)*'", expected)
    return ", ".join(quoted) if quoted else expected


def _shown(value: object) -> str:
    """A short rendering of a bad value for a message."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return tr("an object")
    if isinstance(value, list):
        return tr("a list")
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def unknown_message(key: str, known: Iterable[str]) -> str:
    """The "unknown field" message, naming the closest known field when there is one (a typo)."""
    close = get_close_matches(key, list(known), n=1)
    shown = key if len(key) <= 40 else key[:37] + "..."
    if close:
        return tr("unknown field {key!r}; did you mean {close!r}?", key=shown, close=close[0])
    return tr("unknown field {key!r}", key=shown)


def first_unknown(model: BaseModel, path: str) -> tuple[str, str, BaseModel] | None:
    """The first field in *model* (depth first) that the format does not define.

    Returns its path, its name and the model that holds it.
    """
    if model.model_extra:
        key = next(iter(model.model_extra))
        return f"{path}.{key}", key, model
    for name in fields_holding_models(type(model)):
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            found = first_unknown(value, f"{path}.{name}")
            if found:
                return found
        elif isinstance(value, list):
            for index, item in enumerate(value):
                if isinstance(item, BaseModel):
                    found = first_unknown(item, f"{path}.{name}[{index}]")
                    if found:
                        return found
    return None


def _may_hold_models(annotation: Any) -> bool:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_may_hold_models(arg) for arg in get_args(annotation))


_HOLDING_MODELS: dict[type, tuple[str, ...]] = {}


def fields_holding_models(cls: type[BaseModel]) -> tuple[str, ...]:
    """The fields of *cls* whose type can hold a model (a step's feelings; not a card's text or tags)."""
    found = _HOLDING_MODELS.get(cls)
    if found is None:
        found = _HOLDING_MODELS[cls] = tuple(
            name for name, field in cls.model_fields.items() if _may_hold_models(field.annotation)
        )
    return found


def inner_unknown(model: BaseModel, path: str = "") -> list[tuple[str, str, BaseModel]]:
    """Fields the format does not define inside *model*'s sub-objects (a step's feelings): (place, name, holder)."""
    out: list[tuple[str, str, BaseModel]] = []
    for name in fields_holding_models(type(model)):
        value = getattr(model, name, None)
        if isinstance(value, BaseModel):
            items = [(f"{path}{name}", value)]
        elif isinstance(value, list):
            items = [(f"{path}{name}[{i}]", v) for i, v in enumerate(value) if isinstance(v, BaseModel)]
        else:
            continue
        for where, item in items:
            out += [(f"{where}.{key}", key, item) for key in item.model_extra or ()]
            out += inner_unknown(item, f"{where}.")
    return out
