"""A Spanish-speaking user opens kvet's sample and goes everywhere: no English is left but names.

Each screen is opened the way the menus open it, in Spanish, with the sample comparison (three
clinics, a course of treatment) so that every page has something to show. Names stay as they are:
the sample's clinics and people, and the titles of the documents the checklist cites.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from kvet.content.checklist import load_checklist
from kvet.exchange import files
from kvet.gui.main.language import install_translations
from kvet.gui.main.mainwindow import MainWindow
from kvet.gui.main.opendata import open_store
from kvet.gui.sharing.shareoptions import ShareOptionsDialog
from kvet.store.api import Store
from kvet.text import language
from tests.gui.layoutprobe import cut_texts
from tests.gui.visibletext import english_left, visible_texts

# A publication's own title or heading, quoted in a source's citation.
QUOTED = re.compile(r"“([^”]+)”")
# Bodies and programmes the sources name in their own language.
ORGANISATIONS = (
    "Royal College of Psychiatrists",
    "Risk Evaluation and Mitigation Strategy",
    "Canadian Journal of Psychiatry",
)
pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support propagateSizeHints\(\)", extend=True
)


@pytest.fixture
def spanish_window(qapp: QApplication, qtbot: QtBot, tmp_path: Path) -> Iterator[MainWindow]:
    language.set_active("es")
    install_translations(qapp, "es")
    store = Store.open(load_checklist(), tmp_path / "kvet.db")
    window = MainWindow(store)
    qtbot.addWidget(window)
    window.resize(1024, 700)  # the smallest screen kvet supports: Spanish is longer
    window.show()
    qtbot.waitExposed(window)
    window.open_sample()
    yield window
    for widget in QApplication.topLevelWidgets():
        if widget is not window and widget.isVisible():
            widget.close()
    window.close()
    store.close()
    install_translations(qapp, "en")


def names(window: MainWindow) -> list[str]:
    """What stays the same in every language: what people typed and the documents cited."""
    store = window.store
    found = [person.name for person in store.people.list()]
    for comparison in store.comparisons.list():
        found.append(comparison.name)
        for clinic in store.clinics.list(comparison.id):
            found += [clinic.name, clinic.notes]
    for source in store.checklist.sources:  # English publications, named as a reader finds them
        found += [source.citation.split(" — ")[0], *QUOTED.findall(source.citation)]
        found += QUOTED.findall(source.title)  # an article's own heading
    return [*found, *ORGANISATIONS]


def tabs_of(root: QWidget) -> Iterator[QTabWidget]:
    for tabs in root.findChildren(QTabWidget):
        if tabs.isVisibleTo(root):
            yield tabs


class Reading:
    """What a person reads on a screen, and what of it they cannot read whole."""

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.cut: list[str] = []

    def look(self, root: QWidget, where: str = "") -> None:
        settle(root)
        self.texts += visible_texts(root)
        self.cut += [f"{where}: {problem}" for problem in cut_texts(root)]


def settle(root: QWidget) -> None:
    for _ in range(3):
        QCoreApplication.sendPostedEvents()
        QApplication.processEvents()


def read_every_tab(root: QWidget) -> Reading:
    """The texts of ``root`` with each of its tabs shown in turn."""
    reading = Reading()
    reading.look(root)
    for tabs in list(tabs_of(root)):
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            reading.look(root, tabs.tabText(index))
    return reading


def main_window(window: MainWindow, qtbot: QtBot) -> Reading:
    reading = Reading()
    for row in range(window.ui.clinicsView.model().rowCount()):
        window.ui.clinicsView.selectRow(row)
        for index in range(window.ui.tabs.count()):
            window.show_tab(index)
            reading.look(window, f"clinic {row + 1}, {window.ui.tabs.tabText(index)}")
    return reading


def walkthrough(window: MainWindow, qtbot: QtBot) -> Reading:
    window.show_walkthrough()
    page = window.walkthrough
    reading = Reading()
    seen_kinds = set()
    for index, item in enumerate(page.items):
        if item.kind not in seen_kinds or index % 7 == 0:
            seen_kinds.add(item.kind)
            page.go(index)
            reading.look(window, item.id)
    return reading


def opened(open_it: Callable[[MainWindow], QWidget | None]) -> Callable[..., Reading]:
    def read(window: MainWindow, qtbot: QtBot) -> Reading:
        shown = open_it(window)
        assert shown is not None
        qtbot.waitExposed(shown)
        return read_every_tab(shown)

    return read


def import_dialog(window: MainWindow, qtbot: QtBot) -> Reading:
    assert window.store.path is not None
    shared = window.store.path.parent / "shared.kvet"
    files.export_comparison(window.store, window.state.comparison_id, shared)
    dialog = window.sharing.import_file(shared)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return read_every_tab(dialog)


def share_options(window: MainWindow, qtbot: QtBot) -> Reading:
    dialog = ShareOptionsDialog(window)
    dialog.show()
    qtbot.waitExposed(dialog)
    return read_every_tab(dialog)


SCREENS: dict[str, Callable[[MainWindow, QtBot], Reading]] = {
    "main window, every tab and clinic": main_window,
    "walkthrough": walkthrough,
    "add a clinic": opened(lambda w: w.add_clinic()),
    "edit a clinic": opened(lambda w: w.edit_clinic()),
    "call mode": opened(lambda w: w.open_call_mode()),
    "pre-screen": opened(lambda w: w.open_prescreen()),
    "my treatment": opened(lambda w: w.open_treatment()),
    "need help now": opened(lambda w: w.show_crisis_panel()),
    "about this guide": opened(lambda w: w.show_guide_page("about")),
    "before you decide": opened(lambda w: w.show_guide_page("before")),
    "country": opened(lambda w: w.choose_country()),
    "language": opened(lambda w: w.choose_language()),
    "about kvet": opened(lambda w: w.show_about()),
    "share options": share_options,
    "import": import_dialog,
}


@pytest.mark.parametrize("screen", SCREENS)
def test_a_spanish_speaker_finds_no_english_left(
    screen: str, spanish_window: MainWindow, qtbot: QtBot
) -> None:
    reading = SCREENS[screen](spanish_window, qtbot)
    assert reading.texts, "nothing was read: the screen did not open"
    left = english_left(reading.texts, names(spanish_window))
    assert not left, f"{screen}: English left for a Spanish reader:\n" + "\n".join(left)
    assert not reading.cut, f"{screen}: Spanish text cut:\n" + "\n".join(reading.cut)


def test_a_spanish_speaker_s_sample_is_written_in_spanish(spanish_window: MainWindow) -> None:
    store = spanish_window.store
    comparison = next(
        c for c in store.comparisons.list() if c.id == spanish_window.state.comparison_id
    )
    assert comparison.name == "Ejemplo (clínicas inventadas)"
    clinics = store.clinics.list(comparison.id)
    assert [c.name for c in clinics] == [f"Clínica {x} (inventada)" for x in "ABC"]
    assert all(c.notes.startswith("Esta clínica es inventada") for c in clinics)
    spanish_window.open_sample()  # asked again, the same sample is shown, not a second one
    assert len(store.comparisons.list()) == 2  # the first comparison and the sample


def test_a_spanish_speaker_starting_kvet_is_called_yo_not_me(
    qapp: QApplication, tmp_path: Path
) -> None:
    """The first person is named in the window's language; after that it is a name they own."""
    install_translations(qapp, "es")
    try:
        store = open_store(load_checklist(), tmp_path / "new.sqlite")
        assert store is not None
        assert store.people.default().name == "Yo"
        store.close()
        install_translations(qapp, "en")
        again = open_store(load_checklist(), tmp_path / "new.sqlite")
        assert again is not None
        assert again.people.default().name == "Yo"  # not renamed behind their back
        again.close()
        english = open_store(load_checklist(), tmp_path / "english.sqlite")
        assert english is not None
        assert english.people.default().name == "Me"
        english.close()
    finally:
        install_translations(qapp, "en")


