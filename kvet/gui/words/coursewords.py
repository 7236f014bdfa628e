"""The words of a treatment record (dates, side effects, signals, the PHQ-9 trend) in the
window's language.

The core (kvet.treatment.course, kvet.treatment.coursetrend, kvet.treatment.reconsider) keeps its
templates in English and takes a ``say`` function; ``say`` here answers it from the catalogue the
treatment page reads too (kvet.content.catalogue), so the window and the paper say the same.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale

from kvet.content.catalogue import sentence
from kvet.text import language
from kvet.treatment.course import day_words


def say(english: str) -> str:
    """One of the core's English templates (or labels), in the window's language."""
    return sentence(english)


def day_text(day: date) -> str:
    """ "5 Mar 2026" in the window's language, as the signals and the summary write dates."""
    return day_words(day, sentence)


def date_locale() -> QLocale:
    """The locale for date fields, so "d MMM yyyy" names the month in the window's language."""
    return QLocale(language.active())
