"""No text of the deliverable overlaps another or leaves its page: every shipped example and
template, fit and tiled, A4 and A3 (#13). Positions come from the PDF itself (pdfplumber)."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest

from workbench.export.pdf import PdfOptions, render_pdf
from workbench.model.analysis import appendix, check
from workbench.model.fileformat import load

ROOT = Path(__file__).resolve().parents[2]
FILES = sorted((ROOT / "examples").rglob("*.journey")) + sorted((ROOT / "resources" / "templates").glob("*.journey"))


def overlaps(chars: list[dict]) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    """Pairs of characters drawn over each other (a third of their width, half their height), by a sweep along x.

    Characters, not words: at the few points of a fitted map, grouping into words guesses wrong.
    """
    found = []
    ordered = sorted((c for c in chars if c["text"].strip()), key=lambda c: c["x0"])
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if b["x0"] >= a["x1"]:
                break
            dx = min(a["x1"], b["x1"]) - max(a["x0"], b["x0"])
            dy = min(a["bottom"], b["bottom"]) - max(a["top"], b["top"])
            if dx > 0.34 * min(a["width"], b["width"]) and dy > 0.5 * min(a["height"], b["height"]):
                found.append((a["text"], b["text"]))
    return found


@pytest.mark.parametrize("mode,size", [("fit", "a4"), ("fit", "a3"), ("tile", "a4"), ("tile", "a3")])
def test_no_text_overlaps_another_or_leaves_its_page(mode: str, size: str, tmp_path: Path) -> None:
    assert len(FILES) >= 20
    problems = []
    for path in FILES:
        journey = load(path)
        report = check(journey)
        rows, metrics = appendix(report, journey.language)
        options = PdfOptions(mode=mode, page_size=size, findings=rows, metrics=metrics,
                             finding_elements=[f.elements for f in report.findings])
        data, _ = render_pdf(journey, options)
        out = tmp_path / "out.pdf"
        out.write_bytes(data)
        with pdfplumber.open(out) as pdf:
            for number, page in enumerate(pdf.pages, start=1):
                chars = page.chars
                off = [c["text"] for c in chars if c["x0"] < 0 or c["top"] < 0 or c["x1"] > page.width or c["bottom"] > page.height]
                crossing = overlaps(chars)
                if off or crossing:
                    problems.append(f"{path.name} p{number}: off {off[:3]} crossing {crossing[:3]}")
    assert not problems, "\n".join(problems[:20])
