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
    qtbot.addWidget(window, before_close_func=lambda w: (w.scene.commit_editors(), w.stack.setClean()))
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


def test_a_preview_draws_every_card_of_a_long_map(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A preview renders the whole map with no view: the cards far from a view's start must be made first."""
    from benchmarks.generate import journey_of
    from workbench.ui import new_dialog
    from workbench.ui.canvas.scene import JourneyScene

    seen: list[tuple[int, int]] = []
    render = JourneyScene.render

    def spy(scene, *args):  # type: ignore[no-untyped-def]
        cards = sum(1 for kind, _ in scene.items_by_key if kind == "card")
        seen.append((cards, len(scene.document.journey.cards)))
        return render(scene, *args)

    monkeypatch.setattr(JourneyScene, "render", spy)
    new_dialog.preview(journey_of(60))  # about 11,000 points wide
    assert seen and seen[0][0] == seen[0][1]
