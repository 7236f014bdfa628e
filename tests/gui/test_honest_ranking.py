"""Stories about what the ranking says: the order explained, verdicts before numbers, counts
that agree, and whose choice a dealbreaker is."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kvet.content.checklist import Kind
from kvet.gui.main.mainwindow import MainWindow
from kvet.rating.answers import Choice
from kvet.rating.ranking import ORDER_SENTENCE
from kvet.rating.scorewords import points_text
from tests.gui.helpers import (
    Session,
    add_clinic,
    find_button,
    harbor_first_because_hilltop_is_ruled_out,
)


def open_sample(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.mouseClick(find_button(window, "Open the sample comparison"), Qt.MouseButton.LeftButton)


def test_points_are_said_in_words_that_read_right() -> None:
    assert points_text(1.2) == "1 point"
    assert points_text(-0.6) == "1 point"
    assert points_text(0.4) == "0 points"
    assert points_text(12) == "12 points"


def test_the_compare_page_says_how_the_order_is_made_and_what_could_change_it(
    session: Session, qtbot: QtBot
) -> None:
    window = session.start()
    open_sample(window, qtbot)
    window.ui.tabs.setCurrentWidget(window.ui.compareTab)  # a hidden page fills when shown
    page = window.compare
    assert page.order_note.text() == ORDER_SENTENCE
    ranking = window.state.ranking
    assert not ranking.top_settled
    assert page.decisive_note.text().startswith("The first place could still change.")
    listed = page.decisive_model.stringList()
    assert listed
    assert listed == [q.sentence(window.state.checklist) for q in ranking.decisive[: len(listed)]]
    items = window.state.checklist.items_by_id
    first = ranking.decisive[0]
    # the question to ask, in the words to ask it, and what one answer could do
    assert f"“{items[first.item_id].how_to_ask}”" in listed[0]
    assert "rule the clinic out" in listed[0] or "change which clinic is first" in listed[0]
    # the ruled-out clinic's number is shown in brackets only, after the words
    flagged = next(p for p in ranking.places if p.result.not_recommended)
    row = window.clinic_model.row_of(flagged.result.clinic_id)
    assert window.clinic_model.index(row, 2).data() == f"({flagged.result.score:.0f})"
    assert "Clinic C (fictional): not recommended; for reference" in (
        page.chart.accessibleDescription()
    )


def test_a_clinic_first_only_because_the_other_is_ruled_out_is_not_called_good(
    session: Session, qtbot: QtBot
) -> None:
    window = session.start()
    harbor, _hilltop, _flag = harbor_first_because_hilltop_is_ruled_out(qtbot, window)
    ranking = window.state.ranking
    assert ranking.places[0].result.clinic_id == harbor
    assert ranking.top_settled
    window.state.select_clinic(harbor)
    said = window.overview.status.text()
    assert said.startswith(
        "Place 1 whatever the answers still to come, because the other "
        "clinics are ruled out. That says nothing about how good this clinic"
    )
    window.ui.tabs.setCurrentWidget(window.ui.compareTab)  # a hidden page fills when shown
    assert window.compare.decisive_note.text() == said
    # only its red flags have answers, less than half of its weight: not yet vetted, which the
    # status says rather than "Place can't change"
    assert window.clinic_model.index(0, 5).data() == "Not yet vetted"
    assert "settled" not in window.ui.rankingNote.text().lower()


def test_still_to_ask_shows_the_question_to_ask_and_counts_agree_with_the_walkthrough(
    session: Session, qtbot: QtBot
) -> None:
    window = session.start()
    add_clinic(qtbot, window, "Harbor Clinic", ("IV ketamine infusion",))
    clinic_id = window.state.clinics[0].id
    store = window.store
    questions = [i for i in store.checklist.items if i.kind is not Kind.FACT]
    store.answers.set(clinic_id, questions[0].id, Choice.NOT_SEEN)
    store.answers.set(clinic_id, questions[1].id, Choice.NOT_SURE)  # a step done, not an answer
    store.answers.set_fact(clinic_id, "price_per_session", 500)
    window.state.select_clinic(clinic_id)
    result = window.state.results[clinic_id]
    still = window.overview.still.text()
    first_open = store.checklist.items_by_id[result.still_to_ask[0]]
    assert f"• {first_open.how_to_ask}\n   Checking: {first_open.statement}" in still

    window.show_walkthrough()
    page = window.walkthrough
    shown = page.progress.text()
    assert f"{result.answered} of {result.applicable} questions answered" in shown
    # the table's "Answered" column says the same numbers
    assert window.clinic_model.index(0, 3).data() == f"{result.answered} of {result.applicable}"
    assert shown.startswith(f"3 of {len(page.items)} steps done")
    overview_lines = window.overview.sections.text().splitlines()
    for section in result.sections:
        if not section.applicable:
            continue
        listed = next(
            page.sections_model.item(r).text()
            for r in range(page.sections_model.rowCount())
            if page.sections_model.item(r).text().startswith(section.title + " — ")
        )
        words = "question" if section.applicable == 1 else "questions"
        assert f"{section.answered} of {section.applicable} {words} answered" in listed
        assert any(
            line.startswith(section.title)
            and f"({section.answered} of {section.applicable} {words} answered)" in line
            for line in overview_lines
        )


def test_a_dealbreaker_says_whether_it_is_kvets_suggestion_or_the_users_choice(
    session: Session, qtbot: QtBot
) -> None:
    window = session.start()
    add_clinic(qtbot, window, "Harbor Clinic")
    clinic_id = window.state.clinics[0].id
    checklist = window.state.checklist
    suggested = next(i for i in checklist.items if i.dealbreaker and not i.formats)
    optional = next(
        i
        for i in checklist.items
        if i.kind is Kind.RED_FLAG and not i.dealbreaker and not i.formats
    )
    boxes = window.weights_panel.dealbreaker_boxes

    def shown(item_id: str) -> str:  # the words beside the box (they wrap on a narrow window)
        row = boxes[item_id].parentWidget()
        assert row is not None
        label = row.findChild(QLabel)
        assert label is not None
        return label.text()

    assert shown(suggested.id) == suggested.statement
    assert boxes[suggested.id].toolTip() == "kvet suggests this as a dealbreaker."
    assert shown(optional.id) == optional.statement
    boxes[optional.id].click()  # the user makes it a dealbreaker
    assert shown(optional.id) == f"{optional.statement} (your choice)"
    assert boxes[optional.id].accessibleName().endswith("(your choice)")
    assert boxes[optional.id].toolTip() == "You chose this as a dealbreaker."
    assert window.store.settings.weights(window.state.comparison_id).dealbreakers == {
        optional.id: True
    }

    window.store.answers.set(clinic_id, suggested.id, Choice.SEEN)
    window.store.answers.set(clinic_id, optional.id, Choice.SEEN)
    window.state.select_clinic(clinic_id)
    lines = window.overview.status.text().splitlines()
    assert lines[0] == "Not recommended. A dealbreaker red flag was seen:"
    by_item = {line.split("” — ")[0][3:]: line for line in lines[1:]}
    assert by_item[suggested.statement].endswith(
        "A red flag kvet counts as a dealbreaker; you can change this in What matters to you."
    )
    assert by_item[optional.statement].endswith("A red flag you chose as a dealbreaker.")
    status = window.clinic_model.index(0, 5).data()
    assert status == f"Not recommended — red flag seen: “{suggested.statement}” and 1 more"
