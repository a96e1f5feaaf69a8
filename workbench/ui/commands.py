"""Undo commands: each a thin wrapper over one JourneyDocument edit.

A gesture is performed *before* its command is pushed, so a refused edit
(EditError) never reaches the undo stack; the command then only swaps the
edit and its inverse on undo and redo. Commands change the model only: the
canvas follows the document's events.

Undo and redo also bring back the selection, as a desktop editor does: undo
selects what was selected before the edit (a card deleted by mistake comes
back selected, in view, in the inspector), redo what was selected after it.
The canvas registers itself as the stack's :class:`Selection`
(:func:`keep_selection`); "before" is read when the edit is performed,
"after" when it is undone (whatever the user selected since, the last thing
they saw).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Protocol

from PySide6.QtGui import QUndoCommand, QUndoStack

from workbench.model.document import JourneyDocument
from workbench.model.edits import Batch, Edit, is_empty

#: QUndoCommand.id() of commands that may merge (typing, nudges); see mergeWith.
MERGEABLE = 1001


class Selection(Protocol):
    """What undo and redo bring back the selection of (the canvas)."""

    def selection_state(self) -> object:
        """What is selected (and where the keyboard is), as :meth:`restore_selection` takes it back."""

    def restore_selection(self, state: object) -> None:
        """Select again what *state* holds that is still in the journey, and bring it into view."""


def keep_selection(stack: QUndoStack, selection: Selection | None) -> None:
    """Let *stack*'s undo and redo bring back *selection*'s state (None: no longer)."""
    stack.kept_selection = selection  # type: ignore[attr-defined]


def kept_selection(stack: QUndoStack) -> Selection | None:
    return getattr(stack, "kept_selection", None)


#: Set while an undo or redo applies its edit (see :func:`replaying`).
_replaying = False


def replaying() -> bool:
    """Whether the document is changing by an undo or a redo (not by the user's typing).

    A field being typed in is not refreshed from the document (a field that normalises what is typed
    would fight the fingers), except by an undo or redo: it must show what the undo brought back, or the
    next keystroke writes the undone text back (``inspector_fields.set_text``).
    """
    return _replaying


def _apply(document: JourneyDocument, edit: Edit) -> Edit:
    global _replaying
    _replaying = True
    try:
        return document.apply(edit)
    finally:
        _replaying = False


class EditCommand(QUndoCommand):
    def __init__(
        self, document: JourneyDocument, text: str, inverse: Edit, merge_key: Hashable | None = None,
        selection: Selection | None = None, before: object = None,
    ) -> None:
        super().__init__(text)
        self.document = document
        self.undo_edit: Edit | None = inverse
        self.redo_edit: Edit | None = None
        self.merge_key = merge_key
        self._first = True
        self.selection = selection
        #: The selection before the edit, and after it (read when it is undone).
        self.before = before
        self.after: object = None
        #: Undone for good: the stack forgets it (no redo); see take_back_last.
        self.forget_when_undone = False
        #: What else follows the edit when it is undone, and when it is redone (a merge: the file's state).
        self.when_undone: Callable[[], None] | None = None
        self.when_redone: Callable[[], None] | None = None

    def redo(self) -> None:
        if self._first:  # already performed by perform()
            self._first = False
            return
        self.merge_key = None  # undone and redone: typing again is a step of its own
        assert self.redo_edit is not None
        self.undo_edit = _apply(self.document, self.redo_edit)
        if self.when_redone is not None:
            self.when_redone()
        if self.selection is not None:
            self.selection.restore_selection(self.after)

    def undo(self) -> None:
        self.merge_key = None
        assert self.undo_edit is not None
        if self.selection is not None:
            self.after = self.selection.selection_state()
        self.redo_edit = _apply(self.document, self.undo_edit)
        if self.when_undone is not None:
            self.when_undone()
        if self.selection is not None:
            self.selection.restore_selection(self.before)
        if self.forget_when_undone:
            self.setObsolete(True)  # (QUndoStack.undo then deletes it: nothing to redo)

    def id(self) -> int:
        return MERGEABLE if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Typing in one field, or nudging one element, stays one undo step."""
        if not isinstance(other, EditCommand) or other.merge_key != self.merge_key or other.undo_edit is None:
            return False
        assert self.undo_edit is not None
        self.undo_edit = Batch((other.undo_edit, self.undo_edit))
        return True


def _last(stack: QUndoStack) -> EditCommand | None:
    """The step Undo would take back, if it is an edit of the journey."""
    top = stack.command(stack.index() - 1) if stack.index() > 0 else None
    return top if isinstance(top, EditCommand) else None


def take_back_last(stack: QUndoStack) -> None:
    """Undo the last step and forget it, leaving nothing to redo (an element added, then cancelled at once)."""
    top = _last(stack)
    if top is not None:
        top.forget_when_undone = True
    stack.undo()


def join_last(stack: QUndoStack, key: Hashable) -> None:
    """Let the next edit performed with *key* join the last undo step (see EditCommand.mergeWith)."""
    top = _last(stack)
    if top is not None:
        top.merge_key = key


def perform(
    stack: QUndoStack,
    document: JourneyDocument,
    text: str,
    action: Callable[[], Edit],
    merge_key: Hashable | None = None,
) -> bool:
    """Run *action* (an edit of *document*) and record it as one undo step.

    Returns False when the action changed nothing. EditError propagates, with
    the document unchanged.
    """
    selection = kept_selection(stack)
    before = selection.selection_state() if selection is not None else None
    inverse = action()
    if is_empty(inverse):
        return False
    stack.push(EditCommand(document, text, inverse, merge_key, selection, before))
    return True


def last_command(stack: QUndoStack) -> EditCommand | None:
    """The edit :func:`perform` just recorded (the step Undo would take back)."""
    return _last(stack)
