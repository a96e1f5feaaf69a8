"""An image of the map as a deliverable: the journey's title above it, a compact legend strip below.

Pure geometry and shared shapes (no Qt, no reportlab): ``ui/image_export.py``
draws a :class:`Sheet` for PNG and SVG. The legend's words are the PDF
legend's, in the journey's language.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import workbench.theme as theme
from workbench.export import shapes
from workbench.export.lanelegend import shortened
from workbench.export.mapdraw import CurveLabel
from workbench.export.painter import Painter
from workbench.geometry import Connector, Curve, Rect, Text
from workbench.map_layout import Layout
from workbench.i18n import tr
from workbench.model.fieldwords import scenario_word
from workbench.textmetrics import line_height, text_width, wrap

TITLE_SIZE = 20.0
LEGEND_SIZE = 9.0
LEGEND_PAD = 10.0
LEGEND_ROW = 26.0
SWATCH_GAP = 6.0
ENTRY_GAP = 16.0
GROUP_GAP = 28.0
#: The most characters of a persona's name in the legend's curves (about a third of a narrow sheet at 9 pt).
LEGEND_NAME_LENGTH = 40
#: Width of each kind of sample in the strip.
SWATCH = {"curve": shapes.CURVE_SAMPLE, "face": 2 * shapes.FACE_RADIUS, "nature": 34.0, "handoff": 40.0, "moment": 12.0, "goal": 11.0, "end": 8.0}


@dataclass(frozen=True)
class Entry:
    """One sample of the legend and its word: *kind* is curve, face, nature, handoff, moment, goal or end."""

    kind: str
    value: object
    label: Text
    x: float
    y: float
    """The left of the sample and the middle of its row."""


@dataclass
class Sheet:
    width: float
    height: float
    map_x: float
    map_y: float
    """Where the map's top left corner goes on the sheet."""
    title: Text | None = None
    legend: Rect | None = None
    headings: list[Text] = field(default_factory=list)
    entries: list[Entry] = field(default_factory=list)
    curve_label: CurveLabel | None = None
    """How the legend under the emotion lane's title names a curve (see :func:`lane_labels`)."""


def curve_label(name: str, scenario: str, lang: str) -> str:
    """A curve in a legend: "Camille — as is"."""
    return tr("{name} — {scenario}", lang, name=name, scenario=scenario_word(scenario, lang))


def lane_labels(names: dict[str, str], lang: str) -> CurveLabel:
    """How an exported map's lane legend names a curve: "Camille · as is", as the canvas's (the compact
    separator leaves a name such as "Camille, 34 ans" whole in the title column), its name cut to the length given."""
    def label(curve: Curve, length: int) -> str:
        name = shortened(names.get(curve.persona) or curve.name or curve.persona, length)
        return tr("{name} · {scenario}", lang, name=name, scenario=scenario_word(curve.scenario, lang))

    return label


def sheet(
    lay: Layout, title: str, language: str, with_title: bool = True, with_legend: bool = True,
    names: dict[str, str] | None = None,
) -> Sheet:
    """Where the title, the map and the legend go; the map alone when neither is asked for.

    The legend has an entry for each curve drawn, named from *names* (persona id to name;
    the layout's names when None)."""
    margin = lay.style.margin
    width = lay.width
    out = Sheet(width, lay.height, 0.0, 0.0, curve_label=lane_labels(names or {}, language))
    if with_title and title.strip():
        lines = tuple(wrap(title, width - 2 * margin, TITLE_SIZE, True))
        h = len(lines) * line_height(TITLE_SIZE)
        out.title = Text(lines, TITLE_SIZE, True, Rect(margin, margin, width - 2 * margin, h))
        out.map_y = margin + h
    top = out.map_y + lay.height
    if with_legend:
        # A name cut to a line's worth: one of 500 characters made the image 100,000 pixels wide (the persona
        # pages of the PDF give it whole).
        curves = [
            ("curve", c, curve_label(shortened((names or {}).get(c.persona) or c.name or c.persona, LEGEND_NAME_LENGTH),
                                     c.scenario, language))
            for c in lay.curves.values()
        ]
        _legend(out, language, Rect(margin, top, width - 2 * margin, 0), curves)
        assert out.legend is not None
        top = out.legend.bottom + margin
    out.height = top
    return out


