"""`workbench check` gives the three scores (text and JSON), and `--min-score N` fails a pipeline below N."""

from __future__ import annotations

import json
from pathlib import Path

from tests.cli.test_cli import workbench

ROOT = Path(__file__).resolve().parents[2]
INVOICES = ROOT / "examples" / "counter-examples" / "unretrievable-invoices.journey"  # person 100, human 80, continuity 85
TELECOM = ROOT / "examples" / "counter-examples" / "telecom-contract-takeover.journey"  # human 0
CLEAN = ROOT / "examples" / "automotive-connected-car.journey"  # no warning nor error (banking-savings has two personas and warnings)


def test_the_text_report_gives_each_score_and_what_cost_it() -> None:
    result = workbench("check", str(INVOICES))
    lines = result.stdout.splitlines()
    assert "  score of 'Treats the customer as a person': 100/100 (no finding costs points)" in lines
    assert "  score of 'Plans the switch to a human': 80/100 (1 error: -15, 1 warning: -5)" in lines
    assert "  score of 'Continuous online and offline': 85/100 (3 warnings: -15)" in lines
    assert result.returncode == 1  # an error, and no --min-score: --fail-on error as before


def test_json_has_the_scores_with_their_breakdown() -> None:
    result = workbench("check", str(INVOICES), str(CLEAN), "--format", "json")
    invoices, clean = json.loads(result.stdout)
    scores = invoices["scores"]
    assert list(scores) == ["person", "human", "continuity"]
    assert [scores[c]["score"] for c in scores] == [100, 80, 85]
    human = scores["human"]
    assert human["lost"] == 20
    assert sorted((c["rule"], c["severity"], c["points"]) for c in human["costs"]) == [
        ("dead-end", "error", 15), ("handoff-without-way-back", "warning", 5)
    ]
    rules = {(f["rule"], tuple(f["elements"])) for f in invoices["findings"]}
    assert all((c["rule"], tuple(c["elements"])) in rules for s in scores.values() for c in s["costs"])
    assert all(entry["score"] == 100 and entry["costs"] == [] for entry in clean["scores"].values())


def test_min_score_passes_at_or_above_it_and_fails_below() -> None:
    at = workbench("check", str(INVOICES), "--min-score", "80")
    assert at.returncode == 0, at.stderr  # 80 is enough; the error alone no longer fails it
    assert at.stderr == ""
    below = workbench("check", str(INVOICES), "--min-score", "81")
    assert below.returncode == 1
    assert below.stderr.strip() == (
        f"workbench: {INVOICES}: the score of 'Plans the switch to a human' is 80, below the minimum of 81"
    )
    both = workbench("check", str(INVOICES), "--min-score", "90")
    assert both.returncode == 1 and both.stderr.count("below the minimum of 90") == 2  # human and continuity
    assert workbench("check", str(INVOICES), "--min-score", "0").returncode == 0
    assert workbench("check", str(TELECOM), "--min-score", "1").returncode == 1
    assert workbench("check", str(CLEAN), "--min-score", "100").returncode == 0


def test_min_score_with_fail_on_fails_on_either() -> None:
    assert workbench("check", str(INVOICES), "--min-score", "50", "--fail-on", "error").returncode == 1
    assert workbench("check", str(INVOICES), "--min-score", "50", "--fail-on", "warning").returncode == 1
    assert workbench("check", str(CLEAN), "--min-score", "50", "--fail-on", "warning").returncode == 0


def test_min_score_in_json_mode_keeps_stdout_parseable() -> None:
    result = workbench("check", str(INVOICES), "--format", "json", "--min-score", "81")
    assert result.returncode == 1
    assert json.loads(result.stdout)[0]["scores"]["human"]["score"] == 80
    assert "below the minimum of 81" in result.stderr


def test_a_min_score_out_of_range_is_a_usage_error() -> None:
    for bad in ("101", "-1", "high"):
        result = workbench("check", str(CLEAN), "--min-score", bad)
        assert result.returncode == 2
        assert "--min-score" in result.stderr and "0 to 100" in result.stderr
