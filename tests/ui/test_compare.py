"""File > Compare With...: the other version's changes on the canvas, and the Changes list to walk them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QTreeWidgetItem

from tests.ui.helpers import answer_next_message, click, open_window
from workbench.model.fileformat import load, save
from workbench.ui.commands import perform
from workbench.ui.compare import Comparer, install
from workbench.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
BANKING = ROOT / "examples" / "banking-savings.journey"
RETAIL = ROOT / "examples" / "retail-neighbourhood-bookshop.journey"
LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier

GONE_STEP = "step-call-bank"  # only in the other file: removed since
NEW_CARD = "card-act-simulate"  # not in the other file: added since
RETITLED = "step-start-web"  # another title in the other file: changed


def other_version(folder: Path) -> Path:
    """The banking example as it was before: one more step, one card fewer, one step titled otherwise."""
    journey = load(BANKING)
    extra = journey.steps[0].model_copy(
        update={"id": GONE_STEP, "title": "Calls the bank to check the rate", "stage": "stage-discover", "order": 99}
    )
    steps = [s.model_copy(update={"title": "Starts the form"}) if s.id == RETITLED else s for s in journey.steps]
    old = journey.model_copy(update={"steps": [*steps, extra], "cards": [c for c in journey.cards if c.id != NEW_CARD]})
    path = folder / "before.journey"
    save(old, path)
    return path


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, BANKING)
    install(window)
    return window


def comparer(window: MainWindow) -> Comparer:
    return window.comparer  # type: ignore[attr-defined]


def compare_with(window: MainWindow, path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """File > Compare With..., choosing *path* in the file dialog."""
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    file_menu = window.menuBar().actions()[0].menu()
    action = window.findChild(QAction, "compare-action")
    assert action in file_menu.actions()
    action.trigger()
    QApplication.processEvents()


def rows(window: MainWindow) -> list[list[str]]:
    tree = comparer(window).panel.tree
    return [[tree.topLevelItem(i).text(c) for c in range(3)] for i in range(tree.topLevelItemCount())]


def row_of(window: MainWindow, words: str) -> QTreeWidgetItem:
    tree = comparer(window).panel.tree
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        if words in item.text(1):
            return item
    raise AssertionError(f"no row about {words!r} in {rows(window)}")


def click_row(window: MainWindow, item: QTreeWidgetItem) -> None:
    tree = comparer(window).panel.tree
    tree.scrollToItem(item)
    QTest.mouseClick(tree.viewport(), LEFT, NONE, tree.visualItemRect(item).center())


def marks(window: MainWindow, kind: str = "") -> dict[str, object]:
    """The comparison's marks in the scene, by element id."""
    return {
        item.element_id: item  # type: ignore[attr-defined]
        for item in window.scene.items()
        if getattr(item, "kind", "").startswith("compare-" + kind) and getattr(item, "element_id", None)
    }


def test_the_action_sits_in_the_file_menu_before_the_exports_and_f8_is_free(window: MainWindow) -> None:
    texts = [a.text().replace("&", "") for a in window.menuBar().actions()[0].menu().actions()]
    at = texts.index("Compare With...")
    assert any(t.startswith("Export") for t in texts[at:])
    assert not any(t.startswith("Export") for t in texts[:at])
    keys = [a.shortcut().toString() for a in window.findChildren(QAction) if a.shortcut().toString()]
    assert keys.count("F8") == 1 and keys.count("Shift+F8") == 1
    assert not comparer(window).dock.isVisible()


