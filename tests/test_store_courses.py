"""A course of treatment is kept like everything else: saved at once, undoable, never half-read."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kvet.content.checklist import Checklist
from kvet.rating.answers import Choice
from kvet.store.api import Store
from kvet.store.errors import InvalidValueError
from kvet.treatment import reconsider
from kvet.treatment.course import CareSession, CheckIn, DoseSession, MoodCheck, Plan, SideEffect

PHQ_21 = (3, 3, 3, 3, 3, 2, 2, 2, 0)
PHQ_17 = (2, 2, 2, 2, 2, 2, 2, 3, 0)


def test_a_course_started_from_a_clinic_carries_its_answers_to_the_four_questions(
    tmp_path: Path, checklist: Checklist
) -> None:
    with Store.open(checklist, tmp_path / "kvet.sqlite") as store:
        comparison = store.comparisons.create("Search")
        clinic = store.clinics.add(comparison.id, "Clinic A")
        store.answers.set(clinic.id, "q_induction_schedule", Choice.CLEAR)
        store.answers.set_note(clinic.id, "q_induction_schedule", "Six infusions over three weeks")
        store.answers.set_note(clinic.id, "q_no_response", "We review after session six")
        course = store.courses.start("Clinic A", clinic.id)
        plan = store.courses.plan(course.id)
        assert plan.induction == "Six infusions over three weeks"
        assert plan.without_response == "We review after session six"
        assert plan.tapering == ""


def test_the_log_survives_a_restart_and_reads_back_exactly(
    tmp_path: Path, checklist: Checklist
) -> None:
    path = tmp_path / "kvet.sqlite"
    session = DoseSession(
        date(2026, 10, 2),
        "IV",
        "The clinic said the same dose as last time",
        False,
        (128, 84),
        (141, 90),
        35,
        frozenset({SideEffect.DISSOCIATION, SideEffect.NAUSEA}),
        "Felt floaty, fine by evening",
    )
    with Store.open(checklist, path) as store:
        course = store.courses.start("Clinic A")
        store.courses.set_plan(course.id, Plan(induction="6 in 3 weeks", review_at_session=6))
        store.courses.add(course.id, CheckIn(date(2026, 10, 1), PHQ_21, 2))
        store.courses.add(course.id, session)
        store.courses.add(course.id, CareSession(date(2026, 10, 5), "therapy"))
        store.courses.add(course.id, MoodCheck(date(2026, 10, 6), racing_thoughts=True))
    with Store.open(checklist, path) as store:
        loaded = store.courses.load(store.courses.list_courses()[0].id)
    assert loaded.sessions == (session,)
    assert loaded.check_ins[0].total == 21
    assert loaded.plan.review_at_session == 6
    assert loaded.care[0].kind == "therapy"
    assert reconsider.mood(loaded, date(2026, 10, 10)).raised


def test_adding_changing_and_removing_entries_undo_one_step_at_a_time(
    tmp_path: Path, checklist: Checklist
) -> None:
    with Store.open(checklist, tmp_path / "kvet.sqlite") as store:
        course = store.courses.start("Clinic A")
        first = store.courses.add(course.id, CheckIn(date(2026, 10, 1), PHQ_21))
        store.courses.replace(course.id, first, CheckIn(date(2026, 10, 1), PHQ_17))
        assert store.courses.load(course.id).check_ins[0].total == 17
        store.undo()
        assert store.courses.load(course.id).check_ins[0].total == 21
        store.courses.remove(course.id, first)
        assert store.courses.load(course.id).check_ins == ()
        store.undo()
        assert store.courses.load(course.id).check_ins[0].total == 21
        store.undo()
        assert store.courses.load(course.id).check_ins == ()
        store.redo()
        assert store.courses.load(course.id).check_ins[0].total == 21


@pytest.mark.parametrize(
    "entry",
    [
        CheckIn(date(2026, 10, 1), PHQ_21[:8]),  # a question left out
        CheckIn(date(2026, 10, 1), (4,) * 9),  # not one of the four choices
        DoseSession(date(2026, 10, 1), bp_before=(80, 120)),  # the numbers the wrong way round
        DoseSession(date(2026, 10, 1), minutes_to_steady=100_000),
        DoseSession(date(1900, 1, 1)),
        CareSession(date(2026, 10, 1), "x" * 1000),
        DoseSession(date(2026, 10, 1), note="bad\x00note"),
    ],
)
def test_an_impossible_entry_is_refused_and_changes_nothing(
    tmp_path: Path, checklist: Checklist, entry: object
) -> None:
    with Store.open(checklist, tmp_path / "kvet.sqlite") as store:
        course = store.courses.start("Clinic A")
        with pytest.raises(InvalidValueError):
            store.courses.add(course.id, entry)  # type: ignore[arg-type]
        assert store.courses.entries(course.id) == []
        assert not store.can_undo
