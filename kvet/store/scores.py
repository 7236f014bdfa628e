"""The scoring reads: every clinic of a comparison as scoring input, and the scored ranking.

Scoring runs on every edit, so these read a whole comparison in a few queries, never one per
clinic, in one person's view or everyone's combined.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import String, literal_column, null, select, type_coerce, union_all

from kvet.rating.answers import Choice, ClinicAnswers
from kvet.rating.combine import Rule
from kvet.rating.ranking import Ranking, rank
from kvet.rating.scoreresult import ClinicResult
from kvet.rating.scoring import Scorer, Weights
from kvet.store import keptanswers
from kvet.store.clinicreads import ClinicReads, read_clinic
from kvet.store.context import StoreContext
from kvet.store.deciding import read_rule
from kvet.store.records import ClinicInfo
from kvet.store.rows import item_groups, list_live_clinics, merge_rows, stored_rule
from kvet.store.settings import SettingsStore, read_weights
from kvet.store.tables import (
    answer_table,
    assessment_table,
    clinic_table,
    comparison_table,
    decision_table,
)

if TYPE_CHECKING:
    from kvet.store.connection import Unit


class ScoreStore:
    """Reads only: nothing here writes, records undo or sends a notice."""

    def __init__(self, ctx: StoreContext, settings: SettingsStore) -> None:
        self._ctx = ctx
        self._settings = settings  # for the country's view of the checklist
        self._kinds = ""  # kvet.store.keptanswers.kinds_key, made when first needed

    def _made_on(self, rule: Rule) -> str:
        """What merged answers kept in the file must have been merged on, to be read."""
        if not self._kinds:
            self._kinds = keptanswers.kinds_key(self._ctx.checklist)
        return keptanswers.basis(self._kinds, rule)

    def keep_merged(self) -> None:
        """Keep every comparison's merged answers in the file for the next start, unless those
        kept are already the rows' (see kvet.store.keptanswers). Called as the data closes."""
        db = self._ctx.db
        if db.read_only or db.closed:
            return
        table = comparison_table.c
        with db.statements() as s:
            rules = {
                row.id: stored_rule(row.combine_rule)
                for row in s.execute(
                    select(table.id, table.combine_rule).where(table.deleted_at.is_(None))
                )
            }
            made_on = {cid: self._made_on(rule) for cid, rule in rules.items()}
            if db.kept_answers_current and keptanswers.kept_on(s) == made_on:
                return
            merged = [
                (cid, made_on[cid], self._merged_rows(s, cid, rule)) for cid, rule in rules.items()
            ]
            keptanswers.write(s, merged)
        db.kept_again()

    def clinic_answers(
        self, comparison_id: str, rater_id: str | None = None, *, combined: bool = False
    ) -> list[ClinicAnswers]:
        """Every clinic of a comparison as plain scoring input, read in a few queries (never one
        per clinic), in either mode.

        ``combined``: everyone's answers merged with the comparison's rule and decisions
        (``rater_id`` is then ignored), so they score exactly as one person's would.
        """
        with self._ctx.db.statements() as s:
            if combined:
                return self._combined_answers(s, comparison_id, read_rule(s, comparison_id))
            return self._clinic_answers(s, comparison_id, self._ctx.rater(rater_id))

    def listed_and_answers(
        self, comparison_id: str, rater_id: str | None = None, *, combined: bool = False
    ) -> tuple[list[ClinicInfo], list[ClinicAnswers]]:
        """The comparison's clinics as ``ClinicStore.list`` gives them, and ``clinic_answers``:
        what the window reads on opening a comparison, in one transaction that reads the
        clinics once."""
        with self._ctx.db.statements() as s:
            clinics = list_live_clinics(s, comparison_id)
            if combined:
                rule = read_rule(s, comparison_id)
                return clinics, self._combined_answers(s, comparison_id, rule, clinics=clinics)
            rater = self._ctx.rater(rater_id)
            return clinics, self._clinic_answers(s, comparison_id, rater, clinics=clinics)

    def one_clinic_answers(
        self, clinic_id: str, rater_id: str | None = None, *, combined: bool = False
    ) -> ClinicAnswers | None:
        """One clinic as scoring input, read as ``clinic_answers`` reads it (None if deleted).

        After one answer only that clinic can score differently: the window reads it alone,
        so the work of an answer does not grow with the number of clinics.
        """
        with self._ctx.db.statements() as s:
            return self._one_clinic(s, clinic_id, rater_id, combined)

    def clinic_reads(
        self,
        clinic_id: str,
        answering: str | None,
        rater_id: str | None = None,
        *,
        combined: bool = False,
    ) -> ClinicReads | None:
        """``one_clinic_answers`` with the rest the window shows of that clinic (``answering``:
        whose answers it shows) and where people's answers on it differ, in one transaction of
        three plain statements (None if the clinic was deleted)."""
        scored_by = None if combined else self._ctx.rater(rater_id)
        with self._ctx.db.statements() as conn:
            return read_clinic(
                conn,
                clinic_id,
                scored_by,
                self._ctx.rater(answering),
                self._ctx.checklist,
            )

    def scoring_settings(self, comparison_id: str) -> tuple[Weights, Rule]:
        """A comparison's weights and its rule for combining answers, in one read: after a
        slider move the window needs both, and nothing else from the settings."""
        with self._ctx.db.statements() as s:
            return read_weights(s, comparison_id), read_rule(s, comparison_id)

    def _one_clinic(
        self, s: Unit, clinic_id: str, rater_id: str | None, combined: bool
    ) -> ClinicAnswers | None:
        table = clinic_table.c
        clinic = s.execute(
            select(table.comparison_id).where(table.id == clinic_id, table.deleted_at.is_(None))
        ).first()
        if clinic is None:
            return None
        comparison_id, only = clinic.comparison_id, (clinic_id,)
        if combined:
            found = self._combined_answers(s, comparison_id, read_rule(s, comparison_id), only)
        else:
            found = self._clinic_answers(s, comparison_id, self._ctx.rater(rater_id), only)
        return found[0] if found else None

    def results(
        self,
        comparison_id: str,
        rater_id: str | None = None,
        weights: Weights | None = None,
        *,
        combined: bool = False,
    ) -> tuple[list[ClinicResult], Ranking]:
        """Score every clinic of a comparison with its saved weights (or ``weights``), and rank.

        ``combined``: from everyone's answers together (see ``clinic_answers``).
        """
        with self._ctx.db.statements() as s:
            weights = weights or read_weights(s, comparison_id)
            if combined:
                rule = read_rule(s, comparison_id)
                clinics = self._combined_answers(s, comparison_id, rule)
            else:
                clinics = self._clinic_answers(s, comparison_id, self._ctx.rater(rater_id))
        results = Scorer(self._settings.country_checklist, weights).score_all(clinics)
        return results, rank(results)

    def _clinic_answers(
        self,
        s: Unit,
        comparison_id: str,
        rater_id: str,
        only: tuple[str, ...] = (),
        clinics: list[ClinicInfo] | None = None,
    ) -> list[ClinicAnswers]:
        """``only``: these clinics alone (all of the comparison's when empty); ``clinics``: the
        comparison's, when read already."""
        if clinics is None:
            clinics = list_live_clinics(s, comparison_id, only)
        wanted = (clinic_table.c.id.in_(only),) if only else ()
        rows = s.execute(
            select(
                assessment_table.c.clinic_id,
                answer_table.c.item_id,
                answer_table.c.choice,
                answer_table.c.number,
            )
            .join(answer_table, answer_table.c.assessment_id == assessment_table.c.id)
            .join(clinic_table, clinic_table.c.id == assessment_table.c.clinic_id)
            .where(
                clinic_table.c.comparison_id == comparison_id,
                clinic_table.c.deleted_at.is_(None),
                assessment_table.c.rater_id == rater_id,
                *wanted,
            )
        )
        choices: dict[str, dict[str, Choice]] = {c.id: {} for c in clinics}
        facts: dict[str, dict[str, float]] = {c.id: {} for c in clinics}
        by_value = Choice._value2member_map_
        for clinic_id, item_id, choice, number in rows:
            if choice is not None:
                known = by_value.get(choice)
                if isinstance(known, Choice):
                    choices[clinic_id][item_id] = known
            if number is not None:
                facts[clinic_id][item_id] = number
        return [
            ClinicAnswers(c.id, c.name, c.formats, choices[c.id], facts[c.id], c.currency)
            for c in clinics
        ]

    def _combined_answers(
        self,
        s: Unit,
        comparison_id: str,
        rule: Rule,
        only: tuple[str, ...] = (),
        clinics: list[ClinicInfo] | None = None,
    ) -> list[ClinicAnswers]:
        """Everyone's answers and the decisions, read in one query; or, when all of a
        comparison is asked for and nothing changed since its merge was kept, as kept
        (kvet.store.keptanswers).

        Only items where more than one thing was said go through ``kvet.rating.combine``, and only
        their dates are parsed (most items have a single answer). ``only``: these clinics alone;
        ``clinics``: the comparison's, when read already.
        """
        if clinics is None:
            clinics = list_live_clinics(s, comparison_id, only)
        if not only and self._ctx.db.kept_answers_current:
            kept = keptanswers.read(s, comparison_id, clinics, self._made_on(rule))
            if kept is not None:
                return kept
        return self._merged_rows(s, comparison_id, rule, only, clinics)

    def _merged_rows(
        self,
        s: Unit,
        comparison_id: str,
        rule: Rule,
        only: tuple[str, ...] = (),
        clinics: list[ClinicInfo] | None = None,
    ) -> list[ClinicAnswers]:
        """``_combined_answers`` merged from the rows themselves, never from what is kept."""
        if clinics is None:
            clinics = list_live_clinics(s, comparison_id, only)
        query = _merge_query(comparison_id, only)
        kinds = {item.id: item.kind for item in self._ctx.checklist.items}
        by_value = Choice._value2member_map_
        choices: dict[str, dict[str, Choice]] = {c.id: {} for c in clinics}
        facts: dict[str, dict[str, float]] = {c.id: {} for c in clinics}
        for rows in item_groups(s.execute(query)):
            clinic_id, item_id, choice, number, _when, decided, _by = rows[0]
            if len(rows) > 1 or decided:
                choice, number = merge_rows(kinds.get(item_id), rows, rule)
            else:  # one person's answer: nothing to merge
                choice = by_value.get(choice) if choice else None
            if isinstance(choice, Choice):
                choices[clinic_id][item_id] = choice
            if number is not None:
                facts[clinic_id][item_id] = number
        return [
            ClinicAnswers(c.id, c.name, c.formats, choices[c.id], facts[c.id], c.currency)
            for c in clinics
        ]


