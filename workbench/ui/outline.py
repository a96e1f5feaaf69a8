"""The Outline dock: the whole journey as a tree the keyboard drives, and the screen-reader path.

A map is spatial: neither a keyboard-only user nor a screen reader can walk it.
The outline shows the same journey as stages > steps (time order) > the step's
cards (lane by lane), handoffs and flow links, each row carrying a sentence that
says what it is. Every key runs the command the canvas would run, through
``scene.run``, so the outline is a second way to edit, never a second model.

An edit costs what it touches, not what the map holds: the document's changes
are noted as they come (:class:`~workbench.ui.outline_rows.Stale`) and applied
together on a 0 ms single-shot timer, so a burst of changes (a batch, an undo)
is applied once. A changed element's row is updated in place; a step whose
cards, handoffs or links changed has only its children made again (and only if
it is open); a step or stage added, removed or moved is one row inserted,
taken out or moved. Sentences that hold numbers ("Step 12 of 1000") are said
by each row when asked (:class:`~workbench.ui.outline_rows.OutlineRow`), so
adding a step re-makes nothing else. A step's children are made only when the
step is opened. Rare changes (lanes reordered, another journey) rebuild the
whole tree, as does showing a dock that was hidden while the journey changed.
Open rows, the current row and the scroll position are kept by element id.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QEvent, QItemSelectionModel, QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QLineEdit, QStyledItemDelegate
from PySide6.QtWidgets import QDockWidget, QStyleOptionViewItem, QTreeWidget, QTreeWidgetItem, QWidget

from workbench.model.document import JourneyDocument
from workbench.model.events import Change
from workbench.model.journey import Element
from workbench.ui.outline_edits import EDITED, ELEMENT, KIND, OutlineEditsMixin
from workbench.ui.outline_rows import ACCESSIBLE, TEXT, OutlineRow, Stale, step_of
from workbench.ui.outline_tree import OutlineTreeMixin

if TYPE_CHECKING:
    from workbench.ui.canvas.scene import JourneyScene

translate = QCoreApplication.translate
Mod, Select, View = Qt.KeyboardModifier, QItemSelectionModel.SelectionFlag, QAbstractItemView
NONE, ALT, ALT_SHIFT = Mod.NoModifier.value, Mod.AltModifier.value, (Mod.AltModifier | Mod.ShiftModifier).value
#: Past this many rows touched at once (a template pasted, a big undo), making the tree again is quicker.
PATCH_LIMIT = 400
__all__ = ["ACCESSIBLE", "EDITED", "ELEMENT", "KIND", "TEXT", "Outline"]

# ----------------------------------------------------------------------- tree


class _TextDelegate(QStyledItemDelegate):
    """Edits the element's own text, not the row's sentence; never writes the tree (the row follows the document)."""

    def __init__(self, outline: Outline) -> None:
        super().__init__(outline)
        self._outline = outline

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: QModelIndex) -> QWidget:
        editor = QLineEdit(parent)
        editor.setAccessibleName(translate("Outline", "Text"))
        return editor

    def setEditorData(self, editor: QWidget, index: QModelIndex) -> None:
        if isinstance(editor, QLineEdit):
            editor.setText(str(index.data(TEXT) or ""))
            editor.selectAll()

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: QModelIndex) -> None:
        if isinstance(editor, QLineEdit):
            self._outline.commit_text(index.data(ELEMENT), index.data(KIND), str(index.data(TEXT) or ""), editor.text())


class Outline(OutlineEditsMixin, OutlineTreeMixin, QTreeWidget):
    """The journey as a tree; Insert, F2/Enter, Delete and Alt+arrows edit it through the scene."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outline")
        self.setHeaderHidden(True)
        self.setUniformRowHeights(True)
        self.setSelectionMode(View.SelectionMode.SingleSelection)
        self.setEditTriggers(View.EditTrigger.DoubleClicked)  # F2 and Enter: keyPressEvent
        self.setItemDelegate(_TextDelegate(self))
        self.setAccessibleName(self.tr("Journey outline"))
        self.setAccessibleDescription(
            self.tr(
                "Stages, steps, cards, handoffs and links in journey order. Insert adds after the current row, "
                "Alt+Insert adds inside it, F2 or Enter edits its text, Delete deletes it, Alt+Up and Alt+Down "
                "move it, Alt+Left and Alt+Right move a card to the previous or next step, Alt+Shift+Up and "
                "Alt+Shift+Down to another lane."
            )
        )
        self.scene: JourneyScene | None = None
        #: The rows made, by element id (a step's children are made when it first opens).
        self._rows: dict[str, OutlineRow] = {}
        #: Steps whose children rows are made.
        self._populated: set[str] = set()
        #: What the changes not shown yet touched.
        self._stale = Stale()
        #: Opened or closed by the user, by element id (stages start open, steps closed).
        self._open: dict[str, bool] = {}
        #: Set while the outline itself changes a selection: the echo is not news.
        self._syncing = False
        self._dirty = False
        #: Whether its dock shows it: False while another tab of its dock's group is picked (see follow_dock).
        self._on_top = True
        #: (id, undo index, row to go back to) of a row just inserted: Escape takes it away again.
        self._fresh: tuple[str, int, str | None] | None = None
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.rebuild)
        self.itemExpanded.connect(self._opened)
        self.itemCollapsed.connect(lambda row: self._open.__setitem__(row.data(0, ELEMENT), False))
        self.itemSelectionChanged.connect(self._tree_selection_changed)

    @property
    def doc(self) -> JourneyDocument:
        assert self.scene is not None, "attach() a scene first"
        return self.scene.document

    def attach(self, scene: JourneyScene) -> None:
        """Follow *scene* and its document, leaving the previous ones (a file was opened)."""
        if self.scene is not None:
            self.doc.changed.disconnect(self._on_change)
            try:
                self.scene.selectionChanged.disconnect(self._canvas_selection_changed)
            except (RuntimeError, TypeError):  # the old scene is already gone
                pass
        self.scene, self._fresh = scene, None
        self._open.clear()
        self._quietly(self._clear)  # nothing of the old journey is "current" in the new one
        self._stale = Stale(full=True)
        scene.document.changed.connect(self._on_change)
        scene.selectionChanged.connect(self._canvas_selection_changed)
        self.rebuild()

    def row_for(self, element_id: str) -> QTreeWidgetItem | None:
        """The row of an element, made and shown (its step opened) if needed."""
        row: QTreeWidgetItem | None = self._rows.get(element_id)
        if row is None and self.scene is not None:
            step = self._rows.get(step_of(self.doc, element_id) or "")
            if step is not None:
                self._populate(step)
                row = self._rows.get(element_id)
        parent = row.parent() if row is not None else None
        while parent is not None:
            parent.setExpanded(True)
            parent = parent.parent()
        return row

    # ---------------------------------------------------------- rebuilding

    def _on_change(self, change: Change) -> None:
        self._dirty = True
        if self._shown():
            self._stale.note(change, self.doc)
        elif not self._stale.full:
            self._stale = Stale(full=True)  # a hidden dock notes nothing: it is made again when shown
        self._timer.start()

    def rebuild(self) -> None:
        """Show the document as it is now: the rows the last changes touched, or all of them after a rare change.

        Open rows, the current row and the scroll position are kept.
        """
        self._timer.stop()
        if self.scene is None:
            return
        if self.state() == View.State.EditingState or not self._shown():
            self._dirty = True  # the edited row outlives its editor; a hidden dock waits (closeEditor, showEvent)
            if not self._shown():
                self._stale = Stale(full=True)
            return
        self._dirty = False
        stale, self._stale = self._stale, Stale()
        if not stale:
            return
        current, keep, selected = self.currentItem(), self._current_and_neighbours(), bool(self.selectedItems())
        scroll = self.verticalScrollBar().value()
        self._syncing = True
        try:
            if stale.full or stale.size() > PATCH_LIMIT:
                self._clear()
                self._fill()
            else:
                try:
                    self._patch(stale)
                except Exception:  # a bug must not leave a wrong tree behind: report it, show the journey all the same
                    sys.excepthook(*sys.exc_info())
                    self._clear()
                    self._fill()
            if self.currentItem() is not current or current is None or current.treeWidget() is None \
                    or bool(self.selectedItems()) != selected:
                found = next((row for row in map(self.row_for, keep) if row is not None), None)
                if found is not None:
                    self.setCurrentItem(found, 0, Select.ClearAndSelect if selected else Select.NoUpdate)
            if self.verticalScrollBar().value() != scroll:
                self.verticalScrollBar().setValue(scroll)
        finally:
            self._syncing = False

    def follow_dock(self, dock: QDockWidget) -> None:
        """Do no work while *dock*'s tab is behind another one's, and catch up when it is picked.

        Qt calls a widget in a tab behind visible (``isVisible()``, with nothing of it on screen) and sends it no
        show event when its tab is picked: the dock says both (``visibilityChanged``). Behind the inspector, the
        outline of a 1,000-step map was filled after the first paint (25-45 ms) and patched after every edit.
        """
        dock.visibilityChanged.connect(self._dock_shown)

    def _dock_shown(self, shown: bool) -> None:
        self._on_top = shown
        if shown:
            self._catch_up()

    def _shown(self) -> bool:
        """Whether the user sees it: visible, and its dock's tab the one picked."""
        return self._on_top and self.isVisible()

    def showEvent(self, event: QShowEvent) -> None:
        """A hidden outline does no work; shown again, it catches up with the document and the canvas."""
        super().showEvent(event)
        self._catch_up()

    def _catch_up(self) -> None:
        if self._dirty:
            self.rebuild()
        self._canvas_selection_changed()

    def _opened(self, row: QTreeWidgetItem) -> None:
        self._populate(row)
        self._open[row.data(0, ELEMENT)] = True

    def _current_and_neighbours(self) -> list[str]:
        """The current row's id, then where to land if it goes: next, previous, parent."""
        row = self.currentItem()
        if row is None:
            return []
        parent = row.parent()
        index = parent.indexOfChild(row) if parent else self.indexOfTopLevelItem(row)
        count = parent.childCount() if parent else self.topLevelItemCount()
        sibling = parent.child if parent else self.topLevelItem
        around = [sibling(i) for i in (index + 1, index - 1) if 0 <= i < count] + ([parent] if parent else [])
        return [row.data(0, ELEMENT)] + [r.data(0, ELEMENT) for r in around]

    # ----------------------------------------------------------- selection

    def _tree_selection_changed(self) -> None:
        if self._syncing or self.scene is None:
            return
        rows = self.selectedItems()
        if rows:
            self._show_on_canvas(rows[0])
        else:
            self._quietly(self.scene.clearSelection)

    def _show_on_canvas(self, row: QTreeWidgetItem) -> None:
        """Select the row's element on the canvas and scroll the map to it."""
        assert self.scene is not None
        scene, kind, element_id = self.scene, row.data(0, KIND), row.data(0, ELEMENT)
        self._quietly(lambda: scene.select_ids([element_id]))
        item = scene.item_for(kind, element_id)
        if item is not None and scene.views():
            scene.views()[0].ensureVisible(item.sceneBoundingRect())

    def _canvas_selection_changed(self) -> None:
        """The first selected element that has a row becomes the current row (lanes have none)."""
        if self._syncing or self.scene is None or not self._shown():
            return
        if self._dirty:
            self.rebuild()  # a new element may be selected before the timer shows its row
        found = next((row for row in map(self.row_for, self.scene.selected_ids()) if row is not None), None)
        if found is None:
            self._quietly(self.clearSelection)
        else:
            self._quietly(lambda: self.setCurrentItem(found, 0, Select.ClearAndSelect))
            self.scrollToItem(found)

    def _quietly(self, change: Callable[[], object]) -> None:
        self._syncing = True
        try:
            change()
        finally:
            self._syncing = False

    # ---------------------------------------------------------------- keys

    def _action_for(self, event: QKeyEvent) -> Callable[[], None] | None:
        key = Qt.Key
        actions: dict[tuple[int, int], Callable[[], None]] = {
            (key.Key_Insert, NONE): self.insert_after,
            (key.Key_Insert, ALT): self.insert_inside,
            (key.Key_F2, NONE): self.edit_current,
            (key.Key_Return, NONE): self.edit_current,
            (key.Key_Enter, NONE): self.edit_current,
            (key.Key_Delete, NONE): self.delete_current,
            (key.Key_Up, ALT): lambda: self.move_current(-1),
            (key.Key_Down, ALT): lambda: self.move_current(1),
            (key.Key_Left, ALT): lambda: self.move_card(-1, 0),
            (key.Key_Right, ALT): lambda: self.move_card(1, 0),
            (key.Key_Up, ALT_SHIFT): lambda: self.move_card(0, -1),
            (key.Key_Down, ALT_SHIFT): lambda: self.move_card(0, 1),
        }
        return actions.get((int(event.key()), (event.modifiers() & ~Mod.KeypadModifier).value))

    def event(self, event: QEvent) -> bool:
        """Our keys beat the window's shortcuts (Delete, F2) while the outline has the focus."""
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and self._action_for(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        editing = self.state() == View.State.EditingState  # the editor let a key through (Enter does)
        action = self._action_for(event) if self.scene is not None and not editing else None
        if action is None:
            super().keyPressEvent(event)
            return
        event.accept()
        if self._dirty:
            self.rebuild()  # act on the journey as it is now
        action()

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        """Escape on a row just inserted takes it away again, as on the canvas."""
        fresh, self._fresh = self._fresh, None
        super().closeEditor(editor, hint)
        stack = self.scene.stack if self.scene is not None else None
        if fresh and stack and hint == QAbstractItemDelegate.EndEditHint.RevertModelCache and stack.index() == fresh[1]:
            stack.undo()
            self._after_edit(fresh[2])
        elif self._dirty:
            self._timer.start()

    # ------------------------------------------------------------ commands

    def _current(self) -> Element | None:
        row = self.currentItem()
        return self.doc.find(row.data(0, ELEMENT)) if row is not None else None

    def _say(self, text: str) -> None:
        if self.scene is not None:
            self.scene.message.emit(text)

    def _after_edit(self, element_id: str | None, edit: bool = False) -> None:
        """Show the edit now, not on the timer, with the focus on *element_id* (or the row that took its place)."""
        self.rebuild()
        row = (self.row_for(element_id) if element_id else None) or self.currentItem()
        if row is None:
            return
        self._quietly(lambda: self.setCurrentItem(row, 0, Select.ClearAndSelect))
        self.scrollToItem(row)
        self._show_on_canvas(row)
        self.setFocus()
        if edit:
            self.editItem(row, 0)
