"""The marks File > Compare with... draws over the canvas: outlines for what changed, ghosts for what is gone.

The overlay only adds its own items to the scene and never touches the
scene's: it is redrawn whole from the diff and the scene's current layout
each time either changes (the scene may rebuild its items after an edit).
Every mark has an empty shape and accepts no mouse button, so clicks, drags,
drops and rubber bands reach the map underneath as if it were not there.
Marks over headers (stages, steps, lane titles) are children of the frozen
header bands, so they stay on their header when the map scrolls under it.
Colour is never the only cue: each mark carries a sign in its corner.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget
from shiboken6 import isValid

from workbench.geometry import Rect
from workbench.ui.canvas.frozen import LEFT_Z, TOP_Z
from workbench.model.interop.diff import ElementChange, JourneyDiff
from workbench.textmetrics import FONT_FAMILY

#: Colour of each kind of change (the canvas's selection is blue: none of these).
#: Nor the green of human touchpoints' frames, nor the blue of digital ones.
COLOURS = {"added": "#b5179e", "changed": "#d9480f", "moved": "#d9480f", "removed": "#b91c1c"}
#: The sign in a mark's corner, so that colour is not the only cue.
SIGNS = {"added": "+", "changed": "~", "moved": "↔", "removed": "−"}
GHOST_INK = "#616e7c"
#: Over cards, curves and links; under the frozen header bands (z 40) that the map scrolls beneath.
MARK_Z = 30.0
#: Marks riding on a frozen band: just over it (40 or 41), under the next band or the corner.
FROZEN_Z = 0.5
BADGE = 13.0
GHOST_CARD_HEIGHT = 30.0
GHOST_MIN_HEIGHT = 18.0
STRIP_ROW = 22.0


def _font(size: float, italic: bool = False, bold: bool = False) -> QFont:
    font = QFont(FONT_FAMILY)
    font.setPixelSize(max(1, round(size)))
    font.setItalic(italic)
    font.setBold(bold)
    return font


class CompareMark(QGraphicsItem):
    """An outline round a changed element, or the ghost of a removed one, with its sign."""

    def __init__(self, change: str, element_id: str, rect: QRectF, text: str = "", ghost: bool = False) -> None:
        super().__init__()
        self.kind = "compare-ghost" if ghost else "compare-mark"
        self.change = change
        self.element_id = element_id
        self.rect = rect
        self.text = text
        self.ghost = ghost
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)
        self.setAcceptHoverEvents(False)
        self.setToolTip(text)

    def boundingRect(self) -> QRectF:
        return self.rect.adjusted(-BADGE / 2 - 3, -BADGE / 2 - 2, 3, 3)

    def shape(self) -> QPainterPath:
        return QPainterPath()  # never hit: the map underneath gets every click

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        colour = QColor(COLOURS.get(self.change, GHOST_INK))
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self.ghost:
            painter.setBrush(QColor(255, 255, 255, 235))  # faded, yet what lies under it does not show through
            pen = QPen(QColor(GHOST_INK), 1.2, Qt.PenStyle.DashLine)
            painter.setPen(pen)
            painter.drawRoundedRect(self.rect, 5, 5)
            painter.setPen(QColor(GHOST_INK))
            painter.setFont(_font(9, italic=True))
            inner = self.rect.adjusted(BADGE / 2 + 3, 3, -5, -3)
            metrics = QFontMetricsF(painter.font())
            lines = max(1, int(inner.height() // metrics.lineSpacing()))
            text = self._elided(metrics, inner.width(), lines)
            flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap
            painter.drawText(inner, int(flags), text)
        else:
            style = Qt.PenStyle.DashLine if self.change == "moved" else Qt.PenStyle.SolidLine
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setPen(QPen(colour, 2.5, style))
            painter.drawRoundedRect(self.rect.adjusted(-2, -2, 2, 2), 6, 6)
        badge = QRectF(self.rect.left() - BADGE / 2, self.rect.top() - BADGE / 2, BADGE, BADGE)  # the right holds ports and icons
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawEllipse(badge)
        painter.setPen(QColor("#ffffff"))
        painter.setFont(_font(11, bold=True))
        painter.drawText(badge, int(Qt.AlignmentFlag.AlignCenter), SIGNS.get(self.change, "?"))

    def _elided(self, metrics: QFontMetricsF, width: float, lines: int) -> str:
        """The text cut to *lines* lines of *width*: a ghost keeps its box's size."""
        words, out, line = self.text.split(), [], ""
        for word in words:
            candidate = f"{line} {word}".strip()
            if metrics.horizontalAdvance(candidate) <= width or not line:
                line = candidate
                continue
            out.append(line)
            line = word
            if len(out) == lines:
                break
        if len(out) < lines and line:
            out.append(line)
            line = ""
        if line or len(out) > lines:
            out = out[:lines]
            out[-1] += " …"
        return "\n".join(metrics.elidedText(text, Qt.TextElideMode.ElideRight, width) for text in out)


