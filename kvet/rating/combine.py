"""Deciding together: several people's answers on one item, merged by a rule the user can see.

Pure functions, no I/O. Two people often hear different things from the same clinic; kvet keeps
each person's answer and combines them only for the combined view, instead of letting whoever
typed last win silently.

What "more cautious" means
--------------------------
The more cautious of two answers is the one that gives the clinic *less credit*
(``kvet.rating.answers.OPTIONS``), exactly the credit ``kvet.rating.scoring`` adds up. For each
kind, from most
to least cautious:

- red flag: Seen (0), The clinic would not say (0), Not seen (1). If anyone saw the red flag, it
  counts as seen, so a dealbreaker seen by one person marks the clinic "not recommended" in the
  combined view; "would not say" gives the same credit but rules nothing out, so "Seen" goes
  first.
- practice: No (0), The clinic would not say (0), Yes (1). A practice counts as in place only if
  nobody reported it missing.
- question: Would not answer (0), Vague answer (0.4), Clear answer (1).
- fact (a number): the larger number. Every fact the checklist asks for is a cost in money or
  time (price per session, consultation fee, sessions in the first phase, travel time), where
  more is worse for the patient, so the cautious figure to plan with is the highest one heard.

Unknowns ("Not sure", "Not asked yet", or a note with no answer) carry no credit and never
override an actual answer under either rule: an item stays unknown only until someone answers.
When nobody has answered, the latest unknown is kept, so the view can still say "Not sure".

Decisions
---------
A disagreement is settled by a decision, recorded with who made it and when. A decision made
after every actual answer on the item wins. Once someone answers the item again, the decision is
out of date: the rule applies to everyone's answers again and, if they still differ, the
disagreement is listed again. So a decision is never silently overtaken by stale answers, and a
new answer is never silently hidden by an old decision.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from kvet.content.checklist import Kind
from kvet.rating.answers import OPTIONS, ORIGIN_LABELS, Choice, Origin
from kvet.text.datewords import day_words

# Numbers closer than this are the same figure (a price typed as 450 and 450.0).
SAME_NUMBER = 1e-6
# "The clinic would not say" gives the credit of "Seen" or "No" but is a different answer: it is
# placed just after them, so the honest bad answer is the one that counts.
WITHHELD = 1e-3


class Rule(StrEnum):
    """How the combined view merges people's answers; the user sees and changes it."""

    CAUTIOUS = "cautious"
    LATEST = "latest"


RULE_TEXT: dict[Rule, str] = {
    Rule.CAUTIOUS: (
        "When people's answers differ, the more cautious one counts: if anyone saw a red flag, it "
        "counts as seen, and a good practice counts only if nobody found it missing. "
        "“Not sure” never overrides an answer someone actually got."
    ),
    Rule.LATEST: (
        "When people's answers differ, the most recent one counts, whoever gave it. "
        "“Not sure” never overrides an answer someone actually got."
    ),
}

RULE_NAMES: dict[Rule, str] = {
    Rule.CAUTIOUS: "The more cautious answer",
    Rule.LATEST: "The most recent answer",
}

# Where people differ and what they settled, in English; kvet/gui/togetherwords.py marks the
# same templates for translation and passes ``say``.
SETTLED = "{clinic}: “{statement}” settled as {agreed}, by {who} on {day}."
DIFFER = "{said} — on “{statement}”"
PERSON_SAID = "{name}: {answer}"
NO_ANSWER = "no answer"
# PERSON_SAID has no words of its own to translate: it is left out of the list.
SENTENCES = (*RULE_TEXT.values(), SETTLED, DIFFER, NO_ANSWER)


class Said(Protocol):
    """Anything that carries an answer and when it was given: an ``Opinion``, or a bare row."""

    @property
    def choice(self) -> Choice | None: ...

    @property
    def number(self) -> float | None: ...

    @property
    def answered_at(self) -> datetime: ...


@dataclass(frozen=True)
class Opinion:
    """One person's answer on one item of one clinic."""

    rater_id: str
    rater_name: str
    choice: Choice | None
    number: float | None
    note: str
    origin: Origin
    answered_at: datetime

    def answer_text(self, unit: str = "", say: Callable[[str], str] = str) -> str:
        """The answer in words, lower case so it reads inside a sentence: "vague answer"."""
        return answer_text(self.choice, self.number, unit, say)


@dataclass(frozen=True)
class Decision:
    """What the family settled on for one item, after a second call or a talk; who and when."""

    clinic_id: str
    item_id: str
    choice: Choice | None
    number: float | None
    decided_by: str  # rater id
    decided_by_name: str
    decided_at: datetime
    note: str = ""

    def sentence(
        self, clinic_name: str, statement: str, unit: str = "", say: Callable[[str], str] = str
    ) -> str:
        """'Clinic B: “…” settled as clear answer, by Mum on 28 Nov 2026.'"""
        return say(SETTLED).format(
            clinic=clinic_name,
            statement=statement,
            agreed=answer_text(self.choice, self.number, unit, say),
            who=self.decided_by_name,
            day=day_words(self.decided_at, say),
        )


