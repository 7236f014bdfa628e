"""Deciding together, stored: two people's answers on one comparison, kept, compared and settled.

Each story is what a patient and a family member do: answer the same clinics, see where they
heard different things, settle it with a second call, and read the combined ranking.
"""

from __future__ import annotations

import random
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kvet.content.checklist import Checklist, Format, Kind
from kvet.rating.answers import OPTIONS, Choice, Origin
from kvet.rating.combine import Decision, Rule, combine
from kvet.rating.scoring import Weights
from kvet.store.api import Change, ChangeKind, Store
from kvet.store.errors import InvalidValueError, NotFoundError
from kvet.store.records import ClinicInfo, RaterInfo

DEALBREAKER = "rf_no_screening"  # a red flag that is a dealbreaker by default
RESPONSE = "q_response_measure"  # "How does the clinic define a response ... measured?"
MONITORING = "vs_monitoring"  # a practice
PRICE = "price_per_session"
GOOD = {Kind.RED_FLAG: Choice.NOT_SEEN, Kind.PRACTICE: Choice.YES, Kind.QUESTION: Choice.CLEAR}


@dataclass
class Family:
    store: Store
    comparison_id: str
    north: ClinicInfo
    south: ClinicInfo
    me: RaterInfo
    alex: RaterInfo


@pytest.fixture
def family(checklist: Checklist, tmp_path: Path) -> Iterator[Family]:
    with Store.open(checklist, tmp_path / "kvet.sqlite") as store:
        spring = store.comparisons.create("Spring search")
        north = store.clinics.add(spring.id, "North", formats=[Format.IV])
        south = store.clinics.add(spring.id, "South", formats=[Format.IV])
        alex = store.people.add("Alex")
        store.history.clear()
        yield Family(store, spring.id, north, south, store.people.default(), alex)


def answer_everything_well(store: Store, clinic_id: str, rater_id: str) -> None:
    """A clinic that looks good on every item, as one person heard it."""
    for item in store.checklist.items:
        if item.kind is not Kind.FACT:
            store.answers.set(clinic_id, item.id, GOOD[item.kind], rater_id=rater_id)


def test_two_people_who_agree_have_nothing_to_settle(family: Family) -> None:
    store, north = family.store, family.north
    for rater in (family.me, family.alex):
        store.answers.set(north.id, DEALBREAKER, Choice.NOT_SEEN, rater_id=rater.id)
        store.answers.set(north.id, RESPONSE, Choice.CLEAR, rater_id=rater.id)
        store.answers.set_fact(north.id, PRICE, 450, rater_id=rater.id)
    assert store.decisions.disagreements(family.comparison_id) == []
    opinions = store.decisions.opinions(north.id)
    assert [o.rater_name for o in opinions[RESPONSE]] == ["Me", "Alex"]
    mine = store.scores.clinic_answers(family.comparison_id)
    combined = store.scores.clinic_answers(family.comparison_id, combined=True)
    assert combined == mine
    assert (
        store.scores.results(family.comparison_id, combined=True)[0]
        == store.scores.results(family.comparison_id)[0]
    )


def test_people_disagree_then_settle_it_and_the_decision_says_who_decided(
    family: Family,
) -> None:
    store, north = family.store, family.north
    store.answers.set(north.id, RESPONSE, Choice.CLEAR)
    store.answers.set_note(north.id, RESPONSE, "PHQ-9 at every visit")
    store.answers.set(north.id, RESPONSE, Choice.VAGUE, rater_id=family.alex.id)
    store.answers.set_note(north.id, RESPONSE, "“we just know”", rater_id=family.alex.id)

    (differ,) = store.decisions.disagreements(family.comparison_id)
    assert differ.clinic_name == "North"
    assert differ.sentence() == (
        "Me: clear answer; Alex: vague answer — on "
        "“How does the clinic define a response to treatment, and how is it measured?”"
    )
    assert [o.note for o in differ.opinions] == ["PHQ-9 at every visit", "“we just know”"]
    # until it is settled, the cautious answer counts in the combined view
    (combined, _) = store.scores.clinic_answers(family.comparison_id, combined=True)
    assert combined.answers[RESPONSE] is Choice.VAGUE

    # Alex calls again, hears a clear answer, and settles it: one action
    store.decisions.settle(north.id, RESPONSE, Choice.CLEAR, family.alex.id, note="asked the nurse")
    decision = store.decisions.by_item(north.id)[RESPONSE]
    assert (decision.choice, decision.decided_by, decision.decided_by_name, decision.note) == (
        Choice.CLEAR,
        family.alex.id,
        "Alex",
        "asked the nurse",
    )
    assert decision.decided_at >= max(o.answered_at for o in differ.opinions)
    assert store.decisions.disagreements(family.comparison_id) == []
    (combined, _) = store.scores.clinic_answers(family.comparison_id, combined=True)
    assert combined.answers[RESPONSE] is Choice.CLEAR
    # what each person heard is kept as they said it
    assert store.answers.by_item(north.id, family.alex.id)[RESPONSE].choice is Choice.VAGUE

    # someone answers again after the decision: the disagreement is back, for a fresh look
    store.answers.set(north.id, RESPONSE, Choice.VAGUE, rater_id=family.alex.id)
    assert [d.item_id for d in store.decisions.disagreements(family.comparison_id)] == [RESPONSE]


