"""The *Riwayat* tab: the round's log as a person reads it (domain.round_log), a corrected
value shown new with the old one struck through, a voided handoff struck through whole."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QBrush, QColor, QFont, QTextDocument
from PySide6.QtWidgets import QHeaderView, QStyle, QStyledItemDelegate, QTableView

from kecamatan_desktop.domain.round_log import LogLine, Value
from kecamatan_desktop.domain.tanggal import format_lama
from kecamatan_desktop.ui import strings
from kecamatan_desktop.ui.rounds.dashboard_model import when_text

HtmlRole = Qt.ItemDataRole.UserRole + 2
LineRole = Qt.ItemDataRole.UserRole + 3
VOIDED = QColor("#8a8a8a")
_Index = QModelIndex | QPersistentModelIndex


def _html(value: Value) -> str:
    now = escape(value.now or "")
    if not value.corrected:
        return now
    was = escape(value.was or strings.LOG_EMPTY)
    return f"<s>{was}</s> {now or escape(strings.LOG_EMPTY)}"


class LogModel(QAbstractTableModel):
    """One row per log line; each column's plain text, its HTML and its tooltip."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._lines: tuple[LogLine, ...] = ()
        self._tz = None
        self._day = 0

    def set_lines(self, lines: tuple[LogLine, ...], tz, day_minutes: int) -> None:
        self.beginResetModel()
        self._lines, self._tz, self._day = tuple(lines), tz, day_minutes
        self.endResetModel()

    def line(self, row: int) -> LogLine:
        return self._lines[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(strings.LOG_HEADERS)

    def _cells(self, line: LogLine) -> tuple[Value, ...]:
        time = Value(when_text(line.at, self._tz), when_text(line.at_was, self._tz),
                     line.at_reasons)
        refers = ", ".join(f"#{seq}" for seq in line.refers_to)
        label = f"{line.label} {refers}" if refers else line.label
        if line.voided_by is not None:
            label = strings.LOG_VOIDED.format(label=label, seq=line.voided_by)
        step = f"{line.step} → {line.next_step}" if line.next_step else line.step or "-"
        return (Value(str(line.seq)), time, Value(label), Value(step),
                line.done_by if line.done_by.now or line.done_by.corrected else Value("-"),
                line.handed_to if line.handed_to.now or line.handed_to.corrected
                else Value(line.next_step and strings.NOT_ASSIGNED or "-"),
                Value((line.decision or "").capitalize()),
                Value(format_lama(line.desk_minutes, self._day)),
                line.note, line.output, Value(line.entered_by))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        value = self._cells(line)[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return value.now or ""
        if role == HtmlRole:
            return _html(value)
        if role == LineRole:
            return line
        if role == Qt.ItemDataRole.ToolTipRole:
            if line.voided_by is not None:
                return strings.LOG_VOIDED_TIP.format(seq=line.voided_by,
                                                     reason=line.voided_reason)
            reasons = [r for r in value.reasons if r]
            if value.corrected:
                return strings.LOG_CORRECTED_TIP.format(
                    was=value.was or strings.LOG_EMPTY, reasons="; ".join(reasons) or "-")
            return value.now or None
        if role == Qt.ItemDataRole.FontRole and line.voided_by is not None:
            font = QFont()
            font.setStrikeOut(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and line.voided_by is not None:
            return QBrush(VOIDED)
        return None

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return strings.LOG_HEADERS[section]
        return None


class StrikeDelegate(QStyledItemDelegate):
    """Draws a cell's HTML (a corrected value: old struck through, then new)."""

    def paint(self, painter, option, index) -> None:
        html = index.data(HtmlRole)
        if not html or "<s>" not in html:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter,
                              option.widget)
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(html)
        document.setTextWidth(option.rect.width())
        painter.save()
        painter.translate(option.rect.left(), option.rect.top() + max(
            0, (option.rect.height() - document.size().height()) / 2))
        context = QAbstractTextDocumentLayout.PaintContext()
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:
        html = index.data(HtmlRole)
        if not html or "<s>" not in html:
            return super().sizeHint(option, index)
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setHtml(html)
        return QSize(int(document.idealWidth()) + 8, int(document.size().height()))


def log_table(model: LogModel) -> QTableView:
    view = QTableView(objectName="roundLog")
    view.setModel(model)
    view.setItemDelegate(StrikeDelegate(view))
    view.verticalHeader().setVisible(False)
    view.setWordWrap(True)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return view
