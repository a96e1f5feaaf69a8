"""The Merge conflicts dock: what ``workbench merge`` could not reconcile, resolved one click each.

The dock appears, raised, when a journey holding conflicts is shown, and is
hidden for a journey without any. Each conflict is a row (see
:mod:`~workbench.ui.conflicts_rows`); "Keep mine" and "Take theirs" perform
:func:`workbench.model.conflicts.resolve` as one undo step named after it,
through the same :func:`~workbench.ui.commands.perform` as the Findings'
one-click fixes, so Undo brings back the value and the conflict together.
The list follows the document's change events: undo, redo, and any edit
that renames an element a row mentions. When none is left, the dock says so
and asks for a save, which finishes the merge; once saved, it says the merge is finished.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDockWidget, QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from workbench.i18n import ntr
from workbench.model.conflicts import NAMED, REFERENCES, Side, consequences, find, label, resolve
from workbench.model.document import JourneyDocument
from workbench.model.errors import EditError
from workbench.model.events import Change
from workbench.model.journey import Conflict
from workbench.ui import messages
from workbench.ui.commands import perform
from workbench.ui.conflicts_rows import ConflictRow
from workbench.ui.finding_fixes import window_stack

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow

#: The height the dock asks for when a journey with conflicts is shown (two rows and the summary).
ROOM = 250


#: Both sides of a conflict.
SIDES: tuple[Side, Side] = ("ours", "theirs")
#: The fields by which an element belongs to, or refers to, another.
LINKS = ("step", "lane", "stage", "source", "target", "return_step")


#: The fields by which a step or card names a persona (its feelings, its tags).
MENTIONS = ("emotions", "personas")


def _mentions(element: object, ids: set[str]) -> bool:
    """Whether a step's feelings or a card's tags name one of *ids* (a persona a removal would take)."""
    return any(getattr(f, "persona", None) in ids for f in getattr(element, "emotions", ())) \
        or any(tag in ids for tag in getattr(element, "personas", ()))


def count_message(count: int) -> str:
    """The status bar's news when a journey with conflicts is shown."""
    return ntr(
        "This journey holds {count} merge conflict to resolve", "This journey holds {count} merge conflicts to resolve", count
    )


