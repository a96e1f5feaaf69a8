"""The Findings dock: the journey health check, a moment after each edit.

The check runs on a short timer restarted by every document change, so a
burst of typing or dragging runs it once, after the hands stop. A click on a
finding selects and centres the elements concerned. Each finding is named
for assistive technology by its whole sentence, with its severity and
condition as description (the icon's shape alone is not read aloud).

On a laptop the dock is a short strip under the map, so a finding's sentence
must never be cut off: rows wrap, and the pane beside the list repeats the
current finding in full with the elements it concerns, each a link. The
filter (severities, condition) hides rows rather than removing them, so the
list always mirrors the report, and it is remembered across sessions: a
facilitator who only wants the errors in front of a room says so once.
"""

from __future__ import annotations

import html

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QRectF,
    QSettings,
    QSize,
    Qt,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextBrowser,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.i18n import current_language
from workbench.model.analysis import SEVERITIES, Finding, Report, check, condition_name
from workbench.model.document import JourneyDocument
from workbench.model.events import Change
from workbench.model.journey import Card, Handoff, Link, Stage, Step
from workbench.ui.canvas.painting import paint_severity
from workbench.ui.outline_names import card_name, handoff_name, link_name, step_name
from workbench.ui import messages

DELAY_MS = 400
ELEMENTS = Qt.ItemDataRole.UserRole
ROW_PADDING = 6
CONDITIONS = ("person", "human", "continuity")
#: QSettings keys of the filter; values are comma-joined so "nothing checked" survives an INI file.
SEVERITY_KEY = "findings/severities"
CONDITION_KEY = "findings/condition"
#: The scheme of the element links in the detail pane.
ELEMENT_SCHEME = "element"


def severity_icon(severity: str) -> QIcon:
    """The same sign as the badges on the canvas: the shape tells the severity, not only the colour."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    paint_severity(painter, QRectF(4, 4, 24, 24), severity)
    painter.end()
    return QIcon(pixmap)


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text.

    QTreeView measures rows without a width (it never wraps them), so the
    style is asked here for the size of the text in the column's real width.
    """

    def __init__(self, tree: QTreeWidget, columns: tuple[int, ...] | None = None) -> None:
        super().__init__(tree)
        self.tree = tree
        #: The columns that wrap (all by default); the others keep their text on one line.
        self.columns = columns

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        if self.columns is not None and index.column() not in self.columns:
            return super().sizeHint(option, index) + QSize(0, ROW_PADDING)
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        item.rect = QRect(0, 0, max(self.tree.columnWidth(index.column()), 1), 1)
        item.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
        size = self.tree.style().sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, item, QSize(), self.tree)
        return size + QSize(0, ROW_PADDING)  # wrapped rows run together without a little air


