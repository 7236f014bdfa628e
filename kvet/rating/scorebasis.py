"""One clinic's answers read once against the checklist (``Basis``): what a weight slider leaves
alone, so moving one only weighs the kept sums again (kvet.rating.scoring.Scorer).

Apart from the scorer's rules because it is bookkeeping, not a rule: which items count for which
formats, each answer's credit, and the sums per section, kept per clinic while its answers stay the
same.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from kvet.content.checklist import Checklist, Format, Kind
from kvet.rating.answers import OPTIONS, Choice, ClinicAnswers
from kvet.rating.costs import CostEstimate, CostPlan
from kvet.rating.scoreresult import Answered

# an item that counts (a weight of its own, or a dealbreaker): its section, own weight, the credit
# of its answer (None while open), whether it is a dealbreaker, its id, the answer and its label
Term = tuple[int, float, float | None, bool, str, Choice | None, str]


@dataclass(frozen=True)
class Entry:
    item_id: str
    section: str
    label: str
    kind: Kind
    weight: float  # the item's own weight (0 and up), before its section's
    dealbreaker: bool


@dataclass(frozen=True)
class Basis:
    """One clinic's answers, read once against the checklist: what a weight slider leaves alone.

    When every weight is a whole number of 256ths (the checklist's and the sliders' all are),
    sums of weights are exact in any order, so ``sections`` (per section: own weight, answered
    weight, count and answered count of the items of positive weight; then of the dealbreakers
    without weight; then of every dealbreaker) give the totals with a few multiplications, and
    only the credit gained is summed answer by answer (``gains``: section, own weight, credit),
    in checklist order as always, because a credit of 0.4 is not exact. So every score is the
    same to the last digit as a full scoring (``Reader.terms``, used whenever a weight is not
    such a number), and a slider move reads no answer again.
    """

    sections: tuple[tuple[float, float, int, int, int, int, int, int], ...]
    gains: tuple[tuple[int, float, float], ...]
    seen: tuple[str, ...]
    dealbreakers_seen: tuple[str, ...]
    withheld: tuple[str, ...]
    # (dealbreaker, own weight, order, item id, section, answers it could get)
    unknown: tuple[tuple[bool, float, int, str, int, int], ...]
    # The same, laid out for a slider move (kvet.rating.scoring.Scorer._weigh): per section, the
    # own weight and the answered own weight; the gains as three columns (section, own weight,
    # credit); and the heaviest own weight of an open question, and of an open dealbreaker, per
    # section.
    owns: tuple[float, ...] = ()
    owns_answered: tuple[float, ...] = ()
    gain_sections: tuple[int, ...] = ()
    gain_owns: tuple[float, ...] = ()
    gain_values: tuple[float, ...] = ()
    open_heaviest: tuple[float, ...] = ()
    open_heaviest_dealbreaker: tuple[float, ...] = ()
    # the questions that count and those answered, when every section has a weight
    counted: tuple[int, int] = (0, 0)
    # a dealbreaker still open: not answered, not sure, or the clinic would not say
    dealbreaker_open: bool = False
    costs: dict[CostPlan, CostEstimate | None] = field(default_factory=dict)  # per cost plan


@dataclass(frozen=True)
class Layout:
    """The items of one set of formats as ``Reader.basis`` reads them (see ``Reader._layout``)."""

    ids: tuple[str, ...]
    tables: tuple[dict[Choice, float | None], ...]
    # (order, id, red flag, dealbreaker) of each red flag or dealbreaker
    flags: tuple[tuple[int, str, bool, bool], ...]
    # (order, id, section, own weight, dealbreaker, answers it could get) of each that counts
    counting: tuple[tuple[int, str, int, float, bool, int], ...]
    sections: tuple[tuple[float, ...], ...]  # as ``Basis.sections`` before any answer


class Reader:
    """The checklist's items that count, made ready once per set of formats, and each clinic's
    answers read against them once while they stay the same.

    A scorer for other section weights, budget or cost plan shares its reader (the item weights
    and the dealbreakers are in ``entries``), so a slider move reads no answer again.
    """

    def __init__(self, checklist: Checklist, entries: list[Entry]) -> None:
        self.checklist = checklist
        self.entries = entries
        self._section_index = {s.id: n for n, s in enumerate(checklist.sections)}
        self._prepared: dict[frozenset[Format], list[Prepared]] = {}
        self._layouts: dict[frozenset[Format], Layout] = {}
        # per clinic (by identity, the clinic kept so the identity stays its own)
        self._bases: dict[int, tuple[ClinicAnswers, Basis]] = {}

    def prepare(self, formats: frozenset[Format]) -> list[Prepared]:
        prepared = self._prepared.get(formats)
        if prepared is None:
            items = self.checklist.items_by_id
            prepared = [
                (
                    e.item_id,
                    self._section_index[e.section],
                    e.weight,
                    CREDITS[e.kind],
                    e.dealbreaker,
                    e.kind is Kind.RED_FLAG,
                    e.label,
                    OPTION_SETS[DEFINITE[e.kind]],
                )
                for e in self.entries
                if items[e.item_id].applies_to(formats)
            ]
            self._prepared[formats] = prepared
        return prepared

    def basis(self, clinic: ClinicAnswers) -> Basis:
        """The clinic's answers read against the checklist, once while they stay the same."""
        held = self._bases.get(id(clinic))
        if held is not None and held[0] is clinic:
            return held[1]
        layout = self._layout(clinic.formats)
        choices = list(map(clinic.answers.get, layout.ids))  # every answer looked up once
        # its credit (None: open)
        values = list(map(dict.get, layout.tables, choices))  # type: ignore[arg-type]
        seen: list[str] = []
        dealbreakers_seen: list[str] = []
        withheld: list[str] = []
        for order, item_id, red_flag, dealbreaker in layout.flags:
            choice = choices[order]
            if red_flag and choice is Choice.SEEN:
                seen.append(item_id)
                if dealbreaker:
                    dealbreakers_seen.append(item_id)
            elif dealbreaker and choice is Choice.REFUSED:
                withheld.append(item_id)
        sections = [list(acc) for acc in layout.sections]
        gains: list[tuple[int, float, float]] = []
        unknown: list[tuple[bool, float, int, str, int, int]] = []
        for order, item_id, index, weight, dealbreaker, definite in layout.counting:
            value = values[order]
            if value is None:
                unknown.append((dealbreaker, weight, order, item_id, index, definite))
                continue
            acc = sections[index]
            if weight > 0:
                acc[1] += weight
                acc[3] += 1
                if value:
                    gains.append((index, weight, value))
            else:
                acc[5] += 1
            if dealbreaker:
                acc[7] += 1
        counted = len(layout.counting)
        basis = _laid_out(sections, gains, seen, dealbreakers_seen, withheld, unknown, counted)
        self._bases[id(clinic)] = (clinic, basis)
        return basis

    def _layout(self, formats: frozenset[Format]) -> Layout:
        """The items for these formats as ``basis`` reads them (made once per set of formats):
        every item's id and credits; the red flags and dealbreakers; the items that count
        (a weight of their own, or a dealbreaker), and what they add up to per section before
        any answer (own weight, count, count without weight, dealbreakers)."""
        layout = self._layouts.get(formats)
        if layout is not None:
            return layout
        prepared = self.prepare(formats)
        sections = [[0.0, 0.0, 0, 0, 0, 0, 0, 0] for _ in self.checklist.sections]
        counting = []
        for order, (
            item_id,
            index,
            weight,
            _table,
            dealbreaker,
            _red,
            _label,
            definite,
        ) in enumerate(prepared):
            if weight <= 0 and not dealbreaker:
                continue  # a dealbreaker is about safety: it counts whatever its weight
            acc = sections[index]
            if weight > 0:
                acc[0] += weight
                acc[2] += 1
            else:
                acc[4] += 1
            if dealbreaker:
                acc[6] += 1
            counting.append((order, item_id, index, weight, dealbreaker, definite))
        layout = self._layouts[formats] = Layout(
            tuple([p[0] for p in prepared]),
            tuple([p[3] for p in prepared]),
            tuple([(n, p[0], p[5], p[4]) for n, p in enumerate(prepared) if p[5] or p[4]]),
            tuple(counting),
            tuple(map(tuple, sections)),
        )
        return layout

    def terms(self, clinic: ClinicAnswers) -> Iterator[Term]:
        """Each item that counts (a weight of its own, or a dealbreaker), in checklist order:
        its section, own weight, the credit of its answer (None while open), whether it is a
        dealbreaker, its id, the answer and its label."""
        answers = clinic.answers
        for item_id, index, weight, table, dealbreaker, _red, label, _definite in self.prepare(
            clinic.formats
        ):
            if weight <= 0 and not dealbreaker:
                continue
            choice = answers.get(item_id)
            value = table.get(choice) if choice is not None else None
            yield index, weight, value, dealbreaker, item_id, choice, label

    def holds(self, clinic: ClinicAnswers) -> bool:
        """Whether this clinic's answers are already read (kept while they stay the same)."""
        held = self._bases.get(id(clinic))
        return held is not None and held[0] is clinic

    def keep_only(self, clinics: list[ClinicAnswers]) -> None:
        """Forget every clinic but these, so the sums kept never pile up."""
        if len(self._bases) > len(clinics):
            kept = {id(clinic) for clinic in clinics}
            for key in [k for k in self._bases if k not in kept]:
                del self._bases[key]


