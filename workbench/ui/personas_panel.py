"""The Personas dock: the people a map follows, in order, each with its words and its mark.

A list of the personas (the first is the lead) with Add, Remove, Up and
Down, and below it the fields of the persona selected: name, who they are,
goals and frustrations (one a line), and the mark its curves are drawn with
(shape, line, colour). The selected persona is the canvas's active one:
choosing a row makes its curve the one the faces and the inspector edit, and
choosing another persona in the toolbar selects its row here.

Every gesture is one undo step (typing in a field merges by persona and
field, as the inspector does). A new persona takes the first mark of
``MARKS`` no other persona has; removing one takes its emotions and its card
tags with it (one step: Undo brings them all back), and the last persona is
never removed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QColor, QUndoStack
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDockWidget,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from workbench.i18n import ntr, tr
from workbench.model.document import JourneyDocument
from workbench.model.errors import EditError
from workbench.model.events import Change
from workbench.model.fieldwords import LINE_WORDS, SHAPE_WORDS
from workbench.model.journey import LINES, MARKS, MAX_PERSONAS, SHAPES, Card, Persona, Step
from workbench.ui.canvas.focus import CurveFocus
from workbench.ui.commands import perform
from workbench.ui.typing_session import TypingSession
from workbench.ui.messages import not_possible
from workbench.ui.inspector_fields import plain_edit, set_plain, set_text
from workbench.ui.persona_looks import (
    colour_names,
    default_name,
    field_value,
    free_mark,
    numbered_title,
    persona_icon,
    persona_title,
    swatch,
)

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow

translate = QCoreApplication.translate
#: The combo item that opens the colour dialog.
OTHER_COLOUR = "other"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


class PersonasPanel(QWidget):
    """The personas of one document: the list, its buttons and the selected persona's fields."""

    #: A sentence for the status bar.
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personas")
        self.setAccessibleName(self.tr("Personas"))
        self.document: JourneyDocument | None = None
        self.stack: QUndoStack | None = None
        self.focus: CurveFocus | None = None
        self._updating = False
        #: The persona shown; the typing session, part of the undo merge key of typing (see commit).
        self._shown_id: str | None = None
        self.typing = TypingSession(self)
        self._refreshers: list[Callable[[], None]] = []
        outer = QVBoxLayout(self)
        self.list = QListWidget()
        self.list.setObjectName("personas-list")
        self.list.setAccessibleName(self.tr("Personas"))
        self.list.setAccessibleDescription(
            self.tr("The personas of the map, the lead first; the one selected is the one the map edits")
        )
        self.list.setToolTip(self.list.accessibleDescription())
        self.list.setMaximumHeight(130)
        self.list.currentRowChanged.connect(self._row_chosen)
        outer.addWidget(self.list)
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        self.add_button = self._button(self.tr("Add"), "personas-add", self.tr("Add a persona, with a mark of its own"),
                                       self.add_persona, buttons)
        self.remove_button = self._button(
            self.tr("Remove"), "personas-remove",
            self.tr("Remove the selected persona, with its emotions and its card tags (Undo brings them back)"),
            self.remove_persona, buttons)
        self.up_button = self._button(self.tr("Up"), "personas-up", self.tr("Move the selected persona up (the first "
                                                                            "is the lead)"), lambda: self.move(-1), buttons)
        self.down_button = self._button(self.tr("Down"), "personas-down", self.tr("Move the selected persona down"),
                                        lambda: self.move(1), buttons)
        buttons.addStretch(1)
        outer.addLayout(buttons)
        self.hint = QLabel()
        self.hint.setObjectName("personas-hint")
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        self.hint.hide()
        outer.addWidget(self.hint)
        self.form = QFormLayout()
        outer.addLayout(self.form)
        outer.addStretch(1)
        self._build_fields()

    def _button(self, text: str, name: str, tip: str, slot: Callable[[], None], row: QHBoxLayout) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setAccessibleName(text)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setAccessibleDescription(tip)
        button.clicked.connect(slot)
        row.addWidget(button)
        return button

    # ------------------------------------------------------------ fields

    def _build_fields(self) -> None:
        self.name = QLineEdit()
        self._row(self.tr("Name"), "name", self.name, self.tr("The persona's name, shown in the legend and the toolbar"))
        self.name.textEdited.connect(lambda text: self.commit("name", text, self.tr("Name")))
        self.follow(lambda: set_text(self.name, self._value("name")))
        for field, label, purpose, height in (
            ("description", self.tr("Who they are"), self.tr("Who the persona is"), 80),
            ("goals", self.tr("Goals"), self.tr("What the persona wants to achieve, one a line"), 70),
            ("frustrations", self.tr("Frustrations"), self.tr("What frustrates the persona, one a line"), 70),
        ):
            self._text(field, label, purpose, height)
        self.shape = self._combo("shape", self.tr("Mark"), self.tr("The shape of the points of this persona's curves"),
                                 [(s, _capital(tr(SHAPE_WORDS[s]))) for s in SHAPES])
        self.line = self._combo("line", self.tr("Line"), self.tr("The weight of this persona's curves"),
                                [(w, _capital(tr(LINE_WORDS[w]))) for w in LINES])
        self.colour = QComboBox()
        self._row(self.tr("Colour"), "colour", self.colour, self.tr("The colour of this persona's curves and marks"))
        self.colour.activated.connect(self._colour_chosen)
        self.follow(self._show_colour)

    def _row(self, label: str, field: str, widget: QWidget, description: str) -> None:
        widget.setObjectName(f"personas-{field}")
        widget.setAccessibleName(label)
        widget.setAccessibleDescription(description)
        widget.setToolTip(description)
        self.form.addRow(label, widget)

    def _text(self, field: str, label: str, description: str, height: int) -> None:
        edit = plain_edit(f"personas-{field}", height)
        self._row(label, field, edit, description)
        edit.textChanged.connect(lambda: self.commit(field, edit.toPlainText(), label))
        self.follow(lambda: set_plain(edit, self._value(field)))

    def _combo(self, field: str, label: str, description: str, choices: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox()
        for value, text in choices:
            combo.addItem(text, value)
        self._row(label, field, combo, description)
        combo.activated.connect(lambda index: self.commit(field, combo.itemData(index), label))

        def show() -> None:
            index = combo.findData(self._value(field))
            if index >= 0 and combo.currentIndex() != index:
                combo.setCurrentIndex(index)

        self.follow(show)
        return combo

    def follow(self, refresh: Callable[[], None]) -> None:
        self._refreshers.append(refresh)

    def _show_colour(self) -> None:
        persona = self.persona()
        current = persona.colour.lower() if persona is not None else MARKS[0][2]
        combo = self.colour
        names = colour_names()
        wanted = list(names)
        if current not in names:
            wanted.append(current)
        shown = [combo.itemData(i) for i in range(combo.count()) if combo.itemData(i) != OTHER_COLOUR]
        if shown != wanted:
            combo.clear()
            for colour in wanted:
                combo.addItem(swatch(colour), names.get(colour, colour), colour)
            combo.addItem(self.tr("Other colour..."), OTHER_COLOUR)
        index = combo.findData(current)
        if combo.currentIndex() != index:
            combo.setCurrentIndex(index)

    def _colour_chosen(self, index: int) -> None:
        value = self.colour.itemData(index)
        if value == OTHER_COLOUR:
            persona = self.persona()
            start = QColor(persona.colour if persona is not None else MARKS[0][2])
            chosen = QColorDialog.getColor(start, self, self.tr("Colour of the persona"))
            if not chosen.isValid():
                self._refresh()
                return
            value = chosen.name()
        self.commit("colour", value, self.tr("Colour"))
        self._refresh()

    # ------------------------------------------------------------ document

    def attach(self, document: JourneyDocument, stack: QUndoStack, focus: CurveFocus) -> None:
        """Show and edit *document*'s personas; *focus* is the canvas's active curve."""
        if document is self.document and focus is self.focus:
            self._refresh()
            return
        self.detach()
        self.document, self.stack, self.focus = document, stack, focus
        document.changed.connect(self._on_change)
        focus.changed.connect(self._refresh)
        self.hint.hide()
        self._refresh()

    def detach(self) -> None:
        if self.document is not None:
            self.document.changed.disconnect(self._on_change)
        if self.focus is not None:
            try:
                self.focus.changed.disconnect(self._refresh)
            except (RuntimeError, TypeError):
                pass  # the old scene (and its focus) already gone
        self.document = self.stack = self.focus = None

    def persona(self) -> Persona | None:
        """The persona selected: the canvas's active one."""
        if self.document is None:
            return None
        if self.focus is not None and self.focus.document is self.document:
            return self.document.index.persona(self.focus.persona)
        return self.document.personas()[0]

    def _value(self, field: str) -> Any:
        persona = self.persona()
        if persona is None:
            return ""
        value = getattr(persona, field)
        return "\n".join(value) if isinstance(value, list) else value

    def _on_change(self, change: Change) -> None:
        if change.collection == "personas":
            self.hint.hide()  # a refusal said of the personas as they were (an undo brought one back: it stayed)
        if change.collection in ("personas", None):
            self._refresh()

    def _refresh(self) -> None:
        shown = self.persona()
        if (shown.id if shown is not None else None) != self._shown_id:
            self._shown_id = shown.id if shown is not None else None
            self.typing.next()  # typing after coming back to a persona is a new undo step
        self._updating = True
        try:
            self._show_list()
            for refresh in self._refreshers:
                refresh()
        finally:
            self._updating = False

    def _show_list(self) -> None:
        if self.document is None:
            self.list.clear()
            return
        personas = self.document.personas()
        ids = [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]
        if ids != [p.id for p in personas]:
            self.list.clear()
            for _ in personas:
                self.list.addItem(QListWidgetItem())
        for row, persona in enumerate(personas):
            item = self.list.item(row)
            title = persona_title(persona, row + 1)
            if row == 0:
                title = self.tr("{name} (lead)").format(name=title)
            if item.text() != title:
                item.setText(title)
            look = (persona.shape, persona.line, persona.colour)
            if item.data(Qt.ItemDataRole.UserRole + 1) != look:
                item.setIcon(persona_icon(persona))
                item.setData(Qt.ItemDataRole.UserRole + 1, look)
            item.setData(Qt.ItemDataRole.UserRole, persona.id)
        selected = self.persona()
        row = next(i for i, p in enumerate(personas) if selected is not None and p.id == selected.id)
        if self.list.currentRow() != row:
            self.list.setCurrentRow(row)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(row < len(personas) - 1)
        self.add_button.setEnabled(len(personas) < MAX_PERSONAS)

    def _row_chosen(self, row: int) -> None:
        if self._updating or self.focus is None or row < 0:
            return
        item = self.list.item(row)
        self.focus.set_active(persona=item.data(Qt.ItemDataRole.UserRole))

    def _say(self, text: str, refused: bool = False) -> None:
        """A sentence for the status bar; a refusal shows in the panel as well, where the click was."""
        if refused:
            self.hint.setText(text)
            self.hint.show()
        else:
            self.hint.hide()
        self.message.emit(text)

    def _perform(self, label: str, action: Callable[[], Any], merge_key: Any = None) -> bool:
        assert self.document is not None and self.stack is not None
        try:
            return perform(self.stack, self.document, label, action, merge_key)
        except EditError as error:
            self._say(not_possible(error), refused=True)
            self._refresh()
            return False

    # ------------------------------------------------------------- editing

    def commit(self, field: str, value: Any, label: str) -> None:
        persona, doc = self.persona(), self.document
        if self._updating or persona is None or doc is None:
            return
        value = field_value(field, str(value))
        if value == getattr(persona, field):
            return
        self._perform(self.tr("Edit persona {field}").format(field=label.lower()),
                      lambda: doc.update(persona.id, **{field: value}), ("personas", persona.id, field, self.typing.number))

    def add_persona(self) -> None:
        doc = self.document
        if doc is None or self.focus is None:
            return
        personas = doc.personas()
        if len(personas) >= MAX_PERSONAS:
            self._say(self.tr("A map holds at most {limit} personas.").format(limit=MAX_PERSONAS), refused=True)
            return
        shape, line, colour = free_mark(personas)
        names = {p.name for p in personas}
        number = len(personas) + 1
        while default_name(number) in names:
            number += 1
        persona = Persona(id=doc.new_id("personas"), order=max(p.order for p in personas) + 1,
                          name=default_name(number), shape=shape, line=line, colour=colour)  # type: ignore[arg-type]
        if self._perform(self.tr("Add persona"), lambda: doc.add(persona)):
            self.focus.set_active(persona=persona.id)
            self._say(self.tr("Added {persona}: the map now edits their emotions").format(persona=persona.name))
            self.name.setFocus()
            self.name.selectAll()

    def remove_persona(self) -> None:
        doc, persona = self.document, self.persona()
        if doc is None or persona is None:
            return
        personas = doc.personas()
        title = numbered_title(doc, persona.id)
        if len(personas) <= 1:
            self._say(self.tr("{persona} is the only persona: a map needs at least one, so it stays.").format(
                persona=title), refused=True)
            return
        mentioning = doc.index.mentioning(persona.id)
        steps = sum(1 for e in mentioning if isinstance(e, Step))
        cards = sum(1 for e in mentioning if isinstance(e, Card))
        # A card tagged for this persona alone concerns every persona once the tag goes: said, since the health
        # check then counts it for the others (a person "only for Julien" silenced Margaret's findings unsaid).
        alone = sum(1 for e in mentioning if isinstance(e, Card) and e.personas == [persona.id])
        if self._perform(self.tr("Remove persona {persona}").format(persona=title), lambda: doc.remove(persona.id)):
            # (only what there was: "their tag on 0 cards" made a long sentence, cut off by the status bar's counts)
            what = [self.tr("their emotions at {steps}").format(steps=ntr("{count} step", "{count} steps", steps))] if steps else []
            if cards:
                what.append(self.tr("their tags on {cards}").format(cards=ntr("{count} card", "{count} cards", cards)))
            if not what:
                said = self.tr("Removed {persona} (Undo brings them back)").format(persona=title)
            else:
                listed = what[0] if len(what) == 1 else self.tr("{first} and {second}").format(first=what[0], second=what[1])
                said = self.tr("Removed {persona}, with {what} (Undo brings them back)").format(persona=title, what=listed)
            if alone:
                said += ". " + ntr("{count} card that concerned only them now concerns every persona.",
                                  "{count} cards that concerned only them now concern every persona.", alone)
            self._say(said)

    def move(self, delta: int) -> None:
        doc, persona = self.document, self.persona()
        if doc is None or persona is None:
            return
        ids = [p.id for p in doc.personas()]
        index = ids.index(persona.id) + delta
        if not 0 <= index < len(ids):
            return
        label = self.tr("Move persona up") if delta < 0 else self.tr("Move persona down")
        self._perform(label, lambda: doc.move(persona.id, index))
        self.hint.hide()


class PersonasDock(QObject):
    """Keeps one window's Personas panel on the window's current document and scene."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        title = translate("PersonasPanel", "Personas")
        self.panel = PersonasPanel()
        self.dock = QDockWidget(title, window)
        self.dock.setObjectName("personasDock")
        self.dock.setAccessibleName(title)
        from workbench.ui.window_layout import scrolling

        self.dock.setWidget(scrolling(self.panel, "personas-scroll"))
        self.panel.message.connect(window.show_message)
        window.journey_shown.connect(self.attach)
        self.attach()

    def attach(self) -> None:
        window = self.window
        self.panel.attach(window.document, window.stack, window.scene.focus)


def install(window: MainWindow) -> PersonasDock:
    """Give *window* its Personas dock, tabbed with the inspector and the outline (once per window).

    Call after the window's scene and menus exist: the dock's toggle goes in
    the View menu, and the panel follows ``window.journey_shown``.
    """
    existing = window.findChild(PersonasDock)
    if existing is not None:
        return existing
    made = PersonasDock(window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, made.dock)
    partner = getattr(window, "outline_dock", None) or getattr(window, "inspector_dock", None)
    if partner is not None:
        window.tabifyDockWidget(partner, made.dock)
    inspector = getattr(window, "inspector_dock", None)
    if inspector is not None:
        inspector.raise_()
    if getattr(window, "findings_dock", None) is not None:
        from workbench.ui.view_menu import add_dock_toggle

        add_dock_toggle(window, made.dock)
    return made
