"""Whole comparisons in and out of the store (kvet.store.transfer), as the exchange uses them.

The store checks an import with the rules typed values meet, writes it whole or not at all,
tells the views once, and keeps undo from replaying steps over what was imported.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kvet.content.checklist import Checklist, Kind
from kvet.rating.answers import Choice, Origin
from kvet.rating.combine import Rule
from kvet.rating.scoring import Weights
from kvet.store.api import Change, ChangeKind, Store
from kvet.store.errors import InvalidValueError, NotFoundError
from kvet.store.transferrecords import (
    ImportBatch,
    ImportedAnswer,
    ImportedAssessment,
    ImportedClinic,
    NewComparison,
)

WHEN = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


@pytest.fixture
def store(checklist: Checklist, tmp_path: Path) -> Iterator[Store]:
    with Store.open(checklist, tmp_path / "kvet.sqlite") as opened:
        yield opened


def a_fact(checklist: Checklist) -> str:
    return next(i.id for i in checklist.items if i.kind is Kind.FACT and i.unit == "USD")


def a_red_flag(checklist: Checklist) -> str:
    return next(i.id for i in checklist.items if i.kind is Kind.RED_FLAG)


def batch(checklist: Checklist, price: float = 450.0, name: str = "North") -> ImportBatch:
    """A family member's file: one clinic, their price and one red flag they saw."""
    return ImportBatch(
        "cmp-1",
        NewComparison("From Sam", Weights(), Rule.LATEST),
        (("sam", "Sam"),),
        (ImportedClinic("c-1", name, "1 Main St", "555 0101", "", "Calm.", ("iv",), 0),),
        (
            ImportedAssessment(
                "c-1",
                "sam",
                checklist.version,
                (
                    ImportedAnswer(a_fact(checklist), None, price, "", Origin.PHONE, WHEN),
                    ImportedAnswer(
                        a_red_flag(checklist), Choice.SEEN, None, "", Origin.VISIT, WHEN
                    ),
                ),
            ),
        ),
        (),
    )


def test_an_import_arrives_whole_is_told_once_and_is_not_an_undo_step(
    store: Store, checklist: Checklist
) -> None:
    store.comparisons.create("Mine")  # an undoable step before the import
    told: list[Change] = []
    store.subscribe(told.append)

    new_id = store.transfer.import_comparison(batch(checklist))

    assert new_id == "cmp-1"
    assert told == [Change(ChangeKind.ALL)]
    assert not store.can_undo  # undoing "Mine" now could write over what arrived
    [clinic] = store.clinics.list(new_id)
    assert (clinic.name, clinic.address, clinic.phone) == ("North", "1 Main St", "555 0101")
    sam = next(p for p in store.people.list() if p.name == "Sam")
    answers = store.answers.by_item(clinic.id, sam.id)
    assert answers[a_fact(checklist)].number == 450.0
    assert answers[a_red_flag(checklist)].choice is Choice.SEEN
    assert answers[a_red_flag(checklist)].origin is Origin.VISIT
    assert store.decisions.rule(new_id) is Rule.LATEST


@pytest.mark.parametrize(
    ("price", "name", "message"),
    [
        (5_000_000.0, "North", "must be a number from 0 to 1,000,000"),
        (450.0, "   ", "needs a name"),
        (450.0, "North\x00", "cannot store"),
    ],
)
def test_an_import_with_a_value_the_store_refuses_changes_nothing(
    store: Store, checklist: Checklist, price: float, name: str, message: str
) -> None:
    told: list[Change] = []
    store.subscribe(told.append)
    before = store.comparisons.list()

    with pytest.raises(InvalidValueError, match=message):
        store.transfer.import_comparison(batch(checklist, price, name))

    assert store.comparisons.list() == before
    assert [p.name for p in store.people.list()] == ["Me"]
    assert told == []


