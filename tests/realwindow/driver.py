"""Runs the editor in a real X11 window and drives it with xdotool (real pointer events).

Started by tests/realwindow/test_real_window.py as a child process under Xvfb:
``python -m tests.realwindow.driver SCENARIO JOURNEY RESULT``. The scenario
moves the real pointer over the window while the Qt event loop runs, then
writes what the journey holds afterwards to RESULT (JSON), for the test to check.
"""

from __future__ import annotations

import json
import shlex
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF
from PySide6.QtWidgets import QApplication

from workbench.ui.app import make_app
from workbench.ui.main_window import MainWindow


def pump(seconds: float) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.005)


def xdotool(*commands: list[str]) -> None:
    """Run xdotool commands, one after the other, in a background shell while Qt keeps handling events.

    One background process for the whole gesture: a drag runs Qt's own nested
    event loop (QDrag.exec) until the button is released, so nothing in this
    loop could send the release itself. One xdotool call per command, since
    ``type`` takes every word after it as text.
    """
    lines = []
    for command in commands:
        if command[0] == "sleep":
            lines.append("sleep " + shlex.quote(command[1]))
        elif command[0] == "screenshot":  # the whole screen, mid-gesture, for the docs
            lines.append("import -window root " + shlex.quote(command[1]))
        else:
            lines.append("xdotool " + " ".join(shlex.quote(word) for word in command) + " && sleep 0.02")
    proc = subprocess.Popen(["sh", "-ec", "\n".join(lines)])
    while proc.poll() is None:
        QApplication.processEvents()
        time.sleep(0.002)
    pump(0.2)
    if proc.returncode != 0:
        raise RuntimeError(f"xdotool failed ({proc.returncode})")


def glide(start: QPoint, end: QPoint, steps: int = 25, delay: float = 0.02) -> list[list[str]]:
    """Pointer moves from *start* to *end* at a hand's pace."""
    out = []
    for i in range(1, steps + 1):
        x = start.x() + (end.x() - start.x()) * i // steps
        y = start.y() + (end.y() - start.y()) * i // steps
        out += [["mousemove", str(x), str(y)], ["sleep", str(delay)]]
    return out


def scene_to_global(window: MainWindow, x: float, y: float) -> QPoint:
    window.view.ensureVisible(x - 5, y - 5, 10, 10, 60, 60)
    pump(0.1)
    return window.view.viewport().mapToGlobal(window.view.mapFromScene(QPointF(x, y)))


def on_screen(window: MainWindow, *points: QPointF) -> list[QPoint]:
    """Screen positions of scene points, all scrolled into view together (scrolling for one moves the others)."""
    xs, ys = [p.x() for p in points], [p.y() for p in points]
    window.view.ensureVisible(min(xs) - 5, min(ys) - 5, max(xs) - min(xs) + 10, max(ys) - min(ys) + 10, 40, 40)
    pump(0.1)
    viewport = window.view.viewport()
    return [viewport.mapToGlobal(window.view.mapFromScene(p)) for p in points]


def palette_item_global(window: MainWindow, payload: str) -> QPoint:
    palette = window.palette
    for row in range(palette.count()):
        item = palette.item(row)
        if item.data(256) == payload:
            rect = palette.visualItemRect(item)
            return palette.viewport().mapToGlobal(rect.center())
    raise KeyError(payload)


def cell_centre(window: MainWindow, step: str, lane: str) -> tuple[float, float]:
    lay = window.scene.layout
    column = next(s.column for s in lay.steps if s.id == step)
    row = next(la.row for la in lay.lanes if la.id == lane)
    return column.centre[0], row.y + row.h - 10


def press_drag_release(start: QPoint, end: QPoint, via: QPoint | None = None, then: list[list[str]] | None = None,
                       before_release: list[list[str]] | None = None) -> None:
    """Press at *start*, move at a hand's pace (through *via*), release at *end*; then more commands."""
    path = [*glide(start, via), *glide(via, end)] if via is not None else glide(start, end)
    xdotool(["mousemove", str(start.x()), str(start.y())], ["mousemove", str(start.x() + 1), str(start.y())],
            ["mousedown", "1"], *path, *(before_release or []), ["mouseup", "1"], *(then or []))
    pump(0.5)


def scenario_palette_drop(window: MainWindow, args: dict) -> None:
    """Palette item to a cell, entering the canvas over the lane titles and crossing headers; then typing."""
    window.view.horizontalScrollBar().setValue(0)
    pump(0.2)
    start = palette_item_global(window, args["payload"])
    x, y = cell_centre(window, args["step"], args["lane"])
    end = scene_to_global(window, x, y)
    lane_title = window.view.viewport().mapToGlobal(QPoint(20, window.view.mapFromScene(QPointF(x, y)).y()))
    typing = [["sleep", "0.5"], *args.get("keys", [])]
    escape = [["key", "Escape"]] if args.get("escape") else []
    if args.get("screenshot"):
        escape = [["sleep", "0.4"], ["screenshot", args["screenshot"]], *escape]
    press_drag_release(start, end, via=lane_title, then=typing, before_release=escape)


