"""Where the file dialogs start: never in a folder that is gone.

Given a folder that no longer exists, Qt's file dialog starts in the
program's working folder, and Enter saved the journey there (a shared
folder removed under an open file, a recovery copy of a file whose folder
went since).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings


def start_folder(path: Path | None = None) -> Path:
    """The folder of *path*, else the last one used, else home: the first that exists."""
    for folder in (path.parent if path is not None else None, QSettings().value("last-folder")):
        if folder and Path(str(folder)).is_dir():
            return Path(str(folder))
    return Path.home()


def in_existing_folder(path: Path) -> Path:
    """*path*, or its name in :func:`start_folder` when its own folder is gone."""
    return path if path.parent.is_dir() else start_folder() / path.name
