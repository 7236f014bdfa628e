"""The comparison as a table (items by clinics, plus the scores), shared by CSV and reports."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import NamedTuple

from kvet.content.checklist import Kind
from kvet.rating.answers import Choice, label
from kvet.rating.combine import RULE_NAMES, Disagreement
from kvet.rating.money import unit_for
from kvet.rating.ranking import Ranking
from kvet.rating.verdict import Reason, reasons, sightings
from kvet.store.api import Store
from kvet.store.records import AnswerInfo, ClinicInfo


class Note(NamedTuple):
    """What a clinic said about one item, in the user's words."""

    clinic_id: str  # clinics may share a name, so notes belong to an id
    clinic_name: str
    section: str
    item_id: str
    statement: str
    note: str


@dataclass(frozen=True)
class ComparisonTable:
    comparison_name: str
    clinics: tuple[ClinicInfo, ...]  # in ranking order
    ranking: Ranking
    rows: tuple[tuple[str, str, tuple[str, ...]], ...]  # section, statement, one cell per clinic
    notes: tuple[Note, ...]  # in checklist order, then ranking order
    whose: str = ""  # whose answers the table shows, in a sentence
    disagreements: tuple[Disagreement, ...] = ()  # only in the combined view
    settled: tuple[str, ...] = ()  # decisions in force, each as a sentence (combined view)
    # why each clinic that is not recommended is not: which red flag, who saw it and when
    reasons: dict[str, tuple[Reason, ...]] = field(default_factory=dict)


def number_text(number: float) -> str:
    """A price or count as typed: 550, 1000000 or 87.5 (never 1e+06 or a rounded 123457)."""
    return f"{number:.2f}".rstrip("0").rstrip(".")


def answer_cell(kind: Kind, unit: str, answer: AnswerInfo | None) -> str:
    if answer is None:
        return "not answered"
    return value_cell(kind, unit, answer.choice, answer.number)


def value_cell(kind: Kind, unit: str, choice: Choice | None, number: float | None) -> str:
    if kind is Kind.FACT:
        if number is None:
            return "not answered"
        return f"{number_text(number)} {unit}".strip()
    return label(kind, choice) if choice else "not answered"


def build_table(
    store: Store, comparison_id: str, rater_id: str | None = None, *, combined: bool = False
) -> ComparisonTable:
    """One person's answers, or (``combined``) everyone's, merged as the comparison's rule says."""
    _results, ranking = store.scores.results(comparison_id, rater_id, combined=combined)
    by_id = {c.id: c for c in store.clinics.list(comparison_id)}
    clinics = tuple(by_id[p.result.clinic_id] for p in ranking.places)
    whose_seen = None if combined else rater_id or store.people.default().id
    why = _reasons(store, comparison_id, ranking, whose_seen)
    if combined:
        return replace(_combined_table(store, comparison_id, clinics, ranking), reasons=why)
    answers = [store.answers.by_item(c.id, rater_id) for c in clinics]
    checklist = store.settings.country_checklist
    rows = []
    notes: list[Note] = []
    for section in checklist.sections:
        for item in checklist.items_in(section.id):
            cells = []
            for clinic, given in zip(clinics, answers, strict=True):
                if not item.applies_to(clinic.formats):
                    cells.append("does not apply")
                    continue
                answer = given.get(item.id)
                unit = unit_for(item.unit, clinic.currency)
                cells.append(answer_cell(item.kind, unit, answer))
                if answer is not None and answer.note:
                    notes.append(
                        Note(
                            clinic.id,
                            clinic.name,
                            section.title,
                            item.id,
                            item.statement,
                            answer.note,
                        )
                    )
            rows.append((section.title, item.statement, tuple(cells)))
    name = store.comparisons.get(comparison_id).name
    rater = rater_id or store.people.default().id
    person = next((r.name for r in store.people.list() if r.id == rater), "")
    return ComparisonTable(
        name,
        clinics,
        ranking,
        tuple(rows),
        tuple(notes),
        whose=f"Answers given by {person}.",
        reasons=why,
    )


def _reasons(
    store: Store, comparison_id: str, ranking: Ranking, whose_seen: str | None
) -> dict[str, tuple[Reason, ...]]:
    """Why each clinic that is not recommended is not, with who saw each red flag (only
    ``whose_seen``'s sightings, or everyone's when None)."""
    weights = store.settings.weights(comparison_id)
    return {
        p.result.clinic_id: tuple(
            reasons(
                p.result,
                store.checklist,
                weights,
                sightings(store.decisions.opinions(p.result.clinic_id), whose_seen),
            )
        )
        for p in ranking.places
        if p.result.not_recommended
    }


def _combined_table(
    store: Store, comparison_id: str, clinics: tuple[ClinicInfo, ...], ranking: Ranking
) -> ComparisonTable:
    merged = {c.id: c for c in store.scores.clinic_answers(comparison_id, combined=True)}
    people = len(store.people.list())
    checklist = store.settings.country_checklist
    rows = []
    notes: list[Note] = []
    opinions = {c.id: store.decisions.opinions(c.id) for c in clinics}
    for section in checklist.sections:
        for item in checklist.items_in(section.id):
            cells = []
            for clinic in clinics:
                if not item.applies_to(clinic.formats):
                    cells.append("does not apply")
                    continue
                known = merged[clinic.id]
                unit = unit_for(item.unit, clinic.currency)
                cells.append(
                    value_cell(
                        item.kind, unit, known.answers.get(item.id), known.facts.get(item.id)
                    )
                )
                said = [o for o in opinions[clinic.id].get(item.id, []) if o.note]
                for opinion in said:
                    note = f"{opinion.rater_name}: {opinion.note}" if people > 1 else opinion.note
                    notes.append(
                        Note(clinic.id, clinic.name, section.title, item.id, item.statement, note)
                    )
            rows.append((section.title, item.statement, tuple(cells)))
    settled = []
    for clinic in clinics:
        for item_id, decision in store.decisions.by_item(clinic.id).items():
            decided = checklist.items_by_id.get(item_id)
            statement = decided.statement if decided else item_id.replace("_", " ")
            unit = unit_for(decided.unit, clinic.currency) if decided else ""
            settled.append(decision.sentence(clinic.name, statement, unit))
    rule = store.decisions.rule(comparison_id)
    whose = (
        f"Everyone's answers together; where they differ: "
        f"{RULE_NAMES[rule].lower()} counts, unless you settled it."
    )
    return ComparisonTable(
        store.comparisons.get(comparison_id).name,
        clinics,
        ranking,
        tuple(rows),
        tuple(notes),
        whose=whose,
        disagreements=tuple(store.decisions.disagreements(comparison_id)),
        settled=tuple(settled),
    )
