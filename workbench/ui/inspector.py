"""The inspector: every field of the selected element (or of the journey).

Each change is a command merged by (element, field, typing session), so
typing a sentence is one undo step, and coming back to the field later
another (see typing_session.py). Widgets follow the document when it changes elsewhere
(undo, canvas edits), without disturbing the field being typed in.
Every field carries its label as accessible name and says what it is for,
and Tab visits the fields top to bottom. Links live in inspector_links.py.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
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
from workbench.model.feelings import feeling, with_feeling
from workbench.model.templates import sector_name
from workbench.ui.canvas.focus import CurveFocus
from workbench.ui.commands import perform
from workbench.ui.inspector_fields import plain_edit, set_checked, set_combo, set_label, set_plain, set_spin, set_text
from workbench.ui.inspector_links import StepLinks, link_rows
from workbench.ui.inspector_personas import PersonaRows
from workbench.ui.messages import not_possible
from workbench.ui.typing_session import TypingSession
from workbench.ui.wrapping_check import WrappingCheckBox


class Inspector(PersonaRows, QWidget):
    message = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("inspector")
        outer = QVBoxLayout(self)
        self.form = QFormLayout()
        # In a narrow dock a field too wide beside its label goes under it: nothing is cut on the right.
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        outer.addLayout(self.form)
        outer.addStretch(1)
        self.document: JourneyDocument | None = None
        self.stack: QUndoStack | None = None
        self.element_id: str | None = None
        #: Part of the undo merge key of typing (see commit): moves on with each field come to, each element shown.
        self.typing = TypingSession(self)
        self._refreshers: list[Callable[[], None]] = []
        self._updating = False
        self.step_links: StepLinks | None = None
        #: The personas a card's boxes were made for (rebuilt when they change).
        self._built_personas: list[str] = []
        #: What the form's rows are made for (see _rows_of): another element of the same keeps them.
        self._shape: tuple[str, ...] | None = None
        #: The canvas's active persona and scenario (set with the document; None: the lead, "as is").
        self.focus: CurveFocus | None = None

    def set_document(self, document: JourneyDocument, stack: QUndoStack, focus: CurveFocus | None = None) -> None:
        if self.document is not None:
            self.document.changed.disconnect(self._on_change)
        if self.focus is not None:
            self.focus.changed.disconnect(self._refresh)
        self.document, self.stack, self.focus = document, stack, focus
        self._shape = None
        if focus is not None:
            focus.changed.connect(self._refresh)
        document.changed.connect(self._on_change)
        self.show_element(None)

    def show_element(self, element_id: str | None) -> None:
        """Rebuild the form for *element_id* (None: the journey itself).

        Showing the element already shown only refreshes the values, so the
        field being typed in keeps its focus and cursor.
        """
        if element_id != self.element_id:
            self.typing.next()  # typing after coming back to an element is a new undo step
        if element_id == self.element_id and self.form.rowCount():
            self._refresh()
            return
        element = self.document.find(element_id) if self.document is not None and element_id else None
        shape = _rows_of(element)
        focused = QApplication.focusWidget()
        typing = focused is not None and self.isAncestorOf(focused)  # (a field being typed in keeps its text)
        if shape is not None and shape == self._shape and self.form.rowCount() and not typing:
            self.element_id = element_id  # the same rows, another element's values (a step, then the next one)
            self._refresh()
            return
        self.element_id = element_id
        self._shape = shape
        self._built_personas: list[str] = []
        while self.form.rowCount():
            self.form.removeRow(0)
        self._refreshers = []
        self.step_links = None
        if self.document is None:
            return
        if isinstance(element, Step):
            self.line(self.tr("Title"), "title", self.tr("The name of the step, shown on the map"))
            self._text(self.tr("Description"), "description", self.tr("What happens in this step"))
            self._curve_label()
            self._emotion()
            self.line(self.tr("Emotion note"), "feeling.note", self.tr("Why the customer feels this way here"))
            self._check(self.tr("Moment of truth"), "moment_of_truth",
                        self.tr("A moment that decides whether the customer stays or leaves"))
            self._check(self.tr("Goal reached"), "goal",
                        self.tr("A milestone: the customer may stop here or go on; the health check does not call "
                                "it a dead end"))
            self._check(self.tr("End of the journey"), "end",
                        self.tr("Nothing follows this step in sequence: the flow stops here (draw alternatives "
                                "with links)"))
            self._check(self.tr("Served in person on purpose"), "deliberate_exit",
                        self.tr("Leaving the digital path here is intended, not a forced exit"))
            self._check(self.tr("The customer re-enters earlier data here"), "data_reentered",
                        self.tr("The customer types again what they gave before: the health check flags it"))
            self.step_links = StepLinks(self)
        elif isinstance(element, Card):
            self.form.addRow(self.tr("Kind"), QLabel(self.kind_names()[element.kind]))
            self._text(self.tr("Text"), "text", self.tr("The text of the card, shown on the map"))
            if element.kind == "touchpoint":
                self.line(self.tr("Channel"), "channel",
                          self.tr("Where the contact happens, for example a mobile app or a phone call"))
                natures = {"digital": self.tr("Digital"), "human": self.tr("Human"), "physical": self.tr("Physical")}
                self._combo(self.tr("Nature"), "nature", [(n, natures[n]) for n in NATURES],
                            self.tr("Whether a screen, a person or a place serves the customer"))
            self._intents()
            self._card_personas()
        elif isinstance(element, Handoff):
            self.line(self.tr("Trigger"), "trigger", self.tr("What makes the customer move to a person"))
            self._check(self.tr("Context carried over"), "context_carried",
                        self.tr("The person receives what the customer already said or typed"))
            self.line(self.tr("Expected wait"), "expected_wait",
                      self.tr("How long the customer waits for the person, for example two days"))
            steps = [(None, self.tr("(none)"))] + [(s.id, s.title) for s in self.document.steps()]
            self._combo(self.tr("Return step"), "return_step", steps,
                        self.tr("The step the customer comes back to after the handoff"))
        elif isinstance(element, (Stage, Lane)):
            self.line(self.tr("Title"), "title", self.tr("The name shown on the map"))
            if isinstance(element, Stage):
                self._text(self.tr("Description"), "description", self.tr("What this stage of the journey covers"))
        elif isinstance(element, Link):
            link_rows(self)
        else:
            self.element_id = None
            self._journey_rows()
        self._chain_focus()
        self._refresh()

    def _journey_rows(self) -> None:
        self.line(self.tr("Title"), "title", self.tr("The name of the journey, shown on the map and in the PDF"))
        self._combo(self.tr("Sector"), "sector", [(s, sector_name(s)) for s in SECTORS],
                    self.tr("The sector the journey belongs to"))
        self._combo(self.tr("Language"), "language", [("en", "English"), ("fr", "Français")],
                    self.tr("The language the journey is written in; the PDF follows it"))
        self._text(self.tr("Scenario"), "scenario", self.tr("The situation the journey follows"))
        pointer = QLabel()
        pointer.setObjectName("persona-pointer")
        pointer.setWordWrap(True)
        pointer.setTextFormat(Qt.TextFormat.PlainText)
        self.form.addRow(pointer)
        self.follow(lambda: set_label(pointer, self.tr(
            "The fields of {persona}, the persona the map edits; every persona is in the Personas panel").format(
                persona=self._persona_title(self.active_curve()[0]))))
        self._persona_line(self.tr("Persona"), "name", self.tr("The name of the customer this journey follows"))
        self._persona_text(self.tr("Who they are"), "description", self.tr("Who the persona is"))
        self._persona_text(self.tr("Goals"), "goals", self.tr("What the persona wants to achieve, one a line"))
        self._persona_text(self.tr("Frustrations"), "frustrations", self.tr("What frustrates the persona, one a line"))
        self._authors()
        self._text(self.tr("Notes"), "notes", self.tr("Free notes about the journey"))
        self._threshold(self.tr("Person within"), "human_within", 0, 50)
        self._threshold(self.tr("Emotion cliff"), "cliff", 1, 4)

    # ------------------------------------------------------------- rows

    def add_row(self, label: str, widget: QWidget, description: str = "") -> None:
        """Add a row; with *description*, the field is named after *label* for assistive technology."""
        if description:
            self.describe(widget, label, description)
        self.form.addRow(label, widget)

    def describe(self, widget: QWidget, name: str, description: str) -> None:
        widget.setAccessibleName(name)
        widget.setAccessibleDescription(description)
        if not widget.toolTip():
            widget.setToolTip(description)

    def follow(self, refresh: Callable[[], None]) -> None:
        """Call *refresh* whenever the document may have changed what a row shows."""
        self._refreshers.append(refresh)

    def focus_chain(self) -> list[QWidget]:
        """The fields Tab visits, in the order of the rows (top to bottom), left to right within a row."""
        out: list[QWidget] = []
        for row in range(self.form.rowCount()):
            item = self.form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            widget = item.widget() if item is not None else None
            if widget is None:
                continue
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                out.append(widget)
            else:
                children = widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
                out += [w for w in children if w.focusPolicy() & Qt.FocusPolicy.TabFocus]
        return out

    def _chain_focus(self) -> None:
        chain = self.focus_chain()
        for first, second in zip(chain, chain[1:]):
            QWidget.setTabOrder(first, second)

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

    def active_curve(self) -> tuple[str, str]:
        """The persona and scenario the emotion rows edit: the canvas's active ones."""
        if self.focus is not None and self.focus.document is self.document:
            return self.focus.active
        assert self.document is not None
        return (self.document.index.personas()[0].id, "as_is")

    def _value(self, field: str) -> Any:
        assert self.document is not None
        source = self.document.get(self.element_id) if self.element_id else self.document.journey
        if field.startswith("feeling."):
            entry = feeling(source, *self.active_curve())  # type: ignore[arg-type]
            part = field.partition(".")[2]
            return getattr(entry, part) if entry is not None else (None if part == "value" else "")
        return getattr(source, field)

    def commit(self, field: str, value: Any, label: str, merge: bool = True) -> None:
        if self._updating or self.document is None or self.stack is None or value == self._value(field):
            return
        doc, element_id = self.document, self.element_id

        curve = self.active_curve()

        def action():  # type: ignore[no-untyped-def]
            if element_id is None:
                return doc.update_journey(**{field: value})
            if field.startswith("feeling."):
                step = doc.get(element_id)
                part = {field.partition(".")[2]: value}
                return doc.update(element_id, emotions=with_feeling(step, *curve, **part))  # type: ignore[arg-type]
            return doc.update(element_id, **{field: value})

        # Keystrokes in one field merge into one undo step: the same element, field and curve, while it
        # stays shown (see show_element).
        key = ("inspector", element_id, field, curve if field.startswith("feeling.") else None, self.typing.number)
        try:
            perform(self.stack, doc, self.tr("Edit {field}").format(field=label.lower()), action,
                    key if merge else None)
        except EditError as error:
            self.message.emit(not_possible(error))
            self._refresh()

    def line(self, label: str, field: str, description: str) -> None:
        edit = QLineEdit()
        edit.setObjectName(field)
        edit.textEdited.connect(lambda text: self.commit(field, text if text or field != "channel" else None, label))
        self.add_row(label, edit, description)
        self.follow(lambda: set_text(edit, self._value(field) or ""))

    def _text(self, label: str, field: str, description: str) -> None:
        edit = plain_edit(field, 90)
        edit.textChanged.connect(lambda: self.commit(field, edit.toPlainText(), label))
        self.add_row(label, edit, description)
        self.follow(lambda: set_plain(edit, self._value(field) or ""))

    def _authors(self) -> None:
        label = self.tr("Authors")
        edit = QLineEdit()
        edit.setObjectName("authors")
        edit.setToolTip(self.tr("Separated by commas"))
        edit.textEdited.connect(
            lambda text: self.commit("authors", [a.strip() for a in text.split(",") if a.strip()], label)
        )
        self.add_row(label, edit, self.tr("The people who wrote the journey, separated by commas"))
        self.follow(lambda: set_text(edit, ", ".join(self._value("authors"))))

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
        self.add_row(label, box, box.toolTip())
        self.follow(lambda: set_spin(box, getattr(self._value("checks") or CheckSettings(), field)))

    def _check(self, label: str, field: str, description: str) -> None:
        box = WrappingCheckBox(label)  # (a long label wraps rather than widen the panel past its dock)
        box.setObjectName(field)
        box.toggled.connect(lambda on: self.commit(field, on, label))
        self.describe(box, label, description)
        self.form.setWidget(self.form.rowCount(), QFormLayout.ItemRole.FieldRole, box)  # (no label: no wrapped row)
        self.follow(lambda: set_checked(box, bool(self._value(field))))

    def _combo(self, label: str, field: str, choices: list[tuple[Any, str]], description: str) -> None:
        combo = QComboBox()
        combo.setObjectName(field)
        # As narrow as the dock wants (a step's long title is cut in the box, whole in its list).
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(10)
        for value, text in choices:
            combo.addItem(text, value)
        combo.activated.connect(lambda index: self.commit(field, combo.itemData(index), label))
        self.add_row(label, combo, description)
        self.follow(lambda: set_combo(combo, self._value(field)))

    def _emotion(self) -> None:
        levels = [
            (None, self.tr("(none)")),
            (2, self.tr("+2 very positive")),
            (1, self.tr("+1 positive")),
            (0, self.tr("0 neutral")),
            (-1, self.tr("-1 negative")),
            (-2, self.tr("-2 very negative")),
        ]
        self._combo(self.tr("Emotion"), "feeling.value", levels,
                    self.tr("How the customer feels at this step, from very negative to very positive"))

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
            purpose = self.tr("Tick when this card serves the humanising intent: {intent}")
            self.describe(box, names[intent], purpose.format(intent=names[intent]))
            self.form.addRow("" if intent != "welcome" else self.tr("Intents"), box)
            self.follow(lambda box=box, intent=intent: set_checked(box, intent in self._value("intents")))

    # ---------------------------------------------------------- following

    def _on_change(self, change: Change) -> None:
        if self.element_id is not None and self.document is not None and self.element_id not in self.document:
            self.show_element(None)
        elif (change.collection == "personas" and self._built_personas
              and self._built_personas != [p.id for p in self.document.personas()]):  # type: ignore[union-attr]
            element_id, self.element_id, self._shape = self.element_id, None, None
            self.show_element(element_id)  # a box per persona: persona added, removed or moved
        elif change.id is None or change.id == self.element_id or change.collection == "personas":
            self._refresh()
        elif change.collection in ("links", "steps", "stages"):
            self._refresh_others()

    def _refresh_others(self) -> None:
        """Another step, stage or link changed: only the rows that show other steps follow (a step's links out,
        with their targets' titles and time order; a link's or a handoff's rows). Refreshing every row of a
        step's form cost 1.3 ms on each step added before it."""
        if self.step_links is not None:
            self.step_links.refresh()
        elif isinstance(self.document.find(self.element_id) if self.element_id else None, (Link, Handoff)):  # type: ignore[union-attr]
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


def _rows_of(element: object) -> tuple[str, ...] | None:
    """What the inspector's rows for *element* are made of: two elements alike share the rows (None: never)."""
    if isinstance(element, Card):
        return ("card", element.kind)
    if isinstance(element, (Step, Stage, Lane)):  # (a handoff's list of return steps is made with its rows)
        return (type(element).__name__,)
    return None
