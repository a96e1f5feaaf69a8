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
