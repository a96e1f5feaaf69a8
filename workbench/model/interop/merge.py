"""Three-way merge of journeys by element id, field by field (no Qt).

``workbench merge BASE OURS THEIRS`` (and git, through it) combines two
people's edits of the same journey. Elements are matched by id, never by
position, so two people adding steps or cards to the same place merge
cleanly; their orders are worked out again (:mod:`mergeorder`).

A real conflict never produces a file that fails to load: the merged
journey holds *ours* and records the other side in ``Journey.conflicts``
for the editor to offer. An element removed on one side and changed on the
other is kept (nothing is lost), with a conflict whose ``field`` is empty.
Whatever the merge yields must pass :func:`check_journey`: dangling
references and broken handoffs are repaired by restoring what was removed
or by taking ours' version of the elements involved, each time recording a
conflict; as a last resort the result is ours, with every element theirs
changed recorded as a conflict.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from workbench.model.interop.mergefields import changed, merge_object
from workbench.model.interop.mergeorder import PLACEMENT, respace
from workbench.model.journey import COLLECTIONS, ELEMENT_TYPES, MAX_PERSONAS, Conflict, Element, Journey
from workbench.model.validation import Problem, check_journey, element_problems

#: The fields through which an element refers to another, per collection.
REFERENCES: dict[str, tuple[str, ...]] = {
    "personas": (),
    "stages": (),
    "lanes": (),
    "steps": ("stage",),
    "cards": ("step", "lane"),
    "handoffs": ("source", "target", "return_step"),
    "links": ("source", "target"),
}


def _referenced(collection: str, obj: dict[str, Any]) -> list[str]:
    """The ids *obj* refers to: its reference fields, and the personas its feelings or tags name."""
    out = [obj[r] for r in REFERENCES[collection] if obj.get(r) is not None]
    if collection == "steps":
        out += [e.get("persona") for e in obj.get("emotions") or () if isinstance(e, dict) and e.get("persona")]
    elif collection == "cards":
        out += [p for p in obj.get("personas") or () if isinstance(p, str)]
    return out


def keyed_feelings(step: dict[str, Any] | None) -> dict[str, Any] | None:
    """A step's JSON with its feelings as an object keyed ``PERSONA:SCENARIO`` (see :func:`listed_feelings`)."""
    if step is None or not isinstance(step.get("emotions"), list):
        return step
    keyed: dict[str, Any] = {}
    for entry in step["emotions"]:
        if isinstance(entry, dict):
            keyed[feeling_key(entry.get("persona"), entry.get("scenario", "as_is"))] = entry
    return {**step, "emotions": keyed}


def listed_feelings(step: dict[str, Any]) -> dict[str, Any]:
    feelings = step.get("emotions")
    if isinstance(feelings, dict):
        return {**step, "emotions": list(feelings.values())}
    return step


#: A step's feelings merge one by one, keyed by persona and scenario: a clash on one is on ``emotions.<key>``.
_FEELINGS = "emotions"


def feeling_key(persona: Any, scenario: Any) -> str:
    return f"{persona}:{scenario}"


#: Journey fields merged as a whole, besides the element collections and the conflicts.
_NOT_FIELDS = (*COLLECTIONS, "conflicts")
_PATH = re.compile(r"^journey\.(\w+)\[(\d+)\]")

Objects = dict[str, dict[str, Any]]


@dataclass
class MergeResult:
    """The merged journey, and the conflicts this merge added to it."""

    journey: Journey
    new_conflicts: list[Conflict]

    @property
    def clean(self) -> bool:
        return not self.new_conflicts


def _objects(journey: Journey, collection: str) -> Objects:
    return {e.id: e.model_dump(mode="json") for e in getattr(journey, collection)}


