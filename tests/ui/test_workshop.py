"""Workshop mode on a laptop: the window fits the screen, the map keeps its place, presentation, the View menu."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from benchmarks.generate import journey_of
from tests.ui.helpers import open_window
from workbench import theme
from workbench.model.fileformat import save
from workbench.ui.main_window import MainWindow
from workbench.ui.window_layout import fit_to_screen

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def window(qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    window = open_window(qtbot, ROOT / "examples" / "banking-savings.journey")
    window.resize(1366, 740)
    qtbot.waitUntil(lambda: window.view.viewport().width() > 600)
    return window


def test_the_window_never_opens_larger_than_the_screen(window: MainWindow, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    laptop = QRect(0, 0, 1366, 728)  # 1366x768 less a 40-px task bar
    monkeypatch.setattr("workbench.ui.window_layout.available_area", lambda w: laptop)
    window.resize(1600, 1000)
    window.move(300, 200)
    fit_to_screen(window)
    assert laptop.contains(window.frameGeometry())
    assert window.minimumSizeHint().height() <= laptop.height()  # every part of the window can be seen


def test_a_window_not_shown_yet_leaves_room_for_its_title_bar(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from workbench.ui.main_window import MainWindow
    from workbench.ui.window_layout import DECORATION

    laptop = QRect(0, 0, 1366, 768)  # (the window took all 768 px, then the title bar pushed its status bar off)
    monkeypatch.setattr("workbench.ui.window_layout.available_area", lambda w: laptop)
    window = MainWindow()
    qtbot.addWidget(window)
    window.resize(1280, 800)
    fit_to_screen(window)
    assert window.height() <= laptop.height() - DECORATION[1] and DECORATION[1] >= 30
    assert window.y() + window.height() + DECORATION[1] <= laptop.bottom() + 1


def test_selecting_anything_leaves_the_map_where_it_is(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    view = window.view
    view.horizontalScrollBar().setValue(200)
    view.verticalScrollBar().setValue(100)
    before = (view.viewport().size(), view.horizontalScrollBar().value(), view.verticalScrollBar().value())
    scene = window.scene
    for ids in ([scene.layout.steps[1].id], [scene.layout.cards[0].id], [scene.layout.stages[0].id], []):
        scene.select_ids(ids)
        QTest.qWait(20)
        after = (view.viewport().size(), view.horizontalScrollBar().value(), view.verticalScrollBar().value())
        assert after == before, ids


def test_fit_shows_the_whole_map_even_at_a_thousand_steps(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "big.journey"
    save(journey_of(1000), path)
    window = open_window(qtbot, path)
    window.actions.fit.trigger()
    shown = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert shown.adjusted(-1, -1, 1, 1).contains(window.scene.sceneRect())
    window.actions.fit_width.trigger()
    shown = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert shown.left() <= 1 and shown.right() >= window.scene.sceneRect().right() - 1


def test_a_file_opens_at_its_top_left_corner(window: MainWindow) -> None:
    window.view.horizontalScrollBar().setValue(500)
    window.open_path(ROOT / "examples" / "retail-neighbourhood-bookshop.journey", ask=False)
    shown = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert shown.left() <= 1 and shown.top() <= 1 and window.view.zoom == 1.0


def test_a_window_opened_without_a_file_shows_the_blank_map_from_its_start(qtbot) -> None:  # type: ignore[no-untyped-def]
    """As `workbench` with no file on a laptop: the blank journey's first stage and first lane are in view
    (Qt showed the middle of the map, the first stage cut, the first lane scrolled away)."""
    window = MainWindow(defer=True)
    qtbot.addWidget(window, before_close_func=lambda w: (w.scene.commit_editors(), w.stack.setClean()))
    window.resize(1366, 728)
    window.show()
    qtbot.waitExposed(window)
    view, lay = window.view, window.scene.layout
    qtbot.waitUntil(lambda: view.viewport().width() > 600)
    assert view.horizontalScrollBar().maximum() > 0 and view.verticalScrollBar().maximum() > 0  # the map is bigger
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    first_stage, first_lane = lay.stages[0].rect, lay.lanes[0].row
    assert shown.left() <= first_stage.x and shown.top() <= first_stage.y
    assert shown.contains(QRectF(first_lane.x, first_lane.y, 200, first_lane.h))
    assert view.horizontalScrollBar().value() == 0 and view.verticalScrollBar().value() == 0


def test_f5_presents_stage_by_stage_and_escape_restores_the_window_exactly(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.view.set_zoom(0.8)
    window.view.horizontalScrollBar().setValue(120)
    geometry, state = window.geometry(), window.saveState()
    scroll = window.view.horizontalScrollBar().value()
    QTest.keyClick(window.view, Qt.Key.Key_F5)
    assert window.isFullScreen()
    assert not any(d.isVisible() for d in (window.palette_dock, window.inspector_dock, window.findings_dock))
    assert not window.menuBar().isVisible() and not window.statusBar().isVisible()
    lay = window.scene.layout
    first = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert first.left() < lay.stages[0].rect.x < first.right()
    QTest.keyClick(window.view, Qt.Key.Key_Right)
    second = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    stage = lay.stages[1].rect
    assert second.left() < stage.x and stage.right <= second.right() + 2  # the next stage fills the width
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    assert not window.isFullScreen()
    assert window.geometry() == geometry and window.saveState() == state
    assert window.view.zoom == pytest.approx(0.8) and window.view.horizontalScrollBar().value() == scroll
    assert window.palette_dock.isVisible() and window.menuBar().isVisible()


def test_in_presentation_text_typed_on_the_map_keeps_every_key(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Space went to the next slide and End did not reach the text: "Reads the reviews" + " online" became
    "online" (exploratory test, projector)."""
    QTest.keyClick(window.view, Qt.Key.Key_F5)
    step = window.scene.layout.steps[0].id
    title = window.document.get(step).title
    window.scene.select_ids([step])
    QTest.keyClick(window.view, Qt.Key.Key_F2)
    editor = window.scene.editor
    assert editor is not None
    viewport = window.view.viewport()
    for key in (Qt.Key.Key_End, Qt.Key.Key_Space):
        QTest.keyClick(viewport, key)
    QTest.keyClicks(viewport, "online")
    QTest.keyClick(viewport, Qt.Key.Key_Return)
    assert window.document.get(step).title == f"{title} online"
    QTest.keyClick(window.view, Qt.Key.Key_Space)  # the editor closed: the keys move the slides again
    assert window.presentation.stage == 1  # type: ignore[attr-defined]
    # A touchpoint's channel being typed keeps Page Down too (the slide moved, its field left floating).
    card = next(c for c in window.scene.layout.cards if c.kind == "touchpoint" and c.step in
                {s.id for s in window.document.steps() if s.stage == window.scene.layout.stages[1].id})
    window.scene.select_ids([card.id])
    QTest.keyClick(window.view, Qt.Key.Key_F2)
    QTest.keyClick(window.view, Qt.Key.Key_Tab)  # (on to its channel)
    assert window.scene.channel_editor is not None
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown)
    assert window.presentation.stage == 1 and window.scene.channel_editor is not None  # type: ignore[attr-defined]
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    assert not window.isFullScreen()


