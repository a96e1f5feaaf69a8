"""Every script in the PDF: fallback fonts for what the bundled one lacks, right to left shaped (#13).

The glyph path needs system fonts (the CI installs fonts-wqy-microhei and
fonts-symbola, see scripts/install-system-packages.sh); without them the
tests check the other promise: the export says which texts print as boxes.
Arabic and Hebrew are in the bundled DejaVu Sans, so their order and shaping
are checked on every machine.

Text order as extracted: CJK, Korean and emoji in logical order; Arabic and
Hebrew in visual order (drawn left to right, so a word comes out reversed),
Arabic as presentation forms (NFKC gives the letters back).
"""

from __future__ import annotations

import io
import shutil
import struct
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pdfplumber
import pytest
from pypdf import PdfReader
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from workbench import fallback, textmetrics
from workbench.export import pdfdraw, pdftext
from workbench.export.pdf import PdfOptions, render_pdf
from workbench.fontmetrics import FontMetrics
from workbench.geometry import Rect, Text
from workbench.model.fileformat import load
from workbench.resources import resource_path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "banking-savings.journey"

CHINESE = "开设储蓄账户"
JAPANESE = "口座を開設する"
KOREAN = "계좌 개설"
ARABIC = "فتح حساب توفير"
HEBREW = "פתיחת חשבון"
EMOJI = "🏦💳"
LEAN = {"persona": False, "details": False, "notes": False}


@pytest.fixture(autouse=True)
def fresh_fonts() -> Iterator[None]:
    """Each test finds the machine's fonts again (and leaves no state to the next)."""
    textmetrics.forget_fallbacks()
    yield
    textmetrics.forget_fallbacks()


def no_fallback(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fallback, "find_face", lambda char: None)
    textmetrics.forget_fallbacks()


def journey(language: str = "en"):  # type: ignore[no-untyped-def]
    """The example with its title, three steps and a card in other scripts."""
    j = load(EXAMPLE)
    steps = list(j.steps)
    steps[0] = steps[0].model_copy(update={"title": JAPANESE})
    steps[1] = steps[1].model_copy(update={"title": HEBREW})
    steps[2] = steps[2].model_copy(update={"title": ARABIC})
    cards = list(j.cards)
    cards[0] = cards[0].model_copy(update={"text": f"{KOREAN} {EMOJI}"})
    return j.model_copy(update={"title": CHINESE, "steps": steps, "cards": cards, "language": language})


def export(j, **options) -> tuple[bytes, list[str]]:  # type: ignore[no-untyped-def]
    data, result = render_pdf(j, PdfOptions(**{**LEAN, **options}))
    return data, result.warnings


def plumber_text(data: bytes) -> list[str]:
    """Each page's characters in the order they are drawn (pdfplumber)."""
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        return ["".join(char["text"] for char in page.chars) for page in pdf.pages]


def pypdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(io.BytesIO(data)).pages)


def found(text: str) -> bool:
    """Whether this machine has fonts for every character of *text* the bundled font lacks."""
    bundled = textmetrics.font_metrics(textmetrics.REGULAR)
    return not fallback.missing(text, bundled)


# ---------------------------------------------------------------- the proof of the issue


def test_every_script_shows_with_glyphs_or_is_named_in_the_warnings() -> None:
    data, warnings = export(journey(), mode="tile")
    pages = plumber_text(data)
    plumbed, extracted = "".join(pages), pypdf_text(data)
    named = " ".join(w for w in warnings if "No font" in w)
    for sample in (CHINESE, JAPANESE, KOREAN, EMOJI):
        if found(sample):  # drawn with a system font: the characters themselves, no box
            for word in sample.split():
                assert word in plumbed and word in extracted, word
        else:  # no font for it here: the export says so, naming the text
            assert pdftext.shortened(sample) in named, (sample, warnings)
    if all(map(found, (CHINESE, JAPANESE, KOREAN, EMOJI))):
        assert "\x00" not in plumbed and "\x00" not in extracted
        assert not named, warnings
    # Arabic and Hebrew are in the bundled font: always shown, in visual order.
    assert visual(ARABIC) in plumbed
    assert HEBREW[::-1].replace(" ", "") in plumbed.replace(" ", "")


