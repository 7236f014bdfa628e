"""Stories about the user's country: only rules that apply where they live are asked and scored."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from kvet.content.checklist import (
    Checklist,
    ChecklistError,
    Format,
    default_checklist_path,
    parse_checklist,
)
from kvet.content.country import (
    ASKED_KEY,
    PREFERENCE_KEY,
    CountryError,
    confirm_country,
    current_country,
    mark_asked,
    normalise,
    set_country,
    start_country,
    stored_country,
)
from kvet.exchange.report import call_sheet_html, report_html
from kvet.rating.answers import Choice
from kvet.store.api import Store

US_ONLY = ("vs_rems", "vs_esk_two_hours")


@pytest.fixture
def store(checklist: Checklist, tmp_path: Path) -> Iterator[Store]:
    with Store.open(checklist, tmp_path / "kvet.sqlite") as opened:
        yield opened


def esketamine_clinic(store: Store) -> tuple[str, str]:
    comparison = store.comparisons.create("Spray clinics")
    clinic = store.clinics.add(comparison.id, "Harbour Clinic", formats=(Format.ESKETAMINE,))
    # a few general answers, so the clinic has a score to move
    store.answers.set(clinic.id, "rf_no_screening", Choice.NOT_SEEN)
    store.answers.set(clinic.id, "vs_pulse_ox", Choice.YES)
    return comparison.id, clinic.id


def test_a_uk_esketamine_clinic_is_not_asked_rems_questions(store: Store) -> None:
    set_country(store.settings, "GB")
    _comparison, clinic = esketamine_clinic(store)
    asked = {
        i.id for i in store.settings.country_checklist.items if i.applies_to([Format.ESKETAMINE])
    }
    assert not asked & set(US_ONLY)
    # the UK user is asked what kvet can say for the UK instead, and is told what it cannot
    assert {"vs_esk_local_rules", "vs_esk_observation", "uk_specialist_service"} <= asked
    assert "kvet does not know" in store.checklist.item("vs_esk_local_rules").why_it_matters
    sheet = call_sheet_html(store, clinic)
    assert "REMS" not in sheet
    assert store.checklist.item("vs_esk_local_rules").how_to_ask in sheet


def test_answering_rems_questions_does_not_move_a_uk_clinics_score(store: Store) -> None:
    set_country(store.settings, "GB")
    comparison, clinic = esketamine_clinic(store)
    before = store.scores.results(comparison)[0][0]
    for item_id in US_ONLY:
        store.answers.set(clinic, item_id, Choice.NO)  # honest: the UK has no REMS
    after = store.scores.results(comparison)[0][0]
    assert (after.score, after.low, after.high) == (before.score, before.low, before.high)
    assert (after.answered, after.applicable) == (before.answered, before.applicable)
    # the answers are kept, not dropped: they count again if the user moves to the US
    assert {"vs_rems", "vs_esk_two_hours"} <= set(store.answers.by_item(clinic))


def test_the_same_answers_do_count_for_a_us_clinic(store: Store) -> None:
    set_country(store.settings, "US")
    comparison, clinic = esketamine_clinic(store)
    before = store.scores.results(comparison)[0][0]
    for item_id in US_ONLY:
        store.answers.set(clinic, item_id, Choice.NO)
    after = store.scores.results(comparison)[0][0]
    assert after.answered == before.answered + 2
    assert after.score is not None
    assert before.score is not None
    assert after.score < before.score
    # and the stand-ins for other countries are not asked in the US
    assert not {"vs_esk_local_rules", "vs_esk_observation"} & {
        i.id for i in store.settings.country_checklist.items
    }


def test_us_insurance_items_are_asked_only_in_the_us(checklist: Checklist) -> None:
    us = {i.id for i in checklist.for_country("US").items}
    for code in ("CA", "GB", "IE", "AU", "NZ", "OTHER"):
        there = {i.id for i in checklist.for_country(code).items}
        assert not {"lc_insurance_us", "lc_superbill_us"} & there, code
        assert {"lc_cover_gb", "lc_cover_au", "lc_cover_local"} & there, code  # something to ask
    assert {"lc_insurance_us", "lc_superbill_us"} <= us
    assert not {"lc_cover_gb", "lc_cover_local"} & us


def test_no_country_chosen_means_every_item_is_kept(checklist: Checklist) -> None:
    assert checklist.for_country(None) is checklist


def test_the_report_says_whose_rules_it_used(store: Store) -> None:
    comparison, _clinic = esketamine_clinic(store)
    assert "no country chosen" in report_html(store, comparison)
    set_country(store.settings, "GB")
    assert "Rules for: United Kingdom" in report_html(store, comparison)


def test_an_unknown_country_is_refused_and_nothing_changes(store: Store) -> None:
    set_country(store.settings, "IE")
    with pytest.raises(CountryError, match="does not know that country"):
        set_country(store.settings, "Atlantis")
    assert stored_country(store.settings) == "IE"


def test_the_system_locale_is_only_a_starting_point(store: Store) -> None:
    assert stored_country(store.settings) is None
    assert start_country(store.settings, "nz") == ("NZ", True)  # first start: asked, NZ preselected
    mark_asked(store.settings)
    assert start_country(store.settings, "US") == (
        "NZ",
        False,
    )  # kept; the system never overrides it
    assert confirm_country(store.settings, "uk") == "GB"  # the common name for the UK works too
    assert current_country(store.settings, "US") == "GB"
    assert store.settings.preference(PREFERENCE_KEY) == "GB"
    assert store.settings.preference(ASKED_KEY) == "1"


@pytest.mark.parametrize(
    ("system", "expected"), [("GB", "GB"), ("au", "AU"), ("FR", "OTHER"), ("", "OTHER")]
)
def test_a_country_kvet_has_no_rules_for_gets_the_general_advice(
    system: str, expected: str
) -> None:
    assert normalise(system) == expected


def test_a_checklist_naming_an_unknown_country_is_refused() -> None:
    raw = tomllib.loads(default_checklist_path().read_text(encoding="utf-8"))
    raw["items"][0]["countries"] = ["XX"]
    with pytest.raises(ChecklistError, match=r"rf_no_screening.*countries|unknown country 'XX'"):
        parse_checklist(raw)


def test_a_uk_family_is_not_asked_to_settle_a_us_only_question(store: Store) -> None:
    set_country(store.settings, "GB")
    comparison, clinic = esketamine_clinic(store)
    mum = store.people.add("Mum")
    for item_id in ("vs_rems", "vs_pulse_ox"):
        store.answers.set(clinic, item_id, Choice.YES)
        store.answers.set(clinic, item_id, Choice.NO, rater_id=mum.id)
    assert [d.item_id for d in store.decisions.disagreements(comparison)] == ["vs_pulse_ox"]
    set_country(store.settings, "US")
    assert {d.item_id for d in store.decisions.disagreements(comparison)} == {
        "vs_rems",
        "vs_pulse_ox",
    }
