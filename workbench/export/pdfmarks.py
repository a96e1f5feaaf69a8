"""Findings marked on the PDF's map, numbered as in the appendix, linked both ways.

The canvas marks each step concerned by an error or a warning with the sign
of the worst one; the deliverable does the same and adds the numbers of
those findings, so a reader of the map finds them in the appendix (a click
on the mark goes there) and a reader of the appendix finds the step (a click
on a finding's number goes to the map where the step is).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.pdfgen.canvas import Canvas

import workbench.theme as theme
from workbench.export import pdfdraw
from workbench.export.pdfview import Shown
from workbench.geometry import Rect
from workbench.textmetrics import BOLD, text_width

RANK = {"error": 0, "warning": 1, "info": 2}
SIGN = 10.0
"""The side of the severity sign, as on the canvas's step badge."""
NUMBER_SIZE = 8.0


@dataclass
class Mark:
    severity: str
    numbers: list[int] = field(default_factory=list)


def appendix_order(findings: Sequence[tuple[str, str, str]]) -> list[int]:
    """The rows' indices in the appendix's order, which numbers them (number = position + 1):
    by condition, first seen first; most severe first within a condition; then as given."""
    first: dict[str, int] = {}
    for i, (condition, _, _) in enumerate(findings):
        first.setdefault(condition, i)
    return sorted(range(len(findings)), key=lambda i: (first[findings[i][0]], RANK.get(findings[i][1], 3), i))


def step_marks(
    findings: Sequence[tuple[str, str, str]], elements: Sequence[Sequence[str]], steps: set[str]
) -> dict[str, Mark]:
    """Per step, the worst error or warning concerning it and the appendix numbers of those findings."""
    marks: dict[str, Mark] = {}
    for number, i in enumerate(appendix_order(findings), start=1):
        severity = findings[i][1]
        if severity == "info" or i >= len(elements):
            continue  # (notes are not marked on the canvas either)
        for element in elements[i]:
            if element not in steps:
                continue
            mark = marks.setdefault(element, Mark(severity))
            if RANK[severity] < RANK[mark.severity]:
                mark.severity = severity
            mark.numbers.append(number)
    return marks


def anchor_of(number: int) -> str:
    return f"finding-{number}"


def step_anchor(step_id: str) -> str:
    return f"step-{step_id}"


def draw_marks(c: Canvas, shown: Shown, marks: dict[str, Mark], view: Rect | None, anchored: set[str]) -> None:
    """The sign and numbers at the bottom right of each marked header in *view*, each a link to the appendix.

    The first page showing a step also gets its destination (for the appendix's links back).
    """
    for step in shown.steps(view):
        mark = marks.get(step.id)
        if mark is None or view is not None and not step.header.overlaps(view):
            continue
        h = step.header
        x, y = h.right - SIGN - 4, h.bottom - SIGN - 5
        _sign(c, x, y, mark.severity)
        label = ", ".join(str(n) for n in mark.numbers[:4]) + ("…" if len(mark.numbers) > 4 else "")
        width = text_width(label, NUMBER_SIZE, True)
        c.setFillColor(pdfdraw.colour(theme.SEVERITY[mark.severity]))
        c.setFont(BOLD, NUMBER_SIZE)
        c.saveState()
        c.translate(x - 3 - width, y + SIGN - 1.5)
        c.scale(1, -1)  # text upright in the flipped map
        c.drawString(0, 0, label)
        c.restoreState()
        c.linkRect("", anchor_of(mark.numbers[0]), (x - 4 - width, y - 1, x + SIGN + 1, y + SIGN + 1), relative=1)
        if step.id not in anchored:
            anchored.add(step.id)
            c.bookmarkHorizontal(step_anchor(step.id), h.x, h.y - 4)


def _sign(c: Canvas, x: float, y: float, severity: str) -> None:
    """A square for an error, a triangle for a warning (the canvas's badge), in y-down coordinates."""
    c.setFillColor(pdfdraw.colour(theme.SEVERITY[severity]))
    if severity == "error":
        c.rect(x, y, SIGN, SIGN, stroke=0, fill=1)
        return
    path = c.beginPath()
    path.moveTo(x + SIGN / 2, y)
    path.lineTo(x + SIGN, y + SIGN)
    path.lineTo(x, y + SIGN)
    path.close()
    c.drawPath(path, stroke=0, fill=1)
