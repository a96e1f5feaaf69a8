"""Saving is atomic: a new file, a backup of the old one, or nothing changed at all."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
import threading

import pytest

from workbench.model.errors import SaveError
from workbench.model.fileformat import backup_path, dumps, load, save
from workbench.model.journey import Journey


def make_journey(title: str = "Opening a current account", emotion: int = -1) -> Journey:
    return Journey.model_validate(
        {
            "title": title,
            "sector": "banking",
            "personas": [{"id": "persona-1", "name": "Clémence", "goals": ["Get a card quickly"]}],
            "stages": [{"id": "stage-apply", "title": "Apply"}],
            "steps": [
                {"id": "step-form", "title": "Fills in the form", "stage": "stage-apply",
                 "emotions": [{"persona": "persona-1", "value": emotion}]},
                {"id": "step-sign", "title": "Signs", "stage": "stage-apply", "order": 1, "goal": True},
            ],
            "lanes": [{"id": "lane-touch", "kind": "touchpoints", "title": "Touchpoints"}],
            "cards": [
                {
                    "id": "card-web",
                    "step": "step-form",
                    "lane": "lane-touch",
                    "kind": "touchpoint",
                    "nature": "digital",
                    "channel": "web",
                }
            ],
        }
    )


def test_save_creates_the_file(tmp_path):
    path = tmp_path / "account.journey"
    journey = make_journey()
    save(journey, path)
    assert path.read_bytes() == dumps(journey)
    assert load(path) == journey
    assert not backup_path(path).exists()  # nothing to back up the first time
    assert "Clémence" in path.read_text(encoding="utf-8")


def test_saving_again_keeps_the_previous_version_as_bak(tmp_path):
    path = tmp_path / "account.journey"
    first, second = make_journey(emotion=-1), make_journey(emotion=2)
    save(first, path)
    save(second, path)
    assert backup_path(path) == tmp_path / "account.journey.bak"
    assert backup_path(path).read_bytes() == dumps(first)
    assert path.read_bytes() == dumps(second)
    assert load(path) == second


def test_save_load_save_gives_identical_bytes(tmp_path):
    path = tmp_path / "account.journey"
    save(make_journey(), path)
    first = path.read_bytes()
    save(load(path), path)
    assert path.read_bytes() == first
    assert dumps(load(path)) == first


def test_new_file_gets_ordinary_permissions_not_the_temp_files(tmp_path):
    old_umask = os.umask(0o022)
    try:
        save(make_journey(), tmp_path / "account.journey")
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE((tmp_path / "account.journey").stat().st_mode) == 0o644


def test_permission_bits_are_kept_across_a_save(tmp_path):
    path = tmp_path / "account.journey"
    save(make_journey(), path)
    os.chmod(path, 0o640)
    save(make_journey(emotion=1), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert stat.S_IMODE(backup_path(path).stat().st_mode) == 0o640


def test_saving_through_a_symlink_updates_the_target_and_keeps_the_link(tmp_path):
    shared = tmp_path / "shared"
    shared.mkdir()
    target = shared / "account.journey"
    link = tmp_path / "account.journey"
    save(make_journey(emotion=-1), target)
    link.symlink_to(target)

    save(make_journey(emotion=2), link)

    assert link.is_symlink()
    assert os.readlink(link) == str(target)
    assert target.read_bytes() == dumps(make_journey(emotion=2))
    assert backup_path(target).read_bytes() == dumps(make_journey(emotion=-1))
    assert not backup_path(link).exists()


# ------------------------------------------------------------------ failures

OLD_BYTES = b'{\n  "format": "journey-workbench",\n  "version": 1,\n  "journey": {"title": "old, hand-edited"}\n}\n'


@pytest.fixture
def existing(tmp_path):
    """A folder holding a saved journey and its backup, both known byte for byte."""
    path = tmp_path / "account.journey"
    path.write_bytes(OLD_BYTES)
    backup_path(path).write_bytes(b"older backup\n")
    return path


def break_mkstemp(monkeypatch, path):
    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(path.parent))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)


def break_fsync(monkeypatch, path):
    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)


def break_every_rename(monkeypatch, path):
    def refuse(src, dst, **kwargs):
        raise OSError(errno.EBUSY, "Device or resource busy")

    monkeypatch.setattr(os, "replace", refuse)


def break_rename_over_the_file(monkeypatch, path):
    """The backup is written, then the rename over the journey itself fails."""
    real_replace = os.replace

    def replace(src, dst, **kwargs):
        if os.fspath(dst) == str(path):
            raise OSError(errno.EIO, "Input/output error")
        return real_replace(src, dst, **kwargs)

    monkeypatch.setattr(os, "replace", replace)


def read_only_file_system(monkeypatch, path):
    def refuse(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system", str(path.parent))

    monkeypatch.setattr(tempfile, "mkstemp", refuse)


FAILURES = {
    "unwritable folder": (break_mkstemp, "permission denied: the folder or file cannot be written"),
    "read-only file system": (read_only_file_system, "the file system is read-only"),
    "full disk": (break_fsync, "the disk is full"),
    # The backup is renamed first: a rename that fails there is blamed on the backup's name.
    "rename fails": (
        break_every_rename,
        "its backup copy {bak} cannot be written (Device or resource busy); "
        "nothing was saved. Move {bak} away, or save under another name.",
    ),
    "rename over the file fails": (break_rename_over_the_file, "could not be written: Input/output error"),
}


@pytest.mark.parametrize("case", sorted(FAILURES))
def test_failed_save_leaves_the_old_file_and_no_temporary_files(existing, monkeypatch, case):
    breaker, reason = FAILURES[case]
    folder = existing.parent
    before = sorted(p.name for p in folder.iterdir())
    breaker(monkeypatch, existing)

    with pytest.raises(SaveError) as caught:
        save(make_journey(), existing)

    monkeypatch.undo()
    assert str(caught.value) == f"{existing}: {reason.format(bak=backup_path(existing))}"
    assert caught.value.path == str(existing)
    assert existing.read_bytes() == OLD_BYTES
    assert sorted(p.name for p in folder.iterdir()) == before, "a temporary file was left behind"


def test_failed_save_of_a_new_file_creates_nothing(tmp_path, monkeypatch):
    path = tmp_path / "account.journey"
    break_fsync(monkeypatch, path)
    with pytest.raises(SaveError) as caught:
        save(make_journey(), path)
    monkeypatch.undo()
    assert str(caught.value) == f"{path}: the disk is full"
    assert list(tmp_path.iterdir()) == []


def test_save_into_a_missing_folder(tmp_path):
    path = tmp_path / "gone" / "account.journey"
    with pytest.raises(SaveError) as caught:
        save(make_journey(), path)
    assert str(caught.value).startswith(f"{path}: ")
    assert "does not exist" in str(caught.value)
    assert str(path.parent) in caught.value.reason
    assert list(tmp_path.iterdir()) == []


def test_save_over_a_folder(tmp_path):
    path = tmp_path / "account.journey"
    path.mkdir()
    with pytest.raises(SaveError) as caught:
        save(make_journey(), path)
    assert str(caught.value) == f"{path}: is a folder"
    assert path.is_dir() and list(path.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["account.journey"]


def test_save_error_is_not_a_traceback(existing, monkeypatch):
    break_fsync(monkeypatch, existing)
    with pytest.raises(SaveError) as caught:
        save(make_journey(), existing)
    assert caught.value.__suppress_context__ or caught.value.__context__ is None
    assert "Errno" not in str(caught.value)
    assert "Traceback" not in str(caught.value)


def test_backup_can_be_turned_off(existing):
    save(make_journey(), existing, backup=False)
    assert backup_path(existing).read_bytes() == b"older backup\n"
    assert existing.read_bytes() == dumps(make_journey())



# ------------------------------------------------- targets that are not files


def finishes(action, fifo, seconds: float = 20.0):
    """Run *action*; if it blocks on *fifo* (the bug), unblock it and fail instead of hanging."""
    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = action()
        except BaseException as error:  # handed to the test below
            outcome["error"] = error

    worker = threading.Thread(target=run, daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        try:  # a reader is stuck opening the FIFO: give it a writer, then end of file
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            pass
        worker.join(seconds)
        pytest.fail(f"blocked on the FIFO {fifo}")
    return outcome


@pytest.mark.parametrize("through_link", [False, True], ids=["fifo", "link to a fifo"])
def test_save_over_a_fifo_is_refused_before_reading_it(tmp_path, through_link):
    fifo = tmp_path / "pipe.journey"
    os.mkfifo(fifo)
    path = fifo
    if through_link:
        path = tmp_path / "link.journey"
        path.symlink_to(fifo)
    outcome = finishes(lambda: save(make_journey(), path), fifo)
    error = outcome.get("error")
    assert isinstance(error, SaveError), outcome
    assert str(error) == f"{path}: is not a regular file"
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert not backup_path(fifo).exists() and not backup_path(path).exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted({fifo.name, path.name})


def test_a_journey_too_large_to_open_again_is_not_written(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A sheet of 100,000 steps converted gave a 65 MB file that `check` and the editor then refused."""
    from workbench.model import fileformat
    from workbench.model.templates import template

    journey = template("banking", "en")
    path = tmp_path / "big.journey"
    save(journey, path)
    before = path.read_bytes()
    monkeypatch.setattr(fileformat, "MAX_BYTES", len(before) - 1)  # (the same limit as a load's, made small)
    bigger = journey.model_copy(update={"title": journey.title + " and more"})
    with pytest.raises(SaveError) as caught:
        save(bigger, path)
    assert str(path) in str(caught.value) and "too large to open again" in str(caught.value)
    assert path.read_bytes() == before  # the file there is left as it was
    with pytest.raises(fileformat.LoadError):  # (what it would have given: a file no load takes)
        fileformat.loads(dumps(bigger), source=str(path))
