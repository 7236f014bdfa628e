"""Issue 26: after an answer the window reads that clinic once, all it shows of it together.

What comes back must be exactly what the single reads give (the window's words and scores are
built from it): the clinic's scoring input, one person's answers, everyone's opinions, the
decisions and the red flags seen; and after a slider move, the weights and the rule together.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from kvet.content.checklist import Checklist, Kind
from kvet.rating.answers import OPTIONS, Choice
from kvet.rating.combine import Rule
from kvet.rating.scoring import Weights
from kvet.store.api import Store

RED_FLAG = "rf_no_screening"  # red flag: seen / not seen / not sure
PRACTICE = "vs_monitoring"  # practice: yes / no / not sure
PRICE = "price_per_session"


def test_one_read_of_a_clinic_gives_what_each_single_read_gives(
    checklist: Checklist, tmp_path: Path
) -> None:
    with Store.open(checklist, tmp_path / "kvet.sqlite", daily_backup=False) as store:
        comparison = store.comparisons.create("Spring").id
        me = store.people.default().id
        mum = store.people.add("Mum").id
        clinic = store.clinics.add(comparison, "Harbor Clinic").id
        other = store.clinics.add(comparison, "Lakeside Clinic").id
        store.answers.set(clinic, RED_FLAG, Choice.SEEN, rater_id=mum)
        store.answers.set(clinic, RED_FLAG, Choice.NOT_SEEN, rater_id=me)
        store.answers.set(clinic, PRACTICE, Choice.YES, rater_id=me)
        store.answers.set(clinic, PRACTICE, Choice.NO, rater_id=mum)
        store.answers.set_fact(clinic, PRICE, 450.0, rater_id=me)
        store.answers.set_note(clinic, PRACTICE, "They check blood pressure.", rater_id=me)
        store.decisions.settle(clinic, PRACTICE, Choice.YES, me)
        store.answers.set(other, RED_FLAG, Choice.SEEN, rater_id=me)  # not this clinic's

        for person, combined in ((me, True), (mum, False), (me, False)):
            read = store.scores.clinic_reads(clinic, person, person, combined=combined)
            assert read is not None
            assert read.scoring == store.scores.one_clinic_answers(
                clinic, person, combined=combined
            )
            assert read.answers == store.answers.by_item(clinic, person)
            assert read.opinions == store.decisions.opinions(clinic)
            assert read.decisions == store.decisions.by_item(clinic)
            assert read.seen == store.decisions.seen(comparison, clinic)[clinic]
            assert read.disagreements == store.decisions.disagreements(comparison, clinic)
        seen = store.decisions.seen(comparison, clinic)[clinic]
        assert [o.rater_name for o in seen[RED_FLAG]] == ["Mum"]  # who saw it, no one else

        store.clinics.delete(other)
        assert store.scores.clinic_reads(other, me) is None  # a removed clinic is not read


@pytest.mark.parametrize("seed", range(4))
def test_a_family_answering_at_random_reads_the_same_in_one_read_as_item_by_item(
    checklist: Checklist, tmp_path: Path, seed: int
) -> None:
    """Three people answer, change their minds, clear answers, leave notes, settle some
    differences and undo, under either rule, in a country that leaves some items out: the one
    read of a clinic after each edit (three plain statements) says what the single reads say,
    the scores and where people differ included."""
    rng = random.Random(seed)
    with Store.open(checklist, tmp_path / "kvet.sqlite", daily_backup=False) as store:
        if seed % 2:
            store.settings.set_preference("country", "US")
        comparison = store.comparisons.create("Spring").id
        people = [store.people.default().id, store.people.add("Mum").id, store.people.add("Al").id]
        clinic = store.clinics.add(comparison, "Harbor Clinic").id
        store.clinics.add(comparison, "Lakeside Clinic")
        items = rng.sample(list(checklist.items), 12)
        if seed >= 2:
            store.decisions.set_rule(comparison, Rule.LATEST)
        for _step in range(40):
            item, person = rng.choice(items), rng.choice(people)
            if rng.random() < 0.1:
                store.undo()  # an answer taken back leaves no row: a decision may stand alone
            elif item.kind is Kind.FACT:
                number = rng.choice([None, 300.0, 450.0])
                store.answers.set_fact(clinic, item.id, number, rater_id=person)
            elif rng.random() < 0.2:
                store.answers.set_note(
                    clinic, item.id, rng.choice(["", "Asked twice."]), rater_id=person
                )
            elif rng.random() < 0.15 and store.decisions.disagreements(comparison, clinic):
                differ = rng.choice(store.decisions.disagreements(comparison, clinic))
                said = differ.opinions[0]
                store.decisions.settle(
                    clinic, differ.item_id, said.choice, person, number=said.number
                )
            else:
                choice = rng.choice([None, *(o.choice for o in OPTIONS[item.kind])])
                store.answers.set(clinic, item.id, choice, rater_id=person)
            for person_shown in people:
                for scored_by in (None, rng.choice(people)):
                    read = store.scores.clinic_reads(
                        clinic, person_shown, scored_by, combined=scored_by is None
                    )
                    assert read is not None
                    assert read.scoring == store.scores.one_clinic_answers(
                        clinic, scored_by, combined=scored_by is None
                    )
                    assert read.answers == store.answers.by_item(clinic, person_shown)
                    assert read.opinions == store.decisions.opinions(clinic)
                    assert read.decisions == store.decisions.by_item(clinic)
                    assert read.seen == store.decisions.seen(comparison, clinic).get(clinic, {})
                    assert read.disagreements == store.decisions.disagreements(comparison, clinic)


def test_the_weights_and_the_rule_are_read_together_as_each_is_saved(
    checklist: Checklist, tmp_path: Path
) -> None:
    with Store.open(checklist, tmp_path / "kvet.sqlite", daily_backup=False) as store:
        comparison = store.comparisons.create("Spring").id
        assert store.scores.scoring_settings(comparison) == (Weights(), Rule.CAUTIOUS)
        weights = Weights(sections={"logistics_cost": 4.0})
        store.settings.set_weights(comparison, weights)
        store.decisions.set_rule(comparison, Rule.LATEST)

        assert store.scores.scoring_settings(comparison) == (
            store.settings.weights(comparison),
            store.decisions.rule(comparison),
        )
        assert store.scores.scoring_settings(comparison) == (weights, Rule.LATEST)


def undo_step(store: Store) -> str | None:
    return store.history.undo_text


def test_saving_the_same_weights_again_makes_no_undo_step(
    checklist: Checklist, tmp_path: Path
) -> None:
    """The check that nothing changes is made inside the save's own write now: "Reset" on the
    defaults, or a slider put back where it was saved, still leaves nothing to undo."""
    with Store.open(checklist, tmp_path / "kvet.sqlite", daily_backup=False) as store:
        comparison = store.comparisons.create("Spring").id
        store.history.clear()
        store.settings.set_weights(comparison, Weights(), merge=False)  # the defaults already
        assert undo_step(store) is None
        store.settings.set_weights(comparison, Weights(sections={"logistics_cost": 4.0}))
        assert undo_step(store) is not None
        store.history.clear()
        store.settings.set_weights(comparison, Weights(sections={"logistics_cost": 4.0}))
        assert undo_step(store) is None
