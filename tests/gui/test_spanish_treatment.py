"""A Spanish-speaking person keeps their treatment record in Spanish: every page of My treatment,
the signals worth talking about, and the PHQ-9 in its official Spanish wording.

The expected Spanish is read from the translators' file (``spanish``) or from the official
Spanish PHQ-9 (kvet.treatment.phq9), never copied here, so the tests check that the window shows
what the
translators and the questionnaire say.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTableView,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kvet.content.printwords import load_words
from kvet.gui.dialogs.crisis import CrisisDialog
from kvet.gui.main.language import install_translations
from kvet.gui.treatment import checkin, sessionlog
from kvet.gui.treatment.treatment import TreatmentWindow
from kvet.gui.words import coursewords
from kvet.text import datewords
from kvet.treatment import course as core_course
from kvet.treatment import coursetrend, phq9, reconsider, signalwords
from kvet.treatment.course import (
    CareSession,
    CheckIn,
    Course,
    DoseSession,
    MoodCheck,
    Plan,
    SideEffect,
)
from tests.gui.helpers import Session
from tests.gui.test_window_spanish import spanish, ts_messages

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support propagateSizeHints\(\)", extend=True
)
CONTEXTS = ("Treatment", "SessionLog", "Weekly", "CheckIn", "CourseChart", "CourseWords")
TABS = ("&How it is going", "P&lan", "&Sessions", "&PHQ-9 check-in", "&Each week")
# Words that would tell the person to stop treatment, in Spanish: no signal may say them.
STOP_WORDS = re.compile(r"\b(dej\w*|suspend\w*|parar|pare|paren|deten\w*|interrump\w*)\b", re.I)


@pytest.fixture(autouse=True)
def back_to_english(qapp: QApplication) -> Iterator[None]:
    yield
    install_translations(qapp, "en")


def open_treatment(
    qapp: QApplication, session: Session, qtbot: QtBot, code: str
) -> TreatmentWindow:
    install_translations(qapp, code)
    window = session.start()
    window.open_sample()
    tracker = window.open_treatment()
    assert isinstance(tracker, TreatmentWindow)
    qtbot.waitExposed(tracker)
    return tracker


def english_sources() -> set[str]:
    """Every English string of the treatment window's contexts, as the translators see them,
    and the English PHQ-9's own words."""
    found = {english for english, _translated in ts_messages(CONTEXTS)}
    data = phq9.load_phq9("en")
    found |= {data.stem, data.attribution, data.difficulty.text, *data.difficulty.options}
    found |= {o.label for o in data.options} | {b.name for b in data.bands}
    found |= {f"{q.number}. {q.text}" for q in data.items}
    return {text for text in found if re.search(r"[A-Za-z]{2}", text)}


def shown_texts(page: QWidget) -> list[str]:
    """What a person reads on a page: labels, buttons, titles, hints, list and header words."""
    texts: list[str] = []
    for widget in page.findChildren(QWidget):
        if not widget.isVisibleTo(page):
            continue
        texts += [widget.toolTip(), widget.accessibleName()]
        if isinstance(widget, QLabel | QAbstractButton):
            texts.append(widget.text())
        if isinstance(widget, QGroupBox):
            texts.append(widget.title())
        if isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
        if isinstance(widget, QAbstractSpinBox):
            texts.append(widget.specialValueText())
        if isinstance(widget, QSpinBox):
            texts.append(widget.suffix())
        if isinstance(widget, QComboBox) and widget.isEditable():
            texts += [widget.itemText(i) for i in range(widget.count())]
        if isinstance(widget, QTableView):
            model = widget.model()
            texts += [
                str(model.headerData(c, Qt.Orientation.Horizontal))
                for c in range(model.columnCount())
            ]
    return [text for text in texts if text]


