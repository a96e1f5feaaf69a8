"""Undo and redo bring back the selection, as a desktop editor does.

A card deleted by mistake comes back selected (and in the inspector), a
step added with Return goes and the step it followed is selected again, and
an edit undone far from where the user is looking is brought into view.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.ui.helpers import click
from tests.ui.test_canvas import box
from workbench.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def key(window: MainWindow, k: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key typed on the map, and what the user then sees (the canvas catches up on the event loop's turn)."""
    QTest.keyClick(window.view.viewport(), k, modifiers)
    QApplication.processEvents()


def undo(window: MainWindow) -> None:
    key(window, Qt.Key.Key_Z, CTRL)


def redo(window: MainWindow) -> None:
    key(window, Qt.Key.Key_Z, CTRL | SHIFT)


def seen(window: MainWindow) -> QRectF:
    """The part of the map the view shows."""
    return window.view.mapToScene(window.view.viewport().rect()).boundingRect()


def in_view(window: MainWindow, element_id: str) -> bool:
    """The element's middle is in view (a small window may be narrower than a card)."""
    item = window.scene.item_for("card", element_id) or window.scene.item_for("step", element_id)
    assert item is not None
    return seen(window).contains(item.sceneBoundingRect().center())


def test_undoing_a_delete_selects_what_came_back_and_redo_what_followed(window: MainWindow) -> None:
    click(window, *box(window, "card", "card-think").centre)
    assert window.scene.selected_ids() == ["card-think"]
    key(window, Qt.Key.Key_Delete)
    assert "card-think" not in window.document and window.scene.selected_ids() == []
    undo(window)
    assert "card-think" in window.document
    assert window.scene.selected_ids() == ["card-think"]
    assert window.inspector.element_id == "card-think"  # the inspector shows it again
    redo(window)
    assert "card-think" not in window.document and window.scene.selected_ids() == []
    undo(window)
    assert window.scene.selected_ids() == ["card-think"]


def test_several_elements_deleted_together_come_back_selected_together(window: MainWindow) -> None:
    click(window, *box(window, "card", "card-app").centre)
    click(window, *box(window, "card", "card-pain").centre, CTRL)
    assert sorted(window.scene.selected_ids()) == ["card-app", "card-pain"]
    key(window, Qt.Key.Key_Delete)
    undo(window)
    assert sorted(window.scene.selected_ids()) == ["card-app", "card-pain"]


def test_undoing_return_selects_the_step_it_followed(window: MainWindow) -> None:
    click(window, *box(window, "step", "step-1").centre)
    steps = len(window.document.journey.steps)
    key(window, Qt.Key.Key_Return)  # a new step after step-1, its title being edited
    assert len(window.document.journey.steps) == steps + 1
    new = next(s.id for s in window.document.journey.steps if s.id not in ("step-1", "step-2", "step-3"))
    assert window.scene.editor is not None
    QTest.keyClicks(window.view.viewport(), "Reads the terms")
    key(window, Qt.Key.Key_Return)
    assert window.document.get(new).title == "Reads the terms"  # type: ignore[attr-defined]
    key(window, Qt.Key.Key_Escape)  # (no step after it)
    undo(window)  # the step, with its title: one gesture
    assert new not in window.document and window.scene.selected_ids() == ["step-1"]
    redo(window)
    assert new in window.document and window.scene.selected_ids() == [new]
    assert window.document.get(new).title == "Reads the terms"  # type: ignore[attr-defined]


def test_an_edit_undone_out_of_sight_is_brought_into_view(window: MainWindow) -> None:
    window.resize(700, 500)
    window.scene.ensure_fresh()
    item = window.scene.item_for("card", "card-pain")
    assert item is not None
    window.view.ensureVisible(item.sceneBoundingRect())
    click(window, *box(window, "card", "card-pain").centre)
    assert window.scene.selected_ids() == ["card-pain"]
    place = item.sceneBoundingRect()
    key(window, Qt.Key.Key_Delete)
    window.view.horizontalScrollBar().setValue(0)  # the user scrolled away, to the map's top left corner
    window.view.verticalScrollBar().setValue(0)
    QApplication.processEvents()
    assert not seen(window).intersects(place)
    undo(window)
    assert window.scene.selected_ids() == ["card-pain"]
    assert in_view(window, "card-pain")


@pytest.mark.parametrize("width", [800, 1500])  # the header's column out of sight to the right; in sight
def test_undo_with_a_frozen_step_header_selected_keeps_the_view_and_outlines_the_header(window: MainWindow, width: int) -> None:
    window.resize(width, 430)
    window.scene.ensure_fresh()
    bar = window.view.verticalScrollBar()
    bar.setValue(bar.maximum())  # scrolled down: the step headers ride the frozen band at the top
    QApplication.processEvents()
    assert bar.value() > 0
    header = window.scene.item_for("step", "step-2")
    assert header is not None
    at = window.view.mapFromScene(header.sceneBoundingRect().center())
    QTest.mouseClick(window.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at)
    assert window.scene.selected_ids() == ["step-2"]
    key(window, Qt.Key.Key_Left, CTRL)  # the step moves a column back, before step-1
    assert window.document.get("step-2").order < window.document.get("step-1").order  # type: ignore[attr-defined]
    scrolled, across = bar.value(), window.view.horizontalScrollBar().value()
    undo(window)
    assert window.document.get("step-2").order > window.document.get("step-1").order  # type: ignore[attr-defined]
    assert window.scene.selected_ids() == ["step-2"]
    # The header rides the frozen band: the view comes to its column, and stays as scrolled down as it was.
    assert abs(bar.value() - scrolled) <= 1
    assert in_view(window, "step-2")
    if width > 1000:  # it was in sight: nothing moved at all
        assert bar.value() == scrolled and window.view.horizontalScrollBar().value() == across
    frame = window.scene.focus_frame
    assert frame.isVisible() and frame.sceneBoundingRect().contains(header.sceneBoundingRect())
    bar.setValue(scrolled - 25)  # the outline goes with the header as the map scrolls
    QApplication.processEvents()
    assert frame.sceneBoundingRect().contains(header.sceneBoundingRect())


def test_undoing_a_card_added_on_an_empty_cell_puts_the_keyboard_back_on_the_cell(window: MainWindow) -> None:
    click(window, *box(window, "card", "card-think").centre)  # step-2, Thoughts
    key(window, Qt.Key.Key_Down)  # the Emotions lane,
    key(window, Qt.Key.Key_Down)  # then the empty cell below: step-2, Pain points
    cell = window.scene.cursor_cell
    assert cell == ("step-2", "lane-pain-points")
    assert cell is not None and cell[0] == "step-2" and window.scene.selected_ids() == []
    cards = len(window.document.journey.cards)
    key(window, Qt.Key.Key_Return)  # a card there, its text being edited
    assert len(window.document.journey.cards) == cards + 1
    QTest.keyClicks(window.view.viewport(), "Queue")
    key(window, Qt.Key.Key_Return)
    window.view.setFocus()
    undo(window)  # its text
    undo(window)  # the card
    assert len(window.document.journey.cards) == cards
    assert window.scene.cursor_cell == cell and window.scene.selected_ids() == []
    frame = window.scene.focus_frame
    column, row = box(window, "column", cell[0]), box(window, "lane", cell[1])
    assert frame.isVisible() and frame.sceneBoundingRect().contains(QRectF(column.x, row.y, column.w, row.h).center())
