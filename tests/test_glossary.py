"""Jargon in the checklist is explained: the glossary finds its words, and only whole words."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from kvet.content.checklist import Checklist, Format
from kvet.content.country import set_country
from kvet.content.glossary import (
    Glossary,
    GlossaryError,
    default_glossary_path,
    load_glossary,
    parse_glossary,
)
from kvet.content.readability import grade
from kvet.exchange.report import report_html
from kvet.rating.answers import Choice
from kvet.store.api import Store

ISSUE_JARGON = (
    "REMS",
    "ACLS",
    "induction",
    "maintenance",
    "superbill",
    "prior authorization",
    "MADRS",
    "off-label",
    "dissociation",
)


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return load_glossary()


def names(terms: list) -> list[str]:  # type: ignore[type-arg]
    return [t.term for t in terms]


def test_every_word_the_review_named_is_explained(glossary: Glossary) -> None:
    for word in ISSUE_JARGON:
        assert glossary.terms_in(f"Ask about {word} first."), word


def test_whole_words_only(glossary: Glossary) -> None:
    assert names(glossary.terms_in("Remsen Clinic offers reinduction.")) == []
    assert names(glossary.terms_in("The induction phase.")) == ["Induction"]
    assert names(glossary.terms_in("Is it REMS-certified?")) == []  # a compound is its own word
    assert names(glossary.terms_in("Scored on the PHQ-9.")) == ["PHQ-9"]
    assert names(glossary.terms_in("Scored on the PHQ-90.")) == []


def test_case_abbreviations_only_in_capitals_words_in_any_case(glossary: Glossary) -> None:
    assert names(glossary.terms_in("rems and acls")) == []
    assert names(glossary.terms_in("REMS and ACLS")) == ["REMS", "ACLS"]
    assert names(glossary.terms_in("Dissociation is common.")) == ["Dissociation"]
    assert names(glossary.terms_in("OFF-LABEL use")) == ["Off-label"]
    assert names(glossary.terms_in("your prior\nauthorization")) == ["Prior authorization"]


def test_each_term_is_listed_once_in_glossary_order(glossary: Glossary) -> None:
    found = names(glossary.terms_in("ACLS, then REMS, then REMS again.", "REMS"))
    assert found == ["REMS", "ACLS"]


def test_the_explanations_are_plain(glossary: Glossary) -> None:
    for term in glossary.terms:
        assert grade(term.explanation) <= 8.0, term.term


def test_explanations_cite_the_checklists_sources(glossary: Glossary, checklist: Checklist) -> None:
    for term in glossary.terms:
        for key in term.sources:
            assert key in checklist.sources_by_key, (term.term, key)


def test_the_checklist_uses_the_glossary(glossary: Glossary, checklist: Checklist) -> None:
    texts = [t for i in checklist.items for t in (i.statement, i.why_it_matters, i.good_answer)]
    used = set(names(glossary.terms_in(*texts)))
    assert {"REMS", "ACLS", "Superbill", "Prior authorization", "MADRS", "AVM"} <= used


def test_the_report_explains_the_words_it_uses(checklist: Checklist, tmp_path: Path) -> None:
    with Store.open(checklist, tmp_path / "kvet.sqlite") as store:
        set_country(store.settings, "US")
        comparison = store.comparisons.create("Spray clinics")
        clinic = store.clinics.add(comparison.id, "Harbour", formats=(Format.ESKETAMINE,))
        store.answers.set(clinic.id, "vs_rems", Choice.YES)
        html = report_html(store, comparison.id)
        assert "Words used in this checklist" in html
        assert "<li>REMS: A US safety program" in html
        set_country(
            store.settings, "GB"
        )  # no US items: REMS is no longer a word the checklist uses
        assert "<li>REMS:" not in report_html(store, comparison.id)


def test_a_broken_glossary_is_refused_by_term_and_field() -> None:
    raw = tomllib.loads(default_glossary_path().read_text(encoding="utf-8"))
    raw["terms"][1]["explanation"] = ""
    with pytest.raises(GlossaryError, match=r"term 'ACLS', field 'explanation'"):
        parse_glossary(raw)
    raw = tomllib.loads(default_glossary_path().read_text(encoding="utf-8"))
    raw["terms"][0]["words"] = ["ACLS"]
    with pytest.raises(GlossaryError, match="listed under two terms"):
        parse_glossary(raw)
