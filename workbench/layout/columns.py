"""The columns of the layout: one per step in time order (an empty stage keeps one free); mixed into `LayoutEngine`.

A column's left is an :class:`~workbench.geometry.Anchor` its step's cards
and header are placed from, so a step added before it moves one number. An
edit that only moved steps within some stages splices those stages' columns
in (:meth:`ColumnsMixin._respliced`) rather than laying every column out again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from workbench.geometry import Anchor

if TYPE_CHECKING:
    from workbench.layout.engine import Patch


class Shifted:
    """Columns that a step already shown left or took: some one by one, and a stretch moved as a whole.

    The stretch (from ``lo`` to ``hi``, excluded) is the columns a step added
    or removed before them pushed along: a range, not thousands of numbers.
    Before the edit, the columns pushed along began at ``kept``.
    """

    __slots__ = ("some", "lo", "hi", "kept")

    def __init__(self) -> None:
        self.some: set[int] = set()
        self.lo = self.hi = 0
        self.kept = 0

    def __bool__(self) -> bool:
        return bool(self.some) or self.hi > self.lo

    def meets(self, columns: frozenset[int]) -> bool:
        """True if one of *columns* shifted (or, for columns with a hole, may have: checked further by the caller)."""
        if not self.some.isdisjoint(columns):
            return True
        return self.hi > self.lo and bool(columns) and min(columns) < self.hi and max(columns) >= self.lo


class ColumnsMixin:
    """The columns of `LayoutEngine` (its state: columns, each step's column, spans, column anchors)."""

    def _update_columns(self, full: bool, patch: Patch) -> tuple[set[str], bool, bool]:
        """Each step gets a column; an empty stage keeps one free column for drops.

        Returns the steps whose column is new or another one, whether a step
        already shown changed column, and whether the columns changed at all.
        The columns after the last stage whose steps changed all move alike
        (a step added early in a long map moves thousands): they are renumbered
        and their anchors moved in one plain pass.
        """
        if not (full or self._columns_dirty):
            self._respanned = set()
            return set(), False, False
        before = self._col_of
        if full or self._stages_dirty:
            columns, spans = self._all_columns()
            start, col_of, gone = 0, {}, None
            tail = len(columns)  # (no columns moved alike: each is looked at)
            delta = 0
            recounted = set(spans)
        else:
            columns, spans, start, gone, kept, recounted = self._respliced()
            col_of = dict(before)  # (the columns before *start* are the same)
            for sid in gone:
                del col_of[sid]
            tail = len(columns) - (len(self._columns) - kept)  # where the columns kept from *kept* on are now
            delta = tail - kept
        moved: set[str] = set()
        # Columns left or taken by a step already shown: routes passing them are routed again.
        shifted = Shifted()
        for i in range(start, tail if delta else len(columns)):
            sid = columns[i][1]
            if sid is not None:
                col_of[sid] = i
                was = before.get(sid)
                if was != i:
                    moved.add(sid)
                    if was is not None:
                        shifted.some.update((was, i))
        if gone is None:
            gone = {sid for sid in before if sid not in col_of}
        for sid in gone:
            self._forget_title(sid)
            self._step_boxes.pop(sid, None)
            self._column_anchors.pop(sid, None)
            patch.steps.add(sid)
            shifted.some.add(before[sid])
        x0, pitch, column = self._x0, self._pitch, self._column
        for sid in moved:
            column(sid).x = x0 + col_of[sid] * pitch
        patch.columns.update(moved.intersection(before))
        if delta:
            ids = [sid for _, sid in columns[tail:]]
            col_of.update(zip(ids, range(tail, len(columns))))
            col_of.pop(None, None)  # (an empty stage's column)
            anchors = self._column_anchors
            for i, sid in enumerate(ids, tail):
                if sid is not None:
                    anchors[sid].x = x0 + i * pitch
            ids = set(ids)
            ids.discard(None)  # type: ignore[arg-type]
            moved |= ids  # type: ignore[arg-type]
            patch.columns |= ids  # type: ignore[arg-type]  # (all shown before)
            patch.alike = ids  # type: ignore[assignment]
            if ids:
                shifted.lo, shifted.hi = min(kept, tail), max(len(self._columns), len(columns))
                shifted.kept = kept
        self._shifted = shifted
        spans_changed = full or spans != self._spans
        self._respanned = {sid for sid, _ in spans.items() - self._spans.items()}
        if delta and recounted:
            # Stages after the last one changed whose first column is a step's: their headers go with that column.
            order = list(spans)
            after = order[max(order.index(sid) for sid in recounted) + 1:]
            self._respanned -= set(after) - self._free
        self._respanned |= recounted  # (a stage's only step gone leaves its span as it was, not its first column)
        self._recounted = recounted
        self._columns, self._col_of, self._spans = columns, col_of, spans
        return moved, bool(shifted), spans_changed

    def _all_columns(self) -> tuple[list[tuple[str, str | None]], dict[str, tuple[int, int]]]:
        """(stage, step) of each column in time order (step None: an empty stage's free column); each stage's span."""
        columns: list[tuple[str, str | None]] = []
        spans: dict[str, tuple[int, int]] = {}  # each stage's first column and how many it has
        self._free = set()
        for stage in self.index.stages():
            first = len(columns)
            columns += [(stage.id, st.id) for st in self.index.steps_of(stage.id)] or [(stage.id, None)]
            spans[stage.id] = (first, len(columns) - first)
            if columns[-1][1] is None:
                self._free.add(stage.id)
        return columns, spans

    def _respliced(
        self,
    ) -> tuple[list[tuple[str, str | None]], dict[str, tuple[int, int]], int, set[str], int, set[str]]:
        """The same as :meth:`_all_columns` when only some stages' steps changed: their columns spliced in.

        Also the first column that may have changed, the steps those stages
        no longer show, and the first of the columns kept as they were after
        the last changed stage (they all moved alike), and the stages spliced
        (only they may have another number of columns). The stages (and their
        order) are those of the last update; a step whose stage is not one of
        them has no column, as in a full pass.
        """
        old, old_spans = self._columns, self._spans
        columns: list[tuple[str, str | None]] = []
        counts: dict[str, int] = {}
        was_shown: set[str] = set()
        shown: set[str] = set()
        taken = 0
        changed = sorted(self._restaged.intersection(old_spans), key=lambda st: old_spans[st][0])
        for stage_id in changed:
            first, count = old_spans[stage_id]
            columns += old[taken:first]
            was_shown.update(sid for _, sid in old[first:first + count] if sid is not None)
            steps = self.index.steps_of(stage_id)
            shown.update(st.id for st in steps)
            segment = [(stage_id, st.id) for st in steps] or [(stage_id, None)]
            if steps:
                self._free.discard(stage_id)
            else:
                self._free.add(stage_id)
            columns += segment
            counts[stage_id] = len(segment)
            taken = first + count
        columns += old[taken:]
        spans: dict[str, tuple[int, int]] = {}
        first = 0
        for stage_id, (_, count) in old_spans.items():  # (in stage order: they were made so)
            count = counts.get(stage_id, count)
            spans[stage_id] = (first, count)
            first += count
        start = old_spans[changed[0]][0] if changed else len(columns)
        return columns, spans, start, was_shown - shown, taken, set(changed)

    def _column_x(self, i: int) -> float:
        return self._x0 + i * self._pitch

    def _column(self, step_id: str) -> Anchor:
        """The left of a step's column, which its cards are placed from."""
        anchor = self._column_anchors.get(step_id)
        if anchor is None:
            anchor = self._column_anchors[step_id] = Anchor()
        return anchor

    @property
    def columns(self) -> dict[str, Anchor]:
        """The left of each shown step's column, by step id (kept current: read, don't change)."""
        return self._column_anchors

    def steps_between(self, left: float, right: float) -> list[str]:
        """The steps whose columns reach between *left* and *right* (map x), in time order."""
        if not self._columns or right < left:
            return []
        first = max(0, int((left - self._x0) // self._pitch))
        last = min(len(self._columns) - 1, int((right - self._x0) // self._pitch))
        return [sid for _, sid in self._columns[first:last + 1] if sid is not None]

    def step_before(self, step_id: str) -> str | None:
        """The step shown just before *step_id* in time (None: it is the first, or not shown)."""
        i = self._col_of.get(step_id)
        while i:
            i -= 1
            before = self._columns[i][1]
            if before is not None:
                return before
        return None
