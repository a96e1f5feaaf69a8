"""Drawing text that the bundled font cannot draw alone: other scripts' fonts, right to left, shaped.

A line is cut into runs by font (:mod:`workbench.fallback`, the same runs the
layout measured), in the order they are drawn from left to right; each run
is drawn with its font in one text object, so the PDF keeps real, searchable
text. A fallback font is registered with reportlab under a name of its own
the first time it is used and, like the bundled font, embedded as a subset.

Characters that no font on this machine has still print as boxes; the texts
that have some are collected during an export (:func:`start_export`), and the
export names them in its warnings.
"""

from __future__ import annotations

import re
from contextvars import ContextVar
from dataclasses import dataclass, field

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFError, TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.pdfgen.textobject import PDFTextObject

import workbench.fallback as fallback
from workbench.geometry import Text
from workbench.i18n import tr
from workbench.textmetrics import BOLD, FONT_FILES, baseline, font_metrics, is_plain, line_height

#: How many texts a warning names, and how many characters of each.
NAMED_TEXTS = 5
SHORTENED = 30


@dataclass
class Missing:
    """The texts of one export that have characters no font can show, each once, in order."""

    texts: list[str] = field(default_factory=list)

    def add(self, text: str) -> None:
        if text not in self.texts:
            self.texts.append(text)

    def warnings(self, lang: str) -> list[str]:
        if not self.texts:
            return []
        named = [tr("“{text}”", lang, text=shortened(text)) for text in self.texts[:NAMED_TEXTS]]
        listed = ", ".join(named) + (", …" if len(self.texts) > NAMED_TEXTS else "")
        return [
            tr(
                "No font on this computer can show some characters of {texts}: they print as empty boxes. "
                "Install a font for their script and export again.",
                lang,
                texts=listed,
            )
        ]


def shortened(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= SHORTENED else text[: SHORTENED - 1].rstrip() + "…"


_missing: ContextVar[Missing | None] = ContextVar("workbench_missing_glyphs", default=None)


def start_export() -> Missing:
    """Collect, from now on in this thread, the texts that print with boxes."""
    missing = Missing()
    _missing.set(missing)
    return missing


def draw_string(c: Canvas, x: float, y: float, text: str) -> None:
    """``c.drawString(x, y, text)`` in the canvas's current font, with fallback fonts and right to left as needed."""
    font = c._fontname
    if font not in FONT_FILES or is_plain(text, bold=font == BOLD):
        c.drawString(x, y, text)
        return
    obj = c.beginText(x, y)
    _line(obj, text, c._fontname, c._fontsize, fallback.right_to_left(text))
    c.drawText(obj)


def draw_lines(c: Canvas, text: Text, font: str) -> None:
    """The lines of a layout text (flipped coordinates), as ``pdfdraw.draw_text`` draws plain ones."""
    rtl = fallback.right_to_left(" ".join(text.lines))
    obj = c.beginText()
    obj.setFont(font, text.size)
    y = text.rect.y + baseline(text.size)
    for line in text.lines:
        obj.setTextTransform(1, 0, 0, -1, text.rect.x, y)
        _line(obj, line, font, text.size, rtl, whole=" ".join(text.lines))
        y += line_height(text.size)
    c.drawText(obj)


def _line(obj: PDFTextObject, line: str, font: str, size: float, rtl: bool, whole: str | None = None) -> None:
    """One line, run by run, from the text object's current point; the font is *font* again after it."""
    if font not in FONT_FILES:  # a font of reportlab's own (not ours): nothing to fall back from
        obj.textOut(line)
        return
    bundled = font_metrics(font)
    if fallback.missing(line, bundled):
        collector = _missing.get()
        if collector is not None:
            collector.add(whole or line)
    for face, run in fallback.visual_runs(line, bundled, rtl):
        name = font if face is None else _registered(face)
        if name is None:
            name = font
        obj.setFont(name, size)
        obj.textOut(run)
    obj.setFont(font, size)


def _registered(face: fallback.Face) -> str | None:
    """The reportlab name of *face*, registered on first use; None when reportlab cannot use it."""
    if not face.usable:
        return None
    try:
        pdfmetrics.getFont(face.name)
    except KeyError:
        try:
            pdfmetrics.registerFont(TTFont(face.name, str(face.path), subfontIndex=face.index))
        except (TTFError, OSError, ValueError, IndexError, KeyError):
            face.usable = False  # measured and drawn as missing from now on
            return None
    return face.name


# ---------------------------------------------------------------- reportlab's ToUnicode beyond U+FFFF

_WIDE = re.compile(r"^(<[0-9A-F]{2}> )<([0-9A-F]{5,6})>$", re.MULTILINE)


def _utf16(match: re.Match[str]) -> str:
    code = int(match.group(2), 16) - 0x10000
    return f"{match.group(1)}<{0xD800 + (code >> 10):04X}{0xDC00 + (code & 0x3FF):04X}>"


def _readable_beyond_the_bmp() -> None:
    """Make the PDF's text of an emoji (or any character past U+FFFF) extract as that character.

    reportlab writes such a character into a font's ToUnicode map as five or
    six hex digits, which readers take for a broken string (an emoji comes
    out as a Greek letter); the PDF format wants it in UTF-16, as a surrogate
    pair. The map of every other character is left exactly as reportlab writes it.
    """
    original = ttfonts.makeToUnicodeCMap
    if getattr(original, "_workbench", False) or not _WIDE.search(original("probe", [0, 0x1F600])):
        return

    def make(fontname: str, subset: list[int]) -> str:
        return _WIDE.sub(_utf16, original(fontname, subset))

    make._workbench = True  # type: ignore[attr-defined]
    ttfonts.makeToUnicodeCMap = make


_readable_beyond_the_bmp()
