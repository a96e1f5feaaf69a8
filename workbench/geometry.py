"""The shapes of a laid-out journey map: plain data, in points, y downwards (no Qt).

`layout.py` computes them; the canvas and the PDF draw them. Kept apart so
that a reader of either side sees what a layout holds without the how. The
map as a whole, and what gestures ask of it, is in `map_layout.py`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

Point = tuple[float, float]

#: A cubic Bézier segment: start, first control, second control, end.
Bezier = tuple[Point, Point, Point, Point]


# Rect, Text and CardBox are made by the thousand when a map is laid out and drawn (a scene of 1,000 steps
# makes about 5,000 of each), so they have a constructor of their own: it writes the fields straight into the
# instance, where a frozen dataclass's own calls ``object.__setattr__`` once per field (three to five times
# slower: ~4 us of the ~8 us a card cost the layout). They stay frozen: assigning a field still raises.
@dataclass(frozen=True, init=False)
class Rect:
    x: float
    y: float
    w: float
    h: float

    def __init__(self, x: float, y: float, w: float, h: float) -> None:
        d = self.__dict__
        d["x"], d["y"], d["w"], d["h"] = x, y, w, h

    @property
    def right(self) -> float:
        return self.x + self.w

    @property
    def bottom(self) -> float:
        return self.y + self.h

    @property
    def centre(self) -> Point:
        return (self.x + self.w / 2, self.y + self.h / 2)

    def contains(self, x: float, y: float) -> bool:
        return self.x <= x < self.right and self.y <= y < self.bottom

    def inside(self, other: Rect) -> bool:
        return other.x <= self.x and other.y <= self.y and self.right <= other.right and self.bottom <= other.bottom

    def overlaps(self, other: Rect) -> bool:
        return self.x < other.right and other.x < self.right and self.y < other.bottom and other.y < self.bottom

    def moved(self, dx: float, dy: float = 0.0) -> Rect:
        """This rectangle *dx* to the right and *dy* down (a box placed from its column's or lane's anchor)."""
        return Rect(self.x + dx, self.y + dy, self.w, self.h)


@dataclass(frozen=True, init=False)
class Text:
    """Lines of wrapped text; the first baseline sits one ascent below ``rect.y``."""

    lines: tuple[str, ...]
    size: float
    bold: bool
    rect: Rect

    def __init__(self, lines: tuple[str, ...], size: float, bold: bool, rect: Rect) -> None:
        d = self.__dict__
        d["lines"], d["size"], d["bold"], d["rect"] = lines, size, bold, rect


@dataclass(frozen=True)
class Style:
    """Sizes of the map, in points. The presentation preset is a zoom, not a style."""

    margin: float = 16
    gap: float = 8
    lane_title_width: float = 150
    column_width: float = 184
    padding: float = 7
    card_gap: float = 6
    title_size: float = 12
    step_size: float = 10.5
    card_size: float = 9.5
    label_size: float = 8
    lane_min_height: float = 56
    emotion_height: float = 120
    dodge: float = 15
    """How far beside a face the mark of another curve at the same level of the same step sits (so that
    neither hides the other: a face is 9 across its middle, a mark 5)."""
    dodge_step: float = 12
    """How much further each next mark at that place sits, on alternate sides."""
    link_band: float = 40
    marker_height: float = 16
    legend_row: float = 16
    """A row of the curves' legend the canvas shows under the emotion lane's title (see :func:`legend_height`)."""
    legend_pad: float = 5


#: Between a lane's title and the curves' legend under it, and between the legend and the lane's bottom.
LEGEND_GAP = 4.0


def legend_height(entries: int, s: Style) -> float:
    """How tall the canvas's legend of *entries* curves is, in one column (none for a single curve)."""
    return 2 * s.legend_pad + entries * s.legend_row if entries > 1 else 0.0


