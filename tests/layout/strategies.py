"""Hypothesis strategies: random valid SOPs with forward and backward decisions, long texts."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from kecamatan_desktop.domain.sop import Approver, Decision, Office, Sop, Step

WORDS = ("Memeriksa", "konsep", "Renja", "dan", "menyerahkan", "kepada", "Sekretaris", "untuk",
         "diperbaiki", "Dokumen", "Pelaksanaan", "Anggaran", "Kecamatan", "laporan", "data",
         "kinerja", "Musrenbangcam", "Pertanggungjawaban", "a", "SOP", "10", "menit")


def _text(max_words: int):
    return st.lists(st.sampled_from(WORDS), min_size=0, max_size=max_words).map(" ".join)


@st.composite
def sops(draw, min_steps: int = 1, max_steps: int = 80, max_lanes: int = 10,
         max_words: int = 60, real_books: bool = False):
    """With `real_books`, as real books also draw them: some steps in several lanes, some
    later starts, some Waktu merged over the next steps (sop-ap/2)."""
    lanes = draw(st.integers(1, max_lanes))
    roles = tuple(f"Lajur {i} " + draw(_text(3)) for i in range(lanes))
    count = draw(st.integers(min_steps, max_steps))
    steps = []
    for i in range(count):
        decision = None
        if count > 1 and draw(st.integers(0, 9)) < 3:
            others = [j for j in range(1, count + 1) if j != i + 1]
            decision = Decision(yes=draw(st.sampled_from(others)),
                                no=draw(st.sampled_from(others)))
        role = draw(st.sampled_from(roles))
        other_roles: tuple[str, ...] = ()
        time_span, start = 1, False
        if real_books:
            if draw(st.integers(0, 3)) == 0:
                others = draw(st.lists(st.sampled_from(roles), max_size=len(roles) - 1))
                other_roles = tuple(r for r in dict.fromkeys(others) if r != role)
            time_span = draw(st.sampled_from([1, 1, 1, 2, 3]))
            start = i > 0 and draw(st.integers(0, 7)) == 0
        steps.append(Step(
            no=str(i + 1), activity=draw(_text(max_words)) or "Kegiatan",
            role=role, requirements=draw(_text(max_words // 2)),
            time=draw(st.sampled_from(["10 menit", "1 jam", "1 hari", "0", "",
                                       *(["Paling lambat 17 hari kerja", ""] * real_books)])),
            output=draw(_text(max_words // 2)), notes=draw(_text(max_words // 3)),
            decision=decision, other_roles=other_roles, time_span=time_span, start=start,
        ))
    return Sop(
        id="acak", office=Office("Pemerintah Kabupaten Malang", "Kecamatan Uji", ""),
        number="065/ /35.07.07/2026", name=draw(_text(12)) or "SOP Acak",
        created=date(2026, 1, 1), revised=None, effective=date(2026, 1, 2),
        approved_by=Approver("Camat Uji", "Nama", "Pembina", "19650202 198710 1 001"),
        roles=roles, steps=tuple(steps),
    )
