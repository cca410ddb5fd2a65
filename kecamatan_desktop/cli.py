"""Command line over the services: catalogue, images, PDFs, officers and rounds.

With no subcommand it opens the window. Exit status: 0 success, 2 bad input, 1 anything else.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from kecamatan_desktop.cli_admin import add_admin_commands, admin_command
from kecamatan_desktop.cli_checks import add_check_commands, check_command
from kecamatan_desktop.cli_import import (
    add_import_book_command,
    import_book_command,
    read_book_files,
    without_database,
)
from kecamatan_desktop.cli_records import (
    add_officer_commands,
    add_round_commands,
    monitoring_command,
    officer_command,
    round_command,
)
from kecamatan_desktop.cli_users import add_user_commands, sign_in, user_command

# only light modules here: `--help` and every command pay for what is imported at the top;
# SQLAlchemy, the services, ReportLab and Qt are imported by the commands that use them
from kecamatan_desktop.domain.errors import (
    DatabaseUnusable,
    InputError,
    ServerRefused,
    StoreError,
)
from kecamatan_desktop.paths import resolve_db_path

EXIT_OK, EXIT_FAILURE, EXIT_BAD_INPUT = 0, 1, 2
log = logging.getLogger(__name__)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # argparse's usage errors are bad input too
        self.print_usage(sys.stderr)
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: kesalahan: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="kecamatan-desktop",
                     description="Kecamatan Desktop: SOP Administrasi Pemerintahan.")
    parser.add_argument("--db", metavar="PATH|URL",
                        help="berkas basis data, atau server PostgreSQL bersama: "
                             "postgresql+psycopg://pengguna:sandi@server:5432/nama (bawaan: "
                             "KECAMATAN_DB atau folder data pengguna)")
    parser.add_argument("--user", metavar="NIP",
                        help="masuk sebagai pengguna ini (sandi dari KECAMATAN_PASSWORD atau "
                             "ditanyakan); basis data yang memakai akun menolak perubahan "
                             "tanpa masuk")
    parser.add_argument("--read-only", action="store_true",
                        help="buka basis data hanya untuk dibaca dan dicetak")
    parser.add_argument("--debug", action="store_true", help="catat rincian (DEBUG) di log")
    parser.add_argument("--self-test", action="store_true",
                        help="uji mandiri tanpa jendela di folder sementara; keluar 0 bila lulus")
    parser.add_argument("--screenshot", metavar="FILE",
                        help="simpan gambar jendela utama (tanpa layar) ke FILE.png lalu keluar")
    sub = parser.add_subparsers(dest="command", parser_class=_Parser)
    p_list = sub.add_parser("list", help="daftar SOP")
    p_list.add_argument("--json", action="store_true", help="keluaran JSON")
    p_list.add_argument("--all", action="store_true",
                        help="termasuk SOP yang diarsipkan (ditandai [arsip])")
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
    p_book.add_argument("--skip-bad", action="store_true",
                        help="SOP yang tidak dapat dicetak disebut lalu dilewati; SOP "
                             "lainnya tetap dicetak")
    p_check = sub.add_parser("check", help="periksa basis data: keutuhan berkas, kunci, rantai "
                                           "riwayat putaran; OK atau daftar masalah")
    p_check.add_argument("--rebuild", action="store_true",
                         help="bangun ulang ringkasan putaran dari riwayatnya dulu")
    p_check.add_argument("--segel", metavar="SEGEL",
                         help="bandingkan putaran --round dengan segel yang tercetak di "
                              "laporannya, mis. 3F9A-C21B-77E0")
    p_check.add_argument("--round", dest="round_id", type=int, metavar="NOMOR",
                         help="putaran yang segelnya diberikan dengan --segel")
    p_check.add_argument("--backup", metavar="FILE",
                         help="bandingkan putaran basis data dengan cadangan FILE")
    p_backup = sub.add_parser("backup", help="cadangkan basis data (bawaan: ke folder backups/ "
                                             "di sebelah basis data); basis data server: "
                                             "salinan semua baris (.kdsalinan.jsonl)")
    p_backup.add_argument("-o", "--output", metavar="FILE")
    p_restore = sub.add_parser("restore", help="pulihkan basis data dari cadangan (yang sekarang "
                                               "dicadangkan dulu); salinan .kdsalinan.jsonl "
                                               "dimuat ke basis data baru yang kosong")
    p_restore.add_argument("file", metavar="FILE")
    p_copy = sub.add_parser("copy-db", help="salin semua baris satu basis data ke basis data "
                                            "baru yang kosong (berkas atau server PostgreSQL)")
    p_copy.add_argument("--from", dest="source", required=True, metavar="PATH|URL")
    p_copy.add_argument("--to", dest="target", required=True, metavar="PATH|URL")
    p_monitor = sub.add_parser("monitoring", help="formulir monitoring semua SOP satu kantor "
                                                  "untuk satu periode (PDF atau .xlsx)")
    p_monitor.add_argument("--office", metavar="NAMA", required=True)
    p_monitor.add_argument("--from", dest="start", required=True, metavar="TTTT-BB-HH")
    p_monitor.add_argument("--to", dest="end", required=True, metavar="TTTT-BB-HH")
    p_monitor.add_argument("-o", "--output", metavar="FILE.pdf|FILE.xlsx", required=True)
    p_monitor.add_argument("--paper", choices=("f4", "a4"), default="f4")
    _add_archive_commands(sub)
    add_officer_commands(sub)
    add_round_commands(sub)
    add_check_commands(sub)
    add_import_book_command(sub)
    add_admin_commands(sub)
    add_user_commands(sub)
    return parser


def _add_archive_commands(sub) -> None:
    for name, text in (
        ("archive", "arsipkan SOP: hilang dari daftar, semua revisi dan putarannya tetap ada"),
        ("unarchive", "pulihkan SOP dari arsip"),
        ("delete", "hapus SOP yang belum pernah dijalankan (yang punya putaran: arsipkan)"),
    ):
        sub.add_parser(name, help=text).add_argument("sop_id")


def _window_choice():
    from kecamatan_desktop.app import saved_database  # Qt's settings: only for the window

    return saved_database()


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_output()
    args = build_parser().parse_args(argv)
    from kecamatan_desktop import logs  # after parsing: `--help` needs no logging set-up
    if args.self_test:
        from kecamatan_desktop.selftest import run_self_test

        return run_self_test()
    try:
        # the window also opens the database chosen in it (Berkas → Basis data…); the
        # commands keep to --db, KECAMATAN_DB and the default, as scripts expect
        db_path = resolve_db_path(args.db, saved=_window_choice if args.command is None
                                  else None)
    except InputError as exc:  # a URL of a kind we do not speak: never taken as a file name
        print(exc, file=sys.stderr)
        return EXIT_BAD_INPUT
    logs.setup_logging(db_path, debug=args.debug)
    log.info("command %s", args.command or "(window)")
    log.debug("arguments %s", {**vars(args), "db": str(db_path)})  # a URL's password: never
    if args.screenshot:
        from kecamatan_desktop.app import save_screenshot

        return save_screenshot(db_path, Path(args.screenshot), user=args.user)
    if args.command is None:
        from kecamatan_desktop.app import run_gui  # Qt is loaded only for the window

        return run_gui(db_path, read_only=args.read_only, user=args.user)
    try:
        code = _run(args)
        sys.stdout.flush()  # a closed pipe is met here, not in the interpreter's last flush
        return code
    except OSError as exc:
        if not _closed_pipe(exc):
            raise
        # `list | head`: the reader had enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILURE
    except DatabaseUnusable as exc:
        log.warning("database refused: %s", exc)
        print(f"{exc} {_ways_out(exc)}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (InputError, ServerRefused) as exc:
        log.info("refused: %s", exc)
        print(exc, file=sys.stderr)
        return EXIT_BAD_INPUT
    except StoreError as exc:
        log.warning("failed: %s", exc)
        print(exc, file=sys.stderr)
        return EXIT_FAILURE
    except Exception:
        logs.log_unexpected(f"running {args.command!r}")
        print(f"Galat tak terduga saat menjalankan '{args.command}'; rinciannya dicatat di "
              f"{logs.log_location()}.", file=sys.stderr)
        return EXIT_FAILURE


def _closed_pipe(exc: OSError) -> bool:
    """A write to a pipe whose reader is gone: EPIPE, or on Windows EINVAL with no file."""
    import errno

    return isinstance(exc, BrokenPipeError) or (
        exc.errno == errno.EINVAL and exc.filename is None and sys.platform == "win32")


def _ways_out(exc: DatabaseUnusable) -> str:
    """The ways out of a database that would not open, as command lines, in one sentence."""
    from kecamatan_desktop.services.backups import ways_out

    ways = ways_out(exc)
    where = f'--db "{exc.path}" '
    options = []
    if ways.latest_backup:
        latest = ways.latest_backup
        options.append(f"pulihkan cadangan terakhir ({latest.made_at:%d-%m-%Y %H.%M}): "
                       f'kecamatan-desktop {where}restore "{latest.path}"')
    if ways.read_only:
        options.append(f"buka hanya untuk dibaca dan dicetak: kecamatan-desktop {where}"
                       "--read-only …")
    options.append("pilih berkas lain dengan --db PATH")
    return "Jalan keluar: " + "; atau ".join(options) + "."


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

    if args.command in ("backup", "restore"):
        return _backup_or_restore(args)
    if args.command == "copy-db":
        return _copy_db(args)
    if args.command == "admin":
        return admin_command(args, resolve_db_path(args.db))
    if args.command == "import":
        # Read and validate every file before the database is touched.
        sops = catalogue.read_sop_files(Path(f) for f in args.files)
    if args.command == "import-book":
        book = read_book_files(args)  # every file read before the database is touched
        code = without_database(book, args)  # a dry run, or a refusal
        if code is not None:
            return code
    db = open_catalogue(resolve_db_path(args.db), read_only=args.read_only)
    try:
        with db.guard(), db.session() as session:
            sign_in(args, session)
            if args.command == "image":
                sop = catalogue.get_sop(args.sop_id, session=session).sop
            elif args.command == "list":
                _print_list(catalogue.list_sops(session=session, include_archived=args.all),
                            as_json=args.json)
            elif args.command in ("archive", "unarchive", "delete"):
                _archive(args, session)
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
            elif args.command == "check":
                return _check(session, args)
            elif args.command == "officer":
                return officer_command(args, session)
            elif args.command == "round":
                round_command(args, session)
            elif args.command == "monitoring":
                monitoring_command(args, session)
            elif args.command == "periksa":
                return check_command(args, session)
            elif args.command == "import-book":
                return import_book_command(book, args, session)
            elif args.command == "user":
                user_command(args, session)
    finally:
        db.close()
    if args.command == "image":
        from kecamatan_desktop.export.image import write_images  # Qt only for this command

        for path in write_images(sop, Path(args.output)):
            print(path)
    return EXIT_OK


def _backup_or_restore(args) -> int:
    """Neither opens the database for work: a backup copies even a database this version
    cannot use, and a restore is the way out of one that does not open."""
    from kecamatan_desktop.services import backups
    from kecamatan_desktop.store.database import open_database

    db_path = resolve_db_path(args.db)
    if args.command == "backup":
        print(backups.backup_to(db_path, Path(args.output) if args.output else None))
        return EXIT_OK
    if backups.is_copy(Path(args.file)):  # a dump: into a new database, of either kind
        loaded = backups.load_copy(db_path, Path(args.file))
        print(f"Dimuat dari {args.file}: {sum(loaded.rows.values())} baris dalam "
              f"{len(loaded.rows)} tabel (skema {loaded.schema}).")
        return EXIT_OK
    restored = backups.restore_over(db_path, Path(args.file))
    print(f"Dipulihkan dari {restored.source} (skema {restored.revision}).")
    for line in restored.left_behind:  # code the backup carried, not restored
        print(line)
    if restored.previous:
        print(f"Basis data sebelumnya disimpan di {restored.previous.path}")
    open_database(db_path).close()  # migrated now if the backup is of an older schema
    return EXIT_OK


def _copy_db(args) -> int:
    from kecamatan_desktop.paths import as_location
    from kecamatan_desktop.services import backups

    source, target = as_location(args.source), as_location(args.target)
    copied = backups.copy_database(source, target)
    print(f"Disalin: {sum(copied.rows.values())} baris dalam {len(copied.rows)} tabel dari "
          f"{source} ke {target}.")
    return EXIT_OK


def _pdf(args, session) -> None:
    from kecamatan_desktop.export.pdf_document import write_sop_pdf
    from kecamatan_desktop.services import printing

    printable = printing.load_printable(args.sop_id, session=session)
    print(write_sop_pdf(printable.sop, Path(args.output), profile=printable.profile,
                        paper=args.paper, cover_title=printable.cover_title))


def _book(args, session) -> None:
    from kecamatan_desktop.export.pdf_document import UnprintableSops, write_book_pdf
    from kecamatan_desktop.services import printing

    book = printing.load_book(args.office, session=session)
    skipped: list[str] = []
    try:
        path = write_book_pdf(book, Path(args.output), paper=args.paper)
    except UnprintableSops as exc:
        if not args.skip_bad:
            raise InputError(f"{exc}\nBuku tidak dicetak; perbaiki SOP itu, atau ulangi "
                             "dengan --skip-bad untuk mencetak SOP lainnya.") from None
        for bad in exc.sops:
            print(f"Dilewati: {bad}", file=sys.stderr)
        skipped = [bad.sop_id for bad in exc.sops]
        path = write_book_pdf(book, Path(args.output), paper=args.paper, skip=skipped)
    print(path)


def _check(session, args) -> int:
    from kecamatan_desktop.domain.segel import parse_segel
    from kecamatan_desktop.services import integrity, signatures, witness_check

    if (args.segel is None) != (args.round_id is None):
        raise InputError("--segel dan --round dipakai bersama: segel yang tercetak di laporan "
                         "satu putaran, dan nomor putaran itu.")
    segel = parse_segel(args.segel) if args.segel is not None else None
    if args.backup and not Path(args.backup).is_file():
        raise InputError(f"Cadangan {args.backup} tidak ada.")
    if args.rebuild:
        count = integrity.rebuild_summaries(session=session)
        print(f"Ringkasan {count} putaran dibangun ulang dari riwayatnya")
    problems = integrity.check_database(session=session)
    if segel is not None:
        problems += witness_check.segel_differences(session, args.round_id, segel)
    if args.backup:
        problems += witness_check.backup_differences(session, Path(args.backup))
    unsigned = signatures.verify(session=session).unsigned_before
    if unsigned:  # information, not a problem: written before the database had accounts
        print(f"Catatan: {unsigned} catatan tidak bertanda tangan (sebelum akun dibuat)")
    if not problems:
        print("OK")
        return EXIT_OK
    for p in problems:
        print(p.text)
    print(f"{len(problems)} masalah ditemukan")
    return EXIT_FAILURE


def _archive(args, session) -> None:
    from kecamatan_desktop.services import catalogue, editing

    if args.command == "delete":
        count = editing.delete_sop(args.sop_id, session=session)
        print(f"Dihapus: {args.sop_id} ({count} revisi)")
        return
    if args.command == "archive":
        change = catalogue.archive_sop(args.sop_id, session=session)
        print(f"Diarsipkan: {change.sop_id} ({change.revisions} revisi dan {change.rounds} "
              "putaran tetap tersimpan)")
    else:
        change = catalogue.unarchive_sop(args.sop_id, session=session)
        print(f"Dipulihkan dari arsip: {change.sop_id}")


def _print_list(summaries, *, as_json: bool) -> None:
    if as_json:
        rows = [{"id": s.id, "name": s.name, "number": s.number, "office": s.office,
                 "revision": s.revision, "steps": s.steps, "archived": s.archived}
                for s in summaries]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for s in summaries:
        mark = " [arsip]" if s.archived else ""
        print(f"{s.id:<48} {s.steps:>3} langkah  rev.{s.revision}  {s.name}{mark}")