def test_a_choice_that_does_not_fit_its_question_is_refused(
    store: Store, checklist: Checklist
) -> None:
    good = batch(checklist)
    [assessment] = good.assessments
    wrong = ImportedAnswer(a_red_flag(checklist), Choice.CLEAR, None, "", Origin.PHONE, WHEN)
    bad = replace(good, assessments=(replace(assessment, answers=(wrong,)),))

    with pytest.raises(InvalidValueError, match="takes"):
        store.transfer.import_comparison(bad)
    assert store.comparisons.list() == []


def test_a_person_whose_name_is_taken_arrives_marked_as_imported(
    store: Store, checklist: Checklist
) -> None:
    long_name = "M" * 100
    store.people.add(long_name)
    first = batch(checklist)
    store.transfer.import_comparison(replace(first, people=(("sam", long_name),)))
    names = sorted(p.name for p in store.people.list())
    # the name and the mark together would be too long to store: it is cut at the limit
    assert names == sorted(["Me", long_name, (long_name + " (imported)")[:100]])


def test_the_document_read_hands_out_records_of_the_comparison_whole(
    store: Store, checklist: Checklist
) -> None:
    comparison = store.comparisons.create("Spring")
    clinic = store.clinics.add(comparison.id, "North", phone="555 0101")
    store.clinics.add(comparison.id, "Gone")
    store.clinics.delete(store.clinics.list(comparison.id)[1].id)
    store.answers.set_fact(clinic.id, a_fact(checklist), 450)

    dump = store.transfer.read_comparison(comparison.id)

    assert (dump.id, dump.name) == (comparison.id, "Spring")
    assert [c.name for c in dump.clinics] == ["North"]  # a deleted clinic is not shared
    [assessment] = dump.assessments
    [answer] = assessment.answers
    assert (answer.item_id, answer.number) == (a_fact(checklist), 450.0)
    assert dump.people == ((store.people.default().id, "Me"),)
    assert dump.topics is None  # private parts only when asked
    assert dump.courses is None
    with pytest.raises(NotFoundError):
        store.transfer.read_comparison("no-such-comparison")


def test_what_an_import_would_meet_is_read_without_writing(
    store: Store, checklist: Checklist
) -> None:
    comparison = store.comparisons.create("Spring")
    clinic = store.clinics.add(comparison.id, "North")
    me = store.people.default().id
    store.answers.set_fact(clinic.id, a_fact(checklist), 450)
    undo_before = store.can_undo

    held = store.transfer.holdings(comparison.id, "cmp-x", [clinic.id, "elsewhere"], [me])

    assert set(held.clinics) == {clinic.id}
    assert held.answers[(clinic.id, me)][a_fact(checklist)].number == 450.0
    assert held.people[me] == "Me"
    assert not held.comparison_id_taken
    assert store.can_undo == undo_before
    with pytest.raises(NotFoundError):
        store.transfer.holdings("gone", "cmp-x", [], [])


def test_an_import_into_a_comparison_keeps_a_copy_of_the_data_from_before(
    store: Store, checklist: Checklist
) -> None:
    assert store.path is not None
    new_id = store.transfer.import_comparison(batch(checklist))
    folder = store.path.parent / "backups"
    assert not list(folder.glob("kvet-before-import-*.sqlite"))  # a new comparison risks nothing

    again = replace(batch(checklist, name="North again"), new_comparison=None, comparison_id=new_id)
    store.transfer.import_comparison(
        replace(again, clinics=(replace(again.clinics[0], overwrite=frozenset({"name"})),))
    )

    assert [c.name for c in store.clinics.list(new_id)] == ["North again"]
    [copy] = folder.glob("kvet-before-import-*.sqlite")
    with Store.open(checklist, copy, daily_backup=False) as kept:
        assert [c.name for c in kept.clinics.list(new_id)] == ["North"]


def test_an_import_into_a_comparison_deleted_meanwhile_writes_nothing(
    store: Store, checklist: Checklist
) -> None:
    gone = store.comparisons.create("Deleted while the import was being read")
    store.comparisons.delete(gone.id)

    with pytest.raises(NotFoundError, match="no longer exists"):
        store.transfer.import_comparison(
            replace(batch(checklist), new_comparison=None, comparison_id=gone.id)
        )

    assert [p.name for p in store.people.list()] == ["Me"]
