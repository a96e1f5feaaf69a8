"""The inspector's Personas row of a card (the personas it concerns) and the emotion rows' persona label."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox, QLabel, QToolButton

from tests.ui.test_persona_bar import window_on
from workbench.model.fileformat import dumps
from workbench.ui import personas_panel

LEFT = Qt.MouseButton.LeftButton


def boxes(window) -> dict[str, QCheckBox]:  # type: ignore[no-untyped-def]
    row = window.inspector.findChild(QCheckBox, "card-persona-persona-1").parentWidget()
    return {b.objectName().removeprefix("card-persona-"): b for b in row.findChildren(QCheckBox)}


def tick(qtbot, box: QCheckBox) -> None:  # type: ignore[no-untyped-def]
    """A click on the box's square (a wide check box does not answer a click right of its text)."""
    qtbot.waitUntil(box.isVisible)  # a row added to the shown inspector shows on the next turn
    QTest.mouseClick(box, LEFT, Qt.KeyboardModifier.NoModifier, QPoint(8, box.height() // 2))


def test_ticking_personas_tags_the_card_one_undo_step_each(qtbot, tmp_path: Path) -> None:
    window = window_on(qtbot, tmp_path)
    before = dumps(window.document.journey)
    window.scene.select_ids(["card-app"])
    shown = boxes(window)
    assert [b.text() for b in shown.values()] == ["Camille", "Bernard"]
    assert not any(b.isChecked() for b in shown.values())
    hint = window.inspector.findChild(QLabel, "card-personas-hint")
    assert "all personas" in hint.text()
    tick(qtbot, shown["persona-2"])
    assert window.document.get("card-app").personas == ["persona-2"]
    assert hint.text() == "The card concerns only this persona"  # (it said "only these" of one)
    tick(qtbot, shown["persona-1"])
    assert window.document.get("card-app").personas == ["persona-1", "persona-2"]  # in persona order
    assert hint.text() == "The card concerns only these personas"
    assert window.stack.count() == 2  # one step per tick
    tick(qtbot, shown["persona-2"])
    assert window.document.get("card-app").personas == ["persona-1"]
    window.stack.undo()
    assert window.document.get("card-app").personas == ["persona-1", "persona-2"]
    assert shown["persona-2"].isChecked()
    window.stack.undo()
    window.stack.undo()
    assert dumps(window.document.journey) == before
    assert not any(b.isChecked() for b in shown.values())
    assert "all personas" in hint.text()


def test_the_card_row_follows_personas_added_renamed_and_removed(qtbot, tmp_path: Path) -> None:
    window = window_on(qtbot, tmp_path)
    made = personas_panel.install(window)
    made.dock.show()
    made.dock.raise_()
    window.scene.select_ids(["card-think"])
    QTest.mouseClick(made.panel.findChild(QToolButton, "personas-add"), LEFT)
    assert list(boxes(window)) == [p.id for p in window.document.personas()]
    added = window.document.personas()[2].id
    window.inspector_dock.raise_()
    tick(qtbot, boxes(window)[added])
    assert window.document.get("card-think").personas == [added]
    window.document.update(added, name="Zoé")
    assert boxes(window)[added].text() == "Zoé"
    made.dock.raise_()
    QTest.mouseClick(made.panel.findChild(QToolButton, "personas-remove"), LEFT)  # the new one is selected
    assert list(boxes(window)) == ["persona-1", "persona-2"]
    assert window.document.get("card-think").personas == []
    window.stack.undo()
    assert boxes(window)[added].isChecked()


def test_the_emotion_rows_name_the_persona_and_scenario_they_edit(qtbot, tmp_path: Path) -> None:
    window = window_on(qtbot, tmp_path)
    window.scene.select_ids(["step-1"])
    label = window.inspector.findChild(QLabel, "feeling-curve")
    assert label.text() == "Emotion of Camille, as is"
    window.scene.focus.set_active(persona="persona-2", scenario="to_be")
    assert label.text() == "Emotion of Bernard, to be"
    window.document.update("persona-2", name="")
    assert label.text() == "Emotion of Persona 2, to be"
