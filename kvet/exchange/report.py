"""Printable documents as HTML: the comparison report and a call sheet for one clinic.

Every piece of user text goes through ``escaped`` (kvet.exchange.htmltext). Meaning never rests
on colour: marks and words carry it, so the report reads the same printed in black and white. A
renderer (Qt's QTextDocument, in ``kvet.render.pdf``) turns this HTML into PDF. The core writes
its own sentences (a score's summary, why a place can change, a decisive question), its ``say``
answered from the catalogue the window reads too; the words around them are the printout's.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date

from kvet import __version__
from kvet.content.checklist import Checklist, Kind
from kvet.content.country import country_name, stored_country
from kvet.content.translations import Words
from kvet.exchange.errors import ExchangeError
from kvet.exchange.htmltext import contain_direction
from kvet.exchange.htmltext import escaped as _e
from kvet.exchange.inforce import in_force_section, weights_changed
from kvet.exchange.reportclinic import ReportPage, clinic_section
from kvet.exchange.reportsections import (
    about_section,
    glossary_section,
    psychiatrist_section,
    sources_section,
)
from kvet.exchange.table import build_table
from kvet.exchange.words import printout_words, say_for, settled_lines, whose_line
from kvet.rating.answers import OPTIONS
from kvet.rating.money import unit_for
from kvet.rating.ranking import (
    ORDER_SENTENCE,
    DecisiveQuestion,
    Place,
    status_words,
)
from kvet.rating.scoring import ClinicResult
from kvet.store.api import Store

# A report lists every answer of every clinic; laying one out takes about 30 ms per clinic, so a
# comparison of 5,000 clinics (allowed in a file) took two minutes and made a useless document.
MAX_REPORT_CLINICS = 200

# The English note, as in resources/report/words.toml (a test checks they agree), for the
# treatment page and for tests; each document takes its words from printout_words.
DISCLAIMER = (
    "kvet is for education and decision support. It is not medical advice, diagnosis or "
    "treatment. Decisions about treatment belong with a qualified clinician who knows your "
    "history. If you are in danger or thinking of harming yourself, call your local emergency "
    "number or a crisis line now (in the US, call or text 988; in the UK and Ireland, "
    "Samaritans on 116 123)."
)
# An answer's words by its choice, as kvet.rating.combine.answer_text names it: a refused answer
# is "Would not answer" for every kind, as the call sheet has always printed it.
ANSWER_WORDS = {o.choice: o.label for options in OPTIONS.values() for o in options}
STYLE = """
body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; }
h1 { font-size: 18pt; } h2 { font-size: 14pt; margin-top: 14pt; } h3 { font-size: 12pt; }
table { border-collapse: collapse; } td, th { border: 1px solid #000; padding: 3px; }
th { text-align: left; } .small { font-size: 8pt; }
"""


def country_line(store: Store, words: Words | None = None) -> str:
    """Which country's rules the scores use, so a reader abroad knows what was left out."""
    w = words or printout_words()
    code = stored_country(store.settings)
    if code is None:
        return w("report", "rules_everywhere")
    name = country_name(code)
    return w("report", "rules_for").format(country=w.say("countries")(name))


def decisive_sentence(
    question: DecisiveQuestion, checklist: Checklist, say: Callable[[str], str]
) -> str:
    """``DecisiveQuestion.sentence``, with the clinic's name kept from running on into kvet's
    words."""
    contained = replace(question, clinic_name=contain_direction(question.clinic_name))
    return contained.sentence(checklist, say)


def _range(result: ClinicResult, w: Words) -> str:
    if result.score is None:
        return w("report", "no_score")
    if result.not_recommended:  # the number is for reference only
        return w("report", "for_reference").format(score=f"{result.score:.0f}")
    low, high = f"{result.low:.0f}", f"{result.high:.0f}"
    if low == high:  # never "could end 84–84"
        return w("report", "settled_at").format(score=f"{result.score:.0f}")
    return w("report", "could_end").format(score=f"{result.score:.0f}", low=low, high=high)


def report_html(
    store: Store,
    comparison_id: str,
    rater_id: str | None = None,
    today: date | None = None,
    *,
    combined: bool = False,
    lang: str | None = None,
) -> str:
    """The whole comparison, to take to a consultation, in ``lang`` (by default the language
    of this run, the one the checklist was read in)."""
    count = store.comparisons.get(comparison_id).clinic_count
    if count > MAX_REPORT_CLINICS:
        raise ExchangeError(
            "export.report-too-large", count=f"{count:,}", limit=f"{MAX_REPORT_CLINICS:,}"
        )
    table = build_table(store, comparison_id, rater_id, combined=combined)
    w = printout_words(lang)
    r = ReportPage(
        store,
        comparison_id,
        rater_id,
        combined,
        table,
        w,
        say_for(w),
        today or date.today(),
        store.settings.country_checklist,
        store.settings.weights(comparison_id),
    )
    out = [f"<html><head><meta charset='utf-8'><style>{STYLE}</style></head><body>"]
    out += _opening(r)
    out += _ranking(r)
    out += _decisive(r)
    out += _disagreements(r)
    known = {
        c.id: c for c in store.scores.clinic_answers(comparison_id, rater_id, combined=combined)
    }
    for place in table.ranking.places:
        out += clinic_section(r, place, known.get(place.result.clinic_id))
    out += _closing(r)
    return "".join(out)


def _opening(r: ReportPage) -> list[str]:
    """Title, date, the country's rules, the disclaimer and whose answers these are."""
    w = r.w
    title = w("report", "title").format(name=contain_direction(r.table.comparison_name))
    made_on = w("report", "made_on").format(
        date=r.today.isoformat(), version=__version__, checklist=r.checklist.version
    )
    important, disclaimer = w("report", "important"), w("report", "disclaimer")
    out = [
        f"<h1>{_e(title)}</h1>",
        f"<p>{_e(made_on)}</p>",
        f"<p>{_e(country_line(r.store, w))}</p>",
        f"<p><b>{_e(important)}</b> {_e(disclaimer)}</p>",
    ]
    if r.table.whose:
        whose = whose_line(r.store, r.comparison_id, r.rater_id, r.combined, w)
        out.append(f"<p>{_e(whose)}</p>")
    return out


def _ranking(r: ReportPage) -> list[str]:
    """The order, how it is made, and one row per clinic."""
    w = r.w
    out = [f"<h2>{_e(w('report', 'ranking'))}</h2>", f"<p>{_e(r.say(ORDER_SENTENCE))}</p>"]
    if not r.table.ranking.places:
        return [*out, f"<p>{_e(w('report', 'no_clinics'))}</p>"]
    # set widths, or Qt squeezes the clinic and status columns and breaks words in two
    widths = (7, 23, 16, 13, 11, 30)
    heads = ("place", "clinic", "expected_score", "answered", "red_flags_seen", "status")
    cells = "".join(
        f"<th width='{width}%'>{_e(w('report', head))}</th>"
        for width, head in zip(widths, heads, strict=True)
    )
    out.append(f"<table width='100%'><tr>{cells}</tr>")
    for place in r.table.ranking.places:
        res = place.result
        answered = w("report", "answered_of").format(
            answered=res.answered, applicable=res.applicable
        )
        flags = len(res.red_flags_seen) or w("report", "no_red_flags_count")
        out.append(
            f"<tr><td>{place.rank}</td><td>{_e(res.name)}</td><td>{_e(_range(res, w))}</td>"
            f"<td>{_e(answered)}</td><td>{_e(flags)}</td><td>{_e(_status(r, place))}</td></tr>"
        )
    out.append("</table>")
    return out


def _status(r: ReportPage, place: Place) -> str:
    """The status column; a clinic not recommended says why, with the first red flag seen."""
    w, result = r.w, place.result
    if not result.not_recommended:
        return r.say(status_words(place))
    why = r.table.reasons.get(result.clinic_id, ())
    if not why:
        return w("report", "status_ruled_out")
    short = why[0].short(r.say)
    status = w("report", "status_ruled_out_because").format(reason=short)
    return status + (w("report", "and_more").format(count=len(why) - 1) if len(why) > 1 else "")


def _decisive(r: ReportPage) -> list[str]:
    decisive = r.table.ranking.decisive
    if not decisive:
        return []
    out = [f"<h2>{_e(r.w('report', 'decisive'))}</h2><ol>"]
    for question in decisive[:10]:
        out.append(f"<li>{_e(decisive_sentence(question, r.checklist, r.say))}</li>")
    out.append("</ol>")
    return out


def _disagreements(r: ReportPage) -> list[str]:
    """Where people's answers differ, then what the family settled."""
    w, table = r.w, r.table
    out = []
    if table.disagreements:
        out.append(
            f"<h2>{_e(w('report', 'differ'))}</h2><p>{_e(w('report', 'differ_intro'))}</p><ul>"
        )
        for disagreement in table.disagreements:
            said = disagreement.sentence(r.say)
            out.append(f"<li>{_e(disagreement.clinic_name)}: {_e(said)}</li>")
        out.append("</ul>")
    if table.settled:
        out.append(f"<h2>{_e(w('report', 'settled'))}</h2><ul>")
        out.extend(f"<li>{_e(line)}</li>" for line in settled_lines(r.store, table, w))
        out.append("</ul>")
    return out


def _closing(r: ReportPage) -> list[str]:
    """The weights used, the glossary, the psychiatrist's questions, the guide and sources."""
    w, checklist, weights = r.w, r.checklist, r.weights
    results = [p.result for p in r.table.ranking.places]
    part = lambda key: w("in_force", key)  # noqa: E731
    out = list(in_force_section(checklist, weights, results, part, _e))
    out.extend(glossary_section(checklist, w))
    out.extend(psychiatrist_section(w))
    changed = weights_changed(checklist, weights)
    out.extend(about_section(checklist, r.today, w, changed=changed))
    out.extend(sources_section(checklist, w))
    out.append(f"<p class='small'>{_e(w('report', 'disclaimer'))}</p></body></html>")
    return out


def call_sheet_html(
    store: Store,
    clinic_id: str,
    rater_id: str | None = None,
    *,
    include_personal: bool = False,
    lang: str | None = None,
) -> str:
    """A sheet to print before a call: every question in order, boxes to tick, space to write.

    In ``lang``, by default the language of this run (the one the checklist was read in)."""
    clinic = store.clinics.get(clinic_id)
    checklist = store.settings.country_checklist
    w = printout_words(lang)
    say = say_for(w)
    out = [f"<html><head><meta charset='utf-8'><style>{STYLE}</style></head><body>"]
    title = w("call_sheet", "title").format(name=contain_direction(clinic.name))
    out.append(f"<h1>{_e(title)}</h1>")
    details = [d for d in (clinic.phone, clinic.address, clinic.website) if d]
    if details:
        out.append(f"<p>{' · '.join(_e(d) for d in details)}</p>")
    out.append(
        f"<p>{_e(w('call_sheet', 'date_of_call'))} &nbsp; {_e(w('call_sheet', 'spoke_with'))}</p>"
    )
    if include_personal:
        chosen = store.answers.personal_topics(rater_id)
        tell = [t for t in checklist.personal_topics if chosen.get(t.id) and chosen[t.id].applies]
        if tell:
            out.append(f"<h2>{_e(w('call_sheet', 'tell_clinic'))}</h2><ul>")
            for topic in tell:
                note = chosen[topic.id].note
                out.append(
                    f"<li>{_e(topic.tell_clinic)}{' (' + _e(note) + ')' if note else ''}</li>"
                )
            out.append("</ul>")
    number = 0
    for section in checklist.sections:
        section_items = [i for i in checklist.items_in(section.id) if i.applies_to(clinic.formats)]
        if not section_items:
            continue
        out.append(f"<h2>{_e(section.title)}</h2>")
        for item in section_items:
            number += 1
            out.append(f"<h3>{number}. {_e(item.how_to_ask)}</h3>")
            checking = w("call_sheet", "checking").format(statement=item.statement)
            out.append(f"<p class='small'>{_e(checking)}</p>")
            if item.kind is Kind.FACT:
                unit = say(unit_for(item.unit, clinic.currency))
                out.append(f"<p>{_e(w('call_sheet', 'answer').format(unit=unit))}</p>")
            else:
                boxes = " &nbsp; ".join(
                    f"[ &nbsp; ] {_e(say(ANSWER_WORDS[o.choice]))}" for o in OPTIONS[item.kind]
                )
                out.append(f"<p>{boxes}</p>")
            out.append(f"<p>{_e(w('call_sheet', 'notes'))}</p>")
    out.append(f"<p class='small'>{_e(w('report', 'disclaimer'))}</p></body></html>")
    return "".join(out)
