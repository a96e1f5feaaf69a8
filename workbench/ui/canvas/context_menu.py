"""Right-click menus of the canvas: what can be done to the element under the pointer.

`context_menu` only builds the menu (JourneyScene.contextMenuEvent shows it),
so tests find its actions by objectName and trigger them without a popup.
Every action is one undo step through `scene.run` or a scene method that
calls it: the menu offers nothing the undo stack does not know about.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu

from workbench.model.edits import Edit
from workbench.model.journey import Card, Handoff, Lane, Link, Stage, Step
from workbench.ui.canvas.editing import DELETABLE
from workbench.ui.canvas.dropping import default_channel, new_card
from workbench.ui.canvas.placement import card_fits_lane, card_index

if TYPE_CHECKING:
    from workbench.ui.canvas.scene import JourneyScene

translate = QCoreApplication.translate
#: Kinds of item that have a menu of their own, in the order they are looked for under the pointer.
TARGETS = ("card", "emotion", "handoff", "link", "step", "stage", "lane")


def context_menu(scene: JourneyScene, scene_pos: QPointF) -> QMenu | None:
    """The menu for a right-click at *scene_pos*, or None where there is nothing to offer.

    As in desktop editors, a right-click on an element outside the selection
    selects it first, and one inside keeps the selection (Delete acts on all of it).
    """
    editor = scene.editor
    if editor is not None:
        if editor.sceneBoundingRect().contains(scene_pos):
            return None  # the text editor's own menu (copy, paste) applies
        editor.finish(commit=True)  # as a click elsewhere would
    if scene.channel_editor is not None:
        scene.channel_editor.finish(commit=True)
    scene.ensure_fresh()
    # The topmost element, unless an item above it answers its own clicks (a legend entry over the lane title).
    target = next((i for i in scene.items(scene_pos)
                   if getattr(i, "own_clicks", False) or getattr(i, "kind", None) in TARGETS), None)
    if getattr(target, "own_clicks", False):
        return None
    menu = QMenu()
    menu.setObjectName("canvas-context-menu")
    if target is not None:
        if not target.isSelected():
            scene.clearSelection()
            target.setSelected(True)
        builders: dict[str, Callable[[JourneyScene, QMenu, str], None]] = {
            "card": _card_menu,
            "emotion": _emotion_menu,
            "handoff": _connector_menu,
            "link": _connector_menu,
            "step": _step_menu,
            "stage": _stage_menu,
            "lane": _lane_menu,
        }
        builders[target.kind](scene, menu, target.element_id)  # type: ignore[attr-defined]
    else:
        cell = scene.layout.cell_at(scene_pos.x(), scene_pos.y())
        if cell is None:
            return None
        scene.clearSelection()
        _cell_menu(scene, menu, cell[0], cell[1], scene_pos.y())
    return None if menu.isEmpty() else menu


def _add(menu: QMenu, name: str, text: str, slot: Callable[[], object], checked: bool | None = None) -> QAction:
    action = QAction(text, menu)
    action.setObjectName(name)
    if checked is not None:
        action.setCheckable(True)
        action.setChecked(checked)
    action.triggered.connect(lambda: slot())
    menu.addAction(action)
    return action


def _submenu(menu: QMenu, name: str, title: str) -> QMenu:
    sub = menu.addMenu(title)
    sub.setObjectName(name)
    return sub


def _edit(scene: JourneyScene, kind: str, element_id: str, fresh: bool = False) -> None:
    """Select the element alone and open the in-place editor on its text (or label)."""
    scene.select_ids([element_id])
    item = scene.item_for(kind, element_id)
    if item is not None:
        scene.edit_item(item, fresh)


def _add_delete(scene: JourneyScene, menu: QMenu, text: str) -> None:
    keys = {scene.key_of(i) for i in scene.selectedItems() if getattr(i, "kind", None) in DELETABLE}
    if len(keys) > 1:
        text = translate("Canvas", "Delete {count} elements").format(count=len(keys))
    menu.addSeparator()
    _add(menu, "ctx-delete", text, scene.delete_selection)


# ------------------------------------------------------------------ cards


def _card_menu(scene: JourneyScene, menu: QMenu, card_id: str) -> None:
    card = scene.document.get(card_id)
    assert isinstance(card, Card)
    _add(menu, "ctx-edit", translate("Canvas", "Edit text"), lambda: _edit(scene, "card", card_id))
    duplicate = lambda: duplicate_cards(scene, scene.selected_ids("card"))  # noqa: E731 - all the selected cards
    _add(menu, "ctx-duplicate", translate("Canvas", "Duplicate"), duplicate)
    if card.kind == "touchpoint":
        sub = _submenu(menu, "ctx-nature", translate("Canvas", "Change nature"))
        natures = {
            "digital": translate("Canvas", "Digital"),
            "human": translate("Canvas", "Human"),
            "physical": translate("Canvas", "Physical"),
        }
        for nature, text in natures.items():
            setter = _nature_setter(scene, card_id, nature)
            _add(sub, f"ctx-nature-{nature}", text, setter, checked=card.nature == nature)
        if card.nature == "digital":  # the next click, on a human touchpoint, ends it
            _add(menu, "ctx-handoff", translate("Canvas", "Hand over to a person..."),
                 lambda: scene.begin_connection("handoff", card_id))
    _add_delete(scene, menu, translate("Canvas", "Delete card"))


def _nature_setter(scene: JourneyScene, card_id: str, nature: str) -> Callable[[], object]:
    """A new nature; a channel still at the old nature's default follows (a human card is no "Mobile app")."""
    label = translate("Canvas", "Change nature")

    def change() -> Edit:
        card = scene.document.get(card_id)
        changes: dict[str, object] = {"nature": nature}
        if card.channel == default_channel(card.nature):  # type: ignore[attr-defined]
            changes["channel"] = default_channel(nature)
        return scene.document.update(card_id, **changes)

    return lambda: scene.run(label, change)


