"""A Spanish-speaking user sees the window's own words in Spanish: tabs, menus, the crisis panel.

The expected Spanish is read from the translators' file (resources/translations/kvet_es.ts),
not copied here, so the test checks that the window shows what the translators wrote.
"""

from __future__ import annotations

import functools
import tomllib
import xml.etree.ElementTree as ET
from collections.abc import Container, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QMenu, QWidget
from pytestqt.qtbot import QtBot

import kvet
from kvet.content.checklist import Checklist
from kvet.content.country import COUNTRIES
from kvet.content.printwords import load_words, words_path
from kvet.gui.dialogs import country
from kvet.gui.dialogs.about import AboutDialog
from kvet.gui.dialogs.country import CountryBar
from kvet.gui.dialogs.crisis import CrisisDialog
from kvet.gui.main.language import install_translations, kvet_translations_dir
from kvet.gui.main.mainwindow import MainWindow
from kvet.rating.answers import Choice
from kvet.rating.placesentence import place_sentence
from kvet.rating.progress import progress
from kvet.rating.ranking import ORDER_SENTENCE, status_words
from kvet.rating.scoring import Scorer
from tests.gui.helpers import Session, add_clinic, harbor_first_because_hilltop_is_ruled_out

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support propagateSizeHints\(\)", extend=True
)
TABS = ("&Overview", "&Walk through", "Com&pare", "What &matters to you", "&Together")
MENUS = ("&File", "&Edit", "&Clinic", "&View", "&Help")


@pytest.fixture(autouse=True)
def back_to_english(qapp: QApplication) -> Iterator[None]:
    yield
    install_translations(qapp, "en")


# The contexts the core's sentences had in the .ts: they are in the catalogue now (es.po).
CORE_CONTEXTS = frozenset(
    (
        "Verdict",
        "Ranking",
        "Answers",
        "Dates",
        "Together",
        "Units",
        "Progress",
        "CourseWords",
        "ImportPlan",
        "PasswordStrength",
        "Backups",
        "Sample",
        "People",
    )
)


def ts_messages(contexts: Container[str | None]) -> list[tuple[str, str]]:
    """The English source and the Spanish of every message of these contexts of the window's
    own words (kvet_es.ts)."""
    root = ET.parse(kvet_translations_dir() / "kvet_es.ts").getroot()
    return [
        (message.findtext("source", ""), message.findtext("translation", ""))
        for ctx in root.iter("context")
        if ctx.findtext("name") in contexts
        for message in ctx.iter("message")
    ]


def spanish(context: str, english: str) -> str:
    """What the translators wrote for ``english``: the window's own words in kvet_es.ts, the
    core's sentences in the catalogue (resources/catalogue/es.po) the printouts read too."""
    root = ET.parse(kvet_translations_dir() / "kvet_es.ts").getroot()
    for ctx in root.iter("context"):
        if ctx.findtext("name") == context:
            for message in ctx.iter("message"):
                if message.findtext("source") == english:
                    return message.findtext("translation", "")
    if english in paper_spanish():  # the words the window shares with the printouts
        return paper_spanish()[english]
    if context in CORE_CONTEXTS:
        from kvet.content.catalogue import sentence
        from kvet.start.recovery import MONTHS

        long_month = context == "Backups" and english in MONTHS
        found = sentence(english, "es", "month" if long_month else "")
        if found != english:
            return found
    raise AssertionError(f"{english!r} is not in kvet_es.ts nor in the catalogue")


@functools.cache
def paper_spanish() -> dict[str, str]:
    """English -> Spanish of the printouts' words (words.toml), which the window shows too."""
    english, spanish = load_words("en"), load_words("es")
    raw = tomllib.loads(words_path().read_text(encoding="utf-8"))
    return {
        text: spanish(table, key)
        for table, texts in raw.items()
        for key, text in texts.items()
        if english(table, key) == text
    }


def tab_titles(window: MainWindow) -> list[str]:
    return [window.ui.tabs.tabText(i) for i in range(window.ui.tabs.count())]


def menu_titles(window: MainWindow) -> list[str]:
    return [a.text() for a in window.menuBar().actions()]


def start(qapp: QApplication, session: Session, code: str) -> MainWindow:
    assert install_translations(qapp, code) == (["qtbase_es", "kvet_es"] if code == "es" else [])
    return session.start()


def started_with(
    qapp: QApplication, qtbot: QtBot, session: Session, code: str, *clinics: str
) -> MainWindow:
    """The window started in the language `code`, with these clinics added as a person would."""
    window = start(qapp, session, code)
    for name in clinics:
        add_clinic(qtbot, window, name)
    return window


