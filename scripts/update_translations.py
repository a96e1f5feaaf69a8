"""Collects the texts to translate into the gettext catalogue, and compiles it.

One catalogue per language, ``resources/locale/<lang>/LC_MESSAGES/workbench.po``,
serves the model, the command and the Qt windows alike (``workbench/i18n.py``
reads the compiled ``workbench.mo`` with the standard library's gettext):

- ``tr("...")`` and ``N_("...")`` (one text) and ``ntr("...", "...", n)`` (a
  singular and a plural) anywhere in the package, without context;
- in Qt code, ``self.tr("...")`` (its context: the enclosing class),
  ``translate("Context", "...")`` (``QCoreApplication.translate``) and
  ``QT_TRANSLATE_NOOP("Context", "...")``, with their context;
- argparse's own texts (``usage:``, ``options``...), listed in
  ``resources/locale/argparse.txt`` from the argparse of each Python found
  (3.11 to 3.13 word some of them differently), so the catalogue does not
  depend on the Python that runs this script.

New texts are added untranslated (the tests fail until they are translated),
texts no longer used are dropped, translations are kept. Run it after changing
user-visible text: ``python scripts/update_translations.py``; it needs Babel
(in the test extra). ``--check`` changes nothing and exits 1 if the catalogue
or the compiled file is out of date.
"""

from __future__ import annotations

import ast
import io
import shutil
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "workbench"
LOCALE = ROOT / "resources" / "locale"
ARGPARSE = LOCALE / "argparse.txt"
DOMAIN = "workbench"
LANGUAGES = ("fr",)
#: French, as gettext writes it: one form for 0 and 1, another above.
PLURAL_FORMS = {"fr": (2, "(n > 1)")}
#: The catalogue's dates stay fixed, so that running this twice changes nothing.
FIXED_DATE = datetime(2026, 1, 1, tzinfo=timezone.utc)
QT_TRANSLATE = ("translate", "QT_TRANSLATE_NOOP")

Key = tuple[str | None, "str | tuple[str, str]"]


def po_path(language: str) -> Path:
    return LOCALE / language / "LC_MESSAGES" / f"{DOMAIN}.po"


def mo_path(language: str) -> Path:
    return po_path(language).with_suffix(".mo")


def _literal(node: ast.AST) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


class _Collector(ast.NodeVisitor):
    """The messages of one module, in the order they appear, each with its context (or None)."""

    def __init__(self) -> None:
        self.classes: list[str] = []
        self.found: list[Key] = []

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        self.classes.append(node.name)
        self.generic_visit(node)
        self.classes.pop()

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""
        args = [_literal(a) for a in node.args]
        is_self = isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id == "self"
        if name == "tr" and is_self and args and args[0] is not None:
            self.found.append((self.classes[-1] if self.classes else None, args[0]))
        elif name in ("tr", "N_") and args and args[0] is not None:
            self.found.append((None, args[0]))
        elif name == "ntr" and len(args) >= 2 and args[0] is not None and args[1] is not None:
            self.found.append((None, (args[0], args[1])))
        elif name in QT_TRANSLATE and len(args) >= 2 and args[0] is not None and args[1] is not None:
            self.found.append((args[0], args[1]))
        self.generic_visit(node)


def extract() -> list[Key]:
    """Every message of the package and of argparse, once each, in a stable order."""
    seen: dict[Key, None] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        collector = _Collector()
        collector.visit(ast.parse(path.read_text(encoding="utf-8"), str(path)))
        for key in collector.found:
            seen.setdefault(key, None)
    for key in argparse_messages():
        seen.setdefault(key, None)
    return list(seen)


def argparse_messages() -> list[Key]:
    """argparse's texts as listed in ``argparse.txt``: one per line, a plural as ``singular<TAB>plural``."""
    keys: list[Key] = []
    for line in ARGPARSE.read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        text = line.encode("latin-1", "backslashreplace").decode("unicode_escape")
        singular, _, plural = text.partition("\t")
        keys.append((None, (singular, plural) if plural else singular))
    return keys


