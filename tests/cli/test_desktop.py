"""``workbench install-desktop``: menu entry, icons and the .journey file type in a temporary XDG home, and removed again."""

from __future__ import annotations

import configparser
import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from workbench import desktop

ROOT = Path(__file__).resolve().parents[2]


def workbench(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, XDG_DATA_HOME=str(home), LANGUAGE="en", PYTHONPATH=str(ROOT))
    env.pop("QT_QPA_PLATFORM", None)
    return subprocess.run([sys.executable, "-m", "workbench", *args], env=env, capture_output=True, text=True,
                          timeout=300)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="freedesktop integration is for Linux")
def test_install_then_uninstall_in_a_temporary_xdg_home(tmp_path) -> None:
    home = tmp_path / "share"
    (home / "applications").mkdir(parents=True)
    mine = home / "applications" / "other-app.desktop"
    mine.write_text("[Desktop Entry]\nName=Other\n", encoding="utf-8")

    result = workbench(home, "install-desktop")
    assert result.returncode == 0, result.stderr
    assert str(home) in result.stdout

    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]
    entry.read(home / "applications" / "journey-workbench.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Type"] == "Application" and section["Icon"] == "journey-workbench"
    assert section["MimeType"] == "application/x-journey-workbench;"
    assert section["Exec"].endswith(" %f") and section["Terminal"] == "false"

    for size in desktop.ICON_SIZES:
        icon = home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / "journey-workbench.png"
        assert png_size(icon) == (size, size)
    assert (home / "icons" / "hicolor" / "scalable" / "apps" / "journey-workbench.svg").read_bytes().startswith(b"<svg")

    package = (home / "mime" / "packages" / "journey-workbench.xml").read_text(encoding="utf-8")
    assert '<glob pattern="*.journey"/>' in package
    if (home / "mime" / "globs2").exists():  # update-mime-database ran: the desktop now knows the type
        assert "application/x-journey-workbench:*.journey" in (home / "mime" / "globs2").read_text()

    again = workbench(home, "install-desktop")  # twice is the same as once
    assert again.returncode == 0

    removed = workbench(home, "install-desktop", "--uninstall")
    assert removed.returncode == 0, removed.stderr
    left = [p for p in home.rglob("*journey-workbench*") if p.is_file()]
    assert left == [] and mine.read_text(encoding="utf-8").startswith("[Desktop Entry]")
    assert "nothing to remove" in workbench(home, "install-desktop", "--uninstall").stdout


def test_the_exec_line_quotes_a_launcher_in_a_folder_with_spaces() -> None:
    text = desktop.desktop_entry(["/home/ana/My Apps/venv/bin/python", "-m", "workbench"])
    assert 'Exec="/home/ana/My Apps/venv/bin/python" -m workbench %f' in text


def test_the_data_home_follows_xdg_and_ignores_a_relative_value(tmp_path) -> None:
    assert desktop.data_home({"XDG_DATA_HOME": str(tmp_path), "HOME": "/h"}) == tmp_path
    assert desktop.data_home({"XDG_DATA_HOME": "relative", "HOME": "/h"}) == Path("/h/.local/share")


def test_an_unwritable_home_says_so_with_exit_1(tmp_path) -> None:
    home = tmp_path / "share"
    home.mkdir()
    home.chmod(0o500)
    try:
        result = workbench(home, "install-desktop")
    finally:
        home.chmod(0o700)
    if os.geteuid() == 0:  # root writes anyway
        assert result.returncode == 0
    else:
        assert result.returncode == 1 and "cannot save" in result.stderr and "Traceback" not in result.stderr


def test_a_data_folder_that_cannot_be_made_says_so_with_exit_1(tmp_path) -> None:
    """A file where the data folder should be: nobody can write there, root included."""
    home = tmp_path / "share"
    home.write_text("not a folder", encoding="utf-8")
    result = workbench(home, "install-desktop")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "cannot save" in result.stderr and str(home / "applications") in result.stderr


def test_the_application_and_its_windows_carry_the_icon(qtbot) -> None:
    from workbench.ui.app import make_app
    from workbench.ui.main_window import MainWindow

    app = make_app()
    window = MainWindow()
    qtbot.addWidget(window)
    assert app.desktopFileName() == "journey-workbench"
    image = window.windowIcon().pixmap(48, 48).toImage()
    assert not image.isNull() and image.width() == 48
    assert image.pixelColor(24, 4).alpha() > 0  # drawn, not an empty pixmap
