"""The Findings dock on a laptop: whole sentences, a detail pane, a remembered filter."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QFontMetrics, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QTreeWidgetItem

from tests.ui.test_findings import open_checked
from workbench.ui.findings import ELEMENTS, FindingsPanel
from workbench.ui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
COUNTER = ROOT / "examples" / "counter-examples"
TELECOM = COUNTER / "telecom-contract-takeover.journey"  # 9 errors and a note
INVOICES = COUNTER / "unretrievable-invoices.journey"  # errors, warnings and notes, two conditions
LEFT = Qt.MouseButton.LeftButton
NONE = Qt.KeyboardModifier.NoModifier


def copy_of(source: Path, folder: Path) -> Path:
    """A private copy: a window locks the file it opens, and other test runs may hold the original."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / source.name
    shutil.copyfile(source, target)
    return target


def rows(panel: FindingsPanel) -> list[QTreeWidgetItem]:
    return [panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())]


def visible_severities(panel: FindingsPanel) -> set[str]:
    assert panel.report is not None
    return {f.severity for f, item in zip(panel.report.findings, rows(panel)) if not item.isHidden()}


def click_row(panel: FindingsPanel, item: QTreeWidgetItem) -> None:
    panel.tree.scrollToItem(item)
    QTest.mouseClick(panel.tree.viewport(), LEFT, NONE, panel.tree.visualItemRect(item).center())


def lines_needed(panel: FindingsPanel, text: str) -> int:
    """How many lines *text* takes at most in the first column (measured as wide as the whole column)."""
    metrics = QFontMetrics(panel.tree.font())
    width = panel.tree.columnWidth(0)
    height = metrics.boundingRect(QRect(0, 0, width, 10_000), Qt.TextFlag.TextWordWrap, text).height()
    return round(height / metrics.lineSpacing())


