"""The Outline dock driven by real key presses, as a keyboard or screen-reader user would."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QTreeWidgetItem

from tests.ui.helpers import click, open_window, pick_tab
from tests.ui.test_canvas import box, small_journey
from workbench.model.fileformat import dumps, save
from workbench.model.journey import Card, Handoff, Journey, Stage, Step
from workbench.model.templates import standard_lanes
from workbench.ui.main_window import MainWindow
from workbench.ui.outline import ELEMENT, Outline
from workbench.ui.messages import plain_tip

Key = Qt.Key
NO = Qt.KeyboardModifier.NoModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(window: MainWindow) -> MainWindow:
    """The shared window, with the outline's tab clicked (it shares the right with the inspector, in front)."""
    pick_tab(window, window.outline_dock)
    return window




def outline_of(window: MainWindow) -> Outline:
    outline = window.outline
    if outline._dirty:
        outline.rebuild()
    return outline


def go_to(window: MainWindow, element_id: str) -> Outline:
    """Click the element's row, then give the outline the keyboard."""
    outline = outline_of(window)
    row = outline.row_for(element_id)
    assert row is not None, element_id
    outline.scrollToItem(row)
    QTest.mouseClick(outline.viewport(), Qt.MouseButton.LeftButton, NO, outline.visualItemRect(row).center())
    outline.setFocus()
    assert current_id(outline) == element_id
    return outline


def press(outline: Outline, key: Qt.Key, modifier: Qt.KeyboardModifier = NO) -> None:
    """A key to whatever has the focus (the tree, or its editor), then what Qt queued after it."""
    QTest.keyClick(QApplication.focusWidget() or outline, key, modifier)
    QApplication.processEvents()  # an item editor commits on Enter through a queued call


def current_id(outline: Outline) -> str | None:
    row = outline.currentItem()
    return row.data(0, ELEMENT) if row is not None else None


def child_ids(row: QTreeWidgetItem) -> list[str]:
    return [row.child(i).data(0, ELEMENT) for i in range(row.childCount())]


def test_the_tree_shows_stages_steps_and_what_each_step_holds(window: MainWindow) -> None:
    outline = outline_of(window)
    stages = [outline.topLevelItem(i) for i in range(outline.topLevelItemCount())]
    assert [r.data(0, ELEMENT) for r in stages] == ["stage-a", "stage-b"]
    assert [child_ids(r) for r in stages] == [["step-1", "step-2"], ["step-3"]]
    assert outline.row_for("step-3").childCount() == 0  # made only when the step opens
    step_3 = outline.row_for("card-pain").parent()
    assert child_ids(step_3) == ["card-advisor", "card-pain", "link-back"]  # lane order, then links
    assert step_3.isExpanded()


def test_the_arrow_keys_open_a_step_and_walk_into_it(window: MainWindow) -> None:
    outline = go_to(window, "step-2")
    assert not outline.row_for("step-2").isExpanded()  # steps start closed
    press(outline, Key.Key_Right)
    press(outline, Key.Key_Down)
    assert current_id(outline) == "card-think" and window.scene.selected_ids() == ["card-think"]


def test_insert_adds_a_step_after_the_current_one_and_undo_removes_it(window: MainWindow) -> None:
    outline = go_to(window, "step-1")
    press(outline, Key.Key_Insert)
    doc = window.document
    steps = [s.id for s in doc.steps()]
    assert len(steps) == 4 and steps[0] == "step-1" and steps[2] == "step-2"
    new = doc.get(steps[1])
    assert (new.title, new.stage) == ("New step", "stage-a")
    assert outline.state() == QAbstractItemView.State.EditingState and current_id(outline) == new.id
    press(outline, Key.Key_Return)  # keeps the default title
    assert window.stack.count() == 1 and window.stack.undoText() == "Add step"
    window.stack.undo()
    assert new.id not in doc and [s.id for s in doc.steps()] == ["step-1", "step-2", "step-3"]


