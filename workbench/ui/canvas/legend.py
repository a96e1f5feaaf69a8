"""The legend of the emotion lane: which line and mark is whose curve, and a switch to hide or show each.

One entry per persona and scenario that has a curve (or is the active one),
hidden ones included (greyed) so that they can be shown again. A click on an
entry hides or shows its curve; a double-click, or Ctrl+click, makes it the
active curve (the one whose faces are dragged). The legend sits in the
lane's title column, under its title, where it hides no curve: it rides
the band of lane titles, so it stays in sight when the map scrolls
sideways. The layout makes the lane tall enough for its title and one row
per curve (``Style.legend_row``), ten personas' twenty curves included. A
long name is cut there (never the scenario; the tooltip says it whole).
With a single curve there is nothing to tell apart: no legend.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QGraphicsRectItem, QStyleOptionGraphicsItem, QWidget

from workbench import theme
from workbench.export.lanelegend import (
    GAP,
    NAME_LENGTH,
    PAD,
    ROW_HEIGHT,
    draw_label,
    draw_sample,
    entry_width,
    label_room,
    longest_fit,
    shortened,
)
from workbench.geometry import LEGEND_GAP, Curve, CurveKey, Rect
from workbench.map_layout import Layout
from workbench.i18n import current_language
from workbench.layout.emotions import every_curve
from workbench.model.fieldwords import scenario_word
from workbench.ui.canvas.items import NO_PEN
from workbench.ui.canvas.qtpainter import QtPainter
from workbench.ui.persona_looks import default_name

translate = QCoreApplication.translate

#: Greyed entries (hidden curves).
HIDDEN_INK = "#9aa5b1"


@dataclass(frozen=True)
class Entry:
    """What one legend entry shows."""

    key: CurveKey
    label: str
    """The curve's name whole: "Camille · as is" (the tooltip's)."""
    name: str
    """The persona's own name, and its number among the personas (named "Persona N" when it has no name)."""
    number: int
    shape: str
    line: str
    colour: str
    hidden: bool
    active: bool


def persona_label(name: str, number: int, length: int = NAME_LENGTH) -> str:
    """A persona as a legend names it: its name (cut to *length* characters), or "Persona N" when it has none."""
    return shortened(name, length) or default_name(number)


def curve_label(name: str, number: int, scenario: str, length: int = NAME_LENGTH) -> str:
    """"Camille · as is": whose curve, in which scenario."""
    return translate("Canvas", "{persona} · {scenario}").format(
        persona=persona_label(name, number, length), scenario=scenario_word(scenario, current_language())
    )


def fitted_length(entry: Entry, width: float) -> int:
    """How many characters of the persona's name the entry's label can show in *width* (never the scenario's cut)."""
    return longest_fit(lambda length: curve_label(entry.name, entry.number, entry.key[1], length), width)


def entries(scene) -> list[Entry]:  # type: ignore[no-untyped-def]
    """The legend's entries for the scene's document and focus, in the personas' order, "as is" first."""
    index, focus = scene.document.index, scene.focus
    active = focus.active
    numbers = {p.id: i + 1 for i, p in enumerate(index.personas())}
    out = []
    for key in every_curve(index):
        if key != active and index.felt[key] <= 0:
            continue
        persona = index.persona(key[0])
        number = numbers[key[0]]
        out.append(Entry(key, curve_label(persona.name, number, key[1]), persona.name, number, persona.shape,
                         persona.line, persona.colour, key in focus.hidden and key != active, key == active))
    return out


