"""The curves' legend under the emotion lane's title on an exported map, as on the canvas.

A tiled page shows some lanes of some steps: without it, a page of curves
did not say whose they were (only the legend page did), and the room the
layout keeps there for the canvas's legend was left blank.
"""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from tests.export.test_pdf_personas import SECOND, two_personas
from workbench.export.lanelegend import NAME_LENGTH, TEXT_SIZE
from workbench.export.mapdraw import draw_map
from workbench.export.painter import RecordingPainter
from workbench.export.pdf import PdfOptions, export_pdf
from workbench.export.sheet import lane_labels, sheet
from workbench.model.feelings import persona_names
from workbench.geometry import Rect
from workbench.layout import layout
from workbench.model.journey import Feeling, Journey, Persona
from workbench.textmetrics import text_width

ONLY_MAP = dict(title_page=False, legend=False, persona=False, details=False, notes=False, findings=None)


def texts(painter: RecordingPainter) -> list[tuple[str, Rect]]:
    return [(" ".join(call[1].lines), call[1].rect) for call in painter.calls if call[0] == "text"]


def legend_texts(journey: Journey) -> tuple[list[tuple[str, Rect]], Rect, Rect]:
    """The words drawn in the emotion lane's title column under its title; the lane's row, its title's box."""
    lay = layout(journey)
    lane = lay.emotion_lane
    assert lane is not None
    with_legend, without = RecordingPainter(), RecordingPainter()
    draw_map(with_legend, lay, curve_label=lane_labels(persona_names(journey), journey.language))
    draw_map(without, lay)
    added = [t for t in texts(with_legend) if t not in texts(without)]
    return added, lane.row, lane.title.rect


def crowd(journey: Journey, personas: int, name: str = "") -> Journey:
    """*journey* with *personas* personas (named *name* and a number when given), each with both curves."""
    people = [Persona(id=f"p{k}", order=k, name=f"{name} {k}" if name else f"P{k}") for k in range(personas)]
    steps = [
        step.model_copy(update={"emotions": [Feeling(persona=p.id, scenario=sc, value=(i + k) % 5 - 2)
                                             for k, p in enumerate(people) for sc in ("as_is", "to_be")]})
        for i, step in enumerate(journey.steps)
    ]
    cards = [card.model_copy(update={"personas": []}) for card in journey.cards]
    return journey.model_copy(update={"personas": people, "steps": steps, "cards": cards})


def test_each_curve_is_named_in_the_title_column_under_the_lane_title() -> None:
    journey = two_personas()
    added, row, title = legend_texts(journey)
    lead = journey.personas[0].name
    words = [w for w, _ in added]
    assert len(words) == 4  # two personas, "as is" and "to be"
    assert [w.rsplit(" · ", 1)[1] for w in words] == ["as is", "to be", "as is", "to be"]
    assert words[0].startswith(lead[:7]) and words[2].startswith(SECOND[:7])
    for _, box in added:  # in the title column, under the title, inside the lane
        assert box.y >= title.bottom and box.bottom <= row.bottom
        assert row.x <= box.x and box.x + 1 < row.x + layout(journey).style.lane_title_width


def test_a_long_name_is_cut_the_same_in_both_entries_and_never_the_scenario() -> None:
    # In French: "actuelle" is wider than "cible", so each entry alone would cut the name elsewhere.
    journey = crowd(two_personas("fr"), 2, name="Anne-Sophie de la Fontaine-Vermeer, directrice")
    words = [w for w, _ in legend_texts(journey)[0]]
    assert len(words) == 4
    names = [w.rsplit(" · ", 1)[0] for w in words]
    assert all(n.endswith("\u2026") and len(n) <= NAME_LENGTH for n in names)
    assert names[0] == names[1] and names[2] == names[3]
    assert [w.rsplit(" · ", 1)[1] for w in words] == ["actuelle", "cible"] * 2
    added, row, _ = legend_texts(journey)
    right = row.x + layout(journey).style.lane_title_width
    assert all(box.x + text_width(w, TEXT_SIZE) <= right for w, box in added)  # each whole in the column


def test_twenty_curves_stay_inside_the_lane_and_one_curve_has_no_legend() -> None:
    added, row, title = legend_texts(crowd(two_personas(), 10))
    assert len(added) == 20
    assert all(box.y >= title.bottom and box.bottom <= row.bottom for _, box in added)
    lone = two_personas()
    lone = lone.model_copy(update={
        "personas": lone.personas[:1],
        "steps": [s.model_copy(update={"emotions": [e for e in s.emotions if e.persona == lone.personas[0].id
                                                    and e.scenario == "as_is"]}) for s in lone.steps],
    })
    assert legend_texts(lone)[0] == []


