"""The incremental layout equals a layout from scratch, element for element, after any edits.

A `LayoutEngine` kept current from a document's changes (as the canvas keeps
it) is compared after every step of random edit sequences (adds, moves,
updates, deletes with their cascades, undo) with a fresh engine laid out from
nothing. Everything is compared in map coordinates, so a lane's anchor left
behind or a card box not re-placed shows up as a difference.
"""

from __future__ import annotations

import random
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.map_layout import Layout
from workbench.layout import LayoutEngine, layout
from workbench.model.document import JourneyDocument
from workbench.model.edits import Edit
from workbench.model.errors import EditError
from workbench.model.feelings import feelings, lead, with_feeling
from workbench.model.fileformat import load
from workbench.model.journey import CARD_KINDS, LANE_KINDS, NATURES, Card, Handoff, Lane, Link, Stage, Step
from tests.strategies import journeys

ROOT = Path(__file__).resolve().parents[2]
TEXTS = ("", "Short", "A title long enough to wrap over two lines or three", "word " * 40, "Appel\nconseiller")


def picture(lay: Layout) -> dict[str, Any]:
    """Everything a layout shows, in map coordinates."""
    return {
        "size": (lay.width, lay.height),
        "stages": [(b.id, b.rect, b.text) for b in lay.stages],
        "steps": [(b.id, b.header, b.column, b.text, b.moment_of_truth, b.goal) for b in lay.steps],
        "lanes": [(b.id, b.kind, b.row, b.title) for b in lay.lanes],
        "cards": sorted((c.id, c.step, c.lane, c.kind, c.nature, c.rect, c.channel, c.text) for c in lay.cards),
        "emotions": [(p.step, p.level, p.x, p.y) for p in lay.emotion_points],
        "curves": lay.emotion_curves,
        "handoffs": sorted(((c.id, c.path, c.label, c.context_carried) for c in lay.handoffs), key=lambda t: t[0]),
        "links": [(c.id, c.path, c.label) for c in lay.links],
        "emotion lane": lay.emotion_lane.id if lay.emotion_lane else None,
    }


def random_edit(doc: JourneyDocument, rnd: random.Random) -> Edit:
    """One edit of any kind at random; EditError when the model refuses it."""
    j = doc.journey
    stages, steps, lanes, cards = doc.stages(), doc.steps(), doc.lanes(), list(j.cards)
    pick = rnd.choice
    what = rnd.randrange(16)
    if what == 0 or not stages:
        return doc.add(Stage(id=doc.new_id("stages"), title=pick(TEXTS) or "S"), rnd.randint(0, len(stages)))
    if what == 1 or not steps:
        stage = pick(stages)
        return doc.add(Step(id=doc.new_id("steps"), title=pick(TEXTS), stage=stage.id,
                            emotions=feelings(pick((None, -2, 0, 2)), persona=lead(j).id)),
                       rnd.randint(0, len(doc.index.steps_of(stage.id))))
    if what == 2 or not lanes:
        return doc.add(Lane(id=doc.new_id("lanes"), kind=pick(LANE_KINDS), title=pick(TEXTS) or "L"), rnd.randint(0, len(lanes)))
    if what in (3, 4) or not cards:
        kind = pick(CARD_KINDS)
        touch = kind == "touchpoint"
        card = Card(id=doc.new_id("cards"), step=pick(steps).id, lane=pick(lanes).id, kind=kind, text=pick(TEXTS),
                    channel=pick((None, "Mobile app", "Conseiller au téléphone")) if touch else None,
                    nature=pick(NATURES) if touch else None)
        return doc.add(card, rnd.randint(0, 3))
    if what == 5:
        digital = [c for c in cards if c.nature == "digital"]
        human = [c for c in cards if c.nature == "human"]
        if digital and human:
            return doc.add(Handoff(id=doc.new_id("handoffs"), source=pick(digital).id, target=pick(human).id,
                                   trigger=pick(TEXTS), context_carried=rnd.random() < 0.5))
        what = 6
    if what == 6:
        return doc.add(Link(id=doc.new_id("links"), source=pick(steps).id, target=pick(steps).id, label=pick(TEXTS)))
    if what == 7:
        card = pick(cards)
        return doc.move(card.id, rnd.randint(0, 3), step=pick(steps).id, lane=pick(lanes).id)
    if what == 8:
        step = pick(steps)
        stage = pick(stages)
        return doc.move(step.id, rnd.randint(0, len(doc.index.steps_of(stage.id))), stage=stage.id)
    if what == 9:
        element = pick(stages + lanes)
        return doc.move(element.id, rnd.randint(0, 5))
    if what == 10:
        card = pick(cards)
        return doc.update(card.id, text=pick(TEXTS))
    if what == 11:
        step = pick(steps)
        value = pick((None, -2, -1, 0, 1, 2))
        return doc.update(step.id, title=pick(TEXTS), emotions=with_feeling(step, lead(j).id, value=value),
                          moment_of_truth=rnd.random() < 0.3, goal=rnd.random() < 0.2)
    if what == 12:
        element = pick(stages + lanes)
        changes: dict[str, Any] = {"title": pick(TEXTS) or "T"}
        if isinstance(element, Lane) and rnd.random() < 0.5:
            changes["kind"] = pick(LANE_KINDS)
        return doc.update(element.id, **changes)
    if what == 13 and (j.handoffs or j.links):
        element = pick(list(j.handoffs) + list(j.links))
        field = "trigger" if isinstance(element, Handoff) else "label"
        return doc.update(element.id, **{field: pick(TEXTS)})
    element = pick(stages + steps + lanes + cards + list(j.handoffs) + list(j.links))
    return doc.remove(element.id)


