"""Mermaid ``journey`` diagrams, both ways (no Qt).

Export: one ``section`` per stage in time order, one task per step, written
``Title: score: actors`` where the score is the emotion plus 3 (Mermaid's 1-5
scale) and the actors are the channels of the step's touchpoint cards. A step
with no emotion is written with the neutral score 3 and a ``%%`` comment.
Characters Mermaid reads as syntax in a name (``:``, ``#``, ``;``, and ``,``
between actors) are replaced by look-alike characters.

Import reads those look-alikes back as the characters they stand for (a
";" stays the "," it became). Sections become stages, tasks steps (emotion = score - 3, clamped to
-2..2), actors touchpoint cards in the "touchpoints" lane, their nature
guessed from the words of the channel. What cannot be read is skipped with a
warning naming its line; a text that is not a Mermaid journey raises a
:class:`~workbench.model.errors.LoadError` naming its line. A step that had no
emotion when exported comes back with emotion 0 (the score 3 it was written
with); the export's comment says so.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

from pydantic import ValidationError

from workbench.i18n import tr
from workbench.model.errors import LoadError
from workbench.model.feelings import feelings, lead, level
from workbench.model.journey import Card, Journey, Stage, Step
from workbench.model.ordering import nth_order
from workbench.model.validation import check_journey, describe_error, field_path

#: The largest text read, as for a `.journey` file (32 MB of UTF-8).
MAX_CHARS = 32 * 1_048_576
#: The longest title or channel a journey holds (``journey.ShortText``).
MAX_SHORT = 500

#: Placed before a name Mermaid would otherwise read as a keyword or a comment.
_GUARD = "\u200b"  # zero-width space: not whitespace to Mermaid's lexer, invisible when drawn
_KEYWORD_START = ("journey", "title", "section", "acctitle", "accdescr")
#: Mermaid drops a line whose name starts with "%" (a comment to it), guarded or not: a look-alike is written.
_PERCENT = "\uff05"  # ％ fullwidth percent sign

#: Characters Mermaid reads as syntax, and what a name shows instead.
_NAME_REPLACEMENTS = {
    ":": "\u2236",  # ∶ ratio
    "#": "\u266f",  # ♯ sharp
    ";": ",",
    "\r": " ",
    "\n": " ",
    "\t": " ",
}
#: In a title, a colon is allowed (``title`` takes the rest of the line).
_TITLE_REPLACEMENTS = {k: v for k, v in _NAME_REPLACEMENTS.items() if k != ":"}
#: Between actors, a comma separates: one inside a channel becomes a low comma.
_ACTOR_REPLACEMENTS = _NAME_REPLACEMENTS | {",": "\u201a", ";": "\u201a"}  # ‚ single low-9 quotation mark

#: Words of a channel that mean a person serves the customer (English and French); otherwise digital.
HUMAN_WORDS: tuple[str, ...] = (
    # English
    "advisor", "adviser", "agent", "assistant", "bookseller", "branch", "call centre", "call center",
    "clerk", "coach", "counsellor", "counselor", "counter", "dealer", "doctor", "employee", "expert",
    "face to face", "face-to-face", "front desk", "helpdesk", "help desk", "in person", "in-person",
    "librarian", "mechanic", "meeting", "nurse", "office", "pharmacist", "phone call", "receptionist",
    "representative", "salesperson", "shop", "staff", "store", "surgery", "teacher", "technician",
    "tutor", "visit",
    # French
    "accueil", "agence", "agent", "assistante", "boutique", "cabinet", "caisse", "centre d'appel", "comptoir",
    "conseiller", "conseillère", "employé", "employée", "enseignant", "enseignante", "guichet",
    "infirmier", "infirmière", "libraire", "magasin", "médecin", "mécanicien", "pharmacien",
    "pharmacienne", "personnel", "professeur", "rendez-vous", "technicien", "technicienne", "tuteur",
    "tutrice", "vendeur", "vendeuse", "visite", "appel téléphonique", "en personne",
)
_HUMAN_PATTERNS = tuple(re.compile(r"(?<!\w)" + re.escape(w) + r"(?:s|es|x)?(?!\w)") for w in HUMAN_WORDS)


def guess_nature(channel: str) -> str:
    """"human" when *channel* names a person or a staffed place, else "digital"."""
    text = channel.lower().replace("\u2019", "'")
    return "human" if any(p.search(text) for p in _HUMAN_PATTERNS) else "digital"


# ---------------------------------------------------------------- export


def _clean(text: str, replacements: dict[str, str], fallback: str = "\u2026") -> str:
    out = "".join(replacements.get(ch, ch) for ch in text)
    out = " ".join(out.split())
    return out or fallback


def _name(text: str, replacements: dict[str, str] = _NAME_REPLACEMENTS) -> str:
    """*text* as a section, task or actor name Mermaid reads back whole."""
    out = _clean(text, replacements)
    if out.startswith("%"):
        out = _PERCENT + out[1:]
    elif out.lower().startswith(_KEYWORD_START):
        out = _GUARD + out
    return out


def _channels(journey: Journey, step: Step) -> list[str]:
    lane_order = {lane.id: lane.order for lane in journey.lanes}
    cards = sorted(
        (c for c in journey.cards if c.step == step.id and c.kind == "touchpoint" and c.channel and c.channel.strip()),
        key=lambda c: (lane_order.get(c.lane, 0), c.order),
    )
    seen: list[str] = []
    for card in cards:
        name = _name(card.channel or "", _ACTOR_REPLACEMENTS)
        if name not in seen:
            seen.append(name)
    return seen


def to_mermaid(journey: Journey) -> str:
    """The Mermaid ``journey`` diagram of *journey*."""
    language = journey.language
    title = _clean(journey.title, _TITLE_REPLACEMENTS)
    lines = ["journey", f"    title {title}", f"    accTitle: {title}"]
    if journey.scenario.strip():
        lines.append(f"    accDescr: {_clean(journey.scenario, _TITLE_REPLACEMENTS)}")
    steps_of: dict[str, list[Step]] = {}
    persona = lead(journey).id
    for step in journey.steps:
        steps_of.setdefault(step.stage, []).append(step)
    for stage in sorted(journey.stages, key=lambda s: s.order):
        lines.append(f"    section {_name(stage.title)}")
        for step in sorted(steps_of.get(stage.id, []), key=lambda s: s.order):
            name = _name(step.title)
            felt = level(step, persona)
            if felt is None:
                score = 3
                note = tr('"{step}" has no emotion: written as 3 (neutral)', language, step=name.lstrip(_GUARD))
                lines.append(f"      %% {note}")
            else:
                score = felt + 3
            task = f"      {name}: {score}"
            actors = _channels(journey, step)
            if actors:
                task += ": " + ", ".join(actors)
            lines.append(task)
    return "\n".join(lines) + "\n"


# ---------------------------------------------------------------- import


def _statements(text: str) -> Iterator[tuple[int, str]]:
    """(line number, statement) for each non-empty statement, comments removed."""
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if stripped.startswith("%%"):
            continue
        # "#" starts a comment for Mermaid's journey lexer; ";" ends a statement.
        for part in raw.split("#", 1)[0].split(";"):
            part = part.strip()
            if part:
                yield number, part


def _number(text: str) -> float | None:
    """*text* read as JavaScript's ``Number()`` would, for the forms people write."""
    text = text.strip()
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


