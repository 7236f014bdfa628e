"""The content review of issue 25: facts by country, crisis lines from each service's own site, the
suicide-risk question, sources that are official and say what was read, and a "Before you decide"
that gives its numbers out of 100 people, each from the source it names (docs/content-review.md)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest

from kvet.content.checklist import Checklist, Kind, load_checklist
from kvet.content.checklistschema import READ_LEVELS
from kvet.content.crisis import load_crisis_contacts
from kvet.content.guide import Guide, load_guide

LANGS = ("en", "es")
# Pages the review replaced: a practice's summary, a consumer drug site, a member practice's blog,
# a radio station's news page, and the secondary pages the crisis numbers once traced to.
REPLACED_HOSTS = (
    "lopezpsychiatry.com",
    "medicinenet.com",
    "paswfl.com",
    "lbc.co.uk",
    "webmd.com",
    "wikipedia.org",
    "vice.com",
)
NOT_CLINICAL = {"logistics_cost"}  # prices, travel and insurance: no clinical claim


def clinical_claims(checklist: Checklist, guide: Guide) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Everything kvet says about treatment, with the sources it cites."""
    for item in checklist.items:
        if item.section not in NOT_CLINICAL:
            yield f"item {item.id}", item.sources
    for topic in checklist.personal_topics:
        yield f"personal topic {topic.id}", topic.sources
    for point in guide.before_you_decide:
        yield f"guide point {point.heading!r}", point.sources
    for question in guide.own_psychiatrist:
        yield f"question {question.question!r}", question.sources


def unofficial_citations(checklist: Checklist, guide: Guide) -> list[str]:
    """Clinical claims that cite a source not marked official (the article kvet is based on is
    listed as such and may stand beside official sources), or that cite no official source."""
    problems = []
    for where, keys in clinical_claims(checklist, guide):
        sources = [checklist.sources_by_key[key] for key in keys]
        for source in sources:
            if not source.official and not source.key.startswith("article-"):
                problems.append(f"{where} cites {source.key}, which is not official")
        if not any(source.official for source in sources):
            problems.append(f"{where} cites no official source")
    return problems


@pytest.fixture(scope="module", params=LANGS)
def lang(request: pytest.FixtureRequest) -> str:
    return str(request.param)


# --- sources -------------------------------------------------------------------------------


def test_every_clinical_claim_cites_official_sources_only() -> None:
    assert unofficial_citations(load_checklist(), load_guide()) == []


def test_a_clinical_claim_citing_an_unofficial_source_is_caught() -> None:
    checklist, guide = load_checklist(), load_guide()
    demoted = tuple(
        replace(s, official=False) if s.key == "LABEL" else s for s in checklist.sources
    )
    problems = unofficial_citations(replace(checklist, sources=demoted), guide)
    assert "item sc_suicide_risk cites LABEL, which is not official" in problems


def test_every_source_says_when_it_was_checked_and_how_much_was_read() -> None:
    guide = load_guide()
    for source in load_checklist().sources:
        assert date.fromisoformat(source.checked) <= guide.reviewed, source.key
        assert source.read in READ_LEVELS, source.key
        if source.read != "full":
            assert source.note, f"{source.key}: say what exactly was read"


def test_the_replaced_sources_now_cite_the_originals_and_say_what_was_read() -> None:
    sources = load_checklist().sources_by_key
    for source in sources.values():
        assert not any(host in source.url for host in REPLACED_HOSTS), source.key
    consensus = sources["SAN-sum"]
    assert "JAMA Psychiatry 2017;74(4):399–405" in consensus.citation
    assert consensus.url.startswith("https://jamanetwork.com/")
    assert consensus.read == "abstract"  # only the abstract could be read, and it says so
    assert "section 7" in sources["LABEL-2"].citation
    assert sources["LABEL-2"].url.startswith("https://nctr-crs.fda.gov/")
    assert sources["ASKP3-basics"].url.startswith("https://www.askp.org")
    assert sources["RCP"].url.startswith("https://www.rcpsych.ac.uk")
    assert sources["RCP"].read == "secondary"
    assert sources["NICE-TA854"].url == "https://www.nice.org.uk/guidance/ta854"


# --- facts by country ----------------------------------------------------------------------


def test_the_uk_funding_item_rests_on_nice_and_the_smc(lang: str) -> None:
    item = load_checklist(lang=lang).item("lc_cover_gb")
    assert {"NICE-TA854", "SMC2258"} <= set(item.sources)
    assert "RCP" not in item.sources  # a news report of a college statement is not the rule
    if lang == "en":
        assert "In England and Wales, NICE does not recommend esketamine" in item.why_it_matters
        assert "In Scotland, the SMC said yes" in item.why_it_matters
        assert "Wales or Northern Ireland" not in item.why_it_matters
    else:
        assert "En Inglaterra y Gales, NICE no recomienda" in item.why_it_matters


def test_australia_is_told_esketamine_is_on_the_pbs(lang: str) -> None:
    australia = load_checklist(lang=lang).for_country("AU")
    ids = {item.id for item in australia.items}
    assert "lc_cover_au" in ids
    assert "lc_cover_local" not in ids  # which said kvet does not know what plans pay
    item = australia.item("lc_cover_au")
    assert "PBS" in item.why_it_matters
    assert "2025" in item.why_it_matters
    assert item.sources == ("PBS-AU",)
    for code in ("CA", "IE", "NZ", "OTHER"):
        assert "lc_cover_local" in {i.id for i in load_checklist().for_country(code).items}


# --- crisis lines --------------------------------------------------------------------------


