"""A file, or a caller, trying to damage, corrupt or expose the user's data.

Each attempt ends in one of two ways: a plain ``ExchangeError`` (or the store's own
``InvalidValueError``) with the database exactly as it was, or an import that keeps the file's
people apart from the user's own, within the limits the user's own typing has.
"""

from __future__ import annotations

import json
import os
import threading
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from sqlalchemy import event

from kvet.content.checklist import Checklist
from kvet.exchange import crypto, files, importer, passphrase, report
from kvet.exchange.errors import ExchangeError, PasswordNeededError, WrongPasswordError
from kvet.rating.answers import Choice
from kvet.rating.scoring import Weights
from kvet.store.api import Store
from kvet.store.errors import InvalidValueError, StorageError
from tests.test_exchange import fill, snapshot


@pytest.fixture
def store(checklist: Checklist, tmp_path: Path) -> Iterator[Store]:
    s = Store.open(checklist, tmp_path / "mine.sqlite", daily_backup=False)
    yield s
    s.close()


def database_bytes(store: Store) -> dict[str, bytes]:
    """The database and its journal, byte for byte."""
    assert store.path is not None
    db = store.path
    return {
        p.name: p.read_bytes()
        for p in sorted(db.parent.glob(db.name + "*"))
        if not p.name.endswith(".lock")
    }


def as_dict(store: Store, comparison_id: str) -> dict[str, Any]:
    return files.build_document(store, comparison_id).model_dump(mode="json")


def write(path: Path, data: object) -> Path:
    path.write_text(json.dumps(data))
    return path


def refused(
    store: Store, raw: bytes, match: str, password: str | None = None, into: str | None = None
) -> None:
    """The file is refused with a message matching ``match``, and nothing at all changed."""
    before = database_bytes(store)
    with pytest.raises(ExchangeError, match=match):
        read_and_plan(store, raw, password, into)
    assert database_bytes(store) == before


def read_and_plan(store: Store, raw: bytes, password: str | None, into: str | None) -> None:
    importer.plan_import(store, files.parse_document(raw, "family.kvet", password), into)


def small_envelope(plaintext: bytes, password: str, **kdf: int) -> dict[str, Any]:
    """An encrypted file with cheap scrypt settings (any file may choose its own, within caps)."""
    saved = (crypto.SCRYPT_N, crypto.SCRYPT_R, crypto.SCRYPT_P)
    crypto.SCRYPT_N, crypto.SCRYPT_R, crypto.SCRYPT_P = (
        kdf.get("n", 2**4),
        kdf.get("r", 8),
        kdf.get("p", 1),
    )
    try:
        return crypto.encrypt(plaintext, password)
    finally:
        crypto.SCRYPT_N, crypto.SCRYPT_R, crypto.SCRYPT_P = saved


# --- 6: a file never writes as you, and private topics need their own consent ------------------


def planted(store: Store, comparison_id: str) -> dict[str, Any]:
    """A file pretending to be me: my own person id, answers on my clinic, my pre-screen."""
    me = store.people.default()
    data = as_dict(store, comparison_id)
    riverside = next(c for c in data["clinics"] if c["name"] == "Riverside")
    data["raters"] = [{"id": me.id, "name": "Me"}]
    data["assessments"] = [
        {
            "clinic_id": riverside["id"],
            "rater_id": me.id,
            "answers": [
                {"item_id": "vs_pulse_ox", "choice": "no", "answered_at": "2026-01-01T00:00:00Z"}
            ],
        }
    ]
    topic = store.checklist.personal_topics[0].id
    data["personal_topics"] = [
        {"rater_id": me.id, "topic_id": topic, "applies": True, "note": "planted"}
    ]
    return data


