"""The fixed words of a printout, for the exchange code: a damaged words file is an export error.

The window and the command line show an ``ExchangeError`` as a plain message and write nothing;
``kvet.translations.WordsError`` alone would reach them as an unexpected failure.
"""

from __future__ import annotations

from kvet.exchange.errors import ExchangeError
from kvet.translations import Words, WordsError, load_words


def printout_words(lang: str | None = None) -> Words:
    """The words of printouts in ``lang`` (by default the language of this run)."""
    try:
        return load_words(lang)
    except WordsError as exc:
        raise ExchangeError(f"{exc} Nothing was saved. Reinstall kvet to fix it.") from exc
