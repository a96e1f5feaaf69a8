"""The geometry of the map: every card in its cell, nothing clipped or overlapping."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.geometry import Rect
from workbench.map_layout import Layout
from workbench.layout import layout
from workbench.model.document import JourneyDocument
from workbench.model.fileformat import load
from workbench.model.feelings import with_feeling
from workbench.model.journey import FIRST_PERSONA, Card
from workbench.textmetrics import line_height, text_width, wrap

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "banking-savings.journey"


@pytest.fixture
def doc() -> JourneyDocument:
    return JourneyDocument(load(EXAMPLE))


def test_every_card_sits_in_the_cell_of_its_step_and_lane(doc: JourneyDocument) -> None:
    result = layout(doc)
    steps = {s.id: s for s in result.steps}
    lanes = {lane.id: lane for lane in result.lanes}
    assert len(result.cards) == len(doc.journey.cards)
    for card in result.cards:
        column, row = steps[card.step].column, lanes[card.lane].row
        cell = Rect(column.x, row.y, column.w, row.h)
        assert card.rect.inside(cell), card.id
        assert result.cell_at(*card.rect.centre) == (card.step, card.lane)


def test_no_two_cards_overlap_and_text_fits(doc: JourneyDocument) -> None:
    result = layout(doc)
    for i, a in enumerate(result.cards):
        for b in result.cards[i + 1 :]:
            assert not a.rect.overlaps(b.rect), (a.id, b.id)
        assert a.text.rect.inside(a.rect)
        for line in a.text.lines:
            assert text_width(line, a.text.size) <= a.text.rect.w + 0.01


def test_long_text_grows_the_card_and_the_lane_instead_of_clipping(doc: JourneyDocument) -> None:
    before = layout(doc)
    card = doc.journey.cards[0]
    doc.update(card.id, text="word " * 80)
    after = layout(doc)
    box = next(c for c in after.cards if c.id == card.id)
    assert len(box.text.lines) > 5
    assert box.text.rect.inside(box.rect)
    lane_before = next(lane for lane in before.lanes if lane.id == card.lane)
    lane_after = next(lane for lane in after.lanes if lane.id == card.lane)
    assert lane_after.row.h > lane_before.row.h
    assert box.rect.inside(lane_after.row)


def test_a_long_lane_title_grows_its_lane_instead_of_running_into_the_next(doc: JourneyDocument) -> None:
    lane = next(lane for lane in doc.journey.lanes if lane.kind == "pain_points")
    doc.update(lane.id, title="What gets in the customer's way at this step, as they told it in the interviews " * 3)
    box = next(b for b in layout(doc).lanes if b.id == lane.id)
    assert len(box.title.lines) > 5
    assert box.title.rect.inside(box.row)
    assert box.row.bottom >= box.title.rect.bottom + layout(doc).style.padding - 0.01


def test_the_emotion_lane_makes_room_under_its_title_for_the_legend_of_its_curves(doc: JourneyDocument) -> None:
    """The canvas lists the curves under the lane's title (ui/canvas/legend.py): one row each, all of them."""
    from workbench.geometry import LEGEND_GAP, legend_height
    from workbench.model.journey import Persona

    for number in range(2, 11):  # up to ten personas, each with a curve "as is" and "to be"
        if number > len(doc.personas()):
            doc.add(Persona(id=f"persona-{number}", name=f"P{number}", order=number))
        for step in doc.steps()[:2]:
            for persona in doc.personas():
                for scenario in ("as_is", "to_be"):
                    doc.update(step.id, emotions=with_feeling(doc.get(step.id), persona.id, scenario, value=1))
        result = layout(doc)
        lane = result.emotion_lane
        entries = 2 * len(doc.personas())
        room = lane.row.bottom - LEGEND_GAP - (lane.title.rect.bottom + LEGEND_GAP)
        assert room >= legend_height(entries, result.style) - 0.01, number
    assert result.emotion_lane.row.h > result.style.emotion_height + 100  # twenty rows: taller than the curve needs


def test_stage_headers_span_their_steps_in_time_order(doc: JourneyDocument) -> None:
    result = layout(doc)
    xs = [s.column.x for s in result.steps]
    assert xs == sorted(xs)
    assert [s.id for s in result.steps] == [s.id for s in doc.steps()]
    for stage in result.stages:
        own = [s for s in result.steps if doc.get(s.id).stage == stage.id]
        assert stage.rect.x == own[0].column.x
        assert stage.rect.right == own[-1].column.right


def test_emotion_points_rise_with_the_level_and_leave_gaps(doc: JourneyDocument) -> None:
    steps = doc.steps()
    doc.update(steps[3].id, emotions=with_feeling(doc.get(steps[3].id), FIRST_PERSONA, value=None))
    result = layout(doc)
    levels = {p.step: p for p in result.emotion_points}
    assert steps[3].id not in levels
    by_level = sorted(levels.values(), key=lambda p: p.level)
    assert all(a.y >= b.y for a, b in zip(by_level, by_level[1:]))
    # The gap splits the curve into two runs (before and after the missing step).
    assert len(result.emotion_curves) == 2
    for point in levels.values():
        assert result.emotion_level_at(point.y) == point.level


