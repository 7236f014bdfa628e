"""Imported files meet typing's own rules, stay within documented limits, are written in
batches, and report what they cannot add instead of dropping it (issue 23, point 10)."""

from __future__ import annotations

import copy
import json
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from kvet.content.checklist import Checklist
from kvet.exchange import files, importer
from kvet.exchange.errors import ExchangeError
from kvet.exchange.fileformat import MAX_IMPORT_ENTRIES, MAX_MARKERS_PER_WEEK
from kvet.store.api import Store
from kvet.treatment.course import CheckIn
from tests.test_course_sharing import comparison_with_course


def shared(tmp_path: Path, checklist: Checklist) -> dict[str, Any]:
    """A file with one treatment record, as a family member's kvet saves it."""
    with Store.open(checklist, tmp_path / "theirs.sqlite", daily_backup=False) as store:
        comparison_id, _ = comparison_with_course(store)
        path = files.export_comparison(
            store, comparison_id, tmp_path / "family.kvet", include_courses=True
        )
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


def read(data: dict[str, Any]) -> Any:
    return files.parse_document(json.dumps(data).encode(), "family.kvet")


def phq9_entry(data: dict[str, Any]) -> dict[str, Any]:
    entry: dict[str, Any] = next(e for e in data["courses"][0]["entries"] if e["kind"] == "phq9")
    return entry


@pytest.mark.parametrize(
    ("change", "why"),
    [
        (lambda d: phq9_entry(d)["data"]["answers"].__setitem__(0, "3"), "wrong type"),
        (lambda d: phq9_entry(d)["data"]["answers"].__setitem__(8, True), "wrong type"),
        (lambda d: d["courses"][0]["plan"].update(review_at_session="6"), "wrong type"),
        (lambda d: d["clinics"][0].update(position="3"), "position"),
    ],
    ids=["answer '3'", "answer true", "review point '6'", "position '3'"],
)
def test_a_value_typing_refuses_is_refused_in_a_file_too(
    tmp_path: Path, checklist: Checklist, change: Callable[[dict[str, Any]], None], why: str
) -> None:
    """Typing a PHQ-9 answer gives 0 to 3; a file's "3" or true used to be turned into one."""
    data = shared(tmp_path, checklist)
    assert read(data) is not None  # as saved, it imports
    change(data)
    with pytest.raises(ExchangeError, match=why):
        read(data)


def test_a_price_written_as_text_is_refused(tmp_path: Path, checklist: Checklist) -> None:
    with Store.open(checklist, tmp_path / "theirs.sqlite", daily_backup=False) as store:
        comparison = store.comparisons.create("Search")
        clinic = store.clinics.add(comparison.id, "Harbor Clinic")
        store.answers.set_fact(clinic.id, "price_per_session", 550)
        data = files.build_document(store, comparison.id).model_dump(mode="json")
    data["assessments"][0]["answers"][0]["number"] = "550"
    with pytest.raises(ExchangeError, match="number"):
        read(data)


def many_entries(data: dict[str, Any], count: int) -> None:
    """``count`` PHQ-9 check-ins, one a day, in the file's record."""
    template = phq9_entry(data)
    start = date(2000, 1, 1)
    entries = []
    for n in range(count):
        entry = copy.deepcopy(template)
        entry["id"] = f"e{n}"
        entry["data"]["day"] = (start + timedelta(days=n)).isoformat()
        entries.append(entry)
    data["courses"][0]["entries"] = entries


def test_more_treatment_entries_than_the_documented_limit_are_refused_in_plain_words(
    tmp_path: Path, checklist: Checklist
) -> None:
    data = shared(tmp_path, checklist)
    many_entries(data, MAX_IMPORT_ENTRIES + 1)
    second = copy.deepcopy(data["courses"][0])  # two records, neither over a record's limit
    second["id"] = "second-record"
    second["entries"] = second["entries"][5000:]
    for entry in second["entries"]:
        entry["id"] += "-b"
    data["courses"][0]["entries"] = data["courses"][0]["entries"][:5000]
    data["courses"].append(second)
    with pytest.raises(ExchangeError, match="10,001 treatment entries; kvet imports at most"):
        read(data)


