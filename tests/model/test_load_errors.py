"""A bad `.journey` file gets a LoadError naming the file and the place, never a traceback.

The corpus in ``tests/data/bad`` holds one realistic mistake per file; the
table below says where each mistake is and what the user is told about it.
Files too big to commit (60 MB, 10,000 levels deep) are made in ``tmp_path``.
"""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from workbench.model import fileformat
from workbench.model.errors import LoadError
from workbench.model.fileformat import (
    MAX_BYTES,
    MAX_DEPTH,
    dumps,
    load,
    load_file,
    loads,
    save,
)

BAD = Path(__file__).resolve().parent.parent / "data" / "bad"

#: file name -> (place, fragment of the reason). The place is ``line:column``
#: for mistakes in the JSON itself, a field path for invalid content, and
#: empty only where the whole file is wrong.
EXPECTED: dict[str, tuple[str, str]] = {
    # The JSON text itself
    "truncated.journey": ("63:1", "the file ends too early (is it truncated?)"),
    "missing-comma.journey": ("42:9", "broken JSON: a ',' was expected"),
    "duplicate-key.journey": ("45:9", "the key 'emotion' appears twice in the same object"),
    "nan-emotion.journey": ("44:20", "NaN is not allowed in a journey file"),
    "latin-1.journey": ("9:18", "is not UTF-8 text (byte 0xe9); save it as UTF-8"),
    "not-an-object.journey": ("", "is not a journey file: it does not hold a JSON object"),
    # The envelope
    "unknown-format.journey": ("format", "its format is 'journey-mapper', expected 'journey-workbench'"),
    "missing-format.journey": ("format", 'is not a journey file: the "format" field is missing'),
    "future-version.journey": ("version", "was written by a newer Journey Workbench (file format 9)"),
    # Field types and ranges
    # (a version-1 file: its step's emotion is read as the first persona's "as is" feeling, and named so)
    "emotion-as-word.journey": ("journey.steps[1].emotion", "should be a whole number, not 'happy'"),
    "moment-of-truth-yes.journey": ("journey.steps[2].moment_of_truth", "should be true or false, not 'yes'"),
    "title-as-number.journey": ("journey.title", "should be text, not 2024"),
    "emotion-out-of-range.journey": ("journey.steps[3].emotion", "is out of range: 5 (at most 2)"),
    "feeling-out-of-range.journey": ("journey.steps[2].emotions[1].value", "is out of range: -3 (at least -2)"),
    "invalid-id.journey": ("journey.stages[1].id", "is not a valid id (letters, digits, '-' and '_' only)"),
    "unknown-field-typo.journey": ("journey.steps[1].emotoin", "unknown field 'emotoin'; did you mean 'emotions'?"),
    # Across elements
    "card-missing-step.journey": ("journey.cards[2].step", "refers to the step 'step-scan', which does not exist"),
    "link-missing-step.journey": ("journey.links[0].target", "refers to the step 'step-uplaod', which does not exist"),
    "handoff-missing-return-step.journey": (
        "journey.handoffs[0].return_step",
        "refers to the step 'step-sign', which does not exist",
    ),
    "handoff-human-to-digital.journey": (
        "journey.handoffs[0].source",
        "a handoff starts from a digital touchpoint, but 'card-advisor' is not one",
    ),
    "touchpoint-without-nature.journey": ("journey.cards[1].nature", "a touchpoint needs a nature"),
    "duplicate-ids.journey": ("journey.steps[4].id", "id 'step-call' is already used by journey.steps[3]"),
    "feeling-missing-persona.journey": (
        "journey.steps[1].emotions[1].persona",
        "refers to the persona 'persona-partner', which does not exist",
    ),
    "card-tag-missing-persona.journey": (
        "journey.cards[0].personas[0]",
        "refers to the persona 'persona-2', which does not exist",
    ),
}

