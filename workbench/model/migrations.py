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
    out = dict(journey)
    steps = []
    for step in out.get("steps", []):
        if isinstance(step, dict) and isinstance(step.get("emotion"), str):
            step = dict(step)
            step["emotion"] = _V0_EMOTIONS.get(step["emotion"], step["emotion"])
        steps.append(step)
    if "steps" in out:
        out["steps"] = steps
    handoffs = []
    for handoff in out.get("handoffs", []):
        if isinstance(handoff, dict) and "context" in handoff:
            handoff = {("context_carried" if k == "context" else k): v for k, v in handoff.items()}
        handoffs.append(handoff)
    if "handoffs" in out:
        out["handoffs"] = handoffs
    return out


#: MIGRATIONS[n] turns a version-n journey object into a version n+1 one.
MIGRATIONS: dict[int, Callable[[JSON], JSON]] = {0: _v0_to_v1}
OLDEST = min(MIGRATIONS)


def migrate(journey: JSON, version: int, target: int) -> JSON:
    """*journey* from *version* up to *target*, applying each step in turn."""
    for step in range(version, target):
        journey = MIGRATIONS[step](journey)
    return journey
