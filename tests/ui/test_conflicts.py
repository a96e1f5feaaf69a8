"""The Merge conflicts dock, with real clicks: shown for a merged journey, one undo step per choice."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDockWidget, QMessageBox

from tests.model.test_conflicts import merged, step_removed_by_us
from tests.ui.helpers import answer_next_message
from workbench.model.fileformat import load_file, save
from workbench.model.journey import Card, Journey
from workbench.ui.commands import perform
from workbench.ui.conflicts import ConflictsPanel, install
from workbench.ui.conflicts_rows import ConflictRow
from workbench.ui.main_window import MainWindow

LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier
CTRL = Qt.KeyboardModifier.ControlModifier


def opened(qtbot, tmp_path: Path, journey: Journey | None = None) -> tuple[MainWindow, ConflictsPanel]:  # type: ignore[no-untyped-def]
    """A shown window with its conflicts dock, then the merged journey (or *journey*) opened from a file."""
    path = tmp_path / "merged.journey"
    save(journey if journey is not None else merged(), path)
    window = MainWindow()
    qtbot.addWidget(window, before_close_func=lambda w: (w.scene.commit_editors(), w.stack.setClean()))
    panel = install(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.open_path(path, ask=False)
    QApplication.processEvents()
    return window, panel


def dock(window: MainWindow) -> QDockWidget:
    found = window.findChild(QDockWidget, "conflicts-dock")
    assert found is not None
    return found


def row(panel: ConflictsPanel, conflict_id: str) -> ConflictRow:
    for r in panel.rows():
        if r.conflict.id == conflict_id:
            return r
    raise AssertionError(f"no row for {conflict_id} in {[r.conflict.id for r in panel.rows()]}")


def shown_ids(panel: ConflictsPanel) -> list[str]:
    """The conflicts a user sees listed (rows visible in the dock)."""
    return [r.conflict.id for r in panel.list.findChildren(ConflictRow) if r.isVisible()]


def click(button) -> None:  # type: ignore[no-untyped-def]
    QTest.mouseClick(button, LEFT, NONE, button.rect().center())
    QApplication.processEvents()


def undo_key(window: MainWindow) -> None:
    """Ctrl+Z typed on the map."""
    window.view.setFocus()
    QTest.keyClick(window.view, Qt.Key.Key_Z, CTRL)
    QApplication.processEvents()


def test_a_merged_journey_shows_the_dock_with_each_conflict(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window, panel = opened(qtbot, tmp_path)
    assert dock(window).isVisible()
    assert dock(window).windowTitle() == "Merge conflicts"
    assert window.statusBar().currentMessage() == "This journey holds 3 merge conflicts to resolve"
    assert shown_ids(panel) == ["k-step", "k-title", "k-card"]
    step = row(panel, "k-step")
    assert [step.where.text(), step.field.text(), step.ours.text(), step.theirs.text()] == [
        "Step “Pay online”", "Title", "Pay online", "Pay by card"]
    card = row(panel, "k-card")
    assert card.where.text() == "Touchpoint card “Mobile app (new)”"
    assert (card.ours.text(), card.theirs.text()) == ("Changed: Mobile app (new)", "Removed")
    assert step.keep.text() == "Keep mine" and step.take.text() == "Take theirs"
    assert step.keep.isVisible() and step.take.isVisible()
    assert step.accessibleName() == "Step “Pay online”, Title. Yours: Pay online. Theirs: Pay by card."
    assert "Pay by card" in step.take.accessibleDescription() and "Step “Pay online”" in step.take.accessibleDescription()


def test_take_theirs_is_one_undo_step_that_undo_and_redo_follow(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window, panel = opened(qtbot, tmp_path)
    click(row(panel, "k-title").take)
    assert window.document.journey.title == "Road trip"
    assert shown_ids(panel) == ["k-step", "k-card"]
    assert window.stack.count() == 1 and window.stack.undoText() == "Take theirs: Title"
    assert window.isWindowModified()
    undo_key(window)
    assert window.document.journey.title == "Car trip"
    assert shown_ids(panel) == ["k-step", "k-title", "k-card"]
    window.stack.redo()
    QApplication.processEvents()
    assert window.document.journey.title == "Road trip"
    assert shown_ids(panel) == ["k-step", "k-card"]


def test_keep_mine_only_drops_the_conflict(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window, panel = opened(qtbot, tmp_path)
    before = window.document.journey
    click(row(panel, "k-step").keep)
    assert window.document.get("s1").title == "Pay online"  # type: ignore[attr-defined]
    assert shown_ids(panel) == ["k-title", "k-card"]
    assert window.document.journey.model_copy(update={"conflicts": before.conflicts}) == before
    undo_key(window)
    assert window.document.journey == before


def test_their_removal_takes_the_card_away_and_undo_brings_it_back(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window, panel = opened(qtbot, tmp_path)
    before = window.document.journey
    click(row(panel, "k-card").take)
    assert "c1" not in window.document and "h1" not in window.document
    assert window.scene.item_for("card", "c1") is None  # gone from the map too
    undo_key(window)
    assert window.document.journey == before
    assert window.scene.item_for("card", "c1") is not None


def test_a_row_says_what_else_the_removing_side_takes_and_follows_the_map(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window, panel = opened(qtbot, tmp_path, step_removed_by_us())
    document = window.document
    step = row(panel, "k-s1")
    assert step.consequence.isVisible()
    said = step.consequence.text()
    assert said.startswith("Keep mine also removes: ") and said.endswith(" and 1 more")
    assert "Touchpoint card “Kiosk”" in said and "Keep mine also removes" in step.keep.accessibleDescription()
    assert "also removes" not in step.take.accessibleDescription() and said in step.accessibleName()
    card = row(panel, "k-card")
    assert card.consequence.text() == "Take theirs also removes: Handoff from “Mobile app (new)” to “Advisor”"
    assert not row(panel, "k-title").consequence.isVisible()
    # A card put on the step afterwards is counted; a card renamed is named anew.
    extra = Card(id="c10", step="s1", lane="lane-thoughts", kind="thought", text="Where is the kiosk?")
    perform(window.stack, document, "Add card", lambda: document.add(extra))
    assert row(panel, "k-s1").consequence.text().endswith(" and 2 more")
    assert "Thought card “Where is the kiosk?”" in row(panel, "k-s1").consequence.text()
    perform(window.stack, document, "Rename", lambda: document.update("c10", text="Which kiosk?"))
    assert "Thought card “Which kiosk?”" in row(panel, "k-s1").consequence.text()
    before, steps = document.journey, window.stack.count()
    click(row(panel, "k-s1").keep)
    assert not {"s1", "c1", "c9", "c10", "h1", "h9"} & {e.id for e in (
        *document.journey.steps, *document.journey.cards, *document.journey.handoffs)}
    assert window.scene.item_for("card", "c9") is None
    assert window.stack.count() == steps + 1
    undo_key(window)
    assert document.journey == before
    assert row(panel, "k-s1").consequence.isVisible()


def test_typing_elsewhere_looks_at_no_removal_and_a_card_moved_onto_the_step_is_counted(
    qtbot, tmp_path: Path, monkeypatch  # type: ignore[no-untyped-def]
) -> None:
    """On a large map every keystroke reaches the panel: one that cannot change what a removal takes must not
    work it out again (the review measured seconds per keystroke with a lane's removal pending)."""
    import workbench.ui.conflicts as panel_module

    window, panel = opened(qtbot, tmp_path, step_removed_by_us())
    document = window.document
    calls: list[str] = []
    real = panel_module.consequences
    monkeypatch.setattr(panel_module, "consequences", lambda *a: calls.append("x") or real(*a))
    before = row(panel, "k-s1").consequence.text()
    for word in ("Calls", "Calls the", "Calls the bank"):  # typed in another step's title
        perform(window.stack, document, "Rename", lambda: document.update("s2", title=word), merge_key="t")
    perform(window.stack, document, "Scenario", lambda: document.update_journey(scenario="Ana saves"))
    assert calls == []  # nothing a removal takes changed: nothing was worked out again
    assert row(panel, "k-s1").consequence.text() == before
    extra = Card(id="c10", step="s2", lane="lane-thoughts", kind="thought", text="Where is it?")
    perform(window.stack, document, "Add", lambda: document.add(extra))
    assert row(panel, "k-s1").consequence.text() == before  # a card elsewhere: the same
    perform(window.stack, document, "Move", lambda: document.update("c10", step="s1"))  # onto the removed step
    assert calls and row(panel, "k-s1").consequence.text().endswith(" and 2 more")  # now it goes too


def test_resolving_all_says_so_and_the_saved_file_has_no_conflicts(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window, panel = opened(qtbot, tmp_path)
    click(row(panel, "k-step").take)
    click(row(panel, "k-title").keep)
    assert panel.summary.text() != "All conflicts are resolved — save to finish the merge."
    click(row(panel, "k-card").keep)
    assert shown_ids(panel) == []
    assert dock(window).isVisible()
    assert panel.summary.text() == "All conflicts are resolved — save to finish the merge."
    assert window.save()
    # (it went on asking for a save after the save)
    assert panel.summary.text() == "All conflicts are resolved and saved: the merge is finished."
    document = window.document
    perform(window.stack, document, "Title", lambda: document.update_journey(title="Car trip, again"))
    assert panel.summary.text() == "All conflicts are resolved and saved: the merge is finished."  # an edit since
    window.stack.undo()
    window.stack.undo()  # ...but undoing a resolution brings its conflict back
    qtbot.waitUntil(lambda: shown_ids(panel) == ["k-card"], timeout=5000)
    assert panel.summary.text() == "Choose, for each change made differently on both sides, the version to keep."
    window.stack.redo()
    assert panel.summary.text() == "All conflicts are resolved and saved: the merge is finished."  # the saved state
    window.stack.redo()
    again = load_file(tmp_path / "merged.journey").journey
    assert again.conflicts == []
    assert again.title == "Car trip"
    assert [s.title for s in again.steps] == ["Pay by card", "Call the bank"]
    assert b"conflicts" not in (tmp_path / "merged.journey").read_bytes()


def test_a_click_on_the_row_selects_its_element_on_the_map(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window, panel = opened(qtbot, tmp_path)
    step = row(panel, "k-step")
    QTest.mouseClick(step, LEFT, NONE, QPoint(4, 4))
    assert window.scene.selected_ids() == ["s1"]
    QTest.mouseClick(row(panel, "k-card"), LEFT, NONE, QPoint(4, 4))
    assert window.scene.selected_ids() == ["c1"]


def test_rows_follow_edits_and_an_element_deleted_meanwhile_is_refused(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window, panel = opened(qtbot, tmp_path)
    document = window.document
    perform(window.stack, document, "Rename", lambda: document.update("s1", title="Pay now"))
    assert row(panel, "k-step").where.text() == "Step “Pay now”"
    perform(window.stack, document, "Title", lambda: document.update_journey(title="Van trip"))
    assert row(panel, "k-title").where.text() == "The journey “Van trip”"
    rows = panel.rows()
    perform(window.stack, document, "Scenario", lambda: document.update_journey(scenario="Ana rents a van"))
    assert panel.rows() == rows  # nothing a row says changed: the rows stay (typing does not rebuild them)
    perform(window.stack, document, "Delete", lambda: document.remove("s1"))
    assert row(panel, "k-step").where.text() == "Step “s1” (no longer in the journey)"
    before, steps = document.journey, window.stack.count()
    seen: list[str] = []
    answer_next_message(qtbot, QMessageBox.StandardButton.Ok, seen)
    click(row(panel, "k-step").take)
    assert seen and seen[0].startswith("Their version of “s1” cannot be taken: it was removed after the merge.")
    assert "was removed after the merge" in window.statusBar().currentMessage()
    assert "Undo brings it back" in seen[0]  # (the way back: the card a "Keep mine" took went unsaid)
    assert document.journey == before and window.stack.count() == steps
    assert "k-step" in shown_ids(panel)


def test_a_journey_without_conflicts_hides_the_dock(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    clean = merged().model_copy(update={"conflicts": []})
    window, panel = opened(qtbot, tmp_path, clean)
    assert not dock(window).isVisible()
    assert "merge conflict" not in window.statusBar().currentMessage()
    other = tmp_path / "other.journey"
    save(merged(), other)
    assert window.open_path(other, ask=False)
    assert dock(window).isVisible() and len(shown_ids(panel)) == 3
    assert install(window) is panel  # one dock per window
    window.new_journey()
    assert not dock(window).isVisible()


def test_one_conflict_is_counted_in_the_singular(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    one = merged()
    window, _ = opened(qtbot, tmp_path, one.model_copy(update={"conflicts": one.conflicts[:1]}))
    assert window.statusBar().currentMessage() == "This journey holds 1 merge conflict to resolve"


def test_the_only_conflict_resolved_on_opening_asks_for_a_save_before_calling_the_merge_finished(
    qtbot, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    """It said "resolved and saved" at once, with the file still holding the conflict (the stack, read while the
    resolution was pushed, still said clean; exploratory test)."""
    one = merged()
    window, panel = opened(qtbot, tmp_path, one.model_copy(update={"conflicts": one.conflicts[:1]}))
    only = one.conflicts[0].id
    click(row(panel, only).take)
    assert window.stack.count() == 1 and not window.stack.isClean()
    assert panel.summary.text() == "All conflicts are resolved — save to finish the merge."
    assert window.save()
    assert panel.summary.text() == "All conflicts are resolved and saved: the merge is finished."
    window.stack.undo()  # the conflict is back, and the merge is no longer finished
    assert panel.summary.text() == "Choose, for each change made differently on both sides, the version to keep."
    window.stack.redo()  # back to what was saved
    assert panel.summary.text() == "All conflicts are resolved and saved: the merge is finished."


def test_screenshot_of_the_dock(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window, panel = opened(qtbot, tmp_path)
    QApplication.processEvents()
    assert dock(window).height() >= 200  # room for more than one row
    picture = window.grab()
    Path("/tmp/h").mkdir(parents=True, exist_ok=True)
    picture.save("/tmp/h/conflicts.png")
    for r in panel.rows():  # nothing cut off: each button shows its whole text
        assert r.take.width() >= r.take.sizeHint().width() - 1
