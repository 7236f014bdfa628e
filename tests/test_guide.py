"""The guide says who wrote it, who paid, when it was checked, and what ketamine may and may not
do, in balance; the report carries the same disclosure."""

from __future__ import annotations

import tomllib
from datetime import date
from pathlib import Path

import pytest

from kvet.content.checklist import Checklist
from kvet.content.guide import Guide, GuideError, default_guide_path, load_guide, parse_guide
from kvet.content.readability import grade
from kvet.exchange.report import report_html
from kvet.store.api import Store


@pytest.fixture(scope="module")
def guide() -> Guide:
    return load_guide()


def test_about_names_author_funding_conflicts_review_and_method(guide: Guide) -> None:
    lines = dict(guide.about_lines(date(2026, 12, 1)))
    assert set(lines) >= {
        "Who wrote it",
        "Funding",
        "Conflicts of interest",
        "When it was checked",
        "How the items were chosen",
        "How the weights and dealbreakers were set",
    }
    assert "no funding" in lines["Funding"]
    assert "no conflicts" in lines["Conflicts of interest"]
    assert "kvet's suggestions" in lines["How the weights and dealbreakers were set"]
    assert f"{guide.reviewed:%d %B %Y}" in lines["When it was checked"]
    assert f"{guide.next_review:%d %B %Y}" in lines["When it was checked"]
    assert "overdue" not in lines["When it was checked"]


def test_an_overdue_review_is_said_plainly(guide: Guide) -> None:
    late = guide.next_review.replace(year=guide.next_review.year + 1)
    assert "overdue" in dict(guide.about_lines(late))["When it was checked"]


def test_before_you_decide_is_balanced(guide: Guide) -> None:
    text = " ".join(p.text for p in guide.before_you_decide)
    assert "fast" in text  # what it may do
    assert "does not help everyone" in text
    assert "placebo" in text  # the trial that found no advantage
    assert "not the same as preventing suicide" in text
    assert "not to try ketamine is a fair choice" in text
    assert "own psychiatrist" in text


def test_the_guide_is_plain_and_cites_real_sources(guide: Guide, checklist: Checklist) -> None:
    for heading, text in guide.about_lines(guide.reviewed):
        assert grade(text) <= 8.0, heading
    for point in guide.before_you_decide:
        assert grade(point.text) <= 8.0, point.heading
    assert guide.unknown_sources(checklist) == []


def test_the_report_has_an_about_this_guide_section(checklist: Checklist, tmp_path: Path) -> None:
    with Store.open(checklist, tmp_path / "kvet.sqlite") as store:
        comparison = store.comparisons.create("Spring")
        html = report_html(store, comparison.id, today=date(2026, 12, 2))
    assert "<h2>About this guide</h2>" in html
    assert "<p>Funding: kvet has no funding." in html
    assert html.index("About this guide") < html.index("<h2>Sources</h2>")


def test_review_dates_out_of_order_are_refused() -> None:
    raw = tomllib.loads(default_guide_path().read_text(encoding="utf-8"))
    raw["next_review"] = raw["reviewed"]
    with pytest.raises(GuideError, match="next_review must come after reviewed"):
        parse_guide(raw)


def test_questions_for_your_own_psychiatrist_cover_what_patients_asked_for(
    guide: Guide,
) -> None:
    questions = " ".join(q.question for q in guide.own_psychiatrist)
    assert "good candidate" in questions
    assert "benzodiazepine or stimulant" in questions
    assert "What else could I try" in questions
    assert "coordinate my care" in questions
    for q in guide.own_psychiatrist:
        assert grade(q.why) <= 8.0, q.question


def test_the_psychiatrist_sheet_stands_on_its_own(guide: Guide, checklist: Checklist) -> None:
    from kvet.exchange.psychiatrist import psychiatrist_sheet_html

    html = psychiatrist_sheet_html(guide, checklist)
    assert "<h1>Questions for your own psychiatrist</h1>" in html
    for number, q in enumerate(guide.own_psychiatrist, start=1):
        assert f"<h3>{number}. {q.question}</h3>" in html
    assert "Benzodiazepines and ketamine response (2020 study)" in html  # its sources
    assert "not medical advice" in html
    assert html.count("______________________________________________________________") == (
        2 * len(guide.own_psychiatrist)
    )


def test_the_report_lists_the_psychiatrist_questions_apart_from_the_clinics(
    checklist: Checklist, tmp_path: Path, guide: Guide
) -> None:
    with Store.open(checklist, tmp_path / "kvet.sqlite") as store:
        comparison = store.comparisons.create("Spring")
        store.clinics.add(comparison.id, "Harbour")
        html = report_html(store, comparison.id)
    assert "<h2>Questions for your own psychiatrist</h2>" in html
    assert guide.own_psychiatrist[0].question in html
    assert html.index("Harbour") < html.index("Questions for your own psychiatrist")
