"""The main window: for now a plain view of the open journey.

The canvas issue replaces the central widget with the drag-and-drop canvas;
what is here already follows the rules: every text through ``tr()``, load
errors shown as a dialog with the clear message, never a traceback.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QTreeWidget, QTreeWidgetItem

from workbench import __version__
from workbench.model.document import JourneyDocument
from workbench.model.errors import LoadError
from workbench.model.fileformat import load_file


class MainWindow(QMainWindow):
    def __init__(self) -> None:
        super().__init__()
        self.document: JourneyDocument | None = None
        self.path: Path | None = None
        self.read_only = False
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels([self.tr("Stage / step"), self.tr("Emotion")])
        self.tree.setColumnWidth(0, 420)
        self.setCentralWidget(self.tree)
        self._make_menus()
        self.resize(900, 600)
        self._update_title()
        self.statusBar().showMessage(self.tr("Open a journey with File > Open."))

    def _make_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.open_action = QAction(self.tr("&Open..."), self)
        self.open_action.setShortcut(QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self.open_dialog)
        file_menu.addAction(self.open_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Journey Workbench"), self)
        about.triggered.connect(self.show_about)
        help_menu.addAction(about)

    def _update_title(self) -> None:
        name = self.path.name if self.path else self.tr("Untitled")
        suffix = self.tr(" (read-only)") if self.read_only else ""
        self.setWindowTitle(self.tr("{name}{suffix} - Journey Workbench").format(name=name, suffix=suffix))

    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open journey"), "", self.tr("Journey files (*.journey);;All files (*)")
        )
        if path:
            self.open_path(path)

    def open_path(self, path: str | Path) -> bool:
        """Open *path*; on a bad file show the message and keep what was open."""
        try:
            loaded = load_file(path, allow_newer=True)
        except LoadError as error:
            QMessageBox.warning(self, self.tr("Cannot open journey"), error.message)
            return False
        self.document = JourneyDocument(loaded.journey)
        self.path = Path(path)
        self.read_only = loaded.read_only
        self._fill()
        self._update_title()
        notice = " ".join(loaded.notices)
        journey = loaded.journey
        self.statusBar().showMessage(
            notice or self.tr("{steps} steps in {stages} stages").format(steps=len(journey.steps), stages=len(journey.stages))
        )
        return True

    def _fill(self) -> None:
        self.tree.clear()
        assert self.document is not None
        faces = {-2: "-2", -1: "-1", 0: "0", 1: "+1", 2: "+2"}
        for stage in self.document.stages():
            stage_item = QTreeWidgetItem([stage.title, ""])
            self.tree.addTopLevelItem(stage_item)
            for step in self.document.steps():
                if step.stage == stage.id:
                    emotion = faces.get(step.emotion, "") if step.emotion is not None else ""
                    stage_item.addChild(QTreeWidgetItem([step.title, emotion]))
            stage_item.setExpanded(True)

    def show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Journey Workbench"),
            self.tr("Journey Workbench {version}\nDesign customer journey maps.").format(version=__version__),
        )
