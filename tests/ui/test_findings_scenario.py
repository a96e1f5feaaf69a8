"""The Findings dock checks the scenario the map edits: "to be" once the toolbar says so."""

from __future__ import annotations

from pathlib import Path

from tests.ui.test_persona_bar import bar_of, choose, two_personas, window_on
from workbench.model.feelings import with_feeling
from workbench.model.journey import Journey


def with_a_to_be_cliff() -> Journey:
    """Bernard's journey to be falls from +2 to -1 between the first two steps; as it is, it is flat."""
    journey = two_personas()
    steps = []
    for step in journey.steps:
        value = {"step-1": 2, "step-2": -1}.get(step.id)
        if value is not None:
            step = step.model_copy(update={"emotions": with_feeling(step, "persona-2", "to_be", value=value)})
        steps.append(step)
    return journey.model_copy(update={"steps": steps})


def cliffs(window) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.message for f in window.findings.report.findings if f.rule == "emotion-cliff"]


def test_the_findings_follow_the_scenario_chosen_in_the_toolbar(qtbot, tmp_path: Path) -> None:
    window = window_on(qtbot, tmp_path, with_a_to_be_cliff())
    bar = bar_of(window)
    findings = window.findings
    qtbot.waitUntil(lambda: findings.report is not None and findings.is_current(), timeout=10_000)
    assert findings.report.metrics.scenario == "as_is"
    assert cliffs(window) == []
    assert "(journey to be)" not in findings.summary.text()

    choose(qtbot, bar.scenarios, "To be")
    qtbot.waitUntil(lambda: findings.report is not None and findings.is_current()
                    and findings.report.metrics.scenario == "to_be", timeout=10_000)
    found = cliffs(window)
    assert len(found) == 1 and found[0].startswith("Bernard: ")
    assert "(journey to be)" in findings.summary.text()

    choose(qtbot, bar.scenarios, "As is")
    qtbot.waitUntil(lambda: findings.is_current() and findings.report.metrics.scenario == "as_is", timeout=10_000)
    assert cliffs(window) == []
