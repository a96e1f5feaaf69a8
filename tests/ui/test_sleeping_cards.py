"""A long map makes the items of the cards, step headers and faces near the view only; the others come when a
view, a selection or an edit needs them."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from benchmarks.generate import journey_of
from tests.ui.helpers import drag, open_window
from workbench.model.fileformat import save


def open_long(qtbot, folder: Path):  # type: ignore[no-untyped-def]
    path = folder / "long.journey"
    save(journey_of(150), path)
    window = open_window(qtbot, path)
    window.resize(1100, 700)
    QApplication.processEvents()
    return window


@pytest.fixture
def window(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    return open_long(qtbot, tmp_path)


def far_card(window, lane: str = "actions") -> str:  # type: ignore[no-untyped-def]
    return next(c.id for c in window.document.journey.cards if c.step == window.document.steps()[-1].id and c.lane.endswith(lane))


def made(window, card_id: str) -> bool:  # type: ignore[no-untyped-def]
    return ("card", card_id) in window.scene.items_by_key


def shown(window):  # type: ignore[no-untyped-def]
    return window.view.mapToScene(window.view.viewport().rect()).boundingRect()


def test_the_cards_in_view_are_made_and_the_far_ones_sleep(window) -> None:  # type: ignore[no-untyped-def]
    scene = window.scene
    first = window.document.steps()[0].id
    in_view = [c.id for c in window.document.journey.cards if c.step == first]
    assert in_view and all(made(window, card_id) for card_id in in_view)
    assert not made(window, far_card(window))
    assert sum(len(ids) for ids in scene.asleep.values()) > 500  # 150 steps of 5 cards: most sleep


def test_the_headers_and_faces_in_view_are_made_and_the_far_ones_sleep(window) -> None:  # type: ignore[no-untyped-def]
    scene, steps = window.scene, window.document.steps()
    assert ("step", steps[0].id) in scene.items_by_key and ("emotion", steps[0].id) in scene.items_by_key
    assert ("step", steps[-1].id) not in scene.items_by_key and ("emotion", steps[-1].id) not in scene.items_by_key
    assert len(scene.headers_asleep) > 100 and len(scene.faces_asleep) > 80  # 150 steps: most sleep
    made_steps = {element_id for kind, element_id in scene.items_by_key if kind == "step"}
    assert made_steps.isdisjoint(scene.headers_asleep) and made_steps | scene.headers_asleep == {s.id for s in steps}


def test_scrolling_to_the_end_shows_the_cards_there_in_place(window) -> None:  # type: ignore[no-untyped-def]
    bar = window.view.horizontalScrollBar()
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    card_id = far_card(window)
    assert made(window, card_id)
    item = window.scene.items_by_key[("card", card_id)]
    box = window.scene.layout.card_boxes[card_id]
    assert item.scenePos() == QPointF(box.rect.x, box.rect.y)
    assert shown(window).contains(item.sceneBoundingRect().center())
    assert item in window.view.items(window.view.mapFromScene(item.sceneBoundingRect().center()))  # drawn there
    # Every card whose column is in view has its item: none is missing from the picture.
    columns = window.scene.engine.steps_between(shown(window).left(), shown(window).right())
    assert columns and all(made(window, c.id) for c in window.document.journey.cards if c.step in columns)
    # ...and every header and face there, where the layout puts them.
    last = window.document.steps()[-1].id
    header = window.scene.items_by_key[("step", last)]
    assert header.scenePos().x() == window.scene.engine.step_box(last).header.x
    assert header in window.view.items(window.view.mapFromScene(header.sceneBoundingRect().center()))
    face = window.scene.items_by_key[("emotion", last)]
    point = window.scene.engine.face(last)
    assert (face.scenePos().x(), face.scenePos().y()) == (point.x, point.y)
    assert all(("step", step) in window.scene.items_by_key for step in columns)


def test_zooming_out_to_the_whole_map_makes_every_card_it_shows(window) -> None:  # type: ignore[no-untyped-def]
    window.view.fit_to_window()
    QApplication.processEvents()
    window.view.viewport().repaint()
    assert not window.scene.sleeping()
    assert all(made(window, c.id) for c in window.document.journey.cards)
    assert all(("step", s.id) in window.scene.items_by_key for s in window.document.steps())


def test_a_far_card_dragged_after_scrolling_lands_in_the_column_it_is_dropped_on(window) -> None:  # type: ignore[no-untyped-def]
    card_id = far_card(window)
    steps = window.document.steps()
    box = window.scene.layout.card_boxes[card_id]
    target = window.scene.engine.columns[steps[-3].id].x + 40
    drag(window, (box.rect.x + 20, box.rect.y + 10), (target, box.rect.y + 10))  # scrolls to it first, as a user does
    assert window.document.get(card_id).step == steps[-3].id


@contextmanager
def selection_told(scene) -> Iterator[list[int]]:  # type: ignore[no-untyped-def]
    """How many items were selected each time *scene* said its selection changed, within the block."""
    told: list[int] = []

    def note() -> None:
        told.append(len(scene.selectedItems()))

    scene.selectionChanged.connect(note)
    try:
        yield told
    finally:
        scene.selectionChanged.disconnect(note)  # (a scene being deleted says it too, once it is gone)


def test_select_all_selects_every_card_even_those_never_shown(window) -> None:  # type: ignore[no-untyped-def]
    with selection_told(window.scene) as told:
        window.actions.select_all.trigger()
    journey = window.document.journey
    assert len(window.scene.selected_ids("card")) == len(journey.cards)
    assert window.scene.selected_ids("step") == [step.id for step in window.document.steps()]
    assert {item.kind for item in window.scene.selectedItems()} == {"card", "step"}  # not the emotion faces
    assert not window.scene.sleeping()
    # Told once, with everything selected: told once per item, 1,000 steps took 100 s (each told sorted the rest).
    assert told == [len(journey.cards) + len(journey.steps)]


def test_deleting_everything_selected_tells_once_and_undo_brings_it_all_back(window) -> None:  # type: ignore[no-untyped-def]
    from workbench.model.fileformat import dumps

    before = dumps(window.document.journey)
    window.actions.select_all.trigger()
    with selection_told(window.scene) as told:
        QTest.keyClick(window.view.viewport(), Qt.Key.Key_Delete)
        window.scene.ensure_fresh()
    assert not window.document.journey.steps and not window.document.journey.cards
    assert told == [0]  # the removed items left the selection without a word each (1,200 words: 2.5 s at 200 steps)
    assert not window.scene.sleeping() and not window.scene.items_by_key.keys() & {("step", "step-1")}
    window.stack.undo()
    window.scene.ensure_fresh()
    assert dumps(window.document.journey) == before
    window.view.fit_to_window()
    window.view.viewport().repaint()
    assert all(("step", s.id) in window.scene.items_by_key for s in window.document.steps())


def test_a_far_card_selected_by_id_is_made_and_selected(window) -> None:  # type: ignore[no-untyped-def]
    card_id = far_card(window)
    window.scene.select_ids([card_id])
    assert window.scene.selected_ids() == [card_id]
    assert window.inspector.element_id == card_id


def test_a_far_step_selected_by_id_is_made_selected_and_shows_its_badge(window) -> None:  # type: ignore[no-untyped-def]
    """As a click in the Findings list does; the health check's sign was set while its header slept."""
    from workbench.model.analysis import Finding, Report

    last = window.document.steps()[-1].id
    assert last in window.scene.headers_asleep
    finding = Finding(rule="dead-end", severity="error", elements=(last,), message="m", condition="human")
    window.scene.set_badges(Report([finding], None))
    window.scene.select_ids([last])
    assert window.scene.selected_ids() == [last]
    assert window.inspector.element_id == last
    assert window.scene.items_by_key[("step", last)].badge == "error"
    assert ("emotion", last) in window.scene.items_by_key  # its column woke whole