def _groups(language: str, curves: list[tuple[str, object, str]] | None = None) -> list[tuple[str, list[tuple[str, object, str]]]]:
    """The legend's groups: a heading, then (kind, value, word) for each sample."""
    lang = language
    return [
        (tr("Emotion", lang), [
            ("face", 2, tr("very positive", lang)), ("face", 1, tr("positive", lang)), ("face", 0, tr("neutral", lang)),
            ("face", -1, tr("negative", lang)), ("face", -2, tr("very negative", lang)),
        ]),
        *([(tr("Curves", lang), curves)] if curves else []),
        (tr("Touchpoints", lang), [("nature", "digital", tr("digital", lang)), ("nature", "human", tr("human", lang)), ("nature", "physical", tr("physical", lang))]),
        (tr("Handoffs and markers", lang), [
            ("handoff", True, tr("context carried over", lang)), ("handoff", False, tr("context lost", lang)),
            ("moment", None, tr("moment of truth", lang)), ("goal", None, tr("goal reached", lang)), ("end", None, tr("end of the journey", lang)),
        ]),
    ]


def _legend(out: Sheet, language: str, area: Rect, curves: list[tuple[str, object, str]] | None = None) -> None:
    """Lay the strip's samples out in rows within *area*'s width, a group's heading before its samples."""
    left, right = area.x + LEGEND_PAD, area.right - LEGEND_PAD
    x, row = left, 0
    widest = left
    line = line_height(LEGEND_SIZE)

    def place(width: float, gap: float) -> float:
        """The x where something *width* wide goes, on a new row if this one is full."""
        nonlocal x, row
        if x > left and x + width > right:
            x, row = left, row + 1
        at = x
        x += width + gap
        return at

    middle: Callable[[int], float] = lambda r: area.y + LEGEND_PAD + (r + 0.5) * LEGEND_ROW  # noqa: E731
    for heading, samples in _groups(language, curves):
        w = text_width(heading, LEGEND_SIZE, True)
        first_w = SWATCH[samples[0][0]] + SWATCH_GAP + text_width(samples[0][2], LEGEND_SIZE)
        hx = place(w + 8 + first_w, 0)  # a heading never ends a row alone
        x = hx + w + 8
        out.headings.append(Text((heading,), LEGEND_SIZE, True, Rect(hx, middle(row) - line / 2, w, line)))
        for kind, value, word in samples:
            ww = text_width(word, LEGEND_SIZE)
            sx = place(SWATCH[kind] + SWATCH_GAP + ww, ENTRY_GAP)
            label = Text((word,), LEGEND_SIZE, False, Rect(sx + SWATCH[kind] + SWATCH_GAP, middle(row) - line / 2, ww, line))
            out.entries.append(Entry(kind, value, label, sx, middle(row)))
            widest = max(widest, label.rect.right)
        x += GROUP_GAP - ENTRY_GAP
    out.legend = Rect(area.x, area.y, max(area.w, widest + LEGEND_PAD - area.x), (row + 1) * LEGEND_ROW + 2 * LEGEND_PAD)
    out.width = max(out.width, out.legend.right + (area.x - 0))


def draw_sheet(p: Painter, out: Sheet) -> None:
    """The title and the legend (the map is drawn at ``(map_x, map_y)`` by the caller, with :func:`draw_map`)."""
    if out.title is not None:
        p.text(out.title, theme.INK)
    if out.legend is None:
        return
    p.stroke(theme.GRID, shapes.LANE_STROKE)
    p.fill(theme.STEP_FILL)
    p.rounded_rect(out.legend, shapes.STEP_RADIUS)
    for heading in out.headings:
        p.text(heading, theme.INK)
    for entry in out.entries:
        _sample(p, entry)
        p.text(entry.label, theme.INK)


def _sample(p: Painter, e: Entry) -> None:
    x, y = e.x, e.y
    if e.kind == "curve":
        c: Curve = e.value  # type: ignore[assignment]
        shapes.curve_sample(p, x, y, c.shape, c.colour, c.line, c.scenario)
    elif e.kind == "face":
        shapes.face(p, (x + shapes.FACE_RADIUS, y), e.value)  # type: ignore[arg-type]
    elif e.kind == "nature":
        r = Rect(x, y - 10, SWATCH["nature"], 20)  # (tall enough for a human card's icon inside its inner frame)
        shapes.nature_frame(p, r, e.value)  # type: ignore[arg-type]
        shapes.nature_icon(p, *shapes.icon_corner(r, e.value), e.value)  # type: ignore[arg-type]
    elif e.kind == "handoff":
        a, b = (x + shapes.START_RADIUS, y), (x + SWATCH["handoff"], y)
        path = ((a, (a[0] + 10, y), (b[0] - 10, y), b),)
        shapes.connector(p, Connector("", path, None, bool(e.value)), handoff=True)
    elif e.kind == "moment":
        shapes.star(p, x + 6, y)
    elif e.kind == "goal":
        shapes.flag(p, x, y - 3.5)
    else:
        shapes.stop_bar(p, x, y - 3.5)

