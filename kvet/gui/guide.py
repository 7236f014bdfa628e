"""Help → About this guide, and Help → Before you decide: the guide's own pages.

Text comes from ``kvet.guide`` (data); this only lays it out as plain, selectable text.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kvet.checklist import Checklist
from kvet.gui.text import heading, plain_label
from kvet.guide import Guide, GuideError, load_guide

ABOUT = "About this guide"
BEFORE = "Before you decide"


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


UNREADABLE = [("Not available", "The guide's text could not be read. Reinstall kvet to fix it.")]


def about_page(
    checklist: Checklist, parent: QWidget | None = None, today: date | None = None
) -> QDialog:
    guide = _guide()
    if guide is None:
        return _page(ABOUT, UNREADABLE, parent)
    parts = guide.about_lines(today or date.today())
    parts.append(("Sources", "; ".join(s.title for s in checklist.sources)))
    return _page(ABOUT, parts, parent)


def before_page(checklist: Checklist, parent: QWidget | None = None) -> QDialog:
    guide = _guide()
    if guide is None:
        return _page(BEFORE, UNREADABLE, parent)
    parts = []
    for point in guide.before_you_decide:
        titles = [
            checklist.sources_by_key[k].title
            for k in point.sources
            if k in checklist.sources_by_key
        ]
        parts.append((point.heading, f"{point.text}\n\nFrom: {'; '.join(titles)}"))
    return _page(BEFORE, parts, parent)
