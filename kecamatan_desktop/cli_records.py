"""The record-keeping commands of the command line: `officer`, `round` and `monitoring`,
over the same services as the window (cli.py builds the parser and opens the database)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

# only light modules here, as in cli.py: the commands import what they use
from kecamatan_desktop.domain.errors import InputError


def _actions(command):
    """The command's own subcommands, parsed (and refused) as the command line's are."""
    return command.add_subparsers(dest="action", required=True, parser_class=type(command))


def add_officer_commands(sub) -> None:
    officer = _actions(sub.add_parser("officer", help="daftar pegawai"))
    add = officer.add_parser("add", help="tambah pegawai")
    edit = officer.add_parser("edit", help="ubah data pegawai (riwayat tetap memakai nama lama)")
    edit.add_argument("officer_id", type=int)
    for p in (add, edit):
        required = p is add
        p.add_argument("--name", required=required)
        p.add_argument("--nip", required=required, help="18 angka, spasi boleh")
        p.add_argument("--jabatan", required=required, help="mis. Camat, atau \"Plt. Camat\"")
        p.add_argument("--pangkat", default=None if p is edit else "")
        p.add_argument("--office", metavar="KANTOR")
        p.add_argument("--acting", choices=("", "Plt.", "Plh."), default=None,
                       help="Plt. atau Plh. untuk pejabat pelaksana")
        p.add_argument("--from", dest="holds_from", metavar="TTTT-BB-HH",
                       help="mulai menjabat")
        p.add_argument("--to", dest="holds_to", metavar="TTTT-BB-HH", help="akhir menjabat")
    for name, text in (("deactivate", "nonaktifkan (hilang dari pilihan, tetap di riwayat)"),
                       ("activate", "aktifkan lagi"),
                       ("delete", "hapus pegawai yang belum disebut riwayat mana pun")):
        officer.add_parser(name, help=text).add_argument("officer_id", type=int)
    listing = officer.add_parser("list", help="daftar pegawai")
    listing.add_argument("--json", action="store_true")
    load = officer.add_parser("import", help="impor daftar pegawai dari .xlsx (kolom Nama, NIP, "
                                             "Jabatan); bila ada baris salah tidak ada yang "
                                             "diimpor")
    load.add_argument("file", type=Path, metavar="FILE.xlsx")
    load.add_argument("--skip-bad", action="store_true",
                      help="impor baris yang benar saja, baris yang salah dilewati")
    load.add_argument("--office", metavar="KANTOR")


def add_round_commands(sub) -> None:
    rnd = _actions(sub.add_parser("round", help="putaran pelaksanaan SOP"))
    start = rnd.add_parser("start", help="mulai putaran")
    start.add_argument("sop_id")
    start.add_argument("--title", required=True)
    start.add_argument("--at", metavar="ISO", help="waktu mulai (bawaan: sekarang), mis. "
                                                   "2026-11-23T08:00+07:00")
    start.add_argument("--lane", action="append", default=[], metavar="LAJUR=NAMA")
    listing = rnd.add_parser("list", help="daftar putaran")
    listing.add_argument("--active", action="store_true", help="hanya yang berjalan/ditahan")
    listing.add_argument("--json", action="store_true")
    stats = rnd.add_parser("stats", help="statistik per langkah SOP: lintasan, waktu kerja "
                                         "rata-rata dan median terhadap baku, dikembalikan")
    stats.add_argument("sop_id")
    stats.add_argument("--json", action="store_true")
    show = rnd.add_parser("show", help="rincian satu putaran")
    show.add_argument("round_id", type=int)
    show.add_argument("--json", action="store_true")
    complete = rnd.add_parser("complete", help="selesaikan langkah sekarang")
    complete.add_argument("round_id", type=int)
    complete.add_argument("--step", type=int, required=True, metavar="N",
                          help="langkah yang diselesaikan (urutan ke-N); ditolak bila putaran "
                               "tidak sedang di langkah itu")
    complete.add_argument("--decision", choices=("ya", "tidak"))
    complete.add_argument("--note", default="")
    complete.add_argument("--output", default="")
    complete.add_argument("--by", metavar="NAMA", help="pegawai yang mengerjakan")
    complete.add_argument("--to", metavar="NAMA",
                          help="pegawai yang menerima berkas di langkah berikutnya (nama atau "
                               "NIP; bawaan: pegawai lajurnya di putaran ini, atau satu-satunya "
                               "pegawai aktif berjabatan lajur itu, atau pemegang terakhir "
                               "lajur itu); '-' = belum ditentukan. Langkah yang dikerjakan "
                               "di beberapa lajur: satu nama per lajur menurut urutan lajurnya, "
                               "dipisah koma (titik koma bila ada nama yang memuat koma); "
                               "nama yang dikosongkan = bawaan lajur itu")
    complete.add_argument("--at", metavar="ISO")
    undo = rnd.add_parser("undo", help="batalkan serah terima terakhir (kejadiannya tetap "
                                       "tercatat, dicoret)")
    undo.add_argument("round_id", type=int)
    undo.add_argument("--reason", required=True)
    undo.add_argument("--event", type=int, metavar="NO",
                      help="nomor kejadian serah terima yang dimaksud; ditolak bila bukan "
                           "yang terakhir")
    for name, text in (("hold", "tahan putaran"), ("resume", "lanjutkan putaran")):
        p = rnd.add_parser(name, help=text)
        p.add_argument("round_id", type=int)
        p.add_argument("--note", default="")
        p.add_argument("--at", metavar="ISO")
    cancel = rnd.add_parser("cancel", help="batalkan putaran")
    cancel.add_argument("round_id", type=int)
    cancel.add_argument("--reason", required=True)
    cancel.add_argument("--at", metavar="ISO")
    reassign = rnd.add_parser("reassign", help="alihkan langkah sekarang ke pegawai lain")
    reassign.add_argument("round_id", type=int)
    reassign.add_argument("--to", required=True, metavar="NAMA")
    reassign.add_argument("--lane", metavar="LAJUR",
                          help="lajur yang dialihkan, bila langkahnya dikerjakan di beberapa "
                               "lajur (bawaan: lajur yang sesuai jabatan pegawainya)")
    reassign.add_argument("--at", metavar="ISO")
    note = rnd.add_parser("note", help="tambah catatan")
    note.add_argument("round_id", type=int)
    note.add_argument("--text", required=True)
    note.add_argument("--at", metavar="ISO")
    correct = rnd.add_parser("correct", help="koreksi satu kejadian (aslinya tetap tercatat)")
    correct.add_argument("round_id", type=int)
    correct.add_argument("--event", type=int, required=True, metavar="NO",
                         help="nomor kejadian di log (round show)")
    correct.add_argument("--reason", required=True)
    correct.add_argument("--time", metavar="ISO", help="waktu yang benar")
    correct.add_argument("--officer", metavar="NAMA", help="pegawai yang benar")
    correct.add_argument("--receiver", metavar="NAMA",
                         help="penerima berkas yang benar (pada kejadian Langkah selesai)")
    correct.add_argument("--output", help="output yang benar")
    correct.add_argument("--note", help="catatan yang benar")
    period = rnd.add_parser("export-period",
                            help="semua putaran yang dimulai dalam satu periode (.xlsx)")
    period.add_argument("--from", dest="start", required=True, metavar="TTTT-BB-HH")
    period.add_argument("--to", dest="end", required=True, metavar="TTTT-BB-HH")
    period.add_argument("--sop", metavar="SOP_ID")
    period.add_argument("-o", "--output", metavar="FILE", required=True)
    for name, text in (("report", "laporan putaran (PDF)"), ("export", "log putaran (.xlsx)")):
        p = rnd.add_parser(name, help=text)
        p.add_argument("round_id", type=int)
        p.add_argument("-o", "--output", metavar="FILE", required=True)


def officer_command(args, session) -> int:
    """Run `officer …`; the exit code (1: an import refused for bad rows)."""
    from kecamatan_desktop.services import officers

    a = args.action
    if a == "import":
        return _import_officers(args, session)
    if a == "add":
        o = officers.add_officer(session=session, name=args.name, nip=args.nip,
                                 jabatan=args.jabatan, pangkat=args.pangkat, office=args.office,
                                 acting=args.acting or "", holds_from=day(args.holds_from),
                                 holds_to=day(args.holds_to))
        print(f"Ditambahkan: {o.name} (NIP {o.nip}), {o.title}, nomor {o.id}")
        return 0
    if a == "edit":
        seen = officers.get_officer(args.officer_id, session=session)
        o = officers.update_officer(
            seen.id, session=session, seen=seen, name=_or(args.name, seen.name),
            nip=_or(args.nip, seen.nip), jabatan=_or(args.jabatan, seen.jabatan),
            pangkat=_or(args.pangkat, seen.pangkat), office=_or(args.office, seen.office),
            acting=_or(args.acting, seen.acting),
            holds_from=day(args.holds_from) if args.holds_from else seen.holds_from,
            holds_to=day(args.holds_to) if args.holds_to else seen.holds_to)
        print(f"Diubah: {o.name} (NIP {o.nip}), {o.title}")
        return 0
    if a in ("deactivate", "activate"):
        o = officers.set_active(args.officer_id, a == "activate", session=session)
        print(f"{o.name}: {'aktif' if o.active else 'nonaktif'}")
        return 0
    if a == "delete":
        name = officers.get_officer(args.officer_id, session=session).name
        officers.delete_officer(args.officer_id, session=session)
        print(f"Dihapus: {name}")
        return 0
    people = officers.list_officers(session=session)
    if args.json:
        print(json.dumps([{"id": o.id, "name": o.name, "nip": o.nip, "jabatan": o.jabatan,
                           "acting": o.acting, "pangkat": o.pangkat, "office": o.office,
                           "active": o.active,
                           "holds_from": o.holds_from.isoformat() if o.holds_from else None,
                           "holds_to": o.holds_to.isoformat() if o.holds_to else None}
                          for o in people], ensure_ascii=False, indent=2))
        return 0
    for o in people:
        print(f"{o.id:>4} {o.nip:<22} {o.name:<32} {o.title}"
              f"{'' if o.active else ' (nonaktif)'}")
    return 0


def _import_officers(args, session) -> int:
    from kecamatan_desktop.services import officer_import

    try:
        result = officer_import.import_officers(args.file, session=session,
                                                skip_bad=args.skip_bad, office=args.office)
    except officer_import.ImportRefused as refused:
        print(refused, file=sys.stderr)
        print("Perbaiki baris itu di lembar kerja lalu impor lagi, atau pakai --skip-bad untuk "
              "mengimpor baris yang benar saja.", file=sys.stderr)
        return 1
    print(f"Diimpor: {result.added} pegawai"
          + (f"; {result.skipped} baris bermasalah dilewati" if result.skipped else ""))
    return 0


def _or(value, default):
    return default if value is None else value


def _when(text: str | None, tz):
    """An ISO 8601 time; without an offset it is read on the office's clock `tz`."""
    if text is None:
        return None
    from datetime import datetime

    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise InputError(f"waktu {text!r} bukan ISO 8601 (mis. 2026-11-23T08:00+07:00)") from None
    return value if value.tzinfo else value.replace(tzinfo=tz)


