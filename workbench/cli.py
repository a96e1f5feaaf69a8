"""The ``workbench`` command: open the GUI (default), or work on files.

    workbench [FILE]                                  open the editor
    workbench new --sector SECTOR [--lang en|fr] -o FILE [--force]
    workbench check FILE... [--format text|json|sarif|junit] ...   (see cli_check.py)
    workbench convert FILE -o FILE [--force]          formats chosen by extension
    workbench export FILE... -o OUT [--force]         (see cli_export.py)
    workbench diff A B [--format text|json] | --textconv FILE   (see cli_diff.py)
    workbench merge BASE OURS THEIRS -o OUT           (see cli_merge.py)
    workbench git-setup                               (see cli_git.py)
    workbench install-desktop [--uninstall]           (see cli_desktop.py)

Errors go to stderr as one clear sentence naming the file; no traceback ever
reaches the user. Exit codes: 0 success, 1 failure to write, 2 a file that
does not load or a usage error, 141 when whoever reads the output stopped
reading (``workbench check ... | head -1``), as a shell reports a program
ended by SIGPIPE. Nothing is ever written over an existing file without
``--force``.
"""

from __future__ import annotations

import argparse
import importlib
import io
import os
import re
import sys
from collections.abc import Callable
from pathlib import Path

from workbench.i18n import current_language, tr, translations

COMMANDS = ("new", "check", "convert", "export", "diff", "merge", "git-setup", "install-desktop")
#: The exit status of a command whose reader went away: 128 + SIGPIPE, as the shell reports it.
PIPE_CLOSED = 141


class _Version(argparse.Action):
    """``--version``, reading the installed metadata only when asked (it is slow to import)."""

    def __call__(self, parser, namespace, values, option_string=None):  # type: ignore[no-untyped-def]
        from workbench.version import __version__

        try:
            sys.stdout.write(f"workbench {__version__}\n")
            sys.stdout.flush()
        except (AttributeError, OSError):  # no stdout, or its reader went away: as argparse, quiet
            pass
        parser.exit()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workbench",
        description=tr("Journey Workbench: design customer journey maps."),
        epilog=tr(
            "Commands: new, check, convert, export, diff, merge, git-setup and install-desktop; "
            "each says more with --help ('workbench new --help'). "
            "Without a command, the editor opens (on FILE if given)."
        ),
    )
    parser.add_argument("--version", action=_Version, nargs=0, help=tr("show the version and exit"))
    parser.add_argument(
        "--lang",
        choices=("en", "fr"),
        help=tr("the language the application speaks, before any command (default: Preferences, else the system's)"),
    )
    parser.add_argument("file", nargs="?", metavar="FILE", help=tr("a .journey file to open"))
    return parser


def _new_parser() -> argparse.ArgumentParser:
    from workbench.model.journey import SECTORS

    parser = argparse.ArgumentParser(prog="workbench new", description=tr("Write a new journey for a sector."))
    parser.add_argument(
        "--sector",
        required=True,
        metavar="SECTOR",
        help=tr("one of: {sectors}", sectors=", ".join(s.replace("_", "-") for s in SECTORS)),
    )
    parser.add_argument("--lang", choices=("en", "fr"), default=None, help=tr("language of the journey"))
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help=tr("the .journey file to write"))
    parser.add_argument("--force", action="store_true", help=tr("overwrite FILE if it exists, even if it is read-only"))
    return parser


def _convert_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workbench convert",
        description=tr(
            "Write a journey in another format, chosen by the extensions: .journey (older versions are "
            "migrated; the result is the file the editor would save), .mmd (a Mermaid journey diagram), "
            ".csv (a sheet of cards), and for OUT also .pdf, .png and .svg (as 'workbench export' draws them)."
        ),
    )
    parser.add_argument("file", metavar="FILE", help=tr("the file to read (.journey, .mmd or .csv)"))
    parser.add_argument(
        "-o", "--output", required=True, metavar="OUT", help=tr("the file to write (it may be FILE itself)")
    )
    parser.add_argument(
        "--separator",
        choices=("comma", "semicolon", "tab"),
        default=None,
        help=tr("between the cells of a .csv written (default: semicolon for a French journey, else comma)"),
    )
    parser.add_argument("--force", action="store_true", help=tr("overwrite OUT if it exists, even if it is read-only"))
    return parser


def cmd_new(argv: list[str]) -> int:
    from workbench.model.errors import LoadError, SaveError
    from workbench.model.fileformat import save
    from workbench.model.interop.formats import journey_only
    from workbench.model.templates import normalise_sector, template

    args = _new_parser().parse_args(argv)
    sector = normalise_sector(args.sector)
    if sector is None:
        _error(tr("unknown sector {sector!r}; see 'workbench new --help'", sector=args.sector))
        return 2
    output = Path(args.output)
    try:
        journey_only(output, written=True)  # (a .csv or .mmd name got a journey's JSON)
    except LoadError as error:
        _error(str(error))
        return 2
    if not _may_write(output, args.force):
        return 1
    try:
        journey = template(sector, args.lang or current_language())
    except LoadError as error:  # a damaged installation: say which template
        _error(str(error))
        return 2
    try:
        save(journey, output, replace_read_only=args.force)
    except SaveError as error:
        _error(tr("cannot save {path}: {reason}", path=error.path, reason=error.reason))
        return 1
    print(tr("wrote {path}", path=output))
    return 0


