"""The palette: things to drag onto the canvas (a custom MIME type carries what).

Enter or Space on an item adds it at the canvas's selection instead, for
people who work from the keyboard (and screen-reader users).
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QListWidget, QListWidgetItem

from workbench import theme
from workbench.ui.canvas.painting import (
    paint_face,
    paint_nature_frame,
    paint_nature_icon,
)
from workbench.ui.mime import PALETTE_MIME

PAYLOAD = Qt.ItemDataRole.UserRole
#: The palette as an icon strip (View > Compact Palette).
COMPACT_WIDTH = 52


class Palette(QListWidget):
    #: Enter or Space on an item: its payload, to add at the selection.
    chosen = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("palette")
        self.setAccessibleName(self.tr("Palette"))
        self.setAccessibleDescription(
            self.tr("Elements to add to the map: drag one onto the map, or double-click it or press Enter to add it at "
                    "the selection.")
        )
        self.setDragEnabled(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setIconSize(QSize(28, 20))
        self.setSpacing(2)
        entries = [
            ("step", self.tr("Step")),
            ("stage", self.tr("Stage")),
            ("lane", self.tr("Lane")),
            ("card:touchpoint:digital", self.tr("Digital touchpoint")),
            ("card:touchpoint:human", self.tr("Human touchpoint")),
            ("card:touchpoint:physical", self.tr("Physical touchpoint")),
            ("card:action", self.tr("Customer action")),
            ("card:thought", self.tr("Thought")),
            ("card:pain_point", self.tr("Pain point")),
            ("card:opportunity", self.tr("Opportunity")),
            ("card:backstage", self.tr("Backstage")),
            ("handoff", self.tr("Handoff to a person")),
            ("emotion", self.tr("Emotion")),
        ]
        for payload, label in entries:
            item = QListWidgetItem(icon_for(payload), label)
            item.setData(PAYLOAD, payload)
            hint = self.tr("Drag onto the map, or double-click or press Enter to add it at the selection")
            item.setToolTip(hint)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, label)
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, hint)
            self.addItem(item)
        self.setCurrentRow(0)
        self.compact = False
        # Every name whole, never a scroll bar under them: a narrower dock (a layout saved in another language,
        # say) stops at the names' width; a vertical scroll bar (a short screen) cuts the longest with "…".
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setMinimumWidth(self.names_width())

    def names_width(self) -> int:
        """How wide the palette must be to show every name whole."""
        return self.sizeHintForColumn(0) + 2 * self.frameWidth() + self.spacing() * 2 + 4

    def set_compact(self, on: bool) -> None:
        """An icon strip (at most 56 px wide, names in the tooltips) or icons with their names."""
        for row in range(self.count()):
            item = self.item(row)
            name = item.data(Qt.ItemDataRole.AccessibleTextRole)
            item.setText("" if on else name)
            item.setToolTip(name if on else self.tr("Drag onto the map, or double-click or press Enter to add it at the selection"))
        if on:
            self.setFixedWidth(COMPACT_WIDTH)
        else:
            self.setMaximumWidth(16_777_215)
            self.setMinimumWidth(self.names_width())
        self.compact = on

    def keyPressEvent(self, event: QKeyEvent) -> None:
        item = self.currentItem()
        if item is not None and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.chosen.emit(str(item.data(PAYLOAD)))
            event.accept()
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event) -> None:  # type: ignore[no-untyped-def]
        """A double-click adds the entry where Enter would (at the selection): a mouse-only user could only drag."""
        item = self.itemAt(event.position().toPoint())
        if item is not None and event.button() == Qt.MouseButton.LeftButton:
            self.chosen.emit(str(item.data(PAYLOAD)))
            event.accept()
            return
        super().mouseDoubleClickEvent(event)

    def mimeTypes(self) -> list[str]:
        return [PALETTE_MIME]

    def mimeData(self, items) -> QMimeData:  # type: ignore[no-untyped-def, override]
        mime = QMimeData()
        if items:
            mime.setData(PALETTE_MIME, str(items[0].data(PAYLOAD)).encode("utf-8"))
        return mime

    def mime_for(self, payload: str) -> QMimeData:
        """The drag data of the entry with *payload* (what a drag from it carries)."""
        for row in range(self.count()):
            if self.item(row).data(PAYLOAD) == payload:
                return self.mimeData([self.item(row)])
        raise KeyError(payload)


def icon_for(payload: str) -> QIcon:
    pixmap = QPixmap(56, 40)
    pixmap.setDevicePixelRatio(2.0)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    area = QRectF(2, 3, 24, 14)
    parts = payload.split(":")
    if parts[0] == "card" and len(parts) == 3:
        paint_nature_frame(painter, area, parts[2])
        paint_nature_icon(painter, QPointF(9, 5), parts[2])
    elif parts[0] == "card":
        painter.setPen(QColor(theme.GRID))
        painter.setBrush(QColor(theme.CARD_FILL.get(parts[1], "#ffffff")))
        painter.drawRoundedRect(area, 3, 3)
    elif parts[0] == "emotion":
        paint_face(painter, QPointF(14, 10), 8, 1)
    elif parts[0] == "handoff":
        painter.setPen(QColor(theme.HANDOFF))
        painter.drawLine(QPointF(3, 10), QPointF(25, 10))
        painter.setBrush(QColor(theme.HANDOFF))
        painter.drawEllipse(QPointF(4, 10), 2.5, 2.5)
    else:
        fill = theme.STAGE_FILL if parts[0] == "stage" else theme.STEP_FILL
        painter.setPen(QColor(theme.GRID))
        painter.setBrush(QColor(fill))
        painter.drawRoundedRect(area, 3, 3)
    painter.end()
    return QIcon(pixmap)
