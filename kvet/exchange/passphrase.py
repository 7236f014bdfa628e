"""How hard a password would be to guess, said in plain words.

A shared file can be copied by anyone it passes through and then attacked offline, so the
password has to resist guessing. This is a small, explainable rule rather than a dictionary:
an estimate of the guesses needed (length times the kinds of characters used, with repeated
characters counting for little), and a minimum that a few unrelated words easily pass.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

MIN_LENGTH = 10
ENOUGH_BITS = 50.0  # about a million years at a thousand guesses a second
STRONG_BITS = 70.0

# The words in English; kvet.gui.strengthwords marks the same templates for translation.
EMPTY = "Type a password."
TOO_SHORT = (
    "Too short: {length} of at least {minimum} characters. A few unrelated words "
    "are easy to remember and hard to guess."
)
TOO_EASY = (
    "Too easy to guess: it repeats itself or uses few kinds of characters. Add another word or two."
)
GOOD_ENOUGH = "Good enough: guessing it would take a very long time."
STRONG = "Strong: guessing it would take far longer than a lifetime."
TEMPLATES = (EMPTY, TOO_SHORT, TOO_EASY, GOOD_ENOUGH, STRONG)


@dataclass(frozen=True)
class Strength:
    """``acceptable`` decides whether kvet uses the password; ``words`` tells the user why."""

    bits: float
    acceptable: bool
    words: str


def normalised(password: str) -> str:
    """The same letters typed on any keyboard give the same password (é as one or two codes)."""
    return unicodedata.normalize("NFC", password)


def _pool(password: str) -> int:
    pool = 0
    if any(c.islower() and c.isascii() for c in password):
        pool += 26
    if any(c.isupper() and c.isascii() for c in password):
        pool += 26
    if any(c.isdigit() and c.isascii() for c in password):
        pool += 10
    if " " in password:
        pool += 1
    if any(c.isascii() and not c.isalnum() and c != " " for c in password):
        pool += 32
    if any(not c.isascii() for c in password):
        pool += 100
    return pool


def estimate_bits(password: str) -> float:
    """Roughly how many yes/no guesses the password is worth; repeats count for little."""
    password = normalised(password)
    if not password:
        return 0.0
    distinct = len(set(password))
    effective = min(len(password), 2 * distinct)  # "aaaaaaaaaaaa" is not twelve characters' worth
    return effective * math.log2(max(_pool(password), 2))


def assess(password: str, say: Callable[[str], str] = str) -> Strength:
    """``say`` turns each English template into the words shown (a translation, in the GUI)."""
    password = normalised(password)
    bits = estimate_bits(password)
    length = len(password)
    if not password:
        return Strength(0.0, False, say(EMPTY))
    if length < MIN_LENGTH:
        return Strength(bits, False, say(TOO_SHORT).format(length=length, minimum=MIN_LENGTH))
    if bits < ENOUGH_BITS:
        return Strength(bits, False, say(TOO_EASY))
    if bits < STRONG_BITS:
        return Strength(bits, True, say(GOOD_ENOUGH))
    return Strength(bits, True, say(STRONG))