def test_the_uk_lists_nhs_111_and_shout(lang: str) -> None:
    contacts = load_crisis_contacts(lang=lang).for_country("GB")
    assert ("111", "") in {(c.phone, c.sms) for c in contacts if not c.emergency}
    assert ("", "85258") in {(c.phone, c.sms) for c in contacts}
    by_number = {c.phone or c.sms: c for c in contacts}
    assert "111" in by_number["111"].how
    assert "SHOUT" in by_number["85258"].how
    assert "85258" in by_number["85258"].how
    if lang == "en":
        assert by_number["111"].how == "Call 111 and choose the mental health option"


def test_ireland_lists_text_50808_and_australia_lifelines_text_line(lang: str) -> None:
    book = load_crisis_contacts(lang=lang)
    assert any(c.sms == "50808" and "50808" in c.how for c in book.for_country("IE"))
    australia = book.for_country("AU")
    assert any(c.sms == "0477131114" and "0477 13 11 14" in c.how for c in australia)
    assert any(c.phone == "131114" for c in australia)  # the phone line stays


def test_every_crisis_line_cites_the_services_own_site() -> None:
    book = load_crisis_contacts()
    for country in book.countries:
        for contact in country.contacts:
            source = book.source(contact.source)
            assert source is not None, (country.code, contact.name)
            assert source.official, source.key
            assert date.fromisoformat(source.checked) <= load_guide().reviewed
            assert not any(host in source.url for host in REPLACED_HOSTS), source.key
    # The new lines whose own pages could not be opened say so.
    for key in ("TEXT50808", "AU-TEXT"):
        source = book.source(key)
        assert source is not None
        assert source.read == "secondary"
        assert source.note


# --- the suicide-risk question -------------------------------------------------------------


def test_a_clinic_is_asked_about_suicide_risk_at_every_visit_and_hospital_care(lang: str) -> None:
    checklist = load_checklist(lang=lang)
    item = checklist.item("sc_suicide_risk")
    assert item.kind is Kind.PRACTICE
    assert not item.dealbreaker
    assert item.section == "screening"
    assert item.weight == checklist.item("sc_history").weight  # as weighty as the first check
    assert "LABEL" in item.sources
    if lang == "en":
        assert "each visit" in item.statement
        assert "hospital" in item.statement
        assert "does not replace a stay in hospital" in item.why_it_matters
    else:
        assert "cada visita" in item.statement
        assert "hospital" in item.statement
    for code in ("US", "CA", "GB", "IE", "AU", "NZ", "OTHER"):
        assert "sc_suicide_risk" in {i.id for i in checklist.for_country(code).items}


# --- Before you decide ---------------------------------------------------------------------


def _numbers(text: str) -> list[int]:
    return [int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", text)]


def _found_in(number: int, note: str) -> bool:
    """A figure in the guide matches its source's note as read: the same number, rounded, or a
    figure per 100 given per 1,000 (0.3 in 100 is 3 in 1,000)."""
    for value in (float(v) for v in re.findall(r"\d+(?:\.\d+)?", note)):
        if math.floor(value + 0.5) == number or math.floor(value * 10 + 0.5) == number:
            return True
    return False


def test_every_number_out_of_100_is_the_one_its_source_gives() -> None:
    guide, sources = load_guide(), load_checklist().sources_by_key
    numbered = [p for p in guide.before_you_decide if p.heading.startswith("Out of 100 people")]
    assert len(numbered) >= 3
    for point in numbered:
        notes = " ".join(sources[key].note for key in point.sources)
        assert all(sources[key].official for key in point.sources), point.heading
        for number in _numbers(point.text):
            if number not in (100, 1000):
                assert _found_in(number, notes), f"{point.heading}: {number} is in no source"


def test_before_you_decide_gives_benefit_harm_burden_and_names_mania_and_psychosis() -> None:
    text = " ".join(p.text for p in load_guide().before_you_decide)
    for words in ("felt much better", "few symptoms left", "dummy spray", "felt detached"):
        assert words in text
    for words in ("felt sleepy", "Blood pressure went up", "mania", "psychosis"):
        assert words in text
    for words in ("two visits a week", "drive until the next day", "ride", "cost"):
        assert words in text


def test_other_options_name_ect_rtms_and_augmentation_and_keep_a_fair_choice(lang: str) -> None:
    point = next(p for p in load_guide(lang=lang).before_you_decide if "NICE-IPG542" in p.sources)
    if lang == "en":
        for words in ("ECT", "rTMS", "lithium", "antipsychotic", "not to try ketamine is a fair"):
            assert words in point.text
    else:
        for words in ("TEC", "EMTr", "litio", "antipsicótico", "no probar la ketamina"):
            assert words in point.text
    assert {"ELEKT-D", "NICE-IPG542", "NICE-TA854"} <= set(point.sources)


# --- who wrote it, and where the dealbreakers come from -------------------------------------


def test_the_guide_says_plainly_no_clinician_has_reviewed_it(lang: str) -> None:
    who = load_guide(lang=lang).about.who
    assert ("No doctor, psychiatrist or other clinician has reviewed it" in who) or (
        "Ningún médico, psiquiatra ni otro profesional de salud la ha revisado" in who
    )


def test_the_two_sourced_dealbreakers_are_named_and_the_rest_are_kvets_choice() -> None:
    weights = load_guide().about.weights
    assert "The sources call two red flags a reason to walk away" in weights
    assert "at home or in a hotel" in weights
    assert "a promise of a cure" in weights
    assert "The other dealbreakers are kvet's own choice" in weights
    checklist = load_checklist()
    named = {"rf_remote_iv", "rf_cure_promise"}
    dealbreakers = {i.id for i in checklist.items if i.dealbreaker}
    assert named < dealbreakers  # both are dealbreakers, and there are others
    assert "ASKP3-ethics" in checklist.item("rf_remote_iv").sources
