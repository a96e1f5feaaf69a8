"""Colours of the map, shared by the canvas and the PDF (hex strings, no Qt).

Colour is never the only cue: natures also differ by border (see the canvas
items and the PDF), emotion levels by the face's mouth.
"""

from __future__ import annotations

INK = "#1f2933"
MUTED = "#52606d"
GRID = "#d9e2ec"
BACKGROUND = "#ffffff"
STAGE_FILL = "#243b53"
STAGE_TEXT = "#ffffff"
STEP_FILL = "#f0f4f8"
LANE_FILL = ("#fbfcfd", "#f3f6f9")
SELECTION = "#2680c2"

CARD_FILL = {
    "action": "#e3f0ff",
    "touchpoint": "#ffffff",
    "thought": "#fff8e1",
    "pain_point": "#ffe3e3",
    "opportunity": "#e3f9e5",
    "backstage": "#eceff1",
    "note": "#f5f5f5",
}
NATURE_FILL = {"digital": "#e6f6ff", "human": "#e8f8ec", "physical": "#fbf3e4"}
NATURE_BORDER = {"digital": "#0b69a3", "human": "#207227", "physical": "#8d5b17"}

EMOTION_COLOUR = {-2: "#c62828", -1: "#ef6c00", 0: "#757575", 1: "#7cb342", 2: "#2e7d32"}
CURVE = "#334e68"
HANDOFF = "#6b3fa0"
LINK = "#486581"
MOMENT_OF_TRUTH = "#d97706"
#: Health check signs (the shape tells the severity too: see ui/canvas/painting.py).
SEVERITY = {"error": "#c62828", "warning": "#d97706", "info": "#486581"}

#: The colours above, kept to come back to them.
_STANDARD = {name: value for name, value in dict(globals()).items() if name.isupper() and not name.startswith("_")}
#: Projector contrast: darker ink and lines, stronger lane bands, for the back of a room.
_PROJECTOR = {
    "INK": "#000000",
    "MUTED": "#1f2933",
    "GRID": "#7b8794",
    "STEP_FILL": "#d9e2ec",
    "LANE_FILL": ("#ffffff", "#e4e7eb"),
    "SELECTION": "#0a4f8f",
    "CURVE": "#102a43",
    "LINK": "#102a43",
    "HANDOFF": "#4a1a8c",
    "NATURE_BORDER": {"digital": "#03449e", "human": "#05400a", "physical": "#5c3c00"},
}
THEMES = ("standard", "projector")
current = "standard"


def use(name: str) -> None:
    """Switch the colours of the map on screen ("standard" or "projector"); painters read them when they paint."""
    global current
    values = dict(_STANDARD)
    if name == "projector":
        values.update(_PROJECTOR)
    elif name != "standard":
        raise ValueError(name)
    globals().update(values)
    current = name


class using:  # noqa: N801 - reads as a context: `with theme.using("standard"):`
    """The given colours for a while (a PDF is always drawn in the standard ones), then back."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.before = current

    def __enter__(self) -> None:
        self.before = current
        use(self.name)

    def __exit__(self, *exc: object) -> None:
        use(self.before)
