"""Join codes and teacher keys.

A join code is `CODE_LENGTH` characters drawn with `secrets` from a 32-character alphabet without the look-alikes
0/O and 1/I: 32**6 ≈ 1.07 billion codes, so guessing one, with joins rate-limited
(`model.live.bounds`), is not practical. What a student types is normalised (case, spaces, dashes).

A teacher key is 32 random bytes (URL-safe text). The store keeps only its SHA-256 digest and compares
digests in constant time, so no key can be read back out of the server's memory."""
from __future__ import annotations

import hashlib
import hmac
import re
import secrets

ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # 24 letters (no I, O) + 8 digits (no 0, 1) = 32
CODE_LENGTH = 6
_SEPARATORS = re.compile(r"[\s\-_.]+")


def new_code(taken=frozenset()) -> str:
    """A fresh random join code not in `taken`."""
    while True:
        code = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
        if code not in taken:
            return code


def normalise(text: str | None) -> str | None:
    """The code a student typed, upper-cased without spaces or dashes; None when it cannot be a code."""
    if not text:
        return None
    code = _SEPARATORS.sub("", str(text)[:40]).upper()
    if len(code) != CODE_LENGTH or any(c not in ALPHABET for c in code):
        return None
    return code


def new_teacher_key() -> str:
    return secrets.token_urlsafe(32)


def key_digest(key: str) -> bytes:
    return hashlib.sha256(key.encode("utf-8", "replace")).digest()


def key_matches(digest: bytes, key: str | None) -> bool:
    """Does `key` open a room whose key digest is `digest`? (Constant-time comparison.)"""
    if not key or len(key) > 200:
        return False
    return hmac.compare_digest(digest, key_digest(key))


def new_student_id() -> str:
    """A random id for one browser session of a student: nothing about the student, never stored on disk."""
    return secrets.token_hex(8)
