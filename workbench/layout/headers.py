"""Stage and step headers of the layout: titles measured, boxes made and placed; mixed into `LayoutEngine`.

A stage header is placed from an anchor of the stage's own (the left of
its first column), a step header from its column's: a step added before
them moves anchors, and their boxes stay as they were.
"""

from __future__ import annotations

from collections.abc import Iterable
from operator import itemgetter
from typing import TYPE_CHECKING

from workbench.geometry import Anchor, Rect, StageBox, StepBox
from workbench.layout.boxes import text_box
from workbench.textmetrics import line_height, wrap

if TYPE_CHECKING:
    from workbench.layout.engine import Patch

#: The step of a column (None for an empty stage's free column).
_STEP_OF = itemgetter(1)


class HeadersMixin:
    """The headers of `LayoutEngine` (its state: columns, spans, titles' line counts, header boxes)."""

    def _forget_title(self, sid: str) -> None:
        lines = self._lines_of.pop(sid, None)
        if lines is not None:
            self._line_counts[lines] -= 1

    def _measure_titles(self, ids: Iterable[str]) -> None:
        s = self.style
        for sid in list(ids):
            self._forget_title(sid)
            if sid in self._col_of:
                lines = len(wrap(self.index.step(sid).title, s.column_width - 2 * s.padding, s.step_size, True))
                self._lines_of[sid] = lines
                self._line_counts[lines] += 1

    def _stage_height(self, ids: set[str] | None) -> float:
        """How tall the stage headers are: the most lines a title wraps to; only *ids*' titles wrapped again
        (None: every stage's, and stages gone forgotten)."""
        s = self.style
        lines_of, counts = self._stage_lines, self._stage_line_counts
        if ids is None:
            lines_of.clear()
            counts.clear()
            ids = {stage.id for stage in self.index.stages()}
        for stage_id in ids:
            width = self._spans[stage_id][1] * self._pitch - s.gap
            lines = len(wrap(self.index.stage(stage_id).title, width - 2 * s.padding, s.title_size, True))
            before = lines_of.get(stage_id)
            if before is not None:
                counts[before] -= 1
            lines_of[stage_id] = lines
            counts[lines] += 1
        most = max([n for n, count in counts.items() if count > 0] + [1])
        return most * line_height(s.title_size) + 2 * s.padding

    def _stage_boxes(self, ids: set[str] | None, moved: set[str], patch: Patch) -> list[StageBox]:
        """The stage headers, those in *ids* (None: all) placed again; made again only if their size, title or
        column changed.

        A header is placed from its first column's left: the anchor of the
        step there (so a step added before it moves it with that step's
        cards), or for a stage with no step, an anchor of the stage's own.
        A stage whose first column moved keeps its box and is named in
        ``patch.stage_columns`` (unless that column is a step's in
        ``patch.alike``); *moved* holds the steps whose columns moved.
        """
        s = self.style
        known, titles, anchors = self._stage_box, self._stage_titles, self._stage_anchors
        stages = self.index.stages()
        spans, columns = self._spans, self._columns
        changed = False
        for stage in stages if ids is None else map(self.index.stage, ids):
            first, count = spans[stage.id]
            step = columns[first][1]
            old = known.get(stage.id)
            if step is None:
                anchor = anchors.get(stage.id)
                if anchor is None:
                    anchor = anchors[stage.id] = Anchor()
                x = self._column_x(first)
                shifted = anchor.x != x
                anchor.x = x
            else:
                anchors.pop(stage.id, None)
                anchor = self._column(step)
                shifted = step in moved and step not in patch.alike
            width = count * self._pitch - s.gap
            if (old is None or old.column is not anchor or old.local.w != width or old.local.h != self._stage_h
                    or titles.get(stage.id) != stage.title):
                rect = Rect(0.0, s.margin, width, self._stage_h)
                text = text_box(stage.title, s.padding, s.margin + s.padding, width - 2 * s.padding, s.title_size, True)
                known[stage.id] = StageBox(stage.id, rect, text, anchor, step)  # type: ignore[arg-type]
                patch.stage_boxes.add(stage.id)
                changed = True
            elif shifted:
                patch.stage_columns.add(stage.id)
            titles[stage.id] = stage.title
        if ids is None:  # (every stage looked at: those gone are forgotten)
            gone = known.keys() - {stage.id for stage in stages}
            patch.stage_boxes |= gone
            changed = changed or bool(gone)
            self._stage_box = {stage.id: known[stage.id] for stage in stages}
            self._stage_titles = {stage.id: titles[stage.id] for stage in stages}
            self._stage_anchors = {sid: a for sid, a in anchors.items() if sid in self._stage_box}
        if changed or ids is None:  # (stages may have come, gone or moved among themselves)
            return [self._stage_box[stage.id] for stage in stages]
        return self.layout.stages

    def _update_steps(self, every: bool, new: set[str], columns_changed: bool, patch: Patch) -> bool:
        """Rebuild the step headers that are new or changed; True if a header appeared, went or was resized.

        Headers are placed from their column's anchor: a step that only
        changed column keeps its box (it is in ``patch.columns``).
        """
        s = self.style
        header_y, header_h = self._header
        ids = self._col_of.keys() if every else (new | self._steps_dirty) & self._col_of.keys()
        headers_changed = bool(patch.steps)
        inner = s.column_width - 2 * s.padding
        header = Rect(0.0, header_y, s.column_width, header_h)
        for sid in ids:
            step = self.index.step(sid)
            text = text_box(step.title, s.padding, header_y + s.padding, inner, s.step_size, True)
            box = StepBox(sid, header, text, step.moment_of_truth, step.goal, self._bottom, step.end, self._column(sid))
            before = self._step_boxes.get(sid)
            if before != box or before.left is not box.left:
                patch.steps.add(sid)
                headers_changed = headers_changed or before is None or before.local_header != header
                self._step_boxes[sid] = box
        if ids or columns_changed or patch.steps:
            # (in C: every later header is listed again when a step is added early in a long map)
            self.layout.steps = list(map(self._step_boxes.__getitem__, filter(None, map(_STEP_OF, self._columns))))
        return headers_changed
