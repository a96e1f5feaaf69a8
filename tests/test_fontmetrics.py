"""The pure-Python font reader measures exactly as reportlab does.

Lines must break at the same word on the canvas (measured by
:mod:`workbench.fontmetrics`, without reportlab) and in the PDF (drawn by
reportlab): any width that differs by one bit could move a word.
"""

from __future__ import annotations

import math
import random
import struct
from pathlib import Path

import pytest
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont, TTFontFile

from workbench import textmetrics
from workbench.textmetrics import text_width, wrap
from workbench.fontmetrics import FontError, FontMetrics
from workbench.resources import resource_path

FONTS = {"regular": "DejaVuSans.ttf", "bold": "DejaVuSans-Bold.ttf"}
SIZES = (8, 9.5, 10.5, 12)
STRINGS = [
    "",
    " ",
    "Step 12: the customer does something worth a short sentence",
    "The quick brown fox jumps over the lazy dog 0123456789",
    "AVATAR WAVE Ta Te To LT Yo",  # kerning pairs: reportlab does no kerning, nor must we
    "fi fl ffi ffl",  # ligatures: none either
    "Étape réussie : le client reçoit sa carte à l'agence, où ça déçoit ; œuvre, Ÿ, ÀÉÎÕÜ",
    "Déjà vu — « guillemets » ‘quotes’ “double” … • ‹› ‰ € £ ¥ © ® ™ ° ± × ÷",
    "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
    "no\u00a0break\u00a0space and\u202fnarrow\u2009thin\u2002en",
    "→ ← ↑ ↓ ⇒ ∀ ∃ ∑ √ ∞ ≤ ≥ ≠ ★ ☆ ✓ ✗ ♥ ☺",
    "Ωμέγα Кириллица עברית العربية",
    "中文字符 日本語のテキスト 한국어",  # not in DejaVu: the missing glyph's width
    "emoji 😀🚗🏦📱 and ZWJ 👩\u200d💻 and flags 🇫🇷",
    "control\tcharacters\x01\x7f and combining e\u0301",
    "\U0001d400\U0001d41a\U0001d7ce mathematical letters beyond the BMP",
    "lone \ud800 surrogate",
    "\ufffd\uffff\U0010ffff",
]


@pytest.fixture(scope="module")
def reportlab_names() -> dict[str, str]:
    names = {}
    for weight, filename in FONTS.items():
        names[weight] = f"FontMetricsTest-{weight}"
        pdfmetrics.registerFont(TTFont(names[weight], str(resource_path("fonts", filename))))
    return names


def random_strings(count: int, seed: int = 12) -> list[str]:
    rng = random.Random(seed)
    ranges = [(0x20, 0x7F), (0xA0, 0x250), (0x370, 0x530), (0x2000, 0x2C00), (0x4E00, 0x9FFF),
              (0x1F300, 0x1FAFF), (0x0, 0x20), (0xE000, 0xF900), (0x1D400, 0x1D800)]
    strings = []
    for _ in range(count):
        length = rng.randrange(0, 60)
        strings.append("".join(chr(rng.randrange(*rng.choice(ranges))) for _ in range(length)))
    return strings


@pytest.mark.parametrize("weight", FONTS)
def test_string_widths_equal_reportlab_to_the_bit(weight: str, reportlab_names: dict[str, str]) -> None:
    metrics = FontMetrics(resource_path("fonts", FONTS[weight]))
    for text in STRINGS + random_strings(1500):
        for size in SIZES:
            assert metrics.string_width(text, size) == stringWidth(text, reportlab_names[weight], size), (text, size)


@pytest.mark.parametrize("weight", FONTS)
def test_every_character_measures_as_in_reportlab(weight: str, reportlab_names: dict[str, str]) -> None:
    """All of Unicode: the mapped characters, the missing ones (glyph 0), and the no-break space rule."""
    metrics = FontMetrics(resource_path("fonts", FONTS[weight]))
    face = pdfmetrics.getFont(reportlab_names[weight]).face
    assert metrics.default_width == face.defaultWidth
    assert metrics.all_widths() == face.charWidths
    expected = face.charWidths.get
    wrong = [code for code in range(0x110000) if metrics.char_width(chr(code)) != expected(code, face.defaultWidth)]
    assert not wrong, [hex(code) for code in wrong[:10]]
    assert metrics.char_width("\u00a0") == metrics.char_width(" ")
    assert metrics.char_width("中") == metrics.default_width  # DejaVu has no CJK


@pytest.mark.parametrize("bold", [False, True])
def test_textmetrics_measures_with_the_pdf_fonts(bold: bool) -> None:
    """What the layout measures is what the PDF export's registered fonts measure."""
    regular, bold_name = textmetrics.register_fonts()
    # (Text another font or shaping draws is compared with what the PDF draws in tests/export/test_pdf_scripts.py.)
    with textmetrics.bundled_font_only():
        for text in STRINGS[:14]:
            for size in SIZES:
                assert textmetrics.text_width(text, size, bold) == stringWidth(text, bold_name if bold else regular, size)


