"""Lock sidecars and content hashes (no Qt): who holds a file, and when a lock is stale."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from workbench.model import locks
from workbench.model.locks import (
    LockHeld,
    LockInfo,
    acquire,
    file_digest,
    lock_path,
    read_lock,
    take_over,
)


@pytest.fixture
def journey(tmp_path: Path) -> Path:
    path = tmp_path / "plan.journey"
    path.write_text('{"format": "journey-workbench"}\n', encoding="utf-8")
    return path


def dead_pid() -> int:
    """The id of a process that has ended and been reaped."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def write_lock(path: Path, **fields: object) -> bytes:
    record = {"user": "ana", "host": "laptop-2", "pid": 4242, "time": "2024-05-02T08:30:00+00:00"}
    record.update(fields)
    raw = json.dumps(record).encode()
    lock_path(path).write_bytes(raw)
    return raw


def test_the_lock_is_a_hidden_sidecar_beside_the_real_file(journey: Path, tmp_path: Path) -> None:
    assert lock_path(journey) == tmp_path / ".~lock.plan.journey#"
    link = tmp_path / "link.journey"
    link.symlink_to(journey)
    assert lock_path(link) == lock_path(journey)  # two names of one file share one lock


def test_acquire_writes_who_where_which_process_and_when(journey: Path) -> None:
    lock = acquire(journey)
    try:
        data = json.loads(lock_path(journey).read_text(encoding="utf-8"))
        assert data["user"] == locks.this_user()
        assert data["host"] == locks.this_host()
        assert data["pid"] == os.getpid()
        assert data["token"] == lock.token
        assert abs(datetime.fromisoformat(data["time"]).timestamp() - datetime.now().timestamp()) < 60
        info = read_lock(journey)
        assert info is not None and info.in_this_process and not info.is_stale()
    finally:
        lock.release()
    assert not lock_path(journey).exists()


def test_creation_is_exclusive_a_second_opener_is_told_who_holds_it(journey: Path, monkeypatch) -> None:
    first = acquire(journey)
    before = lock_path(journey).read_bytes()
    with pytest.raises(LockHeld) as held:
        acquire(journey)  # another window of this same process
    assert held.value.info.pid == os.getpid() and held.value.info.in_this_process
    assert lock_path(journey).read_bytes() == before
    # The lock is made with O_EXCL: an existing lock file is never opened for writing.
    flags: list[int] = []
    real_open = os.open
    monkeypatch.setattr(locks.os, "open", lambda f, fl, *a: flags.append(fl) or real_open(f, fl, *a))
    with pytest.raises(LockHeld):
        acquire(journey)
    assert flags and all(f & os.O_CREAT and f & os.O_EXCL for f in flags)
    first.release()


def test_a_lock_of_a_dead_process_on_this_host_is_taken_over_silently(journey: Path) -> None:
    write_lock(journey, host=locks.this_host(), pid=dead_pid())
    assert read_lock(journey).is_stale()  # type: ignore[union-attr]
    lock = acquire(journey)
    try:
        assert json.loads(lock_path(journey).read_text())["pid"] == os.getpid()
    finally:
        lock.release()


def test_a_lock_of_a_live_process_on_this_host_is_held(journey: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        write_lock(journey, host=locks.this_host(), pid=proc.pid, started=locks.process_start(proc.pid))
        with pytest.raises(LockHeld) as held:
            acquire(journey)
        assert held.value.info.pid == proc.pid and not held.value.info.in_this_process
    finally:
        proc.kill()
        proc.wait()
    acquire(journey).release()  # once it died, the lock is stale


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="process start times come from /proc")
def test_a_reused_process_id_does_not_keep_a_crashed_lock_alive(journey: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"])
    try:
        start = locks.process_start(proc.pid)
        assert start is not None
        write_lock(journey, host=locks.this_host(), pid=proc.pid, started=start - 1000)
        assert read_lock(journey).is_stale()  # type: ignore[union-attr]
    finally:
        proc.kill()
        proc.wait()


def test_a_lock_naming_our_own_pid_but_not_held_here_is_stale(journey: Path) -> None:
    """An earlier process had our id (containers start at low ids): its crash leaves no live lock."""
    write_lock(journey, host=locks.this_host(), pid=os.getpid(), token="not-one-of-ours")
    lock = acquire(journey)
    assert read_lock(journey).token == lock.token  # type: ignore[union-attr]
    lock.release()


def test_a_lock_from_another_host_is_never_stale(journey: Path) -> None:
    raw = write_lock(journey, host="laptop-2-" + locks.this_host(), pid=dead_pid())
    info = read_lock(journey)
    assert info is not None and not info.is_stale()
    with pytest.raises(LockHeld) as held:
        acquire(journey)
    assert held.value.info.user == "ana" and held.value.info.host.startswith("laptop-2")
    assert held.value.info.time == datetime.fromisoformat("2024-05-02T08:30:00+00:00")
    assert lock_path(journey).read_bytes() == raw


@pytest.mark.parametrize(
    "raw",
    [b"", b"\x00\xff garbage", b"[1, 2]", b'{"user": "ana"}', b'{"user": 3, "host": "h", "pid": 1, "time": "x"}'],
)
def test_a_garbled_lock_is_held_by_someone_yet_can_be_taken_over(journey: Path, raw: bytes) -> None:
    lock_path(journey).write_bytes(raw)
    os.utime(lock_path(journey), (0, 0))  # an old empty file is not one being written right now
    info = read_lock(journey)
    assert info is not None and info.garbled and not info.is_stale()
    with pytest.raises(LockHeld) as held:
        acquire(journey)
    assert held.value.info.garbled
    lock = take_over(journey)
    assert read_lock(journey).token == lock.token  # type: ignore[union-attr]
    lock.release()
    assert not lock_path(journey).exists()


def test_open_anyway_replaces_the_holders_lock(journey: Path) -> None:
    write_lock(journey, host="elsewhere")
    lock = take_over(journey)
    info = read_lock(journey)
    assert info is not None and info.token == lock.token and info.pid == os.getpid()
    assert sorted(p.name for p in journey.parent.iterdir()) == [".~lock.plan.journey#", "plan.journey"]  # no temp left
    lock.release()


def test_release_removes_only_our_own_lock(journey: Path) -> None:
    lock = acquire(journey)
    raw = write_lock(journey, host="elsewhere", token="theirs")  # someone opened it anyway
    assert not lock.is_ours()
    lock.release()
    assert lock_path(journey).read_bytes() == raw
    with pytest.raises(LockHeld):
        acquire(journey)


def test_released_at_exit_when_no_window_gave_it_back(journey: Path) -> None:
    code = f"from workbench.model.locks import acquire; acquire({str(journey)!r})"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=Path(__file__).resolve().parents[2])
    assert not lock_path(journey).exists()


def test_content_digest_tells_any_change_of_bytes(journey: Path, tmp_path: Path) -> None:
    first = file_digest(journey)
    assert first is not None and len(first) == 64
    assert file_digest(journey) == first
    journey.write_bytes(journey.read_bytes().replace(b"journey", b"Journey"))
    assert file_digest(journey) != first
    assert file_digest(tmp_path / "missing.journey") is None


def test_lock_info_parses_naive_times_as_utc() -> None:
    info = LockInfo.parse(b'{"user": "a", "host": "h", "pid": 3, "time": "2024-01-01T10:00:00"}')
    assert not info.garbled and info.time is not None and info.time.utcoffset() is not None
    assert LockInfo.parse(b'{"user": "a", "host": "h", "pid": true, "time": "2024-01-01"}').garbled
