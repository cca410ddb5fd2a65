"""The Keputusan tab of Profil kantor: the Keputusan Camat that opens the office's SOP book,
edited and saved as a new version through services/decrees.py."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QStringListModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kecamatan_desktop.domain import decree as keputusan
from kecamatan_desktop.domain.decree import Decree, DecreeInvalid, Recital
from kecamatan_desktop.domain.errors import InputError, StoreError
from kecamatan_desktop.domain.legal import LegalRule
from kecamatan_desktop.domain.tanggal import format_waktu
from kecamatan_desktop.domain.zones import zone
from kecamatan_desktop.services import decrees
from kecamatan_desktop.services.session import call
from kecamatan_desktop.ui import field_marks, strings
from kecamatan_desktop.ui import strings_decree as decree_strings
from kecamatan_desktop.ui.decree_lists import ItemListEditor, RulePicker, lettered
from kecamatan_desktop.ui.editor.identity_form import INDONESIAN

if TYPE_CHECKING:
    from kecamatan_desktop.services.session import Database

L = decree_strings.DECREE_LABELS


def _marked(field: QWidget) -> QWidget:
    """The widget outlined for a field's error: a list's view, not its buttons too."""
    return field.view if isinstance(field, ItemListEditor) else field


class DecreePage(QScrollArea):
    """Nomor, Tentang, Menimbang, Mengingat, Menetapkan (KEDUA's list from the catalogue,
    read-only), place and date, and the Camat who signs; Simpan saves a new version."""

    def __init__(self, db: Database, office: str, time_zone: str = "WIB",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decreePage")
        self.setWidgetResizable(True)
        self.db, self.office, self.zone = db, office, zone(time_zone)
        self.dirty = False
        body = QWidget()
        outer = QVBoxLayout(body)
        outer.addWidget(QLabel(decree_strings.DECREE_HINT, wordWrap=True))
        self.source = QLabel(objectName="decreeSource", wordWrap=True)
        outer.addWidget(self.source)
        form = QFormLayout()
        outer.addLayout(form)
        self.number = QLineEdit(objectName="decreeNumber")
        self.about = QPlainTextEdit(objectName="decreeAbout", tabChangesFocus=True)
        self.about.setFixedHeight(self.about.fontMetrics().lineSpacing() * 3 + 12)
        self.considering = ItemListEditor("decreeConsidering", lettered,
                                          decree_strings.DECREE_NEW_ITEM)
        self.recalling = ItemListEditor("decreeRecalling", lambda row: f"{row + 1}.",
                                        decree_strings.DECREE_NEW_RECITAL, cites_rules=True)
        add_rule = QPushButton(decree_strings.DECREE_ADD_RULE, objectName="decreeAddRule")
        add_rule.clicked.connect(self.add_rule)
        self.recalling.buttons.insertWidget(1, add_rule)
        self.decides = ItemListEditor("decreeDecides",
                                      lambda row: f"{keputusan.diktum_label(row)}:",
                                      decree_strings.DECREE_NEW_DIKTUM)
        self.catalogue = QStringListModel(self)
        kedua = QListView(objectName="decreeKedua")
        kedua.setModel(self.catalogue)
        kedua.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        kedua.setMaximumHeight(110)
        self.place = QLineEdit(objectName="decreePlace")
        self.date = QDateEdit(objectName="decreeDate", calendarPopup=True)
        self.date.setLocale(INDONESIAN)
        self.date.setDisplayFormat(strings.DATE_FORMAT)
        self.name = QLineEdit(objectName="decreeSignatoryName")
        self.nip = QLineEdit(objectName="decreeSignatoryNip")
        self.rank = QLineEdit(objectName="decreeSignatoryRank")
        self.fields: dict[str, QWidget] = {
            "number": self.number, "about": self.about, "considering": self.considering,
            "recalling": self.recalling, "decides": self.decides, "place": self.place,
            "date": self.date, "signatory.name": self.name, "signatory.nip": self.nip,
            "signatory.rank": self.rank}
        for key, widget in self.fields.items():
            form.addRow(L[key], widget)
            if key == "decides":
                form.addRow(QLabel(decree_strings.DECREE_KEDUA, wordWrap=True))
                form.addRow("", kedua)
        self.message = field_marks.message_label("decreeMessage")
        outer.addWidget(self.message)
        self.save_button = QPushButton(decree_strings.DECREE_SAVE, objectName="decreeSave")
        self.save_button.clicked.connect(self.save)
        outer.addWidget(self.save_button)
        outer.addStretch(1)
        self.setWidget(body)
        self.load()
        for edit in (self.number, self.place, self.name, self.nip, self.rank):
            edit.textEdited.connect(self._changed)
        self.about.textChanged.connect(self._changed)
        self.date.dateChanged.connect(self._changed)
        for editor in (self.considering, self.recalling, self.decides):
            editor.changed.connect(self._changed)

    # service -> widgets -----------------------------------------------------------------------
    def load(self) -> None:
        """Show the office's current decree, dropping any unsaved change."""
        self.current = call(self.db, decrees.current_decree, self.office)
        d = self.current.decree
        self.number.setText(d.number)
        self.about.setPlainText(d.about)
        self.considering.set_items([(text, None) for text in d.considering])
        self.recalling.set_items([(r.text, r.rule) for r in d.recalling])
        self.decides.set_items([(text, None) for text in d.decides])
        self.catalogue.setStringList([f"{i}. {item}" for i, item in enumerate(
            keputusan.catalogue_items(self.current.catalogue), 1)])
        self.place.setText(d.place)
        self.date.setDate(QDate(d.date))
        self.name.setText(d.signatory.name)
        self.nip.setText(d.signatory.nip)
        self.rank.setText(d.signatory.rank)
        self._show_source()
        self._clear_marks()
        self.dirty = False

    def _show_source(self) -> None:
        when = format_waktu(self.current.saved_at, self.zone, empty="")
        self.source.setText(decree_strings.DECREE_SOURCE[self.current.source].format(
            version=self.current.version, when=when))

    # widgets -> decree ------------------------------------------------------------------------
    def decree(self) -> Decree:
        """The decree as the fields now say it."""
        d = self.current.decree
        return replace(
            d, number=self.number.text().strip(), about=self.about.toPlainText().strip(),
            considering=tuple(t.strip() for t in self.considering.texts()),
            recalling=tuple(Recital(text.strip(), rule) for text, rule in self.recalling.items()),
            decides=tuple(t.strip() for t in self.decides.texts()),
            place=self.place.text().strip(), date=self.date.date().toPython(),
            signatory=replace(d.signatory, name=self.name.text().strip(),
                              nip=self.nip.text().strip(), rank=self.rank.text().strip()))

    def _changed(self, *_) -> None:
        self.dirty = True

    def add_rule(self) -> bool:
        rule = self.ask_rule()
        if rule is None:
            return False
        self.recalling.add_item(keputusan.citation_text(rule), rule.ref)
        return True

    def save(self) -> bool:
        self._clear_marks()
        try:
            self.current = call(self.db, decrees.save_decree, self.office, self.decree(),
                                expected_version=self.current.version)
        except DecreeInvalid as exc:
            first = _marked(self.fields[exc.problems[0].field])
            field_marks.mark(first, self.message, "\n".join(p.message for p in exc.problems))
            return False
        except (InputError, StoreError) as exc:  # a stale save too: its message says why
            self.message.setText(str(exc))
            self.message.show()
            return False
        self.dirty = False
        self._show_source()
        self.message.setText(decree_strings.DECREE_SAVED.format(version=self.current.version))
        self.message.setStyleSheet("")
        self.message.show()
        return True

    def _clear_marks(self) -> None:
        for widget in self.fields.values():
            field_marks.clear(_marked(widget), self.message)
        self.message.setStyleSheet(f"color: {field_marks.ERROR_COLOUR};")

    # dialogs (tests replace them) -------------------------------------------------------------
    def ask_rule(self) -> LegalRule | None:
        picker = RulePicker(decrees.rules_in_force(), decrees.legal_table().as_of, self)
        return picker.chosen() if picker.exec() == RulePicker.DialogCode.Accepted else None