def test_a_file_reusing_my_own_person_id_cannot_answer_or_confide_as_me(
    store: Store, tmp_path: Path
) -> None:
    comparison_id = fill(store)
    me = store.people.default()
    riverside = next(c for c in store.clinics.list(comparison_id) if c.name == "Riverside")
    my_answers = store.answers.by_item(riverside.id)
    document = files.read_document(write(tmp_path / "f.kvet", planted(store, comparison_id)))

    plan = importer.plan_import(store, document, into=comparison_id, include_personal=True)
    # the summary says what will really happen: a new person, their answer, their topic
    assert plan.summary() == (
        "This file brings 2 clinic(s) you already have; 1 answer(s) to "
        "add; answers from Me, as new people; 1 private pre-screen "
        "topic(s); no differences with what you have."
    )
    importer.apply_import(store, plan)

    assert store.answers.by_item(riverside.id) == my_answers  # nothing written as me
    assert store.answers.personal_topics() == {}  # nothing planted in my private pre-screen
    newcomer = next(r for r in store.people.list() if r.name == "Me (imported)")
    assert newcomer.id != me.id
    assert not newcomer.is_default
    assert store.answers.by_item(riverside.id, newcomer.id)["vs_pulse_ox"].choice is Choice.NO
    assert (
        store.answers.personal_topics(newcomer.id)[store.checklist.personal_topics[0].id].note
        == "planted"
    )


def test_private_topics_in_a_file_stay_out_unless_the_user_chooses_them(
    store: Store, tmp_path: Path
) -> None:
    comparison_id = fill(store)
    document = files.read_document(write(tmp_path / "f.kvet", planted(store, comparison_id)))
    plan = importer.plan_import(store, document)  # as a new comparison, consent not given
    assert plan.topics_added == 0
    assert plan.summary().endswith(
        "It also holds 1 private pre-screen topic(s); they are left out unless you choose to "
        "import them."
    )
    importer.apply_import(store, plan)
    assert all(store.answers.personal_topics(r.id) == {} for r in store.people.list())


def test_mapping_a_file_person_onto_mine_is_the_users_choice_and_keeps_my_topics(
    store: Store, tmp_path: Path
) -> None:
    comparison_id = fill(store)
    me = store.people.default().id
    topic = store.checklist.personal_topics[0].id
    store.answers.set_personal_topic(topic, False, "mine")
    document = files.read_document(write(tmp_path / "f.kvet", planted(store, comparison_id)))
    plan = importer.plan_import(
        store, document, into=comparison_id, people={me: me}, include_personal=True
    )
    assert plan.new_people == ()
    assert plan.same_people == (("Me", "Me"),)
    assert plan.topics_added == 0  # I already have that topic: mine is kept
    importer.apply_import(store, plan)
    assert store.answers.personal_topics()[topic].note == "mine"
    riverside = next(c for c in store.clinics.list(comparison_id) if c.name == "Riverside")
    assert store.answers.by_item(riverside.id)["vs_pulse_ox"].choice is Choice.NO  # as I chose


@pytest.mark.parametrize(
    ("people", "message"),
    [
        ({"nobody-in-file": "x"}, "not in the file"),
        ({"a": "b"}, "no longer exists"),
    ],
)
def test_a_mapping_that_makes_no_sense_is_refused(
    store: Store, tmp_path: Path, people: dict[str, str], message: str
) -> None:
    comparison_id = fill(store)
    data = as_dict(store, comparison_id)
    data["raters"].append({"id": "a", "name": "Alex"})
    document = files.read_document(write(tmp_path / "f.kvet", data))
    with pytest.raises((ExchangeError, StorageError), match=message):
        importer.plan_import(store, document, people=people)


# --- 7: one validation for typed and imported values -------------------------------------------


