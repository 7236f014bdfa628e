"""The sample comparison in the window's language: a Spanish reader's sample is in Spanish.

kvet.start.sample (core, no Qt) keeps its texts in English; they are marked here for
pyside6-lupdate,
and tests/gui/test_no_english_left.py checks that this list and the core's agree.
"""

from __future__ import annotations

from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate

CONTEXT = "Sample"
TEXTS = (
    QT_TRANSLATE_NOOP("Sample", "Sample comparison (fictional clinics)"),
    QT_TRANSLATE_NOOP("Sample", "Clinic {letter} (fictional)"),
    QT_TRANSLATE_NOOP(
        "Sample", "This clinic is made up, to show how kvet works. Delete it whenever you like."
    ),
    QT_TRANSLATE_NOOP(
        "Sample", "Six infusions over two and a half weeks (made up for the sample)."
    ),
    QT_TRANSLATE_NOOP("Sample", "PHQ-9 before the first session and every two weeks."),
    QT_TRANSLATE_NOOP("Sample", "Weekly, then every two weeks, if the gains hold."),
    QT_TRANSLATE_NOOP(
        "Sample", "A review with the psychiatrist if there is no response by session 6."
    ),
    QT_TRANSLATE_NOOP("Sample", "IV infusion"),
    QT_TRANSLATE_NOOP("Sample", "Same as last time, the nurse said"),
    QT_TRANSLATE_NOOP("Sample", "Sample session"),
    QT_TRANSLATE_NOOP("Sample", "Therapy"),
)


def sample_say(english: str) -> str:
    return translate(CONTEXT, english)
