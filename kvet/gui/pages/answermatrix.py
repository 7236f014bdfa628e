"""The table of every answer side by side: checklist items as rows, clinics as columns.

Its own module because the table serves twice, on the Compare page and in a window of its own as
large as the screen, and because its cells (a mark and a word for every answer, never colour
alone) and its column widths are one job apart from the ranking above it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
)
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kvet.content.checklist import Checklist, Item, Kind
from kvet.gui.common.screenfit import place_on_screen, screen_room
from kvet.gui.common.text import plain_tooltip
from kvet.gui.common.wrapheader import WrappingHeader
from kvet.gui.words.answerwords import answer_label, answer_word
from kvet.gui.words.paperwords import paper
from kvet.gui.words.tr import translate
from kvet.gui.words.verdictwords import unit_words
from kvet.rating.answers import OPTIONS, Choice
from kvet.rating.money import MONEY_UNIT, money
from kvet.store.records import AnswerInfo, ClinicInfo

Index = QModelIndex | QPersistentModelIndex

# An icon-like mark plus a word for every answer: meaning never rests on colour alone.
MARKS = {
    Choice.NOT_SEEN: "✓",
    Choice.YES: "✓",
    Choice.CLEAR: "✓",
    Choice.SEEN: "⚠",
    Choice.NO: "✗",
    Choice.REFUSED: "✗",
    Choice.VAGUE: "~",
    Choice.NOT_SURE: "?",
    Choice.NOT_ASKED: "?",
}


@dataclass(frozen=True)
class Cell:
    """One clinic's answer to one item, as the current view sees it."""

    choice: Choice | None = None
    number: float | None = None
    note: str = ""
    differs: str = ""  # when people's answers differ: the sentence that says how


def cell_from(answer: AnswerInfo) -> Cell:
    return Cell(answer.choice, answer.number, answer.note)


def cell_text(item: Item, cell: Cell | None, currency: str = "USD") -> str:
    """The answer in a few words; a price in the clinic's own currency ("£1,200")."""
    not_answered = translate("Compare", "– not answered")
    if cell is None:
        return not_answered
    if item.kind is Kind.FACT:
        if cell.number is None:
            text = not_answered
        elif item.unit == MONEY_UNIT:
            text = money(cell.number, currency)
        else:
            text = f"{cell.number:,.0f} {unit_words(item.unit)}"
    elif cell.choice is None:
        text = not_answered
    else:
        text = f"{MARKS.get(cell.choice, '')} {answer_label(item.kind, cell.choice)}"
    if cell.differs:
        return translate("Compare", "{answer} · people differ").format(answer=text)
    return text


