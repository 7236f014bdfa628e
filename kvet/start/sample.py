"""A sample comparison with clearly fictional clinics, so a new user can see how kvet works."""

from __future__ import annotations

from collections.abc import Callable

from kvet.content.checklist import Format, Kind
from kvet.rating.answers import Choice
from kvet.store.api import Store
from kvet.store.records import ComparisonInfo

SAMPLE_NAME = "Sample comparison (fictional clinics)"
# Every text the sample writes, in English; ``say`` gives them in the window's language (their
# Spanish is in the catalogue, resources/catalogue/es.po; TEXTS lists them for it).
CLINIC_NAME = "Clinic {letter} (fictional)"
CLINIC_NOTE = "This clinic is made up, to show how kvet works. Delete it whenever you like."
PLAN = (
    "Six infusions over two and a half weeks (made up for the sample).",
    "PHQ-9 before the first session and every two weeks.",
    "Weekly, then every two weeks, if the gains hold.",
    "A review with the psychiatrist if there is no response by session 6.",
)
SESSION = ("IV infusion", "Same as last time, the nurse said", "Sample session")
CARE = "Therapy"
# Suggested markers are kept in English and shown in the window's language (kvet.treatment.course).
MARKERS = ("Getting out of bed more easily", "Cooking a meal")
TEXTS = (SAMPLE_NAME, CLINIC_NAME, CLINIC_NOTE, *PLAN, *SESSION, CARE)

# (letter, formats, the part of the checklist answered (from, to), share answered well, seen red
# flags, price). B is barely vetted, all good so far, and its safety questions are not asked
# yet: a few good answers do not put a clinic first (its open questions count half), and the
# questions that could rule it out are listed as the ones that could change the decision.
_CLINICS: tuple[
    tuple[str, tuple[Format, ...], tuple[float, float], float, tuple[str, ...], float], ...
] = (
    ("A", (Format.IV,), (0.0, 0.95), 0.8, (), 550.0),
    ("B", (Format.ESKETAMINE,), (0.45, 0.8), 1.0, (), 700.0),
    ("C", (Format.IV, Format.IM), (0.0, 0.7), 0.8, ("rf_cure_promise",), 400.0),
)


def create_sample(
    store: Store, say: Callable[[str], str] = str, currency: str = "USD"
) -> ComparisonInfo:
    """Build the sample through the public API, as a user would; it can be deleted later.

    It is written in the window's language (``say``), as a person would have typed it, with
    its prices in the user's ``currency``.
    """
    comparison = store.comparisons.create(say(SAMPLE_NAME))
    items = [i for i in store.checklist.items if i.kind is not Kind.FACT]
    for number, (letter, formats, (start, end), quality, flags, price) in enumerate(_CLINICS):
        clinic = store.clinics.add(
            comparison.id,
            say(CLINIC_NAME).format(letter=letter),
            formats=formats,
            notes=say(CLINIC_NOTE),
            currency=currency,
        )
        answered = items[int(len(items) * start) : int(len(items) * end)]
        for index, item in enumerate(answered):
            good = (index * 37 % 100) / 100 < quality
            if item.kind is Kind.RED_FLAG:
                choice = Choice.SEEN if item.id in flags else Choice.NOT_SEEN
            elif item.kind is Kind.PRACTICE:
                choice = Choice.YES if good else Choice.NO
            else:
                choice = Choice.CLEAR if good else Choice.VAGUE
            store.answers.set(clinic.id, item.id, choice)
        store.answers.set_fact(clinic.id, "price_per_session", price)
        if number == 0:
            create_sample_course(store, clinic.id, clinic.name, say)
    store.history.clear()  # the sample is not an edit the user should undo step by step
    return store.comparisons.get(comparison.id)


# (days after the start, PHQ-9 answers): a fictional course, improving, then levelling off.
_CHECK_INS = (
    (-2, (3, 3, 2, 3, 2, 3, 2, 2, 0)),
    (12, (2, 2, 2, 2, 2, 2, 1, 2, 0)),
    (26, (2, 1, 2, 2, 1, 2, 1, 1, 0)),
    (47, (1, 1, 2, 1, 1, 1, 1, 1, 0)),
)
_SESSION_DAYS = (0, 2, 5, 7, 9, 12, 19, 26, 40, 47)
# Days the lift lasted after the first phase, growing as the gains hold (the last not known yet).
_LIFTS = {6: 7, 7: 10, 8: 14}


def create_sample_course(
    store: Store, clinic_id: str, clinic_name: str, say: Callable[[str], str] = str
) -> str:
    """A made-up course at the first sample clinic, so the tracker can be seen before starting."""
    from datetime import date, timedelta

    from kvet.treatment.course import (
        CareSession,
        CheckIn,
        DoseSession,
        MarkerWeek,
        Plan,
        SideEffect,
    )

    start = date.today() - timedelta(days=50)
    course = store.courses.start(clinic_name, clinic_id)
    store.courses.set_plan(
        course.id,
        Plan(
            induction=say(PLAN[0]),
            response_measure=say(PLAN[1]),
            tapering=say(PLAN[2]),
            without_response=say(PLAN[3]),
            review_at_session=6,
            first_phase_sessions=6,
        ),
    )
    for offset, answers in _CHECK_INS:
        store.courses.add(course.id, CheckIn(start + timedelta(days=offset), answers, 1))
    for n, offset in enumerate(_SESSION_DAYS):
        effects = {SideEffect.DISSOCIATION} | ({SideEffect.NAUSEA} if n % 3 == 0 else set())
        store.courses.add(
            course.id,
            DoseSession(
                start + timedelta(days=offset),
                say(SESSION[0]),
                say(SESSION[1]),
                False,
                (126, 82),
                (138, 88),
                40 - n,
                frozenset(effects),
                say(SESSION[2]),
                lift_days=_LIFTS.get(n),
            ),
        )
    for offset in (6, 13, 20, 34, 48):
        store.courses.add(course.id, CareSession(start + timedelta(days=offset), say(CARE)))
    store.courses.add(
        course.id,
        MarkerWeek(
            start + timedelta(days=42),
            frozenset(MARKERS),
        ),
    )
    return course.id
