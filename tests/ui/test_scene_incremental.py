"""The canvas touches only the items an edit changed, and every item still ends where a fresh layout puts it.

Random edits of every kind (the same generator as the layout's property test)
go through the document; after each, the scene applies the engine's patch.
Then every item is compared, in map coordinates, with a layout made from
scratch: a card left behind when its lane or column moved, a face on the old
curve, a route not re-routed, an item not removed all show up.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QUndoStack

from tests.layout.test_incremental import edit_or_undo
from workbench.export import shapes
from workbench.layout import layout
from workbench.model.document import JourneyDocument
from workbench.model.edits import Edit
from workbench.model.fileformat import load
from workbench.ui.canvas.scene import JourneyScene
from workbench.ui.canvas import blocks, sleeping

ROOT = Path(__file__).resolve().parents[2]


def near(a: tuple[float, float], b: tuple[float, float]) -> bool:
    return abs(a[0] - b[0]) < 1e-6 and abs(a[1] - b[1]) < 1e-6


def check_scene(scene: JourneyScene) -> None:
    """Every item where a fresh layout puts it; a card, step header or face far from any view may sleep (no
    item yet), and then one sleeping column is woken and checked too (the next check wakes another)."""
    fresh = layout(scene.document)
    cards = {c.id for c in fresh.cards}
    asleep = (
        {("card", cid) for ids in scene.asleep.values() for cid in ids if cid in cards}
        | {("step", sid) for sid in scene.headers_asleep}
        | {("emotion", sid) for sid in scene.faces_asleep}
    )
    assert not asleep & set(scene.items_by_key), "an element both asleep and made"
    keys = {k for k in scene.items_by_key} | asleep
    wanted = (
        {("card", c.id) for c in fresh.cards}
        | {("step", b.id) for b in fresh.steps}
        | {("stage", b.id) for b in fresh.stages}
        | {("lane", b.id) for b in fresh.lanes}
        | {("lane-row", b.id) for b in fresh.lanes}
        | {("emotion", p.step) for p in fresh.emotion_points}
        | {("handoff", c.id) for c in fresh.handoffs}
        | {("link", c.id) for c in fresh.links}
    )
    assert keys == wanted
    if asleep:
        woken = next(iter(sorted(scene.asleep) or sorted(scene.headers_asleep | scene.faces_asleep)))
        scene.wake_ids([*scene.asleep.get(woken, ()), woken])
        assert woken not in scene.asleep and woken not in scene.headers_asleep and woken not in scene.faces_asleep
    items = scene.items_by_key
    for card in fresh.cards:
        if ("card", card.id) in asleep and ("card", card.id) not in items:
            continue
        item = scene.items_by_key[("card", card.id)]
        pos = item.scenePos()
        assert near((pos.x(), pos.y()), (card.rect.x, card.rect.y)), card.id
        assert item.rect == card.rect and item.box.local_text == card.local_text
    for box in fresh.steps:
        if ("step", box.id) in asleep and ("step", box.id) not in items:
            continue
        pos = scene.items_by_key[("step", box.id)].scenePos()  # its band rests at the origin here
        assert near((pos.x(), pos.y()), (box.header.x, box.header.y)), box.id
    for stage in fresh.stages:
        item = scene.items_by_key[("stage", stage.id)]
        pos = item.scenePos()  # its band rests at the origin here
        assert near((pos.x(), pos.y()), (stage.rect.x, stage.rect.y)), stage.id
        assert item.box.text.lines == stage.text.lines and item.rect == stage.rect, stage.id
    for lane in fresh.lanes:
        pos = scene.items_by_key[("lane-row", lane.id)].scenePos()
        assert near((pos.x(), pos.y()), (lane.row.x, lane.row.y)), lane.id
    for point in fresh.emotion_points:
        if ("emotion", point.step) in asleep and ("emotion", point.step) not in items:
            continue
        pos = scene.items_by_key[("emotion", point.step)].scenePos()
        assert near((pos.x(), pos.y()), (point.x, point.y)), point.step
    link_routes = {c.id: c for c in fresh.link_routes}
    for connector in fresh.handoffs + fresh.links:
        kind = "handoff" if ("handoff", connector.id) in wanted else "link"
        item = scene.items_by_key[(kind, connector.id)]
        start = item.mapToScene(item.path().pointAtPercent(0))
        assert near((start.x(), start.y()), connector.path[0][0]), connector.id
        routed = fresh.handoff_routes[connector.id][1] if kind == "handoff" else link_routes[connector.id]
        assert item.connector == routed, connector.id  # the whole route and its label, not only where it starts
        assert item.x() == routed.column.x, connector.id  # ...placed from the column it is counted from
        end = item.mapToScene(item.path().pointAtPercent(1))
        assert near((end.x(), end.y()), connector.path[-1][3]), connector.id
    drawn = [segment for piece in scene.curve.pieces() for segment in piece.segments]
    assert drawn == [segment for run in fresh.local_curves for segment in run]  # the curve, piece by piece
    piece_x = [piece.x() for piece in scene.curve.pieces()]
    run_x = [run.column.x for run in fresh.local_curves for _ in range(0, len(run), scene.curve.PIECE)]
    assert piece_x == run_x  # each piece placed from its run's first column
    for key, other in scene.other_curves.items():  # the other personas' curves alike
        runs = fresh.curves[key].local_runs
        assert [segment for piece in other.line.pieces() for segment in piece.segments] == [s for run in runs for s in run]
        assert [piece.x() for piece in other.line.pieces()] == [
            run.column.x for run in runs for _ in range(0, len(run), other.line.PIECE)], key
        assert other.marks == {p.step: p for p in fresh.curves[key].points}, key  # a mark at each of its points, as laid out
        xs, ys = [p.x for p in fresh.curves[key].points], [p.offset for p in fresh.curves[key].points]
        if xs:  # ...drawn where they are now (the marks item measures its points again when they move)
            bounds = other.dots.boundingRect()
            r = shapes.MARK_RADIUS * 1.25 + 2
            assert near((bounds.left(), bounds.right()), (min(xs) - r, max(xs) + r)), key
            assert near((bounds.top(), bounds.bottom()), (min(ys) - r, max(ys) + r)), key
    for piece in scene.curve.pieces():
        path, end = piece.path(), piece.segments[-1][3]  # its path is made from its segments
        assert path.elementCount() == 1 + 3 * len(piece.segments) and near((path.currentPosition().x(), path.currentPosition().y()), end)
    for key, item in scene.items_by_key.items():  # Qt skips a block out of reach: its items must lie in it
        if getattr(item, "block", None) is not None:
            assert item in scene.items(item.sceneBoundingRect().center()), f"{key} cannot be found where it is drawn"
            span, reach = item.block.sceneBoundingRect(), item.sceneBoundingRect()
            assert span.left() <= reach.left() and reach.right() <= span.right(), f"{key} is drawn outside its block"


@pytest.mark.parametrize("awake", [sleeping.START_WIDTH, 500.0])
@pytest.mark.parametrize("block", [blocks.SIZE, 2])
@pytest.mark.parametrize("seed", range(6))
def test_every_item_ends_where_a_fresh_layout_puts_it_after_random_edits(qapp, monkeypatch, seed: int, block: int, awake: float) -> None:  # type: ignore[no-untyped-def]
    """Blocks of two steps: every edit moves, splits or empties column blocks (the examples are shorter than one),
    and with no slack, changes their spans. Cards made only near the start (500): edits meet sleeping cards,
    and the cards woken between edits land in place."""
    monkeypatch.setattr(sleeping, "START_WIDTH", awake)
    monkeypatch.setattr(blocks, "SIZE", block)
    if block == 2:
        monkeypatch.setattr(blocks, "SLACK", 0.0)
    rnd = random.Random(seed)
    example = rnd.choice(sorted((ROOT / "examples").glob("*.journey")))
    document = JourneyDocument(load(example))
    scene = JourneyScene(document, QUndoStack())
    undo: list[Edit] = []
    views = random.Random(seed + 1000)  # (its own draws: the edits are those the seed always made)
    for _ in range(40):
        edit_or_undo(document, rnd, undo)
        if views.random() < 0.5:  # a view painted before the edit is applied wakes what it shows, from the last layout
            scene.wake(QRectF(views.uniform(0, scene.layout.width), 0, 900, 700))
        scene.refresh()
        check_scene(scene)
    scene.detach()


def test_a_step_added_first_moves_every_card_with_its_column(qapp) -> None:  # type: ignore[no-untyped-def]
    from workbench.model.journey import Step

    document = JourneyDocument(load(ROOT / "examples" / "banking-savings.journey"))
    scene = JourneyScene(document, QUndoStack())
    last = document.steps()[-1]
    card = document.index.cards_at(last.id, document.lanes()[1].id)[0]
    before = scene.items_by_key[("card", card.id)].scenePos().x()
    first = document.steps()[0]
    document.add(Step(id="new-step", title="New", stage=first.stage), 0)
    scene.refresh()
    check_scene(scene)
    assert scene.items_by_key[("card", card.id)].scenePos().x() == pytest.approx(before + 184 + 8)
    scene.detach()


def test_a_step_added_early_moves_the_blocks_after_it_not_their_items(qapp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Enter early in a long map: the later steps' cards, headers and faces, and the later stages' headers, stay
    put in their blocks, which move."""
    from workbench.model.journey import Step

    monkeypatch.setattr(blocks, "SIZE", 3)
    document = JourneyDocument(load(ROOT / "examples" / "banking-savings.journey"))
    scene = JourneyScene(document, QUndoStack())
    steps = document.steps()
    later = [("card", c.id) for s in steps[6:] for c in document.index.cards_at(s.id, document.lanes()[1].id)]
    later += [("step", s.id) for s in steps[6:]] + [("emotion", s.id) for s in steps[6:] if ("emotion", s.id) in scene.items_by_key]
    after = {s.stage for s in steps[6:]} - {steps[0].stage, steps[5].stage}
    later += [("stage", stage_id) for stage_id in after]
    assert len(later) > 10 and len(after) >= 2
    local = {key: scene.items_by_key[key].pos() for key in later}
    mapped = {key: scene.items_by_key[key].scenePos() for key in later}
    parents = {key: scene.items_by_key[key].parentItem() for key in later}
    document.add(Step(id="new-step", title="New", stage=steps[0].stage), 1)  # after the first step
    scene.refresh()
    check_scene(scene)
    for key in later:
        item = scene.items_by_key[key]
        assert item.parentItem() is parents[key] and item.parentItem().kind == "column-block", key
        assert item.pos() == local[key], key  # not moved within its block...
        assert item.scenePos().x() == pytest.approx(mapped[key].x() + 184 + 8), key  # ...which moved a column on
    scene.detach()



