"""Hypothesis strategies for valid journeys.

Every field of the model is drawn, over its whole range, defaults included
(``tests/model/test_fields.py`` fails when a field is added that these
strategies never set). Every journey drawn here passes ``check_journey``: ids are unique across all
collections, steps point at existing stages, cards at existing steps and
lanes, only touchpoint cards have a nature or a channel, handoffs go from a
digital touchpoint card to a human one, and links join existing steps. Sizes
stay small so hundreds of examples run in seconds; the text is deliberately
awkward (accents, euro sign, emoji, quotes, backslashes, newlines, NUL).
"""

from __future__ import annotations

import string

from hypothesis import strategies as st

from workbench.model.journey import (
    CARD_KINDS,
    COLLECTIONS,
    INTENTS,
    LANE_KINDS,
    LANGUAGES,
    LINES,
    MAX_PERSONAS,
    NATURES,
    SCENARIOS,
    SECTORS,
    SHAPES,
    Card,
    CheckSettings,
    Conflict,
    Feeling,
    Handoff,
    Journey,
    Lane,
    Link,
    Persona,
    Stage,
    Step,
)

ID_ALPHABET = string.ascii_letters + string.digits + "_-"
MAX_STAGES, MAX_STEPS, MAX_LANES, MAX_CARDS, MAX_HANDOFFS, MAX_LINKS, MAX_CONFLICTS = 3, 5, 3, 7, 3, 4, 2
MAX_DRAWN_PERSONAS = 3

#: Pieces a user really types and a careless writer gets wrong.
AWKWARD = (
    "é", "è", "à", "ç", "É", "ß", "€", "£", "😀", "👩‍💻", "🇫🇷", "日本語", "\u0301",
    '"', "'", "\\", "\\n", "\n", "\r\n", "\t", "\u2028", "\x00", "{}", "</script>", " ",
)

ids = st.text(alphabet=ID_ALPHABET, min_size=1, max_size=64)
texts = st.lists(st.one_of(st.sampled_from(AWKWARD), st.text(max_size=10)), max_size=4).map("".join)
optional_texts = st.none() | texts
orders = st.one_of(st.integers(0, 100), st.integers(0, 1_000_000_000))
emotions = st.none() | st.integers(-2, 2)
text_lists = st.lists(texts, max_size=3)


colours = st.text(alphabet="0123456789abcdefABCDEF", min_size=6, max_size=6).map(lambda h: "#" + h)


@st.composite
def personas(draw: st.DrawFn, persona_id: str = "persona-1") -> Persona:
    return Persona(
        id=persona_id,
        order=draw(orders),
        name=draw(texts),
        description=draw(texts),
        goals=draw(text_lists),
        frustrations=draw(text_lists),
        shape=draw(st.sampled_from(SHAPES)),
        line=draw(st.sampled_from(LINES)),
        colour=draw(colours),
    )


@st.composite
def step_feelings(draw: st.DrawFn, persona_ids: list[str]) -> list[Feeling]:
    """A step's feelings: at most one per persona and scenario, each with a value or a note (or both)."""
    keys = draw(
        st.lists(
            st.tuples(st.sampled_from(persona_ids), st.sampled_from(SCENARIOS)),
            max_size=min(4, 2 * len(persona_ids)),
            unique=True,
        )
    )
    out = []
    for persona, scenario in keys:
        value = draw(emotions)
        note = draw(texts)
        if value is None and not note:
            note = draw(st.sampled_from(AWKWARD))
        out.append(Feeling(persona=persona, scenario=scenario, value=value, note=note))
    return out


@st.composite
def check_settings(draw: st.DrawFn) -> CheckSettings:
    """Health check thresholds, over their whole ranges (defaults included)."""
    return CheckSettings(human_within=draw(st.integers(0, 50)), cliff=draw(st.integers(1, 4)))


json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(2**53), 2**53) | texts,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
    max_leaves=6,
)


@st.composite
def conflicts(draw: st.DrawFn, conflict_ids: list[str], element_ids: list[str]) -> list[Conflict]:
    """Merge conflicts left in a file: on the journey's fields or on elements, values of any JSON shape."""
    found = []
    for conflict_id in conflict_ids:
        on_element = bool(element_ids) and draw(st.booleans())
        found.append(
            Conflict(
                id=conflict_id,
                collection=draw(st.sampled_from(COLLECTIONS)) if on_element else "journey",
                element=draw(st.sampled_from(element_ids)) if on_element else None,
                field=draw(texts),
                base=draw(json_values),
                ours=draw(json_values),
                theirs=draw(json_values),
            )
        )
    return found


