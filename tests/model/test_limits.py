"""Oversized content is refused before it is validated, and a huge file before it is parsed.

The time and memory of refusing a 32 MB file are measured by ``python -m
benchmarks`` (``benchmarks/hostile.py``); these tests check the message, and
that the costly steps (parsing, validation) are never reached.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings

from tests.strategies import journeys
from workbench.model import fileformat, limits
from workbench.model.errors import LoadError
from workbench.model.fileformat import MAX_BYTES, dumps, load, loads
from tests.model.helpers import current
from workbench.model.journey import Journey

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = sorted(ROOT.glob("examples/**/*.journey")) + sorted(ROOT.glob("resources/templates/*.journey"))
HEAD = '{"format":"journey-workbench","version":2,"journey":{"title":"x",'


def envelope(journey: dict) -> str:
    return json.dumps({"format": "journey-workbench", "version": 2, "journey": journey})


def forbid(monkeypatch, *, parsing: bool) -> None:
    """Make validation (and, if *parsing*, JSON parsing) fail the test if reached."""

    def reached(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("reached")

    monkeypatch.setattr(Journey, "model_validate", reached)
    if parsing:
        monkeypatch.setattr(fileformat, "parse_json", reached)


def test_a_32_megabyte_file_of_empty_steps_is_refused_unparsed(tmp_path, monkeypatch) -> None:
    path = tmp_path / "steps.journey"
    head, tail = (HEAD + '"steps":[').encode(), b"]}}"
    count = (MAX_BYTES - len(head) - len(tail) + 1) // 3
    path.write_bytes(head + b",".join([b"{}"] * count) + tail)
    assert MAX_BYTES - 3 < path.stat().st_size <= MAX_BYTES
    forbid(monkeypatch, parsing=True)
    with pytest.raises(LoadError) as caught:
        load(path)
    assert str(caught.value) == f"{path}: journey.steps: has too many entries (at most 100000)"


def test_the_limits_are_the_model_s() -> None:
    assert limits.LIST_LIMITS["journey.steps"] == Journey.model_fields["steps"].metadata[0].max_length == 100_000
    assert limits.LIST_LIMITS["journey.lanes"] == 1_000
    assert limits.LIST_LIMITS["journey.personas"] == 10
    assert limits.LIST_LIMITS["journey.personas[].goals"] == 200
    assert limits.LIST_LIMITS["journey.steps[].emotions"] == 20
    assert limits.LIST_LIMITS["journey.cards[].personas"] == 10
    assert limits.LIST_LIMITS["journey.cards[].intents"] == 4
    assert set(limits.LIST_LIMITS) >= {f"journey.{c}" for c in ("stages", "cards", "handoffs", "links", "authors")}


@pytest.mark.parametrize("scan", [False, True], ids=["parsed", "text"])
@pytest.mark.parametrize(
    ("journey", "place", "limit"),
    [
        ({"authors": ["a"] * 101}, "journey.authors", 100),
        ({"lanes": [{}] * 1001}, "journey.lanes", 1000),
        ({"personas": [{"id": "persona-1", "goals": [""] * 201}]}, "journey.personas[0].goals", 200),
        ({"personas": [{}] * 11}, "journey.personas", 10),
        ({"steps": [{}, {"emotions": [{}] * 21}]}, "journey.steps[1].emotions", 20),
        ({"cards": [{}, {"intents": ["welcome"] * 5}]}, "journey.cards[1].intents", 4),
    ],
    ids=["authors", "lanes", "persona goals", "personas", "feelings", "intents"],
)
def test_a_list_over_its_limit_is_named_before_validation(monkeypatch, journey, place, limit, scan) -> None:
    """Small files are checked once parsed; large ones (here: any) while still text."""
    if scan:
        monkeypatch.setattr(limits, "SCAN_ABOVE", 0)
    forbid(monkeypatch, parsing=scan)
    with pytest.raises(LoadError) as caught:
        loads(envelope({"title": "x", **journey}), source="big.journey")
    assert str(caught.value) == f"big.journey: {place}: has too many entries (at most {limit})"


@pytest.mark.parametrize("scan", [False, True], ids=["parsed", "text"])
def test_too_many_elements_in_all(monkeypatch, scan) -> None:
    monkeypatch.setattr(limits, "MAX_ELEMENTS", 10)
    if scan:
        monkeypatch.setattr(limits, "SCAN_ABOVE", 0)
    forbid(monkeypatch, parsing=scan)
    text = envelope({"title": "x", "stages": [{}] * 4, "steps": [{}] * 4, "lanes": [], "cards": [{}] * 3})
    with pytest.raises(LoadError) as caught:
        loads(text, source="big.journey")
    assert str(caught.value).startswith("big.journey: journey: holds more than 10 elements")
    # Exactly at the bound (empty lists count for nothing): on to validation.
    monkeypatch.undo()
    monkeypatch.setattr(limits, "MAX_ELEMENTS", 11)
    if scan:
        monkeypatch.setattr(limits, "SCAN_ABOVE", 0)
    with pytest.raises(LoadError) as caught:
        loads(text, source="big.journey")
    assert "more than 11 elements" not in str(caught.value)
    assert "this required field is missing" in str(caught.value)  # validation was reached


def test_any_other_list_and_the_whole_file_are_bounded(monkeypatch) -> None:
    monkeypatch.setattr(limits, "SCAN_ABOVE", 0)
    monkeypatch.setattr(limits, "MAX_OTHER_LIST", 50)
    forbid(monkeypatch, parsing=True)
    with pytest.raises(LoadError) as caught:
        loads(envelope({"title": "x", "notes": [0] * 51}), source="big.journey")
    assert str(caught.value) == "big.journey: journey.notes: has too many entries (at most 50)"
    monkeypatch.setattr(limits, "MAX_VALUES", 60)
    with pytest.raises(LoadError) as caught:
        loads(envelope({"title": "x", "notes": [[0] * 40, [0] * 40]}), source="big.journey")
    assert str(caught.value) == "big.journey: holds too many values to be a journey (more than 60)"


def test_a_file_of_many_plain_values_is_scanned_too(monkeypatch) -> None:
    """Few brackets, many commas (a list of numbers or texts): the comma count starts the scan."""
    monkeypatch.setattr(limits, "SCAN_ABOVE_COMMAS", 50)
    forbid(monkeypatch, parsing=True)
    with pytest.raises(LoadError) as caught:
        loads(envelope({"title": "x", "authors": ["a"] * 101}), source="big.journey")
    assert str(caught.value) == "big.journey: journey.authors: has too many entries (at most 100)"


def test_files_the_workbench_writes_are_parsed_without_the_scan(monkeypatch) -> None:
    from benchmarks.generate import journey_of

    def scanned(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("scanned")

    monkeypatch.setattr(limits, "_Frame", scanned)
    journey = current(journey_of(1000))  # (benchmarks/generate.py may still write a version-1 emotion)
    assert len(loads(dumps(journey)).journey.steps) == 1000


def test_commas_and_brackets_inside_texts_do_not_count(monkeypatch) -> None:
    monkeypatch.setattr(limits, "SCAN_ABOVE", 0)
    monkeypatch.setattr(limits, "MAX_OTHER_LIST", 3)
    monkeypatch.setattr(limits, "MAX_VALUES", 20)
    tricky = ',,,[{,,]}] \\" ,,, \\\\'
    loaded = loads(envelope({"title": tricky, "authors": [tricky, tricky], "notes": tricky}), source="t.journey")
    assert loaded.journey.authors == [tricky, tricky]


def test_a_key_written_with_escapes_is_the_same_key(monkeypatch) -> None:
    monkeypatch.setattr(limits, "SCAN_ABOVE", 0)
    monkeypatch.setitem(limits.LIST_LIMITS, "journey.steps", 2)
    forbid(monkeypatch, parsing=True)
    with pytest.raises(LoadError) as caught:
        loads(HEAD + '"st\\u0065ps": [{}, {}, {}]}}', source="e.journey")
    assert str(caught.value) == "e.journey: journey.steps: has too many entries (at most 2)"


def test_broken_json_is_still_placed_by_the_parser(monkeypatch) -> None:
    monkeypatch.setattr(limits, "SCAN_ABOVE", 0)
    with pytest.raises(LoadError) as caught:
        loads('{"format": "journey-workbench", "version": 2, "journey": {"title": "x",, }}', source="b.journey")
    assert str(caught.value).startswith("b.journey:1:")


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_no_shipped_file_is_refused_by_the_text_scan(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(limits, "SCAN_ABOVE", 0)
    assert load(path).steps


@settings(max_examples=200, deadline=None)
@given(journeys())
def test_no_valid_journey_is_refused_by_either_scan(journey: Journey) -> None:
    text = dumps(journey).decode("utf-8")
    saved = limits.SCAN_ABOVE
    limits.SCAN_ABOVE = 0
    try:
        limits.check_text(text, "j.journey")
    finally:
        limits.SCAN_ABOVE = saved
    limits.check_data(json.loads(text)["journey"], "j.journey")


def test_the_first_list_over_its_limit_is_named_at_any_depth() -> None:
    """Patterns of more than one level (none in the format yet) are walked as those of one."""
    data = {"a": [{"b": {"c": [1]}}, "not an object", {"b": None}, {"b": {"c": [1, 2, 3]}}, {"b": {"c": [1, 2, 3, 4]}}]}
    assert limits._too_long(data, ["a[]", "b", "c"], 2) == ["a[3]", "b", "c"]
    assert limits._too_long(data, ["a[]", "b", "c"], 3) == ["a[4]", "b", "c"]
    assert limits._too_long(data, ["a[]", "b", "c"], 4) is None
    assert limits._too_long({"x": {"y": [0] * 5}}, ["x", "y"], 4) == ["x", "y"]
    assert limits._too_long({"x": [0] * 5}, ["x"], 5) is None
