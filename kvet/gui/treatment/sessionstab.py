"""My treatment's "Sessions" tab: the session form above, the sessions so far below.

Its own module because the table's sizing (every column wraps, none narrower than its longest
word) is a job of its own; the window stores what the form adds and what the tab removes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QPushButton, QTableView, QVBoxLayout, QWidget

from kvet.gui.common.wrapheader import WrappingHeader
from kvet.gui.treatment.sessionlog import SessionForm, SessionsModel
from kvet.gui.words.tr import translate


class SessionsTab(QWidget):
    """A session is added with the form; ``removeRequested`` asks for the selected one to go."""

    removeRequested = Signal(object)  # the EntryInfo of the session to remove

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.session_form = SessionForm()
        layout.addWidget(self.session_form)
        self.sessions_model = SessionsModel(self)
        self.sessions_view = self._build_table()
        layout.addWidget(self.sessions_view, 1)
        remove = QPushButton(translate("Treatment", "Remove the selected session"))
        remove.clicked.connect(self._remove_selected)
        layout.addWidget(remove)

    def _build_table(self) -> QTableView:
        view = QTableView()
        view.setModel(self.sessions_model)
        view.setAccessibleName(translate("Treatment", "Sessions so far"))
        view.setWordWrap(True)
        view.setTabKeyNavigation(False)
        # Every column shares the width and wraps its words, the titles too, so the table
        # never scrolls sideways and no cell is cut, however large the text or long the words
        # (Spanish runs longer); a column is never narrower than its longest word.
        header = WrappingHeader(Qt.Orientation.Horizontal, view)
        view.setHorizontalHeader(header)
        view.setWordWrap(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.sessions_model.modelReset.connect(
            lambda: header.setMinimumSectionSize(self._longest_word())
        )
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # room for a few sessions even on a small screen: the page scrolls instead
        view.setMinimumHeight(view.fontMetrics().height() * 14)
        return view

    def _longest_word(self) -> int:
        """The widest word in the sessions' titles and cells (they wrap between words), up to
        16 letters: a longer one (a web address in a note) wraps inside itself."""
        model = self.sessions_model
        texts = [
            str(model.headerData(c, Qt.Orientation.Horizontal) or "")
            for c in range(model.columnCount())
        ]
        texts += [
            str(model.index(row, column).data() or "")
            for row in range(model.rowCount())
            for column in range(model.columnCount())
        ]
        metrics = self.sessions_view.fontMetrics()
        widest = max((metrics.horizontalAdvance(w) for t in texts for w in t.split()), default=0)
        return min(widest, metrics.averageCharWidth() * 16) + 12

    def _remove_selected(self) -> None:
        rows = self.sessions_view.selectionModel().selectedRows()
        if rows:
            self.removeRequested.emit(self.sessions_model.rows[rows[0].row()])
