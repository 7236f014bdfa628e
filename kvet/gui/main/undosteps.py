"""Undo and Redo in the Edit menu name the step they would undo, in the window's language.

The store names each step in English ("Add clinic “Harbor”"); its words are marked here for
the translators, and a name or question after them, in quotes, is kept as it is.
"""

from __future__ import annotations

from PySide6.QtGui import QAction

from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate

UNDO_WORDS = (
    QT_TRANSLATE_NOOP("Undo", "Answer"),
    QT_TRANSLATE_NOOP("Undo", "Set"),
    QT_TRANSLATE_NOOP("Undo", "Edit note"),
    QT_TRANSLATE_NOOP("Undo", "Change where an answer came from"),
    QT_TRANSLATE_NOOP("Undo", "Add clinic"),
    QT_TRANSLATE_NOOP("Undo", "Edit clinic"),
    QT_TRANSLATE_NOOP("Undo", "Remove clinic"),
    QT_TRANSLATE_NOOP("Undo", "Create comparison"),
    QT_TRANSLATE_NOOP("Undo", "Rename comparison"),
    QT_TRANSLATE_NOOP("Undo", "Delete comparison"),
    QT_TRANSLATE_NOOP("Undo", "Rename person"),
    QT_TRANSLATE_NOOP("Undo", "Change weights"),
    QT_TRANSLATE_NOOP("Undo", "Change how answers are combined"),
    QT_TRANSLATE_NOOP("Undo", "Settle"),
    QT_TRANSLATE_NOOP("Undo", "Withdraw the decision on"),
    QT_TRANSLATE_NOOP("Undo", "Change the treatment plan"),
    QT_TRANSLATE_NOOP("Undo", "Add a session"),
    QT_TRANSLATE_NOOP("Undo", "Add a PHQ-9"),
    QT_TRANSLATE_NOOP("Undo", "Add a mood check"),
    QT_TRANSLATE_NOOP("Undo", "Add a therapy or care session"),
    QT_TRANSLATE_NOOP("Undo", "Add a week's markers"),
    QT_TRANSLATE_NOOP("Undo", "Change an entry"),
    QT_TRANSLATE_NOOP("Undo", "Remove an entry"),
)


def undo_words(text: str) -> str:
    """The store's name of a step in the window's language: its words, then any “name”."""
    words, quote, rest = text.partition(" “")
    if words in UNDO_WORDS:
        return translate("Undo", words) + (f" “{rest}" if quote else "")
    return text


def name_steps(
    undo_action: QAction, redo_action: QAction, undo: str | None, redo: str | None
) -> None:
    """Undo and Redo usable only when there is a step, each named after it."""
    undo_action.setEnabled(undo is not None)
    undo_action.setText(
        translate("MainWindow", "&Undo {step}").format(step=undo_words(undo))
        if undo
        else translate("Actions", "&Undo")
    )
    redo_action.setEnabled(redo is not None)
    redo_action.setText(
        translate("MainWindow", "&Redo {step}").format(step=undo_words(redo))
        if redo
        else translate("Actions", "&Redo")
    )