def test_the_glyph_path_when_this_machine_has_the_fonts() -> None:
    """Asserted wherever the CI's fonts are (fonts-wqy-microhei, fonts-symbola); skipped elsewhere."""
    if not all(map(found, (CHINESE, JAPANESE, KOREAN, EMOJI))):
        pytest.skip("no system font for CJK or emoji here (scripts/install-system-packages.sh installs them)")
    data, warnings = export(journey(), mode="tile")
    assert not [w for w in warnings if "No font" in w]
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        chars = [char for page in pdf.pages for char in page.chars]
    assert "\x00" not in "".join(c["text"] for c in chars)
    fonts = {c["fontname"].split("+")[-1] for c in chars if c["text"] in CHINESE + EMOJI}
    assert fonts and not any("DejaVu" in f for f in fonts), fonts  # drawn with other fonts, embedded
    reader = PdfReader(io.BytesIO(data))
    for page in reader.pages:
        for ref in page["/Resources"].get_object().get("/Font", {}).values():
            descriptor = ref.get_object()["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor  # every font embedded (as a subset), fallbacks too


def test_without_a_fallback_font_the_export_succeeds_and_names_the_texts(monkeypatch: pytest.MonkeyPatch) -> None:
    no_fallback(monkeypatch)
    data, warnings = export(journey(), mode="fit")
    assert data.startswith(b"%PDF")
    named = [w for w in warnings if "No font" in w]
    assert len(named) == 1, warnings
    for sample in (CHINESE, JAPANESE, KOREAN, EMOJI):
        assert pdftext.shortened(sample) in named[0] or any(
            sample in text for text in named[0].split("“")
        ), sample
    assert ARABIC not in named[0] and HEBREW not in named[0]  # the bundled font has them
    assert "\x00" in "".join(plumber_text(data))  # the boxes are still there, as the warning says


@pytest.mark.parametrize(("user", "map_language"), [("en", "fr"), ("fr", "en")])
def test_the_warning_is_in_the_users_language_whatever_the_journeys_and_short(
    monkeypatch: pytest.MonkeyPatch, user: str, map_language: str
) -> None:
    """The warning speaks to the person exporting (the UI language); the PDF itself, to its reader."""
    from workbench.i18n import set_language

    no_fallback(monkeypatch)
    asked = []
    real = pdftext.tr

    def spy(source: str, language: str | None = None, **fields: object) -> str:
        asked.append(language)
        return real(source, language, **fields)

    monkeypatch.setattr(pdftext, "tr", spy)
    long_title = CHINESE * 20
    j = journey(map_language).model_copy(update={"title": long_title})
    set_language(user)
    try:
        _data, warnings = export(j, mode="fit", title_page=False, legend=False)
    finally:
        set_language(None)
    assert asked and set(asked) == {user}
    named = next(w for w in warnings if "“" in w or "«" in w)
    assert long_title not in named and pdftext.shortened(long_title) in named
    assert len(pdftext.shortened(long_title)) == pdftext.SHORTENED


def test_a_title_that_only_some_fonts_show_keeps_the_rest_as_text(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without fallback fonts the Latin around CJK is still real text; nothing is lost but the CJK glyphs."""
    no_fallback(monkeypatch)
    j = journey().model_copy(update={"title": f"Savings {CHINESE} account"})
    data, _warnings = export(j, mode="fit", legend=False)
    first = plumber_text(data)[0]
    assert "Savings" in first and "account" in first


# ---------------------------------------------------------------- right to left


def visual(text: str) -> str:
    """How a right-to-left *text* comes out of the PDF: words reversed, letters in presentation forms."""
    return fallback.display_order(fallback.shape(text))


def test_arabic_is_drawn_right_to_left_and_shaped() -> None:
    j = journey().model_copy(update={"title": ARABIC})
    data, _ = export(j, mode="fit", legend=False)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        chars = [c for c in pdf.pages[0].chars if c["top"] < 150 and c["text"].strip()]
    letters = [c for c in chars if unicodedata.bidirectional(c["text"]) == "AL"]
    assert len(letters) == len(ARABIC.replace(" ", ""))
    # Joined: every letter is a presentation form, and NFKC gives the title's letters back.
    assert all("\ufe70" <= c["text"] <= "\ufeff" for c in letters)
    by_x = sorted(letters, key=lambda c: c["x0"])
    logical = unicodedata.normalize("NFKC", "".join(c["text"] for c in reversed(by_x)))
    assert logical == ARABIC.replace(" ", "")
    # The first letter of the first word is drawn rightmost; the last word leftmost.
    assert unicodedata.normalize("NFKC", by_x[-1]["text"]) == ARABIC[0]
    assert unicodedata.normalize("NFKC", by_x[0]["text"]) == ARABIC[-1]
    # Joined forms: feh starts its word (initial form), hah ends it (final form).
    assert by_x[-1]["text"] == "\ufed3" and unicodedata.name(by_x[-3]["text"]).endswith("FINAL FORM")


def test_hebrew_is_drawn_right_to_left() -> None:
    j = journey().model_copy(update={"title": HEBREW})
    data, _ = export(j, mode="fit", legend=False)
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        chars = [c for c in pdf.pages[0].chars if c["top"] < 150 and unicodedata.bidirectional(c["text"]) == "R"]
    by_x = "".join(c["text"] for c in sorted(chars, key=lambda c: c["x0"]))
    assert by_x == HEBREW.replace(" ", "")[::-1]


def test_numbers_and_latin_inside_arabic_keep_their_own_order() -> None:
    bundled = textmetrics.font_metrics(textmetrics.REGULAR)
    line = "حساب 2024 PDF"
    shown = "".join(run for _face, run in fallback.visual_runs(line, bundled))
    assert "2024" in shown and "PDF" in shown  # left to right inside the right-to-left line
    assert shown.index("PDF") < shown.index("2024") < shown.index("\ufe8f")  # ... in a right-to-left paragraph


def test_a_vowel_mark_follows_its_letter_when_drawn() -> None:
    bundled = textmetrics.font_metrics(textmetrics.REGULAR)
    shown = "".join(run for _face, run in fallback.visual_runs("بَ", bundled))
    assert shown == "\ufe8f\u064e"  # the letter, then the mark drawn over it


# ---------------------------------------------------------------- measuring is drawing


def drawn_width(line: str, size: float, bold: bool = False) -> float:
    """The width reportlab gives to the runs the PDF draws for *line*."""
    font = textmetrics.BOLD if bold else textmetrics.REGULAR
    textmetrics.register_fonts()
    total = 0.0
    for face, run in fallback.visual_runs(line, textmetrics.font_metrics(font)):
        name = font if face is None else pdftext._registered(face)
        total += stringWidth(run, name, size)
    return total


@pytest.mark.parametrize("bold", [False, True])
def test_what_is_measured_is_what_is_drawn(bold: bool) -> None:
    for text in (ARABIC, HEBREW, CHINESE, f"{KOREAN} {EMOJI}", f"Mix {ARABIC} and {CHINESE} 12", "لا إله"):
        assert textmetrics.text_width(text, 10, bold) == pytest.approx(drawn_width(text, 10, bold), abs=1e-9), text


def test_wrapped_lines_of_other_scripts_fit() -> None:
    text = " ".join([ARABIC, CHINESE * 3, HEBREW, KOREAN, EMOJI] * 3)
    for width in (40.0, 90.0, 200.0):
        lines = textmetrics.wrap(text, width, 9.5)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        for line in lines:
            assert drawn_width(line, 9.5) <= width + 1e-9 or len(line) == 1, (line, width)


# ---------------------------------------------------------------- text the bundled font covers: as before


def reference_draw_text(c: Canvas, text: Text, fill: str) -> None:
    """pdfdraw.draw_text as it was before other scripts were handled."""
    c.setFillColor(pdfdraw.colour(fill))
    obj = c.beginText()
    obj.setFont(textmetrics.BOLD if text.bold else textmetrics.REGULAR, text.size)
    y = text.rect.y + textmetrics.baseline(text.size)
    for line in text.lines:
        obj.setTextTransform(1, 0, 0, -1, text.rect.x, y)
        obj.textOut(line)
        y += textmetrics.line_height(text.size)
    c.drawText(obj)


def page_stream(draw) -> bytes:  # type: ignore[no-untyped-def]
    textmetrics.register_fonts()
    buffer = io.BytesIO()
    c = Canvas(buffer, pageCompression=0, invariant=1)
    draw(c)
    c.showPage()
    c.save()
    return buffer.getvalue()


@pytest.mark.parametrize("bold", [False, True])
def test_plain_text_is_drawn_byte_for_byte_as_before(bold: bool) -> None:
    text = Text(("Déjà vu — « Où est mon dossier ? »", "12,5 € • ✓ Ωμέγα Кириллица 😀"), 9.5, bold, Rect(10, 20, 300, 40))
    assert textmetrics.is_plain(" ".join(text.lines), bold)
    assert page_stream(lambda c: pdfdraw.draw_text(c, text, "#123456")) == page_stream(
        lambda c: reference_draw_text(c, text, "#123456")
    )

    def with_font(draw):  # type: ignore[no-untyped-def]
        def go(c: Canvas) -> None:
            c.setFont(textmetrics.BOLD if bold else textmetrics.REGULAR, 11)
            draw(c)

        return go

    line = text.lines[0]
    assert page_stream(with_font(lambda c: pdftext.draw_string(c, 36, 500, line))) == page_stream(
        with_font(lambda c: c.drawString(36, 500, line))
    )


def content_streams(data: bytes) -> list[bytes]:
    return [page.get_contents().get_data() for page in PdfReader(io.BytesIO(data)).pages]


def test_a_latin_journey_exports_exactly_as_with_the_bundled_font_alone() -> None:
    """Every page's drawing operators equal those of the old path (bundled font only, no reordering)."""
    j = load(EXAMPLE)
    options = PdfOptions(mode="tile", findings=[("Condition", "warning", "A finding, déjà vu.")])
    new, result = render_pdf(j, options)
    with textmetrics.bundled_font_only():
        old, old_result = render_pdf(j, options)
    assert content_streams(new) == content_streams(old)
    assert result.warnings == old_result.warnings
    assert not fallback.faces()  # no system font was even looked for


def test_wrapping_covered_text_is_unchanged() -> None:
    text = "Camille opens a savings account « déjà » — 12,5 € ; Ωμέγα Кириллица ✓ 😀 " * 4
    for width in (30.0, 80.0, 150.0, 400.0):
        for bold in (False, True):
            textmetrics._wrap.cache_clear()
            new = textmetrics.wrap(text, width, 9.5, bold, 3)
            with textmetrics.bundled_font_only():
                assert textmetrics.wrap(text, width, 9.5, bold, 3) == new


# ---------------------------------------------------------------- fonts: coverage, collections, finding


def test_coverage_is_read_from_the_cmap() -> None:
    metrics = FontMetrics(resource_path("fonts", "DejaVuSans.ttf"))
    assert metrics.has_glyph("A") and metrics.has_glyph("ف") and metrics.has_glyph("\ufed3")
    assert not metrics.has_glyph("开") and not metrics.has_glyph("🏦") and not metrics.has_glyph("\uffff")
    assert metrics.truetype and metrics.embeddable


def test_a_font_collection_is_read_face_by_face(tmp_path: Path) -> None:
    """A .ttc (as wqy-microhei is): the same widths as the font on its own."""
    single = resource_path("fonts", "DejaVuSans.ttf").read_bytes()
    count = struct.unpack_from(">H", single, 4)[0]
    shifted = bytearray(single)
    for i in range(count):  # table offsets count from the file's start: 16 bytes of header come first
        at = 12 + 16 * i + 8
        struct.pack_into(">I", shifted, at, struct.unpack_from(">I", single, at)[0] + 16)
    collection = tmp_path / "one.ttc"
    collection.write_bytes(b"ttcf" + struct.pack(">HHI", 1, 0, 1) + struct.pack(">I", 16) + bytes(shifted))
    face = FontMetrics(collection, 0)
    plain = FontMetrics(resource_path("fonts", "DejaVuSans.ttf"))
    sample = "Déjà vu فتح ✓"
    assert face.advances(sample) == plain.advances(sample) and face.has_glyph("ف")


def test_fonts_are_found_in_the_usual_folders_without_fontconfig(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    folder = tmp_path / "fonts"
    folder.mkdir()
    shutil.copy(resource_path("fonts", "DejaVuSans.ttf"), folder / "Some.ttf")
    (folder / "broken.ttf").write_bytes(b"not a font")
    monkeypatch.setattr(shutil, "which", lambda name: None)  # no fontconfig (fallback imports shutil when it looks)
    monkeypatch.setattr(fallback, "font_folders", lambda: [folder, tmp_path / "missing"])
    fallback.forget()
    face = fallback.find_face("ש")
    assert face is not None and face.path == folder / "Some.ttf"
    assert fallback.find_face("开") is None


def test_fontconfig_lists_what_each_font_covers() -> None:
    if shutil.which("fc-list") is None:
        pytest.skip("no fontconfig here")
    entries = fallback._fontconfig()
    assert entries is not None and entries
    assert all(first <= last for _path, _index, ranges in entries for first, last in ranges)
