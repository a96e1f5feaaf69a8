"""What a save must never do: leave litter, lose the backup, replace a read-only file, change owners.

* Temporary files left by a save that died are removed by the next save into
  the folder, but only the workbench's own, a minute old, owned by this user.
* A backup that cannot be written stops the save, naming the backup.
* A read-only file is not replaced unless the caller forces it.
* A save keeps the file's permission bits, owner and group.
"""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path

import pytest

from tests.model.test_save import make_journey
from workbench.model import atomic
from workbench.model.atomic import STALE_AFTER, TEMP_SUFFIX, remove_stale_temps
from workbench.model.errors import SaveError
from workbench.model.fileformat import backup_path, dumps, load, save

OLD = time.time() - STALE_AFTER - 5


def left_by_a_crash(folder: Path, name: str, age: float = OLD) -> Path:
    path = folder / name
    path.write_bytes(b"half a journey")
    os.utime(path, (age, age))
    return path


# ------------------------------------------------------------ temporary files


def test_the_temporary_file_has_the_workbench_s_own_name(tmp_path, monkeypatch) -> None:
    seen: list[str] = []
    real_replace = os.replace

    def spy(src, dst, **kwargs):  # type: ignore[no-untyped-def]
        seen.append(os.path.basename(src))
        return real_replace(src, dst, **kwargs)

    monkeypatch.setattr(os, "replace", spy)
    save(make_journey(), tmp_path / "plan.journey")
    assert len(seen) == 1
    assert seen[0].startswith(".plan.journey.") and seen[0].endswith(TEMP_SUFFIX)
    assert atomic.TEMP_NAME.fullmatch(seen[0])


def test_a_crashed_save_s_temporary_files_go_at_the_next_save(tmp_path) -> None:
    ours = [
        left_by_a_crash(tmp_path, f".plan.journey.k2j3h4g5{TEMP_SUFFIX}"),
        left_by_a_crash(tmp_path, f".plan.journey.bak.a_b_c_d_{TEMP_SUFFIX}"),
        left_by_a_crash(tmp_path, f".other.pdf.zzzzzzzz{TEMP_SUFFIX}"),  # an export's, into the same folder
    ]
    save(make_journey(), tmp_path / "plan.journey")
    assert not any(p.exists() for p in ours)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.journey"]


def test_nobody_else_s_files_are_removed(tmp_path) -> None:
    kept = [
        left_by_a_crash(tmp_path, f".plan.journey.k2j3h4g5{TEMP_SUFFIX}", age=time.time() - 5),  # a save under way
        left_by_a_crash(tmp_path, ".plan.journey.k2j3h4g5.tmp"),  # another program's name
        left_by_a_crash(tmp_path, f"plan.journey.k2j3h4g5{TEMP_SUFFIX}"),  # not hidden: not ours
        left_by_a_crash(tmp_path, f".plan.journey.SHOUTING{TEMP_SUFFIX}"),  # not tempfile's alphabet
        left_by_a_crash(tmp_path, f".plan.journey.k2j3h4g5{TEMP_SUFFIX}.keep"),
        left_by_a_crash(tmp_path, f"notes{TEMP_SUFFIX}"),
    ]
    folder = tmp_path / f".plan.journey.abcdefgh{TEMP_SUFFIX}"
    folder.mkdir()
    os.utime(folder, (OLD, OLD))
    target = left_by_a_crash(tmp_path, "precious.txt")
    link = tmp_path / f".plan.journey.linklink{TEMP_SUFFIX}"
    link.symlink_to(target)
    os.utime(link, (OLD, OLD), follow_symlinks=False)

    save(make_journey(), tmp_path / "plan.journey")

    assert all(p.exists() for p in kept)
    assert folder.is_dir() and link.is_symlink() and target.read_bytes() == b"half a journey"


def test_another_user_s_temporary_files_are_left_alone(tmp_path, monkeypatch) -> None:
    theirs = left_by_a_crash(tmp_path, f".plan.journey.k2j3h4g5{TEMP_SUFFIX}")
    monkeypatch.setattr(os, "geteuid", lambda: theirs.stat().st_uid + 1)
    assert remove_stale_temps(tmp_path) == []
    assert theirs.exists()
    monkeypatch.undo()
    assert remove_stale_temps(tmp_path) == [theirs.name]


