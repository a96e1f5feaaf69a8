"""The PDF deliverable read back as a client would: pages, text, fonts, metadata."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from workbench.export.pdf import ExportCancelled, PdfOptions, export_pdf
from workbench.model.fileformat import load
from workbench.model.templates import template

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "banking-savings.journey"
#: The map's pages only: no persona, stage details or notes pages.
MAP_ONLY = {"persona": False, "details": False, "notes": False}


def text_of(reader: PdfReader) -> str:
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def fonts_of(reader: PdfReader) -> list[tuple[str, bool]]:
    """(base font name, embedded) for every font of every page."""
    found = []
    for page in reader.pages:
        fonts = page["/Resources"].get_object().get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = bool(descriptor and any(k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")))
            found.append((str(font["/BaseFont"]), embedded))
    return found


def test_fit_mode_has_title_legend_and_map_with_every_step_title(tmp_path: Path) -> None:
    journey = load(EXAMPLE)
    out = tmp_path / "map.pdf"
    result = export_pdf(journey, out, PdfOptions(mode="fit", **MAP_ONLY))
    reader = PdfReader(out)
    assert len(reader.pages) == result.pages == 3
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)  # A4 landscape
    text = text_of(reader)
    assert journey.title in text.replace("\n", " ")
    assert "Legend" in text and "page 3 of 3" in text
    map_text = " ".join((reader.pages[2].extract_text() or "").split())
    for step in journey.steps:
        first_words = " ".join(step.title.split()[:2])
        assert first_words in map_text, step.title
    for handoff in journey.handoffs:
        assert " ".join(handoff.trigger.split()[:2]) in map_text
    assert "€" in text


def test_every_font_is_embedded_and_no_standard_font_is_left(tmp_path: Path) -> None:
    out = tmp_path / "fonts.pdf"
    export_pdf(load(EXAMPLE), out, PdfOptions())
    fonts = fonts_of(PdfReader(out))
    assert fonts and all(embedded for _, embedded in fonts), fonts
    assert not [name for name, _ in fonts if "Helvetica" in name or "Times" in name or "Courier" in name]


def test_metadata_and_outline(tmp_path: Path) -> None:
    journey = load(EXAMPLE)
    out = tmp_path / "meta.pdf"
    export_pdf(journey, out, PdfOptions(mode="fit", **MAP_ONLY))
    reader = PdfReader(out)
    meta = reader.metadata
    assert meta.title == journey.title
    assert meta.author == ", ".join(journey.authors)
    assert meta.subject and meta.subject.startswith(journey.scenario[:30])
    assert "Banking" in (meta.get("/Keywords") or "")
    assert (meta.creator or "").startswith("Journey Workbench")
    outline = reader.outline
    assert [item.title for item in outline if not isinstance(item, list)] == [journey.title, "Legend", "Journey map"]
    assert [item.title for item in outline[-1]] == [stage.title for stage in sorted(journey.stages, key=lambda s: s.order)]
    assert reader.trailer["/Root"]["/Lang"] == "en"
    xmp = reader.xmp_metadata
    assert xmp is not None and xmp.dc_title["x-default"] == journey.title
    assert xmp.dc_creator == journey.authors and "Banking" in " ".join(xmp.dc_subject)
    assert xmp.dc_language == ["en"]


def test_a_fitted_big_map_warns_that_text_gets_too_small(tmp_path: Path) -> None:
    result = export_pdf(load(EXAMPLE), tmp_path / "small.pdf", PdfOptions(page_size="a4", mode="fit"))
    assert result.warnings and "tiling" in result.warnings[0]
    roomy = export_pdf(template("retail", "en"), tmp_path / "a3.pdf", PdfOptions(page_size="a3", mode="fit", min_text=1.0))
    assert roomy.warnings == []


def test_tiling_repeats_the_headers_on_every_page(tmp_path: Path) -> None:
    journey = load(EXAMPLE)
    out = tmp_path / "tiles.pdf"
    result = export_pdf(journey, out, PdfOptions(mode="tile", title_page=False, legend=False, **MAP_ONLY))
    reader = PdfReader(out)
    assert len(reader.pages) == result.pages > 2
    step_starts = [" ".join(s.title.split()[:3]) for s in journey.steps]
    lane_titles = [lane.title for lane in journey.lanes]
    pages = [" ".join((page.extract_text() or "").split()) for page in reader.pages[1:]]  # (after the overview)
    for words in pages:  # step headers and lane titles are repeated on every tile
        assert any(start in words for start in step_starts), words[:80]
        assert any(title in words for title in lane_titles), words[:80]
    lower = [w for w in pages if "Backstage" in w and "Customer actions" not in w]
    assert lower, "a tile of the lower lanes"
    assert all(any(start in w for start in step_starts) for w in lower)
    all_text = " ".join(text_of(reader).split())
    for step in journey.steps:
        assert " ".join(step.title.split()[:2]) in all_text
    for card in journey.cards:  # every card's text can be found in the PDF
        assert " ".join(card.text.split()[:2]) in all_text, card.text


def test_french_labels_follow_the_journey_language(tmp_path: Path) -> None:
    out = tmp_path / "fr.pdf"
    export_pdf(template("health", "fr"), out, PdfOptions(page_size="a3", mode="fit", **MAP_ONLY))
    text = text_of(PdfReader(out))
    assert "Légende" in text and "page 1 sur 3" in text and "très positive" in text


def test_cancelling_leaves_no_file_and_an_existing_one_untouched(tmp_path: Path) -> None:
    out = tmp_path / "keep.pdf"
    out.write_bytes(b"old")
    with pytest.raises(ExportCancelled):
        export_pdf(load(EXAMPLE), out, PdfOptions(), progress=lambda done, total: done < 2)
    assert out.read_bytes() == b"old"


def test_export_command_without_qt(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from workbench.cli import main\n"
        f"code = main(['export', {str(EXAMPLE)!r}, {str(ROOT / 'examples' / 'health-wellness-programme.journey')!r},"
        f" '-o', {str(tmp_path)!r}, '--tile', '--page-size', 'A3'])\n"
        "assert not any(m.startswith('PySide6') for m in sys.modules), 'Qt was imported'\n"
        "sys.exit(code)\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=300)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "banking-savings.pdf").is_file()
    assert (tmp_path / "health-wellness-programme.pdf").is_file()
    box = PdfReader(tmp_path / "banking-savings.pdf").pages[0].mediabox
    assert round(float(box.width)) == 1191  # A3 landscape


def test_export_command_reports_bad_input(tmp_path: Path) -> None:
    from workbench.cli import main

    bad = tmp_path / "bad.journey"
    bad.write_text("{", encoding="utf-8")
    assert main(["export", str(bad), "-o", str(tmp_path / "x.pdf")]) == 2
    assert not (tmp_path / "x.pdf").exists()
    assert main(["export", str(EXAMPLE), str(EXAMPLE), "-o", str(tmp_path / "missing-folder")]) == 2


def test_export_command_writes_png_and_svg_without_a_display(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    for fmt in ("png", "svg"):
        out = tmp_path / f"map.{fmt}"
        result = subprocess.run(
            [sys.executable, "-m", "workbench", "export", str(EXAMPLE), "-o", str(out), "--format", fmt, "--scale", "0.5"],
            capture_output=True, text=True, env=env, timeout=300,
        )
        assert result.returncode == 0, result.stderr
        head = out.read_bytes()[:200]
        assert head.startswith(b"\x89PNG") if fmt == "png" else b"<svg" in head or b"<?xml" in head


def test_the_findings_appendix_slot_groups_rows_by_condition(tmp_path: Path) -> None:
    rows = [
        ("Plans the switch to a human", "warning", "Step 4 has only digital touchpoints."),
        ("Plans the switch to a human", "error", "The chatbot loops back to the FAQ."),
        ("Continuous online and offline", "warning", "The form must be typed again."),
    ]
    out = tmp_path / "findings.pdf"
    export_pdf(load(EXAMPLE), out, PdfOptions(findings=rows))
    reader = PdfReader(out)
    last = " ".join((reader.pages[-1].extract_text() or "").split())
    assert "Health check findings" in last
    assert last.index("ERROR") < last.index("WARNING")  # most severe first in its group
    assert "typed again" in last
    assert [item.title for item in reader.outline if not isinstance(item, list)][-1] == "Health check findings"


def test_export_command_appends_the_health_check(tmp_path: Path) -> None:
    from workbench.cli import main

    counter = ROOT / "examples" / "counter-examples" / "telecom-contract-takeover.journey"
    out = tmp_path / "telecom.pdf"
    assert main(["export", str(counter), "-o", str(out), "--page-size", "a3", "--no-notes"]) == 0
    last = " ".join((PdfReader(out).pages[-1].extract_text() or "").split())
    assert "Health check findings" in last and "Plans the switch to a human" in last
    assert "Average emotion" in last and "ERROR" in last
    plain = tmp_path / "plain.pdf"
    assert main(["export", str(counter), "-o", str(plain), "--page-size", "a3", "--no-notes", "--no-findings"]) == 0
    assert len(PdfReader(plain).pages) == len(PdfReader(out).pages) - 1


def test_a_map_made_from_a_template_names_no_author(tmp_path: Path) -> None:
    """Found by an exploratory test: a deliverable made from the public sector template said "Auteurs : Journey
    Workbench" on its title page and in its properties; the map is the consultant's."""
    from workbench.model.templates import template

    journey = template("public_sector", "fr")
    out = tmp_path / "from-template.pdf"
    export_pdf(journey, out, PdfOptions())
    reader = PdfReader(out)
    first = reader.pages[0].extract_text()
    assert journey.title.split()[0] in first and "Scénario" in first
    assert "Auteurs" not in first and "Journey Workbench" not in text_of(reader)
    assert not reader.metadata.author
    assert not reader.xmp_metadata.dc_creator
    assert (reader.metadata.creator or "").startswith("Journey Workbench")
