"""Undo and redo through the core API, so Ctrl+Z works the same in every view.

Answers, clinic edits and deletions of clinics and comparisons can be undone and redone. Typing
in a note undoes as one step. What was deleted is purged for good when kvet next opens.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from kvet.content.checklist import Checklist, Format
from kvet.rating.answers import Choice, Origin
from kvet.rating.scoring import Weights
from kvet.store.api import Change, ChangeKind, Store
from kvet.store.errors import NotFoundError
from kvet.store.records import ClinicInfo

RED_FLAG = "rf_no_screening"
QUESTION = "q_taper_plan"
PRICE = "price_per_session"


@pytest.fixture
def store(checklist: Checklist, tmp_path: Path) -> Iterator[Store]:
    with Store.open(checklist, tmp_path / "kvet.sqlite") as opened:
        yield opened


@pytest.fixture
def clinic(store: Store) -> ClinicInfo:
    spring = store.comparisons.create("Spring")
    north = store.clinics.add(spring.id, "North", phone="+1 555 0100", formats=[Format.IV])
    store.history.clear()  # start each story with nothing to undo
    return north


def test_an_answer_is_undone_and_redone(
    store: Store, clinic: ClinicInfo, checklist: Checklist
) -> None:
    store.answers.set(clinic.id, RED_FLAG, Choice.NOT_SEEN)
    first = store.answers.by_item(clinic.id)[RED_FLAG]
    store.answers.set(clinic.id, RED_FLAG, Choice.SEEN, origin=Origin.VISIT)
    second = store.answers.by_item(clinic.id)[RED_FLAG]
    assert store.history.undo_text == f"Answer “{checklist.item(RED_FLAG).statement}”"

    assert store.undo()
    assert (
        store.answers.by_item(clinic.id)[RED_FLAG] == first
    )  # choice, origin and date as they were
    assert store.undo()
    assert RED_FLAG not in store.answers.by_item(clinic.id)  # it had not been answered at all
    assert not store.undo()  # nothing more to undo
    assert store.redo()
    assert store.answers.by_item(clinic.id)[RED_FLAG] == first
    assert store.redo()
    assert store.answers.by_item(clinic.id)[RED_FLAG] == second
    assert not store.redo()


def test_a_price_and_where_it_came_from_are_undone(store: Store, clinic: ClinicInfo) -> None:
    store.answers.set_fact(clinic.id, PRICE, 450)
    store.answers.set_origin(clinic.id, PRICE, Origin.WRITTEN)
    store.undo()
    assert store.answers.by_item(clinic.id)[PRICE].origin is Origin.PHONE
    assert store.answers.by_item(clinic.id)[PRICE].number == 450
    store.undo()
    assert PRICE not in store.answers.by_item(clinic.id)


def test_a_clinic_edit_is_undone_and_redone(store: Store, clinic: ClinicInfo) -> None:
    edited = store.clinics.update(clinic.id, name="North Care", formats=[Format.ORAL])
    assert store.history.undo_text == "Edit clinic “North”"
    assert store.undo()
    assert store.clinics.get(clinic.id) == clinic
    assert store.redo()
    assert store.clinics.get(clinic.id) == edited


def test_a_clinic_deleted_by_mistake_comes_back_with_undo(store: Store, clinic: ClinicInfo) -> None:
    store.answers.set(clinic.id, RED_FLAG, Choice.NOT_SEEN)
    store.answers.set_note(clinic.id, RED_FLAG, "asked twice")
    answers = store.answers.by_item(clinic.id)
    store.clinics.delete(clinic.id)
    assert store.history.undo_text == "Remove clinic “North”"
    assert store.clinics.list(clinic.comparison_id) == []

    assert store.undo()
    assert store.clinics.list(clinic.comparison_id) == [clinic]
    assert store.answers.by_item(clinic.id) == answers  # with everything that was known about it
    assert store.redo()
    assert store.clinics.list(clinic.comparison_id) == []


def test_a_comparison_deleted_by_mistake_comes_back_with_its_clinics(
    store: Store, clinic: ClinicInfo
) -> None:
    store.answers.set(clinic.id, RED_FLAG, Choice.SEEN)
    store.settings.set_weights(clinic.comparison_id, Weights(items={QUESTION: 4.0}))
    store.comparisons.delete(clinic.comparison_id)
    assert store.comparisons.list() == []
    assert store.undo()
    (spring,) = store.comparisons.list()
    assert (spring.id, spring.clinic_count) == (clinic.comparison_id, 1)
    assert store.answers.by_item(clinic.id)[RED_FLAG].choice is Choice.SEEN
    assert store.settings.weights(spring.id) == Weights(items={QUESTION: 4.0})
    assert store.redo()
    assert store.comparisons.list() == []


def test_creating_a_comparison_or_a_clinic_can_be_undone(store: Store) -> None:
    spring = store.comparisons.create("Spring")
    north = store.clinics.add(spring.id, "North")
    store.undo()
    assert store.clinics.list(spring.id) == []
    store.undo()
    assert store.comparisons.list() == []
    store.redo()
    store.redo()
    assert store.clinics.list(spring.id) == [north]


def test_typing_a_note_undoes_as_one_step(store: Store, clinic: ClinicInfo) -> None:
    store.answers.set(clinic.id, QUESTION, Choice.VAGUE)
    for text in ("We", "We see", "We see how it", "We see how it goes."):
        store.answers.set_note(clinic.id, QUESTION, text)  # autosaved as the user types
    assert store.answers.by_item(clinic.id)[QUESTION].note == "We see how it goes."
    store.undo()
    after_undo = store.answers.by_item(clinic.id)[QUESTION]
    assert (after_undo.note, after_undo.choice) == ("", Choice.VAGUE)  # the answer stays
    store.redo()
    assert store.answers.by_item(clinic.id)[QUESTION].note == "We see how it goes."


def test_sealing_starts_a_new_undo_step(store: Store, clinic: ClinicInfo) -> None:
    store.answers.set_note(clinic.id, QUESTION, "first thought")
    store.seal_undo()  # focus left the note field
    store.answers.set_note(clinic.id, QUESTION, "second thought")
    store.answers.set_note(clinic.id, QUESTION, "second thought, longer")
    store.undo()
    assert store.answers.by_item(clinic.id)[QUESTION].note == "first thought"
    store.undo()
    assert QUESTION not in store.answers.by_item(clinic.id)


def test_notes_on_different_items_are_separate_steps(store: Store, clinic: ClinicInfo) -> None:
    store.answers.set_note(clinic.id, QUESTION, "on the taper")
    store.answers.set_note(clinic.id, RED_FLAG, "on screening")
    store.undo()
    answers = store.answers.by_item(clinic.id)
    assert RED_FLAG not in answers
    assert answers[QUESTION].note == "on the taper"


def test_a_run_of_weight_changes_undoes_as_one_step(store: Store, clinic: ClinicInfo) -> None:
    spring = clinic.comparison_id
    for weight in (1.5, 2.0, 2.5, 3.0):  # a slider being dragged
        store.settings.set_weights(spring, Weights(sections={"red_flags": weight}))
    store.settings.set_weights(
        spring, Weights(), merge=False
    )  # "Reset to defaults" is its own step
    store.undo()
    assert store.settings.weights(spring) == Weights(sections={"red_flags": 3.0})
    store.undo()
    assert store.settings.weights(spring) == Weights()
    assert not store.can_undo


def test_a_new_edit_after_undo_clears_redo(store: Store, clinic: ClinicInfo) -> None:
    store.answers.set(clinic.id, RED_FLAG, Choice.SEEN)
    store.undo()
    assert store.can_redo
    store.answers.set(clinic.id, RED_FLAG, Choice.NOT_SEEN)
    assert store.history.redo_text is None
    assert not store.redo()
    assert store.answers.by_item(clinic.id)[RED_FLAG].choice is Choice.NOT_SEEN


def test_saving_what_is_already_there_adds_no_undo_step(store: Store, clinic: ClinicInfo) -> None:
    store.answers.set_note(clinic.id, QUESTION, "same")
    store.seal_undo()
    store.answers.set_note(clinic.id, QUESTION, "same")
    assert store.clinics.update(clinic.id, phone="+1 555 0100", formats=[Format.IV]) == clinic
    store.settings.set_weights(clinic.comparison_id, Weights())
    store.undo()
    assert QUESTION not in store.answers.by_item(clinic.id)
    assert not store.can_undo


def test_undo_and_redo_tell_views_what_changed(store: Store, clinic: ClinicInfo) -> None:
    store.answers.set(clinic.id, RED_FLAG, Choice.SEEN)
    changes: list[Change] = []
    store.subscribe(changes.append)
    store.undo()
    store.redo()
    expected = Change(ChangeKind.ANSWER, clinic.comparison_id, clinic.id, RED_FLAG)
    assert changes == [expected, expected]


def test_an_undo_that_fails_stays_in_the_history(store: Store, clinic: ClinicInfo) -> None:
    store.clinics.update(clinic.id, notes="edited")
    with store.db.transaction() as s:  # the row vanished behind kvet's back
        from kvet.store.models import Clinic

        s.delete(s.get(Clinic, clinic.id))
    with pytest.raises(NotFoundError):
        store.undo()
    assert store.history.undo_text == "Edit clinic “North”"
    assert not store.can_redo


def test_deleted_rows_are_purged_for_good_at_the_next_start(
    store: Store, clinic: ClinicInfo, checklist: Checklist
) -> None:
    spring = store.comparisons.get(clinic.comparison_id)
    store.answers.set(clinic.id, RED_FLAG, Choice.SEEN)
    south = store.clinics.add(spring.id, "South")
    store.answers.set(south.id, RED_FLAG, Choice.NOT_SEEN)
    autumn = store.comparisons.create("Autumn")
    store.clinics.add(autumn.id, "East")
    store.clinics.delete(clinic.id)
    store.comparisons.delete(autumn.id)
    path = store.path
    assert path is not None
    store.close()
    with Store.open(checklist, path) as again:
        assert not again.can_undo  # undo does not reach across restarts
        assert [c.id for c in again.comparisons.list()] == [spring.id]
        assert [c.id for c in again.clinics.list(spring.id)] == [south.id]
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    with conn:
        assert conn.execute("SELECT name FROM clinic").fetchall() == [("South",)]
        assert conn.execute("SELECT name FROM comparison").fetchall() == [("Spring",)]
        assert conn.execute("SELECT count(*) FROM assessment").fetchone() == (1,)
        assert conn.execute("SELECT count(*) FROM answer").fetchone() == (1,)
    conn.close()