class ConflictsPanel(QWidget):
    """The conflicts of the document shown, one row each, with the buttons that resolve them."""

    #: Elements to select on the canvas (a row was clicked).
    activated = Signal(list)
    #: A sentence for the status bar.
    message = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("conflicts")
        self.setAccessibleName(self.tr("Merge conflicts"))
        self.document: JourneyDocument | None = None
        self._stack: QUndoStack | None = None
        #: The dock holding the panel (set by :func:`install`).
        self.dock: QDockWidget | None = None
        #: Ids whose change may alter what a row says (the elements concerned, and those they name).
        self._watched: set[str] = set()
        self._rows: list[ConflictRow] = []
        self._follow: Callable[[], None] | None = None
        self._shown: tuple[object, ...] = ()
        self._roots: set[str] = set()
        self._finished = False  # saved with no conflict left
        self.summary = QLabel()
        self.summary.setObjectName("conflicts-summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.list = QWidget()
        self.list.setObjectName("conflicts-list")
        self._layout = QVBoxLayout(self.list)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.setSpacing(4)
        self._layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setObjectName("conflicts-scroll")
        self.scroll.setWidget(self.list)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.scroll, 1)

    # ------------------------------------------------------------ document

    def journey_shown(self) -> None:
        """The window shows another journey: follow it (what to do is set by :func:`install`)."""
        if self._follow is not None:
            self._follow()

    def set_undo_stack(self, stack: QUndoStack) -> None:
        """Where each resolution is recorded, one undo step each; a save with none left finishes the merge."""
        self._stack = stack
        stack.cleanChanged.connect(self._clean_changed)

    def _clean_changed(self, clean: bool) -> None:
        """A save, or an undo or redo back to what was saved, with no conflict left finishes the merge.

        (Read here, once the stack has moved: while a resolution is being pushed, the stack still says it is
        clean, and the last conflict of a file just opened was called resolved and saved before any save.)
        """
        if clean and self.document is not None and not self.conflicts():
            self._finished = True
        self._say_where_the_merge_is()

    def undo_stack(self) -> QUndoStack | None:
        return self._stack if self._stack is not None else window_stack(self)

    def set_document(self, document: JourneyDocument) -> None:
        """Follow *document*, leaving the one shown before (a file was opened)."""
        if self.document is not None:
            self.document.changed.disconnect(self._on_change)
        self.document = document
        self._finished = False
        document.changed.connect(self._on_change)
        self.refresh()

    def conflicts(self) -> list[Conflict]:
        return list(self.document.journey.conflicts) if self.document is not None else []

    def rows(self) -> list[ConflictRow]:
        """The rows shown, in the journey's order."""
        return list(self._rows)

    def _on_change(self, change: Change) -> None:
        # Only what can alter a row: the conflicts themselves, the journey's title (a row may name
        # it), an element a row names, or an element coming to, going from or leaving an element a
        # removal would take (what goes with it changes). Typing elsewhere rebuilds nothing, and
        # looks at nothing but the change itself: on a 5,000-step map this runs on every keystroke.
        if change.id is not None and change.id in self._watched:
            self.refresh()
        elif self.document is None:
            return
        elif change.action == "journey":
            journey = self.document.journey
            if self._shown[:2] != (journey.conflicts, journey.title):  # (what a removal takes is the same)
                self.refresh()
        elif self._reaches_removal(change) and self._shown != self._showing():
            self.refresh()

    def _reaches_removal(self, change: Change) -> bool:
        """Whether *change* may alter what a removal takes: an element added, removed or moved that refers to
        (or is) one of the elements a removal would take."""
        roots = self._roots
        if not roots or change.action not in ("added", "removed", "updated"):
            return False
        new, old = change.element, change.old
        if change.action == "updated" and new is not None and old is not None \
                and all(getattr(new, name, None) == getattr(old, name, None) for name in (*LINKS, *MENTIONS)):
            return False  # (its text or another field changed: it goes, or not, as before)
        return any(element is not None and (element.id in roots or any(getattr(element, name, None) in roots
                                                                        for name in LINKS) or _mentions(element, roots))
                   for element in (new, old))

    def _showing(self) -> tuple[object, ...]:
        """What the rows depend on among the journey's own fields, and what a removal would take with it."""
        assert self.document is not None
        journey = self.document.journey
        return (journey.conflicts, journey.title, tuple(self._removed_with(c) for c in self._removal_conflicts()))

    def _removal_conflicts(self) -> list[Conflict]:
        """Removed-or-changed conflicts: choosing the side that removed the element takes its dependents too."""
        return [c for c in self.conflicts() if not c.field and c.element is not None]

    def _removed_with(self, conflict: Conflict) -> tuple[str, ...]:
        assert self.document is not None
        return tuple(ref for side in SIDES for ref in consequences(self.document, conflict, side).ids())

    def refresh(self) -> None:
        """Show the document's conflicts as they are now; the scroll position stays."""
        scroll = self.scroll.verticalScrollBar().value()
        for row in self._rows:
            self._layout.removeWidget(row)
            row.hide()
            row.deleteLater()  # later: the button clicked may be in it, still sending its signal
        self._rows = []
        self._watched = set()
        self._shown = self._showing() if self.document is not None else ()
        #: The elements of removed-or-changed conflicts and what their removal would take: an element
        #: coming to, going from or leaving one of them changes what a row says goes with it.
        self._roots = {c.element for c in self._removal_conflicts() if c.element is not None} if self._shown else set()
        self._roots.update(ref for refs in (self._shown[2] if self._shown else ()) for ref in refs)  # type: ignore[attr-defined]
        document = self.document
        conflicts = self.conflicts()
        for number, conflict in enumerate(conflicts):
            assert document is not None
            row = ConflictRow(conflict, document, self.list)
            row.chosen.connect(self.choose)
            row.activated.connect(self._activated)
            self._layout.insertWidget(number, row)
            self._rows.append(row)
            self._watch(conflict)
        self._say_where_the_merge_is()
        self.scroll.verticalScrollBar().setValue(scroll)

    def _say_where_the_merge_is(self) -> None:
        """The summary: choose, save, or done (it asked for a save still after the save; found by an exploratory test).

        Done once saved with no conflict left (see :meth:`_clean_changed`): an edit after that does not undo the
        merge; an undo that brings a conflict back does, and this sentence goes with it.
        """
        if self.conflicts():
            self._finished = False
            self.summary.setText(self.tr("Choose, for each change made differently on both sides, the version to keep."))
        elif self.document is None:
            self.summary.setText("")
        elif self._finished:
            self.summary.setText(self.tr("All conflicts are resolved and saved: the merge is finished."))
        else:
            self.summary.setText(self.tr("All conflicts are resolved — save to finish the merge."))

    def _watch(self, conflict: Conflict) -> None:
        assert self.document is not None
        if conflict.element is None:
            return
        self._watched.add(conflict.element)
        element = self.document.find(conflict.element)
        for name in ("source", "target"):  # a handoff or link is named by its ends
            ref = getattr(element, name, None)
            if isinstance(ref, str):
                self._watched.add(ref)
        if not conflict.field:  # what a removal takes with it is named in the row (the first few), a handoff by its ends
            for side in SIDES:
                found = consequences(self.document, conflict, side)
                for gone in [*found.removed, *found.cleared][:NAMED]:
                    self._watched.update(ref for ref in (gone.id, getattr(gone, "source", None),
                                                         getattr(gone, "target", None)) if isinstance(ref, str))
        if conflict.field in REFERENCES:  # a value that is an id is shown by what it names
            self._watched.update(v for v in (conflict.ours, conflict.theirs) if isinstance(v, str))

    # ------------------------------------------------------------- actions

    def choose(self, conflict_id: str, take: Side) -> bool:
        """Resolve a conflict with one side, as one undo step; False (and why, in a message) if refused."""
        document = self.document
        if document is None:
            return False
        stack = self.undo_stack()
        try:
            text = label(find(document, conflict_id), take)
            if stack is None:
                resolve(document, conflict_id, take)
            else:
                perform(stack, document, text, lambda: resolve(document, conflict_id, take))
        except EditError as error:
            self.message.emit(str(error))
            messages.warning(self, self.tr("Cannot resolve the conflict"), str(error))
            return False
        left = len(document.journey.conflicts)
        if left == 0:
            self.message.emit(self.tr("All conflicts are resolved — save to finish the merge."))
        return True

    def _activated(self, conflict: Conflict) -> None:
        document = self.document
        if document is None or conflict.element is None:
            return
        if conflict.element in document:
            self.activated.emit([conflict.element])
        else:
            self.message.emit(self.tr("This element is no longer in the journey."))


