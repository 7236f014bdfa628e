"""How far the walkthrough has come, counted in the same units as the scores.

The walkthrough has steps (every item that applies, the facts such as prices included), the
scores count scored questions (known answers among the items that carry weight or are
dealbreakers). Both counts are made here from the scorer itself, so the walkthrough, the clinic
list and the Overview never disagree about how many questions there are.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from kvet.content.checklist import Format, Kind
from kvet.rating.answers import Choice, ClinicAnswers
from kvet.rating.scoring import Scorer

# The progress words in English, one (singular, plural) pair each. The core never imports Qt,
# so kvet.gui.words.progresswords marks the same strings for the translators and passes
# ``translate`` in.
QUESTIONS = (
    "{answered} of {questions} question answered",
    "{answered} of {questions} questions answered",
)
FACTS = (", {given} of {facts} fact", ", {given} of {facts} facts")
TEMPLATES = (*QUESTIONS, *FACTS)


@dataclass(frozen=True)
class Count:
    """One section's (or the whole checklist's) progress in steps, questions and facts."""

    section_id: str  # "" for the whole checklist
    title: str
    steps: int
    steps_done: int
    questions: int  # scored questions, as the clinic list and Overview count them
    answered: int
    facts: int
    facts_given: int

    def words(self, say: Callable[[str], str] = str) -> str:
        """ "3 of 12 questions answered, 1 of 4 facts" (facts only where there are some).

        ``say`` turns an English template into the window's language (the GUI passes its
        translator); the numbers are filled in afterwards, so every language counts the same.
        """
        text = say(_pick(QUESTIONS, self.questions)).format(
            answered=self.answered, questions=self.questions
        )
        if self.facts:
            text += say(_pick(FACTS, self.facts)).format(given=self.facts_given, facts=self.facts)
        return text


def _pick(forms: tuple[str, str], count: int) -> str:
    return forms[0] if count == 1 else forms[1]


def progress(
    scorer: Scorer,
    formats: frozenset[Format],
    choices: Mapping[str, Choice | None],
    numbers: Mapping[str, float | None],
) -> tuple[Count, list[Count]]:
    """The whole checklist's count and each section's (sections with no steps left out)."""
    checklist = scorer.checklist
    known = {k: v for k, v in choices.items() if v is not None}
    given = {k: v for k, v in numbers.items() if v is not None}
    result = scorer.score(ClinicAnswers("", "", formats, known, given))
    by_section = {s.section_id: s for s in result.sections}
    counts = []
    for section in checklist.sections:
        items = [i for i in checklist.items_in(section.id) if i.applies_to(formats)]
        if not items:
            continue
        facts = [i for i in items if i.kind is Kind.FACT]
        scored = by_section[section.id]
        counts.append(
            Count(
                section.id,
                section.title,
                steps=len(items),
                steps_done=sum(1 for i in items if i.id in known or i.id in given),
                questions=scored.applicable,
                answered=scored.answered,
                facts=len(facts),
                facts_given=sum(1 for i in facts if i.id in given),
            )
        )
    whole = Count(
        "",
        checklist.title,
        steps=sum(c.steps for c in counts),
        steps_done=sum(c.steps_done for c in counts),
        questions=result.applicable,
        answered=result.answered,
        facts=sum(c.facts for c in counts),
        facts_given=sum(c.facts_given for c in counts),
    )
    return whole, counts
