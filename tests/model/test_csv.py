"""CSV both ways (issue #16): export, import of a hand-typed sheet, and the round trip."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from workbench.model.errors import LoadError
from workbench.model.fileformat import load
from workbench.model.interop.csvexport import to_csv
from workbench.model.interop.csvimport import CsvError, from_csv
from workbench.model.feelings import lead, level
from workbench.model.journey import FIRST_PERSONA, Journey
from workbench.model.templates import template
from workbench.model.validation import check_journey

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.journey"))


def ranked(items: list, key=lambda e: e.order) -> list:  # type: ignore[no-untyped-def]
    return [e for _, e in sorted(enumerate(items), key=lambda pair: (key(pair[1]), pair[0]))]


def shape(journey: Journey) -> dict:
    """Everything the CSV carries, without ids: stages, steps (order, emotion), lanes, cards per cell in order."""
    stages = ranked(list(journey.stages))
    lanes = ranked(list(journey.lanes))
    lane_title = {lane.id: lane.title for lane in lanes}
    out_stages = []
    for stage in stages:
        steps = []
        for step in ranked([s for s in journey.steps if s.stage == stage.id]):
            cards = ranked(
                [c for c in journey.cards if c.step == step.id],
                key=lambda c: ([lane.id for lane in lanes].index(c.lane), c.order),
            )
            steps.append(
                (
                    step.title,
                    step.order,
                    level(step, lead(journey).id),  # the CSV carries the first persona's "as is" emotion
                    [(lane_title[c.lane], c.kind, c.text, c.channel, c.nature, list(c.intents)) for c in cards],
                )
            )
        out_stages.append((stage.title, steps))
    return {"stages": out_stages, "lanes": [(lane.kind, lane.title) for lane in lanes]}


def rows(data: bytes) -> list[list[str]]:
    text = data.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";" if text.split("\n")[0].count(";") else ","))


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_every_example_survives_a_round_trip(path: Path) -> None:
    journey = load(path)
    back = from_csv(to_csv(journey), language=journey.language)
    assert shape(back) == shape(journey)
    assert len(back.cards) == len(journey.cards) and len(back.steps) == len(journey.steps)
    assert check_journey(back) == []


def test_a_french_template_survives_a_round_trip_and_stays_french() -> None:
    journey = template("banking", "fr")
    data = to_csv(journey)
    back = from_csv(data)  # the language is found from the headers
    assert back.language == "fr"
    assert shape(back) == shape(journey)


def test_bom_separator_and_headers_follow_the_language() -> None:
    english = to_csv(load(EXAMPLES[0]))
    french = to_csv(template("banking", "fr"))
    for data in (english, french):
        assert data.startswith(b"\xef\xbb\xbf")
        assert data[3:].decode("utf-8")  # UTF-8 after the mark
    assert english[3:].split(b"\r\n")[0].decode() == "Stage,Step,Step order,Emotion,Lane,Lane kind,Kind,Text,Channel,Nature,Intents"
    assert french[3:].split(b"\r\n")[0].decode() == (
        "Phase;Étape;Ordre de l'étape;Émotion;Ligne;Type de ligne;Type;Texte;Canal;Nature;Intentions"
    )
    overridden = to_csv(template("banking", "fr"), separator=",")
    assert overridden[3:].startswith("Phase,Étape,".encode())
    assert shape(from_csv(overridden)) == shape(template("banking", "fr"))


def test_one_row_per_card_and_per_step_without_cards() -> None:
    journey = template("other", "en")  # four steps, no cards, seven empty lanes
    table = rows(to_csv(journey))
    lane_rows = [r for r in table[1:] if not r[1]]
    step_rows = [r for r in table[1:] if r[1]]
    assert len(lane_rows) == len(journey.lanes) and len(step_rows) == len(journey.steps)
    journey = load(EXAMPLES[0])
    table = rows(to_csv(journey))
    card_rows = [r for r in table[1:] if r[6]]
    assert len(card_rows) == len(journey.cards)


def test_a_formula_is_written_inert_and_read_back() -> None:
    journey = template("banking", "en")
    card = journey.cards[0]
    texts = ["=HYPERLINK(\"http://x\")", "'=already quoted", "-minus", "'just a quote"]
    cards = [card.model_copy(update={"text": t, "order": card.order + i}) for i, t in enumerate(texts)]
    journey = journey.model_copy(update={"cards": cards})
    data = to_csv(journey)
    cells = [r[7] for r in rows(data)[1:] if r[7]]
    assert cells == ["'=HYPERLINK(\"http://x\")", "''=already quoted", "'-minus", "'just a quote"]
    assert shape(from_csv(data)) == shape(journey)


HAND_TYPED = """\
Texte;ÉTAPE;phase;émotion;Type;Nature;Canal;Colonne à moi
Cherche une agence;Trouver;Découverte;+1;action;;;peu importe
Appelle la banque;Appeler;Découverte;−2;point de contact;Humain;Téléphone;
;Appeler;Découverte;;;;;
Pense au prix;Trouver;Découverte;;pensée;;;
;Signer;Souscription;0;;;;
"""


def test_a_hand_typed_sheet_with_french_headers_in_another_order() -> None:
    journey = from_csv(HAND_TYPED.encode("utf-8"), title="Mon parcours")
    assert journey.title == "Mon parcours" and journey.language == "fr"
    assert [s.title for s in ranked(list(journey.stages))] == ["Découverte", "Souscription"]
    steps = {s.title: s for s in journey.steps}
    assert list(steps) == ["Trouver", "Appeler", "Signer"]
    assert [level(steps[t], FIRST_PERSONA) for t in ("Trouver", "Appeler", "Signer")] == [1, -2, 0]
    assert [p.id for p in journey.personas] == [FIRST_PERSONA]
    assert [steps[t].order for t in ("Trouver", "Appeler")] == [10, 20]  # no order column: sheet order
    lanes = {lane.id: lane for lane in journey.lanes}
    by_text = {c.text: c for c in journey.cards}
    assert by_text["Appelle la banque"].kind == "touchpoint"
    assert by_text["Appelle la banque"].nature == "human"
    assert by_text["Appelle la banque"].channel == "Téléphone"
    assert lanes[by_text["Appelle la banque"].lane].kind == "touchpoints"
    assert lanes[by_text["Appelle la banque"].lane].title == "Points de contact"  # default lane title, in French
    assert lanes[by_text["Cherche une agence"].lane].kind == "actions"
    assert lanes[by_text["Pense au prix"].lane].kind == "thoughts"
    assert all(c.intents == [] for c in journey.cards)
    assert check_journey(journey) == []


def test_a_sheet_with_commas_and_english_headers_in_any_case() -> None:
    sheet = "STEP,stage,Lane,TEXT,intents\nBrowse,Discover,Notes,hello,\nBrowse,Discover,Touchpoints,site,\n"
    with pytest.raises(CsvError) as caught:
        from_csv(sheet.encode())
    # Touchpoints lane: its card is a touchpoint, and a touchpoint needs a nature.
    assert [(p.row, p.column) for p in caught.value.problems] == [(3, "Nature")]
    sheet = "STEP,stage,Lane,TEXT,intents\nBrowse,Discover,Notes,hello,Welcome Guide\n"
    journey = from_csv(sheet.encode())
    assert journey.language == "en"
    assert journey.cards[0].intents == ["welcome", "guide"]
    assert journey.lanes[0].kind == "custom" and journey.cards[0].kind == "note"


def test_a_touchpoint_without_a_nature_takes_the_one_its_channel_suggests() -> None:
    sheet = "Step,Stage,Kind,Text,Channel\nAsks,Visit,touchpoint,Help,Advisor at the branch\nPays,Visit,touchpoint,Card,App\n"
    assert [c.nature for c in from_csv(sheet.encode()).cards] == ["human", "digital"]


BAD = """\
Stage,Step,Emotion,Lane,Lane kind,Kind,Text,Nature
Discover,Finds the shop,1,Actions,actions,action,Walks in,
Discover,Looks around,7,Actions,actions,action,Browses,
Discover,Asks for help,0,Staff,people,action,Asks,
Discover,Pays,1,Touchpoints,touchpoints,touchpoint,Card reader,robotic
Discover,,1,Actions,actions,action,Leaves,
"""


def test_bad_rows_are_all_named_by_row_and_column_and_nothing_is_imported() -> None:
    with pytest.raises(CsvError) as caught:
        from_csv(BAD.encode("utf-8"), title="x")
    error = caught.value
    assert isinstance(error, LoadError)
    assert [(p.row, p.column) for p in error.problems] == [
        (3, "Emotion"),
        (4, "Lane kind"),
        (5, "Nature"),
        (6, "Step"),
    ]
    message = str(error)
    for row, column in (("3", "Emotion"), ("4", "Lane kind"), ("5", "Nature"), ("6", "Step")):
        assert f"row {row}, column {column}:" in message
    assert "7" in str(error.problems[0]) and "people" in str(error.problems[1]) and "robotic" in str(error.problems[2])


def test_a_missing_required_column_is_named() -> None:
    with pytest.raises(CsvError) as caught:
        from_csv("Stage,Text\nDiscover,hello\n".encode())
    assert [(p.row, p.column) for p in caught.value.problems] == [(1, "Step")]
    with pytest.raises(CsvError):
        from_csv(b"")
    with pytest.raises(CsvError):
        from_csv(b"\xef\xbb\xbf\r\n")


def test_conflicting_emotions_of_one_step_are_refused() -> None:
    sheet = "Stage,Step,Emotion,Text\nA,B,1,x\nA,B,-1,y\n"
    with pytest.raises(CsvError) as caught:
        from_csv(sheet.encode())
    assert [(p.row, p.column) for p in caught.value.problems] == [(3, "Emotion")]


def test_a_windows_code_page_sheet_is_read() -> None:
    sheet = "Phase;Étape;Texte\nDécouverte;Trouve l'agence;Pensée\n".encode("cp1252")
    journey = from_csv(sheet)
    assert journey.stages[0].title == "Découverte" and journey.language == "fr"


def test_a_unicode_text_sheet_is_read() -> None:
    """What a spreadsheet saves as "Unicode text" (UTF-16, tabs) said "column Stage is missing"."""
    sheet = "Phase\tÉtape\tTexte\nDécouverte\tTrouve l'agence\tPensée\n".encode("utf-16")
    journey = from_csv(sheet)
    assert journey.stages[0].title == "Découverte" and journey.steps[0].title == "Trouve l'agence"


def test_a_quote_never_closed_is_named_not_swallowing_the_rest() -> None:
    """The rest of the sheet became one card's text, with no word (exploratory test)."""
    with pytest.raises(CsvError) as caught:
        from_csv('Stage,Step,Text,Lane\nA,B,"never closed,Thoughts\nC,D,e,Thoughts\n', source="u.csv")
    assert [p.row for p in caught.value.problems] == [2]
    assert "u.csv" in str(caught.value) and "never closed" in str(caught.value) and "row 2:" in str(caught.value)
    # A stray quote inside a cell, as a hand-typed sheet may hold, is still read as a spreadsheet does
    journey = from_csv('Stage,Step,Text,Lane\nA,B,"said" loudly,Thoughts\n')
    assert [c.text for c in journey.cards] == ["said loudly"]