class LegendEntry(QGraphicsRectItem):
    """One curve of the legend: a click hides or shows it; a double-click or Ctrl+click makes it active."""

    kind = "legend-entry"
    #: Clicks here are the entry's (a double-click makes its curve active): they do not edit, or open the
    #: menu of, the lane title under the legend.
    own_clicks = True

    def __init__(self, legend: LegendItem, entry: Entry) -> None:
        super().__init__(legend)
        self.legend = legend
        self.entry = entry
        self.element_id = f"{entry.key[0]}/{entry.key[1]}"
        self.setPen(NO_PEN)
        self.setAcceptedMouseButtons(Qt.MouseButton.LeftButton)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._after_double = False
        self.text = entry.label
        """The label as drawn: cut to the width the legend gives the entry."""
        self.set_entry(entry)

    @property
    def key(self) -> CurveKey:
        return self.entry.key

    def set_entry(self, entry: Entry) -> None:
        if entry != self.entry:
            self.entry = entry
            self.update()
        self.setToolTip(self.accessible_text())

    def accessible_text(self) -> str:
        """What the entry is and what a click does (its tooltip; read out by the canvas's description)."""
        e = self.entry
        if e.active:
            state = translate("Canvas", "the curve being edited: drag its faces to set the emotion. It cannot be hidden.")
        elif e.hidden:
            state = translate("Canvas", "hidden. Click to show it; double-click or Ctrl+click to edit it.")
        else:
            state = translate("Canvas", "shown. Click to hide it; double-click or Ctrl+click to edit it.")
        return translate("Canvas", "Emotion curve {curve}, {state}").format(curve=e.label, state=state)

    def width_needed(self) -> float:
        return entry_width(self.entry.label)

    def room(self, width: float) -> float:
        """How wide the label may be when the entry takes *width*."""
        return label_room(width)

    def fit(self, width: float, length: int) -> None:
        """Take *width* at most, showing *length* characters of the persona's name at most."""
        width = min(width, self.width_needed())
        e = self.entry
        text = curve_label(e.name, e.number, e.key[1], length)
        if text != self.text:
            self.text = text
            self.update()
        self.setRect(QRectF(0, 0, width, ROW_HEIGHT))

    # ------------------------------------------------------------ mouse

    def mousePressEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self._after_double = False
        event.accept()  # the release comes here, and no rubber band starts

    def mouseReleaseEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        event.accept()
        if self._after_double:  # the release that ends a double-click: the double-click said it all
            self._after_double = False
            return
        if event.button() != Qt.MouseButton.LeftButton or not self.boundingRect().contains(event.pos()):
            return
        focus = self.scene().focus
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            focus.set_active(*self.key)
        else:
            focus.set_hidden(self.key, self.key not in focus.hidden)

    def mouseDoubleClickEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        self._after_double = True
        self.scene().focus.set_active(*self.key)
        event.accept()

    # ------------------------------------------------------------ painting

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        p = QtPainter(painter)
        e = self.entry
        h = self.rect().height()
        mid = h / 2
        colour = HIDDEN_INK if e.hidden else e.colour
        if e.active:  # the curve being edited: its entry highlighted, as a selected row (not bold: as wide as the others)
            p.stroke(theme.SELECTION, 1.0)
            p.fill(f"#33{theme.SELECTION[1:]}")
            p.rounded_rect(Rect(0.5, 0.5, self.rect().width() - 1, h - 1), 3)
        draw_sample(p, 0.0, mid, Curve(e.key, shape=e.shape, line=e.line, colour=e.colour), colour)
        draw_label(p, 0.0, mid - ROW_HEIGHT / 2, self.rect().width(), self.text, HIDDEN_INK if e.hidden else theme.INK)


class LegendItem(QGraphicsRectItem):
    """A small framed box of :class:`LegendEntry` items, in the emotion lane's title column."""

    kind = "legend"
    Z = 7.0  # over the lane titles of the band it rides

    def __init__(self) -> None:
        super().__init__()
        self.setPen(NO_PEN)
        self.setZValue(self.Z)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.entries: dict[CurveKey, LegendEntry] = {}
        self._shown: list[Entry] = []

    def set_entries(self, wanted: list[Entry], height: float, width: float) -> None:
        """Entries added, changed or removed; laid out in columns *height* high, each at most *width* wide."""
        keys = {e.key for e in wanted}
        for key in [k for k in self.entries if k not in keys]:
            item = self.entries.pop(key)
            item.setParentItem(None)
            if item.scene() is not None:
                item.scene().removeItem(item)
        for entry in wanted:
            item = self.entries.get(entry.key)
            if item is None:
                self.entries[entry.key] = LegendEntry(self, entry)
            else:
                item.set_entry(entry)
        self._shown = wanted
        rows = max(1, int((height - 2 * PAD + 1e-6) // ROW_HEIGHT))  # (the room the layout made, to rounding)
        columns = [wanted[i : i + rows] for i in range(0, len(wanted), rows)]
        # A name cut to fit is cut the same in each of its persona's entries ("as is", "to be").
        lengths: dict[str, int] = {}
        for entry in wanted:
            fits = fitted_length(entry, self.entries[entry.key].room(width - 2 * PAD))
            lengths[entry.key[0]] = min(lengths.get(entry.key[0], fits), fits)
        x = PAD
        for column in columns:
            items = [self.entries[e.key] for e in column]
            for i, item in enumerate(items):
                item.fit(width - 2 * PAD, lengths[item.key[0]])
                item.setPos(x, PAD + i * ROW_HEIGHT)
            x += max(item.rect().width() for item in items) + 2 * GAP
        box = QRectF(0, 0, x - 2 * GAP + PAD, 2 * PAD + ROW_HEIGHT * min(rows, len(wanted))) if wanted else QRectF()
        if box != self.rect():
            self.setRect(box)
        self.setVisible(len(wanted) > 1)

    def place(self, lay: Layout, entries: list[Entry]) -> None:
        """Show *entries* under the emotion lane's title, in its title column (map coordinates: the
        band of lane titles this item rides is at the map's left when the map is not scrolled)."""
        lane = lay.emotion_lane
        if lane is None:
            self.set_entries([], 0, 0)
            return
        s = lay.style
        top = lane.title.rect.bottom + LEGEND_GAP
        self.set_entries(entries, lane.row.bottom - LEGEND_GAP - top, s.lane_title_width - 2)
        at = QPointF(lane.row.x + 1, top)
        if self.pos() != at:
            self.setPos(at)

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        p = QtPainter(painter)
        r = self.rect()
        p.stroke(theme.GRID, 1.0)
        p.fill("#ebffffff")  # white, a little see-through
        p.rounded_rect(Rect(r.x(), r.y(), r.width(), r.height()), 4)
