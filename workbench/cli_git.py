"""``workbench git-setup``: make git merge and diff ``.journey`` files with the workbench.

It adds ``*.journey merge=journey diff=journey`` to the repository's
top-level ``.gitattributes`` (once) and sets, in the repository's own config,
the merge driver (``workbench merge``, a field-level three-way merge that
never writes ``<<<<<<<`` markers into JSON) and the diff text conversion
(``workbench diff --textconv``). The commands name the Python running now by
its absolute path, so they work from a virtualenv that is not on PATH.
Running it twice changes nothing.
"""

from __future__ import annotations

import argparse
import shlex
import subprocess
import sys
from pathlib import Path

from workbench.cli import _error
from workbench.i18n import tr

ATTRIBUTES = "*.journey merge=journey diff=journey"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workbench git-setup",
        description=tr(
            "Set up the current git repository to merge and diff .journey files with Journey Workbench: "
            "a line in .gitattributes and the merge and diff drivers in the repository's config."
        ),
    )
    parser.add_argument(
        "--print",
        action="store_true",
        dest="print_only",
        help=tr("show the lines to add by hand instead of writing them"),
    )
    return parser


def config_values(python: str | None = None) -> list[tuple[str, str]]:
    """The git config entries of the drivers, for the Python *python* (by default the one running)."""
    command = f"{shlex.quote(python or sys.executable)} -m workbench"
    return [
        ("merge.journey.name", "Journey Workbench three-way merge"),
        ("merge.journey.driver", f"{command} merge %O %A %B -o %A --name %P"),
        ("diff.journey.textconv", f"{command} diff --textconv"),
    ]


def _git(args: list[str], cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, timeout=60)


def _top_level() -> Path | None:
    """The root of the git work tree holding the current folder; None (and says why) outside one."""
    try:
        found = _git(["rev-parse", "--show-toplevel"])
    except FileNotFoundError:
        _error(tr("git is not installed (or not on PATH)"))
        return None
    except (OSError, subprocess.SubprocessError) as error:
        _error(tr("cannot run git: {reason}", reason=error))
        return None
    if found.returncode != 0 or not found.stdout.strip():
        _error(tr("the current folder is not inside a git work tree; run 'workbench git-setup' in your repository"))
        return None
    return Path(found.stdout.strip())


def run(argv: list[str]) -> int:
    """Exit 0 set up (or shown with --print), 1 a file or the config could not be written, 2 not in a repository."""
    args = _parser().parse_args(argv)
    if args.print_only:
        print(tr("Add this line to .gitattributes:"))
        print(f"  {ATTRIBUTES}")
        print(tr("Then run, in the repository:"))
        for key, value in config_values():
            print(f"  git config {key} {shlex.quote(value)}")
        return 0
    top = _top_level()
    if top is None:
        return 2
    attributes = top / ".gitattributes"
    try:
        text = attributes.read_text(encoding="utf-8") if attributes.exists() else ""
        if ATTRIBUTES in (line.strip() for line in text.splitlines()):
            print(tr("{path} already has: {line}", path=attributes, line=ATTRIBUTES))
        else:
            separator = "" if not text or text.endswith("\n") else "\n"
            with open(attributes, "a", encoding="utf-8", newline="\n") as handle:
                handle.write(f"{separator}{ATTRIBUTES}\n")
            print(tr("added to {path}: {line}", path=attributes, line=ATTRIBUTES))
    except (OSError, UnicodeDecodeError) as error:
        _error(tr("cannot update {path}: {reason}", path=attributes, reason=getattr(error, "strerror", None) or error))
        return 1
    for key, value in config_values():
        done = _git(["config", "--local", key, value], cwd=top)
        if done.returncode != 0:
            _error(tr("cannot set the git config {key}: {reason}", key=key, reason=done.stderr.strip()))
            return 1
        print(tr("git config {key} = {value}", key=key, value=value))
    return 0
