"""A pictogram for a touchpoint's channel, from the words of its name (no Qt).

Channels are free text ("Mobile app", "Conseiller au téléphone"...), so the
symbol is found by keywords in English and French, most specific first. The
symbols are in the bundled font, so screen and PDF show the same ones.
"""

from __future__ import annotations

_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("✆", ("sms", "text message", "texto")),
    ("✎", ("chat", "messag", "q&a", "whatsapp")),
    ("✉", ("e-mail", "email", "mail", "courriel", "newsletter", "letter", "lettre", "courrier", "post")),
    ("☎", ("phone", "call", "téléphone", "telephone", "appel", "hotline", "helpline", "voice", "vocal")),
    ("▣", ("app", "mobile", "smartphone")),
    ("◉", ("sensor", "capteur", "connected", "connecté", "vehicle", "véhicule", "car ", "voiture", "bluetooth",
           "device", "monitor", "tensiomètre", "kiosk", "borne")),
    ("☷", ("social", "réseau", "community", "communauté", "forum", "group", "groupe")),
    ("☰", ("web", "site", "portal", "portail", "dashboard", "tableau de bord", "online", "en ligne", "tool",
           "outil", "platform", "plateforme", "faq", "help centre", "espace client")),
    ("⌂", ("shop", "store", "branch", "agence", "magasin", "workshop", "atelier", "counter", "guichet", "desk",
           "accueil", "pharmac", "library", "bibliothèque", "bookshop", "librairie", "station", "office", "surgery",
           "cabinet", "hospital", "hôpital", "clinic", "clinique", "campus", "dealer", "concession", "garage",
           "home visit", "domicile", "site visit", "chantier")),
)


def channel_symbol(channel: str | None) -> str:
    """The pictogram of *channel*, or "" when none fits."""
    if not channel:
        return ""
    text = channel.lower() + " "
    for symbol, words in _RULES:
        if any(word in text for word in words):
            return symbol
    return ""


def channel_label(channel: str | None) -> str:
    """What a touchpoint card shows as its channel: the pictogram, then the name."""
    if not channel:
        return ""
    symbol = channel_symbol(channel)
    return f"{symbol} {channel}" if symbol else channel
