"""The Changes dock's content: one row per change, walked through with Next and Previous.

It shows a diff and says which row the user chose; what a choice does (select
the element on the canvas, scroll to a ghost) is the comparer's business, so
this widget knows nothing of the scene.
"""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.counts import change_counts
from workbench.model.interop.diff import ElementChange, JourneyDiff, cut
from workbench.model.interop.difftext import field_line, field_name, value_text
from workbench.ui.compare_overlay import COLOURS, SIGNS

#: What identifies a row across a recomputed diff (the selection stays on it).
RowKey = tuple[str, str, str | None]


def kind_word(kind: str) -> str:
    words = {
        "added": QCoreApplication.translate("Comparer", "Added"),
        "removed": QCoreApplication.translate("Comparer", "Removed"),
        "changed": QCoreApplication.translate("Comparer", "Changed"),
        "moved": QCoreApplication.translate("Comparer", "Moved"),
    }
    return words.get(kind, kind)


def element_word(collection: str) -> str:
    words = {
        "journey": QCoreApplication.translate("Comparer", "Journey"),
        "stages": QCoreApplication.translate("Comparer", "Stage"),
        "steps": QCoreApplication.translate("Comparer", "Step"),
        "lanes": QCoreApplication.translate("Comparer", "Lane"),
        "cards": QCoreApplication.translate("Comparer", "Card"),
        "handoffs": QCoreApplication.translate("Comparer", "Handoff"),
        "links": QCoreApplication.translate("Comparer", "Link"),
        "personas": QCoreApplication.translate("Comparer", "Persona"),
    }
    return words.get(collection, collection)


def field_names(change: ElementChange, labels: Mapping[str, str]) -> str:
    """The fields a change touched, as words ("Title, Emotion (Camille, as is)"), in the user's language.

    A field without words (one of a newer version) is shown as written, its underscores as spaces; a feeling
    names its persona (it showed "emotion:persona-2:as is").
    """
    return ", ".join(field_name(f.field, labels).replace("_", " ") for f in change.fields)


def full_label(change: ElementChange) -> str:
    """The element's whole title or text on one line (the diff's label is cut short for terminals)."""
    text = getattr(change.element, "title", None)
    if not isinstance(text, str) or not text.strip():
        text = getattr(change.element, "text", None) if change.collection == "cards" else None
    if not isinstance(text, str) or not text.strip():
        return change.label
    flat = " ".join(text.split())
    return flat if len(flat) <= 200 else flat[:199] + "…"


def before_text(change: ElementChange, labels: Mapping[str, str], before: Mapping[str, str] | None = None) -> str:
    """What the changed fields held in the other file (``Title: "Starts the form"``), each value cut short: the
    field named as the Fields column names it, the value naming what it named then (*before*)."""
    if change.kind not in ("changed", "moved"):
        return ""  # (added: nothing before; removed: the element column names what it was)
    return "; ".join(
        QCoreApplication.translate("Comparer", "{field}: {value}").format(
            field=field_name(f.field, labels), value=cut(value_text(f.field, f.old, before or labels), 80))
        for f in change.fields
    )


def row_key(change: ElementChange) -> RowKey:
    return (change.kind, change.collection, change.id)