def test_every_page_of_my_treatment_speaks_spanish(
    qapp: QApplication, qtbot: QtBot, session: Session
) -> None:
    tracker = open_treatment(qapp, session, qtbot, "es")
    assert tracker.windowTitle() == spanish("Treatment", "My treatment — kvet")
    tabs = [tracker.tabs.tabText(i) for i in range(tracker.tabs.count())]
    assert tabs == [spanish("Treatment", t) for t in TABS]
    # How it is going: the summary, the signals and the chart's description are Spanish.
    course = tracker.course()
    assert course is not None
    first = course.check_ins[0]
    band = phq9.load_phq9("es").band(first.total)
    assert tracker.progress.summary.text().startswith(
        spanish("CourseWords", coursetrend.BASELINE).format(
            score=first.total, band=band, day=coursewords.day_text(first.day)
        )
    )
    assert band == "grave"  # the sample's baseline of 20, in the Spanish bands
    assert tracker.progress.chart.accessibleDescription() == tracker.progress.summary.text()
    assert tracker.progress.chart.accessibleName() == spanish("CourseChart", "PHQ-9 over time")
    assert tracker.progress.signals_label.text().startswith(
        spanish("Treatment", "Worth talking about:")
    )
    assert spanish("CourseWords", signalwords.CHECKPOINT) in tracker.progress.signals_label.text()
    # Sessions: the form, the side effects, and the table's headers.
    form = tracker.sessions.session_form
    assert form.add_button.text() == spanish("SessionLog", "&Add session")
    assert [form.effects[e].text() for e in SideEffect] == [
        spanish("CourseWords", core_course.SIDE_EFFECT_LABELS[e]) for e in SideEffect
    ]
    model = tracker.sessions.sessions_model
    assert [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())] == [
        spanish("SessionLog", key) if table == "SessionLog" else load_words("es")(table, key)
        for table, key in sessionlog.COLUMNS
    ]
    session_one = course.sessions[0]
    assert model.data(model.index(0, 0)) == "{} {} {}".format(
        session_one.day.day,
        spanish("Dates", datewords.MONTHS[session_one.day.month - 1]),
        session_one.day.year,
    )
    # Each week: the suggested signs are shown in Spanish and still saved by their English.
    signs = tracker.weekly.markers
    assert signs["Cooking a meal"].text() == spanish("CourseWords", "Cooking a meal")
    # The sweep: on every page, nothing a person reads is the English it was made from.
    english = english_sources()
    left = []
    for index in range(tracker.tabs.count()):
        tracker.tabs.setCurrentIndex(index)
        qtbot.waitUntil(lambda: tracker.tabs.currentWidget().isVisible())
        page_texts = shown_texts(tracker)
        left += [(tabs[index], text) for text in page_texts if text in english]
    assert left == []


def test_a_wrong_blood_pressure_is_explained_in_spanish(
    qapp: QApplication, qtbot: QtBot, session: Session
) -> None:
    tracker = open_treatment(qapp, session, qtbot, "es")
    before = len(tracker.course().sessions)  # type: ignore[union-attr]
    tracker.sessions.session_form.bp_before.setText("abc")
    tracker.sessions.session_form.submit()
    assert tracker.problem.text() == spanish("CourseWords", core_course.BLOOD_PRESSURE_PROBLEM)
    assert len(tracker.course().sessions) == before  # type: ignore[union-attr]


def test_in_english_my_treatment_is_unchanged(
    qapp: QApplication, qtbot: QtBot, session: Session
) -> None:
    tracker = open_treatment(qapp, session, qtbot, "en")
    assert [tracker.tabs.tabText(i) for i in range(tracker.tabs.count())] == list(TABS)
    assert tracker.windowTitle() == "My treatment — kvet"
    course = tracker.course()
    assert course is not None
    assert tracker.progress.summary.text() == coursetrend.describe(course)
    assert tracker.progress.summary.text().startswith(
        f"Baseline PHQ-9 {course.check_ins[0].total} ("
    )
    assert tracker.sessions.session_form.add_button.text() == "&Add session"
    labels = [label.text() for label in tracker.checkin.findChildren(QLabel)]
    assert phq9.load_phq9("en").stem in labels
    assert "1. Little interest or pleasure in doing things" in labels