def test_a_long_finding_is_wrapped_to_show_its_whole_sentence(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_checked(qtbot, copy_of(TELECOM, tmp_path))
    window.resize(1100, 800)
    panel = window.findings
    qtbot.waitUntil(lambda: panel.tree.columnWidth(0) > 200)
    first = rows(panel)[0]
    message = window.findings.report.findings[0].message
    needed = lines_needed(panel, message)
    assert needed >= 2  # the sentence is longer than the column: it must wrap
    line = QFontMetrics(panel.tree.font()).lineSpacing()
    assert panel.tree.visualItemRect(first).height() >= needed * line
    assert first.text(0) == message  # never shortened in the model either
    narrow = panel.tree.visualItemRect(first).height()
    window.resize(1800, 800)  # a wider dock: fewer lines, shorter rows
    qtbot.waitUntil(lambda: panel.tree.visualItemRect(first).height() < narrow, timeout=2000)


def test_the_detail_pane_shows_the_finding_and_links_to_its_elements(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_checked(qtbot, copy_of(TELECOM, tmp_path))
    panel = window.findings
    assert "Select a finding" in panel.detail.toPlainText()
    item = rows(panel)[0]
    click_row(panel, item)
    finding = panel.report.findings[0]
    text = " ".join(panel.detail.toPlainText().split())
    assert " ".join(finding.message.split()) in text
    assert "Plans the switch to a human" in text and text.startswith("Error")
    step = window.document.get(finding.elements[0])
    assert step.title in text
    window.scene.clearSelection()
    # Click the element's link in the detail pane: that element alone is selected.
    concerns = panel.detail.document().find("Concerns")
    assert not concerns.isNull()
    found = panel.detail.document().find(step.title, concerns.selectionEnd())  # the link, not the sentence
    assert not found.isNull()
    cursor = QTextCursor(panel.detail.document())
    cursor.setPosition(found.selectionStart() + 2)
    point = panel.detail.cursorRect(cursor).center() + QPoint(2, 0)
    QTest.mouseClick(panel.detail.viewport(), LEFT, NONE, point)
    assert window.scene.selected_ids() == [step.id]


def test_severity_buttons_hide_rows_keep_the_report_and_are_remembered(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_checked(qtbot, copy_of(INVOICES, tmp_path / "first"))
    panel = window.findings
    assert visible_severities(panel) == {"error", "warning", "info"}
    total = len(panel.report.findings)
    errors = sum(f.severity == "error" for f in panel.report.findings)
    button = panel.severity_buttons["error"]
    QTest.mouseClick(button, LEFT)
    assert not button.isChecked()
    assert visible_severities(panel) == {"warning", "info"}
    assert panel.tree.topLevelItemCount() == total  # hidden, not removed
    assert f"({total - errors} shown)" in panel.summary.text()
    assert window.scene.item_for("step", window.findings.report.findings[0].elements[0]).badge == "error"
    QTest.mouseClick(panel.severity_buttons["info"], LEFT)
    assert visible_severities(panel) == {"warning"}

    again = open_checked(qtbot, copy_of(INVOICES, tmp_path / "later"))  # a later session
    assert not again.findings.severity_buttons["error"].isChecked()
    assert not again.findings.severity_buttons["info"].isChecked()
    assert visible_severities(again.findings) == {"warning"}


def test_the_condition_filter_keeps_one_condition_and_is_remembered(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_checked(qtbot, copy_of(INVOICES, tmp_path / "first"))
    panel = window.findings
    combo = panel.findChild(QComboBox, "findings-condition")
    assert combo.currentText() == "All conditions"
    assert [combo.itemText(i) for i in range(1, combo.count())] == [
        "Treats the customer as a person", "Plans the switch to a human", "Continuous online and offline"]
    combo.setFocus()
    for _ in range(3):  # All conditions -> person -> human -> continuity
        QTest.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentData() == "continuity"
    shown = [f for f, item in zip(panel.report.findings, rows(panel)) if not item.isHidden()]
    assert shown and {f.condition for f in shown} == {"continuity"}
    assert len(shown) < len(panel.report.findings)

    again = open_checked(qtbot, copy_of(INVOICES, tmp_path / "later"))
    assert again.findings.shown_condition() == "continuity"
    kept = [f for f, item in zip(again.findings.report.findings, rows(again.findings)) if not item.isHidden()]
    assert kept == shown


def test_a_hidden_current_finding_leaves_the_detail_pane(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_checked(qtbot, copy_of(TELECOM, tmp_path))
    panel = window.findings
    click_row(panel, rows(panel)[0])
    assert panel.report.findings[0].message.split()[0] in panel.detail.toPlainText()
    QTest.mouseClick(panel.severity_buttons["error"], LEFT)
    assert panel.tree.currentItem() is None
    assert "Select a finding" in panel.detail.toPlainText()


def test_clicking_a_wrapped_finding_still_selects_its_steps(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = open_checked(qtbot, copy_of(TELECOM, tmp_path))
    panel = window.findings
    window.resizeDocks([window.findings_dock], [320], Qt.Orientation.Vertical)
    qtbot.waitUntil(lambda: panel.tree.viewport().height() > 200, timeout=2000)
    item = rows(panel)[2]
    panel.tree.scrollToItem(item)
    rect = panel.tree.visualItemRect(item)
    assert rect.height() > 2 * QFontMetrics(panel.tree.font()).lineSpacing()
    assert 0 <= rect.top() and rect.bottom() - 3 < panel.tree.viewport().height()
    # The last line of a wrapped row belongs to the row too.
    QTest.mouseClick(panel.tree.viewport(), LEFT, NONE, QPoint(rect.left() + 60, rect.bottom() - 3))
    assert set(window.scene.selected_ids()) == set(item.data(0, ELEMENTS))


def test_the_finding_being_read_stays_current_after_an_edit_elsewhere(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_checked(qtbot, copy_of(TELECOM, tmp_path))
    panel = window.findings
    click_row(panel, rows(panel)[1])
    message = panel.report.findings[1].message
    before = panel.report
    window.document.update_journey(title="Renamed while reading")
    qtbot.waitUntil(lambda: panel.report is not before, timeout=3000)  # the check ran again
    assert panel.tree.currentItem() is rows(panel)[1]
    assert " ".join(message.split()) in " ".join(panel.detail.toPlainText().split())


def test_the_detail_gives_the_emotion_of_the_persona_and_scenario_the_finding_is_about(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """A finding about Bernard's emotion listed its steps with Camille's (the lead's), and "as is" in "to be"."""
    from workbench.model.feelings import level
    from workbench.model.journey import Step

    window = open_checked(qtbot, copy_of(ROOT / "examples" / "banking-savings.journey", tmp_path))
    panel = window.findings
    lead = window.document.index.personas()[0].id

    def check_one_about_another_persona(scenario: str) -> None:
        steps = window.document.index
        at = next(i for i, f in enumerate(panel.report.findings) if f.persona not in (None, lead) and any(
            e in window.document and isinstance(window.document.get(e), Step)
            and level(window.document.get(e), f.persona, scenario) != level(window.document.get(e), lead, scenario)
            for e in f.elements))
        finding = panel.report.findings[at]
        click_row(panel, rows(panel)[at])
        text = panel.detail.toPlainText()
        for element in finding.elements:
            if element in window.document and isinstance(window.document.get(element), Step):
                step = window.document.get(element)
                felt = level(step, finding.persona, scenario)
                shown = "{:+d}".format(felt) if felt else "0"
                number = steps.step_rank(step.id) + 1
                line = next(li for li in text.splitlines() if li.strip().startswith(f"Step {number} of"))
                assert line.rstrip().endswith(f"emotion {shown}") or f"emotion {shown}," in line, (line, shown)

    check_one_about_another_persona("as_is")
    window.persona_bar.switch_scenario()  # "to be": the check runs again on it
    qtbot.waitUntil(lambda: panel.scenario == "to_be" and panel.is_current(), timeout=5000)
    check_one_about_another_persona("to_be")
