"""The Overview says a settled score is settled, and names the clinic whose answers could still
change a place, in English and in Spanish (the printouts: tests/test_settled_wording.py).

Seen: "It could end between 84 and 84", and "Place 1 for now: answers still to come could
change it" for a clinic with one question left, which read as if that last answer mattered.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from kvet.content.checklist import Format, Kind
from kvet.gui.main.language import install_translations
from kvet.gui.main.mainwindow import MainWindow
from kvet.gui.words.chartwords import describe_ranking
from kvet.rating.scoring import Weights
from tests.gui.helpers import Session
from tests.test_scoring import good_answers

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support propagateSizeHints\(\)", extend=True
)


@pytest.fixture(autouse=True)
def back_to_english(qapp: QApplication) -> Iterator[None]:
    yield
    install_translations(qapp, "en")


def riverside_with_one_light_question_left(window: MainWindow) -> str:
    """Riverside: every question answered well but one, which weighs too little to move its
    score a point; Hillview: five answers so far."""
    store = window.state.store
    checklist = window.state.checklist
    comparison = store.comparisons.create("Spring search")
    riverside = store.clinics.add(comparison.id, "Riverside", formats=(Format.IV,))
    hillview = store.clinics.add(comparison.id, "Hillview", formats=(Format.IV,))
    answers = good_answers(checklist)
    last = next(i.id for i in reversed(checklist.items) if i.kind is Kind.QUESTION)
    for item, choice in answers.items():
        if item != last:
            store.answers.set(riverside.id, item, choice)
    for item, choice in list(answers.items())[:5]:
        store.answers.set(hillview.id, item, choice)
    store.settings.set_weights(comparison.id, Weights(items={last: 0.01}))
    window.state.switch_comparison(comparison.id)
    window.state.select_clinic(riverside.id)
    return riverside.id


@pytest.mark.parametrize(
    ("code", "settled", "between", "names", "generic", "chart"),
    [
        (
            "en",
            "The answers still to come cannot change it: the score is settled.",
            "between {score} and {score}",
            "Place 1 for now: once more answers are in, Hillview could still come above it.",
            "answers still to come could change it",
            "settled: answers still to come cannot change it",
        ),
        (
            "es",
            "Las respuestas que faltan no pueden cambiarlo: el puntaje ya está definido.",
            "entre {score} y {score}",
            "Puesto 1 por ahora: cuando haya más respuestas, Hillview todavía podría quedar "
            "por encima de esta clínica.",
            "las respuestas que faltan podrían cambiarlo",
            "definido: las respuestas que faltan no pueden cambiarlo",
        ),
    ],
)
def test_the_overview_says_settled_and_names_who_could_still_come_above(
    qapp: QApplication,
    session: Session,
    code: str,
    settled: str,
    between: str,
    names: str,
    generic: str,
    chart: str,
) -> None:
    install_translations(qapp, code)
    window = session.start()
    clinic = riverside_with_one_light_question_left(window)
    result = window.state.results[clinic]
    assert result.answered == result.applicable - 1
    score = f"{result.score:.0f}"
    overview = window.overview
    summary, status = overview.summary.text(), overview.status.text()
    assert settled in summary
    assert between.format(score=score) not in summary
    assert status == names
    assert generic not in status
    # the chart's words for screen readers: not "no open questions", as one is still open
    said = describe_ranking(window.state.ranking)
    assert chart in said
