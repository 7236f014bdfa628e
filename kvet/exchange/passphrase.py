"""How hard a password would be to guess, said in plain words.

A shared file can be copied by anyone it passes through and then attacked offline, so the
password has to resist guessing. Counting length and kinds of characters rates "Password1234"
strong; zxcvbn (Dropbox's estimator) knows common passwords, words, names, dates, keyboard
walks and the usual substitutions instead. Its lists are English, so kvet adds common Spanish
words (``commonwords``) and the names of the people in the comparison as its user inputs. The
feedback stays kvet's own plain words, in both languages: zxcvbn's English hints never show.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kvet.exchange.commonwords import SPANISH_WORDS

MIN_LENGTH = 10
# Guesses an attacker would need (10 to the power of these). A protected file's key is made with
# scrypt, so a single attacker tries about ten thousand passwords a second: 10^10 guesses is
# about a month of a computer's work, 10^14 more than three centuries.
ENOUGH_LOG10 = 10.0
STRONG_LOG10 = 14.0
_ESTIMATED_LENGTH = 72  # zxcvbn refuses longer; a prefix is never easier than the whole

# The words in English; their Spanish is in the catalogue (resources/catalogue/es.po).
EMPTY = "Type a password."
TOO_SHORT = (
    "Too short: {length} of at least {minimum} characters. A few unrelated words "
    "are easy to remember and hard to guess."
)
TOO_EASY = (
    "Too easy to guess: it is close to a common password, word, date or pattern. "
    "Add another unrelated word or two."
)
USES_NAME = (
    "Too easy to guess: it uses the name of someone in this comparison. "
    "Add another unrelated word or two."
)
GOOD_ENOUGH = "Good enough: guessing it would take a very long time."
STRONG = "Strong: guessing it would take far longer than a lifetime."
TEMPLATES = (EMPTY, TOO_SHORT, TOO_EASY, USES_NAME, GOOD_ENOUGH, STRONG)


@dataclass(frozen=True)
class Strength:
    """``acceptable`` decides whether kvet uses the password; ``words`` tells the user why."""

    bits: float
    acceptable: bool
    words: str


def normalised(password: str) -> str:
    """The same letters typed on any keyboard give the same password (é as one or two codes)."""
    return unicodedata.normalize("NFC", password)


def _name_parts(names: Iterable[str]) -> list[str]:
    """Each person's name and its parts ("Maria Lopez" gives "maria lopez", "maria", "lopez")."""
    parts: list[str] = []
    for name in names:
        name = normalised(name).strip().lower()
        if name:
            parts.append(name)
            parts.extend(part for part in name.split() if len(part) > 1)
    return parts


def _estimate(password: str, names: list[str]) -> tuple[float, bool]:
    """zxcvbn's guesses (as a power of ten), and whether one of ``names`` is among its parts."""
    from zxcvbn import zxcvbn  # its word lists take 70 ms to load: only when a password is typed

    result = zxcvbn(password[:_ESTIMATED_LENGTH], user_inputs=[*names, *SPANISH_WORDS])
    wanted = set(names)
    uses_name = any(
        match.get("dictionary_name") == "user_inputs" and match.get("matched_word") in wanted
        for match in result["sequence"]
    )
    return float(result["guesses_log10"]), uses_name


def assess(password: str, say: Callable[[str], str] = str, names: Iterable[str] = ()) -> Strength:
    """``say`` turns each English template into the words shown (a translation, in the GUI);
    ``names`` are the people in the comparison, whose names make a password easy to guess."""
    password = normalised(password)
    if not password:
        return Strength(0.0, False, say(EMPTY))
    log10, uses_name = _estimate(password, _name_parts(names))
    bits = log10 * math.log2(10)
    length = len(password)
    if length < MIN_LENGTH:
        return Strength(bits, False, say(TOO_SHORT).format(length=length, minimum=MIN_LENGTH))
    if log10 < ENOUGH_LOG10:
        words = USES_NAME if uses_name else TOO_EASY
        return Strength(bits, False, say(words))
    if log10 < STRONG_LOG10:
        return Strength(bits, True, say(GOOD_ENOUGH))
    return Strength(bits, True, say(STRONG))
