"""Taking a comparison to a consultation: the CSV table, the report, the call sheet and the PDF,
and a shareable file that carries hostile text through unchanged.

The comparison used here is what a careless or malicious clinic website could put into kvet:
HTML tags, spreadsheet formulas, right-to-left overrides, emoji, quotes, commas, new lines and
ten thousand characters of notes.
"""

from __future__ import annotations

import codecs
import csv
import json
import re
import shutil
import subprocess
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kvet import __version__
from kvet.content.checklist import Checklist, Format, Kind
from kvet.exchange import crypto, csvexport, files, importer, report
from kvet.exchange.errors import ExchangeError, PasswordNeededError
from kvet.exchange.htmltext import contain_direction
from kvet.exchange.report import DISCLAIMER
from kvet.rating.answers import OPTIONS, Choice, label
from kvet.rating.ranking import ORDER_SENTENCE
from kvet.start.sample import create_sample
from kvet.store.api import Store
from kvet.store.errors import InvalidValueError

SCRIPT = "<script>alert(1)</script> & <b>bold</b>"
FORMULA = '=HYPERLINK("http://x","y")'
RTL = "\u202eevil right-to-left"  # an override that is never closed
EMOJI = "emoji 🧠💊 ok"
QUOTES = 'He said "hi", then, left'
HOSTILE_NAMES = (SCRIPT, FORMULA, RTL, EMOJI, QUOTES, "+1 Clinic", "-Minus Clinic", "@Handle")
LONG = ('ten thousand characters, with commas, "quotes" and\nnew lines. ' * 200)[:10_000]
HOSTILE_NOTES = (
    "<script>alert('note')</script><b>bold</b>",
    '=HYPERLINK("http://evil.example","click me")',
    "  =1+1 after spaces",
    "\t=tab first",
    "\r=carriage return first",
    "\n=new line first",
    "\u00a0=after a no-break space",
    "+1 555 0100",
    "-5 points",
    "@SUM(A1:A2)",
    "\u202eevil",
    "emoji 🧠💊",
    'a "quoted", comma, separated; note',
    "line one\nline two\r\nline three",
    LONG,
)
TODAY = date(2026, 3, 14)
GOOD_FACT = {"USD": 550, "sessions": 6, "minutes": 30}
BAD_FACT = {"USD": 1_000_000, "sessions": 1000, "minutes": 10_000}  # the most kvet takes


@dataclass(frozen=True)
class Search:
    store: Store
    comparison_id: str
    good: str  # every item answered well: a settled first place
    bad: str  # a dealbreaker red flag seen: not recommended
    half: str  # half answered: questions still to ask


@pytest.fixture
def store(checklist: Checklist, tmp_path: Path) -> Iterator[Store]:
    s = Store.open(checklist, tmp_path / "mine.sqlite", daily_backup=False)
    yield s
    s.close()


def answer_everything(store: Store, clinic_id: str, good: bool, formats: set[Format]) -> None:
    for item in store.checklist.items:
        if not item.applies_to(formats):
            continue
        if item.kind is Kind.FACT:
            store.answers.set_fact(clinic_id, item.id, (GOOD_FACT if good else BAD_FACT)[item.unit])
        else:
            store.answers.set(clinic_id, item.id, OPTIONS[item.kind][0 if good else 1].choice)


@pytest.fixture
def search(store: Store) -> Search:
    comparison = store.comparisons.create("Family <i>search</i> & co")
    good = store.clinics.add(
        comparison.id,
        "Good Clinic",
        formats=[Format.IV],
        notes="Calm rooms; parking behind the building.",
    )
    answer_everything(store, good.id, True, {Format.IV})
    asked = [i for i in store.checklist.items if i.kind is not Kind.FACT]
    for item, note in zip(asked, HOSTILE_NOTES, strict=False):
        store.answers.set_note(good.id, item.id, note)
    bad = store.clinics.add(comparison.id, "Bad Clinic", formats=[Format.ESKETAMINE])
    answer_everything(store, bad.id, False, {Format.ESKETAMINE})
    half = store.clinics.add(comparison.id, "Half Clinic", formats=[Format.IV, Format.IM])
    for item in [i for i in store.checklist.items if i.kind is not Kind.FACT][::2]:
        store.answers.set(half.id, item.id, OPTIONS[item.kind][0].choice)
    for n, name in enumerate(HOSTILE_NAMES):
        store.clinics.add(
            comparison.id,
            name,
            formats=[Format.IV],
            notes=HOSTILE_NOTES[n % len(HOSTILE_NOTES)],
            address=name,
            website="javascript:alert(1)",
        )
    return Search(store, comparison.id, good.id, bad.id, half.id)


