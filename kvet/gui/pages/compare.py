"""The comparison: ranking chart, the questions that could change it, and the answer table."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
)
from PySide6.QtGui import QFont, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHeaderView,
    QListView,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from kvet.content.checklist import Checklist, Item, Kind
from kvet.gui.common.flowlayout import FlowLayout
from kvet.gui.common.screenfit import place_on_screen, screen_room
from kvet.gui.common.state import AppState
from kvet.gui.common.stringlist import update_strings
from kvet.gui.common.text import heading, plain_label, plain_tooltip
from kvet.gui.common.wrapheader import WrappingHeader
from kvet.gui.pages.rankingchart import RankingChart
from kvet.gui.words.answerwords import answer_label, answer_word
from kvet.gui.words.rankingwords import place_words
from kvet.gui.words.tr import translate
from kvet.gui.words.verdictwords import say, unit_words
from kvet.rating.answers import OPTIONS, Choice
from kvet.rating.money import MONEY_UNIT, money
from kvet.rating.ranking import ORDER_SENTENCE
from kvet.store.records import AnswerInfo, ClinicInfo

Index = QModelIndex | QPersistentModelIndex
DECISIVE_SHOWN = 8

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

    def set_data(self, clinics: list[ClinicInfo], answers: list[dict[str, Cell]]) -> None:
        self.beginResetModel()
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

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        _title, item = self._rows[index.row()]
        if item is None:
            return None
        clinic = self._clinics[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if not item.applies_to(clinic.formats):
                return translate("Compare", "does not apply")
            return cell_text(item, self._answers[index.column()].get(item.id), clinic.currency)
        if role == Qt.ItemDataRole.ToolTipRole:
            cell = self._answers[index.column()].get(item.id)
            tip = "\n".join(t for t in (cell.differs, cell.note) if t) if cell else ""
            return plain_tooltip(tip)
        return None


def least_column_width(view: QTableView) -> int:
    """A clinic's column is never narrower than the longest word an answer cell can hold (its
    mark before it): answers wrap between words, never inside one."""
    texts = [answer_word(o.label) for options in OPTIONS.values() for o in options]
    texts += [translate("Compare", "– not answered"), translate("Compare", "does not apply")]
    words = [word for text in texts for word in text.split()]
    metrics = view.fontMetrics()
    longest = max(metrics.horizontalAdvance(f"✓ {word}") for word in words)
    return longest + 12


def matrix_view(model: ComparisonMatrixModel) -> QTableView:
    """The side-by-side table: question titles take at most a third, the clinics share the rest.
    Titles and answers wrap, and each row is as tall as its words."""
    view = QTableView()
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


class ComparePage(QWidget):
    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        layout = QVBoxLayout(self)
        self.splitter = splitter = QSplitter(Qt.Orientation.Vertical)
        self.top = top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(heading(translate("Compare", "Ranking"), scale=1.1))
        self.order_note = plain_label(translate("MainWindow", ORDER_SENTENCE))
        self.order_note.setAccessibleDescription(translate("Compare", "How the order is made"))
        top_layout.addWidget(self.order_note)
        self.chart = RankingChart()
        # The chart takes the height its rows need; the questions below take what is left.
        self.chart.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        top_layout.addWidget(self.chart)
        decisive = translate("Compare", "Questions that could change your decision")
        top_layout.addWidget(heading(decisive, scale=1.1))
        self.decisive_note = plain_label()
        top_layout.addWidget(self.decisive_note)
        self.decisive_model = QStringListModel(self)
        self.decisive_view = QListView()
        self.decisive_view.setModel(self.decisive_model)
        self.decisive_view.setAccessibleName(decisive)
        self.decisive_view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.decisive_view.setWordWrap(True)
        top_layout.addWidget(self.decisive_view, 1)
        # The chart is as tall as its rows (every clinic, none hidden), so with many clinics
        # the upper part scrolls inside itself: the window's least size stays the same.
        self.top_area = QScrollArea()
        self.top_area.setWidget(top)
        self.top_area.setWidgetResizable(True)
        self.top_area.setFrameShape(QFrame.Shape.NoFrame)
        self.top_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.top_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # what is inside takes the focus
        splitter.addWidget(self.top_area)
        bottom = QWidget()
        bottom_layout = QVBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        matrix_heading = FlowLayout(spacing=12)  # the button goes below when it is narrow
        matrix_heading.addWidget(
            heading(translate("Compare", "All answers side by side"), scale=1.1)
        )
        self.full_button = QPushButton(translate("Compare", "Open in its own window"))
        self.full_button.setAccessibleDescription(
            translate("Compare", "Every answer side by side in a window as large as the screen.")
        )
        self.full_button.clicked.connect(lambda: self.open_matrix_window())
        matrix_heading.addWidget(self.full_button)
        bottom_layout.addLayout(matrix_heading)
        self.matrix_model = ComparisonMatrixModel(state.checklist, self)
        self.matrix = matrix_view(self.matrix_model)
        self._measure_rows(False)  # until the page shows
        bottom_layout.addWidget(self.matrix, 1)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter)
        self._matrix_key: tuple[object, ...] | None = ("never shown",)
        self._top_fitted = False
        state.resultsChanged.connect(self.refresh)
        self.refresh()

    def open_matrix_window(self) -> MatrixWindow:
        window = MatrixWindow(self.matrix_model, self)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.open()
        return window

    def refresh(self) -> None:
        state = self.state
        ranking = state.ranking
        self.chart.set_ranking(ranking)
        if not ranking.places:
            note = translate("Compare", "Add clinics to compare them.")
        elif ranking.top_settled:
            note = place_words(ranking.places[0], ranking)
        elif ranking.decisive:
            note = translate(
                "Compare",
                "The first place could still change. One answer to any of these could change "
                "it or rule a clinic out:",
            )
        else:
            note = translate(
                "Compare",
                "The first place could still change, but no single answer can change it: "
                "it would take several.",
            )
        self.decisive_note.setText(note)
        questions = [q.sentence(state.checklist, say) for q in ranking.decisive[:DECISIVE_SHOWN]]
        update_strings(self.decisive_model, questions)  # never a reset per answer or move
        if self.decisive_view.isVisibleTo(self) != bool(questions):
            self.decisive_view.setVisible(bool(questions))
            self._top_fitted = False
        if self.isVisible() and not self._top_fitted:
            self._fit_top()
        if state.data_key != self._matrix_key:  # a weight change leaves the answers as they are
            changed = state.changed_clinics
            if changed and self._matrix_key == state.previous_data_key:  # one answer: its column
                held = [c for c in state.clinics if c.id in changed]
                self.matrix_model.set_clinic_cells(
                    {c.id: cells for c, cells in zip(held, self._cells(held), strict=True)}
                )
            else:
                self.matrix_model.checklist = state.checklist  # the user's country may have changed
                self.matrix_model.set_data(list(state.clinics), self._cells(state.clinics))
            self._matrix_key = state.data_key

    def _fit_top(self) -> None:
        """The ranking and the questions take the height they need; the table gets the rest."""
        self._top_fitted = True
        total = sum(self.splitter.sizes())
        # at most two thirds: the table below keeps room for a few rows
        wanted = min(self.top.sizeHint().height(), total * 2 // 3)
        self.splitter.setSizes([wanted, max(total - wanted, 1)])

    def showEvent(self, event: QShowEvent) -> None:
        self._measure_rows(True)
        super().showEvent(event)
        if not self._top_fitted:
            self._fit_top()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._measure_rows(False)

    def _measure_rows(self, shown: bool) -> None:
        """Each row of the table is as tall as its words while the page shows. Hidden, its rows
        keep their heights: Qt measures every cell of every clinic again after any change of
        one cell (10,800 cells at 200 clinics, for each walkthrough answer); shown again, it
        measures them once. The table in its own window measures for itself."""
        mode = QHeaderView.ResizeMode.ResizeToContents if shown else QHeaderView.ResizeMode.Fixed
        self.matrix.verticalHeader().setSectionResizeMode(mode)

    def _cells(self, clinics: list[ClinicInfo]) -> list[dict[str, Cell]]:
        """The matrix's cells of ``clinics``, from what the shared state holds."""
        state = self.state
        if not state.comparison_id:
            return []
        if not state.combined:
            return [
                {k: cell_from(a) for k, a in state.answers(c.id, state.view_id).items()}
                for c in clinics
            ]
        wanted = {c.id for c in clinics}
        merged = {c.id: c for c in state.scored_answers() if c.id in wanted}
        differ = {
            (d.clinic_id, d.item_id): d.sentence(say)
            for d in state.disagreements()
            if d.clinic_id in wanted
        }
        cells: list[dict[str, Cell]] = []
        several = len(state.people()) > 1
        for clinic in clinics:
            known = merged.get(clinic.id)
            choices = dict(known.answers) if known else {}
            facts = dict(known.facts) if known else {}
            said = state.opinions(clinic.id)
            row = {}
            items = set(choices) | set(facts) | set(said) | {i for c, i in differ if c == clinic.id}
            for item_id in items:
                notes = [
                    f"{o.rater_name}: {o.note}" if several else o.note
                    for o in said.get(item_id, [])
                    if o.note
                ]
                row[item_id] = Cell(
                    choices.get(item_id),
                    facts.get(item_id),
                    note="\n".join(notes),
                    differs=differ.get((clinic.id, item_id), ""),
                )
            cells.append(row)
        return cells
