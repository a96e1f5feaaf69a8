"""Hostile and odd input: the loader answers at once, in the user's words.

FIFOs and empty files, megabytes of escaped quotes in an unclosed string
(every scan of the text must stay linear), numbers out of range, and every
message of the JSON decoder and of pydantic, in English and in French.
"""

from __future__ import annotations

import json
import os

import pytest

from tests.model.test_load_errors import assert_user_message, forbid_parsing_and_reading
from tests.model.test_save import finishes
from workbench.i18n import set_language
from workbench.model.errors import LoadError
from workbench.model.fileformat import MAX_BYTES, load, loads
from workbench.model.jsontext import json_reason


def test_a_fifo_is_refused_before_it_is_opened(tmp_path):
    fifo = tmp_path / "pipe.journey"
    os.mkfifo(fifo)
    outcome = finishes(lambda: load(fifo), fifo)
    error = outcome.get("error")
    assert isinstance(error, LoadError), outcome
    assert_user_message(error, fifo, "", "is not a regular file")


@pytest.mark.parametrize("content", [b"", b"  \n\t\n", b"\xef\xbb\xbf", b"\xef\xbb\xbf\n"], ids=["empty", "blank", "bom", "bom-newline"])
def test_an_empty_file_says_so(tmp_path, content):
    path = tmp_path / "empty.journey"
    path.write_bytes(content)
    with pytest.raises(LoadError) as caught:
        load(path)
    assert_user_message(caught.value, path, "", "the file is empty")
    assert str(caught.value) == f"{path}: the file is empty"


def test_a_megabyte_unclosed_string_of_escaped_quotes_is_read_in_one_pass(tmp_path):
    # Each '\"' used to restart a scan to the end of the text: about 10^11 steps here.
    path = tmp_path / "quotes.journey"
    path.write_text('{"format":"journey-workbench","version":1,"journey":{"title":"' + '\\"' * 500_000, encoding="utf-8")
    assert path.stat().st_size > 1_000_000
    with pytest.raises(LoadError) as caught:
        load(path)
    assert_user_message(caught.value, path, "1:62", "the file ends too early (is it truncated?)")


@pytest.mark.parametrize(
    "tail", ['\\"' * 300_000 + "\\", '\\"' * 300_000 + "\\\n" + '\\"' * 300_000], ids=["trailing-backslash", "backslash-newline"]
)
def test_other_unclosed_strings_are_linear_too(tail):
    text = '{"format":"journey-workbench","version":1,"journey":{"title":"' + tail
    with pytest.raises(LoadError) as caught:
        loads(text, source="quotes.journey")
    assert "the file ends too early" in str(caught.value)


def test_a_refused_number_after_a_long_text_is_placed_in_one_pass():
    text = '{"format":"journey-workbench","version":1,"journey":{"title":"' + '\\"' * 300_000 + '", "notes": 1e400}}'
    with pytest.raises(LoadError) as caught:
        loads(text, source="big.journey")
    assert_user_message(caught.value, "big.journey", f"1:{len(text) - 6}", "a number is out of range")


#: JSON text (inside the journey) -> (place, what the user reads)
DETAILS = {
    "bad escape": ('"title": "C:\\dossier"', "1:71", "broken JSON: a text contains an invalid escape: after '\\'"),
    "bad unicode escape": ('"title": "\\u12"', "1:70", "'\\u' must be followed by four hex digits"),
    "infinite number": ('"title": "x", "notes": 1e400', "1:82", "a number is out of range"),
    "negative infinite number": ('"title": "x", "notes": -1E+999', "1:82", "a number is out of range"),
    "lone surrogate": ('"title": "\\ud800"', "journey.title", "holds a character that is not valid Unicode"),
    "unknown sector": (
        '"title": "x", "sector": "space"',
        "journey.sector",
        "should be one of 'automotive', 'banking', 'education', 'public_sector', 'health', 'retail', 'other', "
        "not 'space'",
    ),
}
ENVELOPE = '{"format": "journey-workbench", "version": 1, "journey": {'


@pytest.mark.parametrize("name", DETAILS)
def test_every_mistake_is_told_in_the_users_words(name):
    inner, place, fragment = DETAILS[name]
    with pytest.raises(LoadError) as caught:
        loads(ENVELOPE + inner + "}}", source="trip.journey")
    assert_user_message(caught.value, "trip.journey", place, fragment)
    assert " or " not in caught.value.reason
    for english in ("Invalid", "Input should", "unicode string", "inf"):
        assert english not in caught.value.reason


@pytest.mark.parametrize("name", DETAILS)
def test_every_mistake_is_told_in_french_too(name):
    inner, place, _ = DETAILS[name]
    english = pytest.raises(LoadError, loads, ENVELOPE + inner + "}}").value.reason
    set_language("fr")
    french = pytest.raises(LoadError, loads, ENVELOPE + inner + "}}").value.reason
    assert french != english
    for word in ("Invalid", "Input should", "should", "number", " or "):
        assert word not in french, french


@pytest.mark.parametrize(
    "msg",
    [
        "Invalid \\escape: 'x'",  # the pure-Python decoder
        "Invalid control character '\\x01' at",
        "Illegal trailing comma before end of object",  # Python 3.13
        "Illegal trailing comma before end of array",
    ],
)
def test_every_json_decoder_message_has_a_translation(msg):
    generic = json_reason("a message no Python has written yet")
    assert json_reason(msg) != generic and msg.split(" ")[0] not in json_reason(msg)
    set_language("fr")
    assert json_reason(msg).startswith("JSON invalide\u00a0: ") and "Invalid" not in json_reason(msg)
    assert json_reason("a message no Python has written yet") == "JSON invalide\u00a0: ce texte n'est pas du JSON valide"


def test_a_huge_version_number_is_shortened_in_the_message():
    text = json.dumps({"format": "journey-workbench", "version": 10**80, "journey": {"title": "x"}})
    with pytest.raises(LoadError) as caught:
        loads(text, source="future.journey")
    assert "(file format 1000000000000000000000000000000000000...)" in str(caught.value)
    loaded = loads(text, allow_newer=True)
    assert "format 1000000000000000000000000000000000000...)" in loaded.notices[0]


def test_oversized_text_is_refused_before_parsing_too(monkeypatch):
    forbid_parsing_and_reading(monkeypatch)
    with pytest.raises(LoadError) as caught:
        loads(" " * (MAX_BYTES + 1), source="pasted.journey")
    assert_user_message(caught.value, "pasted.journey", "", "is too large to be a journey (32.0 MB")
    # Fewer characters than the limit, but more bytes once written as UTF-8.
    with pytest.raises(LoadError) as caught:
        loads("é" * (MAX_BYTES // 2 + 1), source="pasted.journey")
    assert "is too large to be a journey" in str(caught.value)


def test_a_missing_persona_is_named_in_good_french() -> None:
    """ "renvoie à le persona" (French wants "au"; exploratory test): "désigne le persona"."""
    from workbench.model.journey import Feeling, Journey, Persona, Stage, Step
    from workbench.model.validation import check_journey

    journey = Journey(
        title="T", personas=[Persona(id="persona-1")], stages=[Stage(id="s", title="S")],
        steps=[Step(id="p", title="P", stage="s", emotions=[Feeling(persona="persona-2", value=1)])],
    )
    set_language("fr")
    said = " ".join(str(problem) for problem in check_journey(journey))
    assert "désigne le persona 'persona-2', qui n'existe pas" in said and " à le " not in said, said
