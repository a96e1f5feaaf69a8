"""Where everything of a journey map goes, in points, in pure Python (no Qt).

One layout serves the canvas and the PDF, so paper matches screen. Text is
wrapped with the bundled font's metrics (`textmetrics`); the shapes produced
are defined in `geometry.py`; `engine.py` computes them and keeps them
current edit by edit.
"""

from __future__ import annotations

from workbench.geometry import Style
from workbench.map_layout import Layout
from workbench.layout.engine import LayoutEngine, Patch
from workbench.model.document import JourneyDocument
from workbench.model.index import JourneyIndex
from workbench.model.journey import Journey

__all__ = ["LayoutEngine", "Patch", "layout"]


def layout(source: Journey | JourneyDocument, style: Style | None = None) -> Layout:
    """Compute the geometry of the whole map, from scratch."""
    if isinstance(source, JourneyDocument):
        return LayoutEngine(lambda: source.journey, source.index, style).layout
    # A fresh index: the journey is read as it is now (it is not edited while laid out).
    return LayoutEngine(lambda: source, JourneyIndex(source), style).layout
