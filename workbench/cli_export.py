"""``workbench export FILE... -o OUT``: PDF without Qt; PNG and SVG through the canvas (offscreen Qt)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workbench.i18n import tr


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="workbench export", description=tr("Export journeys as PDF deliverables."))
    p.add_argument("files", nargs="+", metavar="FILE", help=tr("the .journey files to export"))
    p.add_argument(
        "-o", "--output", required=True, metavar="OUT", help=tr("the file to write (one input) or a folder (several)")
    )
    p.add_argument("--format", choices=("pdf", "png", "svg"), default="pdf", help=tr("the output format"))
    p.add_argument(
        "--scale", type=float, default=2.0, metavar="N", help=tr("PNG only: pixels per point (2 is sharp on screens)")
    )
    p.add_argument("--page-size", choices=("a4", "a3", "letter", "tabloid"), default="a4", type=str.lower)
    p.add_argument("--orientation", choices=("landscape", "portrait"), default="landscape")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--fit", dest="mode", action="store_const", const="fit", help=tr("the whole map on one page"))
    mode.add_argument("--tile", dest="mode", action="store_const", const="tile", help=tr("a readable map over several pages"))
    p.set_defaults(mode="fit")
    p.add_argument(
        "--no-findings", dest="findings", action="store_false", help=tr("leave the health check appendix out")
    )
    return p


def run(argv: list[str]) -> int:
    from workbench.export.pdf import PdfOptions, export_pdf
    from workbench.model.errors import LoadError, SaveError
    from workbench.model.fileformat import load

    args = parser().parse_args(argv)
    out = Path(args.output)
    several = len(args.files) > 1
    if several and not out.is_dir():
        _error(tr("with several files, -o must be an existing folder: {path}", path=out))
        return 2
    options = PdfOptions(page_size=args.page_size, orientation=args.orientation, mode=args.mode)
    if args.format != "pdf":
        _start_qt()
    status = 0
    for name in args.files:
        target = out / (Path(name).stem + "." + args.format) if several or out.is_dir() else out
        try:
            journey = load(name)
            if args.format != "pdf":
                _export_image(journey, target, args.format, args.scale)
                print(tr("wrote {path}", path=target))
                continue
            if args.findings:
                from workbench.model.analysis import appendix, check

                options.findings, options.metrics = appendix(check(journey), journey.language)
            result = export_pdf(journey, target, options)
        except LoadError as error:
            _error(str(error))
            status = 2
            continue
        except SaveError as error:
            _error(tr("cannot save {path}: {reason}", path=error.path, reason=error.reason))
            status = max(status, 1)
            continue
        for warning in result.warnings:
            _error(f"{target}: {warning}")
        print(tr("wrote {path} ({pages} pages)", path=target, pages=result.pages))
    return status


#: Kept alive for the images drawn by the canvas (a QApplication must outlive its scenes).
_qt_app: object = None


def _start_qt() -> None:
    """Images are drawn by the canvas: Qt, offscreen when there is no display."""
    import os

    from workbench.cli import display_available

    if not display_available():
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    from PySide6.QtWidgets import QApplication

    from workbench.ui.app import register_fonts

    global _qt_app
    _qt_app = QApplication.instance() or QApplication(["workbench"])
    register_fonts()


def _export_image(journey, target: Path, fmt: str, scale: float) -> None:  # type: ignore[no-untyped-def]
    from workbench.ui.image_export import export_png, export_svg

    if fmt == "png":
        export_png(journey, target, scale)
    else:
        export_svg(journey, target)


def _error(message: str) -> None:
    print(f"workbench: {message}", file=sys.stderr)
