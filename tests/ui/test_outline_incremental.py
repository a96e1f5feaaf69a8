"""The Outline follows edits row by row: the tree it patches is the tree it would make from scratch.

Random sequences of edits go through the document (adds, moves, updates,
deletes with their cascades, undo and redo by applying the returned inverse
edits), some applied one by one, some in bursts before the outline's timer
runs, while rows are opened, closed and made current as a user would. After
each burst the patched tree is compared, row by row, with the tree a new
outline makes of the same document, and with the tree the outline's wording
and order say it should be (computed here the way the first, rebuilding,
outline did).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QTreeWidgetItem

from tests.ui.test_canvas import small_journey
from workbench.model.document import JourneyDocument
from workbench.model.edits import Edit
from workbench.model.errors import EditError
from workbench.model.feelings import feelings, with_feeling
from workbench.model.journey import FIRST_PERSONA, Card, Element, Handoff, Journey, Link, Stage, Step
from workbench.ui.canvas.scene import JourneyScene
from workbench.ui.messages import plain_tip
from workbench.ui.outline import ELEMENT, KIND, TEXT, Outline
from workbench.ui.outline_names import _short, card_name, handoff_name, link_name, stage_name, step_name

ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole
Tree = list[tuple[Any, ...]]


# ------------------------------------------------------------------ set-up


def richer_journey() -> Journey:
    """The small journey of the canvas tests, with more steps, touchpoints, handoffs and links."""
    base = small_journey()
    lanes = {lane.kind: lane.id for lane in base.lanes}
    steps = [*base.steps, *(Step(id=f"step-x{i}", title=f"Extra {i}", stage="stage-b", order=20 + i) for i in range(4))]
    cards = [
        *base.cards,
        Card(id="card-web", step="step-2", lane=lanes["touchpoints"], kind="touchpoint", text="Opens the site",
             channel="Web", nature="digital", order=10),
        Card(id="card-desk", step="step-x0", lane=lanes["touchpoints"], kind="touchpoint", text="Desk",
             channel="Branch", nature="human", order=10),
        Card(id="card-act", step="step-x1", lane=lanes["actions"], kind="action", text="Waits", order=10),
    ]
    handoffs = [Handoff(id="handoff-1", source="card-app", target="card-advisor"),
                Handoff(id="handoff-2", source="card-web", target="card-desk", context_carried=True)]
    links = [*base.links, Link(id="link-2", source="step-x1", target="step-1", label="again"),
             Link(id="link-3", source="step-x1", target="step-x3")]
    return base.model_copy(update={"steps": steps, "cards": cards, "handoffs": handoffs, "links": links})


def outline_on(qtbot, scene: JourneyScene) -> Outline:  # type: ignore[no-untyped-def]
    outline = Outline()
    qtbot.addWidget(outline)
    outline.resize(360, 500)
    outline.show()
    outline.attach(scene)
    return outline


@pytest.fixture
def scene(qtbot):  # type: ignore[no-untyped-def]
    scene = JourneyScene(JourneyDocument(richer_journey()), QUndoStack())
    yield scene
    scene.detach()


def settle() -> None:
    QApplication.processEvents()


# ---------------------------------------------------------------- comparing


def tree_of(outline: Outline) -> Tree:
    """Every row made, recursively: what it is, what it shows and says, whether it is open, its children."""

    def row(item: QTreeWidgetItem) -> tuple[Any, ...]:
        return (
            item.data(0, KIND), item.data(0, ELEMENT), item.text(0), item.data(0, TEXT), item.data(0, ACCESSIBLE),
            item.toolTip(0), bool(item.flags() & Qt.ItemFlag.ItemIsEditable), item.isExpanded(),
            item.childIndicatorPolicy() == QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator,
            [row(item.child(i)) for i in range(item.childCount())],
        )

    return [row(outline.topLevelItem(i)) for i in range(outline.topLevelItemCount())]


def flat(tree: Tree, path: tuple[str, ...] = ()) -> list[tuple[Any, ...]]:
    """Rows one per line, each with the ids of its parents: a difference reads as the row it is in."""
    out: list[tuple[Any, ...]] = []
    for row in tree:
        out.append((*path, *row[:-1]))
        out += flat(row[-1], (*path, row[1]))
    return out


def expected_tree(doc: JourneyDocument, populated: set[str], is_open: Callable[[str, str], bool]) -> Tree:
    """The tree as the first outline made it, from the journey's arrays (no index, no incremental anything)."""
    journey = doc.journey
    lane_rank = {lane.id: i for i, lane in enumerate(doc.lanes())}
    cards = {c.id: c for c in journey.cards}
    steps = {s.id: s for s in journey.steps}
    children: dict[str, list[Element]] = {}
    for card in sorted(journey.cards, key=lambda c: (lane_rank.get(c.lane, 0), c.order)):
        children.setdefault(card.step, []).append(card)
    for handoff in journey.handoffs:
        children.setdefault(cards[handoff.source].step, []).append(handoff)
    for link in journey.links:
        children.setdefault(link.source, []).append(link)
    all_steps, stages = doc.steps(), doc.stages()

    def row(kind: str, element_id: str, shown: str, text: str | None, said: str, kids: Tree, indicator: bool) -> tuple[Any, ...]:
        return (kind, element_id, shown, text, said, plain_tip(said), text is not None, is_open(kind, element_id), indicator, kids)

    def child(e: Element) -> tuple[Any, ...]:
        if isinstance(e, Card):
            return row("card", e.id, card_name(e), e.text, card_name(e), [], False)
        if isinstance(e, Handoff):
            name = handoff_name(e, cards)
            return row("handoff", e.id, name, None, name, [], False)
        assert isinstance(e, Link)
        name = link_name(e, steps)
        return row("link", e.id, name, e.label, name, [], False)

    out, number = [], 0
    for n, stage in enumerate(stages, 1):
        mine = [s for s in all_steps if s.stage == stage.id]
        step_rows = []
        for step in mine:
            number += 1
            kids = children.get(step.id, [])
            touch = [c for c in kids if isinstance(c, Card) and c.kind == "touchpoint"]
            said = step_name(step, number, len(all_steps), touch)
            made = [child(k) for k in kids] if step.id in populated else []
            step_rows.append(row("step", step.id, _short(step.title), step.title, said, made, bool(kids)))
        said = stage_name(stage, n, len(stages), len(mine))
        out.append(row("stage", stage.id, _short(stage.title), stage.title, said, step_rows, False))
    return out


