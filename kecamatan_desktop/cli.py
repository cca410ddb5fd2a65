"""Command line over the services: catalogue, images, PDFs, officers and rounds.

With no subcommand it opens the window. Exit status: 0 success, 2 bad input, 1 anything else.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.store.database import Database, StoreError, resolve_db_path

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's usage errors are bad input too
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: kesalahan: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="kecamatan-desktop",
                     description="Kecamatan Desktop: SOP Administrasi Pemerintahan.")
    parser.add_argument("--db", metavar="PATH",
                        help="berkas basis data (bawaan: KECAMATAN_DB atau folder data pengguna)")
    parser.add_argument("--self-test", action="store_true",
                        help="uji mandiri tanpa jendela di folder sementara; keluar 0 bila lulus")
    parser.add_argument("--screenshot", metavar="FILE",
                        help="simpan gambar jendela utama (tanpa layar) ke FILE.png lalu keluar")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    p_list = sub.add_parser("list", help="daftar SOP")
    p_list.add_argument("--json", action="store_true", help="keluaran JSON")
    p_export = sub.add_parser("export", help="ekspor satu SOP sebagai berkas sop-ap/1")
    p_export.add_argument("sop_id")
    p_export.add_argument("-o", "--output", metavar="FILE", help="berkas tujuan (bawaan: stdout)")
    p_import = sub.add_parser("import", help="impor berkas sop-ap/1 (semua atau tidak sama sekali)")
    p_import.add_argument("files", nargs="+", metavar="FILE")
    p_import.add_argument("--replace", action="store_true",
                          help="id yang sudah ada disimpan sebagai revisi baru")
    p_image = sub.add_parser("image", help="simpan diagram alir satu SOP sebagai gambar PNG/SVG")
    p_image.add_argument("sop_id")
    p_image.add_argument("-o", "--output", metavar="FILE", required=True,
                         help="FILE.png (300 dpi) atau FILE.svg; banyak halaman: FILE-1, FILE-2, …")
    p_pdf = sub.add_parser("pdf", help="cetak satu SOP ke PDF (sampul, identitas, diagram alir)")
    p_pdf.add_argument("sop_id")
    p_pdf.add_argument("-o", "--output", metavar="FILE", required=True)
    p_pdf.add_argument("--paper", choices=("f4", "a4"), default="f4")
    p_book = sub.add_parser("book", help="cetak buku SOP satu kantor ke PDF")
    p_book.add_argument("-o", "--output", metavar="FILE", required=True)
    p_book.add_argument("--office", metavar="NAME", help="bawaan: kantor pertama")
    p_book.add_argument("--paper", choices=("f4", "a4"), default="f4")
    _add_officer_commands(sub)
    _add_round_commands(sub)
    return parser


def _add_officer_commands(sub) -> None:
    officer = sub.add_parser("officer", help="daftar pegawai").add_subparsers(
        dest="action", required=True, parser_class=_Parser)
    add = officer.add_parser("add", help="tambah pegawai")
    add.add_argument("--name", required=True)
    add.add_argument("--nip", required=True, help="18 angka, spasi boleh")
    add.add_argument("--jabatan", required=True)
    add.add_argument("--pangkat", default="")
    add.add_argument("--office", metavar="KANTOR")
    listing = officer.add_parser("list", help="daftar pegawai")
    listing.add_argument("--json", action="store_true")


def _add_round_commands(sub) -> None:
    rnd = sub.add_parser("round", help="putaran pelaksanaan SOP").add_subparsers(
        dest="action", required=True, parser_class=_Parser)
    start = rnd.add_parser("start", help="mulai putaran")
    start.add_argument("sop_id")
    start.add_argument("--title", required=True)
    start.add_argument("--at", metavar="ISO", help="waktu mulai (bawaan: sekarang), mis. "
                                                   "2026-11-23T08:00+07:00")
    start.add_argument("--lane", action="append", default=[], metavar="LAJUR=NAMA")
    listing = rnd.add_parser("list", help="daftar putaran")
    listing.add_argument("--active", action="store_true", help="hanya yang berjalan/ditahan")
    listing.add_argument("--json", action="store_true")
    show = rnd.add_parser("show", help="rincian satu putaran")
    show.add_argument("round_id", type=int)
    show.add_argument("--json", action="store_true")
    complete = rnd.add_parser("complete", help="selesaikan langkah sekarang")
    complete.add_argument("round_id", type=int)
    complete.add_argument("--decision", choices=("ya", "tidak"))
    complete.add_argument("--note", default="")
    complete.add_argument("--output", default="")
    complete.add_argument("--by", metavar="NAMA", help="pegawai yang mengerjakan")
    complete.add_argument("--at", metavar="ISO")
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
    reassign.add_argument("--at", metavar="ISO")
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


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_output()
    args = build_parser().parse_args(argv)
    if args.self_test:
        from kecamatan_desktop.selftest import run_self_test

        return run_self_test()
    if args.screenshot:
        from kecamatan_desktop.app import save_screenshot

        return save_screenshot(resolve_db_path(args.db), Path(args.screenshot))
    if args.command is None:
        from kecamatan_desktop.app import run_gui  # Qt is loaded only for the window

        return run_gui(resolve_db_path(args.db))
    try:
        return _run(args)
    except InputError as exc:
        print(exc, file=sys.stderr)
        return EXIT_BAD_INPUT
    except StoreError as exc:
        print(exc, file=sys.stderr)
        return EXIT_FAILURE


def _utf8_output() -> None:
    """Write UTF-8 whatever the console code page: Windows gives a pipe cp1252, and Ngantang's
    em dashes and 'Tidak →' would come out wrong or fail. (The windowed exe has no streams.)"""
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None) or ""
        if hasattr(stream, "reconfigure") and encoding.replace("-", "").lower() != "utf8":
            stream.reconfigure(encoding="utf-8")


def _run(args: argparse.Namespace) -> int:
    from kecamatan_desktop.services import catalogue
    from kecamatan_desktop.services.session import open_catalogue

    if args.command == "import":
        # Read and validate every file before the database is touched.
        sops = catalogue.read_sop_files(Path(f) for f in args.files)
    db: Database = open_catalogue(resolve_db_path(args.db))
    try:
        with db.guard(), db.session() as session:
            if args.command == "image":
                sop = catalogue.get_sop(args.sop_id, session=session).sop
            elif args.command == "list":
                _print_list(catalogue.list_sops(session=session), as_json=args.json)
            elif args.command == "export":
                text = catalogue.export_sop(args.sop_id, session=session)
                if args.output:
                    Path(args.output).write_text(text, encoding="utf-8")
                else:
                    sys.stdout.write(text)
            elif args.command == "import":
                result = catalogue.import_sops(sops, session=session, replace=args.replace)
                for sop_id in result.added:
                    print(f"Ditambahkan: {sop_id}")
                for sop_id in result.revised:
                    print(f"Revisi baru: {sop_id}")
            elif args.command == "pdf":
                _pdf(args, session)
            elif args.command == "book":
                _book(args, session)
            elif args.command == "officer":
                _officer(args, session)
            elif args.command == "round":
                _round(args, session)
    finally:
        db.close()
    if args.command == "image":
        from kecamatan_desktop.export.image import write_images  # Qt only for this command

        for path in write_images(sop, Path(args.output)):
            print(path)
    return EXIT_OK


def _pdf(args, session) -> None:
    from kecamatan_desktop.export.pdf_document import write_sop_pdf
    from kecamatan_desktop.services import catalogue, printing

    sop = catalogue.get_sop(args.sop_id, session=session).sop
    profile = printing.office_profile(sop.office.name, session=session)
    print(write_sop_pdf(sop, Path(args.output), profile=profile, paper=args.paper))


def _book(args, session) -> None:
    from kecamatan_desktop.export.pdf_document import write_book_pdf
    from kecamatan_desktop.services import printing

    book = printing.load_book(args.office, session=session)
    print(write_book_pdf(book, Path(args.output), paper=args.paper))


def _officer(args, session) -> None:
    from kecamatan_desktop.services import officers

    if args.action == "add":
        o = officers.add_officer(session=session, name=args.name, nip=args.nip,
                                 jabatan=args.jabatan, pangkat=args.pangkat, office=args.office)
        print(f"Ditambahkan: {o.name} (NIP {o.nip}), {o.jabatan}")
        return
    people = officers.list_officers(session=session)
    if args.json:
        print(json.dumps([{"id": o.id, "name": o.name, "nip": o.nip, "jabatan": o.jabatan,
                           "pangkat": o.pangkat, "office": o.office, "active": o.active}
                          for o in people], ensure_ascii=False, indent=2))
        return
    for o in people:
        print(f"{o.nip:<22} {o.name:<32} {o.jabatan}{'' if o.active else ' (nonaktif)'}")


def _when(text: str | None):
    """An ISO 8601 time; without an offset it is read as WIB, the office's time."""
    if text is None:
        return None
    from datetime import datetime

    from kecamatan_desktop.domain.calendar import WIB

    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise InputError(f"waktu {text!r} bukan ISO 8601 (mis. 2026-11-23T08:00+07:00)") from None
    return value if value.tzinfo else value.replace(tzinfo=WIB)


