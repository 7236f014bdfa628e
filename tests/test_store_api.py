"""Everything a user enters comes back, exactly, after kvet is closed and opened again.

Each story writes through ``Store``, closes it, opens the file afresh and reads it back. Bad input
is refused with a clear message and changes nothing; every call is saved before it returns.
"""

from __future__ import annotations

import json
import math
import sqlite3
import tomllib
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import event

from kvet.content.checklist import Checklist, Format, Kind, default_checklist_path, parse_checklist
from kvet.rating.answers import Choice, ClinicAnswers, Origin
from kvet.rating.budget import Budget
from kvet.rating.costs import CostPlan
from kvet.rating.ranking import rank
from kvet.rating.scoring import Scorer, Weights
from kvet.store.api import Change, ChangeKind, Store
from kvet.store.errors import InvalidValueError, NotFoundError, StorageError
from kvet.store.records import AnswerInfo, ClinicInfo, RaterInfo, TopicInfo
from kvet.store.validation import check_weights, weights_from_dict, weights_to_dict

PRICE = "price_per_session"
RED_FLAG = "rf_no_screening"  # red flag: seen / not seen / not sure
PRACTICE = "vs_monitoring"  # practice: yes / no / not sure
QUESTION = "q_taper_plan"  # question: clear / vague / refused / not asked


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "kvet.sqlite"


@pytest.fixture
def store(checklist: Checklist, db_path: Path) -> Iterator[Store]:
    with Store.open(checklist, db_path) as opened:
        yield opened


def reopen(store: Store, checklist: Checklist) -> Store:
    """Close kvet and start it again on the same file."""
    assert store.path is not None
    store.close()
    return Store.open(checklist, store.path)


def read_only(path: Path | None) -> sqlite3.Connection:
    """A second, independent reader: what is saved on disk, as another program sees it."""
    assert path is not None
    return sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)


def checklist_without(*item_ids: str) -> Checklist:
    """The real checklist with some items retired, as a later version of it might be."""
    raw = tomllib.loads(default_checklist_path().read_text(encoding="utf-8"))
    raw["items"] = [item for item in raw["items"] if item["id"] not in item_ids]
    raw["version"] = "2.0.0"
    return parse_checklist(raw, "checklist-2.0.0.toml")


# --- people -----------------------------------------------------------------------------------


def test_first_start_creates_one_default_person_called_me(
    store: Store, checklist: Checklist
) -> None:
    me = store.people.default()
    assert me.name == "Me"
    assert me.is_default
    assert store.people.list() == [me]
    store = reopen(store, checklist)
    with store:
        assert store.people.list() == [me]  # not a second "Me" on the next start
        assert store.people.default() == me


def test_a_family_member_added_as_a_rater_is_kept(store: Store, checklist: Checklist) -> None:
    sam = store.people.add("  Sam   (my brother) ")
    assert sam == RaterInfo(sam.id, "Sam (my brother)", False)
    store = reopen(store, checklist)
    with store:
        assert [r.name for r in store.people.list()] == ["Me", "Sam (my brother)"]
        store.people.rename(sam.id, "Sam")
        assert store.people.list()[1] == RaterInfo(sam.id, "Sam", False)
        with pytest.raises(InvalidValueError, match="needs a name"):
            store.people.add("   ")
        assert len(store.people.list()) == 2


# --- comparisons ------------------------------------------------------------------------------


def test_comparisons_are_created_renamed_listed_and_deleted(
    store: Store, checklist: Checklist
) -> None:
    spring = store.comparisons.create("Spring search")
    autumn = store.comparisons.create("  Autumn\tsearch ")
    store.clinics.add(spring.id, "North")
    store.comparisons.rename(spring.id, "Spring search (Mum)")
    store = reopen(store, checklist)
    with store:
        listed = store.comparisons.list()
        assert [(c.id, c.name, c.clinic_count) for c in listed] == [
            (spring.id, "Spring search (Mum)", 1),
            (autumn.id, "Autumn search", 0),
        ]
        assert listed[0].created_at == spring.created_at
        assert spring.created_at.tzinfo is not None
        assert store.comparisons.get(autumn.id) == listed[1]
        store.comparisons.delete(autumn.id)
        assert [c.id for c in store.comparisons.list()] == [spring.id]
        with pytest.raises(NotFoundError):
            store.comparisons.get(autumn.id)
        with pytest.raises(NotFoundError):
            store.comparisons.rename(autumn.id, "Too late")
    with Store.open(checklist, store.path) as again:
        assert [c.id for c in again.comparisons.list()] == [spring.id]