def assert_matches_a_fresh_outline(qtbot, outline: Outline) -> None:  # type: ignore[no-untyped-def]
    """The patched tree equals the tree made from scratch (same steps opened) and the tree the wording says."""
    assert outline.scene is not None
    if outline._dirty:
        outline.rebuild()
    assert not outline._dirty
    for element_id, row in outline._rows.items():  # every row known is in the tree, under its own id
        assert row.treeWidget() is outline and row.data(0, ELEMENT) == element_id
    fresh = Outline()
    qtbot.addWidget(fresh)
    fresh.show()
    fresh.attach(outline.scene)
    try:
        fresh._open.update(outline._open)
        fresh._stale.full = True
        fresh.rebuild()
        for step_id in outline._populated:
            fresh._populate(fresh._rows[step_id])
        assert fresh._populated == outline._populated
        incremental, scratch = tree_of(outline), tree_of(fresh)
        assert flat(incremental) == flat(scratch)
        assert incremental == scratch
        assert set(outline._rows) == set(fresh._rows)

        def is_open(kind: str, element_id: str) -> bool:
            return outline._rows[element_id].isExpanded()

        expected = expected_tree(outline.doc, outline._populated, is_open)
        assert flat(incremental) == flat(expected)
        assert incremental == expected
    finally:
        outline.doc.changed.disconnect(fresh._on_change)
        outline.scene.selectionChanged.disconnect(fresh._canvas_selection_changed)
        fresh.scene = None
        fresh.close()


# ------------------------------------------------------------------ editing