def test_a_red_flag_seen_by_one_person_only_counts_as_seen(family: Family) -> None:
    store, north, south = family.store, family.north, family.south
    answer_everything_well(store, north.id, family.me.id)
    answer_everything_well(store, south.id, family.me.id)
    store.answers.set(south.id, MONITORING, Choice.NO)  # North is my clear favourite
    store.answers.set(north.id, DEALBREAKER, Choice.SEEN, rater_id=family.alex.id)

    mine, my_ranking = store.scores.results(family.comparison_id)
    assert my_ranking.places[0].result.clinic_id == north.id
    assert not mine[0].not_recommended

    together, ranking = store.scores.results(family.comparison_id, combined=True)
    by_id = {r.clinic_id: r for r in together}
    assert DEALBREAKER in by_id[north.id].red_flags_seen
    assert by_id[north.id].not_recommended
    assert ranking.places[0].result.clinic_id == south.id  # North cannot rank first
    assert "ruled out" in by_id[north.id].summary()

    # Alex's view alone says the same; mine alone does not
    alex, _ = store.scores.results(family.comparison_id, family.alex.id)
    assert {r.clinic_id: r for r in alex}[north.id].not_recommended


def test_unknowns_stay_unknown_until_someone_answers(family: Family) -> None:
    store, north = family.store, family.north
    store.answers.set(north.id, DEALBREAKER, Choice.NOT_SURE)
    store.answers.set(north.id, RESPONSE, Choice.NOT_ASKED, rater_id=family.alex.id)
    before = store.scores.results(family.comparison_id, combined=True, weights=Weights())[0][0]
    assert before.clinic_id == north.id
    assert DEALBREAKER in before.dealbreakers_unknown
    assert RESPONSE in before.still_to_ask

    store.answers.set(north.id, DEALBREAKER, Choice.NOT_SEEN, rater_id=family.alex.id)
    store.answers.set(north.id, RESPONSE, Choice.CLEAR)
    after = store.scores.results(family.comparison_id, combined=True)[0][0]
    assert DEALBREAKER not in after.still_to_ask
    assert RESPONSE not in after.still_to_ask
    assert after.high - after.low < before.high - before.low  # the range narrows
    assert (
        store.decisions.disagreements(family.comparison_id) == []
    )  # "not sure" is not a disagreement


def test_switching_the_rule_to_latest_changes_the_combined_answer(family: Family) -> None:
    store, north = family.store, family.north
    changes: list[Change] = []
    store.answers.set(north.id, MONITORING, Choice.NO)
    store.answers.set(north.id, MONITORING, Choice.YES, rater_id=family.alex.id)  # later
    assert store.decisions.rule(family.comparison_id) is Rule.CAUTIOUS

    def combined() -> Choice:
        return store.scores.clinic_answers(family.comparison_id, combined=True)[0].answers[
            MONITORING
        ]

    assert combined() is Choice.NO
    store.subscribe(changes.append)
    store.decisions.set_rule(family.comparison_id, Rule.LATEST)
    assert changes == [Change(ChangeKind.SETTINGS, family.comparison_id)]
    assert store.decisions.rule(family.comparison_id) is Rule.LATEST
    assert combined() is Choice.YES
    assert store.history.undo_text == "Change how answers are combined"
    assert store.undo()
    assert store.decisions.rule(family.comparison_id) is Rule.CAUTIOUS
    assert combined() is Choice.NO
    with pytest.raises(InvalidValueError, match="Unknown rule"):
        store.decisions.set_rule(family.comparison_id, "loudest")  # type: ignore[arg-type]


