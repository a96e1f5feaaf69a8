"""Flow links in the inspector, driven as a facilitator would: the selected step's
"Link to..." button, typing in the step filter, Enter or a click on a step; a
link's label typed in; a link removed from the step's list. Each is one undo step.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QPushButton

from tests.ui.helpers import open_window
from tests.ui.test_canvas import small_journey
from workbench.model.fileformat import save
from workbench.model.journey import Step
from workbench.ui.inspector_links import StepPicker
from workbench.ui.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton
NO = Qt.KeyboardModifier.NoModifier


def links(window: MainWindow) -> list[tuple[str, str, str]]:
    return [(lk.source, lk.target, lk.label) for lk in window.document.journey.links]


def open_picker(qtbot, window: MainWindow, step_id: str) -> StepPicker:  # type: ignore[no-untyped-def]
    """Select *step_id* on the canvas and click the inspector's "Link to..." button."""
    window.scene.select_ids([step_id])
    assert window.inspector.element_id == step_id
    button = window.inspector.findChild(QPushButton, "link-to")
    assert button is not None and button.isEnabled() and button.text() == "Link to..."
    QTest.mouseClick(button, LEFT)
    picker = window.inspector.findChild(StepPicker, "step-picker")
    assert picker is not None
    qtbot.waitUntil(picker.isVisible, timeout=2000)
    return picker


def shown_steps(picker: StepPicker) -> list[str]:
    return [picker.list.item(i).text() for i in range(picker.list.count()) if not picker.list.item(i).isHidden()]


def links_out(window: MainWindow) -> list[str]:
    listed = window.inspector.findChild(QListWidget, "links-out")
    assert listed is not None
    return [listed.item(i).text() for i in range(listed.count())]


def test_link_to_filters_the_steps_and_enter_adds_one_undoable_link(qtbot, window: MainWindow) -> None:
    picker = open_picker(qtbot, window, "step-1")
    assert shown_steps(picker) == ["Compares", "Signs up"]  # the other steps, in time order; not itself
    box = picker.findChild(QLineEdit, "step-filter")
    assert box.hasFocus() or picker.focusWidget() is box  # the hands can type at once
    QTest.keyClicks(box, "GNS U")  # anywhere in the title, any case
    assert shown_steps(picker) == ["Signs up"]
    QTest.keyClick(box, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not picker.isVisible(), timeout=2000)

    added = [lk for lk in window.document.journey.links if lk.source == "step-1"]
    assert [(lk.target, lk.label) for lk in added] == [("step-3", "")]
    assert added[0].id.startswith("link") and added[0].id != "link-back"
    assert window.stack.count() == 1
    assert window.stack.undoText() == "Add link"
    assert window.actions.undo.text() == "Undo Add link"
    assert window.inspector.element_id == "step-1"  # the step stays selected, to link it further
    assert links_out(window) == ["To 'Signs up' (branch)"]

    window.actions.undo.trigger()
    assert links(window) == [("step-3", "step-2", "hesitates")]
    assert links_out(window) == []
    window.actions.redo.trigger()
    assert ("step-1", "step-3", "") in links(window)


def test_a_click_on_a_step_then_link_adds_a_loop(qtbot, window: MainWindow) -> None:
    picker = open_picker(qtbot, window, "step-2")
    item = picker.list.findItems("Sees the offer", Qt.MatchFlag.MatchExactly)[0]
    QTest.mouseClick(picker.list.viewport(), LEFT, NO, picker.list.visualItemRect(item).center())
    assert picker.chosen() == "step-1"
    QTest.mouseClick(picker.ok, LEFT)
    assert ("step-2", "step-1", "") in links(window)
    assert window.stack.undoText() == "Add link"
    assert links_out(window) == ["To 'Sees the offer' (loop)"]

    new = next(lk for lk in window.document.journey.links if lk.source == "step-2")
    window.scene.select_ids([new.id])
    assert window.inspector.element_id == new.id
    assert window.inspector.findChild(QLabel, "link-kind").text() == "Loop: goes back to an earlier step"


