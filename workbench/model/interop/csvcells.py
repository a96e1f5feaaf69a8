"""The words of a journey's spreadsheet: its columns, their header names in English and French,
the values a cell may hold (kinds, natures, intents, in either language), and how one cell is read.

Part of the CSV format (:mod:`~workbench.model.interop.csvimport` reads the sheet,
:mod:`~workbench.model.interop.csvexport` writes it); like month names, these words are data of
the format, not messages to translate.
"""

from __future__ import annotations

import re
import unicodedata

from workbench.i18n import current_language, tr
from workbench.model.journey import CARD_KINDS, INTENTS, LANE_FOR_CARD, LANE_KINDS, NATURES
from workbench.model.ordering import MAX_ORDER

#: The columns, in the order they are written.
COLUMNS: tuple[str, ...] = (
    "stage",
    "step",
    "step_order",
    "emotion",
    "lane",
    "lane_kind",
    "kind",
    "text",
    "channel",
    "nature",
    "intents",
)
#: Header names per language: part of the file format (like month names), not messages.
HEADERS: dict[str, dict[str, str]] = {
    "en": {
        "stage": "Stage",
        "step": "Step",
        "step_order": "Step order",
        "emotion": "Emotion",
        "lane": "Lane",
        "lane_kind": "Lane kind",
        "kind": "Kind",
        "text": "Text",
        "channel": "Channel",
        "nature": "Nature",
        "intents": "Intents",
    },
    "fr": {
        "stage": "Phase",
        "step": "Étape",
        "step_order": "Ordre de l'étape",
        "emotion": "Émotion",
        "lane": "Ligne",
        "lane_kind": "Type de ligne",
        "kind": "Type",
        "text": "Texte",
        "channel": "Canal",
        "nature": "Nature",
        "intents": "Intentions",
    },
}
#: Other header spellings people type.
HEADER_ALIASES: dict[str, str] = {
    "step title": "step",
    "titre de l etape": "step",
    "stage title": "stage",
    "titre de la phase": "stage",
    "order": "step_order",
    "ordre": "step_order",
    "lane type": "lane_kind",
    "card kind": "kind",
    "card type": "kind",
    "type de carte": "kind",
    "intent": "intents",
    "intention": "intents",
    "card": "text",
    "carte": "text",
    "texte de la carte": "text",
    "card text": "text",
    "lane title": "lane",
    "titre de la ligne": "lane",
}
REQUIRED = ("stage", "step")

#: Lane kind -> card kind its cards take when the sheet does not say.
CARD_OF_LANE = {
    "actions": "action",
    "touchpoints": "touchpoint",
    "thoughts": "thought",
    "emotions": "note",
    "pain_points": "pain_point",
    "opportunities": "opportunity",
    "backstage": "backstage",
    "custom": "note",
}
LANE_OF_CARD = {**LANE_FOR_CARD, "note": "custom"}
#: Standard lane titles, as the templates name them (see templates.standard_lanes).
LANE_TITLES = {
    "en": {
        "actions": "Customer actions",
        "touchpoints": "Touchpoints",
        "thoughts": "Thoughts",
        "emotions": "Emotions",
        "pain_points": "Pain points",
        "opportunities": "Opportunities",
        "backstage": "Backstage",
        "custom": "Notes",
    },
    "fr": {
        "actions": "Actions du client",
        "touchpoints": "Points de contact",
        "thoughts": "Pensées",
        "emotions": "Émotions",
        "pain_points": "Irritants",
        "opportunities": "Opportunités",
        "backstage": "Coulisses",
        "custom": "Notes",
    },
}
#: Value spellings accepted on import besides the ids (compared by :func:`key`).
CARD_ALIASES = {
    "actions": "action",
    "customer action": "action",
    "action du client": "action",
    "point de contact": "touchpoint",
    "touch point": "touchpoint",
    "pensee": "thought",
    "irritant": "pain_point",
    "point de douleur": "pain_point",
    "opportunite": "opportunity",
    "coulisses": "backstage",
    "coulisse": "backstage",
    "remarque": "note",
}
LANE_ALIASES = {
    "action": "actions",
    "customer actions": "actions",
    "actions du client": "actions",
    "touchpoint": "touchpoints",
    "touch points": "touchpoints",
    "points de contact": "touchpoints",
    "thought": "thoughts",
    "pensees": "thoughts",
    "emotion": "emotions",
    "pain point": "pain_points",
    "irritants": "pain_points",
    "opportunity": "opportunities",
    "opportunites": "opportunities",
    "coulisses": "backstage",
    "personnalisee": "custom",
    "autre": "custom",
    "other": "custom",
}
NATURE_ALIASES = {
    "numerique": "digital",
    "humain": "human",
    "humaine": "human",
    "physique": "physical",
}
INTENT_ALIASES = {
    "accueillir": "welcome",
    "accueil": "welcome",
    "guider": "guide",
    "assister": "assist",
    "accompagner": "assist",
    "anticiper": "anticipate",
}
#: The values a sheet in French is written with (each read back by the aliases above); an English
#: sheet is written with the ids themselves. Data of the format, like the header names.
VALUE_WORDS: dict[str, dict[str, str]] = {
    "fr": {
        # card kinds
        "action": "action",
        "touchpoint": "point de contact",
        "thought": "pensée",
        "pain_point": "irritant",
        "opportunity": "opportunité",
        "backstage": "coulisses",
        "note": "remarque",
        # lane kinds
        "actions": "actions du client",
        "touchpoints": "points de contact",
        "thoughts": "pensées",
        "emotions": "émotions",
        "pain_points": "irritants",
        "opportunities": "opportunités",
        "custom": "personnalisée",
        # natures
        "digital": "numérique",
        "human": "humain",
        "physical": "physique",
        # intents
        "welcome": "accueillir",
        "guide": "guider",
        "assist": "assister",
        "anticipate": "anticiper",
    },
}


