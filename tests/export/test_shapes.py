"""One drawing vocabulary (#13): the PDF draws the map with the shapes the canvas draws, at the same sizes.

The shapes (``workbench/export/shapes.py``) are written once against a small painter
protocol; the PDF's reportlab back end must draw exactly the calls they make,
with the widths and dashes they ask for. These tests need no Qt.
"""

from __future__ import annotations

import ast
import math
import subprocess
import sys
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from workbench.export import shapes
from workbench.export import pdfdraw
from workbench.export.mapdraw import draw_map
from workbench.export.painter import RecordingPainter
from workbench.export.sheet import _sample, sheet
from workbench.geometry import Connector, Rect, Text
from workbench.layout import layout
from workbench.model.feelings import feelings
from workbench.model.journey import Card, Handoff, Journey, Link, Stage, Step
from workbench.model.templates import standard_lanes
from workbench.textmetrics import register_fonts

ROOT = Path(__file__).resolve().parents[2]
#: The shared drawing: pure Python, so the PDF needs no Qt and the canvas no reportlab.
SHARED = ["workbench/export/painter.py", "workbench/export/shapes.py", "workbench/export/mapdraw.py", "workbench/export/sheet.py"]


def every_mark() -> Journey:
    """A journey with one of each thing the map draws: natures, faces, handoffs both ways, links, markers."""
    lanes = standard_lanes("en")
    stages = [Stage(id="s1", title="Discover", order=10), Stage(id="s2", title="Decide", order=20)]
    steps = [
        Step(id="a", title="Sees the offer", stage="s1", order=10, emotions=feelings(2), moment_of_truth=True),
        Step(id="b", title="Compares", stage="s1", order=20, emotions=feelings(1)),
        Step(id="c", title="Calls", stage="s2", order=10, emotions=feelings(0), goal=True),
        Step(id="d", title="Waits", stage="s2", order=20, emotions=feelings(-1)),
        Step(id="e", title="Gives up", stage="s2", order=30, emotions=feelings(-2), goal=True, end=True, moment_of_truth=True),
    ]
    tp = "lane-touchpoints"
    cards = [
        Card(id="app", step="a", lane=tp, kind="touchpoint", text="Reads the offer", channel="Mobile app", nature="digital", order=10),
        Card(id="web", step="b", lane=tp, kind="touchpoint", text="Fills the form", channel="Website", nature="digital", order=10),
        Card(id="call", step="c", lane=tp, kind="touchpoint", text="An advisor calls", channel="Phone", nature="human", order=10),
        Card(id="desk", step="d", lane=tp, kind="touchpoint", text="Branch desk", channel="Branch", nature="human", order=10),
        Card(id="letter", step="e", lane=tp, kind="touchpoint", text="A letter", channel="Post", nature="physical", order=10),
        Card(id="think", step="b", lane="lane-thoughts", kind="thought", text="Is it worth it?", order=10),
    ]
    handoffs = [
        Handoff(id="h1", source="app", target="call", trigger="asks for help", context_carried=True),
        Handoff(id="h2", source="web", target="desk", trigger="form lost", context_carried=False),
    ]
    links = [Link(id="l1", source="d", target="b", label="tries again")]
    return Journey(title="Every mark", stages=stages, steps=steps, lanes=lanes, cards=cards, handoffs=handoffs, links=links)


@pytest.mark.parametrize("name", SHARED)
def test_the_shared_drawing_imports_neither_qt_nor_reportlab(name: str) -> None:
    tree = ast.parse((ROOT / name).read_text(encoding="utf-8"))
    imported = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    imported += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert not [m for m in imported if m.split(".")[0] in ("PySide6", "shiboken6", "reportlab", "PIL")]