def test_the_filter_ignores_case_and_accents_and_arrows_choose(qtbot) -> None:  # type: ignore[no-untyped-def]
    steps = [("s-a", "Réclamation à l'agence", False), ("s-b", "Pays online", False), ("s-c", "Écoute", True)]
    picker = StepPicker(steps)
    qtbot.addWidget(picker)
    picker.show()
    box = picker.filter
    QTest.keyClicks(box, "ecl")
    assert shown_steps(picker) == ["Réclamation à l'agence"]
    box.clear()
    QTest.keyClicks(box, "AGENCE")
    assert picker.chosen() == "s-a"
    box.clear()
    QTest.keyClicks(box, "e")  # all three contain an e (É counts)
    assert len(shown_steps(picker)) == 3 and shown_steps(picker)[2] == "Écoute (already linked)"
    QTest.keyClick(box, Qt.Key.Key_Down)
    assert picker.chosen() == "s-b"
    QTest.keyClick(box, Qt.Key.Key_Down)
    QTest.keyClick(box, Qt.Key.Key_Down)
    assert picker.chosen() == "s-c"  # stays on the last
    QTest.keyClicks(box, "zz")
    assert shown_steps(picker) == [] and picker.chosen() is None
    assert not picker.ok.isEnabled()
    QTest.keyClick(box, Qt.Key.Key_Return)
    assert picker.isVisible()  # nothing to choose: Enter does not close it
    assert picker.findChild(QLabel, "step-none").isVisible()


def test_editing_a_links_label_is_one_undo_step(qtbot, window: MainWindow) -> None:
    window.scene.select_ids(["link-back"])
    inspector = window.inspector
    assert inspector.element_id == "link-back"
    assert inspector.findChild(QLabel, "link-source").text() == "Signs up"
    assert inspector.findChild(QLabel, "link-target").text() == "Compares"
    assert inspector.findChild(QLabel, "link-kind").text() == "Loop: goes back to an earlier step"
    label = inspector.findChild(QLineEdit, "label")
    assert label.text() == "hesitates"
    label.setFocus()
    QTest.keyClick(label, Qt.Key.Key_End)
    for char in " again":
        QTest.keyClick(label, char)
        qtbot.wait(2)
    assert window.document.get("link-back").label == "hesitates again"
    assert inspector.findChild(QLineEdit, "label") is label  # not rebuilt under the fingers
    assert window.stack.count() == 1
    assert window.stack.undoText() == "Edit label"
    window.actions.undo.trigger()
    assert window.document.get("link-back").label == "hesitates"
    assert label.text() == "hesitates" or label.hasFocus()

    window.document.update("step-2", title="Compares offers")  # the ends follow the steps
    assert inspector.findChild(QLabel, "link-target").text() == "Compares offers"


def test_a_duplicate_or_self_link_is_refused_with_a_message(qtbot, window: MainWindow) -> None:
    picker = open_picker(qtbot, window, "step-3")
    assert "Signs up" not in " ".join(shown_steps(picker))  # never offered a link to itself
    QTest.keyClicks(picker.filter, "compa")
    assert shown_steps(picker) == ["Compares (already linked)"]
    QTest.keyClick(picker.filter, Qt.Key.Key_Return)
    assert links(window) == [("step-3", "step-2", "hesitates")]
    assert window.stack.count() == 0
    assert window.statusBar().currentMessage() == "'Signs up' already links to 'Compares'."

    assert not window.inspector.step_links.add("step-3", "step-3")
    assert window.statusBar().currentMessage() == "A step cannot link to itself."
    assert window.stack.count() == 0


def test_removing_a_link_from_the_steps_list_is_one_undo_step(qtbot, window: MainWindow) -> None:
    window.scene.select_ids(["step-3"])
    listed = window.inspector.findChild(QListWidget, "links-out")
    remove = window.inspector.findChild(QPushButton, "remove-link")
    assert links_out(window) == ["To 'Compares' \u2014 hesitates (loop)"]
    assert not remove.isEnabled()  # nothing chosen yet
    QTest.mouseClick(listed.viewport(), LEFT, NO, listed.visualItemRect(listed.item(0)).center())
    assert remove.isEnabled()
    QTest.mouseClick(remove, LEFT)
    assert links(window) == []
    assert links_out(window) == []
    assert window.stack.undoText() == "Remove link"
    window.actions.undo.trigger()
    assert links(window) == [("step-3", "step-2", "hesitates")]
    assert links_out(window) == ["To 'Compares' \u2014 hesitates (loop)"]


def test_a_single_step_cannot_link_anywhere(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    journey = small_journey()
    journey = journey.model_copy(update={
        "steps": [s for s in journey.steps if s.id == "step-1"],
        "cards": [c for c in journey.cards if c.step == "step-1"],
        "links": [],
    })
    assert [s.id for s in journey.steps if isinstance(s, Step)] == ["step-1"]
    path = tmp_path / "one.journey"
    save(journey, path)
    window = open_window(qtbot, path)
    window.scene.select_ids(["step-1"])
    assert not window.inspector.findChild(QPushButton, "link-to").isEnabled()
