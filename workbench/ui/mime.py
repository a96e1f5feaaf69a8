"""MIME types of the workbench's drags and clipboard."""

from __future__ import annotations

#: A palette drag; payload "card:KIND[:NATURE]", "step", "stage", "lane", "emotion" or "handoff".
PALETTE_MIME = "application/x-journey-workbench-palette"
#: Copied elements: a JSON object {"cards": [...], "steps": [...]} of element dumps.
ELEMENTS_MIME = "application/x-journey-workbench-elements"

_CARD_KINDS = {"action", "touchpoint", "thought", "pain_point", "opportunity", "backstage", "note"}
_NATURES = {"digital", "human", "physical"}


def parse_palette(payload: str) -> tuple[str, str, str | None] | None:
    """("card", kind, nature) / (what, "", None), or None for anything else."""
    parts = payload.strip().split(":")
    if parts[0] == "card" and len(parts) in (2, 3) and parts[1] in _CARD_KINDS:
        nature = parts[2] if len(parts) == 3 else None
        if (parts[1] == "touchpoint") != (nature in _NATURES):
            return None
        return "card", parts[1], nature
    if len(parts) == 1 and parts[0] in ("step", "stage", "lane", "emotion", "handoff"):
        return parts[0], "", None
    return None
