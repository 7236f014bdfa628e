"""Why a clinic is not recommended: which red flag, who saw it and when, and whose choice it was.

Pure functions, no I/O. A dealbreaker is either kvet's suggestion (the checklist's default) or the
user's own choice in What matters to you; the words say which, so nobody reads a default as
something they decided.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from kvet.answers import Choice
from kvet.checklist import Checklist, Item
from kvet.combine import Opinion
from kvet.scoring import ClinicResult, Weights


@dataclass(frozen=True)
class Sighting:
    """One person recorded a red flag as seen, at a time."""

    who: str
    when: datetime


def sightings(
    opinions: Mapping[str, Sequence[Opinion]], rater_id: str | None = None
) -> dict[str, list[Sighting]]:
    """Who recorded each red flag as seen; only ``rater_id`` when the scores are one person's."""
    found: dict[str, list[Sighting]] = {}
    for item_id, said in opinions.items():
        for opinion in said:
            if opinion.choice is Choice.SEEN and rater_id in (None, opinion.rater_id):
                found.setdefault(item_id, []).append(
                    Sighting(opinion.rater_name, opinion.answered_at)
                )
    return found


def whose_dealbreaker(item_id: str, weights: Weights) -> str:
    """'a red flag you chose as a dealbreaker' or kvet's suggestion, said as such."""
    if item_id in weights.dealbreakers:
        return "A red flag you chose as a dealbreaker."
    return "A red flag kvet counts as a dealbreaker; you can change this in What matters to you."


@dataclass(frozen=True)
class Reason:
    """One dealbreaker seen at a clinic."""

    item_id: str
    statement: str
    seen_by: tuple[Sighting, ...]
    whose: str  # whose_dealbreaker(): kvet's suggestion or the user's own choice

    def short(self) -> str:
        """ "red flag seen: “No emergency plan”", for a table cell."""
        return f"red flag seen: “{self.statement}”"

    def sentence(self) -> str:
        """What, who saw it and when, and whose choice it is that it rules the clinic out."""
        if self.seen_by:
            who = "; ".join(f"{s.who} on {s.when:%d %b %Y}" for s in self.seen_by)
            saw = f"seen by {who}"
        else:
            saw = "recorded as seen"
        return f"“{self.statement}” — {saw}. {self.whose}"


def dealbreaker_origin(item: Item, chosen: bool) -> str:
    """Whose choice a dealbreaker tick is: "kvet's suggestion", "your choice", or nothing."""
    if chosen != item.dealbreaker:
        return "your choice" if chosen else "you chose not to count it"
    return "kvet's suggestion" if chosen else ""


def reasons(
    result: ClinicResult,
    checklist: Checklist,
    weights: Weights,
    seen_by: Mapping[str, Sequence[Sighting]] | None = None,
) -> list[Reason]:
    """One reason per dealbreaker seen, in checklist order."""
    items = checklist.items_by_id
    found = []
    for item_id in result.dealbreakers_seen:
        item = items.get(item_id)
        found.append(
            Reason(
                item_id,
                item.statement if item else item_id.replace("_", " "),
                tuple((seen_by or {}).get(item_id, ())),
                whose_dealbreaker(item_id, weights),
            )
        )
    return found