def test_f5_fits_the_first_stage_whole_and_again_when_full_screen_comes_late(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The slide was fitted to the window as it was when F5 was pressed: on X11 full screen comes after, and the
    map showed at its old zoom from the top left; and the scroll bar that zooming in brings cut the stage's end."""
    view, lay = window.view, window.scene.layout

    def shows_the_whole_stage(index: int) -> bool:
        seen = view.mapToScene(view.viewport().rect()).boundingRect()
        stage = lay.stages[index].rect
        titles = window.scene.title_block().width()
        return seen.left() < stage.x and stage.right <= seen.right() and seen.width() < stage.w + titles + 80

    QTest.keyClick(view, Qt.Key.Key_F5)
    qtbot.waitUntil(lambda: shows_the_whole_stage(0))
    window.resize(window.width() - 300, window.height() - 100)  # as the window manager's answer to full screen
    qtbot.waitUntil(lambda: shows_the_whole_stage(0))
    QTest.keyClick(view, Qt.Key.Key_End)
    assert shows_the_whole_stage(len(lay.stages) - 1)
    QTest.keyClick(view, Qt.Key.Key_Escape)


def test_a_slide_shows_nothing_of_the_stage_before_it(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The edges of the stage, steps and cards before the slide's showed as a stray line between the lane titles
    and the stage (found by an exploratory test)."""
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QColor

    view, lay = window.view, window.scene.layout
    QTest.keyClick(view, Qt.Key.Key_F5)
    QTest.keyClick(view, Qt.Key.Key_End)
    QTest.keyClick(view, Qt.Key.Key_Left)  # a stage in the middle: one before it, one after
    index = len(lay.stages) - 2
    stage = lay.stages[index].rect
    QTest.qWait(50)
    picture = view.viewport().grab().toImage()
    start = view.mapFromScene(QPointF(stage.x, stage.y))
    bottom = view.mapFromScene(QPointF(stage.x, stage.bottom)).y()
    assert start.x() > 100  # the lane titles at the left
    assert QColor(picture.pixel(start.x() + 5, (start.y() + bottom) // 2)).lightness() < 100  # the slide's stage bar
    drawn = [x for x in range(start.x() - 2) for y in range(start.y() + 2, bottom - 2)  # (its own edge: antialiased)
             if QColor(picture.pixel(x, y)).lightness() < 200]
    assert drawn == []  # ...and nothing of the stage before it
    QTest.keyClick(view, Qt.Key.Key_Escape)


def test_every_dock_is_in_the_view_menu_and_reset_layout_brings_them_back(window: MainWindow) -> None:
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    listed = set(view_menu.actions())
    for dock in (window.palette_dock, window.inspector_dock, window.findings_dock, window.outline_dock):
        assert dock.toggleViewAction() in listed
        dock.toggleViewAction().trigger()
        assert not dock.isVisible()
    window.actions.reset_layout.trigger()
    assert all(d.isVisible() for d in (window.palette_dock, window.inspector_dock, window.findings_dock, window.outline_dock))


def test_the_compact_palette_is_an_icon_strip_with_tooltips(window: MainWindow) -> None:
    window.actions.compact.trigger()
    palette = window.palette
    assert palette.width() <= 56
    assert all(palette.item(r).text() == "" and palette.item(r).toolTip() for r in range(palette.count()))
    window.actions.compact.trigger()
    assert palette.item(0).text() == "Step"


def test_the_inspector_collapses_with_a_shortcut(window: MainWindow) -> None:
    assert window.inspector_dock.isVisible()
    QTest.keyClick(window.view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert not window.inspector_dock.isVisible()
    QTest.keyClick(window.view, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.inspector_dock.isVisible()


def test_projector_contrast_darkens_the_map_and_comes_back(window: MainWindow) -> None:
    before = theme.GRID
    window.actions.contrast.trigger()
    try:
        assert theme.current == "projector" and theme.GRID != before
        with theme.using("standard"):
            assert theme.GRID == before  # what a PDF is drawn with
        assert theme.current == "projector"
    finally:
        window.actions.contrast.trigger()
    assert theme.GRID == before


def test_with_compact_docks_the_map_has_most_of_a_laptop_window(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.actions.reset_layout.trigger()
    window.actions.compact.trigger()
    qtbot.waitUntil(lambda: window.palette.width() <= 56)
    QTest.qWait(50)
    assert window.view.width() >= 0.70 * window.width(), (window.view.width(), window.width())


def test_ctrl_shift_o_brings_the_outline_forward_with_the_keyboard_in_it(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    window.outline_dock.hide()
    assert not window.outline.isVisible()
    QTest.keyClick(window.view, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.outline.isVisible())
    assert window.outline.hasFocus()


def test_ctrl_shift_i_brings_the_inspector_forward_with_the_keyboard_in_it(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """It hid the Inspector, and pressed again left it behind the Outline's tab (exploratory test)."""
    ctrl_shift = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    window.scene.select_ids([window.document.steps()[0].id])
    window.tabifyDockWidget(window.outline_dock, window.inspector_dock)
    QTest.keyClick(window.view, Qt.Key.Key_O, ctrl_shift)  # the Outline in front, the Inspector behind its tab
    qtbot.waitUntil(lambda: window.inspector_dock.visibleRegion().isEmpty())
    for _ in range(2):  # from behind a tab, then from hidden (a press with it in sight hides it, as a workshop wants)
        QTest.keyClick(QApplication.focusWidget() or window.view, Qt.Key.Key_I, ctrl_shift)
        qtbot.waitUntil(lambda: not window.inspector_dock.visibleRegion().isEmpty())
        focus = QApplication.focusWidget()
        assert focus is not None and window.inspector.isAncestorOf(focus)
        QTest.keyClick(focus, Qt.Key.Key_I, ctrl_shift)
        qtbot.waitUntil(lambda: not window.inspector_dock.isVisible())


def test_f6_goes_from_the_map_through_every_panel_and_back(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    """The Palette had no way in from the keyboard, nor the Outline a way back to the map (exploratory test)."""
    window.view.setFocus()
    visited = []
    for _ in range(5):
        QTest.keyClick(QApplication.focusWidget() or window.view, Qt.Key.Key_F6)
        focus = QApplication.focusWidget()
        owner = next((name for name, widget in (("outline", window.outline), ("inspector", window.inspector),
                                                 ("palette", window.palette), ("findings", window.findings))
                      if focus is not None and (focus is widget or widget.isAncestorOf(focus))), None)
        visited.append(owner or ("map" if focus is window.view else repr(focus)))
    assert visited == ["outline", "inspector", "palette", "findings", "map"]
    QTest.keyClick(window.view, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)  # and back the other way
    assert window.findings.isAncestorOf(QApplication.focusWidget()) or QApplication.focusWidget() is window.findings


def test_closing_in_presentation_remembers_the_normal_window(window: MainWindow, qtbot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    QTest.keyClick(window.view, Qt.Key.Key_F5)
    assert window.isFullScreen()
    window.close()
    assert not window.isFullScreen() and window.palette_dock.isVisibleTo(window)
    assert QSettings().value("window/state") == window.saveState()


def test_deliverables_keep_the_standard_colours_under_projector_contrast(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from workbench.export.pdf import PdfOptions, render_pdf
    from workbench.ui import image_export

    seen: list[str] = []
    monkeypatch.setattr(image_export, "draw_map", lambda *a, **k: seen.append(theme.current))
    monkeypatch.setattr("workbench.export.pdf._render_pdf", lambda *args: seen.append(theme.current) or (b"", None))
    theme.use("projector")
    try:
        image_export.export_png(journey_of(3), tmp_path / "map.png")
        render_pdf(journey_of(3), PdfOptions())
        assert theme.current == "projector"
    finally:
        theme.use("standard")
    assert seen == ["standard", "standard"]


def test_in_presentation_the_selected_step_is_highlighted_for_the_room(window: MainWindow) -> None:
    step = window.scene.layout.steps[2]
    window.scene.select_ids([step.id])
    QTest.keyClick(window.view, Qt.Key.Key_F5)
    spot = window.presentation.spotlight
    assert spot is not None and spot.isVisible()
    assert spot.rect().contains(step.column.x + 1, step.column.y + 1)
    other = window.scene.layout.steps[3]
    window.scene.select_ids([other.id])
    assert spot.rect().contains(other.column.x + 1, other.column.y + 1)
    QTest.keyClick(window.view, Qt.Key.Key_Escape)
    assert window.presentation.spotlight is None
    assert not [i for i in window.scene.items() if type(i).__name__ == "Spotlight"]


def test_every_large_dialog_fits_a_projector_screen(window: MainWindow, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A 1024x768 projector at 150 % leaves 683x512 points: New, the guide, the shortcuts and the welcome page
    opened larger, with their OK, Cancel or Close buttons off the screen (exploratory test, projector)."""
    from workbench.ui.help import GuideDialog, ShortcutsDialog
    from workbench.ui.new_dialog import NewJourneyDialog
    from workbench.ui.welcome import WelcomeDialog

    projector = QRect(0, 0, 683, 512)
    monkeypatch.setattr("workbench.ui.window_layout.available_area", lambda w: projector)
    projector = QRect(0, 32, 683, 512)  # (under a top bar: a dialog moved there opened at that corner)
    for make in (lambda: NewJourneyDialog(window), lambda: GuideDialog(window), lambda: ShortcutsDialog(window),
                 lambda: WelcomeDialog(window), lambda: _recovery_dialog(window)):
        dialog = make()
        qtbot.addWidget(dialog)
        assert not dialog.testAttribute(Qt.WidgetAttribute.WA_Moved), type(dialog).__name__  # Qt centres it
        assert dialog.width() <= projector.width() and dialog.height() <= projector.height(), type(dialog).__name__
        assert dialog.minimumSizeHint().width() <= projector.width(), type(dialog).__name__
        assert dialog.minimumSizeHint().height() <= projector.height(), type(dialog).__name__


@pytest.mark.parametrize("language", ["en", "fr"])
def test_the_findings_panel_leaves_a_projector_room(qtbot, language: str) -> None:  # type: ignore[no-untyped-def]
    """Its one row of counts, filters and conditions made the window at least 690 points wide in English and 870
    in French: more than a 1024x768 projector at 150 % (683 points) could show (exploratory test, projector)."""
    from tests.ui.helpers import speaking
    from workbench.ui.findings import FindingsPanel

    with speaking(language):
        panel = FindingsPanel()
        qtbot.addWidget(panel)
        assert panel.minimumSizeHint().width() <= 600, panel.minimumSizeHint().width()


def _recovery_dialog(window: MainWindow):  # type: ignore[no-untyped-def]
    from workbench.ui.recovery_dialog import RecoveryDialog

    return RecoveryDialog([], lambda copy, loaded: None, window)


def test_the_findings_conditions_list_shows_its_names_whole_when_there_is_room(qtbot) -> None:  # type: ignore[no-untyped-def]
    """Fixed at 14 letters, it cut every condition's name at any width (review)."""
    from workbench.ui.findings import FindingsPanel

    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.resize(1100, 200)
    panel.show()
    qtbot.waitExposed(panel)
    combo = panel.condition
    widest = max(combo.fontMetrics().horizontalAdvance(combo.itemText(i)) for i in range(combo.count()))
    assert combo.width() > widest
    combo.setCurrentIndex(2)
    assert combo.toolTip() == combo.currentText()