def test_importing_the_shapes_loads_neither_qt_nor_reportlab() -> None:
    code = (
        "import sys\n"
        "import workbench.export.shapes, workbench.export.mapdraw, workbench.export.sheet\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('reportlab', 'PIL', 'PySide6'))\n"
        "assert not heavy, heavy\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert result.returncode == 0, result.stderr


class SpyPainter(pdfdraw.ReportlabPainter):
    """The reportlab back end, writing down what it was asked (as a RecordingPainter does)."""

    log: list[tuple] = []  # type: ignore[type-arg]

    def __getattribute__(self, name: str):  # type: ignore[no-untyped-def]
        attr = super().__getattribute__(name)
        if name in ("stroke", "fill", "rect", "rounded_rect", "line", "polyline", "polygon", "circle", "curve", "text"):
            recorder = getattr(RecordingPainter, name)

            def both(*args, **kwargs):  # type: ignore[no-untyped-def]
                probe = RecordingPainter()
                recorder(probe, *args, **kwargs)
                SpyPainter.log.extend(probe.calls)
                return attr(*args, **kwargs)

            return both
        return attr


class CanvasSpy(Canvas):
    """A reportlab canvas that remembers the line widths and dashes set on it."""

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self.widths: set[float] = set()
        self.dashes: set[tuple[float, ...]] = set()

    def setLineWidth(self, width: float) -> None:  # noqa: N802 - reportlab's name
        self.widths.add(round(width, 3))
        super().setLineWidth(width)

    def setDash(self, array=(), phase=0) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if array:
            self.dashes.add(tuple(round(v, 3) for v in array))
        super().setDash(array, phase)


def test_the_pdf_draws_exactly_the_shared_shapes_with_their_widths_and_dashes(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    lay = layout(every_mark())
    expected = RecordingPainter()
    draw_map(expected, lay)
    register_fonts()
    monkeypatch.setattr(pdfdraw, "ReportlabPainter", SpyPainter)
    SpyPainter.log = []
    c = CanvasSpy(str(tmp_path / "map.pdf"), pagesize=(lay.width, lay.height))
    pdfdraw.draw_layout(c, lay)
    c.save()
    assert SpyPainter.log == expected.calls
    strokes = [call for call in expected.calls if call[0] == "stroke" and call[1] is not None]
    assert c.widths == {round(call[2], 3) for call in strokes}
    assert c.dashes == {tuple(round(v, 3) for v in call[3]) for call in strokes if call[3]}


def test_one_set_of_numbers() -> None:
    """The screen's sizes won where the canvas and the PDF differed (arrow 8, handoff 2.4, face 9...)."""
    assert (shapes.ARROW_SIZE, shapes.HANDOFF_WIDTH, shapes.LINK_WIDTH, shapes.FACE_RADIUS, shapes.CURVE_WIDTH) == (8, 2.4, 1.6, 9, 2.2)
    assert shapes.NATURE_FRAME == {"digital": (1.4, 6, False), "human": (2.2, 12, False), "physical": (1.6, 0, True)}
    assert shapes.dashes(2.4) == pytest.approx((9.6, 4.8))


def calls_of(draw, *args) -> list[tuple]:  # type: ignore[no-untyped-def,type-arg]
    p = RecordingPainter()
    draw(p, *args)
    return p.calls


def test_a_lost_handoff_is_dashed_with_a_struck_white_ring_and_a_carried_one_solid_with_a_dot() -> None:
    path = (((0.0, 0.0), (10.0, 0.0), (30.0, 0.0), (40.0, 0.0)),)
    lost = calls_of(shapes.connector, Connector("h", path, None, False), True)
    carried = calls_of(shapes.connector, Connector("h", path, None, True), True)
    import workbench.theme as theme

    assert lost[0] == ("stroke", theme.HANDOFF, 2.4, (9.6, 4.8), False)
    assert carried[0] == ("stroke", theme.HANDOFF, 2.4, None, False)
    assert ("fill", "#ffffff") in lost and ("circle", (0.0, 0.0), shapes.START_RADIUS) in lost
    assert any(call[0] == "line" for call in lost) and not any(call[0] == "line" for call in carried)
    tip, left, right = next(call[1] for call in carried if call[0] == "polygon")
    assert tip == (40.0, 0.0) and math.dist(tip, left) == pytest.approx(shapes.ARROW_SIZE) == math.dist(tip, right)


def test_a_face_tells_its_level_by_the_mouth() -> None:
    def mouth(level: int) -> float:
        (p0, c1, _, _), = next(call[1] for call in calls_of(shapes.face, (0.0, 0.0), level) if call[0] == "curve")
        return c1[1] - p0[1]  # down (y grows) for a smile

    assert mouth(2) > mouth(1) > mouth(0) == 0 > mouth(-1) > mouth(-2)
    circle = next(call for call in calls_of(shapes.face, (5.0, 5.0), 1) if call[0] == "circle")
    assert circle == ("circle", (5.0, 5.0), shapes.FACE_RADIUS)


def test_the_step_header_marks_sit_in_a_row() -> None:
    lay = layout(every_mark())
    last = lay.steps[-1]
    calls = calls_of(shapes.step_header, last.header, last.text, True, True, True)
    kinds = [call[0] for call in calls if call[0] in ("polygon", "line", "rect")]
    assert kinds == ["polygon", "line", "polygon", "rect", "rect"]  # star, flag (pole, pennant), two stop bars
    star = next(call[1] for call in calls if call[0] == "polygon")
    assert max(y for _, y in star) <= last.header.bottom


def test_a_sheet_is_the_map_alone_unless_asked_and_grows_for_title_and_legend() -> None:
    lay = layout(every_mark())
    bare = sheet(lay, "Every mark", "en", False, False)
    assert (bare.width, bare.height, bare.map_x, bare.map_y) == (lay.width, lay.height, 0, 0)
    full = sheet(lay, "Every mark", "en", True, True)
    assert full.title is not None and full.title.lines == ("Every mark",)
    assert full.map_y > 0 and full.legend is not None and full.legend.y >= full.map_y + lay.height
    words = [e.label.lines[0] for e in full.entries]
    assert words[:5] == ["very positive", "positive", "neutral", "negative", "very negative"]
    assert {"digital", "human", "physical", "context carried over", "context lost", "moment of truth"} <= set(words)
    assert full.height == pytest.approx(full.legend.bottom + lay.style.margin)
    for e in full.entries:  # nothing of the legend leaves the sheet
        assert 0 <= e.x and e.label.rect.right <= full.width and e.label.rect.bottom <= full.height


def test_the_legend_speaks_the_journeys_language() -> None:
    lay = layout(every_mark())
    words = [e.label.lines[0] for e in sheet(lay, "Carte", "fr", True, True).entries]
    assert "très positive" in words and "contexte perdu" in words


def test_a_narrow_map_wraps_its_legend_into_rows() -> None:
    journey = every_mark()
    one = journey.model_copy(update={"steps": journey.steps[:1], "cards": [], "handoffs": [], "links": []})
    lay = layout(one)
    out = sheet(lay, "One step", "en", True, True)
    assert len({e.y for e in out.entries}) > 1
    assert out.legend is not None and out.legend.h > 2 * 26


def test_a_severity_sign_differs_by_shape() -> None:
    area = Rect(0, 0, 10, 10)
    assert [calls_of(shapes.severity_sign, area, s)[-1][0] for s in ("error", "warning", "info")] == ["rect", "polygon", "circle"]


def _gap_to_rounded_frame(point: tuple[float, float], frame: Rect, radius: float) -> float:
    """How far inside the line of the rounded rectangle *frame* a point is (negative: outside it)."""
    x, y = point
    radius = min(radius, frame.w / 2, frame.h / 2)  # (as Qt draws a radius too big for the frame)
    cx = min(max(x, frame.x + radius), frame.right - radius)
    cy = min(max(y, frame.y + radius), frame.bottom - radius)
    if (cx, cy) == (x, y):  # (not over a corner nor beyond a side: the nearest side)
        return min(x - frame.x, frame.right - x, y - frame.y, frame.bottom - y)
    return radius - math.hypot(x - cx, y - cy)


def _head_clearance(calls: list) -> float:  # type: ignore[type-arg]
    """Space between the ink of a human card's inner frame and the ink of its icon's head (pt)."""
    inner = [(c[1], c[2]) for c in calls if c[0] == "rounded_rect"][1]
    inner_width = shapes.HUMAN_INNER[0]
    (cx, cy), r = next((c[1], c[2]) for c in calls if c[0] == "circle")
    # The head's ink nearest the frame: each point of its outer edge, stroke included.
    edge = r + shapes.ICON_STROKE / 2
    points = [(cx + edge * math.cos(a / 36 * math.pi), cy + edge * math.sin(a / 36 * math.pi)) for a in range(72)]
    return min(_gap_to_rounded_frame(pt, *inner) for pt in points) - inner_width / 2


def test_a_human_cards_person_keeps_clear_of_its_inner_frame() -> None:
    """The person's head touched the inner line of the double frame, on screen and in the PDF."""
    calls = calls_of(shapes.card, Rect(0, 0, 170, 60), "touchpoint", "human", None, Text(("x",), 9.5, False, Rect(7, 19, 150, 12)))
    assert _head_clearance(calls) >= 0.75


def test_the_legends_human_sample_keeps_its_person_clear_of_its_inner_frame() -> None:
    full = sheet(layout(every_mark()), "Every mark", "en", True, True)
    human = next(e for e in full.entries if e.kind == "nature" and e.value == "human")
    p = RecordingPainter()
    _sample(p, human)
    assert _head_clearance(p.calls) >= 0.75
    inner = [c[1] for c in p.calls if c[0] == "rounded_rect"][1]
    shoulders = next(c[1] for c in p.calls if c[0] == "curve")
    lowest = max(pt[1] for seg in shoulders for pt in seg) + shapes.ICON_STROKE / 2
    assert lowest <= inner.bottom - shapes.HUMAN_INNER[0] / 2 - 0.5


def test_the_legend_pages_human_sample_keeps_its_word_and_person_inside_its_inner_frame(monkeypatch, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """On the PDF's legend page, the word "human" and the person both touched the inner line of the frame."""
    from workbench.export import pdfpages

    drawn: list[tuple] = []  # type: ignore[type-arg]
    frames: list[tuple[float, float]] = []
    words: list[tuple[float, float, str]] = []
    real_flip = pdfpages.flip

    def flip(c, x, y_top, scale):  # type: ignore[no-untyped-def]
        frames.append((x, y_top))
        real_flip(c, x, y_top, scale)

    def frame(c, r, nature):  # type: ignore[no-untyped-def]
        p = RecordingPainter()
        shapes.nature_frame(p, r, nature)
        drawn.append((nature, frames[-1], p))

    def icon(c, x, y, nature):  # type: ignore[no-untyped-def]
        shapes.nature_icon(drawn[-1][2], x, y, nature)

    monkeypatch.setattr(pdfpages, "flip", flip)
    monkeypatch.setattr(pdfdraw, "nature_frame", frame)
    monkeypatch.setattr(pdfdraw, "nature_icon", icon)
    monkeypatch.setattr(pdfpages, "draw_string", lambda c, x, y, text, *a, **k: words.append((x, y, text)))
    register_fonts()
    c = Canvas(str(tmp_path / "legend.pdf"))
    pdfpages.legend_page(c, "en", 842, 595)
    nature, (fx, ftop), p = next(d for d in drawn if d[0] == "human")
    assert _head_clearance(p.calls) >= 0.75
    inner = [call[1] for call in p.calls if call[0] == "rounded_rect"][1]
    x, y, _ = next(w for w in words if w[2] == "human")
    left, baseline = x - fx, ftop - y  # (the word in the sample's coordinates, y down from its top)
    for height in (-0.76 * 10, 0.0, 0.24 * 10):  # its ascenders, baseline and descenders at its left edge
        assert _gap_to_rounded_frame((left, baseline + height), inner, shapes.HUMAN_INNER[1]) >= shapes.HUMAN_INNER[0] / 2 + 1


def test_the_other_curves_marks_are_drawn_over_every_line_and_under_the_faces(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """A later curve's line ran through the marks of the curves before it: a hollow "to be" circle crossed by a
    line read as the crossed circle of a handoff that loses the context."""
    from tests.export.test_pdf_personas import two_personas

    drawn: list[str] = []
    for name in ("curve", "mark", "face"):
        original = getattr(shapes, name)
        monkeypatch.setattr(shapes, name, lambda *a, _n=name, _f=original, **k: (drawn.append(_n), _f(*a, **k))[1])
    draw_map(RecordingPainter(), layout(two_personas()))
    assert drawn.count("curve") >= 4 and "mark" in drawn and "face" in drawn  # four curves: lines, marks, faces
    last = {name: max(i for i, n in enumerate(drawn) if n == name) for name in ("curve", "mark")}
    first = {name: drawn.index(name) for name in ("mark", "face")}
    assert last["curve"] < first["mark"] and last["mark"] < first["face"]
