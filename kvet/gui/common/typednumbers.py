"""Numbers as people type them: "$1,200", "450 USD", "12.5", and back again.

Its own module because two forms read typed numbers the same way (the item form and the clinic
dialog): one reading, so a price typed in either is understood alike.
"""

from __future__ import annotations

import re

from kvet.gui.words.tr import translate
from kvet.gui.words.verdictwords import unit_words
from kvet.rating.money import CURRENCIES

_NUMBER = re.compile(r"^(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$|^\.\d+$")
_CURRENCY = "$£€"
_SIGNS = sorted((c.symbol for c in CURRENCIES), key=len, reverse=True)


class NumberError(ValueError):
    """Text that is not a usable number; the message is shown to the person as it is."""


def parse_number(text: str, unit: str = "") -> float | None:
    """Read a typed number kindly: "$1,200", "450 USD" and "12.5" work; empty means not known.

    Anything doubtful is refused rather than guessed: "450,50" could mean two different prices.
    """
    cleaned = text.strip()
    if not cleaned:
        return None
    for written in dict.fromkeys((unit, unit_words(unit))):  # "12 sessions", "12 sesiones"
        if written and cleaned.casefold().endswith(written.casefold()):
            cleaned = cleaned[: -len(written)].strip()
            break
    for sign in _SIGNS:  # "CA$1,200", "£1,200": the sign of any currency kvet knows
        if cleaned.upper().startswith(sign.upper()):
            cleaned = cleaned[len(sign) :]
            break
    cleaned = cleaned.lstrip(_CURRENCY).strip()
    if cleaned.startswith("-"):
        raise NumberError(translate("ItemForm", "Please type a number of 0 or more."))
    cleaned = cleaned.lstrip("+")
    if not _NUMBER.match(cleaned):
        raise NumberError(
            translate(
                "ItemForm", "“{text}” is not a number. Type digits, like 450 or 12.5."
            ).format(text=text.strip())
        )
    return float(cleaned.replace(",", ""))


def format_number(value: float) -> str:
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return f"{value:.2f}".rstrip("0").rstrip(".")
