"""Images and their dialogs: an SVG is always well-formed XML; nothing is replaced without asking.

Journey text pasted from Word holds vertical tabs (``\\x0b``), and a file may
hold any character JSON can escape; Qt's SVG generator writes them raw,
which no XML parser accepts. The File > Export dialogs ask before replacing
a file, and show file names and reasons as plain text.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget

from tests.ui.helpers import answer_next_message
from workbench.model.fileformat import load
from workbench.model.journey import Journey
from workbench.ui.export_dialog import export_image_interactively, export_pdf_interactively, plain_message
from workbench.ui.image_export import export_png, export_svg, well_formed

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "banking-savings.journey"
CONTROLS = "".join(chr(c) for c in range(32) if chr(c) not in "\t\n\r") + "\ufffe\uffff"


@pytest.fixture(autouse=True)
def _fonts(qapp) -> None:  # type: ignore[no-untyped-def]
    from workbench.ui.app import register_fonts

    register_fonts()


def with_control_characters(journey: Journey) -> Journey:
    steps = list(journey.steps)
    steps[0] = steps[0].model_copy(update={"title": "Line one\x0bline two " + CONTROLS})
    cards = list(journey.cards)
    cards[0] = cards[0].model_copy(update={"text": "Pasted\x00from\x1b[31m a terminal"})
    return journey.model_copy(update={"title": "Plan\x0b2025 <b>&amp;</b> \x01", "steps": steps, "cards": cards})


def test_an_svg_with_control_characters_in_the_text_is_well_formed(tmp_path) -> None:
    out = tmp_path / "map.svg"
    export_svg(with_control_characters(load(EXAMPLE)), out)
    root = ET.parse(out).getroot()  # raises ParseError if not well-formed
    assert root.tag.endswith("svg")
    text = out.read_text(encoding="utf-8")
    assert "Plan 2025 &lt;b&gt;&amp;amp;&lt;/b&gt;" in text  # the title: cleaned, still escaped
    assert not any(ch in text for ch in CONTROLS)


def test_forbidden_character_references_are_removed_and_good_ones_kept() -> None:
    svg = '<svg><text>a&#11;b&#x1F;c&#xFFFE;d&#9;e&#x41;f&#233;g&#xd800;h</text>\x0c</svg>'.encode()
    cleaned = well_formed(svg)
    ET.fromstring(cleaned)
    assert cleaned == "<svg><text>a b c d&#9;e&#x41;f&#233;g h</text> </svg>".encode()
    assert well_formed(b"<svg>\xff</svg>") == "<svg>\ufffd</svg>".encode()


def test_png_of_the_same_journey_is_written(tmp_path) -> None:
    size = export_png(with_control_characters(load(EXAMPLE)), tmp_path / "map.png", scale=0.25)
    assert size.width() > 0 and (tmp_path / "map.png").read_bytes().startswith(b"\x89PNG")


# ------------------------------------------------------------ the dialogs


def choose(monkeypatch, path: Path, kind: str = "") -> list[dict]:
    calls: list[dict] = []

    def dialog(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(kwargs)
        return str(path), kind

    monkeypatch.setattr("workbench.ui.export_dialog.QFileDialog.getSaveFileName", dialog)
    return calls


def test_replacing_an_image_is_asked_and_no_keeps_the_file(qtbot, monkeypatch, tmp_path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    out = tmp_path / "map.svg"
    out.write_bytes(b"the client's copy")
    calls = choose(monkeypatch, out)
    seen: list[str] = []
    answer_next_message(qtbot, QMessageBox.StandardButton.No, seen)
    assert export_image_interactively(parent, load(EXAMPLE), tmp_path) is None
    assert seen == [f"{out} already exists.\nDo you want to replace it?"]
    assert out.read_bytes() == b"the client's copy"
    # The file dialog does not ask too: its name may still change (a suffix added).
    assert calls[0]["options"] & calls[0]["options"].DontConfirmOverwrite

    answer_next_message(qtbot, QMessageBox.StandardButton.Yes, seen)
    assert export_image_interactively(parent, load(EXAMPLE), tmp_path) == out
    ET.parse(out)


def test_the_question_is_about_the_name_really_written(qtbot, monkeypatch, tmp_path) -> None:
    """The user typed "report"; "report.pdf" exists: that is the file asked about."""
    parent = QWidget()
    qtbot.addWidget(parent)
    (tmp_path / "report.pdf").write_bytes(b"old")
    choose(monkeypatch, tmp_path / "report")
    monkeypatch.setattr("workbench.ui.export_dialog.PdfExportDialog.exec", lambda self: 1)
    seen: list[str] = []
    answer_next_message(qtbot, QMessageBox.StandardButton.No, seen)
    assert export_pdf_interactively(parent, load(EXAMPLE), tmp_path) is None
    assert seen and seen[0].startswith(f"{tmp_path / 'report.pdf'} already exists")
    assert (tmp_path / "report.pdf").read_bytes() == b"old"


def test_a_new_file_is_not_asked_about(qtbot, monkeypatch, tmp_path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    choose(monkeypatch, tmp_path / "map", "SVG drawing (*.svg)")
    assert export_image_interactively(parent, load(EXAMPLE), tmp_path) == tmp_path / "map.svg"


def test_messages_are_plain_text(qtbot, monkeypatch, tmp_path) -> None:
    """A name such as "<b>plan</b>.pdf" is shown as typed, not in bold."""
    from PySide6.QtCore import Qt

    formats = []

    def look(box: QMessageBox) -> int:  # closed at once, no button: "No" to a question
        formats.append(box.textFormat())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", look)
    parent = QWidget()
    qtbot.addWidget(parent)
    plain_message(parent, QMessageBox.Icon.Critical, "Cannot export", "<b>plan</b>.pdf was not written")
    existing = tmp_path / "<b>plan.svg"
    existing.write_bytes(b"old")
    choose(monkeypatch, existing)
    assert export_image_interactively(parent, load(EXAMPLE), tmp_path) is None  # the replace question
    choose(monkeypatch, tmp_path / "missing" / "map.svg")
    assert export_image_interactively(parent, load(EXAMPLE), tmp_path) is None  # the failure
    assert formats == [Qt.TextFormat.PlainText] * 3
    assert existing.read_bytes() == b"old"


def test_a_failed_export_names_the_file_in_plain_text(qtbot, monkeypatch, tmp_path) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    out = tmp_path / "<i>missing</i>" / "map.png"
    choose(monkeypatch, out)
    seen: list[str] = []
    answer_next_message(qtbot, QMessageBox.StandardButton.Ok, seen)
    assert export_image_interactively(parent, load(EXAMPLE), tmp_path) is None
    assert seen and "<i>missing</i>" in seen[0] and "not written" in seen[0]
