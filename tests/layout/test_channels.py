"""Channel pictograms: found from English and French channel names."""

from __future__ import annotations

import pytest

from workbench.channels import channel_label, channel_symbol
from workbench.textmetrics import register_fonts


@pytest.mark.parametrize(
    ("channel", "symbol"),
    [
        ("SMS", "✆"),
        ("Mobile app", "▣"),
        ("Application mobile", "▣"),
        ("Phone with an advisor", "☎"),
        ("Conseiller au téléphone", "☎"),
        ("Live chat with an advisor", "✎"),
        ("Chatbot", "✎"),
        ("E-mail", "✉"),
        ("Courrier", "✉"),
        ("Connected vehicle", "◉"),
        ("Capteurs Bluetooth", "◉"),
        ("Online community", "☷"),
        ("University portal", "☰"),
        ("Dealer workshop", "⌂"),
        ("Agence bancaire", "⌂"),
        ("Carrier pigeon", ""),
        ("Digital library", "☰"),
        ("Module d'apprentissage interactif", ""),
        ("Courtesy car", ""),
        ("Workshop car park", "⌂"),
        ("Signals technician on site", "⌂"),
        ("Push notification", "✆"),
        ("Rendez-vous en visio", "☎"),
        ("Pharmacie", "⌂"),
        ("Capteurs Bluetooth", "◉"),
        ("", ""),
        (None, ""),
    ],
)
def test_channel_symbols(channel: str | None, symbol: str) -> None:
    assert channel_symbol(channel) == symbol


def test_the_label_puts_the_symbol_before_the_name_and_the_font_has_every_symbol() -> None:
    from reportlab.pdfbase.pdfmetrics import getFont

    assert channel_label("SMS") == "✆ SMS"
    assert channel_label("Carrier pigeon") == "Carrier pigeon"
    regular, bold = register_fonts()
    for name in (regular, bold):
        glyphs = getFont(name).face.charToGlyph
        for symbol in "✆▣☎✎✉◉☷☰⌂":
            assert ord(symbol) in glyphs, (name, symbol)
