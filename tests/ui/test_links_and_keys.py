"""Flow links drawn on the canvas, and the map worked from the keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import LEFT, click, double_click, open_window, to_view
from tests.ui.test_canvas import box, cell_centre, small_journey
from workbench.model.fileformat import dumps, save
from workbench.ui.main_window import MainWindow


def port_of(window: MainWindow, step: str) -> QPointF:
    to_view(window, *box(window, "step", step).centre)  # the header in view, in its own place
    item = window.scene.item_for("step", step)
    return item.mapToScene(item.port_centre())


def hover_then_drag(window: MainWindow, start: QPointF, end: QPointF) -> None:
    viewport = window.view.viewport()
    a = to_view(window, start.x(), start.y())
    QTest.mouseMove(viewport, a)  # hovering shows the port
    QTest.mousePress(viewport, LEFT, Qt.KeyboardModifier.NoModifier, a)
    b = window.view.mapFromScene(end)
    for i in range(1, 7):
        QTest.mouseMove(viewport, a + (b - a) * i / 6)
    QTest.mouseRelease(viewport, LEFT, Qt.KeyboardModifier.NoModifier, b)


def links(window: MainWindow) -> list[tuple[str, str]]:
    return [(k.source, k.target) for k in window.document.journey.links]


def test_the_link_port_shows_on_hover(window: MainWindow) -> None:
    item = window.scene.item_for("step", "step-1")
    header = box(window, "step", "step-1")
    far = box(window, "stage", "stage-b")
    QTest.mouseMove(window.view.viewport(), to_view(window, *far.centre))
    assert not item.hovered
    QTest.mouseMove(window.view.viewport(), to_view(window, *header.centre))
    assert item.hovered and item.port_contains(item.port_centre())
    assert not item.port_contains(item.port_centre() + QPointF(-30, 0))


def test_the_link_port_leaves_the_title_clear_and_takes_a_press_on_it(window: MainWindow) -> None:
    """The port was drawn over the end of a long title's first line ("refused twice" read "refused two⊕ice")."""
    window.document.update("step-1", title="Scans her identity card, refused twice by the app")
    window.scene.ensure_fresh()
    item = window.scene.item_for("step", "step-1")
    text = item.box.text.rect  # (in the map: the title as wrapped, as wide as a line may be)
    port = item.mapToScene(item.port_centre())
    reach = item.PORT + 1.4 / 2
    assert len(item.box.text.lines) >= 2 and port.y() + reach < text.y  # wholly above the title's first line
    assert item.sceneBoundingRect().contains(port + QPointF(0, -reach))  # drawn whole, never clipped
    assert not item.contains(item.port_centre() + QPointF(0, -4))  # hidden, the room above is not the header's
    window.scene.select_ids(["step-1"])
    assert item.contains(item.port_centre() + QPointF(0, -4))
    QTest.mousePress(window.view.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, to_view(window, port.x(), port.y() - 3))
    assert window.scene._connecting is not None  # a press on its upper half starts a link
    QTest.mouseRelease(window.view.viewport(), LEFT, Qt.KeyboardModifier.NoModifier, to_view(window, port.x(), port.y() - 3))


def test_dragging_from_a_step_port_to_a_later_step_draws_a_branch(window: MainWindow) -> None:
    before = dumps(window.document.journey)
    hover_then_drag(window, port_of(window, "step-1"), QPointF(*box(window, "step", "step-3").centre))
    assert ("step-1", "step-3") in links(window)
    assert window.stack.undoText() == "Add link"
    link = next(k for k in window.document.journey.links if k.source == "step-1")
    assert window.scene.selected_ids() == [link.id]  # selected, ready to label or delete
    window.stack.undo()
    assert dumps(window.document.journey) == before


def test_a_link_to_itself_or_to_nothing_is_refused_with_a_reason(window: MainWindow) -> None:
    before = dumps(window.document.journey)
    hover_then_drag(window, port_of(window, "step-2"), QPointF(*box(window, "step", "step-2").centre))
    assert "another step" in window.statusBar().currentMessage()
    hover_then_drag(window, port_of(window, "step-2"), QPointF(5, 5))
    assert "release it on the step" in window.statusBar().currentMessage()
    assert dumps(window.document.journey) == before and window.stack.count() == 0


