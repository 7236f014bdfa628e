"""Marking words for translation where they are written, translating them where they are shown.

Tables and module constants are read before a translator may be installed, and tests compare
against the English, so they keep the English and mark it with ``QT_TRANSLATE_NOOP`` (the name
pyside6-lupdate looks for, typed here as ``str``); the code that shows them calls ``translate``
with the same context. See scripts/translations.py.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Leave ``text`` as it is; the call only tells lupdate that it belongs to ``context``."""
    return text


def translate(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)
