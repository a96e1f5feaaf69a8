"""A pictogram for a touchpoint's channel, from the words of its name (no Qt).

Channels are free text ("Mobile app", "Conseiller au téléphone"...), so the
symbol is found by keywords in English and French, most specific first. The
symbols are in the bundled font, so screen and PDF show the same ones.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: Words are matched whole (an "s" plural allowed); a word ending in "*" is a stem.
_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("✆", ("sms", "text message", "texto", "notification", "push")),
    ("✎", ("chat", "chatbot", "messag*", "q&a", "whatsapp", "messenger")),
    ("✉", ("e-mail", "email", "mail", "courriel", "newsletter", "letter", "lettre", "courrier", "post")),
    ("☎", ("phone", "call", "téléphone", "telephone", "appel", "hotline", "helpline", "voice", "vocal",
           "visio", "video", "vidéo")),
    ("☷", ("social", "réseaux sociaux", "réseau social", "community", "communauté", "forum", "group", "groupe")),
    ("☰", ("web", "website", "site web", "site internet", "portal", "portail", "dashboard", "tableau de bord",
           "online", "en ligne", "digital", "numérique", "tool", "outil", "faq", "help centre", "espace client",
           "intranet", "platform", "plateforme", "site de", "sur le site")),
    ("▣", ("app", "application", "mobile", "smartphone")),
    ("◉", ("sensor*", "capteur*", "connected", "connecté*", "vehicle", "véhicule", "bluetooth", "device",
           "monitor", "tensiomètre", "kiosk", "borne", "display", "écran", "panneau", "board", "terminal")),
    ("⌂", ("shop", "store", "branch", "agence", "magasin", "workshop", "atelier", "counter", "guichet", "desk",
           "accueil", "pharmac*", "library", "bibliothèque", "bookshop", "librairie", "station", "office",
           "surgery", "cabinet", "hospital", "hôpital", "clinic", "clinique", "campus", "dealer", "concession*",
           "garage", "room", "hall", "salle", "comptoir", "caisse", "till", "home visit", "domicile", "on site", "sur site", "chantier", "car park", "parking")),
)


def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for a symbol's words: a whole word (an "s" allowed after it), or the start of a stem.

    (One pattern a symbol, not one a word: compiling 130 patterns cost 10 ms of every start.)
    """
    whole = "|".join(re.escape(w) for w in words if not w.endswith("*"))
    stems = "|".join(re.escape(w[:-1]) for w in words if w.endswith("*"))
    either = [f"(?:{whole})s?(?!\\w)"] if whole else []
    either += [f"(?:{stems})"] if stems else []
    return re.compile(r"(?<!\w)(?:" + "|".join(either) + ")")


_COMPILED = tuple((symbol, _pattern(words)) for symbol, words in _RULES)


@lru_cache(maxsize=4096)
def channel_symbol(channel: str | None) -> str:
    """The pictogram of *channel*, or "" when none fits."""
    if not channel:
        return ""
    text = channel.lower()
    for symbol, pattern in _COMPILED:
        if pattern.search(text):
            return symbol
    return ""


@lru_cache(maxsize=4096)
def channel_label(channel: str | None) -> str:
    """What a touchpoint card shows as its channel: the pictogram, then the name."""
    if not channel:
        return ""
    symbol = channel_symbol(channel)
    return f"{symbol} {channel}" if symbol else channel
