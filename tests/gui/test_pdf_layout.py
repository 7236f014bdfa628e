"""The report on paper: table headings keep their words whole, and tables fit the page."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

import pytest
from PySide6.QtGui import QPageSize

from kvet.content.checklist import Checklist
from kvet.exchange import report
from kvet.render.pdf import _tables, document, page_layout, write_pdf
from kvet.start.sample import create_sample
from kvet.store.api import Store
from tests.test_exports import pdf_text

PAGES = {
    "A4": QPageSize.PageSizeId.A4,
    "Letter": QPageSize.PageSizeId.Letter,
    "A5": QPageSize.PageSizeId.A5,  # narrower than either: the columns must share harder
}
LONG_NAME = "The Riverside and Lakeshore Ketamine Wellness Centre of Nort"


@pytest.fixture
def report_html(checklist: Checklist, tmp_path: Path) -> str:
    with Store.open(checklist, tmp_path / "kvet.sqlite") as store:
        sample = create_sample(store)
        store.clinics.add(sample.id, LONG_NAME)
        return report.report_html(store, sample.id)


def heading_words(html: str) -> set[str]:
    cells = re.findall(r"<th[^>]*>(.*?)</th>", html, flags=re.DOTALL)
    return {w for cell in cells for w in unescape(re.sub(r"<[^>]+>", " ", cell)).split()}


@pytest.mark.parametrize("page", PAGES, ids=str)
def test_headings_keep_whole_words_and_tables_fit_the_page(
    qapp: object, report_html: str, page: str, tmp_path: Path
) -> None:
    layout = page_layout(PAGES[page])
    doc = document(report_html, layout)  # what is printed, only scaled to the printer
    assert _tables(doc)
    assert doc.size().width() <= doc.textWidth() + 1  # no table runs off the page
    path = tmp_path / "report.pdf"
    write_pdf(report_html, path, page=PAGES[page])
    printed = set(pdf_text(path).split())
    words = heading_words(report_html)
    assert {"Place", "Answered", "Clinic"} <= words
    assert words - printed == set()  # "Pla ce" or "Answer ed" would leave a word missing
