"""A semantic diff of two journeys: what a person changed, element by element (no Qt).

A line diff of two ``.journey`` files tells which JSON lines moved; a
reviewer wants to know that a card went from "Thoughts" to "Pain points" or
that a step's emotion dropped from +1 to −1. :func:`diff` answers that, for
``workbench diff``, for git (through :func:`textconv`) and for the editor's
File > Compare with...

Semantics:

- Elements are matched by **id**, never by position or by text: a retitled
  step is the same step, changed. Ids are stable (see ``ids.py``).
- **added** / **removed**: the id is only in the new / only in the old
  journey. Removing a step removes its cards in the file too, so each of them
  is listed as removed (a reviewer sees what went with it).
- **changed**: some field other than the placement fields differs. ``fields``
  lists every field that differs, placement ones included.
- **moved**: only placement fields differ (``order`` for stages and lanes;
  ``stage``/``order`` for steps; ``step``/``lane``/``order`` for cards) *and*
  the element's place really changed: its container (stage, or step and lane)
  changed, or its rank among its siblings did. Siblings are those that sit in
  the same container in both journeys, sorted by ``(order, file position)``
  as everywhere else (see ``index.py``). When one card is dragged past two
  others, only that card moved, even if the drop renumbered the other two: the
  siblings kept in place are the largest set whose relative order did not
  change (a longest increasing subsequence), preferring those whose order
  number did not change.
- A pure **renumbering** (orders rewritten, every element keeps its place) is
  not a change for people: it is left out of :attr:`JourneyDiff.changes` and
  only counted (``renumbered``, in the JSON summary).
- Handoffs and links have no place of their own: the order of their arrays is
  ignored.
- The journey's own fields (title, sector, language, ``checks.*`` per
  sub-field, scenario, authors, notes, ``checks``, conflicts, and any unknown
  field kept from a newer file) come as one change of collection
  ``"journey"``, id None, kind ``changed``.
- Values in :class:`FieldChange` are JSON values (``model_dump(mode="json")``),
  so tools and the JSON output need no conversion.
- **Order** of the changes: the journey's fields first, then stages, steps,
  lanes, cards, handoffs, links (``COLLECTIONS``); within a collection, the new
  file's order, each removed element where it was (after the element that
  preceded it in the old file).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

from workbench.model.feelings import persona_name, personas_in_order
from workbench.model.journey import COLLECTIONS, Card, Element, Journey

ChangeKind = Literal["added", "removed", "changed", "moved"]
KINDS: tuple[str, ...] = ("added", "removed", "changed", "moved")
#: The fields that say where an element sits, per collection (handoffs and links have none).
PLACEMENT: dict[str, tuple[str, ...]] = {
    "personas": ("order",),
    "stages": ("order",),
    "steps": ("stage", "order"),
    "lanes": ("order",),
    "cards": ("step", "lane", "order"),
}
#: Journey fields compared sub-field by sub-field (``checks.cliff``), when both sides hold an object.
_NESTED = ("checks",)
LABEL_LENGTH = 40


@dataclass(frozen=True)
class FieldChange:
    """One field that differs; *old*/*new* are JSON values (None: absent)."""

    field: str
    old: Any
    new: Any


@dataclass(frozen=True)
class ElementChange:
    """What happened to one element (or to the journey's own fields, with id None)."""

    kind: ChangeKind
    collection: str
    id: str | None
    label: str
    fields: tuple[FieldChange, ...] = ()
    element: Any = None
    """The element as it is in the new journey; for "removed", as it was in the old one."""

    def field(self, name: str) -> FieldChange | None:
        """The change of field *name*, if it differs."""
        return next((f for f in self.fields if f.field == name), None)


@dataclass(frozen=True)
class JourneyDiff:
    """Every change from an old journey to a new one, in a stable, readable order."""

    changes: tuple[ElementChange, ...]
    renumbered: tuple[str, ...] = ()
    """Ids of elements whose order number changed but whose place did not (not shown to people)."""
    labels: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)
    """Short names of every element of both journeys (the new name wins), to show ids as names."""
    positions: Mapping[str, tuple[int, int]] = field(default_factory=dict, compare=False, repr=False)
    """For each moved (or changed and moved) element: its place among its siblings, old and new, from 1."""
    before: Mapping[str, str] = field(default_factory=dict, compare=False, repr=False)
    """The same names as the old journey had them, for what the old values name (a persona renamed since was
    shown under its new name on the old side)."""
    _by_id: Mapping[str, ElementChange] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        by_id = {c.id: c for c in self.changes if c.id is not None}
        object.__setattr__(self, "_by_id", MappingProxyType(by_id))

    def __bool__(self) -> bool:
        return bool(self.changes)

    def of(self, element_id: str) -> ElementChange | None:
        """The change of the element *element_id*, or None if it did not change."""
        return self._by_id.get(element_id)

    def count(self, kind: str) -> int:
        return sum(c.kind == kind for c in self.changes)


# ------------------------------------------------------------------ labels


def cut(text: str, length: int = LABEL_LENGTH) -> str:
    """*text* on one line, at most *length* characters (an ellipsis says it was cut)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= length else flat[: length - 1].rstrip() + "…"


def _labels(journey: Journey) -> dict[str, str]:
    """A short name for every element: titles, card texts, "A → B" for flows."""
    out: dict[str, str] = {}
    for collection in ("stages", "steps", "lanes"):
        for element in getattr(journey, collection):
            out[element.id] = cut(element.title) or element.id
    for position, persona in enumerate(personas_in_order(journey.personas)):
        out[persona.id] = cut(persona_name(persona, position, journey.language))  # ("Persona 2", never its id)
    for card in journey.cards:
        out[card.id] = cut(card.text) or card.kind.replace("_", " ")
    for flow in (*journey.handoffs, *journey.links):
        out[flow.id] = f"{out.get(flow.source, flow.source)} → {out.get(flow.target, flow.target)}"
    return out


# ------------------------------------------------------------------ diffing


def diff(old: Journey, new: Journey) -> JourneyDiff:
    """The changes that turn *old* into *new* (see the module docstring for the rules)."""
    old_labels, new_labels = _labels(old), _labels(new)
    labels = {**old_labels, **new_labels}
    changes: list[ElementChange] = []
    journey_fields = _journey_fields(old, new)
    if journey_fields:
        changes.append(ElementChange("changed", "journey", None, cut(new.title), journey_fields, new))
    renumbered: list[str] = []
    positions: dict[str, tuple[int, int]] = {}
    for collection in COLLECTIONS:
        olds: list[Element] = getattr(old, collection)
        news: list[Element] = getattr(new, collection)
        kept = _kept_in_place(collection, olds, news)
        keyed: list[tuple[tuple[int, int, int], ElementChange]] = []
        old_by_id = {e.id: e for e in olds}  # type: ignore[attr-defined]
        new_index = {e.id: i for i, e in enumerate(news)}  # type: ignore[attr-defined]
        for i, element in enumerate(news):
            before = old_by_id.get(element.id)  # type: ignore[attr-defined]
            if before is None:
                keyed.append(((i, 0, 0), _change("added", collection, element, labels)))
                continue
            fields = _field_changes(before, element)
            if not fields:
                continue
            placement = PLACEMENT.get(collection, ())
            if any(f.field not in placement for f in fields):
                keyed.append(((i, 0, 0), _change("changed", collection, element, labels, fields)))
            elif element.id in kept:  # type: ignore[attr-defined]
                renumbered.append(element.id)  # type: ignore[attr-defined]
            else:
                keyed.append(((i, 0, 0), _change("moved", collection, element, labels, fields)))
        after = -1
        for j, element in enumerate(olds):
            if element.id in new_index:  # type: ignore[attr-defined]
                after = new_index[element.id]  # type: ignore[attr-defined]
            else:
                keyed.append(((after, 1, j), _change("removed", collection, element, labels)))
        changes += [change for _, change in sorted(keyed, key=lambda pair: pair[0])]
        placed = {c.id for _, c in keyed if c.kind in ("moved", "changed") and c.field("order") is not None}
        positions.update(_positions(placed, olds, news))
    return JourneyDiff(tuple(changes), tuple(renumbered), MappingProxyType(labels), MappingProxyType(positions),
                       MappingProxyType({**new_labels, **old_labels}))


def _change(
    kind: ChangeKind, collection: str, element: Element, labels: Mapping[str, str], fields: Iterable[FieldChange] = ()
) -> ElementChange:
    element_id: str = element.id  # type: ignore[attr-defined]
    return ElementChange(kind, collection, element_id, labels.get(element_id, element_id), tuple(fields), element)


def _dump(model: Element) -> dict[str, Any]:
    return model.model_dump(mode="json")


#: A step's feelings are compared one persona and scenario at a time, as fields
#: named ``emotion:PERSONA:SCENARIO`` and ``emotion_note:PERSONA:SCENARIO``.
EMOTION_FIELD = "emotion:"
NOTE_FIELD = "emotion_note:"


def _flat(dump: dict[str, Any]) -> dict[str, Any]:
    """A step's dump with its list of feelings spread into one field per persona, scenario and part."""
    feelings = dump.get("emotions")
    if not isinstance(feelings, list):
        return dump
    out = {k: v for k, v in dump.items() if k != "emotions"}
    for entry in feelings:
        where = f"{entry.get('persona')}:{entry.get('scenario')}"
        if entry.get("value") is not None:
            out[EMOTION_FIELD + where] = entry["value"]
        if entry.get("note"):
            out[NOTE_FIELD + where] = entry["note"]
    return out


def split_feeling_field(name: str) -> tuple[str, str, str] | None:
    """``emotion:persona-1:to_be`` as ("emotion", "persona-1", "to_be"); None for another field."""
    for part in (EMOTION_FIELD, NOTE_FIELD):
        if name.startswith(part):
            persona, _, scenario = name[len(part):].rpartition(":")
            return part[:-1], persona, scenario
    return None


def _compare(old: Mapping[str, Any], new: Mapping[str, Any], prefix: str = "") -> list[FieldChange]:
    """Fields of two dumps that differ: the model's order first, then unknown (kept) fields."""
    names = list(old) + [name for name in new if name not in old]
    return [
        FieldChange(prefix + name, old.get(name), new.get(name)) for name in names if old.get(name) != new.get(name)
    ]


def _field_changes(old: Element, new: Element) -> tuple[FieldChange, ...]:
    return tuple(_compare(_flat(_dump(old)), _flat(_dump(new))))


def _journey_fields(old: Journey, new: Journey) -> tuple[FieldChange, ...]:
    before = {k: v for k, v in _dump(old).items() if k not in COLLECTIONS}
    after = {k: v for k, v in _dump(new).items() if k not in COLLECTIONS}
    out: list[FieldChange] = []
    for change in _compare(before, after):
        if change.field in _NESTED and isinstance(change.old, dict) and isinstance(change.new, dict):
            out += _compare(change.old, change.new, prefix=change.field + ".")
        else:
            out.append(change)
    return tuple(out)


# ------------------------------------------------------------------ places


def _container(element: Element) -> Any:
    if isinstance(element, Card):
        return (element.step, element.lane)
    return getattr(element, "stage", None)


def _sorted_ids(elements: list[Element], ids: set[str]) -> list[str]:
    """The ids among *ids*, in sibling order: by ``order``, ties by file position."""
    chosen = [(e.order, i, e.id) for i, e in enumerate(elements) if e.id in ids]  # type: ignore[attr-defined]
    return [element_id for _, _, element_id in sorted(chosen)]


def _kept_in_place(collection: str, olds: list[Element], news: list[Element]) -> set[str]:
    """Ids of the elements that kept their place among their siblings (see the module docstring)."""
    if collection not in PLACEMENT:
        return set()
    old_by_id = {e.id: e for e in olds}  # type: ignore[attr-defined]
    groups: dict[Any, set[str]] = {}
    for element in news:
        before = old_by_id.get(element.id)  # type: ignore[attr-defined]
        if before is not None and _container(before) == _container(element):
            groups.setdefault(_container(element), set()).add(element.id)  # type: ignore[attr-defined]
    kept: set[str] = set()
    new_by_id = {e.id: e for e in news}  # type: ignore[attr-defined]
    for ids in groups.values():
        old_rank = {element_id: r for r, element_id in enumerate(_sorted_ids(olds, ids))}
        in_new_order = _sorted_ids(news, ids)
        weights = [
            len(ids) + 1 if old_by_id[i].order == new_by_id[i].order else 1  # type: ignore[attr-defined]
            for i in in_new_order
        ]
        kept |= {in_new_order[k] for k in _heaviest_increasing([old_rank[i] for i in in_new_order], weights)}
    return kept


def _positions(ids: set[str | None], olds: list[Element], news: list[Element]) -> dict[str, tuple[int, int]]:
    """The place (from 1) of each of *ids* among all its siblings, in the old and the new journey."""
    if not ids:
        return {}

    def ranks(elements: list[Element]) -> dict[str, int]:
        groups: dict[Any, list[Element]] = {}
        for element in elements:
            groups.setdefault(_container(element), []).append(element)
        out: dict[str, int] = {}
        for siblings in groups.values():
            every = {e.id for e in siblings}  # type: ignore[attr-defined]
            out.update({i: r + 1 for r, i in enumerate(_sorted_ids(elements, every)) if i in ids})
        return out

    before, after = ranks(olds), ranks(news)
    return {i: (before[i], after[i]) for i in before.keys() & after.keys()}


def _heaviest_increasing(values: list[int], weights: list[int]) -> list[int]:
    """Indices of an increasing subsequence of *values* with the largest total weight.

    A Fenwick tree over the values keeps, for each prefix of values, the best
    chain ending below it: n log n, so a stage of thousands of steps, all
    renumbered, is compared in a blink.
    """
    if not values:
        return []
    rank = {v: r + 1 for r, v in enumerate(sorted(set(values)))}
    size = len(rank)
    tree: list[tuple[int, int]] = [(0, -1)] * (size + 1)  # (best total, index of its last element)
    previous = [-1] * len(values)
    best = [0] * len(values)
    for i, value in enumerate(values):
        r, top = rank[value] - 1, (0, -1)
        while r > 0:  # the best chain over values strictly below this one
            if tree[r][0] > top[0]:
                top = tree[r]
            r -= r & -r
        best[i], previous[i] = top[0] + weights[i], top[1]
        r = rank[value]
        while r <= size:
            if best[i] > tree[r][0]:
                tree[r] = (best[i], i)
            r += r & -r
    i = max(range(len(values)), key=lambda k: best[k])
    chain: list[int] = []
    while i != -1:
        chain.append(i)
        i = previous[i]
    return chain[::-1]


# ------------------------------------------------------------------ output


def to_json(d: JourneyDiff, *, old_name: str | None = None, new_name: str | None = None) -> dict[str, Any]:
    """The diff for tools: stable keys, JSON values, ``json.dumps``-able."""
    emotions = [
        {"step": c.id, "label": c.label, "persona": split[1], "scenario": split[2], "old": f.old, "new": f.new}
        for c in d.changes
        for f in c.fields
        if c.collection == "steps" and (split := split_feeling_field(f.field)) is not None and split[0] == "emotion"
    ]
    return {
        "old": old_name,
        "new": new_name,
        "changes": [
            {
                "kind": c.kind,
                "collection": c.collection,
                "id": c.id,
                "label": c.label,
                "fields": [{"field": f.field, "old": f.old, "new": f.new} for f in c.fields],
                "element": None if c.id is None or c.element is None else _dump(c.element),
            }
            for c in d.changes
        ],
        "emotions": emotions,
        "summary": {**{kind: d.count(kind) for kind in KINDS}, "renumbered": len(d.renumbered)},
    }


def to_text(
    d: JourneyDiff, language: str | None = None, *, old_name: str | None = None, new_name: str | None = None
) -> str:
    """The diff for people, in *language* (see :mod:`~workbench.model.interop.difftext`)."""
    from workbench.model.interop.difftext import diff_text

    return diff_text(d, language, old_name=old_name, new_name=new_name)


def textconv(journey: Journey, language: str | None = None) -> str:
    """One journey as stable readable lines, for git's ``textconv`` (see ``difftext.py``)."""
    from workbench.model.interop.difftext import journey_text

    return journey_text(journey, language)
