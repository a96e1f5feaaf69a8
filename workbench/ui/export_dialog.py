"""File > Export PDF... and File > Export Image...: options, progress, cancel, open when done.

The file dialog is told not to ask about replacing a file, because the name
it returns may still change (``.pdf`` added, the image's suffix chosen): the
question is asked here, about the file that will really be written. Every
message box shows plain text, since paths and reasons may hold text from a
file (a ``<b>`` in a journey's name must not turn into bold).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QMessageBox,
    QProgressDialog,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from workbench.export.pdf import ExportCancelled, PdfOptions, export_pdf
from workbench.model.errors import SaveError
from workbench.model.feelings import filled_personas
from workbench.model.journey import Journey
from workbench.ui.messages import plain_message

translate = QCoreApplication.translate


class PdfExportDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, personas: int = 1) -> None:
        """*personas*: how many personas the PDF describes (the box of their pages says "Personas" for two or more)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export PDF"))
        self.page_size = QComboBox()
        self.page_size.setObjectName("page-size")
        for key, label in (("a4", "A4"), ("a3", "A3"), ("letter", "Letter"), ("tabloid", "Tabloid")):
            self.page_size.addItem(label, key)
        self.orientation = QComboBox()
        self.orientation.setObjectName("orientation")
        self.orientation.addItem(self.tr("Landscape"), "landscape")
        self.orientation.addItem(self.tr("Portrait"), "portrait")
        self.auto = QRadioButton(self.tr("Readable: one page if the text stays 6 pt or more, otherwise several"))
        self.auto.setObjectName("auto")
        self.fit = QRadioButton(self.tr("Whole map on one page"))
        self.fit.setObjectName("fit")
        self.tile = QRadioButton(self.tr("Readable size, over several pages"))
        self.tile.setObjectName("tile")
        self.auto.setChecked(True)
        self.title_page = QCheckBox(self.tr("Title page"))
        self.title_page.setChecked(True)
        self.legend = QCheckBox(self.tr("Legend"))
        self.legend.setChecked(True)
        self.persona = QCheckBox(self.tr("Personas") if personas > 1 else self.tr("Persona"))
        self.persona.setObjectName("persona")
        self.details = QCheckBox(self.tr("Details of each stage"))
        self.details.setObjectName("details")
        self.notes = QCheckBox(self.tr("Scenario and notes"))
        self.notes.setObjectName("notes")
        for box in (self.persona, self.details, self.notes):
            box.setChecked(True)
        self.findings = QCheckBox(self.tr("Health check findings"))
        self.findings.setChecked(True)
        self.open_after = QCheckBox(self.tr("Open the PDF when done"))
        self.open_after.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("Page size"), self.page_size)
        form.addRow(self.tr("Orientation"), self.orientation)
        form.addRow(self.tr("Map"), self.auto)
        form.addRow("", self.fit)
        form.addRow("", self.tile)
        form.addRow(self.tr("Include"), self.title_page)
        form.addRow("", self.legend)
        form.addRow("", self.persona)
        form.addRow("", self.details)
        form.addRow("", self.notes)
        form.addRow("", self.findings)
        form.addRow("", self.open_after)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._restore()
        self.accepted.connect(self._remember)

    def _boxes(self) -> dict[str, QCheckBox]:
        return {
            "title-page": self.title_page, "legend": self.legend, "persona": self.persona, "details": self.details,
            "notes": self.notes, "findings": self.findings, "open-after": self.open_after,
        }

    def _restore(self) -> None:
        """The choices of the last export (they were back to the defaults each time, found by an exploratory test)."""
        settings = QSettings()
        for combo, key in ((self.page_size, "page-size"), (self.orientation, "orientation")):
            found = combo.findData(settings.value(f"export/pdf/{key}"))
            if found >= 0:
                combo.setCurrentIndex(found)
        mode = {"auto": self.auto, "fit": self.fit, "tile": self.tile}.get(str(settings.value("export/pdf/mode", "")))
        if mode is not None:
            mode.setChecked(True)
        for key, box in self._boxes().items():
            kept = settings.value(f"export/pdf/{key}")
            if kept is not None:
                box.setChecked(str(kept).lower() in ("true", "1"))

    def _remember(self) -> None:
        settings = QSettings()
        settings.setValue("export/pdf/page-size", self.page_size.currentData())
        settings.setValue("export/pdf/orientation", self.orientation.currentData())
        settings.setValue("export/pdf/mode", "tile" if self.tile.isChecked() else "fit" if self.fit.isChecked() else "auto")
        for key, box in self._boxes().items():
            settings.setValue(f"export/pdf/{key}", box.isChecked())

    def options(self, journey: Journey, scenario: str = "as_is") -> PdfOptions:
        options = PdfOptions(
            page_size=self.page_size.currentData(),
            orientation=self.orientation.currentData(),
            mode="tile" if self.tile.isChecked() else "fit" if self.fit.isChecked() else "auto",
            title_page=self.title_page.isChecked(),
            legend=self.legend.isChecked(),
            persona=self.persona.isChecked(),
            details=self.details.isChecked(),
            notes=self.notes.isChecked(),
        )
        if self.findings.isChecked():
            from workbench.model.analysis import appendix, check

            report = check(journey, scenario=scenario)  # (the scenario the Findings dock checks)
            options.findings, options.metrics = appendix(report, journey.language)
            options.finding_elements = [finding.elements for finding in report.findings]
        return options


