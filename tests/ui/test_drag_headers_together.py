"""Several step, stage or lane headers selected and dragged by one of them move together, as cards do.

Only one of them moved, and not always the one grabbed: the drop read the first item of the selection
(exploratory test on a 200-step map).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.helpers import click, drag, open_window
from tests.ui.test_canvas import box, small_journey
from workbench.model.fileformat import dumps, save
from workbench.model.journey import Stage, Step
from workbench.ui.main_window import MainWindow

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def window(qtbot, tmp_path) -> MainWindow:  # type: ignore[no-untyped-def]
    """The small journey with a third stage of two steps: Discover (1, 2), Use (3), Keep (4, 5)."""
    journey = small_journey()
    journey = journey.model_copy(update={
        "stages": [*journey.stages, Stage(id="stage-c", title="Keep", order=30)],
        "steps": [*journey.steps, Step(id="step-4", title="Renews", stage="stage-c", order=10),
                  Step(id="step-5", title="Recommends", stage="stage-c", order=20)],
    })
    path = tmp_path / "five.journey"
    save(journey, path)
    return open_window(qtbot, path)


def _select_by_clicks(window: MainWindow, kind: str, ids: list[str]) -> None:
    """Click the first header, Ctrl+click the others (the selection's own order is theirs, not the map's)."""
    for n, element_id in enumerate(ids):
        at = window.scene.item_for(kind, element_id).sceneBoundingRect().center()
        click(window, at.x(), at.y(), CTRL if n else Qt.KeyboardModifier.NoModifier)
    assert sorted(window.scene.selected_ids()) == sorted(ids)


def _steps(window: MainWindow) -> list[tuple[str, str]]:
    return [(s.id, s.stage) for s in window.document.steps()]


def test_two_steps_dragged_by_the_second_land_together_where_it_is_dropped(window: MainWindow) -> None:
    before = dumps(window.document.journey)
    _select_by_clicks(window, "step", ["step-4", "step-1"])
    start = box(window, "step", "step-4").centre
    end = (box(window, "step", "step-5").right + 10, start[1])  # step-4 grabbed, dropped after step-5
    drag(window, start, end)
    assert _steps(window) == [("step-2", "stage-a"), ("step-3", "stage-b"), ("step-5", "stage-c"),
                              ("step-1", "stage-c"), ("step-4", "stage-c")]
    assert window.stack.count() == 1 and window.actions.undo.text() == "Undo Move 2 steps"
    window.stack.undo()
    assert dumps(window.document.journey) == before


@pytest.mark.parametrize("grabbed", ["step-5", "step-2"])
def test_the_step_grabbed_leads_whatever_was_selected_first(window: MainWindow, grabbed: str) -> None:
    _select_by_clicks(window, "step", ["step-2", "step-5"])  # (selected in this order either way)
    start = box(window, "step", grabbed).centre
    if grabbed == "step-5":  # dropped before step-3: both go there (step-2 carried as far would land in Discover)
        end = (box(window, "step", "step-3").x + 4, start[1])
        expected = [("step-1", "stage-a"), ("step-2", "stage-b"), ("step-5", "stage-b"), ("step-3", "stage-b"),
                    ("step-4", "stage-c")]
    else:  # dropped after step-3: both go there (step-5 carried as far would land at the end)
        end = (box(window, "step", "step-3").right - 4, start[1])
        expected = [("step-1", "stage-a"), ("step-3", "stage-b"), ("step-2", "stage-b"), ("step-5", "stage-b"),
                    ("step-4", "stage-c")]
    drag(window, start, end)
    assert _steps(window) == expected


def test_two_stages_dragged_together_keep_their_order(window: MainWindow) -> None:
    _select_by_clicks(window, "stage", ["stage-c", "stage-a"])
    start = box(window, "stage", "stage-c").centre
    end = (box(window, "stage", "stage-c").right + 40, start[1])  # stage-c grabbed, dropped at the end
    drag(window, start, end)
    assert [s.id for s in window.document.index.stages()] == ["stage-b", "stage-a", "stage-c"]
    assert window.actions.undo.text() == "Undo Move 2 stages"
    window.stack.undo()
    assert [s.id for s in window.document.index.stages()] == ["stage-a", "stage-b", "stage-c"]


def test_two_lanes_dragged_together_keep_their_order(window: MainWindow) -> None:
    """Actions (grabbed) and Pain points, far below, land together after Touchpoints: moved alone, the grabbed
    lane would leave Pain points where it was."""
    lanes = [lane.id for lane in window.document.index.lanes()]
    assert lanes[:2] == ["lane-actions", "lane-touchpoints"] and "lane-pain-points" in lanes[3:]
    window.scene.select_ids(["lane-actions", "lane-pain-points"])
    title = window.scene.item_for("lane", "lane-actions").sceneBoundingRect()
    below = box(window, "lane", "lane-touchpoints")
    drag(window, (title.center().x(), title.center().y()), (title.center().x(), below.bottom - 2))
    rest = [lane for lane in lanes if lane not in ("lane-actions", "lane-touchpoints", "lane-pain-points")]
    assert [lane.id for lane in window.document.index.lanes()] == ["lane-touchpoints", "lane-actions", "lane-pain-points",
                                                                   *rest]
    assert window.actions.undo.text() == "Undo Move 2 lanes"
