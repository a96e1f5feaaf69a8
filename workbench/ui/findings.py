"""The Findings dock: the journey health check, a moment after each edit.

The check runs on a short timer restarted by every document change, so a
burst of typing or dragging runs it once, after the hands stop. A click on a
finding selects and centres the elements concerned. Each finding is named
for assistive technology by its whole sentence, with its severity and
condition as description (the icon's shape alone is not read aloud).

The check never runs on the UI thread: a worker checks a snapshot of the
journey (see :mod:`~workbench.ui.check_worker`) and its result is shown only
if the document is still as it was when the snapshot was taken (same
document, same index generation). A result overtaken by edits is dropped,
and the check runs again once the edits pause. Until the first result for a
newly opened journey arrives, the panel says it is checking rather than
showing the previous journey's findings. ``updated`` is emitted each time a
result is shown; :meth:`FindingsPanel.is_current` says whether the findings
shown are those of the journey as it is now.

A finding with a mechanical fix offers it (see :mod:`~workbench.model.fixes`):
a button under the detail pane, and the row's right-click menu; each fix is
one undo step named after it, and the next check no longer shows the
finding (:class:`~workbench.ui.finding_fixes.FixesMixin`). The header shows the score of each of the three conditions (see
:mod:`~workbench.model.scores`), its tooltip what cost each one its points.

On a laptop the dock is a short strip under the map, so a finding's sentence
must never be cut off: rows wrap, and the pane beside the list repeats the
current finding in full with the elements it concerns, each a link. The
filter (severities, condition) hides rows rather than removing them, so the
list always mirrors the report, and it is remembered across sessions: a
facilitator who only wants the errors in front of a room says so once
(:class:`~workbench.ui.finding_filter.FilterMixin`).
"""

from __future__ import annotations

from collections.abc import Hashable

import shiboken6
from PySide6.QtCore import QEvent, QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QStyleOptionViewItem,
    QTextBrowser,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.counts import severity_counts
from workbench.i18n import current_language
from workbench.model.analysis import SEVERITIES, Finding, Report, condition_name
from workbench.model import scores as scoring
from workbench.model.document import JourneyDocument
from workbench.model.events import Change
from workbench.ui.canvas.focus import CurveFocus
from workbench.ui.check_worker import CheckWorker, Job
from workbench.ui.finding_detail import DetailMixin
from workbench.ui.finding_filter import FilterMixin
from workbench.ui.finding_fixes import FixButton, FixesMixin
from workbench.ui.finding_rows import WrappingDelegate, row_changes, scores_text, scores_tip, severity_icon
from workbench.ui import messages

__all__ = ["ELEMENTS", "FindingsPanel", "WrappingDelegate", "severity_icon"]  # the delegate serves the help window too

DELAY_MS = 400
ELEMENTS = Qt.ItemDataRole.UserRole
#: The persona a finding is about (one of several), on its row.
PERSONA = Qt.ItemDataRole.UserRole + 2
CONDITIONS = ("person", "human", "continuity")