class Anchor:
    """A place that moves as a whole: the top of a lane row, the left of a step's column, the bottom of the map.

    Boxes inside a lane keep their y relative to the lane's anchor, and cards
    their x relative to their column's, so a lane pushed down or a column
    pushed right moves one number, not every card in it. The layout engine
    moves anchors; boxes only read them.
    """

    __slots__ = ("x", "y")

    def __init__(self, y: float = 0.0, x: float = 0.0) -> None:
        self.x = x
        self.y = y

    def __repr__(self) -> str:
        return f"Anchor(x={self.x}, y={self.y})"


def moved_segments(segments: Iterable[Bezier], dx: float, dy: float) -> Iterator[Bezier]:
    """Bézier segments *dx* to the right and *dy* down (a route or a run placed in the map)."""
    for seg in segments:
        yield tuple((x + dx, y + dy) for x, y in seg)  # type: ignore[misc]


def moved_text(text: Text | None, dx: float, dy: float) -> Text | None:
    if text is None:
        return None
    r = text.rect
    return Text(text.lines, text.size, text.bold, Rect(r.x + dx, r.y + dy, r.w, r.h))


@dataclass(frozen=True)
class StageBox:
    """A stage's header, placed from the left of its first column (``column``, which moves with it): a step
    added before it moves it without making it again."""

    id: str
    local: Rect
    """x from the left of its first column (so 0), y in the map."""
    local_text: Text
    """Its title, placed as ``local`` is."""
    column: Anchor = field(default_factory=Anchor, compare=False, repr=False)
    step: str | None = None
    """The step in its first column, whose anchor ``column`` is (None: the stage has no step, and an anchor of
    its own)."""

    @property
    def rect(self) -> Rect:
        return self.local.moved(self.column.x)

    @property
    def text(self) -> Text:
        return moved_text(self.local_text, self.column.x, 0)  # type: ignore[return-value]


@dataclass(frozen=True)
class StepBox:
    """A step's header; its x is held relative to its column (``left``), like its cards'.

    A step added early in a long journey pushes every column after it to the
    right: their boxes stay the same, only their columns' anchors move.
    """

    id: str
    local_header: Rect
    """x from the left of the step's column, y in the map."""
    local_text: Text
    """The title, placed as the header is."""
    moment_of_truth: bool
    goal: bool
    bottom: Anchor = field(compare=False, repr=False)
    """The bottom of the map, where every step's column ends."""
    end: bool = False
    """The journey ends at this step (drawn as a stop bar after the goal flag)."""
    left: Anchor = field(default_factory=Anchor, compare=False, repr=False)
    """The left of the step's column."""

    @property
    def header(self) -> Rect:
        return self.local_header.moved(self.left.x)

    @property
    def text(self) -> Text:
        return moved_text(self.local_text, self.left.x, 0)  # type: ignore[return-value]

    @property
    def column(self) -> Rect:
        """The step's header and everything under it, to the bottom of the map."""
        h = self.local_header
        return Rect(self.left.x + h.x, h.y, h.w, self.bottom.y - h.y)


@dataclass(frozen=True)
class LaneBox:
    id: str
    kind: str
    row: Rect
    title: Text


@dataclass(frozen=True, init=False)
class CardBox:
    """A card; its place is held relative to its lane's top (``anchor``)."""

    id: str
    step: str
    lane: str
    kind: str
    nature: str | None
    local: Rect
    """x from the left of the step's column, y from the top of the lane row."""
    local_channel: Text | None
    """The channel line, placed from the card's top-left corner."""
    local_text: Text
    anchor: Anchor = field(compare=False, repr=False)
    """The lane's top."""
    column: Anchor = field(compare=False, repr=False)
    """The left of the step's column."""
    personas: tuple[str, ...] = ()
    """The personas the card is tagged with (none: all), drawn as their marks."""

    def __init__(
        self, id: str, step: str, lane: str, kind: str, nature: str | None, local: Rect, local_channel: Text | None,
        local_text: Text, anchor: Anchor, column: Anchor, personas: tuple[str, ...] = (),
    ) -> None:
        d = self.__dict__
        d["id"], d["step"], d["lane"], d["kind"], d["nature"] = id, step, lane, kind, nature
        d["local"], d["local_channel"], d["local_text"] = local, local_channel, local_text
        d["anchor"], d["column"], d["personas"] = anchor, column, personas

    @property
    def x(self) -> float:
        return self.column.x + self.local.x

    @property
    def rect(self) -> Rect:
        return self.local.moved(self.column.x, self.anchor.y)

    @property
    def channel(self) -> Text | None:
        return moved_text(self.local_channel, self.x, self.anchor.y + self.local.y)

    @property
    def text(self) -> Text:
        return moved_text(self.local_text, self.x, self.anchor.y + self.local.y)  # type: ignore[return-value]


