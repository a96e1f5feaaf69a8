"""The one-click fixes of the Findings dock: a button beside the finding, and the row's menu.

The fixes themselves are in :mod:`workbench.model.fixes` (no Qt): here they
become a button (with a menu when there are several, the first applied by a
click on the button itself) and the actions of a right-click menu. A fix
that asks which (link a dead end to which step) is a submenu of the steps,
filled when it opens, so a map of a thousand steps costs nothing until then.
The panel applies what is chosen (:meth:`FindingsPanel.apply_fix`).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QPoint, QSize, Qt, Signal
from PySide6.QtGui import QAction, QResizeEvent, QUndoStack
from PySide6.QtWidgets import QMenu, QToolButton, QTreeWidgetItem, QWidget

from workbench.model.errors import EditError
from workbench.model.analysis import Finding
from workbench.model.fixes import Fix, fixes_for
from workbench.ui.commands import perform
from workbench.ui import messages

#: The narrowest a fix button gets before its text no longer shrinks (in average characters).
NARROWEST = 12


def menu_text(text: str) -> str:
    """*text* as a menu or button shows it: an "&" is a letter, not a shortcut mark."""
    return text.replace("&", "&&")


def add_fixes(menu: QMenu, fixes: list[Fix], chosen: Callable[[Fix], None], name: str = "fix") -> None:
    """One action per fix (objectName ``fix-0``, ``fix-1``...), a submenu for a fix with choices."""
    for number, fix in enumerate(fixes):
        if fix.choices:
            sub = menu.addMenu(menu_text(fix.text))
            sub.setObjectName(f"{name}-{number}")
            sub.menuAction().setObjectName(f"{name}-{number}-menu")
            sub.aboutToShow.connect(lambda sub=sub, fix=fix, number=number: _fill(sub, fix, chosen, f"{name}-{number}"))
            continue
        action = QAction(menu_text(fix.text), menu)
        action.setObjectName(f"{name}-{number}")
        action.setToolTip(fix.label)
        action.triggered.connect(lambda checked=False, fix=fix: chosen(fix))
        menu.addAction(action)


def _fill(sub: QMenu, fix: Fix, chosen: Callable[[Fix], None], name: str) -> None:
    if not sub.isEmpty():
        return
    add_fixes(sub, list(fix.choices), chosen, name)


def finding_menu(
    parent: QWidget,
    fixes: list[Fix],
    chosen: Callable[[Fix], None],
    elements: tuple[str, ...],
    select: Callable[[list[str]], None],
) -> QMenu:
    """A finding's right-click menu: its fixes (or why there are none), then selecting what it concerns."""
    translate = QCoreApplication.translate
    menu = QMenu(parent)
    menu.setObjectName("finding-menu")
    add_fixes(menu, fixes, chosen)
    if not fixes:
        none = menu.addAction(translate("FindingsPanel", "No one-click fix for this finding"))
        none.setObjectName("fix-none")
        none.setEnabled(False)
    if elements:
        menu.addSeparator()
        action = QAction(translate("FindingsPanel", "Select the elements concerned"), menu)
        action.setObjectName("finding-select")
        action.triggered.connect(lambda: select(list(elements)))
        menu.addAction(action)
    return menu


def window_stack(widget: QWidget) -> QUndoStack | None:
    """The undo stack of the window holding *widget* (its ``stack``); a floating dock keeps its window as parent."""
    parent = widget.parentWidget()
    while parent is not None:
        stack = getattr(parent, "stack", None)
        if isinstance(stack, QUndoStack):
            return stack
        parent = parent.parentWidget()
    return None


