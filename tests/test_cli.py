"""The command line: ``kvet --version``, exports and imports, all without a screen.

Most tests call ``kvet.__main__.main`` in this process (fast); one runs ``python -m kvet`` for
real. A failure is one line on stderr, a non-zero exit, and the database byte for byte as before.
"""

from __future__ import annotations

import csv
import getpass
import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from kvet import __version__
from kvet.__main__ import main
from kvet.cli.password import PASSWORD_ENV
from kvet.content.checklist import Checklist, Format, Kind, load_checklist
from kvet.exchange import files
from kvet.exchange.errors import PasswordNeededError
from kvet.rating.answers import Choice
from kvet.store.api import Store
from kvet.store.records import ClinicInfo, RaterInfo
from tests.test_exports import pdf_text


def test_version_is_printed(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--version"])
    assert info.value.code == 0
    assert capsys.readouterr().out.strip() == f"kvet {__version__}"


def test_python_dash_m_kvet_reports_its_version() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "kvet", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == f"kvet {__version__}"


def test_an_unknown_option_is_refused_with_a_message(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--frobnicate"])
    assert info.value.code == 2
    assert "unrecognized arguments" in capsys.readouterr().err


@pytest.mark.parametrize(
    "words",
    [
        [],
        ["--db", "/data/kvet.sqlite"],
        ["--db=/data/kvet.sqlite", "--lang", "es"],
        ["--lang=en", "/home/ana/From Luis.kvet"],
        ["/home/ana/From Luis.kvet", "--db", "/data/kvet.sqlite"],
    ],
)
def test_a_plain_start_reads_its_words_as_argparse_would_without_building_its_parser(
    monkeypatch: pytest.MonkeyPatch, words: list[str]
) -> None:
    """The desktop's start (a database, a language, a shared file) opens the window without
    argparse's parser, milliseconds before the first paint; what is read is the same."""
    import kvet.__main__ as entry
    import kvet.gui.main.app

    expected = entry.build_parser(with_commands=False).parse_args(words)
    given: list[tuple[Path | None, Path | None]] = []

    def open_window(db_path: Path | None, argv: list[str], open_file: Path | None) -> int:
        given.append((db_path, open_file))
        return 0

    def no_parser(with_commands: bool = True) -> object:
        raise AssertionError("argparse's parser was built for a plain start")

    monkeypatch.setattr(kvet.gui.main.app, "run", open_window)
    monkeypatch.setattr(entry, "build_parser", no_parser)
    monkeypatch.setattr(entry, "force", lambda code: given.append((None, Path(code))))
    assert entry.main(words) == 0
    forced = [(None, Path(expected.lang))] if expected.lang else []
    assert given == [*forced, (expected.db, expected.file)]


@pytest.mark.parametrize(
    "words",
    [["--db"], ["--lang", "fr"], ["--db", "a", "--db", "b"], ["a.kvet", "b.kvet"], ["--d", "x"]],
)
def test_anything_else_is_left_to_argparse_and_its_messages(words: list[str]) -> None:
    from kvet.__main__ import window_words

    assert window_words(words) is None


# --- exports and imports without a window --------------------------------------------------

HOSTILE = '=HYPERLINK("http://x","<b>y</b>") \u202e🧠'


def make_database(checklist: Checklist, path: Path, name: str = "Spring search") -> str:
    with Store.open(checklist, path, daily_backup=False) as store:
        comparison = store.comparisons.create(name)
        river = store.clinics.add(
            comparison.id,
            "Riverside",
            formats=[Format.IV],
            phone="555 0100",
            notes="Parking behind the building",
        )
        odd = store.clinics.add(
            comparison.id,
            HOSTILE,
            formats=[Format.ESKETAMINE],
            notes="<script>alert(1)</script>\n=1+1",
        )
        store.answers.set(river.id, "rf_no_screening", Choice.NOT_SEEN)
        store.answers.set(river.id, "q_induction_schedule", Choice.CLEAR)
        store.answers.set_note(river.id, "q_induction_schedule", 'Six infusions, "three" weeks')
        store.answers.set_fact(river.id, "price_per_session", 550)
        store.answers.set(odd.id, "rf_cure_promise", Choice.SEEN)
        return comparison.id


def database_bytes(db: Path) -> dict[str, bytes]:
    """The database and its journal files, byte for byte (the lock file says who has it open)."""
    return {
        p.name: p.read_bytes()
        for p in sorted(db.parent.glob(db.name + "*"))
        if not p.name.endswith(".lock")
    }


@pytest.fixture
def db(checklist: Checklist, tmp_path: Path) -> Path:
    path = tmp_path / "mine.sqlite"
    make_database(checklist, path)
    return path


def kvet(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    """Run ``kvet --db DB ARGS`` in this process; returns the exit code, stdout and stderr."""
    code = main(["--db", str(db), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_a_comparison_is_exported_as_a_shareable_file_and_a_spreadsheet_table(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = database_bytes(db)
    code, out, err = kvet(capsys, db, "export", str(tmp_path / "spring.kvet"))
    assert (code, err) == (0, "")
    assert out.strip() == f"Saved {tmp_path / 'spring.kvet'}"
    document = files.read_document(tmp_path / "spring.kvet")
    assert {c.name for c in document.clinics} == {"Riverside", HOSTILE}
    assert document.personal_topics is None

    code, out, err = kvet(capsys, db, "export", str(tmp_path / "table.csv"))
    assert (code, err) == (0, "")
    with (tmp_path / "table.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert set(rows[0][2:]) == {"Riverside", "'" + HOSTILE}
    code, out, err = kvet(capsys, db, "export", str(tmp_path / "table.txt"), "--format", "csv")
    assert (code, err) == (0, "")
    assert (tmp_path / "table.txt").read_bytes() == (tmp_path / "table.csv").read_bytes()
    assert database_bytes(db) == before  # exporting never changes your data


def test_a_password_from_the_environment_protects_the_exported_file(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(PASSWORD_ENV, "copper kettle lantern")
    code, _out, err = kvet(capsys, db, "export", str(tmp_path / "p.kvet"), "--password")
    assert (code, err) == (0, "")
    assert b"Riverside" not in (tmp_path / "p.kvet").read_bytes()
    with pytest.raises(PasswordNeededError):
        files.read_document(tmp_path / "p.kvet")
    document = files.read_document(tmp_path / "p.kvet", "copper kettle lantern")
    assert document.comparison.name == "Spring search"


def test_the_command_line_refuses_a_password_built_on_a_name_in_the_comparison(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with Store.open(load_checklist(), db, daily_backup=False) as store:
        store.people.add("Rosalind Featherstone")
    monkeypatch.setenv(PASSWORD_ENV, "Rosalind Featherstone 1958")
    code, _out, err = kvet(capsys, db, "export", str(tmp_path / "p.kvet"), "--password")
    assert code == 1
    assert "uses the name of someone in this comparison" in err
    assert not (tmp_path / "p.kvet").exists()


@pytest.mark.usefixtures("qapp")
def test_the_report_and_a_call_sheet_are_exported_as_pdf(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _out, err = kvet(capsys, db, "export", str(tmp_path / "report.pdf"))
    assert (code, err) == (0, "")
    text = pdf_text(tmp_path / "report.pdf")
    assert "Riverside" in text
    assert '=HYPERLINK("http://x","<b>y</b>")' in text
    code, _out, err = kvet(
        capsys,
        db,
        "export",
        str(tmp_path / "sheet.pdf"),
        "--format",
        "callsheet",
        "--clinic",
        "Riverside",
    )
    assert (code, err) == (0, "")
    text = pdf_text(tmp_path / "sheet.pdf")
    assert "Call sheet: Riverside" in text
    assert "555 0100" in text


def test_import_as_a_new_comparison_gives_back_every_field(
    checklist: Checklist, db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kvet(capsys, db, "export", str(tmp_path / "spring.kvet"))
    theirs = tmp_path / "theirs" / "kvet.sqlite"
    theirs.parent.mkdir()
    code, out, err = kvet(capsys, theirs, "import", str(tmp_path / "spring.kvet"))
    assert (code, err) == (0, "")
    assert "2 new clinic(s)" in out
    assert out.strip().endswith("Imported “Spring search”.")
    code, out, _err = kvet(capsys, theirs, "list")
    assert code == 0
    assert "Spring search  (2 clinics)" in out
    assert "    Riverside  id " in out
    with (
        Store.open(checklist, db, daily_backup=False) as mine,
        Store.open(checklist, theirs, daily_backup=False) as other,
    ):
        original = files.build_document(mine, mine.comparisons.list()[0].id)
        again = files.build_document(other, other.comparisons.list()[0].id)
    keep = {"exported_at", "raters"}
    assert again.model_dump(exclude=keep) == original.model_dump(exclude=keep)


AS_ME_INTO_SPRING = ("--into", "Spring search", "--same-person", "Me (imported)=Me")


@contextmanager
def a_relatives_copy(
    checklist: Checklist, db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> Iterator[tuple[Store, ClinicInfo, RaterInfo]]:
    """The comparison sent to a relative (to-<name>.kvet), who adds themselves and, in the
    block, changes their copy of Riverside; then they send it back as from-<name>.kvet."""
    kvet(capsys, db, "export", str(tmp_path / f"to-{name.lower()}.kvet"))
    theirs = tmp_path / f"{name.lower()}.sqlite"
    kvet(capsys, theirs, "import", str(tmp_path / f"to-{name.lower()}.kvet"))
    with Store.open(checklist, theirs, daily_backup=False) as store:
        spring = store.comparisons.list()[0].id
        river = next(c for c in store.clinics.list(spring) if c.name == "Riverside")
        yield store, river, store.people.add(name)
    kvet(capsys, theirs, "export", str(tmp_path / f"from-{name.lower()}.kvet"))


def test_a_family_members_file_is_imported_into_the_existing_comparison(
    checklist: Checklist, db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with a_relatives_copy(checklist, db, tmp_path, capsys, "Mum") as (store, river, mum):
        store.answers.set(river.id, "vs_pulse_ox", Choice.YES, rater_id=mum.id)
        store.clinics.update(river.id, phone="555 0199")

    code, out, err = kvet(capsys, db, "import", str(tmp_path / "from-mum.kvet"), *AS_ME_INTO_SPRING)
    assert (code, err) == (0, "")
    assert "answers from Mum, as new people" in out
    assert "answers from Me (imported) added as your “Me”" in out
    assert "Riverside, the clinic's phone: yours says “555 0100”, the file says “555 0199”." in out
    assert "Kept your version where they differ" in out
    with Store.open(checklist, db, daily_backup=False) as store:
        comparison_id = store.comparisons.list()[0].id
        assert len(store.comparisons.list()) == 1
        clinics = store.clinics.list(comparison_id)
        assert len(clinics) == 2  # matched by id, not duplicated
        river = next(c for c in clinics if c.name == "Riverside")
        assert river.phone == "555 0100"
        mum_here = next(r for r in store.people.list() if r.name == "Mum")
        assert store.answers.by_item(river.id, mum_here.id)["vs_pulse_ox"].choice is Choice.YES

    code, out, err = kvet(
        capsys,
        db,
        "import",
        str(tmp_path / "from-mum.kvet"),
        "--into",
        "Spring search",
        "--take-theirs",
    )
    assert (code, err) == (0, "")
    assert "Kept the file's version." in out
    with Store.open(checklist, db, daily_backup=False) as store:
        river = next(
            c for c in store.clinics.list(store.comparisons.list()[0].id) if c.name == "Riverside"
        )
        assert river.phone == "555 0199"


def _protected(path: Path, checklist: Checklist, db: Path) -> Path:
    with Store.open(checklist, db, daily_backup=False) as store:
        files.export_comparison(store, store.comparisons.list()[0].id, path, password="right")
    return path


def _exported(path: Path, checklist: Checklist, db: Path) -> Path:
    with Store.open(checklist, db, daily_backup=False) as store:
        files.export_comparison(store, store.comparisons.list()[0].id, path)
    return path


def _truncated(path: Path, checklist: Checklist, db: Path) -> Path:
    _exported(path, checklist, db)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    return path


def _write(data: bytes) -> Callable[[Path, Checklist, Path], Path]:
    def make(path: Path, _checklist: Checklist, _db: Path) -> Path:
        path.write_bytes(data)
        return path

    return make


def _nothing(path: Path, _checklist: Checklist, _db: Path) -> Path:
    return path


# name: (how to make the file, extra arguments, what the one line must say, KVET_PASSWORD)
FAILURES: dict[
    str, tuple[Callable[[Path, Checklist, Path], Path], tuple[str, ...], str, str | None]
] = {
    "wrong password": (_protected, (), "password is wrong", "wrong"),
    "no password and no terminal": (_protected, (), f"set {PASSWORD_ENV}", None),
    "malformed": (_write(b'{"format": "kvet-comparison", nope'), (), "not a kvet comparison", None),
    "truncated": (_truncated, (), "incomplete", None),
    "a spreadsheet, not a kvet file": (
        _write(b"a,b\r\n1,2\r\n"),
        (),
        "not a kvet comparison",
        None,
    ),
    "newer version": (
        _write(b'{"format": "kvet-comparison", "schema_version": 99}'),
        (),
        "newer version of kvet",
        None,
    ),
    "missing file": (_nothing, (), "could not read", None),
    "unknown comparison to merge into": (
        _exported,
        ("--into", "Autumn"),
        "No single comparison has that name or id. kvet list shows your comparisons.",
        None,
    ),
    "absurd protection settings": (
        _write(
            json.dumps(
                {
                    "format": "kvet-encrypted",
                    "schema_version": 1,
                    "kdf": {"name": "scrypt", "salt": "AAAAAAAAAAA=", "n": 2**20, "r": 32, "p": 16},
                    "cipher": "AES-256-GCM",
                    "nonce": "AAAAAAAAAAAAAAAA",
                    "ciphertext": "AAAA",
                }
            ).encode()
        ),
        (),
        "damaged",
        "pw",
    ),
}


def refused_in_one_line(code: int, out: str, err: str, says: str) -> None:
    """A refusal as a terminal shows it: a non-zero exit, nothing on stdout, and one line on
    stderr, "kvet: ...", that says `says`."""
    assert code != 0
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("kvet: ")
    assert says in lines[0]


@pytest.mark.parametrize("case", sorted(FAILURES))
def test_an_import_that_fails_says_why_in_one_line_and_changes_nothing(
    checklist: Checklist,
    db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    case: str,
) -> None:
    make, extra, says, password = FAILURES[case]
    if password is None:
        monkeypatch.delenv(PASSWORD_ENV, raising=False)
    else:
        monkeypatch.setenv(PASSWORD_ENV, password)
    path = make(tmp_path / "incoming.kvet", checklist, db)
    before = database_bytes(db)
    code, out, err = kvet(capsys, db, "import", str(path), *extra)
    refused_in_one_line(code, out, err, says)
    assert database_bytes(db) == before


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("out.docx",), "Say which format to write with --format"),
        (("out.pdf", "--format", "docx"), "kvet cannot write “docx”"),
        (("out.pdf", "--format", "callsheet"), "Name the clinic for the call sheet"),
        (("out.pdf", "--format", "callsheet", "--clinic", "Nowhere"), "No clinic has that name"),
        (("out.csv", "--comparison", "Autumn"), "No single comparison has that name or id."),
        (("missing folder/out.csv",), "could not save"),
        (("missing folder/out.kvet",), "could not save"),
        (("missing folder/out.pdf",), "could not save"),
    ],
)
@pytest.mark.usefixtures("qapp")
def test_an_export_that_fails_says_why_in_one_line_and_changes_nothing(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...], says: str
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    before = database_bytes(db)
    code, out, err = kvet(capsys, db, "export", str(out_dir / args[0]), *args[1:])
    refused_in_one_line(code, out, err, says)
    assert database_bytes(db) == before
    assert list(out_dir.iterdir()) == []  # no file, no partial file


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_file_imported_again_goes_back_where_it_belongs_not_beside_it(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    shared = tmp_path / "spring.kvet"
    assert kvet(capsys, db, "export", str(shared))[0] == 0
    code, out, _err = kvet(capsys, db, "import", str(shared))
    assert code == 0
    assert "This file belongs to your “Spring search”: adding it there" in out
    with Store.open(load_checklist(), db, daily_backup=False) as store:
        assert [c.name for c in store.comparisons.list()] == ["Spring search"]  # no twin
    code, out, _err = kvet(capsys, db, "import", str(shared), "--as-new")
    assert code == 0
    assert "belongs" not in out
    with Store.open(load_checklist(), db, daily_backup=False) as store:
        assert len(store.comparisons.list()) == 2  # asked for


def test_a_wrong_password_typed_in_a_terminal_is_asked_for_again(
    checklist: Checklist,
    db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = _protected(tmp_path / "incoming.kvet", checklist, db)
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    monkeypatch.setattr(sys, "stdin", Terminal())
    typed = iter(["rihgt", "right"])  # a slip, then the password
    monkeypatch.setattr(getpass, "getpass", lambda _text="": next(typed))
    code, out, err = kvet(capsys, db, "import", str(path))
    assert code == 0, err
    assert "That password did not open the file. Type it again." in err
    assert "Imported" in out


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        (["blue kettle 42", "blue kettle 42"], ""),
        (["blue kettle 42", "blue kettle 4"], "The two passwords are not the same."),
        (
            ["secret", "secret"],
            "That password is too weak for a shared file. Too short: 6 of "
            "at least 10 characters. A few unrelated words are easy to "
            "remember and hard to guess.",
        ),
        ([EOFError()], "No password was given, so nothing was done."),
        ([KeyboardInterrupt()], "No password was given, so nothing was done."),
        (["", ""], "No password was given, so nothing was done."),
    ],
)
def test_the_password_is_asked_for_twice_in_a_terminal(
    db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    typed: list[str | BaseException],
    says: str,
) -> None:
    monkeypatch.delenv(PASSWORD_ENV, raising=False)
    monkeypatch.setattr(sys, "stdin", Terminal())
    answers = iter(typed)

    def prompt(text: str = "") -> str:
        answer = next(answers)
        if isinstance(answer, BaseException):
            raise answer
        return answer

    monkeypatch.setattr(getpass, "getpass", prompt)
    target = tmp_path / "out" / "p.kvet"
    target.parent.mkdir()
    code, _out, err = kvet(capsys, db, "export", str(target), "--password")
    if not says:
        assert (code, err) == (0, "")
        assert files.read_document(target, "blue kettle 42").comparison.name == "Spring search"
        return
    assert code != 0
    assert err == f"kvet: {says}\n"
    assert list(target.parent.iterdir()) == []


def test_an_export_from_a_mistyped_database_path_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    typo = tmp_path / "mnie.sqlite"
    code, _out, err = kvet(capsys, typo, "export", str(tmp_path / "x.kvet"))
    assert code != 0
    assert err.strip() == f"kvet: There is no kvet database at {typo}."
    assert list(tmp_path.iterdir()) == []


def test_a_shared_file_travels_through_the_real_command_line(
    checklist: Checklist, db: Path, tmp_path: Path
) -> None:
    """``python -m kvet`` in a fresh process: export protected, import elsewhere, then a wrong
    password, which fails in one line and leaves the database exactly as it was."""
    env = {**os.environ, PASSWORD_ENV: "copper kettle lantern", "QT_QPA_PLATFORM": "offscreen"}
    shared = tmp_path / "shared.kvet"
    theirs = tmp_path / "theirs.sqlite"

    def run(
        database: Path, *args: str, password: str = "copper kettle lantern"
    ) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "kvet", "--db", str(database), *args],
            capture_output=True,
            text=True,
            env={**env, PASSWORD_ENV: password},
            stdin=subprocess.DEVNULL,
            timeout=120,
        )

    done = run(db, "export", str(shared), "--password")
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    done = run(theirs, "import", str(shared))
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    assert "Imported “Spring search”." in done.stdout
    with Store.open(checklist, theirs, daily_backup=False) as store:
        names = {c.name for c in store.clinics.list(store.comparisons.list()[0].id)}
    assert names == {"Riverside", HOSTILE}

    before = database_bytes(theirs)
    done = run(theirs, "import", str(shared), password="wrong")
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr == (
        "kvet: The password is wrong, or the file was changed after it was saved.\n"
    )
    assert database_bytes(theirs) == before


def test_importing_a_relatives_answers_lists_where_you_now_differ(
    checklist: Checklist, db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with a_relatives_copy(checklist, db, tmp_path, capsys, "Alex") as (store, river, alex):
        store.answers.set(river.id, "q_induction_schedule", Choice.VAGUE, rater_id=alex.id)
        store.answers.set_note(
            river.id, "q_induction_schedule", "they would not say", rater_id=alex.id
        )

    code, out, err = kvet(
        capsys, db, "import", str(tmp_path / "from-alex.kvet"), *AS_ME_INTO_SPRING
    )
    assert (code, err) == (0, "")
    assert "1 answer(s) now differ between people" in out
    assert "Riverside: Me: clear answer; Alex: vague answer" in out

    # the table follows everyone's answers by default, one person's on request
    code, _out, err = kvet(capsys, db, "export", str(tmp_path / "together.csv"))
    assert (code, err) == (0, "")
    together = (tmp_path / "together.csv").read_text(encoding="utf-8-sig")
    assert "Everyone's answers together" in together
    code, _out, err = kvet(capsys, db, "export", str(tmp_path / "alex.csv"), "--person", "Alex")
    assert (code, err) == (0, "")
    assert "Answers given by Alex." in (tmp_path / "alex.csv").read_text(encoding="utf-8-sig")
    code, _out, err = kvet(capsys, db, "export", str(tmp_path / "x.csv"), "--person", "Nobody")
    assert code == 1
    assert "Nobody here has that name." in err
    assert "“Nobody”" not in err  # nobody's name is echoed or listed in an error
    assert "Me" not in err


def test_an_import_that_brings_many_disagreements_counts_them_and_lists_them_on_request(
    checklist: Checklist, db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    questions = [i.id for i in checklist.items if i.kind is Kind.QUESTION][:8]
    with Store.open(checklist, db, daily_backup=False) as store:
        spring = store.comparisons.list()[0].id
        river = next(c for c in store.clinics.list(spring) if c.name == "Riverside")
        for item in questions:
            store.answers.set(river.id, item, Choice.CLEAR)
    with a_relatives_copy(checklist, db, tmp_path, capsys, "Alex") as (store, river, alex):
        for item in questions:
            store.answers.set(river.id, item, Choice.VAGUE, rater_id=alex.id)
    again = tmp_path / "again.sqlite"
    for suffix in ("", "-wal", "-shm"):
        if (source := db.with_name(db.name + suffix)).exists():
            again.with_name(again.name + suffix).write_bytes(source.read_bytes())
    mine = AS_ME_INTO_SPRING

    code, out, err = kvet(capsys, db, "import", str(tmp_path / "from-alex.kvet"), *mine)
    assert (code, err) == (0, "")
    assert (
        "8 answer(s) now differ between people: 8 question(s) at 1 clinic(s), among 2 people."
        in out
    )
    assert "Me: clear answer; Alex: vague answer" not in out  # a count, not a page of lines
    assert "--all-disagreements" in out

    code, out, err = kvet(
        capsys, again, "import", str(tmp_path / "from-alex.kvet"), *mine, "--all-disagreements"
    )
    assert (code, err) == (0, "")
    assert "8 answer(s) now differ between people" in out
    assert out.count("Riverside: Me: clear answer; Alex: vague answer") == 8


def test_a_spreadsheet_table_comes_in_spanish_with_lang_es_and_the_same_numbers(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    english, spanish = tmp_path / "en.csv", tmp_path / "es.csv"
    assert kvet(capsys, db, "export", str(english))[0] == 0
    assert kvet(capsys, db, "--lang", "es", "export", str(spanish))[0] == 0
    with english.open(encoding="utf-8-sig", newline="") as handle:
        en_rows = list(csv.reader(handle))
    with spanish.open(encoding="utf-8-sig", newline="") as handle:
        es_rows = list(csv.reader(handle))
    statement = load_checklist(lang="es").item("rf_no_screening").statement
    assert statement not in english.read_text(encoding="utf-8-sig")
    assert statement in spanish.read_text(encoding="utf-8-sig")
    # Every number is the same, row for row; only the words differ (headings and answers too).
    assert len(es_rows) == len(en_rows)
    numbers = [r[1] for r in en_rows[:10] if "score" in r[1].lower() or r[1] == "Place"]
    assert len(numbers) == 4
    digits = re.compile(r"\d+")
    for en, es in zip(en_rows, es_rows, strict=True):
        if en[1:2] != ["Why not recommended"]:  # its reasons quote the checklist's words
            assert [digits.findall(c) for c in es[2:]] == [digits.findall(c) for c in en[2:]]
        if en[1:2] and en[1] in numbers:
            assert es[2:] == en[2:]
    assert (en_rows[1][1], es_rows[1][1]) == ("Place", "Puesto")
    assert sum(es[1:2] != en[1:2] for en, es in zip(en_rows, es_rows, strict=True)) > 10


def test_python_collects_again_whatever_ends_the_window_s_run(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The window's start pauses Python's cycle collector (kvet.system.collector); a run that
    ends before the data shows (here at once) must not leave it paused."""
    import gc

    import kvet.__main__ as entry
    import kvet.gui.main.app

    def open_window(db_path: Path | None, argv: list[str], open_file: Path | None) -> int:
        assert not gc.isenabled()  # paused for the start
        return 0

    monkeypatch.setattr(kvet.gui.main.app, "run", open_window)
    assert entry.main(["--db", "/data/kvet.sqlite"]) == 0
    assert gc.isenabled()
