"""File > New: choose a sector template (with a preview) or a blank journey."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from workbench.i18n import current_language
from workbench.model.document import JourneyDocument
from workbench.model.errors import LoadError
from workbench.model.journey import Journey
from workbench.model.templates import TEMPLATE_SECTORS, blank, sector_name, template
from workbench.ui.canvas.scene import JourneyScene
from workbench.ui import messages
from workbench.ui.window_layout import fit_to_screen

SECTOR = Qt.ItemDataRole.UserRole
PREVIEW = QSize(300, 130)


class NewJourneyDialog(QDialog):
    def __init__(self, parent=None, untitled: str = "") -> None:  # type: ignore[no-untyped-def]
        super().__init__(parent)
        self.setWindowTitle(self.tr("New journey"))
        self.untitled = untitled
        self.language = QComboBox()
        self.language.setObjectName("language")
        self.language.addItem("English", "en")
        self.language.addItem("Français", "fr")
        self.language.setCurrentIndex(1 if current_language() == "fr" else 0)
        self.language.currentIndexChanged.connect(lambda _: self._fill())
        self.choices = QListWidget()
        self.choices.setObjectName("sectors")
        self.choices.setIconSize(PREVIEW)
        self.choices.setSpacing(4)
        self.choices.setMinimumSize(320, 200)  # (room for every preview when the screen has it: see the resize)
        self.choices.itemDoubleClicked.connect(lambda _: self.accept())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Language"), self.language)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.choices)
        layout.addWidget(buttons)
        self._fill()
        self.resize(800, 760)
        fit_to_screen(self, move=False)  # (at 1024x768 and 150 %, its OK and Cancel were off the screen, out of reach)

    def _fill(self) -> None:
        language = self.language.currentData()
        row = max(self.choices.currentRow(), 0)
        self.choices.clear()
        blank = QListWidgetItem(self.tr("Blank journey\nStart from an empty map."))
        blank.setData(SECTOR, None)
        self.choices.addItem(blank)
        for sector in TEMPLATE_SECTORS:
            try:
                journey = template(sector, language)
            except LoadError as error:
                item = QListWidgetItem(f"{sector_name(sector, language)}\n{error}")
                item.setFlags(Qt.ItemFlag.NoItemFlags)
            else:
                item = QListWidgetItem(preview(journey), f"{sector_name(sector, language)}\n{journey.title}")
                item.setToolTip(messages.plain_tip(journey.scenario))
            item.setData(SECTOR, sector)
            self.choices.addItem(item)
        self.choices.setCurrentRow(row)

    def chosen(self) -> Journey:
        """The journey to start from, in the chosen language."""
        item = self.choices.currentItem()
        sector = item.data(SECTOR) if item else None
        language = self.language.currentData()
        if sector is None:
            return blank(language)
        return template(sector, language)


def preview(journey: Journey) -> QIcon:
    """A small picture of the whole map, drawn by the canvas itself."""
    scene = JourneyScene(JourneyDocument(journey), QUndoStack())
    scene.wake_all()  # the whole map is drawn: every card, however far from a view's start
    pixmap = QPixmap(PREVIEW)
    pixmap.fill(Qt.GlobalColor.white)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    scene.render(painter, pixmap.rect(), scene.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)
    painter.end()
    scene.detach()
    return QIcon(pixmap)
