"""The edits a user makes on the canvas, driven as the application drives them, each timed to its frame.

The window holds the real canvas (`JourneyScene` in a `JourneyView`) and the
real inspector, wired as the main window wires them (the selection shows in
the inspector). Edits arrive as a user's do: a card is dragged with mouse
events sent to the viewport and the clock starts at the release; keys are
key events (Return on the view with a step selected, Ctrl+Right / Ctrl+Left
moving that step, a character and Backspace in the inspector's text field);
undo and redo go through the QUndoStack, as the Edit menu does. Each edit
alternates with its inverse so the map does not drift, and each is checked
on the model afterwards: a benchmark that times a refused edit times nothing.

Only public-ish API is used, so the same file times the old and the new
canvas: `JourneyScene(document, stack)`, its `refreshed` and
`selectionChanged` signals, `item_for`, `select_ids`; `JourneyView(scene)`
with `setScene` and `show_start`; `Inspector.set_document` and
`show_element`; the document's `journey`.
"""

from __future__ import annotations

import gc

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent, QTextCursor, QUndoStack
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from benchmarks.frames import BenchWindow, Frame, FrameProbe, key_click, settle
from workbench.model.document import JourneyDocument
from workbench.model.journey import Journey
from workbench.textmetrics import forget_fallbacks
from workbench.ui.canvas.scene import JourneyScene
from workbench.ui.canvas.view import JourneyView
from workbench.ui.inspector import Inspector
from workbench.ui.memory import hold_off, resume

LEFT, NO_BUTTON = Qt.MouseButton.LeftButton, Qt.MouseButton.NoButton
CTRL = Qt.KeyboardModifier.ControlModifier


def _find(items: list, element_id: str):  # type: ignore[no-untyped-def, type-arg]
    return next(x for x in items if x.id == element_id)


def freeze_what_lives() -> None:
    """As the main window does after the first paint of an opened journey (``memory.settle``): collect, then
    keep what lives out of the collector's full passes. Without it the edits were timed with full collections
    walking the whole map (the 5,000-step Enter p95 was 423 ms), which the application never pays.

    Unlike ``settle``, nothing frozen is given back to the collector: a closed benchmark canvas whose objects
    were frozen crashed shiboken when collected after ``gc.unfreeze()`` (the application's reopen path does
    not; see the closing note of issue #12). A benchmark process keeps that garbage until it ends.
    """
    gc.collect()
    gc.freeze()