@pytest.mark.parametrize("name", ["", "   ", "\n\t", "x" * 201])
def test_a_comparison_needs_a_sensible_name(store: Store, name: str) -> None:
    with pytest.raises(InvalidValueError, match="name"):
        store.comparisons.create(name)
    assert store.comparisons.list() == []
    assert not store.can_undo


# --- clinics ----------------------------------------------------------------------------------


def test_a_clinic_keeps_every_field_and_its_stable_id(store: Store, checklist: Checklist) -> None:
    spring = store.comparisons.create("Spring search")
    north = store.clinics.add(
        spring.id,
        "North Ketamine Care",
        address="12 Harbour Road\nNorthtown",
        phone="+1 555 0100",
        website="https://north.example",
        formats=[Format.IV, "esketamine", Format.IV],
        notes="Ask for Dr Ode — “calls back Tuesdays”.",
    )
    south = store.clinics.add(spring.id, "South Infusions")
    uuid.UUID(north.id)  # a UUID: survives export and import unchanged
    assert north == ClinicInfo(
        id=north.id,
        comparison_id=spring.id,
        name="North Ketamine Care",
        address="12 Harbour Road\nNorthtown",
        phone="+1 555 0100",
        website="https://north.example",
        formats=frozenset({Format.IV, Format.ESKETAMINE}),
        notes="Ask for Dr Ode — “calls back Tuesdays”.",
        position=0,
    )
    store = reopen(store, checklist)
    with store:
        assert store.clinics.list(spring.id) == [north, south]
        assert store.clinics.get(north.id) == north
        updated = store.clinics.update(north.id, phone="+1 555 0199", formats=[Format.ORAL])
        assert updated == ClinicInfo(
            **{**north.__dict__, "phone": "+1 555 0199", "formats": frozenset({Format.ORAL})}
        )
    with Store.open(checklist, store.path) as again:
        assert again.clinics.get(north.id) == updated
        assert again.clinics.list(spring.id)[1].position == 1


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": ""}, "needs a name"),
        ({"formats": ["ayahuasca"]}, "Unknown treatment format"),
        ({"formats": "iv"}, "Formats must be a list"),
        ({"notes": "x" * 20_001}, "too long"),
        ({"phone": 5550100}, "must be text"),
        ({"email": "a@b.example"}, "Unknown clinic field"),
    ],
)
def test_a_clinic_with_a_bad_field_is_refused_and_nothing_changes(
    store: Store, fields: dict[str, Any], message: str
) -> None:
    spring = store.comparisons.create("Spring")
    north = store.clinics.add(spring.id, "North", phone="+1 555 0100")
    undo_text = store.history.undo_text
    with pytest.raises(InvalidValueError, match=message):
        store.clinics.update(north.id, **fields)
    with pytest.raises(InvalidValueError, match=message):
        store.clinics.add(spring.id, **{"name": "South", **fields})
    assert store.clinics.list(spring.id) == [north]
    assert store.history.undo_text == undo_text


def test_a_deleted_clinic_is_gone_from_lists_and_counts(store: Store) -> None:
    spring = store.comparisons.create("Spring")
    north = store.clinics.add(spring.id, "North")
    south = store.clinics.add(spring.id, "South")
    store.clinics.delete(north.id)
    assert store.clinics.list(spring.id) == [south]
    assert store.comparisons.get(spring.id).clinic_count == 1
    with pytest.raises(NotFoundError, match="no longer exists"):
        store.clinics.get(north.id)
    with pytest.raises(NotFoundError):
        store.answers.set(north.id, RED_FLAG, Choice.SEEN)
    with pytest.raises(NotFoundError):
        store.clinics.add(str(uuid.uuid4()), "Clinic in no comparison")


# --- answers ----------------------------------------------------------------------------------


