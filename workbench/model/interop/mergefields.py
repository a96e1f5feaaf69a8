"""Field-level three-way merge of JSON objects, the building block of :mod:`merge`.

Elements and the journey's own fields are compared as JSON objects (the
values a file holds), so unknown fields kept from a newer minor version
merge like any other. A field changed on one side only takes that side's
value; changed identically on both it is fine; changed differently, ours is
kept and the difference is reported, for the caller to record as a conflict.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

#: A field absent from one version of an object (an unknown field, an element not there).
MISSING: Any = object()


@dataclass(frozen=True)
class FieldClash:
    """One field changed differently on both sides: the values, None where absent."""

    field: str
    base: Any
    ours: Any
    theirs: Any


def _shown(value: Any) -> Any:
    return None if value is MISSING else value


def merge_value(base: Any, ours: Any, theirs: Any) -> tuple[Any, bool]:
    """The merged value of one field, and whether both sides changed it differently (ours kept)."""
    if ours == theirs:
        return ours, False
    if ours == base:
        return theirs, False
    if theirs == base:
        return ours, False
    return ours, True


def _keys(*objects: dict[str, Any] | None) -> list[str]:
    """Every key of *objects*, ours' first, in a deterministic order."""
    seen: dict[str, None] = {}
    for obj in objects:
        for key in obj or ():
            seen.setdefault(key, None)
    return list(seen)


def merge_object(
    base: dict[str, Any] | None,
    ours: dict[str, Any],
    theirs: dict[str, Any],
    *,
    quiet: tuple[str, ...] = (),
    nested: tuple[str, ...] = (),
    prefix: str = "",
) -> tuple[dict[str, Any], list[FieldClash]]:
    """Merge three versions of a JSON object field by field.

    *base* is None when both sides added the object: then every field that
    differs clashes. Fields in *quiet* take ours without a clash (an
    element's ``order``: its place is worked out again after the merge).
    Fields in *nested* that are objects on every side are merged field by
    field in turn (the persona), their clashes named ``persona.name``.
    """
    base_obj = base or {}
    merged: dict[str, Any] = {}
    clashes: list[FieldClash] = []
    for key in _keys(ours, theirs, base_obj):
        b = base_obj.get(key, MISSING) if base is not None else MISSING
        o = ours.get(key, MISSING)
        t = theirs.get(key, MISSING)
        if key in nested and all(isinstance(v, dict) for v in (o, t)) and (b is MISSING or isinstance(b, dict)):
            value, inner = merge_object(
                None if b is MISSING else b, o, t, prefix=f"{prefix}{key}."
            )
            merged[key] = value
            clashes += inner
            continue
        value, clash = merge_value(b, o, t)
        if clash and key in quiet:
            clash = False
        if clash:
            clashes.append(FieldClash(prefix + key, _shown(b), _shown(o), _shown(t)))
        if value is not MISSING:
            merged[key] = value
    return merged, clashes


def changed(before: dict[str, Any] | None, after: dict[str, Any] | None, *, ignore: tuple[str, ...] = ()) -> bool:
    """Whether *after* differs from *before*, leaving out the fields in *ignore*.

    A removal against a change is a conflict; against a mere renumbering of
    ``order`` (done by the editor to make room for a neighbour) it is not.
    """
    if before is None or after is None:
        return before is not after
    keys = set(before) | set(after)
    return any(before.get(k, MISSING) != after.get(k, MISSING) for k in keys if k not in ignore)
