"""One PDF page as plain geometry: its words with their boxes and its drawn subpaths, in
points from the page's top-left corner (y grows downwards), read with pypdfium2's raw API.
Every loop is bounded by the page's own counts and by a deadline."""

from __future__ import annotations

import ctypes
import time
from dataclasses import dataclass

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

# A real SOP page holds a few thousand objects (pages printed from Excel: ~1,500 border
# rectangles); a page far past these is refused before its objects are walked.
MAX_OBJECTS = 30_000
MAX_SEGMENTS = 300_000
MAX_CHARS = 60_000
MAX_FORM_DEPTH = 8

_IDENTITY = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0)


class PageTooSlow(Exception):
    """The page took longer than its time limit; the reader names it and skips it."""


class PageTooLarge(Exception):
    """The page holds more objects, segments or characters than any SOP page does."""


@dataclass(frozen=True)
class Box:
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def cx(self) -> float:
        return (self.x0 + self.x1) / 2

    @property
    def cy(self) -> float:
        return (self.y0 + self.y1) / 2

    @property
    def width(self) -> float:
        return self.x1 - self.x0

    @property
    def height(self) -> float:
        return self.y1 - self.y0


@dataclass(frozen=True)
class Word:
    text: str
    box: Box
    size: float  # font size in points


@dataclass(frozen=True)
class Subpath:
    points: tuple[tuple[float, float], ...]
    closed: bool
    curved: bool  # holds Bézier segments (a capsule's rounded ends)
    filled: bool
    stroked: bool
    fill: tuple[int, int, int]  # RGB of the fill

    @property
    def box(self) -> Box:
        xs = [p[0] for p in self.points]
        ys = [p[1] for p in self.points]
        return Box(min(xs), min(ys), max(xs), max(ys))


@dataclass(frozen=True)
class PageContent:
    number: int  # 1-based
    width: float
    height: float
    words: tuple[Word, ...]
    subpaths: tuple[Subpath, ...]
    chars: int  # characters of the text layer
    bad_chars: int  # characters without a usable Unicode value
    image_area: float  # share of the page covered by pictures (0..1)
    # a page joined from several printed pages (pdf_stitch): every page it holds, and where
    # each tier of rows begins (y) with the page its No column was printed on
    pages: tuple[int, ...] = ()
    tiers: tuple[tuple[float, int], ...] = ()

    @property
    def printed(self) -> tuple[int, ...]:
        """The printed pages this page stands for."""
        return self.pages or (self.number,)

    def page_at(self, y: float) -> int:
        """The printed page whose rows hold y."""
        return max((t for t in self.tiers if t[0] <= y), default=(0.0, self.number))[1]


def _matrix(handle) -> tuple[float, ...]:
    m = pdfium_c.FS_MATRIX()
    if not pdfium_c.FPDFPageObj_GetMatrix(handle, m):
        return _IDENTITY
    return (m.a, m.b, m.c, m.d, m.e, m.f)


def _then(m: tuple[float, ...], n: tuple[float, ...]) -> tuple[float, ...]:
    """The matrix applying m first, then n."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


class _Walker:
    """Walks a page's objects (into form XObjects) with a budget of objects and time."""

    def __init__(self, height: float, deadline: float) -> None:
        self.height = height
        self.deadline = deadline
        self.objects = 0
        self.segments = 0
        self.subpaths: list[Subpath] = []
        self.image_area = 0.0

    def _tick(self) -> None:
        self.objects += 1
        if self.objects > MAX_OBJECTS:
            raise PageTooLarge(f"lebih dari {MAX_OBJECTS} objek gambar")
        if self.objects % 256 == 0 and time.monotonic() > self.deadline:
            raise PageTooSlow

    def walk(self, handles: list, parent: tuple[float, ...], depth: int) -> None:
        for handle in handles:
            self._tick()
            kind = pdfium_c.FPDFPageObj_GetType(handle)
            matrix = _then(_matrix(handle), parent)
            if kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < MAX_FORM_DEPTH:
                count = pdfium_c.FPDFFormObj_CountObjects(handle)
                inner = [pdfium_c.FPDFFormObj_GetObject(handle, i) for i in range(count)]
                self.walk(inner, matrix, depth + 1)
            elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
                self._path(handle, matrix)
            elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
                self._image(handle)

    def _image(self, handle) -> None:
        left, bottom, right, top = (ctypes.c_float() for _ in range(4))
        if pdfium_c.FPDFPageObj_GetBounds(handle, left, bottom, right, top):
            self.image_area += abs(right.value - left.value) * abs(top.value - bottom.value)

    def _path(self, handle, matrix: tuple[float, ...]) -> None:
        fill_mode, stroke = ctypes.c_int(), ctypes.c_int()
        pdfium_c.FPDFPath_GetDrawMode(handle, fill_mode, stroke)
        r, g, b, a = (ctypes.c_uint() for _ in range(4))
        fill = (255, 255, 255)
        if pdfium_c.FPDFPageObj_GetFillColor(handle, r, g, b, a):
            fill = (r.value, g.value, b.value)
        count = pdfium_c.FPDFPath_CountSegments(handle)
        self.segments += max(count, 0)
        if self.segments > MAX_SEGMENTS:
            raise PageTooLarge(f"lebih dari {MAX_SEGMENTS} ruas garis")
        ma, mb, mc, md, me, mf = matrix
        points: list[tuple[float, float]] = []
        curved = closed = False
        x, y = ctypes.c_float(), ctypes.c_float()

        def flush() -> None:
            if len(points) > 1:
                self.subpaths.append(Subpath(tuple(points), closed, curved, fill_mode.value != 0,
                                             bool(stroke.value), fill))

        for i in range(count):
            segment = pdfium_c.FPDFPath_GetPathSegment(handle, i)
            kind = pdfium_c.FPDFPathSegment_GetType(segment)
            pdfium_c.FPDFPathSegment_GetPoint(segment, x, y)
            point = (ma * x.value + mc * y.value + me,
                     self.height - (mb * x.value + md * y.value + mf))
            if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
                flush()
                points, curved, closed = [point], False, False
                continue
            curved = curved or kind == pdfium_c.FPDF_SEGMENT_BEZIERTO
            points.append(point)
            closed = closed or bool(pdfium_c.FPDFPathSegment_GetClose(segment))
        flush()


