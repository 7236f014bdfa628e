"""Currencies: which one a price is in, and how an amount is written.

A clinic's prices are in the currency of the place it charges in, so kvet keeps the currency with
each clinic (taken from the user's country when the clinic is added) and never converts: amounts
in different currencies are never added up or compared as if equal. Older data, from before kvet
knew about currencies, was all entered as US dollars, so a missing currency means USD.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from kvet.text.errors import KvetError

# The checklist's unit for prices. A fact with this unit is money in the clinic's own currency.
MONEY_UNIT = "USD"
DEFAULT = "USD"  # what a price saved before currencies were recorded is in
PREFERENCE_KEY = "currency"  # the currency chosen by a user in "another country"


@dataclass(frozen=True)
class Currency:
    code: str  # ISO 4217
    symbol: str  # written before the amount
    name: str


CURRENCIES: tuple[Currency, ...] = (
    Currency("USD", "$", "US dollar"),
    Currency("CAD", "CA$", "Canadian dollar"),
    Currency("GBP", "£", "Pound sterling"),
    Currency("EUR", "€", "Euro"),
    Currency("AUD", "A$", "Australian dollar"),
    Currency("NZD", "NZ$", "New Zealand dollar"),
)
CODES = frozenset(c.code for c in CURRENCIES)
_BY_CODE = {c.code: c for c in CURRENCIES}
BY_COUNTRY = {"US": "USD", "CA": "CAD", "GB": "GBP", "IE": "EUR", "AU": "AUD", "NZ": "NZD"}


class CurrencyError(KvetError, ValueError):
    """A currency kvet does not know; the message lists the ones it does."""


class PreferenceStore(Protocol):
    def preference(self, key: str, default: str = "") -> str: ...

    def set_preference(self, key: str, value: str) -> None: ...


def clean(code: str | None) -> str:
    """A known currency code; empty (older data) means USD, anything else is refused."""
    wanted = (code or DEFAULT).strip().upper()
    if wanted not in CODES:
        known = ", ".join(c.code for c in CURRENCIES)
        raise CurrencyError("value.unknown-currency", known=known)
    return wanted


def symbol(code: str) -> str:
    return _BY_CODE[clean(code)].symbol


def money(amount: float, code: str) -> str:
    """ "$1,200", "£1,200", "CA$1,200": the symbol, then the whole amount with thousands marked.

    One way for every currency and language, so two amounts side by side are never misread.
    """
    return f"{symbol(code)}{amount:,.0f}"


def for_country(country: str, chosen: str = "") -> str:
    """The currency of one of kvet's countries; for another country, the one the user chose."""
    return BY_COUNTRY.get(country) or (chosen if chosen in CODES else DEFAULT)


def current_currency(store: PreferenceStore, country: str) -> str:
    """The currency new prices are entered in: the country's, or the user's pick elsewhere."""
    return for_country(country, store.preference(PREFERENCE_KEY))


def set_currency(store: PreferenceStore, code: str) -> str:
    chosen = clean(code)
    store.set_preference(PREFERENCE_KEY, chosen)
    return chosen


def unit_for(unit: str, currency: str) -> str:
    """A fact's unit as shown for one clinic: its currency for a price, the unit otherwise."""
    return clean(currency) if unit == MONEY_UNIT else unit
