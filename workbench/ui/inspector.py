"""The inspector: every field of the selected element (or of the journey).

Each change is a command merged by (element, field), so typing a sentence
is one undo step. Widgets follow the document when it changes elsewhere
(undo, canvas edits), without disturbing the field being typed in.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workbench.model.document import JourneyDocument
from workbench.model.errors import EditError
from workbench.model.events import Change
from workbench.model.journey import (
    INTENTS,
    NATURES,
    SECTORS,
    Card,
    CheckSettings,
    Handoff,
    Lane,
    Link,
    Stage,
    Step,
)
from workbench.model.templates import sector_name
from workbench.ui.commands import perform


class Inspector(QWidget):
    message = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("inspector")
        outer = QVBoxLayout(self)
        self.form = QFormLayout()
        outer.addLayout(self.form)
        outer.addStretch(1)
        self.document: JourneyDocument | None = None
        self.stack: QUndoStack | None = None
        self.element_id: str | None = None
        self._refreshers: list[Callable[[], None]] = []
        self._updating = False

    def set_document(self, document: JourneyDocument, stack: QUndoStack) -> None:
        if self.document is not None:
            self.document.changed.disconnect(self._on_change)
        self.document, self.stack = document, stack
        document.changed.connect(self._on_change)
        self.show_element(None)

    def show_element(self, element_id: str | None) -> None:
        """Rebuild the form for *element_id* (None: the journey itself).

        Showing the element already shown only refreshes the values, so the
        field being typed in keeps its focus and cursor.
        """
        if element_id == self.element_id and self.form.rowCount():
            self._refresh()
            return
        self.element_id = element_id
        while self.form.rowCount():
            self.form.removeRow(0)
        self._refreshers = []
        if self.document is None:
            return
        element = self.document.find(element_id) if element_id else None
        if isinstance(element, Step):
            self._line(self.tr("Title"), "title")
            self._text(self.tr("Description"), "description")
            self._emotion()
            self._line(self.tr("Emotion note"), "emotion_note")
            self._check(self.tr("Moment of truth"), "moment_of_truth")
            self._check(self.tr("Goal or end of the journey"), "goal")
            self._check(self.tr("Served in person on purpose"), "deliberate_exit")
            self._check(self.tr("The customer re-enters earlier data here"), "data_reentered")
        elif isinstance(element, Card):
            self.form.addRow(self.tr("Kind"), QLabel(self.kind_names()[element.kind]))
            self._text(self.tr("Text"), "text")
            if element.kind == "touchpoint":
                self._line(self.tr("Channel"), "channel")
                natures = {"digital": self.tr("Digital"), "human": self.tr("Human"), "physical": self.tr("Physical")}
                self._combo(self.tr("Nature"), "nature", [(n, natures[n]) for n in NATURES])
            self._intents()
        elif isinstance(element, Handoff):
            self._line(self.tr("Trigger"), "trigger")
            self._check(self.tr("Context carried over"), "context_carried")
            self._line(self.tr("Expected wait"), "expected_wait")
            steps = [(None, self.tr("(none)"))] + [(s.id, s.title) for s in self.document.steps()]
            self._combo(self.tr("Return step"), "return_step", steps)
        elif isinstance(element, (Stage, Lane)):
            self._line(self.tr("Title"), "title")
            if isinstance(element, Stage):
                self._text(self.tr("Description"), "description")
        elif isinstance(element, Link):
            self._line(self.tr("Label"), "label")
        else:
            self.element_id = None
            self._line(self.tr("Title"), "title")
            self._combo(self.tr("Sector"), "sector", [(s, sector_name(s)) for s in SECTORS])
            self._combo(self.tr("Language"), "language", [("en", "English"), ("fr", "Français")])
            self._text(self.tr("Scenario"), "scenario")
            self._persona_line(self.tr("Persona"), "name")
            self._persona_text(self.tr("Who they are"), "description")
            self._persona_text(self.tr("Goals"), "goals")
            self._persona_text(self.tr("Frustrations"), "frustrations")
            self._authors()
            self._text(self.tr("Notes"), "notes")
            self._threshold(self.tr("Person within"), "human_within", 0, 50)
            self._threshold(self.tr("Emotion cliff"), "cliff", 1, 4)
        self._refresh()

    def kind_names(self) -> dict[str, str]:
        return {
            "action": self.tr("Customer action"),
            "touchpoint": self.tr("Touchpoint"),
            "thought": self.tr("Thought"),
            "pain_point": self.tr("Pain point"),
            "opportunity": self.tr("Opportunity"),
            "backstage": self.tr("Backstage"),
            "note": self.tr("Note"),
        }

    # ------------------------------------------------------------ editing

    def _value(self, field: str) -> Any:
        assert self.document is not None
        source = self.document.get(self.element_id) if self.element_id else self.document.journey
        return getattr(source, field)

    def commit(self, field: str, value: Any, label: str) -> None:
        if self._updating or self.document is None or self.stack is None or value == self._value(field):
            return
        doc, element_id = self.document, self.element_id

        def action():  # type: ignore[no-untyped-def]
            if element_id is None:
                return doc.update_journey(**{field: value})
            return doc.update(element_id, **{field: value})

        try:
            perform(self.stack, doc, self.tr("Edit {field}").format(field=label.lower()), action, (element_id, field))
        except EditError as error:
            self.message.emit(self.tr("Not possible: {reason}").format(reason=error))
            self._refresh()

    def _line(self, label: str, field: str) -> None:
        edit = QLineEdit()
        edit.setObjectName(field)
        edit.textEdited.connect(lambda text: self.commit(field, text if text or field != "channel" else None, label))
        self.form.addRow(label, edit)
        self._refreshers.append(lambda: _set_text(edit, self._value(field) or ""))

    def _text(self, label: str, field: str) -> None:
        edit = QPlainTextEdit()
        edit.setObjectName(field)
        edit.setMaximumHeight(90)
        edit.textChanged.connect(lambda: self.commit(field, edit.toPlainText(), label))
        self.form.addRow(label, edit)
        self._refreshers.append(lambda: _set_plain(edit, self._value(field) or ""))

    def _persona_value(self, field: str) -> str:
        value = getattr(self._value("persona"), field)
        return "\n".join(value) if isinstance(value, list) else value

    def _commit_persona(self, field: str, text: str, label: str) -> None:
        persona = self._value("persona")
        value: object = [line.strip() for line in text.splitlines() if line.strip()] if field in ("goals", "frustrations") else text
        if value != getattr(persona, field):
            self.commit("persona", persona.model_copy(update={field: value}), label)

    def _persona_line(self, label: str, field: str) -> None:
        edit = QLineEdit()
        edit.setObjectName(f"persona-{field}")
        edit.textEdited.connect(lambda text: self._commit_persona(field, text, label))
        self.form.addRow(label, edit)
        self._refreshers.append(lambda: _set_text(edit, self._persona_value(field)))

    def _persona_text(self, label: str, field: str) -> None:
        edit = QPlainTextEdit()
        edit.setObjectName(f"persona-{field}")
        edit.setMaximumHeight(70)
        if field in ("goals", "frustrations"):
            edit.setToolTip(self.tr("One a line"))
        edit.textChanged.connect(lambda: self._commit_persona(field, edit.toPlainText(), label))
        self.form.addRow(label, edit)
        self._refreshers.append(lambda: _set_plain(edit, self._persona_value(field)))

    def _authors(self) -> None:
        label = self.tr("Authors")
        edit = QLineEdit()
        edit.setObjectName("authors")
        edit.setToolTip(self.tr("Separated by commas"))
        edit.textEdited.connect(
            lambda text: self.commit("authors", [a.strip() for a in text.split(",") if a.strip()], label)
        )
        self.form.addRow(label, edit)
        self._refreshers.append(lambda: _set_text(edit, ", ".join(self._value("authors"))))

    def _threshold(self, label: str, field: str, low: int, high: int) -> None:
        """A health check threshold; the journey keeps it once changed."""
        box = QSpinBox()
        box.setObjectName(f"checks-{field}")
        box.setRange(low, high)
        box.setToolTip(
            self.tr("Health check: how many steps away a person still counts as within reach")
            if field == "human_within"
            else self.tr("Health check: a drop of this many emotion levels is a cliff")
        )

        def changed(value: int) -> None:
            current = self._value("checks") or CheckSettings()
            self.commit("checks", current.model_copy(update={field: value}), label)

        box.valueChanged.connect(changed)
        self.form.addRow(label, box)
        self._refreshers.append(lambda: _set_spin(box, getattr(self._value("checks") or CheckSettings(), field)))

    def _check(self, label: str, field: str) -> None:
        box = QCheckBox(label)
        box.setObjectName(field)
        box.toggled.connect(lambda on: self.commit(field, on, label))
        self.form.addRow("", box)
        self._refreshers.append(lambda: _set_checked(box, bool(self._value(field))))

    def _combo(self, label: str, field: str, choices: list[tuple[Any, str]]) -> None:
        combo = QComboBox()
        combo.setObjectName(field)
        for value, text in choices:
            combo.addItem(text, value)
        combo.activated.connect(lambda index: self.commit(field, combo.itemData(index), label))
        self.form.addRow(label, combo)
        self._refreshers.append(lambda: _set_combo(combo, self._value(field)))

    def _emotion(self) -> None:
        levels = [
            (None, self.tr("(none)")),
            (2, self.tr("+2 very positive")),
            (1, self.tr("+1 positive")),
            (0, self.tr("0 neutral")),
            (-1, self.tr("-1 negative")),
            (-2, self.tr("-2 very negative")),
        ]
        self._combo(self.tr("Emotion"), "emotion", levels)

    def _intents(self) -> None:
        names = {
            "welcome": self.tr("Welcome"),
            "guide": self.tr("Guide"),
            "assist": self.tr("Assist"),
            "anticipate": self.tr("Anticipate"),
        }
        for intent in INTENTS:
            box = QCheckBox(names[intent])
            box.setObjectName(f"intent-{intent}")

            def toggled(on: bool, intent: str = intent) -> None:
                current = list(self._value("intents"))
                wanted = [i for i in INTENTS if (i == intent and on) or (i != intent and i in current)]
                self.commit("intents", wanted, self.tr("Intents"))

            box.toggled.connect(toggled)
            self.form.addRow("" if intent != "welcome" else self.tr("Intents"), box)
            self._refreshers.append(lambda box=box, intent=intent: _set_checked(box, intent in self._value("intents")))

    # ---------------------------------------------------------- following

    def _on_change(self, change: Change) -> None:
        if self.element_id is not None and self.document is not None and self.element_id not in self.document:
            self.show_element(None)
        elif change.id is None or change.id == self.element_id:
            self._refresh()

    def _refresh(self) -> None:
        self._updating = True
        try:
            for refresh in self._refreshers:
                refresh()
        finally:
            self._updating = False

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self._refresh()
        super().showEvent(event)

    def refresh(self) -> None:
        self._refresh()


def _set_text(edit: QLineEdit, value: str) -> None:
    if edit.text() != value and not edit.hasFocus():
        edit.setText(value)
        edit.setCursorPosition(0)


def _set_plain(edit: QPlainTextEdit, value: str) -> None:
    if edit.toPlainText() != value and not edit.hasFocus():
        edit.blockSignals(True)
        edit.setPlainText(value)
        edit.blockSignals(False)


def _set_spin(box: QSpinBox, value: int) -> None:
    if box.value() != value:
        box.blockSignals(True)
        box.setValue(value)
        box.blockSignals(False)


def _set_checked(box: QCheckBox, value: bool) -> None:
    if box.isChecked() != value:
        box.setChecked(value)


def _set_combo(combo: QComboBox, value: Any) -> None:
    index = combo.findData(value)
    if index >= 0 and combo.currentIndex() != index:
        combo.setCurrentIndex(index)