def test_equal_feelings_at_a_step_sit_side_by_side_not_hidden_under_the_face(doc: JourneyDocument) -> None:
    """A second persona feeling what the first does, or a "to be" equal to "as is", was drawn under the face."""
    from workbench.export.shapes import FACE_RADIUS, MARK_RADIUS
    from workbench.model.journey import Persona

    if len(doc.personas()) < 2:
        doc.add(Persona(id="persona-2", name="P2", order=2))
    two = doc.personas()[1].id
    first, second = doc.steps()[0].id, doc.steps()[1].id
    for persona, scenario, step, value in [
        (FIRST_PERSONA, "as_is", first, -1), (two, "as_is", first, -1), (FIRST_PERSONA, "to_be", first, -1),
        (FIRST_PERSONA, "as_is", second, 1), (two, "as_is", second, -2), (FIRST_PERSONA, "to_be", second, 1),
    ]:
        doc.update(step, emotions=with_feeling(doc.get(step), persona, scenario, value=value))
    result = layout(doc)
    at = {(key, p.step): p for key, curve in result.curves.items() for p in curve.points}
    middle = {s.id: s.header.x + s.header.w / 2 for s in result.steps}
    face = at[((FIRST_PERSONA, "as_is"), first)]
    assert face.x == pytest.approx(middle[first])  # the face keeps the middle of its column
    marks = [at[((persona, scenario), first)] for persona, scenario in ((two, "as_is"), (FIRST_PERSONA, "to_be"))]
    assert all(m.y == face.y for m in marks)
    for mark in marks:
        assert abs(mark.x - face.x) >= FACE_RADIUS + MARK_RADIUS
    assert abs(marks[0].x - marks[1].x) >= 2 * MARK_RADIUS
    step = next(s for s in result.steps if s.id == first)
    assert all(step.column.x < m.x < step.column.right for m in marks)
    # Different levels, or the same level at another step, stay in the middle.
    assert at[((two, "as_is"), second)].x == pytest.approx(middle[second])
    assert at[((FIRST_PERSONA, "to_be"), second)].x != pytest.approx(middle[second])  # equal to "as is" there


def test_twenty_curves_at_one_level_stay_in_their_column(doc: JourneyDocument) -> None:
    """Each one further out, alternately right and left, ran into the next steps' columns and the lane titles."""
    from workbench.export.shapes import FACE_RADIUS, MARK_RADIUS
    from workbench.model.journey import MAX_PERSONAS, Persona

    for number in range(len(doc.personas()) + 1, MAX_PERSONAS + 1):
        doc.add(Persona(id=f"persona-{number}", name=f"P{number}", order=number))
    for index in (0, 3):  # the first step (beside the lane titles) and one in the middle
        step = doc.steps()[index].id
        for persona in doc.personas():
            for scenario in ("as_is", "to_be"):
                doc.update(step, emotions=with_feeling(doc.get(step), persona.id, scenario, value=0))
    result = layout(doc)
    for index in (0, 3):
        box = next(s for s in result.steps if s.id == doc.steps()[index].id)
        points = [p for curve in result.curves.values() for p in curve.points if p.step == box.id]
        assert len(points) == 2 * MAX_PERSONAS
        assert all(box.column.x + MARK_RADIUS < p.x < box.column.right - MARK_RADIUS for p in points)
        middle = box.header.x + box.header.w / 2
        assert sorted(abs(p.x - middle) for p in points)[1] >= FACE_RADIUS + MARK_RADIUS  # the nearest clear the face
        assert len({round(p.x, 3) for p in points}) == len(points)  # none on another


def test_handoffs_and_links_connect_their_ends(doc: JourneyDocument) -> None:
    result = layout(doc)
    cards = {c.id: c.rect for c in result.cards}
    for connector, handoff in zip(result.handoffs, doc.journey.handoffs):
        start, end = connector.path[0][0], connector.path[-1][3]
        assert _on_edge(start, cards[handoff.source])
        assert _on_edge(end, cards[handoff.target])
        assert connector.context_carried == handoff.context_carried
        assert connector.label is not None and " ".join(connector.label.lines) == handoff.trigger
    assert len(result.links) == len(doc.journey.links)


def test_drop_targets_are_found_from_a_point(doc: JourneyDocument) -> None:
    result = layout(doc)
    first, second = result.steps[0], result.steps[1]
    assert result.step_gap_at(first.column.x + 1) == 0
    assert result.step_gap_at(first.column.right + 2) == 1
    assert result.step_gap_at(second.column.right + 2) == 2
    assert result.lane_gap_at(result.lanes[0].row.y - 1) == 0
    assert result.cell_at(1, 1) is None