def test_the_rule_is_kept_per_comparison_after_closing(
    family: Family, checklist: Checklist
) -> None:
    store = family.store
    other = store.comparisons.create("Autumn search")
    store.decisions.set_rule(family.comparison_id, Rule.LATEST)
    assert store.path is not None
    store.close()
    with Store.open(checklist, store.path) as again:
        assert again.decisions.rule(family.comparison_id) is Rule.LATEST
        assert again.decisions.rule(other.id) is Rule.CAUTIOUS


def test_settling_is_undone_and_redone(family: Family) -> None:
    store, north = family.store, family.north
    store.answers.set_fact(north.id, PRICE, 400)
    store.answers.set_fact(north.id, PRICE, 480, rater_id=family.alex.id)
    changes: list[Change] = []
    store.subscribe(changes.append)
    store.decisions.settle(
        north.id, PRICE, None, family.me.id, number=450, note="450 with the discount"
    )
    assert changes == [Change(ChangeKind.DECISION, family.comparison_id, north.id, PRICE)]
    assert store.history.undo_text == "Settle “Price of one session”"
    (settled,) = store.scores.clinic_answers(family.comparison_id, combined=True)[:1]
    assert settled.facts[PRICE] == 450

    assert store.undo()
    assert store.decisions.by_item(north.id) == {}
    assert [d.item_id for d in store.decisions.disagreements(family.comparison_id)] == [PRICE]
    assert store.scores.clinic_answers(family.comparison_id, combined=True)[0].facts[PRICE] == 480
    assert store.redo()
    assert store.decisions.by_item(north.id)[PRICE].number == 450
    assert store.decisions.disagreements(family.comparison_id) == []
    assert len(changes) == 3

    store.decisions.settle(
        north.id, PRICE, None, family.me.id
    )  # no value: the decision is withdrawn
    assert store.decisions.by_item(north.id) == {}
    store.decisions.settle(north.id, PRICE, None, family.me.id)  # nothing to withdraw: no undo step
    assert store.history.undo_text == "Withdraw the decision on “Price of one session”"


def test_a_settlement_that_does_not_fit_is_refused(family: Family) -> None:
    store, north = family.store, family.north
    with pytest.raises(InvalidValueError, match="settled with a number"):
        store.decisions.settle(north.id, PRICE, Choice.YES, family.me.id)
    with pytest.raises(InvalidValueError, match="not a number"):
        store.decisions.settle(north.id, RESPONSE, None, family.me.id, number=3)
    with pytest.raises(InvalidValueError, match="takes"):
        store.decisions.settle(north.id, RESPONSE, Choice.SEEN, family.me.id)
    with pytest.raises(InvalidValueError, match="must be a number"):
        store.decisions.settle(north.id, PRICE, None, family.me.id, number=-5)
    with pytest.raises(InvalidValueError, match="Unknown checklist item"):
        store.decisions.settle(north.id, "no_such_item", Choice.YES, family.me.id)
    with pytest.raises(NotFoundError):
        store.decisions.settle(north.id, RESPONSE, Choice.CLEAR, "nobody")
    store.clinics.delete(north.id)
    with pytest.raises(NotFoundError):
        store.decisions.settle(north.id, RESPONSE, Choice.CLEAR, family.me.id)


def test_disagreements_are_listed_by_clinic_then_checklist_order(family: Family) -> None:
    store, north, south = family.store, family.north, family.south
    for clinic in (south, north):  # answered in another order than they are listed
        for item_id, mine, theirs in (
            (RESPONSE, Choice.CLEAR, Choice.REFUSED),
            (DEALBREAKER, Choice.NOT_SEEN, Choice.SEEN),
        ):
            store.answers.set(clinic.id, item_id, mine)
            store.answers.set(clinic.id, item_id, theirs, rater_id=family.alex.id)
    keys = [(d.clinic_name, d.item_id) for d in store.decisions.disagreements(family.comparison_id)]
    assert keys == [
        ("North", DEALBREAKER),
        ("North", RESPONSE),
        ("South", DEALBREAKER),
        ("South", RESPONSE),
    ]
    only_south = store.decisions.disagreements(family.comparison_id, south.id)
    assert [(d.clinic_name, d.item_id) for d in only_south] == keys[2:]
    assert store.decisions.disagreements(family.comparison_id, "no-such-clinic") == []


