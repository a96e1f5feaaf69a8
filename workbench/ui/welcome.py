"""The welcome page: the first thing a new user sees, and a quick way back in.

An empty window with an "Untitled journey" says nothing about where to
begin. Started without a file, the application offers the ways in at once: a
sector template or a blank map in one click, a file, an example, and (once
there are some) the journeys used recently. It shows at every start without a
file until the user unticks "Show this page at start-up"; Help > Welcome Page
brings it back.

Examples open as untitled copies: a facilitator who edits one in a workshop
must not overwrite the reference, and Save then asks where to keep the work.
When the ``examples/`` folder is not installed (a wheel ships only the
package and its resources), the shipped templates are listed instead.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTimer
from PySide6.QtGui import QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

import workbench
from workbench.i18n import current_language
from workbench.model.errors import LoadError
from workbench.model.fileformat import load_file
from workbench.model.journey import Journey
from workbench.model.templates import TEMPLATE_SECTORS, blank, sector_name, template
from workbench.resources import resource_path
from workbench.ui import messages
from workbench.ui.window_layout import fit_to_screen

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow

translate = QCoreApplication.translate
#: QSettings key: False once the user asked not to see the page at start-up.
SHOW_KEY = "welcome/show-at-start"
OPEN = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Example:
    """A journey to look at: a file, or a shipped template when no example is installed."""

    title: str
    path: Path | None = None
    sector: str | None = None
    counter: bool = False
    language: str | None = None
    """The journey's language (None: a template, made in the user's)."""

    def journey(self) -> Journey:
        if self.path is not None:
            return load_file(self.path).journey
        return template(self.sector or "other", current_language())


def examples_folder() -> Path | None:
    """``examples/`` beside the package (a checkout, an editable install) or in the resources, if any."""
    for folder in (Path(workbench.__file__).resolve().parent.parent / "examples", resource_path("examples")):
        if folder.is_dir() and any(folder.glob("*.journey")):
            return folder
    return None


def examples(language: str | None = None) -> list[Example]:
    """The finished examples, then the counter-examples, those in *language* (by default the user's) first;
    the templates if no example is installed."""
    folder = examples_folder()
    if folder is None:
        return [Example(title=sector_name(s), sector=s) for s in TEMPLATE_SECTORS]
    found = []
    for counter, paths in ((False, folder.glob("*.journey")), (True, folder.glob("counter-examples/*.journey"))):
        for path in sorted(paths):
            try:
                journey = load_file(path).journey
            except LoadError:
                continue  # a broken example is not an invitation
            found.append(Example(title=journey.title, path=path, counter=counter, language=journey.language))
    language = language or current_language()
    return sorted(found, key=lambda e: e.language != language)  # (stable: finished ones, then counter-examples)


def wanted_at_start() -> bool:
    value = QSettings().value(SHOW_KEY, True)
    return value not in (False, "false", "0", 0)


class WelcomeDialog(QDialog):
    """The choices; what was chosen runs after the dialog closes (see :func:`show_welcome`)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setObjectName("welcome")
        self.setWindowTitle(self.tr("Welcome to Journey Workbench"))
        self.window_ = window
        #: What to do once the dialog has closed; None when it was just closed.
        self.choice: Callable[[], object] | None = None
        title = QLabel(self.tr("Welcome to Journey Workbench"))
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        title.setFont(font)
        intro = QLabel(
            self.tr(
                "Map a customer journey: its stages and steps, touchpoints, emotions, and the moments "
                "a person must take over. Start from a template, a blank map or an example."
            )
        )
        intro.setWordWrap(True)
        self.at_start = QCheckBox(self.tr("Show this page at start-up"))
        self.at_start.setObjectName("welcome-at-start")
        self.at_start.setChecked(wanted_at_start())
        self.at_start.toggled.connect(lambda on: QSettings().setValue(SHOW_KEY, on))
        guide = QPushButton(self.tr("User guide"))
        guide.setObjectName("welcome-guide")
        guide.setToolTip(self.tr("How to use the workbench (F1)"))
        guide.setAutoDefault(False)
        guide.clicked.connect(lambda: self._choose(lambda: _guide(window)))
        self.guide_button = guide
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        # No default button: Enter belongs to what has the keys, the list it is pressed in (it opens the item) or
        # the button (see keyPressEvent). (With "auto default" buttons, Qt makes one the default when the dialog
        # shows, and Enter in a list would press it as well.)
        buttons.button(QDialogButtonBox.StandardButton.Close).setAutoDefault(False)
        bottom = QHBoxLayout()
        bottom.addWidget(self.at_start)
        bottom.addStretch(1)
        bottom.addWidget(guide)
        bottom.addWidget(buttons)
        columns = QHBoxLayout()
        columns.addWidget(self._start_box(), 1)
        columns.addLayout(self._lists(), 1)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addLayout(columns, 1)
        layout.addLayout(bottom)
        self.resize(860, 560)
        fit_to_screen(self, move=False)

    # ------------------------------------------------------------ parts

    def _start_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Start"))
        window = self.window_  # the choices hold the window, never the dialog
        blank_button = self._button("welcome-blank", self.tr("Blank map"), self.tr("The standard lanes and four stages, ready to fill"))
        blank_button.clicked.connect(lambda: self._choose(lambda: window.new_journey(blank(current_language()))))
        grid = QGridLayout()
        for i, sector in enumerate(TEMPLATE_SECTORS):
            name = sector_name(sector)
            tip = translate("MainWindow", "Start a new journey from the {sector} template").format(sector=name)
            button = self._button(f"welcome-sector-{sector}", name, tip)
            button.clicked.connect(lambda checked=False, s=sector: self._choose(lambda: new_from(window, s)))
            grid.addWidget(button, i // 2, i % 2)
        more = self._button("welcome-new-dialog", self.tr("Choose with a preview..."),
                            self.tr("See each template and choose its language"))
        more.clicked.connect(lambda: self._choose(window.new_dialog))
        open_button = self._button("welcome-open", self.tr("Open a journey file..."), self.tr("Open a .journey file"))
        open_button.clicked.connect(lambda: self._choose(window.open_dialog))
        layout = QVBoxLayout(box)
        layout.addWidget(blank_button)
        layout.addSpacing(8)
        layout.addWidget(QLabel(self.tr("From a sector template:")))
        layout.addLayout(grid)
        layout.addWidget(more)
        layout.addSpacing(8)
        layout.addWidget(open_button)
        layout.addStretch(1)
        return box

    def _button(self, name: str, text: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.setToolTip(tip)
        button.setAccessibleDescription(tip)
        button.setAutoDefault(False)
        return button

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter on the button that has the focus presses it, as Space does (it did nothing)."""
        focused = self.focusWidget()
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and isinstance(focused, QPushButton):
            focused.click()
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.HelpContents):  # F1, as everywhere else (the guide says "at
            self.guide_button.click()  # any time"; the window's own F1 is not heard over this page)
            event.accept()
            return
        super().keyPressEvent(event)

    def _lists(self) -> QVBoxLayout:
        layout = QVBoxLayout()
        self.recent = self._list("welcome-recent", self.tr("Recent journeys"))
        files = self.window_.recent_files()
        for path in files:
            item = QListWidgetItem(f"{Path(path).name}\n{Path(path).parent}")
            item.setToolTip(messages.plain_tip(path))
            item.setData(OPEN, path)
            if not Path(path).is_file():
                item.setText(self.tr("{name} (not found)\n{folder}").format(name=Path(path).name, folder=Path(path).parent))
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(item)
        self.recent.itemActivated.connect(self._open_recent)
        folder = examples_folder()
        heading = self.tr("Examples") if folder is not None else self.tr("Templates")
        self.examples = self._list("welcome-examples", heading)
        for example in examples():
            label = self.tr("{title} (counter-example)").format(title=example.title) if example.counter else example.title
            if example.language is not None and example.language != current_language():
                # (in French, "Taking over a home internet contract (contre-exemple)" looked like a translation
                # left undone: an example in another language says which)
                name = {"en": self.tr("in English"), "fr": self.tr("in French")}.get(example.language, example.language)
                label = self.tr("{example} \u2014 {language}").format(example=label, language=name)
            item = QListWidgetItem(label)
            item.setData(OPEN, example)
            if example.counter:
                item.setToolTip(self.tr("A journey built on known failures: see what the health check finds"))
            self.examples.addItem(item)
        self.examples.itemActivated.connect(self._open_example)
        if files:
            layout.addWidget(QLabel(self.tr("Recent journeys")))
            layout.addWidget(self.recent, 1)
        else:
            self.recent.hide()
        layout.addWidget(QLabel(heading))
        layout.addWidget(self.examples, 1)
        return layout

    def _list(self, name: str, title: str) -> QListWidget:
        widget = QListWidget()
        widget.setObjectName(name)
        widget.setAccessibleName(title)
        widget.setAccessibleDescription(self.tr("Double-click or press Enter to open"))
        widget.setAlternatingRowColors(True)
        widget.setWordWrap(True)  # a long title wraps rather than hides behind a scroll bar
        widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widget.setResizeMode(QListWidget.ResizeMode.Adjust)
        widget.setSpacing(1)
        return widget

    # ---------------------------------------------------------- choices

    def _choose(self, action: Callable[[], object]) -> None:
        self.choice = action
        self.accept()

    def _open_recent(self, item: QListWidgetItem) -> None:
        path, window = str(item.data(OPEN)), self.window_
        self._choose(lambda: window.open_path(path))

    def _open_example(self, item: QListWidgetItem) -> None:
        example: Example = item.data(OPEN)
        window = self.window_
        self._choose(lambda: open_example(window, example))



def new_from(window: MainWindow, sector: str) -> bool:
    """A new journey from the sector's template in the UI language, as File > New from sector does."""
    try:
        journey = template(sector, current_language())
    except LoadError as error:
        messages.warning(window, translate("MainWindow", "Cannot open journey"), error.message)
        return False
    return window.new_journey(journey)


def _guide(window: MainWindow) -> None:
    from workbench.ui.help import show_guide

    show_guide(window)


def open_example(window: MainWindow, example: Example) -> bool:
    """The example as a new, untitled journey: Save asks where, and the reference stays intact."""
    try:
        journey = example.journey()
    except LoadError as error:
        messages.warning(window, translate("MainWindow", "Cannot open journey"), error.message)
        return False
    if not window.new_journey(journey):
        return False
    if example.path is not None:
        window.show_message(
            translate("WelcomeDialog", "Opened a copy of the example {name}; saving asks where to keep it.").format(
                name=example.path.name
            )
        )
    return True


def show_welcome(window: MainWindow) -> object:
    """Show the welcome page over *window*; then do what was chosen, once the page is gone."""
    dialog = WelcomeDialog(window)
    dialog.exec()
    choice = dialog.choice  # captures the window, never the dialog, which goes now
    dialog.deleteLater()
    return choice() if choice is not None else None


def offer_at_start(window: MainWindow, path: str | None) -> bool:
    """At start-up without a file: show the welcome page, unless the user turned it off.

    Not over work: when a recovered copy went into *window* (it is no longer
    an untouched untitled journey), the user already has where to start.
    """
    pristine = window.path is None and window.stack.isClean()
    if path or not pristine or not wanted_at_start():
        return False
    QTimer.singleShot(0, lambda: show_welcome(window))  # once the window is painted behind it
    return True