def test_every_tiled_page_with_the_emotion_lane_names_its_curves(tmp_path: Path) -> None:
    journey = two_personas()
    out = tmp_path / "tiles.pdf"
    export_pdf(journey, out, PdfOptions(mode="tile", **ONLY_MAP))  # type: ignore[arg-type]
    pages = [" ".join((page.extract_text() or "").split()) for page in PdfReader(out).pages]
    with_lane = [text for text in pages if "Emotions" in text]
    assert with_lane  # the emotion lane's title is on the first page of each row of tiles that shows it
    for text in with_lane:
        assert text.count(" · as is") == 2 and text.count(" · to be") == 2, text
        assert SECOND[:7] in text
    french = tmp_path / "fr.pdf"
    export_pdf(two_personas("fr"), french, PdfOptions(mode="fit", **ONLY_MAP))  # type: ignore[arg-type]
    text = " ".join(" ".join((p.extract_text() or "") for p in PdfReader(french).pages).split())
    assert text.count(" · actuelle") == 2 and text.count(" · cible") == 2


def test_the_image_sheet_names_the_curves_in_the_lane_too() -> None:
    journey = two_personas()
    lay = layout(journey)
    page = sheet(lay, journey.title, journey.language, names=persona_names(journey))
    painter = RecordingPainter()
    draw_map(painter, lay, curve_label=page.curve_label)
    assert sum(1 for w, _ in texts(painter) if w.endswith(" · as is") or w.endswith(" · to be")) == 4


def test_a_french_name_with_its_age_is_whole_in_the_column() -> None:
    """"Camille, 34 ans · actuelle", as on the canvas (with an em dash it was cut to "Camille, 34…")."""
    from workbench.model.fileformat import load

    journey = load(Path(__file__).resolve().parents[2] / "examples" / "banque-epargne-deux-profils.journey")
    words = [w for w, _ in legend_texts(journey)[0]]
    assert words == ["Camille, 34 ans · actuelle", "Camille, 34 ans · cible", "Bernard, 67 ans · actuelle",
                     "Bernard, 67 ans · cible"]


def test_a_page_that_shows_the_lane_under_its_title_only_still_shows_the_legend() -> None:
    """A tile's edge may cut the Emotions lane below its title (a tall lane): the legend is on the page
    that shows it, not only on the one that shows the title."""
    journey = two_personas()
    lay = layout(journey)
    lane = lay.emotion_lane
    assert lane is not None
    below_title = Rect(lane.row.x, lane.title.rect.bottom + 1, lay.style.lane_title_width, lane.row.bottom - lane.title.rect.bottom - 1)
    painter = RecordingPainter()
    draw_map(painter, lay, below_title, curve_label=lane_labels(persona_names(journey), journey.language))
    words = [w for w, _ in texts(painter)]
    assert lane.title.lines[0] not in words  # the title is on the page before
    assert sum(1 for w in words if w.endswith(" · as is") or w.endswith(" · to be")) == 4
    elsewhere = RecordingPainter()  # a page of the lane's body (the steps' columns): no legend there
    draw_map(elsewhere, lay, Rect(lane.row.x + lay.style.lane_title_width + 20, lane.row.y, 400, lane.row.h),
             curve_label=lane_labels(persona_names(journey), journey.language))
    assert not any(w.endswith(" · as is") for w, _ in texts(elsewhere))


def test_a_very_long_persona_name_does_not_widen_the_image_s_legend() -> None:
    """A persona named with 500 characters made the PNG 104,713 pixels wide ("choose a smaller scale", which the
    window's image export has not): the legend drew the name on one line (exploratory test)."""
    from workbench.export.sheet import LEGEND_NAME_LENGTH, sheet
    from workbench.layout import layout
    from workbench.model.fileformat import load

    journey = load(Path(__file__).resolve().parents[2] / "examples" / "banking-savings.journey")
    lay = layout(journey)
    names = {p.id: p.name for p in journey.personas}
    plain = sheet(lay, journey.title, "en", names=names)
    names[journey.personas[0].id] = "W" * 500
    long = sheet(lay, journey.title, "en", names=names)
    assert long.width == plain.width
    labels = [e.label.lines[0] for e in long.entries if e.kind == "curve"]
    assert any(label.startswith("W" * (LEGEND_NAME_LENGTH - 1) + "\u2026") for label in labels)
