"""A PDF page as a bitmap for the review window, without Qt: rendered by pdfium to a given
width in pixels, as RGB bytes."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium

from kecamatan_desktop.domain.errors import InputError

MAX_PIXELS = 12_000_000  # a page zoomed in stays well under what a laptop can hold


@dataclass(frozen=True)
class PageBitmap:
    width: int
    height: int
    stride: int  # bytes per row
    rgb: bytes


def page_count(path: Path | str) -> int:
    """The number of pages; InputError when the file is not a PDF pdfium can open."""
    document = _open(Path(path))
    try:
        return len(document)
    finally:
        document.close()


def render_page(path: Path | str, page: int, width: int) -> PageBitmap:
    """Page `page` (1-based) `width` pixels wide (less where it would be too large)."""
    document = _open(Path(path))
    try:
        if not 1 <= page <= len(document):
            raise InputError(f"halaman {page} tidak ada (berkas ini {len(document)} halaman)")
        handle = document[page - 1]
        try:
            page_width, page_height = handle.get_size()
            scale = max(width, 16) / page_width
            if page_width * page_height * scale * scale > MAX_PIXELS:
                scale = (MAX_PIXELS / (page_width * page_height)) ** 0.5
            bitmap = handle.render(scale=scale, rev_byteorder=True)
            try:
                return PageBitmap(bitmap.width, bitmap.height, bitmap.stride,
                                  bytes(bitmap.buffer))
            finally:
                bitmap.close()
        finally:
            handle.close()
    finally:
        document.close()


def _open(path: Path) -> pdfium.PdfDocument:
    try:
        return pdfium.PdfDocument(str(path))
    except (pdfium.PdfiumError, OSError) as exc:
        raise InputError(f"berkas {path.name} tidak dapat dibuka sebagai PDF ({exc})") from exc
