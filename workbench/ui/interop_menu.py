"""File > Import and File > Export: journeys in other people's formats (Mermaid, CSV), and drawings.

An import opens the journey read as a new, unsaved map (marked modified, so
closing asks where to keep it); nothing is written until the user saves. An
export writes the open journey in the chosen format, atomically, and says
where. Which extension is which format is said once, in
:mod:`workbench.model.interop.formats`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMenu

from workbench.model.errors import LoadError, SaveError
from workbench.model.fileformat import Loaded
from workbench.model.interop.formats import CSV, MERMAID, format_of, not_carried, read_journey, write_journey
from workbench.ui import messages

if TYPE_CHECKING:
    from workbench.ui.main_window import MainWindow
    from workbench.ui.menus import WindowActions

#: The extension written for each format, and its file dialog filter (translated where shown).
SUFFIX = {MERMAID: ".mmd", CSV: ".csv"}
FILTER = {
    MERMAID: QT_TRANSLATE_NOOP("MainWindow", "Mermaid journey diagrams (*.mmd *.mermaid)"),
    CSV: QT_TRANSLATE_NOOP("MainWindow", "CSV sheets (*.csv)"),
}
#: Warnings listed in the message after an import; the rest are counted.
SHOWN_WARNINGS = 12


translate = QCoreApplication.translate


def build_import_export(window: MainWindow, file_menu: QMenu, acts: WindowActions) -> None:
    """The Import and Export submenus of *file_menu*; the PDF and image exports move into Export."""
    import_menu = file_menu.addMenu(translate("MainWindow", "&Import"))
    import_menu.setObjectName("import-menu")
    acts.import_mermaid = acts.make(
        translate("MainWindow", "&Mermaid Journey Diagram..."), lambda: import_file(window, MERMAID)
    )
    acts.import_csv = acts.make(translate("MainWindow", "&CSV Sheet..."), lambda: import_file(window, CSV))
    import_menu.addActions([acts.import_mermaid, acts.import_csv])
    export_menu = file_menu.addMenu(translate("MainWindow", "&Export"))
    export_menu.setObjectName("export-menu")
    export_menu.addActions([acts.export_pdf, acts.export_image])
    export_menu.addSeparator()
    acts.export_mermaid = acts.make(
        translate("MainWindow", "&Mermaid Journey Diagram..."), lambda: export_file(window, MERMAID)
    )
    acts.export_csv = acts.make(translate("MainWindow", "&CSV Sheet..."), lambda: export_file(window, CSV))
    export_menu.addActions([acts.export_mermaid, acts.export_csv])
    tips = {
        import_menu.menuAction(): translate("MainWindow", "Open a journey from another format as a new journey"),
        export_menu.menuAction(): translate("MainWindow", "Write the journey as a PDF, an image, a diagram or a sheet"),
        acts.import_mermaid: translate("MainWindow", "Open a Mermaid journey diagram as a new journey"),
        acts.import_csv: translate("MainWindow", "Open a sheet of steps and cards (CSV) as a new journey"),
        acts.export_mermaid: translate("MainWindow", "Write the journey as a Mermaid journey diagram (.mmd)"),
        acts.export_csv: translate("MainWindow", "Write the journey's steps and cards as a sheet (.csv)"),
    }
    from workbench.ui.menus import describe

    for action, tip in tips.items():
        describe(action, tip)


def import_file(window: MainWindow, kind: str) -> bool:
    """Ask for a file of *kind* and open it as a new journey; False if nothing was opened."""
    if not window.maybe_save():
        return False
    filters = translate("MainWindow", FILTER[kind]) + ";;" + translate("MainWindow", "All files (*)")
    path, _ = QFileDialog.getOpenFileName(window, translate("MainWindow", "Import journey"), window._folder(), filters)
    return bool(path) and import_path(window, Path(path), kind)


def import_path(window: MainWindow, path: Path, kind: str) -> bool:
    """Open *path* (read as *kind*, whatever its name) as a new unsaved journey.

    A bad file says why and changes nothing.
    """
    try:
        read = read_journey(path, kind=kind)
    except LoadError as error:
        messages.warning(window, translate("MainWindow", "Cannot import journey"), error.message)
        return False
    window.set_journey(Loaded(journey=read.journey), None)
    window.stack.resetClean()  # work not yet kept in a journey file: closing asks where to save it
    window.show_message(translate("MainWindow", "Imported {path}; save it to keep it as a journey").format(path=path))
    if read.warnings:
        shown = read.warnings[:SHOWN_WARNINGS]
        rest = len(read.warnings) - len(shown)
        lines = [translate("MainWindow", "{path} was imported; some lines were skipped or changed:").format(path=path)]
        lines.append("")
        lines += ["\u2022 " + warning for warning in shown]
        if rest:
            lines.append(translate("MainWindow", "\u2026 and {count} more").format(count=rest))
        messages.warning(window, translate("MainWindow", "Imported with warnings"), "\n".join(lines))
    return True


def export_file(window: MainWindow, kind: str) -> Path | None:
    """Ask where, and write the open journey as *kind*; the path written, or None."""
    start = window._export_start(SUFFIX[kind])
    title, filters = translate("MainWindow", "Export journey"), translate("MainWindow", FILTER[kind])
    path, _ = QFileDialog.getSaveFileName(window, title, str(start), filters)
    if not path:
        return None
    target = Path(path)
    if format_of(target) != kind:  # a name typed without its extension gets it
        target = target.with_name(target.name + SUFFIX[kind])
    try:
        write_journey(window.document.journey, target)
    except SaveError as error:
        messages.critical(
            window,
            translate("MainWindow", "Cannot export journey"),
            translate("MainWindow", "{path} was not written: {reason}").format(path=error.path, reason=error.reason),
        )
        return None
    lost = not_carried(window.document.journey, kind)
    if lost:
        window.show_message(
            translate("MainWindow", "Exported {path}; not carried by this format: {what}").format(
                path=target, what=", ".join(lost)
            )
        )
    else:
        window.show_message(translate("MainWindow", "Exported {path}").format(path=target))
    return target