# --- CSV -------------------------------------------------------------------------------------


def looks_like_formula(cell: str) -> bool:
    """What a spreadsheet may run: =, +, -, @ first (also after spaces), or tab, CR, LF first."""
    return cell[:1] in ("\t", "\r", "\n") or cell.lstrip()[:1] in ("=", "+", "-", "@")


def as_spreadsheet_text(text: str) -> str:
    return "'" + text if looks_like_formula(text) else text


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(codecs.BOM_UTF8), "no byte-order mark: spreadsheets guess the encoding"
    assert raw.count(codecs.BOM_UTF8) == 1
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))


def row_labelled(rows: list[list[str]], text: str) -> list[str]:
    found = [row for row in rows if len(row) > 1 and row[1] == text]
    assert len(found) == 1, f"expected one row called {text!r}"
    return found[0][2:]


def test_the_table_opens_in_a_spreadsheet_as_items_by_clinics_with_the_scores(
    search: Search, tmp_path: Path
) -> None:
    store = search.store
    path = csvexport.export_csv(store, search.comparison_id, tmp_path / "table.csv")
    rows = read_csv(path)
    _results, ranking = store.scores.results(search.comparison_id)
    names = [p.result.name for p in ranking.places]
    ids = [p.result.clinic_id for p in ranking.places]
    assert rows[0] == ["Section", "Question", *(as_spreadsheet_text(n) for n in names)]
    assert {len(row) for row in rows if row} == {2 + len(names)}  # a rectangular grid

    assert row_labelled(rows, "Place") == [str(p.rank) for p in ranking.places]
    assert row_labelled(rows, "Score so far (0-100, open questions count as half)") == [
        "" if p.result.score is None else f"{p.result.score:.0f}" for p in ranking.places
    ]
    assert row_labelled(rows, "Lowest possible score") == [
        f"{p.result.low:.0f}" for p in ranking.places
    ]
    assert row_labelled(rows, "Highest possible score") == [
        f"{p.result.high:.0f}" for p in ranking.places
    ]
    assert row_labelled(rows, "Answered") == [
        f"{p.result.answered} of {p.result.applicable}" for p in ranking.places
    ]
    status = dict(zip(ids, row_labelled(rows, "Status"), strict=True))
    assert status[search.bad] == "Not recommended"
    assert status[search.half] == "Place could change"
    # the verdict comes before the numbers, with why: the red flag, who saw it and when
    labels = [row[1] for row in rows if len(row) > 1]
    assert labels.index("Status") < labels.index(
        "Score so far (0-100, open questions count as half)"
    )
    why = dict(zip(ids, row_labelled(rows, "Why not recommended"), strict=True))
    assert why[search.good] == ""
    flags_seen = ranking.places[ids.index(search.bad)].result.dealbreakers_seen
    for flag in flags_seen:
        assert f"“{store.checklist.items_by_id[flag].statement}” — seen by Me on" in why[search.bad]
    assert "kvet counts as a dealbreaker" in why[search.bad]
    flags = dict(zip(ids, row_labelled(rows, "Red flags seen"), strict=True))
    assert flags[search.good] == "0"
    assert int(flags[search.bad]) >= 1

    # one row per checklist item, in checklist order, each cell in words
    checklist = store.checklist
    statements = [row[1] for row in rows if len(row) > 1]
    items = [
        (section.title, item)
        for section in checklist.sections
        for item in checklist.items_in(section.id)
    ]
    start = statements.index(items[0][1].statement)
    assert statements[start : start + len(items)] == [item.statement for _s, item in items]
    grid = {row[1]: row for row in rows[start : start + len(items)]}
    column = {clinic_id: 2 + n for n, clinic_id in enumerate(ids)}
    for section_title, item in items:
        row = grid[item.statement]
        assert row[0] == section_title
        good, bad = row[column[search.good]], row[column[search.bad]]
        if item.kind is Kind.FACT:
            assert good == f"{GOOD_FACT[item.unit]} {item.unit}"
        elif item.applies_to({Format.IV}):
            assert good == label(item.kind, OPTIONS[item.kind][0].choice)
        else:
            assert good == "does not apply"
        if item.kind is Kind.FACT:
            # a million, as typed: never "1e+06", which a spreadsheet would read as 1
            assert bad == f"{BAD_FACT[item.unit]} {item.unit}"
        elif item.applies_to({Format.ESKETAMINE}):
            assert bad == label(item.kind, OPTIONS[item.kind][1].choice)
    unanswered = next(i for i in checklist.items if i.kind is Kind.FACT)
    assert grid[unanswered.statement][column[search.half]] == "not answered"


