"""Findings are marked on the PDF's map, numbered as in the appendix, linked both ways (#13)."""

from __future__ import annotations

import re
from pathlib import Path

import pdfplumber
from pypdf import PdfReader

from workbench.export.pdf import PdfOptions, export_pdf
from workbench.export.pdfmarks import appendix_order
from workbench.model.analysis import appendix, check
from workbench.model.fileformat import load

ROOT = Path(__file__).resolve().parents[2]
TELECOM = ROOT / "examples" / "counter-examples" / "telecom-contract-takeover.journey"


def links(reader: PdfReader, index: int) -> list[tuple[tuple[float, ...], int, float, float]]:
    """Each link of a page: its rectangle, and the page, left and top it goes to."""
    pages = [p.indirect_reference for p in reader.pages]
    out = []
    for ref in reader.pages[index].get("/Annots") or []:
        annot = ref.get_object()
        if annot.get("/Subtype") == "/Link":
            dest = annot["/Dest"]
            out.append((tuple(float(v) for v in annot["/Rect"]), pages.index(dest[0]), float(dest[2]), float(dest[3])))
    return out


def words_in(page, x0: float, top: float, x1: float, bottom: float) -> str:  # type: ignore[no-untyped-def]
    """The words of a pdfplumber page inside a box given in PDF coordinates (y up)."""
    h = page.height
    return " ".join(
        w["text"] for w in page.extract_words() if x0 <= w["x0"] and w["x1"] <= x1 and h - bottom <= w["top"] and w["bottom"] <= h - top
    )


def test_each_marked_step_links_to_its_findings_and_back(tmp_path: Path) -> None:
    journey = load(TELECOM)
    report = check(journey)
    rows, metrics = appendix(report, journey.language)
    out = tmp_path / "marked.pdf"
    options = PdfOptions(
        mode="fit", page_size="a3", findings=rows, metrics=metrics, finding_elements=[f.elements for f in report.findings],
        title_page=False, legend=False, persona=False, details=False, notes=False,
    )
    export_pdf(journey, out, options)
    steps = {s.id: s for s in journey.steps}
    expected: dict[str, list[int]] = {}  # step: the numbers of the errors and warnings about it
    for number, i in enumerate(appendix_order(rows), start=1):
        if report.findings[i].severity != "info":
            for element in report.findings[i].elements:
                if element in steps:
                    expected.setdefault(element, []).append(number)
    assert len(expected) >= 5
    reader = PdfReader(out)
    with pdfplumber.open(out) as pdf:
        map_links = links(reader, 0)
        assert len(map_links) == len(expected)  # one mark, one link, per step concerned
        seen = []
        for (x0, y0, x1, y1), page, _, top in map_links:
            label = words_in(pdf.pages[0], x0 - 1, y0 - 1, x1 + 1, y1 + 1)
            first = int(re.match(r"\d+", label).group())  # type: ignore[union-attr]
            seen.append(label.replace(" ", ""))
            # It goes to the appendix, where finding number `first` starts just below the top it names.
            target = words_in(pdf.pages[page], 0, top - 30, pdf.pages[page].width, top)
            assert page >= 1 and target.startswith(f"{first}. "), (label, target)
        assert sorted(seen) == sorted(",".join(str(n) for n in numbers[:4]) for numbers in expected.values())
        back = [link for index in range(1, len(reader.pages)) for link in links(reader, index)]
        assert back
        for _, page, left, top in back:  # each goes to the map, at a marked step's header
            assert page == 0
            header = words_in(pdf.pages[0], left - 1, top - 60, left + 190, top)
            assert any(header.startswith(" ".join(steps[sid].title.split()[:2])) for sid in expected), header


def test_without_elements_the_map_is_left_unmarked(tmp_path: Path) -> None:
    journey = load(TELECOM)
    rows, metrics = appendix(check(journey), journey.language)
    out = tmp_path / "plain.pdf"
    export_pdf(journey, out, PdfOptions(mode="fit", page_size="a3", findings=rows, metrics=metrics, title_page=False, legend=False))
    reader = PdfReader(out)
    assert all(links(reader, index) == [] for index in range(len(reader.pages)))
