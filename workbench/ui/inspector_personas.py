"""The inspector's rows about personas: the active persona's fields, whose emotion a step's
rows edit, and the personas a card concerns (mixed into :class:`~workbench.ui.inspector.Inspector`).

Texts keep the "Inspector" translation context (a mixin's own class name is
not what Qt looks up).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from workbench.model.errors import EditError
from workbench.model.journey import Persona
from workbench.ui.commands import perform
from workbench.ui.inspector_fields import plain_edit, set_checked, set_label, set_plain, set_text
from workbench.ui.messages import not_possible
from workbench.ui.persona_looks import field_value, numbered_title, scenario_names
from workbench.ui.wrapping_check import WrappingCheckBox

translate = QCoreApplication.translate


class PersonaRows:
    """Rows of the Inspector that read and edit personas."""

    def _persona(self) -> Persona:
        """The persona the journey rows show: the canvas's active one."""
        assert self.document is not None
        return self.document.index.persona(self.active_curve()[0])

    def _persona_value(self, field: str) -> str:
        value = getattr(self._persona(), field)
        return "\n".join(value) if isinstance(value, list) else value

    def _commit_persona(self, field: str, text: str, label: str) -> None:
        if self._updating or self.document is None or self.stack is None:
            return
        persona, doc = self._persona(), self.document
        value = field_value(field, text)
        if value == getattr(persona, field):
            return
        try:
            perform(self.stack, doc, translate("Inspector", "Edit {field}").format(field=label.lower()),
                    lambda: doc.update(persona.id, **{field: value}), ("inspector", persona.id, field, self.typing.number))
        except EditError as error:
            self.message.emit(not_possible(error))
            self._refresh()

    def _persona_line(self, label: str, field: str, description: str) -> None:
        edit = QLineEdit()
        edit.setObjectName(f"persona-{field}")
        edit.textEdited.connect(lambda text: self._commit_persona(field, text, label))
        self.add_row(label, edit, description)
        self.follow(lambda: set_text(edit, self._persona_value(field)))

    def _persona_text(self, label: str, field: str, description: str) -> None:
        edit = plain_edit(f"persona-{field}", 70)
        if field in ("goals", "frustrations"):
            edit.setToolTip(translate("Inspector", "One a line"))
        edit.textChanged.connect(lambda: self._commit_persona(field, edit.toPlainText(), label))
        self.add_row(label, edit, description)
        self.follow(lambda: set_plain(edit, self._persona_value(field)))

    def _persona_title(self, persona_id: str) -> str:
        assert self.document is not None
        return numbered_title(self.document, persona_id)

    def _curve_label(self) -> None:
        """Above the emotion rows: whose feeling, in which scenario, they edit (the toolbar chooses)."""
        label = QLabel()
        label.setObjectName("feeling-curve")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setToolTip(translate("Inspector", "Choose the persona and the scenario in the Persona toolbar (Ctrl+Shift+T switches "
                                 "the scenario)"))
        self.form.addRow(label)

        def show() -> None:
            persona, scenario = self.active_curve()
            set_label(label, translate("Inspector", "Emotion of {persona}, {scenario}").format(
                persona=self._persona_title(persona), scenario=scenario_names()[scenario].lower()))

        self.follow(show)

    def _card_personas(self) -> None:
        """One box per persona: the personas the card concerns (none ticked: every one)."""
        assert self.document is not None
        personas = self.document.personas()
        self._built_personas = [p.id for p in personas]
        box = QWidget()
        box.setObjectName("card-personas")
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        label = translate("Inspector", "Personas")
        for persona in personas:
            check = WrappingCheckBox("")  # (a long name wraps rather than widen the panel past its dock)
            check.setObjectName(f"card-persona-{persona.id}")

            def toggled(on: bool, pid: str = persona.id) -> None:
                current = set(self._value("personas"))
                order = [p.id for p in self.document.personas()] if self.document is not None else []
                wanted = [p for p in order if (p == pid and on) or (p != pid and p in current)]
                self.commit("personas", wanted, label, merge=False)

            check.toggled.connect(toggled)
            column.addWidget(check)

            def show(check: QCheckBox = check, pid: str = persona.id) -> None:
                assert self.document is not None
                if pid in self.document:
                    title = self._persona_title(pid)
                    if check.text() != title:
                        check.setText(title)
                        purpose = translate("Inspector", "Tick when this card concerns {persona}")
                        self.describe(check, title, purpose.format(persona=title))
                set_checked(check, pid in self._value("personas"))

            self.follow(show)
        hint = QLabel()
        hint.setObjectName("card-personas-hint")
        hint.setWordWrap(True)
        hint.setTextFormat(Qt.TextFormat.PlainText)
        column.addWidget(hint)
        def say() -> None:
            ticked = len(self._value("personas"))
            set_label(hint, translate("Inspector", "None ticked: the card concerns all personas") if not ticked
                      else translate("Inspector", "The card concerns only this persona") if ticked == 1  # (not "these")
                      else translate("Inspector", "The card concerns only these personas"))

        self.follow(say)
        box.setAccessibleName(label)
        self.form.addRow(label, box)

