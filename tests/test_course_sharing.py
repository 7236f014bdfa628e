"""A treatment record is health data: it leaves in a shared file only when ticked, arrives only
when the recipient chooses, and then reads back exactly as it was."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from kvet.content.checklist import Checklist
from kvet.exchange import files, importer
from kvet.exchange.errors import ExchangeError
from kvet.store.api import Store
from kvet.treatment.course import CareSession, CheckIn, DoseSession, MoodCheck, Plan, SideEffect

SECRET_NOTE = "Felt very low on Sunday"


def comparison_with_course(store: Store) -> tuple[str, str]:
    comparison = store.comparisons.create("Search")
    clinic = store.clinics.add(comparison.id, "Harbor Clinic")
    course = store.courses.start("Harbor Clinic", clinic.id)
    store.courses.set_plan(course.id, Plan(induction="6 in 3 weeks", review_at_session=6))
    store.courses.add(course.id, CheckIn(date(2026, 10, 1), (3, 3, 2, 2, 2, 2, 2, 2, 1), 2))
    store.courses.add(
        course.id,
        DoseSession(
            date(2026, 10, 2),
            "IV infusion",
            "same as before",
            True,
            (128, 84),
            (140, 90),
            30,
            frozenset({SideEffect.NAUSEA}),
            SECRET_NOTE,
        ),
    )
    store.courses.add(course.id, MoodCheck(date(2026, 10, 4), agitated=True))
    store.courses.add(course.id, CareSession(date(2026, 10, 5), "Therapy"))
    return comparison.id, course.id


def test_a_shared_file_leaves_the_treatment_record_out_unless_ticked(
    tmp_path: Path, checklist: Checklist
) -> None:
    with Store.open(checklist, tmp_path / "mine.sqlite") as store:
        comparison_id, _course = comparison_with_course(store)
        plain = files.export_comparison(store, comparison_id, tmp_path / "plain.kvet")
        ticked = files.export_comparison(
            store, comparison_id, tmp_path / "ticked.kvet", include_courses=True
        )
    assert SECRET_NOTE not in plain.read_text()
    assert json.loads(plain.read_text())["courses"] is None
    assert SECRET_NOTE in ticked.read_text()


def test_a_record_arrives_only_when_chosen_and_then_reads_back_exactly(
    tmp_path: Path, checklist: Checklist
) -> None:
    with Store.open(checklist, tmp_path / "mine.sqlite") as store:
        comparison_id, course_id = comparison_with_course(store)
        original = store.courses.load(course_id)
        path = files.export_comparison(
            store, comparison_id, tmp_path / "family.kvet", include_courses=True
        )
    document = files.read_document(path)
    with Store.open(checklist, tmp_path / "theirs.sqlite") as store:
        plan = importer.plan_import(store, document)
        assert "1 treatment record(s); they are left out" in plan.summary()
        importer.apply_import(store, plan)
        assert store.courses.list_courses() == []
    with Store.open(checklist, tmp_path / "family.sqlite") as store:
        plan = importer.plan_import(store, document, include_courses=True)
        assert "1 treatment record(s)" in plan.summary()
        new_comparison = importer.apply_import(store, plan)
        [info] = store.courses.list_courses()
        assert store.courses.load(info.id) == original
        clinics = store.clinics.list(new_comparison)
        assert info.clinic_id == clinics[0].id
        # Imported again, the record already here is left as it is, not doubled.
        again = importer.plan_import(store, document, include_courses=True)
        assert again.courses_added == 0
        importer.apply_import(store, again)
        assert len(store.courses.list_courses()) == 1


@pytest.mark.parametrize(
    "damage",
    [
        lambda e: e.update(kind="phq9", data={"day": "2026-10-01", "answers": [4] * 9}),
        lambda e: e["data"].update(bp_before=[80, 120]),
        lambda e: e["data"].update(note="bad\u0000note"),
        lambda e: e.update(kind="dream"),
        lambda e: e["data"].update(extra={"deep": [[[[1]]]]}),
    ],
)
def test_a_file_with_an_impossible_entry_is_refused_and_changes_nothing(
    tmp_path: Path, checklist: Checklist, damage: object
) -> None:
    with Store.open(checklist, tmp_path / "mine.sqlite") as store:
        comparison_id, _ = comparison_with_course(store)
        path = files.export_comparison(
            store, comparison_id, tmp_path / "family.kvet", include_courses=True
        )
    data = json.loads(path.read_text())
    session = next(e for e in data["courses"][0]["entries"] if e["kind"] == "session")
    damage(session)  # type: ignore[operator]
    path.write_text(json.dumps(data))
    target = tmp_path / "theirs.sqlite"
    with Store.open(checklist, target):
        pass
    before = target.read_bytes()
    with pytest.raises(ExchangeError):
        files.read_document(path)
    assert target.read_bytes() == before


def test_the_command_line_shares_a_record_only_with_both_flags(
    tmp_path: Path, checklist: Checklist, capsys: pytest.CaptureFixture[str]
) -> None:
    from kvet.__main__ import main

    mine, theirs = tmp_path / "mine.sqlite", tmp_path / "theirs.sqlite"
    with Store.open(checklist, mine) as store:
        comparison_with_course(store)
    out = tmp_path / "family.kvet"
    assert main(["--db", str(mine), "export", str(out), "--include-courses"]) == 0
    assert main(["--db", str(theirs), "import", str(out)]) == 0
    assert "left out unless you choose" in capsys.readouterr().out
    with Store.open(checklist, theirs) as store:
        assert store.courses.list_courses() == []
    assert main(["--db", str(theirs), "import", str(out), "--include-courses"]) == 0
    with Store.open(checklist, theirs) as store:
        assert len(store.courses.list_courses()) == 1


SAME_RECORD = """
import json
from datetime import date
from kvet.store.courseentries import entry_data
from kvet.treatment.course import DoseSession, MarkerWeek, SideEffect
dose = DoseSession(date(2026, 10, 2), side_effects=frozenset(SideEffect))
week = MarkerWeek(date(2026, 10, 5), frozenset({"Cooking a meal", "Walking", "Reading", "Calls"}))
print(json.dumps([entry_data(dose), entry_data(week)]))
"""


def test_the_same_record_is_written_the_same_way_every_time() -> None:
    """A backup or a shared file made twice from the same record is the same file, so a family
    comparing two copies sees no change where there is none (a set's order follows the hash
    seed)."""
    written = {
        subprocess.run(
            [sys.executable, "-c", SAME_RECORD],
            env={"PYTHONHASHSEED": str(seed), "PATH": "/usr/bin:/bin"},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(6)
    }
    assert len(written) == 1
    effects = json.loads(written.pop())[0]["side_effects"]
    assert effects == sorted(effects)
    assert len(effects) == len(SideEffect)
