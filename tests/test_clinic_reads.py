"""Issue 26: after an answer the window reads that clinic once, all it shows of it together.

What comes back must be exactly what the single reads give (the window's words and scores are
built from it): the clinic's scoring input, one person's answers, everyone's opinions, the
decisions and the red flags seen; and after a slider move, the weights and the rule together.
"""

from __future__ import annotations

from pathlib import Path

from kvet.content.checklist import Checklist
from kvet.rating.answers import Choice
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
        seen = store.decisions.seen(comparison, clinic)[clinic]
        assert [o.rater_name for o in seen[RED_FLAG]] == ["Mum"]  # who saw it, no one else

        store.clinics.delete(other)
        assert store.scores.clinic_reads(other, me) is None  # a removed clinic is not read


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
