"""File menu's export, print and import: ask where, then let the core build or read the file.

Every document and file is made by ``kvet.exchange``; this module only asks the user for paths,
passwords and choices, shows a busy cursor while the core works, and reports errors plainly.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, QStandardPaths, Qt, Signal
from PySide6.QtGui import QGuiApplication, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QInputDialog,
    QLineEdit,
    QListView,
    QProgressDialog,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kvet.exchange.errors import ExchangeError, PasswordNeededError, WrongPasswordError
from kvet.gui.common.problems import Problem, import_problem, save_problem
from kvet.gui.common.state import AppState
from kvet.gui.common.text import heading, plain_label
from kvet.gui.words.errorwords import error_words
from kvet.gui.words.sharingwords import conflict_sentence, plan_summary, strength
from kvet.gui.words.tr import QT_TRANSLATE_NOOP, translate
from kvet.store.errors import StorageError

if TYPE_CHECKING:  # the exchange code is loaded when first used, not at start-up
    from PySide6.QtPrintSupport import QPrinter

    from kvet.exchange.fileformat import ComparisonFile
    from kvet.exchange.importer import ImportPlan

CONTEXT = "Sharing"
KVET_FILTER = QT_TRANSLATE_NOOP("Sharing", "kvet comparison (*.kvet)")
PDF_FILTER = QT_TRANSLATE_NOOP("Sharing", "PDF document (*.pdf)")
CSV_FILTER = QT_TRANSLATE_NOOP("Sharing", "Spreadsheet, CSV (*.csv)")
# What each save makes: "Saving the {what}…" and save_problem's "could not save the {what}".
# The Spanish carries its article ("el informe"), since Spanish nouns differ in gender.
WHAT = {
    "report": QT_TRANSLATE_NOOP("Sharing", "report"),
    "questions": QT_TRANSLATE_NOOP("Sharing", "questions"),
    "call sheet": QT_TRANSLATE_NOOP("Sharing", "call sheet"),
    "table": QT_TRANSLATE_NOOP("Sharing", "table"),
    "shareable file": QT_TRANSLATE_NOOP("Sharing", "shareable file"),
}
# Above these sizes the work takes over a second (bench/bench_exchange.py): progress shows at once.
LARGE_CLINICS = 30
LARGE_FILE_BYTES = 1024 * 1024
LARGE_IMPORT = 2000  # assessments
PASSWORD_TRIES = 5  # a wrong password is asked again this many times in all, then explained
LAST_FOLDER_KEY = "files/lastFolder"


def safe_file_name(name: str) -> str:
    """A file name made from what the user typed: no folders, no characters systems refuse."""
    cleaned = re.sub(r'[\\/:*?"<>|\x00-\x1f\u200e\u200f\u202a-\u202e]+', " ", name).strip(" .")
    return cleaned[:80] or "kvet"


def shown_import_problem(error: BaseException, file_name: str) -> Problem:
    """``import_problem``: the core's error sorted by its code, in the window's language."""
    return import_problem(error, file_name)


@contextmanager
def busy() -> Iterator[None]:
    QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QGuiApplication.restoreOverrideCursor()


class Steps:
    """Progress through a few long steps, shown only once the work has taken over a second."""

    def __init__(
        self, parent: QWidget | None, title: str, count: int, *, show_now: bool = False
    ) -> None:
        """``show_now``: the work is known to be long (a large file), so show it at once."""
        self.dialog = QProgressDialog(title, "", 0, count, parent)
        self.dialog.setWindowTitle("kvet")
        self.dialog.setCancelButton(None)  # a step cannot stop half-way: it is one transaction
        self.dialog.setMinimumDuration(0 if show_now else 1000)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setAutoClose(True)
        self.dialog.setValue(0)
        if show_now:
            self.dialog.show()
            QApplication.processEvents()

    def step(self, label: str) -> None:
        self.dialog.setLabelText(label)
        self.dialog.setValue(self.dialog.value() + 1)
        QApplication.processEvents()

    def close(self) -> None:
        self.dialog.setValue(self.dialog.maximum())
        self.dialog.deleteLater()


class ShareOptionsDialog(QDialog):
    """Choices for a shareable file: a password (optional) and whether private topics go too."""

    def __init__(self, parent: QWidget | None = None, names: Sequence[str] = ()) -> None:
        """``names``: the people in the comparison, whose names make a password easy to guess."""
        super().__init__(parent)
        self._names = tuple(names)
        self.setWindowTitle(translate("Sharing", "Save a shareable file"))
        layout = QVBoxLayout(self)
        # wide enough for a sentence on a line (the strength line, a refusal)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        layout.addWidget(
            plain_label(
                translate(
                    "Sharing",
                    "The file holds your clinics, everyone's answers and notes, and your "
                    "weights. Family can open it in their own kvet.",
                )
            )
        )
        self.protect = QCheckBox(translate("Sharing", "Protect the file with a password"))
        self.protect.setAccessibleDescription(
            translate(
                "Sharing",
                "Useful when the file travels by e-mail. Without the password nobody can read it.",
            )
        )
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(translate("Sharing", "Password"))
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setAccessibleName(translate("Sharing", "Password again"))
        self.strength = plain_label()
        self.strength.setAccessibleDescription(
            translate("Sharing", "How hard the password is to guess")
        )
        form = QFormLayout()
        form.addRow(translate("Sharing", "Password:"), self.password)
        form.addRow("", self.strength)
        form.addRow(translate("Sharing", "Again:"), self.again)
        self.personal = QCheckBox(translate("Sharing", "Also include my private pre-screen topics"))
        self.personal.setAccessibleDescription(
            translate("Sharing", "Left out unless you tick this: they are your health information.")
        )
        self.courses = QCheckBox(
            translate("Sharing", "Also include my treatment records at these clinics")
        )
        self.courses.setAccessibleDescription(
            translate(
                "Sharing",
                "From My treatment: sessions, PHQ-9 check-ins and notes. Left out unless you "
                "tick this: they are your health information.",
            )
        )
        self.problem = plain_label()
        self.problem.setAccessibleDescription(translate("Sharing", "Problem"))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        self.protect.toggled.connect(self._update)
        self.password.textChanged.connect(self._update)
        layout.addWidget(self.protect)
        layout.addLayout(form)
        layout.addWidget(self.personal)
        layout.addWidget(self.courses)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self._update()

    def _update(self) -> None:
        for edit in (self.password, self.again):
            edit.setEnabled(self.protect.isChecked())
        self.strength.setVisible(self.protect.isChecked())
        self.strength.setText(strength(self.password.text(), self._names).words)
        self._grow()

    def _grow(self) -> None:
        """As tall as its words need at its width: the strength line and a refusal are never
        cut or squeezed until lines overlap."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        self.setMinimumHeight(needed)
        if self.height() < needed:
            self.resize(self.width(), needed)

    def chosen_password(self) -> str | None:
        return self.password.text() if self.protect.isChecked() else None

    def _check(self) -> None:
        self._accept_if_fit()
        self._grow()

    def _accept_if_fit(self) -> None:
        """Accept, or say in the problem line why not (no password, a weak one, a typo)."""
        if self.protect.isChecked():
            if not self.password.text():
                self.problem.setText(
                    translate("Sharing", "Type a password, or untick “Protect the file”.")
                )
                return
            found = strength(self.password.text(), self._names)
            if not found.acceptable:
                self.problem.setText(
                    translate("Sharing", "Choose a password that is harder to guess. {why}").format(
                        why=found.words
                    )
                )
                return
            if self.password.text() != self.again.text():
                self.problem.setText(
                    translate("Sharing", "The two passwords are not the same. Type them again.")
                )
                return
        self.accept()


