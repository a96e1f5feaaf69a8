"""The product's messages in the user's language: one gettext catalogue for the model, the CLI and Qt.

``resources/locale/<lang>/LC_MESSAGES/workbench.po`` holds every message
(Qt ones with their class as context), compiled to ``workbench.mo`` and read
here with the standard library's :mod:`gettext`; Qt's ``tr()`` reaches the
same catalogue through ``workbench/ui/translator.py``. :func:`tr` translates
one text, :func:`ntr` a count (``1 error`` / ``2 errors``; French has its own
rule: ``0 erreur``, ``1 erreur``, ``2 erreurs``). Placeholders are
``str.format`` fields, filled after translation so word order can change.
"""

from __future__ import annotations

import gettext
import math
import os
from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from workbench.resources import resource_path

if TYPE_CHECKING:
    from decimal import Decimal

SUPPORTED = ("en", "fr")
_language: str | None = None


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The user's language from the environment, if we ship it; else English.

    As gettext does: the first set of ``LC_ALL``, ``LC_MESSAGES`` and ``LANG``
    is the locale; the ``C`` or ``POSIX`` locale means untranslated messages
    (scripts set ``LC_ALL=C`` to get output they can parse). Otherwise
    ``LANGUAGE``, a colon-separated list of preferences, comes first.
    ``C.UTF-8`` is not ``C`` here (glibc's gettext agrees), and neither is an
    unset locale, so ``LANGUAGE=fr`` alone still works in a bare container.
    """
    environ = os.environ if environ is None else environ
    locale = next((value for var in _LOCALE_VARS if (value := environ.get(var, ""))), "")
    if locale in ("C", "POSIX"):
        return "en"
    preferences = environ.get("LANGUAGE", "")
    if preferences:
        for part in preferences.split(":"):
            code = _language_code(part)
            if code in SUPPORTED:
                return code
        return "en"
    code = _language_code(locale)
    return code if code in SUPPORTED else "en"


_LOCALE_VARS = ("LC_ALL", "LC_MESSAGES", "LANG")


def _language_code(name: str) -> str:
    """``fr_FR.UTF-8@euro`` -> ``fr``."""
    return name.split("_")[0].split(".")[0].split("@")[0].lower()


def set_language(code: str | None) -> None:
    """Choose the language of messages; None goes back to the system's."""
    global _language
    _language = code if code in SUPPORTED else None


def current_language() -> str:
    return _language or system_language()


DOMAIN = "workbench"


@lru_cache(maxsize=None)
def translations(code: str) -> gettext.NullTranslations:
    """The compiled catalogue of *code*; English (the source texts) when there is none."""
    if code == "en":
        return gettext.NullTranslations()
    try:
        return gettext.translation(DOMAIN, localedir=str(resource_path("locale")), languages=[code])
    except OSError:  # a damaged installation: the messages stay readable, in English
        return gettext.NullTranslations()


def N_(source: str) -> str:
    """Marks *source* for translation where it is defined; ``tr()`` it where shown."""
    return source


def tr(source: str, /, language: str | None = None, **fields: object) -> str:
    """*source* in the current (or given) language, with *fields* filled in."""
    text = translations(language or current_language()).gettext(source) if source else source
    return text.format(**fields) if fields else text


def after_colon(sentence: str, language: str | None = None) -> str:
    """*sentence* as it reads after a colon: French starts it in lower case (« Karim : l'émotion... »), unless
    it starts with a name or an acronym (a capital not followed by a small letter or an apostrophe)."""
    if (language or current_language()) != "fr" or len(sentence) < 2 or not sentence[0].isupper():
        return sentence
    if sentence[1].islower() or sentence[1] in "'\u2019":
        return sentence[0].lower() + sentence[1:]
    return sentence


def ntr(singular: str, plural: str, count: int, /, language: str | None = None, **fields: object) -> str:
    """The form of *singular* / *plural* that *count* takes in the language, with ``{count}`` and *fields* filled."""
    text = translations(language or current_language()).ngettext(singular, plural, count)
    return text.format(count=count, **fields)


#: Month names of long dates, per language (data of the language, not messages to translate).
_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"),
}


def alternatives(items: list[str], language: str | None = None) -> str:
    """*items* as a list of choices: "a", "a or b", "a, b or c" ("a, b ou c")."""
    if len(items) < 2:
        return "".join(items)
    return tr("{first} or {last}", language, first=", ".join(items[:-1]), last=items[-1])


def decimal(value: float, digits: int, language: str | None = None, *, sign: bool = False) -> str:
    """*value* with *digits* decimals as the language writes it: ``+0.64`` in English, ``+0,64`` in French
    (with a true minus sign, and a narrow no-break space between thousands).

    A half is rounded away from zero, as people round (0.25 is 0.3): Python's own formatting rounds the float
    to the even digit, and an average of +0.25 read "+0.2" in every report (exploratory test).
    """
    shown = half_up(value, digits)
    text = f"{shown:+,.{digits}f}" if sign else f"{shown:,.{digits}f}"
    if (language or current_language()) == "fr":
        text = text.replace(",", "\u202f").replace(".", ",").replace("-", "\u2212")
    return text


def half_up(value: float, digits: int) -> Decimal | float:
    """*value* to *digits* decimals, a half away from zero, from the number as written (0.25 is 0.3, 2.675 is
    2.68); a value no decimal can hold (infinite, or too large for its digits) is given back as it is."""
    if not math.isfinite(value):
        return value
    from decimal import ROUND_HALF_UP, Decimal, InvalidOperation  # (only when a figure is written)

    try:
        return Decimal(repr(float(value))).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    except InvalidOperation:  # (more digits than the context's 28: 1e27 to two decimals)
        return value


def long_date(day: date, language: str | None = None) -> str:
    """``29 November 2026`` / ``29 novembre 2026`` (``1er`` for the first of a French month)."""
    lang = language or current_language()
    month = _MONTHS.get(lang, _MONTHS["en"])[day.month - 1]
    number = "1er" if lang == "fr" and day.day == 1 else str(day.day)
    return f"{number} {month} {day.year}"


def percent(share: float, language: str | None = None) -> str:
    """*share* (0 to 1) as a whole percentage: ``72%`` in English, ``72 %`` (a narrow no-break space) in French."""
    number = round(100 * share)
    return f"{number}\u202f%" if (language or current_language()) == "fr" else f"{number}%"
