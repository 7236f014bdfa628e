"""The health-information review of the checklist (issue 14): what changed, and that answers to
the old wording are kept and shown with the words they answered."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from kvet.content.checklist import Checklist, default_checklist_path, parse_checklist
from kvet.rating.answers import Choice
from kvet.store.api import Store

TEST_HOSTS = ("uat.", "dev2.", "manualspro.", "wcmedicine.")


def previous_checklist() -> Checklist:
    """The checklist as it was before the review (1.0.0), for the items the review replaced."""
    raw: dict[str, Any] = tomllib.loads(default_checklist_path().read_text(encoding="utf-8"))
    current = {item["id"]: item for item in raw["items"]}
    for old in raw.pop("retired"):
        replacement = dict(current[old["replaced_by"][0]])
        replacement.update(id=old["id"], statement=old["statement"])
        replacement.pop("countries", None)
        raw["items"].append(replacement)
    raw["version"] = "1.0.0"
    return parse_checklist(raw, "checklist-1.0.0.toml")


def test_answers_to_replaced_items_are_kept_with_their_earlier_wording(
    checklist: Checklist, tmp_path: Path
) -> None:
    path = tmp_path / "kvet.sqlite"
    with Store.open(previous_checklist(), path) as old:
        comparison = old.comparisons.create("Before the update")
        clinic = old.clinics.add(comparison.id, "Hillside").id
        old.answers.set(clinic, "sc_heart_bp", Choice.YES)
        old.answers.set(clinic, "vs_clinician_acls", Choice.NO)
    with Store.open(checklist, path) as new:
        answers = new.answers.by_item(clinic)
        assert answers["sc_heart_bp"].retired
        assert answers["sc_heart_bp"].choice is Choice.YES
        assert answers["vs_clinician_acls"].retired
        earlier = checklist.retired_by_id["sc_heart_bp"].statement
        assert "heart and blood vessel health" in earlier  # the words that were answered
        # the replacement is asked afresh: the old answer does not count for the new wording
        assert "sc_rule_out" not in answers
        result = new.scores.results(comparison.id)[0][0]
        assert "sc_heart_bp" not in result.still_to_ask
        assert "sc_rule_out" in result.still_to_ask


def test_the_version_was_raised(checklist: Checklist) -> None:
    assert tuple(int(n) for n in checklist.version.split(".")) > (1, 0, 0)
    assert {old.retired_in for old in checklist.retired} == {checklist.version}


def test_the_rule_out_item_names_what_the_label_names(checklist: Checklist) -> None:
    item = checklist.item("sc_rule_out")
    text = item.why_it_matters
    for words in ("aneurysm", "AVM", "bleed in the brain", "allergic to ketamine or esketamine"):
        assert words in text
    assert "tangle" not in text  # an AVM is not only in the brain's vessels: the old wording
    assert "LABEL" in item.sources


def test_a_urine_drug_test_is_asked_about_in_soft_words(checklist: Checklist) -> None:
    item = checklist.item("sc_drug_test")
    assert "urine" in item.statement
    assert "may" in item.statement  # its only source is a secondary summary (marked S)
    assert item.sources == ("SAN-sum",)


def test_sources_point_to_official_pages_not_mirrors_or_test_servers(
    checklist: Checklist,
) -> None:
    for source in checklist.sources:
        assert not any(host in source.url for host in TEST_HOSTS), source.key
    assert checklist.sources_by_key["LABEL"].url.startswith("https://nctr-crs.fda.gov/")


def test_a_point_from_a_secondary_source_is_not_stated_as_firm(checklist: Checklist) -> None:
    item = checklist.item("vs_clinician_present")
    assert "ACLS" not in item.statement  # the firm claim is gone from what is scored
    assert "often advise" in item.why_it_matters


def test_undated_prices_are_not_given_a_year(checklist: Checklist) -> None:
    for item in checklist.items:
        assert "2026" not in item.why_it_matters, item.id
    assert "no date given" in checklist.item("price_per_session").why_it_matters
