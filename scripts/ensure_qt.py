"""Checks that Qt can start on this machine; installs the missing system
packages when it cannot and we are root, otherwise prints the command to run.

Qt is probed in a child process because a missing library can abort the
interpreter instead of raising an ImportError.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
INSTALL = HERE / "install-system-packages.sh"
PROBE = (
    "from PySide6.QtWidgets import QApplication, QWidget\n"
    "app = QApplication([])\n"
    "QWidget().show()\n"
)


def qt_starts(offscreen: bool) -> tuple[bool, str]:
    env = dict(os.environ)
    if offscreen:
        env["QT_QPA_PLATFORM"] = "offscreen"
    proc = subprocess.run(
        [sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, timeout=120
    )
    return proc.returncode == 0, proc.stderr.strip()


def last_line(text: str) -> str:
    """The last non-blank line of a child's stderr: usually the reason it died."""
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return lines[-1] if lines else "(it printed no reason)"


#: What the real-window tests drive the editor with (`--test-tools`).
TEST_TOOLS = ("xvfb-run", "Xvfb", "xdotool")


def missing_tools() -> list[str]:
    return [tool for tool in TEST_TOOLS if shutil.which(tool) is None]


def main() -> int:
    offscreen = "--offscreen" in sys.argv[1:]
    tools = "--test-tools" in sys.argv[1:]
    ok, err = qt_starts(offscreen)
    missing = missing_tools() if tools else []
    if ok and not missing:
        return 0
    if not ok:
        print("Qt cannot start on this machine:", last_line(err), file=sys.stderr)
    if missing:
        print("The real-window tests need:", ", ".join(missing), file=sys.stderr)
    if os.name == "posix" and os.geteuid() == 0 and Path("/usr/bin/apt-get").exists():
        print("Installing the system packages Qt and the tests need...", file=sys.stderr)
        subprocess.run(["sh", str(INSTALL)], check=True)
        ok, err = qt_starts(offscreen)
        missing = missing_tools() if tools else []
        if ok and not missing:
            return 0
        print(err or "still missing: " + ", ".join(missing), file=sys.stderr)
        return 1
    print(f"Install the system packages Qt needs, as root: sh {INSTALL}", file=sys.stderr)
    return 1


if __name__ == "__main__":
    sys.exit(main())
