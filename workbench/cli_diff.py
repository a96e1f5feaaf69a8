"""``workbench diff``: what changed between two journeys, by element, for people or tools.

    workbench diff A.journey B.journey [--format text|json]
    workbench diff --textconv FILE

Exit codes follow diff(1): 0 the journeys are the same, 1 they differ, 2 a
file does not load (its LoadError on stderr) or a usage error. A pure
renumbering of order fields is no difference (see ``model/interop/diff.py``).

``--textconv`` prints one journey as readable lines, for git:
``git config diff.journey.textconv "workbench diff --textconv"`` with
``*.journey diff=journey`` in ``.gitattributes`` makes ``git diff`` and
``git log -p`` show journeys instead of JSON. Git passes one path; a file
that does not load is shown as it is, with a line on stderr.
"""

from __future__ import annotations

import argparse
import json
import sys

from workbench.cli import _error, printable
from workbench.i18n import current_language, tr


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workbench diff",
        description=tr(
            "Compare two journeys element by element: steps, cards, handoffs, links, stages and lanes "
            "added, removed, changed or moved, and emotions changed."
        ),
        epilog=tr(
            "Exit status: 0 the journeys are the same, 1 they differ, 2 a file does not load. "
            "For git: 'git config diff.journey.textconv \"workbench diff --textconv\"' "
            "and '*.journey diff=journey' in .gitattributes."
        ),
    )
    parser.add_argument("files", nargs="+", metavar="FILE", help=tr("the old and the new .journey file"))
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help=tr("text for people, JSON for tools")
    )
    parser.add_argument(
        "--textconv",
        action="store_true",
        help=tr("print one journey as readable lines, for git's textconv (one FILE)"),
    )
    return parser


def run(argv: list[str]) -> int:
    """Exit 0 same, 1 different, 2 a file that does not load or a usage error."""
    from workbench.model.errors import LoadError
    from workbench.model.fileformat import load_file
    from workbench.model.interop.diff import diff, to_json, to_text
    from workbench.model.interop.formats import journey_only

    parser = _parser()
    args = parser.parse_args(argv)
    wanted = 1 if args.textconv else 2
    if len(args.files) != wanted:
        parser.error(
            tr("--textconv takes one FILE") if args.textconv else tr("give two files: the old one and the new one")
        )
    if args.textconv:
        return _textconv(args.files[0])
    journeys = []
    status = 0
    for name in args.files:
        try:
            # A newer major version is read, not refused: comparing never writes.
            journey_only(name)
            journeys.append(load_file(name, allow_newer=True).journey)
        except LoadError as error:
            _error(str(error))
            status = 2
    if status:
        return status
    language = current_language()
    old_name, new_name = args.files
    result = diff(journeys[0], journeys[1])
    if args.format == "json":
        print(json.dumps(to_json(result, old_name=old_name, new_name=new_name), indent=2, ensure_ascii=False))
    else:
        text = to_text(result, language, old_name=printable(old_name), new_name=printable(new_name))
        print(text, end="")
    return 1 if result else 0


def _textconv(name: str) -> int:
    """The journey in *name* as lines for git; a file that does not load is shown as it is (0 either way).

    git stops the whole ``git diff`` when a textconv fails: a half-edited or
    broken journey is exactly what its author needs to see, so its raw text
    is printed instead, after a line on stderr saying why.
    """
    from workbench.model.errors import LoadError
    from workbench.model.fileformat import load_file
    from workbench.model.interop.diff import textconv

    try:
        journey = load_file(name, allow_newer=True).journey
    except LoadError as error:
        _error(tr("{error} (shown as it is)", error=error))
        try:
            with open(name, "rb") as handle:
                sys.stdout.flush()
                sys.stdout.buffer.write(handle.read())
        except OSError:
            return 2  # nothing to show at all: git says so
        return 0
    print(textconv(journey, current_language()), end="")
    return 0
