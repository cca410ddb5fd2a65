"""Who may write what: every write of every session is checked as it reaches the database
(before each flush, and each INSERT, UPDATE or DELETE statement), so no service can forget.

A database with accounts takes writes only from an officer signed in (services/identity.py)
whose account is active in that database: a Pelaksana writes rounds, an Admin everything, a
Pemantau nothing. A database with no account yet (one made before accounts, or the first
start before the first administrator) takes writes as before, so the first administrator
can be made; `check` reports the records written so as unsigned.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event, select
from sqlalchemy.orm import Session

from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.services import identity
from kecamatan_desktop.services.identity import ROLE_LABELS, Role
from kecamatan_desktop.store.account_models import AccountKeyRow, AccountRow

# what a round's write touches: its log and summaries, the days off of the years it counts
# on (loaded from the holidays package), and the signatures of its events
ROUND_TABLES = frozenset({"round", "round_lane", "round_event", "round_pass", "day_off",
                          "calendar_year", "record_signature"})
ACCOUNT_TABLES = frozenset({"account", "account_key"})
# session.info: a sign-in counting a wrong password, or an officer changing their own
# password, writes its own account only
OWN_ACCOUNT = "kd_own_account"


@contextmanager
def own_account(session, allowed: bool = True) -> Iterator[None]:
    """Writes inside touch the writer's own account only (when `allowed`): let them pass."""
    session.info[OWN_ACCOUNT] = allowed
    try:
        yield
    finally:
        session.info.pop(OWN_ACCOUNT, None)


VERIFIED = "kd_rights_verified"  # the account checked active in this session's database
_NO_ACCOUNTS = "kd_rights_no_accounts"
_WHAT = (("officer", "daftar pegawai"), ("office", "profil kantor"), ("decree", "keputusan camat"),
         ("calendar", "kalender kerja"), ("working_hours", "kalender kerja"),
         ("account", "pengguna"), ("check_dismissal", "hasil Periksa"), ("sop", "SOP"),
         ("lane", "SOP"), ("step", "SOP"), ("branch", "SOP"))


class NotAllowed(InputError):
    """A write the signed-in user (or nobody signed in) may not make; nothing is written."""


def _what(tables: set[str]) -> str:
    found = []
    for table in sorted(tables - ROUND_TABLES):
        label = next((text for prefix, text in _WHAT if table.startswith(prefix)), table)
        if label not in found:
            found.append(label)
    return ", ".join(found)


def _has_accounts(session: Session) -> bool:
    if session.info.get(_NO_ACCOUNTS):
        return False
    found = session.execute(select(AccountRow.id).limit(1)).first() is not None
    session.info[_NO_ACCOUNTS] = not found
    return found


def _verify(session: Session, signed: identity.SignedIn) -> None:
    """The signed-in account is active in this very database, with the key it signs with."""
    if session.info.get(VERIFIED) == signed.account_id:
        return
    row = session.execute(
        select(AccountRow.officer_id, AccountRow.active, AccountKeyRow.public_key,
               AccountKeyRow.valid_to)
        .join(AccountKeyRow, AccountKeyRow.account_id == AccountRow.id)
        .where(AccountRow.id == signed.account_id, AccountKeyRow.id == signed.key_id)).first()
    public = signed.signing_key.verify_key.encode().hex()
    if row is None or row.officer_id != signed.officer_id or row.public_key != public:
        raise NotAllowed(f"Akun {signed.name} tidak terdaftar di basis data ini; masuk lagi "
                         "dengan akun basis data ini. Tidak ada yang disimpan.")
    if not row.active:
        raise NotAllowed(f"Akun {signed.name} sudah dinonaktifkan. Tidak ada yang disimpan.")
    if row.valid_to is not None:
        raise NotAllowed(f"Sandi {signed.name} sudah diatur ulang: masuk lagi dengan sandi "
                         "barunya. Tidak ada yang disimpan.")
    session.info[VERIFIED] = signed.account_id


def check_write(session: Session, tables: set[str]) -> None:
    """Refuse (NotAllowed) a write to `tables` the signed-in user may not make."""
    if not tables:
        return
    if tables & ACCOUNT_TABLES:
        session.info.pop(_NO_ACCOUNTS, None)  # the first account: later writes need it
    if session.info.get(OWN_ACCOUNT) and tables <= ACCOUNT_TABLES:
        return
    if not _has_accounts(session):
        return
    signed = identity.current()
    if signed is None:
        raise NotAllowed("Basis data ini memakai akun: masuk dulu (di jendela, atau --user "
                         "NIP di baris perintah). Tidak ada yang disimpan.")
    _verify(session, signed)
    label = ROLE_LABELS[signed.role]
    if signed.role is Role.PEMANTAU:
        raise NotAllowed(f"{signed.name} masuk sebagai {label}: hanya boleh membaca dan "
                         "mencetak. Tidak ada yang disimpan.")
    if signed.role is Role.PELAKSANA and tables - ROUND_TABLES:
        raise NotAllowed(f"{signed.name} masuk sebagai {label}: hanya Admin yang boleh "
                         f"mengubah {_what(tables)}. Tidak ada yang disimpan.")


@event.listens_for(Session, "before_flush")
def _before_flush(session: Session, _context, _instances) -> None:
    tables = {obj.__table__.name for obj in (*session.new, *session.deleted)}
    tables |= {obj.__table__.name for obj in session.dirty if session.is_modified(obj)}
    check_write(session, tables)


@event.listens_for(Session, "do_orm_execute")
def _statement(state) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        table = getattr(state.statement, "table", None)
        if table is not None:
            check_write(state.session, {table.name})
