"""Mermaid ``journey`` diagrams, both ways (workbench/model/interop/mermaid.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.model.helpers import FIRST_PERSONA, feelings, level, with_feeling
from workbench.model.errors import LoadError
from workbench.model.feelings import lead
from workbench.model.fileformat import load
from workbench.model.interop.mermaid import from_mermaid, guess_nature, to_mermaid
from workbench.model.journey import Card, Journey, Step
from workbench.model.templates import skeleton
from workbench.model.validation import check_journey

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.journey"))
#: What the export writes instead of the characters Mermaid reads as syntax.
REPLACED = str.maketrans({":": "\u2236", "#": "\u266f", ";": ","})  # in sections and tasks
REPLACED_ACTOR = str.maketrans({":": "\u2236", "#": "\u266f", ";": "\u201a", ",": "\u201a"})  # between actors
REPLACED_TITLE = str.maketrans({"#": "\u266f", ";": ","})  # the title and description keep their colons
#: What an import cannot read back as it was: a ";" written as "," (the look-alikes are read back).
LOST = str.maketrans({";": ","})


def outline(journey: Journey) -> list[tuple[str, list[tuple[str, int | None, list[str]]]]]:
    """Stages in time order, each with its steps in order: (title, emotion, channels)."""
    out = []
    for stage in sorted(journey.stages, key=lambda s: s.order):
        steps = sorted((s for s in journey.steps if s.stage == stage.id), key=lambda s: s.order)
        rows = []
        for step in steps:
            lane_order = {lane.id: lane.order for lane in journey.lanes}
            cards = sorted(
                (c for c in journey.cards if c.step == step.id and c.kind == "touchpoint" and c.channel),
                key=lambda c: (lane_order[c.lane], c.order),
            )
            channels: list[str] = []
            for card in cards:
                if card.channel not in channels:
                    channels.append(card.channel)  # type: ignore[arg-type]
            rows.append((step.title, level(step, lead(journey).id), channels))  # Mermaid carries the lead's "as is"
        out.append((stage.title, rows))
    return out


def mermaid_safe(shape):
    """*shape* as an import of its export gives it back: each ";" a "," (the look-alikes were read back)."""
    return [
        (stage.translate(LOST), [(t.translate(LOST), e, [c.translate(LOST) for c in cs]) for t, e, cs in rows])
        for stage, rows in shape
    ]


# ---------------------------------------------------------------- round trip of the shipped examples


def test_the_examples_are_found() -> None:
    assert len(EXAMPLES) >= 6


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.stem)
def test_an_example_comes_back_with_its_stages_steps_emotions_and_channels(path: Path) -> None:
    journey = load(path)
    text = to_mermaid(journey)
    back, warnings = from_mermaid(text, journey.language)
    assert warnings == []
    assert check_journey(back) == []
    assert back.title == journey.title.translate(LOST)
    assert back.scenario == " ".join(journey.scenario.split()).translate(REPLACED_TITLE)
    assert outline(back) == mermaid_safe(outline(journey))
    assert len(back.steps) == len(journey.steps) and len(back.stages) == len(journey.stages)
    assert {lane.kind for lane in back.lanes} >= {"touchpoints", "emotions"}
    assert all(c.kind == "touchpoint" and c.nature in ("digital", "human") for c in back.cards)


def test_a_step_with_no_emotion_is_written_3_with_a_comment_and_comes_back_as_0() -> None:
    """Stated behaviour: Mermaid has no "no score", so such a step comes back neutral (0), not empty."""
    journey = load(EXAMPLES[0])
    first = sorted(journey.steps, key=lambda s: (next(st.order for st in journey.stages if st.id == s.stage), s.order))[0]
    lead_id = lead(journey).id
    steps = [
        s.model_copy(update={"emotions": with_feeling(s, lead_id, value=None, note="")}) if s.id == first.id else s
        for s in journey.steps
    ]
    journey = journey.model_copy(update={"steps": steps})
    text = to_mermaid(journey)
    lines = text.splitlines()
    task = next(i for i, line in enumerate(lines) if line.strip().startswith(first.title.translate(REPLACED) + ":"))
    assert lines[task].split(":")[1].strip() == "3"
    assert lines[task - 1].strip().startswith("%%") and "no emotion" in lines[task - 1]
    back, warnings = from_mermaid(text)
    assert warnings == []  # the comment is skipped quietly
    assert outline(back)[0][1][0][1] == 0


def test_the_export_has_the_header_title_accessibility_and_sections_in_time_order() -> None:
    journey = skeleton("other")
    stages = [s.model_copy(update={"order": 100 - s.order}) for s in journey.stages]  # reversed time order
    journey = journey.model_copy(update={"stages": stages, "scenario": "Line one\nline two"})
    lines = to_mermaid(journey).splitlines()
    assert lines[0] == "journey"
    assert lines[1].strip() == f"title {journey.title}"
    assert lines[2].strip() == f"accTitle: {journey.title}"
    assert lines[3].strip() == "accDescr: Line one line two"
    sections = [line.strip()[len("section ") :] for line in lines if line.strip().startswith("section ")]
    assert sections == ["Get help", "Use", "Choose", "Discover"]


# ---------------------------------------------------------------- forbidden characters


def with_one_step(title: str, channels: list[str], stage_title: str = "Stage") -> Journey:
    journey = skeleton("other")
    stage = journey.stages[0].model_copy(update={"title": stage_title})
    step = Step(id="step-x", title=title, stage=stage.id, order=10, emotions=feelings(1))
    cards = [
        Card(id=f"card-{i}", step="step-x", lane="lane-touchpoints", order=10 * (i + 1), kind="touchpoint",
             channel=c, nature="digital")
        for i, c in enumerate(channels)
    ]
    return journey.model_copy(update={"title": "A #1; journey: test", "stages": [stage], "steps": [step], "cards": cards})


def test_characters_mermaid_forbids_are_replaced() -> None:
    journey = with_one_step("Pay: card #2; or cash", ["Web, then app", "Kiosk: #3"], stage_title="Buy: now")
    text = to_mermaid(journey)
    body = text.splitlines()
    assert "    title A \u266f1, journey: test" in body  # a colon is allowed in a title
    assert "    section Buy\u2236 now" in body
    task = next(line.strip() for line in body if line.strip().startswith("Pay"))
    assert task == "Pay\u2236 card \u266f2, or cash: 4: Web\u201a then app, Kiosk\u2236 \u266f3"
    assert not any("#" in line or ";" in line for line in body)
    back, warnings = from_mermaid(text)
    assert warnings == []
    # ...and read back as what they stand for (";" became a "," like any other)
    assert outline(back) == [("Buy: now", [("Pay: card #2, or cash", 1, ["Web, then app", "Kiosk: #3"])])]


@pytest.mark.parametrize("title", ["Title deeds checked", "Section 3 of the form", "Journey planner", "%% done", "accDescr: x"])
def test_a_step_named_like_a_keyword_stays_a_step(title: str) -> None:
    text = to_mermaid(with_one_step(title, ["Web"]))
    back, warnings = from_mermaid(text)
    assert warnings == []
    # Mermaid drops a line starting with "%" (a comment to it): a name that does starts with a look-alike,
    # read back as the "%" it stands for
    assert "\uff05" in text or "%%" not in title
    assert [s.title for s in back.steps] == [title]
    assert len(back.stages) == 1


def test_empty_titles_and_newlines_still_give_a_readable_diagram() -> None:
    journey = with_one_step("", ["Web\nsite"], stage_title="")
    text = to_mermaid(journey)
    back, warnings = from_mermaid(text)
    assert warnings == []
    assert outline(back) == [("\u2026", [("\u2026", 1, ["Web site"])])]


# ---------------------------------------------------------------- Mermaid's own documentation examples

MERMAID_DOC = """\
journey
    title My working day
    section Go to work
      Make tea: 5: Me
      Go upstairs: 3: Me
      Do work: 1: Me, Cat
    section Go home
      Go downstairs: 5: Me
      Sit down: 5: Me
