"""Every field of the model survives a save and a load, and the strategies exercise every one.

The fields are found by walking the models (``model_fields``, through lists
and optional sub-objects), not listed by hand: a field added to
``journey.py`` is checked at once, and the coverage test fails until
``tests/strategies.py`` learns to draw a value for it other than its default.
"""

from __future__ import annotations

import typing
from typing import Any

from hypothesis import given, settings
from pydantic import BaseModel
from pydantic.fields import FieldInfo
from pydantic_core import PydanticUndefined

from tests.strategies import journeys
from workbench.model.fileformat import dumps, loads
from workbench.model.journey import Journey


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]


def field_paths(model: type[BaseModel] = Journey, prefix: str = "") -> dict[str, FieldInfo]:
    """``{"title": ..., "steps": ..., "steps[].deliberate_exit": ..., "checks.cliff": ...}``.

    Both the fields holding sub-models (``steps``, ``checks``) and the fields
    inside them are listed.
    """
    out: dict[str, FieldInfo] = {}
    for name, info in model.model_fields.items():
        path = prefix + name
        out[path] = info
        below = path + ("[]." if typing.get_origin(info.annotation) is list else ".")
        for inner in _models_in(info.annotation):
            out.update(field_paths(inner, below))
    return out


PATHS = field_paths()


def values_at(model: Any, path: str) -> list[Any]:
    """Every value at *path* in *model* (one per step for ``steps[].title``)."""
    current = [model]
    for part in path.split("."):
        name, many = (part[:-2], True) if part.endswith("[]") else (part, False)
        found = []
        for item in current:
            if item is None:
                continue  # an optional sub-object that is not there (checks = None)
            value = getattr(item, name)
            found.extend(value if many else [value])
        current = found
    return current


def is_default(info: FieldInfo, value: Any) -> bool:
    if info.is_required():
        return False  # a required field always carries a value of its own
    default = info.get_default(call_default_factory=True)
    return default is not PydanticUndefined and value == default


def test_the_walk_finds_fields_at_every_depth() -> None:
    expected = {
        "title", "personas", "personas[].goals", "personas[].frustrations", "personas[].shape", "personas[].line",
        "personas[].colour", "steps", "steps[].deliberate_exit", "steps[].data_reentered", "steps[].emotions",
        "steps[].emotions[].persona", "steps[].emotions[].scenario", "steps[].emotions[].value",
        "steps[].emotions[].note", "cards[].personas", "cards[].intents", "cards[].nature", "handoffs[].return_step",
        "handoffs[].context_carried", "handoffs[].expected_wait", "links[].label", "checks", "checks.human_within",
        "checks.cliff",
    }
    assert expected <= set(PATHS)
    assert len(PATHS) >= 55


@settings(max_examples=300, deadline=None)
@given(journeys())
def test_a_save_and_a_load_keep_every_field(journey: Journey) -> None:
    again = loads(dumps(journey)).journey
    for path in sorted(PATHS, key=lambda p: -p.count(".")):  # the innermost first: the clearest message
        assert values_at(again, path) == values_at(journey, path), path


def test_the_strategies_set_every_field_to_something_else_than_its_default() -> None:
    """Rounds of examples until every field has been seen with a value other than its default."""
    missing = set(PATHS)

    for _ in range(8):

        @settings(max_examples=300, deadline=None, database=None)
        @given(journeys())
        def record(journey: Journey) -> None:
            for path in list(missing):
                if any(not is_default(PATHS[path], value) for value in values_at(journey, path)):
                    missing.discard(path)

        record()
        if not missing:
            break
    assert sorted(missing) == []