#: Text that would mean Python's insides reached the user.
LEAKS = ("Traceback", "pydantic", "errors.pydantic.dev", "input_value", "Error(", "JSONDecodeError", 'File "')

LINE_COLUMN = re.compile(r"^\d+:\d+$")


def expected_prefix(path: Path | str, place: str) -> str:
    if not place:
        return f"{path}: "
    if LINE_COLUMN.match(place):
        return f"{path}:{place}: "
    return f"{path}: {place}: "


def assert_user_message(error: LoadError, path: Path | str, place: str, fragment: str) -> None:
    message = str(error)
    assert message.startswith(expected_prefix(path, place)), message
    assert error.place == place
    assert fragment in message, message
    for leak in LEAKS:
        assert leak not in message, message


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_file_names_the_file_the_place_and_the_mistake(name):
    path = BAD / name
    place, fragment = EXPECTED[name]
    with pytest.raises(LoadError) as caught:
        load(path)
    assert_user_message(caught.value, path, place, fragment)
    assert caught.value.source == str(path)


def test_every_bad_file_is_in_the_table():
    on_disk = sorted(p.name for p in BAD.iterdir())
    assert on_disk == sorted(EXPECTED)
    assert len(on_disk) >= 18


@pytest.mark.parametrize(
    ("text", "key", "place"),
    [
        ('{"x": 1, "y": 2,\n "y": 3, "x": 4}', "y", "2:2"),  # the first key seen again, not the first key
        ('{"a": {"b": 1, "c": 2, "b": 3}}', "b", "1:24"),
        ('[{"a": 1}, {"a": 2, "a": 2}]', "a", "1:21"),
    ],
)
def test_a_key_written_twice_is_named_at_its_second_place(text, key, place):
    from workbench.model.jsontext import parse_json

    with pytest.raises(LoadError) as caught:
        parse_json(text, "team.journey")
    assert str(caught.value) == f"team.journey:{place}: the key {key!r} appears twice in the same object"


def test_the_same_key_in_two_objects_is_not_a_repeat():
    from workbench.model.jsontext import parse_json

    assert parse_json('{"a": {"a": 1}, "b": [{"a": 2}, {"a": 3}]}', "f") == {"a": {"a": 1}, "b": [{"a": 2}, {"a": 3}]}


def test_missing_file(tmp_path):
    path = tmp_path / "nowhere.journey"
    with pytest.raises(LoadError) as caught:
        load(path)
    assert_user_message(caught.value, path, "", "no such file")


def test_folder_given_as_a_file(tmp_path):
    path = tmp_path / "maps.journey"
    path.mkdir()
    with pytest.raises(LoadError) as caught:
        load(path)
    assert_user_message(caught.value, path, "", "is a folder, not a journey file")


def forbid_parsing_and_reading(monkeypatch):
    """Make any attempt to parse JSON, or to open the file, fail the test."""

    def parse(*args, **kwargs):
        raise AssertionError("the file was parsed")

    def read(*args, **kwargs):
        raise AssertionError("the file was read")

    monkeypatch.setattr(fileformat.json, "loads", parse)
    monkeypatch.setattr(fileformat, "open", read, raising=False)


def test_60_megabyte_file_is_refused_before_it_is_read(tmp_path, monkeypatch):
    path = tmp_path / "huge.journey"
    with open(path, "wb") as handle:
        handle.write(b'{"format": "journey-workbench", "version": 1, "journey": {"title": "big", "notes": "')
        handle.truncate(60 * 1024 * 1024)  # sparse: quick to make, 60 MB to stat
    assert path.stat().st_size > MAX_BYTES
    forbid_parsing_and_reading(monkeypatch)
    start = time.monotonic()
    with pytest.raises(LoadError) as caught:
        load(path)
    assert time.monotonic() - start < 1.0
    assert_user_message(caught.value, path, "", "is too large to be a journey (60.0 MB; the limit is 32 MB)")


