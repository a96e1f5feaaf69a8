"""Text measurement with the bundled font, in pure Python (no Qt).

The canvas and the PDF both draw text with the bundled DejaVu Sans; measuring
it here, from the same TTF file, makes lines break at the same words on
screen and on paper. The advance widths come from :mod:`workbench.fontmetrics`,
which reads them from the TTF exactly as reportlab does, without importing
reportlab: text is measured before the first window is painted, and
reportlab (with PIL behind it) loads only when a PDF is made.

Text the bundled font cannot show alone (a character it lacks, or a right
to left script) is measured as the PDF draws it (:mod:`workbench.fallback`):
shaped, each character with the font that draws it. Any other text is
measured exactly as before, to the bit.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import lru_cache
from itertools import accumulate, repeat
from operator import add

import workbench.fallback as fallback
from workbench.fontmetrics import FontMetrics, points
from workbench.resources import resource_path

FONT_FAMILY = "DejaVu Sans"
REGULAR = "WorkbenchSans"
BOLD = "WorkbenchSans-Bold"
FONT_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}
#: Line height as a multiple of the font size (ascent + descent of DejaVu is 1.16 em).
LINE_SPACING = 1.25


@lru_cache(maxsize=None)
def register_fonts() -> tuple[str, str]:
    """Register the bundled fonts with reportlab (once, for the PDF); their reportlab names."""
    from reportlab import rl_config
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    # Compressed streams stay binary: ASCII-85 on top made files a quarter larger and cost a
    # tenth of a long export's time, for mail systems that no longer need 7-bit attachments.
    rl_config.useA85 = 0
    for name, filename in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(resource_path("fonts", filename))))
    return REGULAR, BOLD


@lru_cache(maxsize=None)
def font_metrics(name: str) -> FontMetrics:
    """The advance widths of the bundled font *name* (REGULAR or BOLD), read once."""
    return FontMetrics(resource_path("fonts", FONT_FILES[name]))


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Width in points, equal to reportlab's ``stringWidth`` with the same font (no kerning).

    Text that needs another font or shaping: the widths of what the PDF draws.
    """
    return _text_width(text, size, bold)


@lru_cache(maxsize=65536)
def _text_width(text: str, size: float, bold: bool) -> float:
    """(Labels are measured again each time the links and handoffs near an edit are routed.)"""
    metrics = font_metrics(BOLD if bold else REGULAR)
    if _bundled_only or fallback.is_plain(text, metrics):
        return float(metrics.string_width(text, size))
    return points(sum(_drawn_advances(metrics, text)), size)


def is_plain(text: str, bold: bool = False) -> bool:
    """Whether *text* is drawn by the bundled font alone, left to right (as it always was)."""
    return _bundled_only or fallback.is_plain(text, font_metrics(BOLD if bold else REGULAR))


def _drawn_advances(metrics: FontMetrics, text: str) -> list[float]:
    """The advance of each character drawn for *text* (shaped, each in its font), in thousandths of the size."""
    advances: list[float] = []
    for face, run in fallback.logical_runs(text, metrics):
        advances += (face.metrics if face is not None else metrics).advances(run)
    return advances


_bundled_only = False


@contextmanager
def bundled_font_only() -> Iterator[None]:
    """Measure every text with the bundled font alone, unshaped, as reportlab's ``stringWidth`` does.

    For tests that compare this module with reportlab character for character.
    """
    global _bundled_only
    forget_fallbacks()
    _bundled_only = True
    try:
        yield
    finally:
        _bundled_only = False
        forget_fallbacks()


def forget_fallbacks() -> None:
    """Forget the fallback fonts found and what was measured with them (the fonts of the machine changed)."""
    fallback.forget()
    _wrap.cache_clear()
    _word_advances.cache_clear()
    for known in _word_widths.values():
        known.clear()
    _text_width.cache_clear()
    for forget in _measured_with_fonts:
        forget()


