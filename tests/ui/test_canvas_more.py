"""More canvas gestures: stages, lanes, the inspector, selection, panning, two windows."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit

from tests.ui.helpers import click, drag, open_window
from tests.ui.test_canvas import box, small_journey
from workbench.model.feelings import note as feeling_note
from workbench.model.fileformat import save
from workbench.model.journey import FIRST_PERSONA


@pytest.fixture
def path(tmp_path: Path) -> Path:
    target = tmp_path / "test.journey"
    save(small_journey(), target)
    return target


def test_dragging_a_stage_header_reorders_the_stages(qtbot, path: Path) -> None:
    window = open_window(qtbot, path)
    start = box(window, "stage", "stage-b").centre
    drag(window, start, (box(window, "stage", "stage-a").x + 5, start[1]))
    assert [s.id for s in window.document.stages()] == ["stage-b", "stage-a"]
    assert [s.id for s in window.document.steps()][0] == "step-3"
    assert window.stack.undoText() == "Move stage"


def test_dragging_a_lane_title_reorders_the_lanes(qtbot, path: Path) -> None:
    window = open_window(qtbot, path)
    backstage = box(window, "lane", "lane-backstage")
    start = (backstage.x + 40, backstage.y + 10)
    drag(window, start, (start[0], box(window, "lane", "lane-actions").y + 2))
    assert window.document.lanes()[0].id == "lane-backstage"
    window.stack.undo()
    assert window.document.lanes()[-1].id == "lane-backstage"


def test_typing_in_the_inspector_is_one_undo_step_per_field(qtbot, path: Path) -> None:
    window = open_window(qtbot, path)
    click(window, *box(window, "step", "step-2").centre)
    title = window.inspector.findChild(QLineEdit, "title")
    assert title is not None and title.text() == "Compares"
    title.setFocus()
    QTest.keyClick(title, Qt.Key.Key_End)
    for char in " rates":  # the canvas redraws between keys, as when a person types
        QTest.keyClick(title, char)
        qtbot.wait(5)
    assert window.document.get("step-2").title == "Compares rates"
    assert window.inspector.findChild(QLineEdit, "title") is title  # not rebuilt under the fingers
    note = window.inspector.findChild(QLineEdit, "feeling.note")
    note.setFocus()
    for char in "unsure":
        QTest.keyClick(note, char)
        qtbot.wait(5)
    assert feeling_note(window.document.get("step-2"), FIRST_PERSONA) == "unsure"
    assert window.stack.count() == 2  # one step for each field, not one per key
    window.stack.undo()
    window.stack.undo()
    assert window.document.get("step-2").title == "Compares"
    assert feeling_note(window.document.get("step-2"), FIRST_PERSONA) == ""


def test_the_inspector_refuses_an_impossible_nature_and_says_why(qtbot, path: Path) -> None:
    window = open_window(qtbot, path)
    window.document.add(
        __import__("workbench.model.journey", fromlist=["Handoff"]).Handoff(
            id="handoff-x", source="card-app", target="card-advisor"
        )
    )
    window.scene.ensure_fresh()
    click(window, *box(window, "card", "card-app").centre)
    window.inspector.commit("nature", "human", "Nature")
    assert window.document.get("card-app").nature == "digital"
    assert "Not possible" in window.statusBar().currentMessage()


def test_rubber_band_and_select_all(qtbot, path: Path) -> None:
    window = open_window(qtbot, path)
    cards = window.scene.layout.cards
    left = min(c.rect.x for c in cards) - 4
    top = min(c.rect.y for c in cards if c.lane == "lane-touchpoints") - 4
    first = box(window, "card", "card-app")
    drag(window, (left, top), (first.right + 2, first.bottom + 2))
    assert window.scene.selected_ids("card") == ["card-app"]
    window.actions.select_all.trigger()
    assert len(window.scene.selected_ids("card")) == 4
    assert len(window.scene.selected_ids("step")) == 3


def test_paste_into_another_window(qtbot, path: Path, tmp_path: Path) -> None:
    first = open_window(qtbot, path)
    other = tmp_path / "other.journey"
    save(small_journey(), other)
    second = open_window(qtbot, other)
    click(first, *box(first, "card", "card-pain").centre)
    first.actions.copy.trigger()
    assert "Form too long" in QApplication.clipboard().text()
    click(second, *box(second, "card", "card-pain").centre)
    second.actions.paste.trigger()
    pains = [c for c in second.document.journey.cards if c.kind == "pain_point"]
    assert len(pains) == 2 and pains[1].id != "card-pain"


def test_ctrl_wheel_zooms_and_middle_drag_pans(qtbot, path: Path) -> None:
    window = open_window(qtbot, path)
    viewport = window.view.viewport()
    centre = QPointF(viewport.rect().center())
    wheel = QWheelEvent(centre, viewport.mapToGlobal(centre), QPoint(0, 0), QPoint(0, 120),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(viewport, wheel)
    assert window.view.zoom > 1.0
    # The point of the map under the pointer stays under it (the wheel zoomed about the top-left corner).
    spot = QPoint(viewport.width() * 3 // 4, viewport.height() * 2 // 3)
    under = window.view.mapToScene(spot)
    for delta in (120, 120, -120):
        QApplication.sendEvent(viewport, QWheelEvent(
            QPointF(spot), viewport.mapToGlobal(QPointF(spot)), QPoint(0, 0), QPoint(0, delta), Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.ControlModifier, Qt.ScrollPhase.NoScrollPhase, False))
        now = window.view.mapFromScene(under)
        assert abs(now.x() - spot.x()) <= 2 and abs(now.y() - spot.y()) <= 2
    window.view.set_zoom(3.0)
    bar = window.view.horizontalScrollBar()
    bar.setValue(bar.maximum() // 2)
    before = bar.value()
    QTest.mousePress(viewport, Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier, QPoint(300, 200))
    QTest.mouseMove(viewport, QPoint(200, 200))
    QTest.mouseRelease(viewport, Qt.MouseButton.MiddleButton, Qt.KeyboardModifier.NoModifier, QPoint(200, 200))
    assert bar.value() > before
    assert window.document.journey == small_journey()  # panning edits nothing


def test_the_inspector_edits_the_persona_and_authors_of_the_journey(qtbot, path: Path) -> None:
    from PySide6.QtWidgets import QPlainTextEdit

    window = open_window(qtbot, path)
    window.scene.clearSelection()
    name = window.inspector.findChild(QLineEdit, "persona-name")
    name.setFocus()
    for char in "Camille":
        QTest.keyClick(name, char)
        qtbot.wait(2)
    goals = window.inspector.findChild(QPlainTextEdit, "persona-goals")
    goals.setPlainText("Save for a trip\nSee her real balance")
    authors = window.inspector.findChild(QLineEdit, "authors")
    authors.setFocus()
    QTest.keyClicks(authors, "Ana, Bo")
    persona = window.document.journey.personas[0]
    assert persona.name == "Camille"
    assert persona.goals == ["Save for a trip", "See her real balance"]
    assert window.document.journey.authors == ["Ana", "Bo"]
    window.stack.undo()
    assert window.document.journey.authors == []


@pytest.mark.parametrize("dragged, over", [("stage-0", "stage-1"), ("stage-1", "stage-0")])
def test_a_stage_header_dragged_over_its_neighbour_is_drawn_above_it(qtbot, tmp_path: Path, monkeypatch,
                                                                      dragged: str, over: str) -> None:
    """Each header rides in its first step's column block; the pressed one (and its block) is raised while it is
    dragged, whichever order the blocks were made in, and goes back after."""
    from benchmarks.generate import journey_of
    from workbench.ui.canvas import blocks

    monkeypatch.setattr(blocks, "SIZE", 3)  # stage-0 (steps 0-4) and stage-1 (steps 5-9) start in two blocks
    target = tmp_path / "long.journey"
    save(journey_of(40), target)
    window = open_window(qtbot, target)
    scene, viewport = window.scene, window.view.viewport()
    assert scene.item_for("stage", "stage-0").block is not scene.item_for("stage", "stage-1").block
    window.resize(1600, 900)
    window.view.set_zoom(0.25, floor=0.25)  # (both headers in view, so that the press lands on either)
    window.view.horizontalScrollBar().setValue(0)
    QApplication.processEvents()
    start, goal = box(window, "stage", dragged), box(window, "stage", over)
    item = scene.item_for("stage", dragged)
    resting = (item.zValue(), item.block.zValue())
    a = window.view.mapFromScene(QPointF(start.x + 20, start.centre[1]))
    end = QPointF(goal.centre[0], goal.centre[1])
    QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)
    b = window.view.mapFromScene(end)
    for i in range(1, 7):
        QTest.mouseMove(viewport, QPoint(a.x() + (b.x() - a.x()) * i // 6, b.y()))
    QApplication.processEvents()
    assert viewport.rect().contains(a) and viewport.rect().contains(b)
    under = [i.element_id for i in scene.items(end) if getattr(i, "kind", "") == "stage"]
    assert under[:2] == [dragged, over]  # drawn on top of the header it passes over
    QTest.mouseMove(viewport, a)
    QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, a)  # back where it was
    QApplication.processEvents()
    assert (item.zValue(), item.block.zValue()) == resting  # ...and stacks as before once dropped
    assert [s.id for s in window.document.stages()][:2] == ["stage-0", "stage-1"]
