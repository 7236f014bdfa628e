"""docs/scoring.md shows worked examples; they are computed here, so the page cannot drift.

Every number in the examples block comes from the same code the app uses. If scoring changes,
this test fails and shows the new block; `python -m tests.test_scoring_doc` writes it into the
page.
"""

from __future__ import annotations

import sys
from pathlib import Path

from kvet.content.checklist import Checklist, Item, Kind, Section, Source
from kvet.rating.answers import Choice, ClinicAnswers
from kvet.rating.placesentence import place_sentence
from kvet.rating.ranking import rank, status_words
from kvet.rating.scorebounds import PRIOR_CREDIT
from kvet.rating.scorewords import points_text
from kvet.rating.scoring import Scorer, Weights

PAGE = Path(__file__).resolve().parents[1] / "docs" / "scoring.md"
START = "<!-- examples: computed by tests/test_scoring_doc.py -->"
END = "<!-- end of examples -->"


def small_checklist() -> Checklist:
    """Four items, small enough to recompute by hand."""

    def item(
        id_: str, kind: Kind, statement: str, ask: str, weight: float, dealbreaker: bool = False
    ) -> Item:
        return Item(
            id=id_,
            section="care",
            kind=kind,
            statement=statement,
            how_to_ask=ask,
            why_it_matters="Example.",
            sources=("X",),
            weight=weight,
            dealbreaker=dealbreaker,
        )

    return Checklist(
        version="1.0.0",
        title="Example",
        formats=(),
        sources=(Source(key="X", title="Example", citation="Example"),),
        sections=(Section(id="care", title="Care", intro="Example."),),
        items=(
            item(
                "plan",
                Kind.RED_FLAG,
                "No written emergency plan",
                "What happens if something goes wrong during a session?",
                3,
                dealbreaker=True,
            ),
            item(
                "bp",
                Kind.PRACTICE,
                "Blood pressure is checked every session",
                "Do you check blood pressure before and during each session?",
                2,
            ),
            item(
                "cost",
                Kind.QUESTION,
                "Costs are explained up front",
                "What will the first three months cost in total?",
                1,
            ),
            item(
                "follow",
                Kind.PRACTICE,
                "A follow-up call after each session",
                "Does someone call after each session to see how I am?",
                2,
            ),
        ),
    )


def examples() -> str:
    checklist = small_checklist()
    scorer = Scorer(checklist, Weights())
    clinics = [
        ClinicAnswers("n", "North", answers={"plan": Choice.NOT_SEEN, "bp": Choice.YES}),
        ClinicAnswers(
            "s",
            "South",
            answers={
                "plan": Choice.NOT_SEEN,
                "bp": Choice.YES,
                "cost": Choice.VAGUE,
                "follow": Choice.YES,
            },
        ),
        ClinicAnswers("e", "East", answers={"cost": Choice.CLEAR}),
        ClinicAnswers(
            "w",
            "West",
            answers={
                "plan": Choice.SEEN,
                "bp": Choice.YES,
                "cost": Choice.CLEAR,
                "follow": Choice.YES,
            },
        ),
    ]
    ranking = rank(scorer.score_all(clinics))
    lines = [
        "Four items: a red flag “No written emergency plan” (weight 3, a dealbreaker), the "
        "practices “Blood pressure is checked every session” (weight 2) and “A follow-up call "
        "after each session” (weight 2), and the question “Costs are explained up front” "
        "(weight 1). Total weight 8. Credits: good 1, vague 0.4, bad 0; an unanswered question "
        f"counts {PRIOR_CREDIT:g}.",
        "",
        "| Place | Clinic | Answered | Good so far | Score so far | Could end | Status |",
        "|---|---|---|---|---|---|---|",
    ]
    for place in ranking.places:
        r = place.result
        share = "—" if r.known_share is None else f"{r.known_share:.0f}%"
        score = "—" if r.score is None else f"{r.score:.0f}"
        lines.append(
            f"| {place.rank} | {r.name} | {r.answered} of {r.applicable} | {share} | {score} "
            f"| {r.low:.0f}–{r.high:.0f} | {status_words(place)} |"
        )
    lines.append("")
    lines.append("How each score so far is made (weights times credits, over 8):")
    lines.append("")
    for place in ranking.places:
        r = place.result
        total, answered, gained = r.sums
        lines.append(
            f"- {r.name}: answered credit {gained:g}, plus {PRIOR_CREDIT:g} × unanswered weight "
            f"{total - answered:g}, over {total:g}: 100 × ({gained:g} + {PRIOR_CREDIT:g} × "
            f"{total - answered:g}) / {total:g} = {r.score:.1f}."
        )
    lines.append("")
    lines.append("What the app says about the places:")
    lines.append("")
    lines.extend(
        f"- {place.result.name}: {place_sentence(place, ranking)}" for place in ranking.places
    )
    lines.append("")
    pair = rank(scorer.score_all([clinics[0], clinics[3]]))
    lines.append("With only North and West, West ruled out (case 3 of issue 12):")
    lines.append("")
    lines.extend(
        f"- {place.result.name}, {status_words(place).lower()}: {place_sentence(place, pair)}"
        for place in pair.places
    )
    lines.append("")
    lines.append("What moved North's score (each answer against counting it at half credit):")
    lines.append("")
    north = next(p.result for p in ranking.places if p.result.clinic_id == "n")
    lines.extend(f"- {m.sentence()}" for m in (*north.movers_up, *north.movers_down))
    lines.append("")
    lines.append("Questions that could change the decision, largest possible change first:")
    lines.append("")
    lines.extend(f"- {q.sentence(checklist)}" for q in ranking.decisive)
    lines.append("")
    lines.append(
        "Case 1 of issue 12, on the real checklist: a clinic with 2 answers, both good, against "
        "one with all but one answered and one of those bad."
    )
    lines.append("")
    lines.extend(real_checklist_case())
    return "\n".join(lines)


