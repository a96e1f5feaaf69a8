"""Edit > Find: a bar above the map that goes from match to match, from the keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import open_window, speaking
from workbench.model.search import find
from workbench.ui.find_bar import TYPING_PAUSE_MS
from workbench.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "banking-savings.journey"
SHIFT = Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def window(qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    shown = open_window(qtbot, EXAMPLE)
    shown.activateWindow()
    shown.view.setFocus()
    return shown


def _type(qtbot, text: str) -> None:  # type: ignore[no-untyped-def]
    QTest.keyClicks(QApplication.focusWidget(), text)
    qtbot.wait(TYPING_PAUSE_MS + 100)


def _key(key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    QTest.keyClick(QApplication.focusWidget(), key, modifiers)


def _in_view(window: MainWindow, element_id: str) -> bool:
    view = window.view
    seen = view.mapToScene(view.viewport().rect()).boundingRect()
    item = next(i for i in window.scene.selectedItems())
    return window.scene.selected_ids() == [element_id] and seen.intersects(item.sceneBoundingRect())


def test_ctrl_f_then_typing_selects_each_match_in_turn_and_says_which(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    QTest.keyClick(window.view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    bar = window.find_bar
    assert bar is not None and bar.isVisible() and QApplication.focusWidget() is bar.field
    _type(qtbot, "ADVISOR")  # (any case)
    expected = find(window.document.index, "advisor")
    assert len(expected) > 3
    assert _in_view(window, expected[0]) and bar.count.text() == f"1 of {len(expected)}"
    assert window.inspector.element_id == expected[0]
    _key(Qt.Key.Key_Return)
    assert _in_view(window, expected[1]) and bar.count.text() == f"2 of {len(expected)}"
    _key(Qt.Key.Key_Return, SHIFT)
    _key(Qt.Key.Key_Return, SHIFT)  # before the first: round to the last
    assert _in_view(window, expected[-1]) and bar.count.text() == f"{len(expected)} of {len(expected)}"
    _key(Qt.Key.Key_Enter)
    assert _in_view(window, expected[0])
    assert QApplication.focusWidget() is bar.field  # the keys stay in the field all along


def test_escape_gives_the_keys_back_to_the_map_with_the_match_selected(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.actions.find.trigger()
    _type(qtbot, "fee")
    match = window.scene.selected_ids()
    assert match == find(window.document.index, "fee")[:1] and match
    _key(Qt.Key.Key_Escape)
    assert not window.find_bar.isVisible()
    assert QApplication.focusWidget() is window.view and window.scene.selected_ids() == match
    window.actions.find.trigger()  # open again: the last text, selected, so that typing replaces it
    assert window.find_bar.field.selectedText() == "fee"
    _key(Qt.Key.Key_End)
    QTest.keyClick(window.find_bar.field, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)  # (already in the field)
    assert window.find_bar.field.selectedText() == "fee"
    QTest.mouseClick(window.find_bar.close_button, Qt.MouseButton.LeftButton)
    assert not window.find_bar.isVisible() and QApplication.focusWidget() is window.view


def test_typing_more_keeps_the_match_shown_while_it_still_matches(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.actions.find.trigger()
    _type(qtbot, "adv")
    _key(Qt.Key.Key_Return)
    shown = window.scene.selected_ids()
    assert shown == find(window.document.index, "adv")[1:2]
    _type(qtbot, "isor")  # "advisor": the match shown says it too
    assert window.scene.selected_ids() == shown and window.find_bar.count.text().startswith("2 of ")


def test_nothing_found_says_so_and_leaves_the_selection_alone(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.scene.select_ids(["step-ask-question"])
    window.actions.find.trigger()
    _type(qtbot, "zebra crossing")
    assert window.find_bar.count.text() == "No match"
    assert not window.find_bar.next.isEnabled()
    _key(Qt.Key.Key_Return)
    assert window.scene.selected_ids() == ["step-ask-question"]


def test_f3_goes_on_with_the_bar_closed_and_opens_it_when_there_is_nothing_to_find(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    QTest.keyClick(window.view, Qt.Key.Key_F3)
    bar = window.find_bar
    assert bar.isVisible() and QApplication.focusWidget() is bar.field and not window.scene.selected_ids()
    _type(qtbot, "savings")
    expected = find(window.document.index, "savings")
    _key(Qt.Key.Key_Escape)
    QTest.keyClick(window.view, Qt.Key.Key_F3)
    assert _in_view(window, expected[1])
    QTest.keyClick(window.view, Qt.Key.Key_F3, SHIFT)
    assert _in_view(window, expected[0]) and bar.count.text() == f"1 of {len(expected)}"


def test_the_matches_follow_the_edits_without_moving_the_selection(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.actions.find.trigger()
    _type(qtbot, "advisor")
    before = find(window.document.index, "advisor")
    second = before[1]
    _key(Qt.Key.Key_Return)
    assert window.scene.selected_ids() == [second]
    window.scene.delete_selection()  # the match shown goes
    qtbot.wait(TYPING_PAUSE_MS + 100)
    after = find(window.document.index, "advisor")
    assert second not in after and window.find_bar.count.text() == f"{len(after)} matches"
    window.stack.undo()
    qtbot.wait(TYPING_PAUSE_MS + 100)
    assert window.find_bar.count.text() == f"2 of {len(before)}"
    window.find_bar.field.setFocus()
    _key(Qt.Key.Key_Return)
    assert _in_view(window, before[2])


def test_a_journey_opened_in_the_window_is_searched_from_its_start(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.actions.find.trigger()
    _type(qtbot, "app")
    _key(Qt.Key.Key_Return)
    assert window.open_path(ROOT / "examples" / "education-student-support.journey")
    expected = find(window.document.index, "app")
    assert expected and window.find_bar.count.text() == f"{len(expected)} matches"  # (not the other map's "2 of 14")
    window.find_bar.field.setFocus()
    _key(Qt.Key.Key_Return)
    assert _in_view(window, expected[0]) and window.find_bar.count.text() == f"1 of {len(expected)}"


def test_the_bar_speaks_french_with_a_french_interface(qtbot) -> None:  # type: ignore[no-untyped-def]
    with speaking("fr"):
        window = open_window(qtbot, ROOT / "examples" / "banque-epargne-deux-profils.journey")
        assert window.actions.find.text() == "&Rechercher…"
        window.actions.find.trigger()
        bar = window.find_bar
        _type(qtbot, "EPARGNE")  # (« épargne »: no accent, any case)
        expected = find(window.document.index, "épargne")
        assert len(expected) > 1 and bar.count.text() == f"1 sur {len(expected)}"
        window.scene.delete_selection()
        qtbot.wait(TYPING_PAUSE_MS + 100)
        left = find(window.document.index, "épargne")
        assert len(left) > 1 and bar.count.text() == f"{len(left)} résultats"
        bar.field.setText("zèbre")
        _key(Qt.Key.Key_Return)
        assert bar.count.text() == "Aucun résultat"


def test_a_match_wider_than_the_view_is_shown_from_its_start_clear_of_the_lane_titles(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """A stage found was shown at its far end, its title out of view; a finding naming steps far apart showed the
    last one while the inspector showed the first (review)."""
    window.resize(1000, 650)
    qtbot.wait(50)
    scene, view = window.scene, window.view
    titles = scene.title_block().width()
    stage = max(scene.layout.stages, key=lambda s: s.rect.w)
    assert stage.rect.w > view.viewport().width() - titles
    window.show_elements([stage.id])
    left = view.mapFromScene(QPointF(stage.rect.x, stage.rect.y)).x()
    assert titles - 1 <= left <= view.viewport().width() / 2, (left, titles)
    steps = scene.layout.steps
    window.show_elements([steps[len(steps) // 2].id, steps[0].id, steps[-1].id])
    middle = view.mapFromScene(QPointF(steps[len(steps) // 2].column.x, 0)).x()
    assert titles - 1 <= middle < view.viewport().width()
    assert window.inspector.element_id == steps[len(steps) // 2].id


def test_after_the_match_shown_is_deleted_enter_goes_on_from_its_place(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """It went back to "1 of 8" and the start of the map (exploratory test, review)."""
    window.actions.find.trigger()
    _type(qtbot, "advisor")
    for _ in range(2):
        _key(Qt.Key.Key_Return)
    before = find(window.document.index, "advisor")
    third = before[2]
    assert window.scene.selected_ids() == [third]
    window.scene.delete_selection()
    after = find(window.document.index, "advisor")
    following = next(m for m in before[3:] if m in after)
    window.find_bar.field.setFocus()
    _key(Qt.Key.Key_Return)
    assert window.scene.selected_ids() == [following]
    assert window.find_bar.count.text() == f"{after.index(following) + 1} of {len(after)}"


def test_the_search_goes_on_from_what_the_user_chose(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """F3 went on from the old match, and "2 of 7" stayed over another selection (review)."""
    from workbench.model.search import reading_order

    window.actions.find.trigger()
    _type(qtbot, "advisor")
    matches = find(window.document.index, "advisor")
    window.scene.select_ids([matches[3]])  # a match chosen on the map (counted once the choosing pauses)
    qtbot.wait(TYPING_PAUSE_MS + 100)
    assert window.find_bar.count.text() == f"4 of {len(matches)}"
    order = reading_order(window.document.index)
    other = next(e for e in order[order.index(matches[1]):] if e not in matches and window.scene.item_for("step", e))
    window.scene.select_ids([other])  # not a match: the next one after it in the map's order
    qtbot.wait(TYPING_PAUSE_MS + 100)
    assert window.find_bar.count.text() == f"{len(matches)} matches"
    window.find_bar.field.setFocus()
    _key(Qt.Key.Key_Return)
    expected = next(m for m in matches if order.index(m) > order.index(other))
    assert window.scene.selected_ids() == [expected]


def test_ctrl_f_while_typing_on_the_map_keeps_the_text_and_gives_the_field_the_keys(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    step = window.scene.layout.steps[0].id
    window.scene.select_ids([step])
    QTest.keyClick(window.view, Qt.Key.Key_F2)
    QTest.keyClicks(window.view.viewport(), "Reads")
    QTest.keyClick(window.view.viewport(), Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(20)
    assert window.scene.editor is None and window.document.get(step).title == "Reads"
    assert QApplication.focusWidget() is window.find_bar.field


def test_the_bar_never_makes_the_window_wider(window: MainWindow) -> None:
    """On a small screen it widened the window past it, which stayed so once the bar closed (exploratory test)."""
    before = window.minimumSizeHint().width()
    window.actions.find.trigger()
    assert window.minimumSizeHint().width() <= before
    # The bar asks for no width of its own: the map's area is as narrow as the map may be.
    assert window.centralWidget().minimumSizeHint().width() <= window.view.minimumSizeHint().width()


def test_f3_with_the_bar_closed_goes_on_from_what_the_user_chose(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """It went on from the old match (review)."""
    window.actions.find.trigger()
    _type(qtbot, "advisor")
    _key(Qt.Key.Key_Escape)
    matches = find(window.document.index, "advisor")
    window.scene.select_ids([matches[3]])
    QTest.keyClick(window.view, Qt.Key.Key_F3)
    assert window.scene.selected_ids() == [matches[4]]


def test_a_narrow_bar_hides_its_label_and_count_rather_than_draw_them_over_each_other(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.actions.find.trigger()
    _type(qtbot, "advisor")
    bar = window.find_bar
    bar.resize(600, bar.height())
    assert bar.label.isVisible() and bar.count.isVisible()
    bar.resize(150, bar.height())
    assert not bar.label.isVisible() and not bar.count.isVisible()
    assert bar.field.toolTip() == bar.count.text()  # (said on the field instead)


def test_the_first_ctrl_f_leaves_the_map_where_it_was(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The canvas was given a new parent at the first Ctrl+F, and shown again scrolled elsewhere (exploratory test)."""
    view = window.view
    before = (view.horizontalScrollBar().value(), view.verticalScrollBar().value())
    QTest.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(50)
    assert window.find_bar is not None and view.parent() is window.map_area
    assert (view.horizontalScrollBar().value(), view.verticalScrollBar().value()) == before
