"""Qt's ``tr()`` answered from the workbench's gettext catalogue (no second translation system).

Qt asks an installed :class:`QTranslator` for every text a widget shows,
with the class as context. :class:`CatalogueTranslator` looks it up in the
same compiled catalogue as :func:`workbench.i18n.tr` (``msgctxt`` is the
context). PySide6 gives ``self.tr()`` the class of the object, so a subclass
asks with its own name for a text written in its parent: a text not found
in its context is then looked up by its words alone (any context).
Qt's own widgets (file dialogs, standard buttons) are translated by Qt's
catalogue shipped with PySide6, installed beside it.
"""

from __future__ import annotations

from PySide6.QtCore import QLibraryInfo, QLocale, QObject, QTranslator
from PySide6.QtWidgets import QApplication

from workbench.i18n import translations

#: gettext's separator between a context and its text in a compiled catalogue.
CONTEXT_SEPARATOR = "\x04"


class CatalogueTranslator(QTranslator):
    """Qt texts from the gettext catalogue of one language."""

    def __init__(self, language: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.language = language
        catalogue = getattr(translations(language), "_catalog", {})
        self._by_context: dict[str, str] = {}
        self._by_words: dict[str, str] = {}
        for key, text in catalogue.items():
            if not isinstance(key, str) or not key or not text:
                continue  # plural forms (tuples) are reached through ntr(); the header has no key
            self._by_context[key] = text
            if CONTEXT_SEPARATOR in key:
                self._by_words.setdefault(key.split(CONTEXT_SEPARATOR, 1)[1], text)
            else:
                self._by_words[key] = text

    def isEmpty(self) -> bool:  # noqa: N802 (Qt's name)
        return not self._by_context

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        if not source:
            return ""
        found = self._by_context.get(f"{context}{CONTEXT_SEPARATOR}{source}")
        return found if found is not None else self._by_words.get(source, "")


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """The workbench's texts and Qt's own in *language* (nothing to install for English)."""
    translators: list[QTranslator] = []
    if language == "en":
        return translators
    ours = CatalogueTranslator(language, app)
    if not ours.isEmpty():
        app.installTranslator(ours)
        translators.append(ours)
    qt = QTranslator(app)
    if qt.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        translators.append(qt)
    return translators
