"""The rows of the Findings list: their sign, their wrapped height, and which of them changed.

Kept apart from the panel because each is a small piece of arithmetic about
rows that the panel only applies (and :class:`WrappingDelegate` serves the
help window's tree too).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from difflib import SequenceMatcher
from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QStyledItemDelegate, QTreeWidget

from workbench.model import scores as scoring
from workbench.model.analysis import Finding
from workbench.ui.canvas.painting import paint_severity

ROW_PADDING = 6
#: Wrapped row sizes remembered by a delegate before it forgets them all.
SIZE_CACHE = 20_000
#: Beyond this many changed findings, the rows between are replaced rather than matched one by one.
DIFF_LIMIT = 2_000
#: Findings a score's tooltip lists by name before it only counts the others.
TIP_FINDINGS = 5
#: Longest sentence of a finding in a score's tooltip.
TIP_MESSAGE = 110


@lru_cache(maxsize=None)
def severity_icon(severity: str) -> QIcon:
    """The same sign as the badges on the canvas: the shape tells the severity, not only the colour.

    Drawn once per severity: a report of a thousand findings would otherwise paint a thousand pixmaps.
    """
    pixmap = QPixmap(32, 32)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    paint_severity(painter, QRectF(4, 4, 24, 24), severity)
    painter.end()
    return QIcon(pixmap)


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text.

    QTreeView measures rows without a width (it never wraps them), so the
    style is asked here for the size of the text in the column's real width.
    With rows of different heights the view measures every row at every
    layout (a thousand findings, each time one changes), so sizes are
    remembered by what decides them: text, width, font and icon.
    """

    def __init__(self, tree: QTreeWidget, columns: tuple[int, ...] | None = None) -> None:
        super().__init__(tree)
        self.tree = tree
        #: The columns that wrap (all by default); the others keep their text on one line.
        self.columns = columns
        self._sizes: dict[tuple[object, ...], QSize] = {}
        #: Widths that override the columns' own while a resize is measured (see :meth:`width_of`).
        self._widths: dict[int, int] = {}

    @contextmanager
    def width_of(self, column: int, width: int) -> Iterator[None]:
        """Measure *column* as *width* wide inside the block (the width a resize signal announces)."""
        self._widths[column] = width
        try:
            yield
        finally:
            del self._widths[column]

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        # (QStyle and its options when a row is first measured, after the first paint: their dozens of
        # enumerations are made when they are first imported.)
        from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

        if self.columns is not None and index.column() not in self.columns:
            return super().sizeHint(option, index) + QSize(0, ROW_PADDING)
        item = QStyleOptionViewItem(option)
        self.initStyleOption(item, index)
        width = max(self._widths.get(index.column()) or self.tree.columnWidth(index.column()), 1)
        decoration = item.decorationSize
        key = (
            index.column(), width, item.text, item.font.key(), int(item.features.value),
            decoration.width(), decoration.height(), self.tree.style().objectName(),
        )
        size = self._sizes.get(key)
        if size is None:
            item.rect = QRect(0, 0, width, 1)
            item.features |= QStyleOptionViewItem.ViewItemFeature.WrapText
            size = self.tree.style().sizeFromContents(QStyle.ContentsType.CT_ItemViewItem, item, QSize(), self.tree)
            size += QSize(0, ROW_PADDING)  # wrapped rows run together without a little air
            if len(self._sizes) >= SIZE_CACHE:
                self._sizes.clear()
            self._sizes[key] = size
        return QSize(size)


def row_changes(old: Sequence[Finding], new: Sequence[Finding]) -> list[tuple[int, int, int, int]]:
    """The runs to replace, in order: rows ``old[first:last]`` become ``new[start:stop]``.

    The common head and tail are skipped in one pass; what lies between is
    matched finding by finding unless it is too big to match quickly.
    """
    head = 0
    limit = min(len(old), len(new))
    while head < limit and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < limit - head and old[len(old) - 1 - tail] == new[len(new) - 1 - tail]:
        tail += 1
    a, b = old[head : len(old) - tail], new[head : len(new) - tail]
    if not a and not b:
        return []
    if len(a) > DIFF_LIMIT or len(b) > DIFF_LIMIT:
        return [(head, head + len(a), head, head + len(b))]
    return [
        (head + i1, head + i2, head + j1, head + j2)
        for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
        if tag != "equal"
    ]


def scores_text(all_scores: dict[str, scoring.Score]) -> str:
    """The header's compact line: ``Person 100 · Human 80 · Continuity 85``."""
    return QCoreApplication.translate("FindingsPanel", "Person {person} · Human {human} · Continuity {continuity}").format(
        person=all_scores["person"].value, human=all_scores["human"].value, continuity=all_scores["continuity"].value
    )


def scores_tip(all_scores: dict[str, scoring.Score]) -> str:
    """What the scores mean and what cost each its points: the formula, then each condition and its costly findings."""
    lines = [scoring.formula(), ""]
    for score in all_scores.values():
        lines.append(scoring.explain(score))
        for cost in score.costs[:TIP_FINDINGS]:
            message = " ".join(cost.finding.message.split())
            if len(message) > TIP_MESSAGE:
                message = message[: TIP_MESSAGE - 1].rstrip() + "…"
            lines.append(f"  -{cost.points}  {message}")
        more = len(score.costs) - TIP_FINDINGS
        if more > 0:
            lines.append("  " + QCoreApplication.translate("FindingsPanel", "… and {count} more").format(count=more))
    return "\n".join(lines)
