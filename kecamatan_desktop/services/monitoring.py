"""The Permenpan monitoring and evaluation forms, pre-filled from what the rounds recorded."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from sqlmodel import Session

from kecamatan_desktop.domain.errors import Cancelled, InputError
from kecamatan_desktop.domain.round_spans import spans
from kecamatan_desktop.domain.tanggal import format_tanggal
from kecamatan_desktop.services.catalogue import get_sop

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
    segels: tuple[tuple[int, str], ...] = ()  # (round, its segel) of the period's rounds


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


@dataclass(frozen=True)
class StepFigures:
    """What the rounds of a period did at one step, from the pass summaries."""

    received: int = 0  # passes that reached the step
    passes: int = 0  # of those, handed on
    late: int = 0
    sent_back: int = 0
    worst_late: int | None = None  # working minutes of the longest late pass


@dataclass(frozen=True)
class OfficeMonitoring:
    """The monitoring forms of every SOP of an office for one period."""

    office: str
    period: str
    forms: tuple[MonitoringForm, ...]


def _bounds(start: date, end: date, tz) -> tuple[datetime, datetime]:
    if end < start:
        raise InputError(f"Periode terbalik: {start.isoformat()} sesudah {end.isoformat()}")
    return (datetime.combine(start, time(0), tz),
            datetime.combine(end + timedelta(days=1), time(0), tz))


def _period_text(start: date, end: date) -> str:
    return f"{format_tanggal(start)} s.d. {format_tanggal(end)}"


def _figures(session: Session, sop_ids: list[int], start: datetime, end: datetime
             ) -> tuple[dict[int, int], dict[tuple[int, int], StepFigures]]:
    """Rounds started in [start, end) per SOP, and per (SOP, step) what their passes did:
    two set-based queries over the round and round_pass tables."""
    from sqlalchemy import case, func
    from sqlmodel import select

    from kecamatan_desktop.store.round_models import RoundPassRow, RoundRow

    in_period = (RoundRow.sop_id.in_(sop_ids), RoundRow.started_at >= start,
                 RoundRow.started_at < end)
    counts = dict(session.execute(select(RoundRow.sop_id, func.count()).where(*in_period)
                                  .group_by(RoundRow.sop_id)).all())
    handed = RoundPassRow.handed_at.is_not(None)
    late = handed & RoundPassRow.late
    query = (select(RoundPassRow.sop_id, RoundPassRow.position, func.count(),
                    func.sum(case((handed, 1), else_=0)),
                    func.sum(case((late, 1), else_=0)),
                    func.sum(case((handed & (RoundPassRow.decision == "tidak"), 1), else_=0)),
                    # a late span's pass: the run's minutes, not the pass's own
                    func.max(case((late, func.coalesce(RoundPassRow.span_minutes,
                                                       RoundPassRow.working_minutes)))))
             .join(RoundRow, RoundRow.id == RoundPassRow.round_id).where(*in_period)
             .group_by(RoundPassRow.sop_id, RoundPassRow.position))
    figures = {(sop, position): StepFigures(*values)
               for sop, position, *values in session.execute(query)}
    return counts, figures


def _form(sop, office: str, period: str, rounds: int,
          figures: dict[int, StepFigures]) -> MonitoringForm:
    """Per step of the SOP: Berjalan dengan baik when every pass kept to its standard and
    nothing was sent back; otherwise the late passes and returns are noted. A step no round
    finished is not judged at all: blank, marked as not carried out (or still in hand)."""
    form = MonitoringForm(sop_name=sop.name, office=office, rounds=rounds, period=period)
    where = spans(sop)
    for position, step in enumerate(sop.steps, 1):
        f = figures.get(position, StepFigures())
        if not f.passes:
            form.rows.append(MonitoringRow(
                no=step.no, procedure=step.activity, assessment="",
                notes=IN_PROGRESS if f.received else NOT_REACHED, reached=bool(f.received)))
            continue
        notes = []
        span = where.get(position)
        if f.late and span is not None:  # late runs through a span of steps: its Waktu
            notes.append(f"{f.late} kali Langkah {span.label} melebihi waktu bakunya "
                         f"({span.time}); terlama {f.worst_late} menit kerja")
        elif f.late:
            notes.append(f"{f.late} dari {f.passes} kali melebihi waktu baku "
                         f"({step.time}); terlama {f.worst_late} menit kerja")
        if f.sent_back:
            notes.append(f"{f.sent_back} kali dikembalikan untuk diperbaiki")
        good = not f.late and not f.sent_back
        action = "" if good else "Telusuri penyebab keterlambatan/pengembalian"
        form.rows.append(MonitoringRow(no=step.no, procedure=step.activity,
                                       assessment=GOOD if good else NOT_GOOD,
                                       notes="; ".join(notes), action=action))
    return form


def segel_line(form: MonitoringForm) -> str:
    """The segels of the rounds the form counts, as printed under it."""
    return "Segel riwayat putaran: " + "; ".join(f"#{rid} {segel}"
                                                 for rid, segel in form.segels)


def _segels(session: Session, start: datetime, end: datetime
            ) -> dict[int, tuple[tuple[int, str], ...]]:
    """Per SOP, the segel of each round started in [start, end), remembered as seen."""
    from sqlmodel import select

    from kecamatan_desktop.services.witnesses import saw_rounds
    from kecamatan_desktop.store.round_models import RoundRow

    ids = session.exec(select(RoundRow.id, RoundRow.sop_id).where(
        RoundRow.started_at >= start, RoundRow.started_at < end).order_by(RoundRow.id)).all()
    segels = saw_rounds(session, [rid for rid, _sop in ids])
    out: dict[int, list[tuple[int, str]]] = {}
    for rid, sop_id in ids:
        if rid in segels:
            out.setdefault(sop_id, []).append((rid, segels[rid]))
    return {sop_id: tuple(pairs) for sop_id, pairs in out.items()}


def _tell(progress: Callable[[int, int], bool] | None, done: int, total: int) -> None:
    if progress is not None and progress(done, total) is False:
        raise Cancelled("Dibatalkan")


def monitoring_form(sop_id: str, start: date, end: date, *, session: Session,
                    progress: Callable[[int, int], bool] | None = None) -> MonitoringForm:
    """The monitoring form of one SOP for the rounds started in the period (both days
    included), from the pass summaries: a fixed number of queries."""
    from kecamatan_desktop.services.catalogue import sop_row
    from kecamatan_desktop.services.rounds import office_tz

    row = sop_row(session, sop_id)
    sop = get_sop(sop_id, session=session).sop
    lo, hi = _bounds(start, end, office_tz(session, row.id))
    counts, figures = _figures(session, [row.id], lo, hi)
    _tell(progress, 1, 1)
    form = _form(sop, sop.office.name, _period_text(start, end), counts.get(row.id, 0),
                 {pos: f for (_sop, pos), f in figures.items()})
    form.segels = _segels(session, lo, hi).get(row.id, ())
    return form


def office_monitoring(office: str, start: date, end: date, *, session: Session,
                      progress: Callable[[int, int], bool] | None = None
                      ) -> OfficeMonitoring:
    """The monitoring form of every SOP of the office (archived ones left out) for the
    period: two queries for all the rounds, one per SOP for its current revision."""
    from sqlmodel import select

    from kecamatan_desktop.domain.zones import zone
    from kecamatan_desktop.services.catalogue import revision_sop
    from kecamatan_desktop.store.models import OfficeRow, SopRevisionRow, SopRow

    place = session.exec(select(OfficeRow).where(OfficeRow.name == office)).first()
    if place is None:
        names = session.exec(select(OfficeRow.name).order_by(OfficeRow.position)).all()
        raise InputError(f"Kantor {office!r} tidak ada; kantor yang ada: {', '.join(names)}")
    sops = session.execute(
        select(SopRow.id, SopRevisionRow.id)
        .join(SopRevisionRow, (SopRevisionRow.sop_id == SopRow.id)
              & (SopRevisionRow.revision == SopRow.revision))
        .where(SopRow.office_id == place.id, SopRow.archived_at.is_(None))
        .order_by(SopRow.position, SopRow.id)).all()
    lo, hi = _bounds(start, end, zone(place.time_zone))
    counts, figures = _figures(session, [s for s, _r in sops], lo, hi)
    period = _period_text(start, end)
    segels = _segels(session, lo, hi)
    forms = []
    for done, (sop_id, rev_id) in enumerate(sops, 1):
        sop, _revision = revision_sop(rev_id, session=session)
        forms.append(_form(sop, place.name, period, counts.get(sop_id, 0),
                           {pos: f for (s, pos), f in figures.items() if s == sop_id}))
        forms[-1].segels = segels.get(sop_id, ())
        _tell(progress, done, len(sops))
    return OfficeMonitoring(office=place.name, period=period, forms=tuple(forms))


def evaluation_form(sop_id: str, on: date, *, session: Session) -> EvaluationForm:
    sop = get_sop(sop_id, session=session).sop
    return EvaluationForm(sop_name=sop.name, office=sop.office.name, date=on)
