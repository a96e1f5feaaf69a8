"""The score of each condition: 100, less 15 per error and 5 per warning of that condition, never below 0."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from workbench.model.analysis import Finding, appendix, check
from workbench.model.fileformat import load
from workbench.model.scores import (
    COSTS,
    FULL,
    below,
    breakdown,
    explain,
    formula,
    from_appendix,
    scores,
    to_json,
    value,
)

ROOT = Path(__file__).resolve().parents[2]
COUNTER = ROOT / "examples" / "counter-examples"


def found(condition: str, severity: str, n: int = 1, rule: str = "rule") -> list[Finding]:
    return [Finding(rule, severity, (f"e{i}",), f"message {i}", condition) for i in range(n)]


def values(findings: list[Finding]) -> dict[str, int]:
    return {c: s.value for c, s in scores(findings).items()}


def test_the_stated_costs() -> None:
    assert (FULL, COSTS) == (100, {"error": 15, "warning": 5, "info": 0})


def test_no_findings_score_100_everywhere() -> None:
    result = scores([])
    assert list(result) == ["person", "human", "continuity"]
    assert all(s.value == 100 and s.costs == () and s.lost == 0 for s in result.values())


def test_known_findings_cost_exact_points_to_their_condition_only() -> None:
    findings = found("human", "error") + found("human", "warning") + found("continuity", "warning", 3)
    assert values(findings) == {"person": 100, "human": 80, "continuity": 85}


def test_notes_cost_nothing() -> None:
    assert values(found("person", "info", 12)) == {"person": 100, "human": 100, "continuity": 100}
    assert scores(found("person", "info"))["person"].costs == ()  # and are not listed as costs


@pytest.mark.parametrize(
    ("errors", "warnings", "expected"),
    [(6, 1, 5), (6, 2, 0), (7, 0, 0), (20, 20, 0), (0, 19, 5), (0, 20, 0), (1, 0, 85), (0, 1, 95)],
)
def test_the_floor_is_0(errors: int, warnings: int, expected: int) -> None:
    findings = found("human", "error", errors) + found("human", "warning", warnings)
    score = scores(findings)["human"]
    assert score.value == expected
    assert score.lost == 15 * errors + 5 * warnings  # what was lost is still told in full
    assert value(["error"] * errors + ["warning"] * warnings) == expected


def test_the_breakdown_says_which_findings_cost_how_much() -> None:
    findings = found("human", "warning") + found("human", "error")
    score = scores(findings)["human"]
    assert [(c.finding.severity, c.points) for c in score.costs] == [("warning", 5), ("error", 15)]
    assert score.counts() == {"error": 1, "warning": 1}  # most severe first
    assert breakdown(score.counts(), "en") == "1 error: -15, 1 warning: -5"
    assert explain(score, "en") == "Plans the switch to a human: 80/100 (1 error: -15, 1 warning: -5)"
    assert explain(scores([])["person"], "en") == "Treats the customer as a person: 100/100 (no finding costs points)"
    assert formula("en") == (
        "Each condition starts at 100 points; each error costs 15, each warning 5; notes cost nothing; "
        "a score never falls below 0."
    )


def test_below_names_the_scores_under_a_minimum() -> None:
    result = scores(found("human", "error") + found("continuity", "warning"))
    assert [s.condition for s in below(result, 90)] == ["human"]
    assert [s.condition for s in below(result, 96)] == ["human", "continuity"]
    assert below(result, 85) == []  # a minimum is met by a score equal to it


def test_the_scores_of_the_counter_examples() -> None:
    expect = {
        "telecom-contract-takeover": {"person": 100, "human": 0, "continuity": 100},
        "train-delay-notifications": {"person": 90, "human": 95, "continuity": 95},
        "unretrievable-invoices": {"person": 100, "human": 80, "continuity": 85},
    }
    for name, numbers in expect.items():
        assert values(check(load(COUNTER / f"{name}.journey")).findings) == numbers, name


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_pdf_appendix_rows_give_the_same_scores(language: str) -> None:
    for path in sorted(COUNTER.glob("*.journey")):
        report = check(load(path), language=language)
        rows, _ = appendix(report, language)
        direct = scores(report.findings)
        assert [(score, counts) for _, score, counts in from_appendix(rows, language)] == [
            (s.value, s.counts()) for s in direct.values()
        ], path.name


def test_json_lists_each_costly_finding_with_its_points() -> None:
    report = check(load(COUNTER / "unretrievable-invoices.journey"))
    data = to_json(scores(report.findings))
    human = data["human"]
    assert human["score"] == 80 and human["lost"] == 20  # type: ignore[index]
    assert {(c["rule"], c["points"]) for c in human["costs"]} == {  # type: ignore[index]
        ("dead-end", 15), ("handoff-without-way-back", 5)
    }
    for entry in data.values():
        assert entry["score"] == max(0, 100 - sum(c["points"] for c in entry["costs"]))  # type: ignore[index]


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_user_guide_states_the_same_formula(language: str) -> None:
    page = (ROOT / "resources" / "guide" / f"{language}.html").read_text("utf-8")
    section = page[page.index('<h3 id="scores">') :]
    section = section[: re.search(r"<h[23] ", section[4:]).start() + 4]  # type: ignore[union-attr]
    text = " ".join(re.sub(r"<[^>]+>", "", section).split())
    stated = f"{FULL} − {COSTS['error']} ×"
    assert stated in text and f"− {COSTS['warning']} ×" in text, text
    assert f"{FULL} − {COSTS['error']} − {COSTS['warning']} = 80" in text  # the worked example
    assert "--min-score" in text