def _merge_query(comparison_id: str, only: tuple[str, ...]) -> Any:
    """Everyone's answers and the decisions on the comparison's live clinics (``only``: these
    alone), as ``merge_rows`` reads them: clinic, item, choice, number, when, decided?, who."""
    live: tuple[Any, ...] = (
        clinic_table.c.comparison_id == comparison_id,
        clinic_table.c.deleted_at.is_(None),
    )
    if only:
        live = (*live, clinic_table.c.id.in_(only))
    said: Any = (
        select(
            assessment_table.c.clinic_id.label("clinic_id"),
            answer_table.c.item_id.label("item_id"),
            answer_table.c.choice,
            answer_table.c.number,
            type_coerce(answer_table.c.answered_at, String),  # parsed later, only when needed
            literal_column("0"),
            null(),  # who answered: never needed to merge (14,000 ids at 200 clinics)
        )
        .join(answer_table, answer_table.c.assessment_id == assessment_table.c.id)
        .join(clinic_table, clinic_table.c.id == assessment_table.c.clinic_id)
        .where(*live)
    )
    decided: Any = (
        select(
            decision_table.c.clinic_id,
            decision_table.c.item_id,
            decision_table.c.choice,
            decision_table.c.number,
            type_coerce(decision_table.c.decided_at, String),
            literal_column("1"),
            decision_table.c.decided_by,
        )
        .join(clinic_table, clinic_table.c.id == decision_table.c.clinic_id)
        .where(*live)
    )
    # sorted so each item's rows arrive together (see item_groups)
    return union_all(said, decided).order_by("clinic_id", "item_id")
