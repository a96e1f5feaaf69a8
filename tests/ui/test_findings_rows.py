"""After an edit, only the rows of the findings that changed are replaced, and they wrap like the others."""

from __future__ import annotations

from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics

from tests.ui.test_findings import open_checked
from workbench.model.analysis import Finding, check
from workbench.ui.commands import perform
from workbench.ui.finding_rows import row_changes
from workbench.ui.findings import FindingsPanel

ROOT = Path(__file__).resolve().parents[2]
INVOICES = ROOT / "examples" / "counter-examples" / "unretrievable-invoices.journey"

A, B, C = (Finding(r, "error", (), r, "human") for r in "abc")
findings = st.lists(st.sampled_from([A, B, C]), max_size=10)


@settings(max_examples=300)
@given(findings, findings)
@example([A], [A, A])  # the common head and tail overlap
@example([A, B, A], [A])
def test_replacing_the_changed_runs_turns_the_old_rows_into_the_new(old: list[Finding], new: list[Finding]) -> None:
    rows = list(old)
    changes = row_changes(old, new)
    assert changes == sorted(changes)
    for first, last, start, stop in reversed(changes):
        rows[first:last] = new[start:stop]
    assert rows == new


def test_an_edit_replaces_only_the_rows_it_changes_and_they_wrap(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = open_checked(qtbot, INVOICES)
    window.resize(1000, 800)
    panel: FindingsPanel = window.findings
    qtbot.waitUntil(lambda: panel.tree.columnWidth(0) > 200, timeout=2000)
    document = window.document
    before = {panel.tree.topLevelItem(i).text(0): panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())}
    last = document.steps()[-1]
    title = "A last step with a long title, so that its finding needs several lines in the list"
    perform(window.stack, document, "Rename step", lambda: document.update(last.id, title=title))
    qtbot.waitUntil(panel.is_current, timeout=5000)
    rows = [panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())]
    assert [row.text(0) for row in rows] == [f.message for f in check(document.journey).findings]
    renamed = [row for row in rows if title in row.text(0)]
    assert renamed and all(row.text(0) not in before for row in renamed)
    kept = [row for row in rows if row.text(0) in before]
    assert kept and all(row is before[row.text(0)] for row in kept)  # untouched rows are the same rows
    metrics = QFontMetrics(panel.tree.font())
    for row in renamed:
        needed = metrics.boundingRect(QRect(0, 0, panel.tree.columnWidth(0), 10_000), Qt.TextFlag.TextWordWrap, row.text(0))
        assert needed.height() > metrics.lineSpacing()  # the sentence takes more than one line...
        assert panel.tree.visualItemRect(row).height() >= needed.height()  # ...and its row shows them all
