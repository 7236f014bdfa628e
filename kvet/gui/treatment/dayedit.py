"""The date field My treatment's forms start with: today, a calendar to pick from, and the
month in the window's language ("5 mar 2026" in Spanish).

One field for the session log, the PHQ-9 check-in and each week, so the three read a date alike.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit

from kvet.gui.words import coursewords

DATE_FORMAT = "d MMM yyyy"


def day_edit() -> QDateEdit:
    """A date field set to today, with a calendar to pick another day from."""
    edit = QDateEdit(QDate.currentDate())
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setLocale(coursewords.date_locale())
    return edit


def day_of(edit: QDateEdit) -> date:
    """The day ``edit`` shows."""
    day = edit.date().toPython()
    assert isinstance(day, date)
    return day
