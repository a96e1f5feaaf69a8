"""Every gesture lands: drags that enter anywhere, drop indicator, refusals said, Escape, auto-scroll.

Palette drags are sent as Qt delivers them from a real window: the enter event
comes where the pointer first crosses into the map, and when the enter event is
refused no further move or drop is delivered (that is what X11 does, and what
made drops fail silently). Real-window versions are in tests/realwindow/.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragLeaveEvent, QDropEvent, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import LEFT, click, drag, drag_enter, drag_move, open_window, to_view
from tests.ui.test_canvas import box, cell_centre, small_journey
from workbench.model.fileformat import dumps, save
from workbench.ui.main_window import MainWindow


def view_point(window: MainWindow, x: float, y: float) -> QPointF:
    return QPointF(window.view.mapFromScene(QPointF(x, y)))


def real_drag(window: MainWindow, mime: QMimeData, points: list[QPointF], drop: bool = True) -> bool:
    """Drag *mime* along viewport *points* as a real window delivers it; True if a drop was accepted.

    The first point gets the enter event. As on X11, a refused enter ends the
    delivery: no move, no drop reaches the canvas afterwards.
    """
    viewport = window.view.viewport()
    copy = Qt.DropAction.CopyAction
    none = Qt.KeyboardModifier.NoModifier
    enter = drag_enter(points[0].toPoint(), mime)
    QApplication.sendEvent(viewport, enter)
    if not enter.isAccepted():
        return False
    accepted = False
    for point in points:
        move = drag_move(point.toPoint(), mime)
        QApplication.sendEvent(viewport, move)
        accepted = move.isAccepted()
    if not drop:
        QApplication.sendEvent(viewport, QDragLeaveEvent())
        return False
    if not accepted:  # Qt does not deliver a drop where the last move was refused
        QApplication.sendEvent(viewport, QDragLeaveEvent())
        return False
    event = QDropEvent(points[-1], copy, mime, LEFT, none)
    QApplication.sendEvent(viewport, event)
    QApplication.processEvents()
    return event.isAccepted()


def lane_title_point(window: MainWindow, lane: str) -> QPointF:
    row = box(window, "lane", lane)
    return view_point(window, 20, row.y + row.h / 2)


def test_a_drag_entering_over_the_lane_titles_then_crossing_headers_drops_on_its_cell(window: MainWindow) -> None:
    window.view.horizontalScrollBar().setValue(0)
    x, y = cell_centre(window, "step-2", "lane-touchpoints")
    header = box(window, "step", "step-1")
    path = [
        lane_title_point(window, "lane-touchpoints"),  # enters over the lane-title column
        view_point(window, header.x + 10, header.y + 5),  # over a step header
        view_point(window, x, box(window, "step", "step-2").y + 5),
        view_point(window, x, y),
    ]
    mime = window.palette.mime_for("card:touchpoint:digital")
    assert real_drag(window, mime, path)
    added = [c for c in window.document.journey.cards if c.step == "step-2" and c.nature == "digital"]
    assert len(added) == 1 and added[0].lane == "lane-touchpoints"
    assert window.stack.undoText() == "Add card"


def test_the_drop_indicator_shows_the_cell_and_the_status_bar_says_why_not(window: MainWindow) -> None:
    mime = window.palette.mime_for("card:pain_point")
    viewport = window.view.viewport()
    start = lane_title_point(window, "lane-pain-points")
    QApplication.sendEvent(viewport, drag_enter(start.toPoint(), mime))
    # Over the thoughts lane: refused, with the reason, and no indicator.
    move = drag_move(view_point(window, *cell_centre(window, "step-2", "lane-thoughts")).toPoint(), mime)
    QApplication.sendEvent(viewport, move)
    assert not move.isAccepted()
    assert not window.scene.drop_hint.isVisible()
    assert "Pain points" in window.statusBar().currentMessage()
    # Over a pain-points cell: accepted, that cell highlighted, the reason gone.
    x, y = cell_centre(window, "step-2", "lane-pain-points")
    move = drag_move(view_point(window, x, y).toPoint(), mime)
    QApplication.sendEvent(viewport, move)
    assert move.isAccepted()
    hint = window.scene.drop_hint
    column, row = box(window, "column", "step-2"), box(window, "lane", "lane-pain-points")
    assert hint.isVisible() and hint.area is not None
    assert (hint.area.x(), hint.area.y(), hint.area.width(), hint.area.height()) == (column.x, row.y, column.w, row.h)
    assert hint.line is not None and column.x < hint.line[0] < column.right
    assert window.statusBar().currentMessage() == ""
    QApplication.sendEvent(viewport, QDragLeaveEvent())
    assert not hint.isVisible()


def test_a_drag_released_where_nothing_can_go_leaves_the_reason_and_changes_nothing(window: MainWindow) -> None:
    before = dumps(window.document.journey)
    mime = window.palette.mime_for("emotion")
    emotions = cell_centre(window, "step-2", "lane-emotions")
    thoughts = cell_centre(window, "step-2", "lane-thoughts")
    # Qt delivers no drop where the last move was refused: the drag just leaves.
    assert not real_drag(window, mime, [view_point(window, *emotions), view_point(window, *thoughts)])
    assert "Emotions lane" in window.statusBar().currentMessage()
    assert dumps(window.document.journey) == before
    assert not window.scene.drop_hint.isVisible()


def test_the_new_card_takes_the_keys_even_when_the_palette_had_focus(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.palette.setFocus()
    x, y = cell_centre(window, "step-2", "lane-touchpoints")
    mime = window.palette.mime_for("card:touchpoint:human")
    assert real_drag(window, mime, [lane_title_point(window, "lane-touchpoints"), view_point(window, x, y)])
    qtbot.waitUntil(lambda: window.scene.editor is not None)
    QTest.keyClicks(QApplication.focusWidget(), "Doctor")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    channel = QApplication.focusWidget()
    assert channel is window.scene.channel_editor
    QTest.keyClicks(channel, "Video call")
    QTest.keyClick(channel, Qt.Key.Key_Return)
    card = next(c for c in window.document.journey.cards if c.step == "step-2" and c.nature == "human")
    assert (card.text, card.channel) == ("Doctor", "Video call")
    assert window.stack.undoText() == "Add card"  # what was typed into the new card is part of adding it
    window.stack.undo()  # the card, its text and its channel go together
    assert card.id not in window.document
    window.stack.redo()
    card = window.document.get(card.id)
    assert (card.text, card.channel) == ("Doctor", "Video call")


def test_the_text_typed_stays_in_view_while_the_channel_is_typed(window: MainWindow) -> None:
    """The card showed its placeholder text under the channel editor, as if what was typed were lost."""
    from workbench.ui.canvas.editors import InlineEditor

    def texts_shown() -> list[str]:
        return [i.toPlainText() for i in window.scene.items() if isinstance(i, InlineEditor) and i.isVisible()]

    window.scene.select_ids(["step-2"])
    assert window.scene.insert_from_palette("card:touchpoint:digital")
    QTest.keyClicks(QApplication.focusWidget(), "Pays online")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    channel = window.scene.channel_editor
    assert channel is not None and texts_shown() == ["Pays online"]
    card = window.scene.item_for("card", channel.card_id)
    shown = next(i for i in window.scene.items() if isinstance(i, InlineEditor))
    assert shown.sceneBoundingRect().intersects(card.sceneBoundingRect())  # over the card
    QTest.keyClicks(channel, "Web")
    QTest.keyClick(channel, Qt.Key.Key_Return)
    assert texts_shown() == [] and window.document.get(channel.card_id).text == "Pays online"


def test_shift_tab_in_the_channel_goes_back_to_the_text(window: MainWindow) -> None:
    """Qt took Shift+Tab to move the focus on: both editors closed and the card was committed half-typed."""
    window.scene.select_ids(["step-2"])
    assert window.scene.insert_from_palette("card:touchpoint:digital")
    QTest.keyClicks(QApplication.focusWidget(), "Pays")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    channel = window.scene.channel_editor
    assert channel is not None and QApplication.focusWidget() is channel
    QTest.keyClicks(channel, "Kiosk")
    QTest.keyClick(channel, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    editor = window.scene.editor
    assert window.scene.channel_editor is None and editor is not None
    assert editor.toPlainText() == "Pays"
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_End)  # (back in the text, all of it selected, as when it opened)
    QTest.keyClicks(window.view.viewport(), " by card")
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_Return)
    card = window.document.get(editor.element_id)
    assert card.text == "Pays by card"
    assert window.stack.undoText() == "Add card"


def test_the_channel_offers_the_channels_already_in_the_journey(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    click(window, *box(window, "card", "card-app").centre)
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_F2)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    channel = window.scene.channel_editor
    completer = channel.completer()
    completer.setCompletionPrefix("advis")
    assert completer.currentCompletion() == "Phone with an advisor"
    QTest.keyClick(channel, Qt.Key.Key_Escape)  # the channel as it was; the text was not changed: nothing to undo
    assert window.stack.count() == 0


def test_escape_in_the_channel_keeps_the_text_typed_before_tab(window: MainWindow) -> None:
    """Escape in a new touchpoint's channel lost its text and left a card saying "What happens here"."""
    window.scene.select_ids(["step-2"])
    assert window.scene.insert_from_palette("card:touchpoint:digital")
    card_id = window.scene.editor.element_id
    channel_before = window.document.get(card_id).channel
    QTest.keyClicks(QApplication.focusWidget(), "Fourth tp")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    channel = window.scene.channel_editor
    QTest.keyClicks(channel, "Bo")
    QTest.keyClick(channel, Qt.Key.Key_Escape)
    card = window.document.get(card_id)
    assert (card.text, card.channel) == ("Fourth tp", channel_before)
    assert window.scene.channel_editor is None and window.stack.undoText() == "Add card"  # one step, as when kept
    window.stack.undo()
    assert card_id not in window.document