def test_measuring_text_does_not_import_reportlab() -> None:
    import subprocess
    import sys

    code = (
        "import sys\n"
        "from workbench.textmetrics import text_width, wrap\n"
        "assert text_width('Déjà vu 中', 10.5) > 0 and wrap('a b c d e f', 20, 9.5, bold=True)\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('reportlab', 'PIL', 'PySide6'))\n"
        "assert not heavy, heavy\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr


# ------------------------------------------------------------ odd fonts


def _font(cmap_subtable: bytes, *, platform: tuple[int, int] = (3, 1), units: int = 1000,
          advances: list[int] | None = None, glyphs: int = 6) -> bytes:
    """A minimal TrueType file, enough for reportlab's reader too (it wants name, post and loca)."""
    advances = advances if advances is not None else [500, 600, 700, 800]
    head = bytearray(54)
    struct.pack_into(">HH", head, 0, 1, 0)
    struct.pack_into(">I", head, 12, 0x5F0F3CF5)
    struct.pack_into(">H", head, 18, units)
    hhea = bytearray(36)
    struct.pack_into(">HH", hhea, 0, 1, 0)
    struct.pack_into(">H", hhea, 34, len(advances))
    maxp = struct.pack(">HHH", 1, 0, glyphs)
    hmtx = b"".join(struct.pack(">Hh", aw, 0) for aw in advances) + b"\0\0" * (glyphs - len(advances))
    cmap = struct.pack(">HHHHI", 0, 1, *platform, 12) + cmap_subtable
    ps_name = b"OddFont"
    name = struct.pack(">HHH", 0, 1, 18) + struct.pack(">HHHHHH", 1, 0, 0, 6, len(ps_name), 0) + ps_name
    post = struct.pack(">HHhHhhI", 3, 0, 0, 0, 0, 0, 0) + bytes(16)
    loca = b"\0\0" * (glyphs + 1)
    tables = {b"cmap": cmap, b"head": bytes(head), b"hhea": bytes(hhea), b"hmtx": hmtx, b"loca": loca,
              b"maxp": maxp, b"name": name, b"post": post}
    offset = 12 + 16 * len(tables)
    directory, body = b"", b""
    for tag, data in tables.items():
        directory += struct.pack(">4sIII", tag, 0, offset + len(body), len(data))
        body += data + b"\0" * (-len(data) % 4)
    return struct.pack(">IHHHH", 0x00010000, len(tables), 0, 0, 0) + directory + body


def _format_4(segments: list[tuple[int, int, int]], glyph_array: dict[int, list[int]] | None = None) -> bytes:
    """(first, last, delta) segments, plus 0xFFFF; *glyph_array* gives some segments a glyph array."""
    segments = segments + [(0xFFFF, 0xFFFF, 1)]
    count = len(segments)
    glyph_array = glyph_array or {}
    arrays, offsets = b"", []
    for index, _segment in enumerate(segments):
        if index in glyph_array:
            offsets.append(2 * (count - index) + len(arrays))
            arrays += struct.pack(f">{len(glyph_array[index])}H", *glyph_array[index])
        else:
            offsets.append(0)
    body = (
        struct.pack(f">HHHH{count}H", 2 * count, 0, 0, 0, *[s[1] for s in segments]) + b"\0\0"
        + struct.pack(f">{count}H", *[s[0] for s in segments])
        + struct.pack(f">{count}h", *[s[2] for s in segments])
        + struct.pack(f">{count}H", *offsets) + arrays
    )
    return struct.pack(">HHH", 4, 6 + len(body), 0) + body


def _format_12(groups: list[tuple[int, int, int]]) -> bytes:
    body = b"".join(struct.pack(">III", *group) for group in groups)
    return struct.pack(">HHIII", 12, 0, 16 + len(body), 0, len(groups)) + body


ODD_FONTS = {
    "format 4 with deltas": _font(_format_4([(0x41, 0x43, -0x40)])),
    "format 4 with a glyph array": _font(_format_4([(0x30, 0x33, 0)], {0: [2, 0, 3, 9]})),
    # 1000 / 3000 is not exact in binary: the width must be scaled in reportlab's order.
    "units per em 3000, few advances": _font(_format_4([(0x20, 0x20, -0x1F), (0x61, 0x65, -0x60)]),
                                             units=3000, advances=[1010, 1014, 1017], glyphs=6),
    "no-break space only": _font(_format_4([(0xA0, 0xA0, -0x9E)])),
    "format 12, overlapping groups": _font(_format_12([(0x41, 0x45, 1), (0x43, 0x44, 5), (0x1F600, 0x1F601, 2), (0x42, 0x42, 0)]),
                                           platform=(3, 10)),
}


@pytest.mark.parametrize("name", ODD_FONTS)
def test_odd_fonts_measure_as_in_reportlab(name: str, tmp_path: Path) -> None:
    path = tmp_path / "odd.ttf"
    path.write_bytes(ODD_FONTS[name])
    theirs = TTFontFile(str(path))
    ours = FontMetrics(path)
    assert ours.all_widths() == theirs.charWidths
    assert ours.default_width == theirs.defaultWidth
    for code in list(range(0x110)) + [0xA0, 0xFFFF, 0x1F600, 0x1F601, 0x1F602]:
        assert ours.char_width(chr(code)) == theirs.charWidths.get(code, theirs.defaultWidth), hex(code)


def test_a_file_that_is_not_a_font_says_so(tmp_path: Path) -> None:
    path = tmp_path / "broken.ttf"
    path.write_bytes(b"not a font at all")
    with pytest.raises(FontError):
        FontMetrics(path)
    path.write_bytes(_font(_format_4([]))[:200])
    with pytest.raises(FontError):
        FontMetrics(path)


# ------------------------------------------------------------- wrapping


def reference_words(paragraph: str) -> list[str]:
    """Words as French typography wants them: never apart at a non-breaking space, never
    a line starting with » : ; ? ! or %, never one ending with «."""
    pieces = "".join(" " if c.isspace() and c not in "\u00a0\u202f\u2007" else c for c in paragraph).split(" ")
    words: list[str] = []
    for piece in (p for p in pieces if p):
        if words and (words[-1].endswith("«") or piece[0] in "»:;?!%"):
            words[-1] += " " + piece
        else:
            words.append(piece)
    return words


def reference_wrap(text: str, width: float, size: float, bold: bool, max_lines: int | None,
                   names: dict[str, str]) -> list[str]:
    """Greedy wrapping measured by reportlab itself, as the workbench always wrapped."""
    font = names["bold" if bold else "regular"]

    def fits(line: str) -> bool:
        return stringWidth(line, font, size) <= width

    def longest_prefix(word: str) -> str:
        low, high = 1, len(word)
        while low < high:
            mid = (low + high + 1) // 2
            low, high = (mid, high) if fits(word[:mid]) else (low, mid - 1)
        return word[:low]

    lines: list[str] = []
    for paragraph in text.split("\n"):
        words = reference_words(paragraph)
        if not words:
            lines.append("")
            continue
        current = ""
        for word in words:
            candidate = f"{current} {word}" if current else word
            if fits(candidate):
                current = candidate
                continue
            if current:
                lines.append(current)
            while not fits(word):
                head = longest_prefix(word)
                lines.append(head)
                word = word[len(head):]
            current = word
        lines.append(current)
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[:max_lines]
        last = lines[-1]
        while last and not fits(last + "…"):
            last = last[:-1]
        lines[-1] = last.rstrip() + "…"
    return lines


def test_lines_break_where_reportlab_measures_them_to(reportlab_names: dict[str, str]) -> None:
    rng = random.Random(5)
    alphabet = "abcdefghijklmnopqrstuvwxyz ABCDEFGHIJ éèàçôœ ÉÀ 0123456789 .,;:!?'’«»—–- WWW iii 中😀"
    texts = STRINGS + [
        "Step 12: the customer does something worth a short sentence",
        "pain_points card of step 7, long enough to wrap onto two lines",
        "Supercalifragilisticexpialidocious-and-then-some-more-characters without spaces",
        "  leading and  double  spaces\tand tabs\nand a second paragraph\n\nafter an empty one  ",
    ]
    for _ in range(400):
        texts.append("".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 160))))
    checked = 0
    for text in texts:
        for width in (rng.uniform(8, 60), rng.uniform(60, 400)):
            size = rng.choice(SIZES)
            bold = rng.random() < 0.5
            max_lines = rng.choice([None, None, 1, 2, 3])
            with textmetrics.bundled_font_only():  # (the reference measures with the bundled font alone)
                got = textmetrics.wrap(text, width, size, bold, max_lines)
            assert got == reference_wrap(text, width, size, bold, max_lines, reportlab_names), (text, width, size, bold)
            checked += 1
    assert checked > 800


