"""Optional password protection for a comparison file that may travel by e-mail.

AES-256-GCM (authenticated: any change to the file is detected) with a key derived from the
password by scrypt (memory-hard, so guessing passwords is slow). The header is bound to the
ciphertext as associated data, so its parameters cannot be swapped either.

New files use OWASP's minimum for scrypt (N=2**17, r=8, p=1: 128 MiB). Files from earlier kvet
(N=2**15) still open: a file's own settings are used, within caps that keep a hostile file from
asking for absurd memory or time. Passwords are compared as Unicode NFC, so "é" typed as one
code or as "e" plus an accent is the same password.
"""

from __future__ import annotations

import base64
import json
import os
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from kvet.exchange.passphrase import normalised
from kvet.text.errors import KvetError

ENVELOPE_FORMAT = "kvet-encrypted"
SCRYPT_N = 2**17
SCRYPT_R = 8
SCRYPT_P = 1
MAX_SCRYPT_N = 2**20  # refuse files that would make us spend absurd memory
# A file chooses its own scrypt settings, and a hostile one could ask for gigabytes and minutes
# (n=2**20, r=32, p=16 wants 4 GiB, sixteen times over). Allow four times today's cost at most.
MAX_SCRYPT_MEMORY = 256 * 1024 * 1024  # scrypt needs 128 * n * r bytes
MAX_SCRYPT_WORK = 4 * SCRYPT_N * SCRYPT_R * SCRYPT_P  # time grows with n * r * p


class EncryptionError(KvetError, ValueError):
    """Wrong password, a changed file, or a damaged envelope: the message says which."""


class PasswordMismatchError(EncryptionError):
    """The password did not open the file; it may be typed again."""


WRONG = "crypto.wrong-password"
NEWER = "crypto.newer"
ODD_SETTINGS = "crypto.odd-settings"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any, what: str) -> bytes:
    try:
        return base64.b64decode(str(text), validate=True)
    except ValueError:
        raise EncryptionError("crypto.part-unreadable") from None  # which part: no help to a person


def _key(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    try:
        return Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(password.encode("utf-8"))
    except (MemoryError, ValueError, OverflowError):
        # settings inside kvet's caps that OpenSSL still refuses (n=2**16 with r=1, say)
        raise EncryptionError(ODD_SETTINGS) from None


def _header_bytes(header: dict[str, Any]) -> bytes:
    return json.dumps(header, sort_keys=True, separators=(",", ":")).encode("utf-8")


def is_envelope(data: Any) -> bool:
    return isinstance(data, dict) and data.get("format") == ENVELOPE_FORMAT


def encrypt(plaintext: bytes, password: str) -> dict[str, Any]:
    if not password:
        raise EncryptionError("crypto.no-password")
    password = normalised(password)
    salt, nonce = os.urandom(16), os.urandom(12)
    header = {
        "format": ENVELOPE_FORMAT,
        "schema_version": 1,
        "kdf": {"name": "scrypt", "salt": _b64(salt), "n": SCRYPT_N, "r": SCRYPT_R, "p": SCRYPT_P},
        "cipher": "AES-256-GCM",
        "nonce": _b64(nonce),
    }
    key = _key(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    ciphertext = AESGCM(key).encrypt(nonce, plaintext, _header_bytes(header))
    return {**header, "ciphertext": _b64(ciphertext)}


def decrypt(envelope: dict[str, Any], password: str) -> bytes:
    header = {k: envelope.get(k) for k in ("format", "schema_version", "kdf", "cipher", "nonce")}
    version = header["schema_version"]
    if version != 1 or isinstance(version, bool):
        if isinstance(version, int) and not isinstance(version, bool) and version > 1:
            raise EncryptionError(NEWER)
        raise EncryptionError(ODD_SETTINGS)
    kdf = header["kdf"]
    if (
        not isinstance(kdf, dict)
        or kdf.get("name") != "scrypt"
        or header["cipher"] != "AES-256-GCM"
    ):
        raise EncryptionError(ODD_SETTINGS)
    n, r, p = kdf.get("n"), kdf.get("r"), kdf.get("p")
    if not (isinstance(n, int) and isinstance(r, int) and isinstance(p, int)) or any(
        isinstance(v, bool) for v in (n, r, p)
    ):
        raise EncryptionError(ODD_SETTINGS)
    if not (2 <= n <= MAX_SCRYPT_N and n & (n - 1) == 0 and 1 <= r <= 32 and 1 <= p <= 16):
        raise EncryptionError(ODD_SETTINGS)
    if n >= 2 ** (16 * r):  # scrypt's own rule (RFC 7914): N < 2^(128 * r / 8)
        raise EncryptionError(ODD_SETTINGS)
    if 128 * n * r > MAX_SCRYPT_MEMORY or n * r * p > MAX_SCRYPT_WORK:
        raise EncryptionError(ODD_SETTINGS)
    salt = _unb64(kdf.get("salt"), "salt")
    nonce = _unb64(header["nonce"], "nonce")
    ciphertext = _unb64(envelope.get("ciphertext"), "content")
    if len(nonce) != 12 or len(salt) < 8:
        raise EncryptionError("crypto.damaged")
    # NFC first (what kvet writes now); then the password as typed, for a file an earlier kvet
    # saved from a password typed in another form.
    for candidate in dict.fromkeys((normalised(password), password)):
        key = _key(candidate, salt, n, r, p)
        try:
            return AESGCM(key).decrypt(nonce, ciphertext, _header_bytes(header))
        except InvalidTag:
            continue
    raise PasswordMismatchError(WRONG)
