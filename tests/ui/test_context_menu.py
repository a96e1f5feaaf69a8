"""Right-click menus of the canvas: each action is one undo step, found by its objectName."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import QAction, QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from tests.ui.helpers import click, open_window, to_view
from tests.ui.test_canvas import box, cell_centre, small_journey
from workbench.model.fileformat import dumps, save
from workbench.model.feelings import level
from workbench.model.journey import FIRST_PERSONA, Handoff
from workbench.ui.canvas.context_menu import context_menu
from workbench.ui.main_window import MainWindow


def menu_at(window: MainWindow, x: float, y: float) -> QMenu:
    window.scene.ensure_fresh()
    to_view(window, x, y)  # on screen, where a right-click can reach it (headers in their own place)
    menu = context_menu(window.scene, QPointF(x, y))
    assert menu is not None, f"no menu at {(x, y)}"
    return menu


def names(menu: QMenu) -> list[str]:
    return [a.objectName() for a in menu.findChildren(QAction) if a.objectName()]


def trigger(window: MainWindow, menu: QMenu, name: str) -> None:
    action = menu.findChild(QAction, name)
    assert action is not None, f"{name} not in {names(menu)}"
    action.trigger()
    QApplication.processEvents()
    window.scene.ensure_fresh()


def connector_point(window: MainWindow, kind: str, element_id: str) -> tuple[float, float]:
    item = window.scene.item_for(kind, element_id)
    assert item is not None
    point = item.mapToScene(item.path().pointAtPercent(0.5))  # routes within a lane are placed from its top
    return point.x(), point.y()


def test_deleting_a_card_from_its_menu_and_undo_restores_it_exactly(window: MainWindow) -> None:
    doc = window.document
    before = dumps(doc.journey)
    menu = menu_at(window, *box(window, "card", "card-think").centre)
    assert window.scene.selected_ids() == ["card-think"]  # a right-click selects first
    assert {"ctx-edit", "ctx-duplicate", "ctx-delete"} <= set(names(menu))
    assert "ctx-nature" not in names(menu)  # a thought has no nature
    trigger(window, menu, "ctx-delete")
    assert "card-think" not in doc
    assert window.stack.count() == 1
    window.stack.undo()
    assert dumps(doc.journey) == before


def test_a_right_click_inside_the_selection_keeps_it(window: MainWindow) -> None:
    window.scene.select_ids(["card-think", "card-pain"])
    menu = menu_at(window, *box(window, "card", "card-pain").centre)
    assert set(window.scene.selected_ids()) == {"card-think", "card-pain"}
    assert menu.findChild(QAction, "ctx-delete").text() == "Delete 2 elements"
    trigger(window, menu, "ctx-delete")
    assert "card-think" not in window.document and "card-pain" not in window.document
    assert window.stack.count() == 1
    menu = menu_at(window, *box(window, "card", "card-app").centre)  # outside: replaces the selection
    assert window.scene.selected_ids() == ["card-app"]


def test_duplicating_a_card_puts_the_copy_right_after_it(window: MainWindow) -> None:
    doc = window.document
    doc.add(doc.get("card-think").model_copy(update={"id": "card-second", "text": "Second"}))
    trigger(window, menu_at(window, *box(window, "card", "card-think").centre), "ctx-duplicate")
    cell = doc.cards_at("step-2", "lane-thoughts")
    assert [c.id for c in cell][0::2] == ["card-think", "card-second"]
    assert cell[1].text == "Is it worth it?" and cell[1].kind == "thought"
    assert window.scene.selected_ids() == [cell[1].id]
    assert window.stack.undoText() == "Duplicate card"


def test_changing_a_touchpoints_nature(window: MainWindow) -> None:
    menu = menu_at(window, *box(window, "card", "card-app").centre)
    checked = [n for n in ("digital", "human", "physical") if menu.findChild(QAction, f"ctx-nature-{n}").isChecked()]
    assert checked == ["digital"]
    trigger(window, menu, "ctx-nature-physical")
    card = window.document.get("card-app")
    assert (card.nature, card.channel) == ("physical", "Shop or branch")  # the default channel follows
    assert window.stack.undoText() == "Change nature"
    window.stack.undo()
    assert window.document.get("card-app").nature == "digital"


def test_a_channel_the_user_chose_stays_when_the_nature_changes(window: MainWindow) -> None:
    window.document.update("card-advisor", channel="Video call")
    trigger(window, menu_at(window, *box(window, "card", "card-advisor").centre), "ctx-nature-digital")
    card = window.document.get("card-advisor")
    assert (card.nature, card.channel) == ("digital", "Video call")


def test_edit_text_opens_the_in_place_editor_on_the_card(window: MainWindow) -> None:
    trigger(window, menu_at(window, *box(window, "card", "card-pain").centre), "ctx-edit")
    editor = window.scene.editor
    assert editor is not None and editor.element_id == "card-pain"
    editor.setPlainText("Far too long")
    editor.finish(commit=True)
    assert window.document.get("card-pain").text == "Far too long"


def test_duplicating_a_step_copies_it_and_its_cards_after_it(window: MainWindow) -> None:
    doc = window.document
    doc.add(doc.get("card-advisor").model_copy(update={"id": "card-chat", "step": "step-2", "text": "Chat"}))
    doc.add(doc.get("card-app").model_copy(update={"id": "card-web", "step": "step-2", "text": "Web"}))
    doc.add(Handoff(id="handoff-1", source="card-web", target="card-chat", trigger="stuck"))
    window.stack.clear()
    before = dumps(doc.journey)
    trigger(window, menu_at(window, *box(window, "step", "step-2").centre), "ctx-duplicate")
    steps = doc.steps()
    assert [s.title for s in steps] == ["Sees the offer", "Compares", "Compares", "Signs up"]
    twin = steps[2]
    assert twin.id != "step-2" and twin.stage == "stage-a" and level(twin, FIRST_PERSONA) == 0
    copies = {c.text: c for c in doc.journey.cards if c.step == twin.id}
    assert sorted(copies) == ["Chat", "Is it worth it?", "Web"]
    assert [c.text for c in doc.cards_at(twin.id, "lane-touchpoints")] == ["Chat", "Web"]
    handoffs = [(h.source, h.target, h.trigger) for h in doc.journey.handoffs if h.id != "handoff-1"]
    assert handoffs == [(copies["Web"].id, copies["Chat"].id, "stuck")]
    assert window.scene.selected_ids("step") == [twin.id]
    assert window.stack.count() == 1
    window.stack.undo()
    assert dumps(doc.journey) == before


def test_add_step_after_then_edit_its_title(window: MainWindow) -> None:
    trigger(window, menu_at(window, *box(window, "step", "step-1").centre), "ctx-add-after")
    steps = window.document.steps()
    assert [s.id for s in steps][0] == "step-1" and steps[1].title == "New step" and steps[2].id == "step-2"
    editor = window.scene.editor
    assert editor is not None and editor.element_id == steps[1].id
    editor.setPlainText("Asks a friend")
    editor.finish(commit=True)
    assert window.document.get(steps[1].id).title == "Asks a friend"


def test_add_step_before(window: MainWindow) -> None:
    trigger(window, menu_at(window, *box(window, "step", "step-2").centre), "ctx-add-before")
    steps = window.document.steps()
    assert [s.title for s in steps] == ["Sees the offer", "New step", "Compares", "Signs up"]
    assert steps[1].stage == "stage-a"
    assert window.scene.editor is not None and window.scene.editor.element_id == steps[1].id


def test_mark_a_step_as_goal_and_moment_of_truth(window: MainWindow) -> None:
    doc = window.document
    menu = menu_at(window, *box(window, "step", "step-3").centre)
    goal = menu.findChild(QAction, "ctx-goal")
    assert goal.isCheckable() and not goal.isChecked()
    trigger(window, menu, "ctx-goal")
    assert doc.get("step-3").goal is True
    assert window.stack.undoText() == "Mark as goal"
    menu = menu_at(window, *box(window, "step", "step-3").centre)
    assert menu.findChild(QAction, "ctx-goal").isChecked()
    trigger(window, menu, "ctx-goal")
    assert doc.get("step-3").goal is False
    trigger(window, menu_at(window, *box(window, "step", "step-3").centre), "ctx-moment-of-truth")
    assert doc.get("step-3").moment_of_truth is True


def test_stage_menu_adds_stages_and_steps(window: MainWindow) -> None:
    doc = window.document
    trigger(window, menu_at(window, *box(window, "stage", "stage-a").centre), "ctx-add-after")
    assert [s.title for s in doc.stages()] == ["Discover", "New stage", "Use"]
    assert window.scene.editor is not None
    window.scene.editor.finish(commit=True)
    trigger(window, menu_at(window, *box(window, "stage", "stage-b").centre), "ctx-add-step")
    assert [s.title for s in doc.steps() if s.stage == "stage-b"] == ["Signs up", "New step"]


def test_lane_menu_adds_a_lane_below(window: MainWindow) -> None:
    row = box(window, "lane", "lane-thoughts")
    trigger(window, menu_at(window, row.x + 10, row.y + 10), "ctx-add-after")
    kinds = [lane.kind for lane in window.document.lanes()]
    assert kinds[kinds.index("thoughts") + 1] == "custom"


def test_an_empty_cell_offers_the_cards_of_its_lane_and_adds_one(window: MainWindow) -> None:
    doc = window.document
    window.scene.select_ids(["card-think"])
    menu = menu_at(window, *cell_centre(window, "step-2", "lane-thoughts"))
    assert set(names(menu)) == {"ctx-add-thought", "ctx-add-note"}
    assert window.scene.selected_ids() == []  # a right-click on empty space clears the selection
    menu = menu_at(window, *cell_centre(window, "step-2", "lane-touchpoints"))
    touchpoints = {f"ctx-add-touchpoint-{nature}" for nature in ("digital", "human", "physical")}
    assert set(names(menu)) == touchpoints | {"ctx-add-note"}
    trigger(window, menu, "ctx-add-touchpoint-human")
    added = doc.cards_at("step-2", "lane-touchpoints")
    assert [(c.kind, c.nature, c.channel) for c in added] == [("touchpoint", "human", "Phone with an advisor")]
    assert window.stack.undoText() == "Add card"
    assert window.scene.editor is not None and window.scene.editor.element_id == added[0].id


def test_the_emotion_lane_sets_the_emotion_of_the_step(window: MainWindow) -> None:
    lane = window.scene.layout.emotion_lane
    assert lane is not None
    x = box(window, "column", "step-3").x + 6  # away from the face in the middle
    menu = menu_at(window, x, lane.row.y + 4)
    assert menu.findChild(QAction, "ctx-emotion--1").isChecked()
    trigger(window, menu, "ctx-emotion--2")
    assert level(window.document.get("step-3"), FIRST_PERSONA) == -2
    trigger(window, menu_at(window, x, lane.row.y + 4), "ctx-emotion-none")
    assert level(window.document.get("step-3"), FIRST_PERSONA) is None


def test_deleting_a_link_from_its_menu(window: MainWindow) -> None:
    before = dumps(window.document.journey)
    menu = menu_at(window, *connector_point(window, "link", "link-back"))
    assert window.scene.selected_ids() == ["link-back"]
    assert menu.findChild(QAction, "ctx-delete").text() == "Delete link"
    trigger(window, menu, "ctx-delete")
    assert not window.document.journey.links
    assert "step-2" in window.document and "step-3" in window.document
    window.stack.undo()
    assert dumps(window.document.journey) == before


def test_editing_a_link_label_in_place(window: MainWindow) -> None:
    trigger(window, menu_at(window, *connector_point(window, "link", "link-back")), "ctx-edit")
    editor = window.scene.editor
    assert editor is not None and (editor.element_id, editor.field) == ("link-back", "label")
    assert editor.toPlainText() == "hesitates"
    editor.setPlainText("goes back")
    editor.finish(commit=True)
    assert window.document.get("link-back").label == "goes back"
    assert window.stack.count() == 1


def test_a_handoffs_context_carried_over(window: MainWindow) -> None:
    doc = window.document
    doc.add(Handoff(id="handoff-1", source="card-app", target="card-advisor"))
    window.stack.clear()
    window.scene.ensure_fresh()
    menu = menu_at(window, *connector_point(window, "handoff", "handoff-1"))
    carried = menu.findChild(QAction, "ctx-context")
    assert carried.isCheckable() and not carried.isChecked()
    trigger(window, menu, "ctx-context")
    assert doc.get("handoff-1").context_carried is True
    assert window.stack.count() == 1
    menu = menu_at(window, *connector_point(window, "handoff", "handoff-1"))
    assert menu.findChild(QAction, "ctx-context").isChecked()
    trigger(window, menu, "ctx-edit")
    editor = window.scene.editor
    assert editor is not None and (editor.element_id, editor.field) == ("handoff-1", "trigger")
    editor.setPlainText("cannot upload the papers")
    editor.finish(commit=True)
    assert doc.get("handoff-1").trigger == "cannot upload the papers"


def test_start_a_link_from_the_menu_then_click_the_next_step(window: MainWindow) -> None:
    assert "ctx-handoff" not in names(menu_at(window, *box(window, "card", "card-advisor").centre))  # human
    trigger(window, menu_at(window, *box(window, "step", "step-1").centre), "ctx-link")
    click(window, *box(window, "step", "step-3").centre)
    assert [(k.source, k.target) for k in window.document.journey.links][1:] == [("step-1", "step-3")]
    assert window.stack.undoText() == "Add link"


def test_deleting_a_step_is_one_undo_step(window: MainWindow) -> None:
    before = dumps(window.document.journey)
    menu = menu_at(window, *box(window, "step", "step-3").centre)
    assert menu.findChild(QAction, "ctx-delete").text() == "Delete step"
    trigger(window, menu, "ctx-delete")
    assert "step-3" not in window.document and "card-advisor" not in window.document
    assert not window.document.journey.links  # the link from step-3 went with it
    window.stack.undo()
    assert dumps(window.document.journey) == before


def test_a_right_click_elsewhere_commits_the_text_being_edited(window: MainWindow) -> None:
    trigger(window, menu_at(window, *box(window, "card", "card-pain").centre), "ctx-edit")
    assert window.scene.editor is not None
    window.scene.editor.setPlainText("Far too long")
    menu_at(window, *box(window, "card", "card-think").centre)
    assert window.scene.editor is None
    assert window.document.get("card-pain").text == "Far too long"


def test_a_right_click_elsewhere_commits_the_channel_being_edited(window: MainWindow) -> None:
    trigger(window, menu_at(window, *box(window, "card", "card-app").centre), "ctx-edit")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # from a touchpoint's text to its channel
    channel = window.scene.channel_editor
    assert channel is not None
    channel.setText("Website")
    menu_at(window, *box(window, "card", "card-think").centre)
    assert window.scene.channel_editor is None
    assert window.document.get("card-app").channel == "Website"


def right_click(window: MainWindow, qtbot: QtBot, x: float, y: float, choice: str | None) -> list[str]:
    """Send a real QContextMenuEvent to the viewport at scene point (x, y); in the popup it opens,
    choose *choice* with the keyboard (or press Escape for None). Returns the popup's action names."""
    seen: list[list[str]] = []
    tries = [0]

    def choose() -> None:
        popup = QApplication.activePopupWidget()
        tries[0] += 1
        if not isinstance(popup, QMenu) or tries[0] < 5:  # a person takes a moment to choose
            if tries[0] < 200:
                QTimer.singleShot(10, choose)
            return
        seen.append(names(popup))
        action = popup.findChild(QAction, choice) if choice else None
        if action is None:  # (a missing choice fails the test's assertions, it does not hang it)
            QTest.keyClick(popup, Qt.Key.Key_Escape)
            return
        popup.setActiveAction(action)
        QTest.keyClick(popup, Qt.Key.Key_Return)

    window.scene.ensure_fresh()
    pos = to_view(window, x, y)
    viewport = window.view.viewport()
    QTimer.singleShot(0, choose)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, viewport.mapToGlobal(pos))
    QApplication.sendEvent(viewport, event)
    qtbot.waitUntil(lambda: bool(seen) and QApplication.activePopupWidget() is None, timeout=3000)
    assert event.isAccepted()
    window.scene.ensure_fresh()
    return seen[0]


