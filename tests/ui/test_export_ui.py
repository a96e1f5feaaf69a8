"""File > Export PDF / Image from the window, and images without the window."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.ui.helpers import answer_next_message, open_window
from workbench.model.feelings import lead
from workbench.model.fileformat import load
from workbench.ui.export_dialog import PdfExportDialog
from workbench.ui.image_export import export_png, export_svg

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "banking-savings.journey"


def test_export_pdf_from_the_window_with_tiling(qtbot, monkeypatch, tmp_path: Path) -> None:
    window = open_window(qtbot, EXAMPLE)
    out = tmp_path / "deliverable.pdf"

    def accept(dialog: PdfExportDialog) -> int:
        dialog.tile.setChecked(True)
        dialog.page_size.setCurrentIndex(dialog.page_size.findData("a3"))
        dialog.open_after.setChecked(False)
        return PdfExportDialog.DialogCode.Accepted

    monkeypatch.setattr(PdfExportDialog, "exec", accept)
    monkeypatch.setattr("workbench.ui.export_dialog.QFileDialog.getSaveFileName", lambda *a, **k: (str(out), ""))
    assert window.export_pdf() == out
    reader = PdfReader(out)
    assert round(float(reader.pages[0].mediabox.width)) == 1191
    assert len(reader.pages) > 3
    assert "Exported" in window.statusBar().currentMessage()


def test_the_pdf_checks_the_scenario_the_findings_dock_checks(qtbot, monkeypatch, tmp_path: Path) -> None:
    """With "to be" chosen, the dock showed its findings and the PDF's appendix gave the "as is" ones, without
    saying which (found by an exploratory test)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from workbench.model.analysis import check

    window = open_window(qtbot, EXAMPLE)
    QTest.keyClick(window.view, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.findings.scenario == "to_be")
    out = tmp_path / "to-be.pdf"

    def accept(dialog: PdfExportDialog) -> int:
        dialog.open_after.setChecked(False)
        return PdfExportDialog.DialogCode.Accepted

    monkeypatch.setattr(PdfExportDialog, "exec", accept)
    monkeypatch.setattr("workbench.ui.export_dialog.QFileDialog.getSaveFileName", lambda *a, **k: (str(out), ""))
    assert window.export_pdf() == out
    text = " ".join(" ".join(page.extract_text() or "" for page in PdfReader(out).pages).split())
    journey = window.document.journey
    as_is = {f.message for f in check(journey).findings}
    to_be = {f.message for f in check(journey, scenario="to_be").findings}
    assert as_is - to_be and to_be - as_is  # (the example's two scenarios differ)
    flat = {" ".join(m.split()) for m in to_be - as_is}
    assert all(message in text for message in flat)
    assert not any(" ".join(m.split()) in text for m in as_is - to_be)
    assert "Scenario checked to be" in text


def test_a_pdf_that_cannot_be_opened_after_the_export_says_so(qtbot, monkeypatch, tmp_path: Path) -> None:
    window = open_window(qtbot, EXAMPLE)
    out = tmp_path / "deliverable.pdf"
    monkeypatch.setattr(PdfExportDialog, "exec", lambda dialog: PdfExportDialog.DialogCode.Accepted)  # "open" ticked
    names = [out, tmp_path / "second.pdf"]
    monkeypatch.setattr("workbench.ui.export_dialog.QFileDialog.getSaveFileName", lambda *a, **k: (str(names.pop(0)), ""))
    opened: list[str] = []
    found = [False]  # no application for PDF files (Qt: "Unable to detect a launcher", on the console only)
    monkeypatch.setattr("workbench.ui.export_dialog.QDesktopServices.openUrl",
                        lambda url: opened.append(url.toLocalFile()) or found[0])
    seen: list[str] = []
    answer_next_message(qtbot, QMessageBox.StandardButton.Ok, seen)
    assert window.export_pdf() == out
    assert opened == [str(out)]
    assert len(seen) == 1 and str(out) in seen[0] and "no application" in seen[0]
    found[0] = True  # ...and when it opens, nothing more is said
    said: list[str] = []  # (not an answerer waiting for a box that never comes: it would answer a later test's)
    monkeypatch.setattr("workbench.ui.export_dialog.plain_message", lambda *args, **kwargs: said.append(args[3]))
    assert window.export_pdf() == tmp_path / "second.pdf"
    assert opened == [str(out), str(tmp_path / "second.pdf")] and said == []


