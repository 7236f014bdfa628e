"""File menu's export, print and import: ask where, then let the core build or read the file.

Every document and file is made by ``kvet.exchange``; this module only asks the user for paths,
passwords and choices, shows a busy cursor while the core works, and reports errors plainly. What
each export makes is in ``exportcommands``; the choices before a save in ``shareoptions``; the
import's own dialog in ``importdialog``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QDialog, QWidget

from kvet.exchange.errors import ExchangeError, PasswordNeededError, WrongPasswordError
from kvet.gui.common.problems import Problem, import_problem, save_problem
from kvet.gui.common.state import AppState
from kvet.gui.sharing import exportcommands, filequestions
from kvet.gui.sharing.exportcommands import (
    CALL_SHEET,
    QUESTIONS,
    REPORT,
    SHAREABLE_FILE,
    TABLE,
    Target,
)
from kvet.gui.sharing.importdialog import ImportDialog
from kvet.gui.sharing.progress import Steps, busy
from kvet.gui.sharing.shareoptions import ShareOptionsDialog, ask_include_personal
from kvet.gui.words.errorwords import error_words
from kvet.gui.words.tr import translate
from kvet.store.errors import StorageError

if TYPE_CHECKING:  # the exchange code is loaded when first used, not at start-up
    from PySide6.QtPrintSupport import QPrinter

    from kvet.exchange.fileformat import ComparisonFile

# Above these sizes the work takes over a second (bench/bench_exchange.py): progress shows at once.
LARGE_CLINICS = 30
LARGE_FILE_BYTES = 1024 * 1024
PASSWORD_TRIES = 5  # a wrong password is asked again this many times in all, then explained


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

    # --- asking (the tests answer these in the user's place) ------------------------------------

    def ask_save_path(self, title: str, name: str, suffix: str, filter_: str) -> Path | None:
        return filequestions.ask_save_path(self.window, title, name, suffix, filter_)

    def ask_open_path(self) -> Path | None:
        return filequestions.ask_open_path(self.window)

    def ask_password(self, name: str, *, wrong: bool = False) -> str | None:
        return filequestions.ask_password(self.window, name, wrong=wrong)

    # --- saving ---------------------------------------------------------------------------------

    def _save(
        self, target: Target, path: Path | None, write: Callable[[Path], Path]
    ) -> Path | None:
        """Every export: ask where (unless ``path`` is given), then write there with progress."""
        chosen = self._where(target, path)
        if chosen is None:
            return None
        return self._run(target, lambda: write(chosen))

    def _where(self, target: Target, path: Path | None, title: str = "") -> Path | None:
        """``path``, or where the user chooses to save ``target`` (None: they cancelled)."""
        if path is not None:
            return path
        asked, name = target.save_words(title)
        return self.ask_save_path(asked, name, target.suffix, target.filter)

    def _run(self, target: Target, work: Callable[[], Path]) -> Path | None:
        """Do ``work`` under a busy cursor; say where the file went, or why it was not saved."""
        said = target.said()
        steps = Steps(
            self.window,
            translate("Sharing", "Saving the {what}…").format(what=said),
            1,
            show_now=len(self.state.clinics) > LARGE_CLINICS,
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
        return self._save(REPORT, path, lambda to: exportcommands.write_report(self.state, to))

    def print_report(self, printer: QPrinter | None = None) -> None:
        """Print through the system's print dialog (or on ``printer``, already set up)."""
        if not self.state.comparison_id:
            return
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from kvet.render.pdf import document

        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            dialog = QPrintDialog(printer, self.window)
            dialog.setWindowTitle(translate("Sharing", "Print the report"))
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
        try:
            html = exportcommands.report_html(self.state)
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

        try:
            guide = load_guide()
            title = printout_words()("psychiatrist", "title")  # the sheet's own heading
        except (GuideError, ExchangeError):
            self.problem.emit(
                translate("Sharing", "The questions could not be read. Reinstall kvet to fix it.")
            )
            return None
        chosen = self._where(QUESTIONS, path, title)
        if chosen is None:
            return None
        html = psychiatrist_sheet_html(guide, self.state.checklist)
        return self._run(QUESTIONS, lambda: exportcommands.write_questions(html, title, chosen))

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
            include_personal = ask_include_personal(self.window)
            if include_personal is None:
                return None
        personal = include_personal
        return self._save(
            CALL_SHEET,
            path,
            lambda to: exportcommands.write_call_sheet(self.state, clinic, personal, to),
        )

    def export_csv(self, path: Path | None = None) -> Path | None:
        if not self.state.comparison_id:
            return None
        return self._save(TABLE, path, lambda to: exportcommands.write_table(self.state, to))

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
        secret, personal, courses = password, include_personal, include_courses
        return self._save(
            SHAREABLE_FILE,
            path,
            lambda to: exportcommands.write_shareable_file(
                self.state, to, secret, personal, courses
            ),
        )

    # --- import ---------------------------------------------------------------------------------

    def import_file(self, path: Path | None = None) -> ImportDialog | None:
        """Read and check the whole file first; the import dialog then shows what it would do."""
        path = path or self.ask_open_path()
        if path is None:
            return None
        document = self._read(path)
        if document is None:
            return None
        dialog = ImportDialog(self.state, document, self.problem.emit, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(self.imported)
        dialog.disagreementsCreated.connect(self.disagreementsCreated)
        dialog.open()
        return dialog

    def _read(self, path: Path) -> ComparisonFile | None:
        """The file read and checked, asking for its password as often as needed; None when it
        cannot be opened (the problem is said) or the user cancels."""
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
                    self.problem.emit(import_problem(exc, path.name))
                    return None
            except ExchangeError as exc:
                steps.close()
                self.problem.emit(import_problem(exc, path.name))
                return None
        steps.close()
        return document