def test_edits_to_a_sleeping_step_make_its_header_and_face_as_edited(window) -> None:  # type: ignore[no-untyped-def]
    last = window.document.steps()[-1].id
    assert last in window.scene.headers_asleep and last in window.scene.faces_asleep
    window.document.update(last, title="Renamed far away")
    window.scene.ensure_fresh()
    assert window.scene.items_by_key[("step", last)].box.local_text.lines == ("Renamed far away",)
    assert last not in window.scene.headers_asleep
    persona = window.document.journey.personas[0].id
    step = window.document.get(last)
    emotions = [e.model_copy(update={"value": -2}) if (e.persona, e.scenario) == (persona, "as_is") else e for e in step.emotions]
    window.document.update(last, emotions=emotions)
    window.scene.ensure_fresh()
    assert last in window.scene.faces_asleep  # (far from the view: made when it is needed, from the new point)
    face = window.scene.item_for("emotion", last)
    assert face.point == window.scene.engine.face(last) and face.point.level == -2
    assert last not in window.scene.faces_asleep


def test_another_persona_shown_leaves_the_far_faces_asleep_and_they_wake_as_that_persona_feels(
    qtbot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Found by an exploratory test: showing another persona made every face of a long map at once."""
    path = tmp_path / "two.journey"
    save(journey_of(150, personas=2), path)
    window = open_window(qtbot, path)
    window.resize(1100, 700)
    QApplication.processEvents()
    scene = window.scene
    asleep = len(scene.faces_asleep)
    assert asleep > 80
    from tests.ui.test_persona_bar import bar_of, choose

    second = window.document.journey.personas[1]
    choose(qtbot, bar_of(window).personas, "Persona 2")  # the toolbar's persona list, as a user picks
    scene.ensure_fresh()
    second = second.id
    assert len(scene.faces_asleep) >= asleep - 5
    bar = window.view.horizontalScrollBar()
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    last = window.document.steps()[-1].id
    face = scene.items_by_key[("emotion", last)]
    assert face.point.persona == second and face.point == scene.engine.face(last)


def test_an_edit_to_a_sleeping_card_makes_its_item_with_the_new_text(window) -> None:  # type: ignore[no-untyped-def]
    card_id = far_card(window)
    window.document.update(card_id, text="Changed far away")
    window.scene.ensure_fresh()
    item = window.scene.items_by_key[("card", card_id)]
    assert item.box.local_text.lines == ("Changed far away",)
    assert card_id not in {c for ids in window.scene.asleep.values() for c in ids}


def test_zooming_out_at_the_start_makes_the_cards_it_brings_into_view(qtbot, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """At the top-left corner a zoom out scrolls nothing: the paint itself wakes what comes into view."""
    from workbench.ui.canvas import sleeping

    monkeypatch.setattr(sleeping, "START_WIDTH", 200.0)  # (made at once: the first column or two only)
    window = open_long(qtbot, tmp_path)
    window.view.set_zoom(0.25)  # (as the zoom box does)
    window.view.viewport().repaint()
    columns = window.scene.engine.steps_between(shown(window).left(), shown(window).right())
    assert len(columns) > 6
    assert all(made(window, c.id) for c in window.document.journey.cards if c.step in columns)


def test_the_blocks_of_woken_cards_reach_only_over_their_columns(window) -> None:  # type: ignore[no-untyped-def]
    """Qt skips a block out of view only if its span is narrow: woken cards' blocks are fitted at once."""
    from workbench.ui.canvas import blocks

    bar = window.view.horizontalScrollBar()
    bar.setValue(bar.maximum())
    QApplication.processEvents()
    style = window.scene.layout.style
    widest = blocks.SIZE * (style.column_width + style.gap) + 2 * style.column_width + 2 * blocks.SLACK
    item = window.scene.items_by_key[("card", far_card(window))]
    assert item.block.rect().width() <= widest


def test_cards_woken_during_a_drag_leave_the_dragged_cards_block_open(window) -> None:  # type: ignore[no-untyped-def]
    """A scroll while dragging (the wheel, or the view scrolling at an edge) wakes cards; the block that the
    dragged card was carried out of must stay open, or the card is not drawn until the pointer moves."""
    scene = window.scene
    item = scene.items_by_key[("card", window.document.journey.cards[0].id)]
    item.setPos(item.pos().x() + 9000, item.pos().y())  # carried out of its block's span, as a drag does
    assert not item.block.covers(item)
    scene.blocks.follow([item])  # (as each move of the drag does)
    assert item.block.covers(item)
    bar = window.view.horizontalScrollBar()
    bar.setValue(bar.maximum())  # the view scrolls on: cards are woken, their blocks fitted
    QApplication.processEvents()
    assert item.block.covers(item)
    assert item in scene.items(item.sceneBoundingRect().center())  # still found, so still drawn


def test_a_card_held_at_the_edge_scrolls_faster_the_longer_it_is_held(window, qtbot) -> None:  # type: ignore[no-untyped-def]
    """At one speed, a card carried to a step 500 columns away took minutes (found by an exploratory test)."""
    from tests.ui.helpers import LEFT, to_view

    viewport, bar = window.view.viewport(), window.view.horizontalScrollBar()
    card = window.document.cards_at(window.document.steps()[1].id, window.document.lanes()[1].id)[0].id
    start = to_view(window, *window.scene.layout.card_boxes[card].rect.centre)
    strides: list[int] = []
    last = [bar.value()]

    def moved(value: int) -> None:
        strides.append(value - last[0])
        last[0] = value

    bar.valueChanged.connect(moved)
    QTest.mousePress(viewport, LEFT, Qt.KeyboardModifier.NoModifier, start)
    edge = QPoint(viewport.width() - 4, start.y())
    for i in range(1, 6):
        QTest.mouseMove(viewport, start + (edge - start) * i / 5)
    try:
        qtbot.waitUntil(lambda: len(strides) > 2 and strides[-1] >= 3 * strides[0], timeout=15000)
    finally:
        QTest.mouseRelease(viewport, LEFT, Qt.KeyboardModifier.NoModifier, edge)
        bar.valueChanged.disconnect(moved)
    assert all(b >= a for a, b in zip(strides, strides[1:]))  # never slower while held
    assert window.document.get(card).step != window.document.steps()[1].id  # carried along, and dropped further on
