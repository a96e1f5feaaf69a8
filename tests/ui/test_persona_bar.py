"""The Persona toolbar: choosing whose emotion curve, and which scenario, the map and the inspector edit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLabel

from tests.ui.helpers import open_window
from tests.ui.test_canvas import small_journey
from workbench.model.feelings import level
from workbench.model.fileformat import save
from workbench.model.journey import Journey, Persona
from workbench.ui import persona_bar
from workbench.ui.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton


def two_personas() -> Journey:
    """The small journey of test_canvas.py, followed by Camille (the lead) and Bernard."""
    personas = [
        Persona(id="persona-1", name="Camille"),
        Persona(id="persona-2", order=1, name="Bernard", shape="square", line="bold", colour="#c2410c"),
    ]
    return Journey.model_validate({**small_journey().model_dump(), "personas": [p.model_dump() for p in personas]})


def window_on(qtbot, tmp_path: Path, journey: Journey | None = None) -> MainWindow:  # type: ignore[no-untyped-def]
    path = tmp_path / "personas.journey"
    save(journey or two_personas(), path)
    return open_window(qtbot, path)


def choose(qtbot, combo: QComboBox, text: str) -> None:  # type: ignore[no-untyped-def]
    """Open *combo*'s list with a click and click the item *text*, as a user does."""
    index = combo.findText(text)
    assert index >= 0, [combo.itemText(i) for i in range(combo.count())]
    QTest.mouseClick(combo, LEFT)
    view = combo.view()
    qtbot.waitUntil(lambda: view.isVisible())
    QTest.keyClick(view, Qt.Key.Key_Home)
    for _ in range(index):
        QTest.keyClick(view, Qt.Key.Key_Down)
    QTest.keyClick(view, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not view.isVisible())
    assert combo.currentIndex() == index


def bar_of(window: MainWindow) -> persona_bar.PersonaBar:
    return persona_bar.install(window)


def test_choosing_persona_2_and_to_be_makes_the_inspector_edit_that_feeling(qtbot, tmp_path: Path) -> None:
    window = window_on(qtbot, tmp_path)
    bar = bar_of(window)
    assert window.findChild(QComboBox, "activePersona") is bar.personas
    assert [bar.personas.itemText(i) for i in range(bar.personas.count())] == ["Camille", "Bernard"]
    window.scene.select_ids(["step-2"])
    label = window.inspector.findChild(QLabel, "feeling-curve")
    assert label.text() == "Emotion of Camille, as is"
    choose(qtbot, bar.personas, "Bernard")
    choose(qtbot, bar.scenarios, "To be")
    assert window.scene.focus.active == ("persona-2", "to_be")
    assert label.text() == "Emotion of Bernard, to be"
    emotion = window.inspector.findChild(QComboBox, "feeling.value")
    assert emotion.currentData() is None
    choose(qtbot, emotion, "+2 very positive")
    step = window.document.get("step-2")
    assert level(step, "persona-2", "to_be") == 2
    assert level(step, "persona-1", "as_is") == 0  # the lead's curve is untouched
    assert level(step, "persona-2", "as_is") is None
    window.stack.undo()
    assert level(window.document.get("step-2"), "persona-2", "to_be") is None
    assert window.document.journey == two_personas()


def test_the_toolbar_follows_the_focus_the_document_and_a_new_journey(qtbot, tmp_path: Path) -> None:
    window = window_on(qtbot, tmp_path)
    bar = bar_of(window)
    window.scene.focus.set_active(persona="persona-2", scenario="to_be")  # the legend, say
    assert (bar.personas.currentText(), bar.scenarios.currentText()) == ("Bernard", "To be")
    window.document.update("persona-2", name="")
    assert bar.personas.itemText(1) == "Persona 2"
    window.document.add(Persona(id="persona-3", order=2, name="Zoé"))
    assert bar.personas.count() == 3
    window.document.move("persona-3", 0)
    assert [bar.personas.itemText(i) for i in range(3)] == ["Zoé", "Camille", "Persona 3"]
    assert bar.personas.currentText() == "Persona 3"  # still the active one
    window.document.remove("persona-2")
    assert bar.personas.count() == 2
    assert bar.personas.currentText() == "Zoé"  # the focus falls back to the lead
    path = tmp_path / "other.journey"
    save(two_personas(), path)
    assert window.open_path(path, ask=False)
    assert [bar.personas.itemText(i) for i in range(bar.personas.count())] == ["Camille", "Bernard"]
    choose(qtbot, bar.personas, "Bernard")
    assert window.scene.focus.active == ("persona-2", "as_is")  # the new scene's focus