class ComparisonMatrixModel(QAbstractTableModel):
    """Checklist items as rows (with a row per section heading), clinics as columns."""

    def __init__(self, checklist: Checklist, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checklist = checklist
        self._rows: list[tuple[str, Item | None]] = []
        self._clinics: list[ClinicInfo] = []
        self._answers: list[dict[str, Cell]] = []
        # A cell's words, by what decides them: 200 clinics share a few answers per row, so the
        # words are made a few times per row, not 16,800 times per look at the table.
        self._texts: dict[tuple[int, Cell | None, str, bool], str] = {}
        self._by_text: dict[int, list[int]] = {}  # columns_by_text, until a cell changes

    def set_data(self, clinics: list[ClinicInfo], answers: list[dict[str, Cell]]) -> None:
        self.beginResetModel()
        self._texts.clear()  # the country (and with it the words) may have changed
        self._by_text.clear()
        self._clinics, self._answers = clinics, answers
        self._rows = []
        for section in self.checklist.sections:
            self._rows.append((section.title, None))
            self._rows.extend(
                (item.statement, item) for item in self.checklist.items_in(section.id)
            )
        self.endResetModel()

    def set_clinic_cells(self, cells: dict[str, dict[str, Cell]]) -> None:
        """New answers for some clinics (by id): only their columns are told to repaint."""
        for column, clinic in enumerate(self._clinics):
            if clinic.id in cells:
                self._answers[column] = cells[clinic.id]
                self._by_text.clear()
                bottom = max(len(self._rows) - 1, 0)
                self.dataChanged.emit(self.index(0, column), self.index(bottom, column))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._clinics)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            if orientation == Qt.Orientation.Horizontal:
                return self._clinics[section].name
            return self._rows[section][0]
        if role == Qt.ItemDataRole.ToolTipRole:  # the full text, where the header shortens it
            if orientation == Qt.Orientation.Horizontal:
                return plain_tooltip(self._clinics[section].name)
            return plain_tooltip(self._rows[section][0])
        is_heading = orientation == Qt.Orientation.Vertical and self._rows[section][1] is None
        if role == Qt.ItemDataRole.FontRole and is_heading:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def text(self, row: int, column: int) -> str:
        """A cell's words ("✓ Yes", "£1,200", "Does not apply"); "" on a section's heading row."""
        item = self._rows[row][1]
        if item is None:
            return ""
        clinic = self._clinics[column]
        cell = self._answers[column].get(item.id)
        key = (row, cell, clinic.currency, item.applies_to(clinic.formats))
        found = self._texts.get(key)
        if found is None:
            if not key[3]:
                found = paper("table", "does_not_apply")
            else:
                found = cell_text(item, cell, clinic.currency)
            self._texts[key] = found
        return found

    def columns_by_text(self, row: int) -> list[int]:
        """One column for each different text in ``row``: the row is as tall as the tallest."""
        found = self._by_text.get(row)
        if found is None:
            first: dict[str, int] = {}
            for column in range(len(self._clinics)):
                first.setdefault(self.text(row, column), column)
            found = self._by_text[row] = list(first.values())
        return found

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        _title, item = self._rows[index.row()]
        if item is None:
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.text(index.row(), index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            cell = self._answers[index.column()].get(item.id)
            tip = "\n".join(t for t in (cell.differs, cell.note) if t) if cell else ""
            return plain_tooltip(tip)
        return None


def least_column_width(view: QTableView) -> int:
    """A clinic's column is never narrower than the longest word an answer cell can hold (its
    mark before it): answers wrap between words, never inside one."""
    texts = [answer_word(o.label) for options in OPTIONS.values() for o in options]
    texts += [translate("Compare", "– not answered"), paper("table", "does_not_apply")]
    words = [word for text in texts for word in text.split()]
    metrics = view.fontMetrics()
    longest = max(metrics.horizontalAdvance(f"✓ {word}") for word in words)
    return longest + 12


def matrix_view(model: ComparisonMatrixModel) -> QTableView:
    """The side-by-side table: question titles take at most a third, the clinics share the rest.
    Titles and answers wrap, and each row is as tall as its words."""
    view = _MatrixView()
    view.setVerticalHeader(WrappingHeader(Qt.Orientation.Vertical, view))
    view.setHorizontalHeader(WrappingHeader(Qt.Orientation.Horizontal, view))
    view.setModel(model)
    view.setWordWrap(True)
    view.setAccessibleName(translate("Compare", "All answers side by side"))
    view.setAccessibleDescription(
        translate("Compare", "Checklist questions as rows and clinics as columns.")
    )
    view.setTabKeyNavigation(False)  # Tab moves on to the next control, arrows move in the table
    columns = view.horizontalHeader()
    columns.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    columns.setMinimumSectionSize(least_column_width(view))
    columns.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    columns.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.installEventFilter(_RowTitleWidth(view))
    return view


class _MatrixView(QTableView):
    """Measures a row by its different answers, not by every clinic's cell.

    Qt sizes a row to its contents by asking each of its cells (at 200 clinics, 16,800 cells
    and ten questions each, about a second, every time the Compare page is shown). The clinics'
    columns all have one width (they share the room equally), so cells with the same words
    need the same height: asking one cell for each different text gives Qt's own answer."""

    def sizeHintForRow(self, row: int) -> int:
        model = self.model()
        if not isinstance(model, ComparisonMatrixModel):
            return super().sizeHintForRow(row)
        self.ensurePolished()
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        grid = 1 if self.showGrid() else 0
        hint = 0
        for column in model.columns_by_text(row):
            if self.isColumnHidden(column):
                continue
            index = model.index(row, column)
            if self.wordWrap():  # as Qt does: the height the words need at the column's width
                option.rect = QRect(
                    self.columnViewportPosition(column),
                    self.rowViewportPosition(row),
                    self.columnWidth(column) - grid,
                    max(self.rowHeight(row), 1),
                )
            hint = max(hint, self.itemDelegateForIndex(index).sizeHint(option, index).height())
        return hint + grid


class _RowTitleWidth(QObject):
    """Keeps the question titles to a third of the table's width, less when the clinics need it."""

    def __init__(self, view: QTableView) -> None:
        super().__init__(view)
        self.view = view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            view = self.view
            clinics = view.horizontalHeader()
            room = view.width() - view.verticalScrollBar().sizeHint().width() - 4
            left = room - clinics.count() * clinics.minimumSectionSize()
            titles = view.verticalHeader()
            width = max(120, min(room // 3, left))
            if width != titles.maximumWidth():
                titles.setMaximumWidth(width)
                titles.resizeSections()  # the titles wrap to the new width
        return super().eventFilter(watched, event)


class MatrixWindow(QDialog):
    """The side-by-side table on its own, as large as the screen, every clinic column readable."""

    def __init__(self, model: ComparisonMatrixModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("Compare", "All answers side by side"))
        layout = QVBoxLayout(self)
        self.matrix = matrix_view(model)
        layout.addWidget(self.matrix)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        place_on_screen(self, screen_room(parent or self).size())  # all the screen, with its frame
