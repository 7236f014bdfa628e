"""The window's words that are the printouts' words too, in the window's language.

A heading of the guide, a column of the session log, a factor of the weights, a country's name:
where the window and the printouts say the same thing, issue 28 asks that it is written once.
Its one home is the printouts' words (``resources/report/words.toml`` and its ``.es.toml``
overlay), so a reader meets the same Spanish on screen and on paper; the window asks for it here
by table and id instead of keeping its own copy in Qt's .ts. The words file is read the first
time a text is asked for, never before the first paint (tests/gui/test_lean_start.py).
tests/test_one_window_paper.py fails when a sentence is written in both places again.
"""

from __future__ import annotations

from collections.abc import Callable


def paper(table: str, key: str) -> str:
    """The printouts' text ``table.key`` in the window's language (``kvet.text.language``)."""
    from kvet.content.printwords import load_words

    return load_words()(table, key)


def paper_say(table: str) -> Callable[[str], str]:
    """English text of the printouts' ``table`` -> the window's language; other text as it is.
    For English the core hands over (the guide's headings), rather than an id."""
    from kvet.content.printwords import load_words

    return load_words().say(table)
