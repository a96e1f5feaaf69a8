"""PySide6's import hook, made to read a module's file instead of asking ``inspect`` for its source.

Once PySide6 is imported, shiboken looks at every module imported after it
to see whether it uses PySide6 (for its ``__feature__`` switches, which the
workbench does not use): ``inspect.getsource(module)``, then a search for
"PySide6". ``inspect`` goes through ``linecache`` and a decoding of each
file, and start-up imports about 160 modules after PySide6: 15-30 ms of
every start (``benchmarks/startup.py``), for any size of journey.

Reading the file's bytes answers the same question for a module loaded from
a ``.py`` file in UTF-8 or another encoding in which "PySide6" is the same
bytes (a file in another encoding may be answered otherwise; the answer only
sets the module's default for those switches). Anything else (a compiled
module, a file gone since, a loader of its own, an object that is not a
module) is asked of shiboken's own check, as before.

Importing this module installs the quicker check (once; shiboken without
that internal function is left as it is). ``workbench.ui.app`` imports it
right after PySide6, before the editor's own modules.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

import PySide6  # noqa: F401  (shiboken's support modules, the hook among them)

_MARK = b"PySide6"


def _feature_module() -> ModuleType | None:
    return sys.modules.get("shibokensupport.feature")


def reads_file(module: ModuleType) -> bool | None:
    """Whether *module*'s ``.py`` file names PySide6; None when it has no such file to read."""
    if not isinstance(module, ModuleType):
        return None
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return None
    try:
        with open(path, "rb") as source:
            return _MARK in source.read()
    except (OSError, ValueError):  # (ValueError: a path no file can have, with a null character)
        return None


def _quicker(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        found = reads_file(module)
        return original(module) if found is None else found

    uses_pyside.original = original  # type: ignore[attr-defined]
    return uses_pyside


def install() -> bool:
    """Put the quicker check in shiboken's place; False when there is nothing to replace (or it is done)."""
    feature = _feature_module()
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None or hasattr(original, "original"):
        return False
    feature._mod_uses_pyside = _quicker(original)  # type: ignore[union-attr]
    return True


install()