def duplicate_cards(scene: JourneyScene, ids: list[str]) -> bool:
    """Copy each card (new id) right after itself in its cell; the copies end up selected."""
    doc = scene.document
    copies: list[str] = []

    def copy_all() -> Edit:
        with doc.group() as result:
            for card_id in ids:
                card = doc.get(card_id)
                index = [c.id for c in doc.siblings(card)].index(card_id) + 1
                copy = card.model_copy(update={"id": doc.new_id("cards")})
                doc.add(copy, index)
                copies.append(copy.id)
        return result[0]

    label = (
        translate("Canvas", "Duplicate card")
        if len(ids) == 1
        else translate("Canvas", "Duplicate {count} cards").format(count=len(ids))
    )
    if ids and scene.run(label, copy_all):
        scene.select_ids(copies)
        return True
    return False


# ------------------------------------------------------------------ steps


def _step_menu(scene: JourneyScene, menu: QMenu, step_id: str) -> None:
    doc = scene.document
    step = doc.get(step_id)
    assert isinstance(step, Step)
    _add(menu, "ctx-edit", translate("Canvas", "Edit title"), lambda: _edit(scene, "step", step_id))
    _add(menu, "ctx-duplicate", translate("Canvas", "Duplicate step"), lambda: duplicate_step(scene, step_id))
    index = [s.id for s in doc.siblings(step)].index(step_id)
    _add(menu, "ctx-add-before", translate("Canvas", "Add step before"), lambda: add_step(scene, step.stage, index))
    _add(menu, "ctx-add-after", translate("Canvas", "Add step after"), lambda: add_step(scene, step.stage, index + 1))
    menu.addSeparator()
    goal = translate("Canvas", "Unmark as goal") if step.goal else translate("Canvas", "Mark as goal")
    _add(menu, "ctx-goal", translate("Canvas", "Mark as goal"),
         lambda: scene.run(goal, lambda: doc.update(step_id, goal=not step.goal)), checked=step.goal)
    end = translate("Canvas", "Unmark as end") if step.end else translate("Canvas", "Mark as end")
    _add(menu, "ctx-end", translate("Canvas", "Mark as end"),
         lambda: scene.run(end, lambda: doc.update(step_id, end=not step.end)), checked=step.end)
    truth = (
        translate("Canvas", "Unmark as moment of truth")
        if step.moment_of_truth
        else translate("Canvas", "Mark as moment of truth")
    )
    _add(menu, "ctx-moment-of-truth", translate("Canvas", "Mark as moment of truth"),
         lambda: scene.run(truth, lambda: doc.update(step_id, moment_of_truth=not step.moment_of_truth)),
         checked=step.moment_of_truth)
    link = lambda: scene.begin_connection("link", step_id)  # noqa: E731 - the next click, on a step, ends it
    _add(menu, "ctx-link", translate("Canvas", "Start a link from here..."), link)
    _add_delete(scene, menu, translate("Canvas", "Delete step"))


