"""The comparison: ranking chart, the questions that could change it, and the answer table.

The table itself, its cells and its window of its own are in kvet.gui.pages.answermatrix; this
page lays the three out and fills them from the shared state.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHeaderView,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kvet.content.catalogue import sentence
from kvet.gui.common.flowlayout import FlowLayout
from kvet.gui.common.readonlylist import read_only_list
from kvet.gui.common.state import AppState
from kvet.gui.common.stringlist import update_strings
from kvet.gui.common.text import heading, plain_label
from kvet.gui.pages.answermatrix import (
    Cell,
    ComparisonMatrixModel,
    MatrixWindow,
    cell_from,
    matrix_view,
)
from kvet.gui.pages.rankingchart import RankingChart
from kvet.gui.words.paperwords import paper
from kvet.gui.words.rankingwords import place_words
from kvet.gui.words.tr import translate
from kvet.gui.words.verdictwords import say
from kvet.rating.ranking import ORDER_SENTENCE
from kvet.store.records import ClinicInfo

DECISIVE_SHOWN = 8


class ComparePage(QWidget):
    """The Compare tab: the ranking and its deciding questions above, every answer below."""

    def __init__(self, state: AppState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state = state
        layout = QVBoxLayout(self)
        self.splitter = splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self._build_top())
        splitter.addWidget(self._build_bottom())
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        layout.addWidget(splitter)
        self._matrix_key: tuple[object, ...] | None = ("never shown",)
        self._changed: set[str] | None = None  # clinics to show anew; None: all (_note_changes)
        self._stale = True  # changed while hidden: filled when shown
        self._top_fitted = False
        state.resultsChanged.connect(self.refresh)
        self.refresh()

    def _build_top(self) -> QScrollArea:
        """The ranking chart and the questions that could change it."""
        self.top = top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(heading(paper("report", "ranking"), scale=1.1))
        self.order_note = plain_label(sentence(ORDER_SENTENCE))
        self.order_note.setAccessibleDescription(paper("table", "order"))
        top_layout.addWidget(self.order_note)
        self.chart = RankingChart()
        # The chart takes the height its rows need; the questions below take what is left.
        self.chart.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        top_layout.addWidget(self.chart)
        decisive = paper("report", "decisive")
        top_layout.addWidget(heading(decisive, scale=1.1))
        self.decisive_note = plain_label()
        top_layout.addWidget(self.decisive_note)
        self.decisive_model = QStringListModel(self)
        self.decisive_view = read_only_list(self.decisive_model, decisive)
        top_layout.addWidget(self.decisive_view, 1)
        # The chart is as tall as its rows (every clinic, none hidden), so with many clinics
        # the upper part scrolls inside itself: the window's least size stays the same.
        self.top_area = QScrollArea()
        self.top_area.setWidget(top)
        self.top_area.setWidgetResizable(True)
        self.top_area.setFrameShape(QFrame.Shape.NoFrame)
        self.top_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.top_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # what is inside takes the focus
        return self.top_area

    def _build_bottom(self) -> QWidget:
        """Every answer side by side, and the button that opens the table in its own window."""
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
        self.matrix_model = ComparisonMatrixModel(self.state.checklist, self)
        self.matrix = matrix_view(self.matrix_model)
        self._measure_rows(False)  # until the page shows
        bottom_layout.addWidget(self.matrix, 1)
        return bottom

    def open_matrix_window(self) -> MatrixWindow:
        window = MatrixWindow(self.matrix_model, self)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        window.open()
        return window

    def refresh(self) -> None:
        """Fill the page from the shared state; while it is hidden (another tab shows), only
        note which clinics' answers changed, and fill it as it is shown (see showEvent)."""
        self._note_changes()
        direct = Qt.FindChildOption.FindDirectChildrenOnly
        windows = self.findChildren(MatrixWindow, options=direct)  # the table on its own
        if not self.isVisible() and not any(w.isVisible() for w in windows):
            self._stale = True
            return
        self._stale = False
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
        changed = self._changed
        if changed:  # answers on these clinics alone: their columns
            held = [c for c in state.clinics if c.id in changed]
            self.matrix_model.set_clinic_cells(
                {c.id: cells for c, cells in zip(held, self._cells(held), strict=True)}
            )
        elif changed is None:
            self.matrix_model.checklist = state.checklist  # the user's country may have changed
            self.matrix_model.set_data(list(state.clinics), self._cells(state.clinics))
        self._changed = set()

    def _note_changes(self) -> None:
        """Which clinics' answers changed since the table was filled: one answer adds its
        clinic; anything else (None) has the table filled again. A weight change, none."""
        state = self.state
        if state.data_key == self._matrix_key:
            return
        changed = state.changed_clinics
        if changed and self._changed is not None and self._matrix_key == state.previous_data_key:
            self._changed |= changed
        else:
            self._changed = None
        self._matrix_key = state.data_key

    def _fit_top(self) -> None:
        """The ranking and the questions take the height they need; the table gets the rest."""
        self._top_fitted = True
        total = sum(self.splitter.sizes())
        # at most two thirds: the table below keeps room for a few rows
        wanted = min(self.top.sizeHint().height(), total * 2 // 3)
        self.splitter.setSizes([wanted, max(total - wanted, 1)])

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:  # what changed while another tab showed, before it is painted
            self.refresh()
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