def edit_or_undo(doc: JourneyDocument, rnd: random.Random, undo: list[Edit]) -> None:
    """One random edit (its inverse kept in *undo*), or now and then the undo of an earlier one."""
    try:
        if undo and rnd.random() < 0.25:
            doc.apply(undo.pop())
        else:
            undo.append(random_edit(doc, rnd))
    except EditError:
        pass


def run_edits(doc: JourneyDocument, rnd: random.Random, count: int) -> None:
    engine = LayoutEngine(lambda: doc.journey, doc.index)
    doc.changed.connect(engine.note)
    undo: list[Edit] = []
    for _ in range(count):
        for _ in range(rnd.choice((1, 1, 1, 2, 3))):  # sometimes several edits before one update, as in a batch
            edit_or_undo(doc, rnd, undo)
        engine.update()
        assert picture(engine.layout) == picture(layout(doc))
        assert columns_of(engine) == columns_of(LayoutEngine(lambda: doc.journey, doc.index))
        faces = {p.step: p for p in engine.layout.emotion_points}  # the face the engine gives for a step is the one shown
        assert all(engine.face(step) is faces.get(step) for step in engine.steps_between(-1e12, 1e12)), "faces"


def columns_of(engine: LayoutEngine) -> tuple[list[str], dict[str, str | None]]:
    """What the engine answers about columns: the steps shown left to right, and the step before each."""
    shown = engine.steps_between(-1e12, 1e12)
    return shown, {sid: engine.step_before(sid) for sid in shown}


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(journeys(min_stages=1), st.randoms(use_true_random=False))
def test_incremental_layout_equals_a_full_layout_after_random_edits(journey, rnd) -> None:  # type: ignore[no-untyped-def]
    run_edits(JourneyDocument(journey), rnd, 25)


@settings(max_examples=15, deadline=None)
@given(st.randoms(use_true_random=False))
def test_incremental_layout_of_a_shipped_example_stays_exact(rnd) -> None:  # type: ignore[no-untyped-def]
    example = rnd.choice(sorted((ROOT / "examples").glob("*.journey")))
    run_edits(JourneyDocument(load(example)), rnd, 40)


