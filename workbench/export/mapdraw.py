"""The export renderer: a laid-out map drawn with the shared shapes, on any painter (no Qt, no reportlab).

The PDF (through reportlab) and the PNG and SVG images (through a QPainter)
both draw the map with :func:`draw_map`: the same shapes in the same order,
and nothing of the editor (no ports, selection or hover marks, no health
check badges).
"""

from __future__ import annotations

from collections.abc import Callable

from workbench.export import shapes
from workbench.export.lanelegend import draw_lane_legend
from workbench.export.painter import Painter
from workbench.export.pdfview import Shown
from workbench.geometry import Curve, Rect, Text
from workbench.map_layout import Layout

#: Names a curve in the legend under the emotion lane's title: the curve, and the most characters of its name.
CurveLabel = Callable[[Curve, int], str]


def visible(rect: Rect, view: Rect | None) -> bool:
    return view is None or rect.overlaps(view)


def draw_map(
    p: Painter, lay: Layout, view: Rect | None = None, shown: Shown | None = None, whole_labels: bool = False,
    curve_label: CurveLabel | None = None,
) -> None:
    """Draw every element of *lay* that meets *view* (all of them when None).

    *shown* indexes the layout once for many views (a tiled export); with
    *whole_labels*, a label that a view's edge would cut is drawn shifted
    into the view, whole (each tile it meets repeats it). With
    *curve_label*, the emotion lane's title column holds the legend of its
    curves, as on the canvas (see :mod:`workbench.export.lanelegend`).
    """
    shown = shown or Shown(lay)
    for i, lane in enumerate(lay.lanes):
        if visible(lane.row, view):
            shapes.lane_row(p, lane.row, i)
            band = Rect(lane.row.x, lane.row.y, lay.style.lane_title_width, lane.row.h)
            # (a tile's body, clipped to its columns, leaves the title out)
            shapes.lane_title(p, band, lane.title if visible(lane.title.rect, view) else None)
            if curve_label is not None and lane is lay.emotion_lane:  # (on the pages its box meets)
                draw_lane_legend(p, lay, curve_label, view)
    for stage in shown.stages(view):
        if visible(stage.rect, view):
            text = stage.text
            if view is not None and stage.rect.x < view.x < stage.rect.right - 40:
                # A stage that began on an earlier page: its title again at this page's edge.
                shift = view.x + lay.style.padding - text.rect.x
                text = Text(text.lines, text.size, text.bold, Rect(text.rect.x + shift, text.rect.y, text.rect.w, text.rect.h))
            shapes.stage_header(p, stage.rect, text)
    for step in shown.steps(view):
        if visible(step.header, view):
            shapes.step_header(p, step.header, step.text, step.moment_of_truth, step.goal, step.end)
    for connector in shown.meeting(shown.links, view):
        shapes.connector(p, connector, handoff=False)
    for connector in shown.meeting(shown.handoffs, view):
        shapes.connector(p, connector, handoff=True)
    for card in shown.cards(view):
        if visible(card.rect, view):
            shapes.card(p, card.rect, card.kind, card.nature, card.channel, card.text)
            if card.personas:
                shapes.persona_tags(p, card.rect, [lay.marks[t] for t in card.personas if t in lay.marks])
    margin = shapes.FACE_RADIUS + 1
    dy = lay.emotion_lane.row.y if lay.emotion_lane is not None else 0.0
    others = [(key, other) for key, other in lay.curves.items() if key != lay.active]
    for key, other in others:  # the other personas' and scenarios' lines, under the active one
        for run in lay.curve_runs(key):
            piece = [seg for seg in run if view is None or _meets(seg, view)]
            if piece:
                shapes.curve(p, piece, other.colour, other.line, other.scenario)
    active = lay.curves.get(lay.active) if lay.active is not None else None
    for piece in shown.curve(view):
        if active is not None:
            shapes.curve(p, piece, active.colour, active.line, active.scenario)
        else:
            shapes.curve(p, piece)
    # Their marks over every line (a line through a hollow "to be" circle read as the crossed circle of a
    # handoff that loses the context), under the active curve's faces.
    for key, other in others:
        for point in other.points:
            x, y = point.x, point.offset + dy
            if view is None or view.x - margin < x < view.right + margin and view.y - margin < y < view.bottom + margin:
                shapes.mark(p, (x, y), other.shape, other.colour, hollow=other.scenario == "to_be")
    for point in shown.faces(view):
        if view is None or view.x - margin < point.x < view.right + margin and view.y - margin < point.y < view.bottom + margin:
            shapes.face(p, (point.x, point.y), point.level)
    # What a label moved into a tile must stay clear of: the headers, then the labels placed before it.
    labels = [c for c in shown.labels if visible(c.label.rect, view)]  # type: ignore[union-attr]
    if not whole_labels or view is None:
        for connector in labels:
            shapes.connector_label(p, connector.label, handoff=connector.context_carried is not None)  # type: ignore[arg-type]
        return
    # On a tile: the labels it holds whole are drawn where the layout put them (they cross
    # nothing); one cut by an edge is drawn on the tile holding most of it, shifted in, clear of
    # the headers, cards and labels already there; where no place is free it stays as it is.
    whole = [c for c in labels if c.label.rect.inside(view)]  # type: ignore[union-attr]
    placed = [
        *(stage.rect for stage in shown.stages(view) if visible(stage.rect, view)),
        *(step.header for step in shown.steps(view)),
        *(card.rect for card in shown.cards(view)),
        *(_backing(shapes.label_box(c.label)) for c in whole),  # type: ignore[arg-type]
    ]
    for connector in labels:
        text = connector.label
        assert text is not None
        r = text.rect
        if not r.inside(view):
            held = min(r.right, view.right) - max(r.x, view.x)
            if held < r.w / 2 or held == r.w / 2 and r.x < view.x:
                continue  # (the tile beside holds most of it)
            text = clear_of(inside(text, view), placed, view) or text
            placed.append(_backing(shapes.label_box(text)))
        shapes.connector_label(p, text, handoff=connector.context_carried is not None)


def _meets(segment: tuple, view: Rect) -> bool:  # type: ignore[type-arg]
    xs = [pt[0] for pt in segment]
    return min(xs) <= view.right and max(xs) >= view.x


def _backing(r: Rect) -> Rect:
    """A label's white backing (see shapes.connector_label)."""
    return Rect(r.x - 3, r.y - 2, r.w + 6, r.h + 4)


def clear_of(text: Text, placed: list[Rect], view: Rect) -> Text | None:
    """*text* moved, if it must, off what is *placed* already (labels, headers, cards): a label
    shifted into a tile can land on another. Tried: where it is, then a line up or down (up to
    three), then a little to either side; None when nothing is free."""
    r = text.rect
    step = r.h + 5
    for dx in (0, -30, 30, -60, 60, -90, 90, -120, 120):
        for k in (0, -1, 1, -2, 2, -3, 3):
            x, y = r.x + dx, r.y + k * step
            backing = _backing(Rect(x, y, shapes.label_box(text).w, r.h))
            if backing.inside(view) and not any(backing.overlaps(o) for o in placed):
                return text if (dx, k) == (0, 0) else Text(text.lines, text.size, text.bold, Rect(x, y, r.w, r.h))
    return None


def inside(text: Text, view: Rect) -> Text:
    """*text* moved sideways so that it lies whole within *view*, if it can."""
    r = text.rect
    x = min(max(r.x, view.x + 2), view.right - r.w - 2)
    if r.w + 4 > view.w or x == r.x:
        return text
    return Text(text.lines, text.size, text.bold, Rect(x, r.y, r.w, r.h))