def test_in_spanish_the_tabs_menus_and_crisis_heading_are_spanish(
    qapp: QApplication, qtbot: QtBot, session: Session
) -> None:
    window = start(qapp, session, "es")
    assert tab_titles(window) == [spanish("MainWindow", t) for t in TABS]
    assert tab_titles(window)[3] == "Lo que le &importa"  # the term the checklist uses
    assert menu_titles(window) == [spanish("Actions", m) for m in MENUS]
    model = window.ui.clinicsView.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(1, 6)]
    assert headers == [
        spanish("ClinicTable", english)
        for english in ("Clinic", "Score", "Answered", "Red flags", "Status")
    ]
    assert spanish("MainWindow", "Welcome to kvet") in [
        label.text() for label in window.welcome.findChildren(QLabel)
    ]
    help_menu = window.menuBar().actions()[-1].menu()
    assert isinstance(help_menu, QMenu)
    assert help_menu.actions()[0].text() == spanish("Actions", "&Need help now?")
    panel = window.show_crisis_panel()
    assert isinstance(panel, CrisisDialog)
    qtbot.waitExposed(panel)
    assert panel.title.text() == spanish("Crisis", "Need help now?")
    assert panel.windowTitle() == "¿Necesita ayuda ahora?"
    assert panel.not_a_service.text().startswith("kvet no es un servicio de crisis")
    panel.close()


def test_about_in_spanish_names_the_languages_and_invites_corrections(
    qapp: QApplication, qtbot: QtBot, checklist: Checklist
) -> None:
    install_translations(qapp, "es")
    dialog = AboutDialog(checklist)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == spanish("AboutDialog", "About kvet")
    text = dialog.ui.translationsLabel.text()
    assert text.startswith("kvet se puede usar en: English, Español.")
    assert "Las correcciones son bienvenidas." in text
    assert dialog.ui.versionLabel.text().startswith(f"kvet versión {kvet.__version__} ·")


def test_the_walkthrough_answers_in_spanish(
    qapp: QApplication, qtbot: QtBot, session: Session
) -> None:
    window = started_with(qapp, qtbot, session, "es", "Harbour Clinic")
    assert window.ui.clinicsView.model().rowCount() == 1  # saved with "Guardar la clínica"
    window.show_walkthrough()
    page = window.walkthrough
    page.go([i.id for i in page.items].index("rf_no_screening"))  # a red flag
    form = page.form
    shown = [b.text() for b in form.option_buttons if b.isVisibleTo(form)]
    answers = ("Not seen", "Seen", "Not sure", "The clinic would not say")
    words = [spanish("Answers", w) for w in answers]
    assert shown == [f"{n}  {word}" for n, word in enumerate(words, start=1)]
    assert form.answer_caption.text() == spanish("ItemForm", "Your answer")
    form.option_buttons[1].click()  # "Lo vi": saved as "seen", whatever the language
    saved = window.state.store.answers.by_item(window.state.clinic_id, window.state.rater_id)
    assert saved["rf_no_screening"].choice is Choice.SEEN


def test_in_english_nothing_changes(qapp: QApplication, qtbot: QtBot, session: Session) -> None:
    window = start(qapp, session, "en")
    assert tab_titles(window) == list(TABS)
    assert menu_titles(window) == list(MENUS)
    panel = window.show_crisis_panel()
    assert isinstance(panel, QWidget)
    assert isinstance(panel, CrisisDialog)
    assert panel.title.text() == "Need help now?"
    panel.close()


def test_every_translation_differs_where_spanish_needs_other_words() -> None:
    """Guard against a .ts whose 'translations' are the English copied over."""
    root = ET.parse(Path(kvet_translations_dir(), "kvet_es.ts")).getroot()
    pairs = [
        (m.findtext("source", ""), m.findtext("translation", "")) for m in root.iter("message")
    ]
    same = [
        english
        for english, es in pairs
        if english == es and english not in ("kvet", "$ ", "No", "Australia", "plan", "Euro")
    ]
    assert same == []


def walkthrough_words(window: MainWindow) -> tuple[str, str, str, list[str]]:
    page = window.walkthrough
    buttons = [page.previous_button.text(), page.next_button.text(), page.call_button.text()]
    return page.title.text(), page.who.text(), page.progress.text(), buttons


def test_the_walkthrough_header_and_progress_in_spanish(
    qapp: QApplication, qtbot: QtBot, session: Session
) -> None:
    window = started_with(qapp, qtbot, session, "es", "Harbour Clinic")
    window.show_walkthrough()
    page = window.walkthrough
    page.form.option_buttons[0].click()  # one step done, the page moves on
    title, who, bar, buttons = walkthrough_words(window)
    assert title == "Repasando: Harbour Clinic"  # the clinic's name kept as typed
    person = next(r.name for r in window.store.people.list() if r.id == window.state.rater_id)
    assert who == spanish("Walkthrough", "Answers are recorded for: {person}").format(person=person)
    state = window.state
    answers = state.store.answers.by_item(state.clinic_id, state.rater_id)
    whole, counts = progress(
        Scorer(state.checklist, state.weights),
        frozenset(),
        {k: a.choice for k, a in answers.items()},
        {k: a.number for k, a in answers.items()},
    )
    steps = spanish("Walkthrough", "%v of %m steps done")
    steps = steps.replace("%v", "1").replace("%m", str(len(page.items)))
    assert bar == f"{steps} · {whole.words(lambda t: spanish('Progress', t))}"
    assert "preguntas respondidas" in bar
    assert buttons == [
        spanish("Walkthrough", english) for english in ("◀ Previous", "Next ▶", "Call mode…")
    ]
    first = state.checklist.sections_by_id[counts[0].section_id].title
    assert page.sections_model.item(0).text() == (
        f"{first} — {counts[0].words(lambda t: spanish('Progress', t))}"
    )


