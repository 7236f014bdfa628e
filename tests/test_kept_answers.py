"""Issue 26: a start reads everyone's merged answers as the last close kept them, and only then.

Merging everyone's answers reads every answer of the comparison: at 200 clinics the largest part
of a start that grows with the clinics. kvet now keeps the merge in the file as it closes it
(kvet.store.keptanswers), and the next start reads it back instead of the answers, but only
when nothing can have changed the answers since. These stories check both halves: the answers
are not read again when they need not be, and what a user sees is always the merge of the
answers as they are now: after an answer, behind kvet's back, after a close that could not keep
them, from another kvet. Each is compared with each clinic merged alone from its rows, which
never reads what is kept.
"""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlalchemy.exc import OperationalError

from kvet.content.checklist import Checklist, Kind
from kvet.rating.answers import OPTIONS, Choice, ClinicAnswers
from kvet.rating.combine import Rule
from kvet.store import keptanswers
from kvet.store.api import Store
from kvet.store.records import ClinicInfo


@pytest.fixture
def answer_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The statements that read people's answers, from every store opened in the test."""
    seen: list[str] = []
    opened = Store.__init__

    def watched(self: Store, *args: object, **kwargs: object) -> None:
        opened(self, *args, **kwargs)  # type: ignore[arg-type]

        def noted(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
            if "JOIN answer" in statement:
                seen.append(statement)

        event.listen(self.db.engine, "before_cursor_execute", noted)

    monkeypatch.setattr(Store, "__init__", watched)
    return seen


def everyone(store: Store, comparison_id: str) -> list[ClinicAnswers]:
    """What the window reads on opening the comparison in the "everyone" view."""
    return store.scores.listed_and_answers(comparison_id, combined=True)[1]


def merged_alone(store: Store, clinics: list[ClinicInfo]) -> list[ClinicAnswers | None]:
    """Each clinic merged on its own from its rows: what was kept is never read for one."""
    return [store.scores.one_clinic_answers(c.id, combined=True) for c in clinics]


def two_people_disagreeing(checklist: Checklist, db: Path) -> tuple[str, str]:
    """A comparison where Me and Alex answered Riverside differently; (comparison, clinic)."""
    flag = next(i for i in checklist.items if i.kind is Kind.RED_FLAG).id
    with Store.open(checklist, db, daily_backup=False) as store:
        alex = store.people.add("Alex").id
        comparison = store.comparisons.create("Spring search").id
        riverside = store.clinics.add(comparison, "Riverside").id
        store.clinics.add(comparison, "Hillcrest")
        store.answers.set(riverside, flag, Choice.NOT_SEEN)
        store.answers.set(riverside, flag, Choice.SEEN, rater_id=alex)
        return comparison, riverside


def red_flag(checklist: Checklist) -> str:
    return next(i for i in checklist.items if i.kind is Kind.RED_FLAG).id


def test_a_start_after_a_good_close_shows_the_merge_without_reading_every_answer(
    checklist: Checklist, tmp_path: Path, answer_reads: list[str]
) -> None:
    db = tmp_path / "kvet.sqlite"
    comparison, _riverside = two_people_disagreeing(checklist, db)
    answer_reads.clear()
    with Store.open(checklist, db, daily_backup=False) as store:
        shown = everyone(store, comparison)
        assert answer_reads == []  # read as kept
        # the cautious rule: Alex saw the red flag, so it counts as seen
        assert shown[0].answers[red_flag(checklist)] is Choice.SEEN
        assert shown == merged_alone(store, store.clinics.list(comparison))


def test_an_answer_given_after_opening_shows_at_once(checklist: Checklist, tmp_path: Path) -> None:
    db = tmp_path / "kvet.sqlite"
    comparison, riverside = two_people_disagreeing(checklist, db)
    alex = None
    with Store.open(checklist, db, daily_backup=False) as store:
        everyone(store, comparison)  # as kept
        alex = next(p.id for p in store.people.list() if p.name == "Alex")
        store.answers.set(riverside, red_flag(checklist), Choice.NOT_SEEN, rater_id=alex)
        shown = everyone(store, comparison)
        assert shown[0].answers[red_flag(checklist)] is Choice.NOT_SEEN
        assert shown == merged_alone(store, store.clinics.list(comparison))


def test_an_answer_changed_behind_kvets_back_is_what_the_next_start_shows(
    checklist: Checklist, tmp_path: Path, answer_reads: list[str]
) -> None:
    db = tmp_path / "kvet.sqlite"
    comparison, _riverside = two_people_disagreeing(checklist, db)
    conn = sqlite3.connect(db)
    conn.execute("UPDATE answer SET choice = 'not_seen'")  # another program, after the close
    conn.commit()
    conn.close()
    answer_reads.clear()
    with Store.open(checklist, db, daily_backup=False) as store:
        shown = everyone(store, comparison)
        assert answer_reads != []  # merged from the rows
        assert shown[0].answers[red_flag(checklist)] is Choice.NOT_SEEN
    answer_reads.clear()
    with Store.open(checklist, db, daily_backup=False) as store:
        assert everyone(store, comparison)[0].answers[red_flag(checklist)] is Choice.NOT_SEEN
        assert answer_reads == []  # kept again by the close before


def test_a_close_that_could_not_keep_the_merge_leaves_the_next_start_reading_the_rows(
    checklist: Checklist, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "kvet.sqlite"
    comparison, riverside = two_people_disagreeing(checklist, db)  # kept: Alex's "Seen" counts

    def full_disk(*_args: object) -> None:
        full = sqlite3.OperationalError("database or disk is full")
        raise OperationalError("INSERT INTO preference", {}, full)

    with monkeypatch.context() as patched, Store.open(checklist, db, daily_backup=False) as store:
        alex = next(p.id for p in store.people.list() if p.name == "Alex")
        store.answers.set(riverside, red_flag(checklist), Choice.NOT_SEEN, rater_id=alex)
        patched.setattr(keptanswers, "write", full_disk)
    with Store.open(checklist, db, daily_backup=False) as store:
        assert not store.db.kept_as_closed
        shown = everyone(store, comparison)
        assert shown[0].answers[red_flag(checklist)] is Choice.NOT_SEEN  # not the old "Seen"


def test_a_merge_kept_by_another_kvet_is_merged_again_and_kept_anew(
    checklist: Checklist, tmp_path: Path, answer_reads: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "kvet.sqlite"
    comparison, _riverside = two_people_disagreeing(checklist, db)
    monkeypatch.setattr(keptanswers, "MERGE", keptanswers.MERGE + 1)  # merging changed
    answer_reads.clear()
    with Store.open(checklist, db, daily_backup=False) as store:
        shown = everyone(store, comparison)
        assert answer_reads != []
        assert shown == merged_alone(store, store.clinics.list(comparison))
    answer_reads.clear()
    with Store.open(checklist, db, daily_backup=False) as store:
        everyone(store, comparison)
        assert answer_reads == []  # kept by the close, though nothing else changed


def test_a_changed_rule_is_merged_from_the_rows(checklist: Checklist, tmp_path: Path) -> None:
    db = tmp_path / "kvet.sqlite"
    comparison, _riverside = two_people_disagreeing(checklist, db)
    with Store.open(checklist, db, daily_backup=False) as store:
        store.decisions.set_rule(comparison, Rule.LATEST)
        assert everyone(store, comparison)[0].answers[red_flag(checklist)] is Choice.SEEN
    with Store.open(checklist, db, daily_backup=False) as store:
        assert store.decisions.rule(comparison) is Rule.LATEST
        assert everyone(store, comparison) == merged_alone(store, store.clinics.list(comparison))


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        "[]",
        '{"basis": "wrong", "clinics": {}}',
        '{"clinics": {}}',
        '{BASIS, "clinics": {}}',  # no clinics
        '{BASIS, "clinics": {"elsewhere": [{}, {}]}}',  # another clinic
        '{BASIS, "clinics": {"ID": [{"rf": "maybe"}, {}]}}',  # no such answer
        '{BASIS, "clinics": {"ID": [{}, {"price": "cheap"}]}}',  # not a number
        '{BASIS, "clinics": {"ID": [[], {}]}}',
        '{BASIS, "clinics": {"ID": 7}}',
    ],
)
def test_kept_text_that_does_not_fit_is_never_read(
    checklist: Checklist, tmp_path: Path, text: str
) -> None:
    with Store.open(checklist, tmp_path / "kvet.sqlite", daily_backup=False) as store:
        comparison = store.comparisons.create("Spring search").id
        clinic = store.clinics.add(comparison, "Riverside")
        made_on = keptanswers.basis(keptanswers.kinds_key(checklist), Rule.CAUTIOUS)
        text = text.replace("BASIS", f'"basis": "{made_on}"').replace("ID", clinic.id)
        store.settings.set_preference(keptanswers.PREFIX + comparison, text)
        with store.db.statements() as s:
            assert keptanswers.read(s, comparison, [clinic], made_on) is None


def test_the_merge_shown_at_every_start_is_the_merge_of_the_rows(
    checklist: Checklist, tmp_path: Path, answer_reads: list[str]
) -> None:
    """Brute force over random sessions: answers by two people, decisions, rules, clinics
    added and removed, undo, and edits by another program between sessions. Every start and
    every read after a change shows exactly what merging each clinic alone gives."""
    items = {kind: [i.id for i in checklist.items if i.kind is kind] for kind in Kind}
    db = tmp_path / "kvet.sqlite"
    rng = random.Random(26)
    with Store.open(checklist, db, daily_backup=False) as store:
        comparison = store.comparisons.create("Spring search").id
        people = [store.people.default().id, store.people.add("Alex").id]
    kept_reads = 0
    for session in range(12):
        behind = rng.random() < 0.25
        if behind:
            conn = sqlite3.connect(db)
            conn.execute("UPDATE answer SET choice = NULL WHERE id % 3 = 0")
            conn.commit()
            conn.close()
        answer_reads.clear()
        with Store.open(checklist, db, daily_backup=False) as store:
            clinics = store.clinics.list(comparison)
            shown = everyone(store, comparison)
            kept = not answer_reads
            assert shown == merged_alone(store, clinics)
            kept_reads += kept and bool(clinics)
            if session > 0 and not behind:
                assert kept  # the last close kept them
            for _ in range(rng.randrange(0, 12)):
                clinics = store.clinics.list(comparison)
                roll = rng.random()
                if not clinics or roll < 0.1:
                    store.clinics.add(comparison, f"Clinic {session}")
                elif roll < 0.15 and len(clinics) > 1:
                    store.clinics.delete(rng.choice(clinics).id)
                elif roll < 0.2:
                    store.decisions.set_rule(comparison, rng.choice(list(Rule)))
                elif roll < 0.25:
                    store.undo()
                else:
                    clinic = rng.choice(clinics).id
                    kind = rng.choice([k for k in Kind if items[k]])
                    item = rng.choice(items[kind])
                    if kind is Kind.FACT:
                        number = rng.choice([None, 100.0, 250.0, 400.0])
                        store.answers.set_fact(clinic, item, number, rater_id=rng.choice(people))
                    elif roll < 0.35:
                        agreed = rng.choice([o.choice for o in OPTIONS[kind]])
                        store.decisions.settle(clinic, item, agreed, rng.choice(people))
                    else:
                        choice = rng.choice([None, *(o.choice for o in OPTIONS[kind])])
                        store.answers.set(clinic, item, choice, rater_id=rng.choice(people))
                clinics = store.clinics.list(comparison)
                assert everyone(store, comparison) == merged_alone(store, clinics)
    assert kept_reads >= 5  # most starts read what was kept


@pytest.mark.parametrize(
    "statement", ["CREATE TABLE u (x)", "DROP TABLE t", "  alter table t add y", "DROP INDEX i"]
)
def test_a_change_of_the_schema_counts_as_a_change(
    checklist: Checklist, tmp_path: Path, statement: str
) -> None:
    """A schema changed after opening (a migration) may have rewritten the rows: what was kept
    is not read."""
    db = tmp_path / "kvet.sqlite"
    two_people_disagreeing(checklist, db)
    with Store.open(checklist, db, daily_backup=False) as store:
        assert store.db.kept_answers_current
        with store.db.statements() as s:
            s.exec_driver_sql("CREATE TABLE t (x)")
            s.exec_driver_sql("CREATE INDEX i ON t (x)")
        store.db.kept_again()  # as if kept after those two
        with store.db.statements() as s:
            s.exec_driver_sql(statement)
        assert not store.db.kept_answers_current
