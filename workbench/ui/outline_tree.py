"""How the Outline's tree is made, and patched where an edit touched it (see outline.py for the widget).

Mixed into :class:`~workbench.ui.outline.Outline`, a QTreeWidget. A full
build makes the stage and step rows; a patch applies a :class:`Stale`: rows of
stages and steps that came, went or moved are taken out of the tree, then put
(back) where the document now puts them, in order, so each lands in its place
among rows that did not move; the children of the steps whose cards, handoffs
or links changed are brought in line the same way (only where made already: a
closed step makes its children when it opens), the row of a card moved from
one step to another going with it; rows that merely changed are updated in
place. Qt forgets that a row taken out was open, so rows put back are opened
again as the user left them. Rows are never made again for their numbers:
see :class:`~workbench.ui.outline_rows.OutlineRow`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTreeWidgetItem

from workbench.model.journey import Element, Step
from workbench.ui.outline_edits import EDITED, ELEMENT, KIND
from workbench.ui.outline_rows import KIND_OF, TEXT, OutlineRow, Stale, children_of, display, editable_text
from workbench.ui.outline_rows import has_children, sentence, tooltip

Indicator = QTreeWidgetItem.ChildIndicatorPolicy


class OutlineTreeMixin:
    """Making and patching the rows of the Outline."""

    doc: Any
    scene: Any
    _rows: dict[str, OutlineRow]
    _populated: set[str]
    _open: dict[str, bool]

    def _clear(self) -> None:
        self.clear()  # deletes the rows: no table may keep them
        self._rows.clear()
        self._populated.clear()

    def _fill(self) -> None:
        """Make every stage and step row, and the children of the steps open; a step's other children wait."""
        index, top = self.doc.index, []
        for stage in index.stages():
            stage_row = self._make(stage)
            stage_row.addChildren([self._make(step) for step in index.steps_of(stage.id)])
            top.append(stage_row)
        self.addTopLevelItems(top)
        for row in top:
            self._reopen(row)

    def _patch(self, stale: Stale) -> None:
        """Apply what the changes touched, and only that (see Stale)."""
        doc, index = self.doc, self.doc.index
        # Rows of stages and steps that came, went or moved are taken out, then put (back) in place.
        taken = [row for row in map(self._rows.get, stale.steps | stale.stages) if row is not None]
        for row in taken:
            parent = row.parent()
            if parent is not None:
                parent.removeChild(row)
            elif (at := self.indexOfTopLevelItem(row)) >= 0:
                self.takeTopLevelItem(at)
        placed: list[OutlineRow] = []
        for at, stage in enumerate(index.stages()):  # in order, so every row before the place is there
            if stage.id in stale.stages:
                placed.append(self._put(stage, lambda row, at=at: self.insertTopLevelItem(at, row)))
        by_stage: dict[str, list[Step]] = {}
        for step in map(doc.find, stale.steps):
            if isinstance(step, Step):
                by_stage.setdefault(step.stage, []).append(step)
        for stage_id, steps in by_stage.items():
            stage_row, rank = self._rows[stage_id], {s.id: i for i, s in enumerate(index.steps_of(stage_id))}
            for step in sorted(steps, key=lambda s: rank[s.id]):
                placed.append(self._put(step, lambda row, at=rank[step.id], to=stage_row: to.insertChild(at, row)))
        self._remake_children(stale.children)
        for element_id in stale.texts:
            row, element = self._rows.get(element_id), doc.find(element_id)
            if row is not None and element is not None and not self._show(row, element):
                row.emitDataChanged()  # its sentence may have changed: a screen reader hears of it
        for row in placed:
            self._reopen(row)
        for row in taken + [r for r in map(self._rows.get, stale.gone) if r is not None]:
            if row.treeWidget() is None:
                self._forget(row)
            elif row.element_id not in doc:  # left under a parent that stays (never, if Stale is right)
                (row.parent() or self.invisibleRootItem()).removeChild(row)
                self._forget(row)

    def _put(self, element: Element, insert: Callable[[OutlineRow], object]) -> OutlineRow:
        """Insert the row of *element*: the one taken out (moved, or put back by an undo), else a new one."""
        row = self._rows.get(element.id)  # type: ignore[attr-defined]
        if row is None:
            row = self._make(element)
        else:
            self._show(row, element)
        insert(row)
        return row

    def _remake_children(self, steps: set[str]) -> None:
        """Bring the children of these steps in line with the document, where made, touching as few rows as can be.

        Rows of elements that left a step, or that must move to let the others
        keep their places, are taken out first (a card moved to another step is
        then found there, the same row); then the missing rows are put in, in
        order. The rows that did not move are left alone, so the current row
        stays current unless it moved itself.
        """
        rows = [row for row in map(self._rows.get, steps) if row is not None]
        wanted = {row.element_id: children_of(self.doc, row.element_id) for row in rows if row.element_id in self._populated}
        pool: dict[str, OutlineRow] = {}
        for row in rows:
            kids = wanted.get(row.element_id)
            if kids is None:
                continue
            place = {kid.id: i for i, kid in enumerate(kids)}  # type: ignore[attr-defined]
            present = [row.child(i) for i in range(row.childCount())]
            staying = _longest_increasing([place.get(child.element_id, -1) for child in present])  # type: ignore[attr-defined]
            for i in reversed(range(len(present))):
                if i not in staying:
                    pool[present[i].element_id] = row.takeChild(i)  # type: ignore[attr-defined,assignment]
        for row in rows:
            kids = wanted.get(row.element_id)
            if kids is not None:
                for at, kid in enumerate(kids):
                    child = row.child(at)
                    if child is not None and child.data(0, ELEMENT) == kid.id:  # type: ignore[attr-defined]
                        self._show(child, kid)  # type: ignore[arg-type]
                    else:
                        row.insertChild(at, self._child_row(kid, pool))
            self._indicate(row)
        for element_id, child in pool.items():
            if self._rows.get(element_id) is child:
                del self._rows[element_id]

    def _child_row(self, element: Element, pool: dict[str, OutlineRow]) -> OutlineRow:
        """The row taken out for *element* (a card moved here from another step), else a new one."""
        row = pool.pop(element.id, None)  # type: ignore[attr-defined]
        if row is None:
            return self._make(element)
        self._show(row, element)
        return row

    def _make(self, element: Element) -> OutlineRow:
        kind, element_id = KIND_OF[type(element)], element.id  # type: ignore[attr-defined]
        row = OutlineRow(self._give_sentence, kind, element_id)
        if kind in EDITED:
            row.setFlags(row.flags() | Qt.ItemFlag.ItemIsEditable)
        self._show(row, element)
        if kind == "step":
            self._indicate(row)
        self._rows[element_id] = row
        return row

    def _show(self, row: OutlineRow, element: Element) -> bool:
        """Bring what the row shows in line with *element*; True if anything changed."""
        shown, text = display(self.doc, element), editable_text(row.kind, element)
        changed = row.text(0) != shown
        if changed:
            row.setText(0, shown)
        if text is not None and row.data(0, TEXT) != text:
            row.setData(0, TEXT, text)
            changed = True
        return changed

    def _indicate(self, row: OutlineRow) -> None:
        """A step shows it can open before its children are made."""
        wanted = Indicator.ShowIndicator if has_children(self.doc, row.element_id) else Indicator.DontShowIndicatorWhenChildless
        if row.childIndicatorPolicy() != wanted:
            row.setChildIndicatorPolicy(wanted)

    def _give_sentence(self, row: OutlineRow) -> None:
        """Give *row* its sentence for the document as it is now; kept until the document changes, or the curve the
        map edits (a step says the emotion of the persona and scenario chosen in the toolbar, as the map shows)."""
        curve = self.scene.focus.active if self.scene is not None else None
        stamp = (self.doc.index.generation, curve) if self.scene is not None else None
        if row.said is not None and row.said[0] == stamp:
            return
        said = sentence(self.doc, row.kind, row.element_id, curve) if self.scene is not None else None
        if said is None:  # gone: it says what it said last
            said = row.said[1] if row.said is not None else row.text(0)
        row.said = (stamp, said, tooltip(said))

    def _populate(self, row: QTreeWidgetItem) -> None:
        element_id = row.data(0, ELEMENT)
        if element_id in self._populated or row.data(0, KIND) != "step":
            return
        self._populated.add(element_id)
        row.addChildren([self._make(kid) for kid in children_of(self.doc, element_id)])

    def _reopen(self, row: OutlineRow) -> None:
        """Open again a row put back in the tree (Qt forgets it was open), and its steps if a stage."""
        rows = [row] + ([row.child(i) for i in range(row.childCount())] if row.kind == "stage" else [])
        for each in rows:
            element_id = each.data(0, ELEMENT)
            if self._open.get(element_id, each.data(0, KIND) == "stage"):
                self._populate(each)
                each.setExpanded(True)

    def _forget(self, row: QTreeWidgetItem) -> None:
        """Drop a row taken out of the tree, and its children, from the tables."""
        element_id = row.data(0, ELEMENT)
        if self._rows.get(element_id) is row:
            del self._rows[element_id]
            self._populated.discard(element_id)
        for i in range(row.childCount()):
            self._forget(row.child(i))


def _longest_increasing(values: list[int]) -> set[int]:
    """Positions of a longest strictly increasing run of *values* (ignoring negatives): the rows that can stay."""
    tails: list[int] = []  # position of the smallest tail of a run of each length
    back: dict[int, int] = {}
    for i, value in enumerate(values):
        if value < 0:
            continue
        lo, hi = 0, len(tails)
        while lo < hi:
            mid = (lo + hi) // 2
            if values[tails[mid]] < value:
                lo = mid + 1
            else:
                hi = mid
        if lo:
            back[i] = tails[lo - 1]
        if lo == len(tails):
            tails.append(i)
        else:
            tails[lo] = i
    out: set[int] = set()
    i = tails[-1] if tails else -1
    while i >= 0:
        out.add(i)
        i = back.get(i, -1)
    return out
