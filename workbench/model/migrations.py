"""Bring older `.journey` files forward, one version at a time.

Each migration takes the raw ``journey`` object of version N (plain JSON data)
and returns it in version N+1. They run before validation, so the models only
ever know the current version. Each step is tested on a saved sample under
``tests/data/migrations/``.

A *minor* revision of a version adds fields and never removes one, so a file
of an older minor revision is already valid: what may change is what its
fields mean. Its migrations (:data:`MINOR_MIGRATIONS`) therefore run after
validation, on the journey itself, where the time order of the steps and the
flow are known.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Callable
from typing import Any

from workbench.model.index import JourneyIndex
from workbench.model.journey import FIRST_PERSONA, Journey, Step

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


def _v1_to_v2(journey: JSON) -> JSON:
    """The one persona becomes the first of a list; each step's emotion becomes its feeling "as is".

    A version-1 file's ``persona`` object becomes ``personas[0]`` with the id
    :data:`FIRST_PERSONA` (or ``persona-2``... if an element of the file
    already has that id), and a step's ``emotion`` and ``emotion_note`` an
    entry of ``emotions`` for that persona in the "as is" scenario. The
    conflicts a merge left are moved along: on the persona's fields, or on a
    step's emotion or note. Nothing else changes, so a version-1 file keeps
    all it said. Values of the wrong shape are carried over as they are, for
    validation to report.
    """
    persona = _free_persona_id(journey)
    out: JSON = {}
    for key, value in journey.items():
        if key == "persona":
            out["personas"] = [{"id": persona, **value}] if isinstance(value, dict) else [value]
        elif key == "steps" and isinstance(value, list):
            out["steps"] = [_v1_step(step, persona) for step in value]
        else:
            out[key] = value
    if "personas" not in out and persona != FIRST_PERSONA:
        out["personas"] = [{"id": persona}]
    if isinstance(out.get("conflicts"), list):
        out["conflicts"] = [_v1_conflict(c, persona) for c in out["conflicts"]]
    return out


def _free_persona_id(journey: JSON) -> str:
    """``persona-1``, unless an element of the file already has that id."""
    taken = {
        element.get("id")
        for value in journey.values()
        if isinstance(value, list)
        for element in value
        if isinstance(element, dict) and isinstance(element.get("id"), str)
    }
    number = 1
    while f"persona-{number}" in taken:
        number += 1
    return f"persona-{number}"


def _v1_step(step: Any, persona: str = FIRST_PERSONA) -> Any:
    if not isinstance(step, dict) or ("emotion" not in step and "emotion_note" not in step):
        return step
    out: JSON = {}
    feeling: JSON = {"persona": persona, "scenario": "as_is"}
    for key, value in step.items():
        if key == "emotion":
            feeling["value"] = value
        elif key == "emotion_note":
            feeling["note"] = value
        else:
            out[key] = value
    if feeling.get("value") is not None or feeling.get("note", "") != "":
        out["emotions"] = [feeling]
    return out


def _v1_conflict(conflict: Any, persona: str) -> Any:
    """A version-1 merge conflict, said of version 2's fields (see :func:`_v1_to_v2`)."""
    if not isinstance(conflict, dict):
        return conflict
    field = conflict.get("field")
    where = conflict.get("collection")
    sides = ("base", "ours", "theirs")
    if where == "journey" and isinstance(field, str) and (field == "persona" or field.startswith("persona.")):
        return {**conflict, "collection": "personas", "element": persona, "field": field[len("persona."):]}
    if where == "steps" and field in ("emotion", "emotion_note"):  # one part of the persona's feeling
        part = "value" if field == "emotion" else "note"
        return {**conflict, "field": f"emotions.{persona}:as_is.{part}"}
    if where == "steps" and not field:  # a whole step, removed on one side: its versions migrate too
        return {**conflict, **{k: _v1_step(conflict[k], persona) for k in sides if k in conflict}}
    return conflict


_V2_PLACES = (
    (re.compile(r"^journey\.personas\[0\]"), "journey.persona"),
    (re.compile(r"^(journey\.steps\[\d+\])\.emotions\[0\]\.note"), r"\1.emotion_note"),
    (re.compile(r"^(journey\.steps\[\d+\])\.emotions\[0\](\.value)?"), r"\1.emotion"),
)


def version_1_path(path: str) -> str:
    """Where a place of a migrated journey was in its version-1 file (``...emotions[0].value`` was ``...emotion``)."""
    for pattern, written in _V2_PLACES:
        path = pattern.sub(written, path, count=1)
    return path


#: MIGRATIONS[n] turns a version-n journey object into a version n+1 one.
MIGRATIONS: dict[int, Callable[[JSON], JSON]] = {0: _v0_to_v1, 1: _v1_to_v2}
OLDEST = min(MIGRATIONS)


