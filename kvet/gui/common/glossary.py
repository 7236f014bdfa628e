"""Glossary explanations on the labels that show checklist text: on hover and for screen readers.

The glossary is read once. If its file cannot be read, kvet works on without explanations (the
checklist itself is intact) and says so once on stderr, without any health data.
"""

from __future__ import annotations

import sys
from functools import lru_cache

from PySide6.QtWidgets import QWidget

from kvet.content.glossary import Glossary, GlossaryError, load_glossary
from kvet.gui.common.text import plain_tooltip
from kvet.gui.words.tr import translate
from kvet.text import language


def shared_glossary() -> Glossary | None:
    return _glossary_in(language.active())


@lru_cache(maxsize=2)
def _glossary_in(lang: str) -> Glossary | None:
    try:
        return load_glossary(lang=lang)
    except GlossaryError as exc:
        print(f"kvet: word explanations are not available: {exc}", file=sys.stderr)
        return None


def explain_on(widget: QWidget, caption: str, text: str) -> str:
    """Explain the glossary words in ``text`` on ``widget``: tooltip and accessible description.

    Returns the explanation (empty when the text has no glossary words), after the caption the
    screen reader already announced ("Why it matters").
    """
    glossary = shared_glossary()
    words = glossary.explain(text) if glossary is not None else ""
    widget.setToolTip(plain_tooltip(words) or "")
    widget.setAccessibleDescription(
        translate("Glossary", "{caption}. Words explained: {words}").format(
            caption=caption, words=words
        )
        if words
        else caption
    )
    return words
