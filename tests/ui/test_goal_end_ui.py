"""Goal reached and end of the journey, set as a facilitator would (issue #14).

The Inspector has a checkbox for each, the canvas menu an action for each;
every change is one undo step that undo reverses exactly, and the health check
and the Outline follow.
"""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QCheckBox, QFormLayout

from tests.ui.helpers import pick_tab
from tests.ui.test_canvas import box, small_journey
from tests.ui.test_context_menu import menu_at, trigger
from tests.ui.test_findings import open_checked, rules_shown
from workbench.model.fileformat import MINOR, VERSION, dumps, save
from workbench.ui.main_window import MainWindow
from workbench.ui.outline import Outline

LEFT = Qt.MouseButton.LeftButton
SAMPLE = Path(__file__).resolve().parents[1] / "data" / "migrations" / "v1.0-goals.journey"


def checkbox(window: MainWindow, step_id: str, field: str) -> QCheckBox:
    """The Inspector's checkbox of *field*, once *step_id* is selected on the canvas."""
    if window.inspector.element_id != step_id:
        window.scene.select_ids([step_id])
    assert window.inspector.element_id == step_id
    QApplication.processEvents()  # a rebuilt form's rows are shown by a queued call, as on screen
    found = window.inspector.findChild(QCheckBox, field)
    assert found is not None and found.isVisible(), field
    return found


def tick(box: QCheckBox) -> None:
    """Click the box where its indicator is (a form stretches the widget far beyond its text)."""
    QTest.mouseClick(box, LEFT, Qt.KeyboardModifier.NoModifier, QPoint(box.height() // 2, box.height() // 2))


def test_the_inspector_has_an_end_checkbox_next_to_the_goal_one(window: MainWindow) -> None:
    goal, end = checkbox(window, "step-3", "goal"), checkbox(window, "step-3", "end")
    assert goal.text() == "Goal reached" and end.text() == "End of the journey"
    assert "milestone" in goal.toolTip() and "Nothing follows" in end.toolTip()
    assert end.accessibleName() == "End of the journey"
    form = window.inspector.form
    rows = [form.getWidgetPosition(w)[0] for w in (goal, end)]
    assert rows[1] == rows[0] + 1
    assert form.getWidgetPosition(end)[1] == QFormLayout.ItemRole.FieldRole


def test_ticking_end_in_the_inspector_is_one_undo_step_that_undo_reverses_exactly(window: MainWindow) -> None:
    doc, stack = window.document, window.stack
    before = dumps(doc.journey)
    end = checkbox(window, "step-2", "end")
    assert not end.isChecked()
    tick(end)
    assert doc.get("step-2").end is True and doc.get("step-2").goal is False
    assert end.isChecked()
    assert stack.count() == 1 and stack.undoText() == "Edit end of the journey"
    stack.undo()
    assert dumps(doc.journey) == before
    assert not checkbox(window, "step-2", "end").isChecked()
    stack.redo()
    assert doc.get("step-2").end is True and checkbox(window, "step-2", "end").isChecked()


def test_ticking_goal_reached_leaves_end_alone(window: MainWindow) -> None:
    tick(checkbox(window, "step-3", "goal"))
    step = window.document.get("step-3")
    assert step.goal is True and step.end is False
    assert not checkbox(window, "step-3", "end").isChecked()


def test_mark_and_unmark_as_end_from_the_canvas_menu(window: MainWindow) -> None:
    doc, stack = window.document, window.stack
    before = dumps(doc.journey)
    menu = menu_at(window, *box(window, "step", "step-2").centre)
    action = menu.findChild(QAction, "ctx-end")
    assert action is not None and action.text() == "Mark as end"
    assert action.isCheckable() and not action.isChecked()
    trigger(window, menu, "ctx-end")
    assert doc.get("step-2").end is True
    assert stack.undoText() == "Mark as end"
    menu = menu_at(window, *box(window, "step", "step-2").centre)
    assert menu.findChild(QAction, "ctx-end").isChecked()
    trigger(window, menu, "ctx-end")
    assert doc.get("step-2").end is False
    assert stack.undoText() == "Unmark as end"
    stack.undo()
    assert doc.get("step-2").end is True
    stack.undo()
    assert dumps(doc.journey) == before


def test_the_outline_says_goal_and_end(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    menu = menu_at(window, *box(window, "step", "step-3").centre)
    trigger(window, menu, "ctx-end")
    trigger(window, menu_at(window, *box(window, "step", "step-3").centre), "ctx-goal")
    outline: Outline = window.outline
    pick_tab(window, window.outline_dock)  # (behind the inspector's tab, the outline waits to be looked at)
    if outline._dirty:
        outline.rebuild()
    accessible = Qt.ItemDataRole.AccessibleTextRole
    expected = ("Step 3 of 3: Signs up, emotion -1, goal, end of the journey, "
                "touchpoints: Phone with an advisor (human)")
    qtbot.waitUntil(lambda: outline.row_for("step-3").data(0, accessible) == expected, timeout=3000)


def test_an_end_cuts_the_flow_in_the_findings_and_a_goal_does_not(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "small.journey"
    save(small_journey(), path)
    window = open_checked(qtbot, path)
    assert "unreachable" not in rules_shown(window)
    # A goal reached at "Compares": the customer may stop, or go on to sign up.
    tick(checkbox(window, "step-2", "goal"))
    qtbot.waitUntil(window.findings.is_current, timeout=5000)
    assert "unreachable" not in rules_shown(window)
    # The end of the journey at "Compares": nothing leads to "Signs up" any more.
    tick(checkbox(window, "step-2", "end"))
    qtbot.waitUntil(lambda: "unreachable" in rules_shown(window), timeout=5000)
    window.stack.undo()
    qtbot.waitUntil(lambda: window.findings.is_current() and "unreachable" not in rules_shown(window), timeout=5000)


def test_a_minor_0_file_opens_migrated_clean_and_saves_as_the_current_minor(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bookshop.journey"
    path.write_bytes(SAMPLE.read_bytes())
    window = open_checked(qtbot, path)
    assert window.stack.isClean() and not window.isWindowModified()
    assert window.document.get("step-delivered").end and not window.document.get("step-collect").end
    assert "unreachable" not in rules_shown(window)
    assert window.save()
    written = json.loads(path.read_text(encoding="utf-8"))
    assert (written["version"], written.get("minor", 0)) == (VERSION, MINOR)  # a minor of 0 is not written
    assert [s["id"] for s in written["journey"]["steps"] if s.get("end")] == ["step-delivered", "step-recommend"]
