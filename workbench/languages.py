"""Which language the application speaks: ``--lang``, else the user's preference, else the system's (no Qt).

- ``--lang fr`` (before the command: ``workbench --lang fr check ...``) wins;
- then the language chosen in Edit > Preferences, kept in
  ``preferences.json`` in the user's configuration folder (read by the
  command too, so both speak alike);
- then the system's: on Linux the gettext variables (see
  :func:`workbench.i18n.system_language`); on Windows the language of the
  user's interface; on macOS the first of the user's preferred languages
  (System Settings > Language & Region). There, too, an explicit
  ``LC_ALL``/``LC_MESSAGES``/``LANG``/``LANGUAGE`` (a terminal's) wins.

Whatever is chosen applies to what the application says; a journey's own
language decides what is written about it (the PDF, images).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from workbench.i18n import SUPPORTED, _language_code, system_language

APP_NAME = "Journey Workbench"
PREFERENCES = "preferences.json"
#: What the preference holds when the system decides.
SYSTEM = "system"
_GETTEXT_VARS = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def preferences_path() -> Path:
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False, roaming=True)) / PREFERENCES


@lru_cache(maxsize=1)
def preferred() -> str | None:
    """The language chosen in Preferences (None: the system's); a missing or damaged file is no choice."""
    try:
        data = json.loads(preferences_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    code = data.get("language") if isinstance(data, dict) else None
    return code if code in SUPPORTED else None


def set_preferred(code: str | None) -> Path:
    """Remember *code* (None or ``"system"``: follow the system) for the next start; the file written."""
    path = preferences_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        data = data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        data = {}
    data["language"] = code if code in SUPPORTED else SYSTEM
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".part")
    temporary.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    os.replace(temporary, path)
    preferred.cache_clear()
    return path


def os_language(environ: Mapping[str, str] | None = None, platform: str | None = None) -> str:
    """The system's language, if the workbench speaks it; else English."""
    environ = os.environ if environ is None else environ
    platform = sys.platform if platform is None else platform
    if platform.startswith(("win", "darwin")) and not any(environ.get(v) for v in _GETTEXT_VARS):
        found = _windows_language() if platform.startswith("win") else _macos_language()
        code = _language_code((found or "").replace("-", "_"))
        return code if code in SUPPORTED else "en"
    return system_language(environ)


@lru_cache(maxsize=1)
def _windows_language() -> str | None:
    """``fr_FR`` for a French Windows: the language of the user's interface."""
    try:
        import ctypes
        import locale

        lcid = ctypes.windll.kernel32.GetUserDefaultUILanguage()  # type: ignore[attr-defined]
        return locale.windows_locale.get(lcid)
    except (AttributeError, OSError, ValueError):
        return None


@lru_cache(maxsize=1)
def _macos_language() -> str | None:
    """``fr-FR`` for a Mac set to French: the first of the user's preferred languages."""
    try:
        shown = subprocess.run(
            ["defaults", "read", "-g", "AppleLanguages"], capture_output=True, text=True, timeout=5, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    words = [w.strip(' "(),\n') for w in shown.split(",")]
    return next((w for w in words if w), None)


def choose(option: str | None = None) -> str:
    """The language to speak: *option* (``--lang``), else the preference, else the system's."""
    if option in SUPPORTED:
        return option
    return preferred() or os_language()