def test_a_formula_typed_as_a_clinic_name_opens_as_text_in_a_spreadsheet(
    search: Search, tmp_path: Path
) -> None:
    rows = read_csv(csvexport.export_csv(search.store, search.comparison_id, tmp_path / "t.csv"))
    header = rows[0]
    said = next(row for row in rows if row and row[0] == "What the clinic said")
    for name in HOSTILE_NAMES:  # tags, right-to-left, emoji, quotes and commas come out as typed
        assert as_spreadsheet_text(name) in header
        assert as_spreadsheet_text(name) in said  # the notes block names its columns too
    assert f"'{FORMULA}" in header
    assert FORMULA not in header  # never as a bare formula
    assert {"'+1 Clinic", "'-Minus Clinic", "'@Handle"} <= set(header)


def test_every_cell_that_a_spreadsheet_could_run_as_a_formula_is_neutralised(
    search: Search, tmp_path: Path
) -> None:
    rows = read_csv(csvexport.export_csv(search.store, search.comparison_id, tmp_path / "t.csv"))
    cells = [cell for row in rows for cell in row]
    risky = [cell for cell in cells if looks_like_formula(cell) and not cell.startswith("'")]
    assert risky == []
    assert sum(cell.startswith("'") for cell in cells) >= 10  # the hostile text was there


def test_hostile_notes_survive_in_the_table_as_text(search: Search, tmp_path: Path) -> None:
    store = search.store
    rows = read_csv(csvexport.export_csv(store, search.comparison_id, tmp_path / "t.csv"))
    ids = [p.result.clinic_id for p in store.scores.results(search.comparison_id)[1].places]
    notes = dict(zip(ids, row_labelled(rows, "Your notes"), strict=True))
    for clinic in store.clinics.list(search.comparison_id):
        assert notes[clinic.id] == as_spreadsheet_text(clinic.notes)
    start = next(n for n, row in enumerate(rows) if row and row[0] == "What the clinic said")
    assert rows[start - 1] == []  # a blank line sets the block apart
    end = next((n for n in range(start + 1, len(rows)) if not rows[n]), len(rows))
    said = rows[start + 1 : end]
    column = 2 + ids.index(search.good)
    got = [row[column] for row in said]
    assert got == [as_spreadsheet_text(note) for note in HOSTILE_NOTES]
    assert as_spreadsheet_text(LONG) in got  # ten thousand characters, commas and all
    statements = {i.statement: i for i in store.checklist.items}
    assert all(row[1] in statements for row in said)


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("\n=x", "'\n=x"),
        ("  =1+1", "'  =1+1"),
        ("\u00a0=1+1", "'\u00a0=1+1"),
        ("Riverside", "Riverside"),
        ("a=b", "a=b"),
        ("550 USD", "550 USD"),
        ("", ""),
    ],
)
def test_a_cell_is_made_safe_only_when_a_spreadsheet_could_run_it(cell: str, shown: str) -> None:
    assert csvexport.neutralise(cell) == shown


# --- report and call sheet HTML --------------------------------------------------------------


