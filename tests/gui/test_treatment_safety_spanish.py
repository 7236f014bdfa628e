"""The safety steps of My treatment in Spanish: the question-9 line, the help button, the note
after a mood check with a sign, and the counted words of the summary. The Spanish is read from
the translators' file, never copied here."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kvet.gui.main.language import install_translations
from kvet.gui.treatment.weekly import MoodNoteDialog
from kvet.gui.words import coursewords
from kvet.treatment import coursetrend
from kvet.treatment.course import CheckIn, Course, DoseSession
from tests.gui.helpers import Session, find_button
from tests.gui.layoutprobe import cut_texts
from tests.gui.test_spanish_treatment import english_sources, open_treatment, shown_texts
from tests.gui.test_window_spanish import spanish

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support propagateSizeHints\(\)", extend=True
)
START = date(2026, 3, 2)


@pytest.fixture(autouse=True)
def back_to_english(qapp: QApplication) -> Iterator[None]:
    yield
    install_translations(qapp, "en")


def test_question_nine_help_and_the_mood_note_speak_spanish(
    qapp: QApplication, qtbot: QtBot, session: Session
) -> None:
    tracker = open_treatment(qapp, session, qtbot, "es")
    assert tracker.help_button.text() == spanish("Treatment", "Need help now?")
    day = date(2026, 3, 12)
    tracker.store.courses.add(tracker.course_id, CheckIn(day, (2, 2, 1, 1, 1, 1, 1, 1, 1)))
    assert tracker.progress.safety_trace.text() == spanish(
        "CourseWords", coursetrend.SAFETY
    ).format(day=coursewords.day_text(day), number=9, answer="Varios días")
    assert tracker.progress.safety_trace.text().startswith("El 12 mar 2026, la pregunta 9")
    # On the smallest screen, the line and the rest of the page are shown whole.
    tracker.resize(1024, 700)
    tracker.tabs.setCurrentIndex(0)
    qtbot.waitUntil(tracker.progress.safety_trace.isVisible)
    QApplication.processEvents()
    assert cut_texts(tracker) == []
    tracker.weekly.racing.setChecked(True)
    qtbot.mouseClick(
        find_button(tracker.weekly, spanish("Weekly", "Save mood check")),
        Qt.MouseButton.LeftButton,
    )
    qtbot.waitUntil(lambda: tracker.mood_note is not None and tracker.mood_note.isVisible())
    note = tracker.mood_note
    assert isinstance(note, MoodNoteDialog)
    assert tracker.weekly.racing.text() in note.saved_label.text()
    english = english_sources()
    left = [t for t in (note.windowTitle(), *shown_texts(note)) if t in english]
    assert left == []
    assert "hoy si puede" in note.contact_label.text()
    qtbot.waitExposed(note)
    assert cut_texts(note) == []
    note.close()


def spanish_course(checks: tuple[tuple[int, int], ...], sessions: int) -> Course:
    return Course(
        "Clínica",
        sessions=tuple(DoseSession(START + timedelta(days=1 + 3 * i)) for i in range(sessions)),
        check_ins=tuple(
            CheckIn(START + timedelta(days=d), (*(min(3, max(0, t - 3 * i)) for i in range(8)), 0))
            for d, t in checks
        ),
    )


@pytest.mark.parametrize("count", [1, 2, 8, 11, 18])
def test_the_spanish_summary_counts_sessions_in_the_right_number(
    qapp: QApplication, count: int
) -> None:
    install_translations(qapp, "es")
    text = coursetrend.describe(spanish_course(((0, 12),), count), coursewords.say)
    expected = "{count} sesión" if count == 1 else "{count} sesiones"
    assert text.endswith(
        spanish("CourseWords", coursetrend.RECORDED).format(what=expected.format(count=count))
    )
    assert not re.search(r"\b1 sesiones", text)


def test_the_spanish_summary_reads_right_for_an_80_percent_fall_and_a_low_baseline(
    qapp: QApplication,
) -> None:
    install_translations(qapp, "es")
    fall = coursetrend.describe(spanish_course(((0, 20), (20, 4)), 1), coursewords.say)
    assert "una bajada del 80%" in fall
    assert "1 sesión" in fall
    assert "2 cuestionarios" in fall
    low = coursetrend.describe(spanish_course(((0, 6), (20, 3)), 2), coursewords.say)
    assert spanish("CourseWords", coursetrend.RESPONSE) not in low
    assert (
        spanish("CourseWords", coursetrend.RESPONSE_LOW_BASELINE).format(least=10, score=6) in low
    )
    before = coursetrend.describe(spanish_course(((0, 14), (7, 10)), 0), coursewords.say)
    assert " 0 " not in before
    assert spanish("CourseWords", coursetrend.NO_SESSIONS) in before
