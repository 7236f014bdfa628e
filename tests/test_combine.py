"""Deciding together, the pure part: how several people's answers on one item become one.

The stories: the more cautious answer wins by default, an unknown never hides an answer someone
actually got, "latest" follows the most recent answer, and a decision holds until someone answers
again. The property: under the cautious rule, the combined answer never gives a clinic more
credit than the worst answer anyone gave.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from kvet.content.checklist import Kind
from kvet.rating.answers import OPTIONS, Choice, Origin, credit
from kvet.rating.combine import (
    RULE_TEXT,
    Decision,
    Disagreement,
    Opinion,
    Rule,
    caution,
    combine,
    disagreeing,
)

MONDAY = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def said(
    name: str,
    choice: Choice | None = None,
    *,
    number: float | None = None,
    hours: float = 0,
    note: str = "",
) -> Opinion:
    return Opinion(
        name.lower(), name, choice, number, note, Origin.PHONE, MONDAY + timedelta(hours=hours)
    )


def decided(choice: Choice | None, *, hours: float, number: float | None = None) -> Decision:
    return Decision("north", "item", choice, number, "me", "Me", MONDAY + timedelta(hours=hours))


# --- the cautious rule -----------------------------------------------------------------------


def test_if_anyone_saw_a_red_flag_it_counts_as_seen() -> None:
    opinions = [said("Me", Choice.NOT_SEEN), said("Alex", Choice.SEEN, hours=-5)]
    assert combine(Kind.RED_FLAG, opinions) == (Choice.SEEN, None)


def test_a_practice_counts_only_if_nobody_found_it_missing() -> None:
    assert combine(Kind.PRACTICE, [said("Me", Choice.YES), said("Alex", Choice.NO)]) == (
        Choice.NO,
        None,
    )
    assert combine(Kind.PRACTICE, [said("Me", Choice.YES), said("Alex", Choice.YES)]) == (
        Choice.YES,
        None,
    )


def test_a_vague_answer_outweighs_a_clear_one_and_a_refusal_outweighs_both() -> None:
    clear, vague, refused = Choice.CLEAR, Choice.VAGUE, Choice.REFUSED
    assert combine(Kind.QUESTION, [said("Me", clear), said("Alex", vague)])[0] is vague
    assert combine(Kind.QUESTION, [said("Me", refused), said("Alex", vague)])[0] is refused


def test_the_cautious_figure_for_a_cost_is_the_higher_one() -> None:
    opinions = [said("Me", number=400, hours=2), said("Alex", number=475)]
    assert combine(Kind.FACT, opinions) == (None, 475)


def test_unknowns_stay_unknown_only_until_someone_answers() -> None:
    unsure = said("Me", Choice.NOT_SURE, hours=3)  # given after Alex's answer
    assert combine(Kind.RED_FLAG, [unsure, said("Alex", Choice.NOT_SEEN)]) == (
        Choice.NOT_SEEN,
        None,
    )
    not_asked = said("Me", Choice.NOT_ASKED)
    assert combine(Kind.QUESTION, [not_asked, said("Alex", Choice.CLEAR)])[0] is Choice.CLEAR
    # nobody has an answer yet: it stays unknown, and says so
    assert combine(Kind.QUESTION, [not_asked])[0] is Choice.NOT_ASKED
    assert combine(Kind.QUESTION, [said("Me", note="will ask on Monday")]) == (None, None)
    assert combine(Kind.FACT, [said("Me", note="no price on the website")]) == (None, None)
    assert combine(Kind.PRACTICE, []) == (None, None)


# --- the latest rule -------------------------------------------------------------------------


def test_the_latest_rule_follows_the_most_recent_answer() -> None:
    opinions = [said("Me", Choice.SEEN), said("Alex", Choice.NOT_SEEN, hours=1)]
    assert combine(Kind.RED_FLAG, opinions, Rule.LATEST)[0] is Choice.NOT_SEEN
    assert combine(Kind.RED_FLAG, opinions, Rule.CAUTIOUS)[0] is Choice.SEEN
    prices = [said("Me", number=500), said("Alex", number=450, hours=1)]
    assert combine(Kind.FACT, prices, Rule.LATEST) == (None, 450)


def test_under_the_latest_rule_too_not_sure_never_overrides_an_answer() -> None:
    opinions = [said("Me", Choice.YES), said("Alex", Choice.NOT_SURE, hours=1)]
    assert combine(Kind.PRACTICE, opinions, Rule.LATEST)[0] is Choice.YES


# --- decisions -------------------------------------------------------------------------------


def test_a_decision_after_every_answer_wins() -> None:
    opinions = [said("Me", Choice.CLEAR), said("Alex", Choice.VAGUE, hours=1)]
    assert combine(Kind.QUESTION, opinions, decision=decided(Choice.CLEAR, hours=2)) == (
        Choice.CLEAR,
        None,
    )
    assert disagreeing(Kind.QUESTION, opinions, decided(Choice.CLEAR, hours=2)) == ()


def test_a_new_answer_after_the_decision_brings_the_rule_back() -> None:
    opinions = [said("Me", Choice.CLEAR), said("Alex", Choice.VAGUE, hours=3)]
    decision = decided(Choice.CLEAR, hours=2)  # Alex called again after it, and still heard vague
    assert combine(Kind.QUESTION, opinions, decision=decision)[0] is Choice.VAGUE
    assert disagreeing(Kind.QUESTION, opinions, decision) == tuple(opinions)


def test_someone_unsure_after_a_decision_does_not_undo_it() -> None:
    opinions = [said("Me", Choice.SEEN), said("Alex", Choice.NOT_SEEN), said("Sam", hours=5)]
    decision = decided(Choice.NOT_SEEN, hours=2)
    assert combine(Kind.RED_FLAG, opinions, decision=decision)[0] is Choice.NOT_SEEN


# --- disagreements in words ------------------------------------------------------------------


def test_a_disagreement_reads_as_a_sentence_with_both_notes() -> None:
    opinions = (
        said("Me", Choice.CLEAR, note="PHQ-9 every visit"),
        said("Alex", Choice.VAGUE, note="“we just know”"),
    )
    differ = Disagreement(
        "north", "North", "q_response_measure", "How is response measured?", opinions
    )
    assert differ.sentence() == (
        "Me: clear answer; Alex: vague answer — on “How is response measured?”"
    )
    assert differ.lines() == [
        "Me: clear answer (phone call) — “PHQ-9 every visit”",
        "Alex: vague answer (phone call) — ““we just know””",
    ]
    price = Disagreement(
        "north",
        "North",
        "price_per_session",
        "Price of one session",
        (said("Me", number=450), said("Alex", number=499.5)),
        "USD",
    )
    assert price.sentence() == "Me: 450 USD; Alex: 499.50 USD — on “Price of one session”"


def test_people_who_agree_or_are_unsure_do_not_disagree() -> None:
    assert disagreeing(Kind.PRACTICE, [said("Me", Choice.YES), said("Alex", Choice.YES)]) == ()
    assert disagreeing(Kind.PRACTICE, [said("Me", Choice.YES), said("Alex", Choice.NOT_SURE)]) == ()
    assert disagreeing(Kind.FACT, [said("Me", number=450), said("Alex", number=450.0)]) == ()


def test_every_rule_is_explained_in_plain_words() -> None:
    assert set(RULE_TEXT) == set(Rule)
    for text in RULE_TEXT.values():
        assert text.count(". ") + 1 <= 2  # one or two sentences
        assert len(text) < 300


# --- the property ----------------------------------------------------------------------------

CHOICE_KINDS = [Kind.RED_FLAG, Kind.PRACTICE, Kind.QUESTION]


@st.composite
def opinions_on_one_item(draw: st.DrawFn) -> tuple[Kind, list[Opinion]]:
    kind = draw(st.sampled_from([*CHOICE_KINDS, Kind.FACT]))
    people = draw(st.integers(min_value=1, max_value=5))
    opinions = []
    for n in range(people):
        hours = draw(st.integers(min_value=0, max_value=48))
        if kind is Kind.FACT:
            number = draw(st.none() | st.floats(min_value=0, max_value=10_000, allow_nan=False))
            opinions.append(said(f"P{n}", number=number, hours=hours))
        else:
            choice = draw(st.none() | st.sampled_from([o.choice for o in OPTIONS[kind]]))
            opinions.append(said(f"P{n}", choice, hours=hours))
    return kind, opinions


@given(opinions_on_one_item())
def test_cautious_never_gives_more_credit_than_the_worst_answer_anyone_gave(
    case: tuple[Kind, list[Opinion]],
) -> None:
    kind, opinions = case
    choice, number = combine(kind, opinions, Rule.CAUTIOUS)
    if kind is Kind.FACT:
        figures = [o.number for o in opinions if o.number is not None]
        assert number == (max(figures) if figures else None)
        assert choice is None
        return
    credits = [c for o in opinions if (c := credit(kind, o.choice)) is not None]
    combined = credit(kind, choice)
    if credits:
        assert combined is not None  # an answer someone got is never turned back into unknown
        assert combined <= min(credits)
    else:
        assert combined is None  # and nothing known is made up


@given(opinions_on_one_item(), st.sampled_from(list(Rule)))
def test_any_rule_picks_an_answer_someone_actually_gave(
    case: tuple[Kind, list[Opinion]], rule: Rule
) -> None:
    kind, opinions = case
    choice, number = combine(kind, opinions, rule)
    if kind is Kind.FACT:
        assert number is None or number in [o.number for o in opinions]
    else:
        assert choice is None or choice in [o.choice for o in opinions]
        known = [o for o in opinions if caution(kind, o.choice, o.number) is not None]
        if known:
            assert caution(kind, choice, number) is not None


def test_each_answer_of_a_kind_has_its_own_level_of_caution() -> None:
    """The cautious rule reads no dates when two answers are equally cautious: that is only
    right while the same level means the same answer. "The clinic would not say" gives the
    credit of "Seen" or "No" but is another answer, so it has a level of its own, after them."""
    for kind, options in OPTIONS.items():
        levels = [caution(kind, o.choice, None) for o in options if o.credit is not None]
        assert len(levels) == len(set(levels)), kind


@given(opinions_on_one_item(), st.sampled_from(list(Rule)))
def test_the_rule_is_the_first_answer_in_its_plain_order(
    case: tuple[Kind, list[Opinion]], rule: Rule
) -> None:
    """combine skips reading dates where they cannot matter; its answer is still the first in
    the rule's order: cautious by credit then the later answer, latest by time then caution."""
    kind, opinions = case

    def order(o: Opinion) -> tuple[float, float]:
        level = caution(kind, o.choice, o.number)
        assert level is not None
        moment = -o.answered_at.timestamp()
        return (level, moment) if rule is Rule.CAUTIOUS else (moment, level)

    answered = [o for o in opinions if caution(kind, o.choice, o.number) is not None]
    unknowns = [o for o in opinions if o.choice is not None and o not in answered]
    if answered:
        first = min(answered, key=order)
        expected = (None, first.number) if kind is Kind.FACT else (first.choice, None)
    elif unknowns and kind is not Kind.FACT:
        # the latest unknown; among unknowns given at the same moment, the one listed last
        expected = (sorted(unknowns, key=lambda o: o.answered_at)[-1].choice, None)
    else:
        expected = (None, None)
    assert combine(kind, opinions, rule) == expected