@pytest.fixture
def clinic(store: Store) -> ClinicInfo:
    return store.clinics.add(store.comparisons.create("Spring").id, "North")


def test_every_part_of_an_answer_comes_back(
    store: Store, clinic: ClinicInfo, checklist: Checklist
) -> None:
    before = datetime.now(UTC)
    store.answers.set(clinic.id, RED_FLAG, Choice.NOT_SEEN, origin=Origin.WEBSITE)
    store.answers.set(clinic.id, QUESTION, Choice.VAGUE)
    store.answers.set_note(clinic.id, QUESTION, "“We see how it goes.”")
    store.answers.set_origin(clinic.id, QUESTION, Origin.VISIT)
    store.answers.set_fact(clinic.id, PRICE, 475)
    store.answers.set_note(clinic.id, PRICE, "cash only")
    store.answers.set_origin(clinic.id, PRICE, Origin.WRITTEN)
    store.answers.set_note(clinic.id, PRACTICE, "ask again")  # a note before any answer
    after = datetime.now(UTC)
    store = reopen(store, checklist)
    with store:
        answers = store.answers.by_item(clinic.id)
    assert set(answers) == {RED_FLAG, QUESTION, PRICE, PRACTICE}
    flag = answers[RED_FLAG]
    assert (flag.choice, flag.number, flag.note, flag.origin, flag.retired) == (
        Choice.NOT_SEEN,
        None,
        "",
        Origin.WEBSITE,
        False,
    )
    assert before <= flag.answered_at <= after  # aware, in UTC
    question = answers[QUESTION]
    assert (question.choice, question.note, question.origin) == (
        Choice.VAGUE,
        "“We see how it goes.”",
        Origin.VISIT,
    )
    price = answers[PRICE]
    assert (price.choice, price.number, price.note, price.origin) == (
        None,
        475.0,
        "cash only",
        Origin.WRITTEN,
    )
    assert answers[PRACTICE].choice is None
    assert answers[PRACTICE].note == "ask again"
    assert answers[PRACTICE].origin is Origin.PHONE  # the default: most answers come by phone


def test_each_person_has_their_own_answers(store: Store, clinic: ClinicInfo) -> None:
    sam = store.people.add("Sam")
    store.answers.set(clinic.id, RED_FLAG, Choice.NOT_SEEN)
    store.answers.set(clinic.id, RED_FLAG, Choice.SEEN, rater_id=sam.id)
    assert store.answers.by_item(clinic.id)[RED_FLAG].choice is Choice.NOT_SEEN
    assert store.answers.by_item(clinic.id, sam.id)[RED_FLAG].choice is Choice.SEEN
    with pytest.raises(NotFoundError, match="person"):
        store.answers.set(clinic.id, RED_FLAG, Choice.SEEN, rater_id=str(uuid.uuid4()))


