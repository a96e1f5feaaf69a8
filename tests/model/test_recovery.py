"""Recovery copies, what they change, who wrote them, and the kept versions (no Qt)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from workbench.model import recovery, versions
from workbench.model.datafolder import DATA_ENV, data_folder
from workbench.model.document import JourneyDocument
from workbench.model.errors import SaveError
from workbench.model.fileformat import dumps, save
from workbench.model.journey import Card, Journey, Step
from workbench.model.templates import template


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    monkeypatch.setenv(DATA_ENV, str(folder))
    return folder


def banking() -> Journey:
    return template("banking", "en")


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def rewrite(copy_file: Path, **fields: object) -> None:
    raw = json.loads(copy_file.read_text(encoding="utf-8"))
    raw.update(fields)
    copy_file.write_text(json.dumps(raw), encoding="utf-8")


# ----------------------------------------------------------- the folder


def test_the_data_folder_follows_the_environment(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert data_folder() == data
    monkeypatch.delenv(DATA_ENV)
    assert data_folder() != data and "Journey Workbench" in str(data_folder())


def test_a_copy_reads_back_exactly_and_lives_in_the_data_folder(data: Path, tmp_path: Path) -> None:
    original = tmp_path / "work" / "bank.journey"
    original.parent.mkdir()
    journey = banking()
    save(journey, original)
    before = sorted(p.name for p in original.parent.iterdir())
    moment = datetime(2025, 3, 14, 9, 30, 12, 500, tzinfo=timezone.utc)
    written = recovery.write_copy("s1", dumps(journey), original, "bank.journey - Journey Workbench", now=moment)
    assert written.parent == data / "recovery"
    assert sorted(p.name for p in original.parent.iterdir()) == before  # nothing beside the user's file
    [copy] = recovery.list_copies(include_live=True)
    assert dumps(copy.loaded().journey) == dumps(journey)
    assert copy.original == original.absolute()
    assert copy.title == "bank.journey - Journey Workbench"
    assert copy.saved_at == moment
    assert (copy.pid, copy.host, copy.session) == (os.getpid(), socket.gethostname(), "s1")


def test_a_copy_is_replaced_whole_or_not_at_all(data: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = banking(), banking().model_copy(update={"title": "Second"})
    recovery.write_copy("s1", dumps(first), None, "one")
    recovery.write_copy("s1", dumps(second), None, "two")
    assert [c.loaded().journey.title for c in recovery.list_copies(include_live=True)] == ["Second"]

    def crash(*args: object) -> None:
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patched, pytest.raises(SaveError):
        patched.setattr(os, "replace", crash)  # the rename that would put the new copy in place
        recovery.write_copy("s1", dumps(first), None, "three")
    [copy] = recovery.list_copies(include_live=True)
    assert (copy.title, copy.loaded().journey.title) == ("two", "Second")
    assert [p.name for p in (data / "recovery").iterdir()] == ["s1.recovery"]


def test_an_untitled_copy_has_no_original(data: Path) -> None:
    recovery.write_copy("u", dumps(banking()), None, "Untitled - Journey Workbench")
    [copy] = recovery.list_copies(include_live=True)
    assert copy.original is None
    found = recovery.difference(copy)
    assert found.state == "untitled" and found.steps.added == 14 and found.cards.added == 33
    assert recovery.describe(found).startswith("never saved; steps added: 14; ")


def test_the_recovery_line_follows_french_typography(data: Path) -> None:
    from workbench.i18n import set_language

    recovery.write_copy("u", dumps(banking()), None, "Untitled - Journey Workbench")
    [copy] = recovery.list_copies(include_live=True)
    set_language("fr")
    try:
        said = recovery.describe(recovery.difference(copy))
    finally:
        set_language(None)
    assert said.startswith("jamais enregistré\u00a0; ") and ";" not in said.replace("\u00a0;", "")


def test_removing_a_copy(data: Path) -> None:
    recovery.write_copy("gone", dumps(banking()), None, "t")
    recovery.remove_copy("gone")
    recovery.remove_copy("gone")  # twice is fine
    assert recovery.list_copies(include_live=True) == []


def test_damaged_copies_and_temporary_files_are_not_offered(data: Path) -> None:
    recovery.write_copy("good", dumps(banking()), None, "t")
    folder = data / "recovery"
    (folder / "broken.recovery").write_text("{not json", encoding="utf-8")
    (folder / "other.recovery").write_text('{"format": "something else", "version": 1}', encoding="utf-8")
    (folder / ".good.recovery.abcd1234.workbench-tmp").write_text("half", encoding="utf-8")
    (folder / "partial.recovery").write_text(json.dumps({"format": recovery.FORMAT, "version": 1}), encoding="utf-8")
    assert [c.session for c in recovery.list_copies(include_live=True)] == ["good"]


# ------------------------------------------------------------ who wrote it


def test_a_copy_of_a_running_editor_is_not_offered(data: Path) -> None:
    path = recovery.write_copy("mine", dumps(banking()), None, "t")
    assert recovery.list_copies() == []  # this process wrote it, and runs
    rewrite(path, pid=dead_pid(), process=None)
    assert [c.session for c in recovery.list_copies()] == ["mine"]


def test_a_live_process_is_the_writer_only_if_it_started_when_the_writer_did(data: Path) -> None:
    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        host = socket.gethostname()
        stamp = recovery.process_stamp(child.pid)
        assert recovery.writer_alive(child.pid, host, stamp)
        if stamp is not None:  # Linux: a reused pid is told from the writer by its start time
            assert not recovery.writer_alive(child.pid, host, "another-boot:12345")
        child.kill()
        os.waitid(os.P_PID, child.pid, os.WEXITED | os.WNOWAIT)  # ended, not reaped: a zombie
        if stamp is not None:
            assert not recovery.writer_alive(child.pid, host, stamp)
    finally:
        child.kill()
        child.wait()
    assert not recovery.writer_alive(child.pid, socket.gethostname(), None)
    assert not recovery.writer_alive(0, socket.gethostname(), None)
    assert not recovery.writer_alive(-1, socket.gethostname(), None)


def test_a_copy_from_another_computer_is_offered(data: Path) -> None:
    path = recovery.write_copy("far", dumps(banking()), None, "t")
    rewrite(path, host=socket.gethostname() + "-elsewhere")
    assert [c.session for c in recovery.list_copies()] == ["far"]


def test_copies_are_listed_newest_first(data: Path) -> None:
    now = datetime.now(timezone.utc)
    for name, age in (("old", 60), ("new", 1), ("mid", 30)):
        recovery.write_copy(name, dumps(banking()), None, name, now=now - timedelta(seconds=age))
    assert [c.session for c in recovery.list_copies(include_live=True)] == ["new", "mid", "old"]


# ---------------------------------------------------- what differs on disk


def edited(journey: Journey) -> Journey:
    """Two steps added, one removed (with its cards), one renamed; a card added, one changed."""
    document = JourneyDocument(journey)
    steps = document.steps()
    stage = steps[0].stage
    document.add(Step(id="step-new-1", title="New one", stage=stage))
    document.add(Step(id="step-new-2", title="New two", stage=stage))
    removed = steps[-1]
    document.remove(removed.id)
    document.update(steps[0].id, title="Renamed")
    lane = next(lane for lane in document.lanes() if lane.kind == "thoughts")
    document.add(Card(id="card-new", step=steps[1].id, lane=lane.id, kind="thought", text="Hm"))
    card = next(c for c in document.journey.cards if c.step not in (removed.id, steps[0].id))
    document.update(card.id, text=card.text + " (edited)")
    return document.journey


def test_compare_counts_steps_and_cards_by_id_and_equality() -> None:
    old = banking()
    new = edited(old)
    removed_step = JourneyDocument(old).steps()[-1].id
    cards_of_removed = sum(1 for c in old.cards if c.step == removed_step)
    found = recovery.compare(old, new)
    assert found.state == "compared"
    assert (found.steps.added, found.steps.removed, found.steps.changed) == (2, 1, 1)
    assert (found.cards.added, found.cards.removed, found.cards.changed) == (1, cards_of_removed, 1)
    assert not found.other
    assert recovery.compare(old, old) == recovery.Difference("compared")
    retitled = recovery.compare(old, old.model_copy(update={"title": "Another title"}))
    assert retitled.other and not retitled.steps and not retitled.cards


def test_difference_with_the_file_on_disk(data: Path, tmp_path: Path) -> None:
    original = tmp_path / "bank.journey"
    journey = banking()
    save(journey, original)
    os.utime(original, (1_000_000, 1_000_000))  # saved long before the copy
    recovery.write_copy("s", dumps(edited(journey)), original, "t")
    [copy] = recovery.list_copies(include_live=True)
    found = recovery.difference(copy)
    assert (found.state, found.steps.added, found.steps.removed, found.steps.changed) == ("compared", 2, 1, 1)
    assert not found.newer_on_disk
    text = recovery.describe(found)
    assert "steps added: 2" in text and "steps removed: 1" in text and "steps changed: 1" in text
    assert "cards added: 1" in text and "cards changed: 1" in text

    save(journey, original)  # saved again after the copy was made
    os.utime(original, (copy.saved_at.timestamp() + 60,) * 2)
    assert recovery.difference(copy).newer_on_disk
    assert "saved after this copy" in recovery.describe(recovery.difference(copy))

    original.write_text("{broken", encoding="utf-8")
    assert recovery.difference(copy).state == "unreadable"
    assert recovery.describe(recovery.difference(copy)).startswith("the file on disk cannot be read")

    original.unlink()
    assert recovery.difference(copy).state == "missing"
    assert recovery.describe(recovery.difference(copy)) == "the file no longer exists"


def test_a_copy_equal_to_the_file_says_so(data: Path, tmp_path: Path) -> None:
    original = tmp_path / "same.journey"
    save(banking(), original)
    os.utime(original, (1_000_000, 1_000_000))
    recovery.write_copy("s", dumps(banking()), original, "t")
    [copy] = recovery.list_copies(include_live=True)
    assert recovery.describe(recovery.difference(copy)) == "same as the file on disk"


# --------------------------------------------------------------- versions


def test_the_last_ten_versions_are_kept_newest_first(data: Path, tmp_path: Path) -> None:
    path = tmp_path / "plan.journey"
    start = datetime(2025, 1, 1, tzinfo=timezone.utc)
    document = JourneyDocument(banking())
    for number in range(12):
        document.remove(document.steps()[-1].id)
        journey = document.journey
        save(journey, path)
        assert versions.record_version(path, now=start + timedelta(minutes=number)) is not None
    kept = versions.list_versions(path)
    assert len(kept) == versions.KEEP == 10
    assert [v.saved_at for v in kept] == [start + timedelta(minutes=m) for m in range(11, 1, -1)]
    assert [v.steps for v in kept] == list(range(2, 12))  # one step fewer at each save
    assert dumps(kept[0].loaded().journey) == dumps(journey)
    folder = data / "versions" / versions.path_key(path)
    assert kept[0].path.parent == folder
    assert (folder / versions.ORIGIN).read_text(encoding="utf-8").strip() == str(path)
    assert len(list(folder.glob("*.journey"))) == 10


def test_saving_an_unchanged_file_again_keeps_no_new_version(data: Path, tmp_path: Path) -> None:
    path = tmp_path / "plan.journey"
    save(banking(), path)
    assert versions.record_version(path) is not None
    assert versions.record_version(path) is None
    assert len(versions.list_versions(path)) == 1


def test_one_file_one_folder_however_it_is_named(data: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "plan.journey"
    save(banking(), path)
    monkeypatch.chdir(tmp_path)
    link = tmp_path / "link.journey"
    link.symlink_to(path)
    assert versions.path_key("plan.journey") == versions.path_key(path) == versions.path_key(link)
    assert versions.path_key(tmp_path / "other.journey") != versions.path_key(path)
    assert versions.list_versions(tmp_path / "never-saved.journey") == []


def test_a_damaged_version_is_listed_without_a_step_count(data: Path, tmp_path: Path) -> None:
    path = tmp_path / "plan.journey"
    versions.record_version(path, b"{not a journey")
    [version] = versions.list_versions(path)
    assert version.steps is None
