"""The Findings dock's detail pane: the current finding in full, with a link per element it concerns.

Mixed into :class:`~workbench.ui.findings.FindingsPanel` (its ``report``,
``tree``, ``detail``, ``fix_button``, ``document`` and ``activated``). Texts
keep the "FindingsPanel" translation context.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtWidgets import QTreeWidgetItem

from workbench.i18n import current_language
from workbench.model.analysis import condition_name
from workbench.model.journey import Card, Handoff, Link, Stage, Step
from workbench.ui.outline_names import card_name, handoff_name, link_name, step_name

translate = QCoreApplication.translate
#: The scheme of the detail pane's links to elements (``element:step-abc``).
ELEMENT_SCHEME = "element"


class DetailMixin:
    """The detail pane of FindingsPanel."""

    def _show_detail(self, item: QTreeWidgetItem | None) -> None:
        """The current finding in full: severity, condition, sentence, and a link per element."""
        report = self.report
        if item is None or report is None or item.isHidden():
            if report is not None and not report.findings:
                text = translate("FindingsPanel", "No findings: the health check has nothing to say about this journey.")
            else:
                text = translate("FindingsPanel", "Select a finding to read it in full and see the elements it concerns.")
            self.detail.setHtml(f"<p style='color:#52606d'>{html.escape(text)}</p>")
            self.fix_button.show_fixes([])
            return
        finding = report.findings[self.tree.indexOfTopLevelItem(item)]
        self.fix_button.show_fixes(self.fixes(finding))
        lang = current_language()
        head = translate("FindingsPanel", "{severity} · {condition}").format(
            severity=self._severity_name(finding.severity), condition=condition_name(finding.condition, lang)
        )
        parts = [f"<p><b>{html.escape(head)}</b></p>", f"<p>{html.escape(finding.message)}</p>"]
        names = [(element, self.element_name(element, finding.persona)) for element in finding.elements]
        if names:
            concerns = translate("FindingsPanel", "Concerns (click to select):")
            parts.append(f"<p>{html.escape(concerns)}</p><ul>")
            for element, name in names:
                url = QUrl()
                url.setScheme(ELEMENT_SCHEME)
                url.setPath(element)
                parts.append(f"<li><a href='{html.escape(url.toString())}'>{html.escape(name)}</a></li>")
            parts.append("</ul>")
        self.detail.setHtml("".join(parts))

    def element_name(self, element_id: str, persona: str | None = None) -> str:
        """How the detail pane names an element: the Outline's sentence for it; a step's with the emotion of the
        finding's *persona* (the lead's if None) in the scenario checked (it gave the lead's "as is" always)."""
        document = self.document
        element = document.find(element_id) if document is not None else None
        if document is None or element is None:
            return element_id
        journey = document.journey
        if isinstance(element, Step):
            index = document.index
            lead = index.personas()[0].id
            felt_by = persona if persona is not None and any(p.id == persona for p in index.personas()) else lead
            return step_name(element, index.step_rank(element.id) + 1, len(index.steps()), [], felt_by, self.scenario)
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
