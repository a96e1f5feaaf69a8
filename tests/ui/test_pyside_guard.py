"""Guards against shipping a PySide6 that aborts the interpreter.

PySide6 6.12.0 on Python 3.11 aborts after a few thousand calls of methods
returning None ("none_dealloc", see shared DESIGN.md). The calls run in a
child process so that an abort fails this test instead of killing the run.
"""

from __future__ import annotations

import os
import subprocess
import sys

CALLS = 100_000

SCRIPT = f"""
from PySide6.QtWidgets import QApplication, QWidget
from PySide6.QtCore import QObject
app = QApplication([])
widget = QWidget()
obj = QObject()
for i in range({CALLS}):
    widget.setEnabled(i % 2 == 0)   # returns None
    obj.setObjectName("x")          # returns None
print("calls done", {CALLS})
"""


def test_many_calls_of_none_returning_setters_do_not_abort() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", SCRIPT], env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, f"PySide6 aborted (exit {proc.returncode}): {proc.stderr[-2000:]}"
    assert f"calls done {CALLS}" in proc.stdout


def test_installed_pyside_is_not_the_known_bad_release() -> None:
    import PySide6

    if sys.version_info[:2] == (3, 11):
        assert tuple(int(p) for p in PySide6.__version__.split(".")[:2]) < (6, 12), PySide6.__version__
