"""Help → About this guide, and Help → Before you decide: the guide's own pages.

Text comes from ``kvet.content.guide`` (data); this only lays it out as plain, selectable text.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kvet.content.checklist import Checklist
from kvet.content.guide import Guide, GuideError, load_guide
from kvet.gui.common.text import heading, plain_label
from kvet.gui.words.paperwords import paper, paper_say
from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate
from kvet.text import language

CONTEXT = "Guide"
BEFORE = QT_TRANSLATE_NOOP("Guide", "Before you decide")
# The heading kvet.content.guide.Guide.about_lines gives the review's text, in English. The
# about page's title and headings are the printouts' words (words.toml [about]), one text for both.
CHECKED = "When it was checked"


def _page(title: str, parts: list[tuple[str, str]], parent: QWidget | None) -> QDialog:
    dialog = QDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setAccessibleName(title)
    dialog.resize(560, 600)
    body = QWidget()
    column = QVBoxLayout(body)
    column.addWidget(heading(title, scale=1.4))
    for part_heading, text in parts:
        column.addWidget(heading(part_heading, scale=1.1))
        label = plain_label(text, selectable=True)
        label.setAccessibleName(part_heading)
        label.setAccessibleDescription(text)
        column.addWidget(label)
    column.addStretch(1)
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setAccessibleName(title)  # a Tab stop (arrow keys scroll it), so it has a name
    scroll.setWidget(body)
    layout = QVBoxLayout(dialog)
    layout.addWidget(scroll)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return dialog


def _guide() -> Guide | None:
    try:
        return load_guide()
    except GuideError:
        return None


UNREADABLE = [
    (
        QT_TRANSLATE_NOOP("Guide", "Not available"),
        QT_TRANSLATE_NOOP("Guide", "The guide's text could not be read. Reinstall kvet to fix it."),
    )
]


def _unreadable() -> list[tuple[str, str]]:
    return [(translate(CONTEXT, head), translate(CONTEXT, text)) for head, text in UNREADABLE]


def _day(day: date) -> str:
    """A date in the window's language; in English "05 March 2026", as the guide writes it."""
    return QLocale(language.active()).toString(
        QDate(day.year, day.month, day.day), translate("Guide", "dd MMMM yyyy")
    )


def _review_words(guide: Guide, today: date) -> str:
    """``Guide.about_lines``'s "When it was checked" text, in the window's language."""
    text = paper("about", "reviewed").format(
        reviewed=_day(guide.reviewed), next=_day(guide.next_review)
    )
    if guide.review_overdue(today):
        text += paper("about", "overdue")
    return text


def about_page(
    checklist: Checklist, parent: QWidget | None = None, today: date | None = None
) -> QDialog:
    guide = _guide()
    title = paper("report", "about")
    if guide is None:
        return _page(title, _unreadable(), parent)
    day = today or date.today()
    say = paper_say("about")
    parts = [
        (
            say(part_heading),
            _review_words(guide, day) if part_heading == CHECKED else text,
        )
        for part_heading, text in guide.about_lines(day)
    ]
    parts.append((paper("report", "sources"), "; ".join(s.title for s in checklist.sources)))
    return _page(title, parts, parent)


def before_page(checklist: Checklist, parent: QWidget | None = None) -> QDialog:
    guide = _guide()
    if guide is None:
        return _page(translate(CONTEXT, BEFORE), _unreadable(), parent)
    parts = []
    for point in guide.before_you_decide:
        titles = [
            checklist.sources_by_key[k].title
            for k in point.sources
            if k in checklist.sources_by_key
        ]
        parts.append(
            (
                point.heading,
                translate("Guide", "{text}\n\nFrom: {sources}").format(
                    text=point.text, sources="; ".join(titles)
                ),
            )
        )
    return _page(translate(CONTEXT, BEFORE), parts, parent)
