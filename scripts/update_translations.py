"""Collects the texts to translate and rebuilds the compiled Qt catalogue.

- Non-Qt code (model, CLI) calls ``workbench.i18n.tr("...")``: its literal
  texts are gathered into ``resources/translations/fr.json``; new ones are
  added with an empty translation (the tests fail until it is written).
- Qt code calls ``self.tr("...")``: ``pyside6-lupdate`` gathers them into
  ``resources/translations/workbench_fr.ts`` and ``pyside6-lrelease``
  compiles that to ``workbench_fr.qm``.

Run it after changing user-visible text: ``python scripts/update_translations.py``.
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "workbench"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGUAGES = ("fr",)


def python_sources(qt: bool) -> list[Path]:
    """Modules of the package that use Qt (qt=True) or not (qt=False)."""
    out = []
    for path in sorted(PACKAGE.rglob("*.py")):
        in_ui = "ui" in path.relative_to(PACKAGE).parts
        if in_ui == qt:
            out.append(path)
    return out


def tr_literals(path: Path) -> list[str]:
    """The literal first arguments of every ``tr(...)`` call in *path*."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        first = node.args[0]
        if name in ("tr", "N_") and isinstance(first, ast.Constant) and isinstance(first.value, str):
            found.append(first.value)
    return found


def plain_texts() -> list[str]:
    texts: list[str] = []
    for path in python_sources(qt=False):
        for text in tr_literals(path):
            if text not in texts:
                texts.append(text)
    return texts


def update_json(language: str) -> Path:
    path = TRANSLATIONS / f"{language}.json"
    old = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    new = {text: old.get(text, "") for text in sorted(plain_texts())}
    path.write_text(json.dumps(new, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def qt_tool(name: str) -> str:
    tool = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent)) or shutil.which(f"pyside6-{name}")
    if not tool:
        raise SystemExit(f"pyside6-{name} not found: install PySide6-Essentials")
    return tool


def update_qt(language: str) -> None:
    ts = TRANSLATIONS / f"workbench_{language}.ts"
    sources = [str(p.relative_to(ROOT)) for p in python_sources(qt=True)]
    subprocess.run([qt_tool("lupdate"), "-no-obsolete", "-locations", "none", *sources, "-ts", str(ts.relative_to(ROOT))], cwd=ROOT, check=True)
    release(language, TRANSLATIONS / f"workbench_{language}.qm")


def release(language: str, qm: Path) -> None:
    ts = TRANSLATIONS / f"workbench_{language}.ts"
    subprocess.run([qt_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def main() -> int:
    for language in LANGUAGES:
        print("updated", update_json(language))
        update_qt(language)
    return 0


if __name__ == "__main__":
    sys.exit(main())
