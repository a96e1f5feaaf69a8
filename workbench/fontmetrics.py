"""Advance widths of a TrueType font, read straight from the file (pure Python, no Qt, no reportlab).

Text is wrapped before the first window is painted; importing reportlab for
that (and PIL, which reportlab pulls in) cost more than the rest of the
start-up. Only four tables are needed: ``head`` (units per em), ``hhea``
(how many glyphs have their own advance), ``hmtx`` (the advances) and ``cmap``
(character to glyph).

The widths are reportlab's own, to the last bit, so that a line breaks at
the same word on screen and in the PDF (which reportlab draws): the same
cmap subtable is chosen (the last Unicode one listed), advances are scaled
by ``1000 / unitsPerEm`` as reportlab does, a character the font lacks
measures as glyph 0 (the "missing" box), U+00A0 measures as the space, and
a string's width is ``0.001 * size * sum(widths)``. Like reportlab, no
kerning and no shaping.

The same reader tells which characters a font can show (:meth:`FontMetrics.has_glyph`)
and reads the faces of a collection (``.ttc``), for the system fonts that
draw what the bundled one cannot (:mod:`workbench.fallback`).
"""

from __future__ import annotations

import struct
from bisect import bisect_right
from collections.abc import Callable, Iterator
from pathlib import Path


class FontError(ValueError):
    """The file is not a TrueType font this reader understands."""


class FontMetrics:
    """The advance widths of one font, in thousandths of the font size.

    Opening reads the tables' headers only; a character is looked up in the
    cmap (a binary search) the first time it is measured, then remembered.
    """

    def __init__(self, path: str | Path, index: int = 0) -> None:
        self.path = Path(path)
        #: Which face of a collection (``.ttc``); 0 for a plain font file.
        self.index = index
        try:
            self._read(self.path.read_bytes())
        except struct.error as error:  # a table that ends before its data does
            raise FontError(f"{self.path}: truncated font ({error})") from None

    def _read(self, data: bytes) -> None:
        tables = _tables(data, _face_offset(data, self.index))
        #: Glyphs drawn from TrueType outlines (``glyf``): what reportlab can embed
        #: (not PostScript outlines, ``CFF``, nor colour bitmaps only).
        self.truetype: bool = "glyf" in tables and "loca" in tables
        #: The licence lets the font be embedded as a subset (reportlab's rule on ``OS/2`` fsType).
        self.embeddable: bool = True
        if "OS/2" in tables:
            fs_type = struct.unpack_from(">H", data, tables["OS/2"] + 8)[0]
            self.embeddable = not (fs_type == 0x0002 or fs_type & 0x0300)
        self.units_per_em: int = struct.unpack_from(">H", data, _table(tables, "head") + 18)[0]
        number_of_hmetrics: int = struct.unpack_from(">H", data, _table(tables, "hhea") + 34)[0]
        self.glyph_count: int = struct.unpack_from(">H", data, _table(tables, "maxp") + 4)[0]
        if number_of_hmetrics == 0:
            raise FontError("no horizontal metrics")
        # Advances are read one glyph at a time, when first needed: a text uses a few dozen of thousands.
        self._data, self._hmtx, self._hmetrics = data, _table(tables, "hmtx"), number_of_hmetrics
        struct.unpack_from(">H", data, self._hmtx + 4 * (number_of_hmetrics - 1))  # the table is all there
        # reportlab's scale: x * (1000 / unitsPerEm), in that order, for equal floats.
        self._scale = 1000 / self.units_per_em
        #: Width of glyph 0, the "missing character" box: what a character the font lacks measures.
        self.default_width: float = self.glyph_width(0)
        self._cmap = _cmap(data, _table(tables, "cmap"))
        self._widths = _Widths(self._char_width)
        #: The advance of a character code (its width is read from the font the first time).
        self.advance_of: Callable[[int], float] = self._widths.__getitem__
        # A no-break space is as wide as a space (reportlab's rule, whichever of the two the font has).
        space, no_break = self._cmap.glyph(0x20), self._cmap.glyph(0xA0)
        if space is not None:
            self._widths[0xA0] = self._char_width(0x20)
        elif no_break is not None:
            self._widths[0x20] = self._char_width(0xA0)

    def glyph_width(self, glyph: int) -> float:
        """Advance of a glyph; glyphs past ``numberOfHMetrics`` repeat the last advance."""
        advance = struct.unpack_from(">H", self._data, self._hmtx + 4 * min(glyph, self._hmetrics - 1))[0]
        return advance if self.units_per_em == 1000 else advance * self._scale

    def _char_width(self, code: int) -> float:
        glyph = self._cmap.glyph(code, self.glyph_count)
        if glyph is None or glyph >= self.glyph_count:
            return self.default_width
        return self.glyph_width(glyph)

    def has_glyph(self, char: str) -> bool:
        """Whether the font draws *char* itself (not the "missing" box of glyph 0)."""
        glyph = self._cmap.glyph(ord(char), self.glyph_count)
        return glyph is not None and 0 < glyph < self.glyph_count

    def char_width(self, char: str) -> float:
        """Advance of one character, in thousandths of the size."""
        return self._widths[ord(char)]

    def string_width(self, text: str, size: float) -> float:
        """Width of *text* at *size* points, as reportlab's ``stringWidth`` gives it."""
        return points(sum(map(self._widths.__getitem__, map(ord, text))), size)

    def advances(self, text: str) -> list[float]:
        """The advance of each character of *text*: ``0.001 * size * sum()`` of them is :meth:`string_width`."""
        return list(map(self._widths.__getitem__, map(ord, text)))

    def ranges(self) -> list[tuple[int, int]]:
        """The character codes the cmap lists, as sorted (first, last) ranges (some may map to glyph 0)."""
        return sorted(self._cmap.ranges())

    def all_widths(self) -> dict[int, float]:
        """Every character the font has a glyph for, with its width (reportlab's ``charWidths``)."""
        widths = {}
        for code in self._cmap.codes():
            glyph = self._cmap.glyph(code, self.glyph_count)
            if glyph is not None and glyph < self.glyph_count:
                widths[code] = self.glyph_width(glyph)
        if self._cmap.glyph(0x20) is not None:
            widths[0xA0] = widths.get(0x20, self.default_width)
        elif self._cmap.glyph(0xA0) is not None:
            widths[0x20] = widths.get(0xA0, self.default_width)
        return widths


