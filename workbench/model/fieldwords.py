"""What each field of a journey is called in a sentence, in the user's language (no Qt).

Shared by what shows a field to a person: the Merge conflicts panel, the
Changes dock of a comparison, and ``workbench diff`` in text.
"""

from __future__ import annotations

from workbench.i18n import N_, tr

#: What each field is called in a sentence (the journey's own fields and those of its elements).
FIELD_WORDS: dict[str, str] = {
    "title": N_("Title"),
    "sector": N_("Sector"),
    "language": N_("Language"),
    "scenario": N_("Scenario"),
    "authors": N_("Authors"),
    "notes": N_("Notes"),
    "checks": N_("Health check settings"),
    "checks.human_within": N_("Health check: steps within reach of a person"),
    "checks.cliff": N_("Health check: emotion drop counted as a cliff"),
    "conflicts": N_("Merge conflicts"),
    "name": N_("Name"),
    "goals": N_("Goals"),
    "frustrations": N_("Frustrations"),
    "shape": N_("Mark"),
    "line": N_("Line"),
    "colour": N_("Colour"),
    "personas": N_("Personas"),
    "emotions": N_("Emotions"),
    "description": N_("Description"),
    "stage": N_("Stage"),
    "order": N_("Position"),
    "emotion": N_("Emotion"),
    "emotion_note": N_("Emotion note"),
    "moment_of_truth": N_("Moment of truth"),
    "goal": N_("Goal reached"),
    "end": N_("End of the journey"),
    "deliberate_exit": N_("Served by a person on purpose"),
    "data_reentered": N_("Data typed again"),
    "kind": N_("Kind"),
    "step": N_("Step"),
    "lane": N_("Lane"),
    "text": N_("Text"),
    "channel": N_("Channel"),
    "nature": N_("Nature"),
    "intents": N_("Intents"),
    "source": N_("From"),
    "target": N_("To"),
    "trigger": N_("Trigger"),
    "context_carried": N_("Context carried over"),
    "expected_wait": N_("Expected wait"),
    "return_step": N_("Step to go back to"),
    "label": N_("Label"),
}


def field_word(field: str, language: str | None = None) -> str:
    """A field in plain words ("Emotion note"); a field without words, as written."""
    words = FIELD_WORDS.get(field)
    return tr(words, language) if words else field


#: The two scenarios of a map, as a sentence says them.
SCENARIO_WORDS: dict[str, str] = {"as_is": N_("as is"), "to_be": N_("to be")}
#: A persona's mark, in words (the legend and the persona panel).
SHAPE_WORDS: dict[str, str] = {
    "circle": N_("circle"),
    "square": N_("square"),
    "triangle": N_("triangle"),
    "diamond": N_("diamond"),
    "star": N_("star"),
    "triangle_down": N_("triangle pointing down"),
    "hexagon": N_("hexagon"),
    "cross": N_("cross"),
    "pentagon": N_("pentagon"),
    "hourglass": N_("hourglass"),
}
LINE_WORDS: dict[str, str] = {"medium": N_("medium line"), "bold": N_("bold line")}


def scenario_word(scenario: str, language: str | None = None) -> str:
    words = SCENARIO_WORDS.get(scenario)
    return tr(words, language) if words else scenario
