"""Flow links in the inspector: a link's two ends, a step's outgoing links, the step picker.

A link is a flow from one step to another: forward (to a later step) it is a
branch, backward a loop. Adding or removing one is one undo step, performed
through the same ``perform`` as every other edit, so the canvas follows the
document's events and never the inspector.
"""

from __future__ import annotations

import unicodedata
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from workbench.model.errors import EditError
from workbench.model.journey import Link, Step
from workbench.ui.commands import perform
from workbench.ui.messages import not_possible

if TYPE_CHECKING:
    from workbench.ui.inspector import Inspector

translate = QCoreApplication.translate
ELEMENT = Qt.ItemDataRole.UserRole
FOLDED = int(Qt.ItemDataRole.UserRole) + 1


def folded(text: str) -> str:
    """*text* without case or accents, so "econ" finds "Économie"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def is_loop(inspector: Inspector, link: Link) -> bool:
    """A link back to the same or an earlier step (in time order) is a loop; forward, a branch."""
    assert inspector.document is not None
    index = inspector.document.index  # (its ranks are kept: not a dict of every step for each link shown)

    def rank(step_id: str) -> int:
        try:
            return index.step_rank(step_id)
        except KeyError:
            return -1

    return rank(link.target) <= rank(link.source)


def kind_text(inspector: Inspector, link: Link) -> str:
    if is_loop(inspector, link):
        return translate("Inspector", "Loop: goes back to an earlier step")
    return translate("Inspector", "Branch: goes forward to a later step")


def title_of(inspector: Inspector, step_id: str) -> str:
    assert inspector.document is not None
    step = inspector.document.find(step_id)
    return step.title if isinstance(step, Step) else step_id


# ------------------------------------------------------------ a link itself


def link_rows(inspector: Inspector) -> None:
    """The rows of a selected link: its label (editable), its ends and its direction."""
    inspector.line(translate("Inspector", "Label"), "label",
                   translate("Inspector", "A short text shown on the arrow, for example the customer's choice"))

    def link() -> Link:
        assert inspector.document is not None and inspector.element_id is not None
        element = inspector.document.get(inspector.element_id)
        assert isinstance(element, Link)
        return element

    rows = (
        ("link-source", translate("Inspector", "From"), translate("Inspector", "The step the flow leaves"),
         lambda: title_of(inspector, link().source)),
        ("link-target", translate("Inspector", "To"), translate("Inspector", "The step the flow goes to"),
         lambda: title_of(inspector, link().target)),
        ("link-kind", translate("Inspector", "Direction"),
         translate("Inspector", "Whether the link is a branch or a loop"),
         lambda: kind_text(inspector, link())),
    )
    for name, label, description, value in rows:
        shown = QLabel()
        shown.setObjectName(name)
        shown.setWordWrap(True)
        shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        shown.setAccessibleDescription(description)  # its name stays its text: the value read aloud
        inspector.add_row(label, shown)
        inspector.follow(lambda shown=shown, value=value: _set_label(shown, value()))


def _set_label(label: QLabel, text: str) -> None:
    if label.text() != text:
        label.setText(text)


# ------------------------------------------------------ a step's links out


class StepLinks:
    """The outgoing links of the selected step: a list, "Link to..." and "Remove link".

    The inspector keeps the one of the step it shows; its widgets go with the form's rows.
    """

    def __init__(self, inspector: Inspector) -> None:
        self.inspector = inspector
        self.picker: StepPicker | None = None
        self.list = QListWidget()
        self.list.setObjectName("links-out")
        self.list.setMaximumHeight(90)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.add_button = QPushButton(translate("Inspector", "Link to..."))
        self.add_button.setObjectName("link-to")
        self.add_button.clicked.connect(self.choose)
        self.remove_button = QPushButton(translate("Inspector", "Remove link"))
        self.remove_button.setObjectName("remove-link")
        self.remove_button.setEnabled(False)
        self.remove_button.clicked.connect(self.remove_selected)
        buttons = QWidget()
        row = QHBoxLayout(buttons)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.add_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        inspector.add_row(translate("Inspector", "Links out"), self.list,
                          translate("Inspector", "The flows from this step to other steps, for branches and loops"))
        inspector.add_row("", buttons)
        inspector.describe(self.add_button, translate("Inspector", "Link to..."),
                           translate("Inspector", "Add a flow from this step to another step, chosen from a list"))
        inspector.describe(self.remove_button, translate("Inspector", "Remove link"),
                           translate("Inspector", "Remove the link selected in the list above"))
        inspector.follow(self.refresh)

    @property
    def step_id(self) -> str:
        assert self.inspector.element_id is not None
        return self.inspector.element_id

    def links(self) -> list[Link]:
        assert self.inspector.document is not None
        return [lk for lk in self.inspector.document.journey.links if lk.source == self.step_id]

    def refresh(self) -> None:
        wanted = []
        for link in self.links():
            text = translate("Inspector", "To '{target}'").format(target=title_of(self.inspector, link.target))
            if link.label:
                text += " \u2014 " + link.label
            text += " (" + (translate("Inspector", "loop") if is_loop(self.inspector, link)
                            else translate("Inspector", "branch")) + ")"
            wanted.append((link.id, text))
        shown = [(self.list.item(i).data(ELEMENT), self.list.item(i).text()) for i in range(self.list.count())]
        if shown != wanted:
            current = self.list.currentItem().data(ELEMENT) if self.list.currentItem() else None
            self.list.clear()
            for link_id, text in wanted:
                item = QListWidgetItem(text)
                item.setData(ELEMENT, link_id)
                item.setData(Qt.ItemDataRole.AccessibleTextRole, text)
                self.list.addItem(item)
                if link_id == current:
                    self.list.setCurrentItem(item)
        others = len(self.inspector.document.journey.steps) > 1 if self.inspector.document else False
        self.add_button.setEnabled(others)
        self._selection_changed()

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(bool(self.list.selectedItems()))

    # -------------------------------------------------------- adding one

    def choose(self) -> None:
        """Open the step picker (window-modal, not blocking); the choice adds the link."""
        document = self.inspector.document
        if document is None:
            return
        linked = {lk.target for lk in self.links()}
        steps = [(s.id, s.title, s.id in linked) for s in document.steps() if s.id != self.step_id]
        if self.picker is not None:
            self.picker.reject()
        source = self.step_id
        picker = self.picker = StepPicker(steps, self.inspector)
        picker.accepted.connect(lambda: self.add(source, picker.chosen()))
        picker.finished.connect(lambda result: self._forget(picker))
        picker.open()

    def _forget(self, picker: StepPicker) -> None:
        picker.deleteLater()
        if self.picker is picker:
            self.picker = None

    def add(self, source: str, target: str | None) -> bool:
        """Link *source* to *target* as one "Add link" step; refuse itself and duplicates."""
        inspector, document = self.inspector, self.inspector.document
        if target is None or document is None or inspector.stack is None:
            return False
        if target == source:
            inspector.message.emit(translate("Inspector", "A step cannot link to itself."))
            return False
        if any(lk.source == source and lk.target == target for lk in document.journey.links):
            inspector.message.emit(
                translate("Inspector", "'{source}' already links to '{target}'.").format(
                    source=title_of(inspector, source), target=title_of(inspector, target)
                )
            )
            return False
        link = Link(id=document.new_id("links"), source=source, target=target)
        try:
            return perform(inspector.stack, document, translate("Inspector", "Add link"), lambda: document.add(link))
        except EditError as error:
            inspector.message.emit(not_possible(error))
            return False

    def remove_selected(self) -> None:
        item = self.list.currentItem()
        document, stack = self.inspector.document, self.inspector.stack
        if item is None or document is None or stack is None:
            return
        link_id = item.data(ELEMENT)
        try:
            perform(stack, document, translate("Inspector", "Remove link"), lambda: document.remove(link_id))
        except EditError as error:
            self.inspector.message.emit(not_possible(error))


# ------------------------------------------------------------ the picker


class StepPicker(QDialog):
    """Choose a step by typing any part of its title (case and accents ignored)."""

    def __init__(self, steps: list[tuple[str, str, bool]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("step-picker")
        self.setWindowTitle(self.tr("Link to a step"))
        self.filter = QLineEdit()
        self.filter.setObjectName("step-filter")
        self.filter.setPlaceholderText(self.tr("Type part of a step title"))
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName(self.tr("Filter steps"))
        self.filter.setAccessibleDescription(self.tr("Shows only the steps whose title contains this text"))
        self.filter.installEventFilter(self)
        self.list = QListWidget()
        self.list.setObjectName("step-choices")
        self.list.setAccessibleName(self.tr("Steps"))
        self.list.setAccessibleDescription(self.tr("The steps this step can link to"))
        for step_id, title, linked in steps:
            text = self.tr("{title} (already linked)").format(title=title) if linked else title
            item = QListWidgetItem(text)
            item.setData(ELEMENT, step_id)
            item.setData(FOLDED, folded(title))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text)
            self.list.addItem(item)
        self.list.itemActivated.connect(lambda item: self.accept())
        self.empty = QLabel(self.tr("No step matches."))
        self.empty.setObjectName("step-none")
        self.empty.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Link"))
        self.ok.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filter)
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(self.apply_filter)
        self.apply_filter("")
        self.filter.setFocus()

    def apply_filter(self, text: str) -> None:
        """Hide the steps whose title does not contain *text*; the first one left is current."""
        wanted = folded(text.strip())
        first = None
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(wanted not in item.data(FOLDED))
            if first is None and not item.isHidden():
                first = item
        current = self.list.currentItem()
        if current is None or current.isHidden():
            self.list.setCurrentItem(first)
        self.empty.setVisible(first is None)
        self.ok.setEnabled(first is not None)

    def chosen(self) -> str | None:
        item = self.list.currentItem()
        return None if item is None or item.isHidden() else item.data(ELEMENT)

    def accept(self) -> None:
        if self.chosen() is not None:
            super().accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up and Down in the filter move through the list, so the hands stay on the keys."""
        if watched is self.filter and event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                visible = [self.list.item(i) for i in range(self.list.count()) if not self.list.item(i).isHidden()]
                if visible:
                    current = self.list.currentItem()
                    at = visible.index(current) if current in visible else -1
                    at = max(0, min(len(visible) - 1, at + (1 if key == Qt.Key.Key_Down else -1)))
                    self.list.setCurrentItem(visible[at])
                return True
        return super().eventFilter(watched, event)
