"""What changed in the store, so views refresh just that part."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ChangeKind(StrEnum):
    """The part of the data an edit touched; ``ALL`` after a bulk write such as an import."""

    COMPARISON = "comparison"
    CLINIC = "clinic"
    ANSWER = "answer"
    DECISION = "decision"
    RATER = "rater"
    SETTINGS = "settings"
    TOPIC = "topic"
    COURSE = "course"
    ALL = "all"


@dataclass(frozen=True)
class Change:
    """What changed, so views can refresh just that."""

    what: ChangeKind
    comparison_id: str | None = None
    clinic_id: str | None = None
    item_id: str | None = None
