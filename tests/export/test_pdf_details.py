"""Everything a map holds reaches the deliverable, on pages that flow, each part optional (#13)."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
from pypdf import PdfReader

from workbench.export.pdf import PdfOptions, export_pdf
from workbench.export.pdfpages import FOOTER, MARGIN
from workbench.model.feelings import lead, note
from workbench.model.fileformat import load

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "banking-savings.journey"


def words(path: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "") for page in PdfReader(path).pages).split())


def fields_of(journey) -> list[str]:  # type: ignore[no-untyped-def]
    """The texts of the journey that its map's cards and headers do not show."""
    texts = [lead(journey).description, *lead(journey).goals, *lead(journey).frustrations, journey.notes]
    texts += [stage.description for stage in journey.stages]
    texts += [step.description for step in journey.steps] + [note(step, lead(journey).id) for step in journey.steps]
    texts += [handoff.expected_wait for handoff in journey.handoffs]
    return [text for text in texts if text]


def test_every_field_of_the_example_reaches_the_pdf(tmp_path: Path) -> None:
    journey = load(EXAMPLE)
    out = tmp_path / "all.pdf"
    export_pdf(journey, out, PdfOptions(findings=None))
    text = words(out)
    fields = fields_of(journey)
    assert len(fields) > 40
    for field in fields:  # the first words of each (a long text wraps; extraction keeps the order)
        assert " ".join(field.split()[:4]) in text, field
    assert "Intents: welcome, anticipate" in text
    assert any(h.context_carried for h in journey.handoffs) and "context carried over" in text


def test_each_part_can_be_left_out(tmp_path: Path) -> None:
    journey = load(EXAMPLE)
    out = tmp_path / "lean.pdf"
    export_pdf(journey, out, PdfOptions(findings=None, persona=False, details=False, notes=False))
    text = words(out)
    assert lead(journey).frustrations[0] not in text
    assert " ".join(journey.notes.split()[:6]) not in text
    said = next(note(s, lead(journey).id) for s in journey.steps if note(s, lead(journey).id))
    assert " ".join(said.split()[:4]) not in text
    titles = [item.title for item in PdfReader(out).outline if not isinstance(item, list)]
    assert "Stage details" not in titles and "Scenario and notes" not in titles


def test_long_notes_flow_over_pages_and_never_under_the_footer(tmp_path: Path) -> None:
    journey = load(EXAMPLE)
    notes = "\n".join(f"Remark {i}: the branch team wants to revisit this point after the pilot." for i in range(160))
    journey = journey.model_copy(update={"notes": notes})
    out = tmp_path / "long.pdf"
    result = export_pdf(journey, out, PdfOptions(findings=None, title_page=False, legend=False, mode="fit"))
    text = words(out)
    for i in range(160):
        assert f"Remark {i}:" in text
    assert "Scenario and notes (continued)" in text
    with pdfplumber.open(out) as pdf:
        assert len(pdf.pages) == result.pages
        for page in pdf.pages:  # nothing between the body's bottom and the footer line below the margin
            low = [c["text"] for c in page.chars if page.height - MARGIN - FOOTER < c["bottom"] < page.height - MARGIN + 4]
            assert not low, "".join(low)


def test_notes_alone_are_headed_once(tmp_path: Path) -> None:
    """With the scenario on the title page, the page of notes said "Notes" twice: as its title, then as a heading."""
    journey = load(EXAMPLE)
    both = tmp_path / "both.pdf"
    export_pdf(journey.model_copy(update={"scenario": "Camille saves for a trip."}), both,
               PdfOptions(findings=None, title_page=False))
    assert "Scenario and notes Scenario Camille saves for a trip. Notes This example" in words(both)
    alone = tmp_path / "alone.pdf"
    export_pdf(journey.model_copy(update={"scenario": ""}), alone, PdfOptions(findings=None))
    text = words(alone)
    first = " ".join(journey.notes.split()[:4])
    assert f"Notes {first}" in text and f"Notes Notes {first}" not in text


def test_the_export_command_leaves_parts_out(tmp_path: Path) -> None:
    from workbench.cli import main

    out = tmp_path / "cli.pdf"
    assert main(["export", str(EXAMPLE), "-o", str(out), "--no-findings", "--no-persona", "--no-notes"]) == 0
    text = words(out)
    journey = load(EXAMPLE)
    assert lead(journey).frustrations[0] not in text and "Scenario and notes" not in text
    assert "Stage details" in text


