"""File > New: the sector chooser."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from workbench import i18n
from workbench.model.templates import TEMPLATE_SECTORS, template
from workbench.ui.main_window import MainWindow
from workbench.ui.new_dialog import SECTOR, NewJourneyDialog


def test_the_chooser_lists_blank_and_six_sectors_with_previews(qtbot) -> None:
    dialog = NewJourneyDialog()
    qtbot.addWidget(dialog)
    items = [dialog.choices.item(i) for i in range(dialog.choices.count())]
    assert [i.data(SECTOR) for i in items] == [None, *TEMPLATE_SECTORS]
    for item in items[1:]:
        assert not item.icon().isNull()
        name, description = item.text().split("\n")
        assert description == template(item.data(SECTOR), "en").title


def test_the_language_defaults_to_the_ui_language(qtbot) -> None:
    i18n.set_language("fr")
    dialog = NewJourneyDialog()
    qtbot.addWidget(dialog)
    assert dialog.language.currentData() == "fr"
    assert "Banque" in dialog.choices.item(2).text()


def test_ctrl_n_then_a_sector_opens_its_template(qtbot) -> None:
    window = MainWindow()
    qtbot.addWidget(window, before_close_func=lambda w: w.stack.setClean())
    window.show()
    qtbot.waitExposed(window)

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, NewJourneyDialog):
            QTimer.singleShot(10, choose)
            return
        dialog.choices.setCurrentRow(1 + TEMPLATE_SECTORS.index("health"))
        qtbot.keyClick(dialog.choices, Qt.Key.Key_Return)

    QTimer.singleShot(0, choose)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.view.viewport(), Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.document.journey.sector == "health"
    assert window.document.journey.title == template("health", "en").title
    assert window.path is None