def test_a_cell_too_long_and_binary_data_are_named() -> None:
    with pytest.raises(CsvError) as caught:
        from_csv("Stage,Step,Text,Lane\nA,B," + "x" * 200_000 + ",Thoughts\n", source="l.csv")
    assert "l.csv" in str(caught.value) and "row 2: a cell is longer than 131,072 characters" in str(caught.value)
    with pytest.raises(CsvError) as caught:
        from_csv(bytes(range(256)) * 4, source="g.csv")
    assert "g.csv" in str(caught.value) and "binary" in str(caught.value)


def test_two_steps_of_one_title_in_a_stage_come_back_as_two() -> None:
    """The application's own sheet of a stage with two "New step"s could not be read back (row 10, column
    Step order: row 9 gives this step the order 10)."""
    from workbench.model.templates import skeleton

    journey = skeleton("other", "en")
    stage = journey.stages[0].id
    steps = [*journey.steps, journey.steps[0].model_copy(update={"id": "step-again", "order": 990})]
    twice = journey.model_copy(update={"steps": [s.model_copy(update={"title": "New step"}) if s.stage == stage else s
                                                 for s in steps]})
    again = from_csv(to_csv(twice))
    titled = [s for s in again.steps if s.title == "New step"]
    assert len(titled) == len([s for s in twice.steps if s.title == "New step"]) >= 2


