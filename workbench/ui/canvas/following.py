"""Items placed from a step's column keep up with their columns; mixed into the canvas scene.

Cards, step headers and faces ride in their step's column block (see
`blocks.py`), and so does a stage's header, in its first step's block on
the header band. After an edit that moved columns, blocks whose steps all
moved alike move as one item; where the edit was, the items of the steps
that moved are placed one by one. Routes within a lane and flow links are
placed from a column too: they follow it (``_follow``).
"""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsItem

from workbench.ui.canvas.blocks import BlockItem, put_in
from workbench.ui.canvas.header_items import StageItem, StepItem


class FollowingMixin:
    """What of :class:`~workbench.ui.canvas.scene.JourneyScene` keeps items with the columns they are placed from."""

    def _follow_columns(self, steps: set[str], alike: set[str]) -> None:
        """Steps' columns moved (*alike*: some of them all by the same distance): their blocks move, or (where the
        edit was) their items one by one."""
        items = self.items_by_key
        for step_id in self.blocks.shift(steps, alike):
            for box in self.engine.cards_of(step_id):
                item = items.get(("card", box.id))
                if item is not None:
                    item.setPos(item.home())  # type: ignore[attr-defined]
            for kind in ("step", "emotion"):
                item = items.get((kind, step_id))
                if item is not None:
                    item.setPos(item.home())  # type: ignore[attr-defined]
            stage = self._stage_from(step_id)
            if stage is not None:
                stage.follow()  # type: ignore[attr-defined]
        self.curve.follow()  # its pieces are placed from their runs' columns
        for other in self.other_curves.values():
            other.follow()  # its pieces too, and its marks are drawn from their columns: measured again, once

    def _stage_from(self, step_id: str) -> QGraphicsItem | None:
        """The header of the stage placed from *step_id*'s column (its first step), if it is."""
        try:
            stage_id = self.document.index.step(step_id).stage
        except KeyError:
            return None
        box = self.engine.stage_box(stage_id)
        return self.items_by_key.get(("stage", stage_id)) if box is not None and box.step == step_id else None

    @staticmethod
    def _hold(item: QGraphicsItem, holder: QGraphicsItem) -> None:
        """Put an item placed from a step's column in that step's block, or on its band (if it is not there yet)."""
        if getattr(item, "block", None) is not (holder if isinstance(holder, BlockItem) else None):
            put_in(item, holder)

    def _sync_stages(self, ids: set[str] | None) -> None:
        """Stage headers made, moved or removed: those in *ids* (None: all of them).

        A header placed from its first step's column rides in that step's
        block on the header band (it moves with it, as the step's header
        does); a stage with no step has its header on the band itself.
        """
        if ids is None:
            ids = self._stage_ids | {b.id for b in self.layout.stages}
        for stage_id in ids:
            box = self.engine.stage_box(stage_id)
            holder = self.header_band
            if box is not None and box.step is not None:
                holder = self.blocks.holder("header", self.header_band, box.step, StepItem.Z)
                self.blocks.touch(box.step)  # (its header may reach further than its block's steps)
            item = self._sync("stage", stage_id, box, StageItem, band=self.header_band,
                              parent=holder if holder is not self.header_band else None)
            if item is None:
                self._stage_ids.discard(stage_id)
                continue
            self._stage_ids.add(stage_id)
            self._hold(item, holder)

    def _follow(self, kind: str, ids: set[str]) -> None:
        """The columns these elements are placed from moved: their items go along (their boxes or routes are the
        same: stage headers, routes within a lane, flow links)."""
        for element_id in ids:
            item = self.items_by_key.get((kind, element_id))
            if item is not None:
                item.follow()  # type: ignore[attr-defined]