def _answer(item: str, number: float) -> dict[str, Any]:
    return {"item_id": item, "number": number, "answered_at": "2026-01-01T00:00:00Z"}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["assessments"][0]["answers"].append(_answer("consult_fee", 999_999_999)),
            r"from 0 to 1,000,000",
        ),
        (
            lambda d: d["assessments"][0]["answers"].append(_answer("induction_sessions", 1e9)),
            r"from 0 to 1,000",
        ),
        (
            lambda d: d["assessments"][0]["answers"].append(_answer("travel_minutes", 20_000)),
            r"from 0 to 10,000",
        ),
        (
            lambda d: d["comparison"]["settings"].update(cost_plan={"induction_sessions": 10**9}),
            r"induction_sessions",
        ),
        (lambda d: d["comparison"]["settings"].update(sections={"visit_safety": 11}), r"sections"),
        (
            lambda d: d["comparison"]["settings"].update(budget={"first_year": 10**12}),
            "“first_year”",  # the budget's amount: the format's own name for it
        ),
        (lambda d: d["clinics"][0].update(name="\x01 \t\u200b"), "needs a name"),
        (lambda d: d["clinics"][0].update(name="\x00"), "cannot store"),
        (lambda d: d["clinics"][0].update(phone="5" * 101), "phone"),
        (lambda d: d["raters"][0].update(name="M" * 101), "name"),
    ],
)
def test_a_file_beyond_what_i_could_type_is_refused_and_changes_nothing(
    store: Store, change: Any, message: str
) -> None:
    comparison_id = fill(store)
    data = as_dict(store, comparison_id)
    change(data)
    refused(store, json.dumps(data).encode(), message)


def test_the_store_and_a_file_give_the_same_limit_for_the_same_fact(store: Store) -> None:
    comparison_id = fill(store)
    riverside = store.clinics.list(comparison_id)[0]
    with pytest.raises(InvalidValueError) as typed:
        store.answers.set_fact(riverside.id, "consult_fee", 999_999_999)
    data = as_dict(store, comparison_id)
    data["assessments"][0]["answers"].append(_answer("consult_fee", 999_999_999))
    with pytest.raises(ExchangeError) as imported:
        importer.plan_import(store, files.parse_document(json.dumps(data).encode()))
    assert str(typed.value) in str(imported.value)


# --- 9: the password and its key ---------------------------------------------------------------


def test_a_new_protected_file_uses_at_least_owasps_scrypt_settings(
    store: Store, tmp_path: Path
) -> None:
    comparison_id = fill(store)
    path = files.export_comparison(
        store, comparison_id, tmp_path / "p.kvet", password="blue kettle 42"
    )
    kdf = json.loads(path.read_text())["kdf"]
    assert (kdf["n"], kdf["r"], kdf["p"]) == (2**17, 8, 1)
    assert kdf["n"] * kdf["r"] * 128 == 128 * 1024 * 1024  # 128 MiB, OWASP's minimum


def test_a_file_from_an_earlier_kvet_with_lighter_settings_still_opens(store: Store) -> None:
    comparison_id = fill(store)
    text = files.document_bytes(files.build_document(store, comparison_id))
    old = small_envelope(text, "blue kettle 42", n=2**15)
    assert (
        files.parse_document(json.dumps(old).encode(), "old.kvet", "blue kettle 42").comparison.name
        == "Spring search"
    )


def test_a_password_typed_in_another_unicode_form_still_opens_the_file(store: Store) -> None:
    comparison_id = fill(store)
    text = files.document_bytes(files.build_document(store, comparison_id))
    set_as = unicodedata.normalize("NFC", "crème brûlée à deux")
    typed = unicodedata.normalize("NFD", set_as)
    assert typed != set_as
    for password, typing in ((set_as, typed), (typed, set_as)):
        envelope = small_envelope(text, password)
        document = files.parse_document(json.dumps(envelope).encode(), "f.kvet", typing)
        assert document.comparison.name == "Spring search"


@pytest.mark.parametrize(
    ("password", "acceptable"),
    [
        ("", False),
        ("a", False),
        ("secret", False),
        ("aaaaaaaaaaaaaaaaaaaa", False),
        ("abcabcabcabc", False),
        ("correct horse", False),  # two of the commonest words: millions of guesses, not more
        ("blue kettle 42", True),
        ("correct horse battery staple", True),
    ],
)
def test_the_password_meter_says_in_words_whether_a_password_will_do(
    password: str, acceptable: bool
) -> None:
    strength = passphrase.assess(password)
    assert strength.acceptable is acceptable
    if password and len(password) < passphrase.MIN_LENGTH:
        assert strength.words.startswith(
            f"Too short: {len(password)} of at least {passphrase.MIN_LENGTH} characters."
        )
    assert not any(ch.isdigit() for ch in strength.words.split(":")[0])  # words, no score


