"""The signals' new entries are kept: the plan's first phase and review session read from the
clinic's words, the lift noted at the next session, a planned dose raise; older databases are
upgraded and older shared files still import."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import URL

from kvet.content.checklist import Checklist
from kvet.exchange import files, importer
from kvet.exchange.fileformat import SCHEMA_VERSION
from kvet.rating import plantext
from kvet.store import migrate
from kvet.store.api import Store
from kvet.store.connection import make_engine
from kvet.store.errors import InvalidValueError
from kvet.treatment.course import Course, DoseSession, Plan


@pytest.mark.parametrize(
    ("words", "sessions"),
    [
        ("Six infusions over two and a half weeks.", 6),
        ("6 IV infusions in 2-3 weeks", 6),
        ("Twice a week for 4 weeks, then weekly.", 8),
        ("Dos veces por semana durante cuatro semanas.", 8),
        ("Seis infusiones en dos semanas y media.", 6),
        ("The first 6 sessions over 3 weeks", 6),
        ("Weekly, then we see.", None),
        ("", None),
    ],
)
def test_the_first_phase_is_read_from_the_clinics_words(words: str, sessions: int | None) -> None:
    assert plantext.first_phase_sessions(words) == sessions


@pytest.mark.parametrize(
    ("words", "session"),
    [
        ("A review with the psychiatrist if there is no response by session 6.", 6),
        ("We reassess after the sixth infusion.", 6),
        ("If nothing changes after six infusions we talk about other options.", 6),
        ("Una revisión si no hay respuesta para la sesión 8.", 8),
        ("We talk about it at the end of induction.", None),
    ],
)
def test_the_review_session_is_read_from_the_clinics_words(words: str, session: int | None) -> None:
    assert plantext.review_session(words) == session


def test_a_course_started_from_a_clinic_has_its_first_phase_and_review_session_filled(
    tmp_path: Path, checklist: Checklist
) -> None:
    with Store.open(checklist, tmp_path / "kvet.sqlite") as store:
        comparison = store.comparisons.create("Search")
        clinic = store.clinics.add(comparison.id, "Harbor Clinic")
        store.answers.set_note(clinic.id, "q_induction_schedule", "Six infusions over 2.5 weeks")
        store.answers.set_note(clinic.id, "q_no_response", "We review by session 6.")
        course = store.courses.start("Harbor Clinic", clinic.id)
        plan = store.courses.plan(course.id)
    assert plan.first_phase_sessions == 6
    assert plan.review_at_session == 6
    assert plan.induction == "Six infusions over 2.5 weeks"


def test_the_lift_is_noted_on_the_session_it_followed_and_undone_in_one_step(
    tmp_path: Path, checklist: Checklist
) -> None:
    with Store.open(checklist, tmp_path / "kvet.sqlite") as store:
        course = store.courses.start("Harbor Clinic")
        store.courses.add(course.id, DoseSession(date(2026, 10, 1)))
        store.courses.add(course.id, DoseSession(date(2026, 10, 15)))
        assert store.courses.note_lift(course.id, date(2026, 10, 29), 9)
        sessions = store.courses.load(course.id).sessions
        assert [s.lift_days for s in sessions] == [None, 9]
        store.undo()
        assert [s.lift_days for s in store.courses.load(course.id).sessions] == [None, None]
        assert not store.courses.note_lift(course.id, date(2026, 10, 1), 3)  # nothing before


def test_a_lift_and_a_planned_raise_are_checked_like_any_entry(
    tmp_path: Path, checklist: Checklist
) -> None:
    with Store.open(checklist, tmp_path / "kvet.sqlite") as store:
        course = store.courses.start("Harbor Clinic")
        for wrong in (
            DoseSession(date(2026, 10, 1), lift_days=367),
            DoseSession(date(2026, 10, 1), lift_days=-1),
            DoseSession(date(2026, 10, 1), dose_raise_planned=True),  # planned, but not raised
        ):
            with pytest.raises(InvalidValueError):
                store.courses.add(course.id, wrong)
        with pytest.raises(InvalidValueError):
            store.courses.set_plan(course.id, Plan(first_phase_sessions=101))
        store.courses.add(course.id, DoseSession(date(2026, 10, 1), lift_days=366))
        store.courses.add(
            course.id, DoseSession(date(2026, 10, 2), dose_raised=True, dose_raise_planned=True)
        )
        store.courses.set_plan(course.id, Plan(first_phase_sessions=100))


def test_a_database_from_before_the_new_fields_is_upgraded_with_them(
    tmp_path: Path, checklist: Checklist
) -> None:
    path = tmp_path / "kvet.sqlite"
    engine = make_engine(URL.create("sqlite", database=str(path)))
    migrate.run_migrations(engine, "0003")
    engine.dispose()
    conn = sqlite3.connect(path)
    plan = {
        "induction": "Twice a week for 4 weeks",
        "without_response": "We review by session 8",
        "response_measure": "",
        "tapering": "",
        "review_at_session": None,
    }
    session = {"day": "2026-10-01", "treatment": "Nasal esketamine", "dose_raised": True}
    conn.execute(
        "INSERT INTO course (id, clinic_name, plan, created_at) VALUES (?, ?, ?, ?)",
        ("c1", "Harbor Clinic", json.dumps(plan), "2026-10-01 10:00:00.000000"),
    )
    conn.execute(
        "INSERT INTO course_entry (id, course_id, kind, day, data, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        ("e1", "c1", "session", "2026-10-01", json.dumps(session), "2026-10-01 10:00:00.000000"),
    )
    conn.commit()
    conn.close()
    with Store.open(checklist, path) as store:
        course = store.courses.load("c1")
    assert course.plan.first_phase_sessions == 8
    assert course.plan.review_at_session == 8
    assert course.sessions[0].dose_raised
    assert not course.sessions[0].dose_raise_planned
    conn = sqlite3.connect(path)
    try:
        (data,) = conn.execute("SELECT data FROM course_entry").fetchone()
        assert json.loads(data)["lift_days"] is None  # every row says what it holds
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (migrate.HEAD,)
        ]
    finally:
        conn.close()


def _shared(tmp_path: Path, checklist: Checklist) -> tuple[Path, Course]:
    with Store.open(checklist, tmp_path / "mine.sqlite") as store:
        comparison = store.comparisons.create("Search")
        clinic = store.clinics.add(comparison.id, "Harbor Clinic")
        course = store.courses.start("Harbor Clinic", clinic.id)
        store.courses.set_plan(course.id, Plan(first_phase_sessions=6, review_at_session=6))
        store.courses.add(
            course.id,
            DoseSession(date(2026, 10, 1), dose_raised=True, dose_raise_planned=True, lift_days=5),
        )
        original = store.courses.load(course.id)
        path = files.export_comparison(
            store, comparison.id, tmp_path / "family.kvet", include_courses=True
        )
    return path, original


def test_a_shared_file_carries_the_new_fields_in_schema_version_4(
    tmp_path: Path, checklist: Checklist
) -> None:
    path, original = _shared(tmp_path, checklist)
    raw = json.loads(path.read_text())
    assert raw["schema_version"] == SCHEMA_VERSION == 4
    [course] = raw["courses"]
    assert course["plan"]["first_phase_sessions"] == 6
    assert course["entries"][0]["data"]["lift_days"] == 5
    with Store.open(checklist, tmp_path / "theirs.sqlite") as store:
        plan = importer.plan_import(store, files.read_document(path), include_courses=True)
        importer.apply_import(store, plan)
        [info] = store.courses.list_courses()
        assert store.courses.load(info.id) == original


def test_a_version_3_file_without_the_new_fields_still_imports(
    tmp_path: Path, checklist: Checklist
) -> None:
    path, original = _shared(tmp_path, checklist)
    raw = json.loads(path.read_text())
    raw["schema_version"] = 3
    for course in raw["courses"]:
        del course["plan"]["first_phase_sessions"]
        for entry in course["entries"]:
            del entry["data"]["lift_days"]
            del entry["data"]["dose_raise_planned"]
    old = tmp_path / "old.kvet"
    old.write_text(json.dumps(raw))
    with Store.open(checklist, tmp_path / "theirs.sqlite") as store:
        plan = importer.plan_import(store, files.read_document(old), include_courses=True)
        importer.apply_import(store, plan)
        [info] = store.courses.list_courses()
        course = store.courses.load(info.id)
    assert course.plan.first_phase_sessions is None
    assert course.sessions[0].lift_days is None
    assert not course.sessions[0].dose_raise_planned
    assert course.sessions[0].dose_raised
    assert replace(course, plan=original.plan, sessions=original.sessions) == original