class _Widths(dict[int, float]):
    """Character code -> width, filled on first use."""

    def __init__(self, measure: Callable[[int], float]) -> None:
        super().__init__()
        self._measure = measure

    def __missing__(self, code: int) -> float:
        width = self[code] = self._measure(code)
        return width


def _face_offset(data: bytes, index: int) -> int:
    """Where the table directory of face *index* starts: 0 in a plain font, listed in a collection's header."""
    if data[:4] != b"ttcf":
        if index != 0:
            raise FontError(f"face {index} asked of a file that is not a collection")
        return 0
    count = struct.unpack_from(">I", data, 8)[0]
    if not 0 <= index < count:
        raise FontError(f"no face {index} in a collection of {count}")
    return int(struct.unpack_from(">I", data, 12 + 4 * index)[0])


def face_count(path: str | Path) -> int:
    """How many faces a font file holds: a collection's count, else 1."""
    with open(path, "rb") as handle:
        head = handle.read(12)
    if head[:4] == b"ttcf" and len(head) == 12:
        return int(struct.unpack_from(">I", head, 8)[0])
    return 1


def _tables(data: bytes, start: int = 0) -> dict[str, int]:
    """Table tag -> offset in the file (a collection's offsets count from the file's start too)."""
    if len(data) < start + 12:
        raise FontError("too short for a TrueType font")
    count = struct.unpack_from(">H", data, start + 4)[0]
    tables = {}
    for index in range(count):
        tag, _checksum, offset, _length = struct.unpack_from(">4sIII", data, start + 12 + 16 * index)
        tables[tag.decode("latin-1")] = offset
    return tables


def _table(tables: dict[str, int], tag: str) -> int:
    try:
        return tables[tag]
    except KeyError:
        raise FontError(f"no {tag!r} table") from None


def _cmap(data: bytes, start: int) -> _Cmap:
    """The subtable reportlab would read.

    reportlab takes the last subtable listed that is Unicode: platform 3 (any
    encoding), platform 0 (but not 5, variation sequences), or (1, 1); or
    Macintosh Roman (1, 0) when no Unicode one came before it.
    """
    version, count = struct.unpack_from(">HH", data, start)
    if count == 0 and version != 0:
        count = version
    chosen = None
    unicode_found = False
    for index in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, start + 4 + 8 * index)
        if platform == 3 or (platform == 0 and encoding != 5) or (platform == 1 and encoding == 1):
            chosen, unicode_found = offset, True
        elif platform == 1 and encoding == 0 and not unicode_found:
            chosen = offset
    if chosen is None:
        raise FontError("no Unicode cmap subtable")
    offset = start + chosen
    fmt = struct.unpack_from(">H", data, offset)[0]
    if fmt == 4:
        return _Cmap(data, _format_4(data, offset))
    if fmt == 12:
        return _Cmap(data, _format_12(data, offset))
    raise FontError(f"cmap format {fmt} is not supported")