def test_opinions_say_who_said_what_where_and_when(family: Family) -> None:
    store, north = family.store, family.north
    store.answers.set(north.id, MONITORING, Choice.YES, origin=Origin.WEBSITE)
    store.answers.set(north.id, MONITORING, Choice.NOT_SURE, rater_id=family.alex.id)
    store.answers.set_note(north.id, RESPONSE, "ask again", rater_id=family.alex.id)
    store.answers.set(north.id, DEALBREAKER, Choice.SEEN)
    store.answers.set(north.id, DEALBREAKER, None)  # cleared: nothing said any more
    opinions = store.decisions.opinions(north.id)
    assert set(opinions) == {MONITORING, RESPONSE}
    me, alex = opinions[MONITORING]
    assert (me.rater_id, me.choice, me.origin) == (family.me.id, Choice.YES, Origin.WEBSITE)
    assert (alex.rater_name, alex.choice) == ("Alex", Choice.NOT_SURE)
    assert [(o.rater_name, o.choice, o.note) for o in opinions[RESPONSE]] == [
        ("Alex", None, "ask again")
    ]
    assert store.decisions.opinions(family.south.id) == {}


def test_a_removed_clinic_takes_its_decisions_along_and_undo_brings_them_back(
    family: Family, checklist: Checklist
) -> None:
    store, north = family.store, family.north
    store.answers.set(north.id, DEALBREAKER, Choice.NOT_SEEN)
    store.answers.set(north.id, DEALBREAKER, Choice.SEEN, rater_id=family.alex.id)
    store.answers.set(north.id, RESPONSE, Choice.CLEAR)
    store.answers.set(north.id, RESPONSE, Choice.VAGUE, rater_id=family.alex.id)
    store.decisions.settle(north.id, DEALBREAKER, Choice.NOT_SEEN, family.me.id)
    store.clinics.delete(north.id)
    assert store.decisions.disagreements(family.comparison_id) == []
    assert [c.id for c in store.scores.clinic_answers(family.comparison_id, combined=True)] == [
        family.south.id
    ]
    assert store.undo()
    assert [d.item_id for d in store.decisions.disagreements(family.comparison_id)] == [RESPONSE]
    assert store.decisions.by_item(north.id)[DEALBREAKER].choice is Choice.NOT_SEEN

    store.clinics.delete(north.id)
    assert store.path is not None
    store.close()
    with Store.open(checklist, store.path) as again:  # purged for good: its decision too
        assert again.decisions.by_item(north.id) == {}
    conn = sqlite3.connect(store.path)
    try:
        assert conn.execute("SELECT count(*) FROM decision").fetchone() == (0,)
    finally:
        conn.close()


