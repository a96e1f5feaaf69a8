"""Stage and step headers of the layout: titles measured, boxes made and placed; mixed into `LayoutEngine`.

A stage header is placed from an anchor of the stage's own (the left of
its first column), a step header from its column's: a step added before
them moves anchors, and their boxes stay as they were.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from workbench.geometry import Anchor, Rect, StageBox, StepBox
from workbench.layout.boxes import text_box
from workbench.textmetrics import line_height, wrap

if TYPE_CHECKING:
    from workbench.layout.engine import Patch


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

    def _stage_boxes(self, ids: set[str] | None, patch: Patch) -> list[StageBox]:
        """The stage headers, those in *ids* (None: all) placed again; made again only if their size or title changed.

        A header is placed from its first column's left (an anchor of the
        stage's own): a stage that a step added before it pushed along keeps
        its box, and is named in ``patch.stage_columns``.
        """
        s = self.style
        known, titles, anchors = self._stage_box, self._stage_titles, self._stage_anchors
        stages = self.index.stages()
        for stage in stages:
            if ids is not None and stage.id not in ids and stage.id in known:
                continue
            first, count = self._spans[stage.id]
            anchor = anchors.get(stage.id)
            if anchor is None:
                anchor = anchors[stage.id] = Anchor()
            x = self._column_x(first)
            if anchor.x != x:
                anchor.x = x
                patch.stage_columns.add(stage.id)
            width = count * self._pitch - s.gap
            old = known.get(stage.id)
            if old is None or old.local.w != width or old.local.h != self._stage_h or titles.get(stage.id) != stage.title:
                rect = Rect(0.0, s.margin, width, self._stage_h)
                text = text_box(stage.title, s.padding, s.margin + s.padding, width - 2 * s.padding, s.title_size, True)
                known[stage.id] = StageBox(stage.id, rect, text, anchor)  # type: ignore[arg-type]
            titles[stage.id] = stage.title
        self._stage_box = {stage.id: known[stage.id] for stage in stages}
        self._stage_titles = {stage.id: titles[stage.id] for stage in stages}
        self._stage_anchors = {stage.id: anchors[stage.id] for stage in stages}
        return list(self._stage_box.values())

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
            self.layout.steps = [self._step_boxes[sid] for _, sid in self._columns if sid is not None]
        return headers_changed
