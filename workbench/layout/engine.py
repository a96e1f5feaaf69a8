"""The layout engine: lays a journey out once, then again only where an edit touched it.

The map reads left to right in time: stage headers across the top, a band
for flow links, step headers, then one row per lane with cards in the cell
of their step and lane. Heights grow to fit wrapped text, so nothing is ever
clipped.

The engine keeps what it measured: the columns, each cell's card boxes and
how far down it reaches, each lane's cells by height, the routes within a
lane. :meth:`LayoutEngine.note` hears the document's changes; :meth:`update`
then re-measures the cells, columns and lanes they touch, moves the lanes'
anchors (cards, faces and routes within a lane keep their y from the lane's
top, so a lane pushed down is one number) and says in a :class:`Patch` which
boxes changed. A full layout is the same engine with everything to do, so
the two cannot drift apart; a property test compares them after random edits.
Columns are in `columns.py`, keeping handoffs and links routed in `connecting.py`, the emotion curves in `curves.py`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from workbench.geometry import (
    LEGEND_GAP,
    Anchor,
    CardBox,
    CurveKey,
    EmotionPoint,
    LaneBox,
    Rect,
    StageBox,
    StepBox,
    Style,
    legend_height,
)
from workbench.layout.boxes import cell_top, measures_for, place_cell, text_box
from workbench.layout.columns import ColumnsMixin, Shifted
from workbench.layout.connecting import ConnectorsMixin, LaneRoutes
from workbench.layout.curves import CurvesMixin
from workbench.layout.headers import HeadersMixin
from workbench.layout.emotions import RunCache, legend_entries, shown_curves
from workbench.layout.routes import LinkCache
from workbench.map_layout import Layout
from workbench.model.events import Change
from workbench.model.index import JourneyIndex
from workbench.model.journey import Handoff, Journey, Lane
from workbench.textmetrics import line_height

Cell = tuple[str, str]


@dataclass
class Patch:
    """What an update changed, by kind and id (ids whose box is gone included)."""

    full: bool = False
    cards: set[str] = field(default_factory=set)
    steps: set[str] = field(default_factory=set)
    stages: bool = False
    stage_boxes: set[str] = field(default_factory=set)
    """Stages whose header box is new or another one, or gone (with ``stages``)."""
    stage_columns: set[str] = field(default_factory=set)
    """Stages whose header moved along with their first column (their boxes are the same), except those placed
    from the column of a step in ``alike``: they go with that step's column as its cards do."""
    lanes: set[str] = field(default_factory=set)
    anchors: set[str] = field(default_factory=set)
    """Lanes whose top moved: what is placed from it moves along."""
    columns: set[str] = field(default_factory=set)
    """Steps whose column moved: their cards move along (their boxes are the same)."""
    alike: set[str] = field(default_factory=set)
    """Some of ``columns``: steps whose columns all moved by the same distance (those after a step added or
    removed), so that a view can move them in groups without looking at each."""
    emotions: set[str] = field(default_factory=set)
    curve: bool = False
    handoffs: set[str] = field(default_factory=set)
    handoff_columns: set[str] = field(default_factory=set)
    """Handoffs within a lane whose routes were pushed along with their columns (the same routes, moved)."""
    links: set[str] = field(default_factory=set)
    link_columns: set[str] = field(default_factory=set)
    """Links pushed along with both their steps (the same routes, moved)."""