POPUP_NOISE = ("does not support raise", "does not support grabbing")  # the offscreen platform's popups


@pytest.mark.qt_log_ignore(*POPUP_NOISE)
def test_a_real_right_click_on_the_viewport_shows_the_menu(window: MainWindow, qtbot: QtBot) -> None:
    before = dumps(window.document.journey)
    assert "ctx-delete" in right_click(window, qtbot, *box(window, "card", "card-pain").centre, None)
    assert dumps(window.document.journey) == before and window.stack.count() == 0  # Escape: nothing done
    right_click(window, qtbot, *box(window, "card", "card-pain").centre, "ctx-delete")
    assert "card-pain" not in window.document
    assert window.stack.undoText() == "Delete"


@pytest.mark.qt_log_ignore(*POPUP_NOISE)
def test_edit_text_from_a_real_menu_keeps_the_keys_in_the_editor(window: MainWindow, qtbot: QtBot) -> None:
    right_click(window, qtbot, *box(window, "card", "card-think").centre, "ctx-edit")
    qtbot.waitUntil(lambda: window.scene.editor is not None, timeout=1000)
    qtbot.wait(50)  # whatever the popup's closing does to the focus happens meanwhile
    assert window.scene.editor is not None and window.scene.editor.hasFocus()
    QTest.keyClicks(window.view.viewport(), "Worth it")
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Return)
    assert window.document.get("card-think").text == "Worth it"