#: Forgets what others measured with these fonts (the layout's card sizes): called by forget_fallbacks.
_measured_with_fonts: list[Callable[[], None]] = []


def measured_with_fonts(forget: Callable[[], None]) -> None:
    """Have *forget* called when what was measured with the fonts is forgotten (it keeps sizes measured here)."""
    _measured_with_fonts.append(forget)


#: Distance from the top of a line to its baseline, as a multiple of the size
#: (DejaVu Sans ascent is 0.76 em; half the extra line spacing sits above).
ASCENT = 0.76 + (LINE_SPACING - 1.16) / 2


def baseline(size: float) -> float:
    return size * ASCENT


def line_height(size: float) -> float:
    return size * LINE_SPACING


def wrap(text: str, width: float, size: float, bold: bool = False, max_lines: int | None = None) -> list[str]:
    return list(_wrap(text, width, size, bold, max_lines))


@lru_cache(maxsize=65536)
def _wrap(text: str, width: float, size: float, bold: bool, max_lines: int | None) -> tuple[str, ...]:
    """Break *text* into lines no wider than *width*, at spaces where possible.

    Explicit newlines are kept; a word longer than a line is cut between
    characters. With *max_lines*, the last kept line ends with an ellipsis.
    """
    if "\n" in text:
        lines: list[str] = []
        for paragraph in text.split("\n"):
            lines += _wrap_paragraph(paragraph, width, size, bold)
    else:  # (most texts: one paragraph)
        lines = _wrap_paragraph(text, width, size, bold)
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = _with_ellipsis(lines[-1], width, size, bold)
    return tuple(lines)


#: Where a line may break: white space, except the non-breaking spaces (no-break, narrow
#: no-break, figure space) and the word joiner, which French typography puts before » : ; ? !
BREAKABLE = re.compile(r"[^\S\u00a0\u202f\u2007]+")
#: A word starting with one of these stays on the line of the word before it, and a
#: word ending with « keeps the next one with it: no line starts with "»", "?" or "%",
#: even when the writer typed a plain space where French wants a non-breaking one.
NO_BREAK_BEFORE = frozenset("»:;?!%")
NO_BREAK_AFTER = "«"
_NO_BREAK_MARK = re.compile("[" + re.escape("".join(sorted(NO_BREAK_BEFORE))) + "]")


def words_of(paragraph: str) -> list[str]:
    """The unbreakable pieces of a paragraph, in order (see :data:`BREAKABLE`)."""
    if paragraph.isascii() and not _NO_BREAK_MARK.search(paragraph):
        # (Most text: in ASCII, BREAKABLE is the white space str.split() breaks at, and nothing is kept together.)
        return paragraph.split()
    words: list[str] = []
    keep_next = False
    for word in BREAKABLE.split(paragraph):
        if not word:
            continue
        if words and (keep_next or word[0] in NO_BREAK_BEFORE):
            words[-1] = f"{words[-1]} {word}"
        else:
            words.append(word)
        keep_next = word.endswith(NO_BREAK_AFTER)
    return words


def _wrap_paragraph(paragraph: str, width: float, size: float, bold: bool) -> list[str]:
    """Greedy: as many words on a line as fit, measured as :func:`text_width` measures.

    A line's width is its characters' advances added one by one, left to
    right, from zero: the very float ``sum()`` gives in :func:`text_width`
    (same values, same order), kept as a running total so each character is
    added once (``sum(advances, total)`` goes on from *total*); a word's
    advances are looked up once per word and font.
    """
    words = words_of(paragraph)
    if not words:
        return [""]
    name = BOLD if bold else REGULAR
    if _bundled_only or fallback.is_plain(paragraph, font_metrics(name)):
        lines = _plain_lines(words, name, width, size)
        if lines is not None:
            return lines
    space = _word_advances(name, " ")
    lines: list[str] = []
    current = ""
    total = 0.0
    for word in words:
        advances = _word_advances(name, word)
        candidate = sum(advances, sum(space, total) if current else 0.0)
        if points(candidate, size) <= width:
            current = f"{current} {word}" if current else word
            total = candidate
            continue
        if current:
            lines.append(current)
        while points(sum(advances), size) > width:
            head = _longest_prefix(word, width, size, bold)
            lines.append(head)
            # (A shaped word may have fewer advances than characters: measure the rest again.)
            word = word[len(head) :]
            advances = advances[len(head) :] if is_plain(word, bold) else _word_advances(name, word)
        current, total = word, sum(advances, 0.0)
    lines.append(current)
    return lines


