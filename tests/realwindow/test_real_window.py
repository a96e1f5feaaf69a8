"""The key gestures in a real X11 window (Xvfb), with real pointer and key events from xdotool.

Synthetic Qt events once passed where a real drag failed: X11 stops sending a
drag to a widget that refused its entry. Each test starts the editor under
Xvfb in a child process (`driver.py`), moves the real pointer, and reads back
what the journey holds. `scripts/install-system-packages.sh` installs Xvfb and
xdotool (`make test` runs it when they are missing).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.ui.test_canvas import small_journey
from workbench.model.fileformat import save

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 and Xvfb are Linux tools")


def run_scenario(tmp_path: Path, name: str, journey_of=small_journey, **args: object) -> dict:  # type: ignore[no-untyped-def]
    for tool in ("xvfb-run", "xdotool"):
        assert shutil.which(tool), f"{tool} is missing: run scripts/install-system-packages.sh as root"
    journey, result = tmp_path / "map.journey", tmp_path / "result.json"
    save(journey_of(), journey)
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY")}
    env["XDG_CONFIG_HOME"] = str(tmp_path / "config")
    command = ["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", sys.executable, "-m", "tests.realwindow.driver",
               name, str(journey), str(result), json.dumps(args)]
    proc = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(result.read_text())


def cards_at(journey: dict, step: str, lane: str) -> list[dict]:
    return [c for c in journey["cards"] if c["step"] == step and c["lane"] == lane]


def test_palette_drop_entering_over_the_lane_titles_then_typing_text_and_channel(tmp_path: Path) -> None:
    keys = [["type", "Doctor"], ["key", "Tab"], ["type", "Video call"], ["key", "Return"]]
    out = run_scenario(tmp_path, "palette-drop", payload="card:touchpoint:human", step="step-2",
                       lane="lane-touchpoints", keys=keys)
    added = cards_at(out["journey"], "step-2", "lane-touchpoints")
    assert [(c["text"], c["channel"], c["nature"]) for c in added] == [("Doctor", "Video call", "human")]
    assert out["undo"] == "Add card"  # the text and channel typed into the new card are part of adding it


def test_escape_during_a_palette_drag_adds_nothing(tmp_path: Path) -> None:
    out = run_scenario(tmp_path, "palette-drop", payload="card:thought", step="step-1", lane="lane-thoughts",
                       escape=True)
    assert len(out["journey"]["cards"]) == len(small_journey().cards)
    assert out["undo"] == ""


def test_a_card_dragged_to_the_next_step(tmp_path: Path) -> None:
    out = run_scenario(tmp_path, "card-move", card="card-think", step="step-3", lane="lane-thoughts")
    assert [c["id"] for c in cards_at(out["journey"], "step-3", "lane-thoughts")] == ["card-think"]
    assert out["undo"] == "Move card"


def test_a_handoff_drawn_from_the_port_of_a_digital_touchpoint(tmp_path: Path) -> None:
    out = run_scenario(tmp_path, "handoff", source="card-app", target="card-advisor")
    assert [(h["source"], h["target"]) for h in out["journey"]["handoffs"]] == [("card-app", "card-advisor")]


def test_a_link_drawn_from_a_step_port_to_a_later_step(tmp_path: Path) -> None:
    out = run_scenario(tmp_path, "link", source="step-1", target="step-3")
    assert ("step-1", "step-3") in [(k["source"], k["target"]) for k in out["journey"]["links"]]
    assert out["undo"] == "Add link"


def test_a_stage_header_dragged_before_the_stage_on_its_left(tmp_path: Path) -> None:
    out = run_scenario(tmp_path, "stage-move", stage="stage-b")
    order = [s["id"] for s in sorted(out["journey"]["stages"], key=lambda s: s["order"])]
    assert order == ["stage-b", "stage-a"]
    assert out["undo"] == "Move stage"


def test_a_card_at_the_end_of_a_long_map_scrolled_to_and_dragged(tmp_path: Path) -> None:
    """150 steps: the cards at the end have no item until the view comes to them (the scroll makes them)."""
    from benchmarks.generate import journey_of

    out = run_scenario(tmp_path, "far-card-move", journey_of=lambda: journey_of(150),
                       card="card-149-actions", step="step-147")
    assert out["notes"] == {"in view": True, "made by the scroll": True, "header and face made": True}
    assert next(c["step"] for c in out["journey"]["cards"] if c["id"] == "card-149-actions") == "step-147"
    assert out["undo"] == "Move card"


def test_a_journey_typed_title_after_title_with_enter(tmp_path: Path) -> None:
    """Each Enter keeps a title and opens the next step; the click after the last leaves no untitled step."""
    titles = ["Reads the terms", "Signs online", "Gets a welcome call"]
    out = run_scenario(tmp_path, "type-steps", after="step-1", titles=titles, click="card-think")
    steps = sorted(out["journey"]["steps"], key=lambda s: (s["stage"], s["order"]))
    assert [s["title"] for s in steps] == ["Sees the offer", *titles, "Compares", "Signs up"]
    assert out["notes"]["selected"] == ["card-think"]
    assert out["undo"] == "Add step"


def test_a_click_on_an_empty_cell_then_enter_adds_the_card_typed(tmp_path: Path) -> None:
    """The click chose nothing, and the card typed after Enter was lost (found by an exploratory test)."""
    out = run_scenario(tmp_path, "click-cell", step="step-1", lane="lane-thoughts", text="Is it far?")
    assert out["notes"]["cell"] == ["step-1", "lane-thoughts"]
    cards = [c for c in out["journey"]["cards"] if c["step"] == "step-1" and c["lane"] == "lane-thoughts"]
    assert [(c["kind"], c["text"]) for c in cards] == [("thought", "Is it far?")]


def test_ctrl_y_redoes_as_ctrl_shift_z_does(tmp_path: Path) -> None:
    """On Linux, Qt's Redo is Ctrl+Shift+Z alone: a facilitator pressed Ctrl+Y and nothing came back."""
    keys = ["ctrl+z", "ctrl+y", "ctrl+z", "ctrl+shift+z"]
    out = run_scenario(tmp_path, "undo-redo-keys", card="card-think", keys=keys)
    assert out["notes"]["there"] == [True, False, True, False]