def test_an_answer_checked_eight_months_ago_says_so(
    store: Store, clinic: ClinicInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    checked = datetime.now(UTC) - timedelta(days=243)
    monkeypatch.setattr("kvet.store.answering.utcnow", lambda: checked)
    store.answers.set(clinic.id, RED_FLAG, Choice.NOT_SEEN)
    monkeypatch.undo()
    old = store.answers.by_item(clinic.id)[RED_FLAG]
    assert old.answered_at == checked
    assert old.age_text() == "checked 8 months ago"
    assert old.is_stale()
    store.answers.set_note(clinic.id, RED_FLAG, "they said it again")  # a note is not a re-check
    assert store.answers.by_item(clinic.id)[RED_FLAG].age_text() == "checked 8 months ago"
    store.answers.set(clinic.id, RED_FLAG, Choice.NOT_SEEN)  # asked again today
    fresh = store.answers.by_item(clinic.id)[RED_FLAG]
    assert fresh.age_text() == "checked today"
    assert not fresh.is_stale()


@pytest.mark.parametrize(
    ("days", "text", "stale"),
    [
        (0, "checked today", False),
        (1, "checked yesterday", False),
        (12, "checked 12 days ago", False),
        (59, "checked 59 days ago", False),
        (61, "checked 2 months ago", False),
        (179, "checked 6 months ago", False),
        (180, "checked 6 months ago", True),
        (243, "checked 8 months ago", True),
        (729, "checked 24 months ago", True),
        (1100, "checked 3 years ago", True),
        (-3, "checked today", False),  # a clock set wrong is not "in 3 days"
    ],
)
def test_the_age_of_an_answer_reads_naturally(days: int, text: str, stale: bool) -> None:
    now = datetime(2026, 6, 1, 12, tzinfo=UTC)
    info = AnswerInfo(RED_FLAG, Choice.SEEN, None, "", Origin.PHONE, now - timedelta(days=days))
    assert info.age_text(now) == text
    assert info.is_stale(now) is stale
    naive = AnswerInfo(
        RED_FLAG, None, None, "", Origin.PHONE, info.answered_at.replace(tzinfo=None)
    )
    assert naive.age_text(now.replace(tzinfo=None)) == text


def test_an_answer_to_a_retired_item_is_kept_and_shown_as_retired(
    store: Store, clinic: ClinicInfo, checklist: Checklist
) -> None:
    store.answers.set(clinic.id, "rf_take_home", Choice.SEEN)
    store.answers.set_note(clinic.id, "rf_take_home", "gave a week's supply")
    store.answers.set(clinic.id, RED_FLAG, Choice.NOT_SEEN)
    assert store.path is not None
    store.close()
    newer = checklist_without("rf_take_home")
    with Store.open(newer, store.path) as later:
        answers = later.answers.by_item(clinic.id)
        kept = answers["rf_take_home"]
        assert kept.retired
        assert (kept.choice, kept.note) == (Choice.SEEN, "gave a week's supply")
        assert not answers[RED_FLAG].retired
        (result,), _ = later.scores.results(clinic.comparison_id)  # scoring simply leaves it out
        assert "rf_take_home" not in result.red_flags_seen
        with pytest.raises(InvalidValueError, match="Unknown checklist item"):
            later.answers.set(clinic.id, "rf_take_home", Choice.NOT_SEEN)
        later.answers.set(clinic.id, RED_FLAG, Choice.SEEN)  # new answers are under 2.0.0
    with Store.open(checklist, store.path) as back:  # never dropped, even by a newer checklist
        answers = back.answers.by_item(clinic.id)
        assert not answers["rf_take_home"].retired
        assert answers["rf_take_home"].choice is Choice.SEEN
    with read_only(store.path) as conn:
        assert conn.execute("SELECT checklist_version FROM assessment").fetchall() == [("2.0.0",)]


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda s, c: s.answers.set_fact(c, PRICE, -5), "from 0 to 1,000,000"),
        (lambda s, c: s.answers.set_fact(c, PRICE, 1e12), "from 0 to 1,000,000"),
        (lambda s, c: s.answers.set_fact(c, PRICE, math.nan), "not nan"),
        (lambda s, c: s.answers.set_fact(c, PRICE, math.inf), "not inf"),
        (lambda s, c: s.answers.set_fact(c, PRICE, "four hundred"), "such as 450"),
        (lambda s, c: s.answers.set_fact(c, "travel_minutes", 1e6), "Travel time one way"),
        (lambda s, c: s.answers.set_fact(c, RED_FLAG, 3), "answered with a choice"),
        (lambda s, c: s.answers.set(c, PRACTICE, Choice.SEEN), "takes yes, no, not_sure"),
        (lambda s, c: s.answers.set(c, QUESTION, "maybe"), "not 'maybe'"),
        (lambda s, c: s.answers.set(c, PRICE, Choice.YES), "takes a number"),
        (lambda s, c: s.answers.set(c, "no_such_item", Choice.YES), "Unknown checklist item"),
        (lambda s, c: s.answers.set_origin(c, RED_FLAG, "carrier pigeon"), "Unknown answer source"),
        (lambda s, c: s.answers.set_note(c, RED_FLAG, "x" * 20_001), "too long"),
        (lambda s, c: s.answers.set_note(c, RED_FLAG, None), "must be text"),
        (lambda s, c: s.answers.set_position(c, "no_such_item"), "Unknown checklist item"),
        (
            lambda s, c: s.answers.set_personal_topic("no_such_topic", True),
            "Unknown personal topic",
        ),
        (lambda s, c: s.settings.set_preference("", "x"), "preference needs a name"),
    ],
)
def test_bad_input_is_refused_clearly_and_changes_nothing(
    store: Store, clinic: ClinicInfo, call: Callable[[Store, str], None], message: str
) -> None:
    store.answers.set(clinic.id, RED_FLAG, Choice.NOT_SEEN)
    store.answers.set_fact(clinic.id, PRICE, 450)
    answers = store.answers.by_item(clinic.id)
    undo_text = store.history.undo_text
    with read_only(store.path) as conn:
        rows_before = conn.execute("SELECT * FROM answer ORDER BY id").fetchall()
    with pytest.raises(InvalidValueError, match=message):
        call(store, clinic.id)
    assert store.answers.by_item(clinic.id) == answers
    assert store.history.undo_text == undo_text
    assert store.answers.position(clinic.id) is None
    assert store.answers.personal_topics() == {}
    with read_only(store.path) as conn:
        assert conn.execute("SELECT * FROM answer ORDER BY id").fetchall() == rows_before


