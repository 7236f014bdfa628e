"""My treatment: a private record of one course, for the person and their clinician.

A window of its own, because it belongs to the time after choosing a clinic. Every entry goes
straight to the store (autosave, undo); the signals and the chart are read from the core.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableView,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from kvet.exchange.errors import ExchangeError
from kvet.exchange.origins import imported_from
from kvet.gui.common.flowlayout import FlowLayout
from kvet.gui.common.focus import EnterPressesButtons
from kvet.gui.common.itemform import NOTE_PAUSE_MS
from kvet.gui.common.state import AppState
from kvet.gui.common.text import heading, plain_label
from kvet.gui.common.wrapheader import WrappingHeader
from kvet.gui.treatment.checkin import CheckInForm
from kvet.gui.treatment.coursechart import CourseChart
from kvet.gui.treatment.sessionlog import SessionForm, SessionsModel
from kvet.gui.treatment.weekly import MoodNoteDialog, WeeklyPage
from kvet.gui.words import coursewords
from kvet.gui.words.errorwords import error_words
from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate
from kvet.store.api import Change
from kvet.store.errors import StorageError
from kvet.treatment import coursetrend, reconsider
from kvet.treatment.course import Course, MoodCheck, Plan

CONTEXT = "Treatment"
INTRO = QT_TRANSLATE_NOOP(
    "Treatment",
    "A private record of your course, for you and your clinician. kvet never suggests a dose "
    "and never tells you to stop or start treatment. It does not give medical advice.",
)
PLAN_FIELDS = (
    (
        "induction",
        QT_TRANSLATE_NOOP("Treatment", "The first sessions (induction): how many, how often"),
    ),
    (
        "response_measure",
        QT_TRANSLATE_NOOP("Treatment", "How the clinic measures whether it is working"),
    ),
    ("tapering", QT_TRANSLATE_NOOP("Treatment", "How sessions are reduced if you improve")),
    (
        "without_response",
        QT_TRANSLATE_NOOP("Treatment", "What happens if there is no response"),
    ),
)


REVIEW_HINT = QT_TRANSLATE_NOOP(
    "Treatment",
    "Usual review points: after about 6 IV infusions, 2 to 3 weeks in; for esketamine, at the "
    "end of the 4-week first phase, when its label asks for the benefit to be evaluated.",
)
FIRST_PHASE_HINT = QT_TRANSLATE_NOOP(
    "Treatment",
    "Sessions close together in the first phase are expected, so kvet's signals wait for it "
    "to end. Both numbers were read from the clinic's answers where they named them.",
)


def tr(text: str) -> str:
    return translate(CONTEXT, text)


class TreatmentWindow(QWidget):
    def __init__(
        self,
        state: AppState,
        open_crisis: Callable[[QWidget], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.state = state
        self.store = state.store
        self._open_crisis = open_crisis
        self.course_id = ""
        self.mood_note: MoodNoteDialog | None = None  # the last note on a mood check
        self.setWindowTitle(translate("Treatment", "My treatment — kvet"))
        self.resize(1000, 680)  # fits the smallest screen kvet supports, 1024×700
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(heading(translate("Treatment", "My treatment")), 1)
        # The same help as the main window's, button and F1, opening above this window.
        self.help_button = QPushButton(translate("Treatment", "Need help now?"))
        self.help_button.setAccessibleName(translate("Treatment", "Need help now?"))
        self.help_button.setAccessibleDescription(
            translate(
                "Treatment",
                "Shows crisis lines you can call or text right now. F1 also opens them.",
            )
        )
        self.help_button.clicked.connect(self._needs_help)
        top.addWidget(self.help_button)
        outer.addLayout(top)
        outer.addWidget(plain_label(tr(INTRO)))
        chooser = QHBoxLayout()
        self.courses = QComboBox()
        # Named by its label (Qt on Linux ignores a combo box's own name).
        courses_label = plain_label(translate("Treatment", "Treatment record:"), wrap=False)
        courses_label.setBuddy(self.courses)
        chooser.addWidget(courses_label)
        self.courses.activated.connect(lambda _i: self._choose(self.courses.currentData()))
        chooser.addWidget(self.courses, 1)
        self.new_button = QPushButton(translate("Treatment", "Start a new record…"))
        self.new_button.clicked.connect(lambda: self.start_course())
        chooser.addWidget(self.new_button)
        outer.addLayout(chooser)
        self.origin = plain_label()  # a record from a family member's file says so
        self.origin.setAccessibleName(translate("Treatment", "Where this record came from"))
        outer.addWidget(self.origin)
        self.problem = plain_label()
        self.problem.setAccessibleDescription(translate("Treatment", "Problem"))
        outer.addWidget(self.problem)

        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(translate("Treatment", "Parts of the record"))
        self._enter = EnterPressesButtons(self)
        outer.addWidget(self.tabs, 1)
        self._build_progress_tab()
        self._build_plan_tab()
        self._build_sessions_tab()
        self.checkin = CheckInForm()
        self.checkin.saved.connect(self._add)
        self.checkin.needsHelp.connect(self._needs_help)
        self._add_tab(self.checkin, translate("Treatment", "&PHQ-9 check-in"))
        self.weekly = WeeklyPage()
        for signal in (self.weekly.markersSaved, self.weekly.careAdded):
            signal.connect(self._add)
        self.weekly.moodSaved.connect(self._add_mood)
        self._add_tab(self.weekly, translate("Treatment", "&Each week"))

        QShortcut(QKeySequence("F1"), self).activated.connect(self._needs_help)
        for key, action in (
            (QKeySequence.StandardKey.Undo, self.store.undo),
            (QKeySequence.StandardKey.Redo, self.store.redo),
        ):
            QShortcut(key, self).activated.connect(action)
        self.store.subscribe(self._store_changed)
        self._fill_courses()

    # --- building -----------------------------------------------------------------------------

    def _add_tab(self, page: QWidget, title: str) -> None:
        self.tabs.addTab(self._scrolled(page, title), title)

    @staticmethod
    def _scrolled(widget: QWidget, name: str) -> QScrollArea:
        """The tab's page, scrolled; a Tab stop (arrow keys scroll it), so it has a name."""
        area = QScrollArea()
        area.setAccessibleName(name.replace("&", ""))
        area.setWidgetResizable(True)
        area.setWidget(widget)
        return area

    def _build_progress_tab(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        # First on the page: every check-in where question 9 was above "Not at all".
        self.safety_trace = plain_label(selectable=True)
        self.safety_trace.setAccessibleDescription(translate("Treatment", "Question 9 answers"))
        self.safety_trace.hide()
        layout.addWidget(self.safety_trace)
        self.chart = CourseChart()
        layout.addWidget(self.chart, 2)
        self.summary = plain_label(selectable=True)
        self.summary.setAccessibleDescription(translate("Treatment", "How it is going"))
        layout.addWidget(self.summary)
        self.signals_label = plain_label(selectable=True)
        self.signals_label.setAccessibleDescription(translate("Treatment", "Signals to talk about"))
        layout.addWidget(self.signals_label)
        self.rules_button = QToolButton()
        self.rules_button.setText(translate("Treatment", "How kvet reads these signals"))
        self.rules_button.setCheckable(True)
        self.rules_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.rules_button.setArrowType(Qt.ArrowType.RightArrow)
        self.rules_label = plain_label(selectable=True)
        self.rules_label.setAccessibleDescription(
            translate("Treatment", "How kvet reads these signals")
        )
        self.rules_label.hide()
        self.rules_button.toggled.connect(self._show_rules)
        layout.addWidget(self.rules_button)
        layout.addWidget(self.rules_label, 1)
        buttons = FlowLayout(spacing=6)  # onto two lines with larger text
        self.pdf_button = QPushButton(
            translate("Treatment", "Save a page for my next appointment (PDF)…")
        )
        self.pdf_button.clicked.connect(lambda: self.save_pdf())
        self.csv_button = QPushButton(
            translate("Treatment", "Save the log for a spreadsheet (CSV)…")
        )
        self.csv_button.clicked.connect(lambda: self.save_csv())
        buttons.addWidget(self.pdf_button)
        buttons.addWidget(self.csv_button)
        layout.addLayout(buttons)
        self._add_tab(page, translate("Treatment", "&How it is going"))

    def _build_plan_tab(self) -> None:
        page = QWidget()
        form = QFormLayout(page)
        form.addRow(
            plain_label(
                translate(
                    "Treatment",
                    "What the clinic told you before starting. It was copied from your answers "
                    "to the four questions before starting; change it whenever the plan changes.",
                )
            )
        )
        self.plan_edits: dict[str, QPlainTextEdit] = {}
        for key, label in PLAN_FIELDS:
            edit = QPlainTextEdit()
            edit.setTabChangesFocus(True)
            edit.setAccessibleName(tr(label))
            edit.setFixedHeight(edit.fontMetrics().height() * 4)
            edit.textChanged.connect(self._plan_typed)
            form.addRow(plain_label(tr(label)), edit)
            self.plan_edits[key] = edit
        self.review_at = QSpinBox()
        self.review_at.setRange(0, 100)
        self.review_at.setSpecialValueText(translate("Treatment", "not set"))
        self.review_at.setAccessibleName(translate("Treatment", "Review if no response by session"))
        self.review_at.valueChanged.connect(self._plan_typed)
        form.addRow(
            plain_label(
                translate(
                    "Treatment", "The clinic reviews the plan if there is no response by session:"
                )
            ),
            self.review_at,
        )
        form.addRow(plain_label(tr(REVIEW_HINT)))
        self.first_phase = QSpinBox()
        self.first_phase.setRange(0, 100)
        self.first_phase.setSpecialValueText(translate("Treatment", "not set"))
        self.first_phase.setAccessibleName(translate("Treatment", "Sessions in the first phase"))
        self.first_phase.valueChanged.connect(self._plan_typed)
        form.addRow(
            plain_label(
                translate("Treatment", "How many sessions the first phase (induction) has:")
            ),
            self.first_phase,
        )
        form.addRow(plain_label(tr(FIRST_PHASE_HINT)))
        self._plan_timer = QTimer(self)
        self._plan_timer.setSingleShot(True)
        self._plan_timer.setInterval(NOTE_PAUSE_MS)
        self._plan_timer.timeout.connect(self.save_plan)
        self._loading = False
        self._plan_dirty = False
        self._add_tab(page, translate("Treatment", "P&lan"))

    def _build_sessions_tab(self) -> None:
        page = QWidget()
        layout = QVBoxLayout(page)
        self.session_form = SessionForm()
        self.session_form.added.connect(self._add)
        self.session_form.liftNoted.connect(self._note_lift)
        self.session_form.problem.connect(self.problem.setText)
        layout.addWidget(self.session_form)
        self.sessions_model = SessionsModel(self)
        self.sessions_view = QTableView()
        self.sessions_view.setModel(self.sessions_model)
        self.sessions_view.setAccessibleName(translate("Treatment", "Sessions so far"))
        self.sessions_view.setWordWrap(True)
        self.sessions_view.setTabKeyNavigation(False)
        # Every column shares the width and wraps its words, the titles too, so the table
        # never scrolls sideways and no cell is cut, however large the text or long the words
        # (Spanish runs longer); a column is never narrower than its longest word.
        header = WrappingHeader(Qt.Orientation.Horizontal, self.sessions_view)
        self.sessions_view.setHorizontalHeader(header)
        self.sessions_view.setWordWrap(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.sessions_model.modelReset.connect(
            lambda: header.setMinimumSectionSize(self._longest_word())
        )
        self.sessions_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sessions_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        # room for a few sessions even on a small screen: the page scrolls instead
        self.sessions_view.setMinimumHeight(self.sessions_view.fontMetrics().height() * 14)
        layout.addWidget(self.sessions_view, 1)
        remove = QPushButton(translate("Treatment", "Remove the selected session"))
        remove.clicked.connect(self._remove_session)
        layout.addWidget(remove)
        self._add_tab(page, translate("Treatment", "&Sessions"))

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

    # --- records ------------------------------------------------------------------------------

    def _fill_courses(self, selected: str | None = None) -> None:
        courses = self.store.courses.list_courses()
        self.courses.clear()
        for info in courses:
            came = imported_from(self.store, info.id)
            if came is None:
                shown = info.clinic_name
            elif came.names:
                shown = translate("Treatment", "{clinic} (from {names})")
                shown = shown.format(clinic=info.clinic_name, names=came.names)
            else:
                shown = translate("Treatment", "{clinic} (imported)")
                shown = shown.format(clinic=info.clinic_name)
            self.courses.addItem(shown, info.id)
        enabled = bool(courses)
        self.tabs.setEnabled(enabled)
        if not courses:
            self.course_id = ""
            self.summary.setText(
                translate("Treatment", "Start a record when you begin treatment at a clinic.")
            )
            return
        wanted = selected or self.course_id or courses[-1].id
        index = max(0, self.courses.findData(wanted))
        self.courses.setCurrentIndex(index)
        self._choose(self.courses.itemData(index))

    def start_course(self, name: str | None = None) -> str:
        """A new record, from a clinic in a comparison (its plan carried over) or a typed name."""
        clinics: dict[str, str] = {}
        for comparison in self.store.comparisons.list():
            for clinic in self.store.clinics.list(comparison.id):
                clinics.setdefault(clinic.name, clinic.id)
        if name is None:
            name, ok = QInputDialog.getItem(
                self,
                translate("Treatment", "Start a new record"),
                translate("Treatment", "Which clinic? Choose one or type a name:"),
                sorted(clinics),
                0,
                True,
            )
            if not ok or not name.strip():
                return ""
        try:
            info = self.store.courses.start(name, clinics.get(name.strip()))
        except StorageError as exc:
            self.problem.setText(error_words(exc))
            return ""
        self._fill_courses(info.id)
        return info.id

    def _choose(self, course_id: object) -> None:
        self.save_plan()
        self.course_id = str(course_id or "")
        self._say_origin()
        self.refresh()

    def _say_origin(self) -> None:
        """An imported record is someone else's: say whose file it came in, and when."""
        came = imported_from(self.store, self.course_id) if self.course_id else None
        if came is None:
            self.origin.setText("")
        elif came.names:
            self.origin.setText(
                translate(
                    "Treatment",
                    "Imported on {day} from a file shared by {names}. "
                    "It is their record, not yours.",
                ).format(day=coursewords.day_text(came.day), names=came.names)
            )
        else:
            self.origin.setText(
                translate(
                    "Treatment",
                    "Imported on {day} from a shared file. It may be someone else's record.",
                ).format(day=coursewords.day_text(came.day))
            )
        self.origin.setVisible(came is not None)

    def course(self) -> Course | None:
        return self.store.courses.load(self.course_id) if self.course_id else None

    def refresh(self) -> None:
        course = self.course()
        self.chart.set_course(course)
        if course is None:
            return
        self.summary.setText(coursetrend.describe(course, coursewords.say))
        safety = coursetrend.safety_lines(course, coursewords.say)
        self.safety_trace.setText("\n".join(safety))
        self.safety_trace.setVisible(bool(safety))
        signals = reconsider.all_signals(course, date.today(), coursewords.say)
        raised = [s for s in signals if s.raised]
        quiet = [s.title for s in signals if not s.raised]
        lines = [
            translate("Treatment", "Worth talking about:")
            if raised
            else translate("Treatment", "Nothing in the log calls for a second look.")
        ]
        for signal in raised:
            lines.append(f"• {signal.title}. " + " ".join(signal.because) + f" {signal.advice}")
        if quiet:
            lines.append(
                translate("Treatment", "Not raised: {titles}.").format(titles="; ".join(quiet))
            )
        lines += [s.question for s in signals if s.question]
        self.signals_label.setText("\n".join(lines))
        self.rules_label.setText("\n".join(f"{s.title}: {s.rule}" for s in signals))
        self.sessions_model.set_rows(self.store.courses.entries(self.course_id, "session"))
        self.weekly.know_markers(sorted({m for week in course.markers for m in week.ticked}))
        if not self._plan_dirty:
            self._load_plan(course.plan)

    def _show_rules(self, shown: bool) -> None:
        self.rules_label.setVisible(shown)
        self.rules_button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)

    def _load_plan(self, plan: Plan) -> None:
        self._loading = True
        try:
            for key, edit in self.plan_edits.items():
                text = str(getattr(plan, key))
                if edit.toPlainText() != text:
                    edit.setPlainText(text)
            self.review_at.setValue(plan.review_at_session or 0)
            self.first_phase.setValue(plan.first_phase_sessions or 0)
        finally:
            self._loading = False

    def _plan_typed(self) -> None:
        if not self._loading and self.course_id:
            self._plan_dirty = True
            self._plan_timer.start()

    def save_plan(self) -> None:
        """Saved after a short pause in typing, and when the window closes or the record changes."""
        if not self._plan_dirty or not self.course_id:
            return
        self._plan_dirty = False
        self._plan_timer.stop()
        texts = {key: edit.toPlainText() for key, edit in self.plan_edits.items()}
        plan = Plan(
            induction=texts["induction"],
            response_measure=texts["response_measure"],
            tapering=texts["tapering"],
            without_response=texts["without_response"],
            review_at_session=self.review_at.value() or None,
            first_phase_sessions=self.first_phase.value() or None,
        )
        try:
            self.store.courses.set_plan(self.course_id, plan)
        except StorageError as exc:
            self.problem.setText(error_words(exc))

    def _add(self, entry: object) -> bool:
        if not self.course_id:
            self.problem.setText(translate("Treatment", "Start a record first."))
            return False
        try:
            self.store.courses.add(self.course_id, entry)  # type: ignore[arg-type]
        except StorageError as exc:
            self.problem.setText(error_words(exc))
            return False
        self.problem.setText("")
        if entry is not None and type(entry).__name__ == "DoseSession":
            self.session_form.clear()
        return True

    def _add_mood(self, check: MoodCheck) -> None:
        """Saved; a check with any sign is answered at once, not at the next visit to the
        progress tab (kvet.gui.treatment.weekly.MoodNoteDialog)."""
        if not self._add(check) or not check.any_sign:
            return
        note = MoodNoteDialog(self.weekly.signs_noted(check), self)
        note.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        note.crisisRequested.connect(self._needs_help)
        self.mood_note = note
        note.open()

    def _note_lift(self, day: date, days: int) -> None:
        if not self.course_id:
            return
        try:
            self.store.courses.note_lift(self.course_id, day, days)
        except StorageError as exc:
            self.problem.setText(error_words(exc))

    def _remove_session(self) -> None:
        rows = self.sessions_view.selectionModel().selectedRows()
        if rows and self.course_id:
            entry = self.sessions_model.rows[rows[0].row()]
            self.store.courses.remove(self.course_id, entry.id)

    def _needs_help(self) -> None:
        self._open_crisis(self)

    def _store_changed(self, change: Change) -> None:
        if change.what in ("course", "all"):
            self.refresh()

    # --- documents ----------------------------------------------------------------------------

    def _ask_path(self, title: str, suffix: str, kind: str) -> Path | None:
        name = translate("Treatment", "kvet treatment") + suffix
        path, _ = QFileDialog.getSaveFileName(self, title, name, kind)
        return Path(path) if path else None

    def save_pdf(self, path: Path | None = None) -> Path | None:
        from kvet.content.country import paper_for
        from kvet.render.coursepage import write_course_pdf

        course = self.course()
        if course is None:
            return None
        path = path or self._ask_path(
            translate("Treatment", "Save a page for my appointment"), ".pdf", "PDF (*.pdf)"
        )
        if path is None:
            return None
        try:
            return write_course_pdf(
                course,
                path,
                date.today(),
                paper=paper_for(self.state.country),
                title=translate("Treatment", "My treatment"),
            )
        except ExchangeError as exc:
            self.problem.setText(error_words(exc))
            return None

    def save_csv(self, path: Path | None = None) -> Path | None:
        from kvet.exchange.coursereport import course_csv
        from kvet.exchange.files import write_atomically

        course = self.course()
        if course is None:
            return None
        path = path or self._ask_path(translate("Treatment", "Save the log"), ".csv", "CSV (*.csv)")
        if path is None:
            return None
        try:
            write_atomically(path, course_csv(course).encode("utf-8-sig"))
        except ExchangeError as exc:
            self.problem.setText(error_words(exc))
            return None
        return path

    def closeEvent(self, event: object) -> None:
        self.save_plan()
        self.store.unsubscribe(self._store_changed)
        super().closeEvent(event)  # type: ignore[arg-type]