class FindingsPanel(DetailMixin, FilterMixin, FixesMixin, QWidget):
    #: The element ids of the finding the user clicked.
    activated = Signal(list)
    #: A fresh report, shown: the check ran (off the UI thread) on the journey as it is now.
    updated = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("findings")
        self.summary = QLabel()
        self.summary.setObjectName("findings-summary")
        self.summary.setAccessibleDescription(self.tr("How many findings the health check has, by severity"))
        self._fix_summary_width()
        self.scores = QLabel()
        self.scores.setObjectName("findings-scores")
        self.scores.setAccessibleName(self.tr("Scores"))
        self._fix_summary_width()
        self.severity_buttons = {severity: self._severity_button(severity) for severity in SEVERITIES}
        self.condition = QComboBox()
        self.condition.setObjectName("findings-condition")
        self.condition.setAccessibleName(self.tr("Condition shown"))
        self.condition.setAccessibleDescription(self.tr("Show only the findings about one of the three conditions"))
        self.condition.addItem(self.tr("All conditions"), "")
        for condition in CONDITIONS:
            self.condition.addItem(condition_name(condition, current_language()), condition)
        self.tree = self._make_tree()
        self.detail = QTextBrowser()
        self.detail.setObjectName("finding-detail")
        self.detail.setAccessibleName(self.tr("Finding in full"))
        self.detail.setAccessibleDescription(
            self.tr("The current finding, what to do about it, and links to the elements it concerns")
        )
        self.detail.setOpenLinks(False)
        self.detail.anchorClicked.connect(self._open_link)
        self.fix_button = FixButton()
        self.fix_button.chosen.connect(self.apply_fix)
        reading = QWidget()
        reading_layout = QVBoxLayout(reading)
        reading_layout.setContentsMargins(0, 0, 0, 0)
        reading_layout.addWidget(self.detail, 1)
        reading_layout.addWidget(self.fix_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(reading)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        # The filters on one row, what the check found on the next: on one row, the counts, the three buttons and
        # the conditions made the dock (and so the window) 690 points wide in English, 870 in French, wider than
        # a projector's 1024x768 at 150 % (exploratory test); the conditions' list gives up its widest names' width.
        # It takes the room there is, up to its longest name's width (fixed at 14 letters, it cut every name).
        self.condition.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.condition.setMinimumContentsLength(14)
        widest = max(self.condition.fontMetrics().horizontalAdvance(self.condition.itemText(i))
                     for i in range(self.condition.count()))
        self.condition.setMaximumWidth(widest + self.condition.minimumSizeHint().width()
                                       - self.condition.fontMetrics().averageCharWidth() * 14)
        self.condition.currentIndexChanged.connect(lambda _: self.condition.setToolTip(self.condition.currentText()))
        self.condition.setToolTip(self.condition.currentText())
        bar = QHBoxLayout()
        for button in self.severity_buttons.values():
            bar.addWidget(button)
        bar.addWidget(self.condition, 1)
        bar.addStretch(1)
        found = QHBoxLayout()
        found.addWidget(self.summary)
        found.addWidget(self.scores, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addLayout(found)
        layout.addWidget(self.splitter, 1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.run)
        self.document: JourneyDocument | None = None
        #: The scenario checked: the canvas's (see :meth:`follow`), "as is" until told.
        self.scenario = "as_is"
        self._focus: CurveFocus | None = None
        #: Where the fixes are recorded (see :meth:`undo_stack`).
        self._stack: QUndoStack | None = None
        #: The report shown, or None before the first result for this document.
        self.report: Report | None = None
        #: What the shown report was computed from: (document, index generation).
        self._shown_for: tuple[JourneyDocument, int] | None = None
        self.worker = CheckWorker(self._check_done)
        self.destroyed.connect(self.worker.close)  # a result arriving after this panel is gone is dropped
        self._restore_filter()
        for button in self.severity_buttons.values():
            button.toggled.connect(self._filter_changed)
        self.condition.currentIndexChanged.connect(self._filter_changed)
        self._show_detail(None)

    def _severity_button(self, severity: str) -> QToolButton:
        names = {"error": self.tr("Errors"), "warning": self.tr("Warnings"), "info": self.tr("Notes")}
        button = QToolButton()
        button.setObjectName(f"findings-show-{severity}")
        button.setCheckable(True)
        button.setChecked(True)
        button.setIcon(severity_icon(severity))
        button.setText(names[severity])
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setAccessibleName(self.tr("Show {severity}").format(severity=names[severity].lower()))
        button.setAccessibleDescription(self.tr("Show or hide the findings of this severity"))
        button.setToolTip(self.tr("Show or hide the findings of this severity"))
        return button

    def _make_tree(self) -> QTreeWidget:
        tree = QTreeWidget()
        tree.setObjectName("findings-list")
        tree.setAccessibleName(self.tr("Findings"))
        tree.setAccessibleDescription(
            self.tr("The journey health check; activate a finding to select the elements concerned")
        )
        tree.setHeaderLabels([self.tr("Finding"), self.tr("Condition")])
        tree.setRootIsDecorated(False)
        tree.setWordWrap(True)  # a row grows to show the whole sentence...
        tree.setUniformRowHeights(False)  # ...so rows differ in height
        # Each row's wrapped size is measured once and kept on the item (SizeHintRole):
        # asking a Python delegate for every row at every layout took 30 ms at a
        # thousand findings, after every edit that changed one of them.
        self.measure = WrappingDelegate(tree)
        tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        tree.setAlternatingRowColors(True)
        tree.setVerticalScrollMode(QTreeWidget.ScrollMode.ScrollPerPixel)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 190)
        # A wider or narrower column changes how many lines each row needs.
        header.sectionResized.connect(self._section_resized)
        tree.itemClicked.connect(lambda item, column: self._activate(item))
        tree.itemActivated.connect(lambda item, column: self._activate(item))
        tree.currentItemChanged.connect(lambda current, previous: self._show_detail(current))
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        tree.customContextMenuRequested.connect(self._context_menu)
        return tree

    def _activate(self, item: QTreeWidgetItem) -> None:
        """A finding chosen: its elements selected on the map, and, for a finding about one persona, the curve of
        that persona edited (a click on Bernard's fall left the map editing Camille's emotions, so that the
        inspector's "emotion" changed hers; exploratory test)."""
        persona = item.data(0, PERSONA)
        if persona and self._focus is not None and self._focus.persona != persona:
            self._focus.set_active(persona=persona)
        self.activated.emit(list(item.data(0, ELEMENTS)))

    def set_document(self, document: JourneyDocument) -> None:
        if self.document is not None:
            self.document.changed.disconnect(self._on_change)
        self.document = document
        document.changed.connect(self._on_change)
        self._show_checking()  # never the previous journey's findings, even for a moment
        self.run()

    def follow(self, focus: CurveFocus) -> None:
        """Check the scenario the canvas edits: the journey as it is, or as the team wants it."""
        if self._focus is not None:
            self._focus.changed.disconnect(self._focus_changed)
        self._focus = focus
        focus.changed.connect(self._focus_changed)
        self._focus_changed()

    def _focus_changed(self) -> None:
        if self._focus is None or not shiboken6.isValid(self) or self._focus.scenario == self.scenario:
            return
        self.scenario = self._focus.scenario
        if self.document is not None:
            self._show_checking()
            self.run()

    def _on_change(self, change: Change) -> None:
        if shiboken6.isValid(self):  # a deleted panel may still hear its last document
            self.timer.start()  # restarted by every change: runs once the edits pause
            if self.fix_button.fixes:
                self.fix_button.show_fixes([])  # the finding may be fixed already: wait for the check

    def _key(self) -> tuple[JourneyDocument, int, str] | None:
        """What identifies the journey as it is now: its document, the index generation, the scenario checked."""
        document = self.document
        return None if document is None else (document, document.index.generation, self.scenario)

    def is_current(self) -> bool:
        """True if the findings shown are those of the journey as it is now."""
        return self._shown_for is not None and self._shown_for == self._key()

    def run(self) -> None:
        """Check the journey as it is now, in a worker thread; ``updated`` tells when the result is shown.

        One check runs at a time: if one is running, its result is dropped if
        the journey changed meanwhile, and the check then runs again.
        """
        key = self._key()
        if key is None:
            return
        self.timer.stop()
        if self.worker.busy():
            return  # see _check_done
        self.worker.start(key, key[0].journey, self.scenario)

    def _check_done(self, job: Job) -> None:
        """A check ended (on the UI thread): show its report if nothing changed since its snapshot."""
        if not shiboken6.isValid(self):
            return
        if job.key != self._key():
            # Overtaken by edits or by another document. While the edits go on,
            # the timer will run the check; if they have paused, run it now.
            if not self.timer.isActive():
                self.run()
            return
        if job.error is not None:
            raise job.error
        assert job.report is not None
        self._show_report(job.report, job.key)

    def _show_checking(self) -> None:
        self.timer.stop()
        self.report = None
        self._shown_for = None
        self.tree.clear()
        self._show_detail(None)
        self.summary.setText(self.tr("Checking the journey…"))
        self._show_scores()

    def _show_report(self, report: Report, key: Hashable) -> None:
        """Show *report*, changing only the rows of the findings that changed.

        A thousand rows rebuilt after each edit would freeze the window for a
        tenth of a second; most edits change a handful of findings, or none.
        """
        assert self.document is not None
        lang = current_language()  # the user's, as the report's own messages (see check_worker)
        same_document = self.report is not None and self._shown_for is not None and self._shown_for[0] is self.document
        old = self.report.findings if same_document and self.report is not None else []
        new = report.findings
        self._shown_for = key  # type: ignore[assignment]
        current = self._current_finding()
        current_item = self.tree.currentItem()
        self.report = report
        if not same_document:
            self.tree.clear()
        if old != new:
            blocker = QSignalBlocker(self.tree)  # the detail pane is refreshed once, below
            self.tree.setUpdatesEnabled(False)
            for first, last, start, stop in reversed(row_changes(old, new)):
                for row in range(last - 1, first - 1, -1):
                    self.tree.takeTopLevelItem(row)
                items = [self._item(finding, lang) for finding in new[start:stop]]
                self.tree.insertTopLevelItems(first, items)
                self._measure(items)
            if current is not None and (current_item is None or current_item.treeWidget() is not self.tree):
                # The row being read was replaced: follow its finding if it is still there.
                row = next((i for i, f in enumerate(new) if (f.rule, f.elements) == current), None)
                self.tree.setCurrentItem(self.tree.topLevelItem(row) if row is not None else None)  # type: ignore[arg-type]
            self.tree.setUpdatesEnabled(True)
            blocker.unblock()
        self._show_scores()
        self._apply_filter()
        self.updated.emit(report)

    def _rows(self) -> list[QTreeWidgetItem]:
        return [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]

    def _section_resized(self, column: int, old: int, new: int) -> None:
        """Measure the rows again in the column's new width.

        The signal's width is the one to use: while a layout is under way (a
        dock held at its minimum width), the header may still report the old one.
        """
        with self.measure.width_of(column, new):
            self._measure(self._rows(), (column,))

    def _measure(self, items: list[QTreeWidgetItem], columns: tuple[int, ...] = (0, 1)) -> None:
        """Keep on each row the size of its text wrapped in its column's width."""
        if not items:
            return
        option = QStyleOptionViewItem()
        self.tree.initViewItemOption(option)
        tree, measure, role = self.tree, self.measure, Qt.ItemDataRole.SizeHintRole
        for item in items:
            for column in columns:
                item.setData(column, role, measure.sizeHint(option, tree.indexFromItem(item, column)))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fix_summary_width()
            self._measure(self._rows())

    def _fix_summary_width(self) -> None:
        """A minimum width for the summary that does not follow its text.

        The text changes with each result, and reads "Checking..." until the
        first one arrives, a moment after the window opens: a minimum that
        followed it would widen or narrow the dock (and change the window's
        saved layout) as results come in.
        """
        sample = severity_counts(99, 99, 99)
        self.summary.setMinimumWidth(self.summary.fontMetrics().horizontalAdvance(sample))
        if hasattr(self, "scores"):  # the scores too: the widest they can read, from the first moment
            full = {c: scoring.Score(c, 100, ()) for c in scoring.CONDITIONS}
            self.scores.setMinimumWidth(self.scores.fontMetrics().horizontalAdvance(scores_text(full)))

    def _item(self, finding: Finding, lang: str) -> QTreeWidgetItem:
        condition = condition_name(finding.condition, lang)
        item = QTreeWidgetItem([finding.message, condition])
        item.setIcon(0, severity_icon(finding.severity))
        item.setToolTip(0, messages.plain_tip(finding.message))
        item.setData(0, Qt.ItemDataRole.AccessibleTextRole, finding.message)
        item.setData(
            0,
            Qt.ItemDataRole.AccessibleDescriptionRole,
            self.tr("{severity}; condition: {condition}").format(
                severity=self._severity_name(finding.severity), condition=condition
            ),
        )
        item.setData(1, Qt.ItemDataRole.AccessibleTextRole, condition)
        item.setData(0, ELEMENTS, list(finding.elements))
        item.setData(1, ELEMENTS, finding.rule)
        if finding.persona:
            item.setData(0, PERSONA, finding.persona)
        return item

    def _current_finding(self) -> tuple[str, tuple[str, ...]] | None:
        """What identifies the finding being read, across runs of the check (its rule and elements)."""
        item = self.tree.currentItem()
        if item is None or self.report is None:
            return None
        finding = self.report.findings[self.tree.indexOfTopLevelItem(item)]
        return finding.rule, finding.elements

    def _severity_name(self, severity: str) -> str:
        names = {"error": self.tr("Error"), "warning": self.tr("Warning"), "info": self.tr("Note")}
        return names.get(severity, severity)

    # --------------------------------------------------------------- scores

    def _show_scores(self) -> None:
        """The three scores in the header; what cost each one its points in the tooltip."""
        if self.report is None:
            self.scores.clear()
            self.scores.setToolTip("")
            return
        all_scores = scoring.scores(self.report.findings)
        self.scores.setText(scores_text(all_scores))
        tip = scores_tip(all_scores)
        self.scores.setToolTip(messages.plain_tip(tip))
        self.scores.setAccessibleDescription(tip)