class LayoutEngine(ColumnsMixin, ConnectorsMixin, CurvesMixin, HeadersMixin):
    """Computes the :class:`Layout` of one journey and keeps it current."""

    def __init__(
        self,
        journey: Callable[[], Journey],
        index: JourneyIndex,
        style: Style | None = None,
        curves: Callable[[], tuple[list[CurveKey], CurveKey | None]] | None = None,
    ) -> None:
        """*curves*, asked at every update, says which emotion curves to lay out, in drawing
        order, and which one is active; by default every curve that has a value, with the
        lead persona's "as is" active (see :func:`~workbench.layout.emotions.shown_curves`)."""
        self._journey = journey
        self._curves = curves or (lambda: shown_curves(index))
        self._shown: tuple[list[CurveKey], CurveKey | None] = ([], None)
        self.index = index
        self.style = s = style or Style()
        self.layout = Layout(0, 0, s)
        self._measure = measures_for(s)
        self._x0 = s.margin + s.lane_title_width + s.gap
        self._pitch = s.column_width + s.gap
        self._columns: list[tuple[str, str | None]] = []
        self._col_of: dict[str, int] = {}
        self._lines_of: dict[str, int] = {}
        self._line_counts: Counter[int] = Counter()
        self._stage_h = 0.0
        self._stage_lines: dict[str, int] = {}
        self._stage_line_counts: Counter[int] = Counter()
        self._spans: dict[str, tuple[int, int]] = {}
        self._respanned: set[str] = set()
        self._recounted: set[str] = set()
        """Stages whose number of columns may have changed in the last update (their titles may wrap otherwise)."""
        self._free: set[str] = set()
        """Stages shown with no step: a free column of their own (placed from an anchor of the stage's own)."""
        self._stage_box: dict[str, StageBox] = {}
        self._stage_titles: dict[str, str] = {}
        self._stage_anchors: dict[str, Anchor] = {}
        self._shifted = Shifted()
        self._header = (0.0, 0.0)
        self._step_boxes: dict[str, StepBox] = {}
        self._cells: dict[Cell, list[CardBox]] = {}
        self.layout.cells = self._cells  # shared: the layout answers "which cards in this cell" from it
        self._extent: dict[Cell, float] = {}
        self._lane_extents: dict[str, Counter[float]] = {}
        self._anchors: dict[str, Anchor] = {}
        self._routes: dict[str, LaneRoutes] = {}
        self._placed_cells: set[Cell] = set()
        self._cross: dict[str, tuple[Handoff, CardBox, CardBox, float, float, float, float]] = {}
        self._bottom = Anchor()
        self._column_anchors: dict[str, Anchor] = {}
        self._emotion_lane: tuple[str, str] | None = None
        self._points: dict[CurveKey, dict[str, EmotionPoint]] = {}
        self._run_cache: dict[CurveKey, RunCache] = {}
        self._link_cache: LinkCache = {}
        self._all = True
        self._reset()
        self.update()

    def _reset(self) -> None:
        self._columns_dirty = False
        self._restaged: set[str] = set()
        self._stages_dirty = False
        self._lanes_dirty = False
        self._steps_dirty: set[str] = set()
        self._cells_dirty: set[Cell] = set()
        self._refilled: set[str] = set()
        self._emotions_dirty = False
        self._looks_dirty = False
        self._links_dirty = False

    # -------------------------------------------------------------- hearing

    def note(self, change: Change) -> None:
        """Remember what *change* touched, for the next :meth:`update`."""
        new, old = change.element, change.old
        updated = change.action == "updated"
        if change.collection == "stages":
            self._columns_dirty = self._stages_dirty = True
        elif change.collection == "steps":
            self._steps_dirty.update(e.id for e in (new, old) if e is not None)  # type: ignore[union-attr]
            if not updated or (old.stage, old.order) != (new.stage, new.order):  # type: ignore[union-attr]
                self._columns_dirty = True
                self._restaged.update(e.stage for e in (new, old) if e is not None)  # type: ignore[union-attr]
            if not updated or old.emotions != new.emotions:  # type: ignore[union-attr]
                self._emotions_dirty = True
        elif change.collection == "lanes":
            self._lanes_dirty = self._emotions_dirty = True  # the emotion lane may be another one now
            if not updated or old.kind != new.kind:  # type: ignore[union-attr]
                self._refilled.add(change.id)  # type: ignore[arg-type]
        elif change.collection == "cards":
            self._cells_dirty.update((e.step, e.lane) for e in (new, old) if e is not None)  # type: ignore[union-attr]
        elif change.collection == "links":
            self._links_dirty = True
        elif change.collection == "personas":
            self._emotions_dirty = self._looks_dirty = True  # a curve may have come, gone or changed look
        # Handoffs are all looked at on every update (there are few); the journey's own fields place nothing.

    # ------------------------------------------------------------- updating

    def update(self) -> Patch:
        """Bring the layout in line with the journey; what changed."""
        s, lay = self.style, self.layout
        full = self._all
        patch = Patch(full=full)
        moved, shifted, spans_changed = self._update_columns(full, patch)
        # A step already shown that only changed column keeps its measures and boxes (all relative to it).
        new = moved - patch.columns
        self._measure_titles(self._col_of.keys() if full else self._steps_dirty | new)
        if spans_changed or self._stages_dirty:
            stage_h = self._stage_height(None if full or self._stages_dirty else self._recounted)
        else:
            stage_h = self._stage_h
        header_y = s.margin + stage_h + (s.link_band if self._journey().links else s.gap)
        tallest_title = max([n for n, count in self._line_counts.items() if count > 0] + [1])
        header = (header_y, tallest_title * line_height(s.step_size) + 2 * s.padding + s.marker_height)
        headers_moved = header != self._header
        self._header = header

        lanes = self.index.lanes()
        lane_of = {lane.id: lane for lane in lanes}
        touched = self._update_cells(full, moved, lane_of, patch)
        shown = self._curves()
        self._update_lanes(lanes, touched, shifted, patch, legend_entries(self.index, shown[1]))
        if spans_changed or self._respanned or self._stages_dirty or stage_h != self._stage_h:
            every = full or self._stages_dirty or stage_h != self._stage_h
            self._stage_h = stage_h
            lay.stages = self._stage_boxes(None if every else self._respanned, moved, patch)
            patch.stages = True
        headers_changed = self._update_steps(full or headers_moved, new, bool(moved) or spans_changed, patch)
        if full or self._emotion_lane_changed() or shown != self._shown:
            self._shown = (list(shown[0]), shown[1])
            self._update_emotions(None, patch)
        elif self._emotions_dirty or moved or patch.steps:
            # A step added or gone may join or break a run of the curve even where no face moved.
            reordered = bool(moved) or any(sid not in self._col_of for sid in patch.steps)
            self._update_emotions(new | self._steps_dirty | patch.steps, patch, reordered, moved)
        if full or self._looks_dirty:
            lay.marks = {p.id: (p.shape, p.colour) for p in self.index.personas()}
        self._update_cross_handoffs(patch)
        moved_headers = (patch.steps | patch.columns) if headers_changed else patch.columns
        if full or self._links_dirty or headers_moved or moved_headers and self._links_touch(moved_headers):
            self._update_links(patch)
        self._all = False
        self._reset()
        return patch

    def face(self, step_id: str) -> EmotionPoint | None:
        """The face of a step on the active curve (as in ``layout.emotion_points``), None if it has none."""
        return self._points.get(self.layout.active, {}).get(step_id) if self.layout.active is not None else None

    def step_box(self, step_id: str) -> StepBox | None:
        """The header box of a step shown (None: it is not)."""
        return self._step_boxes.get(step_id) if step_id in self._col_of else None

    def stage_box(self, stage_id: str) -> StageBox | None:
        """The header box of a stage shown (None: it is not)."""
        return self._stage_box.get(stage_id)

    def cards_of(self, step_id: str) -> list[CardBox]:
        """The boxes of a step's cards, every lane (for a view moving them with their column)."""
        return [box for lane in self.layout.lanes for box in self._cells.get((step_id, lane.id), ())]

    # ---------------------------------------------------------------- cells

    def _update_cells(self, full: bool, moved: set[str], lane_of: dict[str, Lane], patch: Patch) -> set[str]:
        """Place the cards of every cell an edit touched; the lanes those cells are in."""
        index = self.index
        todo: set[Cell] = set(self._cells_dirty)
        if full:
            todo.update(index.cells())
        # A step whose column moved keeps its boxes: they are placed from the column's anchor.
        for lane_id in self._refilled:
            todo.update(c for c in index.cells() if c[1] == lane_id)
        if self._lanes_dirty:
            todo.update(c for c in self._cells if c[1] not in lane_of)
        for cell in todo:
            self._place(cell, lane_of, patch)
        self._placed_cells = todo  # (routes passing one of them are made again)
        return {lane_id for _, lane_id in todo}

    def _place(self, cell: Cell, lane_of: dict[str, Lane], patch: Patch) -> None:
        # (Run for every cell of a map laid out whole, 5,000 times at 1,000 steps: a cell placed for the first
        # time skips what only a cell placed again needs.)
        boxes_by_id = self.layout.card_boxes
        changed = patch.cards
        step_id, lane_id = cell
        old = self._cells.pop(cell, None)
        extent = self._extent.pop(cell, None)
        if extent is not None:
            extents = self._lane_extents[lane_id]
            extents[extent] -= 1
            if extents[extent] <= 0:
                del extents[extent]
        if old:
            for box in old:
                if boxes_by_id.get(box.id) is box:
                    del boxes_by_id[box.id]
                    changed.add(box.id)
        lane = lane_of.get(lane_id)
        cards = self.index.cards_at(step_id, lane_id)
        if lane is None or step_id not in self._col_of or not cards:
            return
        anchor = self._anchors.get(lane_id)
        if anchor is None:
            anchor = self._anchors[lane_id] = Anchor()
        boxes, extent = place_cell(cards, cell_top(lane.kind, self.style), self._measure, anchor, self._column(step_id))
        if old:
            previous = {b.id: b for b in old}
            for box in boxes:
                if previous.get(box.id) != box:
                    changed.add(box.id)
                boxes_by_id[box.id] = box
        else:
            for box in boxes:
                changed.add(box.id)
                boxes_by_id[box.id] = box
        self._cells[cell] = boxes
        self._extent[cell] = extent
        extents = self._lane_extents.get(lane_id)
        if extents is None:
            extents = self._lane_extents[lane_id] = Counter()
        extents[extent] += 1

    # ---------------------------------------------------------------- lanes

    def _update_lanes(
        self, lanes: list[Lane], touched: set[str], columns_moved: bool, patch: Patch, legend: int = 0
    ) -> None:
        """Lanes top to bottom: heights from their tallest cell and routes; anchors moved.

        A lane is never shorter than its title, and the emotion lane's title column also holds the
        canvas's legend of its *legend* curves (see ``ui/canvas/legend.py``).
        """
        s, lay = self.style, self.layout
        y = self._header[0] + self._header[1] + s.gap
        right = self._column_x(len(self._columns)) - s.gap if self._columns else self._x0
        in_lane = self._handoffs_by_lane()
        empty = 2 * s.padding - s.card_gap
        old = {b.id: b for b in lay.lanes}
        boxes: list[LaneBox] = []
        for lane in lanes:
            emotions = s.emotion_height if lane.kind == "emotions" else 0.0
            extents = self._lane_extents.get(lane.id)
            tallest = max(extents) if extents else 0.0
            if self._col_of:  # an empty cell of a step column still counts its padding
                tallest = max(tallest, empty + emotions)
            content = max(emotions or s.lane_min_height, tallest)
            title = text_box(lane.title, s.margin + s.padding, y + s.padding, s.lane_title_width - 2 * s.padding, s.step_size, True)
            under = legend_height(legend, s) if emotions else 0.0
            content = max(content, s.padding + title.rect.h + (2 * LEGEND_GAP + under if under else s.padding))
            band = self._route(lane.id, tuple(in_lane.get(lane.id, ())), content, lane.id in touched, columns_moved, patch)
            anchor = self._anchors.setdefault(lane.id, Anchor())
            if anchor.y != y:
                anchor.y = y
                patch.anchors.add(lane.id)
            row = Rect(s.margin, y, right - s.margin, content + band)
            box = LaneBox(lane.id, lane.kind, row, title)
            if old.get(lane.id) != box:
                patch.lanes.add(lane.id)
            boxes.append(box)
            y += row.h + s.gap
        gone = set(old) - {lane.id for lane in lanes}
        patch.lanes |= gone
        for lane_id in gone:
            self._anchors.pop(lane_id, None)
            known = self._routes.pop(lane_id, None)
            for handoff in known.handoffs if known else ():
                if lay.handoff_routes.get(handoff.id, (None,))[0] == lane_id:
                    del lay.handoff_routes[handoff.id]
                patch.handoffs.add(handoff.id)
        lay.lanes = boxes
        lay.emotion_lane = next((b for b in boxes if b.kind == "emotions"), None)
        self._bottom.y = y - s.gap
        lay.width, lay.height = right + s.margin, self._bottom.y + s.margin