def test_a_step_inserted_and_named_is_one_undo_step_as_on_the_map(window: MainWindow) -> None:
    """It took two: the first Ctrl+Z left a "New step" behind (exploratory test, keyboard user)."""
    before = dumps(window.document.journey)
    outline = go_to(window, "step-1")
    press(outline, Key.Key_Insert)
    QTest.keyClicks(QApplication.focusWidget(), "Pays the deposit")
    press(outline, Key.Key_Return)
    titles = [s.title for s in window.document.steps()]
    assert titles[1] == "Pays the deposit" and window.stack.count() == 1
    window.stack.undo()
    assert dumps(window.document.journey) == before
    press(outline, Key.Key_F2)  # a row not just inserted: its text is an undo step of its own
    QTest.keyClicks(QApplication.focusWidget(), "Sees the new offer")
    press(outline, Key.Key_Return)
    assert window.stack.count() == 1 and window.stack.undoText() == "Edit text"


def test_escape_on_a_row_just_inserted_takes_it_away(window: MainWindow) -> None:
    before = dumps(window.document.journey)
    outline = go_to(window, "card-think")
    press(outline, Key.Key_Insert)
    assert len(window.document.cards_at("step-2", "lane-thoughts")) == 2
    press(outline, Key.Key_Escape)
    assert dumps(window.document.journey) == before
    assert current_id(outline_of(window)) == "card-think"


