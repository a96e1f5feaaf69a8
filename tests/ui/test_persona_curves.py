"""The emotion lane draws a curve per persona and scenario shown, with a legend that hides, shows and picks them.

Built from the banking example plus a second persona and "to be" feelings
(four curves). Gestures are real Qt mouse events on the view's viewport.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtTest import QTest

from tests.ui.helpers import click, double_click, drag, open_window
from workbench.layout import LayoutEngine
from workbench.model.feelings import level
from workbench.model.fileformat import load, save
from workbench.model.journey import Feeling, Journey, Persona, Step
from workbench.textmetrics import text_width
from workbench.export.lanelegend import GAP, SAMPLE, TEXT_SIZE
from workbench.ui.canvas.legend import LegendEntry, persona_label
from workbench.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
P1, P2 = "persona-1", "persona-2"
ALL = [(P1, "as_is"), (P1, "to_be"), (P2, "as_is"), (P2, "to_be")]


def four_curves() -> Journey:
    """The banking example's first persona and her "as is" curve, plus Bernard (square, bold, orange)
    and both personas' "to be" curves, each derived from her values (whatever else the example holds)."""
    journey = load(ROOT / "examples" / "banking-savings.journey")
    camille = next(p for p in journey.personas if p.id == P1)
    bernard = Persona(id=P2, order=1, name="Bernard, 67", shape="square", line="bold", colour="#c2410c")
    steps = []
    for step in journey.steps:
        own = [f for f in step.emotions if (f.persona, f.scenario) == (P1, "as_is")]
        now = own[0].value if own else None
        if now is None:
            steps.append(step.model_copy(update={"emotions": own}))
            continue
        extra = [
            Feeling(persona=P1, scenario="to_be", value=min(2, now + 1)),
            Feeling(persona=P2, scenario="as_is", value=max(-2, now - 1)),
            Feeling(persona=P2, scenario="to_be", value=now),
        ]
        steps.append(step.model_copy(update={"emotions": [*own, *extra]}))
    cards = [c.model_copy(update={"personas": []}) for c in journey.cards]
    return journey.model_copy(update={"personas": [camille, bernard], "steps": steps, "cards": cards})


@pytest.fixture
def window(qtbot, tmp_path) -> MainWindow:  # type: ignore[no-untyped-def]
    path = tmp_path / "four.journey"
    save(four_curves(), path)
    win = open_window(qtbot, path)
    win.resize(1300, 900)
    win.scene.ensure_fresh()
    return win


def entry(window: MainWindow, key: tuple[str, str]) -> LegendEntry:
    window.scene.ensure_fresh()
    return window.scene.legend.entries[key]


def entry_point(window: MainWindow, key: tuple[str, str]) -> tuple[float, float]:
    item = entry(window, key)
    centre = item.mapToScene(QPointF(12, item.rect().height() / 2))  # on its mark and line sample
    return centre.x(), centre.y()


def feelings_of(window: MainWindow) -> dict[str, list[tuple[str, str, int | None, str]]]:
    return {s.id: [(f.persona, f.scenario, f.value, f.note) for f in s.emotions] for s in window.document.steps()}


def with_values(window: MainWindow, key: tuple[str, str]) -> list[str]:
    return [s.id for s in window.document.steps() if level(s, *key) is not None]


