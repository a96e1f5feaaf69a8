"""The command in a pipeline, and the commands that write journeys.

* A reader that stops reading (``workbench check ... | head -1``) ends the
  command quietly with status 141, as a shell reports a program ended by
  SIGPIPE: no "BrokenPipeError" traceback, no "Exception ignored" at exit.
* ``workbench new`` and ``workbench convert`` replace an existing or a
  read-only journey only with ``--force``.
* Text from a journey never reaches the terminal as control characters.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.cli import PIPE_CLOSED, main, printable
from workbench.model.fileformat import backup_path, dumps, load

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("**/*.journey"))
V0 = ROOT / "tests" / "data" / "migrations" / "v0-sample.journey"


def with_closed_stdout(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the command with its stdout a pipe whose reading end is already closed."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", LANGUAGE="en")
    proc = subprocess.Popen(
        [sys.executable, "-m", "workbench", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True,
    )
    assert proc.stdout is not None
    proc.stdout.close()  # before the command writes anything: its first write fails
    _, err = proc.communicate(timeout=300)
    return subprocess.CompletedProcess(proc.args, proc.returncode, "", err)


@pytest.mark.parametrize(
    "args",
    [
        ["check", *map(str, EXAMPLES)],
        ["check", "--format", "json", *map(str, EXAMPLES)],
        ["export", str(EXAMPLES[0]), "-o", "{out}", "--tile"],
        ["convert", str(V0), "-o", "{out}"],
    ],
    ids=["check", "check-json", "export", "convert"],
)
def test_a_closed_pipe_ends_the_command_quietly(tmp_path, args) -> None:
    args = [a.replace("{out}", str(tmp_path / "x.out")) for a in args]
    result = with_closed_stdout(*args)
    assert result.stderr == ""
    assert result.returncode == PIPE_CLOSED == 141


def test_help_into_a_closed_pipe_is_quiet() -> None:
    """argparse drops its own output on a closed pipe and exits 0: quiet as well."""
    for args in (["--help"], ["--version"], ["export", "--help"]):
        result = with_closed_stdout(*args)
        assert result.stderr == ""
        assert result.returncode in (0, PIPE_CLOSED)


def test_head_reads_the_first_line_and_nothing_goes_wrong(tmp_path) -> None:
    """As a user types it; whether the pipe closes before the end depends on timing, the quiet does not."""
    files = " ".join(f"'{p}'" for p in EXAMPLES * 20)
    script = f"'{sys.executable}' -m workbench check {files} | head -1"
    env = dict(os.environ, LANGUAGE="en")
    result = subprocess.run(["sh", "-c", script], capture_output=True, text=True, env=env, timeout=300)
    assert result.stdout.count("\n") == 1 and ": loaded (" in result.stdout
    assert result.stderr == ""


def test_a_closed_stderr_is_quiet_too(tmp_path) -> None:
    env = dict(os.environ, LANGUAGE="en")
    proc = subprocess.Popen(
        [sys.executable, "-m", "workbench", "check", str(tmp_path / "absent.journey")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env, text=True,
    )
    assert proc.stderr is not None
    proc.stderr.close()
    out, _ = proc.communicate(timeout=120)
    assert proc.returncode == PIPE_CLOSED
    assert out == ""


def test_findings_are_printed_without_control_characters(tmp_path, capsys) -> None:
    raw = json.loads(EXAMPLES[-1].read_text(encoding="utf-8"))
    raw["journey"]["steps"][0]["title"] = "Reads\x0bthe \x1b[31mred\x1b[0m notice"
    path = tmp_path / "hostile.journey"
    path.write_text(json.dumps(raw), encoding="utf-8")
    main(["check", str(path)])
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x0b" not in out
    assert printable("a\x0bb\x1b[0m\x9bc\td\ne") == "a b [0m c d e"


# ------------------------------------------------------------ new and convert


def test_new_replaces_a_read_only_journey_only_with_force(tmp_path, capsys) -> None:
    out = tmp_path / "plan.journey"
    out.write_text("precious", encoding="utf-8")
    os.chmod(out, 0o444)
    assert main(["new", "--sector", "retail", "-o", str(out)]) == 1
    assert "already exists; use --force" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "precious"
    assert main(["new", "--sector", "retail", "-o", str(out), "--force"]) == 0
    assert load(out).sector == "retail"
    assert stat.S_IMODE(out.stat().st_mode) == 0o444


def test_convert_migrates_an_old_file_into_a_new_one(tmp_path, capsys) -> None:
    out = tmp_path / "trip.journey"
    assert main(["convert", str(V0), "-o", str(out)]) == 0
    assert capsys.readouterr().out == f"wrote {out} (migrated from format 0)\n"
    assert out.read_bytes() == dumps(load(V0))
    assert json.loads(out.read_text(encoding="utf-8"))["version"] == 2


def test_convert_in_place_keeps_the_old_file_as_backup(tmp_path) -> None:
    path = tmp_path / "trip.journey"
    shutil.copy(V0, path)
    assert main(["convert", str(path), "-o", str(path)]) == 0
    assert backup_path(path).read_bytes() == V0.read_bytes()
    assert load(path) == load(V0)


def test_convert_needs_force_over_another_file_or_a_read_only_one(tmp_path, capsys) -> None:
    out = tmp_path / "other.journey"
    out.write_text("precious", encoding="utf-8")
    assert main(["convert", str(V0), "-o", str(out)]) == 1
    assert f"{out} already exists; use --force to overwrite it" in capsys.readouterr().err
    assert out.read_text(encoding="utf-8") == "precious"
    path = tmp_path / "trip.journey"
    shutil.copy(V0, path)
    os.chmod(path, 0o444)
    assert main(["convert", str(path), "-o", str(path)]) == 1
    assert f"cannot save {path}: is read-only" in capsys.readouterr().err
    assert path.read_bytes() == V0.read_bytes()
    assert main(["convert", str(path), "-o", str(path), "--force"]) == 0
    assert json.loads(path.read_text(encoding="utf-8"))["version"] == 2


def test_convert_refuses_a_newer_major_version(tmp_path, capsys) -> None:
    future = ROOT / "tests" / "data" / "bad" / "future-version.journey"
    out = tmp_path / "x.journey"
    assert main(["convert", str(future), "-o", str(out)]) == 2
    assert "newer Journey Workbench" in capsys.readouterr().err
    assert not out.exists()