def test_two_step_headers_selected_with_ctrl_and_dragged_by_the_second_land_together(tmp_path: Path) -> None:
    """Only one moved, not always the one grabbed (exploratory test)."""
    out = run_scenario(tmp_path, "steps-move", first="step-1", grabbed="step-2")
    assert out["notes"]["selected"] == ["step-1", "step-2"]
    steps = sorted(out["journey"]["steps"], key=lambda s: (s["stage"], s["order"]))
    assert [(s["id"], s["stage"]) for s in steps] == [("step-3", "stage-b"), ("step-1", "stage-b"), ("step-2", "stage-b")]
    assert out["undo"] == "Move 2 steps"


def test_ctrl_f_typed_finds_each_match_and_escape_gives_the_map_the_keys(tmp_path: Path) -> None:
    out = run_scenario(tmp_path, "find", words="OFFER")  # a step's title, then its card's text, whatever the case
    notes = out["notes"]
    assert notes["first"] == ["step-1"] and notes["second"] == ["card-app"] and notes["count"] == "2 of 2"
    assert notes["focus"] == "canvas"


def test_ctrl_f_while_a_title_is_typed_keeps_it_and_the_words_go_to_the_find_field(tmp_path: Path) -> None:
    """The bar opened but the keys stayed on the map: the words went nowhere and Enter opened a card's text for
    typing over (exploratory test in a real window)."""
    out = run_scenario(tmp_path, "find", words="offer", editing="step-2")
    notes = out["notes"]
    titles = {s["id"]: s["title"] for s in out["journey"]["steps"]}
    assert titles["step-2"] == "Sees it"
    assert notes["first"] == ["step-1"] and notes["second"] == ["card-app"] and notes["count"] == "2 of 2"
