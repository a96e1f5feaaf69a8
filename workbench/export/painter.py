"""The few drawing calls the map's shapes need, as a protocol with two back ends (no Qt, no reportlab).

`shapes.py` draws every shape of a laid-out map against :class:`Painter`;
``ui/canvas/qtpainter.py`` turns the calls into QPainter calls (canvas, PNG,
SVG) and ``export/pdfdraw.py`` into reportlab ones (PDF). Coordinates are
points, y downwards, as the layout gives them.

A call draws with the stroke and fill set last: closed shapes are filled,
then stroked; lines, polylines and open curves are only stroked.
:class:`RecordingPainter` keeps the calls, which lets a test see that the
canvas and the PDF ask for the very same drawing.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, Protocol

from workbench.geometry import Bezier, Point, Rect, Text

#: Dashes on and off, in points (a back end scales them as its pen needs).
Dash = tuple[float, float]


class Painter(Protocol):
    def stroke(self, colour: str | None, width: float = 1.0, dash: Dash | None = None, round_ends: bool = False) -> None:
        """The pen for what follows; *colour* None: no outline. Joins are always round."""

    def fill(self, colour: str | None) -> None:
        """The fill for what follows; None: not filled."""

    def rect(self, r: Rect) -> None: ...

    def rounded_rect(self, r: Rect, radius: float) -> None: ...

    def line(self, a: Point, b: Point) -> None: ...

    def polyline(self, points: Sequence[Point]) -> None: ...

    def polygon(self, points: Sequence[Point]) -> None: ...

    def circle(self, centre: Point, radius: float) -> None: ...

    def curve(self, segments: Sequence[Bezier], closed: bool = False) -> None:
        """Cubic Bézier segments drawn end to end (each starts where the one before ended)."""

    def text(self, text: Text, colour: str) -> None:
        """The lines of *text* at its place, in the bundled font at its size."""


class RecordingPainter:
    """A painter that only writes down what it is asked to draw (for tests and checks)."""

    def __init__(self) -> None:
        self.calls: list[tuple[Any, ...]] = []

    def stroke(self, colour: str | None, width: float = 1.0, dash: Dash | None = None, round_ends: bool = False) -> None:
        self.calls.append(("stroke", colour, width, dash, round_ends))

    def fill(self, colour: str | None) -> None:
        self.calls.append(("fill", colour))

    def rect(self, r: Rect) -> None:
        self.calls.append(("rect", r))

    def rounded_rect(self, r: Rect, radius: float) -> None:
        self.calls.append(("rounded_rect", r, radius))

    def line(self, a: Point, b: Point) -> None:
        self.calls.append(("line", a, b))

    def polyline(self, points: Sequence[Point]) -> None:
        self.calls.append(("polyline", tuple(points)))

    def polygon(self, points: Sequence[Point]) -> None:
        self.calls.append(("polygon", tuple(points)))

    def circle(self, centre: Point, radius: float) -> None:
        self.calls.append(("circle", centre, radius))

    def curve(self, segments: Sequence[Bezier], closed: bool = False) -> None:
        self.calls.append(("curve", tuple(segments), closed))

    def text(self, text: Text, colour: str) -> None:
        self.calls.append(("text", text, colour))


def quad_as_cubic(p0: Point, control: Point, p2: Point) -> Bezier:
    """A quadratic Bézier as the cubic that draws the same curve (reportlab has no quadratic)."""
    c1 = (p0[0] + 2 / 3 * (control[0] - p0[0]), p0[1] + 2 / 3 * (control[1] - p0[1]))
    c2 = (p2[0] + 2 / 3 * (control[0] - p2[0]), p2[1] + 2 / 3 * (control[1] - p2[1]))
    return (p0, c1, c2, p2)


#: How far along the tangent a cubic's control points sit to draw a quarter of an ellipse.
KAPPA = 4 * (math.sqrt(2) - 1) / 3


def upper_half_ellipse(r: Rect) -> tuple[Bezier, Bezier]:
    """The top half of the ellipse inscribed in *r*, left to right (close it to get a dome)."""
    cx, cy = r.centre
    rx, ry = r.w / 2, r.h / 2
    left, top, right = (cx - rx, cy), (cx, cy - ry), (cx + rx, cy)
    return (
        (left, (left[0], cy - KAPPA * ry), (cx - KAPPA * rx, top[1]), top),
        (top, (cx + KAPPA * rx, top[1]), (right[0], cy - KAPPA * ry), right),
    )