#: A run of characters: (first, last, delta, glyph array offset or 0, end of the subtable).
#: With no array, the glyph is ``first + delta`` (format 4 masks it to 16 bits).
_Segment = tuple[int, int, int, int, int]


class _Cmap:
    """Character -> glyph, by a binary search over the subtable's runs.

    A font whose runs overlap or are out of order (the specification forbids
    it; reportlab reads them all in turn) is read completely instead, keeping
    reportlab's answer for a character listed twice: its highest glyph.
    """

    def __init__(self, data: bytes, segments: list[_Segment]) -> None:
        self._data = data
        self._segments = [segment for segment in segments if segment[0] <= segment[1]]
        self._firsts = [segment[0] for segment in self._segments]
        self._eager: dict[int, list[int]] | None = None
        ordered = all(
            later[0] > earlier[1] for earlier, later in zip(self._segments, self._segments[1:])
        )
        if not ordered:
            self._eager = {}
            for segment in self._segments:
                for code in range(segment[0], segment[1] + 1):
                    self._eager.setdefault(code, []).append(self._resolve(segment, code))

    def glyph(self, code: int, glyph_count: int | None = None) -> int | None:
        """The glyph of *code*, None when the font does not list it.

        Listed twice (an irregular font), the highest glyph below *glyph_count* wins.
        """
        if self._eager is not None:
            glyphs = self._eager.get(code)
            if not glyphs:
                return None
            usable = [g for g in glyphs if glyph_count is None or g < glyph_count]
            return max(usable) if usable else glyphs[-1]
        index = bisect_right(self._firsts, code) - 1
        if index < 0 or code > self._segments[index][1]:
            return None
        return self._resolve(self._segments[index], code)

    def ranges(self) -> list[tuple[int, int]]:
        return [(segment[0], segment[1]) for segment in self._segments]

    def codes(self) -> Iterator[int]:
        for first, last, *_ in self._segments:
            yield from range(first, last + 1)

    def _resolve(self, segment: _Segment, code: int) -> int:
        first, _last, delta, array, limit = segment
        if array < 0:  # format 12: no 16-bit wrap
            return code + delta
        if array == 0:
            return (code + delta) & 0xFFFF
        where = array + 2 * (code - first)
        if where >= limit:  # a broken font: reportlab maps it to glyph 0
            return 0
        glyph = struct.unpack_from(">H", self._data, where)[0]
        return (glyph + delta) & 0xFFFF if glyph else 0


def _format_4(data: bytes, offset: int) -> list[_Segment]:
    """Segments of BMP characters, mapped by a delta or through a glyph array."""
    length = struct.unpack_from(">H", data, offset + 2)[0]
    limit = offset + length
    count = struct.unpack_from(">H", data, offset + 6)[0] // 2
    ends_at = offset + 14
    ends = struct.unpack_from(f">{count}H", data, ends_at)
    starts = struct.unpack_from(f">{count}H", data, ends_at + 2 * count + 2)
    deltas = struct.unpack_from(f">{count}h", data, ends_at + 4 * count + 2)
    ranges_at = ends_at + 6 * count + 2
    ranges = struct.unpack_from(f">{count}H", data, ranges_at)
    return [
        (starts[n], ends[n], deltas[n], ranges_at + 2 * n + ranges[n] if ranges[n] else 0, limit)
        for n in range(count)
    ]


def _format_12(data: bytes, offset: int) -> list[_Segment]:
    """Groups of consecutive characters mapped to consecutive glyphs (all of Unicode)."""
    count = struct.unpack_from(">I", data, offset + 12)[0]
    values = struct.unpack_from(f">{3 * count}I", data, offset + 16)
    return [(values[n], values[n + 1], values[n + 2] - values[n], -1, 0) for n in range(0, 3 * count, 3)]


def _accelerated() -> bool:
    """Whether reportlab measures with its C accelerator (``rl_accel``), which multiplies in another order."""
    from importlib.machinery import PathFinder  # (already loaded by Python; importlib.util costs 4 ms)

    return PathFinder.find_spec("_rl_accel") is not None


#: reportlab's own order of the products, so that widths are its widths to the last bit:
#: ``sum * 0.001 * size`` in C, ``0.001 * size * sum`` in its pure-Python fallback.
SUM_FIRST = _accelerated()


def points(total: float, size: float) -> float:
    """A sum of advances (thousandths of the size) in points, multiplied as reportlab does."""
    return total * 0.001 * size if SUM_FIRST else 0.001 * size * total