"""

MERMAID_DOC_ACCESSIBLE = """\
journey
    accTitle: My User Journey Diagram
    accDescr: My User Journey Diagram Description

    title My User Journey Diagram
    section Section 1
      Task 1: 5: Me
"""

MERMAID_DOC_MULTILINE = """\
---
title: Front matter title
---
%%{init: {'theme': 'forest'}}%%
journey
    accDescr {
        My multi-line description
        of the diagram
    }
    section Go to work
      Make tea: 5: Me
"""


def test_mermaids_documentation_example_imports() -> None:
    journey, warnings = from_mermaid(MERMAID_DOC)
    assert warnings == []
    assert journey.title == "My working day"
    assert outline(journey) == [
        ("Go to work", [("Make tea", 2, ["Me"]), ("Go upstairs", 0, ["Me"]), ("Do work", -2, ["Me", "Cat"])]),
        ("Go home", [("Go downstairs", 2, ["Me"]), ("Sit down", 2, ["Me"])]),
    ]
    assert all(card.nature == "digital" and card.lane == "lane-touchpoints" for card in journey.cards)
    assert check_journey(journey) == []


def test_the_accessibility_example_imports() -> None:
    journey, warnings = from_mermaid(MERMAID_DOC_ACCESSIBLE)
    assert warnings == []
    assert journey.title == "My User Journey Diagram"
    assert journey.scenario == "My User Journey Diagram Description"
    assert outline(journey) == [("Section 1", [("Task 1", 2, ["Me"])])]


def test_front_matter_directives_and_a_multiline_description_import() -> None:
    journey, warnings = from_mermaid(MERMAID_DOC_MULTILINE, "fr")
    assert warnings == []
    assert journey.title == "Front matter title"
    assert journey.language == "fr"
    assert journey.scenario == "My multi-line description of the diagram"
    assert outline(journey) == [("Go to work", [("Make tea", 2, ["Me"])])]


def test_tasks_without_actors_or_section_import() -> None:
    journey, warnings = from_mermaid("journey\n  Wake up: 4\n  Coffee: 5: Kitchen # a comment\n")
    assert warnings == []
    assert len(journey.stages) == 1
    assert outline(journey)[0][1] == [("Wake up", 1, []), ("Coffee", 2, ["Kitchen"])]


# ---------------------------------------------------------------- nature of a channel


@pytest.mark.parametrize(
    "channel, nature",
    [
        ("Phone call with an advisor", "human"),
        ("Live chat with an agent", "human"),
        ("Doctor's surgery", "human"),
        ("Counter at the town hall", "human"),
        ("Programme nurse", "human"),
        ("Branch", "human"),
        ("Shop staff", "human"),
        ("Conseillère au téléphone", "human"),
        ("Guichet de l'agence", "human"),
        ("Infirmière à domicile", "human"),
        ("Cabinet médical", "human"),
        ("Mobile app", "digital"),
        ("Website", "digital"),
        ("Application mobile", "digital"),
        ("Me", "digital"),
        ("Agenda online", "digital"),  # a word containing "agent" is not one
    ],
)
def test_the_nature_is_guessed_from_the_channels_words(channel: str, nature: str) -> None:
    assert guess_nature(channel) == nature


def test_an_imported_human_channel_is_a_human_touchpoint() -> None:
    journey, _ = from_mermaid("journey\nsection A\n  Ask: 3: Advisor at the branch, App\n")
    assert [(c.channel, c.nature) for c in journey.cards] == [("Advisor at the branch", "human"), ("App", "digital")]


# ---------------------------------------------------------------- warnings and errors


def test_scores_outside_1_to_5_are_clamped_with_a_warning_naming_the_line() -> None:
    text = "journey\nsection A\n  Great: 7: Me\n  Half: 2.5: Me\n  Low: 0: Me\n  Fine: 4: Me\n  Odd: lots: Me\n"
    journey, warnings = from_mermaid(text)
    assert [level(s, FIRST_PERSONA) for s in sorted(journey.steps, key=lambda s: s.order)] == [2, -1, -2, 1, None]
    assert len(warnings) == 4
    assert warnings[0].startswith("line 3:") and "7" in warnings[0]
    assert warnings[1].startswith("line 4:") and "2.5" in warnings[1]
    assert warnings[2].startswith("line 5:") and "0" in warnings[2]
    assert warnings[3].startswith("line 7:") and "lots" in warnings[3] and "not a number" in warnings[3]


def test_comments_are_skipped_and_unknown_lines_warned_with_their_line() -> None:
    text = "%% made by hand\njourney\n  %% a comment\n  # another\nsection A\n  just some words\n  Task: 3: Me\n"
    journey, warnings = from_mermaid(text)
    assert warnings == ["line 6: not understood, ignored: just some words"]
    assert [s.title for s in journey.steps] == ["Task"]


def test_a_too_long_name_is_cut_with_a_warning() -> None:
    journey, warnings = from_mermaid("journey\nsection A\n  " + "x" * 600 + ": 3\n")
    assert len(journey.steps[0].title) == 500
    assert warnings == ["line 3: the text is cut to 500 characters"]


@pytest.mark.parametrize(
    "text, line, words",
    [
        ("graph TD\n  A --> B\n", 1, "not a Mermaid journey"),
        ("\n\n%% comment\nsequenceDiagram\n", 4, "sequenceDiagram"),
        ("---\ntitle: x\n---\nflowchart LR\n", 4, "flowchart"),
        ("---\ntitle: x\n", 1, "front matter"),
        ("journey\n  accDescr {\n   never closed\n", 2, "never closed"),
    ],
)
def test_a_text_that_is_not_a_journey_is_refused_naming_its_line(text: str, line: int, words: str) -> None:
    with pytest.raises(LoadError) as caught:
        from_mermaid(text, source="diagram.mmd")
    assert caught.value.line == line
    assert str(caught.value).startswith(f"diagram.mmd:{line}: ")
    assert words in str(caught.value)


@pytest.mark.parametrize("text", ["", "   \n\n", "%% only a comment\n"])
def test_an_empty_text_is_refused(text: str) -> None:
    with pytest.raises(LoadError, match="empty"):
        from_mermaid(text)


def test_the_journey_header_is_case_insensitive_and_imports_an_empty_journey() -> None:
    journey, warnings = from_mermaid("Journey\n")
    assert warnings == [] and journey.steps == [] and journey.title == "Untitled journey"
    assert check_journey(journey) == []


@pytest.mark.parametrize("language", ["en", "fr"])
@pytest.mark.parametrize("sector", ["automotive", "banking", "education", "public_sector", "health", "retail"])
def test_a_sector_template_comes_back_too(sector: str, language: str) -> None:
    from workbench.model.templates import template

    journey = template(sector, language)
    back, warnings = from_mermaid(to_mermaid(journey), language)
    assert warnings == []
    assert back.language == language
    expected = mermaid_safe(outline(journey))
    # Mermaid has no "no emotion": such steps come back neutral.
    expected = [(stage, [(t, 0 if e is None else e, cs) for t, e, cs in rows]) for stage, rows in expected]
    assert outline(back) == expected


def test_a_forgotten_score_keeps_the_actors_with_a_warning() -> None:
    journey, warnings = from_mermaid("journey\n  section Home\n    Go upstairs: Me, Cat\n    Sleep: 3a\n")
    upstairs, sleep = journey.steps
    assert level(upstairs, FIRST_PERSONA) is None and sorted(c.channel for c in journey.cards if c.step == upstairs.id) == ["Cat", "Me"]
    assert warnings[0] == "line 3: no score before the actors 'Me, Cat'; the step has no emotion"
    assert level(sleep, FIRST_PERSONA) is None and not [c for c in journey.cards if c.step == sleep.id]
    assert warnings[1] == "line 4: the score '3a' is not a number; the step has no emotion"


def test_a_tasks_order_is_the_one_a_renumbering_gives_it() -> None:
    """Each task asked for the list of every order before it (minutes for a long diagram): it now takes its own."""
    from workbench.model.ordering import nth_order, renumbered

    assert [nth_order(k) for k in range(1, 50)] == renumbered(49)