def export_pdf_interactively(parent: QWidget, journey: Journey, start: Path, scenario: str = "as_is") -> Path | None:
    """Ask for options and a file, export with a cancellable progress bar; the written path.

    The health check appendix checks *scenario*, as the Findings dock does (it said "to be" on the screen and
    the PDF gave the "as is" findings)."""
    dialog = PdfExportDialog(parent, len(filled_personas(journey)))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    name, _ = QFileDialog.getSaveFileName(
        parent,
        translate("PdfExportDialog", "Export PDF"),
        str(start),
        translate("PdfExportDialog", "PDF files (*.pdf)"),
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    if not name:
        return None
    path = Path(name if name.lower().endswith(".pdf") else name + ".pdf")
    if not confirm_replace(parent, path):
        return None
    progress = QProgressDialog(translate("PdfExportDialog", "Exporting the PDF..."), translate("PdfExportDialog", "Cancel"), 0, 100, parent)
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(400)

    def advance(done: int, total: int) -> bool:
        progress.setMaximum(total)
        progress.setValue(done)
        return not progress.wasCanceled()

    try:
        result = export_pdf(journey, path, dialog.options(journey, scenario), advance)
    except ExportCancelled:
        return None
    except SaveError as error:
        _cannot_export(parent, error)
        return None
    except MemoryError:  # (said only in the terminal before: the window just stopped answering, then went on)
        _cannot_export(parent, SaveError(path, translate(
            "PdfExportDialog", "there is not enough memory to make it; try a larger page, or the whole map on one page")))
        return None
    finally:
        progress.close()
    if result.warnings:
        title = translate("PdfExportDialog", "Export PDF")
        plain_message(parent, QMessageBox.Icon.Information, title, "\n".join(result.warnings))
    if dialog.open_after.isChecked() and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
        # (No application for PDF files, or none found: Qt said so only on the console.)
        plain_message(
            parent,
            QMessageBox.Icon.Information,
            translate("PdfExportDialog", "Export PDF"),
            translate("PdfExportDialog", "The PDF was saved as {path}, but no application could be found to open it.").format(
                path=path
            ),
        )
    return path


def image_filters() -> list[tuple[str, bool]]:
    """The file dialog's choices of image: each filter, and whether it adds the title and the legend."""
    return [
        (translate("PdfExportDialog", "PNG image with title and legend (*.png)"), True),
        (translate("PdfExportDialog", "PNG image, map only (*.png)"), False),
        (translate("PdfExportDialog", "SVG drawing with title and legend (*.svg)"), True),
        (translate("PdfExportDialog", "SVG drawing, map only (*.svg)"), False),
    ]


def export_image_interactively(parent: QWidget, journey: Journey, start: Path) -> Path | None:
    """Ask for a file (its type says PNG or SVG, with the journey's title and a legend or the map only) and export.

    The image is drawn as the PDF is, without the editor's ports, selection or hover marks.
    """
    from workbench.ui.image_export import ImageOptions, export_png, export_svg

    filters = image_filters()
    settings = QSettings()
    last = str(settings.value("export/image-filter", filters[0][0]))
    name, chosen = QFileDialog.getSaveFileName(
        parent,
        translate("PdfExportDialog", "Export image"),
        str(start),
        ";;".join(f for f, _ in filters),
        last if last in (f for f, _ in filters) else filters[0][0],
        options=QFileDialog.Option.DontConfirmOverwrite,
    )
    if not name:
        return None
    if chosen in (f for f, _ in filters):
        settings.setValue("export/image-filter", chosen)
    # The deliverable (title and legend) unless the map alone was chosen.
    whole = dict(filters).get(chosen, True)
    options = ImageOptions(title=whole, legend=whole)
    path = Path(name)
    if path.suffix.lower() not in (".png", ".svg"):
        path = path.with_suffix(".svg" if "svg" in chosen.lower() else ".png")
    if not confirm_replace(parent, path):
        return None
    # A long map's image takes seconds to draw and encode, in one call: the wait is shown (the file dialog stayed
    # painted over a window that answered nothing, with no busy cursor, for 13 s at 200 steps; exploratory test).
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    QApplication.processEvents()  # (the dialog's place painted again before the wait)
    try:
        try:
            if path.suffix.lower() == ".svg":
                export_svg(journey, path, options=options)
            else:
                export_png(journey, path, options=options)
        finally:
            QApplication.restoreOverrideCursor()
    except SaveError as error:
        _cannot_export(parent, error)
        return None
    return path


def confirm_replace(parent: QWidget, path: Path) -> bool:
    """True when nothing is at *path*, or the user agreed to replace the file there.

    A folder is not asked about: the export itself refuses it, saying so.
    """
    if not path.exists() or path.is_dir():
        return True
    answer = plain_message(
        parent,
        QMessageBox.Icon.Question,
        translate("PdfExportDialog", "Replace file?"),
        translate("PdfExportDialog", "{path} already exists.\nDo you want to replace it?").format(path=path),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def _cannot_export(parent: QWidget, error: SaveError) -> None:
    plain_message(
        parent,
        QMessageBox.Icon.Critical,
        translate("PdfExportDialog", "Cannot export"),
        translate("PdfExportDialog", "{path} was not written: {reason}").format(path=error.path, reason=error.reason),
    )