@pytest.mark.qt_log_ignore(*POPUP_NOISE)
def test_hand_over_from_a_real_menu_then_click_the_person(window: MainWindow, qtbot: QtBot) -> None:
    assert "ctx-handoff" in right_click(window, qtbot, *box(window, "card", "card-app").centre, "ctx-handoff")
    click(window, *box(window, "card", "card-advisor").centre)
    assert [(h.source, h.target) for h in window.document.journey.handoffs] == [("card-app", "card-advisor")]
    assert window.stack.undoText() == "Add handoff"


def test_a_right_click_outside_the_map_shows_no_menu(window: MainWindow) -> None:
    assert context_menu(window.scene, QPointF(2, 2)) is None


def test_the_menu_key_and_shift_f10_open_the_menu_of_what_the_keyboard_is_on(window: MainWindow) -> None:
    """They opened nothing: duplicating a step or marking a goal needed the mouse (exploratory test)."""
    shown: list[list[str]] = []

    def look(menu: QMenu) -> None:
        shown.append(names(menu))
        QTimer.singleShot(0, menu.close)

    window.scene.context_menu_shown.connect(look)
    viewport = window.view.viewport()
    click(window, *box(window, "step", "step-2").centre)
    QTest.keyClick(viewport, Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier)
    assert shown and "ctx-delete" in shown[-1] and window.scene.selected_ids() == ["step-2"]
    QTest.keyClick(viewport, Qt.Key.Key_Right)  # to step-3, then down to its first lane's empty cell
    QTest.keyClick(viewport, Qt.Key.Key_Down)
    assert window.scene.cursor_cell is not None
    middle = viewport.rect().center()
    menu_event = QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, middle, viewport.mapToGlobal(middle))
    QApplication.sendEvent(viewport, menu_event)  # (what the Menu key sends)
    assert len(shown) == 2 and shown[-1] != shown[0]  # the empty cell's menu, not the step's nor the middle's


def test_a_refusal_writes_its_reason_after_the_colon_as_french_does(window: MainWindow) -> None:
    """ "Impossible : Un relais part de …" (exploratory test, French interface)."""
    from tests.ui.helpers import speaking

    window.document.add(Handoff(id="h-app", source="card-app", target="card-advisor"))
    with speaking("fr"):
        trigger(window, menu_at(window, *box(window, "card", "card-app").centre), "ctx-nature-physical")
        said = window.statusBar().currentMessage()
    assert said.startswith("Impossible\u00a0: un relais "), said
    assert window.document.get("card-app").nature == "digital"