def test_plain_ascii_text_breaks_as_any_text(reportlab_names: dict[str, str]) -> None:
    """ASCII text (most text) is split into words by a quicker path: the same words, the same lines."""
    rng = random.Random(11)
    alphabet = "abcdefghij WXYZ 0123456789 .,'-  :;?!% \t\x0b\x0c\r\x1c\x1d\x1e\x1f"
    for _ in range(600):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 120)))
        assert textmetrics.words_of(text) == reference_words(text), repr(text)
        width, size, bold = rng.uniform(8, 300), rng.choice(SIZES), rng.random() < 0.5
        with textmetrics.bundled_font_only():
            got = textmetrics.wrap(text, width, size, bold)
        assert got == reference_wrap(text, width, size, bold, None, reportlab_names), (text, width, size, bold)


def test_french_punctuation_never_starts_a_line_and_non_breaking_spaces_hold() -> None:
    """« Où est mon dossier ? » wrapped at every width: no line starts with » ? : ; ! or %,
    none ends with «, and a non-breaking space is never a break (it stays in its line)."""
    nbsp, narrow = "\u00a0", "\u202f"
    texts = [
        f"Le client demande{nbsp}: «{nbsp}Où est mon dossier{narrow}?{nbsp}» et attend 20{nbsp}%",
        "Typed with plain spaces : « Où est mon dossier ? » then 20 % ; done !",
    ]
    for text in texts:
        for bold in (False, True):
            # From the widest unbreakable piece up: narrower, a piece is cut between characters.
            widest = max(text_width(word, 9.5, bold) for word in reference_words(text))
            for width in range(math.ceil(widest), 420, 3):
                lines = wrap(text, width, 9.5, bold)
                for i, line in enumerate(lines):
                    if i > 0 and len(line) > 1:
                        assert line[0] not in "»:;?!%", (width, lines)
                    if i < len(lines) - 1:
                        assert not line.endswith("«"), (width, lines)
                joined = " ".join(lines)
                assert joined.count(nbsp) == text.count(nbsp) and joined.count(narrow) == text.count(narrow)
                if width < widest + 3:
                    assert len(lines) >= 3, lines  # the narrow widths did break the text, several times