class RandomEditor:
    """Random edits of every kind through the document, and undo/redo by applying the inverse edits."""

    def __init__(self, doc: JourneyDocument, rng: random.Random) -> None:
        self.doc, self.rng = doc, rng
        self.undo: list[Edit] = []
        self.redo: list[Edit] = []
        self.count = 0

    def _id(self, prefix: str) -> str:
        self.count += 1
        return f"{prefix}-r{self.count}"

    def _pick(self, kind: type) -> Any:
        pool = [e for e in self._all() if isinstance(e, kind)]
        return self.rng.choice(pool) if pool else None

    def _all(self) -> list[Element]:
        j = self.doc.journey
        return [*j.stages, *j.steps, *j.cards, *j.handoffs, *j.links]

    def step(self) -> str:
        """Make one random edit (or undo, or redo); say what it was."""
        rng, doc = self.rng, self.doc
        actions: list[tuple[int, Callable[[], Edit | None]]] = [
            (3, self.add_stage), (6, self.add_step), (8, self.add_card), (3, self.add_handoff), (3, self.add_link),
            (2, self.move_stage), (6, self.move_step), (8, self.move_card), (10, self.update), (6, self.remove),
            (1, self.reorder_lanes),
        ]
        if self.undo:
            actions.append((6, lambda: self._undo()))
        if self.redo:
            actions.append((3, lambda: self._redo()))
        action = rng.choices([a for _, a in actions], [w for w, _ in actions])[0]
        try:
            inverse = action()
        except EditError:
            return f"{action.__name__}: refused"
        if inverse is not None and action.__name__ not in ("_undo", "_redo"):
            self.undo.append(inverse)
            self.redo.clear()
        assert doc is self.doc
        return action.__name__

    def _undo(self) -> None:
        self.redo.append(self.doc.apply(self.undo.pop()))

    def _redo(self) -> None:
        self.undo.append(self.doc.apply(self.redo.pop()))

    def add_stage(self) -> Edit:
        index = self.rng.randint(0, len(self.doc.stages()))
        return self.doc.add(Stage(id=self._id("stage"), title=self.rng.choice(["New", "Pay", "Leave"])), index)

    def add_step(self) -> Edit | None:
        stage = self._pick(Stage)
        if stage is None:
            return None
        index = self.rng.randint(0, len(self.doc.index.steps_of(stage.id)))
        step = Step(id=self._id("step"), title=self.rng.choice(["Calls", "Waits", "Pays"]), stage=stage.id,
                    emotions=feelings(self.rng.choice([None, -2, 0, 1])))
        return self.doc.add(step, index)

    def add_card(self) -> Edit | None:
        step = self._pick(Step)
        if step is None:
            return None
        lanes = {lane.kind: lane.id for lane in self.doc.lanes()}
        kind = self.rng.choice(["touchpoint", "touchpoint", "thought", "action", "pain_point"])
        lane = lanes[{"touchpoint": "touchpoints", "thought": "thoughts", "action": "actions", "pain_point": "pain_points"}[kind]]
        touch = kind == "touchpoint"
        nature = self.rng.choice(["digital", "human", "physical"]) if touch else None
        card = Card(id=self._id("card"), step=step.id, lane=lane, kind=kind, text=self.rng.choice(["A", "Bee", "Sea"]),  # type: ignore[arg-type]
                    channel=self.rng.choice(["Web", "Phone", None]) if touch else None, nature=nature)  # type: ignore[arg-type]
        return self.doc.add(card, self.rng.randint(0, len(self.doc.index.cards_at(step.id, lane))))

    def _touchpoints(self, nature: str) -> list[Card]:
        return [c for c in self.doc.journey.cards if c.kind == "touchpoint" and c.nature == nature]

    def add_handoff(self) -> Edit | None:
        digital, human = self._touchpoints("digital"), self._touchpoints("human")
        if not digital or not human:
            return None
        handoff = Handoff(id=self._id("handoff"), source=self.rng.choice(digital).id, target=self.rng.choice(human).id)
        return self.doc.add(handoff, self.rng.randint(0, len(self.doc.journey.handoffs)))

    def add_link(self) -> Edit | None:
        a, b = self._pick(Step), self._pick(Step)
        if a is None:
            return None
        link = Link(id=self._id("link"), source=a.id, target=b.id, label=self.rng.choice(["", "back", "skip"]))
        return self.doc.add(link, self.rng.randint(0, len(self.doc.journey.links)))

    def move_stage(self) -> Edit | None:
        stage = self._pick(Stage)
        return None if stage is None else self.doc.move(stage.id, self.rng.randint(0, len(self.doc.stages()) - 1))

    def move_step(self) -> Edit | None:
        step, stage = self._pick(Step), self._pick(Stage)
        if step is None:
            return None
        if self.rng.random() < 0.5:
            stage = self.doc.get(step.stage)
        return self.doc.move(step.id, self.rng.randint(0, len(self.doc.index.steps_of(stage.id))), stage=stage.id)

    def move_card(self) -> Edit | None:
        card, step = self._pick(Card), self._pick(Step)
        if card is None:
            return None
        if self.rng.random() < 0.4:
            step = self.doc.get(card.step)
        return self.doc.move(card.id, self.rng.randint(0, 3), step=step.id)

    def update(self) -> Edit | None:
        rng, doc = self.rng, self.doc
        element = rng.choice(self._all())
        if isinstance(element, Stage):
            return doc.update(element.id, title=rng.choice(["Renamed", "Discover", "Z"]))
        if isinstance(element, Step):
            field, value = rng.choice([("title", rng.choice(["Retitled", "Sees", "Q"])), ("emotion", rng.choice([None, -1, 2])),
                                       ("moment_of_truth", rng.random() < 0.5), ("goal", rng.random() < 0.5)])
            if field == "emotion":
                field, value = "emotions", with_feeling(element, FIRST_PERSONA, value=value)
            return doc.update(element.id, **{field: value})
        if isinstance(element, Card):
            if element.kind == "touchpoint" and rng.random() < 0.4:
                return doc.update(element.id, channel=rng.choice(["SMS", "Web", None]))
            return doc.update(element.id, text=rng.choice(["Edited", "", "Long " * 60]))
        if isinstance(element, Handoff):
            if rng.random() < 0.5:
                return doc.update(element.id, context_carried=not element.context_carried)
            return doc.update(element.id, source=rng.choice(self._touchpoints("digital")).id)
        assert isinstance(element, Link)
        if rng.random() < 0.5:
            return doc.update(element.id, label=rng.choice(["", "loop", "exit"]))
        return doc.update(element.id, target=rng.choice(doc.journey.steps).id, source=rng.choice(doc.journey.steps).id)

    def remove(self) -> Edit | None:
        elements = self._all()
        return self.doc.remove(self.rng.choice(elements).id) if elements else None

    def reorder_lanes(self) -> Edit:
        lanes = self.doc.lanes()
        lane = self.rng.choice(lanes)
        return self.doc.move(lane.id, self.rng.randint(0, len(lanes) - 1))


