"""``workbench merge BASE OURS THEIRS -o OUT``: three-way merge of journeys, usable as a git merge driver.

git calls it as ``workbench merge %O %A %B -o %A --name %P``: the result replaces
OURS, and the exit status tells git whether the merge is clean (0) or left
conflicts (1). Conflicts are never written as ``<<<<<<<`` markers: the file
loads, and lists them for the editor to resolve.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from workbench.cli import _error, _may_write, _same_file, printable
from workbench.i18n import ntr, tr

#: How many conflicts are listed on stderr before "... and N more".
SHOWN = 20


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workbench merge",
        description=tr(
            "Merge two versions of a journey edited from a common one, element by element and field by field. "
            "Exit 0: merged cleanly; 1: merged with conflicts, listed in the file for the editor to resolve; "
            "2: a file does not load."
        ),
    )
    parser.add_argument("base", metavar="BASE", help=tr("the common version both sides started from"))
    parser.add_argument("ours", metavar="OURS", help=tr("our version (it wins a conflict in the file)"))
    parser.add_argument("theirs", metavar="THEIRS", help=tr("their version"))
    parser.add_argument(
        "-o", "--output", required=True, metavar="OUT", help=tr("the .journey file to write (it may be OURS itself)")
    )
    parser.add_argument("--force", action="store_true", help=tr("overwrite OUT if it exists, even if it is read-only"))
    parser.add_argument(
        "--name",
        metavar="NAME",
        help=tr("the file's name in the messages (git passes its path as %%P; OUT is then a temporary file)"),
    )
    return parser


def _empty(path: Path) -> bool:
    """Whether *path* is an empty regular file: what git passes as BASE when both sides added the file."""
    try:
        return path.is_file() and path.stat().st_size == 0
    except OSError:
        return False


def run(argv: list[str]) -> int:
    """Exit 0 merged cleanly, 1 merged with conflicts (or not written), 2 a file that does not load."""
    from workbench.model.errors import LoadError, SaveError
    from workbench.model.fileformat import load_file, save
    from workbench.model.interop.formats import journey_only
    from workbench.model.interop.merge import merge_journeys

    args = _parser().parse_args(argv)
    loaded = []
    base_missing = _empty(Path(args.base))  # git's "added on both sides": no common version
    for name in (args.ours, args.theirs) if base_missing else (args.base, args.ours, args.theirs):
        try:
            journey_only(name)
            loaded.append(load_file(name))
        except LoadError as error:
            _error(tr("{name}: cannot merge: {error}", name=args.name, error=error) if args.name else str(error))
            return 2
    base, ours, theirs = [None, *loaded] if base_missing else loaded
    output = Path(args.output)
    try:
        journey_only(output, written=True)  # (a merge into a .csv wrote a journey's JSON there)
    except LoadError as error:
        _error(str(error))
        return 2
    if not _may_write(output, args.force, same_as=Path(args.ours)):
        return 1
    result = merge_journeys(None if base is None else base.journey, ours.journey, theirs.journey)
    in_place = _same_file(output, Path(args.ours))
    minor = max(part.minor for part in loaded)
    try:
        save(result.journey, output, minor=minor, backup=not in_place, extra=ours.extra, replace_read_only=args.force)
    except SaveError as error:
        _error(tr("cannot save {path}: {reason}", path=error.path, reason=error.reason))
        return 1
    shown = args.name or output
    if result.clean:
        print(tr("merged into {path}", path=shown))
        return 0
    count = len(result.new_conflicts)
    summary = ntr(
        "{path}: merged with {count} conflict; open it in Journey Workbench to resolve it",
        "{path}: merged with {count} conflicts; open it in Journey Workbench to resolve them",
        count,
        path=shown,
    )
    _error(summary)
    from workbench.model.conflicts import element_words, field_words
    from workbench.model.document import JourneyDocument

    # Each conflict named as the editor's dock names it, never by ids. (The merge's journey passed the checks:
    # not checked again, a second at 5,000 steps.)
    document = JourneyDocument(result.journey, checked=True)
    for conflict in result.new_conflicts[:SHOWN]:
        place = element_words(document, conflict)
        if conflict.field:
            line = tr("{place}: {field} changed on both sides", place=place, field=field_words(conflict, document))
        else:
            line = tr("{place}: removed on one side, changed on the other", place=place)
        _error("  " + printable(line))
    if count > SHOWN:
        _error("  " + tr("... and {count} more", count=count - SHOWN))
    return 1
