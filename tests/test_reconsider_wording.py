"""No signal says "1 sessions" or "1 minutes": a count of one reads right in both languages.

Every sentence of every signal is built for every course shape, then again with the counts that
end up in a sentence set to 1 (a first phase of one session, one minute until steady, care about
once a month), in English and in the Spanish the window shows.
"""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from kvet.exchange.coursereport import core_say
from kvet.exchange.words import printout_words
from kvet.treatment import reconsider, signalwords
from kvet.treatment.course import Course
from tests.reconsider_courses import SHAPES, sessions_on

ENGLISH_ONE_WITH_PLURAL = re.compile(r"\b1 (sessions|minutes|days|points|times|weeks)\b")
SPANISH_ONE_WITH_PLURAL = re.compile(r"\b1 (sesiones|minutos|días|puntos|veces|semanas)\b")


def ones(course: Course) -> Course:
    """The course with every count that a signal sentence names made 1."""
    plan = replace(course.plan, first_phase_sessions=1) if course.plan is not None else None
    sessions = tuple(replace(s, minutes_to_steady=1) for s in course.sessions) or sessions_on((0,))
    return replace(course, plan=plan, sessions=sessions)


def sentences(course: Course, today: object, say: reconsider.Say = str) -> list[str]:
    found = []
    for signal in reconsider.all_signals(course, today, say):  # type: ignore[arg-type]
        found += [signal.title, signal.rule, *signal.because, signal.question]
    return found


@pytest.mark.parametrize(("name", "shape"), [(name, shape) for name, shape, _ in SHAPES])
def test_no_signal_pairs_one_with_a_plural_in_english(name: str, shape: object) -> None:
    course, today = shape()  # type: ignore[operator]
    for text in sentences(course, today) + sentences(ones(course), today):
        assert not ENGLISH_ONE_WITH_PLURAL.search(text), text


def test_no_signal_pairs_one_with_a_plural_in_spanish() -> None:
    spanish = core_say(printout_words("es"))
    assert spanish(signalwords.SLOWER) != signalwords.SLOWER  # the page's Spanish is there
    for _, shape, _ in SHAPES:
        course, today = shape()
        for text in sentences(ones(course), today, spanish):
            assert not SPANISH_ONE_WITH_PLURAL.search(text), text


def test_the_check_catches_a_planted_plural() -> None:
    assert ENGLISH_ONE_WITH_PLURAL.search("Getting steady took 1 minutes on average")
    assert SPANISH_ONE_WITH_PLURAL.search("la primera fase, de 1 sesiones")