class FixButton(QToolButton):
    """The fixes of the finding being read: the first on the button, all of them in its menu.

    A label can be long (it quotes a step or a handoff); the button asks for
    room for all of it, and when the pane is narrower its text is shortened
    with an ellipsis rather than widening the dock (the tooltip has it whole).
    """

    #: A fix the user chose (an edit to perform, or elements to select).
    chosen = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("finding-fix")
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setAccessibleDescription(self.tr("Apply a fix to this finding; it can be undone"))
        self.fixes: list[Fix] = []
        #: The whole text, and the part of it shown.
        self.label = ""
        self._shown = ""
        self._whole = QSize()
        self._chrome = 0
        self.clicked.connect(self._clicked)
        # Its row is kept while it is hidden: a finding with a fix read after one without grew the dock, and
        # the map above it moved (found by an exploratory test; README: selecting never moves the map).
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        self.hide()

    def show_fixes(self, fixes: list[Fix]) -> None:
        self.fixes = list(fixes)
        old = self.menu()
        self.setMenu(None)  # type: ignore[arg-type]
        if old is not None:
            old.deleteLater()
        if not fixes:
            self.hide()
            return
        first = fixes[0]
        if len(fixes) > 1 or first.choices:
            menu = QMenu(self)
            menu.setObjectName("finding-fix-menu")
            add_fixes(menu, fixes, self.chosen.emit)
            self.setMenu(menu)
        tip = first.label
        if first.choices:
            # Nothing to do at once: the button only opens the menu.
            self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
            self._set_label(self.tr("Fix…"))
        else:
            # The arrow beside the button only when a menu holds more fixes.
            self.setPopupMode(
                QToolButton.ToolButtonPopupMode.MenuButtonPopup if len(fixes) > 1 else QToolButton.ToolButtonPopupMode.DelayedPopup
            )
            self._set_label(first.label)
            if len(fixes) > 1:
                tip += "\n" + self.tr("More fixes in the menu beside it")
        self.setToolTip(messages.plain_tip(tip))
        self.setAccessibleName(first.label)
        self.show()

    def _set_label(self, text: str) -> None:
        self.label = text
        self._shown = text
        self.setText(menu_text(text))
        # Measured once, with the whole text: the size it asks for, and what is not text.
        self._whole = super().sizeHint()
        self._chrome = self._whole.width() - self.fontMetrics().horizontalAdvance(text)
        self.updateGeometry()
        self._fit()

    def sizeHint(self) -> QSize:
        """Room for the whole label, whatever part of it is shown."""
        return QSize(self._whole) if self.label else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        hint = self.sizeHint()
        return QSize(min(hint.width(), self._chrome + NARROWEST * self.fontMetrics().averageCharWidth()), hint.height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if not self.label or self.width() >= self._whole.width():
            shown = self.label
        else:
            shown = self.fontMetrics().elidedText(self.label, Qt.TextElideMode.ElideRight, max(self.width() - self._chrome, 0))
        if shown != self._shown:
            self._shown = shown
            self.setText(menu_text(shown))

    def _clicked(self) -> None:
        if self.fixes and not self.fixes[0].choices:
            self.chosen.emit(self.fixes[0])


class FixesMixin:
    """What the findings of :class:`~workbench.ui.findings.FindingsPanel` offer, and doing it.

    Uses the panel's ``document``, ``report``, ``tree``, ``activated`` and ``is_current()``.
    """


    def set_undo_stack(self, stack: QUndoStack) -> None:
        """Where the fixes are recorded, one undo step each."""
        self._stack = stack

    def undo_stack(self) -> QUndoStack | None:
        """The stack set, else the one of the window holding the panel."""
        return self._stack if self._stack is not None else window_stack(self)

    def fixes(self, finding: Finding) -> list[Fix]:
        """What *finding* offers, if the findings shown are those of the journey as it is now.

        Edits need an undo stack to be recorded on; without one only the
        fixes that select are offered.
        """
        if self.document is None or not self.is_current():
            return []
        offered = fixes_for(finding, self.document)
        if self.undo_stack() is None:
            offered = [fix for fix in offered if fix.select]
        return offered

    def apply_fix(self, fix: Fix) -> bool:
        """Perform *fix* as one undo step named after it (or select its elements); False if nothing was done."""
        document, stack = self.document, self.undo_stack()
        if document is None:
            return False
        if fix.select:
            self.activated.emit(list(fix.select))
            return True
        if fix.perform is None or stack is None:
            return False
        try:
            return perform(stack, document, fix.label, lambda: fix.apply(document))
        except EditError as error:
            messages.warning(self, QCoreApplication.translate("FindingsPanel", "Cannot apply the fix"), str(error))
            return False

    def row_menu(self, item: QTreeWidgetItem) -> QMenu:
        """The right-click menu of a row: its fixes, then selecting what it concerns."""
        assert self.report is not None
        finding = self.report.findings[self.tree.indexOfTopLevelItem(item)]
        return finding_menu(self, self.fixes(finding), self.apply_fix, finding.elements, self.activated.emit)

    def _context_menu(self, pos: QPoint) -> None:
        item = self.tree.itemAt(pos)
        if item is None or item.isHidden() or self.report is None:
            return
        self.tree.setCurrentItem(item)  # the row the menu is about is the one read beside it
        menu = self.row_menu(item)
        menu.exec(self.tree.viewport().mapToGlobal(pos))
        menu.deleteLater()