def test_ctrl_shift_t_switches_the_scenario_and_the_view_menu_has_it(qtbot, tmp_path: Path) -> None:
    window = window_on(qtbot, tmp_path)
    bar = bar_of(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # window shortcuts need the active window
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    QApplication.processEvents()
    assert window.scene.focus.active == ("persona-1", "to_be")
    assert bar.scenarios.currentText() == "To be"
    QTest.keyClick(window.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.scene.focus.active == ("persona-1", "as_is")
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.menu() and bar.switch_action in a.menu().actions())
    assert view_menu.title() == "&View"
    assert persona_bar.install(window) is bar  # once per window


def test_a_window_with_the_bar_and_the_panel_closes_and_is_deleted(qtbot, tmp_path: Path) -> None:
    from workbench.ui import personas_panel

    path = tmp_path / "closing.journey"
    save(two_personas(), path)
    window = MainWindow()
    window.show()
    qtbot.waitExposed(window)
    persona_bar.install(window)
    personas_panel.install(window)
    assert window.open_path(path, ask=False)
    with qtbot.waitSignal(window.destroyed, timeout=3000):
        window.close()
        window.deleteLater()
    qtbot.wait(50)


def test_a_very_long_persona_name_does_not_widen_the_toolbar_or_the_legend(qtbot, tmp_path: Path) -> None:
    long_name = "Marie-Christine de La Tour-Dupont, 52 ans, directrice administrative et financière d'une PME"
    journey = two_personas()
    journey = journey.model_copy(update={"personas": [journey.personas[0], journey.personas[1].model_copy(
        update={"name": long_name})]})
    window = window_on(qtbot, tmp_path, journey)
    bar = bar_of(window)
    short = bar.personas.sizeHint().width()
    assert short < 400
    window.document.update("persona-2", name=long_name + " " + long_name)
    QApplication.processEvents()
    assert bar.personas.sizeHint().width() == short
    index = bar.personas.findText(long_name + " " + long_name)
    assert index >= 0  # whole in the list
    from workbench.ui.canvas.legend import NAME_LENGTH, persona_label
    assert persona_label(long_name, 2) == "Marie-Christine de La Tour\u2026"  # (NAME_LENGTH at most, no dangling "-")
    assert len(persona_label(long_name, 2)) <= NAME_LENGTH
    assert persona_label("", 2) == "Persona 2"


def test_the_toolbar_keeps_its_persona_choice_in_view_whatever_the_last_edit_was_called(qtbot, tmp_path: Path) -> None:
    """"Undo Remove persona Bernard, 67..." on the toolbar's button pushed the Persona and Scenario choices into
    its overflow menu on a laptop's screen."""
    from PySide6.QtWidgets import QToolBar, QToolButton

    journey = two_personas()
    window = window_on(qtbot, tmp_path, journey)
    window.resize(1200, 740)  # (a laptop's window, in English: French words are longer still)
    toolbar = window.findChild(QToolBar, "main-toolbar")
    bar = bar_of(window)
    undo_button = toolbar.widgetForAction(window.actions.undo)
    assert isinstance(undo_button, QToolButton)
    from workbench.ui.commands import perform

    for i in range(3):  # long edit names, one after the other
        name = f"Marie-Christine de La Tour-Dupont {i}, 52 ans, directrice"
        perform(window.stack, window.document, f"Rename persona {name}", lambda: window.document.update("persona-2", name=name))
    QApplication.processEvents()
    assert window.actions.undo.text().startswith("Undo Rename persona Marie-Christine")  # the menu names the edit
    assert undo_button.text() == "Undo"
    assert "Rename persona Marie-Christine" in undo_button.toolTip()  # and so does the button's tip
    assert toolbar.isVisible() and bar.personas.isVisible() and bar.personas.width() > 0
    assert toolbar.rect().contains(bar.personas.geometry())
