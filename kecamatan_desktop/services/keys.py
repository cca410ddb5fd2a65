"""Passwords and signing keys: an argon2id hash of the password, an Ed25519 key pair whose
private half is sealed (XSalsa20-Poly1305) under a key the password derives with argon2id.

The INTERACTIVE limits (64 MiB, 2 passes): about 0.05 s a hash on an office PC, slow enough
that guessing needs the database and much time, quick enough for a sign-in.
"""

from __future__ import annotations

import secrets

from nacl import pwhash, secret, signing
from nacl.exceptions import BadSignatureError, CryptoError, InvalidkeyError

OPS = pwhash.argon2id.OPSLIMIT_INTERACTIVE
MEM = pwhash.argon2id.MEMLIMIT_INTERACTIVE


def hash_password(password: str) -> str:
    return pwhash.argon2id.str(password.encode("utf-8"), opslimit=OPS,
                               memlimit=MEM).decode("ascii")


def password_matches(stored: str, password: str) -> bool:
    try:
        return pwhash.argon2id.verify(stored.encode("ascii"), password.encode("utf-8"))
    except (InvalidkeyError, CryptoError, ValueError):
        return False


def _box(password: str, salt: bytes) -> secret.SecretBox:
    key = pwhash.argon2id.kdf(secret.SecretBox.KEY_SIZE, password.encode("utf-8"), salt,
                              opslimit=OPS, memlimit=MEM)
    return secret.SecretBox(key)


def new_key_pair() -> signing.SigningKey:
    return signing.SigningKey.generate()


def seal(key: signing.SigningKey, password: str) -> tuple[str, str]:
    """(salt, sealed private key) as hex: what the database keeps of the private key."""
    salt = secrets.token_bytes(pwhash.argon2id.SALTBYTES)
    return salt.hex(), _box(password, salt).encrypt(bytes(key)).hex()


def unseal(salt: str, sealed: str, password: str) -> signing.SigningKey | None:
    """The private key, or None when the password does not open it."""
    try:
        return signing.SigningKey(_box(password, bytes.fromhex(salt)).decrypt(
            bytes.fromhex(sealed)))
    except (CryptoError, ValueError):
        return None


def public_hex(key: signing.SigningKey) -> str:
    return key.verify_key.encode().hex()


def sign(key: signing.SigningKey, message: bytes) -> str:
    return key.sign(message).signature.hex()


def verifies(public_key: str, message: bytes, signature: str) -> bool:
    try:
        signing.VerifyKey(bytes.fromhex(public_key)).verify(message, bytes.fromhex(signature))
        return True
    except (BadSignatureError, ValueError):
        return False