def _plain_lines(words: list[str], name: str, width: float, size: float) -> list[str] | None:
    """:func:`_wrap_paragraph` for words the bundled font draws alone, each narrower than a line (else None).

    The same lines, found a line at a time rather than a word at a time:
    every advance of the bundled fonts is a multiple of 2⁻⁸ (a glyph's width
    × 1000 / 2048), so the width of a line is exact however its advances are
    added up, and equals its words' widths plus its spaces'. A line's width is
    compared with *width* in font units; only a width within rounding of the
    limit is turned into points as :func:`points` does (the comparison the
    PDF makes). Makes a map's cards' lines in two thirds of the time.
    """
    if size <= 0:
        return None  # (nothing to divide by: the general way)
    known = _word_widths[name]
    widths = list(map(known.get, words))
    if None in widths:
        if len(known) > 65536:
            known.clear()
        # (The words are plain, as their paragraph is: their advances are the font's own, summed as
        # sum(_word_advances(...)) sums them, without making a tuple of each word met once.)
        advance = font_metrics(name).advance_of
        for i, w in enumerate(widths):
            if w is None:
                widths[i] = known[words[i]] = float(sum(map(advance, map(ord, words[i]))))
    limit = width / (0.001 * size)
    below, above = limit * (1 - 1e-9), limit * (1 + 1e-9)
    space = known.get(" ")
    if space is None:
        space = known[" "] = float(sum(_word_advances(name, " ")))
    # ends[k]: the words before k, each with a space after it; the line of words start..end-1 is
    # ends[end] - ends[start] - space wide. A line takes every word that surely fits (a bisection),
    # then the next one if it fits once turned into points (at most one is that close to the limit).
    ends = [0.0, *accumulate(map(add, widths, repeat(space)))]
    count = len(words)
    lines: list[str] = []
    start = 0
    while start < count:
        base = ends[start] + space
        end = bisect_right(ends, base + below, start + 1) - 1
        if end < count:
            candidate = ends[end + 1] - base
            if candidate <= above and points(candidate, size) <= width:
                end += 1
        if end == start:
            return None  # a word wider than a line is cut between characters: the general way
        lines.append(" ".join(words[start:end]))
        start = end
    return lines


#: The width of each plain word met, in font units, by font (exact sums: see :func:`_plain_lines`).
_word_widths: dict[str, dict[str, float]] = {REGULAR: {}, BOLD: {}}


@lru_cache(maxsize=65536)
def _word_advances(name: str, word: str) -> tuple[float, ...]:
    metrics = font_metrics(name)
    if _bundled_only or fallback.is_plain(word, metrics):
        return tuple(metrics.advances(word))
    return tuple(_drawn_advances(metrics, word))


def _longest_prefix(word: str, width: float, size: float, bold: bool) -> str:
    low, high = 1, len(word)
    while low < high:
        mid = (low + high + 1) // 2
        if text_width(word[:mid], size, bold) <= width:
            low = mid
        else:
            high = mid - 1
    return word[:low]


def _with_ellipsis(line: str, width: float, size: float, bold: bool) -> str:
    while line and text_width(line + "…", size, bold) > width:
        line = line[:-1]
    return line.rstrip() + "…"