def day(text: str | None):
    from datetime import date

    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise InputError(f"tanggal {text!r} bukan TTTT-BB-HH (mis. 2026-07-01)") from None


def _lanes(pairs: list[str]) -> dict[str, str]:
    lanes = {}
    for pair in pairs:
        lane, sep, name = pair.partition("=")
        if not sep or not lane.strip() or not name.strip():
            raise InputError(f"--lane {pair!r} harus berbentuk LAJUR=NAMA, mis. \"Tim=Budi\"")
        lanes[lane.strip()] = name.strip()
    return lanes


def round_command(args, session) -> None:
    from kecamatan_desktop.services import rounds

    a = args.action
    if a == "export-period":
        from kecamatan_desktop.export.spreadsheet import write_workbook
        from kecamatan_desktop.services.workbook import rounds_workbook

        book = rounds_workbook(session=session, sop_id=args.sop, start=day(args.start),
                               end=day(args.end))
        print(write_workbook(book, Path(args.output)))
        print(f"{book.rounds} putaran")
        return
    if a == "stats":
        _stats(args, session)
        return
    if a == "list":
        from kecamatan_desktop.domain.tanggal import iso_waktu

        lines = rounds.list_rounds(session=session, active_only=args.active)
        if args.json:
            print(json.dumps([{
                "id": r.id, "sop_id": r.sop_id, "title": r.title, "status": r.status,
                "current_step": r.current_step, "lane": r.lane, "holder": r.holder,
                "since": iso_waktu(r.since, r.tz), "version": r.version,
                "working_minutes": r.working_minutes, "standard_minutes": r.standard_minutes,
                "late": r.late, "loops": r.loops} for r in lines], ensure_ascii=False,
                indent=2))
            return
        for r in lines:
            holder = r.holder or "(belum ditentukan)"
            where = f"langkah {r.step_no} ({r.lane}, {holder})" if r.current_step else r.status
            late = " TERLAMBAT" if r.late else ""
            print(f"{r.id:>6}  {r.title:<24} {r.sop_id:<40} {where}{late}")
        return
    if a == "start":
        from kecamatan_desktop.services.catalogue import sop_row

        tz = rounds.office_tz(session, sop_row(session, args.sop_id).id)
        detail = rounds.start_round(args.sop_id, session=session, title=args.title,
                                    lanes=_lanes(args.lane), at=_when(args.at, tz))
        _print_round(detail)
        return
    detail = rounds.get_round(args.round_id, session=session)
    # a write names the round as read just now; `complete` also names the step it means
    seen = {"session": session, "expected_version": detail.version}
    at = _when(getattr(args, "at", None), detail.tz)
    if a == "complete":
        if detail.current_step != args.step:
            from kecamatan_desktop.domain.rounds import STATUS_LABELS, Status

            now = (f"di langkah {detail.current_step}" if detail.current_step
                   else STATUS_LABELS[Status(detail.status)])
            raise InputError(f"Putaran {detail.id} tidak sedang di langkah {args.step} "
                             f"(sekarang {now}); tidak ada yang dicatat")
        detail = rounds.complete_step(args.round_id, decision=args.decision, note=args.note,
                                      output=args.output, done_by=args.by, at=at,
                                      **_receivers(detail, args.decision, args.to), **seen)
    elif a == "undo":
        detail = rounds.undo_handoff(args.round_id, reason=args.reason, seq=args.event,
                                     **seen)
    elif a == "hold":
        detail = rounds.hold_round(args.round_id, note=args.note, at=at, **seen)
    elif a == "resume":
        detail = rounds.resume_round(args.round_id, note=args.note, at=at, **seen)
    elif a == "cancel":
        detail = rounds.cancel_round(args.round_id, args.reason, at=at, **seen)
    elif a == "reassign":
        detail = rounds.reassign_round(args.round_id, args.to, lane=args.lane, at=at, **seen)
    elif a == "note":
        detail = rounds.add_round_note(args.round_id, args.text, at=at, **seen)
    elif a == "correct":
        detail = rounds.correct_event(
            args.round_id, args.event, reason=args.reason, occurred_at=_when(args.time,
                                                                             detail.tz),
            officer=args.officer, output=args.output, note=args.note,
            receiver=args.receiver, **seen)
    if a == "report":
        from kecamatan_desktop.export.pdf_rounds import write_round_report

        print(write_round_report(detail, Path(args.output)))
    elif a == "export":
        from kecamatan_desktop.export.spreadsheet import write_rounds_xlsx

        print(write_rounds_xlsx([detail], Path(args.output)))
    elif a == "show" and args.json:
        print(json.dumps(detail.to_json(), ensure_ascii=False, indent=2))
    else:
        _print_round(detail)


