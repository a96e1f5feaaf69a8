"""The inspector fits its dock: no row runs past its right edge, in English or in French (whose labels are
longer); a long checkbox label wraps, and a click anywhere on it ticks it."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.helpers import open_window
from workbench.ui.main_window import MainWindow
from workbench.ui.translator import install_translators
from workbench.ui.wrapping_check import WrappingCheckBox

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(params=["en", "fr"])
def window(request, qtbot) -> MainWindow:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    translators = install_translators(app, request.param) if request.param != "en" else []
    request.addfinalizer(lambda: [app.removeTranslator(t) for t in translators])
    window = open_window(qtbot, ROOT / "examples" / "banking-savings.journey")
    window.resize(1366, 728)  # a workshop laptop's screen
    qtbot.waitUntil(lambda: window.inspector_dock.width() > 0)
    return window


def overflowing(window: MainWindow) -> list[str]:
    """The inspector's shown widgets cut on the right: past what its dock shows, or squeezed below their
    least width (a layout too narrow for them cuts their text), and the inspector itself if it needs more."""
    QApplication.processEvents()
    area = window.inspector.parentWidget().parentWidget()
    right = area.viewport().mapToGlobal(QPoint(area.viewport().width(), 0)).x()
    out = []
    if window.inspector.minimumSizeHint().width() > area.viewport().width():
        out.append(f"the inspector needs {window.inspector.minimumSizeHint().width()} px")
    for child in window.inspector.findChildren(QWidget):
        if not child.isVisible():
            continue
        least = max(child.minimumSize().width(), child.minimumSizeHint().width())
        if child.mapToGlobal(QPoint(child.width(), 0)).x() > right + 1 or child.width() < least:
            out.append(f"{child.objectName() or type(child).__name__}: {getattr(child, 'text', lambda: '')()}")
    return out


def test_no_row_of_a_step_a_handoff_or_a_card_runs_past_the_dock(window: MainWindow) -> None:
    lay = window.scene.layout
    step = lay.steps[0].id
    handoff = next(iter(lay.handoff_routes))
    card = next(c.id for c in window.document.journey.cards if c.kind == "touchpoint")
    assert window.inspector_dock.width() < 340  # the dock as it opens: narrower than the rows' labels and fields side by side
    for element_id in (step, handoff, card):
        window.scene.select_ids([element_id])
        assert window.inspector.element_id == element_id
        assert overflowing(window) == [], element_id


def test_a_long_checkbox_label_wraps_and_a_click_on_its_last_line_ticks_it(window: MainWindow) -> None:
    step = window.scene.layout.steps[0].id
    window.scene.select_ids([step])
    QApplication.processEvents()
    box = window.inspector.findChild(WrappingCheckBox, "data_reentered")
    assert box is not None and box.isVisible()
    assert box.text() == window.inspector.tr("The customer re-enters earlier data here")
    one_line = box.fontMetrics().height()
    if box.fontMetrics().horizontalAdvance(box.text()) > box.width():  # (the dock is narrower than the label)
        assert box.height() >= 2 * one_line  # wrapped: every word shown
    was = window.document.get(step).data_reentered
    QTest.mouseClick(box, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, QPoint(box.width() // 2, box.height() - 3))
    assert window.document.get(step).data_reentered is (not was)
    assert window.stack.count() == 1


def test_a_card_of_a_persona_with_a_long_name_fits_too(window: MainWindow) -> None:
    """A card's persona boxes are named after the personas: a long name wraps, the rows stay whole."""
    persona = window.document.personas()[-1]
    window.document.update(persona.id, name="Marie-Christine de La Tour-Dupont, directrice administrative et financière")
    card = next(c.id for c in window.document.journey.cards if c.kind == "touchpoint")
    window.scene.select_ids([card])
    assert window.inspector.element_id == card
    assert overflowing(window) == []
    box = window.inspector.findChild(WrappingCheckBox, f"card-persona-{persona.id}")
    assert box is not None and "Marie-Christine" in box.text() and box.height() >= 2 * box.fontMetrics().height()