def test_every_bad_cell_of_one_row_is_named() -> None:
    sheet = "Stage;Step;Step order;Emotion;Kind;Text;Intents\nA;B;-5;3;wish;x;hug\n"
    with pytest.raises(CsvError) as caught:
        from_csv(sheet.encode("utf-8"))
    assert {(p.row, p.column) for p in caught.value.problems} == {
        (2, "Step order"),
        (2, "Emotion"),
        (2, "Kind"),
        (2, "Intents"),
    }


def test_a_misspelt_or_unknown_column_is_left_out_and_said() -> None:
    warnings: list[str] = []
    sheet = "Stage,Step,Emotoin,Commentaire\nDiscover,Browses,1,to check\n"
    journey = from_csv(sheet.encode(), warnings=warnings)
    assert journey.steps[0].emotions == []
    assert warnings == [
        "the column 'Emotoin' is not one the workbench reads, and was left out (did you mean 'Emotion'?)",
        "the column 'Commentaire' is not one the workbench reads, and was left out",
    ]


def test_a_french_sheet_says_its_values_in_french_and_reads_them_back() -> None:
    journey = load(ROOT / "examples" / "banque-epargne-deux-profils.journey")
    table = rows(to_csv(journey))
    header = table[0]
    kinds, lane_kinds = {r[header.index("Type")] for r in table[1:]}, {r[header.index("Type de ligne")] for r in table[1:]}
    natures = {r[header.index("Nature")] for r in table[1:]} - {""}
    intents = {i for r in table[1:] for i in r[header.index("Intentions")].split(", ") if i}
    # (French headers above English codes: "touchpoints", "digital", "welcome, anticipate")
    assert {"point de contact", "irritant", "opportunité"} <= kinds and "touchpoint" not in kinds
    assert "points de contact" in lane_kinds and "touchpoints" not in lane_kinds
    assert natures <= {"numérique", "humain", "physique"} and len(natures) >= 2
    assert intents and intents <= {"accueillir", "guider", "assister", "anticiper"}
    back = from_csv(to_csv(journey))
    assert shape(back) == shape(journey)  # every kind, nature and intent read back as it was
    english = rows(to_csv(load(EXAMPLES[0])))  # an English sheet keeps the format's own ids
    assert "touchpoint" in {r[6] for r in english[1:]} and "digital" in {r[9] for r in english[1:]}


def test_a_bad_value_lists_the_values_in_the_language_of_the_message() -> None:
    from workbench.i18n import set_language

    sheet = "Phase;Étape;Type;Texte;Nature\nDécouvrir;Voit l'offre;point de contact;Appli;robotique\n"
    set_language("fr")
    try:
        with pytest.raises(CsvError) as caught:
            from_csv(sheet.encode("utf-8"))
    finally:
        set_language(None)
    message = str(caught.value.problems[0])
    assert "numérique, humain, physique" in message and "digital" not in message
    with pytest.raises(CsvError) as caught:
        from_csv(sheet.encode("utf-8"))  # in English, the ids
    assert "digital, human, physical" in str(caught.value.problems[0])


def test_every_french_value_word_reads_back_as_its_value() -> None:
    from workbench.model.interop import csvcells as sheet

    indexes = (sheet.CARD_INDEX, sheet.LANE_INDEX, sheet.NATURE_INDEX, sheet.INTENT_INDEX)
    for value, word in sheet.VALUE_WORDS["fr"].items():
        assert value in {index.get(sheet.key(word)) for index in indexes}, (value, word)
