"""The sharing dialogs' words that the core writes: an import plan and a password's strength.

kvet.exchange.importer and kvet.exchange.passphrase (core, no Qt) keep the templates in English;
they are marked here for pyside6-lupdate, and tests/gui/test_spanish_dialogs.py checks that these
lists and the core's agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from kvet.exchange.passphrase import Strength, assess
from kvet.gui.words.answerwords import answer_word
from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate
from kvet.rating.answers import OPTIONS

if TYPE_CHECKING:
    from kvet.exchange.importer import Conflict, ImportPlan

PLAN_CONTEXT = "ImportPlan"
PLAN_TEMPLATES = (
    QT_TRANSLATE_NOOP(
        "ImportPlan", "{clinic}, {what}: yours says “{mine}”, the file says “{theirs}”."
    ),
    QT_TRANSLATE_NOOP("ImportPlan", "the clinic's {field}"),
    QT_TRANSLATE_NOOP("ImportPlan", "what you decided together on “{item}”"),
    QT_TRANSLATE_NOOP("ImportPlan", " (decided by {name})"),
    QT_TRANSLATE_NOOP("ImportPlan", "someone"),
    QT_TRANSLATE_NOOP("ImportPlan", "not answered"),
    QT_TRANSLATE_NOOP("ImportPlan", "none"),
    QT_TRANSLATE_NOOP("ImportPlan", "empty"),
    QT_TRANSLATE_NOOP("ImportPlan", "This file brings {parts}."),
    QT_TRANSLATE_NOOP("ImportPlan", "{count} new clinic(s)"),
    QT_TRANSLATE_NOOP("ImportPlan", "{count} clinic(s) you already have"),
    QT_TRANSLATE_NOOP("ImportPlan", "{count} answer(s) to add"),
    QT_TRANSLATE_NOOP("ImportPlan", "{count} decision(s) you settled together"),
    QT_TRANSLATE_NOOP("ImportPlan", "answers from {names}, as new people"),
    QT_TRANSLATE_NOOP("ImportPlan", "answers from {theirs} added as your “{mine}”"),
    QT_TRANSLATE_NOOP("ImportPlan", "{count} private pre-screen topic(s)"),
    QT_TRANSLATE_NOOP("ImportPlan", "{count} treatment record(s)"),
    QT_TRANSLATE_NOOP(
        "ImportPlan", "{count} treatment record(s) you already have, left as they are"
    ),
    QT_TRANSLATE_NOOP("ImportPlan", "{count} difference(s) for you to settle"),
    QT_TRANSLATE_NOOP("ImportPlan", "no differences with what you have"),
    QT_TRANSLATE_NOOP(
        "ImportPlan",
        " It also holds {count} private pre-screen topic(s); "
        "they are left out unless you choose to import them.",
    ),
    QT_TRANSLATE_NOOP(
        "ImportPlan",
        " It also holds {count} treatment record(s); they are "
        "left out unless you choose to import them.",
    ),
    # The clinic's details, as CLINIC_FIELD_NAMES names them.
    QT_TRANSLATE_NOOP("ImportPlan", "name"),
    QT_TRANSLATE_NOOP("ImportPlan", "address"),
    QT_TRANSLATE_NOOP("ImportPlan", "phone"),
    QT_TRANSLATE_NOOP("ImportPlan", "website"),
    QT_TRANSLATE_NOOP("ImportPlan", "notes"),
    QT_TRANSLATE_NOOP("ImportPlan", "treatments offered"),
    QT_TRANSLATE_NOOP("ImportPlan", "currency of prices"),
)

ANSWER_LABELS = frozenset(option.label for options in OPTIONS.values() for option in options)

STRENGTH_CONTEXT = "PasswordStrength"
STRENGTH_TEMPLATES = (
    QT_TRANSLATE_NOOP("PasswordStrength", "Type a password."),
    QT_TRANSLATE_NOOP(
        "PasswordStrength",
        "Too short: {length} of at least {minimum} characters. A few unrelated words "
        "are easy to remember and hard to guess.",
    ),
    QT_TRANSLATE_NOOP(
        "PasswordStrength",
        "Too easy to guess: it is close to a common password, word, date or pattern. "
        "Add another unrelated word or two.",
    ),
    QT_TRANSLATE_NOOP(
        "PasswordStrength",
        "Too easy to guess: it uses the name of someone in this comparison. "
        "Add another unrelated word or two.",
    ),
    QT_TRANSLATE_NOOP("PasswordStrength", "Good enough: guessing it would take a very long time."),
    QT_TRANSLATE_NOOP(
        "PasswordStrength", "Strong: guessing it would take far longer than a lifetime."
    ),
)


def _plan_say(english: str) -> str:
    """The plan's words; an answer's label ("Seen") is the answer buttons' word."""
    if english in ANSWER_LABELS:
        return answer_word(english)
    return translate(PLAN_CONTEXT, english)


def plan_summary(plan: ImportPlan) -> str:
    """``ImportPlan.summary``, in the window's language."""
    return plan.summary(_plan_say)


def conflict_sentence(conflict: Conflict) -> str:
    """``Conflict.sentence``, in the window's language."""
    return conflict.sentence(_plan_say)


def strength(password: str, names: Iterable[str] = ()) -> Strength:
    """``kvet.exchange.passphrase.assess``, its words in the window's language."""
    return assess(password, lambda english: translate(STRENGTH_CONTEXT, english), names)