class ImportDialog(QDialog):
    """Shows what a file would change, lets the user settle each difference, then imports."""

    imported = Signal(str)  # the comparison id written to
    disagreementsCreated = Signal(list)  # of kvet.rating.combine.Disagreement, new since the import

    def __init__(
        self,
        state: AppState,
        document: ComparisonFile,
        on_problem: Callable[[Problem], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        from kvet.exchange import importer

        self._importer = importer
        self.state = state
        self.document = document
        self.on_problem = on_problem
        self.plan: ImportPlan | None = None
        self.setWindowTitle(translate("Sharing", "Import a comparison"))
        self.resize(640, 480)
        layout = QVBoxLayout(self)
        layout.addWidget(
            heading(translate("Sharing", "Import “{name}”").format(name=document.comparison.name))
        )
        self.as_new = QRadioButton(translate("Sharing", "As a new comparison"))
        # Imported before (or made from one of yours): offer the same comparison and people.
        self.remembered = importer.remembered(state.store, document)
        self.into_id = self.remembered.comparison_id or state.comparison_id
        current = state.store.comparisons.get(self.into_id).name if self.into_id else ""
        if self.remembered.comparison_id:
            into_words = translate("Sharing", "Into “{name}”, the comparison this file belongs to")
        else:
            into_words = translate("Sharing", "Into “{name}”, next to what you have")
        self.into_current = QRadioButton(into_words.format(name=current))
        self.into_current.setAccessibleDescription(
            translate(
                "Sharing",
                "Clinics you both have are matched. Other people's answers arrive as their own.",
            )
        )
        self.into_current.setEnabled(bool(self.into_id))
        group = QButtonGroup(self)
        group.addButton(self.as_new)
        group.addButton(self.into_current)
        # A file imported before, or sharing clinics with the open comparison, belongs to it.
        shares = {c.id for c in state.clinics} & {c.id for c in document.clinics}
        belongs = bool(self.remembered.comparison_id) or bool(shares)
        (self.into_current if belongs else self.as_new).setChecked(True)
        self.people_caption = plain_label(
            translate(
                "Sharing",
                "Everyone in the file arrives as a new person. If someone in it is one of your "
                "people (you, for example), say so here: their answers then join that person's.",
            )
        )
        self.people: dict[str, QComboBox] = {}
        people_form = QFormLayout()
        for rater in document.raters:
            choice = QComboBox()
            # Named by its label, the person's name (Qt on Linux ignores a combo box's name).
            choice.setAccessibleDescription(
                translate("Sharing", "Who “{name}” is").format(name=rater.name)
            )
            choice.addItem(translate("Sharing", "A new person"), None)
            for mine in state.store.people.list():
                choice.addItem(
                    translate("Sharing", "Same as your “{name}”").format(name=mine.name), mine.id
                )
            was = self.remembered.people.get(rater.id)
            if was is not None:  # the same person as last time this file was imported
                choice.setCurrentIndex(max(0, choice.findData(was)))
            choice.currentIndexChanged.connect(lambda _index: self.replan())
            self.people[rater.id] = choice
            who = plain_label(rater.name)
            who.setBuddy(choice)
            people_form.addRow(who, choice)
        topics = len(document.personal_topics or ())
        self.personal = QCheckBox(
            translate(
                "Sharing", "Also import the private pre-screen topics in this file ({count})"
            ).format(count=topics)
        )
        self.personal.setAccessibleDescription(
            translate(
                "Sharing",
                "Health information someone chose to share. Left out unless you tick this.",
            )
        )
        self.personal.setVisible(bool(topics))
        self.personal.toggled.connect(lambda _checked: self.replan())
        courses = len(document.courses or ())
        self.courses = QCheckBox(
            translate("Sharing", "Also import the treatment records in this file ({count})").format(
                count=courses
            )
        )
        self.courses.setAccessibleDescription(
            translate(
                "Sharing",
                "Health information someone chose to share. Left out unless you tick this.",
            )
        )
        self.courses.setVisible(bool(courses))
        self.courses.toggled.connect(lambda _checked: self.replan())
        self.summary = plain_label()
        self.summary.setAccessibleDescription(translate("Sharing", "What the file brings"))
        self.conflicts_caption = plain_label(
            translate(
                "Sharing",
                "Where the file and your data differ, your version is kept. Tick the ones where "
                "the file's version should be used instead.",
            )
        )
        self.conflicts_model = QStandardItemModel(self)
        self.conflicts_view = QListView()
        self.conflicts_view.setModel(self.conflicts_model)
        self.conflicts_view.setAccessibleName(translate("Sharing", "Differences to settle"))
        self.conflicts_view.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton(
            translate("Sharing", "Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        for widget in (self.as_new, self.into_current, self.people_caption):
            layout.addWidget(widget)
        layout.addLayout(people_form)
        layout.addWidget(self.personal)
        layout.addWidget(self.courses)
        layout.addWidget(self.summary)
        layout.addWidget(self.conflicts_caption)
        layout.addWidget(self.conflicts_view, 1)
        layout.addWidget(self.buttons)
        self.as_new.toggled.connect(lambda _checked: self.replan())
        self.replan()

    def replan(self) -> None:
        into = self.into_id if self.into_current.isChecked() else None
        try:
            self.plan = self._importer.plan_import(
                self.state.store,
                self.document,
                into,
                people=self.same_people(),
                include_personal=self.personal.isChecked(),
                include_courses=self.courses.isChecked(),
            )
        except (ExchangeError, StorageError) as exc:
            self.plan = None
            problem = shown_import_problem(exc, translate("Sharing", "The file"))
            self.summary.setText(problem.text)
            self.summary.setToolTip(problem.details)
            self.import_button.setEnabled(False)
            return
        self.import_button.setEnabled(True)
        self.summary.setText(plan_summary(self.plan))
        self.conflicts_model.clear()
        for conflict in self.plan.conflicts:
            row = QStandardItem(conflict_sentence(conflict))
            row.setCheckable(True)
            row.setEditable(False)
            row.setData(conflict.key, Qt.ItemDataRole.UserRole)
            row.setToolTip(translate("Sharing", "Tick to use the file's version."))
            self.conflicts_model.appendRow(row)
        has_conflicts = bool(self.plan.conflicts)
        self.conflicts_caption.setVisible(has_conflicts)
        self.conflicts_view.setVisible(has_conflicts)

    def same_people(self) -> dict[str, str]:
        """The people of the file the user said are theirs: file id -> their person's id."""
        return {
            theirs: str(choice.currentData())
            for theirs, choice in self.people.items()
            if choice.currentData() is not None
        }

    def take_theirs(self) -> set[str]:
        chosen = set()
        for row in range(self.conflicts_model.rowCount()):
            item = self.conflicts_model.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                chosen.add(str(item.data(Qt.ItemDataRole.UserRole)))
        return chosen

    def apply(self) -> None:
        if self.plan is None:
            return
        store = self.state.store
        into = self.plan.into
        steps = Steps(
            self,
            translate("Sharing", "Importing the comparison…"),
            2,
            show_now=len(self.document.assessments) > LARGE_IMPORT,
        )
        try:
            with busy():
                before = store.decisions.disagreements(into) if into else []
                steps.step(translate("Sharing", "Writing the clinics and answers…"))
                comparison_id = self._importer.apply_import(store, self.plan, self.take_theirs())
        except (ExchangeError, StorageError) as exc:
            self.on_problem(
                Problem(
                    translate(
                        "Sharing",
                        "Nothing was imported: kvet could not write what the file brings.",
                    ),
                    translate(
                        "Sharing",
                        "Your data is as it was. Try again; if it happens again, restart kvet.",
                    ),
                    str(exc),
                )
            )
            self.reject()
            return
        finally:
            steps.close()
        self.accept()
        self.imported.emit(comparison_id)
        created = self._importer.disagreements_created(store, comparison_id, before)
        if created:
            self.disagreementsCreated.emit(created)


class Sharing(QObject):
    """The export, print and import actions of the main window."""

    problem = Signal(object)  # a kvet.gui.common.problems.Problem
    done = Signal(str)  # a short message for the status bar
    imported = Signal(str)  # comparison id
    disagreementsCreated = Signal(list)

    def __init__(self, state: AppState, window: QWidget) -> None:
        super().__init__(window)
        self.state = state
        self.window = window

    # --- asking ---------------------------------------------------------------------------------

    def _folder(self) -> Path:
        """The folder used last (kept in the settings), else the person's Documents folder."""
        last = QSettings().value(LAST_FOLDER_KEY, "", str)
        if isinstance(last, str) and last and Path(last).is_dir():
            return Path(last)
        documents = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )
        return Path(documents or Path.home())

    def _remember_folder(self, chosen: Path) -> None:
        QSettings().setValue(LAST_FOLDER_KEY, str(chosen.parent))

    def ask_save_path(self, title: str, name: str, suffix: str, filter_: str) -> Path | None:
        """Ask where to save. Suggested names say what a file is, never whose or about what (no
        comparison or clinic name): a file name travels in e-mail and folder listings."""
        suggested = self._folder() / f"{safe_file_name(name)}{suffix}"
        chosen, _ = QFileDialog.getSaveFileName(
            self.window, title, str(suggested), translate(CONTEXT, filter_)
        )
        if not chosen:
            return None
        path = Path(chosen)
        self._remember_folder(path)
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)

    def ask_open_path(self) -> Path | None:
        chosen, _ = QFileDialog.getOpenFileName(
            self.window,
            translate("Sharing", "Import a comparison"),
            str(self._folder()),
            translate(CONTEXT, KVET_FILTER),
        )
        if not chosen:
            return None
        self._remember_folder(Path(chosen))
        return Path(chosen)

    def ask_password(self, name: str, *, wrong: bool = False) -> str | None:
        """The password for ``name``; ``wrong``: the last one typed did not open it."""
        if wrong:
            question = translate(
                "Sharing", "That password did not open {name}. Check it and type it again:"
            )
        else:
            question = translate("Sharing", "{name} is protected. Type its password:")
        text, ok = QInputDialog.getText(
            self.window,
            translate("Sharing", "Password needed"),
            question.format(name=name),
            QLineEdit.EchoMode.Password,
        )
        return text if ok else None

    def _comparison_name(self) -> str:
        return self.state.store.comparisons.get(self.state.comparison_id).name

    def _run(self, what: str, work: Callable[[], Path]) -> Path | None:
        clinics = len(self.state.clinics)
        said = translate(CONTEXT, WHAT[what])
        steps = Steps(
            self.window,
            translate("Sharing", "Saving the {what}…").format(what=said),
            1,
            show_now=clinics > LARGE_CLINICS,
        )
        try:
            with busy():
                path = work()
        except (ExchangeError, StorageError, OSError) as exc:
            plain = not isinstance(exc, OSError)
            message = error_words(exc) if plain else str(exc)
            self.problem.emit(save_problem(said, message, plain=plain))
            return None
        finally:
            steps.close()
        self.done.emit(
            translate("Sharing", "Saved the {what} as {path}").format(what=said, path=path)
        )
        return path

    # --- exports --------------------------------------------------------------------------------

    def export_report(self, path: Path | None = None) -> Path | None:
        """A PDF of the whole comparison, to take to a consultation."""
        if not self.state.comparison_id:
            return None
        path = path or self.ask_save_path(
            translate("Sharing", "Save the report as PDF"),
            translate("Sharing", "kvet report"),
            ".pdf",
            PDF_FILTER,
        )
        if path is None:
            return None
        from kvet.exchange import report
        from kvet.render.pdf import write_pdf

        target = path
        return self._run(
            "report",
            lambda: write_pdf(
                report.report_html(
                    self.state.store,
                    self.state.comparison_id,
                    self.state.view_id or None,
                    combined=self.state.combined,
                ),
                target,
                title=translate("Sharing", "kvet report: {name}").format(
                    name=self._comparison_name()
                ),
            ),
        )

    def print_report(self, printer: QPrinter | None = None) -> None:
        """Print through the system's print dialog (or on ``printer``, already set up)."""
        if not self.state.comparison_id:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from kvet.exchange import report
        from kvet.render.pdf import document

        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintDialog(printer, self.window)
            dialog.setWindowTitle(translate("Sharing", "Print the report"))
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
        try:
            html = report.report_html(
                self.state.store,
                self.state.comparison_id,
                self.state.view_id or None,
                combined=self.state.combined,
            )
        except ExchangeError as exc:
            self.problem.emit(
                Problem(
                    translate("Sharing", "kvet could not print the report."),
                    translate(
                        "Sharing",
                        "Nothing was sent to the printer. "
                        "Try again; if it happens again, restart kvet.",
                    ),
                    str(exc),
                )
            )
            return
        with busy():
            document(html, printer.pageLayout()).print_(printer)
        self.done.emit(translate("Sharing", "Sent the report to the printer"))

    def export_psychiatrist_sheet(self, path: Path | None = None) -> Path | None:
        """Questions for the person's own psychiatrist, on a sheet of their own."""
        from kvet.content.guide import GuideError, load_guide
        from kvet.exchange.psychiatrist import psychiatrist_sheet_html
        from kvet.exchange.words import printout_words
        from kvet.render.pdf import write_pdf

        try:
            guide = load_guide()
            title = printout_words()("psychiatrist", "title")  # the sheet's own heading
        except (GuideError, ExchangeError):
            self.problem.emit(
                translate("Sharing", "The questions could not be read. Reinstall kvet to fix it.")
            )
            return None
        path = path or self.ask_save_path(
            translate("Sharing", "Save “{title}” as PDF").format(title=title),
            title,
            ".pdf",
            PDF_FILTER,
        )
        if path is None:
            return None
        target = path
        html = psychiatrist_sheet_html(guide, self.state.checklist)
        return self._run("questions", lambda: write_pdf(html, target, title=f"kvet: {title}"))

    def export_call_sheet(
        self, path: Path | None = None, include_personal: bool | None = None
    ) -> Path | None:
        """A printable sheet for one call. Private topics only when the user ticks them."""
        clinic = self.state.clinic()
        if clinic is None:
            self.problem.emit(
                Problem(
                    translate("Sharing", "There is no clinic to make a call sheet for."),
                    translate(
                        "Sharing",
                        "Choose a clinic in the list first: the call sheet is for one clinic.",
                    ),
                )
            )
            return None
        if include_personal is None:
            answer = self._ask_include_personal()
            if answer is None:
                return None
            include_personal = answer
        path = path or self.ask_save_path(
            translate("Sharing", "Save the call sheet as PDF"),
            translate("Sharing", "kvet call sheet"),
            ".pdf",
            PDF_FILTER,
        )
        if path is None:
            return None
        from kvet.exchange import report
        from kvet.render.pdf import write_pdf

        target, personal = path, include_personal
        return self._run(
            "call sheet",
            lambda: write_pdf(
                report.call_sheet_html(
                    self.state.store,
                    clinic.id,
                    self.state.rater_id,
                    include_personal=personal,
                ),
                target,
                title=translate("Sharing", "kvet call sheet: {name}").format(name=clinic.name),
            ),
        )

    def _ask_include_personal(self) -> bool | None:
        dialog = QDialog(self.window)
        dialog.setWindowTitle(translate("Sharing", "Call sheet"))
        layout = QVBoxLayout(dialog)
        layout.addWidget(
            plain_label(translate("Sharing", "The sheet lists every question with boxes to tick."))
        )
        tick = QCheckBox(
            translate("Sharing", "Add my private “things to tell the clinic” at the top")
        )
        tick.setAccessibleDescription(
            translate("Sharing", "From your private pre-screen. Left out unless ticked.")
        )
        layout.addWidget(tick)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(buttons)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return tick.isChecked()

    def export_csv(self, path: Path | None = None) -> Path | None:
        if not self.state.comparison_id:
            return None
        path = path or self.ask_save_path(
            translate("Sharing", "Save the table for a spreadsheet"),
            translate("Sharing", "kvet table"),
            ".csv",
            CSV_FILTER,
        )
        if path is None:
            return None
        from kvet.exchange import csvexport

        target = path
        return self._run(
            "table",
            lambda: csvexport.export_csv(
                self.state.store,
                self.state.comparison_id,
                target,
                self.state.view_id or None,
                combined=self.state.combined,
            ),
        )

    def export_file(
        self,
        path: Path | None = None,
        *,
        password: str | None = None,
        include_personal: bool = False,
        include_courses: bool = False,
        ask: bool = True,
    ) -> Path | None:
        """The shareable .kvet file; with ``ask`` the user first picks a password and topics."""
        if not self.state.comparison_id:
            return None
        if ask:
            names = [person.name for person in self.state.store.people.list()]
            options = ShareOptionsDialog(self.window, names)
            if options.exec() != QDialog.DialogCode.Accepted:
                return None
            password, include_personal = options.chosen_password(), options.personal.isChecked()
            include_courses = options.courses.isChecked()
        path = path or self.ask_save_path(
            translate("Sharing", "Save a shareable file"),
            translate("Sharing", "kvet comparison"),
            ".kvet",
            KVET_FILTER,
        )
        if path is None:
            return None
        from kvet.exchange import files

        target, secret, personal, courses = path, password, include_personal, include_courses
        return self._run(
            "shareable file",
            lambda: files.export_comparison(
                self.state.store,
                self.state.comparison_id,
                target,
                password=secret,
                include_personal=personal,
                include_courses=courses,
            ),
        )

    # --- import ---------------------------------------------------------------------------------

    def import_file(self, path: Path | None = None) -> ImportDialog | None:
        """Read and check the whole file first; the import dialog then shows what it would do."""
        path = path or self.ask_open_path()
        if path is None:
            return None
        from kvet.exchange import files

        password: str | None = None
        tries = 0
        try:
            large = path.stat().st_size > LARGE_FILE_BYTES
        except OSError:
            large = False  # read_document says what is wrong
        while True:
            steps = Steps(
                self.window,
                translate("Sharing", "Reading and checking the file…"),
                1,
                show_now=large,
            )
            try:
                with busy():
                    document = files.read_document(path, password)
                break
            except PasswordNeededError:
                steps.close()
                password = self.ask_password(path.name)
                if password is None:
                    return None
            except WrongPasswordError as exc:
                steps.close()
                tries += 1
                password = None
                if tries < PASSWORD_TRIES:
                    password = self.ask_password(path.name, wrong=True)
                if password is None:  # cancelled, or tried enough: say why it did not open
                    self.problem.emit(shown_import_problem(exc, path.name))
                    return None
            except ExchangeError as exc:
                steps.close()
                self.problem.emit(shown_import_problem(exc, path.name))
                return None
        steps.close()
        dialog = ImportDialog(self.state, document, self.problem.emit, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(self.imported)
        dialog.disagreementsCreated.connect(self.disagreementsCreated)
        dialog.open()
        return dialog
