"""``workbench diff`` as a user and as git call it: output, exit codes, errors."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.cli import main
from workbench.model.document import JourneyDocument
from workbench.model.fileformat import load, save

ROOT = Path(__file__).resolve().parents[2]
PAIR = ROOT / "tests" / "data" / "diff"
BEFORE, AFTER = str(PAIR / "bike-before.journey"), str(PAIR / "bike-after.journey")
BANKING = ROOT / "examples" / "banking-savings.journey"


@pytest.fixture(autouse=True)
def english(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANGUAGE", "en")
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    status = main(["diff", *args])
    out, err = capsys.readouterr()
    return status, out, err


def test_two_different_journeys_exit_1_and_are_described(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, BEFORE, AFTER)
    assert status == 1 and err == ""
    lines = out.splitlines()
    assert lines[0] == f"Comparing {BEFORE} with {AFTER}"
    assert lines[1] == "2 added, 2 removed, 2 changed, 1 moved"
    assert '  Title: "Buying a bike" → "Buying an e-bike"' in lines
    assert "  Emotion (Ann, as is): \u22121 → +1 (better by 2)" in lines
    assert 'Card moved: "Which size?" [c3]' in lines
    assert '  Lane: "Thoughts" → "Pain points"' in lines
    assert 'Step removed: "Sees an ad" [s1]' in lines
    assert 'Card removed: "Instagram ad" [c1]' in lines
    assert 'Link added: "Compares bikes → Test rides it" [k2]' in lines


def test_the_same_journey_exits_0(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    copy = tmp_path / "copy.journey"
    shutil.copy(BANKING, copy)
    status, out, _ = run(capsys, str(BANKING), str(copy))
    assert status == 0
    assert out.splitlines()[-1] == "The journeys are the same."


def test_json_parses_and_holds_the_changes(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, BEFORE, AFTER, "--format", "json")
    assert status == 1
    data = json.loads(out)
    assert data["old"] == BEFORE and data["new"] == AFTER
    assert data["summary"] == {"added": 2, "removed": 2, "changed": 2, "moved": 1, "renumbered": 0}
    by_id = {c["id"]: c for c in data["changes"]}
    assert by_id[None]["fields"] == [{"field": "title", "old": "Buying a bike", "new": "Buying an e-bike"}]
    assert by_id["c3"]["kind"] == "moved"
    assert {"field": "lane", "old": "l-th", "new": "l-pp"} in by_id["c3"]["fields"]
    assert by_id["s9"]["kind"] == "added" and by_id["s9"]["element"]["title"] == "Test rides it"
    assert data["emotions"] == [
        {"step": "s2", "label": "Compares bikes", "persona": "persona-1", "scenario": "as_is", "old": -1, "new": 1}
    ]


def test_an_edited_example_is_compared_through_the_command(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    doc = JourneyDocument(load(BANKING))
    step = doc.steps()[0]
    doc.update(step.id, title="Sees a tip in the app")
    edited = tmp_path / "edited.journey"
    save(doc.journey, edited)
    status, out, _ = run(capsys, str(BANKING), str(edited))
    assert status == 1
    assert "0 added, 0 removed, 1 changed, 0 moved" in out
    assert f'Step changed: "Sees a tip in the app" [{step.id}]' in out


def test_a_file_that_does_not_load_exits_2_naming_it(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    broken = tmp_path / "broken.journey"
    broken.write_text('{"format": "journey-workbench", "version": 1, "journey": {', encoding="utf-8")
    status, out, err = run(capsys, BEFORE, str(broken))
    assert status == 2 and out == ""
    assert err.startswith(f"workbench: {broken}:")
    missing = tmp_path / "missing.journey"
    status, _, err = run(capsys, str(missing), AFTER)
    assert status == 2 and str(missing) in err
    # For git, a journey that does not load is shown as it is (git would stop the whole diff on a failure).
    status, out, err = run(capsys, "--textconv", str(broken))
    assert status == 0 and out == broken.read_text(encoding="utf-8")
    assert str(broken) in err and "shown as it is" in err
    status, out, err = run(capsys, "--textconv", str(missing))
    assert status == 2 and out == "" and str(missing) in err


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, BEFORE)[0] == 2
    status, _, err = run(capsys, "--textconv", BEFORE, AFTER)
    assert status == 2 and "--textconv takes one FILE" in err


def test_textconv_prints_the_journey_as_readable_stable_lines(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "--textconv", AFTER)
    assert status == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == 'Journey: "Buying an e-bike"'
    assert 'Stage "Buy" [st-b]' in lines
    assert '  Step "Test rides it" [s9]' in lines
    assert '      - pain point: "Which size?" [c3]' not in lines  # a thought stays a thought
    assert '      - thought: "Which size?" [c3]' in lines
    assert lines.index("    Pain points:") < lines.index('      - thought: "Which size?" [c3]')
    assert run(capsys, "--textconv", AFTER)[1] == out


def test_the_installed_command_works_as_git_calls_it(tmp_path: Path) -> None:
    env = dict(os.environ, LANGUAGE="en", QT_QPA_PLATFORM="offscreen")
    command = [sys.executable, "-m", "workbench", "diff"]
    result = subprocess.run([*command, "--textconv", BEFORE], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert '  Step "Sees an ad" [s1]' in result.stdout.splitlines()
    result = subprocess.run([*command, BEFORE, AFTER], capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 1 and "Card moved" in result.stdout