def test_a_lane_pushed_down_moves_its_anchor_not_its_cards() -> None:
    doc = JourneyDocument(load(ROOT / "examples" / "banking-savings.journey"))
    engine = LayoutEngine(lambda: doc.journey, doc.index)
    doc.changed.connect(engine.note)
    top_lane, last_lane = doc.lanes()[0], doc.lanes()[-1]
    card = next(c for c in doc.journey.cards if c.lane == top_lane.id)
    doc.update(card.id, text="word " * 120)
    patch = engine.update()
    assert patch.cards == {card.id}
    assert last_lane.id in patch.anchors
    assert picture(engine.layout) == picture(layout(doc))


def test_a_step_added_early_moves_the_later_stage_headers_and_runs_without_making_them_again() -> None:
    from benchmarks.generate import journey_of

    doc = JourneyDocument(journey_of(60))  # a dozen stages, runs of the curve broken here and there
    engine = LayoutEngine(lambda: doc.journey, doc.index)
    doc.changed.connect(engine.note)
    stages = {b.id: (b, b.rect.x) for b in engine.layout.stages[1:]}
    runs = [(run, run.column.x) for run in engine.layout.local_curves if run.column.x > engine.layout.steps[1].column.x]
    assert stages and runs
    doc.add(Step(id="new-step", title="New", stage=doc.stages()[0].id), 1)
    patch = engine.update()
    pitch = engine.layout.style.column_width + engine.layout.style.gap
    for box in engine.layout.stages[1:]:
        old, x = stages[box.id]
        assert box is old and box.rect.x == x + pitch  # the same header, a column on
    # Each is placed from its first step's column, which moved with the others after the new step: it goes along
    # as that step's cards do, and is named neither as made again nor as moved on its own.
    assert all(box.step in patch.alike for box in engine.layout.stages[1:])
    assert not patch.stage_columns & set(stages) and not patch.stage_boxes & set(stages)
    kept = {id(run) for run in engine.layout.local_curves}
    assert all(id(run) in kept and run.column.x == x + pitch for run, x in runs)  # the same runs, a column on
    assert picture(engine.layout) == picture(layout(doc))


def test_a_face_added_in_a_long_run_makes_only_its_chunk_again() -> None:
    """Every step of a long map has a face on each of four curves: one run each. A step (with faces) added
    early in it makes the chunk it falls in again; the chunks after it are the same objects, a column on."""
    from benchmarks.generate import journey_of
    from workbench.layout.emotions import CHUNK

    doc = JourneyDocument(journey_of(300, personas=2))
    engine = LayoutEngine(lambda: doc.journey, doc.index)
    doc.changed.connect(engine.note)
    lay = engine.layout
    for curve in lay.curves.values():
        whole = [run for run in curve.local_runs if not run.joined]
        assert len(whole) < len(curve.local_runs)  # (long runs, in chunks)
        assert max(len(run) for run in curve.local_runs) < 8 * CHUNK
    second = lay.steps[1]
    later = {key: [(run, run.column.x) for run in c.local_runs if run.column.x > second.column.x + 1]
             for key, c in lay.curves.items()}
    first = doc.steps()[1]
    doc.add(Step(id="new-step", title="New", stage=first.stage, emotions=first.emotions), 1)
    engine.update()
    pitch = lay.style.column_width + lay.style.gap
    for key, curve in engine.layout.curves.items():
        kept = {id(run) for run in curve.local_runs}
        again = [run for run, x in later[key] if id(run) not in kept or run.column.x != x + pitch]
        assert len(again) <= 1, key  # at most the chunk the new face's neighbour starts
    fresh = layout(doc)
    assert picture(engine.layout) == picture(fresh)
    # Drawn (PDF, pictures), a run is whole again: as many pieces as stretches between steps without a face.
    for key in fresh.curves:
        runs = fresh.curve_runs(key)
        assert sum(len(run) for run in runs) == sum(len(run) for run in fresh.curves[key].local_runs)
        assert len(runs) == sum(not run.joined for run in fresh.curves[key].local_runs)
        for run in runs:
            assert all(a[3] == b[0] for a, b in zip(run, run[1:]))  # each segment starts where the last ended


