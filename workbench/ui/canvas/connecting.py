"""Handoffs and flow links drawn on the canvas: from a port with the mouse, or begun from a menu and ended with
a click or with the keys (the arrow keys or Tab reach the other end, Enter makes it).

A handoff goes from a digital touchpoint to a human one, a link from a step to another; the element the
pointer (or the keys) is on lights up when it can be the other end, and the status bar says why when it
cannot. Each connection is one undo step. Mixed into `JourneyScene` with `GesturesMixin` (gestures.py),
whose mouse handlers end a connection drawn with the mouse.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import QGraphicsLineItem

from workbench import theme
from workbench.geometry import Rect
from workbench.model.journey import Handoff, Link
from workbench.ui.canvas.dropping import DropPlan, Refusal
from workbench.ui.canvas.header_items import StepItem
from workbench.ui.canvas.items import BoxItem, CardItem

translate = QCoreApplication.translate


@dataclass
class Connection:
    """A handoff or link being drawn: from a source element to the pointer."""

    kind: str  # "handoff" or "link"
    source: BoxItem
    line: QGraphicsLineItem
    #: Started from a menu: the next click finishes it (no button is held).
    by_click: bool = False


class ConnectingMixin:
    """Handoffs and links being drawn (see the module's doc); ``self._connecting`` is the one in progress."""

    _connecting: Connection | None

    def begin_connection(self, kind: str, element_id: str) -> bool:
        """Start drawing a handoff from a digital card, or a link from a step; a click ends it."""
        item = self.item_for("card" if kind == "handoff" else "step", element_id)
        if item is None:
            return False
        if kind == "handoff" and item.box.nature != "digital":
            self.message.emit(translate("Canvas", "A handoff goes from a digital touchpoint to a human one."))
            return False
        self._start_connection(kind, item, item.mapToScene(item.port_centre()), by_click=True)
        self.message.emit(self._connection_prompt())
        return True

    def _connection_prompt(self) -> str:
        assert self._connecting is not None
        if self._connecting.kind == "handoff":
            return translate("Canvas", "Click the human touchpoint that takes over, or reach it with the arrow keys and "
                                       "press Enter (Escape cancels).")
        return translate("Canvas", "Click the step this one leads to, or reach it with the arrow keys and press Enter "
                                   "(Escape cancels).")

    def connecting_by_keys(self) -> bool:
        """Whether a handoff or link started from a menu waits for its other end (the keys may choose it)."""
        return self._connecting is not None and self._connecting.by_click

    def follow_connection_with_keys(self) -> None:
        """The keys went to another element while a connection waits: the line goes to it, which lights up as
        the mouse's target would, and the prompt stays (it went with the first arrow key)."""
        conn = self._connecting
        target = self._keys_target()
        if conn is None:
            return
        if target is not None:
            centre = target.sceneBoundingRect().center()
            conn.line.setLine(QLineF(conn.source.mapToScene(conn.source.port_centre()), centre))
            self._show_connection_target(centre)
        else:
            self.drop_hint.hide()
        self.message.emit(self._connection_prompt())

    def finish_connection_by_keys(self) -> None:
        """Enter while a connection waits: it ends on the element the keys are on (a click did; the keys could
        not finish a handoff begun from the keyboard's own menu, and Enter edited the card instead)."""
        target = self._keys_target()
        at = target.sceneBoundingRect().center() if target is not None else None
        answer = self._connection_target(at) if at is not None else None
        if at is None or isinstance(answer, str):  # (it waits for a better one, as the keys may go on)
            self._last_refusal = ""
            self._refuse(answer if isinstance(answer, str)
                         else translate("Canvas", "A handoff goes from a digital touchpoint to a human one.")
                         if self._connecting is not None and self._connecting.kind == "handoff"
                         else translate("Canvas", "A link goes to another step."))
            return
        self._finish_connection(at)

    def _keys_target(self) -> BoxItem | None:
        """The card (for a handoff) or step (for a link) the keys are on: the card selected; the step of whatever the
        keys are on (a card of its column is on it: Enter there said a link goes to another step)."""
        conn = self._connecting
        if conn is None:
            return None
        if conn.kind == "handoff":
            ids = self.selected_ids("card")
            return self.item_for("card", ids[0]) if len(ids) == 1 else None
        place = self.keyboard_place()  # the step of the header, card, face or cell the keys are on
        return self.item_for("step", place[0]) if place is not None else None

    def _start_connection(self, kind: str, item: BoxItem, at: QPointF, by_click: bool = False) -> None:
        start = item.mapToScene(item.port_centre())
        line = QGraphicsLineItem(QLineF(start, at))
        colour = theme.HANDOFF if kind == "handoff" else theme.LINK
        line.setPen(QPen(QColor(colour), 2, Qt.PenStyle.DashLine))
        line.setZValue(45)  # (over the frozen headers: scrolled down, the line was drawn under them, unseen)
        self.addItem(line)
        self._connecting = Connection(kind, item, line, by_click)

    def _connection_target(self, at: QPointF) -> BoxItem | str:
        """The element a connection released at *at* would reach, or why none."""
        conn = self._connecting
        assert conn is not None
        if conn.kind == "handoff":
            target = next((i for i in self.items(at) if isinstance(i, CardItem)), None)
            if target is None or target.box.nature != "human":
                return translate("Canvas", "A handoff goes from a digital touchpoint to a human one.")
            if any(h.source == conn.source.element_id and h.target == target.element_id
                   for h in self.document.journey.handoffs):
                return translate("Canvas", "These two touchpoints are already linked by a handoff.")
            return target
        target = next((i for i in self.items(at) if isinstance(i, StepItem)), None)
        if target is None:
            box = self.layout.step_at(at.x())
            if box is not None and at.y() >= box.header.y:
                target = self.items_by_key.get(("step", box.id))
        if target is None:
            return translate("Canvas", "A link goes to a step: release it on the step's header or column.")
        if target.element_id == conn.source.element_id:
            return translate("Canvas", "A link goes to another step.")
        if any(k.source == conn.source.element_id and k.target == target.element_id
               for k in self.document.journey.links):
            return translate("Canvas", "These two steps are already linked.")
        return target

    def _show_connection_target(self, at: QPointF) -> None:
        target = self._connection_target(at)
        if isinstance(target, str):
            self.show_drop_answer(Refusal(target))
        else:
            # Where the target shows (a step header riding the frozen band is not where the map has it).
            shown = target.mapRectToScene(QRectF(0, 0, target.rect.w, target.rect.h))
            area = Rect(shown.x(), shown.y(), shown.width(), shown.height())
            self.show_drop_answer(DropPlan("", lambda: None, area))  # type: ignore[arg-type, return-value]

    def _finish_connection(self, at: QPointF) -> None:
        conn = self._connecting
        assert conn is not None
        target = self._connection_target(at)
        self.removeItem(conn.line)
        self._connecting = None
        self.drop_hint.hide()
        if isinstance(target, str):
            self._last_refusal = ""
            self._refuse(target)
            return
        doc, source = self.document, conn.source.element_id
        if conn.kind == "handoff":
            element = Handoff(id=doc.new_id("handoffs"), source=source, target=target.element_id)
            label = translate("Canvas", "Add handoff")
        else:
            element = Link(id=doc.new_id("links"), source=source, target=target.element_id)
            label = translate("Canvas", "Add link")
        if self.run(label, lambda: doc.add(element)):
            self.select_ids([element.id])