def _laid_out(
    sections: list[list[float]],
    gains: list[tuple[int, float, float]],
    seen: list[str],
    dealbreakers_seen: list[str],
    withheld: list[str],
    unknown: list[tuple[bool, float, int, str, int, int]],
    counted: int,
) -> Basis:
    """A clinic's answers as read, kept as the scorer asks for them (see ``Basis``);
    ``counted``: how many of its questions count (a weight of their own, or a dealbreaker)."""
    heaviest = [0.0] * len(sections)
    heaviest_dealbreaker = [0.0] * len(sections)
    dealbreaker_open = bool(withheld)
    for dealbreaker, weight, _order, _item_id, index, _definite in unknown:
        if weight > heaviest[index]:
            heaviest[index] = weight
        if dealbreaker:
            dealbreaker_open = True
            if weight > heaviest_dealbreaker[index]:
                heaviest_dealbreaker[index] = weight
    return Basis(
        tuple(map(tuple, sections)),  # type: ignore[arg-type]
        tuple(gains),
        tuple(seen),
        tuple(dealbreakers_seen),
        tuple(withheld),
        tuple(unknown),
        tuple([acc[0] for acc in sections]),
        tuple([acc[1] for acc in sections]),
        tuple([g[0] for g in gains]),
        tuple([g[1] for g in gains]),
        tuple([g[2] for g in gains]),
        tuple(heaviest),
        tuple(heaviest_dealbreaker),
        (counted, counted - len(unknown)),
        dealbreaker_open,
    )