class Reader(HTMLParser):
    """The document as a reader sees it: tags, and the text of each block."""

    BLOCKS = frozenset({"h1", "h2", "h3", "p", "li", "td", "th"})

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.blocks: list[tuple[str, str]] = []
        self.bold: list[str] = []
        self.pieces: list[str] = []  # every run of text between tags
        self._open: list[tuple[str, list[str]]] = []
        self._in_bold = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag in self.BLOCKS:
            self._open.append((tag, []))
        self._in_bold = tag == "b"

    def handle_endtag(self, tag: str) -> None:
        if tag == "b":
            self._in_bold = False
        if tag in self.BLOCKS and self._open and self._open[-1][0] == tag:
            name, parts = self._open.pop()
            self.blocks.append((name, "".join(parts)))
            if self._open:
                self._open[-1][1].append("".join(parts))

    def handle_data(self, data: str) -> None:
        self.pieces.append(data)
        if self._in_bold:
            self.bold.append(data)
        if self._open:
            self._open[-1][1].append(data)

    @property
    def text(self) -> str:
        return "\n".join(text for _tag, text in self.blocks)

    def sections(self) -> dict[str, list[str]]:
        """The text of each block, under the h2 heading it follows."""
        out: dict[str, list[str]] = {}
        current = ""
        for tag, text in self.blocks:
            if tag == "h2":
                current = text
                out[current] = []
            else:
                out.setdefault(current, []).append(text)
        return out


KVET_TAGS = {
    "html",
    "head",
    "meta",
    "style",
    "body",
    "h1",
    "h2",
    "h3",
    "p",
    "b",
    "table",
    "tr",
    "th",
    "td",
    "ul",
    "ol",
    "li",
}
KVET_BOLD = {
    "Important:",
    "Red flags seen:",
    "Your notes:",
    "What the clinic said:",
    "Still to ask:",
    "Not recommended.",
}


def test_hostile_text_in_the_report_is_shown_as_text_not_markup(search: Search) -> None:
    html = report.report_html(search.store, search.comparison_id, today=TODAY)
    assert "<script" not in html.lower()
    assert "<b>bold</b>" not in html
    assert "<i>search</i>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    page = Reader(html)
    assert set(page.tags) <= KVET_TAGS
    assert set(page.bold) <= KVET_BOLD  # bold only where kvet puts it
    for name in HOSTILE_NAMES:
        assert contain_direction(name) in page.text
    for note in (n for n in HOSTILE_NOTES if n.strip()):
        assert contain_direction(note) in html or contain_direction(note) in page.text
    assert "Family <i>search</i> & co" in page.text


def test_the_report_has_everything_to_take_to_a_consultation(
    search: Search, checklist: Checklist
) -> None:
    store = search.store
    page = Reader(report.report_html(store, search.comparison_id, today=TODAY))
    text = page.text
    assert DISCLAIMER in text
    assert "2026-03-14" in text
    assert f"kvet {__version__}" in text
    assert f"checklist version {checklist.version}" in text
    sections = page.sections()

    _results, ranking = store.scores.results(search.comparison_id)
    ranking_rows = sections["Ranking"]
    for place in ranking.places:
        r = place.result
        assert str(place.rank) in ranking_rows
        assert contain_direction(r.name) in ranking_rows
        shown = (
            f"({r.score:.0f}, for reference only)"
            if r.not_recommended
            else f"{r.score:.0f} (could end {r.low:.0f}–{r.high:.0f})"
        )
        if f"{r.low:.0f}" == f"{r.high:.0f}" and not r.not_recommended:
            shown = f"{r.score:.0f} (settled)"  # never "could end 100–100"
        assert shown in ranking_rows
    assert "Place could change" in ranking_rows
    assert any(row.startswith("NOT RECOMMENDED: red flag seen: “") for row in ranking_rows)
    assert ORDER_SENTENCE in ranking_rows

    places = {p.result.clinic_id: p for p in ranking.places}
    items = checklist.items_by_id

    def clinic_part(clinic_id: str) -> list[str]:
        place = places[clinic_id]
        return sections[f"{place.rank}. {contain_direction(place.result.name)}"]

    good = clinic_part(search.good)
    assert "No red flags seen so far." in good
    assert "Your notes: Calm rooms; parking behind the building." in good
    assert "What the clinic said:" in good
    said = [line for line in good if line.endswith("”") and " — “" in line]
    assert len(said) == len(HOSTILE_NOTES)
    for section in checklist.sections:  # the section breakdown, each with its count
        assert section.title in good
    assert any(re.fullmatch(r"\d+ of \d+", line) for line in good)
    assert places[search.good].result.summary() in good

    bad = clinic_part(search.bad)
    assert "Red flags seen:" in bad  # the word, not a colour, says it
    flags = places[search.bad].result.red_flags_seen
    assert flags
    for flag in flags:
        assert f"[!] {items[flag].statement}" in bad

    assert "Not recommended. A dealbreaker red flag was seen:" in bad
    assert any("— seen by Me on" in line for line in bad)

    half = clinic_part(search.half)
    assert "Still to ask:" in half
    for item_id in places[search.half].result.still_to_ask:  # the question to ask, and what for
        item = items[item_id]
        assert f"{item.how_to_ask} (checking: {item.statement})" in half

    sources = sections["Sources"]
    for source in checklist.sources:
        assert any(line.startswith(f"{source.title}: ") for line in sources)


