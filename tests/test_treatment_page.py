"""The page a person takes to their next appointment: one sheet of their country's paper, however
long the course, with the PHQ-9 chart, blood pressure and the signals first and the latest
sessions with their notes in the room that is left (the CSV log keeps every entry)."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

from kvet.content.country import paper_for
from kvet.render.coursepage import write_course_pdf
from kvet.treatment.course import (
    CareSession,
    CheckIn,
    Course,
    DoseSession,
    MoodCheck,
    Plan,
    SideEffect,
)
from tests.test_exports import pdf_text

# the suite's QApplication, made first: a page made before it would start a plain QGuiApplication
pytestmark = pytest.mark.usefixtures("qapp")

START = date(2026, 1, 5)
TODAY = START + timedelta(days=181)
MILD = (1, 1, 1, 1, 1, 1, 1, 0, 0)
SEVERE = (3, 3, 2, 3, 2, 3, 2, 2, 0)


def long_course(sessions: int = 60) -> Course:
    """Half a year of esketamine twice a week, a PHQ-9 each week and a note after every session."""
    return Course(
        "Riverside Clinic",
        Plan(
            induction="Twice a week for four weeks, then weekly",
            response_measure="PHQ-9 every week",
            tapering="Every two weeks once better",
            without_response="Review with the psychiatrist",
            review_at_session=8,
        ),
        sessions=tuple(
            DoseSession(
                START + timedelta(days=3 * n),
                "Nasal esketamine",
                "56 mg",
                n % 9 == 0,
                (128 + n % 16, 84),
                (144 + n % 12, 92),
                40,
                frozenset({SideEffect.DISSOCIATION, SideEffect.NAUSEA}),
                f"Session {n + 1}: felt calm afterwards and slept well that night.",
            )
            for n in range(sessions)
        ),
        check_ins=tuple(
            CheckIn(START + timedelta(days=7 * n - 1), SEVERE if n == 0 else MILD)
            for n in range(26)
        ),
        mood_checks=(MoodCheck(TODAY - timedelta(days=3), racing_thoughts=True),),
        care=tuple(CareSession(START + timedelta(days=7 * n)) for n in range(8)),
    )


def pdf_info(path: Path) -> dict[str, str]:
    tool = shutil.which("pdfinfo")
    if tool is None:
        pytest.fail("pdfinfo is missing: install poppler-utils (bash scripts/setup.sh test).")
    out = subprocess.run([tool, str(path)], capture_output=True, text=True, check=True).stdout
    return {
        key.strip(): value.strip()
        for key, _, value in (line.partition(":") for line in out.splitlines())
    }


@pytest.mark.parametrize(
    ("country", "paper", "size"), [("US", "Letter", "letter"), ("GB", "A4", "A4")]
)
def test_a_long_course_prints_on_one_sheet_of_the_countrys_paper(
    country: str, paper: str, size: str, tmp_path: Path
) -> None:
    assert paper_for(country) == paper
    path = write_course_pdf(long_course(), tmp_path / "page.pdf", TODAY, "en", paper_for(country))
    info = pdf_info(path)
    assert info["Pages"] == "1"
    assert info["Page size"].endswith(f"({size})")
    text = pdf_text(path)
    # the chart is drawn on the page: its scale, its bands and its caption are there
    assert "marks along the bottom are sessions" in text
    for band in ("minimal", "mild", "moderately severe", "severe"):
        assert band in text
    assert re.search(r"\b27\b", text)
    # blood pressure, the signals and the plan are always there
    assert "Highest before a session: 143/84" in text
    assert "Worth mentioning to your clinician" in text
    assert "Mood unstable" in text
    assert "Twice a week for four weeks" in text
    # then the latest sessions, each with its note, as many as fit
    shown = re.search(r"The latest (\d+) of 60\.", text)
    assert shown is not None
    assert int(shown.group(1)) >= 1
    assert "Session 60: felt calm afterwards" in text
    assert "Session 1: felt calm" not in text


def test_the_page_reads_in_the_order_a_clinician_needs_it(tmp_path: Path) -> None:
    text = pdf_text(write_course_pdf(long_course(), tmp_path / "page.pdf", TODAY, "en", "A4"))
    order = [
        "My treatment at Riverside Clinic",
        "How it is going",
        "marks along the bottom are sessions",  # the chart, under the PHQ-9 in words
        "Blood pressure",
        "Things to talk about",
        "The plan, as the clinic described it",
        "Sessions The latest",  # the sessions block's heading (a signal can say "Sessions" too)
        "Patient Health Questionnaire",
    ]
    places = [text.index(part) for part in order]
    assert places == sorted(places)


def test_a_short_course_prints_every_session_with_its_note(tmp_path: Path) -> None:
    course = long_course(sessions=4)
    path = write_course_pdf(course, tmp_path / "page.pdf", TODAY, "en", "Letter")
    assert pdf_info(path)["Pages"] == "1"
    text = pdf_text(path)
    for n in range(1, 5):
        assert f"Session {n}: felt calm afterwards" in text
    assert "The latest" not in text


def test_a_course_with_no_check_in_yet_has_no_chart_and_still_one_page(tmp_path: Path) -> None:
    course = Course("Riverside Clinic", sessions=(DoseSession(START, "IV", bp_before=(150, 95)),))
    text = pdf_text(write_course_pdf(course, tmp_path / "page.pdf", TODAY, "en", "A4"))
    assert "marks along the bottom" not in text
    assert "No PHQ-9 check-ins yet" in text
    assert "150/95" in text


def test_the_paper_is_letter_in_the_us_and_canada_and_a4_elsewhere() -> None:
    assert [paper_for(c) for c in ("US", "CA", "us")] == ["Letter"] * 3
    assert [paper_for(c) for c in ("GB", "IE", "AU", "NZ", "OTHER", "", None)] == ["A4"] * 7


def test_every_sentence_the_core_writes_on_the_page_has_its_spanish() -> None:
    """The page hands the core a ``say`` read from the catalogue: a sentence the core adds (a
    new signal, say) must be translated there too, or a Spanish page would print it in
    English. Each Spanish one differs from the English and keeps its {placeholders}."""
    from kvet.content.translations import load_words, placeholders
    from kvet.exchange.coursereport import core_say
    from kvet.text.datewords import MONTHS
    from kvet.treatment import bloodpressure, coursetrend, reconsider
    from kvet.treatment.course import SIDE_EFFECT_LABELS, SUGGESTED_MARKERS

    english, spanish = core_say(load_words("en")), core_say(load_words("es"))
    core = (
        *coursetrend.TEMPLATES,
        *reconsider.TEMPLATES,
        *bloodpressure.TEMPLATES,
        *SIDE_EFFECT_LABELS.values(),
        *SUGGESTED_MARKERS,
    )
    missing = [t for t in core if spanish(t) == t]
    assert not missing, "run scripts/catalogue.py and translate in resources/catalogue/es.po:\n" + (
        "\n".join(missing)
    )
    for template in core:
        assert english(template) == template
        assert placeholders(spanish(template)) == placeholders(template), template
    assert [spanish(m) for m in MONTHS][:3] == ["ene", "feb", "mar"]


def test_a_plan_typed_at_great_length_is_printed_whole_not_cut(tmp_path: Path) -> None:
    """The store takes long texts; the page shrinks to fit, and past the smallest text it
    prints a second sheet rather than lose the end of what the person wrote."""
    long_plan = " ".join(f"word{n}" for n in range(3000)) + " THE END OF THE PLAN"
    course = Course(
        "Riverside Clinic", Plan(induction=long_plan), check_ins=long_course().check_ins
    )
    path = write_course_pdf(course, tmp_path / "page.pdf", TODAY, "en", "A4")
    assert int(pdf_info(path)["Pages"]) >= 2
    text = pdf_text(path)
    assert "THE END OF THE PLAN" in text
    assert "Patient Health Questionnaire" in text
    assert text.count("marks along the bottom are sessions") == 1