def _day(text: str):
    from datetime import date

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


def _round(args, session) -> None:
    from kecamatan_desktop.services import rounds

    a = args.action
    if a == "export-period":
        from kecamatan_desktop.export.spreadsheet import write_rounds_xlsx
        from kecamatan_desktop.services import monitoring

        details = monitoring.rounds_in_period(args.sop, _day(args.start), _day(args.end),
                                              session=session)
        print(write_rounds_xlsx(details, Path(args.output)))
        print(f"{len(details)} putaran")
        return
    if a == "list":
        lines = rounds.list_rounds(session=session, active_only=args.active)
        if args.json:
            print(json.dumps([{
                "id": r.id, "sop_id": r.sop_id, "title": r.title, "status": r.status,
                "current_step": r.current_step, "lane": r.lane, "holder": r.holder,
                "since": r.since.isoformat(timespec="minutes") if r.since else None,
                "working_minutes": r.working_minutes, "standard_minutes": r.standard_minutes,
                "late": r.late, "loops": r.loops} for r in lines], ensure_ascii=False,
                indent=2))
            return
        for r in lines:
            where = f"langkah {r.step_no} ({r.lane}, {r.holder or '-'})" if r.current_step \
                else r.status
            late = " TERLAMBAT" if r.late else ""
            print(f"{r.id:>6}  {r.title:<24} {r.sop_id:<40} {where}{late}")
        return
    if a == "start":
        detail = rounds.start_round(args.sop_id, session=session, title=args.title,
                                    lanes=_lanes(args.lane), at=_when(args.at))
    elif a == "complete":
        detail = rounds.complete_step(args.round_id, session=session, decision=args.decision,
                                      note=args.note, output=args.output, done_by=args.by,
                                      at=_when(args.at))
    elif a == "hold":
        detail = rounds.hold_round(args.round_id, session=session, note=args.note,
                                   at=_when(args.at))
    elif a == "resume":
        detail = rounds.resume_round(args.round_id, session=session, note=args.note,
                                     at=_when(args.at))
    elif a == "cancel":
        detail = rounds.cancel_round(args.round_id, args.reason, session=session,
                                     at=_when(args.at))
    elif a == "reassign":
        detail = rounds.reassign_round(args.round_id, args.to, session=session,
                                       at=_when(args.at))
    else:
        detail = rounds.get_round(args.round_id, session=session)
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


def _print_round(d) -> None:
    print(f"Putaran {d.id}: {d.title} — {d.sop_name} (revisi {d.sop_revision}), {d.status}")
    if d.current_step:
        step = d.sop.steps[d.current_step - 1]
        print(f"Sekarang: langkah {step.no} ({step.role}), dipegang {d.holder or '-'}")
    print(f"Putaran balik: {d.loops}; waktu kerja {d.total_working_minutes} menit dari baku "
          f"{d.total_standard_minutes} menit")
    for s in d.steps:
        late = " terlambat" if s.late else ""
        decision = f" [{s.decision}]" if s.decision else ""
        print(f"  {s.no:>3} {s.role:<16} {s.officer or '-':<28} {s.working_minutes:>5}/"
              f"{s.standard_minutes if s.standard_minutes is not None else '-'} menit"
              f"{late}{decision}")


def _print_list(summaries, *, as_json: bool) -> None:
    if as_json:
        rows = [{"id": s.id, "name": s.name, "number": s.number, "office": s.office,
                 "revision": s.revision, "steps": s.steps} for s in summaries]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for s in summaries:
        print(f"{s.id:<48} {s.steps:>3} langkah  rev.{s.revision}  {s.name}")
