"""A family member scripts the page for the next appointment and the treatment log:
``kvet export --format treatment --clinic NAME page.pdf`` (or ``log.csv``) writes the same page
and log as My treatment, on the paper of the country chosen in kvet, in the language asked for.
A mistake is one plain line on stderr that never repeats the clinic's name, and nothing is
written."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from kvet.__main__ import main
from kvet.content.checklist import Checklist
from kvet.content.country import set_country
from kvet.content.printwords import load_words
from kvet.start.sample import create_sample
from kvet.store.api import Store
from kvet.treatment.course import CheckIn, DoseSession
from tests.test_exports import pdf_text
from tests.test_treatment_page import pdf_info

CLINIC = "Clinic A (fictional)"


@pytest.fixture
def db(checklist: Checklist, tmp_path: Path) -> Path:
    path = tmp_path / "kvet.sqlite"
    with Store.open(checklist, path, daily_backup=False) as store:
        create_sample(store)
        set_country(store.settings, "US")
    return path


def kvet(capsys: pytest.CaptureFixture[str], db: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--db", str(db), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_the_page_is_written_on_letter_for_a_us_user_as_my_treatment_makes_it(
    db: Path, tmp_path: Path
) -> None:
    """Through the real entry point, as a script would run it."""
    page = tmp_path / "page.pdf"
    run = subprocess.run(
        [
            *(sys.executable, "-m", "kvet", "--db", str(db), "export", "--format", "treatment"),
            *("--clinic", CLINIC, str(page)),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (run.returncode, run.stderr) == (0, "")
    assert run.stdout.strip() == f"Saved {page}"
    info = pdf_info(page)
    assert info["Pages"] == "1"
    assert info["Page size"].endswith("(letter)")
    text = pdf_text(page)
    assert f"My treatment at {CLINIC}" in text
    assert "marks along the bottom are sessions" in text  # the chart, drawn without a window
    assert "Highest before a session: 126/82" in text


@pytest.mark.usefixtures("qapp")
def test_the_log_and_a_spanish_page_are_written_from_the_command_line(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], checklist: Checklist
) -> None:
    code, out, err = kvet(
        capsys, db, "export", "-f", "treatment", "--clinic", CLINIC, str(tmp_path / "log.csv")
    )
    assert (code, err) == (0, "")
    assert out.strip().startswith("Saved")
    rows = list(csv.reader(io.StringIO((tmp_path / "log.csv").read_text(encoding="utf-8-sig"))))
    assert rows[0][:3] == ["Date", "Entry", "Treatment or kind"]
    with Store.open(checklist, db, daily_backup=False) as store:
        course = store.courses.load(store.courses.list_courses()[0].id)
    assert len(rows) - 1 == (
        len(course.sessions) + len(course.check_ins) + len(course.care) + len(course.markers)
    )
    code, _out, err = kvet(
        capsys, db, "export", "-f", "treatment", str(tmp_path / "cita.pdf"), "--lang", "es"
    )
    assert (code, err) == (0, "")
    text = pdf_text(tmp_path / "cita.pdf")
    assert f"Mi tratamiento en {CLINIC}" in text
    assert "las marcas de abajo son las sesiones" in text
    assert "La más alta antes de una sesión: 126/82" in text


@pytest.mark.usefixtures("qapp")
def test_the_paper_follows_the_country_chosen_in_kvet(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], checklist: Checklist
) -> None:
    with Store.open(checklist, db, daily_backup=False) as store:
        set_country(store.settings, "GB")
    assert kvet(capsys, db, "export", "-f", "treatment", str(tmp_path / "p.pdf"))[0] == 0
    assert pdf_info(tmp_path / "p.pdf")["Page size"].endswith("(A4)")


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (
            ("--clinic", "Hillside Wellness"),
            "No treatment record is for a clinic of that name. kvet list shows your treatment "
            "records",
        ),
        ((), "Name the treatment file with .pdf"),
    ],
)
def test_a_mistake_is_one_plain_line_that_never_repeats_the_clinic(
    db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    args: tuple[str, ...],
    says: str,
) -> None:
    target = tmp_path / ("page.pdf" if args else "page.txt")
    code, out, err = kvet(capsys, db, "export", "--format", "treatment", *args, str(target))
    assert code == 1
    assert out == ""
    assert err.startswith("kvet: ")
    assert says in err
    assert err.count("\n") == 1
    assert "Hillside" not in err
    assert not target.exists()


def test_with_no_treatment_record_kvet_says_where_to_start_one(
    checklist: Checklist, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.sqlite"
    Store.open(checklist, empty, daily_backup=False).close()
    code, _out, err = kvet(capsys, empty, "export", "-f", "treatment", str(tmp_path / "p.pdf"))
    assert code == 1
    assert err == (
        "kvet: There is no treatment record yet. Start one in kvet's window, under My treatment.\n"
    )


def test_two_records_need_the_clinic_or_the_records_id_which_kvet_list_shows(
    db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], checklist: Checklist
) -> None:
    with Store.open(checklist, db, daily_backup=False) as store:
        again = store.courses.start(CLINIC)  # treatment started again at the same clinic
        store.courses.add(again.id, DoseSession(date(2026, 1, 5)))
    code, _out, err = kvet(capsys, db, "export", "-f", "treatment", str(tmp_path / "p.csv"))
    assert code == 1
    assert "several treatment records" in err
    code, _out, err = kvet(
        capsys, db, "export", "-f", "treatment", "--clinic", CLINIC, str(tmp_path / "p.csv")
    )
    assert code == 1
    assert "give the record's id instead" in err
    code, out, _err = kvet(capsys, db, "list")
    assert code == 0
    records = out.split("Treatment records:\n")[1].splitlines()
    assert records[-1] == f"    {CLINIC}  id {again.id}"
    assert len(records) == 2
    code, _out, err = kvet(
        capsys, db, "export", "-f", "treatment", "--clinic", again.id, str(tmp_path / "p.csv")
    )
    assert (code, err) == (0, "")
    rows = list(csv.reader(io.StringIO((tmp_path / "p.csv").read_text(encoding="utf-8-sig"))))
    assert [r[0] for r in rows[1:]] == ["2026-01-05"]


@pytest.mark.usefixtures("qapp")
@pytest.mark.parametrize(
    ("lang", "page_says", "column", "answer"),
    [
        ("en", "PHQ-9 question 9", "PHQ-9 question 9", "Several days"),
        ("es", "Pregunta 9 del PHQ-9", None, "Varios días"),
    ],
)
def test_a_question_9_answer_reaches_the_page_and_the_log_from_the_command_line(
    db: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    checklist: Checklist,
    lang: str,
    page_says: str,
    column: str | None,
    answer: str,
) -> None:
    """The issue's own check: the sample course with one check-in's question 9 set to
    "Several days" gives a CSV with a question-9 column and a one-page PDF that names question 9
    and the answer, in both languages."""
    from dataclasses import replace

    with Store.open(checklist, db, daily_backup=False) as store:
        course_id = store.courses.list_courses()[0].id
        entry = store.courses.entries(course_id, "phq9")[1]
        check = entry.entry
        assert isinstance(check, CheckIn)
        store.courses.replace(course_id, entry.id, replace(check, answers=(*check.answers[:8], 1)))
    page, log = tmp_path / f"page-{lang}.pdf", tmp_path / f"log-{lang}.csv"
    for target in (page, log):
        code, _out, err = kvet(capsys, db, "export", "-f", "treatment", str(target), "--lang", lang)
        assert (code, err) == (0, "")
    assert pdf_info(page)["Pages"] == "1"
    text = pdf_text(page)
    assert page_says in text
    assert answer in text
    rows = list(csv.reader(io.StringIO(log.read_text(encoding="utf-8-sig"))))
    nine = rows[0].index(column or load_words("es")("course_table", "question9"))
    assert answer in [row[nine] for row in rows[1:]]
