"""The recovery file gives back an SOP as real books write it: a step's other lanes, a merged
Waktu, a second start, dates as written or not written, an approver without a NIP."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from kecamatan_desktop.domain.recovery_file import Recovery, RecoveryFileError, decode, encode
from tests.domain.real_book import real_book


def test_what_only_sop_ap_2_holds_comes_back_exactly():
    book = real_book()
    written = replace(book, created=None, created_text="      Oktober 2024", effective=None,
                      revised=None, approved_by=replace(book.approved_by, nip="", name=""))
    recovery = Recovery(written, book.id, 3, "C:/data/kecamatan.db",
                        datetime(2026, 12, 7, 3, 0, tzinfo=UTC))
    text = encode(recovery)
    back = decode(text)
    assert back == recovery
    assert back.sop.steps[2].roles == ("Tim", "Kasubag Evapor", "Staf")
    assert back.sop.steps[2].time_span == 3 and back.sop.steps[8].start
    assert back.sop.created_text == "      Oktober 2024" and back.sop.effective is None
    with pytest.raises(RecoveryFileError):
        decode(text.replace('"time_span": 3', '"time_span": "3"'))
    with pytest.raises(RecoveryFileError):
        decode(text.replace('"start": true', '"start": "ya"'))
