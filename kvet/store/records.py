"""Plain, immutable records the store hands out. Views never hold ORM rows or sessions."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from kvet.content.checklist import Format
from kvet.rating.answers import Choice, Origin

STALE_AFTER_DAYS = 180  # about six months
DAYS_PER_MONTH = 365.25 / 12


@dataclass(frozen=True)
class ComparisonInfo:
    id: str
    name: str
    clinic_count: int
    created_at: datetime


@dataclass(frozen=True)
class ClinicInfo:
    id: str
    comparison_id: str
    name: str
    address: str = ""
    phone: str = ""
    website: str = ""
    formats: frozenset[Format] = frozenset()
    notes: str = ""
    position: int = 0
    currency: str = "USD"  # what the clinic's prices are in (kvet.rating.money)


@dataclass(frozen=True)
class RaterInfo:
    id: str
    name: str
    is_default: bool


@dataclass(frozen=True)
class AnswerInfo:
    item_id: str
    choice: Choice | None
    number: float | None
    note: str
    origin: Origin
    answered_at: datetime
    retired: bool = False  # the item is no longer in the checklist; the answer is kept

    def age_days(self, now: datetime | None = None) -> int:
        now = now or datetime.now(UTC)
        if now.tzinfo is None:
            now = now.replace(tzinfo=UTC)
        answered = self.answered_at
        if answered.tzinfo is None:
            answered = answered.replace(tzinfo=UTC)
        return max(0, (now - answered).days)

    def is_stale(self, now: datetime | None = None) -> bool:
        """Old information is what users of provider directories complain about most."""
        return self.age_days(now) >= STALE_AFTER_DAYS

    def age_text(self, now: datetime | None = None, say: Callable[[str], str] = str) -> str:
        """How long ago this was checked, in words: "checked 8 months ago"; ``say`` translates
        the template (kvet/gui/pages/walkthrough.py marks the same AGE_WORDS)."""
        days = self.age_days(now)
        if days == 0:
            return say(AGE_WORDS[0])
        if days == 1:
            return say(AGE_WORDS[1])
        if days < 60:
            return say(AGE_WORDS[2]).format(count=days)
        if days < 730:
            return say(AGE_WORDS[3]).format(count=round(days / DAYS_PER_MONTH))
        return say(AGE_WORDS[4]).format(count=days // 365)


AGE_WORDS = (
    "checked today",
    "checked yesterday",
    "checked {count} days ago",
    "checked {count} months ago",
    "checked {count} years ago",
)


@dataclass(frozen=True)
class TopicInfo:
    topic_id: str
    applies: bool
    note: str
