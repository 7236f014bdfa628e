"""Deciding together: how people's answers combine, who said what, and what the family settled."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any

from kvet.content.checklist import Checklist, Item, Kind
from kvet.rating.answers import Choice
from kvet.rating.combine import Decision, Disagreement, Opinion, Rule, caution, disagreeing
from kvet.rating.money import unit_for
from kvet.store.changes import Change, ChangeKind
from kvet.store.context import StoreContext
from kvet.store.errors import InvalidValueError
from kvet.store.records import ClinicInfo
from kvet.store.rows import (
    check_rater,
    comparison_value,
    item_groups,
    list_live_clinics,
    live_clinic,
    live_clinic_ids,
    opinion,
    opinion_rows,
    read_decisions,
    read_opinions,
    stored_rule,
)
from kvet.store.settings import SettingsStore
from kvet.store.tables import (
    answer_table,
    assessment_table,
    comparison_table,
    decision_table,
    utcnow,
)
from kvet.store.undo import Edit
from kvet.store.validation import (
    clean_fact,
    clean_text,
    fitting_choice,
    stored_choice,
)
from kvet.store.writers import decision_row, decision_snapshot, decision_writer, write_decision_row

if TYPE_CHECKING:
    from kvet.store.connection import Unit


def read_rule(s: Unit, comparison_id: str) -> Rule:
    """A comparison's combine rule, inside a transaction the caller holds."""
    return stored_rule(comparison_value(s, comparison_id, comparison_table.c.combine_rule))


class DecisionStore:
    """The combine rule, everyone's opinions, the family's decisions and open disagreements."""

    def __init__(self, ctx: StoreContext, settings: SettingsStore) -> None:
        self._ctx = ctx
        self._settings = settings  # for the country's view of the checklist

    def rule(self, comparison_id: str) -> Rule:
        """How the combined view merges people's answers in this comparison."""
        with self._ctx.db.statements() as s:
            return read_rule(s, comparison_id)

    def set_rule(self, comparison_id: str, rule: Rule) -> None:
        """Choose the rule the combined view uses; an undoable edit like a weight change."""

        try:
            value = Rule(rule)
        except ValueError:
            known = ", ".join(r.value for r in Rule)
            raise InvalidValueError("value.unknown-rule", known=known) from None
        self._ctx.edit_fields(
            comparison_table,
            comparison_id,
            {"combine_rule": value.value},
            "Change how answers are combined",
            Change(ChangeKind.SETTINGS, comparison_id),
        )

    def opinions(self, clinic_id: str) -> dict[str, list[Opinion]]:
        """Each person's answer on each item of one clinic, people in the order they were added.

        People who never answered an item are absent from its list.
        """
        with self._ctx.db.statements() as s:
            return read_opinions(s, assessment_table.c.clinic_id == clinic_id).get(clinic_id, {})

    def by_item(self, clinic_id: str) -> dict[str, Decision]:
        """The decisions that settled disagreements on one clinic, by item id."""
        with self._ctx.db.statements() as s:
            return read_decisions(s, decision_table.c.clinic_id == clinic_id).get(clinic_id, {})

    def opinions_in(self, comparison_id: str) -> dict[str, dict[str, list[Opinion]]]:
        """``opinions`` of every live clinic of a comparison, by clinic id, in one read: a
        window showing 200 clinics fills in one query, not 200."""
        with self._ctx.db.statements() as s:
            return read_opinions(
                s, assessment_table.c.clinic_id.in_(live_clinic_ids(comparison_id))
            )

    def by_item_in(self, comparison_id: str) -> dict[str, dict[str, Decision]]:
        """``by_item`` of every live clinic of a comparison, by clinic id, in one read."""
        with self._ctx.db.statements() as s:
            return read_decisions(s, decision_table.c.clinic_id.in_(live_clinic_ids(comparison_id)))

    def seen(
        self, comparison_id: str, clinic_id: str | None = None
    ) -> dict[str, dict[str, list[Opinion]]]:
        """The red flags recorded as seen, who saw them and when, by clinic id then item: one
        clinic's, or every live clinic's of the comparison in one read. Why a clinic is not
        recommended needs these alone, a few rows where ``opinions_in`` reads every answer."""
        where = (
            assessment_table.c.clinic_id == clinic_id
            if clinic_id is not None
            else assessment_table.c.clinic_id.in_(live_clinic_ids(comparison_id))
        )
        with self._ctx.db.statements() as s:
            return read_opinions(s, where & (answer_table.c.choice == Choice.SEEN.value))

    def settle(
        self,
        clinic_id: str,
        item_id: str,
        choice: Choice | None,
        decided_by: str,
        *,
        number: float | None = None,
        note: str = "",
    ) -> None:
        """Record what the family agreed on for one item, who decided, and when. Undoable.

        Each person's own answers stay as they were: the decision only changes the combined
        view, until someone answers the item again (see ``kvet.rating.combine``). A choice for a
        fact,
        or a number for anything else, is refused. No choice and no number removes the
        decision.
        """
        item = self._ctx.item(item_id)
        note = clean_text(note, "note")
        if item.kind is Kind.FACT:
            if choice is not None:
                raise InvalidValueError("value.settled-with-number", item=item.statement)
            values: dict[str, Any] = {
                "choice": None,
                "number": None if number is None else clean_fact(item, number),
            }
        else:
            if number is not None:
                raise InvalidValueError("value.settled-with-choice", item=item.statement)
            values = {
                "choice": None if choice is None else fitting_choice(item, choice).value,
                "number": None,
            }
        decided_by = self._ctx.rater(decided_by)
        with self._ctx.db.transaction() as s:
            comparison_id = live_clinic(s, clinic_id).comparison_id
            check_rater(s, decided_by)
            row = decision_row(s, clinic_id, item_id)
            before = decision_snapshot(row)
            after: dict[str, Any] | None = None
            if values["choice"] is not None or values["number"] is not None:
                after = {**values, "note": note, "decided_by": decided_by, "decided_at": utcnow()}
            if before is None and after is None:
                return  # nothing was decided, and nothing is: no write, no undo step
            write_decision_row(s, clinic_id, item_id, after)
        change = Change(ChangeKind.DECISION, comparison_id, clinic_id, item_id)
        text = (
            f"Settle “{item.statement}”"
            if after
            else f"Withdraw the decision on “{item.statement}”"
        )
        self._ctx.record(Edit(text, decision_writer(clinic_id, item_id), before, after), change)
        self._ctx.notify(change)

    def disagreements(self, comparison_id: str, clinic_id: str | None = None) -> list[Disagreement]:
        """Where people's actual answers differ and no later decision settled it.

        In clinic order, then checklist order; only one clinic's when ``clinic_id`` is given.
        Items retired from the checklist are left out: they no longer count; so are items about
        another country's rules (their answers are kept, but nothing asks to settle them).
        """
        items = self._settings.country_checklist.items_by_id
        with self._ctx.db.statements() as s:
            # one clinic's: that clinic alone is read, so an answer's cost does not grow
            clinics = list_live_clinics(s, comparison_id, (clinic_id,) if clinic_id else ())
            if not clinics:
                return []
            if clinic_id is not None:
                clinic_filter = assessment_table.c.clinic_id == clinic_id
                decision_filter = decision_table.c.clinic_id == clinic_id
            else:
                clinic_filter = assessment_table.c.clinic_id.in_(live_clinic_ids(comparison_id))
                decision_filter = decision_table.c.clinic_id.in_(live_clinic_ids(comparison_id))
            found = open_disagreements(
                item_groups(s.execute(opinion_rows(clinic_filter))),
                read_decisions(s, decision_filter),
                items,
                self._ctx.checklist,
            )
        return worded(found, clinics, items)


