"""Tables of who may record: accounts tied to officers, their signing keys, and the
signatures on records (migration 0013).

A signature is append-only; a key's owner, public key and start never change, and a retired
key (valid_to set) not at all (the database's triggers refuse it).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, Column, ForeignKey, Integer, String, UniqueConstraint
from sqlmodel import Field, SQLModel

from kecamatan_desktop.store.types import UTCDateTime


class AccountRow(SQLModel, table=True):
    """One officer's sign-in: role, password hash, and the count of wrong passwords."""

    __tablename__ = "account"

    id: int | None = Field(default=None, primary_key=True)
    officer_id: int = Field(sa_column=Column(Integer, ForeignKey("officer.id", ondelete="RESTRICT"),
                                             nullable=False, unique=True))
    role: str  # "admin", "pelaksana" or "pemantau"
    password_hash: str
    failed_attempts: int = Field(default=0, sa_column=Column(Integer, nullable=False,
                                                             server_default="0"))
    locked_until: datetime | None = Field(default=None,
                                          sa_column=Column(UTCDateTime, nullable=True))
    active: bool = Field(default=True, sa_column=Column(Boolean, nullable=False,
                                                        server_default="1"))
    created_at: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))


class AccountKeyRow(SQLModel, table=True):
    """An Ed25519 key pair of an account: the public key as hex, the private key sealed
    (SecretBox) under a key the password derives with `salt`."""

    __tablename__ = "account_key"

    id: int | None = Field(default=None, primary_key=True)
    account_id: int = Field(sa_column=Column(Integer, ForeignKey("account.id", ondelete="RESTRICT"),
                                             nullable=False, index=True))
    public_key: str = Field(sa_column=Column(String(64), nullable=False, unique=True))
    salt: str = Field(sa_column=Column(String(32), nullable=False))
    sealed_key: str
    valid_from: datetime = Field(sa_column=Column(UTCDateTime, nullable=False))
    valid_to: datetime | None = Field(default=None, sa_column=Column(UTCDateTime, nullable=True))


class RecordSignatureRow(SQLModel, table=True):
    """The signature of one record (`subject` names its table) by one key."""

    __tablename__ = "record_signature"
    __table_args__ = (UniqueConstraint("subject", "subject_id",
                                       name="uq_record_signature_subject"),)

    id: int | None = Field(default=None, primary_key=True)
    subject: str
    subject_id: int
    key_id: int = Field(sa_column=Column(Integer, ForeignKey("account_key.id",
                                                             ondelete="RESTRICT"),
                                         nullable=False, index=True))
    signature: str = Field(sa_column=Column(String(128), nullable=False))