def test_a_price_typed_as_text_is_read_as_a_number(store: Store, clinic: ClinicInfo) -> None:
    store.answers.set_fact(clinic.id, PRICE, " 450.50 ")  # type: ignore[arg-type]
    assert store.answers.by_item(clinic.id)[PRICE].number == 450.5
    store.answers.set_fact(clinic.id, PRICE, None)
    assert store.answers.by_item(clinic.id)[PRICE].number is None


# --- walkthrough, weights, personal topics, preferences ---------------------------------------


def test_the_walkthrough_resumes_where_it_was_left(
    store: Store, clinic: ClinicInfo, checklist: Checklist
) -> None:
    sam = store.people.add("Sam")
    assert store.answers.position(clinic.id) is None
    undo_text = store.history.undo_text
    store.answers.set_position(clinic.id, QUESTION)
    store.answers.set_position(clinic.id, PRACTICE, sam.id)
    assert store.history.undo_text == undo_text  # moving around is not an edit to undo
    store = reopen(store, checklist)
    with store:
        assert store.answers.position(clinic.id) == QUESTION
        assert store.answers.position(clinic.id, sam.id) == PRACTICE


def test_weights_a_rename_and_a_removal_are_saved_without_the_orm(
    store: Store, clinic: ClinicInfo, checklist: Checklist
) -> None:
    """The edits of a normal session write the tables themselves (no ORM session, whose first
    use loads and sets up the ORM: some 70 ms), and each still undoes as one step."""
    sessions: list[str] = []
    transaction = store.db.transaction

    def counted(*args: Any, **kwargs: Any) -> Any:
        sessions.append("orm session")
        return transaction(*args, **kwargs)

    store.db.transaction = counted  # type: ignore[method-assign]
    section = checklist.items[0].section
    weights = Weights(sections={section: 3.0})
    store.settings.set_weights(clinic.comparison_id, weights)
    store.clinics.update(clinic.id, name="Renamed clinic")
    store.people.rename(store.people.default().id, "Ann")
    store.clinics.delete(clinic.id)
    assert sessions == []
    assert store.settings.weights(clinic.comparison_id) == weights
    assert store.people.default().name == "Ann"
    assert [c.id for c in store.clinics.list(clinic.comparison_id)] == []
    store.db.transaction = transaction  # type: ignore[method-assign]
    assert store.undo()  # the removal
    assert [c.name for c in store.clinics.list(clinic.comparison_id)] == ["Renamed clinic"]
    assert store.undo()  # the person's name
    assert store.people.default().name != "Ann"
    assert store.undo()  # the clinic's name
    assert store.clinics.get(clinic.id).name == clinic.name
    assert store.undo()  # the weights
    assert store.settings.weights(clinic.comparison_id) != weights


