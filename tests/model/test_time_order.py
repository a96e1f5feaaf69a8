"""The health check sorts the steps in time order without making an index (steps_in_time_order): the same
steps, in the same order, as the index gives them."""

from __future__ import annotations

from hypothesis import given, settings

from tests.strategies import journeys


def test_steps_in_time_order_without_an_index_are_the_index_s() -> None:
    """The check sorts the steps without making an index (steps_in_time_order): the same steps in the same
    order, ties (equal orders) and steps of a missing stage included."""
    import random

    from workbench.model.index import JourneyIndex, steps_in_time_order
    from workbench.model.journey import Journey, Stage, Step

    rng = random.Random(12)
    for _ in range(400):
        names = rng.sample(range(1000), 40)  # ids in no sorted order: ties must follow the file, not the ids
        stages = [Stage(id=f"s{names[i]}", title="S", order=rng.choice([0, 10, 10, 20, 30])) for i in range(rng.randint(0, 5))]
        stage_ids = [s.id for s in stages] + ["gone-1", "gone-2"]  # (two stages no longer there: mid-batch strays)
        steps = [Step(id=f"p{names[-1 - i]}", title="P", stage=rng.choice(stage_ids) if rng.random() < 0.9 or not stages
                      else "gone-1", order=rng.choice([0, 5, 5, 10, 15])) for i in range(rng.randint(0, 34))]
        journey = Journey(title="T", stages=stages, steps=steps)
        expected = JourneyIndex(journey).steps()
        got = steps_in_time_order(journey)
        assert [s.id for s in got] == [s.id for s in expected]
        assert all(a is b for a, b in zip(got, expected))


@given(journeys())
@settings(max_examples=60, deadline=None)
def test_steps_in_time_order_of_any_journey_are_the_index_s(journey) -> None:  # type: ignore[no-untyped-def]
    from workbench.model.index import JourneyIndex, steps_in_time_order

    assert [s.id for s in steps_in_time_order(journey)] == [s.id for s in JourneyIndex(journey).steps()]
