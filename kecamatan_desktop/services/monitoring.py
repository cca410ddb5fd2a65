"""The Permenpan monitoring and evaluation forms, pre-filled from what the rounds recorded."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlmodel import Session

from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.tanggal import format_tanggal
from kecamatan_desktop.services.catalogue import get_sop
from kecamatan_desktop.services.rounds import RoundDetail, rounds_started_between

GOOD = "Berjalan dengan baik"
NOT_GOOD = "Tidak berjalan dengan baik"
# a step no round reached cannot be judged: its assessment stays blank, and this says why
NOT_REACHED = "Tidak dilaksanakan dalam periode ini"
IN_PROGRESS = "Sedang dikerjakan; belum ada yang selesai dalam periode ini"
EVALUATION_CRITERIA = (
    "Mampu mendorong peningkatan kinerja",
    "Mudah dipahami",
    "Mudah dilaksanakan",
    "Semua orang dapat menjalankan perannya masing-masing",
    "Mampu mengatasi permasalahan yang berkaitan dengan proses",
    "Mampu menjawab kebutuhan peningkatan kinerja organisasi",
    "Sinergi satu dengan lainnya",
)


@dataclass
class MonitoringRow:
    """One procedure step's line; every field is editable before printing."""

    no: str
    procedure: str
    assessment: str
    notes: str
    action: str = ""
    initials: str = ""
    reached: bool = True  # False: no round of the period came to this step


@dataclass
class MonitoringForm:
    sop_name: str
    office: str
    period: str
    rounds: int
    rows: list[MonitoringRow] = field(default_factory=list)
    assessor: str = ""


@dataclass
class EvaluationAnswer:
    criterion: str
    answer: bool | None = None  # Ya / Tidak / not answered
    note: str = ""


@dataclass
class EvaluationForm:
    sop_name: str
    office: str
    date: date
    answers: list[EvaluationAnswer] = field(default_factory=lambda: [
        EvaluationAnswer(c) for c in EVALUATION_CRITERIA])
    assessor: str = ""


def rounds_in_period(sop_id: str | None, start: date, end: date, *,
                     session: Session) -> list[RoundDetail]:
    """Rounds (of one SOP, or all) started from `start` to `end`, both days included."""
    if end < start:
        raise InputError(f"Periode terbalik: {start.isoformat()} sesudah {end.isoformat()}")
    tz = _period_zone(sop_id, session=session)
    return rounds_started_between(datetime.combine(start, time(0), tz),
                                  datetime.combine(end + timedelta(days=1), time(0), tz),
                                  session=session, sop_id=sop_id)


def _period_zone(sop_id: str | None, *, session: Session):
    """Days of a period are the office's days: its SOP's office, or the first office."""
    from sqlmodel import select

    from kecamatan_desktop.domain.zones import zone
    from kecamatan_desktop.services.catalogue import sop_row
    from kecamatan_desktop.services.rounds import office_tz
    from kecamatan_desktop.store.models import OfficeRow

    if sop_id:
        return office_tz(session, sop_row(session, sop_id).id)
    return zone(session.exec(select(OfficeRow.time_zone).order_by(OfficeRow.position)).first())


def monitoring_form(sop_id: str, start: date, end: date, *, session: Session) -> MonitoringForm:
    """Per step of the SOP: Berjalan dengan baik when every pass kept to its standard and
    nothing was sent back; otherwise the late passes and returns are noted. A step no round
    finished is not judged at all: blank, marked as not carried out (or still in hand)."""
    sop = get_sop(sop_id, session=session).sop
    details = rounds_in_period(sop_id, start, end, session=session)
    form = MonitoringForm(sop_name=sop.name, office=sop.office.name, rounds=len(details),
                          period=f"{format_tanggal(start)} s.d. {format_tanggal(end)}")
    for position, step in enumerate(sop.steps, 1):
        received = [s for d in details for s in d.steps if s.position == position]
        passes = [s for s in received if s.handed_at is not None]
        if not passes:
            form.rows.append(MonitoringRow(
                no=step.no, procedure=step.activity, assessment="",
                notes=IN_PROGRESS if received else NOT_REACHED, reached=bool(received)))
            continue
        late = [s for s in passes if s.late]
        back = [s for s in passes if s.decision == "tidak"]
        notes = []
        if late:
            worst = max(late, key=lambda s: s.working_minutes)
            notes.append(f"{len(late)} dari {len(passes)} kali melebihi waktu baku "
                         f"({step.time}); terlama {worst.working_minutes} menit kerja")
        if back:
            notes.append(f"{len(back)} kali dikembalikan untuk diperbaiki")
        good = not late and not back
        action = "" if good else "Telusuri penyebab keterlambatan/pengembalian"
        form.rows.append(MonitoringRow(no=step.no, procedure=step.activity,
                                       assessment=GOOD if good else NOT_GOOD,
                                       notes="; ".join(notes), action=action))
    return form


def evaluation_form(sop_id: str, on: date, *, session: Session) -> EvaluationForm:
    sop = get_sop(sop_id, session=session).sop
    return EvaluationForm(sop_name=sop.name, office=sop.office.name, date=on)
