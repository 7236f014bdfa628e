"""Why a clinic is not recommended: which red flag, who saw it and when, and whose choice it was.

Pure functions, no I/O. A dealbreaker is either kvet's suggestion (the checklist's default) or the
user's own choice in What matters to you; the words say which, so nobody reads a default as
something they decided.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from kvet.content.checklist import Checklist, Item
from kvet.rating.answers import Choice
from kvet.rating.combine import Opinion
from kvet.rating.scoreresult import ClinicResult
from kvet.rating.scoring import Weights
from kvet.text.datewords import day_words

# The words of a verdict, in English; kvet/gui/words/verdictwords.py marks the same templates for
# translation and passes ``say``.
YOUR_DEALBREAKER = "A red flag you chose as a dealbreaker."
KVETS_DEALBREAKER = (
    "A red flag kvet counts as a dealbreaker; you can change this in What matters to you."
)
SEEN_ON = "{who} on {day}"
SEEN_BY = "seen by {who}"
RECORDED_AS_SEEN = "recorded as seen"
REASON = "“{statement}” — {saw}. {whose}"
SHORT = "red flag seen: “{statement}”"
YOUR_CHOICE = "your choice"
NOT_COUNTED = "you chose not to count it"
KVETS_SUGGESTION = "kvet's suggestion"
# REASON has no words of its own to translate: it is left out of the list.
SENTENCES = (
    YOUR_DEALBREAKER,
    KVETS_DEALBREAKER,
    SEEN_ON,
    SEEN_BY,
    RECORDED_AS_SEEN,
    SHORT,
    YOUR_CHOICE,
    NOT_COUNTED,
    KVETS_SUGGESTION,
)


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
        return YOUR_DEALBREAKER
    return KVETS_DEALBREAKER


@dataclass(frozen=True)
class Reason:
    """One dealbreaker seen at a clinic."""

    item_id: str
    statement: str
    seen_by: tuple[Sighting, ...]
    whose: str  # whose_dealbreaker(): kvet's suggestion or the user's own choice

    def short(self, say: Callable[[str], str] = str) -> str:
        """ "red flag seen: “No emergency plan”", for a table cell."""
        return say(SHORT).format(statement=self.statement)

    def sentence(self, say: Callable[[str], str] = str) -> str:
        """What, who saw it and when, and whose choice it is that it rules the clinic out."""
        if self.seen_by:
            who = "; ".join(
                say(SEEN_ON).format(who=s.who, day=day_words(s.when, say)) for s in self.seen_by
            )
            saw = say(SEEN_BY).format(who=who)
        else:
            saw = say(RECORDED_AS_SEEN)
        return say(REASON).format(statement=self.statement, saw=saw, whose=say(self.whose))


def dealbreaker_origin(item: Item, chosen: bool, say: Callable[[str], str] = str) -> str:
    """Whose choice a dealbreaker tick is: "kvet's suggestion", "your choice", or nothing."""
    if chosen != item.dealbreaker:
        return say(YOUR_CHOICE) if chosen else say(NOT_COUNTED)
    return say(KVETS_SUGGESTION) if chosen else ""


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
