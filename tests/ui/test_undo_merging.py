"""Typing in one field is one undo step, and only while the user stays on it.

Found by trying the editor as a facilitator: two separate edits of a card's
text (the card left and selected again in between) became one undo step,
so one Ctrl+Z took both away; an emotion set for one persona and then for
another on the same step were undone together.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit

from tests.ui.helpers import click
from tests.ui.test_canvas import box
from tests.ui.test_persona_bar import bar_of, choose, window_on
from workbench.model.feelings import level
from workbench.ui.main_window import MainWindow


def type_in(field: QLineEdit, text: str) -> None:
    field.setFocus()
    QTest.keyClick(field, Qt.Key.Key_End)
    QTest.keyClicks(field, text)
    QApplication.processEvents()


def title_field(window: MainWindow) -> QLineEdit:
    field = window.inspector.findChild(QLineEdit, "title")
    assert field is not None
    return field


def title(window: MainWindow) -> str:
    return window.document.get("step-2").title  # type: ignore[attr-defined]


def test_typing_again_after_leaving_the_element_is_a_step_of_its_own(window: MainWindow) -> None:
    click(window, *box(window, "step", "step-2").centre)
    type_in(title_field(window), " rates")
    click(window, *box(window, "step", "step-1").centre)  # another step, then back
    click(window, *box(window, "step", "step-2").centre)
    type_in(title_field(window), " again")
    assert title(window) == "Compares rates again"
    window.actions.undo.trigger()
    assert title(window) == "Compares rates"  # the second typing only
    window.actions.undo.trigger()
    assert title(window) == "Compares"


def test_typing_after_an_undo_and_a_redo_is_a_step_of_its_own(window: MainWindow) -> None:
    click(window, *box(window, "step", "step-2").centre)
    type_in(title_field(window), " rates")
    window.actions.undo.trigger()
    window.actions.redo.trigger()
    assert title(window) == "Compares rates"
    type_in(title_field(window), " now")
    window.actions.undo.trigger()
    assert title(window) == "Compares rates"


def test_one_persona_s_emotion_is_undone_without_the_other_s(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = window_on(qtbot, tmp_path)
    bar = bar_of(window)
    click(window, *box(window, "step", "step-2").centre)
    emotion = window.inspector.findChild(QComboBox, "feeling.value")
    choose(qtbot, emotion, "-2 very negative")  # Camille's, the lead's curve
    choose(qtbot, bar.personas, "Bernard")
    emotion = window.inspector.findChild(QComboBox, "feeling.value")
    choose(qtbot, emotion, "+2 very positive")
    step = window.document.get("step-2")
    assert (level(step, "persona-1", "as_is"), level(step, "persona-2", "as_is")) == (-2, 2)
    window.actions.undo.trigger()
    step = window.document.get("step-2")
    assert (level(step, "persona-1", "as_is"), level(step, "persona-2", "as_is")) == (-2, None)


def test_typing_a_persona_s_name_again_after_another_persona_is_a_step_of_its_own(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from tests.ui.test_personas_panel import click_row, panel_of

    window = window_on(qtbot, tmp_path)
    panel = panel_of(window)
    name = panel.findChild(QLineEdit, "personas-name")
    assert name is not None
    type_in(name, " Martin")
    click_row(panel, 1)  # Bernard, then back to Camille
    click_row(panel, 0)
    name = panel.findChild(QLineEdit, "personas-name")
    type_in(name, " Jr")
    assert window.document.get("persona-1").name == "Camille Martin Jr"  # type: ignore[attr-defined]
    window.actions.undo.trigger()
    assert window.document.get("persona-1").name == "Camille Martin"  # type: ignore[attr-defined]


def test_typing_again_after_going_to_the_map_and_back_is_a_step_of_its_own(window: MainWindow) -> None:
    """The same element all along: leaving the field is enough (the review's case)."""
    click(window, *box(window, "step", "step-2").centre)
    type_in(title_field(window), " rates")
    click(window, *box(window, "step", "step-2").centre)  # the keyboard goes to the map
    assert not title_field(window).hasFocus()
    type_in(title_field(window), " again")  # and comes back to the title
    window.actions.undo.trigger()
    assert title(window) == "Compares rates"


def test_an_undo_while_typing_shows_what_it_brought_back_and_typing_goes_on_from_there(window: MainWindow) -> None:
    """The toolbar's Undo with the cursor still in the field: the field kept the undone text, and the next
    keystroke wrote it back into the step (a user's try in a real window)."""
    click(window, *box(window, "step", "step-2").centre)
    type_in(title_field(window), " rates")
    click(window, *box(window, "step", "step-2").centre)  # left, and back: a step of its own
    type_in(title_field(window), " now")
    field = title_field(window)
    assert field.hasFocus() and title(window) == "Compares rates now"
    window.actions.undo.trigger()  # as the toolbar's button does: the focus stays in the field
    assert title(window) == "Compares rates"
    assert field.text() == "Compares rates"  # the field shows what the undo brought back
    QTest.keyClicks(field, " again")  # typed at its end
    QApplication.processEvents()
    assert title(window) == "Compares rates again"


def test_the_same_for_a_card_s_text(window: MainWindow) -> None:
    from PySide6.QtWidgets import QPlainTextEdit

    def text_field() -> QPlainTextEdit:
        field = window.inspector.findChild(QPlainTextEdit, "text")
        assert field is not None
        return field

    def typed(text: str) -> None:
        field = text_field()
        field.setFocus()
        QTest.keyClick(field, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
        QTest.keyClicks(field, text)
        QApplication.processEvents()

    click(window, *box(window, "card", "card-think").centre)
    typed(" A")
    click(window, *box(window, "card", "card-think").centre)
    typed(" B")
    window.actions.undo.trigger()
    assert window.document.get("card-think").text == "Is it worth it? A"  # type: ignore[attr-defined]
    assert text_field().toPlainText() == "Is it worth it? A"
    QTest.keyClicks(text_field(), " C")
    QApplication.processEvents()
    assert window.document.get("card-think").text == "Is it worth it? A C"  # type: ignore[attr-defined]
