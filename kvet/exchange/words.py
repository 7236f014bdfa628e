"""The fixed words of a printout, for the exchange code: a damaged words file is an export error,
and the sentences the core makes, said in the printout's language.

The window and the command line show an ``ExchangeError`` as a plain message and write nothing;
``kvet.content.translations.WordsError`` alone would reach them as an unexpected failure. The
core's own sentences (why a clinic is ruled out, what the family settled) are built by the core,
its ``say`` answered from the catalogue (``kvet.content.catalogue``) the window reads too, so a
sentence reads the same on paper and on screen.
"""

from __future__ import annotations

from collections.abc import Callable

from kvet.content.catalogue import core_say
from kvet.content.translations import Words, WordsError, load_words
from kvet.exchange.errors import ExchangeError
from kvet.exchange.table import ComparisonTable
from kvet.rating.money import unit_for
from kvet.store.api import Store


def printout_words(lang: str | None = None) -> Words:
    """The words of printouts in ``lang`` (by default the language of this run)."""
    try:
        return load_words(lang)
    except WordsError as exc:
        raise ExchangeError("export.words-damaged", problem=str(exc)) from exc


def say_for(w: Words) -> Callable[[str], str]:
    """The core's ``say`` in the printout's language."""
    return core_say(w.lang)


def whose_line(
    store: Store, comparison_id: str, rater_id: str | None, combined: bool, w: Words
) -> str:
    """Whose answers a printout shows, as ``kvet.exchange.table.build_table`` says it in English
    (a test holds the English the same)."""
    if combined:
        rule = w("verdict", store.decisions.rule(comparison_id).value)
        return w("verdict", "together").format(rule=rule)
    rater = rater_id or store.people.default().id
    person = next((r.name for r in store.people.list() if r.id == rater), "")
    return w("verdict", "answers_of").format(person=person)


def settled_lines(store: Store, table: ComparisonTable, w: Words) -> list[str]:
    """What the family settled, one sentence per decision (``Decision.sentence``)."""
    checklist = store.settings.country_checklist
    say = say_for(w)
    lines = []
    for clinic in table.clinics:
        for item_id, decision in store.decisions.by_item(clinic.id).items():
            decided = checklist.items_by_id.get(item_id)
            statement = decided.statement if decided else item_id.replace("_", " ")
            unit = unit_for(decided.unit, clinic.currency) if decided else ""
            lines.append(decision.sentence(clinic.name, statement, unit, say))
    return lines
