"""When Qt's system libraries are missing, the command says which and how to install them (exit 2), never a core dump.

The missing library is simulated: the loader the check uses is replaced, in a
child process, so the real machine (which has them all) can show the path a
bare one takes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from workbench import qtcheck

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "banking-savings.journey"


def test_the_libraries_asked_for_depend_on_the_platform_qt_will_use() -> None:
    asked: list[str] = []

    def loads(name: str) -> bool:
        asked.append(name)
        return name != "libxcb-cursor.so.0"

    assert qtcheck.missing_libraries({"DISPLAY": ":0"}, "linux", loads) == {"libxcb-cursor.so.0": "libxcb-cursor0"}
    assert "libGL.so.1" in asked
    asked.clear()
    assert qtcheck.missing_libraries({"QT_QPA_PLATFORM": "offscreen"}, "linux", loads) == {}
    assert "libGL.so.1" in asked and "libxcb-cursor.so.0" not in asked
    assert qtcheck.missing_libraries({"DISPLAY": ":0"}, "win32", lambda name: False) == {}
    assert qtcheck.uses_xcb({"QT_QPA_PLATFORM": "xcb:foo"}) and not qtcheck.uses_xcb({"WAYLAND_DISPLAY": "w"})


def test_this_machine_has_what_qt_needs_offscreen() -> None:
    assert qtcheck.missing_libraries({"QT_QPA_PLATFORM": "offscreen"}) == {}


def run_without(library: str, *args: str, display: str | None = ":4242") -> subprocess.CompletedProcess[str]:
    code = (
        "import sys\n"
        "import workbench.qtcheck as check\n"
        f"check._loads = lambda name: name != {library!r}\n"
        "from workbench.cli import main\n"
        "status = main(sys.argv[1:])\n"
        "print('PySide6 imported' if 'PySide6' in sys.modules else 'PySide6 not imported')\n"
        "sys.exit(status)\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env.update(LANGUAGE="en", PYTHONPATH=str(ROOT))
    if display:
        env["DISPLAY"] = display
    return subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True, timeout=120)


def test_the_editor_without_libxcb_cursor_names_it_and_the_command_and_exits_2() -> None:
    result = run_without("libxcb-cursor.so.0", str(EXAMPLE))
    assert result.returncode == 2, result.stderr
    assert "libxcb-cursor.so.0" in result.stderr
    assert "sudo apt-get install -y libxcb-cursor0" in result.stderr
    assert "Traceback" not in result.stderr and "PySide6 not imported" in result.stdout


def test_an_image_export_without_libgl_says_so_and_writes_nothing(tmp_path) -> None:
    out = tmp_path / "map.png"
    result = run_without("libGL.so.1", "export", str(EXAMPLE), "-o", str(out), "--format", "png", display=None)
    assert result.returncode == 2, result.stderr
    assert "libGL.so.1" in result.stderr and "apt-get install -y libgl1" in result.stderr
    assert "nothing was exported" in result.stderr and not out.exists()


def test_a_display_that_does_not_answer_is_named_instead_of_an_abort() -> None:
    result = run_without("no library is missing", str(EXAMPLE), display=":4242")
    assert result.returncode == 2, result.stderr
    assert "cannot connect to the display :4242" in result.stderr and "xvfb-run" in result.stderr
    assert "PySide6 not imported" in result.stdout
