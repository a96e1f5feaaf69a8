"""Numbers and dates as each language writes them: what a French deliverable prints (#13)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pypdf import PdfReader

from workbench.export.pdf import PdfOptions, export_pdf
from workbench.i18n import decimal, long_date
from workbench.model.analysis import appendix, check
from workbench.model.templates import template


def test_decimals_in_english_and_french() -> None:
    assert decimal(0.6428, 2, "en", sign=True) == "+0.64"
    assert decimal(0.6428, 2, "fr", sign=True) == "+0,64"
    assert decimal(-1.5, 1, "fr") == "\u22121,5"
    assert decimal(2.14, 1, "fr") == "2,1"
    assert decimal(12345.678, 1, "en") == "12,345.7"
    assert decimal(12345.678, 1, "fr") == "12\u202f345,7"


def test_a_half_is_rounded_away_from_zero_as_people_round() -> None:
    """An average of +0.25 read "+0.2" (Python rounds a half to the even digit; exploratory test)."""
    from workbench.model.metrics import average_text

    assert decimal(0.25, 1, "en", sign=True) == "+0.3"
    assert decimal(-0.25, 1, "fr", sign=True) == "\u22120,3"
    assert decimal(0.35, 1, "en") == "0.4"  # (0.35 is a hair under as a float: written as typed, it is a half)
    assert decimal(2.675, 2, "en") == "2.68"
    assert decimal(12.5, 0, "fr") == "13"
    assert average_text((1 + 2 + 0 - 2) / 4, "fr") == "+0,3"
    assert decimal(float("inf"), 1, "en") == "inf"  # (no figure is, but it is written as before)
    assert decimal(1e27, 2, "en").endswith(".00") and decimal(1e30, 2, "en").startswith("1,000,000")  # (28 digits)


def test_long_dates() -> None:
    assert long_date(date(2026, 11, 29), "en") == "29 November 2026"
    assert long_date(date(2026, 11, 29), "fr") == "29 novembre 2026"
    assert long_date(date(2026, 3, 1), "fr") == "1er mars 2026"


def test_a_french_deliverable_writes_its_numbers_and_date_in_french(tmp_path: Path) -> None:
    journey = template("banking", "fr")
    report = check(journey)
    rows, metrics = appendix(report, "fr")
    average = dict(metrics)["Émotion moyenne"] if "Émotion moyenne" in dict(metrics) else metrics[0][1]
    assert "." not in average and ("," in average or average == "-")
    out = tmp_path / "fr.pdf"
    from workbench.i18n import set_language

    set_language("fr")  # the warning speaks to the user: a French one here
    try:
        result = export_pdf(journey, out, PdfOptions(mode="fit", findings=rows, metrics=metrics))
    finally:
        set_language(None)
    text = " ".join(" ".join(page.extract_text() or "" for page in PdfReader(out).pages).split())
    assert long_date(date.today(), "fr") in text
    assert result.warnings and " pt" in result.warnings[0] and "," in result.warnings[0].split(" pt")[0][-4:]


def test_french_findings_quote_titles_with_guillemets_and_write_a_true_minus() -> None:
    from workbench.model.fileformat import load

    root = Path(__file__).resolve().parents[1]
    journey = load(root / "examples" / "counter-examples" / "telecom-contract-takeover.journey")
    journey = journey.model_copy(update={"language": "fr"})
    report = check(journey, language="fr")
    messages = [f.message for f in report.findings if f.rule in ("lowest-point", "trap-loop")]
    assert messages and all("'" not in m.replace("l'", "").replace("d'", "").replace("n'", "") for m in messages), messages
    assert all("«" in m for m in messages)
    lowest = next(f.message for f in report.findings if f.rule == "lowest-point")
    assert "(\u22122)" in lowest or "(\u22121)" in lowest
    rows, metrics = appendix(report, "fr")
    assert dict(metrics)["Émotion la plus basse"].startswith("\u2212")
