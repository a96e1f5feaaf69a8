"""Text the bundled font cannot show, and text written right to left (pure Python: no Qt, no reportlab).

DejaVu Sans, the bundled font, has Latin, Greek, Cyrillic, Hebrew and Arabic,
but no Chinese, Japanese or Korean and few emoji. Each character it lacks is
drawn with a system font that has it (found with fontconfig's ``fc-list``
where there is one, else in the usual font folders), so the PDF shows the
text instead of empty boxes; a character no font has stays a box, and the
export says which texts have one.

Arabic and Hebrew are written right to left. reportlab's own support needs
``rlbidi`` (not on PyPI) and ``uharfbuzz`` (whose shaped advances the pure
Python measuring could not follow), so a line is prepared here instead:
Arabic letters take their joined forms (Unicode presentation forms, which
DejaVu Sans has: ``arabic-reshaper``), then the line is put in display order
by the Unicode bidirectional algorithm (``python-bidi``). What is measured
(:mod:`workbench.textmetrics`) is what is drawn (:mod:`workbench.export.pdftext`):
both split the text into runs by font here.

Text that the bundled font covers and that has nothing right to left never
comes here: it is measured and drawn exactly as before.
"""

from __future__ import annotations

import os
import sys
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from workbench.fontmetrics import FontError, FontMetrics, face_count

#: Bidirectional classes that make a text need reordering: right-to-left letters, Arabic
#: digits, and the explicit embeddings, overrides and isolates.
BIDI_CLASSES = frozenset({"R", "AL", "AN", "RLE", "RLO", "LRE", "LRO", "PDF", "RLI", "LRI", "FSI", "PDI"})
#: Categories never looked for in other fonts: controls, surrogates, private use, unassigned.
NOT_LOOKED_FOR = frozenset({"Cc", "Cs", "Co", "Cn"})
#: A font file larger than this is not read when the folders are searched (without fontconfig).
LARGEST_FONT = 64 * 1024 * 1024
FONT_SUFFIXES = (".ttf", ".ttc", ".otf", ".otc")


@dataclass(eq=False)
class Face:
    """A system font that draws some characters the bundled font lacks."""

    metrics: FontMetrics
    name: str
    """The name reportlab knows it by (registered on first use by the PDF export)."""
    usable: bool = True
    """False once reportlab refused it: its characters are then drawn, and measured, as missing."""

    @property
    def path(self) -> Path:
        return self.metrics.path

    @property
    def index(self) -> int:
        return self.metrics.index


#: A piece of a line drawn with one font: None is the bundled font.
Run = tuple[Face | None, str]

#: A font file, a face in it, and the characters it has as sorted (first, last) ranges.
Entry = tuple[Path, int, list[tuple[int, int]]]


@dataclass
class _State:
    faces: list[Face] = field(default_factory=list)
    by_char: dict[int, Face | None] = field(default_factory=dict)
    rejected: set[tuple[str, int]] = field(default_factory=set)
    catalogue: list[Entry] | None = None


_state = _State()


def forget() -> None:
    """Forget the fonts found so far (for tests that change what the machine has)."""
    global _state
    _state = _State()


def faces() -> list[Face]:
    """The fallback fonts found so far, in the order they were found."""
    return list(_state.faces)


# ---------------------------------------------------------------- which text needs this


#: Per bundled font, the characters seen so far that it draws with no help, and those it cannot.
#: Learnt as texts come (looking at all of a font's 6,000 characters first cost a start-up 25 ms).
_seen: dict[FontMetrics, tuple[set[str], set[str]]] = {}


def is_plain(text: str, bundled: FontMetrics) -> bool:
    """Whether *text* is measured and drawn as before: bundled font only, left to right.

    A character is plain when the bundled font has it and it is not right to left.
    """
    plain, other = _seen.setdefault(bundled, (set(), set()))
    if plain.issuperset(text):
        return True
    result = True
    for char in set(text) - plain:
        if char in other:
            result = False
        elif bundled.has_glyph(char) and unicodedata.bidirectional(char) not in BIDI_CLASSES:
            plain.add(char)
        else:
            other.add(char)
            result = False
    return result


def needs_bidi(text: str) -> bool:
    return any(unicodedata.bidirectional(char) in BIDI_CLASSES for char in text)


