"""CSV of the comparison table, safe to open in a spreadsheet.

A cell that a spreadsheet could read as a formula (starting with =, +, -, @, tab, carriage
return or line feed, also after leading spaces, which some spreadsheets skip) is prefixed with an
apostrophe, so a clinic name such as ``=HYPERLINK(...)`` stays text.

Layout: a header row (section, question, one column per clinic in ranking order), the scores,
the user's notes on each clinic, one row per checklist item, then what each clinic said.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

from kvet.content.printwords import Words
from kvet.exchange.files import write_atomically
from kvet.exchange.table import ComparisonTable, build_table
from kvet.exchange.words import printout_words, say_for, whose_line
from kvet.rating.ranking import ORDER_SENTENCE, status_words
from kvet.store.api import Store

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralise(cell: str) -> str:
    risky = cell.startswith(FORMULA_STARTS) or cell.lstrip().startswith(FORMULA_STARTS)
    return "'" + cell if risky else cell


Row = Callable[..., None]  # writes one row of cells, each made safe for a spreadsheet
Say = Callable[[str], str]  # the core's sentences in the printout's language


def table_csv(table: ComparisonTable, lang: str | None = None, whose: str | None = None) -> str:
    """The table, its headings in ``lang`` (by default the language of this run); ``whose``
    says whose answers it shows in that language (``table.whose``, in English, by default)."""
    w = printout_words(lang)
    core = say_for(w)  # the core's sentences, from the catalogue the window reads too
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")

    def row(*cells: str) -> None:
        writer.writerow([neutralise(c) for c in cells])

    row(w("table", "section"), w("table", "question"), *(c.name for c in table.clinics))
    _score_rows(row, table, w, core)
    _answer_rows(row, table, w, core)
    _said_rows(row, table, w)
    row()
    row(w("table", "order"), core(ORDER_SENTENCE), *("" for _ in table.clinics))
    if table.whose:  # stays a grid
        row(w("table", "whose"), whose or table.whose, *("" for _ in table.clinics))
    return out.getvalue()


def _score_rows(row: Row, table: ComparisonTable, w: Words, core: Say) -> None:
    """Each clinic's place, verdict and score: the verdict first, so a clinic that is not
    recommended says so, and why, before any number."""

    def say(key: str) -> str:
        return w("table", key)

    places = table.ranking.places
    row("", say("place"), *(str(p.rank) for p in places))
    row("", say("status"), *(core(status_words(p)) for p in places))
    row(
        "",
        say("why_not_recommended"),
        *(
            " ".join(r.sentence(core) for r in table.reasons.get(p.result.clinic_id, ()))
            for p in places
        ),
    )
    row(
        "",
        say("expected_score"),
        *("" if p.result.score is None else f"{p.result.score:.0f}" for p in places),
    )
    row("", say("lowest"), *(f"{p.result.low:.0f}" for p in places))
    row("", say("highest"), *(f"{p.result.high:.0f}" for p in places))
    answered = say("answered_of")
    row(
        "",
        say("answered"),
        *(
            answered.format(answered=p.result.answered, applicable=p.result.applicable)
            for p in places
        ),
    )
    row("", say("red_flags_seen"), *(str(len(p.result.red_flags_seen)) for p in places))


def _answer_rows(row: Row, table: ComparisonTable, w: Words, core: Say) -> None:
    """The user's notes and currency for each clinic, then one row per checklist item."""
    row("", w("table", "your_notes"), *(c.notes for c in table.clinics))
    # prices are in each clinic's own currency, never converted (kvet.rating.money)
    row("", w("table", "currency"), *(c.currency for c in table.clinics))
    # an answer cell is one of a few fixed words (kvet.exchange.table), or a number as typed
    # followed by the item's unit
    fixed = {
        "not answered": w("table", "not_answered"),
        "does not apply": w("table", "does_not_apply"),
    }

    def cell(text: str) -> str:
        number, _space, after = text.partition(" ")
        if after and number[:1].isdigit():
            return f"{number} {core(after)}"
        return fixed.get(text) or core(text)

    for section, statement, cells in table.rows:
        row(section, statement, *(cell(c) for c in cells))


def _said_rows(row: Row, table: ComparisonTable, w: Words) -> None:
    """What each clinic said, one row per question with a note (none without notes)."""
    if not table.notes:
        return
    said: dict[str, tuple[str, str, dict[str, str]]] = {}
    for note in table.notes:
        said.setdefault(note.item_id, (note.section, note.statement, {}))[2][note.clinic_id] = (
            note.note
        )
    row()
    row(w("table", "clinic_said"), "", *(c.name for c in table.clinics))
    for section, statement, by_clinic in said.values():
        row(section, statement, *(by_clinic.get(c.id, "") for c in table.clinics))


def export_csv(
    store: Store,
    comparison_id: str,
    path: Path,
    rater_id: str | None = None,
    *,
    combined: bool = False,
    lang: str | None = None,
) -> Path:
    # UTF-8 with a byte-order mark, so spreadsheet programs pick the right encoding.
    table = build_table(store, comparison_id, rater_id, combined=combined)
    words = printout_words(lang)
    whose = whose_line(store, comparison_id, rater_id, combined, words)
    text = table_csv(table, lang, whose)
    write_atomically(path, text.encode("utf-8-sig"))
    return path