def fiddle(outline: Outline, rng: random.Random) -> None:
    """What a user does between edits: open or close a row, make another one current."""
    rows = list(outline._rows.values())
    if not rows:
        return
    row = rng.choice(rows)
    choice = rng.random()
    if choice < 0.4 and row.data(0, KIND) in ("stage", "step"):  # leaves have nothing to open
        row.setExpanded(not row.isExpanded())
    elif choice < 0.7:
        outline.setCurrentItem(row)
    elif choice < 0.8:
        outline.row_for(rng.choice(list(outline._rows)))


# -------------------------------------------------------------------- tests


@pytest.mark.parametrize("seed", range(12))
def test_random_edits_leave_the_same_tree_as_a_rebuild(qtbot, scene: JourneyScene, seed: int) -> None:  # type: ignore[no-untyped-def]
    rng = random.Random(seed)
    outline = outline_on(qtbot, scene)
    editor = RandomEditor(scene.document, rng)
    for row_id in ("step-3", "step-x1", "step-2"):
        outline.row_for(row_id).setExpanded(True)
    done: list[str] = []
    for burst in range(25):
        for _ in range(rng.choice([1, 1, 2, 4])):  # several edits before the timer runs: one batch of changes
            done.append(editor.step())
        if rng.random() < 0.6:
            settle()
        fiddle(outline, rng)
        try:
            assert_matches_a_fresh_outline(qtbot, outline)
        except AssertionError as error:
            raise AssertionError(f"seed {seed}, burst {burst}, after {done[-6:]}") from error