def right_to_left(text: str) -> bool:
    """The paragraph's direction, from its first strong letter (rules P2 and P3 of the bidi algorithm)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return False
        if kind in ("R", "AL"):
            return True
    return False


# ---------------------------------------------------------------- shaping and order


def _is_arabic(char: str) -> bool:
    return "\u0600" <= char <= "\u06ff" or "\u0750" <= char <= "\u077f" or "\u08a0" <= char <= "\u08ff"


@lru_cache(maxsize=1)
def _reshaper() -> Any:
    import arabic_reshaper

    return arabic_reshaper.ArabicReshaper(
        configuration={
            "delete_harakat": False,  # the writer's vowel marks stay
            "ARABIC LIGATURE ALLAH": False,  # only the compulsory lam-alef ligatures, which DejaVu has
        }
    )


def shape(text: str) -> str:
    """Arabic letters in their joined forms (initial, medial, final, isolated) and lam-alef ligatures."""
    if not any(map(_is_arabic, text)):
        return text
    return str(_reshaper().reshape(text))


def _marks_before_bases(text: str) -> str:
    """A right-to-left letter's combining marks moved before it, so that reversed they follow it:
    a mark drawn after its letter sits on it."""
    out: list[str] = []
    base = -1  # where the current right-to-left letter stands in *out*
    for char in text:
        if unicodedata.category(char) in ("Mn", "Me") and base >= 0:
            out.insert(base, char)
            base += 1
            continue
        base = len(out) if unicodedata.bidirectional(char) in ("R", "AL") else -1
        out.append(char)
    return "".join(out)


def display_order(line: str, rtl: bool | None = None) -> str:
    """*line* (logical order, shaped) in the order it is drawn from left to right.

    *rtl* is the direction of the paragraph the line belongs to (None: the
    line's own first strong letter decides).
    """
    if not needs_bidi(line):
        return line
    from bidi import get_display

    base = right_to_left(line) if rtl is None else rtl
    return str(get_display(_marks_before_bases(line), base_dir="R" if base else "L"))


# ---------------------------------------------------------------- runs by font


def _ignorable(char: str) -> bool:
    """Format characters and variation selectors: nothing to draw, dropped by a font that lacks them."""
    code = ord(char)
    return unicodedata.category(char) == "Cf" or 0xFE00 <= code <= 0xFE0F or 0xE0100 <= code <= 0xE01EF


def font_for(char: str, bundled: FontMetrics) -> Face | None:
    """The font that draws *char*: the bundled one when it can (None), else the first fallback that has it.

    A character that no font has gets None too: the bundled font's box.
    """
    if bundled.has_glyph(char):
        return None
    code = ord(char)
    if code in _state.by_char:
        return _state.by_char[code]
    face = next((f for f in _state.faces if f.usable and f.metrics.has_glyph(char)), None)
    if face is None and unicodedata.category(char) not in NOT_LOOKED_FOR:
        face = find_face(char)
    _state.by_char[code] = face
    return face


def _shown(char: str, bundled: FontMetrics) -> bool:
    face = font_for(char, bundled)
    return face.usable if face is not None else bundled.has_glyph(char)


def _unshaped_when_missing(text: str, bundled: FontMetrics) -> str:
    """A presentation form that no font has is written as its plain letters (a box is worse)."""
    if all(bundled.has_glyph(char) for char in text):
        return text
    out = []
    for char in text:
        if "\ufb50" <= char <= "\ufdff" or "\ufe70" <= char <= "\ufeff":
            if not _shown(char, bundled):
                char = unicodedata.normalize("NFKC", char)
        out.append(char)
    return "".join(out)


def prepared(text: str, bundled: FontMetrics) -> str:
    """*text* shaped, in logical order: what is measured."""
    return _unshaped_when_missing(shape(text), bundled)


def split(text: str, bundled: FontMetrics) -> list[Run]:
    """*text* (already shaped) cut into runs of one font each, in its order.

    Combining marks and format characters stay with the letter before them
    when its font has them; a format character no font has is left out.
    """
    runs: list[Run] = []
    current: Face | None = None
    chars: list[str] = []
    for char in text:
        mark = _ignorable(char) or unicodedata.category(char) in ("Mn", "Me")
        if mark and chars and _has(current, char, bundled):
            chars.append(char)
            continue
        if _ignorable(char) and not bundled.has_glyph(char):
            face = font_for(char, bundled)
            if face is None or not face.usable:
                continue  # nothing to draw, and no box for it either
        else:
            face = font_for(char, bundled)
        if face is not None and not face.usable:
            face = None
        if chars and face is not current:
            runs.append((current, "".join(chars)))
            chars = []
        current = face
        chars.append(char)
    if chars:
        runs.append((current, "".join(chars)))
    return runs


def _has(face: Face | None, char: str, bundled: FontMetrics) -> bool:
    return bundled.has_glyph(char) if face is None else face.usable and face.metrics.has_glyph(char)


def logical_runs(text: str, bundled: FontMetrics) -> list[Run]:
    """The runs of *text* as measured (the same characters as drawn, in logical order)."""
    return split(prepared(text, bundled), bundled)


def visual_runs(line: str, bundled: FontMetrics, rtl: bool | None = None) -> list[Run]:
    """The runs of *line* as drawn from left to right."""
    return split(display_order(prepared(line, bundled), rtl), bundled)


def missing(text: str, bundled: FontMetrics) -> str:
    """The characters of *text* that no font can show (each once, in order); empty when all show."""
    found: list[str] = []
    for char in prepared(text, bundled):
        if char in found or char.isspace() or _ignorable(char) or unicodedata.category(char) in ("Cc", "Cs"):
            continue
        if not _shown(char, bundled):
            found.append(char)
    return "".join(found)


# ---------------------------------------------------------------- finding system fonts

def find_face(char: str) -> Face | None:
    """A system font that has *char* and that the PDF can embed, loaded; None when there is none.

    Tests replace this function to act as a machine without such fonts.
    """
    code = ord(char)
    for path, index, ranges in _catalogue():
        key = (str(path), index)
        if key in _state.rejected or not _in(ranges, code):
            continue
        try:
            metrics = FontMetrics(path, index)
        except (FontError, OSError, ValueError):
            _state.rejected.add(key)
            continue
        if not (metrics.truetype and metrics.embeddable):
            _state.rejected.add(key)
            continue
        if metrics.has_glyph(char):
            face = Face(metrics, f"WorkbenchFallback{len(_state.faces) + 1}")
            _state.faces.append(face)
            _state.rejected.add(key)  # loaded: not to be loaded again
            return face
    return None


def _in(ranges: list[tuple[int, int]], code: int) -> bool:
    at = bisect_right(ranges, (code, sys.maxsize)) - 1
    return at >= 0 and ranges[at][0] <= code <= ranges[at][1]


def _catalogue() -> list[Entry]:
    """Every system font face with what it covers, read once: from fontconfig in one call, or from the folders."""
    if _state.catalogue is None:
        listed = _fontconfig()
        entries = listed if listed is not None else _scan()
        _state.catalogue = sorted(entries, key=lambda entry: (_preference(entry[0]), entry[1]))
    return _state.catalogue


def _fontconfig() -> list[Entry] | None:
    """The fonts fontconfig knows, with their character sets (None: no fontconfig here)."""
    import shutil
    import subprocess  # (only when a character needs another font: not before the first window)

    program = shutil.which("fc-list")
    if program is None:
        return None
    try:
        result = subprocess.run(
            [program, "--format", "%{file}\t%{index}\t%{charset}\n"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if result.returncode != 0:
        return None
    entries = []
    for row in result.stdout.splitlines():
        path, _, rest = row.partition("\t")
        index, _, charset = rest.partition("\t")
        try:
            number = int(index or 0)
            ranges = [_range(part) for part in charset.split()]
        except ValueError:
            continue
        if path.lower().endswith(FONT_SUFFIXES) and number >> 16 == 0:  # not a variable font's named instance
            entries.append((Path(path), number, sorted(ranges)))
    return entries


def _range(text: str) -> tuple[int, int]:
    first, _, last = text.partition("-")
    return int(first, 16), int(last or first, 16)


def _scan() -> list[Entry]:
    """Without fontconfig: every font file of the usual folders, each one's character map read once."""
    entries = []
    for path in _font_files():
        for index in range(_faces_in(path)):
            try:
                metrics = FontMetrics(path, index)
            except (FontError, OSError, ValueError):
                continue
            if metrics.truetype and metrics.embeddable:
                entries.append((path, index, metrics.ranges()))
    return entries


def _preference(path: Path) -> tuple[int, int, str]:
    """Regular faces before bold, italic or light ones; then smaller files (quicker to read); then by name."""
    stem = path.stem.lower()
    styled = any(word in stem for word in ("bold", "italic", "oblique", "light", "thin", "black", "heavy", "condensed"))
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    return (int(styled), size, str(path))


def font_folders() -> list[Path]:
    """Where fonts are usually installed, on Linux, macOS and Windows."""
    home = Path.home()
    folders = [Path("/usr/share/fonts"), Path("/usr/local/share/fonts"), home / ".fonts", home / ".local/share/fonts"]
    if sys.platform == "darwin":
        folders += [Path("/System/Library/Fonts"), Path("/Library/Fonts"), home / "Library/Fonts"]
    if os.name == "nt":
        windows = Path(os.environ.get("WINDIR", r"C:\Windows"))
        folders += [windows / "Fonts", Path(os.environ.get("LOCALAPPDATA", str(home))) / "Microsoft/Windows/Fonts"]
    return folders


def _font_files() -> list[Path]:
    files = []
    for folder in font_folders():
        if not folder.is_dir():
            continue
        for root, _dirs, names in os.walk(folder):
            for name in names:
                path = Path(root, name)
                if name.lower().endswith(FONT_SUFFIXES):
                    try:
                        if path.stat().st_size <= LARGEST_FONT:
                            files.append(path)
                    except OSError:
                        continue
    return files


def _faces_in(path: Path) -> int:
    try:
        return face_count(path)
    except OSError:
        return 0