def migrate(journey: JSON, version: int, target: int) -> JSON:
    """*journey* from *version* up to *target*, applying each step in turn."""
    for step in range(version, target):
        journey = MIGRATIONS[step](journey)
    return journey


# ------------------------------------------------------------ minor revisions


def _minor0_to_1(journey: Journey) -> Journey:
    """Minor 1 tells a goal reached (a milestone) from the end of the journey.

    In minor 0 a goal both said "the customer may stop here" and cut the flow
    in time order after it. Minor 1 keeps ``goal`` for the first meaning and
    adds ``end`` for the second, so each goal of a minor-0 file is read as the
    author drew it, going through the goals in time order:

    - a goal that is the last step in time order is also an end;
    - a goal whose next step in time order is reached from the first step
      another way (a flow link: the goal ends one branch, the next step starts
      another) is also an end, so the flow stays as it was;
    - any other goal stays a milestone only: cutting the flow there left the
      next step out of reach (every later step was "unreachable"), or only a
      link from the goal itself led on, which is what a milestone is.

    Goals earlier in time order are settled first: a milestone opens its way
    on before the next goal is looked at. One search overall, plus one for each
    goal with a link to its own next step.
    """
    order = JourneyIndex(journey.model_copy(update={"lanes": [], "cards": [], "handoffs": [], "links": []}))
    steps = order.steps()
    if not any(step.goal for step in steps):
        return journey
    # The flow as minor 0 drew it: time order cut after every goal, plus the links.
    successors: dict[str, dict[str, None]] = {step.id: {} for step in steps}
    for before, after in zip(steps, steps[1:]):
        if not before.goal:
            successors[before.id][after.id] = None
    for link in journey.links:
        successors.setdefault(link.source, {})[link.target] = None
        successors.setdefault(link.target, {})
    start = steps[0].id
    reached = _reach({start}, [start], successors)
    ends: set[str] = set()
    following: list[Step | None] = [*steps[1:], None]
    for before, after in zip(steps, following):
        if not before.goal:
            continue
        if after is None:
            ends.add(before.id)
        elif after.id in successors[before.id]:  # a link from the goal to its next step
            if after.id in _reach({start}, [start], successors, without=(before.id, after.id)):
                ends.add(before.id)
        elif after.id in reached:
            ends.add(before.id)
        else:  # a milestone: the flow goes on after it
            successors[before.id][after.id] = None
            if before.id in reached:
                reached.add(after.id)
                _reach(reached, [after.id], successors)
    if not ends:
        return journey
    steps_out = [step.model_copy(update={"end": True}) if step.id in ends else step for step in journey.steps]
    return journey.model_copy(update={"steps": steps_out})


def _reach(
    reached: set[str],
    sources: list[str],
    successors: dict[str, dict[str, None]],
    without: tuple[str, str] | None = None,
) -> set[str]:
    """*reached*, grown by every step reachable from *sources* (an edge *without* left out)."""
    queue = deque(sources)
    while queue:
        node = queue.popleft()
        for nxt in successors[node]:
            if nxt not in reached and (node, nxt) != without:
                reached.add(nxt)
                queue.append(nxt)
    return reached


def _minor1_to_2(journey: Journey) -> Journey:
    """Nothing to do: revision 2 only adds ``conflicts``, and a file of revision 1 has none."""
    return journey


#: MINOR_MIGRATIONS[version][n] turns a journey of minor revision n of that
#: version into one of revision n+1 (a validated journey: see the module's
#: note). Version 1's revisions touch only what version 2 kept as it was
#: (goals, ends, links), so a version-1 file is first brought to version 2,
#: validated, then given the revisions it lacked.
MINOR_MIGRATIONS: dict[int, dict[int, Callable[[Journey], Journey]]] = {
    1: {0: _minor0_to_1, 1: _minor1_to_2},
    2: {},
}
#: The last minor revision of each version before the current one.
LAST_MINOR: dict[int, int] = {1: 2}


def migrate_minor(journey: Journey, minor: int, target: int, version: int = 2) -> Journey:
    """*journey* from minor revision *minor* up to *target* of *version*."""
    for step in range(minor, target):
        journey = MINOR_MIGRATIONS[version][step](journey)
    return journey


def migrate_older_minors(journey: Journey, version: int, minor: int) -> Journey:
    """A journey migrated from an older *version* (whose revision was *minor*), given the revisions it lacked.

    A version-0 file had none of version 1's revisions.
    """
    for old in sorted(LAST_MINOR):
        if version <= old:
            start = minor if version == old else 0
            journey = migrate_minor(journey, min(start, LAST_MINOR[old]), LAST_MINOR[old], old)
    return journey
