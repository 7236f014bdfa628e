"""Read a window the way a Spanish-speaking user does, and point at any English left in it.

Everything a person can see or hear is read: labels, buttons, group and tab titles, placeholders,
drop-down entries, table cells and headers, menus, tooltips, window titles and the names a screen
reader speaks. A text is English when it is one of the translators' English sources (which then
has a different Spanish translation) or when it holds a word that only English has. Names (clinics,
people, the sources a checklist item cites, product names) are taken out first: they stay as they
are in every language.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator
from functools import cache
from html.parser import HTMLParser

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from kvet.gui.main.language import kvet_translations_dir

# Words that English has and Spanish does not (no "a", "no", "me", "he", "final", "total").
_ENGLISH_WORDS = """
    the and you your yours with this that these those for are is was were be been being of to
    what how when where which who why will would should could can't don't doesn't isn't won't
    it its they them their there here have has had not yet from about or if on at by an as do does
    clinic clinics answer answers answered question questions score scores saved save open close
    cancel delete edit view help file next previous back done none all yes add remove new
    red flag flags ask asked asking still more less than one two three some any each every
    sessions session check week weeks day days today yesterday ago please show hide choose
    chosen people person together compare overview walk through call calls price prices
    notes note language country countries treatment matters
"""
ENGLISH_ONLY = frozenset(_ENGLISH_WORDS.split())
# Names kvet shows in every language: products, services, instruments, the app itself.
NAMES = (
    "kvet",
    "PHQ-9",
    "Spravato",
    "REMS",
    "FDA",
    "NICE",
    "NHS",
    "Samaritans",
    "Shout",
    "Lifeline",
    "Pfizer",
    "Qt",
)
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
URL = re.compile(r"\b(?:https?://|www\.)\S+|\S+@\S+")


class _Text(HTMLParser):
    """The words of a rich-text label without its tags (Qt shows only the words)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain(text: str) -> str:
    if "<" in text and ">" in text:
        parser = _Text()
        parser.feed(text)
        text = " ".join(parser.parts)
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


@cache
def english_sources() -> frozenset[str]:
    """The English sources whose Spanish differs (a source equal to its translation is a name)."""
    root = ET.parse(kvet_translations_dir() / "kvet_es.ts").getroot()
    found = set()
    for message in root.iter("message"):
        source = plain(message.findtext("source", "")).strip()
        translation = plain(message.findtext("translation", "") or "").strip()
        if source and translation and source != translation:
            found.add(source)
    return frozenset(found)


def _columns(model: QAbstractItemModel, parent: QModelIndex) -> int:
    """A list model hides ``columnCount`` from Python; it has one column."""
    try:
        return model.columnCount(parent)
    except TypeError:
        return 1


def _model_texts(model: QAbstractItemModel, rows: int = 60) -> Iterator[str]:
    roles = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole)
    for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
        count = _columns(model, QModelIndex()) if orientation is Qt.Orientation.Horizontal else 0
        for section in range(count):
            for role in roles:
                value = model.headerData(section, orientation, role)
                if isinstance(value, str):
                    yield value

    def walk(parent: QModelIndex, depth: int) -> Iterator[str]:
        for row in range(min(model.rowCount(parent), rows)):
            for column in range(_columns(model, parent)):
                index = model.index(row, column, parent)
                for role in (*roles, Qt.ItemDataRole.AccessibleTextRole):
                    value = model.data(index, role)
                    if isinstance(value, str):
                        yield value
                if column == 0 and depth < 3 and model.rowCount(index) > 0:
                    yield from walk(index, depth + 1)

    yield from walk(QModelIndex(), 0)


def _menu_texts(menu: QMenu) -> Iterator[str]:
    yield menu.title()
    for action in menu.actions():
        yield action.text()
        yield action.toolTip() if action.toolTip() != action.text().replace("&", "") else ""
        yield action.statusTip()
        sub = action.menu()
        if isinstance(sub, QMenu):
            yield from _menu_texts(sub)


def widget_texts(widget: QWidget) -> Iterator[str]:
    """What one widget shows or says, not counting what the user typed into it."""
    yield widget.toolTip()
    yield widget.accessibleName()
    yield widget.accessibleDescription()
    yield widget.statusTip()
    yield widget.whatsThis()
    if widget.isWindow():
        yield widget.windowTitle()
    if isinstance(widget, QLabel | QAbstractButton):
        yield widget.text()
    if isinstance(widget, QGroupBox):
        yield widget.title()
    if isinstance(widget, QTabWidget):
        for i in range(widget.count()):
            yield widget.tabText(i)
            yield widget.tabToolTip(i)
    if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
        yield widget.placeholderText()
        if isinstance(widget, QTextEdit | QPlainTextEdit) and widget.isReadOnly():
            yield widget.toPlainText()
    if isinstance(widget, QComboBox):
        for i in range(widget.count()):
            yield widget.itemText(i)
    if isinstance(widget, QAbstractItemView) and widget.model() is not None:
        yield from _model_texts(widget.model())
    if isinstance(widget, QMainWindow):
        for action in widget.menuBar().actions():
            sub = action.menu()
            if isinstance(sub, QMenu):
                yield from _menu_texts(sub)
        yield widget.statusBar().currentMessage()


def visible_texts(root: QWidget) -> list[str]:
    """Every text shown in ``root`` and its visible children (hidden pages are not read)."""
    widgets = [root, *(w for w in root.findChildren(QWidget) if w.isVisibleTo(root))]
    texts = []
    for widget in widgets:
        for text in widget_texts(widget):
            text = plain(text).strip()
            if text:
                texts.append(text)
    return list(dict.fromkeys(texts))


def without_names(text: str, names: Iterable[str]) -> str:
    # names are read as the screen shows them (a "&" is a shortcut mark to Qt)
    for name in sorted({*NAMES, *(plain(n) for n in names)}, key=len, reverse=True):
        if name:
            text = text.replace(name, " ")
    return URL.sub(" ", text)


def english_words(text: str) -> list[str]:
    return [w for w in WORD.findall(text) if w.lower().replace("’", "'") in ENGLISH_ONLY]


def english_left(texts: Iterable[str], names: Iterable[str] = ()) -> list[str]:
    """The texts a Spanish reader would find in English, each with the reason."""
    names = tuple(names)
    sources = english_sources()
    found = []
    for text in dict.fromkeys(texts):
        rest = without_names(text, names)
        if not rest.strip():
            continue
        words = english_words(rest)
        if words:
            found.append(f"{text!r} (English words: {', '.join(dict.fromkeys(words))})")
        elif text in sources and not WORD.fullmatch(text):
            found.append(f"{text!r} (an English source in kvet_es.ts)")
    return found