def small_dyadic(weight: float) -> bool:
    """A whole number of 256ths below 256: products and sums of such weights are exact."""
    return 0 <= weight < 256 and weight * 256 % 1 == 0


def weighed_answers(
    terms: Iterable[Term],
    factors: list[float],
    budget: Answered | None,
) -> tuple[Answered, ...]:
    """The answers counted, each at its weight under these section weights; the budget last."""
    found: list[Answered] = [
        (item_id, weight, value, choice, label)
        for index, own, value, dealbreaker, item_id, choice, label in terms
        if value is not None
        and choice is not None
        and ((weight := factors[index] * own) > 0 or dealbreaker)
    ]
    if budget is not None:
        found.append(budget)
    return tuple(found)


Definite = tuple[tuple[Choice, float], ...]
Prepared = tuple[str, int, float, dict[Choice, float | None], bool, bool, str, int]
CREDITS: dict[Kind, dict[Choice, float | None]] = {
    kind: {o.choice: o.credit for o in options} for kind, options in OPTIONS.items()
}
DEFINITE: dict[Kind, Definite] = {
    kind: tuple((o.choice, o.credit) for o in options if o.credit is not None)
    for kind, options in OPTIONS.items()
}


# The answers an open question could get, by number: a clinic's open questions then hold only
# numbers and text, which Python's cycle collector stops walking after one look.
OPTIONS_OF = list(dict.fromkeys(DEFINITE.values()))
OPTION_SETS = {options: n for n, options in enumerate(OPTIONS_OF)}
