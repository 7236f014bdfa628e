"""One clinic's part of the comparison report: why it stands where it does, what its score
means, its cost, the red flags seen, its sections and notes. The core writes each sentence, its
``say`` answered from the catalogue; ``ReportPage`` carries what every part of one report reads.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from kvet.content.checklist import Checklist
from kvet.content.printwords import Words
from kvet.exchange.htmltext import escaped as _e
from kvet.exchange.table import ComparisonTable
from kvet.exchange.words import printout_words, say_for
from kvet.rating import costs
from kvet.rating.answers import ClinicAnswers
from kvet.rating.placesentence import place_sentence
from kvet.rating.ranking import Place
from kvet.rating.scoreresult import ClinicResult
from kvet.rating.scoring import Weights
from kvet.store.api import Store


@dataclass(frozen=True)
class ReportPage:
    """What every section of one report reads: the table, the words, and the core's ``say``."""

    store: Store
    comparison_id: str
    rater_id: str | None
    combined: bool
    table: ComparisonTable
    w: Words
    say: Callable[[str], str]
    today: date
    checklist: Checklist
    weights: Weights


def schedule_lines(clinic: ClinicAnswers | None, words: Words | None = None) -> list[str]:
    """Cost by treatment schedule and travel time per first phase, from the clinic's numbers."""
    if clinic is None:
        return []
    w = words or printout_words()
    lines = costs.schedule_summary(clinic.facts, clinic.formats, say_for(w), clinic.currency)
    return [f"<p>{_e(line)}</p>" for line in lines]


def clinic_section(r: ReportPage, place: Place, known: ClinicAnswers | None) -> list[str]:
    """One clinic: why it stands where it does, its score, cost, red flags and sections."""
    w, res = r.w, place.result
    out = [f"<h2>{place.rank}. {_e(res.name)}</h2>"]
    if res.not_recommended:
        out.append(
            f"<p><b>{_e(w('report', 'not_recommended'))}</b> "
            f"{_e(w('report', 'dealbreaker_seen'))}</p><ul>"
        )
        why = r.table.reasons.get(res.clinic_id, ())
        out.extend(f"<li>{_e(reason.sentence(r.say))}</li>" for reason in why)
        out.append("</ul>")
    else:
        out.append(f"<p>{_e(place_sentence(place, r.table.ranking, r.say))}</p>")
    out.append(f"<p>{_e(res.summary(r.say))}</p>")
    out += _cost(r, res)
    out.extend(schedule_lines(known, w))
    out += _red_flags(r, res)
    out += _sections(res, w)
    out += _clinic_notes(r, res)
    return out


def _cost(r: ReportPage, res: ClinicResult) -> list[str]:
    out = []
    if res.cost is not None:
        said = res.cost.sentence(res.currency, r.say)
        out.append(f"<p>{_e(r.w('report', 'cost'))} {_e(said)}</p>")
    weights = r.weights
    if res.budget_left_out and weights.budget is not None:
        left_out = r.w("report", "budget_left_out").format(
            currency=res.currency, budget_currency=weights.budget.currency
        )
        out.append(f"<p>{_e(left_out)}</p>")
    return out


def _red_flags(r: ReportPage, res: ClinicResult) -> list[str]:
    if not res.red_flags_seen:
        return [f"<p>{_e(r.w('report', 'no_red_flags'))}</p>"]
    items = r.checklist.items_by_id
    out = [f"<p><b>{_e(r.w('report', 'red_flags_seen_label'))}</b></p><ul>"]
    out.extend(f"<li>[!] {_e(items[i].statement)}</li>" for i in res.red_flags_seen if i in items)
    out.append("</ul>")
    return out


def _sections(res: ClinicResult, w: Words) -> list[str]:
    row = "".join(f"<th>{_e(w('report', h))}</th>" for h in ("section", "score", "answered"))
    out = [f"<table><tr>{row}</tr>"]
    for s in res.sections:
        if s.applicable:
            score = "—" if s.score is None else f"{s.score:.0f}"
            answered = w("report", "answered_of").format(
                answered=s.answered, applicable=s.applicable
            )
            out.append(f"<tr><td>{_e(s.title)}</td><td>{score}</td><td>{_e(answered)}</td></tr>")
    out.append("</table>")
    return out


def _clinic_notes(r: ReportPage, res: ClinicResult) -> list[str]:
    """The user's notes, what the clinic said, and what is still to ask."""
    w, items = r.w, r.checklist.items_by_id
    clinic = next(c for c in r.table.clinics if c.id == res.clinic_id)
    out = []
    if clinic.notes:
        out.append(f"<p><b>{_e(w('report', 'your_notes'))}</b> {_e(clinic.notes)}</p>")
    clinic_notes = [(n.statement, n.note) for n in r.table.notes if n.clinic_id == clinic.id]
    if clinic_notes:
        out.append(f"<p><b>{_e(w('report', 'clinic_said'))}</b></p><ul>")
        out.extend(f"<li>{_e(q)} — “{_e(n)}”</li>" for q, n in clinic_notes)
        out.append("</ul>")
    still = [items[i] for i in res.still_to_ask if i in items]
    if still:
        out.append(f"<p><b>{_e(w('report', 'still_to_ask'))}</b></p><ul>")
        ask = w("report", "ask_checking")
        out.extend(
            f"<li>{_e(ask.format(question=i.how_to_ask, statement=i.statement))}</li>"
            for i in still
        )
        out.append("</ul>")
    return out
