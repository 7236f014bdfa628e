"""Printable documents as HTML: the comparison report and a call sheet for one clinic.

Every piece of user text goes through ``html.escape``. Meaning never rests on colour: marks and
words carry it, so the report reads the same printed in black and white. A renderer (Qt's
QTextDocument, in ``kvet.render.pdf``) turns this HTML into PDF.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from html import escape

from kvet import __version__
from kvet.content.checklist import Checklist, Kind
from kvet.content.country import country_name, stored_country
from kvet.content.glossary import GlossaryError, load_glossary
from kvet.content.guide import Guide, GuideError, load_guide
from kvet.content.translations import Words
from kvet.exchange import psychiatrist
from kvet.exchange.errors import ExchangeError
from kvet.exchange.inforce import in_force_section, weights_changed
from kvet.exchange.table import build_table
from kvet.exchange.words import (
    disagreement_sentence,
    printout_words,
    reason_sentence,
    settled_lines,
    whose_line,
)
from kvet.rating import costs, scoring
from kvet.rating.answers import OPTIONS
from kvet.rating.costs import CostEstimate
from kvet.rating.money import unit_for
from kvet.rating.ranking import ORDER_SENTENCE, DecisiveQuestion, place_sentence, status_words
from kvet.rating.scoring import ClinicAnswers, ClinicResult
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


def country_line(store: Store, words: Words | None = None) -> str:
    """Which country's rules the scores use, so a reader abroad knows what was left out."""
    w = words or printout_words()
    code = stored_country(store.settings)
    if code is None:
        return w("report", "rules_everywhere")
    name = country_name(code)
    return w("report", "rules_for").format(country=w.say("countries")(name))


def schedule_lines(clinic: ClinicAnswers | None, words: Words | None = None) -> list[str]:
    """Cost by treatment schedule and travel time per first phase, from the clinic's numbers."""
    if clinic is None:
        return []
    w = words or printout_words()
    lines = schedule_words(clinic.facts, clinic.formats, w, clinic.currency)
    return [f"<p>{_e(line)}</p>" for line in lines]


def schedule_words(
    facts: Mapping[str, float], formats: Iterable[str], w: Words, currency: str = "USD"
) -> list[str]:
    """``kvet.rating.costs.schedule_summary``, built by the core from the printout's words."""
    return costs.schedule_summary(facts, formats, w.say("schedules"), currency)


def psychiatrist_section(words: Words | None = None) -> list[str]:
    """Questions for the person's own psychiatrist: apart from the clinics, never scored."""
    try:
        return psychiatrist.section_html(load_guide(), words=words)
    except GuideError:
        return []


def about_section(
    checklist: Checklist, today: date, words: Words | None = None, *, changed: bool = False
) -> list[str]:
    """Who wrote the guide, who paid, and when it was checked: so a reader can judge it."""
    try:
        guide = load_guide()
    except GuideError:
        return []
    w = words or printout_words()
    out = [f"<h2>{_e(w('report', 'about'))}</h2>"]
    lines = about_lines(guide, today, w, changed=changed)
    out.extend(f"<p>{_e(h)}: {_e(t)}</p>" for h, t in lines)
    return out


def long_date(day: date, w: Words) -> str:
    """ "01 March 2026", with the month in the printout's language."""
    return w("about", "date").format(
        day=f"{day:%d}", month=w("months_long", str(day.month)), year=day.year
    )


def about_lines(
    guide: Guide, today: date, w: Words, *, changed: bool = False
) -> list[tuple[str, str]]:
    """``Guide.about_lines`` in the printout's language (a test holds the English the same).

    Once the user ``changed`` the weights, they are no longer called kvet's suggestions."""
    review = w("about", "reviewed").format(
        reviewed=long_date(guide.reviewed, w), next=long_date(guide.next_review, w)
    )
    if guide.review_overdue(today):
        review += w("about", "overdue")
    a = guide.about
    return [
        (w("about", "who"), a.who),
        (w("about", "funding"), a.funding),
        (w("about", "conflicts"), a.conflicts),
        (w("about", "checked"), review),
        (w("about", "items"), a.items),
        (w("about", "weights"), w("about", "weights_changed") if changed else a.weights),
        (w("about", "limits"), a.limits),
    ]


def points_words(points: float, w: Words) -> str:
    """``kvet.rating.scoring.points_text`` in the printout's language: "1 point", "12 points"."""
    shown = f"{abs(points):.0f}"
    return w("report", "point" if shown == "1" else "points").format(count=shown)