@st.composite
def cards(
    draw: st.DrawFn, card_id: str, step_ids: list[str], lane_ids: list[str], persona_ids: list[str] = ()
) -> Card:
    # Touchpoints are drawn more often than other kinds so handoffs are common.
    kind = draw(st.one_of(st.just("touchpoint"), st.sampled_from(CARD_KINDS)))
    touchpoint = kind == "touchpoint"
    return Card(
        id=card_id,
        step=draw(st.sampled_from(step_ids)),
        lane=draw(st.sampled_from(lane_ids)),
        order=draw(orders),
        kind=kind,
        text=draw(texts),
        channel=draw(optional_texts) if touchpoint else None,
        nature=draw(st.sampled_from(NATURES)) if touchpoint else None,
        intents=draw(st.lists(st.sampled_from(INTENTS), max_size=4, unique=True)),
        personas=draw(st.lists(st.sampled_from(persona_ids), max_size=MAX_PERSONAS, unique=True)) if persona_ids else [],
    )


@st.composite
def journeys(draw: st.DrawFn, min_stages: int = 0) -> Journey:
    """A valid journey; with *min_stages* >= 1 it has at least one element."""
    n_stages = draw(st.integers(min_stages, MAX_STAGES))
    n_lanes = draw(st.integers(0, MAX_LANES))
    n_steps = draw(st.integers(0, MAX_STEPS)) if n_stages else 0
    n_cards = draw(st.integers(0, MAX_CARDS)) if n_steps and n_lanes else 0
    n_conflicts = draw(st.integers(0, MAX_CONFLICTS))
    n_personas = draw(st.integers(1, MAX_DRAWN_PERSONAS))
    total = n_personas + n_stages + n_steps + n_lanes + n_cards + MAX_HANDOFFS + MAX_LINKS + n_conflicts
    pool = iter(draw(st.lists(ids.filter(lambda i: i != "persona-1"), min_size=total, max_size=total, unique=True)))

    # The first persona often keeps the id a new journey (or a version-1 file) gives it.
    first_id = draw(st.sampled_from(["persona-1", next(pool)]))
    persona_list = [draw(personas(first_id))] + [draw(personas(next(pool))) for _ in range(n_personas - 1)]
    persona_ids = [p.id for p in persona_list]

    stages = [
        Stage(id=next(pool), title=draw(texts), order=draw(orders), description=draw(texts))
        for _ in range(n_stages)
    ]
    stage_ids = [s.id for s in stages]
    steps = [
        Step(
            id=next(pool),
            title=draw(texts),
            stage=draw(st.sampled_from(stage_ids)),
            order=draw(orders),
            description=draw(texts),
            emotions=draw(step_feelings(persona_ids)),
            moment_of_truth=draw(st.booleans()),
            goal=draw(st.booleans()),
            end=draw(st.booleans()),
            deliberate_exit=draw(st.booleans()),
            data_reentered=draw(st.booleans()),
        )
        for _ in range(n_steps)
    ]
    step_ids = [s.id for s in steps]
    lanes = [
        Lane(id=next(pool), kind=draw(st.sampled_from(LANE_KINDS)), title=draw(texts), order=draw(orders))
        for _ in range(n_lanes)
    ]
    lane_ids = [lane.id for lane in lanes]
    card_list = [draw(cards(next(pool), step_ids, lane_ids, persona_ids)) for _ in range(n_cards)]

    digital = [c.id for c in card_list if c.kind == "touchpoint" and c.nature == "digital"]
    human = [c.id for c in card_list if c.kind == "touchpoint" and c.nature == "human"]
    handoffs = []
    if digital and human:
        for _ in range(draw(st.integers(0, MAX_HANDOFFS))):
            handoffs.append(
                Handoff(
                    id=next(pool),
                    source=draw(st.sampled_from(digital)),
                    target=draw(st.sampled_from(human)),
                    trigger=draw(texts),
                    context_carried=draw(st.booleans()),
                    expected_wait=draw(texts),
                    return_step=draw(st.sampled_from([None, *step_ids])),  # (often set: a test needs to see it)
                )
            )
    links = []
    if steps:
        for _ in range(draw(st.integers(0, MAX_LINKS))):
            links.append(
                Link(
                    id=next(pool),
                    source=draw(st.sampled_from(step_ids)),
                    target=draw(st.sampled_from(step_ids)),
                    label=draw(texts),
                )
            )
    conflict_ids = [next(pool) for _ in range(n_conflicts)]
    element_ids_ = [*persona_ids, *stage_ids, *step_ids, *lane_ids, *(c.id for c in card_list)]
    return Journey(
        title=draw(texts),
        sector=draw(st.sampled_from(SECTORS)),
        language=draw(st.sampled_from(LANGUAGES)),
        personas=persona_list,
        scenario=draw(texts),
        authors=draw(text_lists),
        notes=draw(texts),
        stages=stages,
        steps=steps,
        lanes=lanes,
        cards=card_list,
        handoffs=handoffs,
        links=links,
        checks=draw(st.none() | check_settings()),
        conflicts=draw(conflicts(conflict_ids, element_ids_)),
    )


def element_ids(journey: Journey) -> list[str]:
    """Every element id of *journey*, in file order."""
    return [e.id for collection in COLLECTIONS for e in getattr(journey, collection)]