def test_escape_cancels_a_link_being_drawn(window: MainWindow) -> None:
    viewport = window.view.viewport()
    a = to_view(window, port_of(window, "step-1").x(), port_of(window, "step-1").y())
    QTest.mouseMove(viewport, a)
    QTest.mousePress(viewport, LEFT, Qt.KeyboardModifier.NoModifier, a)
    b = window.view.mapFromScene(QPointF(*box(window, "step", "step-3").centre))
    QTest.mouseMove(viewport, (a + b) / 2)
    QTest.mouseMove(viewport, b)
    assert window.scene.drop_hint.isVisible()  # the target step is highlighted
    QTest.keyClick(viewport, Qt.Key.Key_Escape)
    QTest.mouseRelease(viewport, LEFT, Qt.KeyboardModifier.NoModifier, b)
    assert links(window) == [("step-3", "step-2")]
    assert window.stack.count() == 0


def test_a_link_started_from_a_menu_ends_with_a_click(window: MainWindow) -> None:
    assert window.scene.begin_connection("link", "step-1")
    click(window, *box(window, "step", "step-2").centre)
    assert ("step-1", "step-2") in links(window)


def test_a_link_is_labelled_in_place_selected_deleted_and_undone(window: MainWindow) -> None:
    item = window.scene.item_for("link", "link-back")
    label = item.connector.label  # (placed from the item's origin, the left of the link's first column)
    at = item.mapToScene(QPointF(label.rect.x + 5, label.rect.y + 4))
    double_click(window, at.x(), at.y())
    editor = window.scene.editor
    assert editor is not None and editor.field == "label"
    QTest.keyClicks(QApplication.focusWidget(), "goes back to compare")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert window.document.get("link-back").label == "goes back to compare"
    window.scene.select_ids(["link-back"])
    window.actions.delete.trigger()
    assert links(window) == []
    window.stack.undo()
    assert window.document.get("link-back").label == "goes back to compare"
    window.stack.undo()
    assert window.document.get("link-back").label == "hesitates"


def test_arrow_keys_walk_headers_cells_and_cards(window: MainWindow) -> None:
    viewport = window.view.viewport()
    window.view.setFocus()
    QTest.keyClick(viewport, Qt.Key.Key_Right)  # nothing selected: the first step
    assert window.scene.selected_ids() == ["step-1"]
    QTest.keyClick(viewport, Qt.Key.Key_Right)
    assert window.scene.selected_ids() == ["step-2"]
    QTest.keyClick(viewport, Qt.Key.Key_Down)  # the first lane's cell, empty: the cell is outlined
    first_lane = window.document.lanes()[0].id
    assert window.scene.cursor_cell == ("step-2", first_lane) and window.scene.selected_ids() == []
    frame = window.scene.focus_frame
    cell = window.scene.cell_rect("step-2", first_lane)
    assert frame.isVisible() and frame.sceneBoundingRect().contains(QPointF(*cell.centre))
    lanes = [la.id for la in window.document.lanes()]
    for _ in range(lanes.index("lane-thoughts")):
        QTest.keyClick(viewport, Qt.Key.Key_Down)
    assert window.scene.selected_ids() == ["card-think"]  # a cell with a card: the card
    QTest.keyClick(viewport, Qt.Key.Key_Right)
    assert window.scene.cursor_cell == ("step-3", "lane-thoughts")
    QTest.keyClick(window.view, Qt.Key.Key_Tab)  # Tab goes to the focus widget: the view
    assert window.scene.selected_ids() == ["step-3"]  # from a cell of step 3: its header
    QTest.keyClick(window.view, Qt.Key.Key_Backtab)
    assert window.scene.selected_ids() == ["step-2"]
    assert QApplication.focusWidget() is window.view  # Tab stayed in the map