def test_a_pdf_too_big_for_the_memory_is_said_so_in_the_window(qtbot, monkeypatch, tmp_path: Path) -> None:
    """A MemoryError went to the terminal only: the window stopped answering, then went on as if nothing."""
    window = open_window(qtbot, EXAMPLE)
    out = tmp_path / "deliverable.pdf"
    monkeypatch.setattr(PdfExportDialog, "exec", lambda dialog: PdfExportDialog.DialogCode.Accepted)
    monkeypatch.setattr("workbench.ui.export_dialog.QFileDialog.getSaveFileName", lambda *a, **k: (str(out), ""))

    def too_big(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise MemoryError

    monkeypatch.setattr("workbench.ui.export_dialog.export_pdf", too_big)
    said: list[str] = []
    monkeypatch.setattr("workbench.ui.export_dialog.plain_message", lambda *args, **kwargs: said.append(args[3]))
    assert window.export_pdf() is None
    assert said == [f"{out} was not written: there is not enough memory to make it; try a larger page, or the whole "
                    "map on one page"]


def test_export_image_from_the_window(qtbot, monkeypatch, tmp_path: Path) -> None:
    window = open_window(qtbot, EXAMPLE)
    out = tmp_path / "map"
    monkeypatch.setattr(
        "workbench.ui.export_dialog.QFileDialog.getSaveFileName", lambda *a, **k: (str(out), "SVG drawing (*.svg)")
    )
    assert window.export_image() == out.with_suffix(".svg")
    assert "<svg" in out.with_suffix(".svg").read_text(encoding="utf-8")[:500]


def test_an_image_export_shows_the_wait_and_gives_the_cursor_back(qtbot, monkeypatch, tmp_path: Path) -> None:
    """A long map's PNG takes seconds in one call: the window looked hung, the file dialog still painted over
    it, with no busy cursor (exploratory test). The cursor comes back after a refusal too."""
    from PySide6.QtCore import Qt

    import workbench.ui.image_export as image_export
    from workbench.model.errors import SaveError

    window = open_window(qtbot, EXAMPLE)
    out = tmp_path / "map.png"
    monkeypatch.setattr("workbench.ui.export_dialog.QFileDialog.getSaveFileName", lambda *a, **k: (str(out), ""))
    seen: list[object] = []

    def export(journey, path, **kwargs):  # type: ignore[no-untyped-def]
        cursor = QApplication.overrideCursor()
        seen.append(cursor.shape() if cursor is not None else None)
        if len(seen) > 1:
            raise SaveError(path, "the disk is full")
        return None

    monkeypatch.setattr(image_export, "export_png", export)
    assert window.export_image() == out
    answer_next_message(qtbot, QMessageBox.StandardButton.Ok, [])
    assert window.export_image() is None
    assert seen == [Qt.CursorShape.WaitCursor, Qt.CursorShape.WaitCursor]
    assert QApplication.overrideCursor() is None


def test_png_has_the_chosen_resolution_and_svg_keeps_text(qtbot, tmp_path: Path) -> None:
    journey = load(EXAMPLE)
    size = export_png(journey, tmp_path / "map.png", scale=1.5)
    from PySide6.QtGui import QImage

    from workbench.layout import layout

    image = QImage(str(tmp_path / "map.png"))
    lay = layout(journey)
    assert (image.width(), image.height()) == (round(lay.width * 1.5), round(lay.height * 1.5)) == (size.width(), size.height())
    export_svg(journey, tmp_path / "map.svg")
    svg = (tmp_path / "map.svg").read_text(encoding="utf-8")
    assert journey.steps[0].title.split()[0] in svg
    assert QApplication.instance() is not None


def test_an_export_into_a_missing_folder_says_so(qtbot, monkeypatch, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QMessageBox

    window = open_window(qtbot, EXAMPLE)
    out = tmp_path / "no-such-folder" / "map.svg"
    monkeypatch.setattr("workbench.ui.export_dialog.QFileDialog.getSaveFileName", lambda *a, **k: (str(out), ""))
    seen: list[str] = []
    answer_next_message(qtbot, QMessageBox.StandardButton.Ok, seen)
    assert window.export_image() is None
    assert seen and "no-such-folder" in seen[0] and "not written" in seen[0]
    assert not out.exists()


def test_the_dialog_defaults_to_readable_and_leaves_out_what_is_unticked(qtbot, monkeypatch, tmp_path: Path) -> None:
    from PySide6.QtCore import QPoint, Qt

    window = open_window(qtbot, EXAMPLE)
    out = tmp_path / "lean.pdf"
    seen: dict[str, str] = {}

    def accept(dialog: PdfExportDialog) -> int:
        assert dialog.auto.isChecked() and not dialog.fit.isChecked()  # readable by default
        dialog.show()
        qtbot.waitExposed(dialog)
        for box in (dialog.details, dialog.notes, dialog.open_after):
            # A real click on its box (the middle of a wide row can be past its label) unticks it.
            qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
            assert not box.isChecked()
        seen["mode"] = dialog.options(window.document.journey).mode
        dialog.hide()
        return PdfExportDialog.DialogCode.Accepted

    monkeypatch.setattr(PdfExportDialog, "exec", accept)
    monkeypatch.setattr("workbench.ui.export_dialog.QFileDialog.getSaveFileName", lambda *a, **k: (str(out), ""))
    assert window.export_pdf() == out
    assert seen["mode"] == "auto"
    journey = window.document.journey
    text = " ".join(" ".join(page.extract_text() or "" for page in PdfReader(out).pages).split())
    assert lead(journey).frustrations[0] in text  # the persona page stayed
    assert "Stage details" not in text and "Scenario and notes" not in text


def test_the_pdf_dialog_offers_the_choices_of_the_last_export(qtbot) -> None:
    """They were back to the defaults each time (found by an exploratory test)."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtWidgets import QDialogButtonBox

    first = PdfExportDialog()
    qtbot.addWidget(first)
    assert first.auto.isChecked() and first.open_after.isChecked()
    first.show()
    qtbot.mouseClick(first.tile, Qt.MouseButton.LeftButton)
    first.page_size.setCurrentIndex(first.page_size.findData("a3"))
    for box in (first.open_after, first.details):  # on the box itself (the row is wider than its label)
        qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))
    assert not first.open_after.isChecked() and not first.details.isChecked(), "clicks"
    cancelled = PdfExportDialog()
    qtbot.addWidget(cancelled)
    assert cancelled.auto.isChecked()  # (nothing kept before OK)
    ok = first.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    again = PdfExportDialog()
    qtbot.addWidget(again)
    assert again.tile.isChecked() and again.page_size.currentData() == "a3"
    assert not again.open_after.isChecked() and not again.details.isChecked()
    assert again.legend.isChecked() and again.findings.isChecked() and again.orientation.currentData() == "landscape"


def test_the_pdf_dialog_says_personas_when_the_map_has_two(qtbot, monkeypatch, tmp_path: Path) -> None:
    """Its box read "Persona" over the two persona sections of a two-persona map; a template's blank
    second persona, which the PDF leaves out, does not count."""
    from workbench.model.fileformat import save
    from workbench.model.templates import template

    seen: list[str] = []

    def cancel(dialog: PdfExportDialog) -> int:
        seen.append(dialog.persona.text())
        return PdfExportDialog.DialogCode.Rejected

    monkeypatch.setattr(PdfExportDialog, "exec", cancel)
    drafted = template("retail")
    assert len(drafted.personas) == 2 and not drafted.personas[1].name
    save(drafted, tmp_path / "draft.journey")
    for path in (EXAMPLE, ROOT / "examples" / "automotive-connected-car.journey", tmp_path / "draft.journey"):
        window = open_window(qtbot, path)
        window.actions.export_pdf.trigger()
    assert seen == ["Personas", "Persona", "Persona"]
