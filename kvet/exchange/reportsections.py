"""The report's closing sections, about the guide rather than the clinics: the glossary of the
words it uses, the questions for the person's own psychiatrist, and who wrote the guide, who
paid and when it was checked, so a reader can judge it. Each stands alone, so the report is
complete without one whose data file cannot be read.
"""

from __future__ import annotations

from datetime import date

from kvet.content import catalogue
from kvet.content.checklist import Checklist
from kvet.content.glossary import GlossaryError, load_glossary
from kvet.content.guide import Guide, GuideError, load_guide
from kvet.content.translations import Words
from kvet.exchange import psychiatrist
from kvet.exchange.htmltext import escaped as _e
from kvet.exchange.words import printout_words
from kvet.text.datewords import LONG_MONTHS

# A long month's name in the catalogue ("May" has two): see scripts/catalogue.py.
LONG_MONTH = "month"


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
    month = catalogue.sentence(LONG_MONTHS[day.month - 1], w.lang, LONG_MONTH)
    return w("about", "date").format(day=f"{day:%d}", month=month, year=day.year)


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


def sources_section(checklist: Checklist, w: Words) -> list[str]:
    """The checklist's sources, with their addresses, in small print."""
    out = [f"<h2>{_e(w('report', 'sources'))}</h2><ul class='small'>"]
    for source in checklist.sources:
        url = f" {_e(source.url)}" if source.url else ""
        out.append(f"<li>{_e(source.title)}: {_e(source.citation)}{url}</li>")
    out.append("</ul>")
    return out
