"""The Outline's edits: Insert, F2, Delete and the Alt+arrow moves, each the canvas's own command.

Mixed into `Outline` (outline.py), which shows the journey; this part changes
it, always through ``scene.run`` so every key is one undoable command.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt

from workbench.model.edits import Edit
from workbench.model.journey import Card, Element, Stage, Step
from workbench.ui.canvas.placement import LANE_FOR_CARD, neighbour_cell

translate = QCoreApplication.translate
KIND, ELEMENT = Qt.ItemDataRole.UserRole, Qt.ItemDataRole.UserRole + 1
#: The field F2 edits, by kind of row; a handoff has no text of its own.
EDITED = {"stage": "title", "step": "title", "card": "text", "link": "label"}


class OutlineEditsMixin:
    """Edit commands of the Outline (see outline.py for the tree they act on)."""

    scene: Any
    doc: Any
    _fresh: tuple[str, int, str | None] | None

    def _run(self, label: str, action: Callable[[], Edit], keep: str | None, merge_key: object = None) -> None:
        assert self.scene is not None
        if self.scene.run(label, action, merge_key):
            self._after_edit(keep)

    def insert_after(self) -> None:
        """A sibling after the current row (a stage in an empty outline), titled by default and being edited."""
        doc, element = self.doc, self._current()
        if element is None or isinstance(element, Stage):
            new: Element = Stage(id=doc.new_id("stages"), title=translate("Outline", "New stage"))
            index = [s.id for s in doc.stages()].index(element.id) + 1 if element else 0
            return self._add(translate("Outline", "Add stage"), new, index)
        if isinstance(element, (Step, Card)):
            index = [s.id for s in doc.siblings(element)].index(element.id) + 1
            if isinstance(element, Step):
                step = Step(id=doc.new_id("steps"), title=translate("Outline", "New step"), stage=element.stage)
                return self._add(translate("Outline", "Add step"), step, index)
            card = self._new_card(element.step, element.lane, element.kind, element.nature, element.channel)
            return self._add(translate("Outline", "Add card"), card, index)
        self._say(translate("Outline", "Insert adds a stage, a step or a card after the current one."))

    def insert_inside(self) -> None:
        """A child: a step at the end of a stage; a card in the first lane of a step (the palette's job, by keyboard)."""
        doc, element = self.doc, self._current()
        lane = next((la for la in doc.lanes() if la.kind != "emotions"), None)
        if isinstance(element, Stage):
            self._add(translate("Outline", "Add step"), Step(id=doc.new_id("steps"), title=translate("Outline", "New step"), stage=element.id), None)
        elif isinstance(element, Step) and lane is not None:
            kind = next((k for k, lane_kind in LANE_FOR_CARD.items() if lane_kind == lane.kind), "note")
            self._add(translate("Outline", "Add card"), self._new_card(element.id, lane.id, kind, "digital", None), None)
        else:
            self._say(translate("Outline", "Alt+Insert adds a step in a stage or a card in a step."))

    def _new_card(self, step: str, lane: str, kind: str, nature: str | None, channel: str | None) -> Card:
        touch = kind == "touchpoint"
        return Card.model_validate({
            "id": self.doc.new_id("cards"), "step": step, "lane": lane, "kind": kind, "text": translate("Outline", "New card"),
            "channel": channel if touch else None, "nature": (nature or "digital") if touch else None,
        })

    def _add(self, label: str, element: Stage | Step | Card, index: int | None) -> None:
        assert self.scene is not None
        doc, stack, back = self.doc, self.scene.stack, self.currentItem()
        if self.scene.run(label, lambda: doc.add(element, index)):
            self._fresh = (element.id, stack.index(), back.data(0, ELEMENT) if back else None)
            self._after_edit(element.id, edit=True)

    def edit_current(self) -> None:
        row = self.currentItem()
        if row is not None and row.flags() & Qt.ItemFlag.ItemIsEditable:
            self.editItem(row, 0)

    def commit_text(self, element_id: str, kind: str, old: str, text: str) -> None:
        """The editor's text as one "Edit text" command; nothing if unchanged, and a title is never emptied."""
        field = EDITED.get(kind)
        text = text.strip() if field == "title" else text
        if field is None or self.scene is None or text == old or (field == "title" and not text):
            return
        doc = self.doc
        # The text typed into a row just inserted joins the step that added it: one undo takes both away, as on
        # the canvas (it took two, and the first left a "New step" behind; exploratory test).
        fresh = self._fresh
        added_at = fresh[1] if fresh is not None and fresh[0] == element_id else None
        self.scene.run_typed(translate("Outline", "Edit text"), lambda: doc.update(element_id, **{field: text}), element_id,
                             added_at)

    def delete_current(self) -> None:
        """One command; the document takes a step's cards, handoffs and links with it."""
        element, doc = self._current(), self.doc
        if element is not None:
            element_id: str = element.id  # type: ignore[attr-defined]
            self._run(translate("Outline", "Delete"), lambda: doc.remove(element_id), None)

    def move_current(self, delta: int) -> None:
        """Alt+Up/Down: one place among its siblings; past the end of its stage, a step goes on into the next."""
        element, doc = self._current(), self.doc
        if not isinstance(element, (Stage, Step, Card)):
            return
        element_id, kind = element.id, {Stage: "stage", Step: "step", Card: "card"}[type(element)]
        siblings = [s.id for s in (doc.stages() if isinstance(element, Stage) else doc.siblings(element))]
        index = siblings.index(element_id) + delta
        placement: dict[str, str] = {}
        if isinstance(element, Step) and not 0 <= index < len(siblings):
            stages = [s.id for s in doc.stages()]
            at = stages.index(element.stage) + delta
            if 0 <= at < len(stages):
                placement = {"stage": stages[at]}
                index = 0 if delta > 0 else sum(1 for s in doc.journey.steps if s.stage == stages[at])
        if not placement and not 0 <= index < len(siblings):
            return self._say(translate("Outline", "It cannot move further that way."))
        labels = {"stage": translate("Outline", "Move stage"), "step": translate("Outline", "Move step"), "card": translate("Outline", "Move card")}
        self._run(labels[kind], lambda: doc.move(element_id, index, **placement), element_id, ("outline-move", element_id))

    def move_card(self, dx: int, dy: int) -> None:
        """Alt+Left/Right: the previous/next step's cell; Alt+Shift+Up/Down: the next lane that takes the card."""
        card, doc = self._current(), self.doc
        if not isinstance(card, Card):
            return
        target = neighbour_cell(doc, card.step, card.lane, dx, dy, card.kind)
        if target is None:
            return self._say(translate("Outline", "There is no cell further in that direction for this card."))
        step, lane = target
        card_id = card.id
        action: Callable[[], Edit] = lambda: doc.move(card_id, len(doc.cards_at(step, lane)), step=step, lane=lane)  # noqa: E731
        self._run(translate("Outline", "Move card"), action, card_id, ("outline-move", card_id))
