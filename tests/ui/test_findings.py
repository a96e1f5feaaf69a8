"""The Findings dock: updates after edits, click selects, badges on the canvas."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from tests.ui.helpers import open_window
from workbench.ui.findings import ELEMENTS
from workbench.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
COUNTER = ROOT / "examples" / "counter-examples" / "telecom-contract-takeover.journey"


def open_checked(qtbot, path) -> MainWindow:  # type: ignore[no-untyped-def]
    """A window on *path* once the health check (run off the UI thread) has shown its findings."""
    window = open_window(qtbot, path)
    qtbot.waitUntil(window.findings.is_current, timeout=5000)
    return window


def rules_shown(window) -> list[str]:  # type: ignore[no-untyped-def]
    tree = window.findings.tree
    return [tree.topLevelItem(i).data(1, ELEMENTS) for i in range(tree.topLevelItemCount())]


def test_findings_list_and_click_selects_the_step(qtbot) -> None:
    window = open_checked(qtbot, COUNTER)
    assert "trap-loop" in rules_shown(window)
    assert "errors" in window.findings.summary.text()
    tree = window.findings.tree
    first = tree.topLevelItem(0)
    rect = tree.visualItemRect(first)
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, rect.center())
    selected = window.scene.selected_ids()
    assert selected and set(selected) <= set(first.data(0, ELEMENTS))


def test_badges_mark_the_steps_with_errors(qtbot) -> None:
    window = open_checked(qtbot, COUNTER)
    window.scene.ensure_fresh()
    step = window.scene.item_for("step", "step-stuck-paying")
    assert step is not None and step.badge == "error"


def test_the_check_runs_a_moment_after_edits_not_on_every_change(qtbot) -> None:
    window = open_checked(qtbot, COUNTER)
    before = rules_shown(window).count("dead-end")
    assert before == 1
    last = window.document.steps()[-1]
    window.document.update(last.id, goal=True)  # the dead end is now an end
    assert rules_shown(window).count("dead-end") == 1  # not yet: the check waits for a pause
    qtbot.waitUntil(lambda: rules_shown(window).count("dead-end") == 0, timeout=3000)
    window.scene.ensure_fresh()
    assert window.scene.item_for("step", last.id).badge == "error"  # still no human within reach there


def test_thresholds_are_set_in_the_inspector_kept_in_the_file_and_used(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QSpinBox

    from workbench.model.fileformat import load, save

    path = tmp_path / "t.journey"
    save(load(ROOT / "examples" / "counter-examples" / "train-delay-notifications.journey"), path)
    window = open_checked(qtbot, path)
    assert rules_shown(window).count("emotion-cliff") == 2
    window.scene.clearSelection()
    cliff = window.inspector.findChild(QSpinBox, "checks-cliff")
    cliff.setFocus()
    QTest.keyClick(cliff, Qt.Key.Key_Up)  # 2 -> 3 levels
    assert window.document.journey.checks is not None and window.document.journey.checks.cliff == 3
    qtbot.waitUntil(lambda: rules_shown(window).count("emotion-cliff") == 0, timeout=3000)
    window.save()
    assert load(path).checks.cliff == 3


def test_a_click_on_another_persona_s_finding_edits_that_persona_s_curve(qtbot) -> None:
    """A click on Bernard's fall selected its steps, but the map and the inspector went on editing Camille's
    emotions (exploratory test)."""
    from workbench.ui.findings import PERSONA

    window = open_checked(qtbot, ROOT / "examples" / "banking-savings.journey")
    first, second = (p.id for p in window.document.personas()[:2])
    focus = window.scene.focus
    assert focus.persona == first
    tree = window.findings.tree
    rows = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    theirs = next(item for item in rows if item.data(0, PERSONA) == second)
    tree.scrollToItem(theirs)
    QTest.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     tree.visualItemRect(theirs).center())
    assert focus.persona == second
    assert window.persona_bar.personas.currentData() == second  # the bar says whose curve is edited
    assert set(window.scene.selected_ids()) <= set(theirs.data(0, ELEMENTS))
