"""The user's country: which rules, prices and crisis lines kvet shows.

Clinic rules differ by country (the esketamine REMS program is a US rule, for example), so kvet
asks once where the user lives and keeps the answer as a preference in the store. The GUI passes
in the system locale's country code as the default; this module never guesses beyond that.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from kvet.text.errors import KvetError

PREFERENCE_KEY = "country"
ASKED_KEY = "country_asked"  # "1" once the user has seen and answered the question
OTHER = "OTHER"


@dataclass(frozen=True)
class CountryInfo:
    code: str
    name: str


COUNTRIES: tuple[CountryInfo, ...] = (
    CountryInfo("US", "United States"),
    CountryInfo("CA", "Canada"),
    CountryInfo("GB", "United Kingdom"),
    CountryInfo("IE", "Ireland"),
    CountryInfo("AU", "Australia"),
    CountryInfo("NZ", "New Zealand"),
    CountryInfo(OTHER, "Another country"),
)
CODES = frozenset(c.code for c in COUNTRIES)
# Other common spellings of the same places (the UK's ISO code is GB).
_ALIASES = {"UK": "GB"}


class CountryError(KvetError, ValueError):
    """A country code kvet does not know; the message lists the ones it does."""


class PreferenceStore(Protocol):
    def preference(self, key: str, default: str = "") -> str: ...

    def set_preference(self, key: str, value: str) -> None: ...


def normalise(code: str) -> str:
    """A known country code for ``code``; any other place counts as ``OTHER``.

    Used for the system locale, which may name any country: kvet then shows the general
    advice rather than another country's rules.
    """
    wanted = (code or "").strip().upper()
    wanted = _ALIASES.get(wanted, wanted)
    return wanted if wanted in CODES else OTHER


def country_name(code: str) -> str:
    wanted = normalise(code)
    return next(c.name for c in COUNTRIES if c.code == wanted)


def stored_country(store: PreferenceStore) -> str | None:
    """The country the user chose, or None if they have not been asked yet."""
    value = store.preference(PREFERENCE_KEY)
    return value if value in CODES else None


def current_country(store: PreferenceStore, system_code: str = "") -> str:
    """The chosen country, or the system's (normalised) until the user has chosen."""
    return stored_country(store) or normalise(system_code)


def set_country(store: PreferenceStore, code: str) -> str:
    """Save the user's country; an unknown code is refused and nothing is saved."""
    wanted = (code or "").strip().upper()
    wanted = _ALIASES.get(wanted, wanted)
    if wanted not in CODES:
        known = ", ".join(c.code for c in COUNTRIES)
        raise CountryError("value.unknown-country", known=known)
    store.set_preference(PREFERENCE_KEY, wanted)
    return wanted


def start_country(store: PreferenceStore, system_code: str) -> tuple[str, bool]:
    """At start-up: the country to use, and whether the user still needs to be asked.

    The first time, the system's country is saved as the starting answer, so reports and the
    command line use the same rules as the window while the question waits to be answered.
    """
    chosen = stored_country(store)
    if chosen is None:
        chosen = set_country(store, normalise(system_code))
    return chosen, store.preference(ASKED_KEY) != "1"


def mark_asked(store: PreferenceStore) -> None:
    """The question has been shown: it is asked once, and changed later from the menu."""
    store.set_preference(ASKED_KEY, "1")


def confirm_country(store: PreferenceStore, code: str) -> str:
    """The user picked a country: save it and do not ask again."""
    chosen = set_country(store, code)
    mark_asked(store)
    return chosen


# The paper printouts are laid out on: the US and Canada use Letter (ANSI), everywhere else in
# kvet's list uses A4 (ISO 216). A page made for the wrong paper prints cut or on two sheets.
LETTER = "Letter"
A4 = "A4"
LETTER_COUNTRIES = frozenset({"US", "CA"})


def paper_for(code: str | None) -> str:
    """Letter for the US and Canada, A4 for every other country (and when none is known)."""
    return LETTER if normalise(code or "") in LETTER_COUNTRIES else A4
