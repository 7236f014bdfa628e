"""The score's rules at their edges, each recomputed another way (scripts/mutate.py checks that a
wrong rule fails here: see "Mutation testing" in docs/scoring.md).

Small checklists keep every number checkable by hand: the score counts each open question as
half, its range runs from every open question answered badly to every one answered well.
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kvet.content.checklist import Checklist, Kind
from kvet.rating.answers import OPTIONS, Choice, ClinicAnswers
from kvet.rating.budget import Budget, budget_credit, budget_weight
from kvet.rating.ranking import rank
from kvet.rating.scorebounds import score_bounds
from kvet.rating.scorewords import MAY_CHANGE_A_LOT
from kvet.rating.scoring import Scorer, Weights
from tests.small_checklists import checklist_of

COST = "logistics_cost"  # the section the budget counts in, when there is one
SHARE_100 = "So far 100% of the answered weight is good."
KINDS = [Kind.RED_FLAG, Kind.PRACTICE, Kind.QUESTION]


def credit(kind: Kind, choice: Choice | None) -> float | None:
    if choice is None:
        return None
    return next(o.credit for o in OPTIONS[kind] if o.choice is choice)


@st.composite
def small_cases(draw: st.DrawFn) -> tuple[Checklist, ClinicAnswers]:
    count = draw(st.integers(1, 4))
    kinds = [draw(st.sampled_from(KINDS)) for _ in range(count)]
    weights = [draw(st.sampled_from([0.0, 1.0, 2.0, 3.0])) for _ in range(count)]
    dealbreakers = set(draw(st.lists(st.integers(0, count - 1), max_size=count)))
    checklist = checklist_of(kinds, weights, dealbreakers)
    answers = {}
    for item in checklist.items:
        choice = draw(st.sampled_from([None, *(o.choice for o in OPTIONS[item.kind])]))
        if choice is not None:
            answers[item.id] = choice
    return checklist, ClinicAnswers("c", "Clinic", answers=answers)


@settings(max_examples=300)
@given(small_cases())
def test_the_score_and_its_range_match_a_count_by_hand_of_every_way_the_answers_could_end(
    case: tuple[Checklist, ClinicAnswers],
) -> None:
    checklist, answers = case
    result = Scorer(checklist, Weights()).score(answers)
    # what counts: every item with weight, and every dealbreaker (whatever its weight)
    counted = [i for i in checklist.items if i.weight > 0 or i.dealbreaker]
    total = sum(i.weight for i in counted)
    known = {i.id: credit(i.kind, answers.answers.get(i.id)) for i in counted}
    open_ids = [i.id for i in counted if known[i.id] is None]
    seen = [i.id for i in checklist.items if answers.answers.get(i.id) is Choice.SEEN]
    assert result.red_flags_seen == tuple(seen)
    assert result.not_recommended == any(i.dealbreaker for i in checklist.items if i.id in seen)
    assert result.applicable == len(counted)
    assert result.answered == len(counted) - len(open_ids)
    assert set(result.still_to_ask) == set(open_ids)
    if total <= 0:
        assert result.score is None
        assert (result.low, result.high) == (0.0, 100.0)
        return
    weight = {i.id: i.weight for i in counted}
    answered = sum(weight[k] for k, v in known.items() if v is not None)
    gained = sum(weight[k] * v for k, v in known.items() if v is not None)
    half = 100 * (gained + 0.5 * (total - answered)) / total
    assert result.score is not None
    assert abs(result.score - half) < 1e-9
    assert abs(result.coverage - answered / total) < 1e-12
    finals = [
        100 * (gained + sum(weight[k] * c for k, c in zip(open_ids, picked, strict=True))) / total
        for picked in itertools.product([0.0, 1.0], repeat=len(open_ids))
    ]
    assert abs(result.low - min(finals)) < 1e-9
    assert abs(result.high - max(finals)) < 1e-9
    if answered > 0:
        assert result.known_share is not None
        assert abs(result.known_share - 100 * gained / answered) < 1e-9
    else:
        assert result.known_share is None


def test_no_weight_at_all_gives_no_score_and_the_full_range() -> None:
    assert score_bounds(0.0, 0.0, 0.0) == (None, 0.0, 100.0, None)
    assert score_bounds(1.0, 0.0, 0.0) == (50.0, 0.0, 100.0, None)
    assert score_bounds(2.0, 1.0, 1.0) == (75.0, 50.0, 100.0, 100.0)


def test_the_budget_gives_full_credit_up_to_it_and_none_from_half_as_much_again() -> None:
    assert budget_credit(1000, 1000) == 1.0
    assert budget_credit(999, 1000) == 1.0
    assert budget_credit(1250, 1000) == 0.5
    assert budget_credit(1500, 1000) == 0.0
    assert budget_credit(1400, 1000) == 1.0 - 0.4 / 0.5
    assert budget_credit(1, 0) == 0.0
    assert budget_credit(0, 0) == 1.0


def test_the_budget_weighs_a_ninth_of_the_rest_as_usual() -> None:
    assert budget_weight(9.0, 1.0, Budget(1000)) == 1.0
    assert budget_weight(9.0, 2.0, Budget(1000, weight=1.0)) == 1.0
    assert budget_weight(18.0, 1.0, Budget(1000, weight=4.0)) == 4.0


def test_each_section_shows_its_own_score_range_and_count_of_answers() -> None:
    """The printout's table per section: A has 2 of its 3 weight answered well, one question
    open; B one vague answer (40%) and a weightless item that does not count; C nothing yet."""
    checklist = checklist_of(
        [Kind.PRACTICE, Kind.PRACTICE, Kind.QUESTION, Kind.PRACTICE, Kind.RED_FLAG],
        [2.0, 1.0, 1.0, 0.0, 1.0],
        set(),
        ["a", "a", "b", "b", "c"],
    )
    answers = {"i00": Choice.YES, "i02": Choice.VAGUE, "i03": Choice.YES}
    result = Scorer(checklist).score(ClinicAnswers("c", "Clinic", answers=answers))
    a, b, c = result.sections
    assert (a.title, a.answered, a.applicable) == ("A", 1, 2)
    assert a.score == pytest.approx(100 * (2 + 0.5) / 3)
    assert (a.low, a.high) == pytest.approx((100 * 2 / 3, 100.0))
    assert (b.title, b.answered, b.applicable) == ("B", 1, 1)
    assert b.score == pytest.approx(40.0)
    assert (b.low, b.high) == pytest.approx((40.0, 40.0))
    assert (c.title, c.score, c.low, c.high, c.answered, c.applicable) == ("C", None, 0, 100, 0, 1)
    assert [s.section_id for s in result.sections] == ["a", "b", "c"]


def test_without_a_cost_section_the_budget_counts_in_the_last_section() -> None:
    """No price yet: one more question to ask in the last section. A price well within the
    budget: answered there, at full credit, and named as a reason the score went up."""
    checklist = checklist_of([Kind.PRACTICE, Kind.PRACTICE], [1.0, 1.0], set(), ["a", "b"])
    weights = Weights(budget=Budget(1000))
    budget = 2 / 9  # a ninth of the rest, cost weighted as usual
    answers = {"i00": Choice.YES, "i01": Choice.NO}
    scorer = Scorer(checklist, weights)
    unpriced = scorer.score(ClinicAnswers("c", "Clinic", answers=answers))
    assert [(s.answered, s.applicable) for s in unpriced.sections] == [(1, 1), (1, 2)]
    assert unpriced.still_to_ask == ("within_budget",)
    assert unpriced.sections[1].high == pytest.approx(100 * budget / (1 + budget))
    priced = scorer.score(
        ClinicAnswers("c", "Clinic", answers=answers, facts={"price_per_session": 50})
    )
    assert [(s.answered, s.applicable) for s in priced.sections] == [(1, 1), (2, 2)]
    assert priced.sections[1].score == pytest.approx(100 * budget / (1 + budget))
    assert priced.score == pytest.approx(100 * (1 + budget) / (2 + budget))
    (fits,) = [m for m in priced.movers_up if m.item_id == "within_budget"]
    assert fits.sentence().startswith("“Fits your budget”: yes, raised the score by")


def test_questions_still_to_ask_come_dealbreakers_first_then_the_heaviest() -> None:
    checklist = checklist_of(
        [Kind.PRACTICE, Kind.RED_FLAG, Kind.PRACTICE, Kind.PRACTICE, Kind.RED_FLAG],
        [1.0, 1.0, 3.0, 1.0, 0.0],
        {1, 4},
    )
    result = Scorer(checklist).score(ClinicAnswers("c", "Clinic"))
    assert result.still_to_ask == ("i01", "i04", "i02", "i00", "i03")
    assert result.dealbreakers_unknown == ("i01", "i04")
    assert result.swings["i02"] == pytest.approx(100 * 3 * 0.5 / 6)


def test_the_three_answers_that_moved_the_score_most_are_named_largest_first() -> None:
    checklist = checklist_of([Kind.PRACTICE] * 8, [5.0, 4.0, 3.0, 2.0, 5.0, 4.0, 3.0, 2.0], set())
    answers = {f"i0{n}": Choice.YES if n < 4 else Choice.NO for n in range(8)}
    result = Scorer(checklist).score(ClinicAnswers("c", "Clinic", answers=answers))
    assert [m.item_id for m in result.movers_up] == ["i00", "i01", "i02"]
    assert [m.item_id for m in result.movers_down] == ["i04", "i05", "i06"]
    assert result.movers_up[0].sentence() == "“Statement 0”: yes, raised the score by 9 points."


def test_a_range_shown_as_30_points_or_more_says_the_score_could_change_a_lot() -> None:
    """Open weight 3 of 10: "between 70 and 100", a warning. Open 5999 of 20000 (a range of
    29.995 points) is shown the same way, "between 70 and 100", so it warns too; 29 points
    does not."""

    def summary(open_weight: float, answered_weight: float) -> str:
        checklist = checklist_of([Kind.PRACTICE] * 2, [answered_weight, open_weight], set())
        answers = ClinicAnswers("c", "Clinic", answers={"i00": Choice.YES})
        return Scorer(checklist).score(answers).summary()

    assert summary(3, 7).endswith("between 70 and 100. " + SHARE_100 + " " + MAY_CHANGE_A_LOT)
    assert summary(5999, 14001).endswith(
        "between 70 and 100. " + SHARE_100 + " " + MAY_CHANGE_A_LOT
    )
    assert summary(29, 71).endswith("between 71 and 100. " + SHARE_100)


def test_the_budget_gives_no_credit_far_over_it_and_follows_the_rule_for_any_amount() -> None:
    assert budget_credit(3000, 1000) == 0.0
    assert budget_credit(1.25, 1) == 0.5
    assert budget_credit(0.6, 0.5) == pytest.approx(0.6)


def test_a_budget_turned_off_or_cost_weighted_not_at_all_is_never_asked_about_nor_noted() -> None:
    """Budget weight 0 turns it off: no note that prices in euros were left out of it. Cost at
    "Not at all" (its section weighted 0): the budget weighs nothing, so it is not a question to
    ask. At half the usual weight (1) it still counts."""
    checklist = checklist_of([Kind.PRACTICE, Kind.PRACTICE], [1.0, 1.0], set(), ["s", COST])
    answers = ClinicAnswers("c", "Clinic", answers={"i00": Choice.YES}, currency="EUR")
    off = Scorer(checklist, Weights(budget=Budget(1000, weight=0.0))).score(answers)
    assert not off.budget_left_out
    assert off.applicable == 2
    no_cost = Weights(sections={COST: 0.0}, budget=Budget(1000, currency="EUR"))
    unpriced = Scorer(checklist, no_cost).score(answers)
    assert unpriced.still_to_ask == ()  # the other item is in the cost section, weighted 0 too
    assert unpriced.applicable == 1
    half = Weights(budget=Budget(1000, weight=1.0, currency="EUR"))
    assert Scorer(checklist, half).score(answers).still_to_ask == ("i01", "within_budget")


def test_asking_the_price_is_suggested_exactly_when_one_answer_ties_the_first_place() -> None:
    """One item of weight 9, answered well, and a budget of weight 1 (a ninth): the price is worth
    one tenth of the score. Over budget ends a clinic at 90, within it at 100; an equal score
    falls to the name, so "Zeta" at 95 must ask the price when "Alpha" has 90 (one "over budget"
    answer ties it and Alpha comes first), and "Alpha" at 95 must ask it when "Zeta" has 100."""
    checklist = checklist_of([Kind.PRACTICE], [9.0], set())
    scorer = Scorer(checklist, Weights(budget=Budget(1000)))
    good = {"i00": Choice.YES}

    def clinic(name: str, price: float | None) -> ClinicAnswers:
        facts = {} if price is None else {"price_per_session": price}
        return ClinicAnswers(name.lower(), name, answers=good, facts=facts)

    over, within = 1000.0, 10.0  # 17 000 and 170 in the first year
    for top, runner in [("Zeta", clinic("Alpha", over)), ("Alpha", clinic("Zeta", within))]:
        ranking = rank(scorer.score_all([clinic(top, None), runner]))
        (question,) = ranking.decisive
        assert (question.clinic_name, question.item_id) == (top, "within_budget")
        assert question.changes_first
        assert question.swing == pytest.approx(5.0)  # half of the budget's tenth


def test_among_questions_of_equal_weight_the_checklist_order_holds_and_the_price_comes_last(
    checklist: Checklist,
) -> None:
    """The real checklist, nothing answered: dealbreakers first, then the heaviest, and equal
    weights in the checklist's own order (not by their ids). The budget, here weighing the same
    as each of nine small items, comes after them, however many answers a clinic has."""
    weights = Weights()
    result = Scorer(checklist, weights).score(ClinicAnswers("c", "Clinic"))
    counted = [
        (n, i)
        for n, i in enumerate(checklist.items)
        if i.kind is not Kind.FACT and i.applies_to(frozenset())
    ]
    counted = [(n, i) for n, i in counted if weights.item_weight(checklist, i) > 0 or i.dealbreaker]
    expected = sorted(
        counted,
        key=lambda ni: (not ni[1].dealbreaker, -weights.item_weight(checklist, ni[1]), ni[0]),
    )
    assert result.still_to_ask == tuple(i.id for _n, i in expected)
    assert [i.id for _n, i in expected] != sorted(i.id for _n, i in expected)

    nine = checklist_of([Kind.PRACTICE] * 9, [1.0] * 9, set())
    scorer = Scorer(nine, Weights(budget=Budget(1000)))  # a ninth of 9: the budget weighs 1
    for answered in ({}, {"i08": Choice.YES}):
        asked = scorer.score(ClinicAnswers("c", "Clinic", answers=answered)).still_to_ask
        assert asked[-1] == "within_budget"