def test_the_lane_draws_four_curves_each_in_its_persona_look(window: MainWindow) -> None:
    scene = window.scene
    assert scene.layout.active == (P1, "as_is")
    assert set(scene.other_curves) == {(P1, "to_be"), (P2, "as_is"), (P2, "to_be")}
    for key, other in scene.other_curves.items():
        assert other.isVisible() and other.scene() is scene
        assert sorted(other.marks) == sorted(with_values(window, key))  # a mark at each of its points
        assert other.line.pieces(), key
        shape, colour, hollow = other.dots.look
        assert hollow == (key[1] == "to_be")
        assert (shape, colour) == (("square", "#c2410c") if key[0] == P2 else (scene.layout.curves[key].shape, scene.layout.curves[key].colour))
        assert other.line.look == (colour, "bold" if key[0] == P2 else "medium", key[1])
    # The active one: faces to drag, its line in the persona's look, above the others.
    assert len([k for k in scene.items_by_key if k[0] == "emotion"]) == len(with_values(window, (P1, "as_is")))
    assert scene.curve.look[2] == "as_is" and scene.curve.pieces()
    assert all(o.zValue() < scene.curve.zValue() for o in scene.other_curves.values())
    # Every mark over every line, the active one's included (a later curve's line ran through the marks of
    # those before it), under the faces.
    faces = [item for key, item in scene.items_by_key.items() if key[0] == "emotion"]
    for other in scene.other_curves.values():
        assert other.dots.scene() is scene and other.dots.parentItem() is other.parentItem()
        assert other.dots.zValue() > max(o.zValue() for o in [scene.curve, *scene.other_curves.values()])
        assert all(other.dots.zValue() < face.zValue() for face in faces)
    # The legend lists the four curves, in the emotion lane's title column under its title: over no curve.
    legend = scene.legend
    assert legend.isVisible() and list(legend.entries) == ALL
    lane = scene.layout.emotion_lane
    box = legend.sceneBoundingRect()
    assert lane.title.rect.bottom <= box.top() and box.bottom() <= lane.row.y + lane.row.h
    assert lane.row.x <= box.left() and box.right() <= lane.row.x + scene.layout.style.lane_title_width
    labels = [e.entry.label for e in legend.entries.values()]
    assert labels == ["Camille, 34 · as is", "Camille, 34 · to be", "Bernard, 67 · as is", "Bernard, 67 · to be"]
    assert [e.text for e in legend.entries.values()] == labels  # each whole: they fit
    assert all(e.toolTip() == e.accessible_text() and e.toolTip() for e in legend.entries.values())
    faces = [i for k, i in scene.items_by_key.items() if k[0] == "emotion"]
    assert faces and not any(box.intersects(f.sceneBoundingRect()) for f in faces)
    for other in scene.other_curves.values():
        assert not box.intersects(other.sceneBoundingRect())
    assert not box.intersects(scene.curve.sceneBoundingRect())


def test_clicking_a_legend_entry_hides_its_curve_and_clicking_again_shows_it(window: MainWindow) -> None:
    scene, key = window.scene, (P2, "to_be")
    marks = [scene.other_curves[key], scene.other_curves[key].dots]
    click(window, *entry_point(window, key))
    scene.ensure_fresh()
    assert key in scene.focus.hidden
    assert key not in scene.other_curves and key not in scene.layout.curves
    assert not [m for m in marks if shiboken6.isValid(m) and m.scene() is not None]  # its items are gone
    assert entry(window, key).entry.hidden  # still listed (greyed), to be shown again
    assert "Click to show" in entry(window, key).toolTip()
    assert window.stack.count() == 0  # hiding is a view setting, not an edit
    click(window, *entry_point(window, key))
    scene.ensure_fresh()
    assert key not in scene.focus.hidden
    assert key in scene.other_curves and sorted(scene.other_curves[key].marks) == sorted(with_values(window, key))
    assert not entry(window, key).entry.hidden


def test_the_active_curve_cannot_be_hidden(window: MainWindow) -> None:
    click(window, *entry_point(window, (P1, "as_is")))
    window.scene.ensure_fresh()
    assert not window.scene.focus.hidden
    assert window.scene.layout.active == (P1, "as_is")


def test_double_click_or_ctrl_click_makes_a_curve_active(window: MainWindow) -> None:
    scene = window.scene
    x, y = entry_point(window, (P2, "as_is"))
    double_click(window, x, y)
    QTest.mouseRelease(window.view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                       window.view.mapFromScene(QPointF(x, y)))  # (QTest's double-click ends pressed)
    scene.ensure_fresh()
    assert scene.editor is None  # the lane title under the legend is not edited
    assert scene.focus.active == (P2, "as_is") and scene.layout.active == (P2, "as_is")
    assert not scene.focus.hidden
    assert (P1, "as_is") in scene.other_curves and (P2, "as_is") not in scene.other_curves
    assert scene.curve.look == ("#c2410c", "bold", "as_is")
    assert entry(window, (P2, "as_is")).entry.active
    click(window, *entry_point(window, (P1, "to_be")), Qt.KeyboardModifier.ControlModifier)
    scene.ensure_fresh()
    assert scene.focus.active == (P1, "to_be") and not scene.focus.hidden