def add_step(scene: JourneyScene, stage_id: str, index: int | None) -> None:
    """A new step at *index* of the stage (None: last), then its title in the editor."""
    doc = scene.document
    step = Step(id=doc.new_id("steps"), title=translate("Canvas", "New step"), stage=stage_id)
    if scene.run(translate("Canvas", "Add step"), lambda: doc.add(step, index)):
        _edit(scene, "step", step.id, fresh=True)


def duplicate_step(scene: JourneyScene, step_id: str) -> bool:
    """A copy of the step right after it, with copies of its cards and of the handoffs between them."""
    doc = scene.document
    twin_id: list[str] = []

    def copy() -> Edit:
        with doc.group() as result:
            step = doc.get(step_id)
            index = [s.id for s in doc.siblings(step)].index(step_id) + 1
            twin = step.model_copy(update={"id": doc.new_id("steps")})
            doc.add(twin, index)
            twin_id.append(twin.id)
            cards: dict[str, str] = {}
            for lane in doc.lanes():
                for card in doc.cards_at(step_id, lane.id):
                    cards[card.id] = doc.new_id("cards")
                    doc.add(card.model_copy(update={"id": cards[card.id], "step": twin.id}))
            for handoff in list(doc.journey.handoffs):
                if handoff.source in cards and handoff.target in cards:
                    ends = {"source": cards[handoff.source], "target": cards[handoff.target]}
                    doc.add(handoff.model_copy(update={"id": doc.new_id("handoffs"), **ends}))
        return result[0]

    if scene.run(translate("Canvas", "Duplicate step"), copy):
        scene.select_ids(twin_id)
        return True
    return False


# ----------------------------------------------------------- stages, lanes


def _stage_menu(scene: JourneyScene, menu: QMenu, stage_id: str) -> None:
    index = [s.id for s in scene.document.stages()].index(stage_id)
    _add(menu, "ctx-edit", translate("Canvas", "Edit title"), lambda: _edit(scene, "stage", stage_id))
    _add(menu, "ctx-add-before", translate("Canvas", "Add stage before"), lambda: _add_stage(scene, index))
    _add(menu, "ctx-add-after", translate("Canvas", "Add stage after"), lambda: _add_stage(scene, index + 1))
    _add(menu, "ctx-add-step", translate("Canvas", "Add step to this stage"), lambda: add_step(scene, stage_id, None))
    _add_delete(scene, menu, translate("Canvas", "Delete stage"))


def _add_stage(scene: JourneyScene, index: int) -> None:
    doc = scene.document
    stage = Stage(id=doc.new_id("stages"), title=translate("Canvas", "New stage"))
    if scene.run(translate("Canvas", "Add stage"), lambda: doc.add(stage, index)):
        _edit(scene, "stage", stage.id, fresh=True)


def _lane_menu(scene: JourneyScene, menu: QMenu, lane_id: str) -> None:
    doc = scene.document
    _add(menu, "ctx-edit", translate("Canvas", "Edit title"), lambda: _edit(scene, "lane", lane_id))

    def below() -> None:
        lane = Lane(id=doc.new_id("lanes"), kind="custom", title=translate("Canvas", "New lane"))
        index = [la.id for la in doc.lanes()].index(lane_id) + 1
        if scene.run(translate("Canvas", "Add lane"), lambda: doc.add(lane, index)):
            _edit(scene, "lane", lane.id, fresh=True)

    _add(menu, "ctx-add-after", translate("Canvas", "Add lane below"), below)
    _add_delete(scene, menu, translate("Canvas", "Delete lane"))


# ------------------------------------------------------ links and handoffs


