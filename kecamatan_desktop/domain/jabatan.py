"""Jabatan (positions) of a kantor kecamatan, and which one a lane heading names."""

from __future__ import annotations

CAMAT = "Camat"
SEKCAM = "Sekretaris Kecamatan"
KASUBAG_UMUM = "Kasubag Umum dan Kepegawaian"
KASUBAG_EVAPOR = "Kasubag Perencanaan dan Evaluasi Pelaporan"
KASI_PEM = "Kasi Pemerintahan"
KASI_EKBANG = "Kasi Ekonomi dan Pembangunan"
KASI_TRANTIB = "Kasi Ketenteraman dan Ketertiban Umum"
KASI_KESOS = "Kasi Kesejahteraan Sosial"
STAF = "Staf"

JABATAN = (CAMAT, SEKCAM, KASUBAG_UMUM, KASUBAG_EVAPOR, KASI_PEM, KASI_EKBANG, KASI_TRANTIB,
           KASI_KESOS, STAF)

# Lane headings as the SOP books print them; "Tim" and "Kasi terkait" are filled per round.
_ALIASES = {
    "camat": CAMAT,
    "sekcam": SEKCAM, "sekretaris": SEKCAM, "sekretaris kecamatan": SEKCAM,
    "kasubag umum": KASUBAG_UMUM, "kasubag umum dan kepegawaian": KASUBAG_UMUM,
    "kasubag evapor": KASUBAG_EVAPOR, "sub. evapor": KASUBAG_EVAPOR,
    "kasubag perencanaan": KASUBAG_EVAPOR, "kasubag perencanaan dan evaluasi pelaporan":
        KASUBAG_EVAPOR,
    "kasi pem": KASI_PEM, "kasi pemerintahan": KASI_PEM,
    "kasi ekbang": KASI_EKBANG, "kasi ekonomi dan pembangunan": KASI_EKBANG,
    "kasi trantib": KASI_TRANTIB, "kasi ketenteraman dan ketertiban umum": KASI_TRANTIB,
    "kasi kesos": KASI_KESOS, "kasi kesejahteraan sosial": KASI_KESOS,
    "staf": STAF, "staff": STAF,
}


def jabatan_for_lane(lane: str) -> str | None:
    """The jabatan a lane heading names, or None for lanes filled per round (Tim, …)."""
    return _ALIASES.get(" ".join(lane.casefold().split()))
