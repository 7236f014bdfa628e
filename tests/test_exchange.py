"""Sharing a comparison with family: the .kvet file, its password, and importing it safely."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kvet.content.checklist import Checklist, Format
from kvet.exchange import files, importer
from kvet.exchange.errors import ExchangeError, PasswordNeededError
from kvet.exchange.fileformat import MAX_FILE_BYTES
from kvet.rating.answers import Choice
from kvet.rating.combine import Rule
from kvet.store.api import Store

HOSTILE = [
    "<script>alert(1)</script> & <b>bold</b>",
    '=HYPERLINK("http://x","click")',
    "\u202eevil\u202c right-to-left",
    "emoji 🧠💊 ok",
    "x" * 5000,
]

DATA = Path(__file__).parent / "data" / "broken"


@pytest.fixture
def store(checklist: Checklist, tmp_path: Path) -> Iterator[Store]:
    s = Store.open(checklist, tmp_path / "mine.sqlite")
    yield s
    s.close()


@pytest.fixture
def other(checklist: Checklist, tmp_path: Path) -> Iterator[Store]:
    """A family member's kvet on another computer."""
    s = Store.open(checklist, tmp_path / "theirs.sqlite")
    yield s
    s.close()


def fill(store: Store, name: str = "Spring search") -> str:
    comparison = store.comparisons.create(name)
    a = store.clinics.add(
        comparison.id,
        "Riverside",
        formats=[Format.IV],
        phone="555 0100",
        notes="Parking behind the building",
    )
    b = store.clinics.add(comparison.id, "Hillview", formats=[Format.ESKETAMINE])
    store.answers.set(a.id, "rf_no_screening", Choice.NOT_SEEN)
    store.answers.set(a.id, "q_induction_schedule", Choice.CLEAR)
    store.answers.set_note(a.id, "q_induction_schedule", "Six infusions over three weeks")
    store.answers.set_fact(a.id, "price_per_session", 550)
    store.answers.set(b.id, "rf_cure_promise", Choice.SEEN)
    return comparison.id


