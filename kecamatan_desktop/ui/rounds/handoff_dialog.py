"""*Selesaikan langkah*: who did the step (any of its holders) and who receives the file next
(both ways of a decision; one receiver per lane of a next step drawn in several), with
*Tambah pegawai…* right there for a receiver not yet in the directory."""

from __future__ import annotations

from datetime import tzinfo

from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.jabatan import JABATAN, STAF, jabatan_for_lane
from kecamatan_desktop.domain.nip import format_nip
from kecamatan_desktop.domain.sop import Sop
from kecamatan_desktop.domain.zones import WIB
from kecamatan_desktop.services.handoffs import HandoffOffer, Way
from kecamatan_desktop.services.receivers import NOBODY as NOBODY_REF
from kecamatan_desktop.ui import field_marks, strings
from kecamatan_desktop.ui.rounds.dialogs import WhenField, ok_cancel, with_message

NOBODY = -1  # the clerk chose "(belum ditentukan)"


class NewOfficerDialog(QDialog):
    """A person for the directory, written with the handoff (nothing is written here)."""

    def __init__(self, jabatan: str, office: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(strings.NEW_OFFICER_TITLE)
        self.office = office
        self.name = QLineEdit(objectName="newOfficerName")
        self.nip = QLineEdit(objectName="newOfficerNip",
                             placeholderText=strings.OFFICER_NIP_HINT)
        self.jabatan = QComboBox(editable=True, objectName="newOfficerJabatan")
        self.jabatan.addItems(JABATAN)
        self.jabatan.setCurrentText(jabatan)
        self.pangkat = QLineEdit(objectName="newOfficerPangkat")
        self.message = QLabel(objectName="newOfficerMessage", wordWrap=True)
        self.message.setStyleSheet("color: #b71c1c;")
        form = QFormLayout(self)
        form.addRow(QLabel(strings.NEW_OFFICER_INTRO, wordWrap=True))
        form.addRow(strings.OFFICER_NAME, self.name)
        form.addRow(strings.OFFICER_NIP, self.nip)
        form.addRow(strings.OFFICER_JABATAN, self.jabatan)
        form.addRow(strings.OFFICER_PANGKAT, self.pangkat)
        form.addRow(self.message)
        buttons = ok_cancel(strings.HANDOFF_ADD.rstrip("…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.resize(480, 240)

    def accept(self) -> None:
        if not self.name.text().strip():
            self.message.setText(strings.NEW_OFFICER_NAME_MISSING)
            return
        try:
            format_nip(self.nip.text())
        except InputError as exc:  # the shape is checked here; a clash by the service
            self.message.setText(str(exc))
            return
        super().accept()

    def values(self) -> dict:
        """officers.add_officer's fields."""
        return dict(name=self.name.text().strip(), nip=format_nip(self.nip.text()),
                    jabatan=self.jabatan.currentText().strip(),
                    pangkat=self.pangkat.text().strip(), office=self.office)


class HandoffDialog(QDialog):
    """Completing the current step: Ya/Tidak on a decision (each way with its receiver), who
    did it, who receives the file, when, output and note."""

    def __init__(self, sop: Sop, offer: HandoffOffer, parent: QWidget | None = None,
                 tz: tzinfo = WIB, previous: dict | None = None) -> None:
        super().__init__(parent)
        self.sop = sop
        self.offer = offer
        self.drafts: list[dict] = []  # officers to add with the handoff
        step = sop.steps[offer.position - 1]
        self.setWindowTitle(strings.COMPLETE_TITLE.format(no=step.no))
        layout = QVBoxLayout(self)
        heading = QLabel(strings.HANDOFF_STEP.format(no=step.no, activity=step.activity,
                                                     lane=", ".join(step.roles)), wordWrap=True)
        heading.setMaximumWidth(860)
        layout.addWidget(heading)
        self.ways_box = QWidget(objectName="handoffWays")
        grid = QGridLayout(self.ways_box)
        grid.setContentsMargins(2, 2, 2, 2)
        self.radios: dict[str | None, QRadioButton] = {}
        self.receivers: dict[str | None, QComboBox] = {}  # each way's first lane
        self.lane_receivers: dict[str | None, list[QComboBox]] = {}  # each lane, in order
        group = QButtonGroup(self)
        decision = step.decision is not None
        row = 0
        for way in offer.ways:
            text = self._way_text(way, decision)
            if decision:
                radio = QRadioButton(text, objectName=f"way_{way.decision}",
                                     toolTip=way.activity)
                group.addButton(radio)
                self.radios[way.decision] = radio
                grid.addWidget(radio, row, 0)
            else:
                grid.addWidget(QLabel(text, wordWrap=True), row, 0)
            several = len(way.offers) > 1
            combos = self.lane_receivers[way.decision] = []
            for k, lane in enumerate(way.offers):
                combo = self._receiver_combo(lane.receiver)
                combo.setObjectName(f"receiver_{way.decision}" + (f"_{k + 1}" if k else ""))
                combos.append(combo)
                grid.addWidget(QLabel(strings.HANDOFF_TO_LANE.format(lane=lane.lane)
                                      if several else strings.HANDOFF_TO), row, 1)
                grid.addWidget(combo, row, 2)
                row += 1
            if combos:
                self.receivers[way.decision] = combos[0]
            else:
                row += 1
        grid.setColumnStretch(0, 1)
        self.add_button = QPushButton(strings.HANDOFF_ADD, objectName="addOfficer")
        self.add_button.clicked.connect(self.add_officer)
        self.add_button.setVisible(bool(self.receivers))
        self.ways_message = field_marks.message_label("waysMessage")
        group.buttonClicked.connect(lambda _b: self._way_chosen())
        self.by = QComboBox(objectName="handoffBy")
        self.by.addItem(strings.CHOOSE_OFFICER, None)
        # the step's holders first: any of them may have done it
        holders = [(label, i) for label, i in offer.officers if i in offer.holders]
        holders.sort(key=lambda item: offer.holders.index(item[1]))
        for label, officer_id in holders:
            self.by.addItem(strings.HANDOFF_HOLDER.format(label=label), officer_id)
        for label, officer_id in offer.officers:
            if officer_id not in offer.holders:
                self.by.addItem(label, officer_id)
        self.by.setCurrentIndex(max(0, self.by.findData(offer.doer)))
        self.by_message = field_marks.message_label("byMessage")
        self.by.currentIndexChanged.connect(lambda _i: field_marks.clear(self.by,
                                                                         self.by_message))
        self.when = WhenField(self, tz)
        self.output = QLineEdit(step.output, objectName="handoffOutput")
        self.note = QPlainTextEdit(objectName="handoffNote")
        self.note.setFixedHeight(56)
        form = QFormLayout()
        form.addRow(strings.COMPLETE_DECISION if decision else "", with_message(
            self.ways_box, self.ways_message))
        form.addRow("", self.add_button)
        form.addRow(strings.COMPLETE_BY, with_message(self.by, self.by_message))
        form.addRow(strings.COMPLETE_AT, self.when)
        form.addRow(strings.COMPLETE_OUTPUT, self.output)
        form.addRow(strings.COMPLETE_NOTE, self.note)
        layout.addLayout(form)
        self.message = QLabel(objectName="completeMessage", wordWrap=True)
        self.message.setStyleSheet("color: #b71c1c;")
        layout.addWidget(self.message)
        buttons = ok_cancel()
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(860, 420)
        self._way_chosen()
        if previous is not None:  # asked again after a refusal: nothing chosen is lost
            self.restore(previous)

    def _way_text(self, way: Way, decision: bool) -> str:
        label = {"ya": "Ya", "tidak": "Tidak"}.get(way.decision or "", "")
        if way.position is None:
            return strings.HANDOFF_END_WAY.format(way=label) if decision else strings.HANDOFF_END
        template = (strings.HANDOFF_YES if way.decision == "ya" else strings.HANDOFF_NO
                    if way.decision == "tidak" else strings.HANDOFF_NEXT)
        return template.format(no=way.no, activity=_short(way.activity),
                               lane=", ".join(lane.lane for lane in way.offers))

    def _receiver_combo(self, receiver: int | None) -> QComboBox:
        combo = QComboBox()
        offered = receiver is not None and any(
            officer_id == receiver for _label, officer_id in self.offer.officers)
        if not offered:  # nobody found (or no longer active): the clerk must choose
            combo.addItem(strings.HANDOFF_CHOOSE, None)
        combo.addItem(strings.HANDOFF_NOBODY, NOBODY)
        for label, officer_id in self.offer.officers:
            combo.addItem(label, officer_id)
        combo.setCurrentIndex(combo.findData(receiver) if offered else 0)
        combo.currentIndexChanged.connect(lambda _i: field_marks.clear(self.ways_box,
                                                                       self.ways_message))
        return combo

    def _way_chosen(self) -> None:
        """Only the chosen way's receiver can be set; before a choice, both are shown."""
        field_marks.clear(self.ways_box, self.ways_message)
        chosen = self.decision()
        for key, combos in self.lane_receivers.items():
            for combo in combos:
                combo.setEnabled(not self.radios or chosen is None or key == chosen)

    def decision(self) -> str | None:
        return next((key for key, radio in self.radios.items() if radio.isChecked()), None)

    def chosen_way(self) -> Way | None:
        if not self.radios:
            return self.offer.ways[0]
        return next((w for w in self.offer.ways if w.decision == self.decision()), None)

    # Tambah pegawai… -------------------------------------------------------------------------
    def add_officer(self) -> dict | None:
        """A new officer for the first lane of the chosen way still without a receiver (its
        first lane when every one has one)."""
        way = self.chosen_way() or next(w for w in self.offer.ways if w.position)
        combos = self.lane_receivers.get(way.decision, [])
        k = next((i for i, c in enumerate(combos) if c.currentData() is None), 0)
        lane = (way.offers[k].lane if way.offers else ""
                ) or self.sop.steps[self.offer.position - 1].role
        draft = self.ask_new_officer(jabatan_for_lane(lane) or STAF, self.sop.office.name)
        if draft is None:
            return None
        self.drafts.append(draft)
        key = f"nip:{draft['nip']}"
        label = f"{draft['name']} — {draft['jabatan']}"
        for combo in (self.by, *self._every_receiver()):
            combo.addItem(label, key)
        if combos:
            combos[k].setCurrentIndex(combos[k].findData(key))
        self.message.setText(strings.HANDOFF_ADDED.format(name=draft["name"]))
        return draft

    def ask_new_officer(self, jabatan: str, office: str) -> dict | None:
        """The new officer's fields, or None; tests replace this."""
        dialog = NewOfficerDialog(jabatan, office, self)
        return dialog.values() if dialog.exec() else None

    # the answer --------------------------------------------------------------------------------
    def _every_receiver(self) -> list[QComboBox]:
        return [combo for combos in self.lane_receivers.values() for combo in combos]

    def accept(self) -> None:
        way = self.chosen_way()
        if way is None:
            field_marks.mark(self.ways_box, self.ways_message,
                             strings.COMPLETE_DECISION_MISSING)
            return
        combos = self.lane_receivers.get(way.decision, [])
        for lane, combo in zip(way.offers, combos, strict=True):
            if combo.currentData() is None:
                field_marks.mark(self.ways_box, self.ways_message, (
                    strings.HANDOFF_TO_LANE_MISSING.format(no=way.no, lane=lane.lane)
                    if len(combos) > 1 else strings.HANDOFF_TO_MISSING.format(no=way.no)))
                return
        if self.by.currentData() is None:
            field_marks.mark(self.by, self.by_message, strings.COMPLETE_BY_MISSING)
            return
        super().accept()

    def values(self) -> dict:
        """complete_step's arguments: officers by id, or by NIP when added here; a next
        step in several lanes gets `receivers`, one per lane ('-' for nobody)."""
        way = self.chosen_way()
        combos = self.lane_receivers.get(way.decision, []) if way is not None else []
        taken = [combo.currentData() for combo in combos]
        receiver = taken[0] if taken else None
        chosen = {self.by.currentData(), *taken}
        values = dict(decision=way.decision if way is not None else None,
                      done_by=_ref(self.by.currentData()),
                      receiver=None if receiver == NOBODY else _ref(receiver),
                      no_receiver=receiver == NOBODY,
                      # only the added officers still chosen: one refused (a NIP already in
                      # the directory, say) is dropped by choosing someone else
                      new_officers=[d for d in self.drafts if f"nip:{d['nip']}" in chosen],
                      at=self.when.value(),
                      output=self.output.text(), note=self.note.toPlainText())
        if len(taken) > 1:
            values.update(receiver=None, no_receiver=False,
                          receivers=[NOBODY_REF if t == NOBODY else _ref(t) for t in taken])
        return values

    def restore(self, values: dict) -> None:
        for draft in values.get("new_officers", ()):
            self.drafts.append(draft)
            for combo in (self.by, *self._every_receiver()):
                combo.addItem(f"{draft['name']} — {draft['jabatan']}", f"nip:{draft['nip']}")
        if values.get("decision") in self.radios:
            self.radios[values["decision"]].setChecked(True)
            self._way_chosen()
        way = self.chosen_way()
        combos = self.lane_receivers.get(way.decision, []) if way is not None else []
        wanted = ([NOBODY if r == NOBODY_REF else _data(r) for r in values["receivers"]]
                  if values.get("receivers") else
                  [NOBODY if values.get("no_receiver") else _data(values.get("receiver"))])
        for combo, data in zip(combos, wanted, strict=False):
            combo.setCurrentIndex(max(0, combo.findData(data)))
        self.by.setCurrentIndex(max(0, self.by.findData(_data(values.get("done_by")))))
        self.when.set_value(values.get("at"))
        self.output.setText(values.get("output", ""))
        self.note.setPlainText(values.get("note", ""))


def _short(text: str, most: int = 60) -> str:
    """A step's Kegiatan cut to fit a line of the dialog (its first sentence, at most
    `most` characters): the dialog must fit a 1366-pixel screen."""
    first = text.split(". ")[0].strip()
    return first if len(first) <= most else first[:most - 1].rstrip() + "…"


def _ref(data):
    """A combo's data as the service takes it: an officer id, or the NIP of one added here."""
    if isinstance(data, str) and data.startswith("nip:"):
        return data[4:]
    return data


def _data(ref):
    return f"nip:{ref}" if isinstance(ref, str) else ref
