"""Text widths from the bundled Liberation Sans files themselves: the one `Measure` the window,
the images, the PDF and Periksa lay a flowchart out with, so they paginate alike.

A line's width is the sum of its characters' advance widths (no kerning), as ReportLab sets
it in the PDF and as Qt draws it with kerning and hinting off (drawing/qt_measure.py). Only the
tables needed for that are read: head (units per em), hhea and maxp (counts), cmap (Unicode to
glyph, formats 4 and 12) and hmtx (advance widths).
"""

from __future__ import annotations

import struct
from functools import cache, lru_cache
from pathlib import Path

from kecamatan_desktop.resource_paths import resource

FACES = {False: "LiberationSans-Regular.ttf", True: "LiberationSans-Bold.ttf"}


class FontWidths:
    """Advance widths of one TrueType face, in thousandths of the font size."""

    def __init__(self, data: bytes) -> None:
        tables = _tables(data)
        units_per_em = struct.unpack_from(">H", data, tables["head"] + 18)[0]
        metrics_count = struct.unpack_from(">H", data, tables["hhea"] + 34)[0]
        glyph_count = struct.unpack_from(">H", data, tables["maxp"] + 4)[0]
        scale = 1000 / units_per_em
        advances = [struct.unpack_from(">H", data, tables["hmtx"] + 4 * g)[0] * scale
                    for g in range(metrics_count)]
        last = advances[-1]
        self.default = advances[0]  # the missing-glyph box
        self.widths: dict[int, float] = {}
        for char, glyph in _cmap(data, tables["cmap"]).items():
            if 0 < glyph < glyph_count:
                self.widths[char] = advances[glyph] if glyph < metrics_count else last
        # a no-break space sets as a space
        if 0x20 in self.widths:
            self.widths[0xA0] = self.widths[0x20]

    def width(self, text: str) -> float:
        """`text`'s width at a size of 1000."""
        widths, default = self.widths, self.default
        return sum(widths.get(ord(ch), default) for ch in text)


def _tables(data: bytes) -> dict[str, int]:
    count = struct.unpack_from(">H", data, 4)[0]
    found = {}
    for n in range(count):
        tag, _checksum, offset, _length = struct.unpack_from(">4sIII", data, 12 + 16 * n)
        found[tag.decode("latin-1")] = offset
    missing = {"head", "hhea", "maxp", "cmap", "hmtx"} - found.keys()
    if missing:
        raise ValueError(f"font lacks tables {sorted(missing)}")
    return found


def _cmap(data: bytes, cmap: int) -> dict[int, int]:
    """Unicode code point → glyph, from the fullest Unicode subtable (format 12, else 4)."""
    count = struct.unpack_from(">H", data, cmap + 2)[0]
    subtables = {}
    for n in range(count):
        platform, encoding, offset = struct.unpack_from(">HHI", data, cmap + 4 + 8 * n)
        subtables[(platform, encoding)] = cmap + offset
    for key in ((3, 10), (0, 4), (3, 1), (0, 3)):
        if key in subtables:
            at = subtables[key]
            kind = struct.unpack_from(">H", data, at)[0]
            if kind == 12:
                return _format12(data, at)
            if kind == 4:
                return _format4(data, at)
    raise ValueError("font has no Unicode cmap of format 4 or 12")


def _format4(data: bytes, at: int) -> dict[int, int]:
    segments = struct.unpack_from(">H", data, at + 6)[0] // 2
    ends_at = at + 14
    starts_at = ends_at + 2 * segments + 2
    deltas_at = starts_at + 2 * segments
    ranges_at = deltas_at + 2 * segments
    mapping = {}
    for s in range(segments):
        end = struct.unpack_from(">H", data, ends_at + 2 * s)[0]
        start = struct.unpack_from(">H", data, starts_at + 2 * s)[0]
        delta = struct.unpack_from(">h", data, deltas_at + 2 * s)[0]
        range_offset = struct.unpack_from(">H", data, ranges_at + 2 * s)[0]
        for char in range(start, end + 1):
            if char == 0xFFFF:
                continue
            if range_offset == 0:
                glyph = (char + delta) & 0xFFFF
            else:
                where = ranges_at + 2 * s + range_offset + 2 * (char - start)
                glyph = struct.unpack_from(">H", data, where)[0]
                if glyph:
                    glyph = (glyph + delta) & 0xFFFF
            if glyph:
                mapping[char] = glyph
    return mapping


def _format12(data: bytes, at: int) -> dict[int, int]:
    groups = struct.unpack_from(">I", data, at + 12)[0]
    mapping = {}
    for g in range(groups):
        start, end, first = struct.unpack_from(">III", data, at + 16 + 12 * g)
        for offset in range(end - start + 1):
            mapping[start + offset] = first + offset
    return mapping


@cache
def face(bold: bool) -> FontWidths:
    return FontWidths(Path(resource("fonts", FACES[bold])).read_bytes())


@lru_cache(maxsize=65536)
def _thousandths(text: str, bold: bool) -> float:
    return face(bold).width(text)


def font_measure(text: str, size: float, bold: bool = False) -> float:
    """Width of `text` in points at `size` points in Liberation Sans: a layout `Measure`."""
    return _thousandths(text, bold) * size / 1000
