"""The journey map as pydantic models: what a `.journey` file holds.

Elements reference each other by stable string ids (see `ids.py`), never by
Python identity, so a file diffs cleanly and references survive a reload.
Positions are held in fields (`stage`, `lane`, `order`) rather than in the
order of the arrays, so moving a card touches one object of the file.

Models are frozen: `JourneyDocument` is the only way to change a journey and it
replaces elements rather than mutating them, which keeps undo exact.
Unknown fields are accepted by the models themselves (so a file written by a
newer minor version keeps them through a load and a save); the file loader
rejects them in files of the current version, where they are typos.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, JsonValue

SECTORS: tuple[str, ...] = (
    "automotive",
    "banking",
    "education",
    "public_sector",
    "health",
    "retail",
    "other",
)
LANGUAGES: tuple[str, ...] = ("en", "fr")
NATURES: tuple[str, ...] = ("digital", "human", "physical")
INTENTS: tuple[str, ...] = ("welcome", "guide", "assist", "anticipate")
#: The two versions of a journey a map can show: as it is today, and as the team wants it.
SCENARIOS: tuple[str, ...] = ("as_is", "to_be")
#: A persona's mark: the shape of its curve's points and the weight of its line, so that
#: curves are told apart without colour (and in black and white print).
SHAPES: tuple[str, ...] = (
    "circle", "square", "triangle", "diamond", "star", "triangle_down", "hexagon", "cross", "pentagon", "hourglass"
)
LINES: tuple[str, ...] = ("medium", "bold")
#: Marks and colours given to new personas in turn: ten personas, ten shapes (told apart in grey print too).
MARKS: tuple[tuple[str, str, str], ...] = (
    ("circle", "medium", "#334e68"),
    ("square", "bold", "#c2410c"),
    ("triangle", "medium", "#15803d"),
    ("diamond", "bold", "#7e22ce"),
    ("star", "medium", "#b45309"),
    ("triangle_down", "bold", "#0e7490"),
    ("hexagon", "medium", "#be123c"),
    ("cross", "bold", "#4d7c0f"),
    ("pentagon", "medium", "#1d4ed8"),
    ("hourglass", "bold", "#57534e"),
)
#: The id of the persona a new journey starts with (and that a version-1 file's persona becomes).
FIRST_PERSONA = "persona-1"
MAX_PERSONAS = 10
#: The lane kind each card kind belongs in ("custom" lanes take any card, and notes go there).
LANE_FOR_CARD: dict[str, str] = {
    "action": "actions",
    "touchpoint": "touchpoints",
    "thought": "thoughts",
    "pain_point": "pain_points",
    "opportunity": "opportunities",
    "backstage": "backstage",
}
LANE_KINDS: tuple[str, ...] = (
    "actions",
    "touchpoints",
    "thoughts",
    "emotions",
    "pain_points",
    "opportunities",
    "backstage",
    "custom",
)
CARD_KINDS: tuple[str, ...] = (
    "action",
    "touchpoint",
    "thought",
    "pain_point",
    "opportunity",
    "backstage",
    "note",
)

Sector = Literal["automotive", "banking", "education", "public_sector", "health", "retail", "other"]
Language = Literal["en", "fr"]
Nature = Literal["digital", "human", "physical"]
Intent = Literal["welcome", "guide", "assist", "anticipate"]
LaneKind = Literal[
    "actions",
    "touchpoints",
    "thoughts",
    "emotions",
    "pain_points",
    "opportunities",
    "backstage",
    "custom",
]
CardKind = Literal["action", "touchpoint", "thought", "pain_point", "opportunity", "backstage", "note"]

#: Stable element id: short, readable in a diff, safe in any file name.
ElementId = Annotated[str, Field(pattern=r"^[A-Za-z0-9_-]{1,64}$")]
ShortText = Annotated[str, Field(max_length=500)]
LongText = Annotated[str, Field(max_length=20_000)]
Order = Annotated[int, Field(ge=0, le=1_000_000_000)]
#: Emotion on a five-point scale: -2 very negative ... +2 very positive.
Emotion = Annotated[int, Field(ge=-2, le=2)]
Scenario = Literal["as_is", "to_be"]
Shape = Literal[
    "circle", "square", "triangle", "diamond", "star", "triangle_down", "hexagon", "cross", "pentagon", "hourglass"
]
Line = Literal["medium", "bold"]
Colour = Annotated[str, Field(pattern=r"^#[0-9a-fA-F]{6}$")]


class Element(BaseModel):
    """Base of every model: frozen, unknown fields kept (see module doc).

    A field's docstring (the string under it) says what it means; the JSON
    Schema carries it as the field's description (see schema.py). The models
    do not read them (pydantic's ``use_attribute_docstrings`` parses this
    file's source at every start, a tenth of the models' import time).
    """

    model_config = ConfigDict(
        frozen=True,
        extra="allow",
        strict=True,
        json_schema_extra={"additionalProperties": False},
    )


class Persona(Element):
    """Someone who travels the journey; a map holds one to ten of them."""

    id: ElementId
    order: Order = 0
    name: ShortText = ""
    description: LongText = ""
    goals: list[ShortText] = Field(default_factory=list, max_length=200)
    frustrations: list[ShortText] = Field(default_factory=list, max_length=200)
    shape: Shape = "circle"
    """The shape of the points of this persona's curves."""
    line: Line = "medium"
    """The weight of this persona's curves ("as is" solid, "to be" dashed)."""
    colour: Colour = "#334e68"


