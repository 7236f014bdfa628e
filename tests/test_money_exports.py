"""Prices keep their currency everywhere they are shown: the CSV, the report, the call sheet and
the shared file. Nothing is converted, and older files and databases read as US dollars.

``tests/data/shared-v3.kvet`` was saved by kvet before it knew currencies (schema version 3):
one clinic, 450 a session and a 300 first fee, entered as USD, and a 9,000 budget.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kvet.content.checklist import Checklist, Format
from kvet.exchange import csvexport, files, importer, report
from kvet.exchange.table import build_table
from kvet.rating.budget import Budget
from kvet.rating.scoring import Weights
from kvet.store.api import Store

OLD_FILE = Path(__file__).parent / "data" / "shared-v3.kvet"


@dataclass(frozen=True)
class Search:
    store: Store
    comparison_id: str
    london: str  # priced in pounds
    boston: str  # priced in dollars


@pytest.fixture
def search(checklist: Checklist, tmp_path: Path) -> Iterator[Search]:
    """A family in the UK who also looked at a clinic in the US."""
    with Store.open(checklist, tmp_path / "mine.sqlite", daily_backup=False) as store:
        comparison = store.comparisons.create("Our search")
        london = store.clinics.add(comparison.id, "London Clinic", formats=[Format.IV])
        boston = store.clinics.add(
            comparison.id, "Boston Clinic", formats=[Format.IV], currency="USD"
        )
        store.clinics.update(london.id, currency="GBP")
        store.answers.set_fact(london.id, "price_per_session", 1200.0)
        store.answers.set_fact(london.id, "consult_fee", 250.0)
        store.answers.set_fact(boston.id, "price_per_session", 500.0)
        budget = Budget(20_000.0, currency="GBP")
        store.settings.set_weights(comparison.id, Weights(budget=budget))
        yield Search(store, comparison.id, london.id, boston.id)


def test_the_csv_shows_each_price_in_its_clinics_currency(search: Search) -> None:
    text = csvexport.table_csv(build_table(search.store, search.comparison_id))
    rows = list(csv.reader(io.StringIO(text)))
    header = rows[0]
    london, boston = header.index("London Clinic"), header.index("Boston Clinic")
    (price,) = [r for r in rows if r[1:2] == ["Price of one session"]]
    assert price[london] == "1200 GBP"
    assert price[boston] == "500 USD"
    (currency,) = [r for r in rows if r[1:2] == ["Prices in"]]
    assert (currency[london], currency[boston]) == ("GBP", "USD")


def test_the_report_gives_costs_in_pounds_and_does_not_hold_dollars_against_a_pound_budget(
    search: Search,
) -> None:
    html = report.report_html(search.store, search.comparison_id)
    # 250 + 6 x 1,200 for the first six sessions; 11 more in the year
    assert "About £7,450 for the first 6 sessions." in html
    assert "About £20,650 for the first year, if 11 more sessions follow, 1 a month" in html
    assert "About $3,000 for the first 6 sessions." in html
    assert "USD and your budget is in GBP. kvet does not convert money." in html
    assert "Budget: £20,000 for the first year." in html
    assert "their prices are in another currency: Boston Clinic." in html
    assert "USD" not in html.split("London Clinic</h2>")[1].split("</h2>")[0]


def test_the_report_names_the_weights_used_and_stops_calling_changed_ones_kvets(
    search: Search, checklist: Checklist
) -> None:
    store, comparison_id = search.store, search.comparison_id
    untouched = report.report_html(store, comparison_id)
    assert "The weights and budget used" in untouched
    assert "These are kvet&#x27;s suggested weights and dealbreakers." in untouched
    assert "The weights and dealbreakers are kvet&#x27;s suggestions." in untouched
    cost = checklist.sections_by_id["logistics_cost"]
    weights = store.settings.weights(comparison_id)
    chosen = Weights(sections={cost.id: cost.weight * 2}, budget=weights.budget)
    store.settings.set_weights(comparison_id, chosen)
    changed = report.report_html(store, comparison_id)
    assert f"{cost.title}: A lot" in changed
    assert "You changed kvet&#x27;s suggested weights or dealbreakers." in changed
    assert "kvet&#x27;s suggestions" not in changed


def test_the_call_sheet_asks_for_the_price_in_the_clinics_currency(search: Search) -> None:
    london = report.call_sheet_html(search.store, search.london)
    boston = report.call_sheet_html(search.store, search.boston)
    assert "Answer: ______________ GBP" in london
    assert "Answer: ______________ USD" in boston
    assert "GBP" not in boston


def test_a_shared_file_carries_each_clinics_currency_and_the_budgets(
    search: Search, checklist: Checklist, tmp_path: Path
) -> None:
    path = files.export_comparison(search.store, search.comparison_id, tmp_path / "s.kvet")
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert {c["name"]: c["currency"] for c in saved["clinics"]} == {
        "London Clinic": "GBP",
        "Boston Clinic": "USD",
    }
    assert saved["comparison"]["settings"]["budget"]["currency"] == "GBP"
    with Store.open(checklist, tmp_path / "theirs.sqlite", daily_backup=False) as other:
        new_id = importer.apply_import(
            other, importer.plan_import(other, files.read_document(path))
        )
        assert {c.name: c.currency for c in other.clinics.list(new_id)} == {
            "London Clinic": "GBP",
            "Boston Clinic": "USD",
        }
        budget = other.settings.weights(new_id).budget
        assert budget is not None
        assert budget.currency == "GBP"


def test_a_file_from_before_currencies_still_imports_with_its_prices_in_dollars(
    checklist: Checklist, tmp_path: Path
) -> None:
    assert json.loads(OLD_FILE.read_text(encoding="utf-8"))["schema_version"] == 3
    with Store.open(checklist, tmp_path / "theirs.sqlite", daily_backup=False) as other:
        document = files.read_document(OLD_FILE)
        new_id = importer.apply_import(other, importer.plan_import(other, document))
        (clinic,) = other.clinics.list(new_id)
        assert clinic.currency == "USD"
        budget = other.settings.weights(new_id).budget
        assert budget is not None
        assert (budget.first_year, budget.currency) == (9000.0, "USD")
        assert "About $3,000 for the first 6 sessions." in report.report_html(
            other, new_id, combined=True
        )


def test_a_currency_kvet_does_not_know_is_refused(search: Search) -> None:
    from kvet.store.errors import InvalidValueError

    with pytest.raises(InvalidValueError, match="Choose one of: USD, CAD, GBP, EUR, AUD, NZD"):
        search.store.clinics.update(search.london, currency="XYZ")


@pytest.mark.usefixtures("qapp")
def test_the_printed_report_shows_pounds_and_the_budget_in_force(
    search: Search, tmp_path: Path
) -> None:
    from kvet.render.pdf import write_pdf
    from tests.test_exports import pdf_text

    html = report.report_html(search.store, search.comparison_id)
    text = pdf_text(write_pdf(html, tmp_path / "report.pdf"))
    assert "About £7,450 for the first 6 sessions." in text
    assert "The weights and budget used" in text
    assert "Budget: £20,000 for the first year." in text