class StripTitle(QGraphicsItem):
    """The heading of the strip of removed elements that have no better place."""

    kind = "compare-strip"

    def __init__(self, at: QPointF, text: str) -> None:
        super().__init__()
        self.text = text
        self.area = QRectF(at.x(), at.y(), 150, 14)
        self.setAcceptedMouseButtons(Qt.MouseButton.NoButton)

    def boundingRect(self) -> QRectF:
        return self.area

    def shape(self) -> QPainterPath:
        return QPainterPath()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        painter.setPen(QColor(COLOURS["removed"]))
        painter.setFont(_font(9, bold=True))
        painter.drawText(self.boundingRect(), int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), self.text)


class BandWatch(QGraphicsItem):
    """An empty child of a header band: Qt tells it when the band moves (frozen or let go)."""

    def __init__(self, band: QGraphicsItem, moved) -> None:  # type: ignore[no-untyped-def]
        super().__init__(band)
        self.moved = moved
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemHasNoContents)
        self.setFlag(QGraphicsItem.GraphicsItemFlag.ItemSendsScenePositionChanges)

    def boundingRect(self) -> QRectF:
        return QRectF()

    def paint(self, painter: QPainter, option: QStyleOptionGraphicsItem, widget: QWidget | None = None) -> None:
        pass

    def itemChange(self, change, value):  # type: ignore[no-untyped-def]
        if change == QGraphicsItem.GraphicsItemChange.ItemScenePositionHasChanged:
            self.moved()
        return super().itemChange(change, value)


def _q(rect: Rect) -> QRectF:
    return QRectF(rect.x, rect.y, rect.w, rect.h)