def _receivers(detail, decision: str | None, to: str | None) -> dict:
    """complete_step's receivers from `--to`: one name for a next step in one lane (commas
    and all: "Drs. SUKARLIN, M.Si."), one per lane for a step drawn in several, separated
    by ';' when given, else by ','."""
    from kecamatan_desktop.domain.rounds import next_position

    target = next_position(detail.sop, detail.current_step, decision) if (
        decision or detail.sop.steps[detail.current_step - 1].decision is None) else None
    lanes = detail.sop.steps[target - 1].roles if target else ()
    if to is None or len(lanes) < 2:
        return {"receiver": None if to == "-" else to, "no_receiver": to == "-"}
    parts = [p.strip() for p in to.split(";" if ";" in to else ",")]
    return {"receivers": [p or None for p in parts]}


def _stats(args, session) -> None:
    from kecamatan_desktop.services.history import step_stats

    view = step_stats(args.sop_id, session=session)
    if args.json:
        print(json.dumps({
            "sop_id": view.sop_id, "sop_name": view.sop_name, "revision": view.revision,
            "rounds": view.rounds, "steps": [{
                "position": s.position, "no": s.no, "activity": s.activity, "role": s.role,
                "passes": s.passes, "average_minutes": s.average_minutes,
                "median_minutes": s.median_minutes, "standard_minutes": s.standard_minutes,
                "late_passes": s.late_passes, "sent_back": s.sent_back,
                "span": s.span or None, "span_total": s.span_total}
                for s in view.steps]}, ensure_ascii=False, indent=2))
        return

    def figure(m):
        return "-" if m is None else f"{m:.0f}"

    print(f"{view.sop_name} (revisi {view.revision}): {view.rounds} putaran")
    print(f"  {'No':>3} {'Pelaksana':<16} {'lintasan':>8} {'rata2':>7} {'median':>7} "
          f"{'baku':>6} {'terlambat':>9} {'dikembalikan':>12}")
    for s in view.steps:
        if s.span_total:  # one Waktu over several steps: its line, after the steps
            print(f"  {s.no:>3} {'(satu Waktu)':<16} {s.passes:>8} "
                  f"{figure(s.average_minutes):>7} {figure(s.median_minutes):>7} "
                  f"{figure(s.standard_minutes):>6} {s.late_passes:>9} {'':>12}")
            continue
        print(f"  {s.no:>3} {s.role:<16} {s.passes:>8} {figure(s.average_minutes):>7} "
              f"{figure(s.median_minutes):>7} {figure(s.standard_minutes):>6} "
              f"{s.late_passes:>9} {s.sent_back:>12}")
    print("  (menit kerja)")