#: The look-alikes an export writes, read back as what they stand for (a title "Fails: asks the bot" came
#: back as "Fails∶ asks the bot"). A ";" written as "," cannot be told from a comma typed, and stays one.
_RESTORED = str.maketrans({
    "\u2236": ":", "\u266f": "#", "\u201a": ",", _GUARD: None,
})


def _short(text: str, number: int, warnings: list[str]) -> str:
    text = text.translate(_RESTORED).strip()
    if text.startswith(_PERCENT):
        text = "%" + text[1:]
    if len(text) > MAX_SHORT:
        warnings.append(tr("line {line}: the text is cut to {limit} characters", line=number, limit=MAX_SHORT))
        text = text[:MAX_SHORT]
    return text


def from_mermaid(text: str, language: str = "en", *, source: str = "<mermaid>") -> tuple[Journey, list[str]]:
    """The journey of a Mermaid ``journey`` diagram, and warnings about what was skipped or changed.

    Raises :class:`LoadError` (naming *source* and the line) when *text* is not a Mermaid journey.
    """
    from workbench.model.templates import standard_lanes

    if len(text) > MAX_CHARS:
        raise LoadError(source, tr("is too large to be a journey ({size} MB; the limit is {limit} MB)",
                                   size=round(len(text) / 1_048_576, 1), limit=MAX_CHARS // 1_048_576))
    warnings: list[str] = []
    lines = text.splitlines()
    start = 0
    front_title = ""
    # Front matter (--- ... ---) may come first; its title is the diagram's.
    first = next((i for i, line in enumerate(lines) if line.strip() and not line.strip().startswith("%%")), None)
    if first is None:
        raise LoadError(source, tr('is empty: a Mermaid journey starts with "journey"'))
    if lines[first].strip() == "---":
        end = next((i for i in range(first + 1, len(lines)) if lines[i].strip() == "---"), None)
        if end is None:
            raise LoadError(source, tr("the front matter opened here is never closed"), line=first + 1)
        for line in lines[first + 1 : end]:
            if line.startswith("title:"):
                front_title = line[len("title:") :].strip().strip("\"'")
        start = end + 1

    body = "\n" * start + "\n".join(lines[start:])
    statements = _statements(body)
    header = next(statements, None)
    if header is None:
        raise LoadError(source, tr('is empty: a Mermaid journey starts with "journey"'), line=len(lines) or 1)
    number, statement = header
    if statement.lower() != "journey":
        raise LoadError(
            source,
            tr('is not a Mermaid journey: the diagram should start with "journey", not {found!r}',
               found=statement[:60]),
            line=number,
        )

    title = front_title
    description = ""
    stages: list[Stage] = []
    steps: list[Step] = []
    cards: list[Card] = []
    stage_steps: dict[str, int] = {}
    stage_id = ""
    multiline_from: int | None = None
    described: list[str] = []

    def new_stage(name: str) -> str:
        stages.append(Stage(id=f"stage-{len(stages) + 1}", title=name, order=nth_order(len(stages) + 1)))
        stage_steps[stages[-1].id] = 0
        return stages[-1].id

    for number, statement in statements:
        lowered = statement.lower()
        if multiline_from is not None:
            if "}" in statement:
                described.append(statement.split("}", 1)[0].strip())
                description = " ".join(d for d in described if d)
                multiline_from = None
            else:
                described.append(statement)
            continue
        if re.match(r"title\s", lowered):
            title = _short(statement[len("title") :], number, warnings)
        elif re.match(r"acctitle\s*:", lowered):
            continue  # the title line says it for us
        elif re.match(r"accdescr\s*:", lowered):
            description = statement.split(":", 1)[1].strip()
        elif re.match(r"accdescr\s*\{", lowered):
            rest = statement.split("{", 1)[1]
            if "}" in rest:
                description = rest.split("}", 1)[0].strip()
            else:
                described = [rest.strip()]
                multiline_from = number
        elif re.match(r"section\s", lowered):
            stage_id = new_stage(_short(statement[len("section") :], number, warnings))
        elif ":" in statement and statement.split(":", 1)[0].strip(" " + _GUARD):
            name, data = statement.split(":", 1)
            if not stage_id:
                stage_id = new_stage(tr("Steps", language))
            step = _read_task(name, data, number, stage_id, stage_steps, len(steps), cards, warnings)
            steps.append(step)
        else:
            warnings.append(tr("line {line}: not understood, ignored: {text}", line=number, text=statement[:80]))
    if multiline_from is not None:
        raise LoadError(source, tr("the description opened here is never closed"), line=multiline_from)

    try:
        journey = Journey(
            title=title or tr("Untitled journey", language),
            language=language,  # type: ignore[arg-type]
            scenario=description[:20_000],
            stages=stages,
            steps=steps,
            lanes=standard_lanes(language),
            cards=cards,
        )
    except ValidationError as error:
        first_error = error.errors(include_url=False)[0]
        raise LoadError(source, describe_error(first_error), field=field_path(tuple(first_error["loc"]))) from None
    problems = check_journey(journey)
    if problems:
        raise LoadError(source, problems[0].message, field=problems[0].path)
    return journey, warnings


def _read_task(
    name: str,
    data: str,
    number: int,
    stage_id: str,
    stage_steps: dict[str, int],
    index: int,
    cards: list[Card],
    warnings: list[str],
) -> Step:
    score_text, _, actors_text = data.partition(":")
    score = _number(score_text)
    emotion: int | None
    if score is None and not actors_text.strip() and score_text.strip() and not any(c.isdigit() for c in score_text):
        # "Task: Me, Cat": the score was forgotten, not the actors (a mistyped score has digits: "3a"); keep them
        warnings.append(
            tr("line {line}: no score before the actors {actors!r}; the step has no emotion",
               line=number, actors=score_text.strip())
        )
        actors_text, emotion = score_text, None
    elif score is None:
        warnings.append(
            tr("line {line}: the score {score!r} is not a number; the step has no emotion",
               line=number, score=score_text.strip())
        )
        emotion = None
    else:
        emotion = max(-2, min(2, round(score) - 3))
        if score != int(score) or not 1 <= score <= 5:
            warnings.append(
                tr("line {line}: the score {score} is not a whole number from 1 to 5; read as emotion {emotion}",
                   line=number, score=score_text.strip(), emotion=f"{emotion:+d}" if emotion else "0")
            )
    stage_steps[stage_id] += 1
    step = Step(
        id=f"step-{index + 1}",
        title=_short(name, number, warnings),
        stage=stage_id,
        order=nth_order(stage_steps[stage_id]),
        emotions=feelings(emotion),
    )
    channels: list[str] = []
    for actor in actors_text.split(","):
        channel = _short(actor, number, warnings)
        if channel and channel not in channels:
            channels.append(channel)
    for position, channel in enumerate(channels):
        cards.append(
            Card(
                id=f"card-{len(cards) + 1}",
                step=step.id,
                lane="lane-touchpoints",
                order=nth_order(position + 1),
                kind="touchpoint",
                text=channel,
                channel=channel,
                nature=guess_nature(channel),  # type: ignore[arg-type]
            )
        )
    return step
