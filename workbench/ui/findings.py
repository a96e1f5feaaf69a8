"""The Findings dock: the journey health check, a moment after each edit.

The check runs on a short timer restarted by every document change, so a
burst of typing or dragging runs it once, after the hands stop. A click on a
finding selects and centres the elements concerned. Each finding is named
for assistive technology by its whole sentence, with its severity and
condition as description (the icon's shape alone is not read aloud).
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from workbench.model.analysis import Report, check, condition_name
from workbench.model.document import JourneyDocument
from workbench.model.events import Change
from workbench.ui.canvas.painting import paint_severity

DELAY_MS = 400
ELEMENTS = Qt.ItemDataRole.UserRole


def severity_icon(severity: str) -> QIcon:
    """The same sign as the badges on the canvas: the shape tells the severity, not only the colour."""
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    paint_severity(painter, QRectF(4, 4, 24, 24), severity)
    painter.end()
    return QIcon(pixmap)


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
        self.tree = QTreeWidget()
        self.tree.setObjectName("findings-list")
        self.tree.setAccessibleName(self.tr("Findings"))
        self.tree.setAccessibleDescription(
            self.tr("The journey health check; activate a finding to select the elements concerned")
        )
        self.tree.setHeaderLabels([self.tr("Finding"), self.tr("Condition")])
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)
        self.tree.setColumnWidth(0, 420)
        self.tree.itemClicked.connect(lambda item, column: self.activated.emit(list(item.data(0, ELEMENTS))))
        self.tree.itemActivated.connect(lambda item, column: self.activated.emit(list(item.data(0, ELEMENTS))))
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.run)
        self.document: JourneyDocument | None = None
        self.report: Report | None = None

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
        self.report = report
        self.tree.clear()
        lang = self.document.journey.language
        severities = {"error": self.tr("Error"), "warning": self.tr("Warning"), "info": self.tr("Note")}
        for finding in report.findings:
            condition = condition_name(finding.condition, lang)
            item = QTreeWidgetItem([finding.message, condition])
            item.setIcon(0, severity_icon(finding.severity))
            item.setToolTip(0, finding.message)
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, finding.message)
            item.setData(
                0,
                Qt.ItemDataRole.AccessibleDescriptionRole,
                self.tr("{severity}; condition: {condition}").format(
                    severity=severities.get(finding.severity, finding.severity), condition=condition
                ),
            )
            item.setData(1, Qt.ItemDataRole.AccessibleTextRole, condition)
            item.setData(0, ELEMENTS, list(finding.elements))
            item.setData(1, ELEMENTS, finding.rule)
            self.tree.addTopLevelItem(item)
        counts = {s: sum(f.severity == s for f in report.findings) for s in ("error", "warning", "info")}
        self.summary.setText(
            self.tr("{errors} errors, {warnings} warnings, {infos} notes").format(
                errors=counts["error"], warnings=counts["warning"], infos=counts["info"]
            )
        )
        self.updated.emit(report)
