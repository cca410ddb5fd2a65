"""Periksa SOP on the procedure: Waktu, lanes, and the Kegiatan's first word."""

from __future__ import annotations

import re

from kecamatan_desktop.domain.checks_base import ERROR, WARNING, Context, Finding
from kecamatan_desktop.domain.sop import Sop
from kecamatan_desktop.domain.waktu import WaktuKind, read_waktu
from kecamatan_desktop.domain.waktu_span import is_covered


def check_step_time(sop: Sop, ctx: Context) -> list[Finding]:
    """Mutu Baku Waktu, read as books write it: numbers that are no length, words with no
    length ("Setiap saat"), empty (unless a Waktu merged over several steps covers it), or
    zero."""
    findings = []
    for i, step in enumerate(sop.steps):
        place = f"steps[{i}].time"
        waktu = read_waktu(step.time)
        if waktu.kind == WaktuKind.UNREADABLE:
            findings.append(Finding("waktu", ERROR, sop.id, place,
                                    f"Waktu {step.time!r} tidak terbaca; tulis angka dan "
                                    "menit, jam atau hari (mis. '3 hari kerja'), atau kata "
                                    "tanpa angka bila tidak ada waktu baku."))
        elif waktu.kind == WaktuKind.NONE:
            findings.append(Finding("waktu", WARNING, sop.id, place,
                                    f"Waktu {' '.join(step.time.split())!r} tanpa waktu "
                                    "baku; lamanya pelaksanaan tidak dapat dinilai."))
        elif waktu.kind == WaktuKind.EMPTY and not is_covered(sop.steps, i):
            findings.append(Finding("waktu", WARNING, sop.id, place,
                                    "Waktu kosong; tanpa waktu baku "
                                    "lamanya pelaksanaan tidak dapat dinilai."))
        elif waktu.working_minutes() == 0 and waktu.kind == WaktuKind.STANDARD:
            findings.append(Finding("waktu", WARNING, sop.id, place,
                                    "Waktu 0; setiap kegiatan memakan "
                                    "waktu, tulis berapa lama."))
    return findings


def check_step_lanes(sop: Sop, ctx: Context) -> list[Finding]:
    """Pelaksana: every lane of a step (a step drawn in several lanes too) is a lane of the
    SOP."""
    lanes = set(sop.roles)
    return [Finding("pelaksana", ERROR, sop.id, f"steps[{i}].role",
                    f"Pelaksana {lane!r} bukan salah satu lajur SOP ini; tambahkan lajurnya "
                    "atau pilih lajur lain.")
            for i, step in enumerate(sop.steps) for lane in step.roles
            if lane.strip() and lane not in lanes]


def check_activity_verb(sop: Sop, ctx: Context) -> list[Finding]:
    """Kegiatan starts with a verb and does not name its actor (the actor is the lane)."""
    lanes = {lane.lower() for lane in sop.roles}
    findings = []
    for i, step in enumerate(sop.steps):
        words = re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)*", step.activity)
        if not words or ctx.lexicon.is_verb(words[0]):
            continue
        first = words[0]
        why = (f"diawali pelaksana {first!r}; pelaksana ditunjukkan oleh lajurnya"
               if first.lower() in lanes else f"diawali {first!r}, bukan kata kerja")
        findings.append(Finding("kegiatan-kata-kerja", WARNING, sop.id,
                                f"steps[{i}].activity",
                                f"Kegiatan {why}; Permenpan-RB 35/2012 "
                                "meminta kegiatan diawali kata kerja."))
    return findings


def check_unused_lanes(sop: Sop, ctx: Context) -> list[Finding]:
    """A lane (Pelaksana column) that no step uses: an empty column on the chart."""
    if not sop.steps:
        return []
    used = {lane for step in sop.steps for lane in step.roles}  # its other lanes too
    return [Finding("lajur-kosong", WARNING, sop.id, f"roles[{i}]",
                    f"Lajur {lane!r} tidak dipakai langkah mana pun; hapus lajurnya atau "
                    "tunjuk langkah yang dikerjakannya.", lane=lane)
            for i, lane in enumerate(sop.roles) if lane not in used]


def check_procedure_drawn(sop: Sop, ctx: Context) -> list[Finding]:
    """An SOP whose procedure (the flowchart) has no step yet."""
    if sop.is_drawn:
        return []
    return [Finding("prosedur-kosong", WARNING, sop.id, "steps",
                    "Prosedur belum digambar: SOP ini tanpa langkah, diagram alirnya tidak "
                    "dapat dicetak dan SOP-nya tidak dapat dijalankan.")]


def check_step_numbers(sop: Sop, ctx: Context) -> list[Finding]:
    """No: the step numbers read 1, 2, 3, … down the table; one that starts again (1, 2, 1,
    2, 3), repeats or skips a number is reported where it breaks the count."""
    findings = []
    expected = 1
    for i, step in enumerate(sop.steps):
        written = step.no.strip().rstrip(".")
        if not written.isdigit():
            expected += 1
            continue
        number = int(written)
        if number != expected:
            before = f"sesudah No {sop.steps[i - 1].no.strip()}" if i else "di baris pertama"
            why = ("nomornya mulai lagi dari awal" if number < expected
                   else f"nomor {expected} terlewat")
            findings.append(Finding("nomor-langkah", WARNING, sop.id, f"steps[{i}].no",
                                    f"No {written} {before}: {why}; langkah dinomori 1 "
                                    f"sampai {len(sop.steps)} berurutan."))
        expected = number + 1
    return findings


def _next_steps(sop: Sop, i: int) -> list[int]:
    """The steps (0-based) the procedure goes to after step `i`."""
    decision = sop.steps[i].decision
    if decision is not None:
        return [t - 1 for t in (decision.yes, decision.no)
                if t is not None and 0 < t <= len(sop.steps)]
    return [i + 1] if i + 1 < len(sop.steps) else []


def _handed_to(activity: str, lanes: tuple[str, ...]) -> list[str]:
    """The lanes a Kegiatan hands the file to: "… kepada Sekcam", "… ke Camat"."""
    text = " ".join(activity.lower().split())
    named = []
    for match in re.finditer(r"\b(?:kepada|ke)\s+", text):
        rest = text[match.end():]
        for lane in sorted(lanes, key=len, reverse=True):
            key = " ".join(lane.lower().split())
            if key and re.match(re.escape(key) + r"\b", rest):
                named.append(lane)
                break
    return named


def check_handoff(sop: Sop, ctx: Context) -> list[Finding]:
    """A Kegiatan that hands the file to a lane ("… kepada Sekcam") while the procedure's
    next step is in other lanes: the words and the arrows say different things."""
    findings = []
    for i, step in enumerate(sop.steps):
        following = _next_steps(sop, i)
        if not following:
            continue
        lanes = {lane for j in following for lane in sop.steps[j].roles}
        for lane in dict.fromkeys(_handed_to(step.activity, sop.roles)):
            if lane in lanes or lane in step.roles:
                continue
            nexts = ", ".join(f"Langkah {j + 1} ({', '.join(sop.steps[j].roles)})"
                              for j in following)
            findings.append(Finding("serah-lajur", WARNING, sop.id, f"steps[{i}].activity",
                                    f"Kegiatan menyerahkan kepada {lane}, tetapi prosedur "
                                    f"berlanjut ke {nexts}; betulkan kegiatannya atau "
                                    "lajur langkah berikutnya."))
    return findings
