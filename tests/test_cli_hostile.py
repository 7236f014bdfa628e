"""The command line facing hostile files: one plain line on stderr, exit 1, nothing changed; and
the choices an import needs (who is who, private topics) as explicit flags."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from kvet.cli.password import PASSWORD_ENV
from kvet.content.checklist import Checklist
from kvet.exchange import files
from kvet.store.api import Store
from tests.test_cli import database_bytes, kvet, make_database
from tests.test_import_hostile import small_envelope


@pytest.fixture
def db(checklist: Checklist, tmp_path: Path) -> Path:
    path = tmp_path / "mine.sqlite"
    make_database(checklist, path)
    return path


def _file_as_me(checklist: Checklist, db: Path, path: Path) -> Path:
    """A file whose only person carries my own id, with a private topic for them."""
    with Store.open(checklist, db, daily_backup=False) as store:
        me = store.people.default().id
        data = files.build_document(store, store.comparisons.list()[0].id).model_dump(mode="json")
        data["raters"] = [{"id": me, "name": "Me"}]
        data["assessments"] = [a for a in data["assessments"] if a["rater_id"] == me]
        data["personal_topics"] = [
            {"rater_id": me, "topic_id": "caution_heart", "applies": True, "note": "planted"}
        ]
    path.write_text(json.dumps(data))
    return path


def test_an_import_keeps_the_files_people_apart_unless_told_and_topics_need_a_flag(
    checklist: Checklist, db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    shared = _file_as_me(checklist, db, tmp_path / "as-me.kvet")
    code, out, err = kvet(capsys, db, "import", str(shared), "--into", "Spring search")
    assert (code, err) == (0, "")
    assert "answers from Me, as new people" in out
    assert "left out unless you choose to import them" in out
    with Store.open(checklist, db, daily_backup=False) as store:
        assert all(store.answers.personal_topics(r.id) == {} for r in store.people.list())
        assert [r.name for r in store.people.list()] == ["Me", "Me (imported)"]

    code, out, err = kvet(
        capsys,
        db,
        "import",
        str(shared),
        "--into",
        "Spring search",
        "--same-person",
        "Me=Me",
        "--include-personal",
    )
    assert (code, err) == (0, "")
    assert "answers from Me added as your “Me”" in out
    assert "1 private pre-screen topic(s)" in out
    with Store.open(checklist, db, daily_backup=False) as store:
        assert store.answers.personal_topics()["caution_heart"].note == "planted"


@pytest.mark.parametrize(
    ("pair", "says"),
    [
        ("Me", "Write --same-person as NAME IN THE FILE=YOUR PERSON"),
        ("Nobody=Me", "No single person in the file has that name."),
        ("Me=Nobody", "Nobody here has that name."),
    ],
)
def test_a_same_person_flag_that_makes_no_sense_is_one_plain_line(
    checklist: Checklist,
    db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    pair: str,
    says: str,
) -> None:
    shared = _file_as_me(checklist, db, tmp_path / "as-me.kvet")
    before = database_bytes(db)
    code, out, err = kvet(capsys, db, "import", str(shared), "--same-person", pair)
    assert (code, out) == (1, "")
    assert err.startswith(f"kvet: {says}")
    assert err.count("\n") == 1
    assert "“Me”" not in err  # nobody's name is listed in an error, not even the one typed
    assert "“Nobody”" not in err
    assert "(people" not in err
    assert database_bytes(db) == before


@pytest.mark.parametrize("kind", ["kdf", "digits", "digits-encrypted", "device"])
def test_a_file_that_would_crash_the_reader_is_one_plain_line_and_changes_nothing(
    db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    kind: str,
) -> None:
    monkeypatch.setenv(PASSWORD_ENV, "blue kettle 42")
    digits = ('{"format": "kvet-comparison", "schema_version": ' + "9" * 5000 + "}").encode()
    path = tmp_path / "family.kvet"
    if kind == "kdf":
        envelope = small_envelope(b"{}", "blue kettle 42")
        envelope["kdf"].update(n=2**16, r=1)
        path.write_text(json.dumps(envelope))
    elif kind == "digits":
        path.write_bytes(digits)
    elif kind == "digits-encrypted":
        path.write_text(json.dumps(small_envelope(digits, "blue kettle 42")))
    else:
        if not Path("/dev/zero").exists():
            pytest.skip("needs /dev/zero")
        path = Path("/dev/zero")
    before = database_bytes(db)
    code, out, err = kvet(capsys, db, "import", str(path))
    assert (code, out) == (1, "")
    assert err.count("\n") == 1
    assert "Traceback" not in err
    assert "sys." not in err  # words for a person, not Python's advice to a programmer
    assert err.startswith("kvet: ")
    assert database_bytes(db) == before


def test_a_pipe_is_refused_by_the_command_line_too(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    if not hasattr(os, "mkfifo"):
        pytest.skip("needs named pipes")
    pipe = tmp_path / "pipe.kvet"
    os.mkfifo(pipe)
    code, _out, err = kvet(capsys, db, "import", str(pipe))
    assert (code, err) == (
        1,
        "kvet: pipe.kvet is not a file kvet can import (it is a folder, device or pipe).\n",
    )


# --- issue 23, point 14: a refusal never shows a parser's or a database's own words -----------

# What Python's JSON reader, pydantic and SQLite say, and the shape of a traceback: words for a
# programmer, which a person must never be shown in place of kvet's own.
INTERNALS = (
    "validation error",
    "Input should",
    "Value error",
    "pydantic",
    "Expecting",
    "Unterminated",
    "(char ",
    "column ",
    "Traceback",
    "sqlite3",
    "no such table",
    "type=",
    "For further information",
)


def _corpus(checklist: Checklist, db: Path) -> dict[str, bytes]:
    """Hostile and broken files, each as a person could receive it."""
    with Store.open(checklist, db, daily_backup=False) as store:
        good = files.build_document(store, store.comparisons.list()[0].id).model_dump(mode="json")

    def changed(change: object) -> bytes:
        data = json.loads(json.dumps(good))
        change(data)  # type: ignore[operator]
        return json.dumps(data).encode()

    whole = json.dumps(good).encode()
    return {
        "cut short": whole[: len(whole) // 2],
        "empty": b"",
        "not text": b"\xff\xfe\x00garbage",
        "a list": b"[1, 2, 3]",
        "nested deep": b"[" * 100_000 + b"]" * 100_000,
        "a number as text": changed(lambda d: d.update(schema_version="2")),
        "a missing part": changed(lambda d: d.pop("clinics")),
        "a made-up part": changed(lambda d: d.update(junk={"a": 1})),
        "a clinic without a name": changed(lambda d: d["clinics"][0].update(name=None)),
        "a clinic named in nothing": changed(lambda d: d["clinics"][0].update(name=" \x01")),
        "two clinics with one id": changed(lambda d: d["clinics"].append(dict(d["clinics"][0]))),
        "an answer to no clinic": changed(
            lambda d: d["assessments"][0].update(clinic_id="nowhere")
        ),
        "a date that is no date": changed(lambda d: d.update(exported_at="last spring")),
        "a weight far too big": changed(
            lambda d: d["comparison"]["settings"].update(sections={"visit_safety": 1e300})
        ),
        "a protected file with odd settings": json.dumps(
            {**small_envelope(b"{}", "blue kettle 42"), "kdf": {"n": 3}}
        ).encode(),
        "a protected file with a broken inside": json.dumps(
            small_envelope(b'{"format": "kvet-comparison", ', "blue kettle 42")
        ).encode(),
    }


@pytest.mark.parametrize("lang", ["en", "es"])
def test_no_refusal_of_a_hostile_file_shows_a_parsers_words_in_either_language(
    checklist: Checklist,
    db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    lang: str,
) -> None:
    monkeypatch.setenv(PASSWORD_ENV, "blue kettle 42")
    corpus = _corpus(checklist, db)
    before = database_bytes(db)
    for story, raw in corpus.items():
        path = tmp_path / "family.kvet"
        path.write_bytes(raw)
        code, out, err = kvet(capsys, db, "--lang", lang, "import", str(path))
        assert (code, out) == (1, ""), story
        assert err.startswith("kvet: "), story
        assert err.count("\n") == 1, f"{story}: {err!r}"
        for internal in INTERNALS:
            assert internal not in err, f"{story}: {err!r}"
        if lang == "es":
            assert "family.kvet" not in err or " no " in err, f"{story}: {err!r}"
            assert "kvet comparison" not in err, f"{story}: English left in {err!r}"
        assert database_bytes(db) == before, story
