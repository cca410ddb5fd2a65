"""The `import-book` command: an office's own SOP book (PDF, scan, Excel, Word, text) read into
sop-ap/1 SOPs, shown with what could not be read (`--dry-run`), or added to the catalogue in
one transaction. cli.py builds the parser and opens the database."""

from __future__ import annotations

import json
import sys
from pathlib import Path

# only light modules here, as in cli.py: the readers and services are imported when used

EXIT_OK, EXIT_BAD_INPUT = 0, 2


def add_import_book_command(sub) -> None:
    p = sub.add_parser("import-book", help="impor buku SOP kantor (PDF, pindaian, .xlsx, .docx, "
                                           ".txt/.md) sebagai SOP baru; semua atau tidak sama "
                                           "sekali")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--office", metavar="NAME",
                   help="kantor tujuan (bawaan: kantor yang tertulis di berkas; dibuat bila "
                        "belum ada)")
    p.add_argument("--dry-run", action="store_true",
                   help="baca dan tampilkan saja (dengan masalahnya); tidak ada yang disimpan")
    p.add_argument("--json", action="store_true",
                   help="keluaran JSON: [{file, sop, problems}], satu per SOP")
    p.add_argument("--skip-bad", action="store_true",
                   help="impor yang benar saja; berkas atau SOP yang salah dilewati dan "
                        "disebutkan")


def read_book_files(args):
    """Every file read, before the database is touched."""
    from kecamatan_desktop.bookimport.batch import read_batch

    return read_batch([Path(f) for f in args.files], office=args.office)


def without_database(entries, args) -> int | None:
    """The exit code when the command ends before the database: a dry run (what an import
    would add and refuse; nothing written), or an import refused. None: go on and add."""
    code = _verdict(entries, skip_bad=args.skip_bad)
    if args.dry_run:
        _show(entries, as_json=args.json, label="Terbaca:")
    if args.dry_run or code != EXIT_OK:
        _tell_refusals(entries, args)
        return code
    return None


def import_book_command(entries, args, session) -> int:
    """Add the SOPs read (the refused ones, with --skip-bad, are listed)."""
    from kecamatan_desktop.domain.interchange import sop_from_dict
    from kecamatan_desktop.services.book_import import BookSop, add_book_sops

    good = [e for e in entries if e.document is not None]
    result = add_book_sops([BookSop(sop_from_dict(e.document, e.source), e.source, e.sha256)
                            for e in good], session=session, skip_bad=args.skip_bad)
    added = set(result.added)
    _show([e for e in entries if e.document is None or e.document["id"] in added],
          as_json=args.json, label="Ditambahkan:")
    _tell_refusals(entries, args)
    for line in result.skipped:
        print(f"Dilewati: {line}", file=sys.stderr if args.json else sys.stdout)
    if not added:
        print("Tidak ada SOP yang diimpor.", file=sys.stderr)
        return EXIT_BAD_INPUT
    return EXIT_OK


def _verdict(entries, *, skip_bad: bool) -> int:
    """2 when an SOP or file is refused without --skip-bad, or nothing could be imported."""
    refused = sum(e.document is None for e in entries)
    return EXIT_BAD_INPUT if (refused and not skip_bad) or refused == len(entries) else EXIT_OK


def _tell_refusals(entries, args) -> None:
    """One line per file or SOP refused: skipped ones with the listing (stdout, or stderr
    beside JSON), the ones that stop the import on stderr, with the way out."""
    refused = [e for e in entries if e.document is None]
    good = len(entries) - len(refused)
    skipping = args.skip_bad and good
    out = sys.stdout if skipping and not args.json else sys.stderr
    for entry in refused:
        print(f"Dilewati: {entry.refusal}" if skipping else entry.refusal, file=out)
    if refused and good and not args.skip_bad:
        what = ("Impor akan dibatalkan" if args.dry_run
                else "Impor dibatalkan, tidak ada SOP yang diimpor")
        print(f"{what} ({good} SOP lainnya dapat diimpor); perbaiki berkasnya, atau pakai "
              "--skip-bad untuk mengimpor yang benar saja.", file=sys.stderr)


def _show(entries, *, as_json: bool, label: str) -> None:
    if as_json:
        print(json.dumps([e.as_json() for e in entries], ensure_ascii=False, indent=2))
        return
    for entry in entries:
        doc = entry.document
        if doc is None:
            continue  # told with the refusals
        print(f"{label} {doc['id']}  {doc['name']}: {len(doc['steps'])} langkah, "
              f"{len(doc['roles'])} lajur, {len(entry.problems)} masalah ({entry.source})")
        for p in entry.problems:
            print(f"    {p.path}: {p.message}")