def decisive_sentence(question: DecisiveQuestion, checklist: Checklist, w: Words) -> str:
    """``DecisiveQuestion.sentence`` in the printout's language (a test holds the English the
    same), with the clinic's name kept from running on into kvet's words."""
    item = checklist.items_by_id.get(question.item_id)
    if item is None:  # the budget: known once the price is
        price = checklist.items_by_id.get("price_per_session")
        ask = price.how_to_ask if price else w("report", "price_question")
    else:
        ask = item.how_to_ask
    effects = []
    if question.could_rule_out:
        effects.append(w("report", "decisive_rule_out"))
    if question.changes_first:
        effects.append(w("report", "decisive_first"))
    joined = (
        w("report", "decisive_both").format(first=effects[0], second=effects[1])
        if len(effects) == 2
        else "".join(effects)
    )
    moves = (
        w("report", "decisive_moves").format(points=points_words(question.swing, w))
        if round(question.swing) >= 1
        else ""
    )
    return w("report", "decisive_ask").format(
        clinic=contain_direction(question.clinic_name), question=ask, effects=joined, moves=moves
    )


# The core's English templates and where the printouts keep each one's words: the sentence is
# built once, by the core, from the words of the printout's language.
CORE_WORDS: dict[str, tuple[str, str]] = {
    scoring.RULED_OUT_FIRST: ("summary", "ruled_out"),
    scoring.NO_SCORE: ("summary", "no_weight"),
    scoring.NO_ANSWERS_YET: ("summary", "no_answers"),
    scoring.ALL_ANSWERED: ("summary", "all_answered"),
    scoring.EXPECTED: ("summary", "partly"),
    scoring.SETTLED: ("summary", "settled"),
    scoring.SHARE_SO_FAR: ("summary", "share"),
    scoring.MAY_CHANGE_A_LOT: ("summary", "wide"),
    scoring.NOT_CLEARED: ("summary", "not_cleared"),
    costs.ABOUT: ("report", "cost_sentence"),
}


def core_say(w: Words) -> Callable[[str], str]:
    """The core's ``say``, answered from the printout's words file."""
    return lambda english: w(*CORE_WORDS[english])


def summary(result: ClinicResult, w: Words) -> str:
    """``ClinicResult.summary`` in the printout's language."""
    return result.summary(core_say(w))


def cost_sentence(cost: CostEstimate, w: Words, currency: str = "USD") -> str:
    """``CostEstimate.sentence`` in the printout's language."""
    return cost.sentence(currency, core_say(w))