def test_oversized_bytes_are_refused_before_parsing(monkeypatch):
    data = b" " * (MAX_BYTES + 1)
    forbid_parsing_and_reading(monkeypatch)
    with pytest.raises(LoadError) as caught:
        loads(data, source="pasted.journey")
    assert_user_message(caught.value, "pasted.journey", "", "is too large to be a journey")


def test_10000_levels_deep_is_refused_with_its_place(tmp_path):
    prefix = '{"format": "journey-workbench", "version": 1,\n"journey": {"title": "deep", "notes": '
    path = tmp_path / "deep.journey"
    path.write_text(prefix + "[" * 10_000 + "]" * 10_000 + "}}\n", encoding="utf-8")
    # The envelope and the journey are two levels: the bracket that goes past
    # the limit is number MAX_DEPTH - 1 on line 2.
    column = len(prefix.split("\n")[1]) + MAX_DEPTH - 1
    with pytest.raises(LoadError) as caught:
        load(path)
    assert_user_message(caught.value, path, f"2:{column}", f"nested deeper than {MAX_DEPTH} levels")


def test_number_too_long_for_python_is_a_load_error_not_a_crash():
    # Python refuses to convert integers of more than 4,300 digits with a bare ValueError.
    text = '{"format": "journey-workbench", "version": 1, "journey": {"title": "x", "notes": ' + "9" * 5000 + "}}"
    with pytest.raises(LoadError) as caught:
        loads(text, source="digits.journey")
    assert str(caught.value).startswith("digits.journey: ")
    assert "number too long" in str(caught.value)
    assert "sys.set_int_max_str_digits" not in str(caught.value)


def test_newer_major_version_opens_read_only_when_allowed():
    loaded = load_file(BAD / "future-version.journey", allow_newer=True)
    assert loaded.read_only is True
    assert loaded.version == 9
    assert loaded.journey.title == "Opening a current account"
    assert len(loaded.notices) == 1
    assert "read-only" in loaded.notices[0]
    assert "format 9" in loaded.notices[0]
    # What format 9 wrote is kept (here, version 1's persona and emotions, unknown to version 2)...
    assert loaded.journey.model_extra == {"persona": {
        "name": "Claire", "description": "Young professional, first job", "goals": ["Get a card quickly"],
        "frustrations": ["Paperwork"]}}
    assert [s.model_extra for s in loaded.journey.steps] == [{"emotion": e} for e in (0, -1, -2, 1)]
    # ... and the same journey without it, in the current format, opens normally.
    raw = json.loads(dumps(loaded.journey))
    del raw["journey"]["persona"]
    for step in raw["journey"]["steps"]:
        del step["emotion"]
    current = loads(json.dumps(raw))
    assert current.read_only is False
    assert current.notices == []


NEWER_MINOR = {
    "format": "journey-workbench",
    "version": 2,
    "minor": 3,
    "journey": {
        "title": "Booking a test drive",
        "sector": "automotive",
        "stages": [{"id": "stage-book", "title": "Book"}],
        "steps": [
            {"id": "step-pick", "title": "Picks a slot", "stage": "stage-book",
             "emotions": [{"persona": "persona-1", "value": 1}], "mood_colour": "amber"},
        ],
        "dashboard": {"pinned": ["step-pick"], "zoom": 1.5},
    },
}


def test_newer_minor_version_keeps_unknown_fields_through_load_and_save(tmp_path):
    loaded = loads(json.dumps(NEWER_MINOR), source="drive.journey")
    assert loaded.minor == 3
    assert loaded.read_only is False
    assert any("newer Journey Workbench" in notice for notice in loaded.notices)
    assert loaded.journey.steps[0].model_extra == {"mood_colour": "amber"}
    assert loaded.journey.model_extra == {"dashboard": {"pinned": ["step-pick"], "zoom": 1.5}}

    written = json.loads(dumps(loaded.journey, minor=loaded.minor))
    assert written["minor"] == 3
    assert written["journey"]["steps"][0]["mood_colour"] == "amber"
    assert written["journey"]["dashboard"] == NEWER_MINOR["journey"]["dashboard"]

    path = tmp_path / "drive.journey"
    save(loaded.journey, path, minor=loaded.minor)
    again = load_file(path)
    assert again.minor == 3
    assert again.journey == loaded.journey
    assert again.journey.steps[0].model_extra == {"mood_colour": "amber"}


