"""The PHQ-9 over a course, drawn with QtGui for the page the person takes to their appointment.

Like the window's chart (kvet.gui.treatment.coursechart): scores as a line with dots, the
severity bands named at the right, the score scale at the left and the sessions as ticks along
the bottom. Drawn in black and greys so it prints the same on any printer, with real text (the
scale, the bands and the dates) that a reader or a search of the PDF finds. QtGui only: the
command line draws it too.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from kvet.content.catalogue import sentence
from kvet.content.printwords import Words
from kvet.text.datewords import MONTHS
from kvet.treatment import phq9
from kvet.treatment.course import Course

BAND_LINES = (5, 10, 15, 20)
INK = QColor(0, 0, 0)
GRID = QColor(150, 150, 150)
BAND_TEXT = QColor(90, 90, 90)
SCORE = QColor(20, 60, 140)


def _span(course: Course) -> tuple[date, date]:
    days = [c.day for c in course.check_ins] + [s.day for s in course.sessions]
    first, last = min(days), max(days)
    return first, (last if last > first else first + timedelta(days=1))


def _day_month(day: date, w: Words) -> str:
    """ "5 Mar", the month in the printout's language."""
    return f"{day.day} {sentence(MONTHS[day.month - 1], w.lang)}"


@dataclass(frozen=True)
class _Frame:
    """Where the chart draws: ``area`` holds the scores, the scale at its left; ``line`` is a
    line of text, in the painter's units."""

    rect: QRectF
    area: QRectF
    axis: float
    line: float
    first: date
    last: date

    def x(self, day: date) -> float:
        return (
            self.area.left()
            + self.area.width() * (day - self.first).days / (self.last - self.first).days
        )

    def y(self, total: float) -> float:
        return self.area.bottom() - self.area.height() * total / phq9.MAX_TOTAL


def paint_phq9_chart(
    painter: QPainter, rect: QRectF, course: Course, font: QFont, w: Words, lang: str | None
) -> None:
    """Draw the chart inside ``rect`` (in the painter's units); ``font`` has a pixel size in
    those units, so the chart's text matches the page's."""
    if not course.check_ins:
        return
    painter.save()
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        line = metrics.height()
        axis = metrics.horizontalAdvance("27") + line / 2
        area = QRectF(
            rect.left() + axis, rect.top() + line / 2, rect.width() - axis, rect.height() - 2 * line
        )
        frame = _Frame(rect, area, axis, line, *_span(course))
        _paint_scale(painter, frame)
        _paint_bands(painter, frame, lang)
        _paint_sessions(painter, frame, course, w)
        _paint_scores(painter, frame, course)
    finally:
        painter.restore()


def _paint_scale(painter: QPainter, frame: _Frame) -> None:
    """The score scale at the left, with a dotted line across at each band's edge."""
    area, line = frame.area, frame.line
    grid = QPen(GRID, 0)
    grid.setStyle(Qt.PenStyle.DotLine)
    for level in (0, *BAND_LINES, phq9.MAX_TOTAL):
        painter.setPen(grid)
        painter.drawLine(
            QPointF(area.left(), frame.y(level)), QPointF(area.right(), frame.y(level))
        )
        painter.setPen(INK)
        painter.drawText(
            QRectF(frame.rect.left(), frame.y(level) - line / 2, frame.axis - line / 4, line),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            str(level),
        )


def _paint_bands(painter: QPainter, frame: _Frame, lang: str | None) -> None:
    """The band names inside the chart, at the right."""
    area, line = frame.area, frame.line
    painter.setPen(BAND_TEXT)
    for band in phq9.load_phq9(lang).bands:
        middle = (band.low + band.high + 1) / 2
        painter.drawText(
            QRectF(area.left(), frame.y(middle) - line / 2, area.width() - line / 4, line),
            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
            band.name,
        )


def _paint_sessions(painter: QPainter, frame: _Frame, course: Course, w: Words) -> None:
    """Sessions: short ticks along the bottom, the first and last day under them."""
    area, line = frame.area, frame.line
    painter.setPen(QPen(INK, max(1.0, line / 10)))
    for session in course.sessions:
        px = frame.x(session.day)
        painter.drawLine(QPointF(px, area.bottom()), QPointF(px, area.bottom() - line / 2))
    painter.setPen(INK)
    below = QRectF(area.left(), area.bottom() + line / 4, area.width(), line)
    painter.drawText(
        below,
        Qt.AlignmentFlag.AlignLeft,
        w("course", "chart_sessions").format(day=_day_month(frame.first, w)),
    )
    painter.drawText(below, Qt.AlignmentFlag.AlignRight, _day_month(frame.last, w))


def _paint_scores(painter: QPainter, frame: _Frame, course: Course) -> None:
    """The scores: a line with dots."""
    points = [QPointF(frame.x(c.day), frame.y(c.total)) for c in course.check_ins]
    painter.setPen(QPen(SCORE, max(1.0, frame.line / 8)))
    for a, b in itertools.pairwise(points):
        painter.drawLine(a, b)
    painter.setBrush(SCORE)
    for point in points:
        painter.drawEllipse(point, frame.line / 5, frame.line / 5)