@pytest.mark.parametrize("password", ["password12", "Password123", "Password1234", "Summer2024!"])
def test_a_common_password_dressed_up_with_capitals_and_digits_is_refused(password: str) -> None:
    """Length and kinds of characters rated these "Good enough" and "Strong"; they are among
    the first an attacker tries."""
    strength = passphrase.assess(password)
    assert strength.acceptable is False
    assert strength.words == passphrase.TOO_EASY


@pytest.mark.parametrize("password", ["Contraseña2024!", "teamomucho2024", "Verano2024!!"])
def test_a_common_spanish_password_is_refused_too(password: str) -> None:
    assert passphrase.assess(password).acceptable is False


def test_a_password_built_on_a_familys_name_is_refused_and_says_why() -> None:
    password = "Rosalind Featherstone 1958"
    assert passphrase.assess(password).acceptable  # a stranger's name: nothing to go on
    family = ["Rosalind Featherstone", "Tom"]
    strength = passphrase.assess(password, names=family)
    assert strength.acceptable is False
    assert strength.words == passphrase.USES_NAME


def test_a_few_unrelated_words_in_either_language_are_still_accepted() -> None:
    for password in ("ventana tortuga lámpara", "copper kettle lantern", "blue kettle 42"):
        assert passphrase.assess(password, names=["María López"]).acceptable, password


def test_a_protected_file_inside_a_protected_file_is_refused_without_asking_again(
    store: Store,
) -> None:
    """The inner file would need a password too; asking for it again and again never ends."""
    comparison_id = fill(store)
    inner = json.dumps(small_envelope(json.dumps(as_dict(store, comparison_id)).encode(), "x"))
    outer = json.dumps(small_envelope(inner.encode(), "blue kettle 42")).encode()
    before = database_bytes(store)
    with pytest.raises(ExchangeError) as refused:
        read_and_plan(store, outer, "blue kettle 42", None)
    assert not isinstance(refused.value, PasswordNeededError)
    assert str(refused.value) == (
        "family.kvet is a protected file inside another protected file, which kvet does not "
        "open. Ask whoever sent it to save it again from kvet, with one password."
    )
    assert database_bytes(store) == before


def test_a_wrong_password_is_told_apart_from_a_damaged_file(store: Store) -> None:
    envelope = json.dumps(small_envelope(b"{}", "blue kettle 42")).encode()
    with pytest.raises(WrongPasswordError):
        files.parse_document(envelope, "family.kvet", "blue kettle 43")
    damaged = small_envelope(b"{}", "blue kettle 42")
    damaged["nonce"] = "AAAA"
    with pytest.raises(ExchangeError) as refused:
        files.parse_document(json.dumps(damaged).encode(), "family.kvet", "blue kettle 42")
    assert not isinstance(refused.value, WrongPasswordError)  # typing again would not help


# --- 11: key settings OpenSSL refuses, and absurdly long numbers ------------------------------


@pytest.mark.parametrize(("n", "r"), [(2**16, 1), (2**17, 1), (2**20, 1)])
def test_key_settings_within_the_caps_that_scrypt_refuses_get_a_plain_message(
    store: Store, n: int, r: int
) -> None:
    fill(store)
    envelope = small_envelope(b"{}", "blue kettle 42")
    envelope["kdf"].update(n=n, r=r)
    refused(store, json.dumps(envelope).encode(), "damaged", "blue kettle 42")


@pytest.mark.parametrize("error", [MemoryError, ValueError])
def test_whatever_openssl_refuses_in_the_key_derivation_is_a_plain_message(
    store: Store, monkeypatch: pytest.MonkeyPatch, error: type[Exception]
) -> None:
    fill(store)
    envelope = small_envelope(b"{}", "blue kettle 42")

    def refuse(self: object, key_material: bytes) -> bytes:
        raise error("Not enough memory to derive key.")

    monkeypatch.setattr(Scrypt, "derive", refuse)  # the key derivation kvet uses
    refused(store, json.dumps(envelope).encode(), "damaged", "blue kettle 42")