def test_stale_temporary_files_in_another_folder_stay(tmp_path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    other = left_by_a_crash(elsewhere, f".plan.journey.k2j3h4g5{TEMP_SUFFIX}")
    save(make_journey(), tmp_path / "plan.journey")
    assert other.exists()


# ------------------------------------------------------------------ the backup


def test_a_backup_that_cannot_be_written_stops_the_save_and_is_named(tmp_path) -> None:
    path = tmp_path / "plan.journey"
    save(make_journey(emotion=-1), path)
    before = path.read_bytes()
    backup_path(path).mkdir()  # a folder where the backup goes

    with pytest.raises(SaveError) as caught:
        save(make_journey(emotion=2), path)

    assert caught.value.path == str(path)
    assert str(backup_path(path)) in caught.value.reason
    assert "is a folder" in caught.value.reason and "nothing was saved" in caught.value.reason
    assert path.read_bytes() == before
    assert backup_path(path).is_dir()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.journey", "plan.journey.bak"]


def test_a_backup_whose_rename_fails_is_named_and_nothing_is_written(tmp_path, monkeypatch) -> None:
    """As in a shared sticky folder holding a colleague's ``.bak``: the folder is writable, that name is not."""
    path = tmp_path / "plan.journey"
    save(make_journey(emotion=-1), path)
    save(make_journey(emotion=0), path)
    before, old_backup = path.read_bytes(), backup_path(path).read_bytes()
    real_replace = os.replace

    def refuse_the_backup(src, dst, **kwargs):  # type: ignore[no-untyped-def]
        if os.fspath(dst).endswith(".bak"):
            raise PermissionError(13, "Permission denied")
        return real_replace(src, dst, **kwargs)

    monkeypatch.setattr(os, "replace", refuse_the_backup)
    with pytest.raises(SaveError) as caught:
        save(make_journey(emotion=2), path)
    monkeypatch.undo()
    assert str(backup_path(path)) in caught.value.reason
    assert path.read_bytes() == before and backup_path(path).read_bytes() == old_backup
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.journey", "plan.journey.bak"]


# ------------------------------------------------------------ read-only files


def test_a_read_only_file_is_not_replaced(tmp_path) -> None:
    path = tmp_path / "plan.journey"
    save(make_journey(emotion=-1), path)
    before = path.read_bytes()
    os.chmod(path, 0o444)

    with pytest.raises(SaveError) as caught:
        save(make_journey(emotion=2), path)

    assert str(caught.value).startswith(f"{path}: is read-only")
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.journey"]


def test_a_read_only_file_is_replaced_when_forced_and_stays_read_only(tmp_path) -> None:
    path = tmp_path / "plan.journey"
    save(make_journey(emotion=-1), path)
    os.chmod(path, 0o444)
    save(make_journey(emotion=2), path, replace_read_only=True)
    assert load(path) == make_journey(emotion=2)
    assert stat.S_IMODE(path.stat().st_mode) == 0o444
    assert backup_path(path).read_bytes() == dumps(make_journey(emotion=-1))


# ------------------------------------------------------------ owner and group


ADMINISTRATOR = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.mark.skipif(not ADMINISTRATOR, reason="only the administrator may give files away")
def test_the_administrator_s_save_keeps_the_owner_and_group(tmp_path) -> None:
    path = tmp_path / "plan.journey"
    save(make_journey(emotion=-1), path)
    os.chown(path, 12345, 23456)
    os.chmod(path, 0o640)
    save(make_journey(emotion=2), path)
    info = path.stat()
    assert (info.st_uid, info.st_gid, stat.S_IMODE(info.st_mode)) == (12345, 23456, 0o640)
    backup = backup_path(path).stat()
    assert (backup.st_uid, backup.st_gid) == (12345, 23456)


def test_the_owner_is_copied_and_a_refusal_keeps_the_save(tmp_path, monkeypatch) -> None:
    """Whoever runs it: the owner and group are asked for; a refused change does not stop the save."""
    path = tmp_path / "plan.journey"
    save(make_journey(emotion=-1), path)
    real = os.stat(path)
    calls: list[tuple[int, int]] = []

    original_stat = Path.stat

    def other_owner(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        info = original_stat(self, *args, **kwargs)
        if self == path:
            values = list(info)
            values[4], values[5] = real.st_uid + 7, real.st_gid + 7  # st_uid, st_gid
            return os.stat_result(values)
        return info

    def chown(name, uid, gid):  # type: ignore[no-untyped-def]
        calls.append((uid, gid))
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(Path, "stat", other_owner)
    monkeypatch.setattr(os, "chown", chown)
    save(make_journey(emotion=2), path)
    monkeypatch.undo()
    assert calls[:2] == [(real.st_uid + 7, real.st_gid + 7), (-1, real.st_gid + 7)]
    assert load(path) == make_journey(emotion=2)
