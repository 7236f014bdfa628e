"""Counted words and articles, so no sentence says "1 sessions" or "a 80% fall".

The core's sentences are English templates turned into the reader's language by ``say``. Where
English changes a word with the number (one session, two sessions; a 40% fall, an 80% fall),
the core keeps each form as its own template and picks one here, by the English rule. Each
language translates every form, so Spanish ("1 sesión", "8 sesiones"; "una bajada del 80%")
reads right too: both English articles simply translate to the same Spanish words.
"""

from __future__ import annotations

from collections.abc import Callable

# "one", then the rest: English and Spanish both use the singular for exactly 1 (0 is plural).
Forms = tuple[str, str]


def counted(forms: Forms, count: int, say: Callable[[str], str] = str) -> str:
    """ "1 session", "0 sessions", "8 sessions": ``forms`` is (one, other), with {count}."""
    return say(forms[0] if count == 1 else forms[1]).format(count=count)


def takes_an(number: int) -> bool:
    """Whether English says "an" before ``number`` read aloud: an 8, an 11, an 18, an 80, an
    800, an 11,000; but a 1, a 10, a 100, a 1,100 ("one thousand one hundred")."""
    digits = str(abs(number))
    lead = digits[: len(digits) % 3 or 3]  # the group read first: "11" in 11,000
    return lead.startswith("8") or lead in ("11", "18")


def with_article(forms: Forms, number: int, say: Callable[[str], str] = str) -> str:
    """``forms`` is ("a …", "an …"); the one English would say before ``number``, in the
    reader's language. The template is returned unformatted: the caller fills its fields."""
    return say(forms[1] if takes_an(number) else forms[0])
