"""The fixed words of a printout, for the exchange code: a damaged words file is an export error,
and the sentences the core makes in English, said in the printout's language.

The window and the command line show an ``ExchangeError`` as a plain message and write nothing;
``kvet.content.translations.WordsError`` alone would reach them as an unexpected failure.
"""

from __future__ import annotations

from datetime import date

from kvet.content.translations import Words, WordsError, load_words
from kvet.exchange.errors import ExchangeError
from kvet.exchange.table import ComparisonTable
from kvet.rating.answers import Choice
from kvet.rating.combine import Disagreement
from kvet.rating.money import unit_for
from kvet.rating.verdict import Reason
from kvet.store.api import Store


def printout_words(lang: str | None = None) -> Words:
    """The words of printouts in ``lang`` (by default the language of this run)."""
    try:
        return load_words(lang)
    except WordsError as exc:
        raise ExchangeError("export.words-damaged", problem=str(exc)) from exc


def reason_sentence(reason: Reason, w: Words) -> str:
    """``Reason.sentence`` in the printout's language (a test holds the English the same)."""
    if reason.seen_by:
        who = "; ".join(
            w("verdict", "sighting").format(who=s.who, date=short_date(s.when, w))
            for s in reason.seen_by
        )
        saw = w("verdict", "seen_by").format(who=who)
    else:
        saw = w("verdict", "recorded")
    return w("verdict", "reason").format(
        statement=reason.statement, saw=saw, whose=w.say("verdict")(reason.whose)
    )


def short_date(day: date, w: Words) -> str:
    """ "02 Dec 2026", the month in the printout's language."""
    return w("verdict", "date").format(
        day=f"{day:%d}", month=w("months", str(day.month)), year=day.year
    )


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


def answer_words(choice: Choice | None, number: float | None, unit: str, w: Words) -> str:
    """``kvet.rating.combine.answer_text`` in the printout's language: lower case, to read inside a
    sentence ("vague answer", "450 USD")."""
    if number is not None:
        figure = f"{number:,.0f}" if number == round(number) else f"{number:,.2f}"
        return f"{figure} {w.say('units')(unit)}".strip()
    if choice is None:
        return w("together", "no_answer")
    text = w("answers", choice.value)
    return text[:1].lower() + text[1:]


def disagreement_sentence(disagreement: Disagreement, w: Words) -> str:
    """``Disagreement.sentence`` in the printout's language (a test holds the English the same)."""
    said = "; ".join(
        w("together", "said").format(
            name=o.rater_name, answer=answer_words(o.choice, o.number, disagreement.unit, w)
        )
        for o in disagreement.opinions
    )
    return w("together", "differ").format(said=said, statement=disagreement.statement)


def settled_lines(store: Store, table: ComparisonTable, w: Words) -> list[str]:
    """What the family settled, one sentence per decision, as ``build_table`` says it in English
    (a test holds the English the same)."""
    checklist = store.settings.country_checklist
    lines = []
    for clinic in table.clinics:
        for item_id, decision in store.decisions.by_item(clinic.id).items():
            decided = checklist.items_by_id.get(item_id)
            statement = decided.statement if decided else item_id.replace("_", " ")
            unit = unit_for(decided.unit, clinic.currency) if decided else ""
            agreed = answer_words(decision.choice, decision.number, unit, w)
            lines.append(
                w("together", "settled").format(
                    clinic=clinic.name,
                    statement=statement,
                    agreed=agreed,
                    name=decision.decided_by_name,
                    date=short_date(decision.decided_at, w),
                )
            )
    return lines