def value_word(value: str, language: str) -> str:
    """*value* (a kind, nature or intent id) as a sheet in *language* writes it."""
    return VALUE_WORDS.get(language, {}).get(value, value)


def _choices(ids: tuple[str, ...]) -> str:
    """The values a cell may hold, as a message in the user's language lists them (ids in English)."""
    return ", ".join(value_word(i, current_language()) for i in ids)


FORMULA = "=+-@\t\r"
MAX_SHORT = 500
MAX_LONG = 20_000


def key(text: str) -> str:
    """``"Ordre de l'Étape "`` -> ``"ordre de l etape"``: case, accents and punctuation ignored."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(re.split(r"[\W_]+", plain)).strip()


def header_index() -> dict[str, str]:
    index = {key(column): column for column in COLUMNS}
    for names in HEADERS.values():
        index.update({key(name): column for column, name in names.items()})
    index.update({key(alias): column for alias, column in HEADER_ALIASES.items()})
    return index


HEADER_INDEX = header_index()


def value_index(ids: tuple[str, ...], aliases: dict[str, str]) -> dict[str, str]:
    index = {key(i): i for i in ids}
    index.update({key(a): v for a, v in aliases.items()})
    return index


CARD_INDEX = value_index(CARD_KINDS, CARD_ALIASES)
LANE_INDEX = value_index(LANE_KINDS, LANE_ALIASES)
NATURE_INDEX = value_index(NATURES, NATURE_ALIASES)
INTENT_INDEX = value_index(INTENTS, INTENT_ALIASES)


def needs_guard(text: str) -> bool:
    return bool(text) and (text[0] in FORMULA or (text[0] == "'" and needs_guard(text[1:])))


def guarded(text: str) -> str:
    """*text* safe from being run as a formula: ``=SUM(A1)`` -> ``'=SUM(A1)``."""
    return "'" + text if needs_guard(text) else text


def unguarded(text: str) -> str:
    return text[1:] if text.startswith("'") and needs_guard(text[1:]) else text


def choice(  # type: ignore[no-untyped-def]
    value: str, index: dict[str, str], ids: tuple[str, ...], column: str, problem
) -> str | None:
    if not value:
        return None
    found = index.get(key(value))
    if found is None:
        problem(column, tr("{value!r} is not one of {choices}", value=value, choices=_choices(ids)))
    return found


def intents(value: str, problem) -> list[str]:  # type: ignore[no-untyped-def]
    out: list[str] = []
    for part in re.split(r"[,;/|+\s]+", value):
        if not part:
            continue
        found = INTENT_INDEX.get(key(part))
        if found is None:
            problem("intents", tr("{value!r} is not one of {choices}", value=part, choices=_choices(INTENTS)))
        elif found not in out:
            out.append(found)
    return out


def integer(value: str) -> int | None:
    text = value.strip().replace("\u2212", "-").replace(" ", "").replace("\u202f", "").replace("\xa0", "")
    if re.fullmatch(r"[+-]?\d+", text):
        return int(text)
    if re.fullmatch(r"[+-]?\d+[.,]0*", text):  # 2.0 from a spreadsheet's number format
        return int(float(text.replace(",", ".")))
    return None


def emotion(value: str, problem) -> int | None:  # type: ignore[no-untyped-def]
    if not value:
        return None
    number = integer(value)
    if number is None or not -2 <= number <= 2:
        problem("emotion", tr("the emotion is a whole number from -2 to +2, not {value!r}", value=value))
        return None
    return number


def order(value: str, problem) -> int | None:  # type: ignore[no-untyped-def]
    if not value:
        return None
    number = integer(value)
    if number is None or not 0 <= number <= MAX_ORDER:
        problem("step_order", tr("the order is a whole number from 0 to {limit}, not {value!r}", limit=MAX_ORDER,
                                 value=value))
        return None
    return number


def standard_kind(title: str) -> str | None:
    wanted = key(title)
    for titles in LANE_TITLES.values():
        for kind, name in titles.items():
            if kind != "custom" and key(name) == wanted:
                return kind
    return None
