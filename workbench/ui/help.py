"""Help inside the application: the user guide (F1) and the keyboard shortcuts.

A facilitator in front of a room has no time to search the web, and may have
no network: the guide ships with the application (``resources/guide/``, one
HTML file per language, following the UI language) and opens in a non-modal
window that can stay beside the map.

The shortcut list is built from the window's actions each time it opens, so
it can never go stale when someone adds or changes a shortcut. Only the keys
the canvas handles itself (arrows, Tab, Enter, Space+drag...) are not actions;
they are listed here, in :func:`map_keys`, and nowhere else.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QFont, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from workbench.i18n import SUPPORTED, current_language
from workbench.resources import resource_path
from workbench.ui.findings import WrappingDelegate
from workbench.ui.window_layout import fit_to_screen

translate = QCoreApplication.translate
ANCHOR = Qt.ItemDataRole.UserRole
#: A section counts as being read once its heading is this close to the top (pixels).
SLACK = 8
_HEADING = re.compile(r"<h2 id=\"([\w-]+)\">(.*?)</h2>", re.DOTALL)
_TAG = re.compile(r"<[^>]+>")
#: From Qt.Key_Help on, keys are a keyboard's dedicated keys (Help, Back, Undo, Open, Save...).
DEDICATED_KEYS = Qt.Key.Key_Help.value


def guide_path(language: str | None = None) -> Path:
    """The guide in *language* (the UI's by default), or in English when there is none."""
    language = language or current_language()
    path = resource_path("guide", f"{language}.html")
    if language in SUPPORTED and path.is_file():
        return path
    return resource_path("guide", "en.html")


def guide_sections(text: str) -> list[tuple[str, str]]:
    """(anchor, title) of every section of a guide: its h2 headings with an id."""
    return [(anchor, " ".join(_TAG.sub("", title).split())) for anchor, title in _HEADING.findall(text)]


class GuideDialog(QDialog):
    """The user guide, with its table of contents beside it; not modal, so the map stays usable."""

    def __init__(self, parent: QWidget | None = None, language: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("user-guide")
        self.setWindowTitle(self.tr("Journey Workbench user guide"))
        self.setModal(False)
        self.path = guide_path(language)
        text = self.path.read_text(encoding="utf-8")
        self.contents = QListWidget()
        self.contents.setObjectName("guide-contents")
        self.contents.setAccessibleName(self.tr("Contents"))
        self.contents.setAccessibleDescription(self.tr("The sections of the guide; choose one to go to it"))
        for anchor, title in guide_sections(text):
            item = QListWidgetItem(title)
            item.setData(ANCHOR, anchor)
            self.contents.addItem(item)
        self.contents.setSpacing(2)
        self.contents.itemClicked.connect(self._go)
        self.contents.itemActivated.connect(self._go)
        self.browser = QTextBrowser()
        self.browser.setObjectName("guide-text")
        self.browser.setAccessibleName(self.tr("User guide"))
        self.browser.setOpenExternalLinks(True)
        self.browser.setSearchPaths([str(self.path.parent)])  # pictures, if a guide ever has some
        self.browser.setHtml(text)
        self.browser.verticalScrollBar().valueChanged.connect(self._follow)
        splitter = QSplitter()
        splitter.addWidget(self.contents)
        splitter.addWidget(self.browser)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([220, 640])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.resize(900, 640)
        fit_to_screen(self, move=False)  # (a projector's 1024x768 at 150 % had its Close button off the screen)

    def _go(self, item: QListWidgetItem) -> None:
        self.show_section(str(item.data(ANCHOR)))
        self.contents.setCurrentItem(item)  # the last sections cannot reach the top: the choice wins

    def show_section(self, anchor: str) -> None:
        """Scroll the guide so the section starts at the top."""
        self.browser.scrollToAnchor(anchor)

    def section_tops(self) -> dict[str, int]:
        """Where each anchor's block starts in the document, in pixels."""
        document = self.browser.document()
        layout = document.documentLayout()
        tops: dict[str, int] = {}
        block = document.begin()
        while block.isValid():
            iterator = block.begin()
            while not iterator.atEnd():
                for anchor in iterator.fragment().charFormat().anchorNames():
                    tops.setdefault(anchor, int(layout.blockBoundingRect(block).top()))
                iterator += 1
            block = block.next()
        return tops

    def _follow(self, value: int) -> None:
        """The contents show which section is being read, however the reader got there."""
        tops = self.section_tops()
        bar = self.browser.verticalScrollBar()
        # At the very end, the last headings never reach the top: the lowest one in view counts
        # (a last section shorter than half the view must count too).
        limit = value + (self.browser.viewport().height() - SLACK if value >= bar.maximum() > 0 else SLACK)
        row = 0
        for i in range(self.contents.count()):
            top = tops.get(str(self.contents.item(i).data(ANCHOR)))
            if top is not None and top <= limit:
                row = i
        if self.contents.currentRow() != row:
            self.contents.setCurrentRow(row)


def show_guide(window: QMainWindow) -> GuideDialog:
    """Open the guide, or bring it back to the front if it is already open."""
    dialog = window.findChild(GuideDialog, "user-guide")
    if dialog is None:
        dialog = GuideDialog(window)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog


# ------------------------------------------------------------------ shortcuts


def plain(text: str) -> str:
    """A menu text as a name: no accelerator "&" (a doubled "&&" is a real one), no trailing dots."""
    name = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return name.rstrip(".…").strip()


def keys_text(action: QAction) -> str:
    """The action's shortcuts as the platform writes them, but for a keyboard's dedicated keys.

    Standard bindings also list the "Undo", "Open" or "Help" keys some
    keyboards have; they are not something to learn, and they crowd the list.
    """
    native = QKeySequence.SequenceFormat.NativeText
    return ", ".join(s.toString(native) for s in action.shortcuts() if not s.isEmpty() and not _dedicated(s))


def _dedicated(sequence: QKeySequence) -> bool:
    return any(sequence[i].key().value >= DEDICATED_KEYS for i in range(sequence.count()))


def _menu_actions(menu: QMenu) -> list[QAction]:
    out: list[QAction] = []
    for action in menu.actions():
        if action.isSeparator():
            continue
        out.append(action)
        if action.menu() is not None:
            out += _menu_actions(action.menu())
    return out


def action_shortcuts(window: QMainWindow) -> list[tuple[str, list[tuple[str, str]]]]:
    """(group, [(name, keys)]) for every action of *window* that has a shortcut.

    Grouped by menu, in menu order; actions found only among the window's
    children (not in a menu) come last, under "Other".
    """
    groups: list[tuple[str, list[tuple[str, str]]]] = []
    seen: set[QAction] = set()
    for top in window.menuBar().actions():
        menu = top.menu()
        if menu is None:
            continue
        rows = []
        for action in _menu_actions(menu):
            if action in seen:
                continue
            seen.add(action)
            if keys_text(action):
                rows.append((plain(action.text()), keys_text(action)))
        if rows:
            groups.append((plain(menu.title()), rows))
    others = [(plain(a.text()), keys_text(a)) for a in window.findChildren(QAction) if a not in seen and keys_text(a)]
    if others:
        groups.append((translate("ShortcutsDialog", "Other"), others))
    return groups


def map_keys() -> list[tuple[str, list[tuple[str, str]]]]:
    """Keys the map and the Outline handle themselves (they are not actions, so nothing else lists them).

    As :func:`action_shortcuts`: (group, [(what it does, keys)]).
    """
    native = QKeySequence.SequenceFormat.NativeText

    def keys(*sequences: str) -> str:
        return " / ".join(QKeySequence(s).toString(native) for s in sequences)

    # translate(...) is spelt out with its context in each line, so lupdate finds every text.
    on_map = [
        (translate("ShortcutsDialog", "Go between stage and step headers, cards, faces and empty cells"),
         translate("ShortcutsDialog", "Arrow keys")),
        (translate("ShortcutsDialog", "Move the selected card to the next cell"),
         translate("ShortcutsDialog", "Ctrl + arrow keys")),
        (translate("ShortcutsDialog", "Move the selected step"),
         keys("Ctrl+Left", "Ctrl+Right")),
        (translate("ShortcutsDialog", "Raise or lower the selected emotion face"),
         keys("Ctrl+Up", "Ctrl+Down")),
        (translate("ShortcutsDialog", "Next or previous step; in a touchpoint's text, go on to its channel"),
         keys("Tab", "Shift+Tab")),
        (translate("ShortcutsDialog", "On a step: add the next step; on an empty cell: add a card of its lane (a neutral face in the emotions)"),
         keys("Enter")),
        (translate("ShortcutsDialog", "Edit the text of the selection (double-click does too)"),
         keys("F2")),
        (translate("ShortcutsDialog", "Open the menu of the selection (a right-click does too)"),
         keys("Shift+F10", "Menu")),
        (translate("ShortcutsDialog", "Break the line while editing a text"),
         keys("Shift+Enter")),
        (translate("ShortcutsDialog", "Cancel a drag, a link or handoff being drawn, or an edit"),
         keys("Escape")),
        (translate("ShortcutsDialog", "Pan the map (or drag with the middle button)"),
         translate("ShortcutsDialog", "Space + drag")),
        (translate("ShortcutsDialog", "Zoom in or out"),
         translate("ShortcutsDialog", "Ctrl + wheel")),
        (translate("ShortcutsDialog", "Scroll sideways"),
         translate("ShortcutsDialog", "Shift + wheel")),
        (translate("ShortcutsDialog", "On a palette item: add it where the selection is"),
         keys("Enter", "Space")),
    ]
    in_outline = [
        (translate("ShortcutsDialog", "Add after the current row"),
         keys("Insert")),
        (translate("ShortcutsDialog", "Add inside the current row"),
         keys("Alt+Insert")),
        (translate("ShortcutsDialog", "Edit the current row's text"),
         keys("F2", "Enter")),
        (translate("ShortcutsDialog", "Delete the current row's element"),
         keys("Delete")),
        (translate("ShortcutsDialog", "Move it up or down"),
         keys("Alt+Up", "Alt+Down")),
        (translate("ShortcutsDialog", "Move a card to the previous or next step"),
         keys("Alt+Left", "Alt+Right")),
        (translate("ShortcutsDialog", "Move a card to another lane"),
         keys("Alt+Shift+Up", "Alt+Shift+Down")),
    ]
    return [
        (translate("ShortcutsDialog", "On the map"), on_map),
        (translate("ShortcutsDialog", "In the Outline"), in_outline),
    ]


class ShortcutsDialog(QDialog):
    """Every shortcut of the window, read from its actions when the dialog opens."""

    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setObjectName("keyboard-shortcuts")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.tree = QTreeWidget()
        self.tree.setObjectName("shortcuts")
        self.tree.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.tree.setAccessibleDescription(self.tr("Each command or gesture and its keys, grouped by menu"))
        self.tree.setHeaderLabels([self.tr("Command"), self.tr("Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.setItemDelegate(WrappingDelegate(self.tree, columns=(0,)))
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.sectionResized.connect(lambda *args: self.tree.doItemsLayout())
        for title, rows in action_shortcuts(window) + map_keys():
            self._group(title, rows)
        self.tree.expandAll()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(buttons)
        layout.addLayout(row)
        self.resize(720, 660)
        fit_to_screen(self, move=False)

    def _group(self, title: str, rows: list[tuple[str, str]]) -> None:
        group = QTreeWidgetItem([title, ""])
        font = QFont(group.font(0))
        font.setBold(True)
        group.setFont(0, font)
        group.setFirstColumnSpanned(False)
        group.setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.tree.addTopLevelItem(group)
        for name, keys in rows:
            item = QTreeWidgetItem([name, keys])
            spoken = self.tr("{name}: {keys}").format(name=name, keys=keys)
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, spoken)
            group.addChild(item)

    def rows(self) -> list[tuple[str, str, str]]:
        """(group, name, keys) of every row shown."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            for j in range(group.childCount()):
                child = group.child(j)
                out.append((group.text(0), child.text(0), child.text(1)))
        return out


def show_shortcuts(window: QMainWindow) -> ShortcutsDialog:
    """Help > Keyboard Shortcuts: a fresh list each time, so it matches the actions as they are now."""
    old = window.findChild(ShortcutsDialog, "keyboard-shortcuts")
    if old is not None:
        old.close()  # deleted on close; the new one reads the actions again
    dialog = ShortcutsDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
