"""The Persona toolbar: whose emotion curve, and which scenario, the canvas edits.

The toolbar holds two combos bound to the canvas's :class:`CurveFocus` both
ways: choosing a persona or a scenario makes that curve the active one (its
faces are dragged, the inspector's emotion rows set it), and a change of the
focus from elsewhere (the legend, a persona removed, undo) shows in the combos.
The persona list follows the document: a persona added, removed, renamed,
given another mark or moved shows at once. Ctrl+Shift+T switches between
"as is" and "to be" (also in the View menu).

:func:`install` adds it to a window, which only has to emit ``journey_shown``
after each new document and scene; :func:`persona_icon` and
:func:`persona_title` are shared with the Personas panel.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QLabel, QToolBar

from workbench.model.document import JourneyDocument
from workbench.model.events import Change
from workbench.model.journey import SCENARIOS
from workbench.ui.canvas.focus import CurveFocus
from workbench.ui.persona_looks import numbered_title, persona_icon, persona_title, scenario_names

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow

translate = QCoreApplication.translate


class PersonaBar(QObject):
    """One window's Persona toolbar, following the window's scene and document."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.focus: CurveFocus | None = None
        self.document: JourneyDocument | None = None
        self._updating = False
        self.toolbar = QToolBar(self.tr("Persona"), window)
        self.toolbar.setObjectName("personaBar")
        self.toolbar.setAccessibleName(self.tr("Persona"))
        self.toolbar.setToolTip(self.tr("Whose emotions the map edits, as the journey is or as it should be"))
        persona_label = QLabel(self.tr("Persona") + " ")
        self.personas = QComboBox()
        self.personas.setObjectName("activePersona")
        self.personas.setAccessibleName(self.tr("Active persona"))
        self.personas.setAccessibleDescription(self.tr("The persona whose emotions the faces and the inspector edit"))
        self.personas.setToolTip(self.personas.accessibleDescription())
        # As wide as a name of about 24 characters, never wider: a long name is cut in the box
        # (whole in its list and its tooltip), so the toolbar keeps its place on a laptop.
        self.personas.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.personas.setMinimumContentsLength(24)
        persona_label.setBuddy(self.personas)
        scenario_label = QLabel("  " + self.tr("Scenario") + " ")
        self.scenarios = QComboBox()
        self.scenarios.setObjectName("activeScenario")
        self.scenarios.setAccessibleName(self.tr("Active scenario"))
        self.scenarios.setAccessibleDescription(
            self.tr("The journey as it is today, or as the team wants it to be (Ctrl+Shift+T switches)")
        )
        self.scenarios.setToolTip(self.scenarios.accessibleDescription())
        for key, text in scenario_names().items():
            self.scenarios.addItem(text, key)
        scenario_label.setBuddy(self.scenarios)
        self.toolbar.addWidget(persona_label)
        self.toolbar.addWidget(self.personas)
        self.toolbar.addWidget(scenario_label)
        self.toolbar.addWidget(self.scenarios)
        self.personas.activated.connect(self._persona_chosen)
        self.scenarios.activated.connect(self._scenario_chosen)
        self.switch_action = QAction(self.tr("Switch &Scenario (As Is / To Be)"), window)
        self.switch_action.setObjectName("switch-scenario")
        self.switch_action.setShortcut(QKeySequence("Ctrl+Shift+T"))
        self.switch_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        tip = self.tr("Edit the other scenario's emotions: as is or to be")
        self.switch_action.setStatusTip(tip)
        self.switch_action.setToolTip(tip)
        self.switch_action.triggered.connect(self.switch_scenario)
        window.addAction(self.switch_action)  # works while the menu bar is hidden (presentation)
        window.journey_shown.connect(self.attach)
        self.attach()

    # ------------------------------------------------------------ following

    def attach(self) -> None:
        """Follow the window's current scene and document (again after each new journey)."""
        focus, document = self.window.scene.focus, self.window.document
        if focus is self.focus and document is self.document:
            self.refresh()
            return
        self.detach()
        self.focus, self.document = focus, document
        focus.changed.connect(self.refresh)
        document.changed.connect(self._on_change)
        self.refresh()

    def detach(self) -> None:
        if self.focus is not None:
            try:
                self.focus.changed.disconnect(self.refresh)
            except (RuntimeError, TypeError):
                pass  # the old scene (and its focus) already gone
        if self.document is not None:
            self.document.changed.disconnect(self._on_change)
        self.focus = self.document = None

    def _on_change(self, change: Change) -> None:
        if change.collection == "personas" or change.collection is None:
            self.refresh()

    def refresh(self) -> None:
        """The combos show the document's personas and the focus's active curve."""
        if self.focus is None or self.document is None:
            return
        self._updating = True
        try:
            persona, scenario = self.focus.active
            personas = self.document.personas()
            combo = self.personas
            wanted = [(persona_title(p, n), p.id, (p.shape, p.line, p.colour)) for n, p in enumerate(personas, 1)]
            shown = [(combo.itemText(i), combo.itemData(i), combo.itemData(i, Qt.ItemDataRole.UserRole + 1))
                     for i in range(combo.count())]
            if wanted != shown:
                combo.clear()
                for (title, pid, look), p in zip(wanted, personas):
                    combo.addItem(persona_icon(p), title, pid)
                    combo.setItemData(combo.count() - 1, look, Qt.ItemDataRole.UserRole + 1)
            index = combo.findData(persona)
            if index >= 0 and combo.currentIndex() != index:
                combo.setCurrentIndex(index)
            index = self.scenarios.findData(scenario)
            if index >= 0 and self.scenarios.currentIndex() != index:
                self.scenarios.setCurrentIndex(index)
        finally:
            self._updating = False

    # ------------------------------------------------------------- choosing

    def _persona_chosen(self, index: int) -> None:
        if not self._updating and self.focus is not None and index >= 0:
            self.focus.set_active(persona=self.personas.itemData(index))
            self._say()

    def _scenario_chosen(self, index: int) -> None:
        if not self._updating and self.focus is not None and index >= 0:
            self.focus.set_active(scenario=self.scenarios.itemData(index))
            self._say()

    def switch_scenario(self) -> None:
        """As is <-> to be."""
        if self.focus is None:
            return
        other = SCENARIOS[1 - SCENARIOS.index(self.focus.scenario)]
        self.focus.set_active(scenario=other)
        self._say()

    def _say(self) -> None:
        """The status bar names the curve the map now edits."""
        if self.focus is None or self.document is None:
            return
        persona, scenario = self.focus.active
        title = numbered_title(self.document, persona)
        show = getattr(self.window, "show_message", None)
        if show is not None:
            show(self.tr("Editing the emotions of {persona}, {scenario}").format(
                persona=title, scenario=scenario_names()[scenario].lower()))


def _view_menu(window: MainWindow):  # type: ignore[no-untyped-def]
    """The View menu (the one holding the Findings dock's toggle), or None."""
    findings = getattr(window, "findings_dock", None)
    if findings is None:
        return None
    toggle = findings.toggleViewAction()
    return next((a.menu() for a in window.menuBar().actions() if a.menu() and toggle in a.menu().actions()), None)


def install(window: MainWindow) -> PersonaBar:
    """Give *window* its Persona toolbar (once: a second call returns the first bar).

    Call after the window's scene exists (and its menus, for the View menu's
    item); the bar follows ``window.journey_shown`` from then on.
    """
    existing = window.findChild(PersonaBar)
    if existing is not None:
        return existing
    bar = PersonaBar(window)
    window.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar.toolbar)
    menu = _view_menu(window)
    if menu is not None:
        actions = menu.actions()
        present = getattr(getattr(window, "actions", None), "present", None)
        after = actions.index(present) + 1 if present in actions else len(actions)
        menu.insertAction(actions[after] if after < len(actions) else None, bar.switch_action)
    return bar
