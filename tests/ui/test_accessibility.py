"""What assistive technology and keyboard users get: named and described fields,
Tab through the inspector in screen order, named findings, described actions.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAccessible, QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QToolBar,
    QWidget,
)

from tests.ui.helpers import open_window
from tests.ui.test_canvas import small_journey
from workbench.model.fileformat import save
from workbench.model.journey import Handoff
from workbench.ui.findings import ELEMENTS
from workbench.ui.main_window import MainWindow

INPUTS = (QLineEdit, QPlainTextEdit, QComboBox, QAbstractSpinBox, QAbstractButton, QAbstractItemView)
#: what the inspector shows -> the first field a user would tab from
SELECTIONS = {
    "nothing": (None, "title"),
    "step": ("step-3", "title"),
    "touchpoint card": ("card-app", "text"),
    "thought card": ("card-think", "text"),
    "handoff": ("handoff-x", "trigger"),
    "stage": ("stage-a", "title"),
    "link": ("link-back", "label"),
}


@pytest.fixture
def window(qtbot, tmp_path: Path) -> MainWindow:  # type: ignore[no-untyped-def]
    journey = small_journey()
    handoff = Handoff(id="handoff-x", source="card-app", target="card-advisor")
    journey = journey.model_copy(update={"handoffs": [handoff]})
    path = tmp_path / "a11y.journey"
    save(journey, path)
    return open_window(qtbot, path)


def show(window: MainWindow, element_id: str | None) -> None:
    if element_id is None:
        window.scene.clearSelection()
    else:
        window.scene.select_ids([element_id])
    assert window.inspector.element_id == element_id


def input_widgets(root: QWidget) -> list[QWidget]:
    """Every input a user reaches in *root*, not the parts inside one (a spin box's line edit)."""
    def inside_another(widget: QWidget) -> bool:
        parent = widget.parentWidget()
        while parent is not None and parent is not root:
            if isinstance(parent, INPUTS):
                return True
            parent = parent.parentWidget()
        return False

    return [w for w in root.findChildren(QWidget) if isinstance(w, INPUTS) and not inside_another(w)]


def top_left(widget: QWidget, root: QWidget) -> tuple[int, int]:
    at = widget.mapTo(root, QPoint(0, 0))
    return at.y(), at.x()


@pytest.mark.parametrize("what", list(SELECTIONS))
def test_every_inspector_field_has_an_accessible_name_and_description(window: MainWindow, what: str) -> None:
    show(window, SELECTIONS[what][0])
    fields = input_widgets(window.inspector)
    assert fields
    for widget in fields:
        label = f"{what}: {type(widget).__name__} {widget.objectName()!r}"
        assert widget.accessibleName().strip(), label
        assert widget.accessibleDescription().strip(), label
        assert widget.accessibleDescription() != widget.accessibleName(), label
        interface = QAccessible.queryAccessibleInterface(widget)
        assert interface is not None and interface.text(QAccessible.Text.Description) == widget.accessibleDescription()


def test_field_names_are_their_labels(window: MainWindow) -> None:
    show(window, "step-3")
    inspector = window.inspector
    assert inspector.findChild(QLineEdit, "feeling.note").accessibleName() == "Emotion note"
    assert inspector.findChild(QComboBox, "feeling.value").accessibleName() == "Emotion"
    link_to = inspector.findChild(QAbstractButton, "link-to")
    assert link_to.accessibleName() == "Link to..." and "another step" in link_to.accessibleDescription()
    show(window, None)
    cliff = inspector.findChild(QAbstractSpinBox, "checks-cliff")
    assert cliff.accessibleName() == "Emotion cliff" and "cliff" in cliff.accessibleDescription()


@pytest.mark.parametrize("what", ["nothing", "step", "touchpoint card", "handoff", "link"])
def test_tab_visits_the_inspector_fields_top_to_bottom(qtbot, window: MainWindow, what: str) -> None:
    element_id, first_name = SELECTIONS[what]
    show(window, element_id)
    inspector = window.inspector
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=2000)
    before = window.document.journey
    first = inspector.findChild(QWidget, first_name)
    first.setFocus()
    qtbot.waitUntil(first.hasFocus, timeout=1000)
    visited = [first]
    for _ in range(60):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        now = QApplication.focusWidget()
        if now is None or not inspector.isAncestorOf(now) or now in visited:
            break
        visited.append(now)
    enabled = [w for w in input_widgets(inspector) if w.isEnabled() and w.isVisible()]
    assert set(visited) == set(enabled), [w.objectName() for w in visited]  # Tab reaches every field
    positions = [top_left(w, inspector) for w in visited]
    assert positions == sorted(positions), [w.objectName() for w in visited]
    assert len(set(positions)) == len(positions)
    assert window.document.journey == before  # Tab left the text fields; it typed nothing