def _may_write(output: Path, force: bool, same_as: Path | None = None) -> bool:
    """False (and says why) when *output* is a folder, or exists and --force was not given.

    Writing a journey over the file it was read from (*same_as*) needs no
    --force: that is what saving is, and the previous version is kept as ``.bak``.
    """
    if output.is_dir():
        _error(tr("cannot save {path}: {reason}", path=output, reason=tr("is a folder")))
        return False
    if output.exists() and not force and not (same_as is not None and _same_file(output, same_as)):
        _error(tr("{path} already exists; use --force to overwrite it", path=output))
        return False
    return True


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def cmd_convert(argv: list[str]) -> int:
    """Read one file and write it in the format OUT's extension names.

    Exit 0 written, 1 not written, 2 the file does not load.
    A drawing (PDF, PNG, SVG) is made by the export, with its default options.
    """
    from workbench.model.errors import LoadError, SaveError
    from workbench.model.interop.formats import DRAWINGS, JOURNEY, format_of, not_carried, read_journey, write_journey

    args = _convert_parser().parse_args(argv)
    source, output = Path(args.file), Path(args.output)
    if output.suffix.lower() in DRAWINGS:
        from workbench.cli_export import run

        return run([args.file, "-o", args.output, "--format", output.suffix.lower()[1:]] + ["--force"] * args.force)
    try:
        read = read_journey(source)
    except LoadError as error:
        _error(str(error))
        return 2
    if read.format != JOURNEY:
        for warning in read.warnings:
            _error(f"{source}: {printable(warning)}")
    same_format = format_of(output) == read.format
    if not _may_write(output, args.force, same_as=source if same_format else None):
        return 1
    try:
        write_journey(
            read.journey,
            output,
            loaded=read.loaded if format_of(output) == JOURNEY else None,
            replace_read_only=args.force,
            separator={"comma": ",", "semicolon": ";", "tab": "\t", None: None}[args.separator],
        )
    except SaveError as error:
        _error(tr("cannot save {path}: {reason}", path=error.path, reason=error.reason))
        return 1
    lost = not_carried(read.journey, format_of(output))
    if lost:
        _error(tr("{path}: not carried by this format: {what}", path=output, what=", ".join(lost)))
    if read.loaded is not None and read.loaded.migrated_from is not None and format_of(output) == JOURNEY:
        print(tr("wrote {path} (migrated from format {old})", path=output, old=read.loaded.migrated_from))
    else:
        print(tr("wrote {path}", path=output))
    return 0


#: Commands whose code is a module of its own, imported only when the command runs.
MODULES = {
    "check": "workbench.cli_check",
    "export": "workbench.cli_export",
    "diff": "workbench.cli_diff",
    "merge": "workbench.cli_merge",
    "git-setup": "workbench.cli_git",
    "install-desktop": "workbench.cli_desktop",
}


def _module_command(command: str) -> Callable[[list[str]], int]:
    def run(argv: list[str]) -> int:
        return importlib.import_module(MODULES[command]).run(argv)

    return run


cmd_check = _module_command("check")


def cmd_gui(argv: list[str]) -> int:
    args = _parser().parse_args(argv)
    if not display_available():
        # Qt would abort the whole process (a core dump), not raise: say why first.
        _error(
            tr(
                "no display was found (DISPLAY and WAYLAND_DISPLAY are not set); to run without a screen, "
                "set QT_QPA_PLATFORM=offscreen, or start the editor under xvfb-run"
            )
        )
        return 2
    problem = qt_problem()
    if problem:
        _error(problem)
        return 2
    from workbench.ui.memory import hold_off, resume

    hold_off()  # what start-up makes lives on: no collection walks it until the first paint
    for name in BEFORE_QT:
        importlib.import_module(name)
    try:
        from workbench.ui.app import run
    except ImportError as error:  # a library the check does not know of (PySide6 names it)
        resume()
        _error(tr("Qt cannot start: {reason}", reason=error))
        return 2
    return run(args.file)


def qt_problem() -> str | None:
    """Why Qt cannot start here (system libraries missing, with the command to install them), or None."""
    from workbench.qtcheck import problem

    return problem()


#: The Qt-free modules the editor's first window needs (pydantic and the model with them),
#: imported before PySide6: once PySide6 is imported, its import hook reads the source of
#: every module imported after it (to see whether it uses PySide6), a few hundred here.
BEFORE_QT = (
    "workbench.model.document",
    "workbench.model.fileformat",
    "workbench.model.recovery",
    "workbench.model.templates",
    "workbench.layout",
)