class Overlay:
    """The marks of one diff on one scene; :meth:`draw` replaces them all."""

    def __init__(self, scene, strip_title: str, more_cards, more) -> None:  # type: ignore[no-untyped-def]
        self.scene = scene
        self.strip_title = strip_title
        #: "{text} (+{count} cards)": a removed step's ghost also stands for its removed cards.
        self.more_cards = more_cards
        #: "{count} more": the last row of a full strip stands for the rest.
        self.more = more
        self.items: list[QGraphicsItem] = []
        #: Marks drawn on a header band's coordinates, moved with it.
        self.riders: dict[QGraphicsItem, list[QGraphicsItem]] = {}
        #: Element id -> the mark that shows it (a removed card of a removed step: its step's ghost).
        self.marks: dict[str, CompareMark] = {}

    def clear(self) -> None:
        for item in self.items:
            if isValid(item) and item.scene() is not None:  # a scene deleted takes its items with it
                item.scene().removeItem(item)
        self.items.clear()
        self.marks.clear()
        self.riders.clear()

    def _add(self, item: QGraphicsItem, band: QGraphicsItem | None) -> None:
        """Put *item* in the scene; on *band*'s coordinates and following it, if given.

        Marks of headers are not children of the bands: unfrozen, a band lies
        under the links (z 3) and a ghost there would be hidden by their labels.
        """
        item.setZValue(MARK_Z)
        self.scene.addItem(item)
        if band is not None:
            if band not in self.riders:
                self.riders[band] = []
                self.items.append(BandWatch(band, lambda b=band: self._follow(b)))
            self.riders[band].append(item)
            self._follow(band, [item])
        self.items.append(item)
        if isinstance(item, CompareMark):
            self.marks[item.element_id] = item

    def _follow(self, band: QGraphicsItem, items: list[QGraphicsItem] | None = None) -> None:
        """Move the marks riding on *band* with it: over it while it is frozen, under it once it is let go."""
        frozen = band.pos() != QPointF()
        z = (LEFT_Z if getattr(band, "kind", "") == "left" else TOP_Z) + FROZEN_Z if frozen else MARK_Z
        for item in self.riders.get(band, []) if items is None else items:
            if isValid(item):
                item.setPos(band.pos())
                item.setZValue(z)

    def draw(self, diff: JourneyDiff | None) -> None:
        """Mark every change of *diff* where the scene's current layout puts it."""
        self.clear()
        if diff is None:
            return
        removed = [c for c in diff.changes if c.kind == "removed"]
        kept = [c for c in diff.changes if c.kind != "removed" and c.id is not None]
        places = self._places({c.id for c in kept if c.id is not None})
        for change in kept:
            self._outline(change, places)
        self._ghosts(removed)

    # ------------------------------------------------------------ outlines

    def _outline(self, change: ElementChange, places: dict[str, tuple[QRectF, QGraphicsItem | None]]) -> None:
        element_id = change.id or ""
        if change.collection in ("handoffs", "links"):
            item = self.scene.items_by_key.get(("handoff" if change.collection == "handoffs" else "link", element_id))
            place = (item.sceneBoundingRect(), None) if item is not None else None
        else:
            place = places.get(element_id)
        if place is not None:
            self._add(CompareMark(change.kind, element_id, place[0], change.label), place[1])

    def _places(self, ids: set[str]) -> dict[str, tuple[QRectF, QGraphicsItem | None]]:
        """Where each of *ids* is drawn, and the band it rides on (None: the map itself)."""
        scene, lay = self.scene, self.scene.layout
        out: dict[str, tuple[QRectF, QGraphicsItem | None]] = {}
        for stage in lay.stages:
            if stage.id in ids:
                out[stage.id] = (_q(stage.rect), scene.header_band)
        for step in lay.steps:
            if step.id in ids:
                out[step.id] = (_q(step.header), scene.header_band)
        for lane in lay.lanes:
            if lane.id in ids:  # its title, which freezes at the left
                out[lane.id] = (QRectF(lane.row.x, lane.row.y, lay.style.lane_title_width, lane.row.h), scene.title_band)
        for card_id in ids & lay.card_boxes.keys():
            out[card_id] = (_q(lay.card_boxes[card_id].rect), None)
        return out

    # -------------------------------------------------------------- ghosts

    def _ghosts(self, removed: list[ElementChange]) -> None:
        lay, style = self.scene.layout, self.scene.layout.style
        stages = {s.id: s for s in lay.stages}
        steps = {s.id: s for s in lay.steps}
        lanes = {ln.id: ln for ln in lay.lanes}
        removed_steps = {c.id: c for c in removed if c.collection == "steps"}
        cards_of_step: dict[str, list[str]] = {}
        for change in removed:
            if change.collection == "cards" and change.element.step in removed_steps:
                cards_of_step.setdefault(change.element.step, []).append(change.id or "")
        strip: list[ElementChange] = []
        per_stage: dict[str, int] = {}
        per_cell: dict[tuple[str, str], float] = {}
        for change in removed:
            element = change.element
            if change.collection == "steps" and element.stage in stages:
                stage = stages[element.stage]
                n = per_stage.get(element.stage, 0)
                per_stage[element.stage] = n + 1
                width = min(style.column_width * 0.8, stage.rect.w - 2 * style.gap)
                top = stage.rect.bottom + style.gap / 2 + BADGE / 2
                headers = min((s.header.y for s in steps.values()), default=top + 30 + style.gap / 2)
                height = max(18.0, headers - top - style.gap / 2)
                x = stage.rect.right - style.gap - width - n * (width + style.gap)
                text = change.label
                cards = cards_of_step.get(change.id or "", [])
                if cards:
                    text = self.more_cards(len(cards)).format(text=text, count=len(cards))
                ghost = CompareMark("removed", change.id or "", QRectF(x, top, width, height), text, ghost=True)
                self._add(ghost, self.scene.header_band)
                for card_id in cards:
                    self.marks[card_id] = ghost
            elif change.collection == "cards" and element.step in removed_steps and element.step in self.marks:
                continue  # shown by its step's ghost
            elif change.collection == "cards" and element.step in steps and element.lane in lanes:
                column = steps[element.step].header
                row = lanes[element.lane].row
                cell = lay.cards_in(element.step, element.lane)
                below = max((c.rect.bottom for c in cell), default=row.y) + style.card_gap
                y = per_cell.get((element.step, element.lane), below)
                height = max(GHOST_MIN_HEIGHT, min(GHOST_CARD_HEIGHT, row.bottom - 2 - y))
                if y + height > row.bottom - 2:
                    y = row.bottom - height - 2  # no room below the cards: on the cell's bottom edge
                per_cell[(element.step, element.lane)] = y + height + style.card_gap
                rect = QRectF(column.x + style.padding, y, column.w - 2 * style.padding, height)
                self._add(CompareMark("removed", change.id or "", rect, change.label, ghost=True), None)
            elif change.collection != "journey":
                strip.append(change)
        self._strip(strip)

    def _strip(self, changes: list[ElementChange]) -> None:
        """Removed elements with no place left in the map: a column at its top-left corner."""
        if not changes:
            return
        style = self.scene.layout.style
        x, y = style.margin, style.margin
        band = self.scene.header_band
        self._add(StripTitle(QPointF(x, y), self.strip_title), band)
        y += 14 + BADGE / 2 + 2  # clear of the first row's sign
        bottom = self.scene.header_block().bottom()
        rows = max(1, int((bottom - y) // STRIP_ROW))
        shown = changes if len(changes) <= rows else changes[: rows - 1]
        for change in shown:
            self._add(CompareMark("removed", change.id or "", self._strip_rect(x, y), change.label, ghost=True), band)
            y += STRIP_ROW
        rest = changes[len(shown):]
        if rest:
            ghost = CompareMark("removed", rest[0].id or "", self._strip_rect(x, y), self.more(len(rest)), ghost=True)
            self._add(ghost, band)
            for change in rest:
                self.marks[change.id or ""] = ghost

    def _strip_rect(self, x: float, y: float) -> QRectF:
        return QRectF(x + BADGE / 2, y, self.scene.layout.style.lane_title_width - BADGE, STRIP_ROW - 4)