def test_in_english_the_walkthrough_header_and_progress_are_unchanged(
    qapp: QApplication, qtbot: QtBot, session: Session
) -> None:
    window = started_with(qapp, qtbot, session, "en", "Harbour Clinic")
    window.show_walkthrough()
    window.walkthrough.form.option_buttons[0].click()
    title, who, bar, buttons = walkthrough_words(window)
    assert title == "Walking through: Harbour Clinic"
    assert who.startswith("Answers are recorded for: ")
    assert bar.startswith(f"1 of {window.walkthrough.progress.maximum()} steps done · ")
    assert "questions answered" in bar
    assert buttons == ["◀ Previous", "Next ▶", "Call mode…"]


def test_the_country_bar_and_status_bar_in_spanish(
    qapp: QApplication, qtbot: QtBot, session: Session
) -> None:
    window = start(qapp, session, "es")
    bar = CountryBar(window.state, window)
    texts = [label.text() for label in bar.findChildren(QLabel)]
    assert spanish("Country", country.SHORT_QUESTION) in texts
    assert bar.confirm.text() == spanish("Country", "Use this country")
    names = [bar.combo.itemText(i) for i in range(bar.combo.count())]
    paper = load_words("es")  # the names are the printouts' words (one text for both)
    assert names == [paper("countries", info.code) for info in COUNTRIES]
    assert "Estados Unidos" in names
    window.state.set_country("IE")
    rules = spanish("Country", "Rules for: {country}")
    assert window.country_status.text() == rules.format(country="Irlanda")
    bar.deleteLater()


def test_in_english_the_country_words_are_unchanged(
    qapp: QApplication, qtbot: QtBot, session: Session
) -> None:
    window = start(qapp, session, "en")
    bar = CountryBar(window.state, window)
    assert bar.confirm.text() == "Use this country"
    names = [bar.combo.itemText(i) for i in range(bar.combo.count())]
    assert names == [info.name for info in COUNTRIES]
    window.state.set_country("IE")
    assert window.country_status.text() == "Rules for: Ireland"
    bar.deleteLater()


def test_the_clinic_list_status_and_ranking_note_in_spanish(
    qapp: QApplication, qtbot: QtBot, session: Session
) -> None:
    window = started_with(qapp, qtbot, session, "es", "Harbour Clinic", "Hill Clinic")
    model = window.ui.clinicsView.model()
    places = window.state.ranking.places
    shown = [model.index(row, 5).data() for row in range(model.rowCount())]
    assert shown == [spanish("Ranking", status_words(p)) for p in places]
    assert window.ui.rankingNote.text().startswith(spanish("Ranking", ORDER_SENTENCE))
    assert ORDER_SENTENCE not in window.ui.rankingNote.text()


def test_in_english_the_clinic_list_status_and_ranking_note_are_unchanged(
    qapp: QApplication, qtbot: QtBot, session: Session
) -> None:
    window = started_with(qapp, qtbot, session, "en", "Harbour Clinic", "Hill Clinic")
    model = window.ui.clinicsView.model()
    shown = [model.index(row, 5).data() for row in range(model.rowCount())]
    assert shown == [status_words(p) for p in window.state.ranking.places]
    assert [model.index(row, 4).data() for row in (0, 1)] == ["None seen", "None seen"]
    assert [model.index(row, 3).data() for row in (0, 1)] == [
        f"{p.result.answered} of {p.result.applicable}" for p in window.state.ranking.places
    ]
    assert window.ui.rankingNote.text().startswith(ORDER_SENTENCE)


def test_a_ruled_out_clinic_and_a_settled_first_place_in_spanish(
    qapp: QApplication, qtbot: QtBot, session: Session
) -> None:
    window = start(qapp, session, "es")
    _harbor, _hilltop, flag = harbor_first_because_hilltop_is_ruled_out(qtbot, window)
    ranking = window.state.ranking
    assert ranking.top_settled
    model = window.clinic_model
    assert model.index(0, 5).data() == "Aún sin revisar"  # only its red flags are answered
    harbor_place, hilltop_place = ranking.places
    answered = [model.index(row, 3).data() for row in (0, 1)]
    assert answered == [
        f"{p.result.answered} de {p.result.applicable}" for p in (harbor_place, hilltop_place)
    ]
    assert [model.index(row, 4).data() for row in (0, 1)] == ["Ninguna vista", "⚠ vistas: 1"]
    ruled_out = model.index(1, 5).data()
    assert ruled_out == f"No recomendada — señal de alerta vista: “{flag.statement}”"
    settled = place_sentence(ranking.places[0], ranking, lambda t: spanish("Ranking", t))
    assert settled.startswith("Puesto 1 sean cuales sean las respuestas que faltan")
    order = spanish("Ranking", ORDER_SENTENCE)
    assert window.ui.rankingNote.text() == f"{order} {settled}"
