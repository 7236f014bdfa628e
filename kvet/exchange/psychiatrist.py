"""A printable sheet of questions for the person's own psychiatrist or doctor.

Separate from the clinic checklist: these are for the clinician who knows the person's history,
before (or instead of) going to a clinic. Never scored; nothing personal is printed on it.
"""

from __future__ import annotations

from html import escape

from kvet.content.checklist import Checklist
from kvet.content.guide import Guide
from kvet.content.translations import Words
from kvet.exchange.words import printout_words

# The sheet's words are in resources/report/words.toml [psychiatrist] (and its translations).
STYLE = (
    "body { font-family: 'DejaVu Sans', sans-serif; font-size: 11pt; }"
    " h1 { font-size: 18pt; } h3 { font-size: 12pt; margin-top: 14pt; } .small { font-size: 9pt; }"
)


def _e(text: str) -> str:
    return escape(text, quote=True)


def section_html(guide: Guide, heading_tag: str = "h2", words: Words | None = None) -> list[str]:
    """The questions as a report section: question, then why it is worth asking."""
    title = (words or printout_words())("psychiatrist", "title")
    out = [f"<{heading_tag}>{_e(title)}</{heading_tag}><ol>"]
    # plain, not bold: in the report, bold marks only kvet's own labels
    out.extend(f"<li>{_e(q.question)} {_e(q.why)}</li>" for q in guide.own_psychiatrist)
    out.append("</ol>")
    return out


def psychiatrist_sheet_html(guide: Guide, checklist: Checklist, lang: str | None = None) -> str:
    """The sheet: one question at a time, why it matters, lines to write on, and sources.

    In ``lang``, by default the language of this run (the one the guide was read in)."""
    w = printout_words(lang)
    out = [f"<html><head><meta charset='utf-8'><style>{STYLE}</style></head><body>"]
    out.append(f"<h1>{_e(w('psychiatrist', 'title'))}</h1><p>{_e(w('psychiatrist', 'intro'))}</p>")
    out.append(f"<p>{_e(w('psychiatrist', 'date'))} &nbsp; {_e(w('psychiatrist', 'doctor'))}</p>")
    keys: list[str] = []
    for number, q in enumerate(guide.own_psychiatrist, start=1):
        out.append(f"<h3>{number}. {_e(q.question)}</h3>")
        out.append(f"<p class='small'>{_e(q.why)}</p>")
        out.append(
            "<p>______________________________________________________________</p>"
            "<p>______________________________________________________________</p>"
        )
        keys.extend(k for k in q.sources if k not in keys)
    titles = [checklist.sources_by_key[k].title for k in keys if k in checklist.sources_by_key]
    sources = w("psychiatrist", "sources").format(titles="; ".join(titles))
    out.append(f"<p class='small'>{_e(sources)}</p>")
    out.append(f"<p class='small'>{_e(w('psychiatrist', 'not_advice'))}</p></body></html>")
    return "".join(out)
