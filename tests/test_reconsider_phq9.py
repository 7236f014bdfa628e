"""The PHQ-9's own limits, which the signals rely on: a questionnaire file out of its range is
refused, and a total outside 0 to 27 is never read. Pinned at each edge for scripts/mutate.py."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from kvet.treatment import phq9


def test_a_total_runs_from_0_to_27() -> None:
    for total in (0, 27):
        phq9.check_total(total)
    for total in (-1, 28):
        with pytest.raises(phq9.Phq9Error):
            phq9.check_total(total)


@pytest.mark.parametrize(
    ("model", "fields"),
    [
        (phq9.Option, {"value": -1, "label": "x"}),
        (phq9.Option, {"value": 4, "label": "x"}),
        (phq9.Question, {"number": 0, "text": "x"}),
        (phq9.Question, {"number": 10, "text": "x"}),
        (phq9.Band, {"low": -1, "high": 4, "name": "x"}),
        (phq9.Band, {"low": 0, "high": -1, "name": "x"}),
        (phq9.Band, {"low": 0, "high": 28, "name": "x"}),
    ],
)
def test_a_questionnaire_file_out_of_range_is_refused(
    model: type, fields: dict[str, object]
) -> None:
    with pytest.raises(ValidationError):
        model(**fields)


def test_the_edges_of_each_range_are_allowed() -> None:
    assert phq9.Option(value=0, label="x").value == 0
    assert phq9.Option(value=3, label="x").value == 3
    assert phq9.Question(number=1, text="x").number == 1
    assert phq9.Question(number=9, text="x").number == 9
    assert phq9.Band(low=0, high=0, name="x").high == 0
    assert phq9.Band(low=27, high=27, name="x").low == 27


def test_the_safety_question_is_one_of_the_nine() -> None:
    data = phq9.load_phq9("en").model_dump()
    for number in (1, 9):
        assert phq9.Phq9.model_validate({**data, "safety_item": number}).safety_item == number
    for number in (0, 10):
        with pytest.raises(ValidationError):
            phq9.Phq9.model_validate({**data, "safety_item": number})


def test_the_response_definition_applies_from_a_baseline_of_10() -> None:
    assert not phq9.response_applies(9)
    assert phq9.response_applies(10)
    assert phq9.response_applies(27)


def test_not_at_all_on_question_9_is_an_answer_and_a_blank_is_not() -> None:
    assert phq9.safety_answer([0] * 9) == 0
    assert phq9.safety_answer({9: 0}) == 0
    assert phq9.safety_answer({9: 1}) == 1
    assert phq9.safety_answer({1: 2}) is None
    assert phq9.safety_answer({9: -1}) is None  # the form's "not answered yet"
    assert phq9.safety_answer([0] * 8) is None
    assert not phq9.needs_help_now([0] * 9)
    assert phq9.needs_help_now({9: 1})