def scenario_card_move(window: MainWindow, args: dict) -> None:
    item = window.scene.item_for("card", args["card"])
    start, end = on_screen(window, QPointF(*item.box.rect.centre), QPointF(*cell_centre(window, args["step"], args["lane"])))
    press_drag_release(start, end)


def scenario_handoff(window: MainWindow, args: dict) -> None:
    source = window.scene.item_for("card", args["source"])
    target = window.scene.item_for("card", args["target"])
    start, end = on_screen(window, source.mapToScene(source.port_centre()), QPointF(*target.box.rect.centre))
    press_drag_release(start, end)


def scenario_link(window: MainWindow, args: dict) -> None:
    source = window.scene.item_for("step", args["source"])
    target = window.scene.item_for("step", args["target"])
    on_screen(window, QPointF(*source.box.header.centre), QPointF(*target.box.header.centre))  # headers in place
    header, start, end = on_screen(window, QPointF(*source.box.header.centre), source.mapToScene(source.port_centre()),
                                   QPointF(*target.box.header.centre))
    xdotool(*glide(header, start, steps=5))  # hovering the header shows its port
    press_drag_release(start, end)


def scenario_stage_move(window: MainWindow, args: dict) -> None:
    """A stage's header dragged by its title, left past another stage's middle (it rides in a column block)."""
    stage = window.scene.item_for("stage", args["stage"])
    before = window.scene.layout.stages[0].rect
    rect = stage.box.rect
    start, end = on_screen(window, QPointF(rect.x + 30, rect.centre[1]), QPointF(before.x + 10, rect.centre[1]))
    press_drag_release(start, end)


def scenario_show(window: MainWindow, args: dict) -> None:
    """The window filling the screen (optionally in presentation mode), for the docs' screenshots."""
    area = window.screen().availableGeometry()
    window.setGeometry(area)
    pump(0.5)
    window.view.show_start()
    if args.get("select"):
        window.scene.select_ids([args["select"]])
    if args.get("present"):
        xdotool(["key", "F5"], ["sleep", "0.5"])
        for _ in range(int(args.get("next", 0))):
            xdotool(["key", "Right"])
    pump(0.5)


def scenario_far_card_move(window: MainWindow, args: dict) -> None:
    """A long map scrolled to its end by the scroll bar's slider, dragged; a card there dragged two columns back.

    Cards (and step headers and faces) far from the view have no item until a
    view comes to them: the scroll itself must make them, for the press to
    find the card.
    """
    viewport, bar = window.view.viewport(), window.view.horizontalScrollBar()
    middle = bar.rect().center().y()
    slider = bar.mapToGlobal(QPoint(bar.rect().left() + 22, middle))  # (at the left end, past the arrow)
    press_drag_release(slider, bar.mapToGlobal(QPoint(bar.rect().right() + 40, middle)))
    card = window.scene.layout.card_boxes[args["card"]]
    shown = window.view.mapToScene(viewport.rect()).boundingRect()
    NOTES["in view"] = shown.contains(QPointF(*card.rect.centre))
    NOTES["made by the scroll"] = ("card", args["card"]) in window.scene.items_by_key
    # ...and so are its step's header and face (they sleep as cards do: see sleeping.py).
    NOTES["header and face made"] = {("step", card.step), ("emotion", card.step)} <= window.scene.items_by_key.keys()
    x, y = cell_centre(window, args["step"], card.lane)
    start, end = on_screen(window, QPointF(*card.rect.centre), QPointF(x, y))
    press_drag_release(start, end)


def scenario_type_steps(window: MainWindow, args: dict) -> None:
    """A click on a step's header, Enter, then each title typed and Enter; then a click on a card elsewhere."""
    step = window.scene.item_for("step", args["after"])
    (header,) = on_screen(window, QPointF(*step.box.header.centre))
    typing: list[list[str]] = []
    for title in args["titles"]:
        typing += [["type", "--delay", "30", title], ["key", "Return"], ["sleep", "0.3"]]
    xdotool(["mousemove", str(header.x()), str(header.y())], ["click", "1"], ["sleep", "0.3"],
            ["key", "Return"], ["sleep", "0.3"], *typing)
    card = window.scene.item_for("card", args["click"])  # (where the steps typed have pushed it)
    (elsewhere,) = on_screen(window, QPointF(*card.box.rect.centre))
    xdotool(["mousemove", str(elsewhere.x()), str(elsewhere.y())], ["click", "1"], ["sleep", "0.3"])
    NOTES["selected"] = window.scene.selected_ids()