def test_an_empty_stage_keeps_a_column_for_drops(doc: JourneyDocument) -> None:
    from workbench.model.journey import Stage

    doc.add(Stage(id="stage-empty", title="Renew"))
    result = layout(doc)
    empty = next(s for s in result.stages if s.id == "stage-empty")
    assert empty.rect.w > 100
    assert all(not s.column.overlaps(empty.rect) for s in result.steps)


def test_wrapping_breaks_at_words_and_cuts_only_overlong_words() -> None:
    lines = wrap("Opens the savings account in the app", 80, 10)
    assert len(lines) > 1
    assert " ".join(lines) == "Opens the savings account in the app"
    long = wrap("x" * 200, 50, 10)
    assert "".join(long) == "x" * 200
    assert all(text_width(line, 10) <= 50 for line in long)
    assert wrap("a\nb", 100, 10) == ["a", "b"]
    assert wrap("one two three four", 30, 10, max_lines=2)[-1].endswith("…")
    assert line_height(10) > 10


def test_cards_stack_in_their_order(doc: JourneyDocument) -> None:
    card = doc.journey.cards[0]
    extra = Card(id="card-extra", step=card.step, lane=card.lane, kind="note", text="first")
    doc.add(extra, index=0)
    result: Layout = layout(doc)
    in_cell = [c for c in result.cards if (c.step, c.lane) == (card.step, card.lane)]
    assert [c.id for c in in_cell] == ["card-extra", card.id]
    assert in_cell[0].rect.bottom <= in_cell[1].rect.y


def _point_on(segment, t: float) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    (x0, y0), (x1, y1), (x2, y2), (x3, y3) = segment
    u = 1 - t
    return (
        u**3 * x0 + 3 * u * u * t * x1 + 3 * u * t * t * x2 + t**3 * x3,
        u**3 * y0 + 3 * u * u * t * y1 + 3 * u * t * t * y2 + t**3 * y3,
    )


def _on_edge(point: tuple[float, float], rect: Rect) -> bool:
    x, y = point
    on_x = abs(x - rect.x) < 0.01 or abs(x - rect.right) < 0.01
    on_y = abs(y - rect.y) < 0.01 or abs(y - rect.bottom) < 0.01
    return (on_x and rect.y <= y <= rect.bottom) or (on_y and rect.x <= x <= rect.right)


MAPS = sorted((ROOT / "examples").rglob("*.journey")) + sorted((ROOT / "resources" / "templates").glob("*.journey"))


@pytest.mark.parametrize("path", MAPS, ids=lambda p: p.name)
def test_shipped_maps_have_nothing_clipped_or_overlapping(path: Path) -> None:
    result = layout(load(path))
    rects = [c.rect for c in result.cards]
    for i, a in enumerate(rects):
        assert not any(a.overlaps(b) for b in rects[i + 1 :]), result.cards[i].id
    for card in result.cards:
        assert card.text.rect.inside(card.rect)
        if card.channel is not None:
            assert card.channel.rect.inside(card.rect)
    for connector in result.handoffs:
        for segment in connector.path:  # the route passes between cards, never through one
            for t in (0.25, 0.5, 0.75):
                x, y = _point_on(segment, t)
                inside = [c.id for c in result.cards if c.rect.x + 1 < x < c.rect.right - 1 and c.rect.y + 1 < y < c.rect.bottom - 1]
                assert not inside, (connector.id, inside)
        if connector.label is not None:
            hit = [c.id for c in result.cards if c.rect.overlaps(connector.label.rect)]
            assert not hit, (connector.id, hit)
            lane = next(lane for lane in result.lanes if lane.row.contains(*connector.label.rect.centre))
            assert connector.label.rect.inside(lane.row), connector.id
    headers = [s.header for s in result.steps] + [s.rect for s in result.stages]
    for connector in result.links:
        if connector.label is not None:
            assert not any(connector.label.rect.overlaps(h) for h in headers), connector.id
    for step in result.steps:
        assert step.text.rect.inside(step.header)


def test_card_sizes_are_measured_again_once_the_fonts_are_forgotten(monkeypatch: pytest.MonkeyPatch) -> None:
    """Card sizes are kept from one layout to the next; measured with fonts since forgotten, they would be wrong."""
    from workbench import textmetrics
    from workbench.geometry import Style
    from workbench.layout import boxes

    text = "A card whose text is long enough to wrap over two lines or more in its column"
    before = boxes.measures_for(Style())(None, text)
    assert len(before[2].lines) >= 2
    try:
        monkeypatch.setattr(boxes, "wrap", lambda text, width, size, bold=False: ["one line"])  # the fonts changed
        assert boxes.measures_for(Style())(None, text) == before  # kept...
        textmetrics.forget_fallbacks()
        after = boxes.measures_for(Style())(None, text)
        assert after[2].lines == ("one line",) and after[0] < before[0]  # ...until the fonts are forgotten
    finally:
        monkeypatch.undo()
        textmetrics.forget_fallbacks()
    assert boxes.measures_for(Style())(None, text) == before