def test_the_same_unknown_field_is_refused_in_a_current_file():
    current = {**NEWER_MINOR, "minor": 0}
    with pytest.raises(LoadError) as caught:
        loads(json.dumps(current), source="drive.journey")
    assert_user_message(caught.value, "drive.journey", "journey.dashboard", "unknown field 'dashboard'")


def test_utf8_bom_file_loads(tmp_path):
    text = json.dumps({**NEWER_MINOR, "minor": 0, "journey": {"title": "Réserver un essai", "language": "fr"}})
    path = tmp_path / "bom.journey"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    journey = load(path)
    assert journey.title == "Réserver un essai"
    assert journey.language == "fr"


def test_newer_minor_version_keeps_unknown_top_level_fields(tmp_path):
    raw = {**NEWER_MINOR, "signature": {"by": "newer app", "hash": "abc"}}
    loaded = loads(json.dumps(raw), source="signed.journey")
    assert loaded.extra == {"signature": {"by": "newer app", "hash": "abc"}}
    path = tmp_path / "signed.journey"
    save(loaded.journey, path, minor=loaded.minor, extra=loaded.extra)
    again = load_file(path)
    assert again.extra == loaded.extra
    assert json.loads(path.read_text(encoding="utf-8"))["signature"]["hash"] == "abc"
    with pytest.raises(LoadError) as caught:
        loads(json.dumps({**raw, "minor": 0}), source="signed.journey")
    assert_user_message(caught.value, "signed.journey", "signature", "unknown field 'signature'")


def test_moderately_deep_nesting_names_its_place():
    deep = '{"format": "journey-workbench", "version": 1,\n "journey": {"title": "x", "notes": ' + "[" * 40 + "]" * 40 + "}}"
    with pytest.raises(LoadError) as caught:
        loads(deep, source="deep.journey")
    assert caught.value.line == 2
    assert "nested deeper than" in str(caught.value)


def test_a_single_remaining_problem_is_counted_in_the_singular():
    raw = json.loads(json.dumps(NEWER_MINOR))
    raw["minor"] = 0
    del raw["journey"]["dashboard"]
    del raw["journey"]["steps"][0]["mood_colour"]
    raw["journey"]["steps"][0]["emotions"][0]["value"] = 7
    raw["journey"]["steps"][0]["title"] = 5
    with pytest.raises(LoadError) as caught:
        loads(json.dumps(raw), source="two.journey")
    assert "(1 more problem)" in str(caught.value)


@pytest.mark.parametrize("inside", [[], {}, "text", 7])
def test_the_nesting_limit_counts_every_level_down_to_a_value(inside) -> None:  # type: ignore[no-untyped-def]
    """A value inside MAX_DEPTH containers is one level too deep; inside MAX_DEPTH - 1, it is not (lists and
    objects alike)."""
    from workbench.model.jsontext import _depth_exceeded

    def nest(levels: int):  # type: ignore[no-untyped-def]
        value = inside
        for level in range(levels):
            value = [value] if level % 2 else {"k": value, "other": "x"}
        return value

    assert not _depth_exceeded(nest(MAX_DEPTH - 1))
    assert _depth_exceeded(nest(MAX_DEPTH))
    assert not _depth_exceeded([nest(MAX_DEPTH - 2), {"a": [1, 2]}])
    assert _depth_exceeded([nest(MAX_DEPTH - 2), {"a": [1, nest(MAX_DEPTH - 3)]}])