def test_an_answer_and_the_next_question_to_resume_at_are_saved_in_one_write(
    store: Store, clinic: ClinicInfo, checklist: Checklist
) -> None:
    """The walkthrough answers and moves on: one commit, not two (issue 26)."""
    commits: list[str] = []

    def counted(_connection: Any) -> None:
        commits.append("commit")

    event.listen(store.db.engine, "commit", counted)  # SQLAlchemy's own count, whatever unit
    store.answers.set(clinic.id, PRACTICE, Choice.YES, then_at=QUESTION)
    assert commits == ["commit"]
    # the same answer again (nothing to record) still moves the place to resume at
    store.answers.set(clinic.id, PRACTICE, Choice.YES, then_at=RED_FLAG)
    event.remove(store.db.engine, "commit", counted)
    assert store.answers.position(clinic.id) == RED_FLAG
    with pytest.raises(InvalidValueError):
        store.answers.set(clinic.id, PRACTICE, Choice.NO, then_at="no_such_item")
    assert store.answers.by_item(clinic.id)[PRACTICE].choice is Choice.YES  # nothing written
    store = reopen(store, checklist)
    with store:
        assert store.answers.position(clinic.id) == RED_FLAG
        assert store.answers.by_item(clinic.id)[PRACTICE].choice is Choice.YES


def test_weights_and_dealbreakers_round_trip(store: Store, checklist: Checklist) -> None:
    spring = store.comparisons.create("Spring")
    assert store.settings.weights(spring.id) == Weights()  # a new comparison uses the checklist's
    chosen = Weights(
        sections={"red_flags": 3.0, "logistics_cost": 0.0},
        items={"vs_pulse_ox": 2.5, "q_taper_plan": 10.0},
        dealbreakers={"rf_take_home": True, "rf_cure_promise": False},
        budget=Budget(first_year=9000.0, weight=2.5, scored=False),
        cost_plan=CostPlan(
            induction_sessions=8, induction_months=1.5, maintenance_sessions_per_month=2.0
        ),
    )
    store.settings.set_weights(spring.id, chosen)
    store = reopen(store, checklist)
    with store:
        assert store.settings.weights(spring.id) == chosen
        store.settings.set_weights(spring.id, Weights(), merge=False)
        assert store.settings.weights(spring.id) == Weights()


WEIGHT = st.floats(min_value=0, max_value=10, allow_nan=False)
IDS = st.from_regex(r"[a-z][a-z0-9_]{0,30}", fullmatch=True)
SENSIBLE_WEIGHTS = st.builds(
    Weights,
    sections=st.dictionaries(IDS, WEIGHT, max_size=6),
    items=st.dictionaries(IDS, WEIGHT, max_size=6),
    dealbreakers=st.dictionaries(IDS, st.booleans(), max_size=6),
    budget=st.none()
    | st.builds(
        Budget,
        first_year=st.floats(min_value=0, max_value=1e9, allow_nan=False),
        weight=WEIGHT,
        scored=st.booleans(),
    ),
    cost_plan=st.builds(
        CostPlan,
        induction_sessions=st.integers(0, 100),
        induction_months=st.floats(min_value=0, max_value=12, allow_nan=False),
        maintenance_sessions_per_month=st.floats(min_value=0, max_value=31, allow_nan=False),
    ),
)


@given(SENSIBLE_WEIGHTS)
def test_any_sensible_weights_survive_storage_exactly(weights: Weights) -> None:
    assert check_weights(weights) is weights
    stored = json.loads(json.dumps(weights_to_dict(weights)))  # as the JSON column keeps it
    assert weights_from_dict(stored) == weights


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        (Weights(sections={"red_flags": -1.0}), "from 0 to 10"),
        (Weights(sections={"red_flags": 11.0}), "from 0 to 10"),
        (Weights(items={"vs_pulse_ox": math.nan}), "from 0 to 10"),
        (Weights(dealbreakers={"rf_take_home": "yes"}), "yes or no"),  # type: ignore[dict-item]
        (Weights(budget=Budget(first_year=math.nan)), "yearly budget"),
        (Weights(budget=Budget(first_year=-100.0)), "yearly budget"),
        (Weights(budget=Budget(first_year=5000.0, weight=99.0)), "budget"),
    ],
)
def test_weights_that_make_no_sense_are_refused(
    store: Store, weights: Weights, message: str
) -> None:
    spring = store.comparisons.create("Spring")
    store.settings.set_weights(spring.id, Weights(sections={"red_flags": 2.0}))
    with pytest.raises(InvalidValueError, match=message):
        store.settings.set_weights(spring.id, weights)
    assert store.settings.weights(spring.id) == Weights(sections={"red_flags": 2.0})