def install(window: MainWindow) -> ConflictsPanel:
    """Give *window* its Merge conflicts dock, shown only while the journey shown holds conflicts.

    Safe to call from the window's constructor: the journey already shown is
    looked at at once, and again on the next turn of the event loop (a dock
    state restored from the last session must not show an empty dock).
    A second call returns the panel of the first.
    """
    existing = window.findChild(QDockWidget, "conflicts-dock")
    made = existing.widget() if existing is not None else None
    if isinstance(made, ConflictsPanel):
        return made  # once per window, whoever asks first
    translate = QCoreApplication.translate
    title = translate("ConflictsPanel", "Merge conflicts")
    panel = ConflictsPanel()
    panel.set_undo_stack(window.stack)
    dock = QDockWidget(title, window)
    dock.setObjectName("conflicts-dock")
    dock.setAccessibleName(title)
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    dock.hide()  # tabbed with the findings only when shown: a hidden tab group leaves a stray tab bar
    findings = getattr(window, "findings_dock", None)
    panel.dock = dock
    panel.activated.connect(window.show_elements)
    panel.message.connect(window.show_message)

    def shown(announce: bool = True) -> None:
        if panel.document is not window.document:
            panel.set_document(window.document)
        count = len(window.document.journey.conflicts)
        if count:
            if isinstance(findings, QDockWidget) and dock not in window.tabifiedDockWidgets(findings):
                window.tabifyDockWidget(findings, dock)  # a tab beside the findings: the map keeps its height
            dock.show()
            dock.raise_()
            if announce and dock.height() < ROOM:  # room for two conflicts, not a one-row strip
                window.resizeDocks([dock], [ROOM], Qt.Orientation.Vertical)
            QTimer.singleShot(0, dock, dock.raise_)  # a tab is raised only once the window shows
            if announce:
                window.show_message(count_message(count))
        else:
            dock.hide()

    panel._follow = shown
    # A bound method of the panel, not the closure itself: a closure holding the window, connected to the
    # window's own signal, kept PySide from disconnecting the window's signals while it was destroyed.
    window.journey_shown.connect(panel.journey_shown)
    shown()
    QTimer.singleShot(0, dock, lambda: shown(announce=False))
    return panel
