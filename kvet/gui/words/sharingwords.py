"""The sharing dialogs' words that the core writes: an import plan and a password's strength.

kvet.exchange.importer and kvet.exchange.passphrase (core, no Qt) keep the templates in English;
their Spanish is in the catalogue (kvet.content.catalogue), with the answers' words a plan names.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from kvet.content.catalogue import core_say, sentence
from kvet.exchange.passphrase import Strength, assess

if TYPE_CHECKING:
    from kvet.exchange.importplan import Conflict, ImportPlan


def _plan_say(english: str) -> str:
    """The plan's words; an answer's label ("Seen") is the answer buttons' word."""
    return sentence(english)


def plan_summary(plan: ImportPlan) -> str:
    """``ImportPlan.summary``, in the window's language."""
    return plan.summary(_plan_say)


def conflict_sentence(conflict: Conflict) -> str:
    """``Conflict.sentence``, in the window's language."""
    return conflict.sentence(_plan_say)


def strength(password: str, names: Iterable[str] = ()) -> Strength:
    """``kvet.exchange.passphrase.assess``, its words in the window's language."""
    return assess(password, core_say(), names)
