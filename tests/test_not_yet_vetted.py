"""A clinic barely asked about is "not yet vetted", listed after the vetted ones; and the number
is called what it is, a score so far with open questions counted as half, not a prediction.

A family has called one clinic through (a few honest "no"s) and asked another only three easy
questions, all good. Counting open questions as half, the barely-asked clinic's number can be
the higher one; it must not head the list as if it had been checked as well.
"""

from __future__ import annotations

from pathlib import Path

from kvet.content.checklist import Checklist, Kind
from kvet.content.printwords import load_words
from kvet.exchange import report
from kvet.rating.answers import Choice, ClinicAnswers
from kvet.rating.placesentence import place_sentence
from kvet.rating.ranking import ORDER_SENTENCE, rank, status_words
from kvet.rating.scoring import Scorer, Weights
from kvet.store.api import Store

GOOD = {Kind.RED_FLAG: Choice.NOT_SEEN, Kind.PRACTICE: Choice.YES, Kind.QUESTION: Choice.CLEAR}


def called_through(checklist: Checklist) -> dict[str, Choice]:
    """Every item answered; every practice missing and every answer vague."""
    bad = {Kind.RED_FLAG: Choice.NOT_SEEN, Kind.PRACTICE: Choice.NO, Kind.QUESTION: Choice.VAGUE}
    return {i.id: bad[i.kind] for i in checklist.items if i.kind in bad and not i.formats}


def barely_asked(checklist: Checklist) -> dict[str, Choice]:
    """Three answers, all good."""
    items = [i for i in checklist.items if i.kind in GOOD and not i.formats][:3]
    return {i.id: GOOD[i.kind] for i in items}


def test_a_barely_asked_clinic_is_not_yet_vetted_and_comes_after_the_vetted_one(
    checklist: Checklist,
) -> None:
    scorer = Scorer(checklist, Weights())
    vetted = scorer.score(ClinicAnswers("v", "Called Clinic", answers=called_through(checklist)))
    barely = scorer.score(ClinicAnswers("b", "Asked Clinic", answers=barely_asked(checklist)))
    assert barely.score is not None
    assert vetted.score is not None
    assert barely.score > vetted.score  # counting open questions as half, it looks better
    assert barely.coverage < 0.5 <= vetted.coverage
    ranking = rank([barely, vetted])
    first, second = ranking.places
    assert first.result.clinic_id == "v"
    assert second.result.clinic_id == "b"
    assert status_words(second) == "Not yet vetted"
    assert status_words(first) != "Not yet vetted"
    assert "not yet vetted" in place_sentence(second, ranking)


def test_the_number_is_called_a_score_so_far_not_an_expected_score(
    checklist: Checklist, tmp_path: Path
) -> None:
    scorer = Scorer(checklist, Weights())
    partly = scorer.score(ClinicAnswers("b", "Asked Clinic", answers=barely_asked(checklist)))
    nothing = scorer.score(ClinicAnswers("n", "New Clinic"))
    for said in (partly.summary(), nothing.summary(), ORDER_SENTENCE):
        assert "expected" not in said.lower()
        assert "score so far" in said.lower()
    words = load_words("en")
    assert words("table", "expected_score").startswith("Score so far")
    with Store.open(checklist, tmp_path / "kvet.sqlite", daily_backup=False) as store:
        comparison = store.comparisons.create("Calls")
        store.clinics.add(comparison.id, "Asked Clinic")
        printed = report.report_html(store, comparison.id)
    assert "Expected score" not in printed
    assert "Score so far out of 100 (open questions count as half)" in printed
