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


def _pattern(word: str) -> re.Pattern[str]:
    if word.endswith("*"):
        return re.compile(r"(?<!\w)" + re.escape(word[:-1]))
    return re.compile(r"(?<!\w)" + re.escape(word) + r"s?(?!\w)")


_COMPILED = tuple((symbol, tuple(_pattern(w) for w in words)) for symbol, words in _RULES)


@lru_cache(maxsize=4096)
def channel_symbol(channel: str | None) -> str:
    """The pictogram of *channel*, or "" when none fits."""
    if not channel:
        return ""
    text = channel.lower()
    for symbol, patterns in _COMPILED:
        if any(p.search(text) for p in patterns):
            return symbol
    return ""


@lru_cache(maxsize=4096)
def channel_label(channel: str | None) -> str:
    """What a touchpoint card shows as its channel: the pictogram, then the name."""
    if not channel:
        return ""
    symbol = channel_symbol(channel)
    return f"{symbol} {channel}" if symbol else channel