def test_the_findings_list_and_each_finding_are_named(qtbot, window: MainWindow) -> None:
    with qtbot.waitSignal(window.findings.updated, timeout=5000):
        window.findings.run()  # the check runs off the UI thread: wait for its result to be shown
    report = window.findings.report
    assert report is not None and report.findings
    tree = window.findings.tree
    assert tree.accessibleName() == "Findings"
    assert tree.accessibleDescription()
    assert tree.topLevelItemCount() == len(report.findings)
    for i, finding in enumerate(report.findings):
        item = tree.topLevelItem(i)
        assert item.data(0, Qt.ItemDataRole.AccessibleTextRole) == finding.message
        description = item.data(0, Qt.ItemDataRole.AccessibleDescriptionRole)
        assert description.startswith({"error": "Error", "warning": "Warning", "info": "Note"}[finding.severity])
        assert item.data(1, Qt.ItemDataRole.AccessibleTextRole)
        assert list(item.data(0, ELEMENTS)) == list(finding.elements)


def all_menu_actions(menu: QMenu) -> list[QAction]:
    out = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        out.append(action)
        if action.menu() is not None:
            out += all_menu_actions(action.menu())
    return out


def test_every_toolbar_and_menu_action_has_text_and_tips(qtbot, window: MainWindow) -> None:
    toolbar = window.findChild(QToolBar, "main-toolbar")
    assert toolbar.accessibleName() == "Main toolbar"
    shown = [a for a in toolbar.actions() if not a.isSeparator()]
    assert len(shown) >= 8
    for action in shown:
        plain = action.text().replace("&", "")
        assert plain.strip(), action
        assert action.toolTip().strip() and action.toolTip() != plain, plain  # a tip, not just the name again
        assert action.statusTip().strip(), plain
        button = toolbar.widgetForAction(action)
        assert QAccessible.queryAccessibleInterface(button).text(QAccessible.Text.Name), plain
    assert window.actions.save.toolTip() == "Save the journey (Ctrl+S)"

    recent = window.actions.recent_menu.actions()
    assert [a.statusTip() for a in recent] == [f"Open {path}" for path in window.recent_files()] != []
    actions = [a for menu in window.menuBar().actions() for a in all_menu_actions(menu.menu())]
    assert set(recent) <= set(actions)
    for action in actions:
        assert action.text().replace("&", "").strip(), action
        assert action.statusTip().strip(), action.text()
        assert action.toolTip().strip(), action.text()


def test_undo_says_what_it_undoes_on_hover(qtbot, window: MainWindow) -> None:
    window.scene.select_ids(["step-1"])
    window.inspector.step_links.add("step-1", "step-3")
    assert window.actions.undo.toolTip() == "Undo Add link (Ctrl+Z)"
    window.actions.undo.trigger()
    assert window.actions.redo.toolTip().startswith("Redo Add link")
    assert window.actions.undo.toolTip() == "Undo (Ctrl+Z)"


@pytest.mark.parametrize("language", ["en", "fr"])
def test_each_menu_gives_each_of_its_items_its_own_access_key(qtbot, language: str) -> None:  # type: ignore[no-untyped-def]
    """Alt+letter reaches one item: two items of a menu with the same letter need it pressed twice."""
    import re
    from collections import defaultdict

    from PySide6.QtWidgets import QApplication, QMenu

    from workbench.ui.translator import install_translators

    app = QApplication.instance()
    translators = install_translators(app, language) if language != "en" else []
    try:
        window = MainWindow()
        qtbot.addWidget(window)
        menus: list[tuple[str, QMenu]] = [(a.text(), a.menu()) for a in window.menuBar().actions() if a.menu()]
        bar: dict[str, list[str]] = defaultdict(list)
        for text, _ in menus:
            bar[re.search(r"&(\w)", text).group(1).lower()].append(text)  # type: ignore[union-attr]
        clashes = {k: v for k, v in bar.items() if len(v) > 1}
        while menus:
            name, menu = menus.pop()
            keys: dict[str, list[str]] = defaultdict(list)
            for action in menu.actions():
                found = re.search(r"&(\w)", action.text().replace("&&", ""))
                if found:
                    keys[found.group(1).lower()].append(action.text())
                if action.menu() is not None:
                    menus.append((action.text(), action.menu()))
            clashes.update({f"{name}: {k}": v for k, v in keys.items() if len(v) > 1})
        assert clashes == {}
    finally:
        for translator in translators:
            app.removeTranslator(translator)
