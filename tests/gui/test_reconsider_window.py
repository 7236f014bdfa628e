"""My treatment asks for what the signals need: the first phase's length in the plan, how long
each session's lift lasted, and whether a dose raise was the clinic's plan."""

from __future__ import annotations

from datetime import date, timedelta

from pytestqt.qtbot import QtBot

from kvet.gui.treatment.plantab import REVIEW_HINT
from kvet.treatment import reconsider
from kvet.treatment.course import DoseSession, Plan
from tests.gui.helpers import Session
from tests.gui.test_treatment import treatment


def test_the_plan_keeps_the_first_phases_length_and_shows_the_usual_review_points(
    session: Session, qtbot: QtBot
) -> None:
    _window, tracker = treatment(session, qtbot)
    assert tracker.plan.first_phase.value() == 6  # the sample's six infusions
    tracker.tabs.setCurrentIndex(1)
    tracker.plan.first_phase.setValue(8)
    tracker.save_plan()
    assert tracker.store.courses.plan(tracker.course_id).first_phase_sessions == 8
    texts = [label.text() for label in tracker.findChildren(type(tracker.progress.summary))]
    assert REVIEW_HINT in texts
    tracker.plan.first_phase.setValue(0)
    tracker.save_plan()
    assert tracker.store.courses.plan(tracker.course_id).first_phase_sessions is None


def test_a_planned_raise_and_the_last_sessions_lift_are_saved_with_the_next_session(
    session: Session, qtbot: QtBot
) -> None:
    _window, tracker = treatment(session, qtbot)
    tracker.tabs.setCurrentIndex(2)
    form = tracker.sessions.session_form
    assert not form.planned.isEnabled()  # only a raised dose can be planned
    form.raised.click()
    assert form.planned.isEnabled()
    form.planned.click()
    form.lift.setValue(6)
    before = tracker.course().sessions  # type: ignore[union-attr]
    form.submit()
    course = tracker.course()
    assert course is not None
    new = course.sessions[-1]
    assert new.day == date.today()
    assert new.dose_raised
    assert new.dose_raise_planned
    assert new.lift_days is None  # not known yet: asked at the next session
    assert course.sessions[-2].day == before[-1].day
    assert course.sessions[-2].lift_days == 6  # the lift of the session before
    assert not form.raised.isChecked()
    assert not form.planned.isChecked()
    assert form.lift.value() == form.lift.minimum()  # back to "not noted"
    model = tracker.sessions.sessions_model
    row = model.rowCount() - 1
    assert model.data(model.index(row, 2)).endswith("(raised, as the clinic planned)")
    assert model.data(model.index(row - 1, 5)) == "6"


def test_a_record_with_no_therapy_is_asked_once_about_other_support(
    session: Session, qtbot: QtBot
) -> None:
    _window, tracker = treatment(session, qtbot)
    course_id = tracker.start_course("Harbor Clinic")
    store = tracker.store
    store.courses.set_plan(course_id, Plan(first_phase_sessions=2))
    for back in (12, 9):
        store.courses.add(course_id, DoseSession(date.today() - timedelta(days=back)))
    text = tracker.progress.signals_label.text()
    assert "Nothing in the log calls for a second look." in text
    assert text.splitlines()[-1] == reconsider.CARE_QUESTION
