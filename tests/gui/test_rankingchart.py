"""The ranking chart draws, and says in words what it draws."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QPalette
from pytestqt.qtbot import QtBot

from kvet.content.checklist import Checklist, Item, Kind
from kvet.gui.pages.rankingchart import RankingChart
from kvet.gui.words.chartwords import EMPTY_MESSAGE, describe_ranking, status_words
from kvet.rating.answers import OPTIONS, Choice, ClinicAnswers
from kvet.rating.ranking import Ranking, rank
from kvet.rating.scoring import Scorer, Weights

pytestmark = pytest.mark.qt_log_ignore(
    r"This plugin does not support propagateSizeHints\(\)", extend=True
)


def general_items(checklist: Checklist) -> list[Item]:
    return [i for i in checklist.items if i.kind is not Kind.FACT and not i.formats]


def all_good(checklist: Checklist) -> dict[str, Choice]:
    return {i.id: OPTIONS[i.kind][0].choice for i in general_items(checklist)}


def ranking_of(checklist: Checklist, *clinics: ClinicAnswers) -> Ranking:
    return rank(Scorer(checklist).score_all(clinics))


def chart(qtbot: QtBot, ranking: Ranking | None = None) -> RankingChart:
    widget = RankingChart()
    qtbot.addWidget(widget)
    if ranking is not None:
        widget.set_ranking(ranking)
    widget.resize(widget.sizeHint())
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_an_empty_chart_says_so(qtbot: QtBot) -> None:
    widget = chart(qtbot)
    assert widget.accessibleName() == "Ranking chart"
    assert widget.accessibleDescription() == EMPTY_MESSAGE
    assert not widget.grab().isNull()


def test_a_single_fully_answered_clinic_is_settled(qtbot: QtBot, checklist: Checklist) -> None:
    ranking = ranking_of(checklist, ClinicAnswers("a", "Riverside", answers=all_good(checklist)))
    widget = chart(qtbot, ranking)
    description = widget.accessibleDescription()
    assert description.startswith("Ranking of 1 clinic. 1. Riverside: score so far 100 out of 100")
    assert "place can't change" in description
    assert "could change" not in description
    assert not widget.grab().isNull()


def test_the_description_names_the_first_clinic_and_what_could_change(
    qtbot: QtBot, checklist: Checklist
) -> None:
    items = general_items(checklist)
    half = {i.id: OPTIONS[i.kind][0].choice for i in items[: len(items) // 2]}
    ranking = ranking_of(
        checklist,
        ClinicAnswers("b", "Hillside", answers=half),
        ClinicAnswers("a", "Riverside", answers=all_good(checklist)),
        ClinicAnswers("c", "Not called yet"),
    )
    widget = chart(qtbot, ranking)
    description = widget.accessibleDescription()
    assert "Ranking of 3 clinics." in description
    first = ranking.places[0].result.name
    assert description.index(f"1. {first}:") < description.index("2. ")
    assert "place could change" in description
    # no answers: every question counts half, so the score so far is 50, anywhere from 0 to 100
    assert (
        "3. Not called yet: score so far 50 out of 100, could end between 0 and 100; "
        "no answers yet, not yet vetted" in description
    )
    image = widget.grab()
    assert image.width() > 0
    assert image.height() > 0


def test_a_dealbreaker_is_called_not_recommended_in_words(
    qtbot: QtBot, checklist: Checklist
) -> None:
    dealbreaker = next(i for i in checklist.items if i.dealbreaker)
    answers = {**all_good(checklist), dealbreaker.id: Choice.SEEN}
    ranking = ranking_of(
        checklist,
        ClinicAnswers("a", "Quick Keta", answers=answers),
        ClinicAnswers("b", "Riverside", answers=all_good(checklist)),
    )
    widget = chart(qtbot, ranking)
    place = ranking.places[-1]
    assert place.result.name == "Quick Keta"
    assert status_words(place)[0] == "not recommended"
    # the verdict comes before the number, which is there for reference only
    assert "2. Quick Keta: not recommended; for reference, score so far" in (
        widget.accessibleDescription()
    )
    assert not widget.grab().isNull()


def test_clinic_names_with_tags_are_literal_text(qtbot: QtBot, checklist: Checklist) -> None:
    ranking = ranking_of(
        checklist, ClinicAnswers("a", "<b>Bold</b>\nClinic", answers=all_good(checklist))
    )
    widget = chart(qtbot, ranking)
    assert "1. <b>Bold</b> Clinic:" in widget.accessibleDescription()
    assert not widget.grab().isNull()


def test_the_description_follows_new_rankings(qtbot: QtBot, checklist: Checklist) -> None:
    widget = chart(qtbot, ranking_of(checklist, ClinicAnswers("a", "Riverside")))
    assert "Riverside" in widget.accessibleDescription()
    widget.set_ranking(ranking_of(checklist))
    assert widget.accessibleDescription() == EMPTY_MESSAGE


def test_the_size_hint_grows_with_the_places(qtbot: QtBot, checklist: Checklist) -> None:
    one = ranking_of(checklist, ClinicAnswers("a", "A"))
    many = ranking_of(checklist, *(ClinicAnswers(str(n), f"Clinic {n}") for n in range(8)))
    widget = chart(qtbot, one)
    short = widget.sizeHint().height()
    widget.set_ranking(many)
    assert widget.sizeHint().height() > short
    assert widget.minimumSizeHint().height() < widget.sizeHint().height()


def test_it_paints_when_too_short_for_every_row(qtbot: QtBot, checklist: Checklist) -> None:
    many = ranking_of(checklist, *(ClinicAnswers(str(n), f"Clinic {n}") for n in range(8)))
    widget = chart(qtbot, many)
    widget.resize(360, 160)
    assert not widget.grab().isNull()


def test_it_paints_with_a_dark_palette_and_custom_weights(
    qtbot: QtBot, checklist: Checklist
) -> None:
    weights = Weights(sections={s.id: 0.0 for s in checklist.sections})  # nothing carries weight
    results = Scorer(checklist, weights).score_all([ClinicAnswers("a", "Weightless")])
    widget = chart(qtbot, rank(results))
    palette = QPalette(QColor("#202020"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#f0f0f0"))
    widget.setPalette(palette)
    assert not widget.grab().isNull()
    assert "no score, nothing to score" in describe_ranking(rank(results))


def test_in_its_scroll_area_only_the_rows_in_view_are_drawn_and_scrolling_draws_the_rest(
    qtbot: QtBot, checklist: Checklist
) -> None:
    """With many clinics the chart is taller than its place on the Compare page: drawing the
    rows out of view cost a tenth of a second per repaint at 200 clinics. Scrolled, or taken
    whole (a picture of the chart), every row is drawn."""
    from PySide6.QtWidgets import QScrollArea

    answers = all_good(checklist)
    clinics = [ClinicAnswers(f"c{n}", f"Clinic {n:02d}", answers=answers) for n in range(60)]
    widget = RankingChart()
    widget.set_ranking(ranking_of(checklist, *clinics))
    area = QScrollArea()
    qtbot.addWidget(area)
    area.setWidget(widget)
    area.resize(600, 300)
    widget.resize(560, widget.sizeHint().height())  # every row, as on the Compare page
    drawn: list[int] = []
    paint_row = widget._paint_row

    def counted(*args: object) -> None:
        drawn.append(args[-1])  # type: ignore[arg-type]
        paint_row(*args)  # type: ignore[arg-type]

    widget._paint_row = counted  # type: ignore[method-assign,assignment]
    area.show()
    qtbot.waitExposed(area)
    qtbot.waitUntil(lambda: bool(drawn))
    assert 0 < len(set(drawn)) < 20  # the rows in view, and one either side
    bar = area.verticalScrollBar()
    for end, place in ((bar.maximum(), 59), (bar.minimum(), 0)):
        drawn.clear()
        bar.setValue(end)
        qtbot.waitUntil(lambda place=place: place in drawn)  # type: ignore[misc]
        assert len(set(drawn)) < 20
    drawn.clear()
    assert not widget.grab().isNull()
    assert sorted(set(drawn)) == list(range(60))
