"""A score or a place that can no longer change is said to be settled, in plain words.

Seen in the Overview: "It could end between 84 and 84" for a score whose range had closed, and
"Place 1 for now: answers still to come could change it" for a clinic with one question left,
which read as if that last answer could move it (it was another clinic's answers that could).
The window and the printouts build these sentences from the same core templates, so both
languages of the printout are checked here; the window's are in tests/gui/test_settled_window.py.
"""

from __future__ import annotations

from kvet.content.catalogue import core_say
from kvet.content.checklist import Checklist, Format, Kind
from kvet.rating.answers import OPTIONS, Choice, ClinicAnswers
from kvet.rating.placesentence import place_sentence
from kvet.rating.ranking import Ranking, rank
from kvet.rating.scoreresult import ClinicResult
from kvet.rating.scoring import Scorer, Weights
from tests.test_scoring import good_answers

IV = frozenset({Format.IV})


def poor_answers(checklist: Checklist) -> dict[str, Choice]:
    """Every question answered, each with the answer that counts least."""
    worst = {
        kind: min((o for o in opts if o.credit is not None), key=lambda o: o.credit or 0)
        for kind, opts in OPTIONS.items()
        if opts
    }
    answers = {i.id: worst[i.kind].choice for i in checklist.items if i.kind is Kind.QUESTION}
    return good_answers(checklist) | answers


def one_question_left(checklist: Checklist) -> tuple[dict[str, Choice], str]:
    answers = good_answers(checklist)
    last = next(i.id for i in reversed(checklist.items) if i.kind is Kind.QUESTION)
    del answers[last]
    return answers, last


def a_closed_range(checklist: Checklist, *others: ClinicAnswers) -> tuple[ClinicResult, Ranking]:
    """Clinic A with one question left that weighs too little to move its score a point."""
    answers, last = one_question_left(checklist)
    scorer = Scorer(checklist, Weights(items={last: 0.01}))
    ranking = rank(scorer.score_all([ClinicAnswers("a", "Clinic A", IV, answers), *others]))
    [result] = [p.result for p in ranking.places if p.result.clinic_id == "a"]
    assert result.answered == result.applicable - 1
    assert f"{result.low:.0f}" == f"{result.high:.0f}"
    return result, ranking


def test_a_closed_range_says_the_score_is_settled_not_between_a_number_and_itself(
    checklist: Checklist,
) -> None:
    result, _ranking = a_closed_range(checklist)
    score = f"{result.score:.0f}"
    said = result.summary()
    assert f"between {score} and {score}" not in said
    assert "could end" not in said
    assert f"Score {score} out of 100" in said
    assert "cannot change it: the score is settled" in said
    for lang, settled in (("en", "the score is settled"), ("es", "el puntaje ya está definido")):
        printed = result.summary(core_say(lang))
        assert settled in printed
        assert f"{score} and {score}" not in printed
        assert f"entre {score} y {score}" not in printed


def test_a_settled_place_with_a_closed_range_says_where_its_score_stays(
    checklist: Checklist,
) -> None:
    poor = ClinicAnswers("b", "Clinic B", IV, poor_answers(checklist))
    result, ranking = a_closed_range(checklist, poor)
    score = f"{result.score:.0f}"
    place = ranking.places[0]
    assert place.result is result
    assert place.settled
    said = place_sentence(place, ranking)
    assert said.startswith("Place 1 whatever the answers still to come")
    assert f"its score is settled at {score}" in said
    assert f"from {score} to {score}" not in said
    spanish = place_sentence(place, ranking, core_say("es"))
    assert f"su puntaje ya está definido en {score}" in spanish
    assert f"entre {score} y {score}" not in spanish


def test_one_question_left_names_the_clinic_whose_answers_could_still_change_the_place(
    checklist: Checklist,
) -> None:
    """The first clinic has one question left; the place is open only because the other
    clinic, barely asked, could still come above it: the sentence says so."""
    answers, _last = one_question_left(checklist)
    barely = dict(list(good_answers(checklist).items())[:5])
    ranking = rank(
        Scorer(checklist).score_all(
            [
                ClinicAnswers("a", "Riverside", IV, answers),
                ClinicAnswers("b", "Hillview", IV, barely),
            ]
        )
    )
    first = ranking.places[0]
    assert first.result.name == "Riverside"
    assert not first.settled
    said = place_sentence(first, ranking)
    assert "answers still to come could change it" not in said
    assert said == "Place 1 for now: once more answers are in, Hillview could still come above it."
    spanish = place_sentence(first, ranking, core_say("es"))
    assert spanish == (
        "Puesto 1 por ahora: cuando haya más respuestas, Hillview todavía podría quedar por "
        "encima de esta clínica."
    )


def test_once_the_other_clinic_is_answered_the_place_is_no_longer_for_now(
    checklist: Checklist,
) -> None:
    answers, _last = one_question_left(checklist)
    ranking = rank(
        Scorer(checklist).score_all(
            [
                ClinicAnswers("a", "Riverside", IV, answers),
                ClinicAnswers("b", "Hillview", IV, poor_answers(checklist)),
            ]
        )
    )
    first = ranking.places[0]
    assert first.settled
    said = place_sentence(first, ranking)
    assert "for now" not in said
    assert "could change it" not in said
    assert said.startswith("Place 1 whatever the answers still to come")