def test_lines_break_exactly_at_the_boundary(reportlab_names: dict[str, str]) -> None:
    """A width equal to a line's measured width keeps the line whole; one bit less breaks it.

    Widths taken at the exact measure of a line, and the next float below,
    catch a measure that differs from reportlab's in its last bit (the same
    additions and products in another order).
    """
    rng = random.Random(8)
    vocabulary = "the customer waits at a counter déjà vu œuvre ça Étape reçoit « carte » — 12,5 € WWW iii fl".split()
    for _ in range(300):
        words = [rng.choice(vocabulary) for _ in range(rng.randrange(2, 12))]
        size = rng.choice(SIZES)
        bold = rng.random() < 0.5
        # Only where a line may break: not after «, not before » : ; ? ! % (see reference_words).
        breaks = [i for i in range(1, len(words)) if not words[i - 1].endswith("«") and words[i][0] not in "»:;?!%"]
        if not breaks:
            continue
        count = rng.choice(breaks)
        first = " ".join(words[:count])
        exact = stringWidth(first, reportlab_names["bold" if bold else "regular"], size)
        text = " ".join(words)
        for width in (exact, math.nextafter(exact, 0)):
            textmetrics._wrap.cache_clear()
            got = textmetrics.wrap(text, width, size, bold)
            assert got == reference_wrap(text, width, size, bold, None, reportlab_names), (text, width, size, bold)
            if width == exact:
                assert got[0] == first
            elif len(first) > 1:  # (a single character is never cut: it stays, too wide)
                assert got[0] != first, (got, first)


def test_the_quick_path_for_plain_words_breaks_lines_as_the_word_by_word_loop(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Plain words (the bundled font alone, each narrower than a line) are broken by sums and a bisection:
    the very lines of the loop adding one word at a time, at every width up to the exact edge of a line."""
    rng = random.Random(21)
    vocabulary = "the customer waits at a counter déjà vu œuvre ça Étape reçoit 12,5 € WWW iii fl - '".split()
    general = textmetrics._plain_lines
    cases = []
    for _ in range(400):
        words = [rng.choice(vocabulary) for _ in range(rng.randrange(1, 30))]
        text, size, bold = " ".join(words), rng.choice(SIZES), rng.random() < 0.5
        cut = rng.randrange(1, len(words) + 1)
        exact = text_width(" ".join(words[:cut]), size, bold)
        for width in (exact, math.nextafter(exact, 0), math.nextafter(exact, math.inf), rng.uniform(40, 400)):
            cases.append((text, width, size, bold))
    quick = [textmetrics._wrap_paragraph(*case) for case in cases]
    taken = sum(general(textmetrics.words_of(t), textmetrics.BOLD if b else textmetrics.REGULAR, w, s) is not None
                for t, w, s, b in cases)
    assert taken > len(cases) * 3 // 4  # most of them go the quick way (the others have a word wider than a line)
    monkeypatch.setattr(textmetrics, "_plain_lines", lambda *args: None)
    assert [textmetrics._wrap_paragraph(*case) for case in cases] == quick
