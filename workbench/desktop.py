"""Linux desktop integration: a menu entry, an icon and a file type for `.journey` files (no Qt here).

``workbench install-desktop`` writes, into the user's XDG data folder
(``$XDG_DATA_HOME``, by default ``~/.local/share``), the files a freedesktop
desktop reads: ``applications/journey-workbench.desktop`` (the menu entry,
opening files given to it), the icon in the usual sizes under
``icons/hicolor/`` (for the application and for its files), and
``mime/packages/journey-workbench.xml`` (the file type: ``*.journey``, or any
JSON starting with the format's name). It then asks the desktop's tools, when
they are there, to read them again. ``--uninstall`` removes exactly those files.
Nothing is written outside the user's own folder, and nothing needs root.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

from workbench.i18n import tr

DESKTOP_ID = "journey-workbench"
ICON_FILE = "journey-workbench.svg"
MIME_TYPE = "application/x-journey-workbench"
MIME_ICON = MIME_TYPE.replace("/", "-")
#: The sizes desktops look for in the hicolor theme.
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def data_home(environ: Mapping[str, str] | None = None) -> Path:
    """``$XDG_DATA_HOME`` if set to an absolute path (as the specification says), else ``~/.local/share``."""
    environ = os.environ if environ is None else environ
    value = environ.get("XDG_DATA_HOME", "")
    if value and os.path.isabs(value):
        return Path(value)
    return Path(environ.get("HOME") or Path.home()) / ".local" / "share"


def launcher() -> list[str]:
    """The command that opens the editor: the installed ``workbench-gui`` beside this Python, or ``python -m workbench``."""
    folder = Path(sys.executable).parent
    for name in ("workbench-gui", "workbench"):
        script = folder / name
        if script.is_file() and os.access(script, os.X_OK):
            return [str(script)]
    return [sys.executable, "-m", "workbench"]


def _quoted(argument: str) -> str:
    """An Exec argument as the desktop entry specification quotes it."""
    if not any(ch in argument for ch in ' \t\n"\'\\><~|&;$*?#()`='):
        return argument
    escaped = argument.replace("\\", "\\\\").replace('"', '\\"').replace("`", "\\`").replace("$", "\\$")
    return f'"{escaped}"'


def desktop_entry(command: list[str]) -> str:
    exec_line = " ".join(_quoted(part).replace("%", "%%") for part in command) + " %f"
    return "\n".join(
        [
            "[Desktop Entry]",
            "Type=Application",
            "Name=Journey Workbench",
            "GenericName=Customer journey map editor",
            "GenericName[fr]=Éditeur de parcours clients",
            "Comment=Design customer journey maps, check them, export PDF deliverables",
            "Comment[fr]=Concevoir des parcours clients, les vérifier, en exporter des livrables PDF",
            f"Exec={exec_line}",
            f"Icon={DESKTOP_ID}",
            "Terminal=false",
            f"MimeType={MIME_TYPE};",
            "Categories=Office;Graphics;",
            "Keywords=journey;customer;map;persona;service design;parcours;",
            f"StartupWMClass={DESKTOP_ID}",
            "",
        ]
    )


def mime_package() -> str:
    return "\n".join(
        [
            '<?xml version="1.0" encoding="UTF-8"?>',
            '<mime-info xmlns="http://www.freedesktop.org/standards/shared-mime-info">',
            f'  <mime-type type="{MIME_TYPE}">',
            "    <comment>Customer journey map</comment>",
            '    <comment xml:lang="fr">Parcours client</comment>',
            '    <sub-class-of type="application/json"/>',
            f'    <icon name="{MIME_ICON}"/>',
            '    <glob pattern="*.journey"/>',
            '    <magic priority="60">',
            '      <match type="string" offset="0:64" value="&quot;journey-workbench&quot;"/>',
            "    </magic>",
            "  </mime-type>",
            "</mime-info>",
            "",
        ]
    )


def planned(home: Path) -> dict[Path, str]:
    """Every file the installation writes, and what it is ("entry", "mime", "svg" or a PNG size)."""
    files: dict[Path, str] = {
        home / "applications" / f"{DESKTOP_ID}.desktop": "entry",
        home / "mime" / "packages" / f"{DESKTOP_ID}.xml": "mime",
        home / "icons" / "hicolor" / "scalable" / "apps" / f"{DESKTOP_ID}.svg": "svg",
        home / "icons" / "hicolor" / "scalable" / "mimetypes" / f"{MIME_ICON}.svg": "svg",
    }
    for size in ICON_SIZES:
        folder = home / "icons" / "hicolor" / f"{size}x{size}"
        files[folder / "apps" / f"{DESKTOP_ID}.png"] = str(size)
        files[folder / "mimetypes" / f"{MIME_ICON}.png"] = str(size)
    return files


def install(home: Path, svg: bytes, png: Callable[[int], bytes], command: list[str] | None = None) -> list[Path]:
    """Write the desktop files under *home*; *png* draws the icon at a size. The paths written."""
    written = []
    for path, kind in planned(home).items():
        if kind == "entry":
            data = desktop_entry(command or launcher()).encode("utf-8")
        elif kind == "mime":
            data = mime_package().encode("utf-8")
        elif kind == "svg":
            data = svg
        else:
            data = png(int(kind))
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".part")
        temporary.write_bytes(data)
        os.replace(temporary, path)
        written.append(path)
    refresh(home)
    return written


def uninstall(home: Path) -> list[Path]:
    """Remove what :func:`install` wrote under *home* (and nothing else); the paths removed."""
    removed = []
    for path in planned(home):
        if path.is_file() or path.is_symlink():
            path.unlink()
            removed.append(path)
    refresh(home)
    return removed


def refresh(home: Path) -> list[str]:
    """Ask the desktop's tools that are installed to read the folders again; the tools run."""
    tools = [
        ("update-mime-database", [str(home / "mime")]),
        ("update-desktop-database", [str(home / "applications")]),
        ("gtk-update-icon-cache", ["-f", "-t", "-q", str(home / "icons" / "hicolor")]),
    ]
    ran = []
    for tool, args in tools:
        found = shutil.which(tool)
        if found and Path(args[-1]).is_dir():
            subprocess.run([found, *args], capture_output=True, timeout=120, check=False)
            ran.append(tool)
    return ran


def summary(paths: list[Path], home: Path, removed: bool) -> str:
    if removed:
        if not paths:
            return tr("nothing to remove: the desktop files were not in {folder}", folder=home)
        return tr("removed the menu entry, icons and file type from {folder}", folder=home)
    return tr(
        "installed the menu entry, icons and the .journey file type in {folder}; "
        "'workbench install-desktop --uninstall' removes them",
        folder=home,
    )