def scenario_click_cell(window: MainWindow, args: dict) -> None:
    """A click on an empty cell, Enter, a card's text typed and Enter."""
    (place,) = on_screen(window, QPointF(*cell_centre(window, args["step"], args["lane"])))
    xdotool(["mousemove", str(place.x()), str(place.y())], ["click", "1"], ["sleep", "0.3"])
    NOTES["cell"] = list(window.scene.cursor_cell or ())
    xdotool(["key", "Return"], ["sleep", "0.3"], ["type", "--delay", "30", args["text"]], ["key", "Return"],
            ["sleep", "0.3"])


def scenario_undo_redo_keys(window: MainWindow, args: dict) -> None:
    """A card clicked and deleted, then the undo and redo keys pressed (*keys*: xdotool names), one at a time."""
    card = window.scene.layout.card_boxes[args["card"]]
    (place,) = on_screen(window, QPointF(*card.rect.centre))
    xdotool(["mousemove", str(place.x()), str(place.y())], ["click", "1"], ["sleep", "0.3"], ["key", "Delete"],
            ["sleep", "0.3"])
    NOTES["there"] = []
    for key in args["keys"]:
        xdotool(["key", key], ["sleep", "0.3"])
        NOTES["there"].append(args["card"] in window.document)


def scenario_steps_move(window: MainWindow, args: dict) -> None:
    """A click on a step's header, a Ctrl+click on another's, then the second dragged past the last step."""
    first = window.scene.item_for("step", args["first"])
    grabbed = window.scene.item_for("step", args["grabbed"])
    last = window.scene.layout.steps[-1].header
    a, b, end = on_screen(window, QPointF(*first.box.header.centre), QPointF(*grabbed.box.header.centre),
                          QPointF(last.right - 6, grabbed.box.header.centre[1]))
    xdotool(["mousemove", str(a.x()), str(a.y())], ["click", "1"], ["sleep", "0.2"],
            ["mousemove", str(b.x()), str(b.y())], ["keydown", "ctrl"], ["click", "1"], ["keyup", "ctrl"],
            ["sleep", "0.2"])
    NOTES["selected"] = sorted(window.scene.selected_ids())
    press_drag_release(b, end)


def scenario_find(window: MainWindow, args: dict) -> None:
    """Ctrl+F, the words typed, Enter for the next match, Escape back to the map (while typing a title first)."""
    if args.get("editing"):
        window.scene.select_ids([args["editing"]])
        pump(0.2)
        xdotool(["key", "F2"], ["sleep", "0.3"], ["type", "--delay", "40", "Sees it"], ["sleep", "0.2"])
    xdotool(["key", "ctrl+f"], ["sleep", "0.3"], ["type", "--delay", "40", args["words"]], ["sleep", "0.6"])
    NOTES["first"] = window.scene.selected_ids()
    xdotool(["key", "Return"], ["sleep", "0.3"])
    NOTES["second"] = window.scene.selected_ids()
    NOTES["count"] = window.find_bar.count.text() if window.find_bar is not None else None
    xdotool(["key", "Escape"], ["sleep", "0.3"])
    focus = QApplication.focusWidget()
    NOTES["focus"] = focus.objectName() if focus is not None else None


#: What a scenario saw on the way, written with the result.
NOTES: dict = {}

SCENARIOS = {
    "far-card-move": scenario_far_card_move,
    "show": scenario_show,
    "palette-drop": scenario_palette_drop,
    "card-move": scenario_card_move,
    "handoff": scenario_handoff,
    "link": scenario_link,
    "stage-move": scenario_stage_move,
    "type-steps": scenario_type_steps,
    "click-cell": scenario_click_cell,
    "undo-redo-keys": scenario_undo_redo_keys,
    "steps-move": scenario_steps_move,
    "find": scenario_find,
}


def open_window(journey: str):  # type: ignore[no-untyped-def]
    """The application, and a window of a workshop laptop's size at the screen's corner showing *journey*, focused."""
    app = make_app()
    window = MainWindow()
    window.resize(1366, 740)
    window.move(0, 0)
    window.show()
    window.activateWindow()
    pump(0.5)
    assert window.open_path(journey, ask=False)
    pump(0.5)
    # No window manager under Xvfb gives the window the keyboard on a click, as a desktop does.
    xdotool(["windowfocus", "--sync", str(int(window.winId()))])
    return app, window


def main() -> int:
    name, journey, result = sys.argv[1], sys.argv[2], sys.argv[3]
    args = json.loads(sys.argv[4]) if len(sys.argv) > 4 else {}
    app, window = open_window(journey)
    SCENARIOS[name](window, args)
    if args.get("shot_after"):  # the screen once the gesture is done, for the docs
        pump(0.5)
        xdotool(["screenshot", str(args["shot_after"])])
    journey_now = window.document.journey.model_dump(mode="json")
    Path(result).write_text(json.dumps({"journey": journey_now, "undo": window.stack.undoText(),
                                        "status": window.statusBar().currentMessage(), "notes": NOTES}))
    window.stack.setClean()
    window.close()
    app.clipboard().clear()
    return 0


if __name__ == "__main__":
    sys.exit(main())