def test_dragging_the_second_personas_to_be_face_sets_only_that_feeling(window: MainWindow) -> None:
    scene = window.scene
    scene.focus.set_active(P2, "to_be")
    scene.ensure_fresh()
    step = next(s for s in window.document.steps() if level(s, P2, "to_be") not in (None, 2))
    before = feelings_of(window)
    journey_before = window.document.journey.model_dump()
    face = scene.item_for("emotion", step.id)
    assert face is not None and face.point.persona == P2 and face.point.scenario == "to_be"
    lane = scene.layout.emotion_lane
    start = face.scenePos()
    drag(window, (start.x(), start.y()), (start.x(), lane.row.y + 12))
    assert level(window.document.get(step.id), P2, "to_be") == 2
    after = feelings_of(window)
    for step_id, entries in before.items():
        if step_id != step.id:
            assert after[step_id] == entries
        else:
            changed = [(b, a) for b, a in zip(entries, after[step_id]) if b != a]
            assert [(b[:2], a[:2]) for b, a in changed] == [((P2, "to_be"), (P2, "to_be"))]
    assert window.stack.count() == 1 and window.stack.undoText() == "Set emotion"
    window.stack.undo()
    assert window.document.journey.model_dump() == journey_before


def test_an_edit_at_one_step_touches_only_that_steps_marks(window: MainWindow) -> None:
    scene = window.scene
    items = {key: dict(other.marks) for key, other in scene.other_curves.items()}
    dots = {key: other.dots for key, other in scene.other_curves.items()}
    lines = {key: other.line.pieces() for key, other in scene.other_curves.items()}
    step = next(s for s in window.document.steps() if level(s, P2, "as_is") is not None and level(s, P2, "as_is") < 2)
    window.document.update(step.id, emotions=[
        f if (f.persona, f.scenario) != (P2, "as_is") else f.model_copy(update={"value": 2}) for f in step.emotions
    ])
    scene.ensure_fresh()
    for key, other in scene.other_curves.items():
        assert other.dots is dots[key], key  # the same item: none made again
        changed = {s for s in other.marks if other.marks[s] != items[key].get(s)}
        assert changed == ({step.id} if key == (P2, "as_is") else set()), key
        assert other.line.pieces() == lines[key]
    assert scene.other_curves[(P2, "as_is")].marks[step.id].level == 2
    fresh = LayoutEngine(lambda: window.document.journey, window.document.index, curves=scene.focus.shown).layout
    for key, curve in fresh.curves.items():
        if key == fresh.active:
            continue
        for point in curve.points:
            shown = scene.other_curves[key].marks[point.step]
            pos = scene.other_curves[key].dots.mapToScene(QPointF(shown.x, shown.offset))
            assert (round(pos.x(), 3), round(pos.y(), 3)) == (round(point.x, 3), round(point.y, 3)), (key, point.step)


def test_a_card_tagged_with_personas_shows_their_marks(window: MainWindow) -> None:
    scene = window.scene
    card = window.document.journey.cards[0]
    item = scene.item_for("card", card.id)
    assert item.tags == ()
    window.document.update(card.id, personas=[P2])
    scene.ensure_fresh()
    assert item.tags == (("square", "#c2410c"),)
    window.document.update(P2, colour="#123456")
    scene.ensure_fresh()
    assert item.tags == (("square", "#123456"),)
    window.document.update(card.id, personas=[])
    scene.ensure_fresh()
    assert item.tags == ()


