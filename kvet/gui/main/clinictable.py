"""The clinic list keeps its name, score and status in view; other columns come with room.

A narrow list folds "#", "Answered" and "Red flags" away instead of scrolling sideways; what they
say stays in each row's tooltip (the score's summary). Long names and verdicts ("Not recommended —
red flag seen: …") wrap onto more lines, each row as tall as its words, so they are read whole
without a mouse.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QHeaderView, QStyle, QTableView

from kvet.gui.main.clinicmodel import SCORE_COLUMN, ResultRole
from kvet.rating.ranking import status_words

NAME_COLUMN = 1
STATUS_COLUMN = 5
# Folded first to last when there is not room for all: they are also in each row's tooltip.
OPTIONAL_COLUMNS = (3, 0, 4)
NAME_CHARS = 10  # the least room a clinic's name gets (longer names wrap)
NAME_CHARS_WITH_ROOM = 30  # a name this long is shown whole before another column appears
NAME_CHARS_LEAST_MOST = 20  # a longer word than this may still wrap inside itself
CELL_MARGIN = 4  # a cell's text keeps this much room on each side


class RowHeights(QObject):
    """Each row as tall as its words, measured again only when its words or their room change.

    Qt's ResizeToContents measures every cell of every row at each change of any row: with 200
    clinics, most of an answer's time. The height depends on the row's name and status (they
    wrap; the other cells are one line), the columns' widths and the font, so a row is measured
    again only when those differ from when it was measured; a clinic that moved to another row
    takes the height measured for it there."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view
        # clinic: the result and fixed place it was measured for, what its row showed, its height
        self._measured: dict[str, tuple[object, bool, object, int]] = {}
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.refresh)  # each who starts it forgets what changed
        model = view.model()
        # rows told of: those rows alone (a re-ranked clinic moves a few, not all 200)
        model.dataChanged.connect(lambda first, last: self.refresh(first.row(), last.row()))
        model.rowsMoved.connect(
            lambda _parent, start, end, _to, row: self.refresh(min(start, row), max(end, row))
        )
        # a new order of the same rows: the header keeps each row's height with its clinic
        model.layoutChanged.connect(
            lambda: None if getattr(model, "reordering", False) else self.refresh()
        )
        model.modelReset.connect(self._filled)
        for signal in (model.rowsInserted, model.rowsRemoved):
            signal.connect(self.remeasure)
        view.horizontalHeader().sectionResized.connect(self._column_resized)
        view.installEventFilter(self)
        self.remeasure()

    def _filled(self) -> None:
        """A new list (another comparison, a clinic added or removed): the rows in view are
        measured at once, for the first paint, the others as soon as the list is shown. Qt lays
        a new list out later: a long one gets its scroll bar then, which narrows the names, and
        every row measured before was measured again (200 rows twice before the list showed).
        That layout is done first, so the rows are measured at their final width."""
        self._measured.clear()
        view = self.view
        view.doItemsLayout()  # the scroll bar's range, for as many rows as there are now
        QCoreApplication.sendPostedEvents(view, QEvent.Type.MetaCall)  # the bar shown or hidden
        self._later.stop()  # the width that changed with it is the one measured at next
        self.around(max(view.rowAt(0), 0))
        if len(self._measured) < view.model().rowCount():
            self._later.start()  # the others, with the list on screen

    def around(self, row: int) -> None:
        """The rows on screen once ``row`` is scrolled into view: it goes to the bottom of the
        list when it is below the rows shown (a list's height of rows above it), else to the
        top (a list's height from it down)."""
        view = self.view
        header, room = view.verticalHeader(), view.viewport().height()
        count = view.model().rowCount()
        step = -1 if row > max(view.rowAt(0), 0) else 1
        used = 0
        resized: list[int] = []
        while 0 <= row < count and used < room:
            resized += self._measure(row, row)
            used += header.sectionSize(row)
            row += step
        self._tell(sorted(resized))

    def remeasure(self) -> None:
        """Every row again (a new list, a new width or a new font)."""
        self._measured.clear()
        self.refresh()

    def refresh(self, first: int = 0, last: int | None = None) -> None:
        """The rows (``first`` to ``last``, every row by default) whose words or height are not
        those last measured. The words that wrap are the name and the status (with the red
        flags that rule a clinic out); the place number and the score, which change for many
        rows at each answer or slider move, are one line."""
        self._tell(self._measure(first, last))

    def _measure(self, first: int, last: int | None) -> list[int]:
        """The rows measured again, or given their clinic's height, without telling the list
        yet: the rows whose height changed."""
        view = self.view
        model = view.model()
        header = view.verticalHeader()
        count = model.rowCount()
        measured = self._measured
        resized: list[int] = []
        # the list's own model hands its places over without a Qt index each (a re-ranked
        # clinic's rows are looked at after every answer)
        place_at = getattr(model, "place", None) or (lambda n: model.index(n, 0).data(ResultRole))
        blocked = header.blockSignals(True)
        try:
            for row in range(max(0, first), count if last is None else min(last + 1, count)):
                place = place_at(row)
                result = place.result
                clinic = result.clinic_id
                kept = measured.get(clinic)
                height = header.sectionSize(row)
                if kept is not None and kept[0] is result and kept[1] == place.settled:
                    shown = kept[2]  # the same result (an answer elsewhere keeps it): same words
                else:
                    seen = (result.dealbreakers_seen, result.red_flags_seen)
                    why = (*seen, result.dealbreakers_withheld)
                    shown = (result.name, status_words(place), result.not_recommended and why)
                if kept is not None and kept[2] == shown:
                    new = kept[3]  # a clinic moved into this row: its height comes with it
                    if new != height:
                        header.resizeSection(row, new)
                else:
                    view.resizeRowToContents(row)
                    new = header.sectionSize(row)
                measured[clinic] = (result, place.settled, shown, new)
                if new != height:
                    resized.append(row)
        finally:
            header.blockSignals(blocked)
        return resized

    def _tell(self, resized: list[int]) -> None:
        """The list told once of the rows whose height changed. Told of each row as it changed,
        it laid its rows out and repainted them from the first on the next turn, after this
        turn's paint (issue 26): here they are painted once, in this turn's paint."""
        if not resized:
            return
        view = self.view
        view.updateGeometries()
        top = max(0, view.rowViewportPosition(resized[0]))
        viewport = view.viewport()
        viewport.update(0, top, viewport.width(), viewport.height() - top)

    def _column_resized(self, column: int, _old: int, _new: int) -> None:
        if column in (NAME_COLUMN, STATUS_COLUMN, SCORE_COLUMN):
            self._measured.clear()
            self._later.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._measured.clear()
            self._later.start()
        return False