class _Merge:
    """The state of one merge: each side's elements as JSON, the merged ones, the conflicts found."""

    def __init__(self, base: Journey | None, ours: Journey, theirs: Journey) -> None:
        self.has_base = base is not None
        base = base if base is not None else Journey(title="")
        self.sides = (base, ours, theirs)
        self.b = {c: _objects(base, c) for c in COLLECTIONS}
        self.o = {c: _objects(ours, c) for c in COLLECTIONS}
        self.t = {c: _objects(theirs, c) for c in COLLECTIONS}
        self.m: dict[str, Objects] = {c: {} for c in COLLECTIONS}
        #: The conflicts found, by place (collection, element, field): the last word on a place wins.
        self.clashes: dict[tuple[str, str | None, str], dict[str, Any]] = {}

    # ------------------------------------------------------------ recording

    def clash(self, collection: str, element: str | None, field: str, base: Any, ours: Any, theirs: Any) -> None:
        entry = {"collection": collection, "element": element, "field": field}
        entry.update(base=base, ours=ours, theirs=theirs)
        key = (collection, element, field)
        self.clashes.pop(key, None)  # a later finding on the same place replaces it, and comes last
        self.clashes[key] = entry

    # --------------------------------------------------------------- merging

    def fields(self) -> dict[str, Any]:
        """The journey's own fields (title, scenario..., not its elements)."""
        base, ours, theirs = (s.model_dump(mode="json", exclude=set(_NOT_FIELDS)) for s in self.sides)
        merged, clashes = merge_object(base if self.has_base else None, ours, theirs, nested=("checks",))
        for clash in clashes:
            self.clash("journey", None, clash.field, clash.base, clash.ours, clash.theirs)
        return merged

    def elements(self, collection: str) -> None:
        b, o, t = self.b[collection], self.o[collection], self.t[collection]
        for key in [*o, *(k for k in t if k not in o), *(k for k in b if k not in o and k not in t)]:
            base, ours, theirs = b.get(key), o.get(key), t.get(key)
            if ours is not None and theirs is not None:
                if collection == "steps":  # each persona's feeling in each scenario merges on its own
                    merged, clashes = merge_object(
                        keyed_feelings(base), keyed_feelings(ours), keyed_feelings(theirs),
                        quiet=("order",), nested=(_FEELINGS,),
                    )
                    merged = listed_feelings(merged)
                else:
                    merged, clashes = merge_object(base, ours, theirs, quiet=("order",))
                self.m[collection][key] = merged
                for clash in clashes:
                    self.clash(collection, key, clash.field, clash.base, clash.ours, clash.theirs)
            elif base is None:  # added on one side
                self.m[collection][key] = dict(ours or theirs)  # type: ignore[arg-type]
            elif ours is None and theirs is None:
                continue  # removed on both sides
            else:
                kept = ours if ours is not None else theirs
                if changed(base, kept, ignore=("order",)):  # removed on one side, changed on the other
                    self.m[collection][key] = dict(kept)  # type: ignore[arg-type]
                    self.clash(collection, key, "", base, ours, theirs)

    # ------------------------------------------------------------- repairing

    def build(self, fields: dict[str, Any], conflicts: list[dict[str, Any]]) -> Journey:
        data = dict(fields)
        for collection in COLLECTIONS:
            data[collection] = [self.m[collection][k] for k in self.file_order(collection)]
        data["conflicts"] = conflicts
        return Journey.model_validate(data)

    def file_order(self, collection: str) -> list[str]:
        """Ours' array order, then theirs' additions in theirs' order: arrays diff as little as possible."""
        merged = self.m[collection]
        known = [k for k in self.o[collection] if k in merged]
        known += [k for k in self.t[collection] if k in merged and k not in self.o[collection]]
        listed = set(known)
        return known + sorted(k for k in merged if k not in listed)

    def locate(self, key: str) -> str | None:
        return next((c for c in COLLECTIONS if key in self.m[c]), None)

    def restore(self, key: str) -> bool:
        """Bring back *key*, removed by one side while the merged journey still refers to it."""
        for collection in COLLECTIONS:
            ours, theirs = self.o[collection].get(key), self.t[collection].get(key)
            if ours is None and theirs is None:
                continue
            self.m[collection][key] = dict(ours if ours is not None else theirs)  # type: ignore[arg-type]
            self.clash(collection, key, "", self.b[collection].get(key), ours, theirs)
            return True
        return False

    def feelings_of_removed_personas(self) -> None:
        """A feeling changed on one side of a persona the other side removed: the persona stays, with a conflict
        of its own (removed on one side, changed on the other), as any element does, and the feeling's conflict
        goes. Left as it was, the persona was gone, the feeling's conflict named it by its id, and taking
        their version could only be refused (exploratory test). Keeping the removal removes the persona with
        its feelings; taking the other side keeps it with them (:meth:`keep_whole` brings them back)."""
        for place, entry in list(self.clashes.items()):
            field = entry["field"]
            if entry["collection"] != "steps" or not field.startswith(_FEELINGS + "."):
                continue
            persona = field[len(_FEELINGS) + 1:].rpartition(":")[0]  # (emotions.<persona>:<scenario>: see feeling_key)
            if persona in self.m["personas"] or not (persona in self.o["personas"] or persona in self.t["personas"]):
                continue
            del self.clashes[place]
            self.restore(persona)

    def keep_whole(self) -> None:
        """An element one side removed that the merge keeps (the other side changed it, or still uses it)
        keeps what belongs to it on the side that kept it: its dependents (a step's cards, a card's
        handoffs) and its mentions (a persona's feelings and tags). The removal had taken them with it, and
        "Keep mine" gave back a persona with one emotion of 38, a step with none of its cards. Taking the
        removing side's version of the conflict removes them all again (``model/conflicts``)."""
        todo = [(c, k) for c in COLLECTIONS for k in self.m[c] if k in self.b[c] and (k not in self.o[c] or k not in self.t[c])]
        done: set[str] = set()
        while todo:
            collection, key = todo.pop()
            if key in done:
                continue
            done.add(key)
            keeper = self.o if key in self.o[collection] else self.t
            for other in COLLECTIONS:
                for ref_key, obj in keeper[other].items():
                    if key not in _referenced(other, obj):
                        continue
                    merged = self.m[other].get(ref_key)
                    if merged is None:
                        self.m[other][ref_key] = dict(obj)
                        todo.append((other, ref_key))
                    elif collection == "personas":
                        self.m[other][ref_key] = _with_mentions(merged, obj, key)

    def to_ours(self, collection: str, key: str) -> bool:
        """Take ours' whole version of an element; the theirs values it drops become conflicts."""
        ours, merged = self.o[collection].get(key), self.m[collection].get(key)
        if ours is None or merged is None or merged == ours:
            return False
        base = self.b[collection].get(key) or {}
        for name in sorted(set(ours) | set(merged)):
            if name != "order" and ours.get(name) != merged.get(name):
                self.clash(collection, key, name, base.get(name), ours.get(name), merged.get(name))
        self.m[collection][key] = dict(ours)
        return True

    def drop(self, collection: str, key: str) -> None:
        """Leave out an element only theirs has (recorded), and what cannot stay without it."""
        element = self.m[collection].pop(key)
        self.clash(collection, key, "", self.b[collection].get(key), None, element)
        for other in COLLECTIONS:
            for ref_key, obj in list(self.m[other].items()):
                if ref_key not in self.m[other] or key not in _referenced(other, obj):
                    continue
                if not self.to_ours(other, ref_key) and ref_key not in self.o[other]:
                    self.drop(other, ref_key)

    def repair(self, journey: Journey, problems: list[Problem]) -> bool:
        """Try to fix each of *problems* of *journey*; False when none could be."""
        fixed = False
        for problem in problems:
            fixed = self.repair_one(journey, problem) or fixed
        return fixed

    def _model(self, key: str) -> Element | None:
        where = self.locate(key)
        return None if where is None else ELEMENT_TYPES[where].model_validate(self.m[where][key])

    def still_wrong(self, collection: str, key: str, problem: Problem) -> bool:
        """Whether a problem found before this round of repairs is still there (an earlier one may have fixed it)."""
        if problem.path.endswith(".id"):  # an id used twice
            return sum(key in self.m[c] for c in COLLECTIONS) > 1
        element = ELEMENT_TYPES[collection].model_validate(self.m[collection][key])
        return bool(element_problems(element, self._model, key))

    def repair_one(self, journey: Journey, problem: Problem) -> bool:
        """Fix *problem* (found in *journey*, built before this round of repairs) if it is still there."""
        match = _PATH.match(problem.path)
        if match is None or match.group(1) not in COLLECTIONS:
            return False
        collection = match.group(1)
        element = getattr(journey, collection)[int(match.group(2))]
        obj = self.m[collection].get(element.id)
        if obj is None or not self.still_wrong(collection, element.id, problem):
            return False  # dropped or fixed by an earlier repair of this round
        refs = list(dict.fromkeys(_referenced(collection, obj)))
        missing = [r for r in refs if self.locate(r) is None]
        if missing:
            return all(self.restore(r) for r in missing)
        fixed = self.to_ours(collection, element.id)
        for ref in refs:
            where = self.locate(ref)
            fixed = (where is not None and self.to_ours(where, ref)) or fixed
        if fixed:
            return True
        if element.id not in self.o[collection]:
            self.drop(collection, element.id)
            return True
        return False