def test_a_week_with_more_signs_than_the_limit_is_refused(
    tmp_path: Path, checklist: Checklist
) -> None:
    data = shared(tmp_path, checklist)
    week = {"week_of": "2026-10-05", "ticked": [f"sign {n}" for n in range(51)]}
    data["courses"][0]["entries"].append({"id": "week", "kind": "markers", "data": week})
    assert MAX_MARKERS_PER_WEEK == 50
    with pytest.raises(ExchangeError, match="more than 50 signs"):
        read(data)


def test_the_most_entries_a_file_may_hold_are_written_a_thousand_at_a_time(
    tmp_path: Path, checklist: Checklist
) -> None:
    data = shared(tmp_path, checklist)
    many_entries(data, MAX_IMPORT_ENTRIES)
    document = read(data)
    with Store.open(checklist, tmp_path / "mine.sqlite", daily_backup=False) as store:
        statements: list[str] = []

        def count(_conn: object, _cursor: object, sql: str, *_args: object) -> None:
            if "course_entry" in sql and sql.lstrip().upper().startswith("INSERT"):
                statements.append(sql)

        engine = store.db.engine
        event.listen(engine, "before_cursor_execute", count)
        started = time.perf_counter()
        plan = importer.plan_import(store, document, include_courses=True)
        importer.apply_import(store, plan)
        took = time.perf_counter() - started
        event.remove(engine, "before_cursor_execute", count)
        [info] = store.courses.list_courses()
        assert len(store.courses.entries(info.id)) == MAX_IMPORT_ENTRIES
    assert len(statements) <= MAX_IMPORT_ENTRIES // 1000 + 1
    assert took < 60  # measured about 2 s here; one statement per entry took minutes


def test_two_records_or_entries_sharing_an_id_in_one_file_are_refused_not_dropped(
    tmp_path: Path, checklist: Checklist
) -> None:
    data = shared(tmp_path, checklist)
    twin = copy.deepcopy(data["courses"][0])
    data["courses"].append(twin)
    with pytest.raises(ExchangeError, match="two treatment records share one id"):
        read(data)
    twin["id"] = "another-record"
    with pytest.raises(ExchangeError, match="two treatment entries share one id"):
        read(data)


def test_a_private_topic_given_twice_is_refused_not_dropped(
    tmp_path: Path, checklist: Checklist
) -> None:
    data = shared(tmp_path, checklist)
    data["raters"].append({"id": "tom", "name": "Tom"})
    person = "tom"
    topic = {"rater_id": person, "topic_id": "pregnancy", "applies": True, "note": ""}
    data["personal_topics"] = [topic, {**topic, "applies": False}]
    with pytest.raises(ExchangeError, match="topic appears twice"):
        read(data)


def test_an_entry_whose_id_is_taken_here_arrives_under_a_new_id_and_a_kept_record_is_said(
    tmp_path: Path, checklist: Checklist
) -> None:
    data = shared(tmp_path, checklist)
    taken = phq9_entry(data)["id"]
    with Store.open(checklist, tmp_path / "mine.sqlite", daily_backup=False) as store:
        mine = store.courses.start("My own clinic", None)
        store.courses.add(mine.id, CheckIn(date(2026, 9, 1), (1,) * 9))
        [held] = store.courses.entries(mine.id)
        phq9_entry(data)["id"] = held.id  # the file's entry collides with one of mine
        plan = importer.plan_import(store, read(data), include_courses=True)
        importer.apply_import(store, plan)
        theirs = next(c for c in store.courses.list_courses() if c.id != mine.id)
        kinds = sorted(e.kind for e in store.courses.entries(theirs.id))
        assert kinds == ["care", "mood", "phq9", "session"]  # none dropped
        assert [e.entry for e in store.courses.entries(mine.id)] == [
            CheckIn(date(2026, 9, 1), (1,) * 9)
        ]
        again = importer.plan_import(store, read(data), include_courses=True)
        assert "1 treatment record(s) you already have, left as they are" in again.summary()
    assert taken