def test_the_report_lists_the_questions_that_could_change_the_decision(
    store: Store, checklist: Checklist
) -> None:
    comparison = create_sample(store)
    store.clinics.add(comparison.id, SCRIPT)
    _results, ranking = store.scores.results(comparison.id)
    assert ranking.decisive
    sections = Reader(report.report_html(store, comparison.id)).sections()
    listed = sections["Questions that could change your decision"]
    assert listed == [q.sentence(checklist) for q in ranking.decisive[:10]]
    assert any(SCRIPT in line for line in listed)


def test_the_report_reads_the_same_printed_in_black_and_white(search: Search) -> None:
    html = report.report_html(search.store, search.comparison_id, today=TODAY).lower()
    assert "color" not in html
    assert "background" not in html
    assert "<font" not in html


def test_two_clinics_with_the_same_name_each_keep_their_own_notes_in_the_report(
    store: Store,
) -> None:
    comparison = store.comparisons.create("Twins")
    first = store.clinics.add(comparison.id, "Twin Clinic")
    second = store.clinics.add(comparison.id, "Twin Clinic")
    store.answers.set_note(first.id, "q_induction_schedule", "first said six infusions")
    store.answers.set_note(second.id, "q_induction_schedule", "second said eight infusions")
    sections = Reader(report.report_html(store, comparison.id)).sections()
    parts = [lines for heading, lines in sections.items() if heading.endswith("Twin Clinic")]
    assert len(parts) == 2
    for lines in parts:
        said = [line for line in lines if "infusions" in line]
        assert len(said) == 1, said


def test_a_right_to_left_override_in_a_clinic_name_stops_at_the_end_of_the_name(
    store: Store,
) -> None:
    comparison = create_sample(store)
    store.clinics.add(comparison.id, RTL)
    html = report.report_html(store, comparison.id, today=TODAY)
    page = Reader(html)
    assert any(RTL in piece for piece in page.pieces)
    for piece in page.pieces:  # nothing kvet writes runs on with a direction left open
        assert contain_direction(piece) == piece, repr(piece[:80])
    assert any(f"Ask {RTL}\u202c: “" in line for _tag, line in page.blocks)


@pytest.mark.parametrize(
    ("text", "contained"),
    [
        ("plain", "plain"),
        ("\u202eevil", "\u202eevil\u202c"),
        ("\u202eevil\u202c", "\u202eevil\u202c"),
        ("\u202a\u202bnested", "\u202a\u202bnested\u202c\u202c"),
        ("\u2067isolate", "\u2067isolate\u2069"),
        ("\u2068\u202einside\u2069 after", "\u2068\u202einside\u2069 after"),
        ("\u202c\u2069stray closers", "\u202c\u2069stray closers"),
    ],
)
def test_direction_controls_left_open_are_closed(text: str, contained: str) -> None:
    assert contain_direction(text) == contained


def test_the_call_sheet_lists_every_question_in_order_with_boxes_and_space(
    search: Search, checklist: Checklist
) -> None:
    store = search.store
    clinic = next(c for c in store.clinics.list(search.comparison_id) if c.name == SCRIPT)
    html = report.call_sheet_html(store, clinic.id)
    assert "<script" not in html.lower()
    assert "<b>bold</b>" not in html
    page = Reader(html)
    assert set(page.tags) <= KVET_TAGS
    assert page.blocks[0] == ("h1", f"Call sheet: {SCRIPT}")
    assert any(SCRIPT in block and "javascript:alert(1)" in block for _t, block in page.blocks)
    questions = [text for tag, text in page.blocks if tag == "h3"]
    expected = [
        item.how_to_ask
        for section in checklist.sections
        for item in checklist.items_in(section.id)
        if item.applies_to({Format.IV})
    ]
    assert questions == [f"{n}. {ask}" for n, ask in enumerate(expected, 1)]
    paragraphs = [text for tag, text in page.blocks if tag == "p"]
    assert sum(p.startswith("Notes: ____") for p in paragraphs) == len(expected)
    assert any(p.startswith("[ \u00a0 ] Not seen") for p in paragraphs)
    assert any(p.startswith("[ \u00a0 ] Clear answer") for p in paragraphs)
    assert any(p.startswith("Answer: ____") and p.endswith("USD") for p in paragraphs)
    assert DISCLAIMER in page.text
    assert "Things to tell the clinic" not in page.text