def merge_journeys(base: Journey | None, ours: Journey, theirs: Journey) -> MergeResult:
    """Merge *ours* and *theirs*, both edited from *base*; the result always passes the checks.

    *base* is None when the two were made apart (git's "both added"): then
    whatever they hold alike merges, and every difference is a conflict.
    """
    state = _Merge(base, ours, theirs)
    base = state.sides[0]
    fields = state.fields()
    for collection in COLLECTIONS:
        state.elements(collection)
    state.feelings_of_removed_personas()
    kept = _kept_conflicts(base, ours, theirs)
    # At most MAX_PERSONAS: ours has no more, so only personas theirs alone has can be too many (the last are left out, recorded).
    for key in reversed(list(state.m["personas"])):
        if len(state.m["personas"]) <= MAX_PERSONAS:
            break
        if key not in state.o["personas"]:
            state.drop("personas", key)
    # At least one: each side may have removed the personas the other kept. Ours come back (recorded).
    if not state.m["personas"]:
        for key in state.o["personas"]:
            state.restore(key)
    limit = 2 * sum(len(state.m[c]) + len(state.t[c]) for c in COLLECTIONS) + 10
    while True:
        state.keep_whole()  # (again after each repair: a repair may bring back an element one side removed)
        journey = state.build(fields, [])
        problems = check_journey(journey)
        if not problems or limit <= 0 or not state.repair(journey, problems):
            break
        limit -= 1
    if check_journey(journey):
        _fall_back_to_ours(state)
    for collection in PLACEMENT:
        respace(collection, state.m[collection], state.o[collection], state.t[collection])
    new = _numbered(state, kept)
    journey = state.build(fields, [*kept, *new])
    return MergeResult(journey, [Conflict.model_validate(c) for c in new])


