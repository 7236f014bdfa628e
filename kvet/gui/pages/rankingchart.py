"""The ranking as horizontal bars with range whiskers, painted directly.

QPainter instead of QtCharts keeps start-up light and lets every row carry words ("place can't
change", "place could change", "not recommended") next to the drawing, so nothing depends on
color. Colors come from the palette, so light and dark schemes both work.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import (
    QBrush,
    QFont,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from kvet.gui.common.colours import paints
from kvet.gui.common.focus import draw_focus, take_focus
from kvet.gui.words.chartwords import (
    EMPTY_MESSAGE,
    describe_ranking,
    one_line,
    range_words,
    status_words,
    tr,
)
from kvet.gui.words.paperwords import paper
from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate
from kvet.rating.ranking import Place, Ranking

LEGEND = QT_TRANSLATE_NOOP(
    "RankingChart",
    "The bar is the score so far (open questions count half). The thin line with ends shows "
    "where the score could end once every question is answered.",
)
MARGIN = 8
MIN_ROWS_SHOWN = 3
LEGEND_WIDTH = 600  # the width of sizeHint


@dataclass(frozen=True)
class _Geometry:
    row_height: int
    line: int
    rank_width: int
    name_left: int
    name_width: int
    bar_left: int
    bar_width: int
    score_left: int
    header: int


class RankingChart(QWidget):
    """One row per place: rank, name, score bar with its range, the score, and words."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ranking = Ranking((), ())
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setAccessibleName(translate("RankingChart", "Ranking chart"))
        self.setAccessibleDescription(tr(EMPTY_MESSAGE))
        take_focus(self)  # Tab reaches it, so a screen reader reads its description
        self.setMinimumWidth(320)
        self._legend_at = 0  # the legend's height when the size was last given
        self._described = True  # the accessible description says the ranking held

    def set_ranking(self, ranking: Ranking) -> None:
        rows = len(self._ranking.places)
        self._ranking = ranking
        # Put in words only when it can be read: a hidden chart (another page shown) waits until
        # it is shown, so an answer or a slider move elsewhere does not describe every place.
        self._described = False
        if self.isVisible():
            self._describe()
        self.setToolTip("")
        if len(ranking.places) != rows:  # as tall as its rows: the layout asked again only then
            self.updateGeometry()
        self.update()

    def _describe(self) -> None:
        if not self._described:
            self._described = True
            self.setAccessibleDescription(describe_ranking(self._ranking))

    def accessibleDescription(self) -> str:
        """The ranking in words, up to date even while the chart is hidden."""
        self._describe()
        return super().accessibleDescription()

    def showEvent(self, event: QShowEvent) -> None:
        self._describe()  # before a screen reader can reach it
        super().showEvent(event)

    def ranking(self) -> Ranking:
        return self._ranking

    # --- size ---------------------------------------------------------------------------------

    def _row_height(self) -> int:
        return self.fontMetrics().lineSpacing() * 2 + 14

    def _header_height(self) -> int:
        return self.fontMetrics().lineSpacing() + 8

    def _legend_height(self) -> int:
        """As tall as the legend wraps at this width (Spanish may take a line more)."""
        width = self.width() if self.width() >= self.minimumWidth() else LEGEND_WIDTH
        wrapped = self.fontMetrics().boundingRect(
            QRect(0, 0, width - 2 * MARGIN, 10_000), int(Qt.TextFlag.TextWordWrap), tr(LEGEND)
        )
        return max(wrapped.height(), self.fontMetrics().lineSpacing() * 2) + 8

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._legend_height() != self._legend_at:
            self._legend_at = self._legend_height()
            self.updateGeometry()  # the legend wraps to another number of lines

    def _height_for(self, rows: int) -> int:
        return (
            2 * MARGIN + self._header_height() + rows * self._row_height() + self._legend_height()
        )

    def sizeHint(self) -> QSize:
        return QSize(LEGEND_WIDTH, self._height_for(max(1, len(self._ranking.places))))

    def minimumSizeHint(self) -> QSize:
        return QSize(320, self._height_for(max(1, min(len(self._ranking.places), MIN_ROWS_SHOWN))))

    def _geometry(self) -> _Geometry:
        metrics = self.fontMetrics()
        bold = QFontMetrics(self._bold_font())
        width = self.width() - 2 * MARGIN
        rank_width = bold.horizontalAdvance("00.") + 6
        score_width = (
            max(
                bold.horizontalAdvance("(100)"),
                metrics.horizontalAdvance(paper("report", "score")),
            )
            + 16
        )
        name_width = max(90, min(260, int(width * 0.32)))
        name_left = MARGIN + rank_width
        bar_left = name_left + name_width + 10
        bar_width = max(40, MARGIN + width - bar_left - score_width)
        return _Geometry(
            row_height=self._row_height(),
            line=metrics.lineSpacing(),
            rank_width=rank_width,
            name_left=name_left,
            name_width=name_width,
            bar_left=bar_left,
            bar_width=bar_width,
            score_left=bar_left + bar_width + 12,
            header=self._header_height(),
        )

    def _bold_font(self) -> QFont:
        font = QFont(self.font())
        font.setBold(True)
        return font

    # --- painting -----------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        draw_focus(self, painter)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            palette = self.palette()
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            places = self._ranking.places
            if not places:
                painter.drawText(
                    self.rect().adjusted(MARGIN, MARGIN, -MARGIN, -MARGIN),
                    Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                    tr(EMPTY_MESSAGE),
                )
                return
            geo = self._geometry()
            self._paint_header(painter, geo)
            top = MARGIN + geo.header
            room = max(1, (self.height() - top - MARGIN - self._legend_height()) // geo.row_height)
            shown = places if room >= len(places) else places[: max(1, room - 1)]
            # Only the rows Qt asks for: in its scroll area, 200 clinics' chart shows a dozen.
            # A row either side is painted too, so a line drawn at a row's edge is never left out.
            exposed, height = event.rect(), geo.row_height
            for row, place in enumerate(shown):
                y = top + row * height
                if y + 2 * height >= exposed.top() and y - height <= exposed.bottom():
                    self._paint_row(painter, geo, y, place, row)
            hidden = len(places) - len(shown)
            if hidden:
                painter.setPen(palette.color(QPalette.ColorRole.WindowText))
                painter.drawText(
                    QRect(
                        MARGIN,
                        top + len(shown) * geo.row_height,
                        self.width() - 2 * MARGIN,
                        geo.row_height,
                    ),
                    Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                    translate(
                        "RankingChart", "… and {count} more. Make this area taller to see them."
                    ).format(count=hidden),
                )
            legend_top = top + (len(shown) + (1 if hidden else 0)) * geo.row_height + 4
            painter.setPen(palette.color(QPalette.ColorRole.WindowText))
            painter.drawText(
                QRect(MARGIN, legend_top, self.width() - 2 * MARGIN, self._legend_height()),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                tr(LEGEND),
            )
        finally:
            painter.end()

    def _x(self, geo: _Geometry, value: float) -> float:
        return geo.bar_left + geo.bar_width * max(0.0, min(100.0, value)) / 100.0

    def _paint_header(self, painter: QPainter, geo: _Geometry) -> None:
        palette = self.palette()
        metrics = self.fontMetrics()
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        baseline = MARGIN + metrics.ascent()
        painter.drawText(geo.name_left, baseline, paper("report", "clinic"))
        for value in (0, 50, 100):
            text = str(value)
            x = self._x(geo, value) - metrics.horizontalAdvance(text) / 2
            right = geo.bar_left + geo.bar_width - metrics.horizontalAdvance(text)
            painter.drawText(QPointF(min(max(x, geo.bar_left), right), baseline), text)
        painter.drawText(geo.score_left, baseline, paper("report", "score"))

    def _paint_row(
        self, painter: QPainter, geo: _Geometry, top: int, place: Place, row: int
    ) -> None:
        palette = self.palette()
        colours = paints(palette)
        # Grid lines at 0, 50 and 100 help read the bars without any color.
        grid = QPen(colours.grid)
        grid.setStyle(Qt.PenStyle.DotLine)
        painter.setPen(grid)
        for value in (0, 50, 100):
            x = round(self._x(geo, value)) + 0.5  # on a pixel's middle: a sharp, full line
            painter.drawLine(QPointF(x, top + 4), QPointF(x, top + geo.line + 6))
        self._paint_first_line(painter, geo, top, place)
        self._paint_bar(painter, geo, top, place)
        self._paint_words(painter, geo, top, place)
        # A quiet rule between rows.
        painter.setPen(QPen(colours.rule, 1))
        bottom = top + geo.row_height - 2
        painter.drawLine(MARGIN, bottom, self.width() - MARGIN, bottom)

    def _paint_first_line(self, painter: QPainter, geo: _Geometry, top: int, place: Place) -> None:
        """Line 1: rank, name and score, in bold (the bar goes between name and score)."""
        result = place.result
        bold = self._bold_font()
        bold_metrics = QFontMetrics(bold)
        baseline = top + 4 + bold_metrics.ascent()
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.setFont(bold)
        painter.drawText(MARGIN, baseline, f"{place.rank}.")
        name = bold_metrics.elidedText(
            one_line(result.name), Qt.TextElideMode.ElideRight, geo.name_width
        )
        painter.drawText(geo.name_left, baseline, name)
        shown = "–" if result.score is None else f"{result.score:.0f}"
        if result.not_recommended and result.score is not None:
            shown = f"({shown})"  # for reference only: the clinic is ruled out
        painter.drawText(geo.score_left, baseline, shown)
        painter.setFont(self.font())

    def _paint_bar(self, painter: QPainter, geo: _Geometry, top: int, place: Place) -> None:
        """The score as a bar, and the whisker: where it could end once all is answered."""
        palette = self.palette()
        text_color = palette.color(QPalette.ColorRole.WindowText)
        colours = paints(palette)
        result = place.result
        bar_top = top + 4 + geo.line * 0.2
        bar_height = geo.line * 0.6
        if result.score is not None:
            bar = QRectF(
                geo.bar_left, bar_top, self._x(geo, result.score) - geo.bar_left, bar_height
            )
            if result.not_recommended:
                # A hatched bar says "ruled out" by its texture as well as by the words below.
                painter.fillRect(bar, palette.color(QPalette.ColorRole.Base))
                painter.fillRect(bar, QBrush(text_color, Qt.BrushStyle.BDiagPattern))
                painter.setPen(QPen(text_color, 1))
                painter.drawRect(bar)
            else:
                painter.fillRect(bar, colours.bar)
        mid = bar_top + bar_height / 2
        low, high = self._x(geo, result.low), self._x(geo, result.high)
        cap = bar_height / 2 + 2
        # A halo of the background under the line keeps it visible where it crosses the bar,
        # whatever the bar's colour (in high contrast, bar and line can both be black).
        for colour, width in ((colours.halo, 4), (colours.whisker, 2)):
            whisker = QPen(colour, width)
            whisker.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.setPen(whisker)
            painter.drawLine(QPointF(low, mid), QPointF(high, mid))
            painter.drawLine(QPointF(low, mid - cap), QPointF(low, mid + cap))
            painter.drawLine(QPointF(high, mid - cap), QPointF(high, mid + cap))

    def _paint_words(self, painter: QPainter, geo: _Geometry, top: int, place: Place) -> None:
        """Line 2: the words that carry the meaning."""
        metrics = self.fontMetrics()
        words = status_words(place)
        if place.result.score is not None:
            words.append(range_words(place))
        text = " · ".join(words)
        text = text[:1].upper() + text[1:]
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        second = top + 8 + geo.line + metrics.ascent()
        painter.drawText(
            geo.name_left,
            second,
            metrics.elidedText(
                text, Qt.TextElideMode.ElideRight, self.width() - MARGIN - geo.name_left
            ),
        )
