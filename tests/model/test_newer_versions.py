"""A file from a newer major version is never written back as a file of the current version (2).

Opened read-only (``allow_newer``), it can still be saved elsewhere: the copy
keeps its version, its minor number, its unknown fields and exactly the
fields it had, whatever their values (that version's defaults may not be
ours). The same holds when the window saves it the way it saves any file,
``save(journey, path, minor=loaded.minor, extra=loaded.extra)``.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.model.errors import SaveError
from workbench.model.fileformat import VERSION, KeptFields, dumps, load_file, loads, save, save_loaded
from workbench.model.journey import Journey

BAD = Path(__file__).resolve().parent.parent / "data" / "bad"

#: A version-3 file: unknown fields at every level, and fields equal to our
#: defaults written out (in version 3, "language" might default to "fr").
VERSION_3 = {
    "format": "journey-workbench",
    "version": 3,
    "minor": 4,
    "journey": {
        "title": "Booking a test drive",
        "language": "en",
        "notes": "",
        "stages": [{"id": "stage-book", "title": "Book", "order": 0, "colour": "teal"}],
        "steps": [
            {"id": "step-pick", "title": "Picks a slot", "stage": "stage-book", "goal": False, "mood": {"v": 3}},
        ],
        "lanes": [],
        "dashboard": {"pinned": ["step-pick"]},
    },
    "signature": {"by": "workbench 3.4"},
}


def newer(tmp_path: Path) -> Path:
    path = tmp_path / "drive.journey"
    path.write_text(json.dumps(VERSION_3, indent=2), encoding="utf-8")
    return path


def test_it_opens_read_only_and_says_which_version_a_save_writes(tmp_path) -> None:
    loaded = load_file(newer(tmp_path), allow_newer=True)
    assert loaded.read_only is True
    assert loaded.writable_version == 3
    assert loaded.extra == {"signature": {"by": "workbench 3.4"}}
    current = load_file(BAD.parent / "migrations" / "v0-sample.journey")
    assert (current.read_only, current.writable_version) == (False, VERSION)


def test_saved_elsewhere_it_is_a_faithful_copy(tmp_path) -> None:
    loaded = load_file(newer(tmp_path), allow_newer=True)
    copy = tmp_path / "copy.journey"
    save_loaded(loaded, copy)
    assert json.loads(copy.read_text(encoding="utf-8")) == VERSION_3
    again = load_file(copy, allow_newer=True)
    assert again.read_only and again.version == 3 and again.minor == 4
    assert again.journey == loaded.journey


def test_the_window_s_way_of_saving_keeps_the_version_too(tmp_path) -> None:
    """``extra`` remembers its version: passing it is enough for ``save`` never to write version 2."""
    loaded = load_file(newer(tmp_path), allow_newer=True)
    assert isinstance(loaded.extra, KeptFields) and loaded.extra.version == 3
    copy = tmp_path / "copy.journey"
    save(loaded.journey, copy, minor=loaded.minor, extra=loaded.extra)
    written = json.loads(copy.read_text(encoding="utf-8"))
    assert written["version"] == 3
    assert written == VERSION_3
    assert json.loads(dumps(loaded.journey, minor=loaded.minor, extra=loaded.extra))["version"] == 3


def test_an_edited_copy_keeps_the_version_and_the_fields_it_had(tmp_path) -> None:
    loaded = load_file(newer(tmp_path), allow_newer=True)
    edited = loaded.journey.model_copy(update={"title": "Booking two test drives"})
    copy = tmp_path / "copy.journey"
    save_loaded(loaded, copy, edited)
    written = json.loads(copy.read_text(encoding="utf-8"))
    assert written["version"] == 3
    assert written["journey"] == {**VERSION_3["journey"], "title": "Booking two test drives"}


def test_its_journey_alone_cannot_be_written_as_version_2(tmp_path) -> None:
    """Without its envelope, a journey holding fields of a newer version is refused, not mangled."""
    loaded = load_file(newer(tmp_path), allow_newer=True)
    target = tmp_path / "v2.journey"
    with pytest.raises(SaveError) as caught:
        save(loaded.journey, target)
    assert "journey.stages[0].colour" in caught.value.reason or "journey.dashboard" in caught.value.reason
    assert not target.exists()


def test_a_current_journey_holding_an_unknown_field_is_refused() -> None:
    journey = Journey.model_validate({"title": "x", "zoom": 2})
    with pytest.raises(SaveError) as caught:
        save(journey, "/nonexistent-folder/x.journey")
    assert "journey.zoom" in str(caught.value)


def test_a_newer_minor_version_still_saves_with_its_minor(tmp_path) -> None:
    raw = {**VERSION_3, "version": 2, "minor": 3}
    loaded = loads(json.dumps(raw), source="drive.journey")
    assert (loaded.read_only, loaded.writable_version) == (False, VERSION)
    path = tmp_path / "drive.journey"
    save_loaded(loaded, path)
    written = json.loads(path.read_text(encoding="utf-8"))
    assert (written["version"], written["minor"]) == (2, 3)
    assert written["journey"]["dashboard"] == {"pinned": ["step-pick"]}
    assert "language" not in written["journey"]  # our defaults hold within version 2
