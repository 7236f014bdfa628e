"""What a course costs on each format's usual schedule, and how long the travelling takes."""

from __future__ import annotations

from pathlib import Path

import pytest

from kvet.content.checklist import Checklist, Format
from kvet.exchange.report import report_html
from kvet.rating.costs import ESKETAMINE_SCHEDULE, IV_SCHEDULE, cost_by_schedule, travel_hours
from kvet.store.api import Store


def test_iv_and_esketamine_follow_their_own_schedules() -> None:
    facts = {"price_per_session": 500.0, "consult_fee": 350.0}
    iv, esk = cost_by_schedule(facts, [Format.ESKETAMINE, Format.IV])[::-1]
    # IV: 6 infusions over about 2.5 weeks, then one every 6 (least) or 2 (most) weeks
    assert iv.first_phase_sessions == 6
    assert iv.first_phase_cost == 350 + 6 * 500
    assert iv.first_year_low == 350 + 6 * 500 + 8 * 500  # 49.5 weeks / 6 = 8.25, so 8
    assert iv.first_year_high == 350 + 6 * 500 + 25 * 500  # 49.5 weeks / 2 = 24.75, so 25
    # esketamine: twice a week for 4 weeks, weekly for 4, then every 2 weeks or weekly
    assert esk.first_phase_sessions == 2 * 4
    assert esk.first_phase_cost == 350 + 8 * 500
    assert esk.first_year_low == 350 + (8 + 4 + 22) * 500
    assert esk.first_year_high == 350 + (8 + 4 + 44) * 500
    assert "Esketamine: about $4,350 for the first 8 sessions (the usual number)" in esk.sentence()


def test_the_clinics_own_schedule_is_preferred() -> None:
    facts = {"price_per_session": 400.0, "induction_sessions": 12.0}
    (esk,) = cost_by_schedule(facts, [Format.ESKETAMINE])
    assert esk.first_phase_sessions == 12
    assert esk.from_clinic
    assert esk.first_phase_cost == 12 * 400
    assert "(the clinic's number)" in esk.sentence()


def test_no_price_no_estimate_and_no_made_up_schedules() -> None:
    assert cost_by_schedule({}, [Format.IV]) == []
    assert cost_by_schedule({"price_per_session": 300.0}, [Format.IM, Format.ORAL]) == []


def test_travel_time_is_counted_there_and_back_for_each_session() -> None:
    assert travel_hours({"travel_minutes": 45.0}, 8) == pytest.approx(12.0)  # 45 × 2 × 8 / 60
    assert travel_hours({}, 8) is None


def test_the_schedules_name_their_sources(checklist: Checklist) -> None:
    for schedule in (IV_SCHEDULE, ESKETAMINE_SCHEDULE):
        for key in schedule.sources:
            assert key in checklist.sources_by_key


def test_the_report_shows_schedule_costs_and_travel(checklist: Checklist, tmp_path: Path) -> None:
    with Store.open(checklist, tmp_path / "kvet.sqlite") as store:
        comparison = store.comparisons.create("Spring")
        clinic = store.clinics.add(comparison.id, "Harbour", formats=(Format.IV,))
        store.answers.set_fact(clinic.id, "price_per_session", 450)
        store.answers.set_fact(clinic.id, "travel_minutes", 30)
        html = report_html(store, comparison.id)
    assert "IV ketamine: about $2,700 for the first 6 sessions" in html
    assert "Travel: about 6.0 hours there and back for the first 6 sessions" in html