def _words(page: pdfium.PdfPage, height: float, deadline: float) -> tuple[list[Word], int, int]:
    """Characters grouped into words: a word ends at a space, a line break, a jump back or a
    gap wider than a third of the font size."""
    textpage = page.get_textpage()
    try:
        count = pdfium_c.FPDFText_CountChars(textpage.raw)
        if count > MAX_CHARS:
            raise PageTooLarge(f"lebih dari {MAX_CHARS} huruf")
        words: list[Word] = []
        bad = 0
        text: list[str] = []
        box: list[float] = []
        size = 0.0
        left, right, bottom, top = (ctypes.c_double() for _ in range(4))

        def flush() -> None:
            if text:
                words.append(Word("".join(text), Box(*box), size))
                text.clear()

        for i in range(count):
            if i % 512 == 0 and time.monotonic() > deadline:
                raise PageTooSlow
            code = pdfium_c.FPDFText_GetUnicode(textpage.raw, i)
            char = chr(code) if 0 < code < 0x110000 else ""
            if not char or char in "\ufffd\ufffe\uffff" or 0xE000 <= code <= 0xF8FF:
                bad += 1
                char = ""
            if not char or char.isspace() or pdfium_c.FPDFText_IsGenerated(textpage.raw, i) == 1:
                flush()
                continue
            pdfium_c.FPDFText_GetCharBox(textpage.raw, i, left, right, bottom, top)
            x0, x1 = left.value, right.value
            y0, y1 = height - top.value, height - bottom.value
            char_size = pdfium_c.FPDFText_GetFontSize(textpage.raw, i) or (y1 - y0)
            if text:
                gap = x0 - box[2]
                same_line = abs((y0 + y1) / 2 - (box[1] + box[3]) / 2) < max(size, 2.0) * 0.5
                if not same_line or gap > max(size, 2.0) * 0.33 or gap < -max(size, 2.0):
                    flush()
            if not text:
                box[:] = [x0, y0, x1, y1]
                size = char_size
            else:
                box[:] = [min(box[0], x0), min(box[1], y0), max(box[2], x1), max(box[3], y1)]
            text.append(char)
        flush()
        return words, count, bad
    finally:
        textpage.close()


def read_page(page: pdfium.PdfPage, number: int, seconds: float) -> PageContent:
    """The page's words and subpaths; PageTooSlow after `seconds`, PageTooLarge past the
    limits above."""
    deadline = time.monotonic() + seconds
    width, height = page.get_width(), page.get_height()
    words, chars, bad = _words(page, height, deadline)
    walker = _Walker(height, deadline)
    count = pdfium_c.FPDFPage_CountObjects(page.raw)
    if count > MAX_OBJECTS:
        raise PageTooLarge(f"lebih dari {MAX_OBJECTS} objek gambar")
    walker.walk([pdfium_c.FPDFPage_GetObject(page.raw, i) for i in range(count)], _IDENTITY, 0)
    area = max(width * height, 1.0)
    return PageContent(number, width, height, tuple(words), tuple(walker.subpaths), chars, bad,
                       min(walker.image_area / area, 1.0))
