"""The file's bytes come from pydantic's JSON writer, and are those the standard library's indenting writer gives."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from benchmarks.generate import journey_of
from tests.strategies import AWKWARD, journeys
from workbench.model import fileformat
from workbench.model.errors import SaveError
from workbench.model.fileformat import KeptFields, _reference_dumps, dumps, load, loads, save
from workbench.model.journey import Journey

ROOT = Path(__file__).resolve().parents[2]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(journeys())
def test_any_journey_is_written_as_the_standard_library_writes_it(journey: Journey) -> None:
    assert dumps(journey) == _reference_dumps(journey)


def test_every_awkward_character_and_the_shipped_files_alike() -> None:
    text = "".join(AWKWARD) + "".join(chr(c) for c in range(0x20)) + "\x7f\u2029\ud7ff\ue000\uffff\U0001f600"
    journey = Journey(title=text, persona="", scenario=text[::-1])
    assert dumps(journey) == _reference_dumps(journey)
    for path in sorted((ROOT / "examples").glob("*.journey")):
        assert dumps(load(path)) == path.read_bytes() == _reference_dumps(load(path)), path.name
    big = journey_of(300)
    assert dumps(big) == _reference_dumps(big)


def test_the_envelope_keeps_its_order_and_a_newer_version_s_fields() -> None:
    """Top-level fields of a newer minor version follow the journey; one of a newer major, with its fractions."""
    journey = Journey.model_validate({"title": "T", "mood": {"level": 1.5e-05, "big": 1e16}})
    newer_minor = dumps(journey, minor=fileformat.MINOR + 1, extra={"future": [1, 2.5e-7], "journey": "not this"})
    assert newer_minor == _reference_dumps(journey, minor=fileformat.MINOR + 1, extra={"future": [1, 2.5e-7]})
    written = json.loads(newer_minor)
    assert list(written) == ["format", "version", "minor", "journey", "future"]
    assert written["journey"]["mood"] == {"level": 1.5e-05, "big": 1e16}
    assert b"1.5e-05" in newer_minor and b"1e+16" in newer_minor  # (the standard library's spelling, as always)
    newer_major = dumps(journey, extra=KeptFields(version=3))
    assert newer_major == _reference_dumps(journey, extra=KeptFields(version=3))
    assert json.loads(newer_major)["version"] == 3


@given(st.text(max_size=30))
def test_a_title_that_looks_like_the_token_stays_a_title(title: str) -> None:
    journey = Journey(title=f"journey-{title}")
    assert json.loads(dumps(journey))["journey"]["title"] == f"journey-{title}"
    assert dumps(journey) == _reference_dumps(journey)


def test_a_conflict_s_values_with_fractions_are_spelled_as_the_standard_library_spells_them() -> None:
    """A merge conflict keeps any JSON of either side: numbers with a fraction too (1e-05, not 0.00001)."""
    journey = Journey.model_validate({"title": "T", "conflicts": [
        {"id": "conflict-1", "collection": "journey", "field": "title", "ours": 1e-05, "theirs": [2.5e-07, 1e16]}]})
    written = dumps(journey)
    assert written == _reference_dumps(journey)
    assert b"1e-05" in written and b"2.5e-07" in written and b"1e+16" in written
    again = loads(written).journey
    assert dumps(again) == written
    unknown = Journey.model_validate({"title": "T", "mood": 1.5e-05})  # (one made in code: save refuses it)
    assert dumps(unknown) == _reference_dumps(unknown)


def test_a_text_no_file_can_hold_is_refused_with_the_path_and_the_old_file_kept(tmp_path: Path) -> None:
    """A merge conflict keeps either side's value as it was read, a lone surrogate too (JSON allows "\\ud800")."""
    path = tmp_path / "trip.journey"
    save(Journey(title="Before"), path)
    before = path.read_bytes()
    broken = loads(
        b'{"format": "journey-workbench", "version": 2, "journey": {"title": "T", "conflicts": [{"id": "conflict-1",'
        b' "collection": "journey", "field": "title", "ours": "\\ud800"}]}}'
    ).journey
    with pytest.raises(SaveError) as caught:
        save(broken, path)
    assert str(caught.value).startswith(f"{path}: holds text that cannot be written in a file: ")
    assert path.read_bytes() == before
