"""The "Identitas" tab: the identity sheet laid out as the official form prints it."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import QTextBrowser

from kecamatan_desktop.domain.sop import Sop
from kecamatan_desktop.services.printing import OfficeProfile, identity_sheet
from kecamatan_desktop.ui import strings

_STYLE = """
<style>
table { border-collapse: collapse; }
td { border: 1px solid #444; padding: 4px 6px; vertical-align: top; }
td.label { font-weight: bold; width: 28%; }
td.head { font-weight: bold; text-align: center; background: #eef2f7; }
td.office { font-weight: bold; text-align: center; vertical-align: middle; }
</style>
"""


def _lines(*parts: str) -> str:
    return "<br>".join(escape(p) for p in parts if p)


def _numbered(items: tuple[str, ...]) -> str:
    if not items:
        return ""
    return "<br>".join(f"{i}. {escape(item)}" for i, item in enumerate(items, 1))


def identity_html(sop: Sop, revision: int, draft: bool = False,
                  profile: OfficeProfile | None = None) -> str:
    """HTML of the identity sheet: header block, then the two-column grid of numbered lists,
    in the office's words and date style as the printed sheet (`profile`)."""
    L = strings.IDENTITY_LABELS
    sheet = identity_sheet(sop, profile)
    # the printed sheet's texts: dates as the office or the book writes them, and what a
    # book does not name (a date, the NIP) left empty as on paper
    a = sheet.approver
    approver = (
        f"{escape(a.title)}<br><br><br>"
        f"<u><b>{escape(a.name)}</b></u><br>{_lines(a.rank, a.nip)}"
    )
    header_rows = [
        *((label, escape(value)) for label, value in sheet.rows),
        (L["approved_by"], f"<div align='center'>{approver}</div>"),
        (L["name"], f"<b>{escape(sop.name)}</b>"),
    ]
    # the same letterhead as the printed sheet (PEMERINTAH … / the office as it writes itself)
    office = "<br>".join(escape(line) for line in sheet.letterhead)
    html = [_STYLE, "<table width='100%' cellspacing='0'>"]
    for i, (label, value) in enumerate(header_rows):
        html.append("<tr>")
        if i == 0:
            html.append(f"<td class='office' rowspan='{len(header_rows)}' width='40%'>"
                        f"{office}</td>")
        html.append(f"<td class='label'>{label}</td><td>{value}</td></tr>")
    html.append("</table><br>")
    html.append("<table width='100%' cellspacing='0'>")
    for left, right in (("legal_basis", "qualifications"), ("related", "equipment"),
                        ("warnings", "records")):
        html.append(f"<tr><td class='head' width='50%'>{L[left]}</td>"
                    f"<td class='head' width='50%'>{L[right]}</td></tr>")
        html.append(f"<tr><td>{_numbered(getattr(sop, left))}</td>"
                    f"<td>{_numbered(getattr(sop, right))}</td></tr>")
    html.append("</table>")
    note = strings.REVISION_NOTE_DRAFT if draft else strings.REVISION_NOTE
    html.append(f"<p align='right'><i>{note.format(revision=revision)}</i></p>")
    return "".join(html)


class IdentityView(QTextBrowser):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("identityView")
        self.setOpenLinks(False)

    def show_sop(self, sop: Sop | None, revision: int = 1, draft: bool = False,
                 profile: OfficeProfile | None = None) -> None:
        bar = self.verticalScrollBar()
        keep = bar.value()  # re-rendering while the form is typed in must not jump to the top
        self.setHtml(identity_html(sop, revision, draft, profile) if sop else "")
        bar.setValue(keep)
