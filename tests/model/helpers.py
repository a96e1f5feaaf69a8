"""Shorthands for tests written before a journey held several personas (#15).

A step spec may still say ``emotion=`` and ``emotion_note=``: they are the
first persona's "as is" feeling, as a version-1 file's are once migrated.
"""

from __future__ import annotations

from typing import Any

from workbench.model.feelings import feelings, level, with_feeling
from workbench.model.journey import FIRST_PERSONA, Step

__all__ = ["FIRST_PERSONA", "feelings", "level", "spec", "update_emotion", "with_feeling"]


def spec(fields: dict[str, Any]) -> dict[str, Any]:
    """*fields* with ``emotion``/``emotion_note`` turned into the first persona's "as is" feeling."""
    out = dict(fields)
    if "emotion" in out or "emotion_note" in out:
        out["emotions"] = feelings(out.pop("emotion", None), out.pop("emotion_note", ""))
    return out


def update_emotion(doc: Any, step_id: str, value: int | None, persona: str = FIRST_PERSONA, scenario: str = "as_is") -> Any:
    """``doc.update(step_id, emotion=value)`` of version 1: the inverse edit."""
    step: Step = doc.get(step_id)
    return doc.update(step_id, emotions=with_feeling(step, persona, scenario, value=value))


def current(journey: Any) -> Any:
    """*journey* with any step still holding a version-1 ``emotion`` (benchmarks/generate.py may) given it as a feeling."""
    steps = []
    for step in journey.steps:
        extra = dict(step.model_extra or {})
        if "emotion" not in extra and "emotion_note" not in extra:
            steps.append(step)
            continue
        data = {k: v for k, v in step.model_dump().items() if k not in ("emotion", "emotion_note")}
        data["emotions"] = feelings(extra.get("emotion"), extra.get("emotion_note", ""))
        steps.append(Step.model_validate(data))
    return journey.model_copy(update={"steps": steps})
