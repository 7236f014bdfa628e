"""Scores must be honest: explainable, bounded, and never better than the answers allow."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kvet.content.checklist import Checklist, Format, Kind
from kvet.rating.answers import OPTIONS, Choice, ClinicAnswers, credit
from kvet.rating.budget import Budget
from kvet.rating.costs import CostPlan, estimate_cost
from kvet.rating.ranking import could_overtake, rank
from kvet.rating.scorebounds import PRIOR_CREDIT
from kvet.rating.scoreresult import ClinicResult
from kvet.rating.scoring import Scorer, Weights, score_clinic


def good_answers(checklist: Checklist) -> dict[str, Choice]:
    best = {
        kind: max((o for o in opts if o.credit is not None), key=lambda o: o.credit or 0)
        for kind, opts in OPTIONS.items()
        if opts
    }
    return {i.id: best[i.kind].choice for i in checklist.items if i.kind is not Kind.FACT}


def answers_strategy(checklist: Checklist) -> st.SearchStrategy[dict[str, Choice]]:
    items = [i for i in checklist.items if i.kind is not Kind.FACT]
    return st.fixed_dictionaries(
        {},
        optional={i.id: st.sampled_from([o.choice for o in OPTIONS[i.kind]]) for i in items},
    )


FORMATS = st.frozensets(st.sampled_from(list(Format)))


def one_clinic(
    checklist: Checklist, formats: frozenset[Format], answers: dict[str, Choice]
) -> ClinicResult:
    """The score of a clinic offering `formats` with these answers."""
    return score_clinic(checklist, ClinicAnswers("a", "A", formats, answers))


def test_a_clinic_with_no_emergency_plan_never_ranks_first_over_a_clean_one(
    checklist: Checklist,
) -> None:
    flag = next(i for i in checklist.items if i.kind is Kind.RED_FLAG and i.dealbreaker)
    perfect_but_flagged = good_answers(checklist) | {flag.id: Choice.SEEN}
    mostly_bad = {i.id: Choice.NOT_SEEN for i in checklist.items if i.kind is Kind.RED_FLAG}
    scorer = Scorer(checklist)
    results = scorer.score_all(
        [
            ClinicAnswers("a", "Shiny Clinic", frozenset({Format.IV}), perfect_but_flagged),
            ClinicAnswers("b", "Plain Clinic", frozenset({Format.IV}), mostly_bad),
        ]
    )
    ranking = rank(results)
    assert ranking.places[0].result.name == "Plain Clinic"
    shiny = ranking.places[1].result
    assert shiny.not_recommended
    assert flag.id in shiny.red_flags_seen
    assert "ruled out" in shiny.summary()


def test_the_user_can_decide_a_red_flag_is_not_a_dealbreaker(checklist: Checklist) -> None:
    flag = next(i for i in checklist.items if i.kind is Kind.RED_FLAG and i.dealbreaker)
    clinic = ClinicAnswers("a", "A", frozenset({Format.IV}), {flag.id: Choice.SEEN})
    assert score_clinic(checklist, clinic).not_recommended
    relaxed = Weights(dealbreakers={flag.id: False})
    result = score_clinic(checklist, clinic, relaxed)
    assert not result.not_recommended
    assert flag.id in result.red_flags_seen  # still shown, just not ruling the clinic out


def test_half_answered_clinic_shows_a_wide_range_and_says_so(checklist: Checklist) -> None:
    items = [i for i in checklist.items if i.kind is not Kind.FACT and not i.formats]
    half = {i.id: Choice.YES for i in items[: len(items) // 2] if i.kind is Kind.PRACTICE}
    half |= {i.id: Choice.NOT_SEEN for i in items[: len(items) // 2] if i.kind is Kind.RED_FLAG}
    half |= {i.id: Choice.CLEAR for i in items[: len(items) // 2] if i.kind is Kind.QUESTION}
    result = score_clinic(checklist, ClinicAnswers("a", "A", frozenset({Format.IV}), half))
    assert result.high - result.low >= 30
    assert result.wide_range
    assert "could change a lot" in result.summary()
    assert result.answered < result.applicable


def test_no_answers_means_the_prior_score_and_the_full_range(checklist: Checklist) -> None:
    result = score_clinic(checklist, ClinicAnswers("a", "A"))
    assert result.score == 100 * PRIOR_CREDIT  # every question counts at the prior credit
    assert result.known_share is None
    assert (result.low, result.high) == (0, 100)
    assert result.coverage == 0
    assert "No answers yet" in result.summary()


def test_zero_weights_give_a_clear_result_not_an_error(checklist: Checklist) -> None:
    weights = Weights(sections={s.id: 0.0 for s in checklist.sections})
    result = score_clinic(
        checklist, ClinicAnswers("a", "A", answers=good_answers(checklist)), weights
    )
    assert result.score is None
    # dealbreakers are about safety: they still count as questions, whatever the weights
    dealbreakers = [i for i in checklist.items if i.dealbreaker and not i.formats]
    assert result.applicable == len(dealbreakers)
    assert "no score" in result.summary()
    assert rank([result]).places[0].rank == 1


def test_esketamine_only_items_do_not_count_for_an_iv_clinic(checklist: Checklist) -> None:
    only_esk = [i for i in checklist.items if i.formats == (Format.ESKETAMINE,)]
    iv = score_clinic(checklist, ClinicAnswers("a", "A", frozenset({Format.IV})))
    esk = score_clinic(checklist, ClinicAnswers("b", "B", frozenset({Format.ESKETAMINE})))
    assert esk.applicable == iv.applicable + len(only_esk)
    assert not set(iv.still_to_ask) & {i.id for i in only_esk}


def test_movers_explain_the_score(checklist: Checklist) -> None:
    answers = good_answers(checklist)
    bad = next(i for i in checklist.items if i.kind is Kind.PRACTICE and not i.formats)
    answers[bad.id] = Choice.NO
    result = score_clinic(checklist, ClinicAnswers("a", "A", frozenset({Format.IV}), answers))
    assert result.movers_down[0].item_id == bad.id
    assert "lowered the score" in result.movers_down[0].sentence()
    assert result.score is not None
    assert result.score < 100


def test_ranking_names_the_question_that_could_change_the_top(checklist: Checklist) -> None:
    answers = good_answers(checklist)
    unanswered = next(i for i in checklist.items if i.kind is Kind.RED_FLAG and i.dealbreaker)
    answers_b = {k: v for k, v in answers.items() if k != unanswered.id}
    results = Scorer(checklist).score_all(
        [
            ClinicAnswers("a", "Clinic A", frozenset({Format.IV}), answers_b),
            ClinicAnswers(
                "b",
                "Clinic B",
                frozenset({Format.IV}),
                answers
                | {next(i.id for i in checklist.items if i.kind is Kind.QUESTION): Choice.VAGUE},
            ),
        ]
    )
    ranking = rank(results)
    assert not ranking.top_settled
    first = ranking.decisive[0]
    assert (first.clinic_name, first.item_id, first.could_rule_out) == (
        "Clinic A",
        unanswered.id,
        True,
    )
    assert "could rule the clinic out" in first.sentence(checklist)


def test_a_fully_answered_comparison_is_settled(checklist: Checklist) -> None:
    answers = good_answers(checklist)
    worse = answers | {next(i.id for i in checklist.items if i.kind is Kind.QUESTION): Choice.VAGUE}
    ranking = rank(
        Scorer(checklist).score_all(
            [
                ClinicAnswers("a", "A", frozenset({Format.IV}), answers),
                ClinicAnswers("b", "B", frozenset({Format.IV}), worse),
            ]
        )
    )
    assert [p.settled for p in ranking.places] == [True, True]
    assert ranking.decisive == ()


def test_costs_follow_the_users_plan() -> None:
    facts = {"price_per_session": 500.0, "consult_fee": 300.0}
    estimate = estimate_cost(
        facts, CostPlan(induction_sessions=6, induction_months=1, maintenance_sessions_per_month=1)
    )
    assert estimate is not None
    assert estimate.induction_cost == 300 + 6 * 500
    assert estimate.first_year_cost == 3300 + 11 * 500
    assert estimate_cost({}) is None
    clinic_says_four = estimate_cost(facts | {"induction_sessions": 4.0})
    assert clinic_says_four is not None
    assert clinic_says_four.induction_sessions == 4


def test_a_budget_can_be_scored_when_the_user_wants(checklist: Checklist) -> None:
    clinic = ClinicAnswers(
        "a", "A", frozenset({Format.IV}), good_answers(checklist), {"price_per_session": 800.0}
    )
    within = score_clinic(checklist, clinic, Weights(budget=Budget(first_year=100_000)))
    over = score_clinic(checklist, clinic, Weights(budget=Budget(first_year=1_000)))
    ignored = score_clinic(
        checklist, clinic, Weights(budget=Budget(first_year=1_000, scored=False))
    )
    assert within.score == pytest.approx(100)
    assert over.score is not None
    assert over.score < 99
    assert ignored.score == 100


# --- properties -------------------------------------------------------------------------------


@settings(max_examples=150)
@given(data=st.data(), formats=FORMATS)
def test_score_lies_within_its_range_within_0_to_100(
    checklist: Checklist, data: st.DataObject, formats: frozenset[Format]
) -> None:
    answers = data.draw(answers_strategy(checklist))
    result = one_clinic(checklist, formats, answers)
    assert 0 <= result.low <= result.high <= 100
    if result.score is not None:
        assert result.low <= result.score <= result.high
    for section in result.sections:
        assert 0 <= section.low <= section.high <= 100


@settings(max_examples=150)
@given(data=st.data(), formats=FORMATS)
def test_answering_an_unknown_never_widens_the_range(
    checklist: Checklist, data: st.DataObject, formats: frozenset[Format]
) -> None:
    answers = data.draw(answers_strategy(checklist))
    before = one_clinic(checklist, formats, answers)
    unknown = [
        i
        for i in checklist.items
        if i.kind is not Kind.FACT and credit(i.kind, answers.get(i.id)) is None
    ]
    if not unknown:
        return
    item = data.draw(st.sampled_from(unknown))
    known = [o.choice for o in OPTIONS[item.kind] if o.credit is not None]
    after = one_clinic(checklist, formats, answers | {item.id: data.draw(st.sampled_from(known))})
    assert before.low - 1e-9 <= after.low
    assert after.high <= before.high + 1e-9


@settings(max_examples=150)
@given(data=st.data(), formats=FORMATS)
def test_a_worse_answer_never_raises_the_score(
    checklist: Checklist, data: st.DataObject, formats: frozenset[Format]
) -> None:
    answers = data.draw(answers_strategy(checklist))
    item = data.draw(st.sampled_from([i for i in checklist.items if i.kind is not Kind.FACT]))
    known = sorted(
        (o for o in OPTIONS[item.kind] if o.credit is not None), key=lambda o: o.credit or 0.0
    )
    worse, better = data.draw(
        st.sampled_from(
            [(a, b) for a in known for b in known if (a.credit or 0) <= (b.credit or 0)]
        )
    )
    good = one_clinic(checklist, formats, answers | {item.id: better.choice})
    bad = one_clinic(checklist, formats, answers | {item.id: worse.choice})
    if good.score is not None and bad.score is not None:
        assert bad.score <= good.score + 1e-9
    assert bad.high <= good.high + 1e-9


@settings(max_examples=60)
@given(data=st.data(), count=st.integers(min_value=1, max_value=6))
def test_ranking_does_not_depend_on_the_order_clinics_are_given_in(
    checklist: Checklist, data: st.DataObject, count: int
) -> None:
    clinics = [
        ClinicAnswers(
            f"id{n}",
            data.draw(st.sampled_from(["A", "B", "C"])),
            data.draw(FORMATS),
            data.draw(answers_strategy(checklist)),
        )
        for n in range(count)
    ]
    scorer = Scorer(checklist)
    shuffled = data.draw(st.permutations(clinics))
    first, second = rank(scorer.score_all(clinics)), rank(scorer.score_all(shuffled))
    assert [p.result.clinic_id for p in first.places] == [p.result.clinic_id for p in second.places]
    assert [p.settled for p in first.places] == [p.settled for p in second.places]
    assert first.decisive == second.decisive


@settings(max_examples=60)
@given(data=st.data())
def test_any_weights_give_a_result_not_an_error(checklist: Checklist, data: st.DataObject) -> None:
    weight = st.sampled_from([0.0, 0.0, 0.5, 1.0, 10.0])
    weights = Weights(
        sections={s.id: data.draw(weight) for s in checklist.sections},
        items={i.id: data.draw(weight) for i in checklist.items[:5]},
    )
    result = score_clinic(
        checklist,
        ClinicAnswers("a", "A", frozenset(Format), data.draw(answers_strategy(checklist))),
        weights,
    )
    assert 0 <= result.low <= result.high <= 100
    assert result.summary()


@settings(max_examples=80)
@given(data=st.data(), count=st.integers(min_value=1, max_value=7))
def test_settled_means_no_other_clinic_could_swap_places(
    checklist: Checklist, data: st.DataObject, count: int
) -> None:
    clinics = [
        ClinicAnswers(
            f"id{n}", f"Clinic {n}", data.draw(FORMATS), data.draw(answers_strategy(checklist))
        )
        for n in range(count)
    ]
    places = rank(Scorer(checklist).score_all(clinics)).places
    for place in places:
        others = [p.result for p in places if p is not place]
        below = [p.result for p in places if p.rank > place.rank]
        above = [p.result for p in places if p.rank < place.rank]
        could_move = any(could_overtake(o, place.result) for o in below) or any(
            could_overtake(place.result, o) for o in above
        )
        assert place.settled == (not could_move), (place.rank, len(others))