class FindingsPanel(QWidget):
    #: The element ids of the finding the user clicked.
    activated = Signal(list)
    #: A fresh report, after the timer ran.
    updated = Signal(object)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("findings")
        self.summary = QLabel()
        self.summary.setObjectName("findings-summary")
        self.summary.setAccessibleDescription(self.tr("How many findings the health check has, by severity"))
        self.severity_buttons = {severity: self._severity_button(severity) for severity in SEVERITIES}
        self.condition = QComboBox()
        self.condition.setObjectName("findings-condition")
        self.condition.setAccessibleName(self.tr("Condition shown"))
        self.condition.setAccessibleDescription(self.tr("Show only the findings about one of the three conditions"))
        self.condition.addItem(self.tr("All conditions"), "")
        for condition in CONDITIONS:
            self.condition.addItem(condition_name(condition, current_language()), condition)
        self.condition.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.tree = self._make_tree()
        self.detail = QTextBrowser()
        self.detail.setObjectName("finding-detail")
        self.detail.setAccessibleName(self.tr("Finding in full"))
        self.detail.setAccessibleDescription(
            self.tr("The current finding, what to do about it, and links to the elements it concerns")
        )
        self.detail.setOpenLinks(False)
        self.detail.anchorClicked.connect(self._open_link)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.tree)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        for button in self.severity_buttons.values():
            bar.addWidget(button)
        bar.addWidget(self.condition)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.splitter, 1)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.run)
        self.document: JourneyDocument | None = None
        self.report: Report | None = None
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
        tree.setItemDelegate(WrappingDelegate(tree))
        tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        tree.setAlternatingRowColors(True)
        tree.setVerticalScrollMode(QTreeWidget.ScrollMode.ScrollPerPixel)
        header = tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 190)
        # A wider or narrower column changes how many lines each row needs.
        header.sectionResized.connect(lambda *args: tree.doItemsLayout())
        tree.itemClicked.connect(lambda item, column: self.activated.emit(list(item.data(0, ELEMENTS))))
        tree.itemActivated.connect(lambda item, column: self.activated.emit(list(item.data(0, ELEMENTS))))
        tree.currentItemChanged.connect(lambda current, previous: self._show_detail(current))
        return tree

    def set_document(self, document: JourneyDocument) -> None:
        if self.document is not None:
            self.document.changed.disconnect(self._on_change)
        self.document = document
        document.changed.connect(self._on_change)
        self.run()

    def _on_change(self, change: Change) -> None:
        self.timer.start()  # restarted by every change: runs once the edits pause

    def run(self) -> None:
        if self.document is None:
            return
        self.timer.stop()
        report = check(self.document.journey)
        current = self._current_finding()
        self.report = report
        self.tree.clear()
        lang = self.document.journey.language
        for finding in report.findings:
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
            self.tree.addTopLevelItem(item)
            if current is not None and (finding.rule, finding.elements) == current:
                self.tree.setCurrentItem(item)  # still there after the edit: keep reading it
        self._apply_filter()
        self.updated.emit(report)

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

    # ------------------------------------------------------------- filter

    def shown_severities(self) -> set[str]:
        return {severity for severity, button in self.severity_buttons.items() if button.isChecked()}

    def shown_condition(self) -> str:
        """The condition shown alone, or "" for all three."""
        return str(self.condition.currentData() or "")

    def passes(self, finding: Finding) -> bool:
        condition = self.shown_condition()
        return finding.severity in self.shown_severities() and (not condition or finding.condition == condition)

    def _filter_changed(self) -> None:
        settings = QSettings()
        settings.setValue(SEVERITY_KEY, ",".join(s for s in SEVERITIES if s in self.shown_severities()))
        settings.setValue(CONDITION_KEY, self.shown_condition())
        self._apply_filter()

    def _restore_filter(self) -> None:
        settings = QSettings()
        severities = settings.value(SEVERITY_KEY)
        if isinstance(severities, str):
            chosen = set(severities.split(","))
            for severity, button in self.severity_buttons.items():
                button.setChecked(severity in chosen)
        index = self.condition.findData(str(settings.value(CONDITION_KEY, "") or ""))
        self.condition.setCurrentIndex(max(index, 0))

    def _apply_filter(self) -> None:
        """Hide the rows the filter leaves out; the report, the badges and the count stay whole."""
        findings = self.report.findings if self.report is not None else []
        shown = 0
        for i, finding in enumerate(findings):
            item = self.tree.topLevelItem(i)
            visible = self.passes(finding)
            item.setHidden(not visible)
            shown += visible
        current = self.tree.currentItem()
        if current is not None and current.isHidden():
            self.tree.setCurrentItem(None)  # type: ignore[arg-type]
        self._show_detail(self.tree.currentItem())
        counts = {s: sum(f.severity == s for f in findings) for s in SEVERITIES}
        text = self.tr("{errors} errors, {warnings} warnings, {infos} notes").format(
            errors=counts["error"], warnings=counts["warning"], infos=counts["info"]
        )
        if shown < len(findings):
            text += " " + self.tr("({shown} shown)").format(shown=shown)
        self.summary.setText(text)

    # ------------------------------------------------------------- detail

    def _show_detail(self, item: QTreeWidgetItem | None) -> None:
        """The current finding in full: severity, condition, sentence, and a link per element."""
        report = self.report
        if item is None or report is None or item.isHidden():
            if report is not None and not report.findings:
                text = self.tr("No findings: the health check has nothing to say about this journey.")
            else:
                text = self.tr("Select a finding to read it in full and see the elements it concerns.")
            self.detail.setHtml(f"<p style='color:#52606d'>{html.escape(text)}</p>")
            return
        finding = report.findings[self.tree.indexOfTopLevelItem(item)]
        lang = self.document.journey.language if self.document is not None else None
        head = self.tr("{severity} · {condition}").format(
            severity=self._severity_name(finding.severity), condition=condition_name(finding.condition, lang)
        )
        parts = [f"<p><b>{html.escape(head)}</b></p>", f"<p>{html.escape(finding.message)}</p>"]
        names = [(element, self.element_name(element)) for element in finding.elements]
        if names:
            concerns = self.tr("Concerns (click to select):")
            parts.append(f"<p>{html.escape(concerns)}</p><ul>")
            for element, name in names:
                url = QUrl()
                url.setScheme(ELEMENT_SCHEME)
                url.setPath(element)
                parts.append(f"<li><a href='{html.escape(url.toString())}'>{html.escape(name)}</a></li>")
            parts.append("</ul>")
        self.detail.setHtml("".join(parts))

    def element_name(self, element_id: str) -> str:
        """How the detail pane names an element: the Outline's sentence for it."""
        document = self.document
        element = document.find(element_id) if document is not None else None
        if document is None or element is None:
            return element_id
        journey = document.journey
        if isinstance(element, Step):
            steps = document.steps()
            return step_name(element, steps.index(element) + 1, len(steps), [])
        if isinstance(element, Card):
            return card_name(element)
        if isinstance(element, Handoff):
            return handoff_name(element, {c.id: c for c in journey.cards})
        if isinstance(element, Link):
            return link_name(element, {s.id: s for s in journey.steps})
        if isinstance(element, Stage):
            return element.title
        return element_id

    def _open_link(self, url: QUrl) -> None:
        if url.scheme() == ELEMENT_SCHEME and url.path():
            self.activated.emit([url.path()])