@dataclass(frozen=True)
class Disagreement:
    """People gave different answers on one item, and no decision since has settled it."""

    clinic_id: str
    clinic_name: str
    item_id: str
    statement: str
    opinions: tuple[Opinion, ...]
    unit: str = ""  # for facts: "USD", "minutes"

    def sentence(self, say: Callable[[str], str] = str) -> str:
        """ "Me: clear answer; Alex: vague answer — on “How is response measured?”" """
        said = "; ".join(
            say(PERSON_SAID).format(name=o.rater_name, answer=o.answer_text(self.unit, say))
            for o in self.opinions
        )
        return say(DIFFER).format(said=said, statement=self.statement)

    def lines(self) -> list[str]:
        """One line per person, with where the answer came from and their note, for settling."""
        out = []
        for o in self.opinions:
            line = f"{o.rater_name}: {o.answer_text(self.unit)} ({ORIGIN_LABELS[o.origin].lower()})"
            if o.note.strip():
                line += f" — “{o.note.strip()}”"
            out.append(line)
        return out

    @property
    def key(self) -> tuple[str, str]:
        return self.clinic_id, self.item_id


def answer_text(
    choice: Choice | None, number: float | None, unit: str = "", say: Callable[[str], str] = str
) -> str:
    """An answer in words, lower case so it reads inside a sentence: "vague answer", "450 USD"."""
    if number is not None:
        figure = f"{number:,.0f}" if number == round(number) else f"{number:,.2f}"
        return f"{figure} {say(unit) if unit else ''}".strip()
    if choice is None:
        return say(NO_ANSWER)
    text = say(_LABELS.get(choice, choice.value.replace("_", " ")))
    return text[:1].lower() + text[1:]


_LABELS: dict[Choice, str] = {o.choice: o.label for options in OPTIONS.values() for o in options}
_CREDIT: dict[Kind, dict[Choice, float | None]] = {
    kind: {o.choice: o.credit for o in options} for kind, options in OPTIONS.items()
}


def caution(kind: Kind, choice: Choice | None, number: float | None) -> float | None:
    """Sort key: lower is more cautious; None for an unknown, which never wins over an answer.

    For choices this is the credit the answer gives the clinic; for facts, minus the number
    (a larger cost or a longer trip is the more cautious figure).
    """
    if kind is Kind.FACT:
        return None if number is None else -number
    if choice is None:
        return None
    level = _CREDIT[kind].get(choice)
    if level is not None and choice is Choice.REFUSED and kind is not Kind.QUESTION:
        return level + WITHHELD  # same credit as "Seen" or "No", which go first
    return level


def is_answer(kind: Kind, choice: Choice | None, number: float | None) -> bool:
    """Whether this is actual information about the clinic, not "not sure" or a bare note."""
    return caution(kind, choice, number) is not None


def same_answer(kind: Kind, a: Said, b: Said) -> bool:
    if kind is Kind.FACT:
        if a.number is None or b.number is None:
            return a.number is b.number
        return abs(a.number - b.number) <= SAME_NUMBER
    return a.choice is b.choice


def settles(kind: Kind, decision: Decision | None, opinions: Iterable[Said]) -> bool:
    """Whether ``decision`` was made after every actual answer on the item (or none exists)."""
    if decision is None:
        return False
    return all(
        o.answered_at <= decision.decided_at
        for o in opinions
        if is_answer(kind, o.choice, o.number)
    )


def combine(
    kind: Kind,
    opinions: Sequence[Said],
    rule: Rule = Rule.CAUTIOUS,
    decision: Decision | None = None,
) -> tuple[Choice | None, float | None]:
    """The combined answer on one item, as ``(choice, number)``; facts have a number only.

    A decision made after every actual answer wins; otherwise ``rule`` picks among the actual
    answers, and unknowns only count when nobody has answered.
    """
    if decision is not None and settles(kind, decision, opinions):
        return decision.choice, decision.number
    best: Said | None = None
    best_level = 0.0
    latest_unknown: Said | None = None
    for said in opinions:
        level = caution(kind, said.choice, said.number)
        if level is None:
            if said.choice is not None and (
                latest_unknown is None
                # the same unknown again changes nothing, so its date need not be read
                or (
                    said.choice is not latest_unknown.choice
                    and said.answered_at >= latest_unknown.answered_at
                )
            ):
                latest_unknown = said
            continue
        if best is None or _goes_first(rule, level, said, best_level, best):
            best, best_level = said, level
    if best is not None:
        return (None, best.number) if kind is Kind.FACT else (best.choice, None)
    if latest_unknown is not None and kind is not Kind.FACT:
        return latest_unknown.choice, None
    return None, None


def _goes_first(rule: Rule, level: float, said: Said, best_level: float, best: Said) -> bool:
    """Whether ``said`` counts instead of ``best``, the answer that counted so far.

    Cautious: the lower credit. Two answers with the same level are the same answer (each
    answer of a kind has its own level, and a fact's is minus its number), so which of them
    counts changes nothing, and no date is read: most items are merged without parsing one.
    Latest: the later answer, the more cautious one on a tie.
    """
    if rule is Rule.CAUTIOUS:
        return level < best_level
    moment, best_moment = said.answered_at.timestamp(), best.answered_at.timestamp()
    return moment > best_moment or (moment == best_moment and level < best_level)


def disagreeing(
    kind: Kind, opinions: Sequence[Opinion], decision: Decision | None = None
) -> tuple[Opinion, ...]:
    """The actual answers on an item when they differ and no later decision settled them.

    Empty when everyone who answered agrees, when fewer than two answered, or when settled.
    """
    answers = [o for o in opinions if is_answer(kind, o.choice, o.number)]
    if len(answers) < 2 or all(same_answer(kind, answers[0], o) for o in answers[1:]):
        return ()
    if settles(kind, decision, answers):
        return ()
    return tuple(answers)
