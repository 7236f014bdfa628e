"""PHQ-9 scores, bands and the conventions read from them, checked on a table and by brute force."""

from __future__ import annotations

import itertools

import pytest

from kvet.treatment import phq9


@pytest.mark.parametrize(
    ("answers", "total", "band"),
    [
        ((0,) * 9, 0, "minimal"),
        ((0, 0, 0, 0, 1, 1, 1, 1, 0), 4, "minimal"),
        ((1, 1, 1, 1, 1, 0, 0, 0, 0), 5, "mild"),
        ((1, 1, 1, 1, 1, 1, 1, 1, 1), 9, "mild"),
        ((2, 2, 2, 2, 2, 0, 0, 0, 0), 10, "moderate"),
        ((2, 2, 2, 2, 2, 2, 2, 0, 0), 14, "moderate"),
        ((3, 3, 3, 3, 3, 0, 0, 0, 0), 15, "moderately severe"),
        ((3, 3, 3, 3, 3, 2, 2, 0, 1), 20, "severe"),
        ((3,) * 9, 27, "severe"),
    ],
)
def test_a_questionnaire_is_scored_and_banded_as_published(
    answers: tuple[int, ...], total: int, band: str
) -> None:
    assert phq9.score(answers) == total
    assert phq9.load_phq9().band(total) == band


def test_every_total_has_exactly_the_published_band() -> None:
    expected = {
        range(0, 5): "minimal",
        range(5, 10): "mild",
        range(10, 15): "moderate",
        range(15, 20): "moderately severe",
        range(20, 28): "severe",
    }
    data = phq9.load_phq9()
    for totals, name in expected.items():
        for total in totals:
            assert data.band(total) == name


@pytest.mark.parametrize("answers", [(0,) * 8, (0,) * 10, (0,) * 8 + (4,), (0,) * 8 + (-1,)])
def test_an_incomplete_or_impossible_questionnaire_has_no_score(answers: tuple[int, ...]) -> None:
    with pytest.raises(phq9.Phq9Error):
        phq9.score(answers)


def test_the_wording_is_the_instruments_own_with_its_attribution() -> None:
    data = phq9.load_phq9()
    assert len(data.items) == 9
    assert data.items[0].text == "Little interest or pleasure in doing things"
    assert [o.label for o in data.options] == [
        "Not at all",
        "Several days",
        "More than half the days",
        "Nearly every day",
    ]
    assert "Pfizer" in data.attribution
    assert "No permission required" in data.attribution
    assert data.safety_item == 9


def test_any_answer_above_not_at_all_on_question_nine_calls_for_help() -> None:
    for last in range(4):
        answers = (0,) * 8 + (last,)
        assert phq9.needs_help_now(answers) is (last > 0)
    assert not phq9.needs_help_now((3,) * 8 + (0,))


def test_question_nine_alone_calls_for_help_in_a_half_filled_check_in() -> None:
    # The person has answered only question 9 so far, by number: help opens now, not at the end.
    assert phq9.needs_help_now({9: 1})
    assert phq9.safety_answer({9: 2}) == 2
    # In order, with the questions not answered yet left empty (the form's own -1 too).
    assert phq9.needs_help_now((None,) * 8 + (3,))
    assert phq9.needs_help_now((-1,) * 8 + (1,))
    # Nothing else opens it: not other answers, "Not at all", or question 9 still unanswered.
    assert not phq9.needs_help_now({1: 3, 2: 3, 8: 3})
    assert not phq9.needs_help_now({9: 0})
    assert not phq9.needs_help_now((3,) * 8 + (-1,))
    assert not phq9.needs_help_now((3,) * 5)
    assert phq9.safety_answer((3,) * 8 + (-1,)) is None


def test_response_and_remission_agree_with_their_definitions_on_every_pair() -> None:
    # Brute force over every baseline and current total, against the definitions in words.
    for baseline, current in itertools.product(range(28), repeat=2):
        fall = phq9.change_from_baseline(baseline, current)
        halved = baseline > 0 and current * 2 <= baseline
        assert phq9.is_response(baseline, current) is halved
        if baseline:
            assert fall is not None
            assert fall == pytest.approx((baseline - current) / baseline)
        else:
            assert fall is None
        assert phq9.is_remission(current) is (current <= 4)


def test_the_issues_example_is_a_nineteen_percent_fall_and_no_response() -> None:
    fall = phq9.change_from_baseline(21, 17)
    assert fall is not None
    assert f"{fall:.0%}" == "19%"
    assert not phq9.is_response(21, 17)
