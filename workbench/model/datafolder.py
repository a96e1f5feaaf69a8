"""The user's data folder: where recovery copies and saved versions live.

They live here, never beside the user's file: a shared drive or a git work
tree must not fill up with ``~`` files, and a copy beside the file could be
mistaken for it or written over by a colleague. platformdirs gives the
folder each system expects (``~/.local/share/Journey Workbench`` on Linux,
``%LOCALAPPDATA%`` on Windows, ``~/Library/Application Support`` on macOS).

``JOURNEY_WORKBENCH_DATA`` overrides it, so that tests, the kill-and-recover
benchmark and the editor processes they start never touch the real user's
copies (and never offer them a stranger's).
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

#: Names the data folder instead of the system's place for it.
DATA_ENV = "JOURNEY_WORKBENCH_DATA"
#: As QSettings names the application (see ``workbench/ui/app.py``).
APP_NAME = "Journey Workbench"


def data_folder() -> Path:
    """The data folder, not created (reading a missing folder must not create it)."""
    override = os.environ.get(DATA_ENV, "").strip()
    if override:
        return Path(override).expanduser().absolute()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False))


def subfolder(*parts: str, create: bool = True) -> Path:
    """A folder inside the data folder; created private (0700) when *create*.

    Private, because a recovery copy holds work the user has not chosen to
    share yet, whatever the umask says about other files.
    """
    folder = data_folder()
    if create:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    for part in parts:
        folder = folder / part
        if create:
            folder.mkdir(mode=0o700, exist_ok=True)
    return folder