def test_undoing_everything_gives_back_the_first_tree(qtbot, scene: JourneyScene) -> None:  # type: ignore[no-untyped-def]
    outline = outline_on(qtbot, scene)
    for row_id in ("step-3", "step-x1"):
        outline.row_for(row_id).setExpanded(True)
    first = tree_of(outline)
    editor = RandomEditor(scene.document, random.Random(99))
    for _ in range(60):
        editor.step()
        if editor.rng.random() < 0.5:
            settle()
    while editor.undo:
        editor._undo()
        settle()
    outline.rebuild()
    for row_id in ("step-3", "step-x1"):  # opened rows stay open through their removal and return
        assert outline._rows[row_id].isExpanded()
    assert [r[:9] for r in tree_of(outline)] == [r[:9] for r in first]
    assert_matches_a_fresh_outline(qtbot, outline)


def made_rows(outline: Outline) -> list[str]:
    """Counts the rows the outline makes from now on."""
    made: list[str] = []
    make = outline._make

    def counting(element: Element) -> Any:
        made.append(element.id)  # type: ignore[attr-defined]
        return make(element)

    outline._make = counting  # type: ignore[method-assign]
    return made


def test_an_edit_touches_only_the_rows_it_concerns(qtbot, scene: JourneyScene) -> None:  # type: ignore[no-untyped-def]
    doc = scene.document
    outline = outline_on(qtbot, scene)
    for row_id in ("step-1", "step-2", "step-3"):
        outline.row_for(row_id).setExpanded(True)
    outline.setCurrentItem(outline.row_for("card-pain"))
    before = dict(outline._rows)
    made = made_rows(outline)

    doc.update("card-advisor", text="Rings back")  # a card's text: its row, the handoff naming it, its step's sentence
    settle()
    assert made == [] and all(outline._rows[k] is row for k, row in before.items())
    assert outline._rows["card-advisor"].text(0).startswith("Touchpoint: Rings back")
    assert outline._rows["handoff-1"].text(0) == "Handoff from Reads the offer to Rings back, context lost"

    doc.move("card-pain", 0, step="step-2")  # to the next step: both opened steps re-order their children
    settle()
    assert made == [] and all(outline._rows[k] is row for k, row in before.items())
    assert outline._rows["card-pain"].parent() is outline._rows["step-2"]
    assert outline.currentItem() is outline._rows["card-pain"] and outline._rows["card-pain"].isSelected()

    doc.add(Step(id="step-new", title="Hesitates", stage="stage-a"), 1)  # one row more, every number changes
    settle()
    assert made == ["step-new"] and all(outline._rows[k] is row for k, row in before.items())
    assert outline._rows["step-x3"].data(0, ACCESSIBLE).startswith("Step 8 of 8: Extra 3")
    assert outline._rows["stage-a"].data(0, ACCESSIBLE) == "Stage 1 of 2: Discover, 3 steps"
    assert outline._rows["step-3"].isExpanded() and outline.currentItem() is outline._rows["card-pain"]

    doc.remove("step-new")
    settle()
    assert made == ["step-new"] and "step-new" not in outline._rows
    assert outline._rows["step-x3"].data(0, ACCESSIBLE).startswith("Step 7 of 7: Extra 3")
    assert_matches_a_fresh_outline(qtbot, outline)


