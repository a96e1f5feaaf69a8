"""Bring older `.journey` files forward, one version at a time.

Each migration takes the raw ``journey`` object of version N (plain JSON data)
and returns it in version N+1. They run before validation, so the models only
ever know the current version. Each step is tested on a saved sample under
``tests/data/migrations/``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

JSON = dict[str, Any]

#: Version 0 was the workshop prototype's format: emotions as words, and the
#: handoff's context flag named ``context``.
_V0_EMOTIONS = {
    "very_negative": -2,
    "negative": -1,
    "neutral": 0,
    "positive": 1,
    "very_positive": 2,
}


def _v0_to_v1(journey: JSON) -> JSON:
    """Emotion words become numbers; ``context`` becomes ``context_carried``.

    Values of the wrong shape (``"steps": 5``) are left as they are, for
    validation to report in the user's words, never to crash a migration.
    """
    out = dict(journey)
    steps = out.get("steps")
    if isinstance(steps, list):
        out["steps"] = [_v0_step(step) for step in steps]
    handoffs = out.get("handoffs")
    if isinstance(handoffs, list):
        out["handoffs"] = [_v0_handoff(handoff) for handoff in handoffs]
    return out


def _v0_step(step: Any) -> Any:
    if isinstance(step, dict) and isinstance(step.get("emotion"), str):
        step = dict(step)
        step["emotion"] = _V0_EMOTIONS.get(step["emotion"], step["emotion"])
    return step


def _v0_handoff(handoff: Any) -> Any:
    if isinstance(handoff, dict) and "context" in handoff:
        return {("context_carried" if k == "context" else k): v for k, v in handoff.items()}
    return handoff


#: MIGRATIONS[n] turns a version-n journey object into a version n+1 one.
MIGRATIONS: dict[int, Callable[[JSON], JSON]] = {0: _v0_to_v1}
OLDEST = min(MIGRATIONS)


def migrate(journey: JSON, version: int, target: int) -> JSON:
    """*journey* from *version* up to *target*, applying each step in turn."""
    for step in range(version, target):
        journey = MIGRATIONS[step](journey)
    return journey