def argparse_texts_of(source: str) -> list[str]:
    """The lines of ``argparse.txt`` for one version of argparse's source: its ``_()`` and ``ngettext()`` texts."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Name):
            continue
        args = [_literal(a) for a in node.args]
        if node.func.id == "_" and args and args[0]:
            lines.append(args[0])
        elif node.func.id == "ngettext" and len(args) >= 2 and args[0] and args[1]:
            lines.append(args[0] + "\t" + args[1])
    return [line.encode("unicode_escape").decode("latin-1").replace("\\t", "\t") for line in lines]


def find_python(version: str) -> str | None:
    """An interpreter of *version*: on PATH, or installed by pyenv (whose shims answer only for its chosen one)."""
    installed = sorted(Path.home().glob(f".pyenv/versions/{version}*/bin/python{version}"))
    for candidate in [shutil.which(f"python{version}"), *installed]:
        if candidate and subprocess.run([str(candidate), "-c", ""], capture_output=True, check=False).returncode == 0:
            return str(candidate)
    return None


def refresh_argparse_list() -> None:
    """Rewrite ``argparse.txt`` from the argparse of every Python 3.11+ found here (kept if none is)."""
    found: dict[str, None] = {}
    for version in ("3.11", "3.12", "3.13"):
        python = find_python(version)
        if not python:
            continue
        result = subprocess.run(
            [python, "-c", "import argparse, sys; sys.stdout.write(open(argparse.__file__, encoding='utf-8').read())"],
            capture_output=True, text=True, encoding="utf-8", check=False,
        )
        if result.returncode == 0:
            for line in argparse_texts_of(result.stdout):
                found.setdefault(line, None)
    if found:
        head = "# argparse's own texts (Python 3.11 to 3.13), written by scripts/update_translations.py\n"
        ARGPARSE.write_text(head + "\n".join(found) + "\n", encoding="utf-8")


def _catalog(language: str):  # type: ignore[no-untyped-def]
    from babel.messages.catalog import Catalog

    catalog = Catalog(
        locale=language,
        domain=DOMAIN,
        project="Journey Workbench",
        version="1",
        copyright_holder="The Journey Workbench authors",
        charset="utf-8",
        creation_date=FIXED_DATE,
        revision_date=FIXED_DATE,
        last_translator="The Journey Workbench authors",
        language_team="French",
        fuzzy=False,
        header_comment="# French messages of Journey Workbench (scripts/update_translations.py keeps this file).",
    )
    catalog._num_plurals, catalog._plural_expr = PLURAL_FORMS[language]  # gettext's French, not CLDR's
    return catalog


def read(language: str):  # type: ignore[no-untyped-def]
    from babel.messages.pofile import read_po

    path = po_path(language)
    if not path.exists():
        return _catalog(language)
    with open(path, "rb") as handle:
        return read_po(handle, locale=language, domain=DOMAIN)


def merged(language: str, keys: list[Key]):  # type: ignore[no-untyped-def]
    """A catalogue of *keys*, with the translations the current one has for them."""
    old = read(language)
    catalog = _catalog(language)
    plurals = PLURAL_FORMS[language][0]
    for context, msgid in keys:
        found = old.get(msgid, context=context)
        if isinstance(msgid, tuple):
            string = tuple(found.string) if found is not None and isinstance(found.string, tuple) else ("",) * plurals
        else:
            string = found.string if found is not None and isinstance(found.string, str) else ""
        flags = ["python-brace-format"] if "{" in (msgid if isinstance(msgid, str) else msgid[0]) else []
        catalog.add(msgid, string, context=context, flags=flags)
    return catalog


def po_bytes(catalog) -> bytes:  # type: ignore[no-untyped-def]
    from babel.messages.pofile import write_po

    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, no_location=True, omit_header=False, sort_output=False)
    return buffer.getvalue()


def mo_bytes(catalog) -> bytes:  # type: ignore[no-untyped-def]
    from babel.messages.mofile import write_mo

    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def main(argv: list[str]) -> int:
    check = "--check" in argv
    if not check:
        refresh_argparse_list()
    keys = extract()
    stale = []
    for language in LANGUAGES:
        catalog = merged(language, keys)
        po, mo = po_bytes(catalog), mo_bytes(catalog)
        for path, data in ((po_path(language), po), (mo_path(language), mo)):
            if not path.exists() or path.read_bytes() != data:
                stale.append(path)
                if not check:
                    path.parent.mkdir(parents=True, exist_ok=True)
                    path.write_bytes(data)
        missing = [m.id for m in catalog if m.id and not all(m.string if isinstance(m.string, tuple) else [m.string])]
        print(f"{language}: {len(keys)} messages, {len(missing)} to translate in {po_path(language).relative_to(ROOT)}")
    if check and stale:
        print("out of date:", ", ".join(str(p.relative_to(ROOT)) for p in stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