def test_question_nine_in_spanish_opens_need_help_now_at_once(
    qapp: QApplication, qtbot: QtBot, session: Session
) -> None:
    tracker = open_treatment(qapp, session, qtbot, "es")
    tracker.tabs.setCurrentIndex(3)
    form = tracker.checkin
    data = phq9.load_phq9("es")
    labels = [label.text() for label in form.findChildren(QLabel)]
    assert data.stem in labels
    assert f"9. {data.items[8].text}" in labels  # the official Spanish wording of question 9
    assert form.groups[8].button(1).text() == "Varios días"

    def help_is_open() -> bool:
        return any(
            isinstance(w, CrisisDialog) and w.isVisible() for w in QApplication.topLevelWidgets()
        )

    for group in form.groups[:8]:
        qtbot.mouseClick(group.button(1), Qt.MouseButton.LeftButton)
    assert not help_is_open()
    qtbot.mouseClick(form.groups[8].button(1), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(help_is_open)
    panel = next(w for w in QApplication.topLevelWidgets() if isinstance(w, CrisisDialog))
    assert panel.windowTitle() == spanish("Crisis", "Need help now?")
    assert form.safety.isVisible()
    assert form.safety.text() == spanish("CheckIn", checkin.SAFETY_WORDS)
    total = sum(b.checkedId() for b in form.groups)  # nine answers of "Varios días" (1 each)
    assert total == 9
    assert form.result.text() == spanish("CheckIn", "Total {total} of {most}: {band}.").format(
        total=total, most=27, band="leve"
    )
    count = len(tracker.course().check_ins)  # type: ignore[union-attr]
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    saved = tracker.course().check_ins  # type: ignore[union-attr]
    assert len(saved) == count + 1
    assert (1,) * 9 in [c.answers for c in saved]  # the answers, not the words, are kept
    panel.close()


def every_signal_course() -> tuple[Course, date]:
    """A course that raises every signal and passes the plan's review point unanswered: after a
    first phase of two sessions, sessions closer and closer with unplanned dose raises, memory
    problems twice, an agitated week, weekly therapy that stopped, and a PHQ-9 rising again."""
    start, day, sessions = date(2026, 9, 1), date(2026, 9, 1), []
    for gap, raised in ((0, False), (7, False), (7, False), (5, True), (3, True)):
        day += timedelta(days=gap)
        effects = frozenset({SideEffect.MEMORY_ATTENTION}) if raised else frozenset()
        sessions.append(DoseSession(day, dose_raised=raised, side_effects=effects))
    today = day + timedelta(days=1)
    course = Course(
        "A",
        plan=Plan(review_at_session=3, first_phase_sessions=2),
        sessions=tuple(sessions),
        check_ins=(
            CheckIn(date(2026, 8, 31), (3, 3, 2, 2, 2, 2, 2, 2, 0)),
            CheckIn(start + timedelta(days=14), (2, 2, 2, 2, 2, 2, 1, 1, 0)),
            CheckIn(day, (3, 3, 3, 3, 2, 2, 2, 2, 0)),
        ),
        mood_checks=(MoodCheck(today - timedelta(days=2), agitated=True),),
        care=tuple(CareSession(start - timedelta(days=d)) for d in range(7, 43, 7)),
    )
    return course, today


def test_in_spanish_every_signal_sends_the_person_to_their_clinician_and_none_says_stop(
    qapp: QApplication,
) -> None:
    install_translations(qapp, "es")
    course, today = every_signal_course()
    signals = reconsider.all_signals(course, today, coursewords.say)
    assert [s.key for s in signals if s.raised] == [
        "escalating",
        "side_effects",
        "mood",
        "care",
        "rising",
        "checkpoint",
    ]
    advice = spanish("CourseWords", signalwords.ADVICE)
    assert "profesional de salud que le trata" in advice
    english = {s.key: s for s in reconsider.all_signals(course, today)}
    for signal in signals:
        assert signal.advice == advice
        words = " ".join((signal.title, signal.rule, *signal.because, signal.advice))
        assert not STOP_WORDS.search(words), words
        assert signal.title != english[signal.key].title
        assert signal.rule != english[signal.key].rule
    # The care signal's counts: weekly therapy gives 4 in four weeks; none since.
    since = today - timedelta(days=reconsider.CARE_DAYS)
    care = sum(since < c.day <= today for c in course.care)
    (care_signal,) = (s for s in signals if s.key == "care")
    assert care_signal.because == (
        spanish("CourseWords", signalwords.CARE_FELL).format(
            expected=4, days=reconsider.CARE_DAYS, recent=care
        ),
    )
    assert care == 0
    # Every signal sentence the translators wrote, raised here or not, avoids "stop" too.
    for template in signalwords.TEMPLATES:
        assert not STOP_WORDS.search(spanish("CourseWords", template)), template


def test_no_spanish_text_is_cut_in_my_treatment_at_the_smallest_screen(
    qapp: QApplication, qtbot: QtBot, session: Session
) -> None:
    """Spanish runs about a quarter longer than English; every page still shows all of it."""
    from tests.gui.test_treatment import cut_on_every_page

    tracker = open_treatment(qapp, session, qtbot, "es")
    tracker.progress.rules_button.setChecked(True)  # the longest text on the first page
    assert cut_on_every_page(tracker, qtbot) == []