def test_a_number_of_thousands_of_digits_is_refused_plainly_even_inside_encryption(
    store: Store,
) -> None:
    comparison_id = fill(store)
    text = json.dumps(as_dict(store, comparison_id))
    huge = text.replace('"position": 0', '"position": ' + "9" * 5000, 1).encode()
    assert b"9" * 5000 in huge
    refused(store, huge, "number far too long")
    envelope = small_envelope(huge, "blue kettle 42")
    refused(store, json.dumps(envelope).encode(), "number far too long", "blue kettle 42")


# --- 12: settings are checked by their schema --------------------------------------------------


def nested(depth: int) -> object:
    value: object = 1.0
    for _ in range(depth):
        value = {"x": value}
    return value


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"sections": nested(500)}, "sections"),
        ({"sections": {"\ud800": 1.0}}, "sections"),
        ({"items": {"rf_cure_promise": "\udfff"}}, "items"),
        # a name the file made up is never repeated: only where it is
        ({"junk": list(range(200_000))}, r"something in the comparison's settings is not"),
        ({"dealbreakers": {f"rf_{n}": True for n in range(5000)}}, "dealbreakers"),
    ],
)
def test_settings_outside_their_schema_are_refused(
    store: Store, settings: dict[str, object], message: str
) -> None:
    comparison_id = fill(store)
    data = as_dict(store, comparison_id)
    data["comparison"]["settings"] = settings
    refused(store, json.dumps(data).encode(), message)


def test_an_imported_comparison_can_always_be_shared_again(store: Store, tmp_path: Path) -> None:
    comparison_id = fill(store)
    store.settings.set_weights(comparison_id, Weights(sections={"visit_safety": 3.0}))
    new_id = importer.apply_import(
        store,
        importer.plan_import(
            store,
            files.parse_document(files.document_bytes(files.build_document(store, comparison_id))),
        ),
    )
    again = files.document_bytes(files.build_document(store, new_id), "blue kettle 42")
    assert files.parse_document(again, password="blue kettle 42").comparison.settings.sections == {
        "visit_safety": 3.0
    }


# --- 14: devices, pipes and endless files ------------------------------------------------------


def finishes(work: Any, seconds: float = 10.0) -> BaseException | None:
    """Run ``work`` in a thread; the error it raised. Fails if it is still running."""
    outcome: list[BaseException | None] = []

    def run() -> None:
        try:
            work()
            outcome.append(None)
        except BaseException as exc:  # handed back to the test
            outcome.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    assert outcome, "kvet was still reading after ten seconds"
    return outcome[0]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_importing_an_endless_device_is_refused_at_once() -> None:
    error = finishes(lambda: files.read_document(Path("/dev/zero")))
    assert isinstance(error, ExchangeError)
    assert str(error) == "zero is not a file kvet can import (it is a folder, device or pipe)."


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_importing_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    pipe = tmp_path / "family.kvet"
    os.mkfifo(pipe)
    error = finishes(lambda: files.read_document(pipe))
    assert isinstance(error, ExchangeError)
    assert "not a file kvet can import" in str(error)


def test_a_file_that_grows_past_the_limit_while_read_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.kvet"
    path.write_bytes(b" " * (3 * files.READ_CHUNK))
    with pytest.raises(ExchangeError, match="too large"):
        files.read_bounded(path, limit=2 * files.READ_CHUNK)
    assert files.read_bounded(path, limit=3 * files.READ_CHUNK) == b" " * (3 * files.READ_CHUNK)


# --- 15: large files are fast, or bounded ------------------------------------------------------


