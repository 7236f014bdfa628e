"""The comparison as a table (items by clinics, plus the scores), shared by CSV and reports."""

from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple

from kvet.answers import label
from kvet.checklist import Kind
from kvet.ranking import Ranking
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


def number_text(number: float) -> str:
    """A price or count as typed: 550, 1000000 or 87.5 (never 1e+06 or a rounded 123457)."""
    return f"{number:.2f}".rstrip("0").rstrip(".")


def answer_cell(kind: Kind, unit: str, answer: AnswerInfo | None) -> str:
    if answer is None:
        return "not answered"
    if kind is Kind.FACT:
        if answer.number is None:
            return "not answered"
        return f"{number_text(answer.number)} {unit}".strip()
    return label(kind, answer.choice) if answer.choice else "not answered"


def build_table(store: Store, comparison_id: str, rater_id: str | None = None) -> ComparisonTable:
    _results, ranking = store.results(comparison_id, rater_id)
    by_id = {c.id: c for c in store.list_clinics(comparison_id)}
    clinics = tuple(by_id[p.result.clinic_id] for p in ranking.places)
    answers = [store.answers(c.id, rater_id) for c in clinics]
    checklist = store.checklist
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
                cells.append(answer_cell(item.kind, item.unit, answer))
                if answer is not None and answer.note:
                    notes.append(Note(clinic.id, clinic.name, section.title, item.id,
                                      item.statement, answer.note))
            rows.append((section.title, item.statement, tuple(cells)))
    name = store.comparison(comparison_id).name
    return ComparisonTable(name, clinics, ranking, tuple(rows), tuple(notes))
