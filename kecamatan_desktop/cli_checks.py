"""The `periksa` command: Periksa SOP over one SOP or an office's book, findings per SOP."""

from __future__ import annotations


def add_check_commands(sub) -> None:
    p = sub.add_parser("periksa", help="periksa isi SOP (dasar hukum, nomor, waktu, kegiatan, "
                                       "lajur, kualifikasi, keterkaitan, isian kosong, "
                                       "kalimat terpotong, kata ganda, nomor langkah); keluar "
                                       "1 bila ada kesalahan")
    p.add_argument("sop_id", nargs="?", help="satu SOP (bawaan: semua SOP satu kantor)")
    p.add_argument("--office", metavar="NAMA", help="kantor yang diperiksa (bawaan: yang "
                                                    "pertama)")


def check_command(args, session) -> int:
    from kecamatan_desktop.services import checking

    if args.sop_id and args.office:
        from kecamatan_desktop.domain.errors import InputError

        raise InputError("Sebut satu SOP atau --office, tidak keduanya.")
    results = ([checking.check_stored_sop(args.sop_id, session=session)] if args.sop_id
               else checking.check_office(args.office, session=session))
    errors = warnings = dismissed = 0
    for result in results:
        dismissed += len(result.dismissed)
        if not result.findings:
            continue
        print(f"== {result.sop_id}: {result.name}")
        for f in result.findings:
            print(f"  [{f.severity}] {f.rule} — {checking.place_text(f.place)}: {f.message}")
        errors += result.errors
        warnings += len(result.findings) - result.errors
        print()
    clean = sum(not r.findings for r in results)
    print(f"{len(results)} diperiksa ({clean} tanpa temuan): {errors} kesalahan, "
          f"{warnings} peringatan, {dismissed} diabaikan")
    return 1 if errors else 0
