"""Accounts: who may sign in to record, with which role; signing in unlocks the officer's
signing key.

A wrong password is counted in the database (so every PC sees it); after MAX_ATTEMPTS in a
row the account is locked for LOCK_SECONDS, even to the right password. A password changed
by its owner seals the same key again; one set by an administrator (a reset) gives the
account a new key pair, and the old key's validity ends then.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlmodel import Session, select

from kecamatan_desktop.domain.errors import InputError
from kecamatan_desktop.domain.tanggal import format_waktu
from kecamatan_desktop.domain.zones import zone
from kecamatan_desktop.services import identity, keys, officers
from kecamatan_desktop.services.identity import Role, SignedIn
from kecamatan_desktop.services.rights import NotAllowed, own_account
from kecamatan_desktop.store.account_models import AccountKeyRow, AccountRow
from kecamatan_desktop.store.database import transaction
from kecamatan_desktop.store.round_models import OfficerRow

MAX_ATTEMPTS = 5
LOCK_SECONDS = 60
MIN_PASSWORD = 6


def now_utc() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class Account:
    nip: str
    name: str
    role: Role
    active: bool
    locked_until: datetime | None = None


def parse_role(text: str) -> Role:
    try:
        return Role(text.strip().casefold())
    except ValueError:
        raise InputError(f"Peran {text!r} tidak dikenal: pilih admin, pelaksana atau "
                         "pemantau") from None


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise InputError(f"Sandi terlalu pendek: paling sedikit {MIN_PASSWORD} karakter "
                         "(huruf, angka, atau PIN)")


def has_accounts(*, session: Session) -> bool:
    return session.exec(select(AccountRow.id).limit(1)).first() is not None


def _row(session: Session, nip: str) -> tuple[AccountRow, OfficerRow]:
    digits = nip.replace(" ", "")
    for account, officer in session.exec(select(AccountRow, OfficerRow).join(
            OfficerRow, OfficerRow.id == AccountRow.officer_id)):
        if officer.nip.replace(" ", "") == digits:
            return account, officer
    raise InputError(f"Tidak ada akun untuk NIP {nip}")


def _current_key(session: Session, account_id: int) -> AccountKeyRow:
    return session.exec(select(AccountKeyRow).where(
        AccountKeyRow.account_id == account_id, AccountKeyRow.valid_to.is_(None))
        .order_by(AccountKeyRow.id.desc())).first()


def _new_key(session: Session, account_id: int, password: str, at: datetime) -> None:
    pair = keys.new_key_pair()
    salt, sealed = keys.seal(pair, password)
    session.add(AccountKeyRow(account_id=account_id, public_key=keys.public_hex(pair),
                              salt=salt, sealed_key=sealed, valid_from=at))


def _require_admin(session: Session, what: str) -> None:
    signed = identity.current()
    if signed is None or signed.role is not Role.ADMIN:
        raise NotAllowed(f"Hanya Admin yang boleh {what}; masuk sebagai Admin dulu (--user "
                         "NIP). Tidak ada yang disimpan.")


def add_user(nip: str, role: str, password: str, *, session: Session) -> Account:
    """An account for the active officer with NIP `nip`; on a database with no account yet,
    the first administrator (by anyone: it is the first start)."""
    chosen = parse_role(role)
    _check_password(password)
    with transaction(session, immediate=True):
        first = not has_accounts(session=session)
        if not first:
            _require_admin(session, "menambah pengguna")
        elif chosen is not Role.ADMIN:
            raise InputError("Pengguna pertama harus Admin: user add NIP --role admin")
        officer = officers.find_officer(nip, session=session)
        if session.exec(select(AccountRow).where(AccountRow.officer_id == officer.id)).first():
            raise InputError(f"{officer.name} ({officer.nip}) sudah punya akun")
        at = now_utc()
        with own_account(session, first):  # the first administrator makes their own key
            account = AccountRow(officer_id=officer.id, role=chosen.value,
                                 password_hash=keys.hash_password(password), created_at=at)
            session.add(account)
            session.flush()
            _new_key(session, account.id, password, at)
            session.flush()
    return Account(officer.nip, officer.name, chosen, True)


def set_password(nip: str, password: str, *, session: Session) -> Account:
    """The officer signed in changes their own password (the same key, sealed again), or an
    Admin sets another's (a new key pair; the old key is valid until now)."""
    _check_password(password)
    signed = identity.current()
    with transaction(session, immediate=True):
        account, officer = _row(session, nip)
        own = signed is not None and signed.account_id == account.id
        if not own:
            _require_admin(session, "mengganti sandi pengguna lain")
        with own_account(session, own):
            account.password_hash = keys.hash_password(password)
            account.failed_attempts, account.locked_until = 0, None
            session.add(account)
            key = _current_key(session, account.id)
            if own and key is not None and key.id == signed.key_id:
                key.salt, key.sealed_key = keys.seal(signed.signing_key, password)
                session.add(key)
            else:
                at = now_utc()
                if key is not None:
                    key.valid_to = at
                    session.add(key)
                session.flush()
                _new_key(session, account.id, password, at)
            session.flush()
    return _view(account, officer)


