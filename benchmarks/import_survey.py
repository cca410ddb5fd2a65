"""The book importer over a folder of real PDFs (the openSOP collection's 348 BPS SOPs):
each file read in a process of its own with a time limit, so no file can hang or crash the
survey; prints how many read with no problem, with problems (kinds counted), refused (reasons
counted), crashed or out of time (both must be 0), and the time per page.

Each file goes to `bookimport.pdf_reader.read_pdf`; a file it refuses as a scan
(`NoTextLayer`) goes to `bookimport.ocr_reader.read_scan`. Where this build has no PDF
reader yet, files with a text layer are counted as not read ("no PDF reader") and only the
scans are read.

Run: `python benchmarks/import_survey.py /tmp/opensop [--timeout 600] [--jobs 1]
[--limit N] [--json results.json]`
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import time
import traceback
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

KIND_WORDS = 4  # a problem's kind: its first words, values in quotes and numbers masked
REASON_WORDS = 6


def read_one(path: Path) -> dict:
    """Read one file in this process; the result as plain data (run by the child)."""
    import pypdfium2 as pdfium

    from kecamatan_desktop.bookimport.ocr_reader import read_scan
    from kecamatan_desktop.domain.errors import InputError

    try:
        from kecamatan_desktop.bookimport.pdf_reader import NoTextLayer, read_pdf
    except ImportError:
        read_pdf, NoTextLayer = None, None
    result: dict = {"file": str(path), "reader": "pdf", "pages": _pages(pdfium, path)}
    started = time.perf_counter()
    try:
        if read_pdf is None:
            if _has_text(pdfium, path):
                result.update(status="no PDF reader", seconds=0.0)
                return result
            result["reader"] = "ocr"
            sops = read_scan(path)
        else:
            try:
                sops = read_pdf(path)
            except NoTextLayer:
                result["reader"] = "ocr"
                sops = read_scan(path)
    except InputError as exc:
        result.update(status="refused", reason=str(exc))
    else:
        problems = [p.message for sop in sops for p in sop.problems]
        result.update(status="problems" if problems else "ok", sops=len(sops),
                      problems=problems, mapped=_mapped(sops))
    result["seconds"] = time.perf_counter() - started
    return result


def _mapped(sops) -> list[dict]:
    """Each SOP as the import makes it (bookimport/reading.py `to_interchange`, what
    `import-book` and the review screen show): its format and problems, or why refused."""
    from kecamatan_desktop.bookimport.reading import SopRefused, to_interchange

    out, taken = [], set()
    for sop in sops:
        try:
            document, problems = to_interchange(sop, office=None, taken=taken)
        except SopRefused as exc:
            out.append({"refused": [r.message for r in exc.reasons]})
            continue
        taken.add(document["id"])
        out.append({"format": document["format"], "problems": [p.message for p in problems],
                    "multi_lane": sum(1 for s in document["steps"] if "roles" in s),
                    "steps": len(document["steps"])})
    return out


def _pages(pdfium, path: Path) -> int:
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError:
        return 0
    try:
        return len(pdf)
    finally:
        pdf.close()


def _has_text(pdfium, path: Path) -> bool:
    """Any character on any page (the PDF reader's own test, for builds without it); a
    file pdfium cannot open has none, and the scan reader says what is wrong with it."""
    try:
        pdf = pdfium.PdfDocument(str(path))
    except pdfium.PdfiumError:
        return False
    try:
        for page in pdf:
            text = page.get_textpage()
            count = text.count_chars()
            text.close()
            page.close()
            if count:
                return True
        return False
    finally:
        pdf.close()


def survey_file(path: Path, timeout: float) -> dict:
    """One file in a child process: its JSON line, or what went wrong with the child."""
    command = [sys.executable, str(Path(__file__).resolve()), "--one", str(path)]
    started = time.perf_counter()
    try:
        done = subprocess.run(command, capture_output=True, timeout=timeout, cwd=ROOT,
                              check=False)
    except subprocess.TimeoutExpired:
        return {"file": str(path), "status": "timeout", "seconds": timeout}
    lines = done.stdout.decode("utf-8", "replace").strip().splitlines()
    if done.returncode != 0 or not lines:
        detail = done.stderr.decode("utf-8", "replace").strip().splitlines()
        return {"file": str(path), "status": "crashed",
                "seconds": time.perf_counter() - started,
                "reason": detail[-1] if detail else f"exit {done.returncode}"}
    return json.loads(lines[-1])


def kind(message: str, words: int) -> str:
    """A message's kind: quoted values and numbers masked, then its first words."""
    message = re.sub(r"'[^']*'", "'…'", message)
    message = re.sub(r"\d+", "N", message)
    return " ".join(message.split()[:words])


def _without_name(result: dict) -> str:
    """A refusal's reason without the file's name, wherever the reader put it."""
    name = Path(result["file"]).name
    reason = result["reason"].replace(name, "").strip()
    return re.sub(r"^(Berkas\s+)?[:,]?\s*", "", reason)


def report(results: list[dict], elapsed: float) -> str:
    status = Counter(r["status"] for r in results)
    lines = [f"{len(results)} PDF dibaca dalam {elapsed:.0f} s",
             f"  tanpa masalah: {status['ok']}",
             f"  dengan masalah: {status['problems']}",
             f"  ditolak: {status['refused']}",
             f"  crash: {status['crashed']}",
             f"  melewati batas waktu: {status['timeout']}"]
    if status["no PDF reader"]:
        lines.append(f"  tidak dibaca (pdf_reader belum ada di build ini): "
                     f"{status['no PDF reader']}")
    readers = Counter(r.get("reader") for r in results if r["status"] in ("ok", "problems",
                                                                           "refused"))
    lines.append("  pembaca: " + ", ".join(f"{k} {v}" for k, v in sorted(readers.items())))
    sops = sum(r.get("sops", 0) for r in results)
    lines.append(f"  SOP ditemukan: {sops}")
    kinds = Counter()
    files_with = Counter()
    for r in results:
        found = [kind(m, KIND_WORDS) for m in r.get("problems", [])]
        kinds.update(found)
        files_with.update(set(found))
    if kinds:
        lines.append("\nMasalah (jenis: jumlah, di berapa berkas):")
        lines += [f"  {n:6d} ×  {files_with[k]:4d} berkas  {k} …"
                  for k, n in kinds.most_common()]
    reasons = Counter(kind(_without_name(r), REASON_WORDS)
                      for r in results if r["status"] == "refused")
    if reasons:
        lines.append("\nDitolak karena:")
        lines += [f"  {n:6d}  {k} …" for k, n in reasons.most_common()]
    lines += _import_report(results)
    broken = [r for r in results if r["status"] in ("crashed", "timeout")]
    if broken:
        lines.append("\nCrash atau batas waktu:")
        lines += [f"  {r['status']}: {r['file']}: {r.get('reason', '')}" for r in broken]
    for reader in ("pdf", "ocr"):
        per_page = [r["seconds"] / r["pages"] for r in results
                    if r.get("reader") == reader and r.get("pages")
                    and r["status"] in ("ok", "problems", "refused")]
        if per_page:
            lines.append(f"\nWaktu per halaman ({reader}, {len(per_page)} berkas): median "
                         f"{statistics.median(per_page):.2f} s, maks {max(per_page):.2f} s")
    return "\n".join(lines)


def _import_report(results: list[dict]) -> list[str]:
    """The SOPs as imported (sop-ap/2 mapping): ready, with problems, refused and why."""
    mapped = [m for r in results for m in r.get("mapped", [])]
    if not mapped:
        return []
    kept = [m for m in mapped if "refused" not in m]
    refused = [m for m in mapped if "refused" in m]
    formats = Counter(m["format"] for m in kept)
    lines = ["\nSebagai impor (to_interchange, yang dilihat import-book dan layar tinjauan):",
             f"  SOP dapat diimpor: {len(kept)} ("
             + ", ".join(f"{k} {v}" for k, v in sorted(formats.items())) + ")",
             f"    tanpa masalah: {sum(1 for m in kept if not m['problems'])}",
             f"    dengan masalah: {sum(1 for m in kept if m['problems'])}",
             f"    langkah di beberapa lajur: {sum(m['multi_lane'] for m in kept)} dari "
             f"{sum(m['steps'] for m in kept)} langkah",
             f"  SOP ditolak: {len(refused)}"]
    why = Counter(kind(reason, REASON_WORDS) for m in refused for reason in set(m["refused"]))
    lines += [f"  {n:6d}  {k} …" for k, n in why.most_common()]
    kinds, sops_with = Counter(), Counter()
    for m in kept:
        found = [kind(p, KIND_WORDS) for p in m["problems"]]
        kinds.update(found)
        sops_with.update(set(found))
    if kinds:
        lines.append("  Masalah SOP yang dapat diimpor (jenis: jumlah, di berapa SOP):")
        lines += [f"  {n:6d} ×  {sops_with[k]:4d} SOP  {k} …" for k, n in kinds.most_common()]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, nargs="?")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--timeout", type=float, default=600.0,
                        help="seconds for one file (default 600)")
    parser.add_argument("--jobs", type=int, default=1, help="files read at once (default 1)")
    parser.add_argument("--limit", type=int, help="read only the first N files")
    parser.add_argument("--json", type=Path, help="write every file's result here")
    args = parser.parse_args(argv)
    if args.one:
        try:
            print(json.dumps(read_one(args.one), ensure_ascii=False))
        except Exception:  # a crash is what the survey counts: tell it, with the trace
            traceback.print_exc()
            return 2
        return 0
    if args.folder is None or not args.folder.is_dir():
        parser.error("give a folder of PDFs")
    files = sorted(p for p in args.folder.rglob("*") if p.suffix.lower() == ".pdf")
    files = files[:args.limit] if args.limit else files
    started = time.perf_counter()
    results: list[dict] = []
    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for done, result in enumerate(pool.map(lambda p: survey_file(p, args.timeout), files),
                                      start=1):
            results.append(result)
            print(f"[{done}/{len(files)}] {result['status']:9s} "
                  f"{result.get('seconds', 0):6.1f} s  {Path(result['file']).name}",
                  file=sys.stderr, flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=1),
                             encoding="utf-8")
    print(report(results, time.perf_counter() - started))
    return 0 if not any(r["status"] in ("crashed", "timeout") for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
