"""``workbench git-setup``: make git merge and diff ``.journey`` files with the workbench.

It adds ``*.journey merge=journey diff=journey`` to the repository's
top-level ``.gitattributes`` (once) and sets, in the repository's own config,
the merge driver (``workbench merge``, a field-level three-way merge that
never writes ``<<<<<<<`` markers into JSON) and the diff text conversion
(``workbench diff --textconv``). It also adds the lock files of journeys open
in the editor (``.~lock.NAME.journey#``) to ``.gitignore``: committed, a lock
told everyone who cloned the repository that the file was being edited.
The commands name the Python running now by its absolute path, so they work
from a virtualenv that is not on PATH. Running it twice changes nothing.
"""

from __future__ import annotations

import argparse
import shlex
import subprocess
import sys
from pathlib import Path

from workbench.cli import _error
from workbench.i18n import tr
from workbench.model.locks import LOCK_PREFIX, LOCK_SUFFIX

ATTRIBUTES = "*.journey merge=journey diff=journey"
#: The lock sidecar of an open journey (workbench.model.locks.lock_path): one machine's, never shared.
IGNORED = f"{LOCK_PREFIX}*.journey{LOCK_SUFFIX}"


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
        print(tr("Add this line to .gitignore (the lock files of journeys open in the editor):"))
        print(f"  {IGNORED}")
        print(tr("Then run, in the repository:"))
        for key, value in config_values():
            print(f"  git config {key} {shlex.quote(value)}")
        return 0
    top = _top_level()
    if top is None:
        return 2
    if not (_add_line(top / ".gitattributes", ATTRIBUTES) and _add_line(top / ".gitignore", IGNORED)):
        return 1
    for key, value in config_values():
        done = _git(["config", "--local", key, value], cwd=top)
        if done.returncode != 0:
            _error(tr("cannot set the git config {key}: {reason}", key=key, reason=done.stderr.strip()))
            return 1
        print(tr("git config {key} = {value}", key=key, value=value))
    return 0


def _add_line(path: Path, line: str) -> bool:
    """*line* at the end of *path* unless it has it already (made if missing); False (and says why) on error."""
    try:
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        if line in (kept.strip() for kept in text.splitlines()):
            print(tr("{path} already has: {line}", path=path, line=line))
            return True
        separator = "" if not text or text.endswith("\n") else "\n"
        with open(path, "a", encoding="utf-8", newline="\n") as handle:
            handle.write(f"{separator}{line}\n")
        print(tr("added to {path}: {line}", path=path, line=line))
        return True
    except (OSError, UnicodeDecodeError) as error:
        _error(tr("cannot update {path}: {reason}", path=path, reason=getattr(error, "strerror", None) or error))
        return False
