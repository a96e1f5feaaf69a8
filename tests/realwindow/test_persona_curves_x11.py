"""Several personas' curves in a real X11 window (Xvfb, xdotool): the real pointer drags the second
persona's "to be" face and toggles a legend entry.

The test starts this module as a child process under Xvfb (as test_real_window.py starts driver.py);
run as a module, it opens the map, makes Bernard's "to be" curve active, drags one of its faces to the
top of the lane with the real pointer, then clicks the legend entry of Camille's "to be" curve, and
writes what the journey and the canvas hold to RESULT (JSON).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
P1, P2 = "persona-1", "persona-2"

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 and Xvfb are Linux tools")


def scenario(journey: str, result: str) -> int:
    from PySide6.QtCore import QPointF

    from tests.realwindow.driver import on_screen, open_window, press_drag_release, pump, xdotool
    from workbench.model.feelings import level

    app, window = open_window(journey)
    scene = window.scene
    scene.focus.set_active(P2, "to_be")
    pump(0.3)
    step = next(s for s in window.document.steps() if level(s, P2, "to_be") not in (None, 2))
    face = scene.item_for("emotion", step.id)
    lane = scene.layout.emotion_lane
    start = face.scenePos()
    a, b = on_screen(window, start, QPointF(start.x(), lane.row.y + 12))
    press_drag_release(a, b)
    dragged = {"step": step.id, "level": level(window.document.get(step.id), P2, "to_be"), "undo": window.stack.undoText()}
    scene.ensure_fresh()
    entry = scene.legend.entries[(P1, "to_be")]
    (point,) = on_screen(window, entry.mapToScene(QPointF(12, entry.rect().height() / 2)))
    xdotool(["mousemove", str(point.x()), str(point.y())], ["click", "1"])
    pump(0.3)
    scene.ensure_fresh()
    hidden = sorted("/".join(k) for k in scene.focus.hidden)
    shown_after_hide = sorted("/".join(k) for k in scene.other_curves)
    xdotool(["mousemove", str(point.x()), str(point.y())], ["click", "1"])
    pump(0.3)
    scene.ensure_fresh()
    Path(result).write_text(json.dumps({
        "journey": window.document.journey.model_dump(mode="json"), "dragged": dragged, "hidden": hidden,
        "others_when_hidden": shown_after_hide, "hidden_after": sorted("/".join(k) for k in scene.focus.hidden),
        "others_after": sorted("/".join(k) for k in scene.other_curves), "undo_count": window.stack.count(),
    }))
    window.stack.setClean()
    window.close()
    app.clipboard().clear()
    return 0


def test_dragging_bernards_to_be_face_and_toggling_a_legend_entry(tmp_path: Path) -> None:
    from tests.ui.test_persona_curves import four_curves
    from workbench.model.fileformat import save

    for tool in ("xvfb-run", "xdotool"):
        assert shutil.which(tool), f"{tool} is missing: run scripts/install-system-packages.sh as root"
    journey, result = tmp_path / "four.journey", tmp_path / "result.json"
    before = four_curves()
    save(before, journey)
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    command = ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", sys.executable, "-m",
               "tests.realwindow.test_persona_curves_x11", str(journey), str(result)]
    proc = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = json.loads(result.read_text())
    dragged = out["dragged"]
    assert dragged["level"] == 2 and dragged["undo"] == "Set emotion"
    old = {s.id: [(f.persona, f.scenario, f.value) for f in s.emotions] for s in before.steps}
    new = {s["id"]: [(f["persona"], f["scenario"], f["value"]) for f in s["emotions"]] for s in out["journey"]["steps"]}
    for step_id, entries in old.items():
        expected = [(p, sc, 2 if (step_id, p, sc) == (dragged["step"], P2, "to_be") else v) for p, sc, v in entries]
        assert new[step_id] == expected, step_id
    assert out["undo_count"] == 1  # the legend clicks edit nothing
    assert out["hidden"] == [f"{P1}/to_be"]
    assert f"{P1}/to_be" not in out["others_when_hidden"] and f"{P1}/as_is" in out["others_when_hidden"]
    assert out["hidden_after"] == [] and f"{P1}/to_be" in out["others_after"]


if __name__ == "__main__":
    sys.exit(scenario(sys.argv[1], sys.argv[2]))
