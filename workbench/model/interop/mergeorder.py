"""Places after a merge: ``order`` numbers that interleave both sides' additions.

Each side numbered its own additions against its own siblings, so the raw
numbers of a merge may tie or interleave wrongly (one side renumbered a
stage's steps, the other added a step "after the third"). The places are
worked out again per container (the stages, the lanes, the steps of a stage,
the cards of a cell) from the *sequences* each side shows:

- the elements placed by ours keep ours' sequence (base elements thus keep
  their relative order, and ours' additions their place);
- each element placed by theirs goes before its next neighbour in theirs'
  sequence, hence after ours' additions at the same spot;
- anything else (placed partly by each side) goes last, by order then id.

Numbers are kept where they still fit, so a merge touches few lines; only
when no free number is left is the container renumbered with room
(:func:`~workbench.model.ordering.renumbered`).
"""

from __future__ import annotations

from typing import Any

from workbench.model.ordering import GAP, MAX_ORDER, renumbered

#: The fields that place an element: its container, then its order within it.
PLACEMENT: dict[str, tuple[str, ...]] = {
    "stages": (),
    "lanes": (),
    "steps": ("stage",),
    "cards": ("step", "lane"),
}

Objects = dict[str, dict[str, Any]]


def _container(obj: dict[str, Any], collection: str) -> tuple[Any, ...]:
    return tuple(obj.get(name) for name in PLACEMENT[collection])


def _sequences(side: Objects, collection: str) -> dict[tuple[Any, ...], list[str]]:
    """The ids of *side* per container, sorted as the editor shows them (order, then file position)."""
    groups: dict[tuple[Any, ...], list[tuple[int, int, str]]] = {}
    for index, (key, obj) in enumerate(side.items()):
        groups.setdefault(_container(obj, collection), []).append((obj.get("order", 0), index, key))
    return {container: [key for _, _, key in sorted(members)] for container, members in groups.items()}


def _placer(key: str, merged: dict[str, Any], ours: Objects, theirs: Objects, collection: str) -> str:
    fields = (*PLACEMENT[collection], "order")
    for name, side in (("ours", ours), ("theirs", theirs)):
        if key in side and all(side[key].get(f, 0) == merged.get(f, 0) for f in fields):
            return name
    return "mixed"


def respace(collection: str, merged: Objects, ours: Objects, theirs: Objects) -> None:
    """Give the elements of *merged* (changed in place) orders that place them as described above."""
    groups: dict[tuple[Any, ...], list[str]] = {}
    for key, obj in merged.items():
        groups.setdefault(_container(obj, collection), []).append(key)
    ours_seqs, theirs_seqs = _sequences(ours, collection), _sequences(theirs, collection)
    for container, members in groups.items():
        placers = {key: _placer(key, merged[key], ours, theirs, collection) for key in members}
        sequence = [key for key in ours_seqs.get(container, ()) if placers.get(key) == "ours"]
        kept = set(sequence)
        theirs_seq = theirs_seqs.get(container, [])
        if any(placers.get(key) == "theirs" and key not in kept for key in theirs_seq):
            sequence = _interleaved(sequence, kept, theirs_seq, placers)
        placed = set(sequence)
        rest = sorted((merged[k].get("order", 0), k) for k in members if k not in placed)
        sequence += [k for _, k in rest]
        if len(sequence) == len(kept):
            continue  # only ours' own places: leave them exactly as they are
        orders = _fitted(sequence, kept, merged) or renumbered(len(sequence))
        for key, order in zip(sequence, orders):
            if merged[key].get("order", 0) != order:
                merged[key]["order"] = order


def _interleaved(sequence: list[str], kept: set[str], theirs_seq: list[str], placers: dict[str, str]) -> list[str]:
    """*sequence* with each element placed by theirs put before its next neighbour in theirs' sequence
    that ours placed (so after ours' additions at the same spot); those with none go last."""
    before: dict[str | None, list[str]] = {}  # the next kept neighbour -> the elements to put before it
    pending: list[str] = []
    for key in theirs_seq:
        if key in kept:
            before.setdefault(key, []).extend(pending)
            pending = []
        elif placers.get(key) == "theirs":
            pending.append(key)
    out: list[str] = []
    for key in sequence:
        out += before.get(key, [])
        out.append(key)
    return out + pending


def _fitted(sequence: list[str], kept: set[str], merged: Objects) -> list[int] | None:
    """Orders for *sequence* keeping those of the *kept* elements; None when they leave no room."""
    current = [merged[k].get("order", 0) for k in sequence]
    out: list[int] = []
    for index, key in enumerate(sequence):
        low = out[-1] if out else -1
        if key in kept:
            if current[index] <= low:
                return None
            out.append(current[index])
            continue
        high = next((current[i] for i in range(index + 1, len(sequence)) if sequence[i] in kept), None)
        own = current[index]
        if low < own and (high is None or own < high) and own <= MAX_ORDER:
            out.append(own)
        elif high is None:
            if low + GAP > MAX_ORDER:
                return None
            out.append(low + GAP if out else GAP)
        elif high - low >= 2:
            out.append((low + high) // 2)
        else:
            return None
    return out
