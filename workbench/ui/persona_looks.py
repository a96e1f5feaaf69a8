"""How the editor shows a persona: its name (or "Persona N"), its mark as an icon, its colour's name.

Shared by the Persona toolbar, the Personas dock and the inspector.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from workbench.export import shapes
from workbench.model.document import JourneyDocument
from workbench.model.journey import MARKS, Persona
from workbench.ui.canvas.qtpainter import QtPainter

translate = QCoreApplication.translate


def persona_title(persona: Persona, number: int) -> str:
    """The persona's name, or "Persona N" (its place, from 1) while it has none."""
    return persona.name.strip() or default_name(number)


def numbered_title(document: JourneyDocument, persona_id: str) -> str:
    """The title of the persona of this id in *document*: its name, or "Persona N" by its place."""
    personas = document.index.personas()
    number = next((n for n, p in enumerate(personas, 1) if p.id == persona_id), 1)
    return persona_title(document.index.persona(persona_id), number)


def default_name(number: int) -> str:
    """What a persona without a name is called: "Persona 2"."""
    return translate("Personas", "Persona {number}").format(number=number)


def persona_icon(persona: Persona, scenario: str = "as_is", size: int = 16) -> QIcon:
    """The persona's mark (shape and colour, hollow for "to be"), as the map draws it."""
    ratio = 2.0
    pixmap = QPixmap(int(size * ratio), int(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    radius = size * 0.32
    shapes.mark(QtPainter(painter), (size / 2, size / 2 + {"triangle": 1, "triangle_down": -1}.get(persona.shape, 0)), persona.shape,
                persona.colour, radius, hollow=scenario == "to_be")
    if persona.line == "bold":  # a bar under the mark: the weight of its line
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(Qt.GlobalColor.black)
        painter.drawRect(QRectF(3, size - 2, size - 6, 2))
    painter.end()
    return QIcon(pixmap)


def scenario_names() -> dict[str, str]:
    return {"as_is": translate("Personas", "As is"), "to_be": translate("Personas", "To be")}


def colour_names() -> dict[str, str]:
    """The colours of ``MARKS``, in words (the colour combo's items)."""
    names = [
        translate("PersonasPanel", "Slate blue"), translate("PersonasPanel", "Orange"),
        translate("PersonasPanel", "Green"), translate("PersonasPanel", "Purple"),
        translate("PersonasPanel", "Amber"), translate("PersonasPanel", "Teal"),
        translate("PersonasPanel", "Crimson"), translate("PersonasPanel", "Olive"),
        translate("PersonasPanel", "Blue"), translate("PersonasPanel", "Stone"),
    ]
    return {colour: name for (_, _, colour), name in zip(MARKS, names)}


def swatch(colour: str, size: int = 14) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(colour))
    return QIcon(pixmap)


def free_mark(personas: list[Persona]) -> tuple[str, str, str]:
    """The first mark of ``MARKS`` no persona has (shape, line and colour); past ten, they come round again."""
    taken = {(p.shape, p.line, p.colour.lower()) for p in personas}
    for mark in MARKS:
        if mark not in taken:
            return mark
    return MARKS[len(personas) % len(MARKS)]


#: A persona's fields typed one item a line.
LISTS = ("goals", "frustrations")


def field_value(field: str, text: str) -> str | list[str]:
    """What a persona's field holds once typed: goals and frustrations one a line, blank lines left out."""
    if field in LISTS:
        return [line.strip() for line in text.splitlines() if line.strip()]
    return text
