"""A clinic's score as the views read it, and what explains it: its sections' own scores, the
answers that moved it most, how far each open question could move it, and a summary in words.

Apart from the scorer (kvet.rating.scoring), which makes it: the explanations are derived from the
scorer's raw sums only when someone looks, so a slider move pays for none of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Protocol

from kvet.rating.answers import OPTIONS, Choice
from kvet.rating.budget import BUDGET_ITEM
from kvet.rating.costs import CostEstimate
from kvet.rating.scorebounds import PRIOR_CREDIT, score_bounds
from kvet.rating.scorewords import (
    ALL_ANSWERED,
    EXPECTED,
    LOWERED,
    LOWERED_ONE,
    MAY_CHANGE_A_LOT,
    NO_ANSWERS_YET,
    NO_SCORE,
    NOT_CLEARED,
    RAISED,
    RAISED_ONE,
    RULED_OUT_FIRST,
    SETTLED,
    SHARE_SO_FAR,
)

MOVERS_SHOWN = 3
WIDE_RANGE = 30.0
Answered = tuple[str, float, float, Choice, str]  # item id, weight, credit, choice, label
# The open questions: their ids, the open dealbreakers, their weights, the answers they could get
Options = tuple[tuple[Choice, float], ...]  # the answers a question could get, and their credit
Opened = tuple[tuple[str, ...], tuple[str, ...], tuple[float, ...], tuple[Options, ...]]
_OPENED = ("still_to_ask", "dealbreakers_unknown", "_unknown_weights", "_unknown_options")
_CHOICE_WORDS = {o.choice: o.label for options in OPTIONS.values() for o in options}
_FARTHEST = max(
    abs(o.credit - PRIOR_CREDIT)
    for options in OPTIONS.values()
    for o in options
    if o.credit is not None
)


@dataclass(frozen=True)
class Mover:
    """One answer and how far it moved the score (leave-one-out, in points)."""

    item_id: str
    label: str
    choice: Choice
    points: float
    # the change a person can check on screen: the score shown, minus the score that would be
    # shown without this answer (both rounded as displayed)
    shown: int = 0

    def sentence(self, say: Callable[[str], str] = str) -> str:
        shown = f"{abs(self.shown):.0f}"
        if self.points > 0:
            template = RAISED_ONE if shown == "1" else RAISED
        else:
            template = LOWERED_ONE if shown == "1" else LOWERED
        said = say(_CHOICE_WORDS.get(self.choice, self.choice.value)).lower()
        label = say(self.label) if self.item_id == BUDGET_ITEM else self.label
        return say(template).format(label=label, said=said, points=shown)


@dataclass(frozen=True)
class SectionResult:
    section_id: str
    title: str
    score: float | None
    low: float
    high: float
    answered: int
    applicable: int


class Later(Protocol):
    """What a result's scorer makes only when first asked (kvet.rating.scoring)."""

    def sections(self) -> Sequence[Sequence[float]]:
        """Per section: total weight, answered weight, gained, count, answered count."""
        ...

    def answered(self) -> tuple[Answered, ...]:
        """The answers given, with their weights (for the movers)."""
        ...

    def opened(self) -> Opened:
        """The open questions (see ``Opened``)."""
        ...

    def heaviest(self) -> tuple[float, float]:
        """The heaviest weight of an open question, and of an open dealbreaker."""
        ...


