"""Numbers read from the clinic's own answers, to prefill the plan's two number fields.

The person types (or copies) what the clinic said: "Six infusions over two and a half weeks",
"twice a week for 4 weeks", "a review if there is no response by session 6". kvet reads the
number of first-phase sessions and the review session from such words so the person does not
have to type them twice. Only a plain reading is tried, in English and Spanish; where the words
do not say it clearly the field stays empty (None) for the person to fill in. A guess is never
better than an empty field here.
"""

from __future__ import annotations

import re

# Number words, English and Spanish, as clinics write small session counts.
_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "a dozen": 12, "fifteen": 15, "twenty": 20,
    "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7,
    "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12, "quince": 15, "veinte": 20,
}  # fmt: skip
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "twelfth": 12,
    "primera": 1, "segunda": 2, "tercera": 3, "cuarta": 4, "quinta": 5, "sexta": 6,
    "séptima": 7, "octava": 8, "novena": 9, "décima": 10,
}  # fmt: skip


def _choice(words: dict[str, int]) -> str:
    return r"(\d{1,3}|" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + ")"


_NUMBER = _choice(_WORDS)
_SESSIONS = (
    r"(?:sessions?|infusions?|treatments?|doses?|visits?|sprays?|"
    r"sesi[oó]n|sesiones|infusi[oó]n|infusiones|tratamientos?|dosis|visitas?|aplicaciones)"
)
# "6 infusions", "six ketamine infusions", "8 sesiones": a count, at most two words before the noun.
_COUNT = re.compile(r"\b" + _NUMBER + r"\s+(?:[\w-]+\s+){0,2}?" + _SESSIONS + r"\b", re.IGNORECASE)
# "twice a week for 4 weeks", "2 times a week for four weeks", "dos veces por semana durante 4".
_PER_WEEK = re.compile(
    r"(twice|two times|2 times|2x|dos veces|2 veces|three times|3 times|tres veces|3 veces)"
    r"\s+(?:a|per|each|por|a la|cada)\s+(?:week|semana)\b.{0,30}?"
    r"(?:for|over|durante|por)\s+" + _NUMBER + r"\s+(?:weeks?|semanas?)",
    re.IGNORECASE,
)
# "by session 6", "after the sixth infusion", "antes de la sesión 6", "session number 6".
_AT_SESSION = re.compile(
    r"(?:session|infusion|treatment|dose|visit|sesi[oó]n|infusi[oó]n|tratamiento|dosis|visita)"
    r"\s+(?:number\s+|n[uú]mero\s+|no\.?\s*|#\s*)?(\d{1,3})\b",
    re.IGNORECASE,
)
_NAMED_SESSION = re.compile(
    r"\b" + _choice({**_WORDS, **_ORDINALS}) + r"\s+" + _SESSIONS + r"\b", re.IGNORECASE
)
MOST = 100  # the plan's number fields hold 1 to 100 (kvet.store.courses.check_plan)


def _value(word: str) -> int | None:
    number = int(word) if word.isdigit() else {**_WORDS, **_ORDINALS}.get(word.lower())
    return number if number is not None and 1 <= number <= MOST else None


def _times(word: str) -> int:
    return 3 if word.lower().startswith(("three", "3", "tres")) else 2


def first_phase_sessions(text: str) -> int | None:
    """The number of sessions in the first phase, from the clinic's answer about it; None when
    the words do not say it plainly."""
    per_week = _PER_WEEK.search(text)
    if per_week:
        weeks = _value(per_week.group(2))
        if weeks is not None and weeks * _times(per_week.group(1)) <= MOST:
            return weeks * _times(per_week.group(1))
    count = _COUNT.search(text)
    return _value(count.group(1)) if count else None


def review_session(text: str) -> int | None:
    """The session by which the clinic reviews the plan ("by session 6" gives 6), from its
    answer about what happens without a response; None when the words do not name one."""
    at = _AT_SESSION.search(text)
    if at:
        return _value(at.group(1))
    named = _NAMED_SESSION.search(text)
    return _value(named.group(1)) if named else None