def glossary_section(checklist: Checklist, words: Words | None = None) -> list[str]:
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
    out = [f"<h2>{_e((words or printout_words())('report', 'glossary'))}</h2><ul>"]
    out.extend(f"<li>{_e(t.term)}: {_e(t.explanation)}</li>" for t in terms)
    out.append("</ul>")
    return out


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
    ranked = w.say("ranking")
    checklist = store.settings.country_checklist
    weights = store.settings.weights(comparison_id)
    items = checklist.items_by_id
    ranking = table.ranking
    out = [f"<html><head><meta charset='utf-8'><style>{STYLE}</style></head><body>"]
    title = w("report", "title").format(name=contain_direction(table.comparison_name))
    out.append(f"<h1>{_e(title)}</h1>")
    made_on = w("report", "made_on").format(
        date=(today or date.today()).isoformat(), version=__version__, checklist=checklist.version
    )
    out.append(f"<p>{_e(made_on)}</p>")
    out.append(f"<p>{_e(country_line(store, w))}</p>")
    important, disclaimer = w("report", "important"), w("report", "disclaimer")
    out.append(f"<p><b>{_e(important)}</b> {_e(disclaimer)}</p>")
    if table.whose:
        out.append(f"<p>{_e(whose_line(store, comparison_id, rater_id, combined, w))}</p>")
    out.append(f"<h2>{_e(w('report', 'ranking'))}</h2>")
    out.append(f"<p>{_e(ranked(ORDER_SENTENCE))}</p>")
    if not ranking.places:
        out.append(f"<p>{_e(w('report', 'no_clinics'))}</p>")
    else:
        # set widths, or Qt squeezes the clinic and status columns and breaks words in two
        widths = (7, 23, 16, 13, 11, 30)
        heads = ("place", "clinic", "expected_score", "answered", "red_flags_seen", "status")
        cells = "".join(
            f"<th width='{width}%'>{_e(w('report', head))}</th>"
            for width, head in zip(widths, heads, strict=True)
        )
        out.append(f"<table width='100%'><tr>{cells}</tr>")
        for place in ranking.places:
            r = place.result
            why = table.reasons.get(r.clinic_id, ())
            status = ranked(status_words(place))
            if r.not_recommended:
                status = (
                    w("report", "status_ruled_out_because").format(
                        reason=w("report", "red_flag_short").format(statement=why[0].statement)
                    )
                    if why
                    else w("report", "status_ruled_out")
                )
                status += w("report", "and_more").format(count=len(why) - 1) if len(why) > 1 else ""
            answered = w("report", "answered_of").format(
                answered=r.answered, applicable=r.applicable
            )
            flags = len(r.red_flags_seen) or w("report", "no_red_flags_count")
            out.append(
                f"<tr><td>{place.rank}</td><td>{_e(r.name)}</td><td>{_e(_range(r, w))}</td>"
                f"<td>{_e(answered)}</td><td>{_e(flags)}</td><td>{_e(status)}</td></tr>"
            )
        out.append("</table>")
    if ranking.decisive:
        out.append(f"<h2>{_e(w('report', 'decisive'))}</h2><ol>")
        for question in ranking.decisive[:10]:
            out.append(f"<li>{_e(decisive_sentence(question, checklist, w))}</li>")
        out.append("</ol>")
    if table.disagreements:
        out.append(
            f"<h2>{_e(w('report', 'differ'))}</h2><p>{_e(w('report', 'differ_intro'))}</p><ul>"
        )
        for disagreement in table.disagreements:
            said = disagreement_sentence(disagreement, w)
            out.append(f"<li>{_e(disagreement.clinic_name)}: {_e(said)}</li>")
        out.append("</ul>")
    if table.settled:
        out.append(f"<h2>{_e(w('report', 'settled'))}</h2><ul>")
        out.extend(f"<li>{_e(line)}</li>" for line in settled_lines(store, table, w))
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
            out.append(
                f"<p><b>{_e(w('report', 'not_recommended'))}</b> "
                f"{_e(w('report', 'dealbreaker_seen'))}</p><ul>"
            )
            out.extend(f"<li>{_e(reason_sentence(reason, w))}</li>" for reason in why)
            out.append("</ul>")
        else:
            out.append(f"<p>{_e(place_sentence(place, ranking, ranked))}</p>")
        out.append(f"<p>{_e(summary(r, w))}</p>")
        if r.cost is not None:
            said = cost_sentence(r.cost, w, r.currency)
            out.append(f"<p>{_e(w('report', 'cost'))} {_e(said)}</p>")
        if r.budget_left_out and weights.budget is not None:
            left_out = w("report", "budget_left_out").format(
                currency=r.currency, budget_currency=weights.budget.currency
            )
            out.append(f"<p>{_e(left_out)}</p>")
        out.extend(schedule_lines(known.get(r.clinic_id), w))
        if r.red_flags_seen:
            out.append(f"<p><b>{_e(w('report', 'red_flags_seen_label'))}</b></p><ul>")
            out.extend(
                f"<li>[!] {_e(items[i].statement)}</li>" for i in r.red_flags_seen if i in items
            )
            out.append("</ul>")
        else:
            out.append(f"<p>{_e(w('report', 'no_red_flags'))}</p>")
        row = "".join(f"<th>{_e(w('report', h))}</th>" for h in ("section", "score", "answered"))
        out.append(f"<table><tr>{row}</tr>")
        for s in r.sections:
            if s.applicable:
                score = "—" if s.score is None else f"{s.score:.0f}"
                answered = w("report", "answered_of").format(
                    answered=s.answered, applicable=s.applicable
                )
                out.append(
                    f"<tr><td>{_e(s.title)}</td><td>{score}</td><td>{_e(answered)}</td></tr>"
                )
        out.append("</table>")
        if clinic.notes:
            out.append(f"<p><b>{_e(w('report', 'your_notes'))}</b> {_e(clinic.notes)}</p>")
        clinic_notes = [(n.statement, n.note) for n in table.notes if n.clinic_id == clinic.id]
        if clinic_notes:
            out.append(f"<p><b>{_e(w('report', 'clinic_said'))}</b></p><ul>")
            out.extend(f"<li>{_e(q)} — “{_e(n)}”</li>" for q, n in clinic_notes)
            out.append("</ul>")
        still = [items[i] for i in r.still_to_ask if i in items]
        if still:
            out.append(f"<p><b>{_e(w('report', 'still_to_ask'))}</b></p><ul>")
            ask = w("report", "ask_checking")
            out.extend(
                f"<li>{_e(ask.format(question=i.how_to_ask, statement=i.statement))}</li>"
                for i in still
            )
            out.append("</ul>")
    results = [p.result for p in ranking.places]
    part = lambda key: w("in_force", key)  # noqa: E731
    out.extend(in_force_section(checklist, weights, results, part, _e))
    out.extend(glossary_section(checklist, w))
    out.extend(psychiatrist_section(w))
    changed = weights_changed(checklist, weights)
    out.extend(about_section(checklist, today or date.today(), w, changed=changed))
    out.append(f"<h2>{_e(w('report', 'sources'))}</h2><ul class='small'>")
    for source in checklist.sources:
        url = f" {_e(source.url)}" if source.url else ""
        out.append(f"<li>{_e(source.title)}: {_e(source.citation)}{url}</li>")
    out.append("</ul>")
    out.append(f"<p class='small'>{_e(disclaimer)}</p></body></html>")
    return "".join(out)


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
                unit = w.say("units")(unit_for(item.unit, clinic.currency))
                out.append(f"<p>{_e(w('call_sheet', 'answer').format(unit=unit))}</p>")
            else:
                boxes = " &nbsp; ".join(
                    f"[ &nbsp; ] {_e(w('answers', o.choice.value))}" for o in OPTIONS[item.kind]
                )
                out.append(f"<p>{boxes}</p>")
            out.append(f"<p>{_e(w('call_sheet', 'notes'))}</p>")
    out.append(f"<p class='small'>{_e(w('report', 'disclaimer'))}</p></body></html>")
    return "".join(out)