def test_a_block_reaches_only_over_its_own_columns(qapp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Qt skips the items of a block out of view only if the block says where they are: spans stay narrow."""
    from workbench.model.journey import Step

    monkeypatch.setattr(blocks, "SIZE", 3)
    monkeypatch.setattr(blocks, "SLACK", 0.0)
    document = JourneyDocument(load(ROOT / "examples" / "banking-savings.journey"))
    scene = JourneyScene(document, QUndoStack())
    pitch = 184 + 8

    def with_stages(item) -> bool:  # type: ignore[no-untyped-def]
        return any(getattr(k, "kind", "") == "stage" for k in item.childItems())

    def spans() -> list[float]:
        return [i.sceneBoundingRect().width() for i in scene.items() if isinstance(i, blocks.BlockItem) and not with_stages(i)]

    def stage_blocks_reach_only_their_items() -> None:
        """A header block holding stage headers reaches as far as they do (a stage spans its columns), no further."""
        held = [i for i in scene.items() if isinstance(i, blocks.BlockItem) and with_stages(i)]
        assert held
        for item in held:
            kids, span = item.childrenBoundingRect(), item.rect()
            assert kids.left() - 93 <= span.left() and span.right() <= kids.right() + 93

    assert spans() and max(spans()) <= 3 * pitch + 184  # three columns, and half a column's room each side
    stage_blocks_reach_only_their_items()
    document.add(Step(id="new-step", title="New", stage=document.steps()[0].stage), 1)  # one block has four steps
    scene.refresh()
    assert max(spans()) <= 4 * pitch + 184
    stage_blocks_reach_only_their_items()
    first = scene.items_by_key[("step", document.steps()[0].id)]
    far = scene.items_by_key[("step", document.steps()[-1].id)]
    under = scene.items(first.sceneBoundingRect().center())
    assert first in under and far not in under
    scene.detach()


def test_a_face_changed_in_a_long_run_redraws_only_the_piece_of_the_curve_it_is_in(qapp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A long run is drawn in chunks (cut at faces picked by their step): one face moved up makes its chunk again
    (and a neighbour's, whose end the face shapes), not the whole curve."""
    from benchmarks.generate import journey_of
    from workbench.model.feelings import feelings, with_feeling
    from workbench.ui.canvas.curves import CurvePiece

    journey = journey_of(150)
    persona = journey.personas[0].id
    journey = journey.model_copy(update={"steps": [s.model_copy(update={"emotions": feelings(0, persona=persona)})
                                                   for s in journey.steps]})
    document = JourneyDocument(journey)
    scene = JourneyScene(document, QUndoStack())
    runs = scene.layout.local_curves
    assert sum(not run.joined for run in runs) == 1 and len(runs) > 1 and sum(map(len, runs)) == 149  # one run, in chunks
    pieces = scene.curve.pieces()  # (a chunk longer than a piece is drawn in pieces of its segments)
    assert len(pieces) >= 4 and all(len(piece.segments) <= scene.curve.PIECE for piece in pieces)
    made: list[int] = []
    set_segments = CurvePiece.set_segments
    monkeypatch.setattr(CurvePiece, "set_segments", lambda piece, segments: (made.append(1), set_segments(piece, segments)))
    step = document.steps()[-3]
    document.update(step.id, emotions=with_feeling(step, persona, value=2))
    scene.refresh()
    check_scene(scene)
    assert 1 <= len(made) <= 2
    scene.detach()


def test_a_step_added_early_moves_the_curve_after_it_without_drawing_it_again(qapp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The runs after a step added early are pushed along whole: their pieces keep their paths and move a column on
    (before, every later piece's path was made again: the Enter-early cost grew with the map)."""
    from benchmarks.generate import journey_of
    from workbench.model.journey import Step
    from workbench.ui.canvas.curves import CurvePiece

    document = JourneyDocument(journey_of(150, personas=2))  # faces on most steps: dozens of runs, two curves
    scene = JourneyScene(document, QUndoStack())
    assert scene.other_curves  # (the second persona's curve, checked by check_scene)
    pieces = scene.curve.pieces()
    assert len(pieces) > 10
    before = {id(piece): (piece.x(), piece.segments) for piece in pieces}
    made: list[int] = []  # (the active curve's pieces: the other persona's runs span the whole map, and the one
    set_segments = CurvePiece.set_segments  # split by the new step is cut into pieces anew from its new start)
    monkeypatch.setattr(CurvePiece, "set_segments", lambda piece, segments: (
        made.append(1) if piece.parentItem() is scene.curve else None, set_segments(piece, segments)))
    steps = document.steps()
    document.add(Step(id="new-step", title="New", stage=steps[0].stage), 1)  # no face: it may split the first run
    scene.refresh()
    check_scene(scene)
    assert len(made) <= 2
    kept = [piece for piece in scene.curve.pieces() if before.get(id(piece), (0, None))[1] == piece.segments]
    assert len(kept) >= len(pieces) - 2  # the same pieces, with the same paths...
    assert all(piece.x() - before[id(piece)][0] == 184 + 8 for piece in kept[1:])  # ...a column on
    scene.detach()


def test_two_steps_of_one_feeling_swapped_at_the_start_of_a_run_move_the_curve_with_them(qapp) -> None:  # type: ignore[no-untyped-def]
    """The run then begins at the other step: equal segments, counted from another column. It must be drawn from
    that column (found by a review: the pieces stayed at the old first step's column, a column off)."""
    from tests.ui.test_canvas import small_journey
    from workbench.model.feelings import feelings

    journey = small_journey()
    journey = journey.model_copy(update={"steps": [s.model_copy(update={"emotions": feelings(1)}) if s.id != "step-3" else s
                                                   for s in journey.steps]})
    document = JourneyDocument(journey)
    other = JourneyDocument(journey)
    scene = JourneyScene(document, QUndoStack())
    before = [piece.x() for piece in scene.curve.pieces()]
    document.move("step-2", 0, stage="stage-a")  # step-2 now first: the run starts at its column
    other.move("step-2", 0, stage="stage-a")
    scene.refresh()
    check_scene(scene)
    assert [piece.x() for piece in scene.curve.pieces()] == [run.column.x for run in layout(other).local_curves]
    assert before == [run.column.x for run in layout(JourneyDocument(journey)).local_curves]
    scene.detach()


def test_a_link_moved_to_other_steps_the_same_distance_apart_is_drawn_from_its_new_source(qapp) -> None:  # type: ignore[no-untyped-def]
    """The new route equals the old one counted from its column, but from another column (found by a review)."""
    from benchmarks.generate import journey_of

    document = JourneyDocument(journey_of(60))
    scene = JourneyScene(document, QUndoStack())
    steps = [s.id for s in document.steps()]
    link = next(lk for lk in document.journey.links
                if steps.index(lk.source) + 2 < len(steps) and steps.index(lk.target) + 2 < len(steps))
    source, target = steps[steps.index(link.source) + 2], steps[steps.index(link.target) + 2]
    document.update(link.id, source=source, target=target)
    scene.refresh()
    check_scene(scene)
    assert scene.items_by_key[("link", link.id)].x() == scene.engine.columns[source].x
    scene.detach()


def test_another_personas_mark_raised_reaches_its_marks_bounds(qapp) -> None:  # type: ignore[no-untyped-def]
    """The marks item keeps the height its marks span (columns moving do not change it): a mark raised above the
    others is measured again, so it is painted, not clipped."""
    from benchmarks.generate import journey_of
    from workbench.model.feelings import feelings, with_feeling

    journey = journey_of(20, personas=2)
    lead_id, other_id = journey.personas[0].id, journey.personas[1].id
    steps = [s.model_copy(update={"emotions": feelings(0, persona=lead_id) + feelings(0, persona=other_id)})
             for s in journey.steps]
    document = JourneyDocument(journey.model_copy(update={"steps": steps}))
    scene = JourneyScene(document, QUndoStack())
    other = scene.other_curves[(other_id, "as_is")]
    flat = other.dots.boundingRect()
    step = document.steps()[5]
    document.update(step.id, emotions=with_feeling(step, other_id, value=2))
    scene.refresh()
    check_scene(scene)
    assert other.dots.boundingRect().top() < flat.top()
    scene.detach()


def test_two_lone_marks_swapped_by_a_step_move_are_drawn_where_they_now_are(qapp) -> None:  # type: ignore[no-untyped-def]
    """Another persona's faces on two steps apart (no line between them): a step moved past the other changes
    no point and no run, only their order, and the marks item must still know its first and last marks."""
    from benchmarks.generate import journey_of
    from workbench.model.feelings import feelings

    journey = journey_of(4, personas=2)
    other = journey.personas[1].id
    steps = [s.model_copy(update={"emotions": feelings(1, persona=other) if i in (0, 2) else []})
             for i, s in enumerate(journey.steps)]
    document = JourneyDocument(journey.model_copy(update={"steps": steps}))
    scene = JourneyScene(document, QUndoStack())
    dots = scene.other_curves[(other, "as_is")].dots
    first = document.steps()[0]
    document.move(first.id, 3, stage=first.stage)
    scene.refresh()
    check_scene(scene)
    assert [p.step for p in dots._faces] == [p.step for p in scene.layout.curves[(other, "as_is")].points]
    bounds = dots.boundingRect()
    assert bounds.isValid() and bounds.left() < min(p.x for p in dots._faces) < max(p.x for p in dots._faces) < bounds.right()
    scene.detach()
