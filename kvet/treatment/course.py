"""A course of treatment as the person records it: the clinic's plan, sessions, check-ins, care.

Plain values only. The person owns this record; kvet reads signals from it
(kvet.treatment.reconsider) but
never suggests a dose and never tells anyone to stop or start treatment.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from kvet.text.datewords import MONTHS


class SideEffect(StrEnum):
    # During or soon after a session (the article's list).
    DISSOCIATION = "dissociation"
    DIZZINESS = "dizziness"
    NAUSEA = "nausea"
    HEADACHE_FATIGUE = "headache_fatigue"
    ANXIETY = "anxiety"
    # With repeated sessions: the ones that say the course may need a second look.
    MEMORY_ATTENTION = "memory_attention"
    BLADDER = "bladder"
    NEEDING_MORE = "needing_more"


SIDE_EFFECT_LABELS: dict[SideEffect, str] = {
    SideEffect.DISSOCIATION: "Feeling detached or unreal",
    SideEffect.DIZZINESS: "Dizzy or unsteady",
    SideEffect.NAUSEA: "Sick or vomiting",
    SideEffect.HEADACHE_FATIGUE: "Headache or very tired",
    SideEffect.ANXIETY: "Anxious or frightened",
    SideEffect.MEMORY_ATTENTION: "Memory or attention problems",
    SideEffect.BLADDER: "Bladder pain, urgency or going often",
    SideEffect.NEEDING_MORE: "Needing more for the same effect",
}
# Dates in sentences, "5 Mar 2026": the month's short name goes through ``say`` like any other
# word (kvet.gui.words.coursewords marks these for translation), so every language reads its own.
BLOOD_PRESSURE_PROBLEM = "Write a blood pressure as two numbers, such as 128/84."
LONGER_TERM = frozenset({SideEffect.MEMORY_ATTENTION, SideEffect.BLADDER, SideEffect.NEEDING_MORE})

# The article's examples of day-to-day signs that treatment is helping; the person can add more.
SUGGESTED_MARKERS = (
    "Getting out of bed more easily",
    "Returning texts and calls",
    "Cooking a meal",
    "Showing up for work or study",
    "Less frightened by my own thoughts",
)


@dataclass(frozen=True)
class Plan:
    """The clinic's answers to the four questions before starting, as the person wrote them."""

    induction: str = ""
    response_measure: str = ""
    tapering: str = ""
    without_response: str = ""
    review_at_session: int | None = None  # "we review if there is no response by session N"
    # How many sessions the first phase (induction) has: visit counts and closer sessions in it
    # are expected, so the signals wait for it to end (kvet.treatment.reconsider.first_phase_end).
    first_phase_sessions: int | None = None


@dataclass(frozen=True)
class DoseSession:
    day: date
    treatment: str = ""  # IV, IM, nasal esketamine…, as the clinic named it
    dose_note: str = ""  # what the clinic said about the dose, in the person's words
    dose_raised: bool = False  # the clinic said the dose was raised this time
    bp_before: tuple[int, int] | None = None
    bp_after: tuple[int, int] | None = None
    minutes_to_steady: int | None = None
    side_effects: frozenset[SideEffect] = frozenset()
    note: str = ""
    # Added later, so kept last (entries are built by position in places):
    dose_raise_planned: bool = False  # the clinic said the raise was part of its plan (titration)
    lift_days: int | None = None  # how many days the lift from this session lasted (asked later)


@dataclass(frozen=True)
class CheckIn:
    """One PHQ-9, all nine questions answered (0-3 each)."""

    day: date
    answers: tuple[int, ...]
    difficulty: int | None = None  # the tenth, unscored question

    @property
    def total(self) -> int:
        from kvet.treatment import (
            phq9,
        )  # here: its data model needs pydantic, which start-up avoids

        return phq9.score(self.answers)


@dataclass(frozen=True)
class MoodCheck:
    """A short weekly check for signs of mood instability. Not a diagnostic test."""

    day: date
    agitated: bool = False
    sleeping_much_less: bool = False
    racing_thoughts: bool = False
    other_high_mood_signs: bool = False

    @property
    def any_sign(self) -> bool:
        return (
            self.agitated
            or self.sleeping_much_less
            or self.racing_thoughts
            or self.other_high_mood_signs
        )


@dataclass(frozen=True)
class CareSession:
    """Therapy or other care (a GP, a group, a psychiatrist), so their share can be seen."""

    day: date
    kind: str = "therapy"


@dataclass(frozen=True)
class MarkerWeek:
    week_of: date
    ticked: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Course:
    clinic_name: str
    plan: Plan = field(default_factory=Plan)
    sessions: tuple[DoseSession, ...] = ()
    check_ins: tuple[CheckIn, ...] = ()
    mood_checks: tuple[MoodCheck, ...] = ()
    care: tuple[CareSession, ...] = ()
    markers: tuple[MarkerWeek, ...] = ()

    def __post_init__(self) -> None:
        # Always in date order, whatever order they were entered in.
        for name in ("sessions", "check_ins", "mood_checks", "care"):
            entries = getattr(self, name)
            object.__setattr__(self, name, tuple(sorted(entries, key=lambda e: e.day)))
        object.__setattr__(self, "markers", tuple(sorted(self.markers, key=lambda m: m.week_of)))

    def baseline(self) -> CheckIn | None:
        """The last check-in on or before the first session; else the first check-in at all."""
        if not self.check_ins:
            return None
        if not self.sessions:
            return self.check_ins[-1]
        before = [c for c in self.check_ins if c.day <= self.sessions[0].day]
        return before[-1] if before else self.check_ins[0]

    def latest(self) -> CheckIn | None:
        return self.check_ins[-1] if self.check_ins else None


def day_words(day: date, say: Callable[[str], str] = str) -> str:
    """ "5 Mar 2026", the month named in the reader's language (``say`` translates it)."""
    return f"{day.day} {say(MONTHS[day.month - 1])} {day.year}"


def parse_blood_pressure(text: str, say: Callable[[str], str] = str) -> tuple[int, int] | None:
    """ "128/84" (or "128 / 84", "128 84") as two whole numbers; empty text is no reading.

    Raises ValueError with words a person can act on (``say`` gives them in the window's
    language); the store checks the range.
    """
    cleaned = text.replace("/", " ").split()
    if not cleaned:
        return None
    if len(cleaned) != 2 or not all(part.isdigit() for part in cleaned):
        raise ValueError(say(BLOOD_PRESSURE_PROBLEM))
    top, bottom = int(cleaned[0]), int(cleaned[1])
    return top, bottom


def format_blood_pressure(reading: tuple[int, int] | None) -> str:
    return "" if reading is None else f"{reading[0]}/{reading[1]}"