@dataclass(frozen=True)
class EmotionPoint:
    step: str
    level: int
    local_x: float
    """x from the left of the step's column."""
    offset: float
    """y from the top of the emotion lane."""
    anchor: Anchor = field(compare=False, repr=False)
    column: Anchor = field(default_factory=Anchor, compare=False, repr=False)
    persona: str = ""
    """Whose feeling this is (the curve's persona)."""
    scenario: str = "as_is"

    @property
    def x(self) -> float:
        return self.column.x + self.local_x

    @property
    def y(self) -> float:
        return self.anchor.y + self.offset


@dataclass(frozen=True)
class Connector:
    """A handoff (card to card) or a flow link (step to step) as a curve."""

    id: str
    path: tuple[Bezier, ...]
    """Segments drawn end to end; the last one ends at the arrow head."""
    label: Text | None
    context_carried: bool | None = None
    column: Anchor = field(default_factory=Anchor, compare=False, repr=False)
    """Where x is counted from: the left of a column for a route within a lane (it moves with its
    handoffs' columns), the map's left (x 0) for the others."""

    def moved(self, dy: float) -> Connector:
        """This connector in the map: *dy* lower (its lane's top), and from its column's left."""
        dx = self.column.x
        path = tuple(moved_segments(self.path, dx, dy))
        return Connector(self.id, path, moved_text(self.label, dx, dy), self.context_carried)  # type: ignore[arg-type]


#: A curve of the emotion lane: (persona id, scenario).
CurveKey = tuple[str, str]


class Run(list):  # type: ignore[type-arg]  # list[Bezier]
    """A stretch of an emotion curve between two steps without a face: its segments, x from the left of
    its first face's column (``column``, which moves with it), y from the top of the emotion lane.

    Held relative to a column, a run that a step added before it pushes along is the same run: it is not
    drawn again, only moved. Runs compare by their segments.
    """

    __slots__ = ("column", "joined")

    def __init__(self, segments: list[Bezier], column: Anchor, joined: bool = False) -> None:
        super().__init__(segments)
        self.column = column
        #: It goes on from the run before it (a long run is kept in chunks; see ``layout/emotions.py``).
        self.joined = joined

    def placed(self, dy: float = 0.0) -> list[Bezier]:
        """Its segments in map coordinates (*dy*: the emotion lane's top)."""
        return list(moved_segments(self, self.column.x, dy))


def joined_runs(runs: list[Run], dy: float) -> list[list[Bezier]]:
    """Runs in map coordinates (*dy*: the emotion lane's top), each one whole again (its chunks joined)."""
    out: list[list[Bezier]] = []
    for run in runs:
        if run.joined and out:
            out[-1] += run.placed(dy)
        else:
            out.append(run.placed(dy))
    return out


@dataclass
class Curve:
    """One persona's emotion curve in one scenario: its points and runs, y from the emotion lane's top."""

    key: CurveKey
    points: list[EmotionPoint] = field(default_factory=list)
    local_runs: list[Run] = field(default_factory=list)
    shape: str = "circle"
    """The persona's mark (see ``journey.SHAPES``), its line weight and colour, for the painters."""
    line: str = "medium"
    colour: str = "#334e68"
    name: str = ""
    """The persona's name, for legends."""

    @property
    def persona(self) -> str:
        return self.key[0]

    @property
    def scenario(self) -> str:
        return self.key[1]