def _channel_typed_with_suggestions(window: MainWindow, qtbot, typed: str):  # type: ignore[no-untyped-def]
    click(window, *box(window, "card", "card-app").centre)
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_F2)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    channel = window.scene.channel_editor
    channel.clear()
    QTest.keyClicks(channel, typed)
    popup = channel.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    return channel, popup


def test_one_return_keeps_the_suggestion_picked_in_the_channel(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The first Return only closed the suggestions: a second one was needed to keep the channel."""
    channel, popup = _channel_typed_with_suggestions(window, qtbot, "advis")
    QTest.keyClick(popup, Qt.Key.Key_Down)  # (keys go to the list while it is open, as on a real screen)
    QTest.keyClick(popup, Qt.Key.Key_Return)
    assert window.scene.channel_editor is None and not popup.isVisible()
    assert window.document.get("card-app").channel == "Phone with an advisor"
    assert window.stack.undoText() == "Edit touchpoint"


def test_one_return_keeps_the_channel_typed_when_no_suggestion_is_picked(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    channel, popup = _channel_typed_with_suggestions(window, qtbot, "Phone")
    QTest.keyClick(popup, Qt.Key.Key_Return)
    assert window.scene.channel_editor is None
    assert window.document.get("card-app").channel == "Phone"


def test_escape_closes_the_suggestions_and_leaves_the_channel_open(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    channel, popup = _channel_typed_with_suggestions(window, qtbot, "advis")
    QTest.keyClick(popup, Qt.Key.Key_Escape)
    assert not popup.isVisible() and window.scene.channel_editor is channel
    QTest.keyClick(channel, Qt.Key.Key_Return)
    assert window.document.get("card-app").channel == "advis"


def test_escape_cancels_a_card_drag_and_leaves_the_journey_unchanged(window: MainWindow) -> None:
    before = dumps(window.document.journey)
    viewport = window.view.viewport()
    start = to_view(window, *box(window, "card", "card-think").centre)
    end = window.view.mapFromScene(QPointF(*cell_centre(window, "step-3", "lane-thoughts")))
    QTest.mousePress(viewport, LEFT, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, 6):
        QTest.mouseMove(viewport, start + (end - start) * i / 5)
    assert window.scene.drop_hint.isVisible()
    QTest.keyClick(viewport, Qt.Key.Key_Escape)
    QTest.mouseMove(viewport, end + QPoint(3, 3))
    QTest.mouseRelease(viewport, LEFT, Qt.KeyboardModifier.NoModifier, end)
    assert dumps(window.document.journey) == before
    assert window.stack.count() == 0
    item = window.scene.item_for("card", "card-think")
    assert item.pos() == item.home()
    assert not window.scene.drop_hint.isVisible()
    assert item.zValue() == item.Z and item.parentItem().zValue() == item.Z  # lifted for the drag, put back


def test_a_card_dragged_to_a_wrong_lane_shows_the_forbidden_cursor_and_why(window: MainWindow) -> None:
    viewport = window.view.viewport()
    start = to_view(window, *box(window, "card", "card-think").centre)
    end = window.view.mapFromScene(QPointF(*cell_centre(window, "step-2", "lane-pain-points")))
    QTest.mousePress(viewport, LEFT, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, 6):
        QTest.mouseMove(viewport, start + (end - start) * i / 5)
    assert viewport.cursor().shape() == Qt.CursorShape.ForbiddenCursor
    assert "lane of its kind" in window.statusBar().currentMessage()
    QTest.mouseRelease(viewport, LEFT, Qt.KeyboardModifier.NoModifier, end)
    assert window.document.get("card-think").lane == "lane-thoughts"
    assert viewport.cursor().shape() != Qt.CursorShape.ForbiddenCursor


def test_a_palette_drag_near_the_edge_scrolls_the_map(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.view.set_zoom(3.0)
    bar = window.view.horizontalScrollBar()
    bar.setValue(0)
    viewport = window.view.viewport()
    mime = window.palette.mime_for("card:thought")
    near_right = QPoint(viewport.width() - 5, viewport.height() // 2)
    QApplication.sendEvent(viewport, drag_enter(near_right, mime))
    QApplication.sendEvent(viewport, drag_move(near_right, mime))
    qtbot.waitUntil(lambda: bar.value() > 100, timeout=3000)
    QApplication.sendEvent(viewport, QDragLeaveEvent())
    value = bar.value()
    QTest.qWait(100)
    assert bar.value() == value  # stops when the drag leaves


def test_a_card_carried_to_the_edge_scrolls_the_map_and_follows(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.view.set_zoom(3.0)
    bar = window.view.horizontalScrollBar()
    viewport = window.view.viewport()
    start = to_view(window, *box(window, "card", "card-think").centre)
    QTest.mousePress(viewport, LEFT, Qt.KeyboardModifier.NoModifier, start)
    edge = QPoint(viewport.width() - 4, start.y())
    for i in range(1, 6):
        QTest.mouseMove(viewport, start + (edge - start) * i / 5)
    before = bar.value()
    qtbot.waitUntil(lambda: bar.value() > before + 100, timeout=3000)
    item = window.scene.item_for("card", "card-think")
    under_pointer = window.view.mapToScene(edge)
    assert abs(item.sceneBoundingRect().center().x() - under_pointer.x()) < 150  # the card came along
    QTest.mouseRelease(viewport, LEFT, Qt.KeyboardModifier.NoModifier, edge)


def test_space_drag_over_a_card_pans_instead_of_moving_it(window: MainWindow) -> None:
    window.view.set_zoom(3.0)
    viewport = window.view.viewport()
    at = to_view(window, *box(window, "card", "card-think").centre)
    bar = window.view.horizontalScrollBar()
    before = bar.value()
    QTest.keyPress(viewport, Qt.Key.Key_Space)
    QTest.mousePress(viewport, LEFT, Qt.KeyboardModifier.NoModifier, at)
    for i in range(1, 6):
        QTest.mouseMove(viewport, at + QPoint(-20 * i, 0))
    QTest.mouseRelease(viewport, LEFT, Qt.KeyboardModifier.NoModifier, at + QPoint(-100, 0))
    QTest.keyRelease(viewport, Qt.Key.Key_Space)
    assert bar.value() == before + 100
    assert window.stack.count() == 0
    assert window.document.get("card-think").step == "step-2"


def test_shift_wheel_scrolls_sideways(window: MainWindow) -> None:
    window.view.set_zoom(3.0)
    h, v = window.view.horizontalScrollBar(), window.view.verticalScrollBar()
    h.setValue(0)
    v_before = v.value()
    centre = QPointF(window.view.viewport().rect().center())
    wheel = QWheelEvent(centre, QPointF(window.view.viewport().mapToGlobal(centre.toPoint())), QPoint(), QPoint(0, -120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ShiftModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(window.view.viewport(), wheel)
    assert h.value() > 0 and v.value() == v_before


def test_a_file_that_is_not_a_journey_is_refused_with_a_reason(window: MainWindow, tmp_path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(tmp_path / "notes.txt"))])
    enter = drag_enter(QPoint(50, 50), mime)
    QApplication.sendEvent(window.view.viewport(), enter)
    assert not enter.isAccepted()
    assert ".journey" in window.statusBar().currentMessage()


def test_drag_helper_still_moves_cards(window: MainWindow) -> None:
    drag(window, box(window, "card", "card-think").centre, cell_centre(window, "step-3", "lane-thoughts"))
    assert window.document.get("card-think").step == "step-3"
    assert not window.scene.drop_hint.isVisible()


def test_a_card_dragged_far_from_its_column_is_drawn_all_the_way(qtbot, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Qt skips what a column block holds where the block does not reach: a dragged card leaves its block's span."""
    from tests.ui.helpers import open_window
    from workbench.ui.canvas import blocks
    from workbench.ui.canvas.items import CardItem

    monkeypatch.setattr(blocks, "SIZE", 1)
    monkeypatch.setattr(blocks, "SLACK", 0.0)
    from workbench.model.journey import Step

    journey = small_journey()
    more = [Step(id=f"step-{i}", title=f"Then {i}", stage="stage-b", order=10 * i) for i in (4, 5)]
    path = tmp_path / "test.journey"
    save(journey.model_copy(update={"steps": journey.steps + more}), path)
    window = open_window(qtbot, path)
    window.resize(2000, 1000)  # both columns in view
    painted: list[str] = []
    paint = CardItem.paint

    def counted(item, *args):  # type: ignore[no-untyped-def]
        painted.append(item.element_id)
        paint(item, *args)

    monkeypatch.setattr(CardItem, "paint", counted)
    viewport = window.view.viewport()
    start = to_view(window, *box(window, "card", "card-think").centre)
    end = window.view.mapFromScene(QPointF(*cell_centre(window, "step-5", "lane-thoughts")))  # three columns on
    QTest.mousePress(viewport, LEFT, Qt.KeyboardModifier.NoModifier, start)
    for i in range(1, 6):
        QTest.mouseMove(viewport, start + (end - start) * i / 5)
    card = window.scene.item_for("card", "card-think")
    assert viewport.rect().contains(end)
    painted.clear()
    card.update()  # (its cached picture is dropped: it is painted again if it is drawn at all)
    there = window.view.mapFromScene(card.sceneBoundingRect()).boundingRect()
    viewport.grab(there)  # only where it is now
    assert "card-think" in painted  # drawn where the pointer took it
    assert card in window.scene.items(window.view.mapToScene(end))
    QTest.mouseRelease(viewport, LEFT, Qt.KeyboardModifier.NoModifier, end)
    assert window.document.find("card-think").step == "step-5"
