"""My treatment: a private record of one course, for the person and their clinician.

A window of its own, because it belongs to the time after choosing a clinic. Every entry goes
straight to the store (autosave, undo); the signals and the chart are read from the core.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kvet.exchange.errors import ExchangeError
from kvet.exchange.origins import imported_from
from kvet.gui.common.focus import EnterPressesButtons
from kvet.gui.common.state import AppState
from kvet.gui.common.text import heading, plain_label
from kvet.gui.treatment.checkin import CheckInForm
from kvet.gui.treatment.plantab import PlanTab
from kvet.gui.treatment.progresstab import ProgressTab
from kvet.gui.treatment.sessionstab import SessionsTab
from kvet.gui.treatment.weekly import MoodNoteDialog, WeeklyPage
from kvet.gui.words import coursewords
from kvet.gui.words.errorwords import error_words
from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate
from kvet.store.api import Change
from kvet.store.courses import EntryInfo
from kvet.store.errors import StorageError
from kvet.treatment.course import Course, MoodCheck

CONTEXT = "Treatment"
INTRO = QT_TRANSLATE_NOOP(
    "Treatment",
    "A private record of your course, for you and your clinician. kvet never suggests a dose "
    "and never tells you to stop or start treatment. It does not give medical advice.",
)


class TreatmentWindow(QWidget):
    """Which record is shown, its five tabs, and the store every entry from them goes to."""

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
        outer.addLayout(self._build_title())
        outer.addWidget(plain_label(translate(CONTEXT, INTRO)))
        outer.addLayout(self._build_chooser())
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
        self._build_tabs()

        QShortcut(QKeySequence("F1"), self).activated.connect(self._needs_help)
        for key, action in (
            (QKeySequence.StandardKey.Undo, self.store.undo),
            (QKeySequence.StandardKey.Redo, self.store.redo),
        ):
            QShortcut(key, self).activated.connect(action)
        self.store.subscribe(self._store_changed)
        self._fill_courses()

    # --- building -----------------------------------------------------------------------------

    def _build_title(self) -> QHBoxLayout:
        """The title, and the same help as the main window's (button and F1), opening above."""
        top = QHBoxLayout()
        top.addWidget(heading(translate("Treatment", "My treatment")), 1)
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
        return top

    def _build_chooser(self) -> QHBoxLayout:
        """Which record is shown, and the button that starts a new one."""
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
        return chooser

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

    def _build_tabs(self) -> None:
        """How it is going, the plan, the sessions, the PHQ-9 check-in and each week."""
        self.progress = ProgressTab()
        self.progress.pdf_button.clicked.connect(lambda: self.save_pdf())
        self.progress.csv_button.clicked.connect(lambda: self.save_csv())
        self._add_tab(self.progress, translate("Treatment", "&How it is going"))
        self.plan = PlanTab(lambda: bool(self.course_id))
        self.plan.paused.connect(self.save_plan)
        self._add_tab(self.plan, translate("Treatment", "P&lan"))
        self.sessions = SessionsTab()
        self.sessions.session_form.added.connect(self._add)
        self.sessions.session_form.liftNoted.connect(self._note_lift)
        self.sessions.session_form.problem.connect(self.problem.setText)
        self.sessions.removeRequested.connect(self._remove_session)
        self._add_tab(self.sessions, translate("Treatment", "&Sessions"))
        self.checkin = CheckInForm()
        self.checkin.saved.connect(self._add)
        self.checkin.needsHelp.connect(self._needs_help)
        self._add_tab(self.checkin, translate("Treatment", "&PHQ-9 check-in"))
        self.weekly = WeeklyPage()
        for signal in (self.weekly.markersSaved, self.weekly.careAdded):
            signal.connect(self._add)
        self.weekly.moodSaved.connect(self._add_mood)
        self._add_tab(self.weekly, translate("Treatment", "&Each week"))

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
            self.progress.summary.setText(
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
        self.progress.show_course(course)
        if course is None:
            return
        entries = self.store.courses.entries(self.course_id, "session")
        self.sessions.sessions_model.set_rows(entries)
        self.weekly.know_markers(sorted({m for week in course.markers for m in week.ticked}))
        if not self.plan.dirty:
            self.plan.load(course.plan)

    def save_plan(self) -> None:
        """Saved after a short pause in typing, and when the window closes or the record changes."""
        if not self.plan.dirty or not self.course_id:
            return
        try:
            self.store.courses.set_plan(self.course_id, self.plan.take())
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
            self.sessions.session_form.clear()
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

    def _remove_session(self, entry: EntryInfo) -> None:
        if self.course_id:
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