class CanvasBench:
    """One journey open in a canvas window; each method times *edits* edits and returns their milliseconds."""

    def __init__(self, journey: Journey) -> None:
        self.document = JourneyDocument(journey)
        self.stack = QUndoStack()
        self.inspector = Inspector()
        self.inspector.set_document(self.document, self.stack)
        self.scene = JourneyScene(self.document, self.stack)
        self.view = JourneyView(self.scene)
        self.window = BenchWindow(self.view, self.inspector)
        self.probe = FrameProbe(self.view)
        self._attach(self.scene)
        self.view.show_start()
        settle(50)
        freeze_what_lives()

    @property
    def journey(self) -> Journey:
        return self.document.journey

    def _attach(self, scene: JourneyScene) -> None:
        scene.selectionChanged.connect(self._selection_changed)
        self.probe.follow(scene)

    def _selection_changed(self) -> None:
        ids = self.scene.selected_ids()
        self.inspector.show_element(ids[0] if len(ids) == 1 else None)

    def close(self) -> None:
        self.scene.detach()
        self.scene.selectionChanged.disconnect(self._selection_changed)
        self.window.close()
        self.window.deleteLater()
        self.scene.deleteLater()  # as the main window lets a scene go: gone before any collection looks at it
        settle()

    # ----------------------------------------------------------- build

    def build_frames(self, builds: int, first_open: bool = False) -> list[Frame]:
        """A new scene of the open document, shown: construction, first layout and first paint.

        *first_open*: as when a journey is opened for the first time in the process: no text of it measured
        yet (the card sizes and wrapped lines a scene made before keeps for the next are forgotten first).
        """
        out: list[Frame] = []
        for _ in range(builds):
            if first_open:
                forget_fallbacks()
            old = self.scene
            old.detach()
            old.selectionChanged.disconnect(self._selection_changed)
            self.probe.follow(None)

            def build() -> None:
                self.scene = JourneyScene(self.document, self.stack)
                self.view.setScene(self.scene)

            hold_off(collect=True)  # as the main window opens a journey: no collection until its map is painted
            out.append(self.probe.frame(build, ready=True))
            self._attach(self.scene)
            old.deleteLater()  # as the main window lets an old scene go (clear() left its items' wrappers
            del old  # to a collection that crashed in shiboken)
            self.view.show_start()
            settle(30)
            freeze_what_lives()
            resume()
        return out

    # ----------------------------------------------------------- mouse

    def _send_mouse(self, kind: QEvent.Type, at: QPointF, button: Qt.MouseButton, buttons: Qt.MouseButton) -> None:
        viewport = self.view.viewport()
        event = QMouseEvent(kind, at, viewport.mapToGlobal(at), button, buttons, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(viewport, event)

    def _drag_card(self, card_id: str, dx: float) -> Callable[[], None]:
        """Press on the card and drag it *dx* scene units sideways; returns the release, to be timed."""
        item = self.scene.item_for("card", card_id)
        assert item is not None, f"no item for {card_id}"
        centre = item.sceneBoundingRect().center()
        start = QPointF(self.view.mapFromScene(centre))
        end = QPointF(self.view.mapFromScene(centre + QPointF(dx, 0)))
        assert self.view.viewport().rect().contains(start.toPoint()) and self.view.viewport().rect().contains(end.toPoint())
        self._send_mouse(QEvent.Type.MouseButtonPress, start, LEFT, LEFT)
        self._send_mouse(QEvent.Type.MouseMove, (start + end) / 2, NO_BUTTON, LEFT)
        self._send_mouse(QEvent.Type.MouseMove, end, NO_BUTTON, LEFT)
        settle()
        return lambda: self._send_mouse(QEvent.Type.MouseButtonRelease, end, LEFT, NO_BUTTON)

    def _column_dx(self, step_from: str, step_to: str) -> float:
        a, b = self.scene.item_for("step", step_from), self.scene.item_for("step", step_to)
        assert a is not None and b is not None
        return b.sceneBoundingRect().center().x() - a.sceneBoundingRect().center().x()

    def card_drop_frames(self, edits: int, card_id: str, there: str) -> list[Frame]:
        """Drag a card into the same lane of the next step, release, and back again."""
        home = _find(self.journey.cards, card_id).step
        out: list[Frame] = []
        for i in range(edits):
            source, target = (there, home) if i % 2 else (home, there)
            release = self._drag_card(card_id, self._column_dx(source, target))
            out.append(self.probe.frame(release, shows=("card", card_id)))
            assert _find(self.journey.cards, card_id).step == target, "the card drop did not move the card"
            settle()
        return out

    # ------------------------------------------------------- undo, redo

    def undo_redo_frames(self, edits: int, card_id: str, there: str) -> tuple[list[Frame], list[Frame]]:
        """Move the card once (by a drop), then undo and redo it, *edits* times each."""
        home = _find(self.journey.cards, card_id).step
        self._drag_card(card_id, self._column_dx(home, there))()
        settle()
        assert _find(self.journey.cards, card_id).step == there
        undos: list[Frame] = []
        redos: list[Frame] = []
        for _ in range(edits):
            undos.append(self.probe.frame(self.stack.undo, shows=("card", card_id)))
            assert _find(self.journey.cards, card_id).step == home, "undo did not move the card back"
            settle()
            redos.append(self.probe.frame(self.stack.redo, shows=("card", card_id)))
            assert _find(self.journey.cards, card_id).step == there, "redo did not move the card again"
            settle()
        self.stack.undo()
        settle()
        return undos, redos

    # ------------------------------------------------------------ keys

    def keystroke_frames(self, edits: int, card_id: str) -> list[Frame]:
        """Type a character at the end of the card's text in the inspector, then Backspace it."""
        self.scene.select_ids([card_id])
        settle()
        field = self.inspector.findChild(QPlainTextEdit, "text")
        assert field is not None, "the inspector shows no text field for the card"
        field.setFocus()
        original = _find(self.journey.cards, card_id).text
        out: list[Frame] = []
        for i in range(edits):
            field.moveCursor(QTextCursor.MoveOperation.End)
            key = Qt.Key.Key_Backspace if i % 2 else "x"
            out.append(self.probe.frame(lambda: key_click(field, key), shows=("card", card_id)))
            expected = original if i % 2 else original + "x"
            assert _find(self.journey.cards, card_id).text == expected, "the keystroke did not reach the card"
            settle()
        return out

    def enter_step_frames(self, edits: int, step_id: str, next_id: str | None) -> list[Frame]:
        """Return on the view with a step selected adds the next step; Escape (not timed) takes it away.

        The frame must show *next_id*, the step after it, moved a column on
        (None: the step is the last one; the view is brought to it first).
        """
        count = len(self.journey.steps)
        out: list[Frame] = []
        shows = ("step", next_id) if next_id is not None else None
        for _ in range(edits):
            self.scene.select_ids([step_id])
            if next_id is None:
                item = self.scene.item_for("step", step_id)
                if item is not None:
                    self.view.centerOn(item)
            self.view.setFocus()
            settle()
            out.append(self.probe.frame(lambda: key_click(self.view, Qt.Key.Key_Return), shows=shows))
            assert len(self.journey.steps) == count + 1, "Return did not add a step"
            settle()
            key_click(self.view, Qt.Key.Key_Escape)  # cancels the new step's title: it goes away
            settle()
            if len(self.journey.steps) != count:  # a canvas that keeps the step on Escape
                self.stack.undo()
                settle()
            assert len(self.journey.steps) == count, "the added step could not be taken away"
        if next_id is None:
            self.view.show_start()  # back to where the other edits are timed
            settle()
        return out

    def step_move_frames(self, edits: int, step_id: str, neighbour: str) -> list[Frame]:
        """Ctrl+Right on a selected step swaps it with its right-hand neighbour; Ctrl+Left swaps back."""
        out: list[Frame] = []
        for i in range(edits):
            self.scene.select_ids([step_id])
            self.view.setFocus()
            settle()
            key = Qt.Key.Key_Left if i % 2 else Qt.Key.Key_Right
            out.append(self.probe.frame(lambda: key_click(self.view, key, CTRL), shows=("step", step_id)))
            mine, theirs = _find(self.journey.steps, step_id).order, _find(self.journey.steps, neighbour).order
            assert (mine < theirs) if i % 2 else (mine > theirs), "the step did not move"
            settle()
        return out
