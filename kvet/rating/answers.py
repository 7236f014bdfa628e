"""The answers an item can take, and how much credit each gives.

Unknowns ("not sure", "not asked yet") are kept apart from bad answers: they carry no credit and
no penalty, and they widen the range of the score instead. A clinic that will not say is not an
unknown: "The clinic would not say" (a red flag or a practice) and "Would not answer" (a question)
give no credit, like a bad answer, so evasion never scores better than an honest "no". A
dealbreaker the clinic would not say about is not cleared (see kvet.rating.scoring and
docs/scoring.md).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from kvet.content.checklist import Format, Kind
from kvet.text.errors import KvetError


class Origin(StrEnum):
    """Where an answer came from."""

    PHONE = "phone"
    WEBSITE = "website"
    VISIT = "visit"
    WRITTEN = "written"


ORIGIN_LABELS = {
    Origin.PHONE: "Phone call",
    Origin.WEBSITE: "Website",
    Origin.VISIT: "Visit",
    Origin.WRITTEN: "Written material",
}


class Choice(StrEnum):
    SEEN = "seen"
    NOT_SEEN = "not_seen"
    YES = "yes"
    NO = "no"
    NOT_SURE = "not_sure"
    CLEAR = "clear"
    VAGUE = "vague"
    REFUSED = "refused"
    NOT_ASKED = "not_asked"


@dataclass(frozen=True)
class Option:
    choice: Choice
    label: str
    credit: float | None  # None: unknown


WOULD_NOT_SAY = "The clinic would not say"
OPTIONS: dict[Kind, tuple[Option, ...]] = {
    Kind.RED_FLAG: (
        Option(Choice.NOT_SEEN, "Not seen", 1.0),
        Option(Choice.SEEN, "Seen", 0.0),
        Option(Choice.NOT_SURE, "Not sure", None),
        Option(Choice.REFUSED, WOULD_NOT_SAY, 0.0),
    ),
    Kind.PRACTICE: (
        Option(Choice.YES, "Yes", 1.0),
        Option(Choice.NO, "No", 0.0),
        Option(Choice.NOT_SURE, "Not sure", None),
        Option(Choice.REFUSED, WOULD_NOT_SAY, 0.0),
    ),
    Kind.QUESTION: (
        Option(Choice.CLEAR, "Clear answer", 1.0),
        Option(Choice.VAGUE, "Vague answer", 0.4),
        Option(Choice.REFUSED, "Would not answer", 0.0),
        Option(Choice.NOT_ASKED, "Not asked yet", None),
    ),
    Kind.FACT: (),
}

_BY_KIND = {kind: {o.choice: o for o in options} for kind, options in OPTIONS.items()}


class AnswerError(KvetError, ValueError):
    """An answer that does not fit its item, e.g. "seen" for a question."""


def option(kind: Kind, choice: Choice) -> Option:
    try:
        return _BY_KIND[kind][choice]
    except KeyError:
        allowed = ", ".join(o.label for o in OPTIONS[kind]) or "a number"
        raise AnswerError("value.not-an-answer", choice=choice.value, allowed=allowed) from None


def credit(kind: Kind, choice: Choice | None) -> float | None:
    """Credit in 0..1 for a good-to-bad answer, or None when the answer is still unknown."""
    if choice is None or kind is Kind.FACT:
        return None
    return option(kind, choice).credit


def label(kind: Kind, choice: Choice | None) -> str:
    if choice is None:
        return "Not answered"
    return option(kind, choice).label


@dataclass(frozen=True)
class ClinicAnswers:
    """What is known about one clinic: plain data, independent of storage."""

    id: str
    name: str
    formats: frozenset[Format] = frozenset()
    answers: Mapping[str, Choice] = field(default_factory=dict)
    facts: Mapping[str, float] = field(default_factory=dict)
    currency: str = "USD"  # what the prices in ``facts`` are in (kvet.rating.money)