def deactivate(nip: str, *, session: Session) -> Account:
    """The account signs in no more; what it signed stays valid (its key's validity ends)."""
    with transaction(session, immediate=True):
        _require_admin(session, "menonaktifkan pengguna")
        account, officer = _row(session, nip)
        if not account.active:
            raise InputError(f"Akun {officer.name} ({officer.nip}) sudah nonaktif")
        if account.role == Role.ADMIN and len(session.exec(select(AccountRow.id).where(
                AccountRow.role == Role.ADMIN.value, AccountRow.active)).all()) == 1:
            raise InputError(f"{officer.name} adalah satu-satunya Admin aktif; tambahkan Admin "
                             "lain dulu")
        account.active = False
        session.add(account)
        key = _current_key(session, account.id)
        if key is not None:
            key.valid_to = now_utc()
            session.add(key)
    return _view(account, officer)


def _view(account: AccountRow, officer: OfficerRow) -> Account:
    return Account(officer.nip, officer.name, Role(account.role), account.active,
                   account.locked_until)


def list_users(*, session: Session) -> list[Account]:
    """Every account (Admin only, as the directory of who may sign)."""
    if has_accounts(session=session):
        _require_admin(session, "melihat daftar pengguna")
    rows = session.exec(select(AccountRow, OfficerRow).join(
        OfficerRow, OfficerRow.id == AccountRow.officer_id).order_by(OfficerRow.name)).all()
    return [_view(a, o) for a, o in rows]


def _locked_text(until: datetime) -> str:
    return format_waktu(until, zone(None))


def _count_failure(session: Session, account: AccountRow, name: str, at: datetime) -> str:
    """Count a wrong password (the sign-in's transaction commits it); the message to give."""
    with own_account(session):
        account.failed_attempts += 1
        if account.failed_attempts >= MAX_ATTEMPTS:
            account.failed_attempts = 0
            account.locked_until = at + timedelta(seconds=LOCK_SECONDS)
            text = (f"Sandi untuk {name} salah {MAX_ATTEMPTS} kali: akun terkunci sampai "
                    f"{_locked_text(account.locked_until)}")
        else:
            text = (f"Sandi untuk {name} salah (percobaan ke-{account.failed_attempts} dari "
                    f"{MAX_ATTEMPTS})")
        session.add(account)
        session.flush()
    return text


def sign_in(nip: str, password: str, *, session: Session) -> SignedIn:
    """The officer with NIP `nip`, signed in with their unlocked signing key; a wrong
    password, a locked or deactivated account refused with one line (InputError)."""
    at = now_utc()
    failure = None
    with transaction(session, immediate=True):
        account, officer = _row(session, nip)
        if not account.active:
            raise InputError(f"Akun {officer.name} ({officer.nip}) sudah dinonaktifkan; "
                             "minta Admin bila perlu")
        if account.locked_until is not None and account.locked_until > at:
            raise InputError(f"Akun {officer.name} terkunci sampai "
                             f"{_locked_text(account.locked_until)} karena {MAX_ATTEMPTS} kali "
                             "sandi salah; coba lagi sesudahnya")
        key = _current_key(session, account.id)
        if not keys.password_matches(account.password_hash, password) or key is None:
            failure = _count_failure(session, account, officer.name, at)
    if failure is not None:
        raise InputError(failure)
    with transaction(session, immediate=True):
        signing_key = keys.unseal(key.salt, key.sealed_key, password)
        if signing_key is None or keys.public_hex(signing_key) != key.public_key:
            raise InputError(f"Kunci tanda tangan {officer.name} tidak terbuka dengan sandi "
                             "ini; minta Admin mengatur ulang sandinya")
        if account.failed_attempts or account.locked_until is not None:
            with own_account(session):
                account.failed_attempts, account.locked_until = 0, None
                session.add(account)
                session.flush()
    return SignedIn(account_id=account.id, officer_id=officer.id, name=officer.name,
                    nip=officer.nip, role=Role(account.role), key_id=key.id,
                    signing_key=signing_key)
