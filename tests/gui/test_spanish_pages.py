"""A Spanish-speaking family reads the Overview, Compare and Together pages in Spanish.

The expected Spanish comes from the translators' file (``spanish``), so these tests check that
the pages show what the translators wrote; a sweep then checks that no label, button or header
on a page still shows one of the English sources marked for it. The same stories in English
show the English words unchanged.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QWidget
from pytestqt.qtbot import QtBot

from kvet.content.catalogue import core_say, sentence
from kvet.content.checklist import Checklist
from kvet.gui.main.language import install_translations
from kvet.gui.main.mainwindow import MainWindow
from kvet.gui.words import verdictwords
from kvet.gui.words.chartwords import describe_ranking
from kvet.rating import combine, costs, scorewords
from kvet.rating.answers import Choice
from kvet.text import datewords
from tests.gui.helpers import Session
from tests.gui.test_window_spanish import spanish, start, started_with, ts_messages

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support propagateSizeHints\(\)", extend=True
)
QUESTION = "q_response_measure"  # how response is defined and measured
PAGE_CONTEXTS = ("Overview", "Compare", "RankingChart", "Together", "Verdict", "Ranking")


@pytest.fixture(autouse=True)
def back_to_english(qapp: QApplication) -> Iterator[None]:
    yield
    install_translations(qapp, "en")


def translators_say() -> Callable[[str], str]:
    """What the translators wrote for each core template: the catalogue the printouts read too."""
    return core_say("es")


def english_sources() -> set[str]:
    """The English of every message of these pages whose Spanish reads differently."""
    return {
        english.replace("&", "")
        for english, translated in ts_messages(PAGE_CONTEXTS)
        if english != translated
    }


def english_left(page: QWidget) -> list[str]:
    """Visible labels, buttons, group titles and accessible names that are still English."""
    shown: list[str] = []
    for widget in page.findChildren(QWidget):
        if not widget.isVisibleTo(page):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            shown.append(widget.text().replace("&", ""))
        if isinstance(widget, QGroupBox):
            shown.append(widget.title())
        shown += [widget.accessibleName(), widget.accessibleDescription()]
    sources = english_sources()
    return [text for text in shown if text in sources]


def two_clinics_one_ruled_out(window: MainWindow) -> tuple[str, str]:
    """Harbor has a price and two answers; Hilltop had a dealbreaker seen."""
    store = window.store
    harbor, hilltop = (c.id for c in sorted(window.state.clinics, key=lambda c: c.name))
    flag = next(i for i in store.checklist.items if i.dealbreaker and not i.formats)
    store.answers.set(hilltop, flag.id, Choice.SEEN)
    store.answers.set(harbor, QUESTION, Choice.CLEAR)
    store.answers.set(harbor, "rf_cure_promise", Choice.NOT_SEEN)
    store.answers.set_fact(harbor, costs.PRICE_PER_SESSION, 450.0)
    return harbor, hilltop


def test_the_overview_of_a_clinic_in_spanish(
    qapp: QApplication, qtbot: QtBot, session: Session
) -> None:
    window = started_with(qapp, qtbot, session, "es", "Harbor Clinic", "Hilltop Clinic")
    harbor, hilltop = two_clinics_one_ruled_out(window)
    say = translators_say()
    page = window.overview
    window.ui.tabs.setCurrentWidget(window.ui.overviewTab)

    window.state.select_clinic(harbor)
    result = window.state.results[harbor]
    assert page.summary.text() == result.summary(say)
    assert page.summary.text().startswith("Puntaje hasta ahora")
    assert page.cost.text().startswith(result.cost.sentence(say=say) if result.cost else "-")
    assert page.cost.text().startswith("Unos $2,700 por las primeras 6 sesiones")
    assert page.walk_button.text() == spanish("Overview", "Walk through the checklist")
    assert page.red_flags.text() == spanish("Overview", "No red flags seen so far.")
    assert spanish("Overview", "{score} out of 100").format(score="") in page.sections.text()
    assert english_left(page) == []

    window.state.select_clinic(hilltop)
    status = page.status.text()
    assert status.startswith(
        spanish("Overview", "Not recommended. A dealbreaker red flag was seen:")
    )
    reason = window.state.reasons(hilltop)[0]
    assert f"• {reason.sentence(say)}" in status
    assert "la vio" in status  # who saw it, and on which day, in Spanish
    assert page.summary.text().startswith(spanish("Verdict", scorewords.RULED_OUT_FIRST))
    assert english_left(page) == []


def test_in_english_the_overview_is_unchanged(
    qapp: QApplication, qtbot: QtBot, session: Session
) -> None:
    window = started_with(qapp, qtbot, session, "en", "Harbor Clinic", "Hilltop Clinic")
    harbor, hilltop = two_clinics_one_ruled_out(window)
    page = window.overview
    window.state.select_clinic(harbor)
    result = window.state.results[harbor]
    assert page.summary.text() == result.summary()
    assert page.summary.text().startswith(f"Score so far {result.score:.0f} out of 100, with 2 of")
    assert page.cost.text().startswith("About $2,700 for the first 6 sessions")
    assert page.walk_button.text() == "Walk through the checklist"
    assert "Walk through the checklist" in english_left(page)  # the sweep sees English
    window.state.select_clinic(hilltop)
    assert page.status.text().startswith("Not recommended. A dealbreaker red flag was seen:")
    assert " — seen by Me on " in page.status.text()


def test_the_compare_page_and_its_chart_in_spanish(
    qapp: QApplication, qtbot: QtBot, session: Session
) -> None:
    window = started_with(qapp, qtbot, session, "es", "Harbor Clinic", "Hilltop Clinic")
    two_clinics_one_ruled_out(window)
    window.ui.tabs.setCurrentWidget(window.ui.compareTab)
    page = window.compare
    state = window.state
    assert page.full_button.text() == spanish("Compare", "Open in its own window")
    description = page.chart.accessibleDescription()
    assert description == describe_ranking(state.ranking)
    assert description.startswith(
        spanish("RankingChart", "Ranking of {count} clinics.").format(count=2)
    )
    assert "no recomendada; como referencia" in description
    questions = page.decisive_model.stringList()
    say = translators_say()
    assert questions == [q.sentence(state.checklist, say) for q in state.ranking.decisive[:8]]
    assert all(q.startswith("Pregunte a ") for q in questions)
    model = page.matrix_model
    texts = {
        model.index(row, column).data()
        for row in range(model.rowCount())
        for column in range(model.columnCount())
    }
    assert spanish("Compare", "– not answered") in texts
    assert "– not answered" not in texts
    assert english_left(page) == []
    window_ = page.open_matrix_window()
    assert window_.windowTitle() == spanish("Compare", "All answers side by side")
    window_.close()


def test_in_english_the_compare_page_is_unchanged(
    qapp: QApplication, qtbot: QtBot, session: Session
) -> None:
    window = started_with(qapp, qtbot, session, "en", "Harbor Clinic", "Hilltop Clinic")
    two_clinics_one_ruled_out(window)
    window.ui.tabs.setCurrentWidget(window.ui.compareTab)  # a hidden page fills when shown
    page = window.compare
    assert page.full_button.text() == "Open in its own window"
    assert "Open in its own window" in english_left(page)
    assert page.chart.accessibleDescription().startswith("Ranking of 2 clinics. 1. Harbor")
    questions = page.decisive_model.stringList()
    assert questions
    assert all(q.startswith("Ask ") for q in questions)


def mum_and_me_differ(window: MainWindow) -> str:
    store = window.store
    clinic_id = window.state.clinics[0].id
    me = window.state.rater_id
    window.add_person("Mum")
    mum = next(r.id for r in store.people.list() if r.name == "Mum")
    store.answers.set(clinic_id, QUESTION, Choice.CLEAR, rater_id=me)
    store.answers.set(clinic_id, QUESTION, Choice.VAGUE, rater_id=mum)
    store.answers.set_note(clinic_id, QUESTION, "Receptionist was unsure", rater_id=mum)
    return clinic_id


def test_deciding_together_in_spanish(qapp: QApplication, qtbot: QtBot, session: Session) -> None:
    window = started_with(qapp, qtbot, session, "es", "Harbor Clinic")
    mum_and_me_differ(window)
    window.ui.tabs.setCurrentWidget(window.ui.togetherTab)
    page = window.together
    say = translators_say()
    assert page.count.text() == spanish("Together", "1 answer differs between you")
    differ = window.state.disagreements()[0]
    assert page.model.item(0).text() == f"Harbor Clinic — {differ.sentence(say)}"
    assert "Mum: respuesta vaga" in page.model.item(0).text()  # the name kept as typed
    assert page.rule_text.text() == spanish("Together", combine.RULE_TEXT[combine.Rule.CAUTIOUS])
    assert page.rule_combo.currentText() == spanish("Together", "The more cautious answer counts")
    assert "“Receptionist was unsure”" in page.detail_text.text()
    assert spanish("Together", " — they noted: “{note}”").split("“")[0] in page.detail_text.text()
    buttons = [b.text() for b in page.detail.findChildren(QAbstractButton)]
    clear = spanish("Answers", "Clear answer")
    settle = spanish("Together", "Settle as “{answer}”").format(answer=clear)
    assert settle in buttons
    assert english_left(page) == []

    next(b for b in page.detail.findChildren(QAbstractButton) if b.text() == settle).click()
    assert page.count.text() == spanish("Together", "No answers differ between you.")
    settled = page.settled.text()
    assert "quedó como respuesta clara; lo decidió Mum el " in settled  # as the report says it
    assert english_left(page) == []


def test_in_english_deciding_together_is_unchanged(
    qapp: QApplication, qtbot: QtBot, session: Session
) -> None:
    window = started_with(qapp, qtbot, session, "en", "Harbor Clinic")
    mum_and_me_differ(window)
    window.ui.tabs.setCurrentWidget(window.ui.togetherTab)  # a hidden page fills when shown
    page = window.together
    assert page.count.text() == "1 answer differs between you"
    assert "How answers are combined:" in english_left(page)
    assert "Mum: vague answer — on “" in page.model.item(0).text()
    page.settle(window.state.disagreements()[0], window.state.disagreements()[0].opinions[0])
    assert "settled as clear answer, by Mum on " in page.settled.text()


def test_a_month_is_written_in_spanish_and_english_dates_are_unchanged() -> None:
    from datetime import date

    days = [date(2026, month, 28) for month in range(1, 13)]
    assert [datewords.day_words(d) for d in days] == [f"{d:%d %b %Y}" for d in days]
    say = translators_say()
    assert datewords.day_words(date(2026, 8, 3), say) == "03 ago 2026"


def test_the_clinic_list_tooltip_and_the_choosers_in_spanish(
    qapp: QApplication, qtbot: QtBot, session: Session
) -> None:
    window = started_with(qapp, qtbot, session, "es", "Harbor Clinic", "Hilltop Clinic")
    _harbor, hilltop = two_clinics_one_ruled_out(window)
    model = window.clinic_model
    row = model.row_of(hilltop)
    tip = model.index(row, 5).data(Qt.ItemDataRole.ToolTipRole)
    say = translators_say()
    assert spanish("ClinicTable", "Not recommended:") in tip
    assert window.state.results[hilltop].summary(say) in tip
    views = [window.ui.viewCombo.itemText(i) for i in range(window.ui.viewCombo.count())]
    me = next(r.name for r in window.store.people.list())
    assert views == [
        spanish("Controller", "Everyone together"),
        spanish("Controller", "{name} only").format(name=me),
    ]
    raters = window.ui.raterCombo
    assert raters.itemText(raters.count() - 1) == spanish("Controller", "Add a person…")


def test_the_undo_menu_names_the_step_in_spanish_and_keeps_the_name(
    qapp: QApplication, qtbot: QtBot, session: Session
) -> None:
    window = started_with(qapp, qtbot, session, "es", "Harbor Clinic")
    step = spanish("Undo", "Add clinic") + " “Harbor Clinic”"
    assert window.undo_action.text() == spanish("MainWindow", "&Undo {step}").format(step=step)
    window.undo()
    assert window.redo_action.text() == spanish("MainWindow", "&Redo {step}").format(step=step)


def test_every_step_the_store_records_has_its_words_marked(session: Session) -> None:
    """A step named by the store but missing from UNDO_WORDS would stay English in the menu."""
    from kvet.gui.main.undosteps import UNDO_WORDS, undo_words

    store = session.start().store
    steps = []

    def did(step: Callable[[], object]) -> None:
        step()
        steps.append(store.history.undo_text)

    comparison = store.comparisons.create("Second")
    steps.append(store.history.undo_text)
    did(lambda: store.comparisons.rename(comparison.id, "Two"))
    clinic = store.clinics.add(comparison.id, "Harbor Clinic")
    steps.append(store.history.undo_text)
    did(lambda: store.answers.set(clinic.id, QUESTION, Choice.CLEAR))
    did(lambda: store.answers.set_note(clinic.id, QUESTION, "They use the PHQ-9"))
    did(lambda: store.answers.set_fact(clinic.id, costs.PRICE_PER_SESSION, 450.0))
    did(lambda: store.people.rename(store.people.list()[0].id, "Ana"))
    did(lambda: store.clinics.delete(clinic.id))
    did(lambda: store.comparisons.delete(comparison.id))
    assert all(isinstance(step, str) for step in steps)
    named = [step.partition(" “")[0] for step in steps if step]
    assert [words for words in named if words not in UNDO_WORDS] == []
    assert undo_words("Add clinic “Harbor Clinic”") == "Add clinic “Harbor Clinic”"  # English


def test_in_english_the_undo_menu_is_unchanged(
    qapp: QApplication, qtbot: QtBot, session: Session
) -> None:
    window = started_with(qapp, qtbot, session, "en", "Harbor Clinic")
    assert window.undo_action.text() == "&Undo Add clinic “Harbor Clinic”"
    assert window.ui.viewCombo.itemText(0) == "Everyone together"


def test_how_old_an_answer_is_in_spanish(
    qapp: QApplication, qtbot: QtBot, session: Session
) -> None:
    from kvet.gui.pages.walkthrough import AGE_WORDS
    from kvet.store.records import AGE_WORDS as CORE_AGE_WORDS

    assert AGE_WORDS == CORE_AGE_WORDS
    window = started_with(qapp, qtbot, session, "es", "Harbor Clinic")
    window.show_walkthrough()
    page = window.walkthrough
    page.form.option_buttons[0].click()  # answered now; the page moves on
    page.go(0)
    today = spanish("Walkthrough", "checked today")
    assert page.form.age_label.text() == spanish("ItemForm", "Answer {age}.").format(age=today)
    assert page.form.age_label.text() == "Respuesta revisada hoy."


def test_the_crash_language_and_problem_messages_in_spanish(
    qapp: QApplication, qtbot: QtBot, session: Session
) -> None:
    from kvet.gui.common.problems import import_problem, save_problem
    from kvet.gui.dialogs.errors import ErrorDialog
    from kvet.gui.main.languagedialog import LanguageDialog
    from kvet.gui.pages.weights import factor_words

    window = start(qapp, session, "es")
    crash = ErrorDialog("details")
    qtbot.addWidget(crash)
    assert crash.windowTitle() == spanish("ErrorDialog", "Something went wrong")
    assert crash.message.text().startswith("kvet tuvo un problema que no esperaba.")
    crash.copy_details()
    assert crash.copy_button.text() == spanish("ErrorDialog", "Copied")
    chooser = LanguageDialog(window.store.settings)
    qtbot.addWidget(chooser)
    assert chooser.windowTitle() == spanish("LanguageDialog", "Language")
    assert chooser.note.text().startswith("kvet usará el idioma que elija")
    problem = import_problem("not a kvet file", "hermana.kvet")
    assert problem.what.startswith(
        spanish("Problems", "Nothing was imported and nothing was changed.")
    )
    assert "“hermana.kvet”" in problem.what  # the file's name as it is
    assert save_problem("informe", "disk full").what.startswith("kvet no pudo guardar: informe.")
    assert [factor_words(n) for n in range(5)] == ["Nada", "Un poco", "Lo normal", "Más", "Mucho"]
    panel = window.weights_panel
    header = panel.item_model.headerData(1, Qt.Orientation.Horizontal)
    assert header == spanish("WeightsPanel", "Weight")


def test_in_english_the_crash_and_problem_messages_are_unchanged(
    qapp: QApplication, qtbot: QtBot
) -> None:
    from kvet.gui.common.problems import import_problem
    from kvet.gui.dialogs.errors import MESSAGE, TITLE, ErrorDialog

    install_translations(qapp, "en")
    crash = ErrorDialog("details")
    qtbot.addWidget(crash)
    assert (crash.windowTitle(), crash.message.text()) == (TITLE, MESSAGE)
    assert import_problem("not a kvet file", "x.kvet").what == (
        "Nothing was imported and nothing was changed. “x.kvet” is damaged, or it is not a "
        "comparison saved by kvet."
    )


def test_the_checklists_units_read_in_spanish(qapp: QApplication, checklist: Checklist) -> None:
    """Units are data the overlays keep in English; each one a person reads has its words."""
    units = {item.unit for item in checklist.items}
    worded = units - set(verdictwords.UNCHANGED_UNITS)
    assert worded
    assert all(sentence(unit, "es") != unit for unit in worded), worded
    install_translations(qapp, "es")
    assert verdictwords.unit_words("minutes") == spanish("Units", "minutes")
    assert combine.answer_text(None, 30.0, "minutes", verdictwords.say) == "30 minutos"
    assert combine.answer_text(None, 450.0, "USD", verdictwords.say) == "450 USD"
    install_translations(qapp, "en")
    assert combine.answer_text(None, 30.0, "minutes", verdictwords.say) == "30 minutes"
