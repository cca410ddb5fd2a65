"""*Periksa basis data*: is the file whole, is every round's history as it was written?

Checks SQLite's own integrity and foreign keys (on a PostgreSQL server, which keeps its pages
whole itself: keys it does not vouch for, and rows naming no parent), that the append-only
triggers are in place and enabled, that the database's triggers, views, functions and rules
are exactly those the migrations made (store/guards.py), that every day off stands on the
calendar's change log (services/calendar_audit.py), every record's signature
(services/signatures.py), every round's hash chain, each round's and SOP's chain against
what this PC saw of it (services/witness_check.py), and the
invariants: each open round at a step of its revision, every decision branch of a finished
revision pointing at a step, and each round's cached summaries (its row's columns and its
`round_pass` rows) equal to what its events give.
`rebuild_summaries` recomputes all of those from the events (`check --rebuild`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

from sqlmodel import Session, select

from kecamatan_desktop.domain import rounds as machine
from kecamatan_desktop.services import changes, signatures, summaries, witness_check
from kecamatan_desktop.services.calendar_audit import unlogged_days_off
from kecamatan_desktop.services.rounds import _to_event, chain_problem
from kecamatan_desktop.store import guards, server
from kecamatan_desktop.store.database import transaction
from kecamatan_desktop.store.models import BranchRow, SopRevisionRow, SQLModel, StepRow
from kecamatan_desktop.store.round_models import RoundEventRow, RoundPassRow, RoundRow


@dataclass(frozen=True)
class Problem:
    text: str  # Indonesian, naming the round and event where there is one
    round_id: int | None = None
    seq: int | None = None


def check_database(*, session: Session,
                   progress: Callable[[int, int], bool] | None = None,
                   witness_folder: Path | None = None) -> list[Problem]:
    """Every problem found, in Indonesian; an empty list means OK. `progress(done, total)`
    is told after each round and may return False to stop early. `witness_folder`: where
    this PC's witnesses are (bawaan: the user's data folder)."""
    sqlite = session.bind.dialect.name == "sqlite"
    problems = _sqlite_checks(session) if sqlite else _server_checks(session)
    problems += _schema_problems(session, sqlite)
    problems += [Problem(line) for line in unlogged_days_off(session=session)]
    problems += [Problem(line) for line in signatures.verify(session=session).problems]
    problems += _branch_checks(session)
    problems += _round_checks(session, progress)
    problems += [Problem(d.text, round_id=d.round_id)
                 for d in witness_check.pc_differences(session, folder=witness_folder)]
    return problems


def _sqlite_checks(session: Session) -> list[Problem]:
    conn = session.connection()
    out = []
    result = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()]
    if result != ["ok"]:
        out += [Problem(f"Berkas basis data rusak: {line}") for line in result[:20]]
    for table, rowid, parent, _fk in conn.exec_driver_sql("PRAGMA foreign_key_check"):
        out.append(Problem(f"Baris {rowid} tabel {table} menunjuk ke {parent} yang tidak ada"))
    return out


def _server_checks(session: Session) -> list[Problem]:
    conn = session.connection()
    out = [Problem(f"Kunci {name} tabel {table} ditambahkan tanpa diperiksa (NOT VALID): "
                   "baris lama mungkin menunjuk ke data yang tidak ada")
           for table, name in server.unchecked_constraints(conn)]
    out += [Problem(f"Baris {row_id} tabel {table} menunjuk ke {parent} yang tidak ada")
            for table, row_id, parent in server.broken_references(conn, SQLModel.metadata)]
    return out + _guard_problems(server.missing_guards(conn))


def _guard_problems(names) -> list[Problem]:
    return [Problem(f"Pengaman {name} (riwayat hanya boleh ditambah) hilang atau dimatikan: "
                    "riwayat dapat diubah tanpa ketahuan") for name in names]


KIND_WORDS = {"trigger": "Pemicu", "function": "Fungsi", "view": "Tampilan (view)",
              "rule": "Aturan (rule)"}


def _schema_problems(session: Session, sqlite: bool) -> list[Problem]:
    """The database's own code against what the migrations made: a guard changed, missing,
    or code of no migration's (which could change data unseen, or show it changed)."""
    out = []
    for f in guards.schema_findings(session.connection()):
        word = KIND_WORDS[f.kind]
        where = f" pada tabel {f.table}" if f.table else ""
        if f.change == "changed":
            guard = " penjaga" if f.kind in ("trigger", "function") else ""
            out.append(Problem(f"{word}{guard} '{f.name}'{where} telah diubah dari yang "
                               "dibuat migrasi: riwayat dapat diubah tanpa ketahuan"))
        elif f.change == "extra":
            out.append(Problem(f"{word} tambahan '{f.name}'{where} tidak dikenal: bukan "
                               "buatan migrasi program ini, dan dapat mengubah atau "
                               "menyembunyikan data tanpa ketahuan"))
        elif sqlite and f.kind == "trigger" or not sqlite and f.kind != "trigger":
            # a server's missing trigger is told with the disabled ones (_server_checks)
            out += _guard_problems([f.name])
    return out