class ChangesPanel(QWidget):
    """A header with the counts, the list of changes, and Previous / Next / Stop comparing."""

    #: The row (index into the diff's changes) the user chose.
    chosen = Signal(int)
    #: "Stop comparing" pressed, or Escape in the list.
    stop_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changes-panel")
        self.header = QLabel()
        self.header.setObjectName("changes-header")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.tree = QTreeWidget()
        self.tree.setObjectName("changes-list")
        self.tree.setAccessibleName(self.tr("Changes"))
        self.tree.setHeaderLabels([self.tr("Change"), self.tr("Element"), self.tr("Fields"), self.tr("Before")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)  # the element's title: the most to read
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.tree.header().resizeSection(2, 160)
        self.tree.header().setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)
        self.tree.header().resizeSection(3, 260)
        self.tree.header().setStretchLastSection(False)
        self.tree.currentItemChanged.connect(self._current_changed)
        self.tree.itemClicked.connect(lambda item, column: self._choose(item))
        self.previous_button = QPushButton(self.tr("Previous"))
        self.previous_button.setObjectName("changes-previous")
        self.next_button = QPushButton(self.tr("Next"))
        self.next_button.setObjectName("changes-next")
        self.stop_button = QPushButton(self.tr("Stop comparing"))
        self.stop_button.setObjectName("changes-stop")
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        self.stop_button.clicked.connect(self.stop_requested)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), self.tree)
        escape.setContext(Qt.ShortcutContext.WidgetShortcut)
        escape.activated.connect(self.stop_requested)
        buttons = QHBoxLayout()
        buttons.addWidget(self.header, 1)
        buttons.addWidget(self.previous_button)
        buttons.addWidget(self.next_button)
        buttons.addWidget(self.stop_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(buttons)
        layout.addWidget(self.tree)
        self.keys: list[RowKey] = []

    # ------------------------------------------------------------ content

    def show_diff(self, diff: JourneyDiff, name: str) -> None:
        """List *diff*'s changes (from the file *name* to the open map), keeping the chosen row if it is still there."""
        current = self.current_row()
        keep = self.keys[current] if current is not None and current < len(self.keys) else None
        counts = {kind: diff.count(kind) for kind in ("added", "removed", "changed", "moved")}
        if diff:
            self.header.setText(
                self.tr("Compared with {name}: {counts}").format(name=name, counts=change_counts(**counts))
            )
        else:
            self.header.setText(self.tr("Compared with {name}: no differences").format(name=name))
        self.header.setToolTip(self.tr("Marks show how this map differs from {name}: added here, removed since, changed.").format(name=name))
        self.tree.blockSignals(True)
        try:
            self.tree.clear()
            self.keys = [row_key(c) for c in diff.changes]
            self.tree.addTopLevelItems([self._row(c, diff.labels, diff.before) for c in diff.changes])
            if keep in self.keys:
                self.tree.setCurrentItem(self.tree.topLevelItem(self.keys.index(keep)))
        finally:
            self.tree.blockSignals(False)
        self.previous_button.setEnabled(bool(diff))
        self.next_button.setEnabled(bool(diff))

    def _row(self, change: ElementChange, labels: Mapping[str, str], before: Mapping[str, str]) -> QTreeWidgetItem:
        what = f"{SIGNS.get(change.kind, '')} {kind_word(change.kind)}"
        label = full_label(change)
        element = (QCoreApplication.translate("Comparer", "{kind}: {label}").format(kind=element_word(change.collection), label=label)
                   if label else element_word(change.collection))
        item = QTreeWidgetItem([what, element, field_names(change, labels), before_text(change, labels, before)])
        item.setForeground(0, QBrush(QColor(COLOURS.get(change.kind, "#1f2933"))))
        item.setToolTip(1, element)
        # Each field from the other file's value to this map's, whole (the columns cut them short).
        changes = "\n".join(field_line(f, labels, before=before) for f in change.fields)
        item.setToolTip(2, changes or field_names(change, labels))
        item.setToolTip(3, changes)
        return item

    def clear(self) -> None:
        self.tree.clear()
        self.keys = []
        self.header.clear()

    # ----------------------------------------------------------- choosing

    def current_row(self) -> int | None:
        item = self.tree.currentItem()
        return None if item is None else self.tree.indexOfTopLevelItem(item)

    def step(self, delta: int) -> None:
        """Go to the next (+1) or previous (-1) change, round at the ends."""
        count = self.tree.topLevelItemCount()
        if not count:
            return
        current = self.current_row()
        row = (0 if delta > 0 else count - 1) if current is None else (current + delta) % count
        self.tree.setCurrentItem(self.tree.topLevelItem(row))  # emits chosen, through _current_changed

    def _current_changed(self, item: QTreeWidgetItem | None, previous: QTreeWidgetItem | None) -> None:
        if item is not None:
            self.tree.scrollToItem(item)
            self._choose(item)

    def _choose(self, item: QTreeWidgetItem) -> None:
        self.chosen.emit(self.tree.indexOfTopLevelItem(item))