def test_with_one_person_the_combined_view_is_that_persons_view(family: Family) -> None:
    store = family.store
    answer_everything_well(store, family.north.id, family.me.id)
    store.answers.set(family.south.id, DEALBREAKER, Choice.SEEN)
    store.answers.set(family.south.id, RESPONSE, Choice.NOT_ASKED)
    store.answers.set_fact(family.south.id, PRICE, 520)
    assert store.scores.clinic_answers(
        family.comparison_id, combined=True
    ) == store.scores.clinic_answers(family.comparison_id)
    for rule in Rule:
        store.decisions.set_rule(family.comparison_id, rule)
        assert (
            store.scores.results(family.comparison_id, combined=True)[0]
            == store.scores.results(family.comparison_id)[0]
        )


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_fast_combined_read_agrees_with_the_rule_item_by_item(
    family: Family, seed: int
) -> None:
    """The store merges rows read in one query; item by item it must match
    ``kvet.rating.combine``."""
    rng = random.Random(seed)
    store = family.store
    sam = store.people.add("Sam")
    people = [family.me.id, family.alex.id, sam.id]
    items = rng.sample([i for i in store.checklist.items if i.kind is not Kind.FACT], 8)
    items.append(store.checklist.item(PRICE))
    clinics = [family.north.id, family.south.id]
    for _step in range(60):
        clinic, item, person = rng.choice(clinics), rng.choice(items), rng.choice(people)
        if rng.random() < 0.15:
            if item.kind is Kind.FACT:
                store.decisions.settle(
                    clinic, item.id, None, person, number=rng.choice([400, 450, 500])
                )
            else:
                store.decisions.settle(
                    clinic, item.id, rng.choice(OPTIONS[item.kind]).choice, person
                )
        elif item.kind is Kind.FACT:
            store.answers.set_fact(
                clinic, item.id, rng.choice([400, 450, 500, None]), rater_id=person
            )
        else:
            choice = rng.choice([*[o.choice for o in OPTIONS[item.kind]], None])
            store.answers.set(clinic, item.id, choice, rater_id=person)
    for rule in Rule:
        store.decisions.set_rule(family.comparison_id, rule)
        merged = {c.id: c for c in store.scores.clinic_answers(family.comparison_id, combined=True)}
        for clinic in clinics:
            opinions, decisions = store.decisions.opinions(clinic), store.decisions.by_item(clinic)
            for item in items:
                expected = combine(
                    item.kind, opinions.get(item.id, []), rule, decisions.get(item.id)
                )
                got = (merged[clinic].answers.get(item.id), merged[clinic].facts.get(item.id))
                assert got == expected, (rule, clinic, item.id)


@dataclass(frozen=True)
class Heard:
    """What one person last said on the item, at the step they said it."""

    choice: Choice | None
    number: float | None
    answered_at: datetime


FIGURES = [400.0, 450.0, 500.0, None]
STEP = st.tuples(st.integers(0, 2), st.booleans(), st.integers(0, 3))  # who, settles?, what


@pytest.mark.slow
@settings(
    max_examples=40,
    # one store for every example; each example answers a clinic of its own
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    item_id=st.sampled_from([DEALBREAKER, MONITORING, RESPONSE, PRICE]),
    rule=st.sampled_from(list(Rule)),
    steps=st.lists(STEP, min_size=1, max_size=8),
)
def test_the_stored_combined_answer_is_the_merge_rule_on_what_each_person_said(
    family: Family, item_id: str, rule: Rule, steps: list[tuple[int, bool, int]]
) -> None:
    """Whatever three people say and settle, in any order, the store's combined answer is
    ``kvet.rating.combine.combine`` on each person's last word and the decision, kept here, not read
    back from the store."""
    store = family.store
    sam = next((r for r in store.people.list() if r.name == "Sam"), None) or store.people.add("Sam")
    people = [family.me.id, family.alex.id, sam.id]
    clinic = store.clinics.add(
        family.comparison_id, f"Clinic {len(store.clinics.list(family.comparison_id))}"
    )
    kind = store.checklist.item(item_id).kind
    values: list[tuple[Choice | None, float | None]] = (
        [(None, figure) for figure in FIGURES]
        if kind is Kind.FACT
        else [(o.choice, None) for o in OPTIONS[kind]] + [(None, None)]
    )
    heard: dict[str, Heard] = {}
    decision: Decision | None = None
    start = datetime(2026, 1, 1, tzinfo=UTC)
    for n, (who, settling, pick) in enumerate(steps):
        person, (choice, number) = people[who], values[pick % len(values)]
        moment = start + timedelta(days=n)  # the store's clock moves on between steps too
        if settling:
            store.decisions.settle(clinic.id, item_id, choice, person, number=number)
            if choice is None and number is None:
                decision = None
            else:
                decision = Decision(clinic.id, item_id, choice, number, person, "", moment)
        else:
            if kind is Kind.FACT:
                store.answers.set_fact(clinic.id, item_id, number, rater_id=person)
            else:
                store.answers.set(clinic.id, item_id, choice, rater_id=person)
            heard[person] = Heard(choice, number, moment)
    store.decisions.set_rule(family.comparison_id, rule)
    merged = {c.id: c for c in store.scores.clinic_answers(family.comparison_id, combined=True)}
    got = (merged[clinic.id].answers.get(item_id), merged[clinic.id].facts.get(item_id))
    assert got == combine(kind, list(heard.values()), rule, decision)