def real_checklist_case() -> list[str]:
    from kvet.content.checklist import load_checklist

    checklist = load_checklist()
    scored = [i for i in checklist.items if i.kind is not Kind.FACT and not i.formats]
    good = {i.id: _best(i) for i in scored}
    two = dict(list(good.items())[:2])
    practice = next(i for i in scored if i.kind is Kind.PRACTICE)
    nearly = {k: v for k, v in good.items() if k != scored[-1].id} | {practice.id: Choice.NO}
    ranking = rank(
        Scorer(checklist).score_all(
            [
                ClinicAnswers("a", "Barely vetted", answers=two),
                ClinicAnswers("b", "Nearly complete", answers=nearly),
            ]
        )
    )
    lines = [
        "| Place | Clinic | Answered | Good so far | Score so far | Could end |",
        "|---|---|---|---|---|---|",
    ]
    for place in ranking.places:
        r = place.result
        lines.append(
            f"| {place.rank} | {r.name} | {r.answered} of {r.applicable} | "
            f"{r.known_share:.0f}% | {r.score:.0f} | {r.low:.0f}–{r.high:.0f} |"
        )
    first, second = ranking.places[0].result, ranking.places[1].result
    assert first.score is not None
    assert second.score is not None
    still_open = second.applicable - second.answered
    lines += [
        "",
        f"The barely vetted clinic's answers so far are all good, but {still_open} "
        f"questions are still open, so it is {points_text(first.score - second.score)} "
        "behind.",
    ]
    return lines


def _best(item: Item) -> Choice:
    return {Kind.RED_FLAG: Choice.NOT_SEEN, Kind.PRACTICE: Choice.YES, Kind.QUESTION: Choice.CLEAR}[
        item.kind
    ]


def block(text: str) -> str:
    return text.split(START, 1)[1].split(END, 1)[0].strip()


def test_the_worked_examples_in_the_scoring_page_are_what_kvet_computes() -> None:
    page = PAGE.read_text(encoding="utf-8")
    assert START in page
    assert END in page
    assert block(page) == examples(), "run: python -m tests.test_scoring_doc"


def test_the_page_states_the_prior_credit_the_code_uses() -> None:
    page = PAGE.read_text(encoding="utf-8")
    assert f"prior credit of {PRIOR_CREDIT:g}" in page


if __name__ == "__main__":
    text = PAGE.read_text(encoding="utf-8")
    head, rest = text.split(START, 1)
    tail = rest.split(END, 1)[1]
    PAGE.write_text(f"{head}{START}\n{examples()}\n{END}{tail}", encoding="utf-8")
    sys.exit(0)
