"""One merge conflict as a row of the Merge conflicts dock: what, where, both values, two buttons.

The words come from :mod:`workbench.model.conflicts` (no Qt), so the row
says the same as any other place that shows a conflict. A row is a plain
frame of labels rather than an item of a list view: the two buttons are real
buttons (reachable with Tab, read by a screen reader), and values wrap
instead of being cut off in a narrow dock.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QPushButton, QSizePolicy, QWidget

from workbench.model.conflicts import consequence, element_words, field_words, side_words
from workbench.model.document import JourneyDocument
from workbench.model.journey import Conflict


def _label(text: str, name: str, bold: bool = False) -> QLabel:
    label = QLabel(text)
    label.setObjectName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)  # values quote the journey: never rendered as HTML
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    # Wraps to the width it is given (its height follows it), and never asks for more than a word of width.
    policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
    policy.setHeightForWidth(True)
    label.setSizePolicy(policy)
    label.setMinimumWidth(1)
    if bold:
        font = label.font()
        font.setBold(True)
        label.setFont(font)
    return label


class ConflictRow(QFrame):
    """A conflict: the element and field concerned, "Yours" and "Theirs", Keep mine / Take theirs.

    A click on the row (or Enter on it) selects the element on the canvas.
    """

    #: The user picked a side: (conflict id, "ours" | "theirs").
    chosen = Signal(str, str)
    #: The row was clicked: show its element.
    activated = Signal(object)

    def __init__(self, conflict: Conflict, document: JourneyDocument, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflict = conflict
        self.setObjectName(f"conflict-{conflict.id}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.where = _label(element_words(document, conflict), "conflict-element", bold=True)
        self.field = _label(field_words(conflict, document), "conflict-field")
        self.ours = _label(side_words(document, conflict, "ours"), "conflict-ours")
        self.theirs = _label(side_words(document, conflict, "theirs"), "conflict-theirs")
        self.keep = QPushButton(self.tr("Keep mine"))
        self.keep.setObjectName("keep-mine")
        self.take = QPushButton(self.tr("Take theirs"))
        self.take.setObjectName("take-theirs")
        self.keep.clicked.connect(lambda: self.chosen.emit(conflict.id, "ours"))
        self.take.clicked.connect(lambda: self.chosen.emit(conflict.id, "theirs"))
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.setVerticalSpacing(2)
        grid.addWidget(self.where, 0, 0, 1, 3)
        grid.addWidget(self.field, 1, 0, 1, 3)
        yours, theirs = _label(self.tr("Yours:"), "conflict-ours-label"), _label(self.tr("Theirs:"), "conflict-theirs-label")
        for label in (yours, theirs):
            label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        for label in (yours, theirs, self.ours, self.theirs):  # level with the text of the button beside
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # The field is a caption under the element: quieter than the values a choice is about.
        muted = self.field.palette()
        muted.setColor(self.field.foregroundRole(), muted.color(muted.ColorRole.PlaceholderText))
        self.field.setPalette(muted)
        grid.addWidget(yours, 2, 0)
        grid.addWidget(self.ours, 2, 1)
        grid.addWidget(self.keep, 2, 2)
        grid.addWidget(theirs, 3, 0)
        grid.addWidget(self.theirs, 3, 1)
        grid.addWidget(self.take, 3, 2)
        # Choosing the side that removed the element removes what depends on it too: said before the click.
        warnings = [consequence(document, conflict, "ours"), consequence(document, conflict, "theirs")]
        self.consequence = _label("\n".join(w for w in warnings if w), "conflict-consequence")
        grid.addWidget(self.consequence, 4, 0, 1, 3)
        self.consequence.setVisible(any(warnings))  # in the row first: shown alone, it would be a window
        grid.setColumnStretch(1, 1)
        self.setAccessibleName(self.sentence())
        # Read out of the row, a button still says which conflict it closes.
        what = self.tr("{field} of {element}").format(field=self.field.text(), element=self.where.text())
        self.keep.setAccessibleDescription(" ".join(filter(None, (
            self.tr("Keep your value ({value}) of {what} and close the conflict; it can be undone").format(
                value=self.ours.text(), what=what), warnings[0]))))
        self.take.setAccessibleDescription(" ".join(filter(None, (
            self.tr("Use their value ({value}) for {what} and close the conflict; it can be undone").format(
                value=self.theirs.text(), what=what), warnings[1]))))

    def sentence(self) -> str:
        """The whole row in one sentence, for a screen reader and a tooltip."""
        said = self.tr("{element}, {field}. Yours: {ours}. Theirs: {theirs}.").format(
            element=self.where.text(), field=self.field.text(), ours=self.ours.text(), theirs=self.theirs.text()
        )
        warning = self.consequence.text().replace("\n", " ")
        return f"{said} {warning}" if warning else said

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(event.position().toPoint()):
            self.activated.emit(self.conflict)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.conflict)
            return
        super().keyPressEvent(event)