def test_weights_stored_by_hand_or_damaged_fall_back_to_defaults(store: Store) -> None:
    spring = store.comparisons.create("Spring")
    with store.db.transaction() as s:
        from kvet.store.models import Comparison

        row = s.get(Comparison, spring.id)
        assert row is not None
        row.settings = {
            "sections": {"red_flags": 2.0, "screening": "lots", "visit_safety": 50},
            "items": [1, 2],
            "dealbreakers": {"rf_take_home": 1, "rf_cure_promise": True},
            "budget": {"first_year": "cheap"},
            "cost_plan": {"induction_sessions": -4},
        }
    assert store.settings.weights(spring.id) == Weights(
        sections={"red_flags": 2.0}, dealbreakers={"rf_cure_promise": True}
    )


def test_personal_topics_are_private_to_each_person(store: Store, checklist: Checklist) -> None:
    sam = store.people.add("Sam")
    store.answers.set_personal_topic("caution_heart", True, "BP runs high")
    store.answers.set_personal_topic("med_benzodiazepines", False)
    store.answers.set_personal_topic("caution_psychosis", True, rater_id=sam.id)
    store.answers.set_personal_topic("caution_heart", True, "BP runs high; on two medicines")
    store = reopen(store, checklist)
    with store:
        assert store.answers.personal_topics() == {
            "caution_heart": TopicInfo("caution_heart", True, "BP runs high; on two medicines"),
            "med_benzodiazepines": TopicInfo("med_benzodiazepines", False, ""),
        }
        assert store.answers.personal_topics(sam.id) == {
            "caution_psychosis": TopicInfo("caution_psychosis", True, "")
        }


def test_preferences_are_kept(store: Store, checklist: Checklist) -> None:
    assert store.settings.preference("last_comparison") == ""
    assert store.settings.preference("last_comparison", "none") == "none"
    store.settings.set_preference("last_comparison", "abc")
    store.settings.set_preference("last_comparison", "def")
    store = reopen(store, checklist)
    with store:
        assert store.settings.preference("last_comparison") == "def"


# --- scoring from stored answers --------------------------------------------------------------


def test_stored_answers_feed_the_scorer_exactly(store: Store, checklist: Checklist) -> None:
    spring = store.comparisons.create("Spring")
    north = store.clinics.add(spring.id, "North", formats=[Format.ESKETAMINE])
    south = store.clinics.add(spring.id, "South", formats=[Format.IV])
    gone = store.clinics.add(spring.id, "Removed")
    sam = store.people.add("Sam")
    for item in checklist.items:
        if item.kind is Kind.PRACTICE:
            store.answers.set(north.id, item.id, Choice.YES)
            store.answers.set(south.id, item.id, Choice.NO)
            store.answers.set(south.id, item.id, Choice.YES, rater_id=sam.id)
    store.answers.set(south.id, "rf_take_home", Choice.SEEN)
    store.answers.set(gone.id, RED_FLAG, Choice.SEEN)
    store.answers.set_fact(north.id, PRICE, 700)
    store.answers.set_note(north.id, QUESTION, "a note alone is no answer")
    store.clinics.delete(gone.id)
    weights = Weights(dealbreakers={"rf_take_home": True}, budget=Budget(5000.0))
    store.settings.set_weights(spring.id, weights)

    practice = {i.id: Choice.YES for i in checklist.items if i.kind is Kind.PRACTICE}
    expected = [
        ClinicAnswers(north.id, "North", frozenset({Format.ESKETAMINE}), practice, {PRICE: 700.0}),
        ClinicAnswers(
            south.id,
            "South",
            frozenset({Format.IV}),
            {**dict.fromkeys(practice, Choice.NO), "rf_take_home": Choice.SEEN},
            {},
        ),
    ]
    assert store.scores.clinic_answers(spring.id) == expected
    results, ranking = store.scores.results(spring.id)
    assert results == Scorer(checklist, weights).score_all(expected)
    assert ranking == rank(results)
    assert [p.result.name for p in ranking.places] == ["North", "South"]  # South: dealbreaker
    assert results[1].not_recommended
    sams, _ = store.scores.results(spring.id, sam.id, Weights())  # another person, other weights
    for_iv = [i for i in practice if checklist.item(i).applies_to({Format.IV})]
    assert [r.answered for r in sams] == [0, len(for_iv)]
    assert len(for_iv) < len(practice)  # the esketamine-only items are not asked of South