def snapshot(db: Path) -> list[tuple[object, ...]]:
    """Every row of every table, to prove a failed import changed nothing."""
    conn = sqlite3.connect(db)
    try:
        rows: list[tuple[object, ...]] = []
        tables = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
        ]
        for table in tables:
            rows.extend((table, *r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY 1"))
        return rows
    finally:
        conn.close()


def test_export_then_import_gives_back_the_same_comparison(
    store: Store, other: Store, tmp_path: Path
) -> None:
    comparison_id = fill(store)
    path = files.export_comparison(store, comparison_id, tmp_path / "spring.kvet")
    document = files.read_document(path)
    plan = importer.plan_import(other, document)
    assert plan.conflicts == ()
    new_id = importer.apply_import(other, plan)
    again = files.build_document(other, new_id)
    original = files.build_document(store, comparison_id)
    keep = {"exported_at", "raters"}
    assert again.model_dump(exclude=keep) == original.model_dump(exclude=keep)
    # the sender's "Me" keeps its id, and is named so it is not mistaken for this computer's "Me"
    assert [(r.id, r.name) for r in again.raters] == [
        (r.id, f"{r.name} (imported)") for r in original.raters
    ]


def test_personal_topics_stay_out_unless_asked_for(store: Store, tmp_path: Path) -> None:
    comparison_id = fill(store)
    topic = store.checklist.personal_topics[0].id
    store.answers.set_personal_topic(topic, True, "since 2019")
    plain = json.loads(
        files.export_comparison(store, comparison_id, tmp_path / "a.kvet").read_text()
    )
    assert plain["personal_topics"] is None
    assert "since 2019" not in json.dumps(plain)
    shared = json.loads(
        files.export_comparison(
            store, comparison_id, tmp_path / "b.kvet", include_personal=True
        ).read_text()
    )
    assert shared["personal_topics"][0]["note"] == "since 2019"


def test_a_password_protects_the_file(store: Store, tmp_path: Path) -> None:
    comparison_id = fill(store)
    path = files.export_comparison(
        store, comparison_id, tmp_path / "p.kvet", password="correct horse"
    )
    assert b"Riverside" not in path.read_bytes()
    with pytest.raises(PasswordNeededError):
        files.read_document(path)
    with pytest.raises(ExchangeError, match="password is wrong"):
        files.read_document(path, "wrong")
    assert files.read_document(path, "correct horse").comparison.name == "Spring search"
    tampered = json.loads(path.read_text())
    data = bytearray(tampered["ciphertext"].encode())
    data[10] = ord("A") if data[10] != ord("A") else ord("B")
    tampered["ciphertext"] = data.decode()
    path.write_text(json.dumps(tampered))
    with pytest.raises(ExchangeError, match=r"changed after it was saved|damaged"):
        files.read_document(path, "correct horse")


def test_a_family_members_answers_arrive_as_their_own_person(
    store: Store, other: Store, tmp_path: Path
) -> None:
    comparison_id = fill(store)
    shared = files.export_comparison(store, comparison_id, tmp_path / "to-mum.kvet")
    mum_id = importer.apply_import(other, importer.plan_import(other, files.read_document(shared)))
    mum = other.people.add("Mum")
    riverside = next(c for c in other.clinics.list(mum_id) if c.name == "Riverside")
    other.answers.set(riverside.id, "vs_pulse_ox", Choice.YES, rater_id=mum.id)
    back = files.export_comparison(other, mum_id, tmp_path / "from-mum.kvet")

    document = files.read_document(back)
    me_there = next(r for r in document.raters if r.name == "Me (imported)")
    # kvet never decides on its own that someone in a file is me: I say so
    plan = importer.plan_import(
        store, document, into=comparison_id, people={me_there.id: store.people.default().id}
    )
    assert plan.new_people == ("Mum",)
    assert plan.same_people == (("Me (imported)", "Me"),)
    assert plan.conflicts == ()
    assert plan.answers_added == 1
    importer.apply_import(store, plan)
    mum_here = next(r for r in store.people.list() if r.name == "Mum")
    mine = next(c for c in store.clinics.list(comparison_id) if c.name == "Riverside")
    assert store.answers.by_item(mine.id, mum_here.id)["vs_pulse_ox"].choice is Choice.YES
    assert "vs_pulse_ox" not in store.answers.by_item(mine.id)  # my own answers are untouched
    assert len(store.clinics.list(comparison_id)) == 2  # matched by id, not duplicated


def test_a_conflict_is_shown_and_nothing_is_overwritten_silently(
    store: Store, tmp_path: Path
) -> None:
    comparison_id = fill(store)
    path = files.export_comparison(store, comparison_id, tmp_path / "old.kvet")
    riverside = next(c for c in store.clinics.list(comparison_id) if c.name == "Riverside")
    store.answers.set(riverside.id, "q_induction_schedule", Choice.VAGUE)
    store.clinics.update(riverside.id, phone="555 0199")
    me = {store.people.default().id: store.people.default().id}  # "the file's Me is me"
    plan = importer.plan_import(store, files.read_document(path), into=comparison_id, people=me)
    keys = {c.key.split(":")[-1] for c in plan.conflicts}
    assert keys == {"q_induction_schedule", "phone"}
    assert any("555 0199" in c.sentence() for c in plan.conflicts)
    importer.apply_import(store, plan)  # the user kept theirs everywhere
    assert store.answers.by_item(riverside.id)["q_induction_schedule"].choice is Choice.VAGUE
    assert store.clinics.get(riverside.id).phone == "555 0199"
    phone = next(c.key for c in plan.conflicts if c.key.endswith("phone"))
    importer.apply_import(
        store,
        importer.plan_import(store, files.read_document(path), into=comparison_id, people=me),
        {phone},
    )
    assert store.clinics.get(riverside.id).phone == "555 0100"
    assert store.answers.by_item(riverside.id)["q_induction_schedule"].choice is Choice.VAGUE


def test_hostile_text_survives_the_round_trip_unchanged(
    store: Store, other: Store, tmp_path: Path
) -> None:
    comparison = store.comparisons.create(HOSTILE[0])
    for n, text in enumerate(HOSTILE):
        clinic = store.clinics.add(comparison.id, text[:200], notes=text)
        store.answers.set_note(clinic.id, "q_induction_schedule", text)
        assert n >= 0
    path = files.export_comparison(store, comparison.id, tmp_path / "hostile.kvet")
    new_id = importer.apply_import(other, importer.plan_import(other, files.read_document(path)))
    got = {c.notes for c in other.clinics.list(new_id)}
    assert got == set(HOSTILE)
    sender = next(r for r in other.people.list() if not r.is_default)
    assert sender.name == "Me (imported)"  # never confused with this computer's own "Me"
    for clinic in other.clinics.list(new_id):
        assert (
            other.answers.by_item(clinic.id, sender.id)["q_induction_schedule"].note == clinic.notes
        )


BROKEN_CASES = {
    "empty": b"",
    "not-json": b"this is not json",
    "truncated": b'{"format": "kvet-comparison", "schema_version": 1, "exported',
    "wrong-format": b'{"format": "something-else"}',
    "newer-version": b'{"format": "kvet-comparison", "schema_version": 99}',
    "array": b"[1, 2, 3]",
    "deep": b"[" * 100_000 + b"]" * 100_000,
    "binary": bytes(range(256)) * 10,
}


def broken_files() -> list[Path]:
    return sorted(DATA.glob("*.kvet"))


@pytest.mark.parametrize("name", sorted(BROKEN_CASES))
def test_a_broken_file_gets_a_clear_message_and_changes_nothing(
    store: Store, tmp_path: Path, name: str
) -> None:
    fill(store)
    path = tmp_path / f"{name}.kvet"
    path.write_bytes(BROKEN_CASES[name])
    assert store.path is not None
    before = snapshot(store.path)
    with pytest.raises(ExchangeError) as info:
        files.read_document(path)
    assert path.name in str(info.value) or "newer" in str(info.value)
    assert snapshot(store.path) == before


def import_as_new(store: Store, path: Path) -> None:
    document = files.read_document(path)
    importer.apply_import(store, importer.plan_import(store, document))


@pytest.mark.parametrize("path", broken_files(), ids=lambda p: p.name)
def test_the_corpus_of_broken_files_is_refused(store: Store, path: Path) -> None:
    fill(store)
    assert store.path is not None
    before = snapshot(store.path)
    with pytest.raises(ExchangeError):
        import_as_new(store, path)
    assert snapshot(store.path) == before


def test_an_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.kvet"
    with path.open("wb") as handle:
        handle.truncate(MAX_FILE_BYTES + 1)
    with pytest.raises(ExchangeError, match="too large"):
        files.read_document(path)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_mangled_files_never_crash_the_importer(
    store: Store, tmp_path: Path, data: st.DataObject
) -> None:
    if not store.comparisons.list():
        fill(store)
    original = files.build_document(store, store.comparisons.list()[0].id).model_dump(mode="json")
    mangled = data.draw(_mangle(original))
    raw = json.dumps(mangled).encode()
    try:
        document = files.parse_document(raw)
    except ExchangeError:
        return
    importer.apply_import(store, importer.plan_import(store, document))


def _mangle(value: object) -> st.SearchStrategy[object]:
    junk = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        st.floats(),
        st.text(max_size=30),
        st.lists(st.integers(), max_size=3),
        st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
    )
    if isinstance(value, dict):
        return st.fixed_dictionaries(
            {k: st.one_of(_mangle(v), st.just(v), junk) for k, v in value.items()}
        ).map(dict)
    if isinstance(value, list):
        return (
            st.lists(st.one_of(*[_mangle(v) for v in value[:3]], junk), max_size=4)
            if value
            else st.just(value)
        )
    return st.one_of(st.just(value), junk)


# --- deciding together across computers ----------------------------------------------------------


def test_a_family_members_file_creates_disagreements_and_lists_them(
    store: Store, other: Store, tmp_path: Path
) -> None:
    """Alex answers on his own computer; importing his file shows where we heard differently."""
    comparison_id = fill(store)
    to_alex = files.export_comparison(store, comparison_id, tmp_path / "to-alex.kvet")
    alex_copy = importer.apply_import(
        other, importer.plan_import(other, files.read_document(to_alex))
    )
    alex = other.people.add("Alex")
    riverside = next(c for c in other.clinics.list(alex_copy) if c.name == "Riverside")
    hillview = next(c for c in other.clinics.list(alex_copy) if c.name == "Hillview")
    other.answers.set(riverside.id, "rf_no_screening", Choice.SEEN, rater_id=alex.id)  # differs
    other.answers.set_note(
        riverside.id, "rf_no_screening", "no questionnaire at all", rater_id=alex.id
    )
    other.answers.set(riverside.id, "q_induction_schedule", Choice.CLEAR, rater_id=alex.id)  # same
    other.answers.set_fact(riverside.id, "price_per_session", 600, rater_id=alex.id)  # differs
    other.answers.set(hillview.id, "rf_cure_promise", Choice.NOT_SURE, rater_id=alex.id)  # unsure
    from_alex = files.export_comparison(other, alex_copy, tmp_path / "from-alex.kvet")

    before = store.decisions.disagreements(comparison_id)
    assert before == []
    document = files.read_document(from_alex)
    me = store.people.default().id
    plan = importer.plan_import(store, document, into=comparison_id, people={me: me})
    assert plan.new_people == ("Alex",)
    assert plan.conflicts == ()  # his answers are his own: they never overwrite mine
    assert plan.answers_added == 4
    importer.apply_import(store, plan)
    created = importer.disagreements_created(store, comparison_id, before)
    assert [d.sentence() for d in created] == [
        "Me: not seen; Alex: seen — on “" + store.checklist.item("rf_no_screening").statement + "”",
        "Me: 550 USD; Alex: 600 USD — on “Price of one session”",
    ]
    assert created[0].opinions[1].note == "no questionnaire at all"
    # in the combined view, the red flag Alex saw counts as seen at Riverside
    results, _ = store.scores.results(comparison_id, combined=True)
    assert "rf_no_screening" in next(r for r in results if r.name == "Riverside").red_flags_seen
    # importing the same file again, saying who is who, creates nothing new
    alex_here = next(r.id for r in store.people.list() if r.name == "Alex")
    alex_there = next(r.id for r in document.raters if r.name == "Alex")
    again = importer.plan_import(
        store, document, into=comparison_id, people={me: me, alex_there: alex_here}
    )
    assert (again.answers_added, again.new_people, again.conflicts) == (0, (), ())
    seen = store.decisions.disagreements(comparison_id)
    importer.apply_import(store, again)
    assert importer.disagreements_created(store, comparison_id, seen) == []


def test_decisions_and_the_rule_travel_with_the_file(
    store: Store, other: Store, tmp_path: Path
) -> None:
    comparison_id = fill(store)
    alex = store.people.add("Alex")
    riverside = next(c for c in store.clinics.list(comparison_id) if c.name == "Riverside")
    store.answers.set(riverside.id, "q_induction_schedule", Choice.VAGUE, rater_id=alex.id)
    store.decisions.settle(
        riverside.id, "q_induction_schedule", Choice.CLEAR, alex.id, note="called back"
    )
    store.decisions.set_rule(comparison_id, Rule.LATEST)
    path = files.export_comparison(store, comparison_id, tmp_path / "spring.kvet")
    raw = json.loads(path.read_text())
    assert raw["schema_version"] >= 2  # decisions came with version 2
    assert raw["comparison"]["combine_rule"] == "latest"
    assert [(d["item_id"], d["choice"], d["decided_by"]) for d in raw["decisions"]] == [
        ("q_induction_schedule", "clear", alex.id)
    ]

    plan = importer.plan_import(other, files.read_document(path))
    assert plan.decisions_added == 1
    assert "1 decision(s)" in plan.summary()
    new_id = importer.apply_import(other, plan)
    assert other.decisions.rule(new_id) is Rule.LATEST
    there = next(c for c in other.clinics.list(new_id) if c.name == "Riverside")
    decision = other.decisions.by_item(there.id)["q_induction_schedule"]
    assert (decision.choice, decision.decided_by_name, decision.note) == (
        Choice.CLEAR,
        "Alex",
        "called back",
    )
    assert other.decisions.disagreements(new_id) == []  # settled there as it was here
    keep = {"exported_at", "raters"}
    assert files.build_document(other, new_id).model_dump(exclude=keep) == files.build_document(
        store, comparison_id
    ).model_dump(exclude=keep)


def test_a_different_decision_in_the_file_is_a_conflict_to_settle(
    store: Store, tmp_path: Path
) -> None:
    comparison_id = fill(store)
    riverside = next(c for c in store.clinics.list(comparison_id) if c.name == "Riverside")
    me = store.people.default().id
    store.decisions.settle(riverside.id, "price_per_session", None, me, number=500)
    path = files.export_comparison(store, comparison_id, tmp_path / "old.kvet")
    store.decisions.settle(
        riverside.id, "price_per_session", None, me, number=525, note="new price"
    )
    plan = importer.plan_import(store, files.read_document(path), into=comparison_id)
    (conflict,) = plan.conflicts
    assert conflict.key == f"decision:{riverside.id}:price_per_session"
    assert "525 USD — new price (decided by Me)" in conflict.sentence()
    assert "500 USD (decided by Me)" in conflict.sentence()
    importer.apply_import(store, plan)  # kept mine
    assert store.decisions.by_item(riverside.id)["price_per_session"].number == 525
    importer.apply_import(
        store,
        importer.plan_import(store, files.read_document(path), into=comparison_id),
        {conflict.key},
    )
    assert store.decisions.by_item(riverside.id)["price_per_session"].number == 500


def test_a_file_from_before_decisions_existed_still_opens(store: Store, other: Store) -> None:
    """Schema version 1 had no decisions and no rule: it reads as cautious, nothing settled."""
    comparison_id = fill(store)
    old = files.build_document(store, comparison_id).model_dump(mode="json")
    old["schema_version"] = 1
    del old["decisions"]
    del old["comparison"]["combine_rule"]
    document = files.parse_document(json.dumps(old).encode())
    assert document.decisions == ()
    new_id = importer.apply_import(other, importer.plan_import(other, document))
    assert other.decisions.rule(new_id) is Rule.CAUTIOUS


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d.update(clinic_id="nowhere"), "clinic that is not in the file"),
        (lambda d: d.update(decided_by="nobody"), "person who is not in the file"),
        (lambda d: d.update(choice=None), "either a choice or a number"),
        (lambda d: d.update(choice="seen"), "does not fit"),
    ],
)
def test_a_broken_decision_in_a_file_is_refused(
    store: Store, tmp_path: Path, change: Callable[[dict[str, object]], None], message: str
) -> None:
    comparison_id = fill(store)
    riverside = next(c for c in store.clinics.list(comparison_id) if c.name == "Riverside")
    store.decisions.settle(
        riverside.id, "q_induction_schedule", Choice.CLEAR, store.people.default().id
    )
    data = files.build_document(store, comparison_id).model_dump(mode="json")
    change(data["decisions"][0])
    assert store.path is not None
    before = snapshot(store.path)
    with pytest.raises(ExchangeError, match=message):
        import_as_new(store, _write(tmp_path / "broken.kvet", data))
    assert snapshot(store.path) == before


def _write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data))
    return path