def test_a_step_added_early_pushes_the_later_routes_along_without_routing_them_again() -> None:
    """Handoffs within a lane and flow links right of a step added early are the same routes, placed from
    columns that moved: the edit routes none of them again."""
    from benchmarks.generate import journey_of

    doc = JourneyDocument(journey_of(300))
    engine = LayoutEngine(lambda: doc.journey, doc.index)
    doc.changed.connect(engine.note)
    first_x = engine.layout.steps[2].column.x
    later_handoffs = {hid for hid, (lane, c) in engine.layout.handoff_routes.items()
                      if lane is not None and c.column.x > first_x}
    later_links = {c.id for c in engine.layout.link_routes if c.column.x > first_x}
    assert len(later_handoffs) > 5 and len(later_links) > 10
    routes = {hid: c for hid, (_, c) in engine.layout.handoff_routes.items()}
    links = {c.id: c for c in engine.layout.link_routes}
    doc.add(Step(id="new-step", title="New", stage=doc.stages()[0].id), 1)
    patch = engine.update()
    now = {c.id: c for c in engine.layout.link_routes}
    assert sum(now[i] is links[i] for i in later_links) >= len(later_links) - 3  # not drawn again (a label may shift)
    assert not later_handoffs & patch.handoffs and later_handoffs <= patch.handoff_columns
    assert all(engine.layout.handoff_routes[hid][1] is routes[hid] for hid in later_handoffs)
    assert not later_links & patch.links and later_links <= patch.link_columns
    assert picture(engine.layout) == picture(layout(doc))


def test_a_step_moved_back_over_another_handoff_routes_the_two_together_as_a_full_layout_does() -> None:
    """Found by the scene property test: a step whose handoff came from a later step, moved into an empty first
    stage, took its route back over another handoff of the lane. A full layout routes the two as one group (from
    the same column); the edit kept the other apart (the same curve, counted from another column)."""
    doc = JourneyDocument(load(ROOT / "examples" / "education-student-support.journey"))
    engine = LayoutEngine(lambda: doc.journey, doc.index)
    doc.changed.connect(engine.note)
    doc.add(Stage(id="stage-first", title="First", order=0), 0)
    doc.add(Handoff(id="handoff-back", source="card-tp-quiz", target="card-tp-ta-tutorial", trigger="Stuck on a quiz"))
    engine.update()
    doc.update("step-weekly-tutorial", stage="stage-first", order=10)
    engine.update()
    fresh = LayoutEngine(lambda: doc.journey, doc.index).layout
    routes = {hid: (lane, c.column.x, c) for hid, (lane, c) in engine.layout.handoff_routes.items()}
    assert routes == {hid: (lane, c.column.x, c) for hid, (lane, c) in fresh.handoff_routes.items()}
    assert picture(engine.layout) == picture(fresh)


@settings(max_examples=10, deadline=None)
@given(st.randoms(use_true_random=False))
def test_incremental_layout_of_lanes_full_of_handoffs_stays_exact(rnd) -> None:  # type: ignore[no-untyped-def]
    """Handoffs within a lane are routed again by clusters of overlapping spans: here, a few dozen of them."""
    from benchmarks.generate import journey_of

    journey = journey_of(40)
    touch = [c for c in journey.cards if c.lane == "lane-touchpoints"]
    digital = [c for c in touch if c.nature == "digital"]
    human = [c for c in touch if c.nature == "human"]
    handoffs = [
        Handoff(id=f"handoff-x{i}", source=card.id, target=rnd.choice(human).id, trigger=rnd.choice(TEXTS))
        for i, card in enumerate(digital)
    ]
    run_edits(JourneyDocument(journey.model_copy(update={"handoffs": handoffs})), rnd, 30)
