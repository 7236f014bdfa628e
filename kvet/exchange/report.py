"""Printable documents as HTML: the comparison report and a call sheet for one clinic.

Every piece of user text goes through ``html.escape``. Meaning never rests on colour: marks and
words carry it, so the report reads the same printed in black and white. A renderer (Qt's
QTextDocument, in ``kvet.render.pdf``) turns this HTML into PDF.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from html import escape

from kvet import __version__
from kvet.answers import OPTIONS
from kvet.checklist import Checklist, Kind
from kvet.costs import schedule_summary
from kvet.country import country_name, stored_country
from kvet.exchange import psychiatrist
from kvet.exchange.errors import ExchangeError
from kvet.exchange.table import build_table
from kvet.glossary import GlossaryError, load_glossary
from kvet.guide import GuideError, load_guide
from kvet.ranking import ORDER_SENTENCE, place_sentence, status_words
from kvet.scoring import ClinicAnswers, ClinicResult
from kvet.store.api import Store

# A report lists every answer of every clinic; laying one out takes about 30 ms per clinic, so a
# comparison of 5,000 clinics (allowed in a file) took two minutes and made a useless document.
MAX_REPORT_CLINICS = 200

DISCLAIMER = (
    "kvet is for education and decision support. It is not medical advice, diagnosis or "
    "treatment. Decisions about treatment belong with a qualified clinician who knows your "
    "history. If you are in danger or thinking of harming yourself, call your local emergency "
    "number or a crisis line now (in the US, call or text 988; in the UK and Ireland, "
    "Samaritans on 116 123)."
)
STYLE = """
body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt; }
h1 { font-size: 18pt; } h2 { font-size: 14pt; margin-top: 14pt; } h3 { font-size: 12pt; }
table { border-collapse: collapse; } td, th { border: 1px solid #000; padding: 3px; }
th { text-align: left; } .small { font-size: 8pt; }
"""


# Explicit direction controls: embeddings and overrides (closed by PDF, U+202C) and isolates
# (closed by PDI, U+2069).
_OPENS_EMBEDDING = frozenset("\u202a\u202b\u202d\u202e")
_OPENS_ISOLATE = frozenset("\u2066\u2067\u2068")
_POP_EMBEDDING = "\u202c"
_POP_ISOLATE = "\u2069"


def contain_direction(text: str) -> str:
    """Close every direction control the text leaves open, so a right-to-left override typed
    into a clinic name cannot run on and turn the rest of kvet's sentence backwards."""
    if not any(c in _OPENS_EMBEDDING or c in _OPENS_ISOLATE for c in text):
        return text
    stack: list[str] = []
    for char in text:
        if char in _OPENS_EMBEDDING:
            stack.append(_POP_EMBEDDING)
        elif char in _OPENS_ISOLATE:
            stack.append(_POP_ISOLATE)
        elif char == _POP_EMBEDDING and stack and stack[-1] == _POP_EMBEDDING:
            stack.pop()
        elif char == _POP_ISOLATE and _POP_ISOLATE in stack:
            # a PDI also closes every embedding opened inside its isolate
            while stack.pop() != _POP_ISOLATE:
                pass
    return text + "".join(reversed(stack))


def _e(text: object) -> str:
    return escape(contain_direction(str(text)), quote=True)


def country_line(store: Store) -> str:
    """Which country's rules the scores use, so a reader abroad knows what was left out."""
    code = stored_country(store.settings)
    if code is None:
        return "Rules for: every country (no country chosen), so some items may not apply."
    return (
        f"Rules for: {country_name(code)}. Items about other countries' rules are not "
        "asked or scored."
    )


def schedule_lines(clinic: ClinicAnswers | None) -> list[str]:
    """Cost by treatment schedule and travel time per first phase, from the clinic's numbers."""
    if clinic is None:
        return []
    return [f"<p>{_e(line)}</p>" for line in schedule_summary(clinic.facts, clinic.formats)]


def psychiatrist_section() -> list[str]:
    """Questions for the person's own psychiatrist: apart from the clinics, never scored."""
    try:
        return psychiatrist.section_html(load_guide())
    except GuideError:
        return []


def about_section(checklist: Checklist, today: date) -> list[str]:
    """Who wrote the guide, who paid, and when it was checked: so a reader can judge it."""
    try:
        guide = load_guide()
    except GuideError:
        return []
    out = ["<h2>About this guide</h2>"]
    out.extend(f"<p>{_e(h)}: {_e(t)}</p>" for h, t in guide.about_lines(today))
    return out


def glossary_section(checklist: Checklist) -> list[str]:
    """The glossary words the checklist uses, explained, so the printout stands on its own."""
    texts = [
        t
        for i in checklist.items
        for t in (i.statement, i.how_to_ask, i.why_it_matters, i.good_answer)
    ]
    try:
        terms = load_glossary().terms_in(*texts)
    except GlossaryError:
        return []  # the report is complete without it; the app says so where it starts
    if not terms:
        return []
    out = ["<h2>Words used in this checklist</h2><ul>"]
    out.extend(f"<li>{_e(t.term)}: {_e(t.explanation)}</li>" for t in terms)
    out.append("</ul>")
    return out


def _range(result: ClinicResult) -> str:
    if result.score is None:
        return "no score"
    if result.not_recommended:  # the number is for reference only
        return f"({result.score:.0f}, for reference only)"
    return f"{result.score:.0f} (could end {result.low:.0f}–{result.high:.0f})"


def report_html(
    store: Store,
    comparison_id: str,
    rater_id: str | None = None,
    today: date | None = None,
    *,
    combined: bool = False,
) -> str:
    count = store.comparisons.get(comparison_id).clinic_count
    if count > MAX_REPORT_CLINICS:
        raise ExchangeError(
            f"This comparison has {count:,} clinics; a report holds at most "
            f"{MAX_REPORT_CLINICS}. Save the table for a spreadsheet (CSV) instead, or remove "
            "the clinics you have ruled out."
        )
    table = build_table(store, comparison_id, rater_id, combined=combined)
    checklist = store.settings.country_checklist
    items = checklist.items_by_id
    ranking = table.ranking
    out = [f"<html><head><meta charset='utf-8'><style>{STYLE}</style></head><body>"]
    out.append(f"<h1>kvet comparison: {_e(table.comparison_name)}</h1>")
    out.append(
        f"<p>Made on {_e((today or date.today()).isoformat())} with kvet {_e(__version__)},"
        f" checklist version {_e(checklist.version)}.</p>"
    )
    out.append(f"<p>{_e(country_line(store))}</p>")
    out.append(f"<p><b>Important:</b> {_e(DISCLAIMER)}</p>")
    if table.whose:
        out.append(f"<p>{_e(table.whose)}</p>")
    out.append("<h2>Ranking</h2>")
    out.append(f"<p>{_e(ORDER_SENTENCE)}</p>")
    if not ranking.places:
        out.append("<p>No clinics yet.</p>")
    else:
        # set widths, or Qt squeezes the clinic and status columns and breaks words in two
        out.append(
            "<table width='100%'><tr><th width='7%'>Place</th>"
            "<th width='23%'>Clinic</th><th width='16%'>Expected score out of 100</th>"
            "<th width='13%'>Answered</th><th width='11%'>Red flags seen</th>"
            "<th width='30%'>Status</th></tr>"
        )
        for place in ranking.places:
            r = place.result
            why = table.reasons.get(r.clinic_id, ())
            status = status_words(place)
            if r.not_recommended:
                status = "NOT RECOMMENDED" + (f": {why[0].short()}" if why else "")
                status += f" and {len(why) - 1} more" if len(why) > 1 else ""
            out.append(
                f"<tr><td>{place.rank}</td><td>{_e(r.name)}</td><td>{_e(_range(r))}</td>"
                f"<td>{r.answered} of {r.applicable}</td>"
                f"<td>{len(r.red_flags_seen) or 'none'}</td><td>{_e(status)}</td></tr>"
            )
        out.append("</table>")
    if ranking.decisive:
        out.append("<h2>Questions that could change your decision</h2><ol>")
        for question in ranking.decisive[:10]:
            contained = replace(question, clinic_name=contain_direction(question.clinic_name))
            out.append(f"<li>{_e(contained.sentence(checklist))}</li>")
        out.append("</ol>")
    if table.disagreements:
        out.append(
            "<h2>Where your answers differ</h2>"
            "<p>Settle these, for example with a second call:</p><ul>"
        )
        for disagreement in table.disagreements:
            out.append(f"<li>{_e(disagreement.clinic_name)}: {_e(disagreement.sentence())}</li>")
        out.append("</ul>")
    if table.settled:
        out.append("<h2>What you settled together</h2><ul>")
        out.extend(f"<li>{_e(line)}</li>" for line in table.settled)
        out.append("</ul>")
    by_clinic = {c.id: c for c in table.clinics}
    known = {
        c.id: c for c in store.scores.clinic_answers(comparison_id, rater_id, combined=combined)
    }
    for place in ranking.places:
        r = place.result
        clinic = by_clinic[r.clinic_id]
        out.append(f"<h2>{place.rank}. {_e(r.name)}</h2>")
        why = table.reasons.get(r.clinic_id, ())
        if r.not_recommended:
            out.append("<p><b>Not recommended.</b> A dealbreaker red flag was seen:</p><ul>")
            out.extend(f"<li>{_e(reason.sentence())}</li>" for reason in why)
            out.append("</ul>")
        else:
            out.append(f"<p>{_e(place_sentence(place, ranking))}</p>")
        out.append(f"<p>{_e(r.summary())}</p>")
        if r.cost is not None:
            out.append(f"<p>Cost: {_e(r.cost.sentence())}</p>")
        out.extend(schedule_lines(known.get(r.clinic_id)))
        if r.red_flags_seen:
            out.append("<p><b>Red flags seen:</b></p><ul>")
            out.extend(
                f"<li>[!] {_e(items[i].statement)}</li>" for i in r.red_flags_seen if i in items
            )
            out.append("</ul>")
        else:
            out.append("<p>No red flags seen so far.</p>")
        out.append("<table><tr><th>Section</th><th>Score</th><th>Answered</th></tr>")
        for s in r.sections:
            if s.applicable:
                score = "—" if s.score is None else f"{s.score:.0f}"
                out.append(
                    f"<tr><td>{_e(s.title)}</td><td>{score}</td>"
                    f"<td>{s.answered} of {s.applicable}</td></tr>"
                )
        out.append("</table>")
        if clinic.notes:
            out.append(f"<p><b>Your notes:</b> {_e(clinic.notes)}</p>")
        clinic_notes = [(n.statement, n.note) for n in table.notes if n.clinic_id == clinic.id]
        if clinic_notes:
            out.append("<p><b>What the clinic said:</b></p><ul>")
            out.extend(f"<li>{_e(q)} — “{_e(n)}”</li>" for q, n in clinic_notes)
            out.append("</ul>")
        still = [items[i] for i in r.still_to_ask if i in items]
        if still:
            out.append("<p><b>Still to ask:</b></p><ul>")
            out.extend(f"<li>{_e(i.how_to_ask)} (checking: {_e(i.statement)})</li>" for i in still)
            out.append("</ul>")
    out.extend(glossary_section(checklist))
    out.extend(psychiatrist_section())
    out.extend(about_section(checklist, today or date.today()))
    out.append("<h2>Sources</h2><ul class='small'>")
    for source in checklist.sources:
        url = f" {_e(source.url)}" if source.url else ""
        out.append(f"<li>{_e(source.title)}: {_e(source.citation)}{url}</li>")
    out.append("</ul>")
    out.append(f"<p class='small'>{_e(DISCLAIMER)}</p></body></html>")
    return "".join(out)


def call_sheet_html(
    store: Store, clinic_id: str, rater_id: str | None = None, *, include_personal: bool = False
) -> str:
    """A sheet to print before a call: every question in order, boxes to tick, space to write."""
    clinic = store.clinics.get(clinic_id)
    checklist = store.settings.country_checklist
    out = [f"<html><head><meta charset='utf-8'><style>{STYLE}</style></head><body>"]
    out.append(f"<h1>Call sheet: {_e(clinic.name)}</h1>")
    details = [d for d in (clinic.phone, clinic.address, clinic.website) if d]
    if details:
        out.append(f"<p>{' · '.join(_e(d) for d in details)}</p>")
    out.append("<p>Date of call: ____________ &nbsp; Spoke with: ______________________</p>")
    if include_personal:
        chosen = store.answers.personal_topics(rater_id)
        tell = [t for t in checklist.personal_topics if chosen.get(t.id) and chosen[t.id].applies]
        if tell:
            out.append("<h2>Things to tell the clinic</h2><ul>")
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
            out.append(f"<p class='small'>Checking: {_e(item.statement)}</p>")
            if item.kind is Kind.FACT:
                out.append(f"<p>Answer: ______________ {_e(item.unit)}</p>")
            else:
                boxes = " &nbsp; ".join(f"[ &nbsp; ] {_e(o.label)}" for o in OPTIONS[item.kind])
                out.append(f"<p>{boxes}</p>")
            out.append("<p>Notes: ____________________________________________________________</p>")
    out.append(f"<p class='small'>{_e(DISCLAIMER)}</p></body></html>")
    return "".join(out)
