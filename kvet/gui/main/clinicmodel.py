"""Table model of the ranked clinics, fed with plain results from the core (no ORM rows)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from kvet.gui.common.colours import paints
from kvet.gui.common.text import plain_tooltip
from kvet.gui.words.paperwords import paper
from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate
from kvet.gui.words.verdictwords import say
from kvet.rating.ranking import (
    Place,
    Ranking,
    status_words,
)
from kvet.rating.verdict import Reason

COLUMNS = (
    "#",
    "Clinic",
    "Score",
    "Answered",
    QT_TRANSLATE_NOOP("ClinicTable", "Red flags"),
    "Status",
)
# The columns the report's table has too take its words (words.toml [report]), one text for both.
PAPER_COLUMNS = {"Clinic": "clinic", "Score": "score", "Answered": "answered", "Status": "status"}
SCORE_COLUMN = 2
BAR_PADDING = 6  # the score's bar and number keep this much room above and below them
ResultRole = Qt.ItemDataRole.UserRole + 1
ANSWERED_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.AccessibleTextRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.TextAlignmentRole,
        ResultRole,
    }
)
Index = QModelIndex | QPersistentModelIndex


def tr(text: str) -> str:
    return translate("ClinicTable", text)


def status_text(place: Place, why: Sequence[Reason] = ()) -> str:
    """The status column; a not-recommended clinic says which red flag, first of all."""
    words = say(status_words(place))
    if place.result.not_recommended and why:
        more = paper("report", "and_more").format(count=len(why) - 1) if len(why) > 1 else ""
        flag = why[0].short(say)
        return f"{words} — {flag}{more}"
    return words


def score_text(place: Place) -> str:
    """The score and its range; for a clinic ruled out, only in brackets, as a reference."""
    result = place.result
    if result.score is None:
        return "–"
    if result.not_recommended:
        return f"({result.score:.0f})"
    return f"{result.score:.0f}  ({result.low:.0f}–{result.high:.0f})"


def red_flag_text(count: int) -> str:
    if count == 0:
        return translate("ClinicTable", "None seen")
    return translate("ClinicTable", "⚠ {count} seen").format(count=count)


# the layout signals' form that says which way the layout changed (PySide6 names each form)
WITH_HINT = "QList<QPersistentModelIndex>,QAbstractItemModel::LayoutChangeHint"


def _with_hint(signal: Any) -> Any:
    """A layout signal in its form with the hint; the plain form takes no arguments."""
    return signal[WITH_HINT]


class ClinicTableModel(QAbstractTableModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._places: tuple[Place, ...] = ()
        self._reasons: Callable[[str], Sequence[Reason]] = lambda _clinic_id: ()
        self._flags: Callable[[str], Sequence[Reason]] | None = None
        self._why: dict[str, Sequence[Reason]] = {}
        self._flagged: dict[str, Sequence[Reason]] = {}
        self.reordering = False  # True while telling views of a new order of the same rows

    def set_ranking(
        self,
        ranking: Ranking,
        reasons: Callable[[str], Sequence[Reason]] | None = None,
        changed: frozenset[str] | None = None,
        flags: Callable[[str], Sequence[Reason]] | None = None,
    ) -> None:
        """``reasons``: why a clinic is not recommended (see ``kvet.rating.verdict``), with who
        saw each red flag and when: asked for a row's tooltip, once per ranking. ``flags``: the
        same reasons without who saw them, worked out without reading anything: the status
        column names the first red flag only, and every row's status is measured when the list
        fills (with 200 clinics, reading who saw what for each was a fifth of the list's time).

        The views are told only what changed: the rows whose place changed (``dataChanged``;
        when one clinic moved, the rows it passed), a new order of the same clinics (a layout
        change, selection kept). Only other clinics (added, removed, another comparison) reset it.
        ``changed``: the only clinics whose answers changed (weights did not), so the reasons
        kept for the others still hold; None when anything may have changed.
        """
        if reasons is not None:
            self._reasons = reasons
        if flags is not None:
            self._flags = flags
        if changed:
            self._why = {k: v for k, v in self._why.items() if k not in changed}
            self._flagged = {k: v for k, v in self._flagged.items() if k not in changed}
        else:
            self._why = {}
            self._flagged = {}
        old, new = self._places, ranking.places
        old_ids = [p.result.clinic_id for p in old]
        new_ids = [p.result.clinic_id for p in new]
        if len(old_ids) != len(new_ids) or set(old_ids) != set(new_ids):
            self.beginResetModel()
            self._places = new
            self.endResetModel()
            return
        if old_ids != new_ids and _one_moved(old_ids, new_ids) is None:
            self._reorder(new)
            return
        # One clinic moved (an answer): the rows between where it was and where it is now show
        # other clinics, told as changed rows, not a move. Told of a move, Qt's header noted
        # every row's height and the list laid itself out again on the next turn, then painted
        # twice (issue 26). The list's selection and row heights follow the clinics
        # (``ClinicList.select_row``, ``RowHeights``).
        self._places = new
        rows = [n for n, (a, b) in enumerate(zip(old, new, strict=True)) if not same_row(a, b)]
        if rows:
            last = len(COLUMNS) - 1
            self.dataChanged.emit(self.index(rows[0], 0), self.index(rows[-1], last))

    def _reorder(self, new: tuple[Place, ...]) -> None:
        """The same clinics in another order: persistent indexes (the selection, and the list's
        row heights, one for each row) follow them. Told as rows sorted anew: the columns'
        header then keeps its hidden columns as they are (told of any layout change, it hid
        them again, and the list was painted a second time after each slider move)."""
        rows_only = QAbstractItemModel.LayoutChangeHint.VerticalSortHint
        _with_hint(self.layoutAboutToBeChanged).emit([], rows_only)
        row_of = {p.result.clinic_id: n for n, p in enumerate(new)}
        moved_to = [row_of[p.result.clinic_id] for p in self._places]
        before = self.persistentIndexList()
        create = self.createIndex  # the rows are known to exist: no check of each
        after = [create(moved_to[index.row()], index.column()) for index in before]
        self._places = new
        self.changePersistentIndexList(before, after)
        self.reordering = True  # the same rows and texts, reordered: nothing to measure again
        try:
            _with_hint(self.layoutChanged).emit([], rows_only)
        finally:
            self.reordering = False

    def why(self, clinic_id: str) -> Sequence[Reason]:
        if clinic_id not in self._why:
            self._why[clinic_id] = self._reasons(clinic_id)
        return self._why[clinic_id]

    def flagged(self, clinic_id: str) -> Sequence[Reason]:
        """The red flags that rule a clinic out, for its status (who saw them is not needed)."""
        if self._flags is None:
            return self.why(clinic_id)
        if clinic_id not in self._flagged:
            self._flagged[clinic_id] = self._flags(clinic_id)
        return self._flagged[clinic_id]

    def place(self, row: int) -> Place:
        return self._places[row]

    def row_of(self, clinic_id: str) -> int:
        for row, place in enumerate(self._places):
            if place.result.clinic_id == clinic_id:
                return row
        return -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._places)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            column = COLUMNS[section]
            if column in PAPER_COLUMNS:
                return paper("report", PAPER_COLUMNS[column])
            return translate("ClinicTable", column)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Qt asks each cell for a dozen roles as it measures a row (font, colours, check
        # state...): those this model has nothing for are answered first, before any lookup.
        if role not in ANSWERED_ROLES:
            return None
        row = index.row()
        if not 0 <= row < len(self._places) or not index.isValid():
            return None
        place = self._places[row]
        result = place.result
        column = index.column()
        if role == ResultRole:
            return place
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter) if column in (0, 3) else None
        if role != Qt.ItemDataRole.ToolTipRole:  # the words shown, or read out
            if column == 0:
                return str(place.rank)
            if column == 1:
                return result.name
            if column == SCORE_COLUMN:
                return score_text(place)
            if column == 3:
                return translate("ClinicTable", "{answered} of {questions}").format(
                    answered=result.answered, questions=result.applicable
                )
            if column == 4:
                return red_flag_text(len(result.red_flags_seen))
            if column == 5:
                why = self.flagged(result.clinic_id) if result.not_recommended else ()
                return status_text(place, why)
            return None
        # the tooltip: the full name too, where the list elides it
        why = self.why(result.clinic_id) if result.not_recommended else ()
        lines = [result.name] if column == 1 else []
        if why:
            not_recommended = translate("ClinicTable", "Not recommended:")
            lines += [not_recommended, *(r.sentence(say) for r in why), ""]
        lines.append(result.summary(say))
        return plain_tooltip("\n".join(lines))


def same_row(a: Place, b: Place) -> bool:
    """Whether two places show the same row. After one answer every other clinic keeps its
    result: the same object at the same place is not compared field by field."""
    if a.result is b.result and a.rank == b.rank and a.settled == b.settled:
        return True
    return a.result.clinic_id == b.result.clinic_id and shown(a) == shown(b)


def shown(place: Place) -> tuple[object, ...]:
    """What a row shows of its place: its number, the clinic, the score and its range (the bar),
    the answers counted, the red flags, the status and the summary in its tooltip. A row whose
    place shows the same is not told of again (the rest of a result, made when first read, is
    left unmade)."""
    result = place.result
    return (
        place.rank,
        place.settled,
        result.clinic_id,
        result.name,
        result.score,
        result.low,
        result.high,
        result.coverage,
        result.answered,
        result.applicable,
        result.known_share,
        result.red_flags_seen,
        result.dealbreakers_seen,
        result.dealbreakers_withheld,
    )


def _one_moved(old: list[str], new: list[str]) -> tuple[int, int] | None:
    """(from, to) when one clinic moved and the others kept their order, else None."""
    first = next(n for n, (a, b) in enumerate(zip(old, new, strict=True)) if a != b)
    last = next(n for n in range(len(old) - 1, -1, -1) if old[n] != new[n])
    if old[first] == new[last] and old[first + 1 : last + 1] == new[first:last]:
        return first, last  # moved down
    if new[first] == old[last] and old[first:last] == new[first + 1 : last + 1]:
        return last, first  # moved up
    return None


class ScoreBarDelegate(QStyledItemDelegate):
    """Draws the score as a bar and its possible range as a whisker, with the number beside it."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        # The number is drawn inside the bar's padding: a row as tall as one line of words
        # (a short name, "Not yet vetted") cut "67  (33–100)" in half at 150% text.
        hint = super().sizeHint(option, index)
        least = option.fontMetrics.height() + 2 * BAR_PADDING
        return QSize(hint.width(), max(hint.height(), least))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        place = index.data(ResultRole)
        if not isinstance(place, Place):
            super().paint(painter, option, index)
            return
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget
            )
        result = place.result
        rect = QRectF(option.rect).adjusted(4, BAR_PADDING, -4, -BAR_PADDING)
        # The number is never cut: it takes its own width, and the bar has what is left.
        text_width = min(
            option.fontMetrics.horizontalAdvance(str(index.data())) + 4.0, rect.width() * 0.7
        )
        # a bar, not a box: a row made tall by a wrapped status keeps it one line high, centred
        height = min(rect.height(), option.fontMetrics.height() + BAR_PADDING)
        top = rect.center().y() - height / 2
        bar = QRectF(rect.left(), top, rect.width() - text_width - 6, height)
        palette: QPalette = option.palette
        painter.save()
        colours = paints(palette, QPalette.ColorRole.Base)  # the box is the list's own colour
        painter.setPen(QPen(colours.outline, 1))
        painter.setBrush(colours.background)
        # on whole pixels, without smoothing: a smoothed 1-pixel edge is half as dark
        painter.drawRect(bar.toRect())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        scale = bar.width() / 100
        if result.score is not None and not result.not_recommended:
            fill = QRectF(
                bar.left(), bar.top() + bar.height() * 0.2, result.score * scale, bar.height() * 0.6
            )
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colours.bar)
            painter.drawRect(fill)
        mid = bar.center().y()
        x1, x2 = bar.left() + result.low * scale, bar.left() + result.high * scale
        # the halo keeps the range line visible where it crosses the bar
        for colour, width in ((colours.halo, 3.5), (colours.whisker, 1.5)):
            painter.setPen(QPen(colour, width))
            painter.drawLine(int(x1), int(mid), int(x2), int(mid))
            painter.drawLine(int(x1), int(bar.top() + 2), int(x1), int(bar.bottom() - 2))
            painter.drawLine(int(x2), int(bar.top() + 2), int(x2), int(bar.bottom() - 2))
        text_rect = QRectF(bar.right() + 6, rect.top(), text_width, rect.height())
        painter.setPen(
            palette.color(
                QPalette.ColorRole.HighlightedText
                if option.state & QStyle.StateFlag.State_Selected
                else QPalette.ColorRole.Text
            )
        )
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter), str(index.data()))
        painter.restore()
