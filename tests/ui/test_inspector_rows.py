"""The inspector keeps its rows from one element to another of the same kind (a step, then the next step),
and shows and edits the new one's values; another kind of element gets its own rows."""

from __future__ import annotations

from pathlib import Path


from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLineEdit

from tests.ui.helpers import open_window
from tests.ui.test_canvas import small_journey
from workbench.model.fileformat import save


def window_on(qtbot, tmp_path: Path):  # type: ignore[no-untyped-def]
    path = tmp_path / "rows.journey"
    save(small_journey(), path)
    return open_window(qtbot, path)


def test_the_next_step_keeps_the_rows_and_shows_and_edits_its_own_values(qtbot, tmp_path: Path) -> None:
    window = window_on(qtbot, tmp_path)
    inspector = window.inspector
    window.scene.select_ids(["step-1"])
    title = inspector.findChild(QLineEdit, "title")
    assert title.text() == "Sees the offer"
    assert inspector.findChild(QComboBox, "feeling.value").currentData() == 1
    window.scene.select_ids(["step-2"])
    assert inspector.findChild(QLineEdit, "title") is title  # the same row...
    assert title.text() == "Compares"  # ...showing the step now selected
    assert inspector.findChild(QComboBox, "feeling.value").currentData() == 0
    title.selectAll()
    QTest.keyClicks(title, "Weighs it up")
    assert window.document.get("step-2").title == "Weighs it up"
    assert window.document.get("step-1").title == "Sees the offer"
    window.scene.select_ids(["step-1"])
    assert title.text() == "Sees the offer"
    window.stack.undo()
    assert window.document.get("step-2").title == "Compares"


def test_another_kind_of_card_gets_its_own_rows(qtbot, tmp_path: Path) -> None:
    window = window_on(qtbot, tmp_path)
    inspector = window.inspector
    window.scene.select_ids(["card-app"])  # a touchpoint: channel and nature
    assert inspector.findChild(QLineEdit, "channel") is not None
    window.scene.select_ids(["card-advisor"])  # another touchpoint: the same rows, its values
    assert inspector.findChild(QLineEdit, "channel").text() == window.document.get("card-advisor").channel
    window.scene.select_ids(["card-think"])  # a thought: no channel
    QTest.qWait(0)
    assert inspector.findChild(QLineEdit, "channel") is None
    window.scene.select_ids(["step-3"])
    assert inspector.findChild(QLineEdit, "title").text() == "Signs up"


def test_a_field_being_typed_in_when_the_selection_changes_shows_the_new_element(qtbot, tmp_path: Path) -> None:
    """Rows kept for the next step must not keep the text of a focused field (it skips updates while typed in):
    typing on would write step 1's title into step 2. The form is made anew then."""
    window = window_on(qtbot, tmp_path)
    inspector = window.inspector
    window.scene.select_ids(["step-1"])
    title = inspector.findChild(QLineEdit, "title")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    title.setFocus()
    qtbot.waitUntil(title.hasFocus, timeout=2000)
    window.scene.select_ids(["step-2"])  # (as a menu action or a finding's click may, the field still focused)
    shown = inspector.findChild(QLineEdit, "title")
    assert shown.text() == "Compares"
    QTest.keyClicks(shown, "!")
    assert window.document.get("step-1").title == "Sees the offer"
    assert "Compares" in window.document.get("step-2").title  # (the "!" wherever the cursor was)


def test_the_links_out_follow_the_step_shown_when_the_rows_are_kept(qtbot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QListWidget

    from workbench.model.journey import Link

    window = window_on(qtbot, tmp_path)
    window.document.add(Link(id="link-x", source="step-2", target="step-1", label="back"))
    window.scene.select_ids(["step-1"])
    listing = window.inspector.findChild(QListWidget, "links-out")
    assert listing.count() == 0
    window.scene.select_ids(["step-2"])
    assert window.inspector.findChild(QListWidget, "links-out") is listing  # the same rows...
    assert [listing.item(i).text() for i in range(listing.count())] == ["To 'Sees the offer' \u2014 back (loop)"]