def _with_mentions(merged: dict[str, Any], kept: dict[str, Any], persona: str) -> dict[str, Any]:
    """*merged* (a step or a card) with *kept*'s feelings of *persona* and its tag of it, where it lacks them."""
    out = dict(merged)
    if isinstance(kept.get("emotions"), list) and isinstance(merged.get("emotions"), list):
        have = {feeling_key(e.get("persona"), e.get("scenario", "as_is")) for e in merged["emotions"] if isinstance(e, dict)}
        missing = [e for e in kept["emotions"] if isinstance(e, dict) and e.get("persona") == persona
                   and feeling_key(persona, e.get("scenario", "as_is")) not in have]
        if missing:
            out["emotions"] = [*merged["emotions"], *missing]
    tags = merged.get("personas")
    if isinstance(tags, list) and persona in (kept.get("personas") or ()) and persona not in tags:
        out["personas"] = [*tags, persona]
    return out


def _fall_back_to_ours(state: _Merge) -> None:
    """Ours' elements exactly (a journey that loads), every element theirs has otherwise recorded."""
    state.clashes = {k: c for k, c in state.clashes.items() if c["collection"] == "journey"}
    for collection in COLLECTIONS:
        state.m[collection] = {k: dict(v) for k, v in state.o[collection].items()}
        theirs = state.t[collection]
        for key in [*state.o[collection], *(k for k in theirs if k not in state.o[collection])]:
            ours = state.o[collection].get(key)
            if ours != theirs.get(key):
                state.clash(collection, key, "", state.b[collection].get(key), ours, theirs.get(key))


def _kept_conflicts(base: Journey, ours: Journey, theirs: Journey) -> list[dict[str, Any]]:
    """The conflicts already in the files: ours', then theirs' others, less those one side resolved.

    Two merges made apart may both have written a ``conflict-1``: theirs
    then comes too, its id left None for :func:`_numbered` to replace.
    """
    b, o, t = ({c.id: c.model_dump(mode="json") for c in s.conflicts} for s in (base, ours, theirs))
    out = []
    for key in [*o, *(k for k in t if k not in o)]:
        resolved = key in b and (key not in o or key not in t)
        if not resolved:
            out.append(o.get(key) or t[key])
    out += [{**t[key], "id": None} for key in t if key in o and key not in b and t[key] != o[key]]
    return out


def _numbered(state: _Merge, kept: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The new conflicts, and the kept ones without an id, given ids ``conflict-1``, ``conflict-2``... not taken."""
    taken = {c["id"] for c in kept} | {k for c in COLLECTIONS for k in state.m[c]}
    number = 0

    def fresh() -> str:
        nonlocal number
        number += 1
        while f"conflict-{number}" in taken:
            number += 1
        return f"conflict-{number}"

    for conflict in kept:
        if conflict["id"] is None:
            conflict["id"] = fresh()
    return [{"id": fresh(), **clash} for clash in state.clashes.values()]
