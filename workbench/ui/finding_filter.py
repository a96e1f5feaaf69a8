"""Which findings the Findings dock shows: the severity buttons and the condition chosen, remembered.

Mixed into :class:`~workbench.ui.findings.FindingsPanel` (its ``severity_buttons``,
``condition``, ``tree``, ``summary`` and ``report``). The filter hides rows; the
report, the step badges and the counts stay whole.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSettings

from workbench.counts import severity_counts
from workbench.model.analysis import SEVERITIES, Finding

SEVERITY_KEY = "findings/severities"
CONDITION_KEY = "findings/condition"
translate = QCoreApplication.translate


class FilterMixin:
    """The filter of :class:`~workbench.ui.findings.FindingsPanel`."""

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
        severities, condition = self.shown_severities(), self.shown_condition()
        shown = 0
        for i, finding in enumerate(findings):
            item = self.tree.topLevelItem(i)
            visible = finding.severity in severities and (not condition or finding.condition == condition)
            if item.isHidden() == visible:  # a row's visibility changed only where the filter or the finding did
                item.setHidden(not visible)
            shown += visible
        current = self.tree.currentItem()
        if current is not None and current.isHidden():
            self.tree.setCurrentItem(None)  # type: ignore[arg-type]
        self._show_detail(self.tree.currentItem())
        counts = {s: sum(f.severity == s for f in findings) for s in SEVERITIES}
        text = severity_counts(counts["error"], counts["warning"], counts["info"])
        if shown < len(findings):
            text += " " + translate("FindingsPanel", "({shown} shown)").format(shown=shown)
        if self.report is not None and self.report.metrics.scenario == "to_be":
            text += " " + translate("FindingsPanel", "(journey to be)")
        self.summary.setText(text)
