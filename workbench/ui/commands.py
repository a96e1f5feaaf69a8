"""Undo commands: each a thin wrapper over one JourneyDocument edit.

A gesture is performed *before* its command is pushed, so a refused edit
(EditError) never reaches the undo stack; the command then only swaps the
edit and its inverse on undo and redo. Commands change the model only: the
canvas follows the document's events.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable

from PySide6.QtGui import QUndoCommand, QUndoStack

from workbench.model.document import JourneyDocument
from workbench.model.edits import Batch, Edit, is_empty

#: QUndoCommand.id() of commands that may merge (typing, nudges); see mergeWith.
MERGEABLE = 1001


class EditCommand(QUndoCommand):
    def __init__(self, document: JourneyDocument, text: str, inverse: Edit, merge_key: Hashable | None = None) -> None:
        super().__init__(text)
        self.document = document
        self.undo_edit: Edit | None = inverse
        self.redo_edit: Edit | None = None
        self.merge_key = merge_key
        self._first = True

    def redo(self) -> None:
        if self._first:  # already performed by perform()
            self._first = False
            return
        assert self.redo_edit is not None
        self.undo_edit = self.document.apply(self.redo_edit)

    def undo(self) -> None:
        assert self.undo_edit is not None
        self.redo_edit = self.document.apply(self.undo_edit)

    def id(self) -> int:
        return MERGEABLE if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Typing in one field, or nudging one element, stays one undo step."""
        if not isinstance(other, EditCommand) or other.merge_key != self.merge_key or other.undo_edit is None:
            return False
        assert self.undo_edit is not None
        self.undo_edit = Batch((other.undo_edit, self.undo_edit))
        return True


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
    inverse = action()
    if is_empty(inverse):
        return False
    stack.push(EditCommand(document, text, inverse, merge_key))
    return True