def test_the_appendix_holds_every_finding_of_a_long_check(tmp_path: Path) -> None:
    """A 300-step journey has hundreds of findings: all of them reach the appendix, numbered, over its pages."""
    from benchmarks.generate import journey_of
    from workbench.model.analysis import appendix, check

    journey = journey_of(300)
    rows, metrics = appendix(check(journey), journey.language)
    assert len(rows) > 250
    out = tmp_path / "long-appendix.pdf"
    options = PdfOptions(findings=rows, metrics=metrics, title_page=False, legend=False, persona=False, details=False, notes=False)
    result = export_pdf(journey, out, options)
    pages = [" ".join((page.extract_text() or "").split()) for page in PdfReader(out).pages]
    appendix_pages = [text for text in pages if text.startswith("Health check findings")]
    assert len(appendix_pages) > 20 and result.pages == len(pages)  # (the old appendix stopped at its first page)
    assert sum("Health check findings (continued)" in text for text in appendix_pages) == len(appendix_pages) - 1
    text = " ".join(appendix_pages)
    for number, (_, _, message) in enumerate(rows, start=1):
        words = message.split()
        # Its start and its end (a message longer than a page goes on over the next one).
        assert " ".join(words[:12]) in text and " ".join(words[-12:]) in text, message
        assert f"{number}. " in text


def test_a_steps_details_stay_together_and_no_heading_ends_a_page() -> None:
    """The stage details of every example: a step's lines are on one page under its title, and a
    heading never stands alone at the bottom of a page (the appendix too, on a journey with many findings)."""
    from benchmarks.generate import journey_of
    from workbench.export.pdfdetails import details_flow
    from workbench.export.pdfflow import BODY_SIZE, HEADING_SIZE, LABEL_SIZE
    from workbench.export.pdfpages import findings_flow
    from workbench.model.analysis import appendix, check

    journeys = [load(path) for path in sorted((ROOT / "examples").rglob("*.journey"))] + [journey_of(120)]
    flows = [details_flow(journey, 842, 595) for journey in journeys]
    for journey in journeys:
        for width, height in ((842, 595), (595, 842), (1191, 842)):
            rows, metrics = appendix(check(journey), journey.language)
            flows.append(findings_flow(rows, metrics, journey.language, width, height))
    checked = 0
    for flow in flows:
        assert flow is not None
        pages = flow.pages()
        for page in pages:
            body = [line for line in page.lines if line.size in (BODY_SIZE, LABEL_SIZE) and line.text.strip()]
            if body and body[0].x > MARGIN + 1:  # text in the row column: a row starts here, with its label
                first_y = body[0].y
                assert any(line.size == LABEL_SIZE and line.y == first_y and line.text.strip() for line in body), [
                    line.text for line in body[:3]
                ]
            assert page.lines[-1].size != HEADING_SIZE, page.lines[-1].text
            headings = [n for n, line in enumerate(page.lines) if line.size == HEADING_SIZE]
            if headings and page is not pages[-1]:  # nor does a heading with only its lead (the rows overleaf)
                after = page.lines[headings[-1] + 1 :]
                assert any(line.size == LABEL_SIZE for line in after), page.lines[headings[-1]].text
            checked += 1
    assert checked > 10


def test_the_title_page_follows_the_options_and_the_scenario_is_not_said_twice(tmp_path: Path) -> None:
    journey = load(EXAMPLE)
    out = tmp_path / "t.pdf"
    export_pdf(journey, out, PdfOptions(findings=None, persona=False, details=False))
    reader = PdfReader(out)
    title = " ".join((reader.pages[0].extract_text() or "").split())
    assert lead(journey).name not in title and "Banking" in title
    everything = words(out)
    start = " ".join(journey.scenario.split()[:8])
    assert everything.count(start) == 1  # on the title page, whole; the notes pages do not repeat it
    assert " ".join(journey.notes.split()[:6]) in everything
    telecom = load(ROOT / "examples" / "counter-examples" / "telecom-contract-takeover.journey")
    assert telecom.sector == "other"
    export_pdf(telecom, out, PdfOptions(findings=None))
    assert "Other" not in (PdfReader(out).pages[0].extract_text() or "")