def test_the_changes_list_shows_exactly_what_differs_with_counts(window: MainWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    compare_with(window, other_version(tmp_path), monkeypatch)
    panel = comparer(window).panel
    assert comparer(window).dock.isVisible()
    assert comparer(window).dock.windowTitle() == "Changes"
    assert sorted(rows(window)) == sorted([
        ["~ Changed", "Step: Starts the opening form on her laptop", "Title"],
        ["− Removed", "Step: Calls the bank to check the rate", ""],
        ["+ Added", "Card: Tries €100, €150 and €200 a month in the simulator.", ""],
    ])
    header = panel.header.text()
    assert "before.journey" in header
    assert "1 added, 1 removed, 1 changed, 0 moved" in header
    # What the other file had is shown too, not only which field differs (it took the command line to see it)
    changed = row_of(window, "Starts the opening form")
    assert changed.text(3) == 'Title: "Starts the form"'
    assert changed.toolTip(2) == changed.toolTip(3) == 'Title: "Starts the form" → "Starts the opening form on her laptop"'
    assert row_of(window, "Calls the bank").text(3) == row_of(window, "Tries €100").text(3) == ""


def test_the_canvas_marks_added_changed_and_removed_elements(window: MainWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    compare_with(window, other_version(tmp_path), monkeypatch)
    outlines, ghosts = marks(window, "mark"), marks(window, "ghost")
    assert set(outlines) == {NEW_CARD, RETITLED}
    assert outlines[NEW_CARD].change == "added" and outlines[RETITLED].change == "changed"  # type: ignore[attr-defined]
    card = window.scene.item_for("card", NEW_CARD)
    assert outlines[NEW_CARD].sceneBoundingRect().contains(card.sceneBoundingRect().center())  # type: ignore[attr-defined]
    # The removed step's ghost sits within its stage's span, between the stage bar and the step headers.
    ghost = ghosts[GONE_STEP].sceneBoundingRect()  # type: ignore[attr-defined]
    stage = next(s.rect for s in window.scene.layout.stages if s.id == "stage-discover")
    assert stage.x <= ghost.left() and ghost.right() <= stage.right + 8
    assert stage.y < ghost.top() < window.scene.layout.steps[0].header.bottom
    assert "Calls the bank" in ghosts[GONE_STEP].text  # type: ignore[attr-defined]
    # Marks are never in the way: a click on a marked card selects the card.
    assert ghosts[GONE_STEP] not in window.scene.items(ghost.center())
    rect = card.sceneBoundingRect()
    click(window, rect.center().x(), rect.center().y())
    assert [i.element_id for i in window.scene.selectedItems()] == [NEW_CARD]  # type: ignore[attr-defined]


def test_clicking_a_row_selects_its_element_or_scrolls_to_its_ghost(window: MainWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    compare_with(window, other_version(tmp_path), monkeypatch)
    click_row(window, row_of(window, "Tries €100"))
    assert [getattr(i, "element_id", None) for i in window.scene.selectedItems()] == [NEW_CARD]
    click_row(window, row_of(window, "Starts the opening form"))
    assert [getattr(i, "element_id", None) for i in window.scene.selectedItems()] == [RETITLED]
    window.view.centerOn(3000, 800)  # far away: choosing the removed step brings its ghost back into view
    click_row(window, row_of(window, "Calls the bank"))
    assert window.scene.selectedItems() == []
    ghost = marks(window, "ghost")[GONE_STEP].sceneBoundingRect()  # type: ignore[attr-defined]
    shown = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert shown.contains(ghost.center())


def test_f8_walks_through_the_changes_and_escape_stops(window: MainWindow, tmp_path: Path, monkeypatch, qtbot) -> None:  # type: ignore[no-untyped-def]
    compare_with(window, other_version(tmp_path), monkeypatch)
    panel = comparer(window).panel
    window.activateWindow()
    window.view.setFocus()
    qtbot.waitUntil(window.view.hasFocus)
    QTest.keyClick(window.view, Qt.Key.Key_F8)
    assert panel.current_row() == 0
    QTest.keyClick(window.view, Qt.Key.Key_F8)
    QTest.keyClick(window.view, Qt.Key.Key_F8)
    assert panel.current_row() == 2
    QTest.keyClick(window.view, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert panel.current_row() == 1
    assert panel.tree.currentItem().text(1) == rows(window)[1][1]
    panel.tree.setFocus()
    qtbot.waitUntil(panel.tree.hasFocus)
    QTest.keyClick(panel.tree, Qt.Key.Key_Escape)
    assert not comparer(window).dock.isVisible()
    assert marks(window) == {}
    QTest.keyClick(window.view, Qt.Key.Key_F8)  # nothing to walk through any more
    assert panel.tree.topLevelItemCount() == 0


def test_stop_comparing_removes_the_marks_and_the_list(window: MainWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    compare_with(window, other_version(tmp_path), monkeypatch)
    assert marks(window)
    QTest.mouseClick(comparer(window).panel.stop_button, LEFT)
    assert not comparer(window).dock.isVisible()
    assert marks(window) == {}


def test_an_undoable_edit_updates_the_list_and_the_marks(window: MainWindow, tmp_path: Path, monkeypatch, qtbot) -> None:  # type: ignore[no-untyped-def]
    compare_with(window, other_version(tmp_path), monkeypatch)
    doc = window.document
    perform(window.stack, doc, "Rename", lambda: doc.update("step-simulate", title="Plays with the simulator"))
    qtbot.waitUntil(lambda: len(rows(window)) == 4)
    assert ["~ Changed", "Step: Plays with the simulator", "Title"] in rows(window)
    assert "0 added, 1 removed, 2 changed" not in comparer(window).panel.header.text()
    assert "1 added, 1 removed, 2 changed, 0 moved" in comparer(window).panel.header.text()
    qtbot.waitUntil(lambda: "step-simulate" in marks(window, "mark"))
    window.stack.undo()
    qtbot.waitUntil(lambda: len(rows(window)) == 3)
    qtbot.waitUntil(lambda: "step-simulate" not in marks(window, "mark"))
    # Putting the old title back: that step is no longer a change.
    perform(window.stack, doc, "Rename", lambda: doc.update(RETITLED, title="Starts the form"))
    qtbot.waitUntil(lambda: len(rows(window)) == 2)
    assert RETITLED not in marks(window, "mark")


def test_showing_another_journey_ends_the_comparison(window: MainWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    compare_with(window, other_version(tmp_path), monkeypatch)
    other = tmp_path / "retail.journey"
    other.write_bytes(RETAIL.read_bytes())
    assert window.open_path(other, ask=False)
    QApplication.processEvents()
    assert not comparer(window).active
    assert not comparer(window).dock.isVisible()
    assert marks(window) == {}
    window.document.update(window.document.journey.steps[0].id, title="Edited after")  # no longer followed
    QTest.qWait(300)
    assert comparer(window).panel.tree.topLevelItemCount() == 0


def test_a_broken_file_says_where_and_compares_nothing(window: MainWindow, tmp_path: Path, monkeypatch, qtbot) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "broken.journey"
    bad.write_text('{"format": "journey-workbench",\n  "version": oops}', encoding="utf-8")
    seen: list[str] = []
    answer_next_message(qtbot, QMessageBox.StandardButton.Ok, seen)
    compare_with(window, bad, monkeypatch)
    assert len(seen) == 1
    assert "broken.journey:2:" in seen[0]
    assert not comparer(window).active
    assert not comparer(window).dock.isVisible()
    assert marks(window) == {}


def test_a_removed_card_is_a_ghost_in_its_cell(window: MainWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    journey = load(BANKING)
    gone = journey.cards[0].model_copy(update={"id": "card-gone", "text": "Checks her balance twice"})
    path = tmp_path / "old.journey"
    save(journey.model_copy(update={"cards": [*journey.cards, gone]}), path)
    compare_with(window, path, monkeypatch)
    assert rows(window) == [["− Removed", "Card: Checks her balance twice", ""]]
    ghost = marks(window, "ghost")["card-gone"].sceneBoundingRect()  # type: ignore[attr-defined]
    lay = window.scene.layout
    column = next(s.header for s in lay.steps if s.id == gone.step)
    row = next(ln.row for ln in lay.lanes if ln.id == gone.lane)
    assert column.x <= ghost.center().x() <= column.right
    assert row.y <= ghost.center().y() <= row.bottom
    below = max(c.rect.bottom for c in lay.cards_in(gone.step, gone.lane))
    assert ghost.center().y() > below - 4  # under the cell's cards, not over them
    assert QPointF(ghost.center()) not in [i.sceneBoundingRect().center() for i in window.scene.selectedItems()]


def test_removed_elements_with_no_place_left_go_to_a_strip_at_the_top_left(window: MainWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    journey = load(BANKING)
    stages = [journey.stages[0].model_copy(update={"id": f"stage-old-{n}", "title": f"Old stage {n}", "order": 50 + n})
              for n in range(12)]
    path = tmp_path / "old.journey"
    save(journey.model_copy(update={"stages": [*journey.stages, *stages]}), path)
    compare_with(window, path, monkeypatch)
    assert len(rows(window)) == 12
    lay = window.scene.layout
    ghosts = marks(window, "ghost")
    assert ghosts and len(ghosts) < 12  # as many as fit in the corner, the last standing for the rest
    for ghost in ghosts.values():
        rect = ghost.sceneBoundingRect()  # type: ignore[attr-defined]
        assert rect.right() <= lay.stages[0].rect.x and rect.bottom() <= lay.lanes[0].row.y
    last = max(ghosts.values(), key=lambda g: g.sceneBoundingRect().top())  # type: ignore[attr-defined]
    assert "more removed" in last.text  # type: ignore[attr-defined]
    window.view.centerOn(3000, 800)
    click_row(window, row_of(window, "Old stage 11"))  # one of the rest: its row brings the strip into view
    shown = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert shown.contains(last.sceneBoundingRect().center())  # type: ignore[attr-defined]


def test_closing_the_dock_ends_the_comparison(window: MainWindow, tmp_path: Path, monkeypatch, qtbot) -> None:  # type: ignore[no-untyped-def]
    compare_with(window, other_version(tmp_path), monkeypatch)
    comparer(window).dock.close()
    qtbot.waitUntil(lambda: not comparer(window).active)
    assert marks(window) == {}


def test_moved_cards_renamed_lanes_and_the_journeys_own_fields(window: MainWindow, tmp_path: Path, monkeypatch, qtbot) -> None:  # type: ignore[no-untyped-def]
    journey = load(BANKING)
    cards = [c.model_copy(update={"step": "step-ask-question"}) if c.id == NEW_CARD else c for c in journey.cards]
    lanes = [ln.model_copy(update={"title": "What she does"}) if ln.id == "lane-actions" else ln for ln in journey.lanes]
    path = tmp_path / "old.journey"
    save(journey.model_copy(update={"title": "Savings (draft)", "cards": cards, "lanes": lanes}), path)
    compare_with(window, path, monkeypatch)
    assert rows(window) == [
        ["~ Changed", f"Journey: {journey.title}", "Title"],
        ["~ Changed", "Lane: Customer actions", "Title"],
        ["↔ Moved", "Card: Tries €100, €150 and €200 a month in the simulator.", "Step"],
    ]
    assert row_of(window, "Tries €100").text(3).startswith('Step: "Asks an advisor if she')  # (a name, cut short)
    outlines = marks(window, "mark")
    assert outlines[NEW_CARD].change == "moved" and outlines["lane-actions"].change == "changed"  # type: ignore[attr-defined]
    click_row(window, row_of(window, "Journey:"))  # nothing on the canvas: the status bar says where to look
    assert window.scene.selectedItems() == []
    assert "Inspector" in window.statusBar().currentMessage()
    click_row(window, row_of(window, "Lane:"))
    assert [getattr(i, "element_id", None) for i in window.scene.selectedItems()] == ["lane-actions"]


def test_persona_changes_are_named_by_their_personas(window: MainWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Its rows said "emotion:persona-2:as i…", 'Personas: [] → ["persona-2"]' and "personas: Bernard, 67"
    (exploratory test)."""
    from workbench.model.feelings import with_feeling

    journey = load(BANKING)
    camille, bernard = journey.personas[0], journey.personas[1]
    step = journey.steps[0]
    other = journey.model_copy(update={
        "personas": [camille, bernard.model_copy(update={"description": "Retired, careful"})],
        "steps": [step.model_copy(update={"emotions": with_feeling(step, bernard.id, "as_is", value=-2)}),
                  *journey.steps[1:]],
        "cards": [journey.cards[0].model_copy(update={"personas": [bernard.id]}), *journey.cards[1:]],
    })
    path = tmp_path / "other.journey"
    save(other, path)
    compare_with(window, path, monkeypatch)
    shown = rows(window)
    assert ["~ Changed", f"Persona: {bernard.name}", "Description"] in shown
    step_row = row_of(window, step.title)
    assert f"Emotion ({bernard.name}, as is)" in step_row.text(2)
    card = journey.cards[0]
    card_row = next(r for r in shown if r[1].startswith("Card:") and r[2] == "Personas")
    assert card_row
    tip = row_of(window, card_row[1][len("Card: "):]).toolTip(3)
    assert tip == f'Personas: "{bernard.name}" → all personas', tip
    assert "persona-" not in " ".join(" ".join(r) for r in shown) + tip
    assert card.personas == []


def test_the_before_column_names_the_field_as_the_fields_column_and_the_value_as_it_was(window: MainWindow, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Fields said "Emotion (Annie, as is)", Before "Emotion (Ann, as is): +1" (review); in French, a no-break
    space before each colon ("Carte: ..." had none; exploratory test)."""
    from tests.ui.helpers import speaking
    from workbench.model.feelings import level, with_feeling

    journey = load(BANKING)
    lead = journey.personas[0]
    step = journey.steps[0]
    now = level(step, lead.id, "as_is")
    other = journey.model_copy(update={
        "personas": [lead.model_copy(update={"name": "Ann"}), *journey.personas[1:]],
        "steps": [step.model_copy(update={"emotions": with_feeling(step, lead.id, "as_is", value=-2 if now != -2 else 2)}),
                  *journey.steps[1:]],
    })
    path = tmp_path / "other.journey"
    save(other, path)
    compare_with(window, path, monkeypatch)
    row = row_of(window, step.title)
    assert f"Emotion ({lead.name}, as is)" in row.text(2) and row.text(3).startswith(f"Emotion ({lead.name}, as is): ")
    with speaking("fr"):
        compare_with(window, path, monkeypatch)  # (again, in French)
        shown = rows(window)
    assert any(r[1].startswith("Étape\u00a0: ") for r in shown), shown
