"""``workbench export FILE... -o OUT``: PDF without Qt; PNG and SVG through the export renderer on Qt (offscreen).

Every target is worked out and checked before anything is written, and a
single refusal writes nothing at all: an export never writes over one of its
inputs or over a ``.journey`` file (not even with ``--force``), nor over an
existing file without ``--force``. Two inputs that would give the same
output name in a folder (``a/plan.journey`` and ``b/plan.journey``) are
refused, naming both, rather than having the second silently replace the
first; names are compared ignoring case, as Windows and macOS do.
"""

from __future__ import annotations

import argparse
import math
import os
from dataclasses import dataclass
from pathlib import Path

from workbench.i18n import ntr, tr

#: ``--scale`` above this would ask for images of gigapixels even for a small map.
MAX_SCALE = 16.0
SUFFIX = ".journey"
FORMATS = ("pdf", "png", "svg")


def scale(text: str) -> float:
    """``--scale``: a number in (0, 16], or argparse's usage error (exit 2)."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not (math.isfinite(value) and 0 < value <= MAX_SCALE):
        raise argparse.ArgumentTypeError(
            tr("must be a number greater than 0 and at most {limit}, not {value!r}", limit=int(MAX_SCALE), value=text)
        )
    return value


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="workbench export", description=tr("Export journeys as PDF deliverables, or as PNG or SVG images."))
    p.add_argument("files", nargs="+", metavar="FILE", help=tr("the journeys to export (.journey, .mmd or .csv files)"))
    p.add_argument(
        "-o",
        "--output",
        required=True,
        metavar="OUT",
        help=tr("the file to write (one input), or an existing folder (several inputs, or OUT ending in '/')"),
    )
    p.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help=tr("the output format (by default the one OUT's name ends with, else pdf)"),
    )
    p.add_argument(
        "--scale", type=scale, default=2.0, metavar="N", help=tr("PNG only: pixels per point (2 is sharp on screens)")
    )
    p.add_argument(
        "--title",
        action=argparse.BooleanOptionalAction,
        default=True,
        help=tr("the journey's title above the map of a PNG or SVG, and the title page of a PDF (on by default)"),
    )
    p.add_argument(
        "--legend",
        action=argparse.BooleanOptionalAction,
        default=True,
        help=tr("a legend below the map of a PNG or SVG, and the legend page of a PDF (on by default)"),
    )
    p.add_argument(
        "--page-size", choices=("a4", "a3", "letter", "tabloid"), default="a4", type=str.lower,
        help=tr("PDF only: the paper size (a4 by default)"),
    )
    p.add_argument(
        "--orientation", choices=("landscape", "portrait"), default="landscape",
        help=tr("PDF only: the orientation of the pages (landscape by default)"),
    )
    mode = p.add_mutually_exclusive_group()
    mode.add_argument(
        "--auto",
        dest="mode",
        action="store_const",
        const="auto",
        help=tr("one page if its text stays readable (6 pt or more), otherwise tiles (the default)"),
    )
    mode.add_argument("--fit", dest="mode", action="store_const", const="fit", help=tr("the whole map on one page"))
    mode.add_argument("--tile", dest="mode", action="store_const", const="tile", help=tr("a readable map over several pages"))
    p.set_defaults(mode="auto")
    p.add_argument(
        "--no-findings", dest="findings", action="store_false", help=tr("leave the health check appendix out")
    )
    p.add_argument(
        "--scenario",
        choices=("as-is", "to-be"),
        default="as-is",
        help=tr("check the journey as it is (default) or as the team wants it to be"),
    )
    p.add_argument("--no-persona", dest="persona", action="store_false", help=tr("leave the persona pages out"))
    p.add_argument(
        "--no-details", dest="details", action="store_false", help=tr("leave the details of each stage out")
    )
    p.add_argument("--no-notes", dest="notes", action="store_false", help=tr("leave the scenario and notes pages out"))
    p.add_argument(
        "--force", action="store_true", help=tr("overwrite existing files, even read-only ones (never a .journey file)")
    )
    return p


@dataclass(frozen=True)
class Refusal:
    """Why the export cannot start, and the exit status that says so."""

    message: str
    status: int


def _as_folder(files: list[str], output: str) -> bool:
    """Whether OUT is a folder to export into (several inputs, or OUT ending in a separator)."""
    return len(files) > 1 or output.endswith(("/", os.sep) + ((os.altsep,) if os.altsep else ()))


def output_format(files: list[str], output: str, chosen: str | None) -> tuple[str, Refusal | None]:
    """The format to write: ``--format``, else the one OUT's name ends with, else PDF; and a refusal if they differ.

    ``-o plan.png`` without ``--format`` once wrote a PDF under that name, which no image viewer opens.
    """
    out = Path(output)
    named = None
    if not (_as_folder(files, output) or out.is_dir()):
        named = out.suffix.lower().lstrip(".")
        named = named if named in FORMATS else None
    if chosen is None:
        return named or "pdf", None
    if named is not None and named != chosen:
        reason = tr(
            "{path} is a .{named} name, but --format asks for {chosen}; "
            "name the file .{chosen}, or leave --format out",
            path=out,
            named=named,
            chosen=chosen,
        )
        return chosen, Refusal(reason, 2)
    return chosen, None


def targets(files: list[str], output: str, fmt: str, force: bool) -> tuple[list[tuple[str, Path]], list[Refusal]]:
    """Each input with the file it is exported to, and every reason not to start."""
    out = Path(output)
    as_folder = _as_folder(files, output)
    if as_folder and not out.is_dir():
        if out.exists():
            return [], [Refusal(tr("with several files, -o must be an existing folder: {path}", path=out), 2)]
        return [], [Refusal(tr("the folder {folder} does not exist", folder=out), 2)]
    into_folder = as_folder or out.is_dir()
    pairs = [(name, out / (Path(name).stem + "." + fmt) if into_folder else out) for name in files]
    refusals: list[Refusal] = []
    first_for: dict[str, str] = {}
    for name, target in pairs:
        key = os.path.normcase(os.path.abspath(target)).casefold()
        if key in first_for:
            refusals.append(
                Refusal(
                    tr(
                        "{first} and {second} would both be exported to {target}; "
                        "export them one at a time or to different folders",
                        first=first_for[key],
                        second=name,
                        target=target,
                    ),
                    2,
                )
            )
            continue
        first_for[key] = name
        refusals += _target_refusals(target, files, force, fmt)
    return pairs, refusals


def _target_refusals(target: Path, files: list[str], force: bool, fmt: str) -> list[Refusal]:
    if target.suffix.lower() == SUFFIX:
        reason = tr(
            "{path} is a journey file name; an export is never written there (choose a name ending in .{ext})",
            path=target,
            ext=fmt,
        )
        return [Refusal(reason, 1)]
    if any(_same_file(target, Path(f)) for f in files):
        return [Refusal(tr("{path} is one of the files being exported; it is never written over", path=target), 1)]
    if target.is_dir():
        return [Refusal(tr("cannot save {path}: {reason}", path=target, reason=tr("is a folder")), 1)]
    if target.exists() and not force:
        return [Refusal(tr("{path} already exists; use --force to overwrite it", path=target), 1)]
    return []


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def run(argv: list[str]) -> int:
    from workbench.export.pdf import PdfOptions, export_pdf
    from workbench.model.errors import LoadError, SaveError
    from workbench.model.interop.formats import JOURNEY, read_journey

    args = parser().parse_args(argv)
    args.format, mismatch = output_format(args.files, args.output, args.format)
    pairs, refusals = targets(args.files, args.output, args.format, args.force)
    if mismatch is not None:
        refusals.insert(0, mismatch)
    if refusals:
        for refusal in refusals:
            _error(refusal.message)
        _error(tr("nothing was exported"))
        return max(r.status for r in refusals)
    options = PdfOptions(
        page_size=args.page_size,
        orientation=args.orientation,
        mode=args.mode,
        title_page=args.title,
        legend=args.legend,
        persona=args.persona,
        details=args.details,
        notes=args.notes,
    )
    if args.format != "pdf":
        problem = _start_qt()
        if problem:
            _error(problem)
            _error(tr("nothing was exported"))
            return 2
    status = 0
    for name, target in pairs:
        try:
            read = read_journey(name)
            journey = read.journey
            if read.format != JOURNEY:
                for warning in read.warnings:
                    _error(f"{name}: {warning}")
            if args.format != "pdf":
                _export_image(journey, target, args, args.force)
                print(tr("wrote {path}", path=target))
                continue
            if args.findings:
                from workbench.model.analysis import appendix, check
                from workbench.cli_check import _warn_if_unfelt
                from workbench.model.feelings import scenario_of

                report = check(journey, scenario=scenario_of(args.scenario))
                _warn_if_unfelt(name, journey, report.metrics.scenario)
                options.findings, options.metrics = appendix(report, journey.language)
                options.finding_elements = [finding.elements for finding in report.findings]
            result = export_pdf(journey, target, options, replace_read_only=args.force)
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
        print(ntr("wrote {path} ({count} page)", "wrote {path} ({count} pages)", result.pages, path=target))
    return status


#: Kept alive for the images drawn with Qt (a QApplication must outlive its painters and fonts).
_qt_app: object = None


def _start_qt() -> str | None:
    """Images are drawn with Qt's painter, offscreen (no screen is needed). Why Qt cannot start, or None."""
    from workbench.cli import qt_problem

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    problem = qt_problem()
    if problem:
        return problem
    try:
        from PySide6.QtWidgets import QApplication

        from workbench.ui.app import register_fonts
    except ImportError as error:
        return tr("Qt cannot start: {reason}", reason=error)

    global _qt_app
    if QApplication.instance() is None:
        from workbench.i18n import current_language
        from workbench.ui.translator import install_translators

        _qt_app = QApplication(["workbench"])
        # What the image export says through Qt's translate() in the user's language too: "--lang fr export"
        # said "the image would be ... pixels" in English.
        _qt_app._translators = install_translators(_qt_app, current_language())  # type: ignore[attr-defined]
    register_fonts()
    return None


def _export_image(journey, target: Path, args: argparse.Namespace, force: bool) -> None:  # type: ignore[no-untyped-def]
    from workbench.ui.image_export import ImageOptions, export_png, export_svg

    options = ImageOptions(title=args.title, legend=args.legend)
    if args.format == "png":
        export_png(journey, target, args.scale, options=options, replace_read_only=force)
    else:
        export_svg(journey, target, options=options, replace_read_only=force)


def _error(message: str) -> None:
    from workbench.cli import _error as error

    error(message)
