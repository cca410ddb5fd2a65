"""Who is signed in for this process (the window's session, or one command line run), and
the name a record is entered under.

The command line sets it after `--user`, the window after its sign-in dialog; the services
read it when they write (services/rights.py) and sign (services/signatures.py). Nothing
here imports the SQL side: the window asks who is signed in before the database loads.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

# where a script (`--user NIP`, the window's and run_gui's alike) gives its password
PASSWORD_ENV = "KECAMATAN_PASSWORD"


class Role(StrEnum):
    ADMIN = "admin"  # SOPs, directory, office profile, calendar, users (and rounds)
    PELAKSANA = "pelaksana"  # rounds: handoffs, notes, corrections, undo
    PEMANTAU = "pemantau"  # read and print


ROLE_LABELS = {Role.ADMIN: "Admin", Role.PELAKSANA: "Pelaksana", Role.PEMANTAU: "Pemantau"}


@dataclass(frozen=True)
class SignedIn:
    """An officer signed in: their account, role and the signing key their password
    unlocked (never written anywhere)."""

    account_id: int
    officer_id: int
    name: str
    nip: str
    role: Role
    key_id: int
    signing_key: Any = field(repr=False, compare=False)  # nacl.signing.SigningKey


_current: SignedIn | None = None


def current() -> SignedIn | None:
    return _current


def set_current(signed: SignedIn | None) -> None:
    """Who records from now on in this process; None signs out."""
    global _current
    _current = signed


def os_account() -> str:
    """The operating system's account as the system reports it, never from environment
    variables (USER, USERNAME and LOGNAME are anyone's to set)."""
    try:
        if sys.platform == "win32":
            import ctypes
            from ctypes import wintypes

            size = wintypes.DWORD(257)
            buffer = ctypes.create_unicode_buffer(size.value)
            if ctypes.windll.advapi32.GetUserNameW(buffer, ctypes.byref(size)):
                return buffer.value
            return "operator"
        import pwd

        return pwd.getpwuid(os.getuid()).pw_name
    except Exception:  # noqa: BLE001 - no account name is not worth failing a record for
        return "operator"


def entered_by() -> str:
    """The name a record is entered under: the signed-in officer with the system account,
    or the system account alone on a database that has no accounts yet."""
    signed = _current
    if signed is None:
        return os_account()
    return f"{signed.name} ({os_account()})"


def on_behalf(entered: str, officer: str | None, officer_id: int | None) -> str:
    """A step done by another officer than the one signed in: "dicatat oleh X atas nama Y"."""
    signed = _current
    if signed is None or officer is None or officer_id in (None, signed.officer_id):
        return entered
    return f"{entered} atas nama {officer}"