def big_file(clinics: int, people: int, tag: str = "") -> bytes:
    return json.dumps(
        {
            "format": "kvet-comparison",
            "schema_version": 2,
            "exported_at": "2026-01-01T00:00:00Z",
            "app_version": "0.1.0",
            "checklist_version": "1.0.0",
            "comparison": {"id": "cmp", "name": "Big"},
            "raters": [{"id": f"r{tag}{n}", "name": f"Person {n}"} for n in range(people)],
            "clinics": [{"id": f"c{tag}{n}", "name": f"Clinic {n}"} for n in range(clinics)],
            "assessments": [
                {
                    "clinic_id": f"c{tag}{c}",
                    "rater_id": f"r{tag}{r}",
                    "answers": [
                        {
                            "item_id": "rf_no_screening",
                            "choice": "seen",
                            "answered_at": "2026-01-01T00:00:00Z",
                        }
                    ],
                }
                for c in range(clinics)
                for r in range(people)
            ],
        }
    ).encode()


def statements(store: Store, work: Any) -> int:
    count = 0

    def seen(*_args: object) -> None:
        nonlocal count
        count += 1

    engine = store.db.engine
    event.listen(engine, "before_cursor_execute", seen)
    try:
        work()
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    return count


def test_importing_does_not_ask_the_database_once_per_clinic_or_person(store: Store) -> None:
    """50,000 assessments took 51 s when each one was its own query; now it is a few seconds."""
    counts = []
    for clinics in (5, 60):
        document = files.parse_document(big_file(clinics, 4, tag=str(clinics)))
        new_id = importer.apply_import(store, importer.plan_import(store, document))
        counts.append(
            statements(
                store,
                lambda d=document, i=new_id: importer.apply_import(
                    store, importer.plan_import(store, d, into=i)
                ),
            )
        )
        assert len(store.clinics.list(new_id)) == clinics
    assert counts[0] == counts[1]


def test_a_report_of_more_clinics_than_anyone_could_read_is_refused_plainly(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(report, "MAX_REPORT_CLINICS", 3)
    comparison_id = fill(store)
    for n in range(2):
        store.clinics.add(comparison_id, f"Clinic {n}")
    assert len(store.clinics.list(comparison_id)) == 4
    with pytest.raises(ExchangeError) as refusal:
        report.report_html(store, comparison_id)
    assert str(refusal.value) == (
        "This comparison has 4 clinics; a report holds at most 3. Save the table for a "
        "spreadsheet (CSV) instead, or remove the clinics you have ruled out."
    )


# --- 16: the store's own error for anything it cannot store ------------------------------------


@pytest.mark.parametrize(
    "call",
    [
        lambda s, c, k: s.comparisons.create("\ud800"),
        lambda s, c, k: s.comparisons.create("a\x00b"),
        lambda s, c, k: s.clinics.add(c, "\x00"),
        lambda s, c, k: s.clinics.add(c, "\x00 \x01\u200b\t"),
        lambda s, c, k: s.clinics.add(c, "Fine", notes="half \udc00 a character"),
        lambda s, c, k: s.clinics.update(k, name="Fine\x00"),
        lambda s, c, k: s.people.add("\x00"),
        lambda s, c, k: s.people.rename(s.people.default().id, "\x1b\x07"),
        lambda s, c, k: s.comparisons.rename(c, "\x00\x00"),
        lambda s, c, k: s.answers.set_note(k, "q_induction_schedule", "\ud83d"),
        lambda s, c, k: s.answers.set_fact(k, "price_per_session", 10**400),
        lambda s, c, k: s.answers.set_fact(k, "price_per_session", "9" * 5000),
        lambda s, c, k: s.decisions.settle(
            k, "price_per_session", None, s.people.default().id, number=10**400
        ),
        lambda s, c, k: s.settings.set_weights(c, Weights(sections={"visit_safety": 10**400})),
        lambda s, c, k: s.settings.set_preference("\ud800", "x"),
    ],
)
def test_what_the_store_cannot_keep_raises_its_own_error_and_changes_nothing(
    store: Store, call: Any
) -> None:
    comparison_id = fill(store)
    clinic_id = store.clinics.list(comparison_id)[0].id
    assert store.path is not None
    before = snapshot(store.path)
    with pytest.raises(InvalidValueError):
        call(store, comparison_id, clinic_id)
    assert snapshot(store.path) == before