class Feeling(Element):
    """How one persona feels at a step, in one scenario ("as is" or "to be")."""

    persona: ElementId
    scenario: Scenario = "as_is"
    value: Emotion | None = None
    """On the five-point scale; None when only a note is written."""
    note: LongText = ""


def _first_personas() -> list[Persona]:
    return [Persona(id=FIRST_PERSONA)]


class Stage(Element):
    id: ElementId
    title: ShortText
    order: Order = 0
    description: LongText = ""


class Step(Element):
    id: ElementId
    title: ShortText
    stage: ElementId
    order: Order = 0
    description: LongText = ""
    emotions: list[Feeling] = Field(default_factory=list, max_length=2 * MAX_PERSONAS)
    """One entry per persona and scenario that has an emotion or a note here."""
    moment_of_truth: bool = False
    goal: bool = False
    """A goal reached (a milestone): the customer may stop here, or the journey may go on."""
    end: bool = False
    """The journey ends here: nothing follows in sequence (alternatives are drawn with flow links)."""
    deliberate_exit: bool = False
    """Only a person or a place can serve this step, on purpose (not a forced exit from digital)."""
    data_reentered: bool = False
    """The customer types again here what an earlier step already had (a form restarted on another device)."""


class Lane(Element):
    id: ElementId
    kind: LaneKind
    title: ShortText
    order: Order = 0


class Card(Element):
    id: ElementId
    step: ElementId
    lane: ElementId
    order: Order = 0
    kind: CardKind
    text: LongText = ""
    channel: ShortText | None = None
    """Touchpoints only: mobile app, web, SMS, phone with an advisor, branch..."""
    nature: Nature | None = None
    """Touchpoints only: digital, human or physical."""
    intents: list[Intent] = Field(default_factory=list, max_length=4)
    personas: list[ElementId] = Field(default_factory=list, max_length=MAX_PERSONAS)
    """The personas this card concerns; empty: all of them."""


class Handoff(Element):
    """Where a digital touchpoint hands the customer over to a human one."""

    id: ElementId
    source: ElementId
    """The digital touchpoint card the customer leaves."""
    target: ElementId
    """The human touchpoint card that takes over."""
    trigger: ShortText = ""
    context_carried: bool = False
    """True when the person taking over already knows the case."""
    expected_wait: ShortText = ""
    return_step: ElementId | None = None
    """The step the customer goes back to once helped, if any."""


class Link(Element):
    """A flow from one step to another, for branches and loops."""

    id: ElementId
    source: ElementId
    target: ElementId
    label: ShortText = ""


class CheckSettings(Element):
    """Thresholds of the journey health check, kept in the file when changed."""

    human_within: Annotated[int, Field(ge=0, le=50)] = 2
    """How many steps downstream a person may be and still count as within reach."""
    cliff: Annotated[int, Field(ge=1, le=4)] = 2
    """A drop of this many emotion levels from one step to the next is a cliff."""


#: Where a merge conflict is: the journey's own fields, or one of its collections.
ConflictPlace = Literal["journey", "personas", "stages", "steps", "lanes", "cards", "handoffs", "links"]


class Conflict(Element):
    """A change two people made differently since their common version (written by ``workbench merge``).

    The journey holds *ours*, the value of the branch being merged into; *theirs*
    is the other side's, offered when the conflict is resolved in the editor.
    ``field`` is empty when one side removed the element and the other changed
    it: the element is kept (nothing is lost), and the side that removed it has
    None as its value.
    """

    id: ElementId
    collection: ConflictPlace
    element: ElementId | None = None
    """The element concerned; None for the journey's own fields (title, persona...)."""
    field: ShortText = ""
    base: JsonValue = None
    """The value both sides started from (None: the field or element was not there)."""
    ours: JsonValue = None
    theirs: JsonValue = None


class Journey(Element):
    title: ShortText
    sector: Sector = "other"
    language: Language = "en"
    personas: list[Persona] = Field(default_factory=_first_personas, min_length=1, max_length=MAX_PERSONAS)
    scenario: LongText = ""
    authors: list[ShortText] = Field(default_factory=list, max_length=100)
    notes: LongText = ""
    stages: list[Stage] = Field(default_factory=list, max_length=10_000)
    steps: list[Step] = Field(default_factory=list, max_length=100_000)
    lanes: list[Lane] = Field(default_factory=list, max_length=1_000)
    cards: list[Card] = Field(default_factory=list, max_length=1_000_000)
    handoffs: list[Handoff] = Field(default_factory=list, max_length=100_000)
    links: list[Link] = Field(default_factory=list, max_length=100_000)
    checks: CheckSettings | None = None
    """Health check thresholds; None means the defaults."""
    conflicts: list[Conflict] = Field(default_factory=list, max_length=100_000)
    """Changes a merge could not reconcile, waiting to be resolved in the editor."""


#: The collections of a journey that hold elements with ids, in file order.
COLLECTIONS: tuple[str, ...] = ("personas", "stages", "steps", "lanes", "cards", "handoffs", "links")
ELEMENT_TYPES: dict[str, type[Element]] = {
    "personas": Persona,
    "stages": Stage,
    "steps": Step,
    "lanes": Lane,
    "cards": Card,
    "handoffs": Handoff,
    "links": Link,
}
COLLECTION_OF: dict[type[Element], str] = {v: k for k, v in ELEMENT_TYPES.items()}