Found = tuple[int, str, str, tuple[Opinion, ...]]  # checklist position, clinic, item, opinions


def open_disagreements(
    groups: Iterable[list[Any]],
    decided: Mapping[str, Mapping[str, Decision]],
    items: Mapping[str, Item],
    checklist: Checklist,
    opinion_of: Callable[[Any], Opinion] = opinion,
) -> list[Found]:
    """Where the opinions differ, unsorted: ``groups`` are each item's rows of ``opinion_rows``
    together, ``decided`` the decisions by clinic then item, ``items`` the items that count;
    ``opinion_of`` makes an ``Opinion`` of a row."""
    order = {item.id: n for n, item in enumerate(checklist.items)}
    found: list[Found] = []
    for group in groups:
        first = group[0]
        item = items.get(first[1])
        if item is None or len(group) < 2:
            continue
        kind = item.kind
        actual = {
            (r[4], r[5]) for r in group if caution(kind, stored_choice(r[4]), r[5]) is not None
        }
        if len(actual) < 2:
            continue  # cheap test first: most items have one answer, or answers agree
        decision = decided.get(first[0], {}).get(item.id)
        differing = disagreeing(kind, [opinion_of(r) for r in group], decision)
        if differing:
            found.append((order[item.id], first[0], item.id, differing))
    return found


def worded(
    found: list[Found], clinics: list[ClinicInfo], items: Mapping[str, Item]
) -> list[Disagreement]:
    """``found`` in clinic order (as ``clinics``), then checklist order, as ``Disagreement``s."""
    position = {c.id: n for n, c in enumerate(clinics)}
    found.sort(key=lambda f: (position.get(f[1], len(position)), f[0]))
    names = {c.id: c.name for c in clinics}
    currencies = {c.id: c.currency for c in clinics}
    return [
        Disagreement(
            clinic_id,
            names[clinic_id],
            item_id,
            items[item_id].statement,
            differing,
            unit_for(items[item_id].unit, currencies[clinic_id]),
        )
        for _order, clinic_id, item_id, differing in found
        if clinic_id in names
    ]
