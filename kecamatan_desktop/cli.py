"""Command line over the services: `kecamatan-desktop [--db PATH] list|export|import|image`.

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
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
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
    finally:
        db.close()
    if args.command == "image":
        from kecamatan_desktop.export.image import write_images  # Qt only for this command

        for path in write_images(sop, Path(args.output)):
            print(path)
    return EXIT_OK


def _print_list(summaries, *, as_json: bool) -> None:
    if as_json:
        rows = [{"id": s.id, "name": s.name, "number": s.number, "office": s.office,
                 "revision": s.revision, "steps": s.steps} for s in summaries]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for s in summaries:
        print(f"{s.id:<48} {s.steps:>3} langkah  rev.{s.revision}  {s.name}")
