"""A day written as "28 Nov 2026", with the month's name in the reader's language.

``strftime("%b")`` follows the C locale, which kvet never changes, so the English is fixed; a
caller that shows Spanish passes ``say`` to translate the month (kvet.content.catalogue.core_say).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# In full, as a backup's date or a guide's review date name them ("01 March 2026"); not
# strftime's "%B", which follows the system's locale once Qt has set it.
LONG_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def day_words(when: date, say: Callable[[str], str] = str) -> str:
    """ "28 Nov 2026": the same as ``f"{when:%d %b %Y}"`` in English."""
    return f"{when:%d} {say(MONTHS[when.month - 1])} {when:%Y}"
