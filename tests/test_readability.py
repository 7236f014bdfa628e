"""The checklist reads at about US school grade 8 or lower, measured with Flesch–Kincaid."""

from __future__ import annotations

import pytest

from kvet.content.checklist import Checklist
from kvet.content.readability import grade, syllables, user_texts

# Texts this short have too few words for the formula to mean anything alone ("MAOI
# antidepressants" alone scores like a science paper), so they are measured together, as one
# passage, which is how a reader meets them: a list of titles and short answers.
SHORT = 12
LIMIT = 8.0


def words(text: str) -> int:
    return len(text.split())


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("dose", 1),
        ("clinic", 2),
        ("session", 2),
        ("ketamine", 3),
        ("esketamine", 4),
        ("psychiatry", 4),
        ("asked", 1),
        ("certified", 3),
        ("appointment", 3),
    ],
)
def test_syllables_are_counted_close_to_how_words_are_said(word: str, count: int) -> None:
    assert syllables(word) == count


def test_the_grade_follows_the_flesch_kincaid_formula() -> None:
    # 2 sentences, 8 words, 9 syllables (the: 1, clinic: 2, is: 1, near: 1; it: 1, has: 1,
    # a: 1, nurse: 1), worked out by hand
    text = "The clinic is near. It has a nurse."
    expected = 0.39 * (8 / 2) + 11.8 * (9 / 8) - 15.59
    assert grade(text) == pytest.approx(expected)
    # longer words and sentences read harder
    assert grade("Practitioners administer subanesthetic infusions intravenously.") > 14
    assert grade("") == 0.0


def test_a_capitalised_abbreviation_is_read_letter_by_letter() -> None:
    assert grade("Ask about ACLS.") > grade("Ask about it.")


def test_every_checklist_text_reads_at_grade_8_or_lower(checklist: Checklist) -> None:
    too_hard = [
        f"{where} (grade {grade(text):.1f}): {text}"
        for where, text in user_texts(checklist)
        if words(text) >= SHORT and grade(text) > LIMIT
    ]
    assert not too_hard, "\n".join(too_hard)


def test_the_short_texts_together_read_at_grade_8_or_lower(checklist: Checklist) -> None:
    short = [
        t if t.rstrip()[-1:] in ".?!" else t + "."
        for _w, t in user_texts(checklist)
        if words(t) < SHORT
    ]
    assert len(short) > 20  # titles, short questions and answers: they are really measured
    assert grade(" ".join(short)) <= LIMIT


def test_every_kind_of_user_text_is_measured(checklist: Checklist) -> None:
    places = {where.split(",")[-1].strip() for where, _text in user_texts(checklist)}
    assert {
        "statement",
        "how to ask",
        "why it matters",
        "good answer",
        "intro",
        "title",
        "description",
        "tell the clinic",
        "why",
    } <= places