# --- autosave ---------------------------------------------------------------------------------


SAVES: list[tuple[str, Callable[[Store, ClinicInfo], object], str]] = [
    (
        "create_comparison",
        lambda s, c: s.comparisons.create("Autumn"),
        "SELECT name FROM comparison",
    ),
    ("add_clinic", lambda s, c: s.clinics.add(c.comparison_id, "South"), "SELECT name FROM clinic"),
    (
        "update_clinic",
        lambda s, c: s.clinics.update(c.id, notes="calls back"),
        "SELECT notes FROM clinic",
    ),
    (
        "set_answer",
        lambda s, c: s.answers.set(c.id, RED_FLAG, Choice.SEEN),
        "SELECT choice FROM answer",
    ),
    ("set_fact", lambda s, c: s.answers.set_fact(c.id, PRICE, 450), "SELECT number FROM answer"),
    ("set_note", lambda s, c: s.answers.set_note(c.id, RED_FLAG, "hm"), "SELECT note FROM answer"),
    (
        "set_origin",
        lambda s, c: s.answers.set_origin(c.id, RED_FLAG, Origin.VISIT),
        "SELECT origin FROM answer",
    ),
    (
        "set_weights",
        lambda s, c: s.settings.set_weights(c.comparison_id, Weights(items={PRACTICE: 3.0})),
        "SELECT settings FROM comparison",
    ),
    (
        "set_position",
        lambda s, c: s.answers.set_position(c.id, QUESTION),
        "SELECT last_item_id FROM assessment",
    ),
    (
        "set_personal_topic",
        lambda s, c: s.answers.set_personal_topic("caution_heart", True),
        "SELECT topic_id FROM personal_topic",
    ),
    (
        "set_preference",
        lambda s, c: s.settings.set_preference("window", "wide"),
        "SELECT value FROM preference",
    ),
    ("add_rater", lambda s, c: s.people.add("Sam"), "SELECT name FROM rater"),
    ("delete_clinic", lambda s, c: s.clinics.delete(c.id), "SELECT deleted_at FROM clinic"),
    ("undo", lambda s, c: s.undo(), "SELECT deleted_at FROM clinic"),
]


@pytest.mark.parametrize(("name", "call", "query"), SAVES, ids=[s[0] for s in SAVES])
def test_every_call_is_saved_before_it_returns(
    store: Store,
    clinic: ClinicInfo,
    name: str,
    call: Callable[[Store, ClinicInfo], None],
    query: str,
) -> None:
    """No Save button: another program reading the file sees each change at once."""
    with read_only(store.path) as conn:
        before = conn.execute(query).fetchall()
    call(store, clinic)
    with read_only(store.path) as conn:
        assert conn.execute(query).fetchall() != before, name


def test_views_are_told_what_changed(store: Store) -> None:
    changes: list[Change] = []
    store.subscribe(changes.append)
    spring = store.comparisons.create("Spring")
    north = store.clinics.add(spring.id, "North")
    store.answers.set(north.id, RED_FLAG, Choice.SEEN)
    store.settings.set_weights(spring.id, Weights(items={PRACTICE: 2.0}))
    store.undo()
    store.unsubscribe(changes.append)
    store.answers.set(north.id, RED_FLAG, Choice.NOT_SEEN)
    assert changes == [
        Change(ChangeKind.COMPARISON, spring.id),
        Change(ChangeKind.CLINIC, spring.id, north.id),
        Change(ChangeKind.ANSWER, spring.id, north.id, RED_FLAG),
        Change(ChangeKind.SETTINGS, spring.id),
        Change(ChangeKind.SETTINGS, spring.id),  # the undo of the weights
    ]


def test_a_closed_store_refuses_instead_of_reopening_the_file_unlocked(store: Store) -> None:
    store.close()
    store.close()  # closing twice is harmless
    with pytest.raises(StorageError, match="closed"):
        store.comparisons.list()
