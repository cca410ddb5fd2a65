"""Renders docs/impor-buku-alur.png: the flowchart page of BPS book 019 (Penyusutan, step 3
and step 8 drawn in three lanes) on the left, and on the right the flowchart sheet this
program prints of that SOP as `import-book` reads it from the PDF. Both pages are rendered
by pdfium at one scale and painted side by side with Qt. Needs the sample books in
../shared/samples/import. Run as

    python docs/make_flowchart_comparison.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(__file__).resolve().parent / "impor-buku-alur.png"
BOOK = ROOT.parent / "shared" / "samples" / "import" / "bps" / \
    "019. SOP Kearsipan - Penyusutan signed.pdf"
DPI = 80
GAP = 24
sys.path.insert(0, str(ROOT))


def page_image(path: Path, index: int):
    """Page `index` of a PDF as a QImage at DPI."""
    import pypdfium2 as pdfium
    from PySide6.QtGui import QImage

    pdf = pdfium.PdfDocument(str(path))
    try:
        rendered = pdf[index].render(scale=DPI / 72).to_pil().convert("RGB")
    finally:
        pdf.close()
    data = rendered.tobytes()
    image = QImage(data, rendered.width, rendered.height, 3 * rendered.width,
                   QImage.Format.Format_RGB888)
    return image.copy()  # own the pixels: `data` goes away


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QPointF, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPainter

    from kecamatan_desktop.bookimport.reading import read_book, to_interchange
    from kecamatan_desktop.domain.interchange import sop_from_dict
    from kecamatan_desktop.export.pdf_document import write_sop_pdf

    app = QGuiApplication.instance() or QGuiApplication([])
    doc, _ = to_interchange(read_book(BOOK)[0], office=None)
    sop = sop_from_dict(doc)
    with tempfile.TemporaryDirectory() as tmp:
        ours = write_sop_pdf(sop, Path(tmp) / "019.pdf")
        left, right = page_image(BOOK, 1), page_image(ours, 2)  # the flowchart pages
    caption = 28
    width = left.width() + GAP + right.width()
    height = caption + max(left.height(), right.height())
    sheet = QImage(width, height, QImage.Format.Format_RGB888)
    sheet.fill(QColor(128, 128, 128))
    painter = QPainter(sheet)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    font = QFont()
    font.setPixelSize(15)
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(Qt.GlobalColor.white)
    for x, image, text in ((0, left, "Buku BPS 019 (PDF asli), halaman 2"),
                           (left.width() + GAP, right,
                            "Dicetak Kecamatan Desktop setelah import-book (F4)")):
        painter.drawText(QRectF(x, 0, image.width(), caption),
                         Qt.AlignmentFlag.AlignCenter, text)
        painter.drawImage(QPointF(x, caption), image)
    painter.end()
    sheet.save(str(OUT))
    del app
    print(OUT)


if __name__ == "__main__":
    main()