def test_a_spanish_speaker_s_appointment_page_and_log_hold_no_english(
    spanish_window: MainWindow, tmp_path: Path
) -> None:
    """The page for the next appointment (as pdftotext reads it) and the CSV log, from the
    Spanish sample with entries that raise every signal and the blood pressure line: the
    summary, each signal with its advice, the dates, the chart and the mood signs in Spanish."""
    from datetime import date, timedelta

    from kvet.exchange.coursereport import course_csv
    from kvet.render.coursepage import write_course_pdf
    from kvet.treatment.course import DoseSession, MoodCheck, SideEffect
    from tests.test_exports import pdf_text

    store = spanish_window.store
    course_id = store.courses.list_courses()[0].id
    today = date.today()
    for n, gap in enumerate((6, 5, 2, 1)):  # sessions closer together, the dose raised twice
        store.courses.add(
            course_id,
            DoseSession(
                today - timedelta(days=gap),
                "Ketamina intravenosa",
                "Subió un poco",
                n >= 2,
                (150, 95),
                (162, 98),
                60,
                frozenset({SideEffect.MEMORY_ATTENTION, SideEffect.BLADDER, SideEffect.ANXIETY}),
                "Me costó volver a casa",
            ),
        )
    store.courses.add(course_id, MoodCheck(today, True, True, True, True))
    store.courses.set_plan(course_id, replace(store.courses.plan(course_id), review_at_session=2))
    course = store.courses.load(course_id)
    page = pdf_text(write_course_pdf(course, tmp_path / "cita.pdf", today))
    log = course_csv(course)
    for expected in ("Ánimo inestable", "Vale la pena comentarlo", "las marcas de abajo"):
        assert expected in page
    assert "agitación" in log
    left = english_left(
        [*page.split(". "), *log.splitlines()], [*names(spanish_window), course.clinic_name]
    )
    assert not left, "English left on the page or in the log:\n" + "\n".join(left)