def display_available(environ: dict[str, str] | None = None, platform: str | None = None) -> bool:
    """False where Qt is certain to find no screen: Linux and BSD without X11 or Wayland.

    Windows and macOS always have one; an explicit ``QT_QPA_PLATFORM``
    (offscreen, vnc, eglfs...) is the user's choice and is trusted.
    """
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if platform.startswith(("win", "darwin")):
        return True
    return any(environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """*text* (a finding quoting step titles) safe for a terminal: control characters become spaces.

    A title pasted from Word holds vertical tabs; one from a hostile file
    could hold escape sequences that rewrite the terminal. One line per
    finding also keeps the output easy for scripts to read.
    """
    return _CONTROL.sub(" ", text)


def _error(message: str) -> None:
    try:
        print(f"workbench: {message}", file=sys.stderr)
    except UnicodeEncodeError:  # a terminal that cannot show accents still gets the sentence
        print(f"workbench: {message}".encode("ascii", "backslashreplace").decode("ascii"), file=sys.stderr)


def speak_argparse() -> None:
    """argparse's own texts (``usage:``, ``the following arguments are required``) in the user's language.

    argparse looks its texts up through the names ``_`` and ``ngettext`` it
    took from gettext; they are pointed at the workbench's catalogue, where
    ``scripts/update_translations.py`` lists them.
    """
    argparse._ = lambda text: translations(current_language()).gettext(text)  # type: ignore[attr-defined]
    plural = lambda one, many, n: translations(current_language()).ngettext(one, many, n)  # noqa: E731
    argparse.ngettext = plural  # type: ignore[attr-defined]


def take_language(argv: list[str]) -> list[str]:
    """Apply a leading ``--lang CODE`` (the language the application speaks) and return the rest.

    It comes before the command (``workbench --lang fr check plan.journey``):
    after ``new``, ``--lang`` is the language of the journey written. Without
    it, the language chosen in Preferences, else the system's.
    """
    from workbench.i18n import SUPPORTED, set_language
    from workbench.languages import choose

    option = None
    while argv and (argv[0] == "--lang" or argv[0].startswith("--lang=")):
        if argv[0] == "--lang":
            if len(argv) < 2:
                raise _UsageError(tr("--lang needs a language: {codes}", codes=", ".join(SUPPORTED)))
            option, argv = argv[1], argv[2:]
        else:
            option, argv = argv[0].split("=", 1)[1], argv[1:]
        if option not in SUPPORTED:
            codes = ", ".join(SUPPORTED)
            raise _UsageError(tr("unknown language {code!r}; choose one of: {codes}", code=option, codes=codes))
    set_language(choose(option))
    return argv


class _UsageError(Exception):
    """A mistake in the options before the command (exit 2, as argparse's)."""


def main(argv: list[str] | None = None) -> int:
    """Run the command; a reader that stops reading (``| head``) ends it quietly with 141."""
    speak_argparse()
    try:
        try:
            arguments = take_language(list(sys.argv[1:] if argv is None else argv))
        except _UsageError as error:
            _error(str(error))
            return 2
        status = _dispatch(arguments)
        sys.stdout.flush()  # a pipe holds output until here: a closed one fails now, not at exit
        return status
    except BrokenPipeError:
        _quiet_closed_streams()
        return PIPE_CLOSED


def gui_main(argv: list[str] | None = None) -> int:
    """``workbench-gui [FILE]``: the editor only (a GUI entry point: no console window on Windows)."""
    speak_argparse()
    try:
        try:
            args = take_language(list(sys.argv[1:] if argv is None else argv))
        except _UsageError as error:
            _error(str(error))
            return 2
        return cmd_gui(args)
    except KeyboardInterrupt:
        return 130
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 2)


def _dispatch(argv: list[str]) -> int:
    commands = {name: _module_command(name) for name in MODULES}
    commands.update({"new": cmd_new, "check": cmd_check, "convert": cmd_convert})
    try:
        if argv and argv[0] in COMMANDS:
            return commands[argv[0]](argv[1:])
        return cmd_gui(argv)
    except KeyboardInterrupt:
        return 130
    except SystemExit as exit_:
        return exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 2)
    except BrokenPipeError:
        raise
    except Exception as error:  # last resort: a sentence, not a traceback
        detail = f"{type(error).__name__}: {error}"
        try:
            message = tr("unexpected error: {error}", error=detail)
        except Exception:  # the catalogue itself is broken or missing
            message = f"unexpected error: {detail}"
        _error(message)
        return 70


def _quiet_closed_streams() -> None:
    """Point stdout and stderr at the null device, so that what is still
    buffered for a closed pipe is dropped at exit instead of raising again
    (Python would print "Exception ignored ... BrokenPipeError")."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        return
    for stream in (sys.stdout, sys.stderr):
        try:
            os.dup2(devnull, stream.fileno())
        except (OSError, ValueError, AttributeError, io.UnsupportedOperation):
            continue  # not a real file (captured by a test): nothing will be flushed to a pipe
    os.close(devnull)