def _branch_checks(session: Session) -> list[Problem]:
    query = (select(BranchRow, StepRow, SopRevisionRow)
             .join(StepRow, StepRow.id == BranchRow.step_id)
             .join(SopRevisionRow, SopRevisionRow.id == StepRow.revision_id)
             .where(SopRevisionRow.is_draft.is_(False)))
    out = []
    steps = {s.id: s.revision_id for s in session.exec(select(StepRow))}
    for branch, step, rev in session.exec(query):
        target = branch.target_step_id
        if target is None or steps.get(target) != rev.id:
            out.append(Problem(
                f"SOP {rev.name} revisi {rev.revision}: langkah {step.no} cabang "
                f"{branch.answer.capitalize()} tidak menuju langkah mana pun di revisi itu"))
    return out


def rebuild_summaries(*, session: Session,
                      progress: Callable[[int, int], bool] | None = None) -> int:
    """Recompute every round's summary row and pass rows from its events, in one
    transaction (all or nothing). Returns how many rounds were rebuilt."""
    with transaction(session, immediate=True):
        changes.note(session, all_rounds=True)
        return summaries.rebuild(session, progress=progress)


def _round_checks(session: Session, progress) -> list[Problem]:
    out: list[Problem] = []
    rebuilder = summaries.Rebuilder(session)
    zones = {rid: zone for rid, _s, _r, zone, _c in summaries.round_meta(session)}
    rounds = {r.id: r for r in session.exec(select(RoundRow).order_by(RoundRow.id))}
    events = session.exec(select(RoundEventRow).order_by(RoundEventRow.round_id,
                                                         RoundEventRow.seq))
    by_round = {rid: list(rows) for rid, rows in groupby(events, key=lambda r: r.round_id)}
    stored = summaries.stored_passes(session, 0, max(rounds, default=0))
    for done, (rid, rnd) in enumerate(rounds.items(), 1):
        out += _check_round(rnd, by_round.pop(rid, []), stored.pop(rid, []), rebuilder,
                            zones[rid])
        if progress is not None and progress(done, len(rounds)) is False:
            break
    for rid, rows in by_round.items():
        out.append(Problem(f"{len(rows)} kejadian menyebut putaran {rid}, yang tidak ada",
                           round_id=rid))
    orphans = session.exec(select(RoundPassRow.round_id).distinct().where(
        RoundPassRow.round_id.not_in(list(rounds)))).all() if rounds else []
    for rid in orphans:
        out.append(Problem(f"Ringkasan langkah menyebut putaran {rid}, yang tidak ada; "
                           "jalankan periksa --rebuild", round_id=rid))
    return out


def _check_round(rnd: RoundRow, rows: list[RoundEventRow], stored: list[dict],
                 rebuilder: summaries.Rebuilder, zone_text: str) -> list[Problem]:
    name = f"Putaran {rnd.id} ({rnd.title})"
    problem = chain_problem(rows, rnd)
    if problem:
        seq = next((r.seq for i, r in enumerate(rows, 1)
                    if r.seq != i or problem.startswith(f"kejadian #{r.seq} ")), None)
        return [Problem(f"{name}: {problem}", round_id=rnd.id, seq=seq)]
    try:
        state, implied, passes = rebuilder.expected(rnd.revision_id, zone_text,
                                                    [_to_event(r) for r in rows])
    except machine.RoundError as exc:
        return [Problem(f"{name}: {exc}", round_id=rnd.id)]
    sop = rebuilder.sop(rnd.revision_id)
    out = []
    if state.current is not None and not 1 <= state.current <= len(sop.steps):
        out.append(Problem(f"{name}: berada di langkah {state.current}, yang tidak ada di "
                           f"revisinya ({len(sop.steps)} langkah)", round_id=rnd.id))
    for key, value in implied.items():
        cached = getattr(rnd, key)
        if cached != value:
            out.append(Problem(f"{name}: ringkasan {key} = {cached!r}, padahal riwayatnya "
                               f"memberi {value!r}; perbaiki dengan periksa --rebuild",
                               round_id=rnd.id))
    if len(stored) != len(passes):
        out.append(Problem(f"{name}: ringkasan langkah mencatat {len(stored)} lintasan, "
                           f"padahal riwayatnya memberi {len(passes)}; perbaiki dengan "
                           "periksa --rebuild", round_id=rnd.id))
        return out
    for have, want in zip(stored, passes, strict=True):
        wrong = sorted(k for k in summaries.PASS_COLUMNS if have[k] != want[k])
        if wrong:
            out.append(Problem(
                f"{name}: ringkasan lintasan #{want['ordinal']} (langkah {want['position']}) "
                f"berbeda dari riwayatnya pada {', '.join(wrong)}; perbaiki dengan periksa "
                "--rebuild", round_id=rnd.id))
    return out