def test_a_closed_step_makes_no_rows_until_it_opens(qtbot, scene: JourneyScene) -> None:  # type: ignore[no-untyped-def]
    doc = scene.document
    outline = outline_on(qtbot, scene)
    made = made_rows(outline)
    doc.add(Card(id="card-new", step="step-x2", lane="lane-thoughts", kind="thought", text="Hm"))
    doc.move("card-think", 0, step="step-x2")
    settle()
    assert made == [] and "card-think" not in outline._rows
    row = outline._rows["step-x2"]
    assert row.childIndicatorPolicy() == QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator  # it shows it can open
    assert outline._rows["step-2"].childIndicatorPolicy() == QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator  # card-web
    row.setExpanded(True)
    assert sorted(made) == ["card-new", "card-think"]
    assert [row.child(i).data(0, ELEMENT) for i in range(row.childCount())] == ["card-think", "card-new"]


def test_the_sentences_follow_the_document_without_being_made_again(qtbot, scene: JourneyScene) -> None:  # type: ignore[no-untyped-def]
    doc = scene.document
    outline = outline_on(qtbot, scene)
    step_3 = outline._rows["step-3"]
    assert step_3.data(0, ACCESSIBLE) == "Step 3 of 7: Signs up, emotion -1, touchpoints: Phone with an advisor (human)"
    told: list[str] = []
    outline.model().dataChanged.connect(lambda first, last, roles: told.append(first.data(ELEMENT)))
    doc.update("card-advisor", channel="Video call")
    doc.update("step-1", title="Hears of it")
    settle()
    assert "step-3" in told  # a screen reader hears that the row's sentence changed, though its text did not
    assert step_3.data(0, ACCESSIBLE) == "Step 3 of 7: Signs up, emotion -1, touchpoints: Video call (human)"
    assert step_3.toolTip(0) == plain_tip(step_3.data(0, ACCESSIBLE))
    outline.row_for("link-2")
    assert outline._rows["link-2"].text(0) == "Link to step Hears of it: again"  # a link names its target
    doc.update("step-1", title="Learns of it")
    settle()
    assert outline._rows["link-2"].text(0) == "Link to step Learns of it: again"


def test_a_burst_too_big_to_patch_makes_the_tree_again_keeping_open_and_current_rows(  # type: ignore[no-untyped-def]
        qtbot, scene: JourneyScene, monkeypatch) -> None:
    import workbench.ui.outline as module

    monkeypatch.setattr(module, "PATCH_LIMIT", 5)
    doc = scene.document
    outline = outline_on(qtbot, scene)
    outline.row_for("step-3").setExpanded(True)
    outline.setCurrentItem(outline.row_for("card-pain"))
    with doc.group("paste"):
        for i in range(8):
            doc.add(Step(id=f"step-p{i}", title=f"Pasted {i}", stage="stage-a"))
    settle()
    assert outline._rows["step-p7"].data(0, ACCESSIBLE).startswith("Step 10 of 15: Pasted 7")
    assert outline.currentItem() is outline._rows["card-pain"] and outline._rows["card-pain"].isSelected()
    assert outline._rows["step-3"].isExpanded()
    assert_matches_a_fresh_outline(qtbot, outline)


def test_insert_in_the_outline_adds_one_row_and_edits_it(qtbot, scene: JourneyScene) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QAbstractItemView, QLineEdit

    outline = outline_on(qtbot, scene)
    outline.row_for("step-3").setExpanded(True)
    outline.setCurrentItem(outline._rows["step-1"])
    outline.setFocus()
    before = dict(outline._rows)
    made = made_rows(outline)
    QTest.keyClick(outline, Qt.Key.Key_Insert)
    new = scene.document.steps()[1]
    assert new.title == "New step" and made == [new.id]
    assert all(outline._rows[k] is row for k, row in before.items())
    assert outline.state() == QAbstractItemView.State.EditingState and outline.currentItem() is outline._rows[new.id]
    editor = outline.findChild(QLineEdit)
    assert editor is not None and editor.text() == "New step"
    QTest.keyClick(editor, Qt.Key.Key_Escape)  # a row just inserted: Escape takes it away
    settle()
    assert new.id not in scene.document and new.id not in outline._rows and made == [new.id]
    assert outline.currentItem() is outline._rows["step-1"] and outline._rows["step-3"].isExpanded()
    assert_matches_a_fresh_outline(qtbot, outline)