def test_f2_then_typing_then_enter_renames_a_step(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    outline = go_to(window, "step-2")
    press(outline, Key.Key_F2)
    assert window.scene.editor is None  # the tree edits, not the canvas
    QTest.keyClicks(QApplication.focusWidget(), "Compares prices ")
    press(outline, Key.Key_Return)
    assert window.document.get("step-2").title == "Compares prices"
    assert window.stack.count() == 1 and window.stack.undoText() == "Edit text"
    qtbot.waitUntil(lambda: outline.row_for("step-2").text(0) == "Compares prices")
    assert current_id(outline) == "step-2" and outline.hasFocus()
    press(outline, Key.Key_F2)
    press(outline, Key.Key_Backspace)  # the text starts selected: this empties it
    press(outline, Key.Key_Return)
    assert window.document.get("step-2").title == "Compares prices" and window.stack.count() == 1


def test_enter_edits_a_card_text(window: MainWindow) -> None:
    outline = go_to(window, "card-think")
    press(outline, Key.Key_Return)
    QTest.keyClicks(QApplication.focusWidget(), "Too dear?")
    press(outline, Key.Key_Return)
    assert window.document.get("card-think").text == "Too dear?"


def test_delete_removes_a_card_and_undo_restores_it_exactly(window: MainWindow) -> None:
    before = dumps(window.document.journey)
    outline = go_to(window, "card-advisor")
    press(outline, Key.Key_Delete)
    assert "card-advisor" not in window.document
    assert window.stack.count() == 1 and window.stack.undoText() == "Delete"
    assert current_id(outline) == "card-pain"  # the next row takes the focus
    assert window.scene.selected_ids() == ["card-pain"]
    window.stack.undo()
    assert dumps(window.document.journey) == before


def test_deleting_a_step_takes_its_cards_and_links_in_one_command(window: MainWindow) -> None:
    before = dumps(window.document.journey)
    outline = go_to(window, "step-3")
    press(outline, Key.Key_Delete)
    doc = window.document
    gone = ["step-3", "card-advisor", "card-pain", "link-back"]
    assert not [element_id for element_id in gone if element_id in doc]
    assert current_id(outline) == "stage-b"  # the only step of its stage: its stage takes the focus
    assert window.stack.count() == 1
    window.stack.undo()
    assert dumps(doc.journey) == before


def test_alt_down_reorders_steps_and_goes_on_into_the_next_stage(window: MainWindow) -> None:
    doc = window.document
    outline = go_to(window, "step-1")
    press(outline, Key.Key_Down, ALT)
    assert [s.id for s in doc.steps()] == ["step-2", "step-1", "step-3"]
    assert current_id(outline) == "step-1" and outline.hasFocus()
    press(outline, Key.Key_Down, ALT)
    assert doc.get("step-1").stage == "stage-b" and [s.id for s in doc.steps()] == ["step-2", "step-1", "step-3"]
    press(outline, Key.Key_Up, ALT)
    press(outline, Key.Key_Up, ALT)
    assert [s.id for s in doc.steps()] == ["step-1", "step-2", "step-3"] and doc.get("step-1").stage == "stage-a"
    assert current_id(outline) == "step-1"


def test_alt_down_reorders_stages(window: MainWindow) -> None:
    outline = go_to(window, "stage-a")
    press(outline, Key.Key_Down, ALT)
    assert [s.id for s in window.document.stages()] == ["stage-b", "stage-a"]
    assert current_id(outline) == "stage-a"


def test_alt_right_and_left_move_a_card_to_the_next_and_previous_step(window: MainWindow) -> None:
    doc = window.document
    outline = go_to(window, "card-think")
    press(outline, Key.Key_Right, ALT)
    card = doc.get("card-think")
    assert (card.step, card.lane) == ("step-3", "lane-thoughts")
    assert current_id(outline) == "card-think" and outline.row_for("card-think").parent().data(0, ELEMENT) == "step-3"
    assert window.scene.selected_ids() == ["card-think"]
    press(outline, Key.Key_Right, ALT)  # no step further: refused, nothing recorded
    assert doc.get("card-think").step == "step-3" and "no cell further" in window.statusBar().currentMessage()
    press(outline, Key.Key_Left, ALT)
    press(outline, Key.Key_Left, ALT)
    assert doc.get("card-think").step == "step-1"


def test_alt_shift_down_moves_a_card_to_the_next_lane_that_takes_it(window: MainWindow) -> None:
    doc = window.document
    doc.add(Card(id="card-note", step="step-1", lane="lane-thoughts", kind="note", text="Ask Sam"))
    outline = go_to(window, "card-note")
    press(outline, Key.Key_Down, ALT | SHIFT)
    assert doc.get("card-note").lane == "lane-pain-points"  # the emotions lane takes no cards
    assert current_id(outline) == "card-note"


def test_alt_up_and_down_reorder_cards_in_a_cell(window: MainWindow) -> None:
    doc = window.document
    doc.add(Card(id="card-pain-2", step="step-3", lane="lane-pain-points", kind="pain_point", text="Slow"))
    outline = go_to(window, "card-pain-2")
    press(outline, Key.Key_Up, ALT)
    assert [c.id for c in doc.cards_at("step-3", "lane-pain-points")] == ["card-pain-2", "card-pain"]
    assert child_ids(outline.row_for("card-pain").parent())[:3] == ["card-advisor", "card-pain-2", "card-pain"]


def test_alt_insert_adds_inside_and_insert_says_what_it_cannot_add(window: MainWindow) -> None:
    doc = window.document
    outline = go_to(window, "stage-b")
    press(outline, Key.Key_Insert, ALT)
    press(outline, Key.Key_Return)
    new_step = [s for s in doc.steps() if s.stage == "stage-b"][-1]
    assert new_step.id != "step-3" and current_id(outline) == new_step.id
    press(outline, Key.Key_Insert, ALT)
    press(outline, Key.Key_Return)
    assert [c.kind for c in doc.journey.cards if c.step == new_step.id] == ["action"]
    count = window.stack.count()
    go_to(window, "link-back")
    press(outline, Key.Key_Insert)
    press(outline, Key.Key_F2)  # a link's label is editable; Escape leaves it
    press(outline, Key.Key_Escape)
    assert window.stack.count() == count and "Insert adds" in window.statusBar().currentMessage()


def test_selecting_a_row_selects_on_the_canvas_and_back(window: MainWindow) -> None:
    outline = go_to(window, "step-2")
    assert window.scene.selected_ids() == ["step-2"]
    QTest.keyClick(outline, Key.Key_Up)  # the keyboard moves the selection too
    assert window.scene.selected_ids() == ["step-1"]
    window.scene.select_ids(["card-pain"])
    assert current_id(outline) == "card-pain" and outline.row_for("card-pain").isSelected()
    assert window.scene.selected_ids() == ["card-pain"]  # no echo back
    window.scene.clearSelection()
    assert not outline.selectedItems()
    click(window, *box(window, "card", "card-pain").centre)
    click(window, *box(window, "card", "card-think").centre, Qt.KeyboardModifier.ControlModifier)
    assert current_id(outline) == "card-think"  # the outline shows the first, the canvas keeps both
    assert sorted(window.scene.selected_ids()) == ["card-pain", "card-think"]


def test_rows_say_what_they_are(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.document.add(Handoff(id="handoff-call", source="card-app", target="card-advisor"))
    outline = outline_of(window)
    accessible = Qt.ItemDataRole.AccessibleTextRole

    def name(element_id: str) -> str:
        row = outline.row_for(element_id)
        assert row.toolTip(0) == plain_tip(row.data(0, accessible))  # the same sentence, never read as HTML
        return row.data(0, accessible)

    assert name("step-3") == "Step 3 of 3: Signs up, emotion -1, touchpoints: Phone with an advisor (human)"
    assert name("step-1") == "Step 1 of 3: Sees the offer, emotion +1, touchpoints: Mobile app (digital)"
    assert name("stage-a") == "Stage 1 of 2: Discover, 2 steps"
    assert name("stage-b") == "Stage 2 of 2: Use, 1 step"
    assert name("card-app") == "Touchpoint: Reads the offer, channel Mobile app, digital"
    assert name("card-pain") == "Pain point: Form too long"
    assert name("handoff-call") == "Handoff from Reads the offer to Calls back, context lost"
    assert name("link-back") == "Link to step Compares: hesitates"
    assert outline.accessibleName() == "Journey outline" and "Alt+Up" in outline.accessibleDescription()


def test_a_step_row_says_the_emotion_of_the_curve_the_map_edits(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Working on Bernard's "to be" curve, the outline still read Camille's "as is" values to a screen reader."""
    from workbench.model.feelings import with_feeling
    from workbench.model.journey import Persona

    doc = window.document
    doc.add(Persona(id="persona-2", name="Bernard", order=1))
    step = doc.get("step-1")
    doc.update("step-1", emotions=with_feeling(step, "persona-2", "to_be", value=-2))
    outline = outline_of(window)
    accessible = Qt.ItemDataRole.AccessibleTextRole
    assert outline.row_for("step-1").data(0, accessible).startswith("Step 1 of 3: Sees the offer, emotion +1,")
    window.scene.focus.set_active(persona="persona-2", scenario="to_be")
    assert outline.row_for("step-1").data(0, accessible).startswith("Step 1 of 3: Sees the offer, emotion -2,")
    assert "emotion" not in outline.row_for("step-2").data(0, accessible)  # Bernard feels nothing there yet
    window.scene.focus.set_active(persona="persona-1", scenario="as_is")
    assert outline.row_for("step-1").data(0, accessible).startswith("Step 1 of 3: Sees the offer, emotion +1,")


def test_open_rows_and_the_current_row_survive_edits_elsewhere(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    outline = go_to(window, "card-pain")
    outline.row_for("stage-a").setExpanded(False)
    window.document.update("step-1", title="Hears of it")  # as the inspector would
    qtbot.waitUntil(lambda: outline._rows["step-1"].text(0) == "Hears of it")
    assert current_id(outline) == "card-pain" and outline.row_for("card-pain").isSelected()
    assert outline.row_for("step-3").isExpanded()
    assert not outline._rows["stage-a"].isExpanded()


def test_a_hidden_outline_does_no_work_and_catches_up_when_shown(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.outline_dock.hide()
    window.document.update("step-1", title="Hears of it")
    QApplication.processEvents()
    assert window.outline._rows["step-1"].text(0) == "Sees the offer"
    window.scene.select_ids(["card-pain"])
    window.outline_dock.show()
    pick_tab(window, window.outline_dock)  # (shown again, it comes back behind another tab)
    qtbot.waitUntil(lambda: window.outline._rows["step-1"].text(0) == "Hears of it")
    assert current_id(window.outline) == "card-pain"  # and follows the canvas again


def test_an_outline_behind_the_inspectors_tab_does_no_work_and_catches_up_when_its_tab_is_clicked(  # type: ignore[no-untyped-def]
        qtbot, tmp_path: Path) -> None:
    """Qt calls a dock behind another's tab visible: the outline follows its dock's tab instead."""
    journey = small_journey()
    save(journey, tmp_path / "small.journey")
    window = open_window(qtbot, tmp_path / "small.journey")  # the inspector's tab in front, as at every start
    outline = window.outline
    assert window.outline_dock.visibleRegion().isEmpty()
    assert outline.topLevelItemCount() == 0  # nothing filled for nobody to see...
    window.document.update("step-1", title="Hears of it")
    QApplication.processEvents()
    assert outline.topLevelItemCount() == 0 and outline._dirty  # ...nor patched after an edit
    window.scene.select_ids(["card-pain"])
    pick_tab(window, window.outline_dock)
    assert outline.topLevelItemCount() == len(journey.stages)  # its tab clicked: the journey as it is now
    assert outline._rows["step-1"].text(0) == "Hears of it"
    assert current_id(outline) == "card-pain"  # and it follows the canvas
    window.document.update("step-1", title="Hears of it again")
    qtbot.waitUntil(lambda: outline._rows["step-1"].text(0) == "Hears of it again")


def test_opening_another_file_follows_the_new_journey_only(window: MainWindow, tmp_path: Path) -> None:
    old = window.document
    other = Journey(
        title="Other",
        stages=[Stage(id="stage-x", title="Only")],
        steps=[Step(id="step-x", title="Alone", stage="stage-x")],
        lanes=standard_lanes("en"),
    )
    save(other, tmp_path / "other.journey")
    window.outline_dock.hide()  # and opened while hidden: nothing of the old journey is left to trip on
    assert window.open_path(tmp_path / "other.journey", ask=False)
    window.scene.select_ids(["step-x"])
    window.outline_dock.show()
    pick_tab(window, window.outline_dock)
    outline = outline_of(window)
    assert current_id(outline) == "step-x"
    assert outline.topLevelItemCount() == 1 and outline.row_for("step-x") is not None
    assert outline._on_change not in old.changed._handlers
    old.update("step-1", title="Not shown")
    assert not outline._dirty
    go_to(window, "step-x")
    assert window.scene.selected_ids() == ["step-x"]


def test_a_big_journey_makes_rows_only_for_what_is_open(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    lanes = standard_lanes("en")
    stages = [Stage(id=f"stage-{i}", title=f"Stage {i}", order=i) for i in range(10)]
    steps = [Step(id=f"step-{i}", title=f"Step {i}", stage=f"stage-{i // 100}", order=i) for i in range(1000)]
    cards = [Card(id=f"card-{i}", step=f"step-{i}", lane="lane-actions", kind="action", text=f"Does {i}") for i in range(1000)]
    save(Journey(title="Big", stages=stages, steps=steps, lanes=lanes, cards=cards), tmp_path / "big.journey")
    window = open_window(qtbot, tmp_path / "big.journey")
    pick_tab(window, window.outline_dock)
    outline = outline_of(window)
    assert len(outline._rows) == 1010  # stages and steps; the cards wait until their step opens
    assert outline.row_for("step-999").data(0, Qt.ItemDataRole.AccessibleTextRole).startswith("Step 1000 of 1000: Step 999")
    window.scene.select_ids(["card-500"])
    assert current_id(outline) == "card-500" and len(outline._rows) == 1011
    go_to(window, "step-999")  # far off to the right: the map scrolls to show it
    shown = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert shown.intersects(window.scene.item_for("step", "step-999").sceneBoundingRect())


def test_the_outline_shares_the_right_with_the_inspector_and_the_view_menu_shows_and_hides_it(window: MainWindow) -> None:
    dock = window.outline_dock
    assert dock.objectName() == "outline-dock" and dock.widget() is window.outline
    assert window.dockWidgetArea(dock) == Qt.DockWidgetArea.RightDockWidgetArea
    assert dock in window.tabifiedDockWidgets(window.inspector_dock)
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert dock.toggleViewAction() in view_menu.actions()
    dock.toggleViewAction().trigger()
    assert not dock.isVisible()


def test_go_to_the_outline_brings_it_in_front_filled_with_the_keyboard_in_it(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    save(small_journey(), tmp_path / "small.journey")
    window = open_window(qtbot, tmp_path / "small.journey")  # the inspector's tab in front
    QApplication.processEvents()
    assert window.outline.topLevelItemCount() == 0
    window.activateWindow()
    QTest.keyClick(window, Key.Key_O, Qt.KeyboardModifier.ControlModifier | SHIFT)  # View > Go to the Outline
    qtbot.waitUntil(lambda: not window.outline_dock.visibleRegion().isEmpty())
    assert window.outline.topLevelItemCount() == len(small_journey().stages)
    assert window.outline.hasFocus()


def test_a_step_s_emotion_is_signed_as_the_findings_sign_it(qapp) -> None:  # type: ignore[no-untyped-def]
    """The finding's detail said "émotion -2" under a sentence saying "−2" (exploratory test)."""
    from workbench.i18n import current_language, set_language
    from workbench.model.feelings import feelings
    from workbench.model.journey import Step
    from workbench.ui.outline_names import step_name

    step = Step(id="s", title="Scan", stage="st", emotions=feelings(-2))
    before = current_language()
    try:
        set_language("fr")
        assert "\u22122" in step_name(step, 1, 1, [])
        set_language("en")
        assert "emotion -2" in step_name(step, 1, 1, [])
    finally:
        set_language(before)