def test_a_cell_outline_goes_under_the_frozen_lane_titles(window: MainWindow) -> None:
    """Scrolled sideways, the lane titles stay at the left over the map: the outline of a cell under them was
    drawn across them (found by an exploratory test)."""
    from PySide6.QtGui import QColor

    from workbench import theme

    first_lane = window.document.lanes()[0].id
    click(window, *cell_centre(window, "step-1", first_lane))  # an empty cell: outlined
    view, scene = window.view, window.scene
    view.horizontalScrollBar().setValue(100)  # its column half under the lane titles, which freeze
    QApplication.processEvents()
    assert scene.title_band.frozen and scene.focus_frame.isVisible() and scene.cursor_cell == ("step-1", first_lane)
    frame = scene.focus_frame.sceneBoundingRect()
    band = scene.title_band.sceneBoundingRect()
    assert frame.left() < band.right() < frame.right()
    picture = view.viewport().grab().toImage()
    outline = QColor(theme.SELECTION).rgb()
    y = view.mapFromScene(QPointF(frame.center().x(), frame.top() + 4)).y()  # the outline's top edge

    def outlined(left: float, right: float) -> int:
        a, b = (view.mapFromScene(QPointF(x, frame.top())).x() for x in (left, right))
        xs = range(max(a, 0), min(b, picture.width()))  # (the window is small: the frame goes on past the view)
        return sum(picture.pixel(x, yy) == outline for x in xs for yy in range(y - 2, y + 3))

    assert outlined(band.right() + 2, frame.right() - 8) > 20  # drawn beside the titles...
    assert outlined(max(band.left(), frame.left()) + 2, band.right() - 2) == 0  # ...and not over them


def test_enter_on_an_empty_cell_adds_a_card_of_its_lane_and_edits_it(window: MainWindow) -> None:
    viewport = window.view.viewport()
    window.scene.select_ids(["card-think"])
    window.view.set_zoom(2.0)
    window.view.verticalScrollBar().setValue(window.view.verticalScrollBar().maximum())  # headers frozen over the map
    QTest.keyClick(viewport, Qt.Key.Key_Left)  # step-1's thoughts cell is empty
    assert window.scene.cursor_cell == ("step-1", "lane-thoughts")
    QTest.keyClick(viewport, Qt.Key.Key_Return)
    QTest.keyClicks(QApplication.focusWidget(), "Looks simple")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    cards = window.document.cards_at("step-1", "lane-thoughts")
    assert [(c.kind, c.text) for c in cards] == [("thought", "Looks simple")]


def test_a_click_on_an_empty_cell_chooses_it_and_enter_adds_a_card_there(window: MainWindow) -> None:
    window.scene.select_ids(["card-think"])
    x, y = cell_centre(window, "step-1", "lane-thoughts")  # empty
    click(window, x, y)
    # (the click only cleared the selection: Enter did nothing and the card typed next was lost)
    assert window.scene.cursor_cell == ("step-1", "lane-thoughts") and window.scene.selected_ids() == []
    frame = window.scene.focus_frame
    assert frame.isVisible() and frame.sceneBoundingRect().contains(QPointF(x, y))
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Return)
    QTest.keyClicks(QApplication.focusWidget(), "Is it far?")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    cards = window.document.cards_at("step-1", "lane-thoughts")
    assert [(c.kind, c.text) for c in cards] == [("thought", "Is it far?")]
    card = window.scene.item_for("card", cards[0].id)
    cx, cy = card.sceneBoundingRect().center().x(), card.sceneBoundingRect().center().y()
    click(window, cx, cy)  # a click on a card selects the card, as before: no cell chosen
    assert window.scene.selected_ids() == [cards[0].id] and window.scene.cursor_cell is None


def test_ctrl_left_right_reorder_the_selected_step(window: MainWindow) -> None:
    window.scene.select_ids(["step-1"])
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert [s.id for s in window.document.steps()] == ["step-2", "step-1", "step-3"]
    window.stack.undo()
    assert [s.id for s in window.document.steps()] == ["step-1", "step-2", "step-3"]


def test_ctrl_right_at_the_end_of_a_stage_takes_the_step_into_the_next_one_and_back(window: MainWindow) -> None:
    """At the edge of its stage, Ctrl+Right said "Not possible": a step could change stage only by a drag."""
    viewport = window.view.viewport()
    ctrl = Qt.KeyboardModifier.ControlModifier
    window.scene.select_ids(["step-2"])  # the last step of "Discover"
    QTest.keyClick(viewport, Qt.Key.Key_Right, ctrl)
    doc = window.document
    assert doc.get("step-2").stage == "stage-b"
    assert [s.id for s in doc.steps()] == ["step-1", "step-2", "step-3"]  # the first of "Use", before step-3
    QTest.keyClick(viewport, Qt.Key.Key_Right, ctrl)
    assert [(s.id, s.stage) for s in doc.steps()] == [("step-1", "stage-a"), ("step-3", "stage-b"), ("step-2", "stage-b")]
    assert window.scene.selected_ids() == ["step-2"]
    QTest.keyClick(viewport, Qt.Key.Key_Right, ctrl)  # the last of the journey: nothing beyond
    assert "the last of the journey" in window.statusBar().currentMessage()
    QTest.keyClick(viewport, Qt.Key.Key_Left, ctrl)
    QTest.keyClick(viewport, Qt.Key.Key_Left, ctrl)  # out of "Use", the last step of "Discover"
    assert [(s.id, s.stage) for s in doc.steps()] == [("step-1", "stage-a"), ("step-2", "stage-a"), ("step-3", "stage-b")]
    QTest.keyClick(viewport, Qt.Key.Key_Left, ctrl)
    QTest.keyClick(viewport, Qt.Key.Key_Left, ctrl)
    assert "the first of the journey" in window.statusBar().currentMessage()
    assert [s.id for s in doc.steps()] == ["step-2", "step-1", "step-3"]
    assert window.stack.count() == 1  # the presses on one step are one undo step
    window.stack.undo()
    assert [(s.id, s.stage) for s in doc.steps()] == [("step-1", "stage-a"), ("step-2", "stage-a"), ("step-3", "stage-b")]


