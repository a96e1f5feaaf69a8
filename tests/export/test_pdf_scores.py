"""The PDF's findings appendix gives the three scores, what cost them, and the formula."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from workbench.export.pdf import PdfOptions, export_pdf
from workbench.model.analysis import appendix, check
from workbench.model.fileformat import load

ROOT = Path(__file__).resolve().parents[2]
INVOICES = ROOT / "examples" / "counter-examples" / "unretrievable-invoices.journey"
CLEAN = ROOT / "examples" / "automotive-connected-car.journey"  # no warning nor error (banking-savings has two personas and warnings)


def last_page(path: Path) -> str:
    """The appendix: its pages come last, each starting with its title (the first one) or "(continued)"."""
    pages = [" ".join((page.extract_text() or "").split()) for page in PdfReader(path).pages]
    first = max(i for i, text in enumerate(pages) if text.startswith(("Health check findings", "Constats du bilan")) and "(" not in text[:40])
    return " ".join(pages[first:])


def test_the_export_command_prints_the_scores_in_the_appendix(tmp_path: Path) -> None:
    from workbench.cli import main

    out = tmp_path / "invoices.pdf"
    assert main(["export", str(INVOICES), "-o", str(out), "--page-size", "a3"]) == 0
    text = last_page(out)
    assert "Scores" in text
    assert "Treats the customer as a person 100/100 (no finding costs points)" in text
    assert "Plans the switch to a human 80/100 (1 error: -15, 1 warning: -5)" in text
    assert "Continuous online and offline 85/100 (3 warnings: -15)" in text
    assert "each error costs 15, each warning 5" in text
    # the scores come after the metrics and before the findings
    assert text.index("Average emotion") < text.index("Scores") < text.index("ERROR")


def test_a_journey_without_findings_scores_100_in_its_appendix(tmp_path: Path) -> None:
    journey = load(CLEAN)
    rows, metrics = appendix(check(journey), journey.language)
    out = tmp_path / "clean.pdf"
    export_pdf(journey, out, PdfOptions(findings=[r for r in rows if r[1] != "info"], metrics=metrics))
    text = last_page(out)
    assert text.count("100/100") == 3
    assert "No findings" in text


@pytest.mark.parametrize("language", ["fr"])
def test_the_appendix_scores_follow_the_journey_language(tmp_path: Path, language: str) -> None:
    journey = load(INVOICES).model_copy(update={"language": language})
    rows, metrics = appendix(check(journey), journey.language)
    out = tmp_path / "fr.pdf"
    export_pdf(journey, out, PdfOptions(findings=rows, metrics=metrics))
    text = last_page(out)
    assert "80/100" in text and "85/100" in text
    assert "Prévoit le relais vers un humain 80/100" in text  # condition names read back in the journey's language


def test_the_export_command_checks_the_scenario_asked_for_and_says_which(tmp_path: Path) -> None:
    """``workbench check --scenario to-be`` had no export counterpart: the PDF always gave the "as is" findings."""
    from workbench.cli import main

    example = ROOT / "examples" / "banking-savings.journey"  # its two scenarios give different findings
    journey = load(example)
    for scenario, word in (("as-is", "as is"), ("to-be", "to be")):
        out = tmp_path / f"{scenario}.pdf"
        assert main(["export", str(example), "-o", str(out), "--scenario", scenario]) == 0
        text = last_page(out)
        assert f"Scenario checked {word}" in text
        expected = check(journey, scenario=scenario.replace("-", "_")).findings
        other = check(journey, scenario="to_be" if scenario == "as-is" else "as_is").findings
        only = {" ".join(f.message.split()) for f in expected} - {" ".join(f.message.split()) for f in other}
        assert only and all(message in text for message in only)


def test_checking_to_be_on_a_journey_with_none_says_so(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    """The appendix scored "Treats the customer as a person 100/100" only because no emotion was read."""
    from workbench.cli import main

    plain = ROOT / "examples" / "counter-examples" / "telecom-contract-takeover.journey"  # "as is" only
    with_both = ROOT / "examples" / "banking-savings.journey"
    said = 'telecom-contract-takeover.journey: no step has a "to be" emotion'
    for scenario, warned in (("to-be", True), ("as-is", False)):
        main(["export", str(plain), "-o", str(tmp_path / f"{scenario}.pdf"), "--scenario", scenario])
        assert (said in capsys.readouterr().err) is warned, ("export", scenario)
        main(["check", str(plain), "--scenario", scenario])
        assert (said in capsys.readouterr().err) is warned, ("check", scenario)
    main(["check", str(with_both), "--scenario", "to-be"])
    assert "no step has" not in capsys.readouterr().err