def test_the_legend_stays_in_sight_with_the_frozen_lane_titles_when_the_map_scrolls(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    scene = window.scene
    legend = scene.legend
    assert legend.isVisible()
    resting = legend.sceneBoundingRect()
    bar = window.view.horizontalScrollBar()
    bar.setValue(bar.maximum() // 2)
    qtbot.waitUntil(lambda: scene.frozen_offset.x() > 0)
    titles = scene.title_block().translated(scene.frozen_offset.x(), 0)
    shown = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    box = legend.sceneBoundingRect()
    assert titles.contains(box)  # in the frozen lane titles' column
    assert shown.left() <= box.left() and box.right() <= shown.right()  # and so in the view
    # Over the frozen titles: the map scrolling under them does not cover it.
    assert legend.isVisible() and scene.title_band.zValue() > max(layer.zValue() for layer in scene.layers.values())
    at = window.view.mapFromScene(box.center())
    assert window.view.itemAt(at) in (legend, *legend.entries.values())
    bar.setValue(0)
    qtbot.waitUntil(lambda: scene.frozen_offset.x() == 0)
    assert legend.sceneBoundingRect() == resting


def test_a_long_name_is_cut_in_the_legend_but_never_its_scenario_and_its_tooltip_says_it_whole(qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    journey = four_curves()
    long_name = "Marie-Christine de La Tour-Dupont, 52 ans"
    journey = journey.model_copy(update={"personas": [journey.personas[0], journey.personas[1].model_copy(
        update={"name": long_name})]})
    path = tmp_path / "long.journey"
    save(journey, path)
    window = open_window(qtbot, path)
    scene = window.scene
    scene.ensure_fresh()
    lane = scene.layout.emotion_lane
    column = QRectF(lane.row.x, lane.row.y, scene.layout.style.lane_title_width, lane.row.h)
    assert column.contains(scene.legend.sceneBoundingRect())
    for scenario in ("as_is", "to_be"):
        item = scene.legend.entries[(P2, scenario)]
        word = "as is" if scenario == "as_is" else "to be"
        assert item.text.startswith("Marie-") and item.text.endswith("\u2026 · " + word), item.text
        assert item.entry.label == persona_label(long_name, 2) + " · " + word
        assert item.entry.label in item.toolTip()
        assert text_width(item.text, TEXT_SIZE) <= item.rect().width() - SAMPLE - GAP
    names = {item.text.rsplit(" · ", 1)[0] for key, item in scene.legend.entries.items() if key[0] == P2}
    assert len(names) == 1  # cut the same in both of the persona's entries
    assert scene.legend.entries[(P1, "as_is")].text == "Camille, 34 · as is"  # a name that fits is left whole


def test_a_step_inserted_at_the_start_moves_every_other_curve_s_marks_along(window: MainWindow) -> None:
    scene = window.scene
    first = window.document.steps()[0]
    before = {key: other.dots.sceneBoundingRect() for key, other in scene.other_curves.items()}
    window.document.add(Step(id="step-new", title="Before all", stage=first.stage), 0)
    scene.ensure_fresh()
    pitch = scene.layout.style.column_width + scene.layout.style.gap
    for key, other in scene.other_curves.items():
        xs = [p.x for p in other.marks.values()]
        box = other.dots.sceneBoundingRect()
        assert box.left() < min(xs) and max(xs) < box.right(), key  # measured again where the marks now are
        assert round(box.right() - before[key].right(), 1) == round(pitch, 1), key


def _drawn_at(scene, x: float, y: float) -> set[tuple[int, int, int]]:  # type: ignore[no-untyped-def]
    """The colours the scene paints in a 9-point square around (x, y) of the map."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QImage, QPainter

    image = QImage(9, 9, QImage.Format.Format_RGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    scene.render(painter, QRectF(0, 0, 9, 9), QRectF(x - 4.5, y - 4.5, 9, 9))
    painter.end()
    return {(c.red(), c.green(), c.blue()) for c in (image.pixelColor(i, j) for i in range(9) for j in range(9))}


def test_another_persona_s_marks_are_painted_where_their_steps_are_after_columns_move(window: MainWindow) -> None:
    """A mark is drawn under its step's column, and again there once a step added first pushed every column on."""
    scene = window.scene
    orange = (0xC2, 0x41, 0x0C)  # Bernard's colour: his "as is" marks are filled with it
    other = scene.other_curves[(P2, "as_is")]
    for moved in (False, True):
        if moved:
            first = window.document.steps()[0]
            window.document.add(Step(id="step-new", title="Before all", stage=first.stage), 0)
            scene.ensure_fresh()
        other.line.setVisible(False)  # (his line is orange too: only the marks are looked at)
        marks = list(other.marks.values())
        assert marks
        for point in (marks[0], marks[len(marks) // 2], marks[-1]):
            centre = other.dots.mapToScene(QPointF(point.x, point.offset))
            assert orange in _drawn_at(scene, centre.x(), centre.y()), (moved, point.step)
            # ...and not half a column to the left, where no mark is
            pitch = scene.layout.style.column_width + scene.layout.style.gap
            assert orange not in _drawn_at(scene, centre.x() - pitch / 2, centre.y()), (moved, point.step)


def test_a_name_is_cut_to_the_longest_that_fits() -> None:
    """The cut a legend entry shows is the longest of the name that fits (found by bisection)."""
    from workbench.ui.canvas.legend import NAME_LENGTH, Entry, curve_label, fitted_length

    name = "Marie-Christine de La Tour-Dupont, directrice"
    for width in range(40, 260, 7):
        entry = Entry((P2, "to_be"), curve_label(name, 2, "to_be"), name, 2, "square", "bold", "#c2410c", False, False)
        wide = [n for n in range(2, NAME_LENGTH + 1) if text_width(curve_label(name, 2, "to_be", n), TEXT_SIZE) <= width]
        assert fitted_length(entry, width) == (max(wide) if wide else 2), width


@pytest.mark.parametrize("personas, title", [(3, None), (10, None), (2, "What the customer feels at each step, as the interviews told it")])
def test_the_legend_stays_in_the_title_column_whatever_its_length_and_the_title_s(qtbot, tmp_path, personas: int, title) -> None:  # type: ignore[no-untyped-def]
    """Six curves and more, or a title of several lines: the lane grows and the legend stays beside the curves,
    never over them (it spread in columns over the map)."""
    journey = four_curves()
    extra = [Persona(id=f"persona-{n}", order=n, name=f"Persona {n}") for n in range(3, personas + 1)]
    steps = [s.model_copy(update={"emotions": [*s.emotions, *(Feeling(persona=p.id, scenario=sc, value=0)
                                                                for p in extra for sc in ("as_is", "to_be"))]})
             for s in journey.steps]
    lanes = [lane.model_copy(update={"title": title}) if title and lane.kind == "emotions" else lane for lane in journey.lanes]
    path = tmp_path / "many.journey"
    save(journey.model_copy(update={"personas": [*journey.personas, *extra], "steps": steps, "lanes": lanes}), path)
    window = open_window(qtbot, path)
    scene = window.scene
    scene.ensure_fresh()
    legend, lane = scene.legend, scene.layout.emotion_lane
    assert len(legend.entries) == 2 * personas and legend.isVisible()
    column = QRectF(lane.row.x, lane.title.rect.bottom, scene.layout.style.lane_title_width, lane.row.bottom - lane.title.rect.bottom)
    assert column.contains(legend.sceneBoundingRect()), (column, legend.sceneBoundingRect())
    assert all(column.contains(e.sceneBoundingRect()) for e in legend.entries.values())
    faces = [i for k, i in scene.items_by_key.items() if k[0] == "emotion"]
    assert faces and not any(legend.sceneBoundingRect().intersects(f.sceneBoundingRect()) for f in faces)


def test_a_right_click_on_a_legend_entry_opens_no_menu_of_the_lane_under_it(window: MainWindow) -> None:
    from workbench.ui.canvas.context_menu import context_menu

    scene = window.scene
    x, y = entry_point(window, (P2, "to_be"))
    assert context_menu(scene, QPointF(x, y)) is None
    assert not scene.selectedItems()  # the lane title under it was not selected either
    lane = scene.layout.emotion_lane
    title = QPointF(lane.title.rect.x + 5, lane.title.rect.y + 5)  # the title itself keeps its menu
    assert context_menu(scene, title) is not None
