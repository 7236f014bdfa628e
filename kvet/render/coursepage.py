"""The page for the next appointment (kvet.exchange.coursereport) as a one-page PDF.

One sheet of the country's paper (kvet.content.country.paper_for: Letter in the US and Canada, A4
elsewhere), whatever the length of the course: the safety lines, the PHQ-9 with its chart, blood
pressure, the signals and the plan always print; the latest check-ins and sessions fill the room
that is left, and the rest stays in the CSV log. The chart is drawn with QtGui where the page's
HTML leaves room for it, so the window and the command line make the same page.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path
from typing import cast

from PySide6.QtCore import QRectF, QUrl
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextCursor,
    QTextDocument,
    QTextFragment,
    QTextImageFormat,
)

from kvet.content.country import LETTER
from kvet.exchange.coursereport import CHART_SOURCE, CHECK_INS_SHOWN, MAX_ROWS, course_html
from kvet.exchange.files import write_atomically
from kvet.exchange.words import printout_words
from kvet.render.pdf import _dpi, document, ensure_gui_app, page_layout, rendered_pdf
from kvet.render.phq9chart import paint_phq9_chart
from kvet.treatment.course import Course

CHART_HEIGHT = 0.22  # of the text's width: the bands can be read, and room is left for the rest
SMALLEST_POINTS = 7  # the page never shrinks its text below this to fit


def page_size(paper: str) -> QPageSize.PageSizeId:
    return QPageSize.PageSizeId.Letter if paper == LETTER else QPageSize.PageSizeId.A4


def _chart_fragment(doc: QTextDocument) -> QTextFragment | None:
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            fmt = fragment.charFormat()
            if fmt.isImageFormat() and fmt.toImageFormat().name() == CHART_SOURCE:
                return fragment
            it += 1
        block = block.next()
    return None


def _make_room_for_chart(doc: QTextDocument) -> None:
    """Size the chart's place to the text's width; it stays blank until ``_chart_rect`` finds
    it and the chart is painted there."""
    fragment = _chart_fragment(doc)
    if fragment is None:
        return
    blank = QImage(1, 1, QImage.Format.Format_ARGB32)
    blank.fill(QColor(0, 0, 0, 0))
    doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(CHART_SOURCE), blank)
    width = doc.textWidth() - 2 * doc.documentMargin() - 4
    fmt = QTextImageFormat(fragment.charFormat().toImageFormat())
    fmt.setWidth(width)
    fmt.setHeight(width * CHART_HEIGHT)
    cursor = QTextCursor(doc)
    cursor.setPosition(fragment.position())
    cursor.setPosition(fragment.position() + fragment.length(), QTextCursor.MoveMode.KeepAnchor)
    cursor.setCharFormat(fmt)


def _chart_rect(doc: QTextDocument) -> QRectF | None:
    """Where the chart's place is on the page, in the document's units."""
    fragment = _chart_fragment(doc)
    if fragment is None:
        return None
    block = doc.findBlock(fragment.position())
    top_left = doc.documentLayout().blockBoundingRect(block).topLeft()  # lays the block out
    at = fragment.position() - block.position()
    line = block.layout().lineForTextPosition(at)
    if not line.isValid():
        return None
    fmt = fragment.charFormat().toImageFormat()
    x, _ = cast(tuple[float, int], line.cursorToX(at))  # PySide6 gives (x, position) back
    bottom = top_left.y() + line.y() + line.ascent()
    return QRectF(top_left.x() + x, bottom - fmt.height(), fmt.width(), fmt.height())


def _build(html: str, paper: str, points: float) -> QTextDocument:
    ensure_gui_app()
    font = QFont(QTextDocument().defaultFont())
    font.setPointSizeF(points)
    laid = document(html, page_layout(page_size(paper)), font)
    _make_room_for_chart(laid)
    return laid


def fitted_page(
    course: Course, today: date, lang: str | None = None, paper: str = "A4"
) -> QTextDocument:
    """The page laid out on one sheet. When the whole course does not fit, the sessions (with
    their notes) come before the line of check-in totals, which the chart shows anyway: that line
    keeps the latest three, then none; the sessions shown are the most that fit; and for a very
    long plan or many signals the text gets slightly smaller."""
    points = QTextDocument().defaultFont().pointSizeF()
    points = points if points > 0 else 10.0
    most = min(len(course.sessions), MAX_ROWS)
    checks = min(len(course.check_ins), CHECK_INS_SHOWN)
    if (whole := _one_page(course, today, lang, paper, checks, points, most)) is not None:
        return whole
    while True:
        for shown_checks in dict.fromkeys((min(checks, 3), 0)):
            fits = partial(_one_page, course, today, lang, paper, shown_checks, points)
            if (found := _most_that_fit(fits, most)) is not None:
                return found
        if points <= SMALLEST_POINTS:  # nothing more to take out: print what there is
            html = course_html(course, today, lang, sessions_shown=0, check_ins_shown=0)
            return _build(html, paper, points)
        points = max(SMALLEST_POINTS, points - 1)


def _one_page(
    course: Course,
    today: date,
    lang: str | None,
    paper: str,
    checks: int,
    points: float,
    sessions: int,
) -> QTextDocument | None:
    """The page with this many sessions and check-ins, if it is one sheet."""
    html = course_html(course, today, lang, sessions_shown=sessions, check_ins_shown=checks)
    doc = _build(html, paper, points)
    return doc if doc.pageCount() <= 1 else None


def _most_that_fit(fits: Callable[[int], QTextDocument | None], most: int) -> QTextDocument | None:
    """The page with the most sessions (0 to ``most``) that is one sheet, by halving."""
    if (whole := fits(most)) is not None:
        return whole
    best = fits(0)
    if best is None:
        return None
    low, high = 0, most  # fits(low) holds, fits(high) does not
    while high - low > 1:
        middle = (low + high) // 2
        if (found := fits(middle)) is not None:
            low, best = middle, found
        else:
            high = middle
    return best


def paint_page(
    doc: QTextDocument,
    painter: QPainter,
    course: Course,
    lang: str | None,
    scale: float,
    new_page: Callable[[], object] | None = None,
) -> None:
    """The page's text, then the chart in the place the text left for it.

    A plan typed at great length can outgrow a sheet even in the smallest text: then every
    sheet is printed (``new_page`` starts the next), never a page cut short."""
    height = doc.pageSize().height()
    chart = _chart_rect(doc)
    for number in range(doc.pageCount() if new_page is not None else 1):
        if number:
            assert new_page is not None
            new_page()
        painter.save()
        painter.scale(scale, scale)
        painter.translate(0, -number * height)
        sheet = QRectF(0, number * height, doc.pageSize().width(), height)
        doc.drawContents(painter, sheet)
        if chart is not None and sheet.intersects(chart):
            font = QFont(doc.defaultFont())
            font.setPixelSize(max(1, round(font.pointSizeF() * _dpi() / 72 * 0.85)))
            paint_phq9_chart(painter, chart, course, font, printout_words(lang), lang)
        painter.restore()


def course_pdf_bytes(
    course: Course, today: date, lang: str | None = None, paper: str = "A4", title: str = "kvet"
) -> bytes:
    """The one-page PDF, made in memory."""
    ensure_gui_app()
    doc = fitted_page(course, today, lang, paper)

    def draw(writer: QPdfWriter) -> None:
        painter = QPainter(writer)
        try:
            paint_page(doc, painter, course, lang, writer.resolution() / _dpi(), writer.newPage)
        finally:
            painter.end()

    return rendered_pdf(title, page_layout(page_size(paper)), draw)


def write_course_pdf(
    course: Course,
    path: Path,
    today: date,
    lang: str | None = None,
    paper: str = "A4",
    title: str = "kvet",
) -> Path:
    """Render in memory, then write beside the target and rename: never half a file."""
    write_atomically(Path(path), course_pdf_bytes(course, today, lang, paper, title))
    return Path(path)