def monitoring_command(args, session) -> None:
    from kecamatan_desktop.services.monitoring import office_monitoring

    office = office_monitoring(args.office, day(args.start), day(args.end), session=session)
    out = Path(args.output)
    if out.suffix.lower() == ".xlsx":
        from kecamatan_desktop.export.spreadsheet import write_monitoring_xlsx

        print(write_monitoring_xlsx(office.forms, out))
    elif out.suffix.lower() == ".pdf":
        from kecamatan_desktop.export.pdf_rounds import write_monitoring_forms

        print(write_monitoring_forms(office.forms, out, paper=args.paper))
    else:
        raise InputError(f"Berkas {out.name}: pilih akhiran .pdf atau .xlsx")
    print(f"{len(office.forms)} SOP, {sum(f.rounds for f in office.forms)} putaran")


def _print_round(d) -> None:
    from kecamatan_desktop.domain.round_lanes import event_names
    from kecamatan_desktop.domain.round_spans import standard_text
    from kecamatan_desktop.domain.rounds import event_details
    from kecamatan_desktop.domain.tanggal import format_waktu

    print(f"Putaran {d.id}: {d.title} — {d.sop_name} (revisi {d.sop_revision}), {d.status}")
    if d.chain_problem:
        print(f"PERINGATAN: riwayat putaran ini tidak utuh: {d.chain_problem}")
    if d.current_step:
        step = d.sop.steps[d.current_step - 1]
        holder = ", ".join(f"{h.person.name if h.person else '(belum ditentukan)'} ({h.lane})"
                           for h in d.holders) if len(d.holders) > 1 else (
            d.holder or "(belum ditentukan)")
        print(f"Sekarang: langkah {step.no} ({', '.join(step.roles)}), dipegang {holder} "
              f"sejak {format_waktu(d.since, d.tz)}")
    elif d.ended_at:
        print(f"Berakhir {format_waktu(d.ended_at, d.tz)}")
    print(f"Putaran balik: {d.loops}; waktu kerja {d.total_working_minutes} menit dari baku "
          f"{d.total_standard_minutes} menit")
    for s in d.steps:
        late = " terlambat" if s.late else ""
        decision = f" [{s.decision}]" if s.decision else ""
        fixed = " (dikoreksi)" if s.corrected else ""
        print(f"  {s.no:>3} {s.role:<16} {s.officer or '-':<28} {s.working_minutes:>5} menit, "
              f"baku {standard_text(d.sop, s.position, s, str)}"
              + (f", Langkah {s.span} {s.span_minutes} menit" if s.span_end else "")
              + f"{late}{decision}{fixed}")
    print("Log:")
    for e in d.events:
        step = f" langkah {e.position}" if e.position else ""
        named = event_names(e.officer, e.changes)
        who = f" {named}" if named else ""
        fixes = (f" [dikoreksi oleh #{', #'.join(map(str, e.corrected_by))}]"
                 if e.corrected_by else "")
        gone = f" [DIBATALKAN oleh #{e.voided_by}]" if e.voided_by else ""
        details = f" — {event_details(e, d.tz)}" if e.corrects or e.note else ""
        print(f"  #{e.seq:<3} {format_waktu(e.occurred_at, d.tz)}  {e.label}{step}{who}"
              f"{details}{fixes}{gone}")
