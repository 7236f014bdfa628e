"""A clinic that will not say is not rewarded for it.

A family calls two clinics. One answers everything, including some honest "no"s. The other
dodges every red flag and practice. Recorded as "The clinic would not say", the dodging counts as
a bad answer, so the evasive clinic cannot rank above the transparent one; and a dealbreaker it
would not talk about is not cleared: the clinic is not ruled out, but its place is never shown as
settled, and its summary says why.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from kvet.content.checklist import Checklist, Kind
from kvet.exchange import files
from kvet.exchange.csvexport import table_csv
from kvet.exchange.importchecks import check_answers
from kvet.exchange.table import build_table
from kvet.rating import scorewords
from kvet.rating.answers import OPTIONS, Choice, ClinicAnswers, credit, label
from kvet.rating.combine import Opinion, Rule, combine
from kvet.rating.ranking import STATUS_OPEN, rank, status_words
from kvet.rating.scoring import Scorer, Weights
from kvet.store.api import Store

GOOD = {Kind.RED_FLAG: Choice.NOT_SEEN, Kind.PRACTICE: Choice.YES, Kind.QUESTION: Choice.CLEAR}
BAD = (Choice.SEEN, Choice.NO)


def transparent(checklist: Checklist, weights: Weights) -> dict[str, Choice]:
    """Everything answered, honestly: one practice in three missing ("No"), and a red flag
    (not a dealbreaker) seen now and then."""
    answers = {}
    practices = 0
    for item in checklist.items:
        if item.kind is Kind.PRACTICE:
            practices += 1
            answers[item.id] = Choice.NO if practices % 3 == 0 else Choice.YES
        elif item.kind is Kind.RED_FLAG and not weights.is_dealbreaker(item) and practices % 3:
            answers[item.id] = Choice.SEEN
        elif item.kind in GOOD:
            answers[item.id] = GOOD[item.kind]
    return answers


def evasive(checklist: Checklist, weights: Weights) -> dict[str, Choice]:
    """The same clinic, had it dodged: "would not say" to each red flag it has and each practice
    it lacks, and to one red flag it does not have; the comfortable answers given."""
    honest = transparent(checklist, weights)
    dodged = {item_id: Choice.REFUSED for item_id, c in honest.items() if c in BAD}
    spared = next(item_id for item_id, c in honest.items() if c is Choice.NOT_SEEN)
    return {**honest, **dodged, spared: Choice.REFUSED}


def test_red_flags_and_practices_offer_would_not_say_counted_as_not_good() -> None:
    for kind in (Kind.RED_FLAG, Kind.PRACTICE):
        assert Choice.REFUSED in [o.choice for o in OPTIONS[kind]]
        assert label(kind, Choice.REFUSED) == "The clinic would not say"
        assert credit(kind, Choice.REFUSED) == 0.0  # like "Seen" or "No", not like "Not sure"
        assert credit(kind, Choice.NOT_SURE) is None


def test_an_evasive_clinic_cannot_rank_above_a_transparent_one_with_some_honest_nos(
    checklist: Checklist,
) -> None:
    weights = Weights()
    scorer = Scorer(checklist, weights)
    honest = scorer.score(
        ClinicAnswers("honest", "Open Clinic", answers=transparent(checklist, weights))
    )
    dodging = scorer.score(
        ClinicAnswers("dodging", "Quiet Clinic", answers=evasive(checklist, weights))
    )
    assert honest.score is not None
    assert dodging.score is not None
    assert dodging.score < honest.score
    assert not dodging.not_recommended  # nothing was seen: it is not ruled out, only not cleared
    ranking = rank([dodging, honest])
    assert [p.result.clinic_id for p in ranking.places] == ["honest", "dodging"]


def test_a_dealbreaker_the_clinic_would_not_say_about_is_not_cleared(
    checklist: Checklist,
) -> None:
    weights = Weights()
    dealbreaker = next(i for i in checklist.items if weights.is_dealbreaker(i))
    scorer = Scorer(checklist, weights)
    everything_good = {i.id: GOOD[i.kind] for i in checklist.items if i.kind in GOOD}
    withheld = scorer.score(
        ClinicAnswers("a", "Clinic A", answers={**everything_good, dealbreaker.id: Choice.REFUSED})
    )
    cleared = scorer.score(
        ClinicAnswers("b", "Clinic B", answers=transparent(checklist, weights))  # lower
    )
    assert withheld.dealbreakers_withheld == (dealbreaker.id,)
    assert dealbreaker.id in withheld.dealbreakers_unknown  # it could still rule the clinic out
    assert not withheld.not_recommended
    assert scorewords.NOT_CLEARED in withheld.summary()
    assert withheld.score is not None
    assert cleared.score is not None
    assert withheld.score > cleared.score
    ranking = rank([withheld, cleared])
    first = ranking.places[0]
    assert first.result.clinic_id == "a"
    # Nothing is left to ask, yet the place is not settled: the dealbreaker is not cleared.
    assert not first.settled
    assert status_words(first) == STATUS_OPEN


def test_together_an_honest_seen_or_no_counts_over_would_not_say() -> None:
    when = datetime(2026, 3, 1, tzinfo=UTC)

    def said(choice: Choice, minutes: int) -> Opinion:
        return Opinion("r", "Mum", choice, None, "", "phone", when.replace(minute=minutes))  # type: ignore[arg-type]

    for kind, honest in ((Kind.RED_FLAG, Choice.SEEN), (Kind.PRACTICE, Choice.NO)):
        for order in (
            (said(honest, 1), said(Choice.REFUSED, 2)),
            (said(Choice.REFUSED, 1), said(honest, 2)),
        ):
            assert combine(kind, order, Rule.CAUTIOUS) == (honest, None)


def test_would_not_say_is_saved_shared_and_read_back(checklist: Checklist, tmp_path: Path) -> None:
    red_flag = next(i for i in checklist.items if i.kind is Kind.RED_FLAG)
    practice = next(i for i in checklist.items if i.kind is Kind.PRACTICE)
    with Store.open(checklist, tmp_path / "kvet.sqlite", daily_backup=False) as store:
        comparison = store.comparisons.create("Calls")
        clinic = store.clinics.add(comparison.id, "Quiet Clinic")
        store.answers.set(clinic.id, red_flag.id, Choice.REFUSED)
        store.answers.set(clinic.id, practice.id, Choice.REFUSED)
        shared = tmp_path / "calls.kvet"
        files.export_comparison(store, comparison.id, shared)
    document = files.read_document(shared, None)
    choices = {a.item_id: a.choice for s in document.assessments for a in s.answers}
    assert choices[red_flag.id] == Choice.REFUSED
    assert choices[practice.id] == Choice.REFUSED
    with Store.open(checklist, tmp_path / "family.sqlite", daily_backup=False) as family:
        check_answers(family, document)  # a relative's kvet takes the file as it is


def test_the_spreadsheet_says_would_not_say_in_each_language(
    checklist: Checklist, tmp_path: Path
) -> None:
    red_flag = next(i for i in checklist.items if i.kind is Kind.RED_FLAG and not i.formats)
    with Store.open(checklist, tmp_path / "kvet.sqlite", daily_backup=False) as store:
        comparison = store.comparisons.create("Calls")
        clinic = store.clinics.add(comparison.id, "Quiet Clinic")
        store.answers.set(clinic.id, red_flag.id, Choice.REFUSED)
        table = build_table(store, comparison.id)
    english, spanish = table_csv(table, lang="en"), table_csv(table, lang="es")
    assert "The clinic would not say" in english
    assert "La clínica no quiso decirlo" in spanish
    assert "The clinic would not say" not in spanish