def test_a_step_moved_by_keys_stays_selected_without_the_selection_passing_through_empty(window: MainWindow) -> None:
    """The inspector follows selectionChanged: an empty selection in between rebuilt it for the journey, then again."""
    window.scene.select_ids(["step-1"])
    seen: list[list[str]] = []
    scene = window.scene

    def told() -> None:
        seen.append(scene.selected_ids())

    scene.selectionChanged.connect(told)
    try:
        QTest.keyClick(window.view.viewport(), Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
        assert [s.id for s in window.document.steps()][:2] == ["step-2", "step-1"]
        assert seen == [] and scene.selected_ids() == ["step-1"]  # the same step, still selected: nothing to tell
        scene.select_ids(["step-3"])
        assert seen == [["step-3"]]  # once, with the new selection only
        assert window.inspector.element_id == "step-3"
    finally:
        scene.selectionChanged.disconnect(told)  # (the scene outlives the test until it is collected)


def test_palette_items_added_by_keys_with_a_stage_selected_go_into_that_stage(window: MainWindow) -> None:
    """With a stage selected, a step from the palette went to the end of the last stage (and the view with it)."""
    doc = window.document
    window.scene.select_ids(["stage-a"])
    assert window.scene.insert_from_palette("step")
    QTest.keyClicks(QApplication.focusWidget(), "Asks a friend")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert [(s.title, s.stage) for s in doc.steps()][:3] == [
        ("Sees the offer", "stage-a"), ("Compares", "stage-a"), ("Asks a friend", "stage-a")]
    window.scene.select_ids(["stage-b"])
    assert window.scene.insert_from_palette("card:thought")
    QTest.keyClicks(QApplication.focusWidget(), "Finally")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert [c.text for c in doc.cards_at("step-3", "lane-thoughts")][-1] == "Finally"  # the stage's first step
    window.scene.select_ids(["stage-a"])
    assert window.scene.insert_from_palette("stage")
    QTest.keyClicks(QApplication.focusWidget(), "Decide")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert [s.title for s in doc.stages()] == ["Discover", "Decide", "Use"]
    empty = doc.stages()[1].id
    window.scene.select_ids([empty])
    assert not window.scene.insert_from_palette("card:thought")  # an empty stage has no step for a card yet
    assert window.scene.insert_from_palette("step")  # but takes a step
    QTest.keyClicks(QApplication.focusWidget(), "Chooses a plan")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert [s.title for s in doc.index.steps_of(empty)] == ["Chooses a plan"]


def test_enter_on_a_palette_item_adds_it_at_the_selection_and_edits_it(window: MainWindow) -> None:
    window.scene.select_ids(["step-2"])
    palette = window.palette
    row = next(r for r in range(palette.count()) if palette.item(r).data(Qt.ItemDataRole.UserRole) == "card:pain_point")
    palette.setCurrentRow(row)
    palette.setFocus()
    QTest.keyClick(palette, Qt.Key.Key_Return)
    cards = window.document.cards_at("step-2", "lane-pain-points")
    assert len(cards) == 1 and window.stack.undoText() == "Add card"
    assert window.scene.editor is not None and window.scene.editor.element_id == cards[0].id
    QTest.keyClicks(QApplication.focusWidget(), "Hidden fees")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert window.document.get(cards[0].id).text == "Hidden fees"


def test_a_double_click_on_a_palette_item_adds_it_at_the_selection(window: MainWindow) -> None:
    """A mouse-only user could only drag: a double-click on an entry did nothing (exploratory test)."""
    window.scene.select_ids(["step-2"])
    palette = window.palette
    row = next(r for r in range(palette.count()) if palette.item(r).data(Qt.ItemDataRole.UserRole) == "card:pain_point")
    centre = palette.visualItemRect(palette.item(row)).center()
    QTest.mouseDClick(palette.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    cards = window.document.cards_at("step-2", "lane-pain-points")
    assert len(cards) == 1 and window.stack.undoText() == "Add card"
    assert window.scene.editor is not None and window.scene.editor.element_id == cards[0].id


def test_space_on_the_step_item_adds_the_next_step(window: MainWindow) -> None:
    window.scene.select_ids(["step-1"])
    palette = window.palette
    palette.setCurrentRow(0)  # "Step"
    QTest.keyClick(palette, Qt.Key.Key_Space)
    steps = [s.id for s in window.document.steps()]
    assert len(steps) == 4 and steps[0] == "step-1" and steps[1] not in ("step-2", "step-3")
    assert window.document.get(steps[1]).stage == "stage-a"


def test_a_palette_item_with_no_place_says_why(window: MainWindow) -> None:
    window.scene.select_ids(["card-think"])
    palette = window.palette
    row = next(r for r in range(palette.count()) if palette.item(r).data(Qt.ItemDataRole.UserRole) == "handoff")
    palette.setCurrentRow(row)
    QTest.keyClick(palette, Qt.Key.Key_Return)  # a handoff needs a digital touchpoint
    assert "digital touchpoint" in window.statusBar().currentMessage()
    assert window.stack.count() == 0


def test_a_handoff_from_the_palette_shows_its_own_fields_in_the_inspector(window: MainWindow) -> None:
    """With the advisor and the handoff both selected, the inspector showed the journey's fields (exploratory test)."""
    window.scene.select_ids(["card-app"])
    palette = window.palette
    row = next(r for r in range(palette.count()) if palette.item(r).data(Qt.ItemDataRole.UserRole) == "handoff")
    palette.setCurrentRow(row)
    QTest.keyClick(palette, Qt.Key.Key_Return)
    [handoff] = [h for h in window.document.journey.handoffs if h.source == "card-app"]
    assert window.scene.selected_ids() == [handoff.id]
    assert window.inspector.element_id == handoff.id


def _enter_on_palette(window: MainWindow, payload: str) -> None:
    """Enter on the palette's entry *payload*, the palette having the keys."""
    palette = window.palette
    palette.setCurrentRow(next(r for r in range(palette.count()) if palette.item(r).data(Qt.ItemDataRole.UserRole) == payload))
    palette.setFocus()
    QTest.keyClick(palette, Qt.Key.Key_Return)


def test_a_handoff_from_the_palette_opens_its_trigger_for_typing_in_the_same_undo_step(window: MainWindow) -> None:
    """Enter on "Handoff to a person" added the advisor and a blank trigger, and no editor: the facilitator's next
    keys went nowhere (exploratory test)."""
    window.scene.select_ids(["card-app"])
    _enter_on_palette(window, "handoff")
    [handoff] = [h for h in window.document.journey.handoffs if h.source == "card-app"]
    assert window.scene.editor is not None and window.scene.editor.element_id == handoff.id
    QTest.keyClicks(QApplication.focusWidget(), "Fees unclear")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert window.document.get(handoff.id).trigger == "Fees unclear"
    assert window.scene.selected_ids() == [handoff.id]
    window.stack.undo()  # the handoff, its advisor and its trigger go in one step
    assert not [h for h in window.document.journey.handoffs if h.source == "card-app"]
    assert window.stack.count() == 1 and window.stack.index() == 0


def test_palette_items_have_accessible_names(window: MainWindow) -> None:
    palette = window.palette
    for r in range(palette.count()):
        item = palette.item(r)
        assert item.data(Qt.ItemDataRole.AccessibleTextRole) == item.text()
        assert "Enter" in item.data(Qt.ItemDataRole.AccessibleDescriptionRole)
    assert window.view.accessibleName() == "Journey map"


def _clear_of_the_frozen_titles(window: MainWindow, element_id: str) -> bool:
    """Whether the step's header shows in the view, right of the frozen lane titles."""
    view = window.view
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    header = window.scene.item_for("step", element_id).sceneBoundingRect()
    left = seen.left() + window.scene.title_block().width()
    return left <= header.left() and header.right() <= seen.right()


def test_the_view_follows_a_step_moved_with_ctrl_arrows_and_an_undo_brings_it_clear_of_the_lane_titles(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The step moved out of sight with Ctrl+Right; an undo left a step half under the lane titles."""
    window = open_window(qtbot, Path(__file__).resolve().parents[2] / "examples" / "banking-savings.journey")
    window.resize(1100, 650)  # (a map area a little wider than three steps and the lane titles)
    qtbot.wait(50)
    viewport = window.view.viewport()
    doc = window.document
    first_stage = doc.stages()[0].id
    step = doc.index.steps_of(first_stage)[-1].id  # the last step of the first stage
    window.scene.select_ids([step])
    window.view.horizontalScrollBar().setValue(0)
    for _ in range(4):  # on into the next stage, and along it
        QTest.keyClick(viewport, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
        assert _clear_of_the_frozen_titles(window, step)
    assert doc.get(step).stage != first_stage
    # Scrolled so that the step is under the lane titles, an undo of its renaming selects it: it comes clear of them.
    from workbench.ui.commands import perform

    perform(window.stack, doc, "Rename", lambda: doc.update(step, title="Asks in the chat"))
    item = window.scene.item_for("step", step)
    bar = window.view.horizontalScrollBar()
    bar.setValue(bar.value() + round(window.view.mapFromScene(item.sceneBoundingRect().center()).x()) - 60)
    assert not _clear_of_the_frozen_titles(window, step)
    window.scene.clearSelection()
    window.stack.undo()
    assert doc.get(step).title != "Asks in the chat"
    assert window.scene.selected_ids() == [step] and _clear_of_the_frozen_titles(window, step)
    # Its middle clear of them but the start of its title under them: not in sight either.
    perform(window.stack, doc, "Rename", lambda: doc.update(step, title="Asks in the chat"))
    left = window.view.mapToScene(viewport.rect().topLeft()).x() + window.scene.title_block().width()
    bar.setValue(bar.value() + round(item.sceneBoundingRect().left() - left) + 40)
    assert not _clear_of_the_frozen_titles(window, step)
    assert window.view.mapToScene(viewport.rect().topLeft()).x() + window.scene.title_block().width() < item.sceneBoundingRect().center().x()
    window.scene.clearSelection()
    window.stack.undo()
    assert window.scene.selected_ids() == [step] and _clear_of_the_frozen_titles(window, step)


def test_a_link_drawn_from_a_frozen_header_shows_its_line_and_target_where_they_are(window: MainWindow) -> None:
    """Scrolled down, the headers ride at the top of the view: the line was drawn under them, the target's
    highlight where the map has the header (out of sight above)."""
    window.resize(900, 420)
    window.scene.ensure_fresh()
    bar = window.view.verticalScrollBar()
    bar.setValue(bar.maximum())
    window.view.freeze_headers()
    source = window.scene.item_for("step", "step-1")
    target = window.scene.item_for("step", "step-3")
    assert window.scene.band_of(source).frozen  # (the headers ride the top of the view)
    window.scene.select_ids(["step-1"])
    start = source.mapToScene(source.port_centre())
    end = target.sceneBoundingRect().center()
    viewport = window.view.viewport()
    QTest.mousePress(viewport, LEFT, Qt.KeyboardModifier.NoModifier, window.view.mapFromScene(start))
    QTest.mouseMove(viewport, window.view.mapFromScene(end))
    line = window.scene._connecting.line
    band = window.scene.band_of(source)
    assert line.zValue() > band.zValue()  # over the frozen headers
    hint = window.scene.drop_hint
    assert hint.isVisible() and hint.area is not None and hint.area.contains(end)  # on the header as shown
    QTest.mouseRelease(viewport, LEFT, Qt.KeyboardModifier.NoModifier, window.view.mapFromScene(end))
    assert ("step-1", "step-3") in [(k.source, k.target) for k in window.document.journey.links]


def _keys(window: MainWindow, key: Qt.Key) -> None:
    QTest.keyClick(window.view, key)


def test_a_handoff_begun_from_the_menu_is_finished_with_the_arrow_keys_and_enter(window: MainWindow) -> None:
    """The arrow keys moved on, the prompt went, and Enter edited the human card instead (exploratory test)."""
    window.view.setFocus()
    window.scene.select_ids(["card-app"])
    assert window.scene.begin_connection("handoff", "card-app")  # "Hand over to a person..." of the menu
    for _ in range(6):
        if window.scene.selected_ids("card") == ["card-advisor"]:
            break
        _keys(window, Qt.Key.Key_Right)
        assert "arrow keys" in window.statusBar().currentMessage()  # the prompt stays while the keys go
    assert window.scene.selected_ids("card") == ["card-advisor"]
    _keys(window, Qt.Key.Key_Return)
    assert [(h.source, h.target) for h in window.document.journey.handoffs] == [("card-app", "card-advisor")]
    assert window.stack.undoText() == "Add handoff" and window.scene.editor is None


def test_enter_on_what_a_handoff_cannot_reach_says_why_and_waits(window: MainWindow) -> None:
    window.view.setFocus()
    window.scene.select_ids(["card-app"])
    assert window.scene.begin_connection("handoff", "card-app")
    _keys(window, Qt.Key.Key_Return)  # still on the digital card itself
    assert window.statusBar().currentMessage() == "A handoff goes from a digital touchpoint to a human one."
    assert window.document.journey.handoffs == [] and window.scene.connecting_by_keys()
    _keys(window, Qt.Key.Key_Escape)
    assert not window.scene.connecting_by_keys()


def test_a_link_begun_from_the_menu_goes_to_the_step_reached_with_tab(window: MainWindow) -> None:
    window.view.setFocus()
    window.scene.select_ids(["step-1"])
    assert window.scene.begin_connection("link", "step-1")
    QTest.keyClick(window.view, Qt.Key.Key_Tab)
    assert window.scene.selected_ids() == ["step-2"]
    _keys(window, Qt.Key.Key_Enter)
    assert ("step-1", "step-2") in [(k.source, k.target) for k in window.document.journey.links]
    assert window.stack.undoText() == "Add link"


def test_a_link_waiting_goes_to_the_step_of_the_card_the_keys_are_on(window: MainWindow) -> None:
    """Enter on a card of step 3's column said "A link goes to another step" (review)."""
    window.view.setFocus()
    window.scene.select_ids(["step-1"])
    assert window.scene.begin_connection("link", "step-1")
    window.scene.select_ids(["card-pain"])  # (as the arrow keys leave it: a card of step 3)
    _keys(window, Qt.Key.Key_Return)
    assert ("step-1", "step-3") in [(k.source, k.target) for k in window.document.journey.links]


def test_f2_on_a_stage_scrolled_past_its_start_brings_its_title_clear_of_the_lane_titles(qtbot) -> None:  # type: ignore[no-untyped-def]
    """The editor opened at the stage's start, under the frozen lane titles: only its last letter showed."""
    window = open_window(qtbot, Path(__file__).resolve().parents[2] / "examples" / "banking-savings.journey")
    window.resize(1000, 650)
    qtbot.wait(50)
    scene, view = window.scene, window.view
    stage = max(scene.layout.stages, key=lambda s: s.rect.w)  # the widest: wider than the map area
    titles = scene.title_block().width()
    view.centerOn(stage.rect.x + view.viewport().width() / 2 + titles / 2, stage.rect.centre[1])  # its start behind
    qtbot.wait(20)
    assert view.mapFromScene(QPointF(stage.rect.x, 0)).x() < titles
    scene.select_ids([stage.id])
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_F2)
    assert scene.editor is not None and scene.editor.element_id == stage.id
    left = view.mapFromScene(scene.editor.sceneBoundingRect().topLeft()).x()
    assert left >= titles - 1, (left, titles)


def test_the_arrow_keys_go_on_from_where_a_selected_handoff_or_link_starts(window: MainWindow) -> None:
    """From a handoff, Right went back to the journey's first step and scrolled there (exploratory test)."""
    from workbench.model.journey import Handoff

    window.document.add(Handoff(id="h-app", source="card-app", target="card-advisor"))
    window.view.setFocus()
    window.scene.select_ids(["h-app"])
    QTest.keyClick(window.view, Qt.Key.Key_Up)  # from the digital card at step 1, up a lane
    assert window.scene.keyboard_place() == ("step-1", "lane-actions", None)
    window.scene.select_ids(["link-back"])  # from step 3 back to step 2
    QTest.keyClick(window.view, Qt.Key.Key_Left)
    assert window.scene.selected_ids() == ["step-2"]