def test_the_call_sheet_tells_the_clinic_personal_things_only_when_asked(
    search: Search,
) -> None:
    store = search.store
    topic = store.checklist.personal_topics[0]
    store.answers.set_personal_topic(topic.id, True, "<b>since</b> 2019 =1+1")
    private = "since</b> 2019"
    without = report.call_sheet_html(store, search.good)
    assert topic.tell_clinic not in Reader(without).text
    assert "2019" not in without
    with_them = report.call_sheet_html(store, search.good, include_personal=True)
    page = Reader(with_them)
    assert "Things to tell the clinic" in page.sections()
    assert f"{topic.tell_clinic} (<b>since</b> 2019 =1+1)" in page.text
    assert private not in with_them  # escaped, not markup
    assert set(page.bold) <= KVET_BOLD


# --- PDF -------------------------------------------------------------------------------------


def pdf_text(path: Path) -> str:
    """The PDF's text as pdftotext reads it, ligatures undone and white space collapsed."""
    tool = shutil.which("pdftotext")
    if tool is None:
        pytest.fail(
            "pdftotext is missing, so the PDF cannot be checked. Install poppler-utils: "
            "`bash scripts/setup.sh test` (as root) or `sudo apt-get install "
            "poppler-utils`."
        )
    out = subprocess.run(
        [tool, "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True, timeout=60
    )
    text = unicodedata.normalize("NFKC", out.stdout.decode("utf-8"))
    return " ".join(text.split())


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.usefixtures("qapp")
def test_the_pdf_report_holds_the_clinic_names_scores_and_disclaimer(
    search: Search, tmp_path: Path
) -> None:
    from kvet.render.pdf import write_pdf

    store = search.store
    folder = tmp_path / "out"
    folder.mkdir()
    path = write_pdf(
        report.report_html(store, search.comparison_id, today=TODAY),
        folder / "report.pdf",
        title="kvet report",
    )
    assert path.read_bytes().startswith(b"%PDF")
    assert list(folder.iterdir()) == [path]  # no partial file left beside it
    text = pdf_text(path)
    assert flat(DISCLAIMER) in text
    assert "2026-03-14" in text
    for literal in (
        SCRIPT,
        FORMULA,
        QUOTES,
        "+1 Clinic",
        "-Minus Clinic",
        "@Handle",
        "Good Clinic",
        "Bad Clinic",
        "Half Clinic",
        "Family <i>search</i> & co",
    ):
        # lines may break inside a name (at "/", say): compare without the white space
        assert "".join(literal.split()) in "".join(text.split()), literal
    assert "emoji" in text  # the emoji themselves need an emoji font, see the report
    _results, ranking = store.scores.results(search.comparison_id)
    for place in ranking.places:
        r = place.result
        joined = " ".join(text.split())
        if r.score is not None and r.answered == r.applicable:
            assert f"Score {r.score:.0f} out of 100, with every question answered." in joined
        elif r.score is not None and r.answered:
            assert (
                f"Score so far {r.score:.0f} out of 100, with {r.answered} of "
                f"{r.applicable} questions answered"
            ) in joined
    assert "NOT RECOMMENDED" in text  # not broken mid-word in the ranking table
    assert "Not recommended. A dealbreaker red flag was seen:" in text
    assert "Red flags seen:" in text
    assert "[!]" in text


@pytest.mark.usefixtures("qapp")
def test_a_right_to_left_name_does_not_print_kvets_own_words_backwards(
    store: Store, tmp_path: Path
) -> None:
    from kvet.render.pdf import write_pdf

    comparison = store.comparisons.create("Directions")
    store.clinics.add(comparison.id, RTL)
    path = write_pdf(report.report_html(store, comparison.id), tmp_path / "r.pdf")
    text = pdf_text(path)
    assert "One answer could rule the clinic out" in text
    assert ".tuo cinilc eht elur dluoc" not in text


@pytest.mark.usefixtures("qapp")
def test_the_pdf_call_sheet_has_the_clinic_questions_and_disclaimer(
    search: Search, tmp_path: Path
) -> None:
    from kvet.render.pdf import write_pdf

    store = search.store
    topic = store.checklist.personal_topics[0]
    store.answers.set_personal_topic(topic.id, True, "since 2019")
    clinic = next(c for c in store.clinics.list(search.comparison_id) if c.name == FORMULA)
    plain = pdf_text(write_pdf(report.call_sheet_html(store, clinic.id), tmp_path / "a.pdf"))
    assert f"Call sheet: {FORMULA}" in plain
    first = store.checklist.items_in(store.checklist.sections[0].id)[0]
    assert f"1. {flat(first.how_to_ask)}" in plain
    assert "[ ] Not seen" in plain
    assert flat(DISCLAIMER) in plain
    assert "since 2019" not in plain
    personal = pdf_text(
        write_pdf(
            report.call_sheet_html(store, clinic.id, include_personal=True), tmp_path / "b.pdf"
        )
    )
    assert "Things to tell the clinic" in personal
    assert "since 2019" in personal


@pytest.mark.usefixtures("qapp")
def test_saving_a_pdf_where_there_is_no_folder_says_so_and_leaves_nothing(
    tmp_path: Path,
) -> None:
    from kvet.render.pdf import write_pdf

    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "no such folder" / "report.pdf"
    with pytest.raises(ExchangeError, match=r"could not save .*report\.pdf"):
        write_pdf("<p>hello</p>", target)
    assert list(folder.iterdir()) == []


# --- the shareable file with hostile text ----------------------------------------------------


def hostile_comparison(store: Store) -> str:
    comparison = store.comparisons.create(SCRIPT)
    for n, name in enumerate(HOSTILE_NAMES):
        note = HOSTILE_NOTES[n % len(HOSTILE_NOTES)]
        clinic = store.clinics.add(
            comparison.id,
            name,
            address=LONG,
            phone="=1+2 ☎ \u202e555",
            website=FORMULA,
            notes=note,
            formats=[Format.IV, Format.IM],
        )
        store.answers.set(clinic.id, "q_induction_schedule", Choice.VAGUE)
        store.answers.set_note(clinic.id, "q_induction_schedule", HOSTILE_NOTES[-1 - n])
        store.answers.set_note(clinic.id, "rf_no_screening", LONG)
        store.answers.set_fact(clinic.id, "price_per_session", 123456.78)
    return comparison.id


@pytest.mark.parametrize("password", [None, "correct horse ☃ battery"])
def test_hostile_text_comes_back_field_for_field_through_a_shared_file(
    store: Store, checklist: Checklist, tmp_path: Path, password: str | None
) -> None:
    comparison_id = hostile_comparison(store)
    path = files.export_comparison(store, comparison_id, tmp_path / "share.kvet", password=password)
    raw = path.read_bytes()
    if password:
        assert b"HYPERLINK" not in raw
        with pytest.raises(PasswordNeededError):
            files.read_document(path)
    document = files.read_document(path, password)
    with Store.open(checklist, tmp_path / "theirs.sqlite", daily_backup=False) as other:
        new_id = importer.apply_import(other, importer.plan_import(other, document))
        original = files.build_document(store, comparison_id)
        again = files.build_document(other, new_id)
        keep = {"exported_at", "raters"}
        assert again.model_dump(exclude=keep) == original.model_dump(exclude=keep)
        # and as the user sees it, field for field
        theirs = {c.id: c for c in other.clinics.list(new_id)}
        sender = next(r for r in other.people.list() if not r.is_default)
        for clinic in store.clinics.list(comparison_id):
            assert theirs[clinic.id] == replace(clinic, comparison_id=new_id)
            assert other.answers.by_item(clinic.id, sender.id) == store.answers.by_item(clinic.id)
        assert other.comparisons.get(new_id).name == SCRIPT


@pytest.mark.parametrize(
    ("n", "r", "p"), [(2**20, 8, 16), (2**20, 32, 1), (2**17, 32, 16), (2**18, 16, 1)]
)
def test_a_protected_file_asking_for_absurd_memory_or_time_is_refused_at_once(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, n: int, r: int, p: int
) -> None:
    comparison_id = hostile_comparison(store)
    path = files.export_comparison(store, comparison_id, tmp_path / "p.kvet", password="pw")
    envelope = json.loads(path.read_text())
    envelope["kdf"].update(n=n, r=r, p=p)
    path.write_text(json.dumps(envelope))

    def no_key(*args: object) -> bytes:
        raise AssertionError("kvet started deriving a key with the file's absurd settings")

    monkeypatch.setattr(crypto, "_key", no_key)
    with pytest.raises(ExchangeError, match="damaged"):
        files.read_document(path, "pw")


@pytest.mark.parametrize(
    ("version", "message"),
    [(2, "newer kvet"), ("1", "damaged"), (None, "damaged"), (True, "damaged")],
)
def test_a_protected_file_with_an_odd_version_says_what_is_wrong(
    store: Store, tmp_path: Path, version: object, message: str
) -> None:
    comparison_id = hostile_comparison(store)
    path = files.export_comparison(store, comparison_id, tmp_path / "p.kvet", password="pw")
    envelope = json.loads(path.read_text())
    envelope["schema_version"] = version
    path.write_text(json.dumps(envelope))
    with pytest.raises(ExchangeError, match=message):
        files.read_document(path, "pw")


def test_what_the_store_accepts_always_fits_in_a_shareable_file(
    store: Store, checklist: Checklist, tmp_path: Path
) -> None:
    """The store and the file format agree on their limits, so every export can be shared."""
    comparison = store.comparisons.create("Long")
    with pytest.raises(InvalidValueError, match="phone"):
        store.clinics.add(comparison.id, "Long Phone", phone="0" * 150)
    with pytest.raises(InvalidValueError, match="name"):
        store.people.add("M" * 150)
    clinic = store.clinics.add(
        comparison.id, "Longest", phone="0" * 100, website="w" * 500, notes="n" * 20_000
    )
    mum = store.people.add("M" * 100)
    store.answers.set(clinic.id, "vs_pulse_ox", Choice.YES, rater_id=mum.id)
    path = files.export_comparison(store, comparison.id, tmp_path / "long.kvet")
    with Store.open(checklist, tmp_path / "theirs.sqlite", daily_backup=False) as other:
        new_id = importer.apply_import(
            other, importer.plan_import(other, files.read_document(path))
        )
        assert other.clinics.list(new_id)[0].phone == "0" * 100
        assert other.clinics.list(new_id)[0].website == "w" * 500


def test_the_report_of_everyone_together_lists_where_people_differ(
    store: Store, checklist: Checklist
) -> None:
    comparison = store.comparisons.create("Together")
    clinic = store.clinics.add(comparison.id, "Harbor <Clinic>", formats=[Format.IV])
    me = store.people.default().id
    alex = store.people.add("Alex <3").id
    store.answers.set(clinic.id, "rf_cure_promise", Choice.NOT_SEEN, rater_id=me)
    store.answers.set(clinic.id, "rf_cure_promise", Choice.SEEN, rater_id=alex)
    store.answers.set_note(clinic.id, "rf_cure_promise", "said 'guaranteed'", rater_id=alex)

    html = report.report_html(store, comparison.id, combined=True)
    assert "Where your answers differ" in html
    assert "Alex &lt;3: seen" in html.lower() or "alex &lt;3: seen" in html.lower()
    assert "Everyone&#x27;s answers together" in html
    assert "NOT RECOMMENDED" in html  # the red flag one person saw counts for everyone
    assert "Alex &lt;3: said &#x27;guaranteed&#x27;" in html

    store.decisions.settle(clinic.id, "q_response_measure", Choice.CLEAR, alex)
    settled = report.report_html(store, comparison.id, combined=True)
    assert "What you settled together" in settled
    assert "settled as clear answer, by Alex &lt;3 on" in settled

    mine = report.report_html(store, comparison.id, me)
    assert "Where your answers differ" not in mine
    assert "Answers given by Me." in mine
    assert "NOT RECOMMENDED" not in mine