class ColumnFitter(QObject):
    """Shows each optional column only while every shown column fits the list's width."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(NAME_COLUMN, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(SCORE_COLUMN, QHeaderView.ResizeMode.Fixed)
        header.setMinimumSectionSize(24)
        view.setTabKeyNavigation(False)  # Tab leaves the list instead of walking its cells
        view.setWordWrap(True)
        self.rows = RowHeights(view)
        # Columns are folded to fit, and names elide: there is never anything to scroll to.
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.setColumnWidth(SCORE_COLUMN, self.score_width())
        header.setSectionResizeMode(STATUS_COLUMN, QHeaderView.ResizeMode.Fixed)
        # The list changes width (a window or divider moved), or its name column does.
        # Fitting waits for the header to finish its own resizing (hiding a column inside it
        # would leave the sections stale).
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.fit)
        view.horizontalHeader().sectionResized.connect(self._resized)
        view.viewport().installEventFilter(self)
        model = view.model()
        model.modelReset.connect(self._later.start)
        model.layoutChanged.connect(self._layout_changed)
        self.fit()

    def _layout_changed(self) -> None:
        # Clinics re-ranked (a weight moved): the same texts in another order need no new fit,
        # which reads every row (most of a slider move's time with 200 clinics).
        if not getattr(self.view.model(), "reordering", False):
            self._later.start()

    def score_width(self) -> int:
        """Room for the range bar and "100  (100–100)" beside it."""
        return self.view.fontMetrics().horizontalAdvance("100  (100–100)") + 60

    def status_width(self) -> int:
        """The least room for a status: its longest word, in the window's language (the status
        and its reason wrap onto more lines)."""
        from kvet.gui.words.verdictwords import say
        from kvet.rating import ranking

        statuses = (
            ranking.STATUS_NOT_RECOMMENDED,
            ranking.STATUS_FIXED,
            ranking.STATUS_OPEN,
            ranking.STATUS_NO_SCORE,
            ranking.STATUS_NOT_VETTED,
        )
        metrics = self.view.fontMetrics()
        words = [word for status in statuses for word in say(status).split()]
        longest = max(metrics.horizontalAdvance(w) for w in words)
        # and the words of the reasons (a red flag's name), up to 16 letters: a longer one
        # wraps inside itself
        cap = metrics.averageCharWidth() * 16
        shown = {w for text in self._shown_statuses() for w in text.split()}  # each word once
        longest = max([longest, *(min(metrics.horizontalAdvance(w), cap) for w in shown)])
        caption = self.view.horizontalHeader().sectionSizeHint(STATUS_COLUMN)
        return max(longest + 2 * CELL_MARGIN, metrics.averageCharWidth() * 12, caption)

    def _shown_statuses(self) -> set[str]:
        """The status cells (a reason names a red flag, in quotes), read as the names are: on a
        new list or a new width, not when clinics are re-ranked or answered. Each different
        status once: 200 clinics have a handful."""
        return self._texts(STATUS_COLUMN)

    def _texts(self, column: int) -> set[str]:
        model = self.view.model()
        return {str(model.index(r, column).data() or "") for r in range(model.rowCount())}

    def _column_width(self, column: int) -> int:
        # Score and status have fixed room (their words are known), so only the optional
        # columns are measured over the rows: that reads every row, once per column. They are
        # measured from their words, not from Qt's size hints: a hidden column's hint is 1 pixel,
        # which made a folded column look as if it fitted, so it came back at the next fit and
        # went again at the one after (it appeared and disappeared as the user clicked).
        if column == SCORE_COLUMN:
            return self.score_width()
        if column == STATUS_COLUMN:
            return self.status_width()
        view = self.view
        model = view.model()
        header = view.horizontalHeader()
        margin = view.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        caption = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        widest = header.fontMetrics().horizontalAdvance(caption) + 2 * margin + 4
        metrics = view.fontMetrics()
        for text in self._texts(column):  # each different text measured once
            widest = max(widest, metrics.horizontalAdvance(text) + 2 * CELL_MARGIN + 4)
        return max(widest, header.minimumSectionSize())

    def name_least(self, names: list[str] | None = None) -> int:
        """The least room for names: their longest word (names wrap between words), within
        bounds, and never less than the column's caption ("Clinic" squeezed to ":lini")."""
        metrics = self.view.fontMetrics()
        words = {word for name in (names or self._names()) for word in name.split()}
        longest = max((metrics.horizontalAdvance(w) for w in words), default=0)
        least = metrics.averageCharWidth() * NAME_CHARS
        most = metrics.averageCharWidth() * NAME_CHARS_LEAST_MOST
        caption = self.view.horizontalHeader().sectionSizeHint(NAME_COLUMN)
        return max(least, min(longest + 2 * CELL_MARGIN, most), caption)

    def _names(self) -> list[str]:
        model = self.view.model()
        return [str(model.index(r, NAME_COLUMN).data()) for r in range(model.rowCount())]

    def fit(self) -> None:
        # Each part is measured once (with 200 clinics, every row read is felt).
        names = self._names()
        least, status = self.name_least(names), self.status_width()
        essential = least + self.score_width() + status
        # The list never gets narrower than its essential columns: a divider stops there.
        self.view.setMinimumWidth(
            essential
            + 2 * self.view.frameWidth()
            + self.view.verticalScrollBar().sizeHint().width()
        )
        # Names come before the other columns: those show only once names are whole (or long).
        metrics = self.view.fontMetrics()
        longest = max((metrics.horizontalAdvance(n) for n in names), default=0) + 12
        name_room = min(longest, metrics.averageCharWidth() * NAME_CHARS_WITH_ROOM)
        used = essential - least + max(name_room, least)
        # The room with the vertical scroll bar counted in, shown or not: a bar that comes and
        # goes as rows wrap would otherwise fold and unfold a column at each click.
        view = self.view
        available = (
            view.width()
            - 2 * view.frameWidth()
            - view.verticalScrollBar().sizeHint().width()
            - 4  # a few pixels for the grid lines
        )
        shown: set[int] = set()
        for column in reversed(OPTIONAL_COLUMNS):  # the most useful is given room first
            width = self._column_width(column)
            if used + width <= available:
                used += width
                shown.add(column)
        for column in OPTIONAL_COLUMNS:
            self.view.setColumnHidden(column, column not in shown)
        # Room left over goes to the status first, so a reason ("Not recommended — …") is
        # whole on a wide window; the name column stretches into whatever remains.
        if available > used:
            wanted = self.view.sizeHintForColumn(STATUS_COLUMN)
            status += max(0, min(wanted - status, available - used))
        self.view.setColumnWidth(STATUS_COLUMN, status)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Only starts the timer: the list is not touched here, as Qt also sends events while
        # the window is being destroyed (and the timer goes with the list).
        if event.type() == QEvent.Type.Resize:
            self._later.start()
        return False

    def _resized(self, column: int, _old: int, _new: int) -> None:
        if column == NAME_COLUMN:
            self._later.start()
