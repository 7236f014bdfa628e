"""A decisive question: one answer to it could change which clinic is first, or rule a contender
out (kvet.rating.ranking finds them), and how it is said.

Apart from the ranking's rules so they read alone. The sentence is built from English templates;
``say`` turns each into the reader's language (kvet/gui/words/rankingwords.py marks the same
templates for the translators) before the clinic, the question and the points are filled in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from kvet.content.checklist import Checklist

# A decisive question in words, in English; kvet/gui/words/rankingwords.py marks the same templates.
ASK_PRICE = "What does each session cost?"
RULE_OUT = "rule the clinic out"
CHANGE_FIRST = "change which clinic is first"
BOTH = "{first} and {second}"
MOVES_ONE = ", and move its score by up to {points} point"
MOVES = ", and move its score by up to {points} points"
ASK = "Ask {clinic}: “{ask}” One answer could {effects}{moves}."
QUESTION_SENTENCES = (ASK_PRICE, RULE_OUT, CHANGE_FIRST, BOTH, MOVES_ONE, MOVES, ASK)


@dataclass(frozen=True)
class DecisiveQuestion:
    clinic_id: str
    clinic_name: str
    item_id: str
    swing: float  # the largest change of the clinic's score that one answer can make, in points
    could_rule_out: bool  # an unanswered dealbreaker red flag
    changes_first: bool = False  # one of its answers, all else held, changes which clinic is first

    def sentence(self, checklist: Checklist, say: Callable[[str], str] = str) -> str:
        item = checklist.items_by_id.get(self.item_id)
        if item is None:  # the budget: known once the price is
            price = checklist.items_by_id.get("price_per_session")
            ask = price.how_to_ask if price else say(ASK_PRICE)
        else:
            ask = item.how_to_ask
        effects = []
        if self.could_rule_out:
            effects.append(say(RULE_OUT))
        if self.changes_first:
            effects.append(say(CHANGE_FIRST))
        if len(effects) == 2:
            effects = [say(BOTH).format(first=effects[0], second=effects[1])]
        points = f"{abs(self.swing):.0f}"
        moves = (
            say(MOVES_ONE if points == "1" else MOVES).format(points=points)
            if round(self.swing) >= 1
            else ""
        )
        return say(ASK).format(
            clinic=self.clinic_name, ask=ask, effects="".join(effects), moves=moves
        )
