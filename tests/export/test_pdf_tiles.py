"""The PDF is readable by default, tiles are balanced and linear, and nothing runs off a page (#13)."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
from pypdf import PdfReader

from benchmarks.generate import journey_of
from workbench.export.pdf import PdfOptions, _tile_breaks, export_pdf, render_pdf
from workbench.export.pdfpages import FOOTER, MARGIN
from workbench.layout import layout
from workbench.model.fileformat import load
from workbench.model.templates import template

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "banking-savings.journey"
MAP_ONLY = {"persona": False, "details": False, "notes": False}


def smallest_font(path: Path, skip: int = 0) -> float:
    """The smallest size of any character drawn on the pages after the first *skip* (points on paper)."""
    with pdfplumber.open(path) as pdf:
        return min(char["size"] for page in pdf.pages[skip:] for char in page.chars)


def test_auto_keeps_a_small_map_on_one_page_and_tiles_a_big_one_readably(tmp_path: Path) -> None:
    small = tmp_path / "small.pdf"
    result = export_pdf(journey_of(3), small, PdfOptions(page_size="a3", title_page=False, legend=False, **MAP_ONLY))
    assert result.pages == 1 and result.warnings == []
    assert smallest_font(small) >= 6

    big = tmp_path / "big.pdf"
    result = export_pdf(load(EXAMPLE), big, PdfOptions(page_size="a4", title_page=False, legend=False, **MAP_ONLY))
    assert result.pages > 2 and result.warnings == []  # tiled, with nothing to warn about
    assert smallest_font(big, skip=1) >= 6  # every tile (the overview is a small picture of the whole)
    first = " ".join((PdfReader(big).pages[0].extract_text() or "").split())
    assert "Overview" in first  # the overview page comes first, numbered tiles after it
    for number in range(2, result.pages + 1):
        assert str(number) in first


def test_fit_still_fits_when_asked(tmp_path: Path) -> None:
    options = PdfOptions(page_size="a4", mode="fit", title_page=False, legend=False, **MAP_ONLY)
    result = export_pdf(load(EXAMPLE), tmp_path / "fit.pdf", options)
    assert result.pages == 1 and result.warnings


def test_tiles_are_balanced_no_page_holds_an_orphan_column() -> None:
    for steps in (14, 19, 40, 120):
        lay = layout(journey_of(steps))
        pitch = lay.style.column_width + lay.style.gap
        for room in (700.0, 960.0, 1400.0):
            xs, _ = _tile_breaks(lay, room, 600.0)
            spans = [b - a for a, b in zip(xs, xs[1:])]
            assert max(spans) <= room - (lay.style.margin + lay.style.lane_title_width + lay.style.gap) + 1e-6
            if len(spans) > 1:
                assert max(spans) - min(spans) <= pitch + lay.style.margin + 1, (steps, room, spans)  # the last holds the margin


def test_the_tiled_export_is_linear_in_the_map(tmp_path: Path) -> None:
    """Each tile draws what it shows: the file grows with the map, not with the map times its pages."""
    options = PdfOptions(mode="tile", page_size="a3", title_page=False, legend=False, **MAP_ONLY)
    sizes = {}
    for steps in (60, 480):
        data, result = render_pdf(journey_of(steps), options)
        sizes[steps] = len(data) / result.pages
    # Bytes per page stay the same (0.9x measured); every tile drawing the whole curve made it 1.3x.
    assert sizes[480] < 1.15 * sizes[60], sizes


def test_no_text_runs_off_a_tile_or_is_cut_at_a_seam(tmp_path: Path) -> None:
    """Every character of every tile lies within the page's body: labels crossing a seam are shifted whole."""
    for journey in (load(EXAMPLE), template("banking", "fr"), journey_of(30)):
        out = tmp_path / "tiles.pdf"
        export_pdf(journey, out, PdfOptions(mode="tile", page_size="a4", title_page=False, legend=False, **MAP_ONLY))
        with pdfplumber.open(out) as pdf:
            for number, page in enumerate(pdf.pages[1:], start=2):  # after the overview
                body = [c for c in page.chars if c["top"] < page.height - MARGIN - FOOTER + 4]
                outside = [c["text"] for c in body if c["x0"] < MARGIN - 0.5 or c["x1"] > page.width - MARGIN + 0.5]
                assert not outside, (journey.title, number, "".join(outside))
                below = [c["text"] for c in page.chars if c["bottom"] > page.height - 2]
                assert not below, (journey.title, number, "".join(below))


def test_a_header_taller_than_a_page_is_tiled_with_the_map_not_repeated(tmp_path: Path) -> None:
    """A 500-character step title made the header band taller than a tile: no room was left, and the tiling
    never ended, taking all the memory (exploratory test)."""
    from workbench.export.pdf import _fill

    journey = load(EXAMPLE)
    steps = [s.model_copy(update={"title": "W" * 500}) if i == 0 else s for i, s in enumerate(journey.steps)]
    journey = journey.model_copy(update={"steps": steps})
    lay = layout(journey)
    page_w, page_h = 500.0, 300.0
    header = lay.steps[0].header.bottom
    assert header > page_h  # (the case)
    xs, ys = _tile_breaks(lay, page_w, page_h)
    assert ys[0] == 0 and ys[-1] == lay.height  # from the top, header included: nothing repeated
    assert all(b - a <= page_h + 1e-6 for a, b in zip(ys, ys[1:]))
    assert 1 < len(ys) < 2 * lay.height / page_h + 2
    result = export_pdf(journey, tmp_path / "tall.pdf", PdfOptions(page_size="a4", title_page=False, legend=False, **MAP_ONLY))
    text = " ".join(" ".join((page.extract_text() or "") for page in PdfReader(tmp_path / "tall.pdf").pages).split())
    assert result.pages > 1 and "WWWWWWWWWW" in text
    try:
        _fill(0.0, [10.0, 20.0], 0.0, 20.0)
    except ValueError:
        pass
    else:
        raise AssertionError("a page with no room was not refused")