def _connector_menu(scene: JourneyScene, menu: QMenu, connector_id: str) -> None:
    doc = scene.document
    element = doc.get(connector_id)
    if isinstance(element, Handoff):
        _add(menu, "ctx-edit", translate("Canvas", "Edit trigger"), lambda: _edit(scene, "handoff", connector_id))
        carried = element.context_carried
        label = (
            translate("Canvas", "Mark context as lost")
            if carried
            else translate("Canvas", "Mark context as carried over")
        )
        _add(menu, "ctx-context", translate("Canvas", "Context carried over"),
             lambda: scene.run(label, lambda: doc.update(connector_id, context_carried=not carried)), checked=carried)
        _add_delete(scene, menu, translate("Canvas", "Delete handoff"))
    elif isinstance(element, Link):
        _add(menu, "ctx-edit", translate("Canvas", "Edit label"), lambda: _edit(scene, "link", connector_id))
        _add_delete(scene, menu, translate("Canvas", "Delete link"))


# ---------------------------------------------------------- empty cells


def _card_choices() -> list[tuple[str, str | None, str]]:
    return [
        ("touchpoint", "digital", translate("Canvas", "Add digital touchpoint here")),
        ("touchpoint", "human", translate("Canvas", "Add human touchpoint here")),
        ("touchpoint", "physical", translate("Canvas", "Add physical touchpoint here")),
        ("action", None, translate("Canvas", "Add customer action here")),
        ("thought", None, translate("Canvas", "Add thought here")),
        ("pain_point", None, translate("Canvas", "Add pain point here")),
        ("opportunity", None, translate("Canvas", "Add opportunity here")),
        ("backstage", None, translate("Canvas", "Add backstage action here")),
        ("note", None, translate("Canvas", "Add note here")),
    ]


def _cell_menu(scene: JourneyScene, menu: QMenu, step_id: str, lane_id: str, y: float) -> None:
    lane = scene.document.get(lane_id)
    assert isinstance(lane, Lane)
    if lane.kind == "emotions":
        _emotion_menu(scene, menu, step_id)
        return
    for kind, nature, text in _card_choices():
        if card_fits_lane(kind, lane.kind):
            name = f"ctx-add-{kind}" + (f"-{nature}" if nature else "")
            _add(menu, name, text, _card_adder(scene, step_id, lane_id, kind, nature, y))


def _card_adder(
    scene: JourneyScene, step_id: str, lane_id: str, kind: str, nature: str | None, y: float
) -> Callable[[], object]:
    def add() -> None:
        doc = scene.document
        card = new_card(doc, step_id, lane_id, kind, nature)  # as a palette drop makes it
        index = card_index(scene.layout, step_id, lane_id, y, set())
        if scene.run(translate("Canvas", "Add card"), lambda: doc.add(card, index)):
            scene.edit_element(card.id)  # as after a palette drop: text, then Tab to the channel

    return add


def _emotion_menu(scene: JourneyScene, menu: QMenu, step_id: str) -> None:
    step = scene.document.get(step_id)
    assert isinstance(step, Step)
    sub = _submenu(menu, "ctx-emotion", translate("Canvas", "Set emotion"))
    levels: list[tuple[int | None, str]] = [
        (2, translate("Canvas", "+2 very positive")),
        (1, translate("Canvas", "+1 positive")),
        (0, translate("Canvas", "0 neutral")),
        (-1, translate("Canvas", "-1 negative")),
        (-2, translate("Canvas", "-2 very negative")),
        (None, translate("Canvas", "No emotion")),
    ]
    for level, text in levels:
        name = "ctx-emotion-none" if level is None else f"ctx-emotion-{level:+d}"
        _add(sub, name, text, _emotion_setter(scene, step_id, level), checked=scene.focus.level(step) == level)


def _emotion_setter(scene: JourneyScene, step_id: str, level: int | None) -> Callable[[], object]:
    if level is None:  # (as Delete on the face: the keyboard stays on the emptied cell, not nowhere)
        return lambda: scene.clear_faces([step_id])
    return lambda: scene.run(translate("Canvas", "Set emotion"), lambda: scene.focus.set_level(step_id, level))