@dataclass(frozen=True)
class ClinicResult:
    clinic_id: str
    name: str
    score: float | None
    low: float
    high: float
    coverage: float
    answered: int
    applicable: int
    red_flags_seen: tuple[str, ...]
    dealbreakers_seen: tuple[str, ...]
    # not answered, "not sure", or the clinic would not say: any of them could still rule it out
    dealbreakers_unknown: tuple[str, ...]
    still_to_ask: tuple[str, ...]
    cost: CostEstimate | None
    known_share: float | None = None  # good answers among those given so far, 0..100
    dealbreakers_withheld: tuple[str, ...] = ()  # the clinic would not say: not cleared
    currency: str = "USD"  # what ``cost`` is in
    # the budget is on, but this clinic's prices are in another currency: not held against it
    budget_left_out: bool = False
    # Raw sums; the explanations below are derived from them only when someone looks.
    _section_meta: Sequence[tuple[str, str]] = field(default=(), repr=False, compare=False)
    # what the scorer makes only when someone asks (``Later``): a slider move re-weighs every
    # clinic, but only a few could become first (kvet.rating.ranking), and only the clinic
    # shown is explained
    _later: Later | None = field(default=None, repr=False, compare=False)
    # the heaviest weight of an open question, and of an open dealbreaker (from ``_later``)
    _heaviest_open: tuple[float, float] | None = field(default=None, repr=False, compare=False)
    _sums: tuple[float, float, float] = field(default=(0.0, 0.0, 0.0), repr=False, compare=False)

    def __getattr__(self, name: str) -> Any:
        """The fields made only when first read (the scorer leaves them out, see ``made``):
        the open questions (``_OPENED``: with ``still_to_ask`` and ``dealbreakers_unknown``,
        each one's weight and the answers it could get with their credit), and the sums per
        section (``_section_sums``)."""
        values = self.__dict__
        later = values.get("_later")
        if name in _OPENED:
            opened = later.opened() if later is not None else ((), (), (), ())
            for key, value in zip(_OPENED, opened, strict=True):
                values.setdefault(key, value)
            return values[name]
        if name == "_section_sums":  # per section: total, answered, gained, count, answered
            found = values[name] = later.sections() if later is not None else ()
            return found
        raise AttributeError(name)

    @cached_property
    def _answered(self) -> tuple[Answered, ...]:
        return () if self._later is None else self._later.answered()

    @cached_property
    def sections(self) -> tuple[SectionResult, ...]:
        results = []
        for (section_id, title), (total, answered, gained, count, done) in zip(
            self._section_meta, self._section_sums, strict=True
        ):
            count, done = int(count), int(done)
            score, low, high, _share = score_bounds(total, answered, gained)
            if done == 0:
                score = None  # a section with nothing answered has no score of its own yet
            results.append(SectionResult(section_id, title, score, low, high, done, count))
        return tuple(results)

    @cached_property
    def _movers(self) -> list[Mover]:
        total, answered_w, gained = self._sums
        movers: list[Mover] = []
        if self.score is None:
            return movers
        displayed = int(f"{self.score:.0f}")
        for item_id, weight, value, choice, label in self._answered:
            # leave-one-out: without this answer the item would count at the prior credit
            points = 100 * weight * (value - PRIOR_CREDIT) / total
            without = score_bounds(total, answered_w - weight, gained - weight * value)[0]
            shown = displayed - int(f"{without or 0.0:.0f}")
            if shown != 0 and (shown > 0) == (points > 0):
                movers.append(Mover(item_id, label, choice, points, shown))
        movers.sort(key=lambda m: (-m.points, m.item_id))
        return movers

    @property
    def movers_up(self) -> tuple[Mover, ...]:
        """The answers that raised the score most (leave-one-out), largest first."""
        return tuple([m for m in self._movers if m.points > 0][:MOVERS_SHOWN])

    @property
    def movers_down(self) -> tuple[Mover, ...]:
        return tuple([m for m in reversed(self._movers) if m.points < 0][:MOVERS_SHOWN])

    @cached_property
    def swings(self) -> dict[str, float]:
        """For each unknown item, the most one answer to it could move the score, in points."""
        total = self._sums[0]
        if total <= 0:
            return dict.fromkeys(self.still_to_ask, 0.0)
        return {
            item_id: 100 * weight * _FARTHEST / total
            for item_id, weight in zip(self.still_to_ask, self._unknown_weights, strict=True)
        }

    def unknowns(self) -> Iterator[tuple[str, float, tuple[tuple[Choice, float], ...]]]:
        """Each unanswered item: its id, weight (0 for a weightless dealbreaker), and the
        answers it could get with their credit; in the order of ``still_to_ask``: dealbreakers
        first, then the heaviest first."""
        return zip(self.still_to_ask, self._unknown_weights, self._unknown_options, strict=True)

    @property
    def sums(self) -> tuple[float, float, float]:
        """Total weight, answered weight, and credit gained: what the score is made of."""
        return self._sums

    # Both asked of every clinic many times while ranking: the scorer gives them (``made``).
    @cached_property
    def not_recommended(self) -> bool:
        return bool(self.dealbreakers_seen)

    def kept(self, name: str, make: Callable[[ClinicResult], Any]) -> Any:
        """A value its reader works out once per result (the ranking's sort key): an answer
        re-ranks every clinic, but only the answered clinic's result is new."""
        values = self.__dict__
        if name not in values:
            values[name] = make(self)
        return values[name]

    @cached_property
    def dealbreaker_open(self) -> bool:
        """Whether ``dealbreakers_unknown`` is not empty: a dealbreaker could still rule the
        clinic out. Known without making the list (a slider move asks it of every clinic)."""
        return bool(self.dealbreakers_unknown)

    def heaviest_open(self, dealbreakers: bool = False) -> float:
        """The largest weight of a question still open (0 when none is); of an open
        dealbreaker only, with ``dealbreakers``. Known without making the list."""
        values = self.__dict__
        known = values.get("_heaviest_open")
        if known is None and (later := values.get("_later")) is not None:
            known = values["_heaviest_open"] = later.heaviest()
        if known is not None:
            return float(known[dealbreakers])
        weights = zip(self.still_to_ask, self._unknown_weights, strict=True)
        ruling_out = set(self.dealbreakers_unknown) if dealbreakers else None
        return max(
            (w for item_id, w in weights if ruling_out is None or item_id in ruling_out),
            default=0.0,
        )

    @property
    def wide_range(self) -> bool:
        return round(self.high) - round(self.low) >= WIDE_RANGE  # the range as shown

    def summary(self, say: Callable[[str], str] = str) -> str:
        """One plain sentence or three that explain the number."""
        parts: list[str] = []
        if (
            self.not_recommended
        ):  # the views lead with why (kvet.rating.verdict); the number is secondary
            parts.append(say(RULED_OUT_FIRST))
        elif self.dealbreakers_withheld:
            parts.append(say(NOT_CLEARED))
        if self.score is None:
            parts.append(say(NO_SCORE))
        elif self.answered == 0:
            parts.append(
                say(NO_ANSWERS_YET).format(applicable=self.applicable, score=f"{self.score:.0f}")
            )
        elif self.answered == self.applicable:
            parts.append(say(ALL_ANSWERED).format(score=f"{self.score:.0f}"))
        else:
            share = (
                ""
                if self.known_share is None
                else say(SHARE_SO_FAR).format(share=f"{self.known_share:.0f}")
            )
            low, high = f"{self.low:.0f}", f"{self.high:.0f}"
            parts.append(
                say(SETTLED if low == high else EXPECTED).format(
                    score=f"{self.score:.0f}",
                    answered=self.answered,
                    applicable=self.applicable,
                    unknown=self.applicable - self.answered,
                    low=low,
                    high=high,
                    share=share,
                )
            )
            if self.wide_range:
                parts.append(say(MAY_CHANGE_A_LOT))
        return " ".join(parts)


def made(**values: object) -> ClinicResult:
    """A ClinicResult from its fields, without the frozen class's checks on each (a third of
    the time of scoring a clinic again after a slider move); those left out are made when
    first read (``ClinicResult.__getattr__``)."""
    result = object.__new__(ClinicResult)
    result.__dict__.update(values)
    return result
